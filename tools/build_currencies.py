"""Append English currency names from CLDR to ``reconcile/data/currencies.tsv`` (dev-time only).

Run from the repository root::

    pip install babel                  # a dev tool here, never a runtime dependency
    python tools/build_currencies.py   # rewrites the generated part of currencies.tsv

The hand-curated rows (everything above the GENERATED marker) stay as they are and win:
a CLDR name that a curated row already lists, or that two ISO codes share, is left out.
Only multi-word names are taken ("Kenyan shillings", "East Caribbean dollars"): a
one-word CLDR name may be an ordinary English word, and the curated rows already hold the
one-word names English news uses ("yen", "baht", "riel").  Names of funds and metals
(ISO codes starting with X, but the franc and dollar zones) and dated variants ("(2009-2024)") are left out.

Source and license: the Unicode CLDR (Unicode License v3), via the ``babel`` package's
English locale data; we ship only the short factual extract (names, ISO codes).
The runtime (``reconcile/extraction/numbers.py``) reads only the TSV; it never imports babel.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

MARKER = "# --- GENERATED below by tools/build_currencies.py from CLDR English names; do not edit ---"
TSV = Path(__file__).resolve().parent.parent / "reconcile" / "data" / "currencies.tsv"
NAME_RE = re.compile(r"[^\W\d_][\w'’ʻ -]*[^\W\d_]")


def main() -> int:
    try:
        from babel.numbers import get_currency_name, list_currencies
    except ImportError:
        print("build_currencies: needs babel (pip install babel)", file=sys.stderr)
        return 2
    lines = TSV.read_text("utf-8").splitlines()
    if MARKER in lines:
        lines = lines[:lines.index(MARKER)]
    curated: dict[str, str] = {}
    for line in lines:
        parts = line.split("\t")
        if line.startswith("#") or len(parts) != 3 or parts[:3] == ["alias", "code", "kind"]:
            continue
        key = parts[0] if parts[2] in ("symbol", "code") else parts[0].lower()
        curated[key] = parts[1]
    found: dict[str, set[str]] = defaultdict(set)
    spelled: dict[str, str] = {}
    for code in sorted(list_currencies()):
        if code.startswith("X") and code not in ("XAF", "XCD", "XOF", "XPF"):
            continue
        for count in (1, 2):
            name = " ".join(get_currency_name(code, count=count, locale="en").split())
            if " " not in name or not NAME_RE.fullmatch(name):
                continue
            found[name.lower()].add(code)
            spelled.setdefault(name.lower(), name)
    rows = []
    for key in sorted(found):
        codes = found[key]
        if len(codes) != 1 or key in curated:
            continue
        rows.append(f"{spelled[key]}\t{next(iter(codes))}\tname")
    TSV.write_text("\n".join(lines + [MARKER] + rows) + "\n", "utf-8")
    print(f"build_currencies: {len(rows)} CLDR names written to {TSV}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Score reconcile's recognizers on Microsoft Recognizers-Text English test specs.

Usage (from the repository root)::

    python3 benchmarks/recognizers.py [SPECS] [--ms-venv DIR | --ms-python PATH] [--failures N]

One command prints both columns, reconcile's and Microsoft's own Python port's::

    python3 benchmarks/recognizers.py --ms-venv /tmp/msrt

``--ms-venv DIR`` creates a virtual environment in DIR (the first time only) and
installs the port there with pip (``recognizers-text-suite "emoji<2"``; the port does
not import with emoji 2), so it never touches this project's environment.

``SPECS`` is the folder that holds ``Specs/`` (default: ``../shared/external/
recognizers-specs`` relative to the repository root; see its README for the format).

Suites and what "passed" means (per test case, all-or-nothing):

* **number** (``Specs/Number/English/NumberModel.json``): the set of
  ``(start, end, value)`` for every number found equals the expected set.  For reconcile,
  "every number" is each ``number``/``percent``/``amount`` expression's figure - the number
  itself, without qualifier words, currency or percent sign ("$20" gives "20"), as the
  spec does; ordinals, ranges and vague quantities are not numbers in this model.  Values
  are compared with a relative tolerance of 1e-9 (the spec rounds to 15 digits).
* **currency** (``Specs/NumberWithUnit/English/CurrencyModel.json``): the set of
  ``(start, end, value, currency)`` for every amount equals the expected set; the span is
  the amount without qualifier words and rate ("$ 70" in "$ 70 - a - share").  The
  currency is compared only when the spec gives an ``isoCurrency`` (it leaves generic
  units such as "Dollar" or "Pound" unresolved); subunit values in the spec ("50 cents" =
  50 Cent) are divided by 100, since reconcile reports amounts in the main unit.
* **datetime** (``Specs/DateTime/English/DateTimeModel.json``): reconcile's side is
  ``reconcile.extract``'s date/time/duration/set expressions (what ``reconcile extract``
  prints), each scored on its ``extent``: the TimeML ``span`` widened by the ``signal``
  the value includes ("after 2018", "in 5 minutes", "2018 or later"; Recognizers puts
  such words in its spans, TimeML does not); the set of these spans equals the expected
  set, and
  each expected ``datetimeV2.date`` has the same timex, or a timex equal to one of its
  resolved values (reconcile resolves "Oct/2" against the reference date where the spec
  writes ``XXXX-10-02``).  The reference date is passed as the anchor.

Microsoft's own Python port (``pip install recognizers-text-suite "emoji<2"``) is scored
on the same cases with the same criterion when it is importable, or when
``--ms-python`` names an interpreter that has it; otherwise that column says so.
Spec flags (``NotSupported``) are ignored: every case counts for both.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPECS = ROOT.parent / "shared" / "external" / "recognizers-specs"
SUITES = {
    "number": "Specs/Number/English/NumberModel.json",
    "currency": "Specs/NumberWithUnit/English/CurrencyModel.json",
    "datetime": "Specs/DateTime/English/DateTimeModel.json",
}
SUBUNITS = {"Cent": 100.0, "Pence": 100.0, "Penny": 100.0}

Item = tuple[Any, ...]


# ------------------------------------------------------------------------ expected


def load_cases(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8-sig") as fh:
        cases: list[dict[str, Any]] = json.load(fh)
    return cases


def _num(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def expected_items(suite: str, case: dict[str, Any]) -> list[Item]:
    out: list[Item] = []
    for r in case.get("Results", []):
        start, end = int(r["Start"]), int(r["End"]) + 1
        res = r.get("Resolution") or {}
        if suite == "number":
            out.append((start, end, _num(res.get("value"))))
        elif suite == "currency":
            value = _num(res.get("value"))
            if value is not None and res.get("unit") in SUBUNITS:
                value /= SUBUNITS[res["unit"]]
            out.append((start, end, value, res.get("isoCurrency")))
        else:
            type_name = r.get("TypeName") or r.get("Typename") or ""
            timexes: set[str] = set()
            if type_name == "datetimeV2.date":
                for v in res.get("values", []):
                    timexes.update(str(v[k]) for k in ("timex", "value") if k in v)
            out.append((start, end, frozenset(timexes)))
    return out


def same(suite: str, got: list[Item], want: list[Item]) -> bool:
    """The pass criterion: equal sets, values within 1e-9, currency only when given."""
    if len(set(got)) != len(set(want)):
        return False
    remaining = list(set(got))
    for w in set(want):
        for g in remaining:
            if _match(suite, g, w):
                remaining.remove(g)
                break
        else:
            return False
    return not remaining


def _match(suite: str, g: Item, w: Item) -> bool:
    if g[:2] != w[:2]:
        return False
    if suite == "datetime":
        return not w[2] or g[2] in w[2]
    if w[2] is None or g[2] is None:
        return w[2] is None and g[2] is None
    if not math.isclose(g[2], w[2], rel_tol=1e-9, abs_tol=1e-12):
        return False
    if suite == "currency" and w[3] is not None:
        return bool(g[3] == w[3])
    return True


# ---------------------------------------------------------------------- reconcile


def reconcile_runner(suite: str) -> Callable[[dict[str, Any]], list[Item]] | None:
    sys.path.insert(0, str(ROOT))
    if suite == "datetime":
        try:
            from reconcile.expressions import extract
        except ImportError:
            return None

        def run_dates(case: dict[str, Any]) -> list[Item]:
            anchor = _anchor(case)
            out: list[Item] = []
            for e in extract(case["Input"], anchor):
                if e.kind not in ("date", "time", "duration", "set"):
                    continue
                timex = getattr(e.value, "timex", None)
                start, end = e.extent  # the span with its signal ("after 2018")
                out.append((start, end, timex))
            return out

        return run_dates

    from reconcile.numbers import _scan

    def run_numbers(case: dict[str, Any]) -> list[Item]:
        out: list[Item] = []
        for f in _scan(case["Input"]):
            if suite == "number":
                if f.kind in ("number", "percent", "amount") and f.figure is not None:
                    out.append((f.figure[0], f.figure[1], f.figure_value))
            elif f.kind == "amount":
                currency = getattr(f.value, "currency", None)
                out.append((f.core[0], f.core[1], f.value.value, currency))
        return out

    return run_numbers


def _anchor(case: dict[str, Any]) -> dt.date | None:
    ref = (case.get("Context") or {}).get("ReferenceDateTime")
    return dt.datetime.fromisoformat(ref).date() if ref else None


# ----------------------------------------------------------------- microsoft port


def ms_items(suite: str, cases: list[dict[str, Any]]) -> list[list[Item]]:
    """Run Microsoft's Python port in this interpreter (raises ImportError)."""
    from recognizers_suite import (  # type: ignore[import-not-found]
        Culture,
        recognize_currency,
        recognize_datetime,
        recognize_number,
    )

    results: list[list[Item]] = []
    for case in cases:
        text = case["Input"]
        out: list[Item] = []
        try:
            if suite == "number":
                for r in recognize_number(text, Culture.English):
                    if r.type_name == "number":
                        out.append((r.start, r.end + 1, _num((r.resolution or {}).get("value"))))
            elif suite == "currency":
                for r in recognize_currency(text, Culture.English):
                    res = r.resolution or {}
                    value = _num(res.get("value"))
                    if value is not None and res.get("unit") in SUBUNITS:
                        value /= SUBUNITS[res["unit"]]
                    out.append((r.start, r.end + 1, value, res.get("isoCurrency")))
            else:
                ref = (case.get("Context") or {}).get("ReferenceDateTime")
                ref_dt = dt.datetime.fromisoformat(ref) if ref else None
                for r in recognize_datetime(text, Culture.English, reference=ref_dt):
                    values = (r.resolution or {}).get("values") or [{}]
                    out.append((r.start, r.end + 1, values[0].get("timex")))
        except Exception as exc:  # the port raises on some inputs; count as a failure
            out = [("error", type(exc).__name__)]
        results.append(out)
    return results


def run_ms(
    suite: str, path: Path, ms_python: str | None
) -> tuple[list[list[Item]] | None, str]:
    cases = load_cases(path)
    if ms_python is None:
        try:
            return ms_items(suite, cases), "in-process"
        except ImportError:
            return None, (
                "not installed (use --ms-venv DIR to install it in a separate venv, "
                "or --ms-python PATH)"
            )
    proc = subprocess.run(
        [ms_python, __file__, "--ms-worker", suite, str(path)],
        capture_output=True, text=True, check=False,
    )
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["failed"])[-1]
        return None, f"unavailable via {ms_python}: {last}"
    raw = json.loads(proc.stdout)
    return [[tuple(i) for i in items] for items in raw], f"via {ms_python}"


def ensure_ms_venv(venv: Path) -> str:
    """The interpreter of ``venv``, with Microsoft's port installed in it (once)."""
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    check = [str(python), "-c", "import recognizers_suite"]
    if python.exists() and subprocess.run(check, capture_output=True,
                                          check=False).returncode == 0:
        return str(python)
    print(f"recognizers: installing Microsoft's port into {venv} ...", file=sys.stderr)
    steps = [[sys.executable, "-m", "venv", str(venv)],
             [str(python), "-m", "pip", "install", "-q", "recognizers-text-suite",
              "emoji<2"]]
    for cmd in steps:
        if cmd[0] == str(python) and not python.exists():
            break
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            last = (proc.stderr.strip().splitlines() or ["failed"])[-1]
            raise RuntimeError(f"cannot set up {venv}: {' '.join(cmd[:3])}: {last}")
    if subprocess.run(check, capture_output=True, check=False).returncode != 0:
        raise RuntimeError(f"recognizers_suite does not import in {venv}")
    return str(python)


# ---------------------------------------------------------------------------- main


def score(suite: str, cases: list[dict[str, Any]], got: list[list[Item]]) -> list[int]:
    return [
        i for i, (case, items) in enumerate(zip(cases, got))
        if same(suite, items, expected_items(suite, case))
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("specs", nargs="?", default=str(DEFAULT_SPECS))
    parser.add_argument("--ms-python", default=None,
                        help="an interpreter with recognizers-text-suite installed")
    parser.add_argument("--ms-venv", default=None, metavar="DIR",
                        help="a virtual environment for Microsoft's port: created and "
                             "installed the first time, then used")
    parser.add_argument("--failures", type=int, default=0,
                        help="print up to N failing cases per suite")
    parser.add_argument("--suite", choices=sorted(SUITES), action="append")
    parser.add_argument("--no-ms", action="store_true", help="skip Microsoft's port")
    parser.add_argument("--ms-worker", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.ms_worker:
        suite, path = args.ms_worker
        cases = load_cases(Path(path))
        json.dump(ms_items(suite, cases), sys.stdout)
        return 0

    if args.ms_venv:
        try:
            args.ms_python = ensure_ms_venv(Path(args.ms_venv))
        except RuntimeError as exc:
            print(f"recognizers: {exc}", file=sys.stderr)
            return 2

    specs = Path(args.specs)
    if not (specs / "Specs").is_dir():
        print(f"recognizers specs not found: {specs / 'Specs'} "
              "(pass the folder that holds Specs/)", file=sys.stderr)
        return 2

    print(f"{'suite':<10} {'cases':>6} {'reconcile':>10} {'microsoft':>10}  notes")
    for suite in args.suite or ["number", "currency", "datetime"]:
        path = specs / SUITES[suite]
        if not path.is_file():
            print(f"{suite:<10} missing {path}")
            continue
        cases = load_cases(path)
        runner = reconcile_runner(suite)
        notes: list[str] = []
        ours = "-"
        if runner is None:
            notes.append("reconcile.expressions not available")
            passed: list[int] = []
        else:
            t0 = time.perf_counter()
            got = [runner(case) for case in cases]
            elapsed = time.perf_counter() - t0
            passed = score(suite, cases, got)
            ours = str(len(passed))
            notes.append(f"reconcile {elapsed:.2f}s")
        theirs = "-"
        if args.no_ms:
            notes.append("microsoft skipped")
        else:
            t0 = time.perf_counter()
            ms, how = run_ms(suite, path, args.ms_python)
            if ms is None:
                notes.append(f"microsoft {how}")
            else:
                theirs = str(len(score(suite, cases, ms)))
                notes.append(f"microsoft {how} {time.perf_counter() - t0:.1f}s")
        print(f"{suite:<10} {len(cases):>6} {ours:>10} {theirs:>10}  {'; '.join(notes)}")
        if args.failures and runner is not None:
            ok = set(passed)
            shown = 0
            for i, case in enumerate(cases):
                if i in ok:
                    continue
                if shown >= args.failures:
                    break
                shown += 1
                print(f"  FAIL {case['Input'][:100]!r}")
                print(f"       want {sorted(expected_items(suite, case), key=str)}")
                print(f"       got  {sorted(runner(case), key=str)}")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())

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

A second way of counting, **by text**, is printed beside: each case passes when the
multiset of (``Text`` as the spec writes it, lower-cased, with its bounding words, and
resolved value) equals ours; offsets play no part.  It differs from the first way in:

* datetime: only the 768 cases whose results are all dates, date ranges, date-times or
  their ranges are scored (times alone, durations, sets, time zones are left out), and
  the value of EVERY result is compared, not only ``datetimeV2.date``'s: our timex
  equals the spec's (a spec ``XXXX`` matching any year), or our calendar bounds equal
  its resolved day or range (the range end read as exclusive at midnight, or
  inclusive); ``T16:00`` and ``T16`` are one value;
* currency: the amount's own words ("$ 14 million"): reconcile keeps the qualifier and
  rate ("about $ 14 million a share") in the expression it prints but records them in
  the value (``qualifier``, ``per``), as the spec does by leaving them out of ``Text``.
  Counted by the whole expression text instead, the qualifier and rate words are
  mismatches; the notes give that count too ("by whole expression text").

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
import re
import subprocess
import sys
import time
from pathlib import Path
from collections.abc import Callable
from typing import Any

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
            from reconcile.extraction.expressions import extract
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

    from reconcile.extraction.numbers import _scan

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
        except Exception as exc:  # noqa: BLE001 - the port raises on some inputs; count as a failure
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


# ------------------------------------------------------------- by text (second way)

DATE_TYPES = frozenset({"datetimeV2.date", "datetimeV2.daterange", "datetimeV2.datetime",
                        "datetimeV2.datetimerange"})


def _type_name(r: dict[str, Any]) -> str:
    return str(r.get("TypeName") or r.get("Typename") or "")


def text_scored(suite: str, case: dict[str, Any]) -> bool:
    """Whether the by-text count scores this case: every case, but for datetime only the
    cases whose expected results are all dates, date ranges, date-times or their ranges
    (times alone, durations, sets and time zones are left out)."""
    if suite != "datetime":
        return True
    return all(_type_name(r) in DATE_TYPES for r in case.get("Results", []))


def expected_text_items(suite: str, case: dict[str, Any]) -> list[Item]:
    """(lower-cased Text as the spec writes it, resolved value...) per expected result."""
    out: list[Item] = []
    for r, (_, _, *rest) in zip(case.get("Results", []), expected_items(suite, case)):
        text = str(r.get("Text", "")).lower()
        if suite != "datetime":
            out.append((text, *rest))
            continue
        res = r.get("Resolution") or {}
        accepted: set[str] = set()
        for v in res.get("values", []):
            accepted.update(str(v[k]) for k in ("timex",) if k in v)
            if "value" in v:
                accepted.add(str(v["value"])[:10])
            if "start" in v and "end" in v:
                # a range: its days, the end read as exclusive at midnight or inclusive
                start, end_s = str(v["start"]), str(v["end"])
                accepted.add(f"{start[:10]}..{end_s[:10]}")
                try:
                    end = dt.date.fromisoformat(end_s[:10]) - dt.timedelta(days=1)
                except ValueError:
                    continue
                if end_s[10:].strip() in ("", "00:00:00"):
                    accepted.add(f"{start[:10]}..{end.isoformat()}")
        out.append((text, frozenset(accepted)))
    return out


def _text_match(suite: str, g: Item, w: Item) -> bool:
    if g[0] != w[0]:
        return False
    if suite == "datetime":
        return not w[1] or any(v in w[1] or any(_x_match(x, v) for x in w[1]) for v in g[1])
    return _match(suite, (0, 0, *g[1:]), (0, 0, *w[1:]))


def _x_match(pattern: str, timex: str) -> bool:
    """A spec timex with unresolved parts ("XXXX-08") against a resolved one ("2017-08")."""
    return "X" in pattern and len(pattern) == len(timex) and all(
        p == t or (p == "X" and t.isdigit()) for p, t in zip(pattern, timex))


def same_text(suite: str, got: list[Item], want: list[Item]) -> bool:
    if len(got) != len(want):
        return False
    remaining = list(got)
    for w in want:
        for g in remaining:
            if _text_match(suite, g, w):
                remaining.remove(g)
                break
        else:
            return False
    return True


def public_runner(suite: str, strict: bool = False) -> Callable[[dict[str, Any]], list[Item]]:
    """reconcile's side read the way a user sees it: ``reconcile.extract``'s expressions,
    each by its text (dates: with the signal the value includes) and value.  ``strict``:
    amounts by their whole expression text, qualifier and rate words included."""
    sys.path.insert(0, str(ROOT))
    from reconcile.extraction.expressions import extract

    def run(case: dict[str, Any]) -> list[Item]:
        text = case["Input"]
        out: list[Item] = []
        for e in extract(text, _anchor(case)):
            if suite == "datetime" and e.kind in ("date", "time", "duration", "set"):
                s, t = e.extent
                timex = str(getattr(e.value, "timex", e.value))
                # the same value written as the spec writes it: "T16" for "T16:00"
                values = {timex, re.sub(r"T(\d\d):00(?![:\d])", r"T\1", timex)}
                lo, hi = getattr(e.value, "earliest", None), getattr(e.value, "latest", None)
                if lo is not None and hi is not None:
                    values.add(f"{lo}..{hi}")
                    if lo == hi:
                        values.add(lo.isoformat())
                out.append((text[s:t].lower(), frozenset(values)))
            elif suite == "number" and e.kind == "number":
                out.append((e.text.lower(), getattr(e.value, "value", None)))
            elif suite == "currency" and e.kind == "amount" and strict:
                out.append((e.text.lower(), getattr(e.value, "value", None),
                            getattr(e.value, "currency", None)))
        if suite == "currency" and not strict:
            # the amount's own words: the qualifier ("about") and rate ("a share") that
            # reconcile keeps in the expression are in its value (qualifier, per), and the
            # spec leaves them out of Text, as TimeML leaves a signal out of a date
            from reconcile.extraction.numbers import _scan
            for f in _scan(text):
                if f.kind == "amount":
                    out.append((text[f.core[0]:f.core[1]].lower(), f.value.value,
                                getattr(f.value, "currency", None)))
        return out

    return run


def ms_text_items(suite: str, case: dict[str, Any], items: list[Item]) -> list[Item]:
    """Microsoft's offsets turned into (text, value...) like the spec's."""
    text = case["Input"]
    out: list[Item] = []
    for it in items:
        if not isinstance(it[0], int):
            return [("error",)]
        t = text[it[0]:it[1]].lower()
        if suite == "datetime":
            out.append((t, frozenset([str(it[2])])))
        else:
            out.append((t, *it[2:]))
    return out


def score_text(suite: str, cases: list[dict[str, Any]], got: list[list[Item]]) -> list[int]:
    return [i for i, (case, items) in enumerate(zip(cases, got))
            if text_scored(suite, case) and same_text(suite, items, expected_text_items(suite, case))]


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
    parser.add_argument("--text-failures", type=int, default=0,
                        help="print up to N cases failing the by-text count per suite")
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

    print(f"{'suite':<10} {'cases':>6} {'reconcile':>10} {'microsoft':>10}  "
          f"{'by text':>8} {'reconcile':>10} {'microsoft':>10}  notes")
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
            notes.append("reconcile.extraction.expressions not available")
            passed: list[int] = []
        else:
            t0 = time.perf_counter()
            got = [runner(case) for case in cases]
            elapsed = time.perf_counter() - t0
            passed = score(suite, cases, got)
            ours = str(len(passed))
            notes.append(f"reconcile {elapsed:.2f}s")
        n_text = sum(text_scored(suite, c) for c in cases)
        pub = public_runner(suite)
        got_text = [pub(case) for case in cases]
        passed_text = score_text(suite, cases, got_text)
        ours_text, theirs_text = str(len(passed_text)), "-"
        if suite == "currency":
            strict_pub = public_runner(suite, strict=True)
            n_strict = len(score_text(suite, cases, [strict_pub(c) for c in cases]))
            notes.append(f"by whole expression text (with 'about', 'a share'): {n_strict}")
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
                theirs_text = str(len(score_text(
                    suite, cases, [ms_text_items(suite, c, it) for c, it in zip(cases, ms)])))
                notes.append(f"microsoft {how} {time.perf_counter() - t0:.1f}s")
        print(f"{suite:<10} {len(cases):>6} {ours:>10} {theirs:>10}  {n_text:>8} "
              f"{ours_text:>10} {theirs_text:>10}  {'; '.join(notes)}")
        if (args.failures or args.text_failures) and runner is not None:
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
            if args.text_failures:
                ok_t = set(passed_text)
                shown = 0
                for i, case in enumerate(cases):
                    if i in ok_t or not text_scored(suite, case):
                        continue
                    if shown >= args.text_failures:
                        break
                    shown += 1
                    print(f"  TEXT FAIL {case['Input'][:100]!r}")
                    print(f"       want {expected_text_items(suite, case)}")
                    print(f"       got  {got_text[i]}")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())

"""Score ``reconcile extract`` (its date, time, duration and set expressions) on the
TempEval-3 platinum test set.

Usage (from the repository root; one command, prints every figure)::

    python3 benchmarks/tempeval3.py [TEMPEVAL3_DIR] [--errors]

``TEMPEVAL3_DIR`` defaults to ``../shared/external/tempeval3`` relative to the
repository root.  It must hold ``te3-platinum-input/*.tml.TE3input`` (system input:
DCT and plain ``<TEXT>``) and ``te3-platinum/*.tml`` (gold TimeML).

Scoring follows the official TempEval-3 definitions (micro-averaged over the corpus):

* strict extent: a system timex and a gold timex have the same extent;
* relaxed extent: they overlap (share at least one token);
* value F1: a true positive is a relaxed match whose normalized value equals the
  gold value as a string; value F1 = 2 * correct / (gold + system), i.e. value
  accuracy over relaxed matches times relaxed F1.

Our kinds map to TIMEX3 types: date -> DATE, time -> TIME, duration -> DURATION,
set -> SET.  Figures are given for all TIMEX3 and for DATE alone.  The script also
measures expressions per second of ``reconcile extract`` (the library function, and the
command reading the texts as JSONL in one process) against
``dateparser.search.search_dates`` on the same texts in the same run.  Exit code 2 when
the data folder is missing.
"""

from __future__ import annotations

import datetime as dt
import glob
import html
import json
import os
import re
import subprocess
import sys
import time
import warnings
from dataclasses import dataclass

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from reconcile.model import DateValue
from reconcile.expressions import extract as _extract

PUBLISHED = [
    # system, strict F1, relaxed F1, value F1 (TempEval-3 task paper, Task A)
    ("HeidelTime", 81.34, 90.30, 77.61),
    ("NavyTime", 78.72, 89.36, 70.97),
    ("SUTime", 79.57, 90.32, 67.38),
]

TYPE_OF_KIND = {"date": "DATE", "time": "TIME", "duration": "DURATION", "set": "SET"}


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    type: str
    value: str
    text: str


def _text_part(doc: str) -> str:
    i = doc.index("<TEXT>") + len("<TEXT>")
    j = doc.index("</TEXT>")
    return doc[i:j]


_TAG_RE = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
_ATTR_RE = re.compile(r'(\w+)="([^"]*)"')


def read_gold(path: str) -> tuple[str, list[Timex]]:
    """Plain text of ``<TEXT>`` (tags removed) and its TIMEX3 with offsets."""
    with open(path, encoding="utf-8") as f:
        raw = _text_part(f.read())
    out: list[str] = []
    pos = 0
    n = 0
    timexes: list[Timex] = []
    open_tx: tuple[int, dict[str, str]] | None = None
    for m in _TAG_RE.finditer(raw):
        chunk = html.unescape(raw[pos:m.start()])
        out.append(chunk)
        n += len(chunk)
        pos = m.end()
        closing, name = m.group(1), m.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_tx = (n, dict(_ATTR_RE.findall(m.group(3))))
        elif open_tx is not None:
            s, attrs = open_tx
            timexes.append(Timex(s, n, attrs.get("type", ""), attrs.get("value", ""), ""))
            open_tx = None
    chunk = html.unescape(raw[pos:])
    out.append(chunk)
    text = "".join(out)
    timexes = [Timex(t.start, t.end, t.type, t.value, text[t.start:t.end]) for t in timexes]
    return text, timexes


def read_input(path: str) -> tuple[dt.date, str]:
    with open(path, encoding="utf-8") as f:
        doc = f.read()
    dct = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"(\d{4}-\d{2}-\d{2})", doc)
    if dct is None:
        raise ValueError(f"{path}: no DCT")
    anchor = dt.date.fromisoformat(dct.group(1))
    return anchor, html.unescape(_text_part(doc))


def system_timexes(text: str, anchor: dt.date) -> list[Timex]:
    out = []
    for e in _extract(text, anchor):
        if e.kind not in TYPE_OF_KIND:
            continue
        value = e.value.timex if isinstance(e.value, DateValue) else str(e.value)
        out.append(Timex(e.span[0], e.span[1], TYPE_OF_KIND.get(e.kind, e.kind), value, e.text))
    return out


def _prf(tp_p: int, n_sys: int, tp_r: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_sys if n_sys else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return 100 * p, 100 * r, 100 * f


@dataclass
class Counts:
    n_sys: int = 0
    n_gold: int = 0
    strict_sys: int = 0
    strict_gold: int = 0
    relaxed_sys: int = 0
    relaxed_gold: int = 0
    value_ok: int = 0


def score(gold: list[Timex], sys_: list[Timex], c: Counts, errors: list[str] | None,
          doc: str) -> None:
    def overlap(a: Timex, b: Timex) -> bool:
        return a.start < b.end and b.start < a.end

    c.n_sys += len(sys_)
    c.n_gold += len(gold)
    for s in sys_:
        if any(overlap(s, g) for g in gold):
            c.relaxed_sys += 1
        if any((s.start, s.end) == (g.start, g.end) for g in gold):
            c.strict_sys += 1
        elif errors is not None and not any(overlap(s, g) for g in gold):
            errors.append(f"{doc}: FALSE POSITIVE {s.text!r} {s.type} {s.value}")
    for g in gold:
        matches = [s for s in sys_ if overlap(s, g)]
        if not matches:
            if errors is not None:
                errors.append(f"{doc}: MISSED {g.text!r} {g.type} {g.value}")
            continue
        c.relaxed_gold += 1
        if any((s.start, s.end) == (g.start, g.end) for s in matches):
            c.strict_gold += 1
        best = max(matches, key=lambda s: min(s.end, g.end) - max(s.start, g.start))
        if best.value == g.value:
            c.value_ok += 1
        elif errors is not None:
            errors.append(f"{doc}: VALUE {g.text!r} gold {g.value} ({g.type}); "
                          f"ours {best.text!r} {best.value} ({best.type})")


def figures(c: Counts) -> tuple[float, float, float, float, float, float, float]:
    sp, sr, sf = _prf(c.strict_sys, c.n_sys, c.strict_gold, c.n_gold)
    rp, rr, rf = _prf(c.relaxed_sys, c.n_sys, c.relaxed_gold, c.n_gold)
    vf = 100 * 2 * c.value_ok / (c.n_gold + c.n_sys) if c.n_gold + c.n_sys else 0.0
    return sp, sr, sf, rp, rr, rf, vf


def speed(texts: list[tuple[dt.date, str]], reps: int = 20) -> None:
    """Expressions per second of ``reconcile extract`` (library and command) and of
    ``dateparser.search.search_dates`` on the same texts, in this run."""
    from reconcile.expressions import extract

    extract(texts[0][1], texts[0][0])  # warm-up: imports and compiled patterns
    t0 = time.perf_counter()
    n_all = n_dates = 0
    for _ in range(reps):
        for anchor, text in texts:
            found = extract(text, anchor)
            n_all += len(found)
            n_dates += sum(e.kind in TYPE_OF_KIND for e in found)
    t_lib = (time.perf_counter() - t0) / reps
    n_all //= reps
    n_dates //= reps
    print(f"Speed on the same {len(texts)} documents ({sum(len(t) for _, t in texts):,} "
          "characters):")
    print(f"  reconcile.extract()        {n_all:5d} expressions ({n_dates} temporal) in "
          f"{t_lib * 1000:7.1f} ms per pass: {n_all / t_lib:9,.0f} expressions/s "
          f"({reps} passes)")

    lines = "".join(
        json.dumps({"id": i, "text": text, "anchor": anchor.isoformat()}) + "\n"
        for i, (anchor, text) in enumerate(texts * reps))
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "reconcile.cli", "extract", "-",
                           "--input-format", "jsonl"], input=lines, capture_output=True,
                          text=True, cwd=ROOT, check=False)
    t_cli = time.perf_counter() - t0
    if proc.returncode == 0:
        n_cli = sum(len(json.loads(ln)["expressions"]) for ln in proc.stdout.splitlines())
        print(f"  reconcile extract (jsonl)  {n_cli // reps:5d} expressions x {reps} in "
              f"{t_cli * 1000:7.1f} ms total: {n_cli / t_cli:9,.0f} expressions/s "
              "(one process, start-up included)")
    else:
        print(f"  reconcile extract: failed: {proc.stderr.strip()[-200:]}")
        t_cli = n_cli = 0

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from dateparser.search import search_dates

            search_dates("on 3 May 2020", languages=["en"])  # warm-up: language data
            t0 = time.perf_counter()
            n_dp = 0
            for anchor, text in texts:
                base = dt.datetime(anchor.year, anchor.month, anchor.day)
                found_dp = search_dates(text, languages=["en"],
                                        settings={"RELATIVE_BASE": base,
                                                  "PREFER_DATES_FROM": "past"})
                n_dp += len(found_dp or [])
            t_dp = time.perf_counter() - t0
    except ImportError:
        print("  search_dates: dateparser not installed")
        return
    rate_dp = n_dp / t_dp if t_dp else 0.0
    print(f"  dateparser search_dates()  {n_dp:5d} expressions (dates only) in "
          f"{t_dp * 1000:7.1f} ms per pass: {rate_dp:9,.0f} expressions/s (1 pass)")
    if rate_dp:
        print(f"  => reconcile.extract() is {n_all / t_lib / rate_dp:,.0f}x the expressions/s "
              f"of search_dates; the jsonl command {n_cli / t_cli / rate_dp if t_cli else 0:,.0f}x"
              " (counting only temporal expressions: "
              f"{n_dates / t_lib / rate_dp:,.0f}x)")


def main(argv: list[str]) -> int:
    show_errors = "--errors" in argv
    args = [a for a in argv if not a.startswith("--")]
    folder = args[0] if args else os.path.join(ROOT, "..", "shared", "external", "tempeval3")
    inputs = sorted(glob.glob(os.path.join(folder, "te3-platinum-input", "*.tml.TE3input")))
    gold_dir = os.path.join(folder, "te3-platinum")
    if not inputs or not os.path.isdir(gold_dir):
        print(f"tempeval3: TempEval-3 data not found under {os.path.abspath(folder)} "
              "(need te3-platinum-input/ and te3-platinum/; pass the folder as the first "
              "argument)", file=sys.stderr)
        return 2
    gold_files = {os.path.basename(p)[:-4].lower(): p
                  for p in glob.glob(os.path.join(gold_dir, "*.tml"))}
    all_c, date_c = Counts(), Counts()
    errors: list[str] | None = [] if show_errors else None
    texts: list[tuple[dt.date, str]] = []
    for path in inputs:
        name = os.path.basename(path)[: -len(".tml.TE3input")]
        key = name.lower()
        gpath = gold_files.get(key) or gold_files.get(key.replace("sarkozy", "sarcozy"))
        if gpath is None:
            print(f"tempeval3: no gold file for {name}; skipped")
            continue
        anchor, text = read_input(path)
        gtext, gold = read_gold(gpath)
        if gtext != text:
            print(f"tempeval3: {name}: gold text differs from input text; offsets may be off")
        texts.append((anchor, text))
        sys_ = system_timexes(text, anchor)
        score(gold, sys_, all_c, errors, name)
        score([g for g in gold if g.type == "DATE"], [s for s in sys_ if s.type == "DATE"],
              date_c, None, name)

    print(f"TempEval-3 platinum: {len(texts)} documents, {all_c.n_gold} gold TIMEX3 "
          f"({date_c.n_gold} DATE); ours: {all_c.n_sys} ({date_c.n_sys} date)")
    print()
    head = f"{'system':<26}{'strict P':>9}{'R':>7}{'F1':>7}{'relax P':>9}{'R':>7}{'F1':>7}" \
           f"{'value F1':>10}"
    print(head)
    print("-" * len(head))
    for label, c in (("reconcile (all TIMEX3)", all_c), ("reconcile (DATE only)", date_c)):
        sp, sr, sf, rp, rr, rf, vf = figures(c)
        print(f"{label:<26}{sp:>9.2f}{sr:>7.2f}{sf:>7.2f}{rp:>9.2f}{rr:>7.2f}{rf:>7.2f}"
              f"{vf:>10.2f}")
    for name, sf, rf, vf in PUBLISHED:
        print(f"{name + ' (published)':<26}{'':>9}{'':>7}{sf:>7.2f}{'':>9}{'':>7}{rf:>7.2f}"
              f"{vf:>10.2f}")
    print()

    # ---------------------------------------------------------------- speed
    speed(texts)

    if errors is not None:
        print()
        for line in errors:
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

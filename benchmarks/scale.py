"""Scale benchmark: the whole pipeline on generated corpora of growing size.

For each size (default 1k, 4k and 16k articles) a corpus with known truth is generated
(``benchmarks/corpus.py``) and written to a temporary folder; then a fresh Python
process runs ``reconcile`` on it, so that peak memory is that run's alone.  Printed per
size:

- wall time end to end (read, extract, match, verdicts, render JSON and markdown) and
  articles per second;
- peak memory (maximum resident set) of the main process and of the largest worker;
- time per stage: ``read`` (discover, decode, front matter), ``extract`` (time the
  pipeline waits on the analyser: with ``--jobs N`` the workers' time overlaps),
  ``match`` (blocking, scoring, clustering), ``verdicts`` (everything else in assembling
  the report: renumbering, findings, summaries), ``render`` (JSON written to a file event by event, plus markdown);
- matching quality against the truth: pairwise precision, recall and F1 over the true
  mentions (a true mention the extractor missed counts as a singleton), and verdict
  accuracy (per true event and attribute, the verdict of the reported event holding
  most of its mentions, against the expected one);
- the baseline a user would write: ``dateparser.search.search_dates`` over the same
  texts.  It is slow, so it is timed on a sample (``--baseline-sample``, default 100
  articles) and extrapolated to the size, which the table says; ``--baseline-sample 0``
  times every article.

Usage::

    python benchmarks/scale.py                       # 1000 4000 16000
    python benchmarks/scale.py --sizes 2000 --jobs 1
    python benchmarks/scale.py --sizes 100000 --no-baseline --no-quality
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


# ----------------------------------------------------------------- quality


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def quality(report: Any, truth: dict[str, Any]) -> dict[str, Any]:
    """Pairwise precision/recall/F1 of events and verdict accuracy against ``truth``."""
    by_source: dict[str, list[tuple[Any, str]]] = defaultdict(list)
    path_of = {s.id: Path(s.path).name for s in report.sources}
    for e in report.events:
        for m in e.mentions:
            by_source[path_of[m.source]].append((m, e.id))
    true_label: list[str] = []
    pred_label: list[str] = []
    used: set[str] = set()
    for path, art in truth["articles"].items():
        for tm in art["mentions"]:
            s, t = tm["span"]
            ttype = truth["events"][tm["event"]]["type"]
            hits = [(m, eid) for m, eid in by_source.get(path, [])
                    if m.sentence_span[0] < t and s < m.sentence_span[1]]
            hits.sort(key=lambda h: h[0].type != ttype)
            true_label.append(tm["event"])
            if hits:
                pred_label.append(hits[0][1])
                used.update(m.id for m, _ in hits)
            else:
                pred_label.append(f"missed:{path}:{s}")
    cells = Counter(zip(true_label, pred_label))
    tp = sum(_pairs(n) for n in cells.values())
    true_pairs = sum(_pairs(n) for n in Counter(true_label).values())
    pred_pairs = sum(_pairs(n) for n in Counter(pred_label).values())
    precision = tp / pred_pairs if pred_pairs else 1.0
    recall = tp / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    spurious = sum(1 for ms in by_source.values() for m, _ in ms if m.id not in used)

    # verdicts: the reported event holding most of each true event's mentions
    members: dict[str, Counter[str]] = defaultdict(Counter)
    for t, p in zip(true_label, pred_label):
        members[t][p] += 1
    events = {e.id: e for e in report.events}
    right = total = 0
    wrong: Counter[str] = Counter()
    for tid, info in truth["events"].items():
        best = members[tid].most_common(1)[0][0] if members[tid] else None
        event = events.get(best) if best else None
        for attr, expected in sorted(info["expected"].items()):
            total += 1
            got = "missing"
            if event is not None:
                fs = [f for f in event.findings if f.attribute == attr]
                if fs:
                    f = max(fs, key=lambda f: sum(len(v.claims) for v in f.values))
                    got = f.verdict
            if got == expected:
                right += 1
            else:
                wrong[f"{attr}: expected {expected}, got {got}"] += 1
    return {
        "precision": precision, "recall": recall, "f1": f1,
        "verdict_accuracy": right / total if total else 1.0, "verdicts": total,
        "true_mentions": len(true_label),
        "missed_mentions": sum(1 for p in pred_label if p.startswith("missed:")),
        "spurious_mentions": spurious, "verdict_errors": dict(wrong.most_common(8)),
    }


# ----------------------------------------------------------------- one run


def _timed_iter(it: Any, clock: list[float]) -> Iterator[Any]:
    """Re-yield ``it``, adding the time spent waiting on it to ``clock[0]``."""
    iterator = iter(it)
    while True:
        t = time.perf_counter()
        try:
            item = next(iterator)
        except StopIteration:
            clock[0] += time.perf_counter() - t
            return
        clock[0] += time.perf_counter() - t
        yield item


def run_one(folder: Path, jobs: int | None, baseline_sample: int, with_quality: bool,
            seed: int) -> dict[str, Any]:
    """Reconcile ``folder/articles`` in this process and measure it."""
    from reconcile import pipeline
    from reconcile.match import matching
    from reconcile.engines import ProcessPoolAnalyser
    from reconcile.render import render_markdown
    from reconcile.render.json_report import write_json
    from reconcile.read import read_sources
    from reconcile.extraction.vocabulary import load_vocabulary

    articles = str(folder / "articles")
    stages: dict[str, float] = {}
    cpu0 = _cpu()
    t0 = time.perf_counter()
    vocab = load_vocabulary(None)
    sources, skipped, warnings = read_sources([articles])
    t1 = time.perf_counter()
    stages["read"] = t1 - t0

    extract_clock = [0.0]
    match_clock = [0.0]
    inner = ProcessPoolAnalyser(jobs)

    def analyser(srcs: Sequence[Any], voc: Any) -> Iterator[Any]:
        return _timed_iter(inner(srcs, voc), extract_clock)

    def timed_cluster(*args: Any) -> Any:
        t = time.perf_counter()
        try:
            return matching.cluster(*args)
        finally:
            match_clock[0] += time.perf_counter() - t

    report = pipeline.assemble(sources, skipped, warnings, vocab, analyser,
                               matcher=timed_cluster)
    t2 = time.perf_counter()
    stages["extract"] = extract_clock[0]
    stages["match"] = match_clock[0]
    stages["verdicts"] = (t2 - t1) - extract_clock[0] - match_clock[0]
    with pipeline.collector_paused():  # as the CLI renders
        with open(folder / "report.json", "w", encoding="utf-8") as fh:
            write_json(report, fh.write)  # as `reconcile report --format json -o FILE` does
        md = render_markdown(report)
    t3 = time.perf_counter()
    stages["render"] = t3 - t2
    wall = t3 - t0
    cpu = _cpu() - cpu0
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    out: dict[str, Any] = {
        "articles": len(sources), "events": len(report.events),
        "mentions": sum(len(e.mentions) for e in report.events),
        "wall": wall, "cpu": cpu, "stages": stages, "peak_mb": peak_self, "peak_worker_mb": peak_child,
        "json_bytes": (folder / "report.json").stat().st_size, "markdown_bytes": len(md),
    }
    del md
    if with_quality:
        truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
        out["quality"] = quality(report, truth)
    if baseline_sample >= 0:
        out["baseline"] = baseline([s.text for s in sources], baseline_sample, seed)
    return out


def _cpu() -> float:
    """CPU seconds used by this process and its finished children (workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def baseline(texts: list[str], sample: int, seed: int) -> dict[str, Any]:
    """Time ``dateparser.search.search_dates`` over ``texts`` (or a sample, extrapolated)."""
    from dateparser.search import search_dates

    chosen = texts
    if 0 < sample < len(texts):
        chosen = random.Random(seed).sample(texts, sample)
    search_dates("warm up on March 3, 2024")
    t = time.perf_counter()
    for text in chosen:
        search_dates(text)
    took = time.perf_counter() - t
    return {"timed": len(chosen), "seconds": took * len(texts) / len(chosen),
            "extrapolated": len(chosen) < len(texts)}


# ----------------------------------------------------------------- driver


def _machine() -> str:
    model = "unknown CPU"
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
        for line in out.splitlines():
            if line.startswith("Model name:"):
                model = line.split(":", 1)[1].strip()
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs, {model}, Python {sys.version.split()[0]}"


def _fmt_row(size: int, r: dict[str, Any]) -> str:
    st = r["stages"]
    q = r.get("quality")
    b = r.get("baseline")
    qual = (f"{q['precision']:.3f} {q['recall']:.3f} {q['f1']:.3f} {q['verdict_accuracy']:.3f}"
            if q else "-")
    base = "-"
    if b:
        base = (f"{b['seconds']:.0f}s{'*' if b['extrapolated'] else ''} "
                f"({b['seconds'] / r['wall']:.0f}x)")
    return (f"| {size:,} | {r['wall']:.2f} s | {r['articles'] / r['wall']:,.0f} | "
            f"{r['wall'] / r['articles'] * 1000:.2f} ms | "
            f"{r['cpu'] / r['articles'] * 1000:.2f} ms | "
            f"{r['peak_mb']:,.0f} / {r['peak_worker_mb']:,.0f} MB | "
            f"{st['read']:.2f} / {st['extract']:.2f} / {st['match']:.2f} / "
            f"{st['verdicts']:.2f} / {st['render']:.2f} | {qual} | {base} |")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000, 16000])
    parser.add_argument("--jobs", type=int, default=None,
                        help="extraction processes (default: the machine's CPUs)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--baseline-sample", type=int, default=100,
                        help="articles timed with search_dates (0: all)")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--no-quality", action="store_true")
    parser.add_argument("--json", action="store_true", help="print results as JSON lines")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sample = -1 if args.no_baseline else args.baseline_sample

    if args.one is not None:  # child: measure one prepared corpus
        result = run_one(args.one, args.jobs, sample, not args.no_quality, args.seed)
        print(json.dumps(result))
        return

    from corpus import generate, write

    print(f"machine: {_machine()}; jobs: {args.jobs or 'all CPUs'}", flush=True)
    header = ("| articles | wall | articles/s | wall per article | CPU per article "
              "| peak memory (main / worker) "
              "| read / extract / match / verdicts / render (s) | P R F1 verdicts "
              "| search_dates alone (ratio) |")
    rows: list[str] = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="reconcile-scale-") as tmp:
            write(generate(size, args.seed), Path(tmp))
            cmd = [sys.executable, __file__, "--one", tmp, "--seed", str(args.seed),
                   "--baseline-sample", str(args.baseline_sample)]
            if args.jobs is not None:
                cmd += ["--jobs", str(args.jobs)]
            if args.no_baseline:
                cmd.append("--no-baseline")
            if args.no_quality:
                cmd.append("--no-quality")
            done = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                sys.exit(f"size {size} failed:\n{done.stderr}")
            result = json.loads(done.stdout.strip().splitlines()[-1])
        if args.json:
            print(json.dumps({"size": size, **result}), flush=True)
            continue
        rows.append(_fmt_row(size, result))
        print(f"{size}: {result['articles']} articles, {result['mentions']} mentions, "
              f"{result['events']} events; wall {result['wall']:.2f} s", flush=True)
        if result.get("quality", {}).get("verdict_errors"):
            print(f"  quality: {json.dumps(result['quality'])}", flush=True)
    if rows:
        print()
        print(header)
        print("| " + " | ".join(["---"] * 9) + " |")
        print("\n".join(rows))
        print("\n* search_dates timed on a sample and extrapolated to the size")


if __name__ == "__main__":
    main()

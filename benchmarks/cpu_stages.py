"""CPU time per stage of one serial run, for comparing code on a shared machine.

Wall time on a machine shared with other work says little; CPU time of one process
says more, and instruction counts (run this under ``valgrind --tool=callgrind``) say
it exactly.  The whole pipeline runs in this process (no worker processes, so nothing
is moved between processes): read, extract, match, verdicts, then the JSON report
(written to memory as ``reconcile report --format json -o FILE`` writes it) and the
markdown.  ``CORPUS`` is a folder written by ``benchmarks/corpus.py`` (its
``articles/`` is read).

Usage::

    python benchmarks/corpus.py /tmp/c2k --articles 2000 --seed 7
    python benchmarks/cpu_stages.py /tmp/c2k
    PYTHONHASHSEED=0 valgrind --tool=callgrind python benchmarks/cpu_stages.py /tmp/c400
"""

from __future__ import annotations

import io
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> None:
    from reconcile import pipeline
    from reconcile.match import matching
    from reconcile.render import render_markdown
    from reconcile.render.json_report import write_json
    from reconcile.read import read_sources
    from reconcile.extraction.vocabulary import load_vocabulary

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        raise SystemExit("usage: python benchmarks/cpu_stages.py CORPUS")
    folder = Path(args[0])
    clock = time.process_time
    stages: dict[str, float] = {}
    start = clock()
    vocab = load_vocabulary(None)
    sources, skipped, warnings = read_sources([str(folder / "articles")])
    read = clock()
    stages["read"] = read - start
    waited = {"extract": 0.0, "match": 0.0}

    def analyser(srcs: Sequence[Any], voc: Any) -> Iterator[Any]:
        it = iter(pipeline.analyse_serially(srcs, voc))
        while True:
            t = clock()
            try:
                item = next(it)
            except StopIteration:
                waited["extract"] += clock() - t
                return
            waited["extract"] += clock() - t
            yield item

    def timed_cluster(*a: Any) -> Any:
        t = clock()
        try:
            return matching.cluster(*a)
        finally:
            waited["match"] += clock() - t

    report = pipeline.assemble(sources, skipped, warnings, vocab, analyser,
                               matcher=timed_cluster)
    built = clock()
    stages.update(waited)
    stages["verdicts"] = built - read - waited["extract"] - waited["match"]
    buffer = io.StringIO()

    def sink(text: str) -> None:
        buffer.write(text)

    with pipeline.collector_paused():  # as the CLI renders
        write_json(report, sink)
        render_markdown(report)
    stages["render"] = clock() - built
    total = clock() - start
    n = len(sources)
    print(f"{n:,} articles: {total:.3f} s CPU, {1000 * total / max(n, 1):.3f} ms per "
          "article; " + ", ".join(f"{k} {v:.3f} s" for k, v in stages.items()))


if __name__ == "__main__":
    main()

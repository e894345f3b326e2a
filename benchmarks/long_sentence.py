"""Time on one long sentence without punctuation and with many triggers (issue 17).

    python3 benchmarks/long_sentence.py [--sizes 100000,200000,...] [--reconcile CMD]

Writes one article per size: a single line of clauses such as "police arrested 12
people in Riverton and officials deported 30 workers on Monday and ..." with no
sentence punctuation, so the splitter sees one sentence of the whole size.  Runs
``reconcile report`` on it (``-j1``) and prints wall and CPU seconds (CPU time does not
depend on how busy the machine is), CPU seconds per megabyte, which stays flat when
time is linear, and peak memory (it grew fourfold per
doubling before sentences were cut into bounded chunks).  Prints figures only; nothing
here is asserted.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CLAUSES = [
    "police arrested {n} people in Riverton",
    "officials deported {n} workers on Monday",
    "the storm killed {n} residents near the river",
    "rescuers evacuated {n} families from the valley",
    "troops detained {n} men at the border",
    "the agency seized {n} kilograms of cocaine",
]


def article(size: int) -> str:
    parts: list[str] = []
    total, i = 0, 0
    while total < size:
        clause = CLAUSES[i % len(CLAUSES)].format(n=10 + i % 89)
        parts.append(clause)
        total += len(clause) + 5
        i += 1
    return "---\npublished: 2024-05-28\n---\n" + " and ".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,200000,400000,1000000,2000000,5000000",
                        help="article sizes in bytes, comma-separated")
    parser.add_argument("--reconcile", default=None,
                        help="the reconcile command [default: python -m reconcile]")
    args = parser.parse_args(argv)
    command = args.reconcile.split() if args.reconcile else [sys.executable, "-m", "reconcile"]
    print(f"{'bytes':>10} {'wall s':>7} {'CPU s':>7} {'CPU s/MB':>8} {'peak MB':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            path = Path(tmp, f"long-{size}.md")
            path.write_text(article(size), "utf-8")
            usage = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            done = subprocess.run([*command, "report", str(path), "-j1", "-q",
                                   "-o", os.devnull], capture_output=True, text=True,
                                  check=False)
            seconds = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - usage.ru_utime) + (after.ru_stime - usage.ru_stime)
            if done.returncode != 0:
                print(f"{size:>10} failed: {done.stderr.strip()[:200]}")
                return 1
            # ru_maxrss of children is the largest child so far: sizes grow, so it is
            # this run's peak
            print(f"{size:>10} {seconds:>7.1f} {cpu:>7.1f} {cpu / (size / 1e6):>8.1f} "
                  f"{after.ru_maxrss / 1024:>8.0f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

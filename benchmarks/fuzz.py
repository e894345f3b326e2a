"""The long fuzz run: the property tests of tests/test_fuzz.py with many examples.

    python3 benchmarks/fuzz.py --examples 20000

Runs every property (extractors, reading arbitrary bytes and front matter, HTML, the
whole pipeline, both renderers) with that many examples each (the pipeline property,
which writes files and matches, with a quarter of them), then prints how many inputs
each property tried and the total.  Exits 1 on the first failure, printing hypothesis's
minimal failing example.  The normal test run uses the same properties with 40 examples.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=20_000,
                        help="examples per property (default 20000)")
    args = parser.parse_args(argv)
    os.environ["RECONCILE_FUZZ_EXAMPLES"] = str(args.examples)  # read when test_fuzz loads
    sys.path[:0] = [str(ROOT / "tests"), str(ROOT)]
    import test_fuzz

    properties = [getattr(test_fuzz, name) for name in dir(test_fuzz)
                  if name.startswith("test_") and callable(getattr(test_fuzz, name))]
    start = time.perf_counter()
    for prop in properties:
        t0 = time.perf_counter()
        before = sum(test_fuzz.TRIED.values())
        try:
            prop()
        except Exception as exc:  # noqa: BLE001 - report and stop, like a test run
            print(f"FAILED {prop.__name__}: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 1
        tried = sum(test_fuzz.TRIED.values()) - before
        print(f"{prop.__name__}: {tried:,} inputs in {time.perf_counter() - t0:.0f}s",
              flush=True)
    total = sum(test_fuzz.TRIED.values())
    print(f"total: {total:,} inputs, no failure, {time.perf_counter() - start:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

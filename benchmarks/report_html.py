"""HTML report benchmark: size and rendering time in headless Chromium (named
report_html.py, since a script called html.py would hide the standard library's html).

For each size (default 500, 1000 and 2000 articles) a corpus is generated
(``benchmarks/corpus.py``), reconciled in this process, and its HTML report written;
printed per size: the time to write the HTML (CPU seconds of this process), the file's
size and bytes per article (flat when the size grows linearly), and, in Chromium
(Debian's ``chromium``, driven by ``tests/browser.py``), the median over ``--runs``
loads of the time from the start of navigation to the load event and to the first
frame drawn after it, with any console error or network request (there should be none).

With ``--realnews DIR`` (default ``../shared/realnews/cases`` when it exists) the report
of every case folder there is made by the command line exactly as that folder's
``score.py`` runs it (articles copied to a temporary folder, a JSON manifest written
from ``sources.json``), and loaded once: errors, requests, render time and what the
page shows (events, timelines, matrix rows) are printed.  ``--realnews ''`` skips it.

Usage::

    python3 benchmarks/report_html.py
    python3 benchmarks/report_html.py --sizes 2000 4000 --runs 5
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))

from browser import Browser, chromium_path

FACTS = """(() => ({
  events: document.querySelectorAll('article.event, ul.singles li').length,
  timelines: document.querySelectorAll('figure.timeline').length,
  dotplots: document.querySelectorAll('figure.dotplot').length,
  matrixRows: document.querySelectorAll('table.matrix tbody tr').length,
  marks: document.querySelectorAll('mark').length,
}))()"""


def _load(browser: Browser, path: Path) -> tuple[Any, dict[str, Any]]:
    page = browser.load(path)
    facts = browser.evaluate(FACTS, page.session)
    browser.close_page(page)
    return page, facts


def sizes(args: argparse.Namespace, browser: Browser) -> None:
    import corpus

    from reconcile.pipeline import reconcile
    from reconcile.render.html_report import write_html

    print(f"{'articles':>8} {'events':>7} {'write s':>8} {'MB':>6} {'B/article':>10} "
          f"{'load ms':>8} {'render ms':>10} {'errors':>6} {'requests':>8}")
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            corpus.write(corpus.generate(n, args.seed, 4.0), folder)
            report = reconcile([str(folder / "articles")])
            out = folder / "report.html"
            start = time.process_time()
            with open(out, "w", encoding="utf-8") as fh:
                write_html(report, fh.write)
            cpu = time.process_time() - start
            size = out.stat().st_size
            loads, renders, errors, extra = [], [], 0, 0
            for _ in range(args.runs):
                page, _facts = _load(browser, out)
                loads.append(page.load_ms)
                renders.append(page.render_ms)
                errors += len(page.errors)
                extra += len([u for u in page.requests if u != page.url])
            print(f"{n:>8} {len(report.events):>7} {cpu:>8.2f} {size / 1e6:>6.2f} "
                  f"{size / n:>10.0f} {statistics.median(loads):>8.0f} "
                  f"{statistics.median(renders):>10.0f} {errors:>6} {extra:>8}", flush=True)


def realnews(cases: Path, browser: Browser) -> int:
    """Render every case's report in the browser once; the number of cases with a
    problem (reconcile failed, console error, network request)."""
    bad = 0
    print(f"\n{'case':<45} {'rc':>3} {'events':>6} {'timelines':>9} {'dotplots':>8} "
          f"{'rows':>5} {'marks':>5} {'render ms':>9} {'errors':>6} {'requests':>8}")
    for cdir in sorted(p for p in cases.iterdir() if (p / "sources.json").is_file()):
        case = cdir.name
        sources = json.loads((cdir / "sources.json").read_text("utf-8"))
        with tempfile.TemporaryDirectory() as tmp:
            art = os.path.join(tmp, case)
            os.mkdir(art)
            for s in sources:
                shutil.copy(cdir / s["file"], art)
            manifest = os.path.join(tmp, "manifest.json")
            with open(manifest, "w", encoding="utf-8") as fh:
                json.dump([{**{k: s[k] for k in ("outlet", "url", "published") if s.get(k)},
                            "file": os.path.join(case, s["file"])} for s in sources], fh)
            out = Path(tmp) / "report.html"
            proc = subprocess.run([sys.executable, "-m", "reconcile", "report", art,
                                   "--manifest", manifest, "--format", "html", "-o", str(out),
                                   "-q"], check=False, capture_output=True, cwd=ROOT)
            if proc.returncode not in (0, 1) or not out.exists():
                bad += 1
                print(f"{case:<45} {proc.returncode:>3} reconcile failed: "
                      f"{proc.stderr.decode(errors='replace')[-200:]}")
                continue
            page, f = _load(browser, out)
            extra = [u for u in page.requests if u != page.url]
            bad += bool(page.errors or extra)
            print(f"{case:<45} {proc.returncode:>3} {f['events']:>6} {f['timelines']:>9} "
                  f"{f['dotplots']:>8} {f['matrixRows']:>5} {f['marks']:>5} "
                  f"{page.render_ms:>9.0f} {len(page.errors):>6} {len(extra):>8}", flush=True)
            for msg in page.errors[:3]:
                print(f"    {msg[:200]}")
    return bad


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[500, 1000, 2000])
    parser.add_argument("--runs", type=int, default=3, help="loads per size (median)")
    parser.add_argument("--seed", type=int, default=7)
    default_cases = Path("../shared/realnews/cases")
    parser.add_argument("--realnews", type=str,
                        default=str(default_cases) if default_cases.is_dir() else "")
    args = parser.parse_args(argv)
    if chromium_path() is None:
        print("benchmarks/report_html.py: chromium not found (Debian: apt-get install chromium)",
              file=sys.stderr)
        return 2
    with Browser() as browser:
        if args.sizes:
            sizes(args, browser)
        if args.realnews:
            cases = Path(args.realnews)
            if not cases.is_dir():
                print(f"benchmarks/report_html.py: no such folder: {cases}", file=sys.stderr)
                return 2
            return 1 if realnews(cases, browser) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())

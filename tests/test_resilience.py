"""Issue 17: signals, exit codes on hostile structure, a cache that heals and cannot be
forged, zero-width characters in numbers, FIFOs and unreadable folders, long lines.
Every input is made in the test."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from reconcile.cli import main

ARTICLE = "Floodwaters killed 12 people in Riverton on Monday, officials said.\n"
OTHER = "The flood in Riverton on Monday killed 14 people, officials said.\n"


def run(*args: str, input: str | bytes | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=input)


def one_line(result: Result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    return lines[0]


# ------------------------------------------------------------------ signals


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(x) for x in text.split()]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_workers_end_with_the_main_process(tmp_path: Path, sig: int) -> None:
    """SIGTERM ends the workers as Ctrl-C does (exit 143, one line, no temporary file);
    even SIGKILL of the main process does not leave them running."""
    clause = "police arrested {} people in Riverton and the storm killed {} residents and "
    body = "".join(clause.format(10 + i % 80, 20 + i % 70) for i in range(150))
    for i in range(60):  # above the size that the pool runs for, each a few CPU tenths
        (tmp_path / f"{i:02d}.md").write_text(f"---\npublished: 2024-05-28\n---\n{body}\n")
    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "reconcile", "report", str(tmp_path),
                             "-j2", "-o", str(out / "r.md")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    workers: list[int] = []
    try:
        for _ in range(1200):  # until both workers exist (or the run ends)
            workers = _children(proc.pid)
            if len(workers) >= 2 or proc.poll() is not None:
                break
            time.sleep(0.05)
        assert len(workers) >= 2, "the pool never started"
        proc.send_signal(sig)
        code = proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.stderr is not None
    with proc.stderr:
        stderr = proc.stderr.read().decode()
    for _ in range(600):  # the workers go too
        if not any(_alive(w) for w in workers):
            break
        time.sleep(0.05)
    assert not [w for w in workers if _alive(w)]
    if sig == signal.SIGTERM:
        assert code == 143 and stderr.strip() == "reconcile: terminated"
        assert not list(out.iterdir())  # no temporary file left behind

"""Progress on stderr: shown for reading, extraction and matching when stderr is a
terminal (tested in a pseudo-terminal), never in a pipe, never with -q."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pty = pytest.importorskip("pty")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small generated corpus (benchmarks/corpus.py), enough for every phase."""
    out = tmp_path_factory.mktemp("corpus")
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "corpus.py"), str(out),
                    "--articles", "40", "--seed", "3"], check=True, capture_output=True)
    return out / "articles" if (out / "articles").is_dir() else out


def _run_in_pty(args: list[str], cwd: Path) -> tuple[int, str]:
    """Run the CLI with stderr on a pseudo-terminal; return its exit code and what the
    terminal received."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "reconcile", *args], cwd=cwd,
                            stdout=subprocess.DEVNULL, stderr=slave, stdin=subprocess.DEVNULL)
    os.close(slave)
    chunks: list[bytes] = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return proc.wait(timeout=120), b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.slow
def test_progress_shows_on_a_terminal(corpus: Path, tmp_path: Path) -> None:
    code, seen = _run_in_pty(["report", str(corpus), "-o", str(tmp_path / "r.md"), "-j", "1"],
                             tmp_path)
    assert code == 0, seen
    for phase in ("reading ", "extracting ", "matching "):
        assert phase in seen, seen
    assert "/40 files" in seen and "/40 articles" in seen
    assert seen.endswith("\r\x1b[K")  # the line is cleared at the end


@pytest.mark.slow
def test_no_progress_with_quiet_on_a_terminal(corpus: Path, tmp_path: Path) -> None:
    code, seen = _run_in_pty(["report", str(corpus), "-q", "-o", str(tmp_path / "r.md"),
                              "-j", "1"], tmp_path)
    assert code == 0, seen
    assert "reading" not in seen and "\x1b[K" not in seen


@pytest.mark.slow
def test_no_progress_in_a_pipe(corpus: Path, tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "reconcile", "report", str(corpus), "-o",
                           str(tmp_path / "r.md"), "-j", "1"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "reading" not in proc.stderr and "\x1b[K" not in proc.stderr


@pytest.mark.slow
def test_extract_shows_progress_on_a_terminal_too(corpus: Path, tmp_path: Path) -> None:
    code, seen = _run_in_pty(["extract", str(corpus), "-o", str(tmp_path / "x.txt")], tmp_path)
    assert code == 0, seen
    assert "reading " in seen and "extracting " in seen and seen.endswith("\r\x1b[K")

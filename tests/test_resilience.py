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
from typing import Any

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


@pytest.mark.slow
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


# ------------------------------------------------------- exit 2, never 3 (defect 7)


def test_a_folder_nested_a_thousand_deep_is_read(tmp_path: Path) -> None:
    chain = [str(tmp_path / "deep")]
    os.mkdir(chain[0])
    for _ in range(1000):  # one level at a time: makedirs itself recurses
        chain.append(os.path.join(chain[-1], "d"))
        os.mkdir(chain[-1])
    article = os.path.join(chain[-1], "a.txt")
    Path(article).write_text(ARTICLE, "utf-8")
    try:
        result = run("claims", chain[0], "-q", "--format", "json")
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)
    finally:  # bottom up: pytest's own clean-up of tmp_path would recurse too deep
        os.unlink(article)
        for folder in reversed(chain):
            os.rmdir(folder)


def test_an_unreadable_subfolder_is_skipped_like_an_unreadable_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text(OTHER, "utf-8")
    real = os.scandir
    locked = str(tmp_path / "locked")

    def scandir(path: Any = ".") -> Any:  # as chmod 000 would, even for root
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = run("report", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "reconcile: skipped" in result.stderr and "locked: cannot read folder" in result.stderr
    monkeypatch.setattr(os, "scandir", lambda path=".": (_ for _ in ()).throw(
        PermissionError(13, "Permission denied", os.fspath(path))))
    result = run("report", str(tmp_path))
    assert result.exit_code == 2 and "cannot read folder" in one_line(result)


@pytest.mark.parametrize("bad", [
    '{"id": 1, "text": ' + "[" * 100_000 + "}",
    '{"id": ' + "7" * 4400 + ', "text": "x"}',
])
def test_hostile_jsonl_lines_are_exit_2_and_keep_going_goes_on(tmp_path: Path,
                                                               bad: str) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(bad + '\n{"id": "ok", "text": "On 3 May 2021."}\n', "utf-8")
    stop = run("extract", str(src), "--input-format", "jsonl")
    assert stop.exit_code == 2 and "in.jsonl:1: not JSON" in one_line(stop)
    going = run("extract", str(src), "--input-format", "jsonl", "--keep-going")
    assert going.exit_code == 2
    assert [json.loads(line)["id"] for line in going.stdout.splitlines()] == ["ok"]
    assert "in.jsonl:1" in going.stderr and "Traceback" not in going.stderr


def test_a_jsonl_line_over_the_limit_is_an_error_for_that_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reconcile import cli

    monkeypatch.setattr(cli, "JSONL_MAX_LINE", 1000)
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "big", "text": "' + "word " * 2000 + '"}\n'
                   '{"id": "ok", "text": "On 3 May 2021."}\n', "utf-8")
    going = run("extract", str(src), "--input-format", "jsonl", "--keep-going")
    assert going.exit_code == 2
    assert "in.jsonl:1: line longer than 1,000 bytes" in going.stderr
    assert [json.loads(line)["id"] for line in going.stdout.splitlines()] == ["ok"]
    stop = run("extract", "-", "--input-format", "jsonl", input=src.read_bytes())
    assert stop.exit_code == 2 and "<stdin>:1: line longer" in one_line(stop)


def test_a_fifo_named_explicitly_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "a.txt").write_text(ARTICLE, "utf-8")
    result = run("report", str(fifo), str(tmp_path / "a.txt"))  # no writer: read as empty
    assert result.exit_code == 0, result.output
    assert "pipe.txt: empty" in result.stderr


# -------------------------------------------------------------------- the cache


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, "utf-8")
    (folder / "b.txt").write_text(OTHER, "utf-8")
    (folder / "c.txt").write_text("Police arrested 3 men in Riverton on Tuesday.\n", "utf-8")
    return folder


def _entries(cache: Path) -> list[Path]:
    return sorted(p for p in (cache / "v1").rglob("*.json"))


def test_one_bad_entry_does_not_stop_the_cache_storing(corpus: Path, tmp_path: Path) -> None:
    from reconcile.cache import CachingAnalyser
    from reconcile.pipeline import reconcile

    cache = tmp_path / "cache"
    reconcile([str(corpus)], analyser=CachingAnalyser(cache))
    entries = _entries(cache)
    assert len(entries) == 3
    entries[0].unlink()
    entries[0].mkdir()  # an entry replaced by a folder
    (entries[0] / "x").write_text("x", "utf-8")
    entries[1].unlink()  # and another simply missing
    analyser = CachingAnalyser(cache)
    assert reconcile([str(corpus)], analyser=analyser) == reconcile([str(corpus)])
    assert analyser.writable and analyser.stats.write_errors == 0
    assert analyser.stats.misses == 2 and _entries(cache) == entries  # both stored again
    again = CachingAnalyser(cache)
    reconcile([str(corpus)], analyser=again)
    assert again.stats.hits == 3


def test_an_entry_moved_to_another_inputs_key_is_not_used(corpus: Path, tmp_path: Path) -> None:
    """A checksum-valid entry put in the place of another source's entry (what a
    pull request committing cache files could try) is refused: entries are bound to
    the digest of their input."""
    from reconcile.cache import CachingAnalyser
    from reconcile.pipeline import reconcile

    cache = tmp_path / "cache"
    (tmp_path / "quiet").mkdir()
    (tmp_path / "quiet" / "b.txt").write_text("Nothing happened in Riverton.\n", "utf-8")
    reconcile([str(tmp_path / "quiet")], analyser=CachingAnalyser(cache))
    quiet_entry = _entries(cache)[0]
    reconcile([str(corpus)], analyser=CachingAnalyser(cache))
    for entry in _entries(cache):
        if entry != quiet_entry:
            entry.write_bytes(quiet_entry.read_bytes())  # no mentions, valid checksum
    analyser = CachingAnalyser(cache)
    assert reconcile([str(corpus)], analyser=analyser) == reconcile([str(corpus)])
    assert analyser.stats.hits == 0 and analyser.stats.corrupt == 3


def test_in_ci_the_default_cache_is_outside_the_checkout(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reconcile.cache import default_cache_dir

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RECONCILE_CACHE_DIR", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    monkeypatch.setenv("CI", "true")
    assert default_cache_dir() == tmp_path / "home-cache" / "reconcile"
    monkeypatch.setenv("CI", "false")
    assert default_cache_dir() == Path(".reconcile-cache")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert not str(default_cache_dir()).startswith(".")
    monkeypatch.setenv("RECONCILE_CACHE_DIR", str(tmp_path / "chosen"))
    assert default_cache_dir() == tmp_path / "chosen"


# ------------------------------------------------- zero-width characters in numbers


@pytest.mark.parametrize("hidden", ["\u200b", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e"])
def test_digits_joined_by_an_invisible_character_are_not_read(hidden: str) -> None:
    from reconcile.extraction.expressions import extract

    text = f"Police arrested 2{hidden}5 people and 7 others."
    assert [e.text for e in extract(text)] == ["7"]  # neither 2 nor 5: it shows as 25


def test_the_invisible_character_shows_in_the_quote(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text("Police arrested 12 men in Riverton on Monday after a raid on "
                             "block 2\u200b5, officials said.\n", "utf-8")
    Path("b.txt").write_text("Police arrested 14 men in Riverton on Monday, officials "
                             "said.\n", "utf-8")
    assert run("baseline", "a.txt", "-q", "--no-cache", "-o", "base.json").exit_code == 0
    for fmt in ("text", "github", "markdown"):
        result = run("check", ".", "--baseline", "base.json", "--no-cache", "-q",
                     "--format", fmt)
        assert result.exit_code == 1, result.output
        assert "block 2\\u200b5" in result.stdout, fmt  # visible, not read as a number
        assert "\u200b" not in result.stdout.replace("&#8203;", "")
    claims = run("claims", ".", "-q")
    assert not [line for line in claims.stdout.splitlines() if " 5 " in line or " 25 " in line]


# -------------------------------------------------------- many inline tags in HTML


def test_a_run_of_inline_tags_is_unwrapped_after_a_bound_and_keeps_its_text() -> None:
    """trafilatura is quadratic in the inline children of one element: the sanitizer
    keeps at most _MAX_INLINE_RUN of them in a row, and all of the text."""
    from reconcile.read._html import _sanitize, _Sanitizer, extract_html

    bound = _Sanitizer._MAX_INLINE_RUN
    n = 3 * bound
    page = ("<html><body><p>" + "".join(f"<span>w{i} x</span> " for i in range(n))
            + "</p><p><b>bold</b> and <i>it</i></p></body></html>")
    clean = _sanitize(page)
    assert clean.count("<span>") == bound and clean.count("</span>") == bound
    assert "<b>bold</b>" in clean and "<i>it</i>" in clean  # a new block starts a new run
    assert all(f"w{i} x" in clean for i in range(n))
    article = extract_html(page)
    assert "w0 x" in article.text and f"w{n - 1} x" in article.text


def test_an_ordinary_paragraph_keeps_its_inline_tags() -> None:
    from reconcile.read._html import _sanitize

    page = "<p>" + " ".join(f'<a href="/t{i}">tag {i}</a>' for i in range(50)) + "</p>"
    assert _sanitize(page).count("<a ") == 50

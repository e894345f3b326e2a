"""Issue 17, defects 3, 6 and 8: what ``-o`` may write over, bounded configuration
reads, a full disk and file modes.  Every input is made in the test."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from reconcile.cli import main

ARTICLE = "Floodwaters killed 12 people in Riverton on Monday, officials said.\n"
OTHER = "The flood in Riverton on Monday killed 14 people, officials said.\n"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def one_line(result: Result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    return lines[0]


@pytest.fixture()
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, "utf-8")
    (folder / "b.txt").write_text(OTHER, "utf-8")
    return folder


def no_temporary_files(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


# ------------------------------------------------------------- devices and FIFOs


def _null_device(tmp_path: Path) -> Path:
    node = tmp_path / "n"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except (PermissionError, OSError):
        pytest.skip("mknod needs privileges here")
    return node


@pytest.mark.parametrize("args", [("report",), ("check", "--baseline", "BASE"),
                                  ("extract",), ("baseline",)])
def test_output_onto_a_character_device_writes_through(news: Path, tmp_path: Path,
                                                       args: tuple[str, ...]) -> None:
    node = _null_device(tmp_path)
    base = tmp_path / "base.json"
    assert run("baseline", str(news / "a.txt"), "-q", "--no-cache", "-o", str(base)).exit_code == 0
    argv = [a.replace("BASE", str(base)) for a in args]
    result = run(argv[0], str(news), *argv[1:], "-q", "-o", str(node),
                 *(["--no-cache"] if argv[0] in ("check", "baseline") else []))
    assert result.exit_code in (0, 1), result.output
    assert stat.S_ISCHR(os.lstat(node).st_mode)  # still the device, not a regular file
    assert no_temporary_files(tmp_path)


def test_output_onto_dev_null_keeps_it(news: Path) -> None:
    result = run("report", str(news), "-o", os.devnull)
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(os.lstat(os.devnull).st_mode)


def test_output_onto_a_fifo_reaches_its_reader(news: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader is there before the run
    try:
        result = run("report", str(news), "--format", "json", "-o", str(fifo))
        got = os.read(reader, 1 << 16)  # a small report fits the pipe's buffer
    finally:
        os.close(reader)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert got.startswith(b"{") and got.rstrip().endswith(b"}")


def test_output_onto_a_fifo_nobody_reads_is_refused_not_blocked(news: Path,
                                                                tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = run("report", str(news), "-o", str(fifo))
    assert result.exit_code == 2
    assert "no process reads" in one_line(result)


def test_output_onto_a_full_device_is_one_line_exit_2(news: Path) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    for args in (("report", str(news)), ("extract", str(news), "--format", "jsonl")):
        result = run(*args, "-o", "/dev/full")
        assert result.exit_code == 2, result.output
        assert "No space left" in one_line(result)


# ------------------------------------------------------------------ symlinks


def test_output_onto_a_symlink_is_refused_and_nothing_changes(news: Path,
                                                              tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.txt"
    target.write_text("precious\n", "utf-8")
    link = tmp_path / "out.md"
    link.symlink_to(target)
    for args in (("report", str(news)), ("extract", str(news), "--format", "jsonl")):
        result = run(*args, "-o", str(link))
        assert result.exit_code == 2
        assert "symbolic link" in one_line(result)
        assert link.is_symlink() and target.read_text("utf-8") == "precious\n"
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "nowhere" / "x.md")
    assert run("report", str(news), "-o", str(dangling)).exit_code == 2
    assert not (tmp_path / "nowhere").exists()


def test_output_onto_a_folder_is_refused(news: Path, tmp_path: Path) -> None:
    result = run("report", str(news), "-o", str(tmp_path))
    assert result.exit_code == 2 and "folder" in one_line(result)


# ------------------------------------------------------------------- inputs


def test_output_never_replaces_the_baseline_manifest_events_or_jsonl_input(
        news: Path, tmp_path: Path) -> None:
    base = tmp_path / "base.json"
    assert run("baseline", str(news / "a.txt"), "-q", "--no-cache", "-o", str(base)).exit_code == 0
    manifest = tmp_path / "m.csv"
    manifest.write_text("file,title\nnews/a.txt,A\n", "utf-8")
    events = tmp_path / "e.toml"
    events.write_text("", "utf-8")
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text('{"id": 1, "text": "On 3 May 2021."}\n', "utf-8")
    hard = tmp_path / "hard.txt"
    os.link(news / "a.txt", hard)
    before = {p: p.read_bytes() for p in (base, manifest, events, jsonl, news / "a.txt")}
    attempts = [
        ("check", str(news), "--no-cache", "--baseline", str(base), "-o", str(base)),
        ("report", str(news), "--manifest", str(manifest), "-o", str(manifest)),
        ("report", str(news), "--events", str(events), "-o", str(events)),
        ("claims", str(news), "--events", str(events), "-o", str(events)),
        ("baseline", str(news), "--no-cache", "--manifest", str(manifest), "-o", str(manifest)),
        ("extract", str(jsonl), "--input-format", "jsonl", "-o", str(jsonl)),
        ("extract", str(news), "-o", str(hard)),  # a hard link of an article
        ("extract", str(news), "--manifest", str(manifest), "-o", str(manifest)),
    ]
    for args in attempts:
        result = run(*args)
        assert result.exit_code == 2, (args, result.output)
        assert "input file" in one_line(result), args
    assert {p: p.read_bytes() for p in before} == before


def test_baseline_may_still_rewrite_itself(news: Path, tmp_path: Path) -> None:
    base = tmp_path / "base.json"
    for _ in range(2):
        assert run("baseline", str(news), "-q", "--no-cache", "-o", str(base)).exit_code == 0


# ---------------------------------------------------------- bounded config reads


@pytest.mark.parametrize("option", ["--baseline", "--events"])
def test_config_pointing_at_dev_zero_is_exit_2(news: Path, tmp_path: Path, option: str) -> None:
    link = tmp_path / "cfg"
    link.symlink_to("/dev/zero")  # what a stranger can commit
    args = ("check", str(news), "--no-cache", "--baseline", str(link)) \
        if option == "--baseline" else ("report", str(news), "--events", str(link))
    result = run(*args)
    assert result.exit_code == 2
    assert "larger than" in one_line(result)


def test_huge_integers_in_baseline_and_events_are_exit_2(news: Path, tmp_path: Path) -> None:
    base = tmp_path / "b.json"
    base.write_text('{"schema": "x", "n": ' + "9" * 5000 + "}", "utf-8")
    result = run("check", str(news), "--no-cache", "--baseline", str(base))
    assert result.exit_code == 2 and "invalid JSON" in one_line(result)
    events = tmp_path / "e.toml"
    events.write_text("[types.flood]\npriority = " + "9" * 5000 + "\n", "utf-8")
    result = run("report", str(news), "--events", str(events))
    assert result.exit_code == 2 and "not valid TOML" in one_line(result)
    events.write_text("x = " + "[" * 100_000, "utf-8")
    result = run("report", str(news), "--events", str(events))
    assert result.exit_code == 2 and "not valid TOML" in one_line(result)


# -------------------------------------------------------- full disk and modes


def test_full_disk_leaves_no_temporary_file_and_the_old_output(
        news: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text('{"id": 1, "text": "On 3 May 2021."}\n', "utf-8")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    for name, args in [("r.md", ("report", str(news))),
                       ("e.jsonl", ("extract", str(news), "--format", "jsonl")),
                       ("j.jsonl", ("extract", str(jsonl), "--input-format", "jsonl"))]:
        (out / name).write_text("old\n", "utf-8")
        result = run(*args, "-o", str(out / name))
        assert result.exit_code == 2, result.output
        assert "No space left" in one_line(result)
        assert (out / name).read_text("utf-8") == "old\n"
        assert no_temporary_files(out)


@pytest.mark.parametrize("args", [("report",), ("extract",),
                                  ("extract", "--format", "jsonl")])
def test_outputs_respect_the_umask_and_keep_a_replaced_files_mode(
        news: Path, tmp_path: Path, args: tuple[str, ...]) -> None:
    old = os.umask(0o027)
    try:
        new = tmp_path / "new.out"
        assert run(args[0], str(news), *args[1:], "-o", str(new)).exit_code == 0
        assert stat.S_IMODE(new.stat().st_mode) == 0o640
        kept = tmp_path / "kept.out"
        kept.write_text("old\n", "utf-8")
        kept.chmod(0o604)
        assert run(args[0], str(news), *args[1:], "-o", str(kept)).exit_code == 0
        assert stat.S_IMODE(kept.stat().st_mode) == 0o604
    finally:
        os.umask(old)

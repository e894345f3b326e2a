"""Issue 17, defects 1 and 2: every line the tool prints is inert.

Unit tests of :mod:`reconcile._terminal` (the one function every printed line goes
through) and end-to-end tests on the command line with file names and article text that
try terminal escapes, Trojan-Source characters and GitHub workflow commands of both
syntaxes (``::cmd`` at line start, ``##[cmd]`` anywhere).  The property test over every
output format is ``test_no_printed_line_is_a_workflow_command`` in test_fuzz.py.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from reconcile._terminal import (
    _CANDIDATE,
    _needs_escape,
    escape_text,
    is_workflow_command,
    safe_json,
    safe_json_writer,
    safe_line,
    safe_text,
)
from reconcile.cli import main

OWN_COMMAND = re.compile(r"::(error|warning|notice) [a-zA-Z]+=[^,:]*(,[a-zA-Z]+=[^,:]*)*::")


def printed_lines(result: Result) -> list[str]:
    """Every line of stdout and stderr, split as strictly as any reader would."""
    out = result.stdout_bytes.decode("utf-8") + result.stderr_bytes.decode("utf-8")
    return out.splitlines()


def assert_no_foreign_command(result: Result, own_prefix: str | None = None) -> None:
    for line in printed_lines(result):
        assert "##[" not in line, line
        if is_workflow_command(line):
            assert own_prefix is not None and line.startswith(own_prefix), line
            assert OWN_COMMAND.match(line), line


# ------------------------------------------------------------------------- units


def test_candidate_class_covers_every_character_that_needs_escaping() -> None:
    missed = [hex(n) for n in range(sys.maxunicode + 1)
              if _needs_escape(chr(n)) and not _CANDIDATE.match(chr(n))]
    assert missed == []


@pytest.mark.parametrize("raw, shown", [
    ("a\x1b]0;title\x07b", "a\\x1b]0;title\\x07b"),
    ("x\x9b31m", "x\\x9b31m"),
    ("del\x7f", "del\\x7f"),
    ("abc\u202efed", "abc\\u202efed"),
    ("\u2066iso\u2069", "\\u2066iso\\u2069"),
    ("2\u200b5", "2\\u200b5"),
    ("line\u2028sep", "line\\u2028sep"),
    ("tag\U000e0041", "tag\\U000e0041"),
    ("lone \ud800", "lone \\ud800"),
    ("tab\tkept", "tab\tkept"),
    ("café 中文 😀", "café 中文 😀"),
])
def test_escape_text_makes_hidden_characters_visible(raw: str, shown: str) -> None:
    assert escape_text(raw) == shown


@pytest.mark.parametrize("line", [
    "::error::x", "  ::warning file=a::b", "\u2003::add-mask::s", "\ufeff::stop-commands::t",
    "killed 14 people ##[set-output name=verdict;]passed", "###[error]x", "a##[b]##[c]",
])
def test_safe_line_neutralizes_both_command_syntaxes(line: str) -> None:
    assert is_workflow_command(line)
    out = safe_line(line)
    assert not is_workflow_command(out), out
    assert "##[" not in out


def test_safe_line_keeps_a_command_the_renderer_meant_but_not_legacy_text_in_it() -> None:
    out = safe_line("::error file=a.txt::says ##[add-mask]x", command=True)
    assert out.startswith("::error file=a.txt::") and "##[" not in out


def test_safe_text_escapes_each_line_and_keeps_line_ends() -> None:
    assert safe_text("a\n::b::c\n") == "a\n\\x3a:b::c\n"


def test_safe_json_keeps_the_data_and_valid_utf8() -> None:
    data = {"id": "\udcff\ud800", "t": "##[add-mask]\u202e\x85\u2028\U000e0041 ok",
            "n": ["::error::x"]}
    text = safe_json(json.dumps(data, ensure_ascii=False, indent=2))
    assert json.loads(text) == data
    text.encode("utf-8")  # strict: no lone surrogate left raw
    assert "##[" not in text and not re.search("[\x7f-\x9f\u202e\u2028]", text)
    assert not any(is_workflow_command(line) for line in text.splitlines())


def test_safe_json_writer_catches_a_command_split_across_pieces() -> None:
    out: list[str] = []
    put, flush = safe_json_writer(out.append)
    for piece in ['["a#', "#", "[b]", '", "##', '"]']:
        put(piece)
    flush()
    text = "".join(out)
    assert "##[" not in text and json.loads(text) == ["a##[b]", "##"]


# ------------------------------------------------------------------- end to end

TEXT_A = "Floodwaters killed 12 people in Riverton on Monday, officials said.\n"
TEXT_B = ("The flood in Riverton on Monday killed 14 people ##[set-output name=verdict;]passed "
          "\x1b]8;;http://x\x07 \u202eevil, officials said.\n")
HOSTILE_NAME = "c\n::error title=X::forged\x1b[2J\u202e##[add-mask]"


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT_A, "utf-8")
    (folder / f"{HOSTILE_NAME}b.txt").write_text(TEXT_B, "utf-8")
    (folder / f"{HOSTILE_NAME}.txt").write_text("", "utf-8")  # skipped: empty
    return folder


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture()
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    folder = _corpus(tmp_path)
    base = _run("baseline", "news/a.txt", "--no-cache", "-o", "base.json")
    assert base.exit_code == 0, base.output
    return folder


@pytest.mark.parametrize("fmt", ["text", "markdown", "github", "sarif", "json"])
def test_check_prints_no_foreign_command_in_any_format(corpus: Path, fmt: str) -> None:
    result = _run("check", "news", "--no-cache", "--baseline", "base.json", "--format", fmt)
    assert result.exit_code == 1, result.output
    assert "reconcile: skipped" in result.stderr  # the hostile empty file's line
    assert_no_foreign_command(result, "::" if fmt == "github" else None)
    assert "\x1b" not in result.output + result.stderr
    assert "\u202e" not in result.output + result.stderr
    if fmt in ("sarif", "json"):
        json.loads(result.stdout)


@pytest.mark.parametrize("args", [
    ("report", "news", "-j1"), ("report", "news", "-j1", "--format", "json"),
    ("claims", "news", "-j1"), ("claims", "news", "-j1", "--format", "json"),
    ("extract", "news"), ("extract", "news", "--format", "json"),
    ("extract", "news", "--format", "jsonl"),
])
def test_every_other_command_prints_no_command_nor_escape(corpus: Path,
                                                          args: tuple[str, ...]) -> None:
    result = _run(*args)
    assert result.exit_code == 0, result.output
    assert_no_foreign_command(result)
    assert "\x1b" not in result.output + result.stderr
    assert "reconcile: skipped" in result.stderr


def test_extract_jsonl_with_lone_surrogate_ids_writes_valid_utf8(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "\\ud800", "text": "Two days ago."}\n'
                   '{"id": "\\udcff##[add-mask]", "text": "On 3 May 2021."}\n', "utf-8")
    for fmt in ("jsonl", "json", "table"):
        result = _run("extract", str(src), "--input-format", "jsonl", "--anchor", "2021-05-05",
                      "--format", fmt)
        assert result.exit_code == 0, result.output
        text = result.stdout_bytes.decode("utf-8")  # strict: raises on invalid UTF-8
        assert "##[" not in text
        if fmt == "jsonl":
            ids = [json.loads(line)["id"] for line in text.splitlines()]
            assert ids == ["\ud800", "\udcff##[add-mask]"]


def test_an_unknown_option_with_escapes_is_echoed_inert() -> None:
    result = _run("report", "--\x1b]0;x\x07\n::error::y")
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr
    assert_no_foreign_command(result)


def test_name_characters_are_shown_not_interpreted() -> None:
    assert unicodedata.category("\u202e") == "Cf"  # what the escaping relies on


def test_fast_paths_escape_what_the_slow_paths_do() -> None:
    """The shortcuts (ASCII pattern, newline not a candidate, clean text returned as
    is) must escape exactly what the per-character checks do."""
    from reconcile._terminal import safe_json, safe_line, safe_text

    assert safe_json('{"a": "x\x1by",\n "b": "##[c"}') == '{"a": "x\\u001by",\n "b": "#\\u0023[c"}'
    assert safe_json('"caf\u00e9 \u202e"\n') == '"caf\u00e9 \\u202e"\n'
    clean = "plain line\nanother, with a url https://example.org\n"
    assert safe_text(clean) is clean
    mixed = "ok\n  ::error::x\nbell\x07"
    assert safe_text(mixed) == "\n".join(safe_line(s) for s in mixed.split("\n"))
    assert "\\x3a" in safe_text(mixed) and "\\x07" in safe_text(mixed)


def test_country_names_without_the_gazetteer_match_it() -> None:
    """The small table read for wording findings equals the gazetteer's own."""
    from reconcile import gazetteer

    small = {row[0]: row[1] for row in gazetteer._Data._rows("countries.tsv")}
    assert small == gazetteer._data().country_names
    assert gazetteer.country_name("pe") == small["PE"]

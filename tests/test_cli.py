"""The command line, driven through click's CliRunner."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

import reconcile
from reconcile import __version__
from reconcile.cli import main

STORY_A = """---
title: Flood in Riverton
published: 2024-03-12
---
Floodwaters killed 12 people in Nairobi on Monday, said Chief Jane Otieno.
"""
# published the same day as STORY_A: two tolls for one day contradict each other (a higher
# toll published a day later would be an update of a running tally, not a conflict)
STORY_B = """---
title: Riverton flood toll
published: 2024-03-12
---
The flood in Nairobi on Monday killed 14 people, according to the Red Cross.
"""


@pytest.fixture()
def corpus(write_corpus: Callable[..., Path]) -> Path:
    return write_corpus({"a.md": STORY_A, "b.md": STORY_B})


def test_every_command_is_documented(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0 and "Examples:" in result.output
    for name, command in main.commands.items():
        assert command.help, f"command {name} has no help text"
        sub = runner.invoke(main, [name, "--help"])
        assert sub.exit_code == 0 and "Usage:" in sub.output


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_bare_command_prints_the_full_help_on_stderr(runner: CliRunner) -> None:
    """No command at all is a usage mistake (exit 2), answered with the help as written,
    line by line, not squashed into a one-line error."""
    result = runner.invoke(main, [])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0].startswith("Usage: ")
    assert {"Commands:", "Examples:"} <= {line.strip() for line in lines}
    assert any(line.split()[:1] == ["report"] for line in lines)
    assert not result.stderr.startswith("reconcile: error:")


def test_missing_path_is_one_line_and_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["report", str(tmp_path / "nope")])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reconcile: error:")
    assert "Traceback" not in result.output + result.stderr


def test_unknown_option_is_a_usage_error_exit_2(runner: CliRunner) -> None:
    result = runner.invoke(main, ["report", "--bogus", "x"])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_report_markdown_and_json(runner: CliRunner, corpus: Path) -> None:
    md = runner.invoke(main, ["report", str(corpus)])
    assert md.exit_code == 0, md.stderr
    assert md.output.startswith("# Reconciliation report")
    js = runner.invoke(main, ["report", str(corpus), "--format", "json"])
    assert js.exit_code == 0
    data = json.loads(js.output)
    assert data["schema"] == "reconcile.report/1" and data["summary"]["sources"] == 2
    deaths = [e for e in data["events"] if e["type"] == "death"]
    assert len(deaths) == 1
    count = next(f for f in deaths[0]["findings"] if f["attribute"] == "count")
    assert count["verdict"] == "conflict"


def test_output_file_is_written_and_unchanged_on_error(runner: CliRunner, corpus: Path,
                                                       tmp_path: Path) -> None:
    out = tmp_path / "out" / "report.md"
    out.parent.mkdir()
    ok = runner.invoke(main, ["report", str(corpus), "-o", str(out)])
    assert ok.exit_code == 0 and out.read_text("utf-8").startswith("# Reconciliation")
    before = out.read_bytes()
    bad = runner.invoke(main, ["report", str(tmp_path / "missing"), "-o", str(out)])
    assert bad.exit_code == 2 and out.read_bytes() == before
    assert [p.name for p in out.parent.iterdir()] == ["report.md"]


def test_standard_input(runner: CliRunner) -> None:
    result = runner.invoke(main, ["claims", "-", "--format", "json"], input=STORY_A)
    assert result.exit_code == 0, result.stderr
    claims = json.loads(result.output)
    assert any(c["attribute"] == "count" and c["value"]["value"] == 12 for c in claims)


def test_claims_table(runner: CliRunner, corpus: Path) -> None:
    result = runner.invoke(main, ["claims", str(corpus / "a.md")])
    assert result.exit_code == 0
    assert "death" in result.output and "12" in result.output


def test_bad_events_file_is_a_configuration_error(runner: CliRunner, corpus: Path,
                                                  tmp_path: Path) -> None:
    bad = tmp_path / "events.toml"
    bad.write_text("[types.x\n", encoding="utf-8")
    result = runner.invoke(main, ["report", str(corpus / "a.md"), "--events", str(bad)])
    assert result.exit_code == 2 and "not valid TOML" in result.stderr


def test_events_file_adds_a_type(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Officials evicted 40 families in Nairobi.\n", "utf-8")
    vocab = tmp_path / "events.toml"
    vocab.write_text('[types.eviction]\nlabel = "eviction"\ntriggers = ["evicted"]\n', "utf-8")
    result = runner.invoke(main, ["claims", str(tmp_path / "a.txt"), "--events", str(vocab),
                                  "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert {c["type"] for c in json.loads(result.output)} == {"eviction"}


@pytest.mark.parametrize("command", ["report", "claims", "extract"])
def test_empty_standard_input_is_no_input(runner: CliRunner, command: str) -> None:
    result = runner.invoke(main, [command, "-"], input="")
    assert result.exit_code == 2
    assert result.stderr.strip() == "reconcile: error: no input: standard input is empty"
    assert runner.invoke(main, [command, "-"], input="Police arrested 5 people on "
                                                      "3 May 2024.\n").exit_code == 0


def test_report_help_lists_its_own_examples_and_path_metavars(runner: CliRunner) -> None:
    text = runner.invoke(main, ["report", "--help"]).output
    examples = text.split("Examples:")[1]
    assert "reconcile report seeds/" in examples
    assert "reconcile check" not in examples and "reconcile claims" not in examples
    assert "--manifest FILE" in text and "-o, --output FILE" in text and "TEXT" not in text
    check = runner.invoke(main, ["check", "--help"]).output
    assert "--baseline FILE" in check and "--cache-dir DIR" in check


def test_every_command_appears_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    missing = [name for name in main.commands if f"reconcile {name}" not in readme]
    assert not missing, f"commands the README never shows: {missing}"


# ------------------------------------------- the commands are library calls behind options


def test_claims_command_prints_what_the_library_lists(runner: CliRunner, corpus: Path) -> None:
    listed = reconcile.list_claims(reconcile.reconcile([str(corpus)]))
    assert [x.claim.attribute for x in listed].count("count") == 2
    assert [x.path for x in listed if x.claim.attribute == "count"] == [
        str(corpus / "a.md"), str(corpus / "b.md")]
    for fmt, render in (("json", reconcile.claims_json), ("table", reconcile.claims_table)):
        result = runner.invoke(main, ["claims", str(corpus), "-q", "--format", fmt])
        assert result.exit_code == 0
        assert result.output == render(listed)


def test_extract_command_prints_what_the_library_extracts(runner: CliRunner,
                                                          corpus: Path) -> None:
    report = reconcile.reconcile([str(corpus / "a.md")])
    source = report.sources[0]
    record = reconcile.extract_source(source)
    assert record["anchor"] == "2024-03-12" and record["id"] == source.path
    day = next(e for e in record["expressions"] if e["kind"] == "date")
    start, end = day["span"]
    assert source.text[start:end] == "Monday"  # spans index the article's text, not the body
    assert day["value"] == "2024-03-11"
    fixed = reconcile.extract_source(source, dt.date(2024, 3, 20))
    assert fixed["anchor_basis"] == "--anchor"
    assert next(e for e in fixed["expressions"] if e["kind"] == "date")["value"] == "2024-03-18"
    result = runner.invoke(main, ["extract", str(corpus / "a.md"), "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.output) == [record]


def test_extract_text_is_one_jsonl_line(runner: CliRunner) -> None:
    record = reconcile.extract_text("x", "Three days ago, 4 people left.", dt.date(2024, 5, 10))
    assert record["id"] == "x"
    assert [(e["kind"], e["text"]) for e in record["expressions"]] == [
        ("date", "Three days ago"), ("number", "4")]
    line = json.dumps({"id": "x", "text": "Three days ago, 4 people left.",
                       "anchor": "2024-05-10"})
    result = runner.invoke(main, ["extract", "-", "--input-format", "jsonl"], input=line + "\n")
    assert result.exit_code == 0 and json.loads(result.output) == record

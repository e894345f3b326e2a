"""Values in words for people (reconcile.words) and the markdown report that
uses them: no TIMEX code, no underscore-joined qualifier, no HTML entity."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import reconcile
from reconcile.model import Amount, DateValue, Group, Place, Quantity
from reconcile.words import (
    amount_words, basis_words, count_before_noun, date_words, quantity_words, value_words,
)

# what must never reach a reader of the markdown report
TIMEX_CODE = re.compile(r"XXXX|\b\d{4}-(?:W\d|Q\d|H\d|\d{2}\b)|\bP\d+[DWMY]\b|_REF\b"
                        r"|\dT\d|\bT(?:MO|AF|EV|NI|DT)\b")
QUALIFIER_CODE = re.compile(r"at\\?_(?:least|most)")
ENTITY = re.compile(r"&#?\w+;")


@pytest.mark.parametrize("timex, words", [
    ("2023-11-08", "8 November 2023"),
    ("XXXX-04-13", "13 April, year not stated"),
    ("XXXX-WXX-3", "a Wednesday, year not stated"),
    ("2023-W50", "week 50 of 2023"),
    ("2023-W50-WE", "the weekend of week 50 of 2023"),
    ("2023-11", "November 2023"),
    ("XXXX-03", "March, year not stated"),
    ("2023", "2023"),
    ("2023-Q1", "the first quarter of 2023"),
    ("XXXX-H1", "the first half, year not stated"),
    ("2023-SU", "summer 2023"),
    ("2023-03-WL", "the last week of March 2023"),
    ("XXXX-01/XXXX-06", "January to June, year not stated"),
    ("2025-01/2025-06", "January to June 2025"),
    ("2022-12/2023-02", "December 2022 to February 2023"),
    ("2023-11-08T14:05", "8 November 2023, 14:05"),
    ("2023-11-08TMO", "8 November 2023, morning"),
    ("202X", "the 2020s"),
    ("PRESENT_REF", "now"),
])
def test_dates_in_words(timex: str, words: str) -> None:
    assert date_words(DateValue(timex, "day")) == words


def test_a_bounded_date_says_its_bound() -> None:
    assert date_words(DateValue("2018", "interval", mod="AFTER")) == "after 2018"
    assert date_words(DateValue("2019-03", "interval", mod="ON_OR_AFTER")) == "since March 2019"


@pytest.mark.parametrize("q, words", [
    (Quantity(25), "25"),
    (Quantity(25, "approximate"), "about 25"),
    (Quantity(120_000, "at_least"), "at least 120,000"),
    (Quantity(40, "at_most"), "up to 40"),
    (Quantity(200, "range", 300), "200–300"),
    (Quantity(200_000, "vague", 999_999), "hundreds of thousands (200,000–999,999)"),
    (Quantity(2_000_000, "vague", 9_999_999), "millions (2,000,000–9,999,999)"),
    (Quantity(1_600_000), "1.6 million"),
    (Quantity(1_234_567), "1,234,567"),  # an unround figure keeps its digits
    (Quantity(21.7), "21.7"),
    (Quantity(0.125), "0.125"),
])
def test_quantities_in_words(q: Quantity, words: str) -> None:
    assert quantity_words(q) == words


def test_a_count_before_its_noun() -> None:
    assert count_before_noun(Quantity(200_000, "vague", 999_999)) == "hundreds of thousands of"
    assert count_before_noun(Quantity(40_000, "approximate")) == "about 40,000"


@pytest.mark.parametrize("a, words", [
    (Amount(12.5e9, "USD", per="year"), "US$12.5 billion a year"),
    (Amount(12.5e9, "USD", "approximate", per="year"), "about US$12.5 billion a year"),
    (Amount(300_000, "EUR", "at_least"), "at least €300,000"),
    (Amount(5_000, "KHR", per="month"), "KHR 5,000 a month"),
    (Amount(2e9, "USD", "range", 3e9), "US$2–3 billion"),
    (Amount(2e9, "USD", "vague", 9_999_999_999, per="year"), "billions of US dollars a year"),
    (Amount(40, "GBP", per="hour"), "£40 an hour"),
])
def test_amounts_in_words(a: Amount, words: str) -> None:
    assert amount_words(a) == words


def test_places_groups_and_bases_in_words() -> None:
    assert value_words(Place("Lima", "PE")) == "Lima, Peru"
    assert value_words(Place("Peru", "PE", "country")) == "Peru"
    assert value_words(Group("Peruvian nationals", "PE")) == "Peruvian nationals"
    assert basis_words("latest-date, page-header bound") == \
        "latest date in the text, page header bound"


def _report(tmp_path: Path, texts: dict[str, str]) -> str:
    for name, text in texts.items():
        (tmp_path / name).write_text(text, "utf-8")
    return reconcile.render_markdown(reconcile.reconcile([str(tmp_path)]))


def test_the_markdown_report_speaks_in_words(tmp_path: Path) -> None:
    md = _report(tmp_path, {
        "a.txt": "Harbour raid\n\nPolice arrested at least 120,000 people on 13 April in "
                 "Valparaiso, in a trade worth about US$12.5 billion a year.\n",
        "b.txt": "Another view\n\nOfficials said the police arrested 30 people on Wednesday "
                 "in Valparaiso; hundreds of thousands of people protested.\n",
    })
    assert "at least 120,000" in md and "13 April, year not stated" in md
    assert "about US\\$12.5 billion a year" in md  # a backslash escape, no entity
    assert "a Wednesday, year not stated" in md
    assert not TIMEX_CODE.search(md), TIMEX_CODE.search(md)
    assert not QUALIFIER_CODE.search(md) and not ENTITY.search(md)


def test_the_seeds_report_has_no_codes() -> None:
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    md = reconcile.render_markdown(reconcile.reconcile([str(seeds)]))
    assert not TIMEX_CODE.search(md), TIMEX_CODE.search(md)
    assert not QUALIFIER_CODE.search(md) and not ENTITY.search(md)


def test_the_json_report_keeps_normalized_forms(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Police arrested at least 120 people on 13 April.\n",
                                    "utf-8")
    data = reconcile.report_to_dict(reconcile.reconcile([str(tmp_path)]))
    values = [c["value"] for e in data["events"] for c in e["claims"]]
    assert "XXXX-04-13" in values
    assert {"value": 120, "qualifier": "at_least"} in values


def _md(tmp_path: Path, texts: dict[str, str]) -> str:
    for name, (published, body) in texts.items():
        (tmp_path / name).write_text(f"---\ntitle: {name}\npublished: {published}\n---\n{body}\n",
                                     "utf-8")
    return reconcile.render_markdown(reconcile.reconcile([str(tmp_path)]))


def test_a_contradiction_says_how_far_apart(tmp_path: Path) -> None:
    md = _md(tmp_path, {
        "a.md": ("2024-05-10", "Police arrested 1,530 people in Valparaiso on 3 May 2024."),
        "b.md": ("2024-05-11", "Police arrested 4,280 people in Valparaiso on 5 May 2024."),
    })
    assert "**date** — contradiction: the dates differ by 2 days (3 May 2024 vs 5 May 2024)" \
        in md
    assert "— contradiction: the figures differ by 2,750 (1,530 vs 4,280)" in md


def test_a_difference_of_precision_is_no_conflict(tmp_path: Path) -> None:
    md = _md(tmp_path, {
        "a.md": ("2024-05-10", "Police arrested 1,530 people in Valparaiso in May 2024."),
        "b.md": ("2024-05-11", "Police arrested about 1,530 people in Valparaiso on 3 May 2024."),
    })
    assert "No conflicts found." in md and "contradiction" not in md
    assert "compatible" in md


def test_a_superseded_figure_is_labelled_with_both_as_of_dates(tmp_path: Path) -> None:
    md = _md(tmp_path, {
        "a.md": ("2024-05-01", "Floods killed 45 people in Rivertown on Monday, officials said."),
        # (the toll's figure as of the day it was said: "rose to 52 on Monday" would
        # date 52 before the 45 published later, a contradiction)
        "b.md": ("2024-05-03", ("The death toll from Monday's floods in Rivertown has risen "
                               "to 52 people, officials said.")),
    })
    assert "superseded: 45 (as of 1 May 2024, s1) was updated to 52 (as of 3 May 2024, s2)" \
        in md
    assert "No conflicts found." in md


def test_two_speakers_in_one_source_are_a_contradiction_within_it(tmp_path: Path) -> None:
    md = _md(tmp_path, {
        "a.md": ("2024-05-01", ("The trade is worth US$12 billion a year, the ministry said. "
                               "Aid groups said the trade is worth US$20 billion a year.")),
    })
    assert "— contradiction within one source (Aid groups vs ministry): the sums differ by " \
        "US\\$8 billion (US\\$12 billion a year vs US\\$20 billion a year)" in md


def test_alternatives_say_a_missing_year_once() -> None:
    from reconcile.words import one_of

    assert one_of(["a Saturday, year not stated", "a Sunday, year not stated"]) == \
        "a Saturday or a Sunday, year not stated"
    assert one_of(["8 November 2023", "9 November 2023"]) == "8 November 2023 or 9 November 2023"
    assert one_of(["13 April, year not stated", "April 2023"]) == \
        "13 April, year not stated or April 2023"


def test_how_far_apart_respects_qualifiers() -> None:
    from reconcile.words import difference_words

    assert difference_words(Quantity(88), Quantity(100, "at_least")) == \
        "the figures differ by at least 12 (88 vs at least 100)"
    assert difference_words(Quantity(35, "approximate"), Quantity(415)) == \
        "the figures differ by about 380 (about 35 vs 415)"
    assert difference_words(Quantity(4_280), Quantity(1_530)) == \
        "the figures differ by 2,750 (4,280 vs 1,530)"


# --------------------------------------------- notes of verdicts and matching (issue 14)


def test_verdict_notes_say_values_as_the_report_does() -> None:
    """Notes are phrased by reconcile/words.py too: a sum with its sign and rate, an
    unround figure with all its digits (not "1.23457 million"), a gap of "1 day"."""
    from factories import claim

    from reconcile.comparison import compare
    from reconcile.judge.verdicts import judge

    assert compare(Quantity(1_234_567), Quantity(2_500_000))[1] == \
        "1,234,567 vs 2.5 million: 2.0 times as much"
    assert compare(Quantity(40, "approximate"), Quantity(52))[1] == \
        "about 40 vs 52: differ by 12"
    assert compare(Amount(12.5e9, "USD", per="year"), Amount(20e9, "USD", per="year"))[1] == \
        "US$12.5 billion a year vs US$20 billion a year: 1.6 times as much"
    day = DateValue("2024-05-03", "day", _d(2024, 5, 3), _d(2024, 5, 3))
    later = DateValue("2024-05-04", "day", _d(2024, 5, 4), _d(2024, 5, 4))
    assert compare(day, later)[1] == "sources differ by 1 day"
    f = judge("count", "people", [claim("s1", "count", Quantity(30)),
                                  claim("s1", "count", Quantity(30), attribution="the ministry"),
                                  claim("s1", "count", Quantity(45), attribution="aid groups")])
    # the two who disagree, not the first claim of each value (which named no one: "None")
    assert f.note == "30 vs 45: 1.5 times as much (one source: the ministry vs aid groups)"


def _d(y: int, m: int, d: int) -> object:
    import datetime as dt

    return dt.date(y, m, d)


def test_json_notes_and_kept_apart_reasons_in_words(tmp_path: Path) -> None:
    texts = {
        "a.md": ("2024-05-10", "Police arrested 1,530 people in Valparaiso on 3 May 2024."),
        "b.md": ("2024-05-11", "Police arrested 4,280 people in Valparaiso on 4 May 2024."),
    }
    for name, (published, body) in texts.items():
        (tmp_path / name).write_text(f"---\ntitle: {name}\npublished: {published}\n---\n"
                                     f"{body}\n", "utf-8")
    data = reconcile.report_to_dict(reconcile.reconcile([str(tmp_path)]))
    notes = {f["note"] for e in data["events"] for f in e["findings"]}
    assert {"sources differ by 1 day", "1,530 vs 4,280: 2.8 times as much"} <= notes
    (tmp_path / "apart").mkdir()
    md = _md(tmp_path / "apart", {
        "a.md": ("2023-11-09", ("Cambodia deported 19 Japanese nationals in April 2023. "
                                "Cambodia deported 25 Japanese nationals on 8 November 2023.")),
    })
    assert "dates about 6 months apart (April 2023 vs 8 November 2023)" in md


def test_running_tally_notes_give_as_of_days_in_words(tmp_path: Path) -> None:
    def notes(published_b: str, text_b: str) -> list[str]:
        folder = tmp_path / published_b / text_b[-10:]
        folder.mkdir(parents=True)
        for name, published, text in (
                ("a.md", "2024-10-14", "Floods killed 45 people in Rivertown on Monday"),
                ("b.md", published_b, text_b)):
            (folder / name).write_text(
                f"---\ntitle: {name}\npublished: {published}\n---\n{text}, officials said.\n",
                "utf-8")
        data = reconcile.report_to_dict(reconcile.reconcile([str(folder)]))
        return [f["note"] for e in data["events"] for f in e["findings"] if f["note"]]

    # a later figure told as a change supersedes; a plain one the same day contradicts
    assert notes("2024-10-16", "The toll of Monday's floods in Rivertown has risen to 52") == [
        "superseded: 45 (as of 14 October 2024) → 52 (as of 16 October 2024)"]
    assert notes("2024-10-14", "Floods killed 61 people in Rivertown on Monday") == [
        "contradiction: 45 and 61, both as of 14 October 2024"]


REALNEWS = Path(__file__).resolve().parents[2] / "shared" / "realnews" / "cases"


@pytest.mark.slow
@pytest.mark.skipif(not REALNEWS.is_dir(), reason="../shared/realnews is not beside the checkout")
def test_the_dev_set_reports_have_no_codes() -> None:
    """Measured, not fitted: every case of the hand-annotated dev set reads without a
    code, a qualifier slug or an entity (outside code spans, where paths are)."""
    from inert import rendered_text

    for case in sorted(REALNEWS.iterdir()):
        md = reconcile.render_markdown(reconcile.reconcile([str(case)]))
        for line in md.splitlines():
            seen = rendered_text(line)
            assert not TIMEX_CODE.search(seen) and not QUALIFIER_CODE.search(seen), (case, line)
            assert not ENTITY.search(line), (case, line)


def test_a_place_contradiction_names_the_first_pair_that_conflicts() -> None:
    """A country beside a city inside it agrees: the line names two places that cannot
    both be where it happened, not the first two values (which were "Chile vs
    Valparaiso, Chile", a pair that does not conflict)."""
    from factories import claim

    from reconcile.model import Event, Mention, Source
    from reconcile.render.kinds import kind_line
    from reconcile.judge.verdicts import judge

    claims = [claim("s1", "location", Place("Chile", "CL", "country")),
              claim("s2", "location", Place("Valparaiso", "CL")),
              claim("s3", "location", Place("Santiago", "CL"))]
    finding = judge("location", None, claims)
    assert finding.verdict == "conflict"
    assert [value_words(v.value) for v in finding.values][:2] == ["Chile", "Valparaiso, Chile"]
    mention = Mention(id="m1", source="s1", type="raid", trigger="raid", trigger_span=(0, 1),
                      sentence="x", sentence_span=(0, 1), claims=tuple(claims))
    event = Event(id="e1", type="raid", summary="Raid", mentions=(mention,), findings=(finding,))
    sources = {s: Source(id=s, path=f"{s}.txt", text="x") for s in ("s1", "s2", "s3")}
    assert kind_line(event, finding, sources) == \
        "contradiction: different places (Valparaiso, Chile vs Santiago, Chile)"


def test_a_figure_contradiction_names_two_figures_that_conflict() -> None:
    """"at least 98" is compatible with 500: the line names 190 and 500, lower first."""
    from factories import claim

    from reconcile.model import Event, Mention, Source
    from reconcile.render.kinds import kind_line
    from reconcile.judge.verdicts import judge

    claims = [claim("s1", "count", Quantity(500)), claim("s2", "count", Quantity(98, "at_least")),
              claim("s3", "count", Quantity(190))]
    finding = judge("count", "people", claims)
    mention = Mention(id="m1", source="s1", type="raid", trigger="raid", trigger_span=(0, 1),
                      sentence="x", sentence_span=(0, 1), claims=tuple(claims))
    event = Event(id="e1", type="raid", summary="Raid", mentions=(mention,), findings=(finding,))
    sources = {s: Source(id=s, path=f"{s}.txt", text="x") for s in ("s1", "s2", "s3")}
    assert kind_line(event, finding, sources) == \
        "contradiction: the figures differ by 310 (190 vs 500)"

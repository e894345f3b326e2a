"""Values in words for people (reconcile.render.words) and the markdown report that
uses them: no TIMEX code, no underscore-joined qualifier, no HTML entity."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import reconcile
from reconcile.model import Amount, DateValue, Group, Place, Quantity
from reconcile.render.words import (
    amount_words, basis_words, count_before_noun, date_words, quantity_words, value_words,
)

# what must never reach a reader of the markdown report
TIMEX_CODE = re.compile(r"XXXX|\b\d{4}-(?:W\d|Q\d|H\d|\d{2}\b)|\bP\d+[DWMY]\b|_REF\b")
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
        "a.md": ("2024-05-10", "Police arrested 820 people in Valparaiso on 3 May 2024."),
        "b.md": ("2024-05-11", "Police arrested 2,012 people in Valparaiso on 5 May 2024."),
    })
    assert "**date** — contradiction: the dates differ by 2 days (3 May 2024 vs 5 May 2024)" \
        in md
    assert "— contradiction: the figures differ by 1,192 (820 vs 2,012)" in md


def test_a_difference_of_precision_is_no_conflict(tmp_path: Path) -> None:
    md = _md(tmp_path, {
        "a.md": ("2024-05-10", "Police arrested 820 people in Valparaiso in May 2024."),
        "b.md": ("2024-05-11", "Police arrested about 820 people in Valparaiso on 3 May 2024."),
    })
    assert "No conflicts found." in md and "contradiction" not in md
    assert "compatible" in md


def test_a_superseded_figure_is_labelled_with_both_as_of_dates(tmp_path: Path) -> None:
    md = _md(tmp_path, {
        "a.md": ("2024-05-01", "Floods killed 45 people in Rivertown on Monday, officials said."),
        "b.md": ("2024-05-03", ("The death toll from the floods in Rivertown rose to 52 people "
                               "on Monday, officials said.")),
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
    from reconcile.render.words import one_of

    assert one_of(["a Saturday, year not stated", "a Sunday, year not stated"]) == \
        "a Saturday or a Sunday, year not stated"
    assert one_of(["8 November 2023", "9 November 2023"]) == "8 November 2023 or 9 November 2023"
    assert one_of(["13 April, year not stated", "April 2023"]) == \
        "13 April, year not stated or April 2023"


def test_how_far_apart_respects_qualifiers() -> None:
    from reconcile.render.words import difference_words

    assert difference_words(Quantity(88), Quantity(100, "at_least")) == \
        "the figures differ by at least 12 (88 vs at least 100)"
    assert difference_words(Quantity(35, "approximate"), Quantity(308)) == \
        "the figures differ by about 273 (about 35 vs 308)"
    assert difference_words(Quantity(2_012), Quantity(820)) == \
        "the figures differ by 1,192 (2,012 vs 820)"

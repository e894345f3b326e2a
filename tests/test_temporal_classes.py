"""Classes of date reading, each on a short text of our own: days told by reference to
a day the narrative named, comparison windows that date no happening, and the parts of
a night.  Every test fails without the rule it names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import reconcile

from reconcile.extraction.temporal import find_dates
from reconcile.model import DateValue
from reading import mentions_of

_PUBLISHED = dt.date(2031, 5, 12)


def _dates(text: str) -> dict[str, str]:
    """Each date or time expression's text and its TIMEX3 value."""
    return {e.text: e.value.timex for e in find_dates(text, _PUBLISHED)
            if isinstance(e.value, DateValue)}


def _happening_spans(body: str, kind: str) -> list[tuple[str, str]]:
    """The days (earliest, latest) the date claims of the mentions of ``kind`` may denote."""
    return [(str(c.value.earliest), str(c.value.latest))
            for m in mentions_of(body, _PUBLISHED.isoformat()) if m.type == kind
            for c in m.claims if c.attribute == "date" and isinstance(c.value, DateValue)
            and c.measure_key is None]


def _happening_dates(body: str, kind: str) -> list[str]:
    """The date claims (as TIMEX3) of the mentions of ``kind`` in ``body``, in order."""
    return [c.value.timex for m in mentions_of(body, _PUBLISHED.isoformat())
            if m.type == kind for c in m.claims if c.attribute == "date"
            and isinstance(c.value, DateValue) and c.measure_key is None]


# --------------------------------------------------- a day counted from the narrated day

def test_the_previous_day_is_the_day_before_the_day_named_in_the_sentence_before() -> None:
    found = _dates("Divers reached the wreck on April 20. The ferry had sunk the "
                   "previous day.")
    assert found["the previous day"] == "2031-04-19"


def test_the_next_day_and_the_day_before_count_from_the_named_day() -> None:
    found = _dates("The levee broke on Thursday, April 24, and the pumps had failed the "
                   "day before.")
    assert found["the day before"] == "2031-04-23"
    found = _dates("The levee broke on Thursday, April 24. The next day, crews closed the "
                   "gap.")
    assert found["The next day"] == "2031-04-25"
    # counted again from a day itself counted, the reference is moot: nothing
    found = _dates("The levee broke on Thursday, April 24, and the pumps had failed the "
                   "day before. The next day, crews closed the gap.")
    assert "The next day" not in found


def test_a_day_before_an_event_or_far_from_a_named_day_is_no_date() -> None:
    # "the day before the vote" counts from the vote; with no day named in the sentence
    # or the one before, the publication date is no narrated moment
    found = _dates("On April 20 the council met. Nobody spoke. The mayor resigned the "
                   "day before the vote. The levee broke the next day.")
    assert set(found) == {"April 20"}


def test_the_next_morning_and_the_night_before_are_parts_of_the_counted_day() -> None:
    found = _dates("The convoy left the port on Tuesday, April 22. The next morning it "
                   "crossed the border.")
    assert found["The next morning"] == "2031-04-23TMO"
    found = _dates("The convoy crossed the border on Tuesday, April 22; scouts had "
                   "checked the road the night before.")
    assert found["the night before"] == "2031-04-21TNI"


def test_a_part_of_the_day_told_alone_is_on_the_day_named_before_it() -> None:
    found = _dates("The ferry docked on April 22. In the evening, crews unloaded it.")
    assert found["the evening"] == "2031-04-22TEV"
    # told after a later hour of that day, "the morning" may be the next one: nothing;
    # and "the night" before a clause of its own is no part of a named day
    found = _dates("The ferry docked on the evening of April 22. In the morning, crews "
                   "unloaded it.")
    assert "the morning" not in found
    found = _dates("The ferry docked on April 22, the night the storm broke.")
    assert set(found) == {"April 22"}


def test_a_happening_told_the_previous_day_takes_that_day() -> None:
    body = ("Rescue teams reached the hamlet on April 20. A mudslide had killed 14 "
            "villagers there the previous day.")
    assert _happening_dates(body, "death") == ["2031-04-19"]


# ------------------------------------------------ a superlative's window dates nothing

def test_the_window_a_superlative_compares_within_is_no_date_of_the_happening() -> None:
    for body in (("The cyclone, the fiercest to reach the delta this year, killed 21 "
                  "fishermen."),
                 "The ambush, the bloodiest so far this year, killed 21 soldiers.",
                 "This year's worst mine collapse killed 21 workers."):
        assert _happening_dates(body, "death") == [], body


def test_a_period_told_as_the_happenings_own_stays_its_date() -> None:
    # no superlative, or a word in "-est" that is none ("the arrest"): the year is told
    # as when it happened
    assert _happening_dates("The cyclone killed 21 fishermen this year.",
                            "death") == ["2031"]
    assert _happening_dates("Police made the arrest this month of 21 smugglers.",
                            "arrest") == ["2031-05"]


# ------------------------------------------------------- one night told from either side

def test_overnight_before_a_day_is_either_night_next_to_it() -> None:
    # "overnight Thursday" is told of the night into Thursday and of the night after it
    assert _happening_spans("Bandits killed 7 herders overnight Thursday.",
                            "death") == [("2031-05-07", "2031-05-09")]
    # on the article's own day, only the night into it
    assert _happening_spans("Bandits killed 7 herders overnight Monday.",
                            "death") == [("2031-05-11", "2031-05-12")]


def test_overnight_and_the_night_before_are_no_conflict(tmp_path: Path) -> None:
    for name, when in (("a.txt", "overnight Saturday"), ("b.txt", "on Friday night")):
        (tmp_path / name).write_text(
            f"---\npublished: 2031-05-12\n---\nRaid\n\nBandits killed 7 herders in "
            f"Kaduna {when}, police said.\n", encoding="utf-8")
    report = reconcile.reconcile([str(tmp_path)])
    assert not [f for ev in report.events for f in ev.findings
                if f.attribute == "date" and f.verdict == "conflict"]
    assert [f for ev in report.events for f in ev.findings if f.attribute == "count"]

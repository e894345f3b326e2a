"""Matching rules found by a generality probe on invented stories (our own words): a
happening two outlets date a day apart, a toll told for two countries together, a
count of the displaced told beside a toll."""

from __future__ import annotations

from pathlib import Path

import reconcile
from reconcile.model import DateValue, Event, Quantity, Report


def _report(tmp_path: Path, files: dict[str, tuple[str, str]]) -> Report:
    for name, (published, body) in files.items():
        (tmp_path / name).write_text(f"---\npublished: {published}\n---\n{body}\n",
                                     encoding="utf-8")
    return reconcile.reconcile([str(tmp_path)])


def _dated(report: Report, type_: str) -> list[Event]:
    """The events of ``type_`` that carry a date of their happening."""
    return [e for e in report.events if e.type == type_ and any(
        c.attribute == "date" and isinstance(c.value, DateValue)
        and c.measure_key != "as_of" for m in e.mentions for c in m.claims)]


_A = ("Parents in northern Nigeria are still waiting for news, a week on.\n\n"
      "The pupils were kidnapped from their school in Zaria on June 3, one of the largest "
      "such raids this year.")


def _b(town: str) -> str:
    return ("Nigerian police said on Thursday they had no news of the missing.\n\n"
            f"The children were seized on June 4 by men on motorbikes near {town}, "
            "according to police.")


def test_one_happening_dated_a_day_apart_by_two_outlets_is_one_event(
        tmp_path: Path) -> None:
    """Two outlets lead with one kidnapping in one town, one on the 3rd and the other
    on the 4th, in their own words and counting nothing: one event whose date is a
    conflict, not two kidnappings."""
    report = _report(tmp_path, {"a.txt": ("2025-06-12", _A),
                                "b.txt": ("2025-06-12", _b("Zaria"))})
    (event,) = _dated(report, "abduction")
    assert {m.source for m in event.mentions} == {"s1", "s2"}
    assert any(f.attribute == "date" and f.verdict == "conflict" for f in event.findings)


def test_kidnappings_a_day_apart_in_two_towns_stay_apart(tmp_path: Path) -> None:
    report = _report(tmp_path, {"a.txt": ("2025-06-12", _A),
                                "b.txt": ("2025-06-12", _b("Sokoto"))})
    assert len(_dated(report, "abduction")) == 2


def test_a_day_apart_weeks_later_is_no_ground_to_join(tmp_path: Path) -> None:
    """An article a month later is of the story by the day it recalls: a day's
    difference is not read as one happening then."""
    report = _report(tmp_path, {"a.txt": ("2025-06-12", _A),
                                "b.txt": ("2025-07-15", _b("Zaria"))})
    assert len(_dated(report, "abduction")) == 2


def test_a_count_of_the_displaced_told_with_a_toll_is_a_displacement(
        tmp_path: Path) -> None:
    """"Killed 14 and displaced more than 20,000": the displaced are no part of the
    toll; their count joins another outlet's count of people forced from their homes,
    and the dead stay an event of their own."""
    report = _report(tmp_path, {
        "a.txt": ("2025-04-02", ("GARISSA, April 2 (Example Wire) - Heavy rains in "
                  "eastern Kenya have killed 14 people and displaced more than 20,000, "
                  "officials said on Wednesday.")),
        "b.txt": ("2025-04-02", ("About 25,000 people have been forced from their homes "
                  "by the rains in Garissa, the Red Cross said on Wednesday.")),
    })

    def counts(e: Event) -> set[float]:
        return {c.value.value for m in e.mentions for c in m.claims
                if c.attribute == "count" and isinstance(c.value, Quantity)}

    (shared,) = [e for e in report.events if {20000.0, 25000.0} <= counts(e)]
    assert shared.type == "displacement"
    (toll,) = [e for e in report.events if 14.0 in counts(e)]
    assert 20000.0 not in counts(toll)


def _storm(tmp_path: Path, second: str) -> Report:
    return _report(tmp_path, {
        "a.txt": ("2025-05-20", ("The storm that hit the Himalayan foothills has killed 12 "
                  "people in Nepal and India, officials said on Tuesday.")),
        "b.txt": ("2025-05-20", second),
    })


def _tolls(report: Report) -> list[Event]:
    return [e for e in report.events if any(
        c.attribute == "count" for m in e.mentions for c in m.claims)]


def test_a_toll_told_of_two_countries_is_one_whichever_comes_first(
        tmp_path: Path) -> None:
    """"12 in Nepal and India" and "at least 10 in India and Nepal": one toll, no
    conflict of places (each outlet names one country first)."""
    report = _storm(tmp_path, "The storm killed at least 10 people in India and Nepal "
                              "on Sunday, police said.")
    (toll,) = _tolls(report)
    assert {m.source for m in toll.mentions} == {"s1", "s2"}
    assert not [f for f in toll.findings if f.verdict == "conflict"]


def test_one_country_of_a_two_country_toll_stays_apart(tmp_path: Path) -> None:
    """"9 in India" may be that country's part of "12 in Nepal and India": not joined
    (joined, 12 and 9 would read as a conflict)."""
    report = _storm(tmp_path, "The storm killed 9 people in India on Sunday, police said.")
    assert len(_tolls(report)) == 2


def test_a_vague_count_in_a_disputed_title_does_not_dangle(tmp_path: Path) -> None:
    """Values a title lists for a disputed count stand before one noun: "Dozens or 15
    people missing", never "Dozens of or 15"."""
    report = _report(tmp_path, {
        "a.txt": ("2025-08-12", ("A boat carrying traders capsized on Lake Kivu on Monday, "
                  "leaving 12 dead and dozens missing, police said.")),
        "b.txt": ("2025-08-12", ("Rescuers searched on Tuesday for 15 people still missing "
                  "after a boat sank on Lake Kivu, officials said.")),
    })
    (missing,) = [e for e in report.events if "missing" in e.summary]
    assert missing.summary.startswith("Dozens or 15 people missing"), missing.summary

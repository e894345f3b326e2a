"""Cross-source matching and within-article grouping classes a probe round left (each on
short texts of our own words): a breakdown by nationality told after the people it
breaks down, coordinated happenings of one clause and the place told once for both, one
prosecution dated differently by two outlets, synonyms of people groups, and one removal
named by different words."""

from __future__ import annotations

from pathlib import Path

import pytest

import reconcile
from reconcile.model import Event, Place, Quantity, Report
from reading import counts_of, mentions_of


def _report(tmp_path: Path, files: dict[str, tuple[str, str]]) -> Report:
    for name, (published, body) in files.items():
        (tmp_path / name).write_text(f"---\npublished: {published}\n---\n{body}\n",
                                     encoding="utf-8")
    return reconcile.reconcile([str(tmp_path)])


def _counts(e: Event) -> set[float]:
    return {c.value.value for m in e.mentions for c in m.claims
            if c.attribute == "count" and isinstance(c.value, Quantity)}


def _conflicts(e: Event, attribute: str) -> bool:
    return any(f.attribute == attribute and f.verdict == "conflict" for f in e.findings)


# 1. A breakdown by nationality told after the people it breaks down

_LEAD = ("Portugal expelled 84 foreigners who had overstayed their visas, the border "
         "agency said on Thursday.\n\n")


def test_a_breakdown_after_an_undated_lead_is_the_lead_happening(tmp_path: Path) -> None:
    """"Expelled 84 foreigners ... Those expelled included 30 Brazilians and 25
    Angolans": the lead names no day of its own, so nothing but the breakdown ties the
    two sentences; they tell one expulsion, and another outlet's 86 meets it as a
    conflict of its count."""
    report = _report(tmp_path, {
        "a.txt": ("2025-02-14", _LEAD + ("Those expelled included 30 Brazilians and 25 "
                                         "Angolans.")),
        "b.txt": ("2025-02-14", ("Portuguese officials said 86 foreigners were expelled "
                                 "on Wednesday for overstaying their visas.")),
    })
    (event,) = [e for e in report.events if e.type == "deportation"]
    assert {84.0, 86.0, 30.0, 25.0} <= _counts(event)
    assert _conflicts(event, "count")


def test_a_breakdown_told_on_without_a_trigger_joins_the_lead(tmp_path: Path) -> None:
    report = _report(tmp_path, {
        "a.txt": ("2025-02-14", _LEAD + "Of them, 30 were Brazilians and 25 Angolans."),
    })
    (event,) = [e for e in report.events if e.type == "deportation"]
    assert {84.0, 30.0, 25.0} <= _counts(event)


def test_parts_larger_than_the_whole_are_no_breakdown_of_it(tmp_path: Path) -> None:
    """Figures that add up to more than the people counted before are not their parts:
    another expulsion, kept apart."""
    report = _report(tmp_path, {
        "a.txt": ("2025-02-14", _LEAD + ("Those expelled included 60 Brazilians and 45 "
                                         "Angolans.")),
    })
    assert len([e for e in report.events if e.type == "deportation"]) == 2


# 2. A place told once for happenings coordinated in one sentence

_EARLIER = "Police detained two men in Nantes on Monday.\n\n"


def _places(body: str) -> dict[str, set[str]]:
    """Per trigger word of the second paragraph's mentions, the places they are given."""
    out: dict[str, set[str]] = {}
    for m in mentions_of(_EARLIER + body, "2025-06-11"):
        if m.paragraph == 1:
            out[m.trigger] = {c.value.name for c in m.claims
                              if c.attribute == "location" and isinstance(c.value, Place)}
    return out


@pytest.mark.parametrize("body", [
    ("Three smugglers were arrested and nine migrants were rescued in a raid in Lyon on "
     "Tuesday."),
    ("Officers arrested three smugglers and freed nine migrants in a raid in Lyon on "
     "Tuesday."),
    ("Three smugglers were arrested, two were detained and nine migrants were rescued in a "
     "raid in Lyon on Tuesday."),
])
def test_a_place_told_once_for_coordinated_happenings_is_each_ones(body: str) -> None:
    """"Three were arrested and nine were rescued in a raid in <town>": the arrest took
    place there too, not in the town the article named first."""
    places = _places(body)
    assert len(places) >= 2
    assert all(p == {"Lyon"} for p in places.values()), places


@pytest.mark.parametrize("body", [
    ("Three smugglers were arrested on Monday and nine migrants were rescued in a raid in "
     "Lyon on Tuesday."),
    ("Three smugglers were arrested after nine migrants were rescued in a raid in Lyon on "
     "Tuesday."),
])
def test_a_place_of_another_clause_or_day_is_not_shared(body: str) -> None:
    """Told on another day, or in a clause of its own, the arrest is not given the
    rescue's town."""
    places = _places(body)
    arrest = next(p for t, p in places.items() if "arrest" in t)
    assert "Lyon" not in arrest


# 3. One sentencing dated a day apart by two outlets

_SENTENCED = ("2025-01-16", ("A court in Lima on Wednesday sentenced a former port official "
                             "to nine years in prison for taking bribes.\n\n"
                             "Prosecutors had sought 15 years."))


def _sentencings(report: Report) -> list[Event]:
    return [e for e in report.events if e.type == "prosecution"]


def test_one_sentencing_dated_a_day_apart_is_one_event_with_a_date_conflict(
        tmp_path: Path) -> None:
    """"Sentenced on Wednesday" and, in another outlet naming no town, "was sentenced on
    Tuesday": each article's one sentencing, counting nothing; one event whose date is a
    conflict, not two sentencings."""
    report = _report(tmp_path, {
        "a.txt": _SENTENCED,
        "b.txt": ("2025-01-17", ("The former official, arrested in 2023, was sentenced on "
                                 "Tuesday, according to state media.")),
    })
    (event,) = _sentencings(report)
    assert {m.source for m in event.mentions} == {"s1", "s2"}
    assert _conflicts(event, "date")


def test_sentencings_in_two_towns_stay_apart(tmp_path: Path) -> None:
    report = _report(tmp_path, {
        "a.txt": _SENTENCED,
        "b.txt": ("2025-01-17", ("A court in Cusco sentenced a former port official on "
                                 "Tuesday, according to state media.")),
    })
    assert len(_sentencings(report)) == 2


def test_an_article_telling_two_sentencings_is_not_joined_by_day_alone(
        tmp_path: Path) -> None:
    """An article that tells two sentencings does not say which one the other outlet's
    is: nothing joins them by a day's difference."""
    report = _report(tmp_path, {
        "a.txt": _SENTENCED,
        "b.txt": ("2025-01-17", ("The former official was sentenced on Tuesday, according to "
                                 "state media.\n\nHis deputy was sentenced to four years "
                                 "in December.")),
    })
    joined = [e for e in _sentencings(report) if {m.source for m in e.mentions} == {"s1", "s2"}]
    assert not joined


# 4. Nouns of people that name one kind of people

def test_captives_and_hostages_counted_beside_others_are_compared(tmp_path: Path) -> None:
    """"Freed 14 hostages and three guards" beside another outlet's "12 captives": the
    first mention counts two kinds of people, so only a shared key compares 14 with 12,
    a conflict to report."""
    report = _report(tmp_path, {
        "a.txt": ("2025-04-09", ("Troops freed 14 hostages and three guards held by gunmen "
                                 "near Maiduguri on Tuesday, the army said.")),
        "b.txt": ("2025-04-09", ("Soldiers rescued 12 captives from a hideout near "
                                 "Maiduguri on Tuesday, officials said.")),
    })
    (event,) = [e for e in report.events if e.type == "rescue"]
    assert {14.0, 12.0} <= _counts(event)
    assert _conflicts(event, "count")


@pytest.mark.parametrize("text,key", [
    ("Police detained 30 inmates on Sunday.", "people/prisoners"),
    ("Police detained 40 demonstrators on Sunday.", "people/protesters"),
    ("Police detained 40 protestors on Sunday.", "people/protesters"),
    # told of other people in many stories: not one kind
    ("Police detained 40 asylum seekers on Sunday.", "people/asylum seekers"),
])
def test_a_count_of_people_is_keyed_by_the_kinds_one_noun(text: str, key: str) -> None:
    assert key in counts_of(mentions_of(text, "2025-04-09"))


# 5. One removal named by different words

_SENT_BACK = ("2025-07-10", ("Peru sent 58 Bolivian suspects back to Bolivia on Wednesday, "
                             "police said."))
_DEPORTED = ("2025-07-10", ("Peru deported 56 Bolivian nationals on Wednesday over an "
                            "online fraud ring, police said."))


def _removals(report: Report) -> list[Event]:
    return [e for e in report.events
            if {m.type for m in e.mentions} & {"deportation", "repatriation", "extradition"}]


def test_a_handover_sending_back_and_deportation_of_one_nationality_are_one_removal(
        tmp_path: Path) -> None:
    """"Handed over 58 Bolivian nationals to Bolivia", "sent 58 Bolivian suspects
    back", "deported 56 Bolivian": one removal named three ways, whose count is a
    conflict."""
    report = _report(tmp_path, {
        "a.txt": ("2025-07-10", ("Peruvian police handed over 58 Bolivian nationals to Bolivia "
                                 "on Wednesday after a raid on a scam compound.")),
        "b.txt": _SENT_BACK,
        "c.txt": _DEPORTED,
    })
    (event,) = _removals(report)
    assert {m.source for m in event.mentions} == {"s1", "s2", "s3"}
    assert _conflicts(event, "count")


def test_an_extradition_told_as_one_stays_its_own_kind(tmp_path: Path) -> None:
    """"Extradited" is a removal of its own kind: not joined to a deportation of the same
    nationality by that alone."""
    report = _report(tmp_path, {
        "a.txt": ("2025-07-10", ("Peru extradited 58 Bolivian suspects to Bolivia on "
                                 "Wednesday, police said.")),
        "c.txt": _DEPORTED,
    })
    assert len(_removals(report)) == 2


def test_a_handover_naming_no_nationality_stays_apart(tmp_path: Path) -> None:
    report = _report(tmp_path, {
        "a.txt": ("2025-07-10", ("Peruvian police handed over 58 people to border officials on "
                                 "Wednesday after a raid on a scam compound.")),
        "c.txt": _DEPORTED,
    })
    assert len(_removals(report)) == 2


# Within one sentence: a breakdown told between a count and its verb

def test_a_count_broken_down_between_commas_is_the_subject_of_its_verb() -> None:
    """"Four were arrested and 11 victims, including six Ghanaians, were rescued": the
    victims and their breakdown are the rescue's, not counts of the arrest (which left
    the rescue with nothing and lost it)."""
    mentions = mentions_of("Four suspects were arrested and 11 victims, including six "
                           "Ghanaians, were rescued in a raid in Lyon on Tuesday.",
                           "2025-06-11")
    by_type = {m.type: m for m in mentions}
    assert set(by_type) == {"arrest", "rescue"}
    assert counts_of([by_type["rescue"]]) == {"people/victims": 11.0, "GH": 6.0}
    assert counts_of([by_type["arrest"]]) == {"people/suspects": 4.0}

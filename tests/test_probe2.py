"""A second generality probe: constructions from invented wire copy of story kinds the
dev set does not hold (a migrant boat sinking, a bootleg liquor poisoning), each on a
few sentences of our own.  Every test fails without the rule it names."""

from __future__ import annotations

from pathlib import Path

import pytest

import reconcile

from reconcile.model import DateValue, Mention
from reading import mentions_of

PUBLISHED = "2025-06-13"  # a Friday


def _mentions(body: str) -> list[Mention]:
    return mentions_of(body, PUBLISHED)


def _dates(mentions: list[Mention], key: str | None) -> set[str]:
    return {c.value.timex for m in mentions if m.type == "death" for c in m.claims
            if c.attribute == "date" and isinstance(c.value, DateValue)
            and c.measure_key == key}


@pytest.mark.parametrize("sentence", [
    ("The death toll from the sinking of a fishing boat rose to 47 on Thursday, "
     "a Red Crescent official said."),
    "The toll in the liquor poisoning climbed to 35 on Thursday, officials said.",
])
def test_toll_of_a_named_happening_risen_on_a_day_dates_the_figure(sentence: str) -> None:
    # the happening is named apart from the toll: Thursday is when the figure stood,
    # never the day the dead died
    ms = _mentions(f"Boat toll rises\n\n{sentence}\n")
    assert "2025-06-12" not in _dates(ms, None)
    assert "2025-06-12" in _dates(ms, "as_of")


def test_toll_risen_on_a_day_without_a_named_happening_keeps_the_day() -> None:
    # "rose to 52 on Monday" alone may date the deaths of Monday: left as it was
    ms = _mentions("Floods kill 52\n\nFloods killed 52 people; the toll rose to 52 on "
                   "Thursday.\n")
    assert "2025-06-12" in _dates(ms, None)


def test_an_evacuation_keeps_its_own_day_apart_from_its_fire(tmp_path: Path) -> None:
    # the fire began on Wednesday, the villages were emptied on Thursday: one outlet,
    # no dispute about the fire's day
    (tmp_path / "a.txt").write_text(
        "---\npublished: 2025-08-15\n---\nWildfire empties villages\n\n"
        "KELVIN, Aug 15 (Wire) — A wildfire near the town of Castelo Branco forced the "
        "evacuation of 900 people from six hamlets on Thursday, rescue officials said.\n\n"
        "The fire broke out on Wednesday afternoon in dry scrubland, fire chief Rui Lopes "
        "said.\n", encoding="utf-8")
    report = reconcile.reconcile([str(tmp_path)])
    fire_days = {c.value.timex for e in report.events if e.type == "fire"
                 for m in e.mentions for c in m.claims
                 if c.attribute == "date" and isinstance(c.value, DateValue)
                 and c.measure_key != "as_of"}
    assert fire_days == {"2025-08-13"}
    evacuation_days = {c.value.timex for e in report.events if e.type == "evacuation"
                       for m in e.mentions for c in m.claims
                       if c.attribute == "date" and isinstance(c.value, DateValue)
                       and c.measure_key != "as_of"}
    assert evacuation_days == {"2025-08-14"}


def test_an_avalanche_is_titled_as_one_and_matched_with_a_landslide(tmp_path: Path) -> None:
    # snow is not earth: "Landslide (...)" would name another happening; an outlet
    # calling the same slide a landslide is still the same event (one family)
    first = ("Snow slide buries climbers\n\nAn avalanche buried a rope team on the "
             "north face near Chamonix on Sunday.")
    second = ("Slide on Alpine face\n\nA landslide of snow and ice buried climbers near "
              "Chamonix on Sunday.")
    files = {"a.txt": ("2025-02-18", first), "b.txt": ("2025-02-18", second)}
    for name, (published, body) in files.items():
        (tmp_path / name).write_text(f"---\npublished: {published}\n---\n{body}\n",
                                     encoding="utf-8")
    report = reconcile.reconcile([str(tmp_path)])
    (event,) = [e for e in report.events if e.type in ("avalanche", "landslide")]
    assert {m.type for m in event.mentions} == {"avalanche", "landslide"}
    assert event.summary.startswith("Avalanche")


def test_a_later_blast_in_an_article_about_a_blast_at_works_is_that_accident() -> None:
    # "the explosion occurred on Sunday night" names no works and no attack: it is the
    # refinery blast told in the lead, not an attack
    ms = _mentions("Blast at fuel works\n\nAn explosion at a makeshift fuel refinery in "
                   "the delta killed nine people, police said.\n\nThe explosion occurred on "
                   "Wednesday night, a local chief said.\n")
    kinds = {m.type for m in ms if m.trigger.lower() in ("explosion", "blast")}
    assert kinds == {"accident"}


def test_a_later_blast_told_with_an_attack_word_stays_an_attack() -> None:
    ms = _mentions("Blast at fuel works\n\nAn explosion at a makeshift fuel refinery in "
                   "the delta killed nine people, police said.\n\nA second blast, set off "
                   "by militants at a checkpoint, followed on Wednesday.\n")
    assert "attack" in {m.type for m in ms}


def test_an_accident_is_titled_as_an_accident(tmp_path: Path) -> None:
    # a blast at works is an accident, never a "crash or collision"
    (tmp_path / "a.txt").write_text(
        "---\npublished: 2025-06-13\n---\nBlast at fuel works\n\nAn explosion tore "
        "through a fuel refinery in the delta on Wednesday.\n",
        encoding="utf-8")
    report = reconcile.reconcile([str(tmp_path)])
    titles = [e.summary for e in report.events if e.type == "accident"]
    assert titles and all(t.startswith("Accident") for t in titles), titles


@pytest.mark.parametrize("headline,type_", [
    ("Coastguard frees 40 fishermen held by pirates", "rescue"),
    ("Eleven drown as ferry sinks in river", "death"),
    ("Freight train derails in Peru on Sunday", "accident"),
    ("Tanker collides with barge off Crete on Sunday", "accident"),
    ("Grand jury indicts 12 bankers in Peru", "prosecution"),
    ("Broker defrauds 300 retirees of savings", "fraud"),
])
def test_a_headline_verb_in_the_present_is_read(headline: str, type_: str) -> None:
    # wire headlines tell the happening in the present tense ("frees", "derails")
    ms = _mentions(f"{headline}\n\nThe authorities gave no further detail on Thursday.\n")
    assert type_ in {m.type for m in ms}, headline


def test_n_more_after_a_toll_told_as_rising_is_an_increment() -> None:
    # "as 12 more people were admitted to hospital" is what the day added, not the
    # whole of the injured another outlet may give
    ms = _mentions("Toll in poisoning rises\n\nThe toll in the poisoning climbed to 35 on "
                   "Thursday, officials said, as 12 more people were admitted to hospital.\n")
    keys = {c.measure_key for m in ms for c in m.claims if c.attribute == "count"}
    assert "injured/more" in keys and "injured" not in keys


def test_n_more_beside_a_toll_not_told_as_rising_is_not_an_increment() -> None:
    ms = _mentions("Boat sinks\n\nFive people died and 12 more were injured when the boat "
                   "sank on Thursday.\n")
    keys = {c.measure_key for m in ms for c in m.claims if c.attribute == "count"}
    assert "injured/more" not in keys


def test_a_toll_sentence_that_dates_its_happening_keeps_its_other_day(
        tmp_path: Path) -> None:
    # the sentence gives the slide its own day (Saturday); the day the body was found
    # (Sunday) is the toll's, never a second day for the slide
    first = ("Slide kills three on ridge\n\nAn avalanche buried a rope team near "
             "Chamonix on Saturday, killing three climbers, police said.")
    second = ("Fourth climber dies after slide\n\nRescuers found the body of a fourth "
              "climber on Sunday, bringing to four the number of people killed in an "
              "avalanche near Chamonix on Saturday, police said.")
    for name, body in (("a.txt", first), ("b.txt", second)):
        (tmp_path / name).write_text(f"---\npublished: 2025-02-17\n---\n{body}\n",
                                     encoding="utf-8")
    report = reconcile.reconcile([str(tmp_path)])
    days = {c.value.timex for e in report.events if e.type == "avalanche"
            for m in e.mentions for c in m.claims
            if c.attribute == "date" and isinstance(c.value, DateValue)
            and c.measure_key != "as_of"}
    assert days == {"2025-02-15"}


def test_bringing_to_a_figure_before_its_noun_is_an_update() -> None:
    # "bringing to five the number of people killed": the tally moved to five
    ms = _mentions("Fifth climber found\n\nRescuers found the body of a climber on Sunday, "
                   "bringing to five the number of people killed in the avalanche.\n")
    updates = {c.value.value for m in ms for c in m.claims
               if c.attribute == "count" and c.update}
    assert updates == {5.0}


def test_an_earlier_toll_told_beside_the_new_one_is_not_a_figure_and_makes_an_update(
        ) -> None:
    # "raising an earlier toll of 15": 15 is a replaced figure of unknown day, and 17
    # is told as an update of it
    ms = _mentions("Jail clash toll rises\n\nAt least 17 inmates died in the clash at the "
                   "jail on Friday, officials said, raising an earlier toll of 15.\n")
    counts = {(c.value.value, c.update) for m in ms for c in m.claims
              if c.attribute == "count"}
    assert counts == {(17.0, True)}


def test_raising_fears_is_no_update() -> None:
    ms = _mentions("Jail clash\n\nAt least 17 inmates died in the clash at the jail on "
                   "Friday, raising fears of more unrest.\n")
    assert {c.update for m in ms for c in m.claims if c.attribute == "count"} == {False}

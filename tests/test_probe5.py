"""A fifth generality probe, after the merge of probes 3 and 4, left-alone fixes and
place rules: constructions from invented wire copy mixing kinds (raids with deaths,
floods and rescues, shootings and arrests, deportations after raids, tolls told on
several days, attacks recalled a year on), each on a few sentences of our own.  Every
test fails without the rule it names."""

from __future__ import annotations

from pathlib import Path

import reconcile
from reconcile.model import Report
from reading import mentions_of


def _report(tmp_path: Path, files: dict[str, tuple[str, str]]) -> Report:
    for name, (published, body) in files.items():
        (tmp_path / name).write_text(f"---\npublished: {published}\n---\n{body}\n",
                                     encoding="utf-8")
    return reconcile.reconcile([str(tmp_path)])


def _conflicts(report: Report, attribute: str) -> list[str]:
    return [f.note or "" for e in report.events for f in e.findings
            if f.attribute == attribute and f.verdict == "conflict"]


# ------------------------------------------------ a headline's figure is its text's day

_MINE_FIRST = ("Mine collapse in Potosi kills 4\n\nA tunnel of a tin mine near Potosi "
               "caved in on Thursday, killing four miners, rescuers said.")
_MINE_SECOND = ("Potosi mine toll climbs to 8\n\nThe number of miners killed in Thursday's "
                "cave-in near Potosi rose to 8 on Friday as crews dug out more bodies, a "
                "regional official said.")
_MINE_THIRD = ("Potosi mine toll rises to 13\n\nThe toll from Thursday's mine collapse near "
               "Potosi has risen to 13, the mining cooperative said on Saturday.")


def test_a_headline_figure_is_stated_on_the_day_its_text_gives_it(tmp_path: Path) -> None:
    # the second outlet, out on Saturday, tells "rose to 8 on Friday" and repeats 8 in
    # its headline: the headline's 8 is Friday's figure, not a second figure of
    # Saturday beside the third outlet's 13 (a rising toll, no contradiction)
    report = _report(tmp_path, {"a.txt": ("2026-02-06", _MINE_FIRST),
                                "b.txt": ("2026-02-07", _MINE_SECOND),
                                "c.txt": ("2026-02-08", _MINE_THIRD)})
    assert _conflicts(report, "count") == []


# ------------------------------------- a removal after a raid has a day of its own

_HELD = ("Police raid Penang factory\n\nPolice raided a furniture factory in Penang on "
         "Wednesday and detained 64 workers from Nepal without permits, officers said.")
_REMOVED = ("Malaysia deports Nepalis held in factory raid\n\nMalaysia on Thursday deported "
            "40 Nepali workers who had been detained in last week's raid on a Penang "
            "furniture factory, the immigration department said.")
_SENT = ("Nepalis sent home after Penang raid\n\nForty Nepali workers detained in a raid on "
         "a Penang factory on May 6 were put on a flight to Kathmandu on Thursday, the "
         "immigration department said.")


def test_a_removal_headline_does_not_take_the_day_of_the_raid_its_lead_dates(
        tmp_path: Path) -> None:
    # the third outlet's lead dates only the raid (May 6); its headline's "sent home"
    # happened days later, on a day the lead does not give it: no second date for the
    # deportation against the second outlet's Thursday
    report = _report(tmp_path, {"a.txt": ("2026-05-07", _HELD),
                                "b.txt": ("2026-05-15", _REMOVED),
                                "c.txt": ("2026-05-15", _SENT)})
    assert _conflicts(report, "date") == []
    sent = [c for e in report.events for m in e.mentions if m.type == "repatriation"
            for c in m.claims if c.attribute == "date" and not c.measure_key]
    assert all(str(c.value.earliest) != "2026-05-06" for c in sent)  # type: ignore[union-attr]


# --------------------------------------- a day of a month of last year keeps its year

def test_a_day_and_month_of_last_year_is_that_day_a_year_before() -> None:
    # "on October 3 last year" and "on 3 October last year": the day in the year before
    # publication, neither this year's October 3 nor the whole month
    for when in ("October 3 last year", "3 October last year", "3rd of October last year"):
        ms = mentions_of(f"A ferry sank off the island on {when}, killing 21 people.",
                         "2026-11-20")
        days = {str(c.value.timex) for m in ms for c in m.claims  # type: ignore[union-attr]
                if c.attribute == "date"}
        assert days == {"2025-10-03"}, (when, days)


# ------------------------------------ "last week's raid" names a happening, no window

def test_people_held_in_last_weeks_raid_are_no_count_over_a_week() -> None:
    # "deported 52 ... detained in last week's raid": the deportation's 52, compared
    # with another outlet's figure of it, not a tally of one week
    ms = mentions_of("Thailand on Monday deported 52 Cambodian workers who were detained "
                     "in last week's raid on a call centre.", "2026-08-12")
    keys = {c.measure_key for m in ms for c in m.claims if c.attribute == "count"}
    assert keys and not any("/in " in (k or "") for k in keys), keys


# --------------------------------------------- "N aboard" ends the count's noun phrase

def test_the_word_after_aboard_is_not_what_a_count_counts() -> None:
    # "Helicopter with 9 aboard crashes in the hills": nine people aboard, never nine
    # "crashes"; the verb after "aboard" is no noun of the count
    ms = mentions_of("Helicopter with 9 aboard crashes near Manaus\n\nThe helicopter came "
                     "down on Friday, officials said.", "2026-10-10",
                     "Helicopter with 9 aboard crashes near Manaus")
    keys = {c.measure_key for m in ms for c in m.claims if c.attribute == "count"}
    assert "crashes" not in keys, keys


# ---------------------------------------------- a country's initials in a headline

def test_a_story_naming_its_country_by_initials_keeps_a_town_of_that_country(
        tmp_path: Path) -> None:
    # "PNG" is the country its headline names: an island town of the story is not read
    # as a namesake abroad that keeps the second outlet's quake apart from the first's
    from reconcile.gazetteer import lookup_place
    place = lookup_place("PNG")
    assert place is not None and place.country == "PG"
    quake = ("Quake shakes Papua New Guinea\n\nA strong earthquake off the island of New "
             "Britain on Wednesday damaged homes near Kimbe, officials said.")
    damage = ("PNG quake damage grows\n\nThe earthquake that struck the coast of New "
              "Britain on Wednesday destroyed 300 homes, police said on Thursday.")
    report = _report(tmp_path, {"a.txt": ("2026-04-02", quake),
                                "b.txt": ("2026-04-03", damage)})
    countries = {c.value.country for e in report.events for c in e.claims  # type: ignore[union-attr]
                 if c.attribute == "location"}
    assert countries == {"PG"}, countries


# ------------------------------------------- a flight named by where it set out

def test_a_flight_from_a_city_did_not_crash_there() -> None:
    # "the bus from Arequipa": where its route began, not where it went off the road
    ms = mentions_of("Eighteen passengers on the bus from Arequipa were killed when it "
                     "plunged off a mountain road on Monday, police said.", "2026-03-03")
    places = {c.value.name for m in ms for c in m.claims  # type: ignore[union-attr]
              if c.attribute == "location" and not c.inferred}
    assert "Arequipa" not in places, places

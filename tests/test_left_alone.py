"""Classes of defect an earlier round found and left alone, each on a short text of our
own words with the same construction: dying of one's injuries, a wounded count worded
"others", figures in a sentence with no event word of their own, occasions of speech,
undated running counts, datelines without a year, totals over a window."""

from __future__ import annotations

from pathlib import Path

import pytest

import reconcile
from reconcile.extraction.frame import ANOTHER_DAYS_CLAUSE
from reconcile.model import DateValue, Quantity, Report
from reading import counts_of, mentions_of


def _report(tmp_path: Path, files: dict[str, tuple[str, str]]) -> Report:
    for name, (published, body) in files.items():
        (tmp_path / name).write_text(f"---\npublished: {published}\n---\n{body}\n",
                                     encoding="utf-8")
    return reconcile.reconcile([str(tmp_path)])


# ------------------------------------------------------------ 1. dying of injuries

def test_succumbing_to_injuries_is_a_death_added_to_the_toll() -> None:
    ms = mentions_of("A bus plunged into a gorge on Saturday, killing 12 people. Two more "
                     "victims succumbed to their injuries on Sunday, raising the toll to "
                     "14.", "2024-05-06")
    assert "injury" not in {m.type for m in ms}
    (late,) = [m for m in ms if "succumbed" in m.trigger]
    assert late.type == "death"
    assert counts_of([late]) == {"deaths/more": 2.0, "deaths": 14.0}


def test_succumbing_to_wounds_without_a_word_between() -> None:
    ms = mentions_of("Three more soldiers succumbed to wounds in hospital.", "2024-05-06")
    assert [m.type for m in ms] == ["death"]


def test_an_increment_and_the_tally_it_brought_are_one_mention() -> None:
    """"Two more died, bringing the number of fatalities to 14": what the day added and
    the tally it made, one happening (two mentions of one sentence can never be one
    event, so the tally was kept from the toll another outlet gives)."""
    ms = mentions_of("A bus plunged into a gorge on Saturday, killing 12 people. Officials "
                     "said two more victims died in hospital, bringing the total number "
                     "of fatalities to 14.", "2024-05-06")
    (late,) = [m for m in ms if m.trigger == "died"]
    assert counts_of([late]) == {"deaths/more": 2.0, "deaths": 14.0}
    assert not [m for m in ms if m.trigger == "fatalities"]


_FERRY = ("Ferry toll climbs to 96\n\nThe death toll from the ferry sinking off the coast "
          "climbed to 96 on Tuesday, officials said.\n\nTwo more passengers succumbed to "
          "their injuries overnight, bringing the total number of fatalities to 96.\n\n"
          "Divers said 30 people drowned inside the hull, while two others were killed by "
          "falling cargo.")
_FERRY_B = ("Ferry disaster: 94 dead\n\nAt least 94 people were killed when a crowded ferry "
            "sank off the coast on Sunday, the coast guard said on Tuesday.")


def test_a_tally_told_with_its_increment_meets_another_outlets_toll(
        tmp_path: Path) -> None:
    """An increment equal in two mentions of one article ("two more", "two others") is
    no figure of the happening's size: it neither makes the tally's mention and a
    breakdown's disagree wholesale nor is evidence that they are one."""
    report = _report(tmp_path, {"a.txt": ("2025-03-04", _FERRY),
                                "b.txt": ("2025-03-04", _FERRY_B)})
    (tally,) = [e for e in report.events for m in e.mentions
                if "succumbed" in m.trigger]
    assert {m.source for m in tally.mentions} == {"s1", "s2"}
    figures = {c.value.value for m in tally.mentions for c in m.claims
               if c.attribute == "count" and c.measure_key == "deaths"
               and isinstance(c.value, Quantity)}
    assert 30.0 not in figures  # the breakdown's part stays out of the toll
    assert not any(f.verdict == "conflict" for e in report.events for f in e.findings)


def test_a_tally_with_its_increment_and_a_breakdown_may_be_one_toll(
        tmp_path: Path) -> None:
    """The breakdown's figure is another outlet's toll: the breakdown joins that toll,
    and the article's tally, told with the day's increment, must still be able to join
    them (two equal increments and two tolls three times apart were read as figures
    disagreeing wholesale)."""
    early = ("Ferry sinks\n\nAt least 30 people were killed when a crowded ferry sank off "
             "the coast on Sunday, the coast guard said.")
    later = ("Ferry toll reaches 93\n\nThe number of people killed when a crowded ferry "
             "sank off the coast on Sunday rose to 93 on Tuesday, the coast guard said.")
    report = _report(tmp_path, {"a.txt": ("2025-03-04", _FERRY),
                                "b.txt": ("2025-03-03", early),
                                "c.txt": ("2025-03-04", later)})
    (tally,) = [e for e in report.events for m in e.mentions
                if "succumbed" in m.trigger]
    assert {m.source for m in tally.mentions} == {"s1", "s2", "s3"}


def test_an_equal_increment_does_not_join_a_breakdown_to_the_tally(
        tmp_path: Path) -> None:
    body = _FERRY.replace("while two others were killed by falling cargo",
                          "and two more died in hospital")
    report = _report(tmp_path, {"a.txt": ("2025-03-04", body),
                                "b.txt": ("2025-03-04", _FERRY_B)})
    assert not any(f.verdict == "conflict" for e in report.events for f in e.findings)


# ------------------------------------------------------------ 2. "N others" in a toll

def test_a_wounded_count_worded_others_is_labelled_as_people() -> None:
    ms = mentions_of("A gunman opened fire at a market on Friday. Three died and 11 others "
                     "were wounded.", "2024-05-06")
    (hurt,) = [c for m in ms for c in m.claims
               if c.attribute == "count" and c.measure_key == "injured"]
    assert hurt.value == Quantity(11.0)
    assert hurt.measure == "people"
    (dead,) = [c for m in ms for c in m.claims
               if c.attribute == "count" and c.measure_key == "deaths"]
    assert dead.measure == "people"  # "three died": people, not "died"


def test_a_toll_word_that_names_people_keeps_its_label() -> None:
    ms = mentions_of("A gunman opened fire at a market on Friday. Doctors treated 40 injured "
                     "at the scene.", "2024-05-06")
    assert {c.measure for m in ms for c in m.claims if c.attribute == "count"} == {"injured"}


def test_others_beside_a_tally_moved_are_what_the_day_added() -> None:
    """"Two others died, raising the toll to 5": the two are added to the toll (not a
    toll of 2 that hides the 5 told after it), labelled as people."""
    ms = mentions_of("A gunman opened fire at a market on Friday, killing three people. "
                     "Two others died later in hospital, raising the toll to 5.",
                     "2024-05-06")
    (late,) = [m for m in ms if m.trigger == "died"]
    assert counts_of([late]) == {"deaths/more": 2.0, "deaths": 5.0}
    assert {c.measure for c in late.claims if c.attribute == "count"} == {
        "people (more)", "deaths"}


# ------------------------------------------------- 3. figures with no event word

def test_people_of_another_role_do_not_go_on_with_the_happening() -> None:
    ms = mentions_of("Police rescued 120 workers from a scam compound on Monday.\n\n"
                     "Police have opened investigations into 14 recruiters.", "2024-05-08")
    assert counts_of([m for m in ms if m.type == "rescue"]) == {"people/workers": 120.0}


def test_people_of_a_role_referred_back_or_broken_down_still_go_on() -> None:
    ms = mentions_of("Police detained 30 people at a port on Monday.\n\nOf them, 14 were "
                     "recruiters.", "2024-05-08")
    assert 14.0 in counts_of([m for m in ms if m.type == "arrest"]).values()


def test_things_still_go_on_with_the_happening() -> None:
    ms = mentions_of("Police raided a warehouse at the port on Monday.\n\nOfficers found "
                     "40 containers of fuel.", "2024-05-08")
    assert 40.0 in counts_of([m for m in ms if m.type == "raid"]).values()


# ------------------------------------------------- 4. occasions of speech

_FREED = "Hundreds of workers were freed from a scam compound last week.\n\n"


@pytest.mark.parametrize("sentence", [
    ("The foreign minister told a news conference on Tuesday that two flights would "
     "carry them home."),
    "The minister told a meeting of donors on Tuesday that 40 buses would be ready.",
    "Speaking at a regional summit on Tuesday, the minister said the workers were safe.",
    "At a news conference on Tuesday, the minister promised two flights.",
])
def test_an_occasion_of_speech_is_no_event(sentence: str) -> None:
    ms = mentions_of(_FREED + sentence, "2024-05-08", "Workers freed")
    assert {m.type for m in ms} <= {"rescue", "estimate"}
    assert all(m.trigger == "freed" for m in ms if m.type == "rescue")


def test_a_meeting_held_is_still_an_event() -> None:
    ms = mentions_of(_FREED + "Leaders of the two countries held a summit on Tuesday to "
                     "discuss the workers.", "2024-05-08", "Workers freed")
    assert "meeting" in {m.type for m in ms}


def test_a_breakdown_told_as_said_still_goes_on() -> None:
    ms = mentions_of("Police detained 90 foreigners at a casino on Monday.\n\nA spokesman "
                     "told reporters that 61 of them were Chinese.", "2024-05-08")
    assert 61.0 in counts_of([m for m in ms if m.type == "arrest"]).values()


# ------------------------------------------------- 5. a count "so far"

_HUB = ("Police raid online scam hub in port city\n\nPolice raided a building used by an "
        "online scam ring in the port city on Tuesday, freeing 60 workers.\n\nThe workers "
        "had been lured with promises of office jobs, officials said.\n\nEight suspects "
        "have been arrested so far, police said.")
_HELD = ("Eight held after scam hub raid\n\nPolice on Wednesday arrested eight suspects "
         "linked to a scam compound in the port city.")


def test_a_count_so_far_is_not_dated_by_the_story_day() -> None:
    ms = mentions_of(_HUB, "2025-04-10")
    (held,) = [m for m in ms if m.type == "arrest"]
    assert not [c for c in held.claims if c.attribute == "date" and c.measure_key is None]


def test_a_count_so_far_meets_another_outlets_arrests_without_a_date_conflict(
        tmp_path: Path) -> None:
    report = _report(tmp_path, {"a.txt": ("2025-04-10", _HUB),
                                "b.txt": ("2025-04-11", _HELD)})
    (arrests,) = [e for e in report.events if e.type == "arrest"]
    assert {m.source for m in arrests.mentions} == {"s1", "s2"}
    assert not any(f.verdict == "conflict" for f in arrests.findings)


# ------------------------------------------------- 7. a total over a window

_DAY = ("Kenya frees 316 from scam hub\n\nKenyan police rescued 316 Kenyans from a scam "
        "compound in Mombasa county on Monday, the ministry said.")


def test_a_total_since_a_month_takes_no_day_of_the_story() -> None:
    ms = mentions_of(_DAY + "\n\nSince January, more than 2,000 Kenyans have been rescued "
                     "from the compounds, the ministry added.", "2024-05-08")
    (total,) = [m for m in ms if 2000.0 in counts_of([m]).values()]
    assert not total.main
    assert not [c for c in total.claims if c.attribute == "date" and c.measure_key is None]


def test_a_total_since_a_month_is_not_compared_with_one_days_rescue(
        tmp_path: Path) -> None:
    since = ("Kenya tallies its rescues\n\nMore than 2,000 Kenyans have been rescued from "
             "scam compounds in Mombasa county since January, officials said on Tuesday.")
    report = _report(tmp_path, {"a.txt": ("2024-05-08", _DAY), "b.txt": ("2024-05-08", since)})
    assert not any(f.verdict == "conflict" for e in report.events for f in e.findings)
    (day,) = [e for e in report.events for m in e.mentions if "316" in m.sentence]
    assert {m.source for m in day.mentions} == {"s1"}


def test_two_outlets_totals_over_one_window_still_meet(tmp_path: Path) -> None:
    a = (_DAY + "\n\nSince January, more than 2,000 Kenyans have been rescued from the "
         "compounds, the ministry added.")
    b = ("316 Kenyans freed in Mombasa\n\nKenyan police freed 316 Kenyan workers from a scam "
         "compound in Mombasa county on Monday.\n\nMore than 2,000 Kenyans have been "
         "rescued from such compounds since January, officials said.")
    report = _report(tmp_path, {"a.txt": ("2024-05-08", a), "b.txt": ("2024-05-08", b)})
    assert not any(f.verdict == "conflict" for e in report.events for f in e.findings)
    for figure in ("316", "2,000"):
        (event,) = {e.id: e for e in report.events for m in e.mentions
                    if figure in m.sentence and m.type == "rescue"}.values()
        assert {m.source for m in event.mentions} == {"s1", "s2"}


def test_a_days_rescue_that_brings_a_total_keeps_its_day() -> None:
    ms = mentions_of("Police rescued 120 Kenyans on Monday, bringing the number rescued "
                     "since January to 900.", "2024-05-08")
    assert any(m.main and 120.0 in counts_of([m]).values() for m in ms)


# ------------------------------------------------- found on the way: another day's clause

def test_a_happening_told_days_after_or_before_takes_not_the_sentences_day() -> None:
    """"Arrested eight on Wednesday, a day after 60 workers were freed": the freeing was
    not on Wednesday (neither shared from the sentence nor from the article's frame)."""
    ms = mentions_of("Police on Wednesday arrested eight suspects linked to a scam compound "
                     "in the port city, a day after 60 trafficked workers were freed there.",
                     "2025-04-11")
    (freed,) = [m for m in ms if m.type == "rescue"]
    assert not [c for c in freed.claims if c.attribute == "date" and c.measure_key is None]
    (held,) = [m for m in ms if m.type == "arrest"]
    assert [c.value.timex for c in held.claims if c.attribute == "date"
            and isinstance(c.value, DateValue)] == ["2025-04-09"]


def test_a_shift_told_right_after_the_date_still_dates_the_clause() -> None:
    ms = mentions_of("Police arrested eight suspects on Wednesday, two days after they freed "
                     "60 workers from the compound.", "2025-04-11")
    (freed,) = [m for m in ms if m.type == "rescue"]
    assert [c.value.timex for c in freed.claims if c.attribute == "date"
            and isinstance(c.value, DateValue)] == ["2025-04-07"]


# ------------------------------------- 1, continued: a toll that grew later in the article

_PLUNGE = ("Bus plunge kills 12\n\nA bus plunged into a gorge in the hills on Saturday, "
           "killing 12 people.\n\nTwo more succumbed to their injuries in hospital on "
           "Sunday, police said.")


def _plunge(tmp_path: Path, toll: str) -> Report:
    other = (f"Bus crash toll {toll}\n\n{toll} people died when a bus plunged into a gorge "
             "in the hills on Saturday, police said on Monday.")
    return _report(tmp_path, {"a.txt": ("2024-05-06", _PLUNGE), "b.txt": ("2024-05-06", other)})


def test_two_more_succumbing_is_an_increment_of_the_toll() -> None:
    ms = mentions_of(_PLUNGE, "2024-05-06")
    (late,) = [m for m in ms if "succumbed" in m.trigger]
    assert counts_of([late]) == {"deaths/more": 2.0}


def test_a_toll_and_its_later_increment_add_up_to_another_outlets_toll(
        tmp_path: Path) -> None:
    report = _plunge(tmp_path, "14")
    assert not any(f.verdict == "conflict" for e in report.events for f in e.findings)
    (toll,) = [e for e in report.events for m in e.mentions if "killing" in m.trigger]
    assert {m.source for m in toll.mentions} == {"s1", "s2"}
    assert any("succumbed" in m.trigger for m in toll.mentions)


def test_a_toll_that_its_increments_do_not_explain_is_still_a_conflict(
        tmp_path: Path) -> None:
    report = _plunge(tmp_path, "15")
    assert any(f.attribute == "count" and f.verdict == "conflict"
               for e in report.events for f in e.findings)


@pytest.mark.parametrize("sentence", [
    "The ministry, in a statement on Tuesday, said police had freed 40 workers.",
    "In a televised address on Tuesday, the president said 40 workers had been freed.",
    "The minister told a news conference on Tuesday that police had freed 40 workers.",
])
def test_the_day_of_an_occasion_of_speech_is_a_day_of_saying(sentence: str) -> None:
    ms = mentions_of(sentence, "2025-04-11")
    (freed,) = [m for m in ms if m.type == "rescue"]
    assert [c.measure_key for c in freed.claims if c.attribute == "date"] == ["as_of"]


def test_a_superlative_over_a_window_is_no_total_over_it(tmp_path: Path) -> None:
    """"The deadliest quake since 1990 killed 40": the window measures "deadliest", the
    figure is the quake's toll and meets another outlet's."""
    a = ("Quake kills 40\n\nThe deadliest quake since 1990 killed 40 people in the "
         "highland town, officials said.")
    b = ("Quake toll 40\n\nAn earthquake killed 40 people in the highland town on Sunday, "
         "officials said.")
    report = _report(tmp_path, {"a.txt": ("2024-05-08", a), "b.txt": ("2024-05-08", b)})
    (toll,) = [e for e in report.events for m in e.mentions if m.type == "death"
               and "deadliest" in m.sentence]
    assert {m.source for m in toll.mentions} == {"s1", "s2"}


def test_a_comma_closes_the_clause_of_another_day() -> None:
    inside = "arrested eight on Wednesday, a day after 60 workers were "
    after_comma = "on Monday, two days after the quake struck, rescuers "
    assert ANOTHER_DAYS_CLAUSE.search(inside) is not None
    assert ANOTHER_DAYS_CLAUSE.search(after_comma) is None


def test_the_main_clause_after_a_shifted_day_keeps_the_day_told() -> None:
    """"On Monday, two days after the quake struck, rescuers freed 40": the quake two
    days before Monday, the freeing on Monday (it took the quake's day)."""
    ms = mentions_of("On Monday, two days after the quake struck, rescuers freed 40 people "
                     "from the rubble.", "2025-04-11")
    days = {m.type: [c.value.timex for c in m.claims if c.attribute == "date"
                     and isinstance(c.value, DateValue)] for m in ms}
    assert days == {"earthquake": ["2025-04-05"], "rescue": ["2025-04-07"]}

"""A fourth generality probe: constructions from invented wire copy of law-enforcement,
migration and money stories (immigration sweeps, extraditions, smuggling, fraud rings,
prison breaks), each on a few sentences of our own.  Every test fails without the rule
it names."""

from __future__ import annotations

from pathlib import Path

import pytest

import reconcile
from reconcile.comparison import compare
from reconcile.gazetteer import lookup_place
from reconcile.model import DateValue, Place, Quantity, Report
from reconcile.render import render_markdown
from reading import mentions_of


def _report(tmp_path: Path, files: dict[str, tuple[str, str]]) -> Report:
    for name, (published, body) in files.items():
        (tmp_path / name).write_text(f"---\npublished: {published}\n---\n{body}\n",
                                     encoding="utf-8")
    return reconcile.reconcile([str(tmp_path)])


# ------------------------------------------------------------ a tally moved by a later day

_SWEEP = ("Sweep in Johor\n\nOfficers detained 480 undocumented migrants in a raid on a "
          "construction site in Johor Bahru on Monday.")
_SWEEP_OTHER = ("Johor raid\n\nA total of 486 migrants were detained in the raid on a "
                "construction site in Johor Bahru on Monday.")
_MORE_HELD = ("More held\n\nOfficers detained 110 more migrants in Johor Bahru on "
              "Wednesday, bringing the total held this month to 590.")


def test_a_conflict_beside_a_running_total_names_the_two_figures_at_odds(
        tmp_path: Path) -> None:
    # 480 against 486 for one night's sweep is the conflict; "bringing the total held
    # this month to 590" is a later tally's update, not one of the two figures at odds
    report = _report(tmp_path, {"a.txt": ("2025-03-05", _SWEEP),
                                "b.txt": ("2025-03-05", _SWEEP_OTHER),
                                "c.txt": ("2025-03-06", _MORE_HELD)})
    md = render_markdown(report)
    assert "(480 vs 486)" in md
    assert "vs 590)" not in md


def test_a_day_that_added_to_a_tally_does_not_date_the_first_happening(
        tmp_path: Path) -> None:
    # "110 more ... on Wednesday, bringing the total to 590": Wednesday is when more
    # were held and the tally stood, not a second date for Monday's raid
    report = _report(tmp_path, {"a.txt": ("2025-03-05", _SWEEP),
                                "c.txt": ("2025-03-06", _MORE_HELD)})
    dates = [f for e in report.events for f in e.findings if f.attribute == "date"
             and f.measure is None]
    assert dates and all(f.verdict != "conflict" for f in dates)
    counts = [f for e in report.events for f in e.findings if f.attribute == "count"]
    assert counts and all(f.verdict != "conflict" for f in counts)


# ------------------------------------------------------------ a participle naming people

def test_a_participle_naming_people_takes_no_date_from_the_sentence_verb(
        tmp_path: Path) -> None:
    # "a court on Monday remanded the extradited banker": Monday is the remand's day;
    # the extradition was on Sunday, as the other outlet says
    flown = ("Banker flown to Lagos\n\nA fugitive banker was extradited from Spain and "
             "arrived in Lagos on Sunday, the police said.")
    remand = ("Banker in custody\n\nA Lagos court on Monday remanded the extradited "
              "banker in custody for 30 days.")
    report = _report(tmp_path, {"a.txt": ("2025-05-12", flown),
                                "b.txt": ("2025-05-13", remand)})
    dates = {c.value.timex for e in report.events if e.type == "extradition"
             for c in e.claims if c.attribute == "date" and c.measure_key is None
             and isinstance(c.value, DateValue)}
    assert dates == {"2025-05-11"}


@pytest.mark.parametrize("sentence", [
    ("The number of miners who died in the flooded shaft rose to 14 on Thursday, "
     "the governor said."),
    "The number of people killed in the ferry fire rose to 9 on Thursday.",
])
def test_a_number_of_dead_that_names_its_happening_dates_the_figure(sentence: str) -> None:
    # "the number of X who died in <the happening> rose to N on Thursday": Thursday is
    # when the figure stood, never the day they died
    ms = mentions_of(f"Toll rises\n\n{sentence}\n", "2025-06-13")
    days = {c.measure_key: c.value.timex for m in ms if m.type == "death"
            for c in m.claims if c.attribute == "date" and isinstance(c.value, DateValue)}
    assert days == {"as_of": "2025-06-12"}


# ------------------------------------------------------------ sums of a seizure

def test_a_sum_held_by_one_seized_item_is_not_the_haul_s_worth(tmp_path: Path) -> None:
    # "bank accounts holding $4 million" is what the accounts held, among cars and
    # cash; "$9 million" of assets in all is no contradiction of it
    items = ("Gang assets seized\n\nPolice seized 12 cars and bank accounts holding "
             "$4 million from the gang in Accra on Monday.")
    whole = ("Police seize gang assets\n\nAssets worth $9 million, including 12 cars, "
             "were seized from the gang in Accra on Monday.")
    report = _report(tmp_path, {"a.txt": ("2025-04-08", items),
                                "b.txt": ("2025-04-08", whole)})
    sums = [f for e in report.events for f in e.findings if f.attribute == "amount"]
    assert all(f.verdict != "conflict" for f in sums)
    held = [c for m in mentions_of(items, "2025-04-08") for c in m.claims
            if c.attribute == "amount"]
    assert held and all((c.measure_key or "").endswith("/held") for c in held)


def test_a_sum_that_now_totals_is_a_running_sum_s_update() -> None:
    # "assets seized ... now total $55 million": the sum as it stands, grown from an
    # earlier figure
    ms = mentions_of("Assets grow\n\nAssets seized from the fraud ring in Nairobi now "
                     "total $55 million, prosecutors said.", "2025-03-06")
    sums = [c for m in ms for c in m.claims if c.attribute == "amount"]
    assert sums and all(c.update for c in sums)


def test_a_participle_after_whose_takes_no_date_of_another_clause() -> None:
    # "a ring whose seized and frozen assets now total ..., after agents froze another
    # $5 million on Thursday": Thursday is no day of the seizure
    ms = mentions_of("Ten charged\n\nTen men were charged on Friday over a fraud ring "
                     "whose seized and frozen assets now total $30 million, after agents "
                     "froze another $5 million on Thursday.", "2025-03-08")
    seized = {c.value.timex for m in ms if m.type == "seizure" for c in m.claims
              if c.attribute == "date" and isinstance(c.value, DateValue)
              and not c.inferred}
    assert "2025-03-06" not in seized


# ------------------------------------------------------------ places told two ways

def test_a_sea_and_a_port_on_it_are_no_conflict_of_place() -> None:
    # "off the Atlantic coast" and "near Dakar": one seizure told two ways
    sea, port = lookup_place("Atlantic Ocean"), lookup_place("Dakar")
    assert sea is not None and port is not None
    assert compare(sea, port)[0] == "compatible"
    assert compare(port, sea)[0] == "compatible"


def test_a_wide_region_holds_only_its_member_countries() -> None:
    region, inside, outside = (lookup_place("Southeast Asia"), lookup_place("Manila"),
                               lookup_place("Lima"))
    assert region is not None and inside is not None and outside is not None
    assert compare(region, inside)[0] == "compatible"
    assert compare(region, outside)[0] == "conflict"


# ------------------------------------------------------------ a crime told as a charge's ground

@pytest.mark.parametrize("sentence", [
    ("A Lisbon court on Tuesday jailed a former banker for nine years for defrauding "
     "savers of 40 million euros."),
    ("A former banker was jailed for nine years on Tuesday over a pension scheme that "
     "cheated 2,100 savers."),
])
def test_a_crime_told_as_the_ground_of_a_sentence_takes_not_the_court_s_day(
        sentence: str) -> None:
    # Tuesday is the day of the sentence; the fraud was long before
    ms = mentions_of(f"Banker jailed\n\n{sentence}\n", "2025-01-22")
    court = {c.value.timex for m in ms if m.type == "prosecution" for c in m.claims
             if c.attribute == "date" and isinstance(c.value, DateValue)}
    fraud = {c.value.timex for m in ms if m.type == "fraud" for c in m.claims
             if c.attribute == "date" and isinstance(c.value, DateValue)
             and not c.inferred}
    assert court == {"2025-01-21"}
    assert fraud == set()


# ------------------------------------------------------------ either side of midnight

@pytest.mark.parametrize("night,small_hours,verdict", [
    ("on Saturday night", "early on Sunday", "compatible"),
    ("late Saturday", "in the early hours of Sunday", "compatible"),
    ("on Friday", "early on Sunday", "conflict"),
])
def test_a_night_and_the_next_small_hours_are_one_time(
        tmp_path: Path, night: str, small_hours: str, verdict: str) -> None:
    # one outlet tells the break-out as the night's, the other as the next day's small
    # hours: no contradiction; two days apart still is one
    first = (f"Jailbreak in Bamako\n\nTwenty-two inmates escaped from the main prison in "
             f"Bamako {night}, the justice ministry said.")
    second = (f"Inmates flee Bamako jail\n\nTwenty-two inmates escaped from the main "
              f"prison in Bamako {small_hours}, a guard said.")
    report = _report(tmp_path, {"a.txt": ("2025-10-14", first),
                                "b.txt": ("2025-10-14", second)})
    days = [f for e in report.events for f in e.findings if f.attribute == "date"
            and f.measure is None and len(f.values) > 1]
    assert days and {f.verdict for f in days} == {verdict}


def test_prisoners_who_broke_out_of_a_named_prison_escaped() -> None:
    ms = mentions_of("Jailbreak\n\nAt least 18 prisoners broke out of the central prison "
                     "in Kano on Sunday, officials said.", "2025-10-14")
    escapes = [m for m in ms if m.type == "escape"]
    assert escapes
    assert {c.value.timex for m in escapes for c in m.claims if c.attribute == "date"
            and isinstance(c.value, DateValue)} == {"2025-10-12"}


# ------------------------------------------------------------ whose happening a count is

_FREED_HOME = ("Some 57 Ugandan nationals freed from call centres near the border returned "
               "home on Tuesday, the foreign ministry said.")


@pytest.mark.parametrize("sentence,type_", [
    (_FREED_HOME, "repatriation"),
    ("Forty migrants detained in the sweep were deported on Tuesday.", "deportation"),
])
def test_a_count_described_by_a_participle_is_the_subject_of_the_later_verb(
        sentence: str, type_: str) -> None:
    # "57 nationals freed from X returned home": the sentence tells their return; the
    # participle says how they came to it
    ms = mentions_of(f"Workers home\n\n{sentence}\n", "2025-03-12")
    counted = {m.type for m in ms if any(c.attribute == "count" for c in m.claims)}
    assert counted == {type_}


def test_a_crowd_the_people_were_among_is_not_their_count(tmp_path: Path) -> None:
    # "they were among more than 5,000 foreigners released": a wider crowd's figure,
    # kept as a claim but never compared with the 30 who were repatriated
    ms = mentions_of("Workers home\n\nThirty Ugandans were repatriated on Tuesday. They were "
                     "among more than 5,000 foreigners released this month.", "2025-03-12")
    crowd = [c for m in ms for c in m.claims if c.attribute == "count"
             and isinstance(c.value, Quantity) and c.value.value == 5000.0]
    assert crowd and all((c.measure_key or "").endswith("/among") for c in crowd)
    first = ("Ugandans repatriated\n\nUganda repatriated 30 of its citizens from Mandalay on "
             "Tuesday.")
    second = ("Ugandans home\n\nThirty Ugandans were repatriated from Mandalay on Tuesday. "
              "They were among more than 5,000 foreigners released this month.")
    report = _report(tmp_path, {"a.txt": ("2025-03-12", first),
                                "b.txt": ("2025-03-12", second)})
    assert not [f for e in report.events for f in e.findings
                if f.attribute == "count" and f.verdict == "conflict"]


def test_a_part_told_among_a_breakdown_is_not_the_whole_s_people(tmp_path: Path) -> None:
    # "among them 9 women" is a part of those deported, never a figure for all of them
    # (60 against 62 may be a conflict; 9 against 62 is none)
    first = ("Bolivia deports 60\n\nBolivia deported 60 foreigners on Monday. Those deported "
             "included 30 Peruvians and 30 Chileans, among them 9 women, a police "
             "colonel said.")
    second = ("Sixty-two expelled\n\nBolivian police expelled 62 foreigners on Tuesday, "
              "including 30 Peruvian nationals.")
    report = _report(tmp_path, {"a.txt": ("2025-11-12", first),
                                "b.txt": ("2025-11-12", second)})
    women = [c for e in report.events for c in e.claims if c.text == "9 women"]
    assert women
    assert not [f for e in report.events for f in e.findings
                if f.attribute == "count" and f.verdict == "conflict"
                and any(i == women[0].id for v in f.values for i in v.claims)]


@pytest.mark.parametrize("sentence", [
    "The total cash seized by customs in the smuggling case rose to $4.5 million on Friday.",
    "The total number of migrants detained in the operation rose to 420 on Friday.",
])
def test_a_named_total_risen_on_a_day_dates_the_figure(sentence: str) -> None:
    # "the total cash seized ... rose to $4.5 million on Friday": Friday is when the
    # total stood, not the day of the first seizure
    ms = mentions_of(f"Haul grows\n\n{sentence}\n", "2025-08-16")
    days = {(c.measure_key, c.value.timex) for m in ms for c in m.claims
            if c.attribute == "date" and isinstance(c.value, DateValue)}
    assert days == {("as_of", "2025-08-15")}


def test_two_days_joined_by_and_date_the_happening_as_one_span(tmp_path: Path) -> None:
    # "arrested 24 people on Monday and Tuesday": neither day alone is the date; an
    # outlet saying "on Tuesday" does not contradict it
    both = ("Mule accounts\n\nPolice in Macau arrested 24 people in raids on money mule "
            "accounts on Monday and Tuesday, a spokesman said.")
    one = ("Macau raids\n\nPolice in Macau arrested 24 people in raids on money mule "
           "accounts on Tuesday.")
    days = {c.value.timex for m in mentions_of(both, "2025-10-08") for c in m.claims
            if c.attribute == "date" and isinstance(c.value, DateValue)}
    assert days == {"2025-10-06/2025-10-07"}
    report = _report(tmp_path, {"a.txt": ("2025-10-08", both),
                                "b.txt": ("2025-10-08", one)})
    assert not [f for e in report.events for f in e.findings
                if f.attribute == "date" and f.verdict == "conflict"]


def test_a_country_told_as_the_kind_of_people_is_not_where_it_happened() -> None:
    # "three smugglers, all Myanmar nationals, were arrested" off a Thai island: Myanmar
    # is who they are, not where they were held
    ms = mentions_of("Boat stopped\n\nThree smugglers, all Myanmar nationals, were "
                     "arrested, a navy captain said.", "2025-02-10")
    assert any(m.type == "arrest" for m in ms)
    places = {c.value.name for m in ms if m.type == "arrest" for c in m.claims
              if c.attribute == "location" and isinstance(c.value, Place)
              and not c.inferred}
    assert "Myanmar" not in places


def test_the_day_more_were_added_is_not_a_second_date_of_the_happening(
        tmp_path: Path) -> None:
    # "five more people were arrested on Wednesday" joins the crackdown of Monday; its
    # day is when more were added, never a contradiction of Monday
    first = ("Mule crackdown\n\nPolice in Macau arrested 24 people in a crackdown on money "
             "mule accounts on Monday, a spokesman said.")
    later = ("Arrests rise\n\nFive more people were arrested on Wednesday, bringing the "
             "number held in the money mule crackdown in Macau to 29, police said on "
             "Thursday.")
    report = _report(tmp_path, {"a.txt": ("2025-10-08", first),
                                "b.txt": ("2025-10-09", later)})
    assert not [f for e in report.events for f in e.findings
                if f.attribute == "date" and f.verdict == "conflict"]


@pytest.mark.parametrize("sentence,type_,key", [
    ("Five kidnapping suspects were arrested in Davao on Tuesday.", "arrest",
     "people/suspects"),
    ("Police detained 12 smuggling suspects in Davao on Tuesday.", "arrest",
     "people/suspects"),
])
def test_a_word_of_a_happening_inside_a_count_s_noun_names_the_people(
        sentence: str, type_: str, key: str) -> None:
    # "five kidnapping suspects were arrested": suspects counted, arrested; no
    # kidnapping told
    ms = mentions_of(f"Held\n\n{sentence}\n", "2025-05-21")
    counted = {(m.type, c.measure_key) for m in ms for c in m.claims
               if c.attribute == "count"}
    assert counted == {(type_, key)}
    assert "abduction" not in {m.type for m in ms}


def test_two_days_in_two_clauses_stay_apart() -> None:
    # "deported 40 on Monday, and on Tuesday ...": each clause keeps its own day
    ms = mentions_of("Removals\n\nPolice deported 40 men on Monday, and on Tuesday 20 "
                     "women were sent home.", "2025-10-08")
    days = {m.type: {c.value.timex for c in m.claims if c.attribute == "date"
                     and isinstance(c.value, DateValue)} for m in ms}
    assert days["deportation"] == {"2025-10-06"}


def test_people_a_participle_describes_are_not_the_count_of_its_happening(
        tmp_path: Path) -> None:
    # "96 foreigners arrested at a casino were deported": some of those arrested in the
    # raid, never a second count of the raid's arrests (210)
    raid = ("Casino raided\n\nPolice raided a casino in Bavet on October 20 and detained "
            "210 people.")
    deported = ("Casino workers deported\n\nNinety-six foreigners arrested at a Bavet casino "
                "were deported on Tuesday, police said.")
    report = _report(tmp_path, {"a.txt": ("2025-10-22", raid),
                                "b.txt": ("2025-11-12", deported)})
    assert not [f for e in report.events for f in e.findings
                if f.attribute == "count" and f.verdict == "conflict"]


def test_a_crime_s_own_day_told_after_it_stays_the_crime_s() -> None:
    # "charged on Thursday with the killing of three officers on May 2": Thursday is
    # the charge's day, May 2 the killing's
    ms = mentions_of("Charged\n\nTwo men were charged on Thursday with the killing of three "
                     "police officers on May 2.", "2025-05-10")
    days = {m.type: {c.value.timex for c in m.claims if c.attribute == "date"
                     and isinstance(c.value, DateValue) and not c.inferred} for m in ms}
    assert days["prosecution"] == {"2025-05-08"}
    assert days["death"] == {"2025-05-02"}

"""Reading rules found on real coverage, each on short sentences of our own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import reconcile
from reconcile.extraction.anchor import resolve_anchor
from reconcile.model import DateValue, Mention, Place, Quantity, Report, Source
from reconcile.match.matching import cluster
from reading import counts_of, mentions_of

PUBLISHED = "2025-03-11"  # a Tuesday


def _mentions(body: str, published: str | None = PUBLISHED) -> list[Mention]:
    return mentions_of(body, published)


_counts = counts_of


@pytest.mark.parametrize("text,key,figure", [
    (("The number of those injured in the blast that tore through a market in Quito now "
      "stands at 85."), "injured", 85),
    (("The number of people missing after the dam that held the reservoir burst has "
      "climbed to 40."), "missing", 40),
    ("The number of deaths from the floods that swept the valley has reached 19.",
     "deaths", 19),
])
def test_the_number_of_a_casualty_word_names_the_figure_after_a_long_clause(
        text: str, key: str, figure: int) -> None:
    assert _counts(_mentions(text)).get(key) == figure


def test_the_number_of_something_else_is_no_toll() -> None:
    """Only a casualty word after "number of" names a toll: a count of houses is none."""
    counts = _counts(_mentions("The number of houses damaged in the quake that struck "
                               "the coast on Sunday has risen to 300."))
    assert "deaths" not in counts and "injured" not in counts


@pytest.mark.parametrize("text,figure", [
    ("Divers pulled 31 passengers from the sea on Sunday.", 31),
    ("Firefighters pulled 6 people out of the burning building on Sunday.", 6),
    ("The coast guard saved 58 people on Sunday.", 58),
])
def test_rescue_wording_is_a_rescue(text: str, figure: int) -> None:
    rescues = [m for m in _mentions(text) if m.type == "rescue"]
    assert rescues and figure in set(_counts(rescues).values()), text


def test_bodies_pulled_from_the_water_are_the_dead_not_a_rescue() -> None:
    ms = _mentions("Divers pulled 9 bodies from the river on Sunday.")
    assert not [m for m in ms if m.type == "rescue"]
    assert [m for m in ms if m.type == "death"]


def test_pulling_out_of_a_deal_is_no_rescue() -> None:
    assert not [m for m in _mentions("The company pulled out of the deal on Sunday.")
                if m.type == "rescue"]


@pytest.mark.parametrize("text", [
    "A bridge collapsed over the river in Porto on Sunday.",
    "A shaft collapse at a gold mine buried the crew on Sunday.",
    "The collapse of a tunnel under construction in Quito on Sunday blocked the road.",
])
def test_a_structure_that_collapsed_is_an_accident(text: str) -> None:
    assert [m for m in _mentions(text) if m.type == "accident"], text


@pytest.mark.parametrize("text", [
    "Peace talks collapsed on Sunday.",
    "The coalition collapsed on Sunday after the vote.",
    "Prices collapsed on Sunday.",
])
def test_collapsed_without_a_structure_is_no_accident(text: str) -> None:
    assert not [m for m in _mentions(text) if m.type == "accident"], text


def _report(tmp_path: Path, files: dict[str, str]) -> Report:
    for name, body in files.items():
        (tmp_path / name).write_text(f"---\npublished: {PUBLISHED}\n---\n{body}\n",
                                     encoding="utf-8")
    return reconcile.reconcile([str(tmp_path)])


def test_a_title_of_people_something_happened_to_reads_as_a_sentence(
        tmp_path: Path) -> None:
    """"People trapped" of 9 climbers is "9 climbers trapped"; "missing persons" of 4
    hikers is "4 hikers missing"."""
    report = _report(tmp_path, {
        "a.txt": "An avalanche in the Alps on Sunday trapped 9 climbers near Zermatt.",
        "b.txt": "Four hikers remain missing after a storm in Patagonia on Sunday.",
    })
    titles = {e.type: e.summary for e in report.events}
    assert titles["trapped"].startswith("9 climbers trapped"), titles
    assert titles["missing"].startswith("4 hikers missing"), titles


def test_the_day_a_toll_is_from_dates_the_toll_not_the_day_bodies_were_found() -> None:
    """"divers found three more bodies on Monday, bringing the toll from Saturday's
    flood to 20": the 20 dead died on Saturday; the three bodies were found on Monday."""
    ms = _mentions("Divers found three more bodies on Monday, bringing the toll from "
                   "Saturday's flood in Ghana to 20, police said.")
    by_figure = {c.value.value: m for m in ms for c in m.claims
                 if c.attribute == "count" and isinstance(c.value, Quantity)}
    dates = {f: {c.value.timex for c in m.claims if c.attribute == "date"
                 and isinstance(c.value, DateValue) and c.measure_key is None}
             for f, m in by_figure.items()}
    assert dates[20] == {"2025-03-08"}
    assert dates[3] == {"2025-03-10"}


def _places(m: Mention) -> set[str]:
    return {c.value.name for c in m.claims if c.attribute == "location"
            and isinstance(c.value, Place)}


def test_a_dateline_city_is_no_place_for_a_story_on_an_unknown_lake() -> None:
    """A boat sank on a lake the gazetteer does not know, told from a city far off: no
    mention of the story takes the dateline city as its place."""
    ms = _mentions("QUITO, Ecuador — A tour boat sank on Lake Tumbaco on Sunday, killing "
                   "11 people, the navy said.\n\nDivers pulled 20 passengers from the water, "
                   "officials said.")
    assert ms and all("Quito" not in _places(m) for m in ms), [_places(m) for m in ms]


def test_a_dateline_city_stays_the_default_beside_a_known_place_or_a_venue() -> None:
    """A story in a hall of the city it is filed from keeps the dateline as its place."""
    ms = _mentions("QUITO, Ecuador — Gunmen opened fire at the Estrella Concert Hall on "
                   "Sunday, killing 11 people, police said.")
    assert any("Quito" in _places(m) for m in ms if m.type == "death")


@pytest.mark.parametrize("venue", ["Estrella Concert Hall", "Estrella Stadium",
                                   "Estrella Hotel"])
def test_a_place_name_in_a_venue_name_is_no_place(venue: str) -> None:
    ms = _mentions(f"A fire broke out at the {venue} in Quito on Sunday, killing 4 people.")
    assert ms and all("Estrella" not in _places(m) for m in ms)


def _anchor(body: str) -> dt.date | None:
    return resolve_anchor(Source(id="s1", path="a.txt", text=body))[0]


def test_a_full_date_after_the_story_is_told_in_weekdays_dates_another_happening() -> None:
    """An undated article tells its fire "on Sunday"; a later paragraph dates an older
    fire in full: that date is no anchor for "Sunday"."""
    assert _anchor("A fire swept through a market in the old town on Sunday, killing 7.\n\n"
                   "Another fire in the same market on March 3, 2011 killed 12.") is None


@pytest.mark.parametrize("body,day", [
    # the full date comes first: the lead dates the story
    (("A fire swept through a market on March 9, 2025, killing 7.\n\n"
      "Firefighters were still at the scene on Monday."), dt.date(2025, 3, 9)),
    # after a weekday, a full date naming its weekday is the story's own
    (("A fire swept through a market on Sunday, killing 7.\n\n"
      "On Monday, March 10, 2025, the mayor visited the site."), dt.date(2025, 3, 10)),
    # after a weekday, a line that is only a date dates the article
    (("A fire swept through a market on Sunday, killing 7.\n\nUpdated March 10, 2025"),
     dt.date(2025, 3, 10)),
])
def test_a_full_date_that_dates_the_story_still_anchors(body: str, day: dt.date) -> None:
    assert _anchor(body) == day


def test_the_first_group_of_a_number_is_a_part_not_a_rival_figure(tmp_path: Path) -> None:
    """One outlet tells the first batch of 40 and refers to it again ("the 40"); the
    other the day's 160: no conflict between a batch and the whole."""
    report = _report(tmp_path, {
        "a.txt": ("The first group of 40 Peruvian workers was deported from Chile on "
                  "Monday.\n\nThe 40 Peruvians arrived in Lima on two buses."),
        "b.txt": "Chile deported 160 Peruvian workers on Monday.",
    })
    assert not [f for e in report.events for f in e.findings
                if f.attribute == "count" and f.verdict == "conflict"]


def test_the_size_of_each_group_is_a_figure_of_its_own() -> None:
    """"in groups of 40" is how many crossed at a time: read, but keyed per group, so it
    is never a count of everyone deported (the 160)."""
    ms = _mentions("Chile deported 160 Peruvian workers on Monday, sending them across the "
                   "border in groups of 40 people.")
    keys = {c.value.value: c.measure_key for m in ms for c in m.claims
            if c.attribute == "count" and isinstance(c.value, Quantity)}
    assert keys[40] is not None and keys[40].split("@")[0] == "people/per group"
    assert keys[160] is not None and "per group" not in keys[160]


def test_a_place_name_as_a_surname_after_a_title_and_a_given_name_is_no_place() -> None:
    """"Interior Secretary Ana Lima" is a person, and so is "Lima" when she speaks again;
    the arrests were in Quito."""
    ms = _mentions("Interior Secretary Ana Lima said on Monday that 12 people were arrested "
                   "in Quito.\n\nLima said 4 of them were later freed.")
    assert ms and all("Lima" not in _places(m) for m in ms)
    assert any("Quito" in _places(m) for m in ms if m.type == "arrest")


def test_a_city_is_still_a_place_without_a_title_before_it() -> None:
    ms = _mentions("Police arrested 12 people in Lima on Monday.")
    assert any("Lima" in _places(m) for m in ms)


def test_out_of_a_whole_a_count_is_a_part_of_that_whole() -> None:
    """"Out of 120, 30 bodies have been identified" and another outlet's "out of 125 dead,
    over 40 bodies are unidentified": parts of two wholes, never one figure."""
    a = _counts(_mentions("Out of 120, 30 bodies have been identified, police said."))
    b = _counts(_mentions("Out of 125 dead, over 40 bodies are unidentified."))
    assert 30 in a.values() and 40 in b.values()
    key_a = next(k for k, v in a.items() if v == 30)
    key_b = next(k for k, v in b.items() if v == 40)
    assert key_a.startswith("part:") and key_a != key_b


def test_our_two_governments_count_nothing_that_happened() -> None:
    ms = _mentions("The close work of our two governments made the arrest of 6 smugglers "
                   "possible, the minister said on Monday.")
    assert set(_counts(ms).values()) == {6}


def test_raids_on_companies_still_count_the_companies() -> None:
    assert 3 in _counts(_mentions("Police raided 3 companies on Monday.")).values()


def test_a_recalled_day_with_its_year_keeps_the_year_near_its_anniversary() -> None:
    """Published 11 March 2025, "Friday night of February 13, 2009" stays in 2009: only a
    year a weekday fixed ("Friday, February 22") may be a misstated weekday."""
    ms = _mentions("It was another Friday night of February 13, 2009, when a bus crashed "
                   "in Peru, killing 16 people.")
    dates = {c.value.timex for m in ms for c in m.claims
             if c.attribute == "date" and isinstance(c.value, DateValue)}
    assert "2009-02-13" in dates and "2025-02-13" not in dates


def test_a_happening_is_titled_by_what_and_where_not_of_a_count(tmp_path: Path) -> None:
    """"An earthquake damaged 40 buildings": the quake is not "Earthquake of 40
    buildings", nor of the nationals it later names."""
    report = _report(tmp_path, {
        "a.txt": ("A strong earthquake struck southern Peru on Sunday, damaging 40 "
                  "buildings, and 12 Chilean tourists were hurt."),
    })
    quakes = [e for e in report.events if e.type == "earthquake"]
    assert quakes and all(" of " not in e.summary for e in quakes), [
        e.summary for e in quakes]


def test_the_two_nations_count_nothing_that_happened() -> None:
    ms = _mentions("Police arrested 3 men near the border, where the two nations have "
                   "rival claims, on Monday.")
    assert set(_counts(ms).values()) == {3}


def test_nationals_from_twelve_countries_still_counts_the_countries() -> None:
    assert 12 in _counts(_mentions("Police arrested 40 nationals from 12 countries on "
                                   "Monday.")).values()


@pytest.mark.parametrize("text", [
    "The justice minister confirmed the arrest during a television interview on Friday.",
    "The ministry announced the raid in a statement posted online on Friday.",
    "The mayor's office acknowledged the closure at a press briefing with reporters Friday.",
])
def test_the_day_a_happening_was_confirmed_is_not_its_date(text: str) -> None:
    """'confirmed the arrest during an interview on Friday': Friday is when it was told;
    the arrest keeps no date from it (a date of telling is an as-of date, never the
    happening's)."""
    body = f"The former governor was arrested in Surabaya on Monday night.\n\n{text}\n"
    dates = {(c.measure_key, c.value.timex) for m in _mentions(body) for c in m.claims
             if c.attribute == "date" and isinstance(c.value, DateValue)}
    assert (None, "2025-03-10") in dates  # Monday, the arrest
    assert (None, "2025-03-07") not in dates  # Friday, only the telling of it


def test_a_happening_confirmed_with_its_own_date_keeps_it() -> None:
    """The rule reads the words before the date: 'confirmed the arrest, made on Friday'
    is no interview, and the arrest's own date stays."""
    body = "The minister confirmed the arrest of 12 men on Friday in Surabaya.\n"
    dates = [c.value.timex for m in _mentions(body) for c in m.claims
             if c.attribute == "date" and isinstance(c.value, DateValue) and not c.measure_key]
    assert dates == ["2025-03-07"]


def test_a_list_of_nationalities_before_one_noun_counts_them_together() -> None:
    """'140 Chinese, Vietnamese and Malaysian nationals' are 140 of the three, never 140
    Chinese to set against another outlet's Chinese; '140 Chinese, 20 Vietnamese' stay
    two counts."""
    together = _counts(_mentions("Police announced the arrest of 140 Chinese, Vietnamese "
                                 "and Malaysian nationals on Tuesday."))
    assert together == {"CN+MY+VN": 140}
    apart = _counts(_mentions("Police arrested 140 Chinese, 20 Vietnamese and 3 "
                              "Malaysians on Tuesday."))
    assert apart == {"CN": 140, "VN": 20, "MY": 3}


def test_a_breakdown_told_after_its_total_stays_with_it(tmp_path: Path) -> None:
    """A total, then its breakdown in sentences with no trigger word, each naming other
    nationalities ('Of them, 121 were Chinese ...', 'There were 40 locals as well'):
    one happening, so two outlets' breakdowns meet and their Chinese counts are compared."""
    one = ("Police detained 150 foreigners in a raid on a gaming hub in Tarlac on "
           "Tuesday.\n\nOf them, 121 were Chinese, 20 Vietnamese and 9 Malaysians. "
           "There were 40 Filipinos as well.\n")
    two = ("A total of 150 foreigners were detained on Tuesday in a raid on a gaming hub "
           "in Tarlac.\n\nAccounted for are foreign nationals comprising 123 Chinese, 20 "
           "Vietnamese and 7 Malaysians.\n")
    for n, body in enumerate((one, two)):
        (tmp_path / f"{n}.md").write_text(f"---\npublished: 2024-06-06\n---\n{body}",
                                          encoding="utf-8")
    report = reconcile.reconcile([str(tmp_path)])
    chinese = [f for e in report.events for f in e.findings
               if f.attribute == "count" and f.measure == "Chinese"]
    assert len(chinese) == 1 and chinese[0].verdict == "conflict"
    assert sorted(v.value.value for v in chinese[0].values) == [121, 123]  # type: ignore[union-attr]


def test_two_told_happenings_with_other_groups_stay_apart_in_one_article() -> None:
    """Only a sentence with no trigger word of its own goes on with the one before:
    'Police arrested 12 Chinese. In a separate raid, police arrested 5 Vietnamese.'
    are two arrests, whose groups keep them apart."""
    ms = _mentions("Police arrested 12 Chinese in Manila on Monday. In a separate raid "
                   "on Monday, police arrested 5 Vietnamese in Manila.\n")
    assert [m.continues for m in ms] == [False, False]
    assert len(cluster(ms).clusters) == 2


@pytest.mark.parametrize("text,kind", [
    ("Three gunmen who stormed the theatre on Friday took 40 people hostage.", "attack"),
    ("Armed men stormed a school near the border on Friday, abducting 40 pupils.", "attack"),
    ("Police stormed 3 gambling dens in the port on Friday.", "raid"),
])
def test_who_stormed_says_whether_it_was_an_attack_or_a_raid(text: str, kind: str) -> None:
    """'stormed' is a police raid unless the words before it name armed attackers."""
    ms = _mentions(text)
    assert any(m.type == kind and "stormed" in m.trigger for m in ms), [
        (m.type, m.trigger) for m in ms]


def test_lives_lost_are_deaths_and_money_lost_is_a_loss() -> None:
    """'the 37 lives lost, including two children' is a toll; 'lost $37 million' stays a
    loss of money."""
    ms = _mentions("The mayor declared a day of mourning for the 37 lives lost, including "
                   "two children, in the fire.")
    assert [(m.type, _counts([m]).get("deaths")) for m in ms] == [("death", 37)]
    money = _mentions("The company lost 37 million dollars in the scam.")
    assert [m.type for m in money] == ["fraud"]



@pytest.mark.parametrize("text", [
    "A farmer who lost four of his cousins in the flood said on Monday he would stay.",
    "More than 200 families lost their homes in the fire on Monday.",
])
def test_lost_without_a_sum_is_no_loss_of_money(text: str) -> None:
    assert not [m for m in _mentions(text) if m.type == "fraud"], text


FIRST_GROUP = "Forty fishermen were handed over to the navy on Tuesday morning. "


@pytest.mark.parametrize("text", [
    "Another 300 fishermen were handed over to the navy on Tuesday afternoon.",
    "A further 300 fishermen were handed over to the navy on Tuesday afternoon.",
    "Officials said 300 more fishermen were handed over to the navy on Tuesday afternoon.",
    "Officials said 300 additional sailors were handed over to the navy on Tuesday.",
])
def test_a_count_told_as_added_to_others_is_an_increment(text: str) -> None:
    """'another 300', '300 more' after a count of the same kind: what is added to it,
    keyed apart from the whole even when it is the only count of its sentence; told
    first, or after a count of another kind, it is a whole ('Another 70 were hurt' after
    a death toll: test_frame)."""
    ms = _mentions(FIRST_GROUP + text)
    keys = {c.measure_key or "": c.value.value for m in ms for c in m.claims
            if c.attribute == "count" and isinstance(c.value, Quantity)
            and c.value.value == 300}
    assert keys and all(k.endswith("/more") for k in keys), keys
    alone = _counts(_mentions(text))
    assert alone and not any(k.endswith("/more") for k in alone), alone


def test_more_than_a_figure_is_no_increment() -> None:
    keys = _counts(_mentions("Police arrested more than 300 suspects on Tuesday."))
    assert keys and not any(k.endswith("/more") for k in keys), keys
    plain = _counts(_mentions("Officials said 300 fishermen were handed over to the navy "
                              "on Tuesday."))
    assert plain and not any(k.endswith("/more") for k in plain), plain


def test_an_increment_is_not_compared_with_another_source_s_whole(tmp_path: Path) -> None:
    """'another 300' after a first group of 40, against another outlet's total of 340:
    both can be true, so no conflict (it was one before the increment was read)."""
    (tmp_path / "a.md").write_text(
        "---\ntitle: A\npublished: 2030-05-14\n---\n" + FIRST_GROUP + "A port official "
        "said that another 300 fishermen were handed over to the navy on Tuesday "
        "afternoon.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(
        "---\ntitle: B\npublished: 2030-05-14\n---\nA total of 340 fishermen were handed "
        "over at the border on Tuesday, officials said.\n", encoding="utf-8")
    report = reconcile.reconcile([str(tmp_path)])
    assert not [f for e in report.events for f in e.findings
                if f.attribute == "count" and f.verdict == "conflict"]
    assert any(c.measure_key and c.measure_key.endswith("/more")
               for e in report.events for c in e.claims)


def test_compatriots_added_to_a_group_of_one_nationality_are_an_increment() -> None:
    """'the first group of 50 Thai people ..., with another 150 compatriots': compatriots
    are people, and added to people of a nationality told just before."""
    ms = _mentions("The first group of 50 Thai people freed from the camps flew home on "
                   "Tuesday morning, with another 150 compatriots due to follow by night.")
    keys = {k: v for k, v in _counts(ms).items() if v == 150}
    assert list(keys) == ["people/compatriots/more"], _counts(ms)


@pytest.mark.parametrize("caption", [
    "The site of the bus crash near the bridge on Wednesday morning.(XNA)\n\n",
    "The site of the bus crash near the bridge on Wednesday morning. (AP Photo/Jane Roe)\n\n",
    "The site of the bus crash near the bridge on Wednesday morning. (Photo: Jane Roe)\n\n",
])
def test_a_photo_caption_s_day_is_not_the_happening_s(caption: str) -> None:
    """A sentence closed by a photo credit is a caption: its day is when the picture was
    taken.  Without the credit the same sentence still dates the crash."""
    lead = "A bus fell from a bridge near the port on Monday, killing 12 people. "
    tail = "The driver survived."
    dates = [c.text for m in _mentions(lead + caption + tail) for c in m.claims
             if c.attribute == "date"]
    assert dates and not any("Wednesday" in d for d in dates), dates
    plain = [c.text for m in _mentions(lead + caption.split("morning")[0] + "morning.\n\n"
                                       + tail) for c in m.claims if c.attribute == "date"]
    assert any("Wednesday" in d for d in plain), plain


@pytest.mark.parametrize("text", [
    "Officials said the storm injured 300. Of the injured, 72 were in critical condition.",
    ("Officials said the storm injured 300. Of the injured, the agency said, 72 were in "
     "critical condition."),
    "Officials said the storm injured 300. Among the wounded, at least 72 were children.",
])
def test_a_count_opened_by_the_toll_s_people_is_a_part_of_it(text: str) -> None:
    """'Of the injured, 72 were ...' with no figure of its own for the injured: a part of
    the injured, never another figure for the whole 300."""
    counts = _counts(_mentions(text))
    assert counts.get("injured") == 300, counts
    assert [k for k, v in counts.items() if v == 72] == ["injured/part"], counts


def test_of_those_opening_another_happening_s_count_is_its_whole() -> None:
    """'Of those, 12 were charged': the charged, counted whole."""
    ms = _mentions("Police arrested 40 people. Of those, 12 were charged on Monday.")
    twelve = [c.measure_key or "" for m in ms for c in m.claims
              if c.attribute == "count" and isinstance(c.value, Quantity)
              and c.value.value == 12]
    assert twelve and not any("part" in k for k in twelve), twelve


def test_a_toll_is_never_titled_by_a_count_of_things(tmp_path: Path) -> None:
    """"30 teams of rescuers searched for the missing": the missing are not "Missing
    persons of about 30 teams"; the toll's own count of people still titles it."""
    report = _report(tmp_path, {
        "a.txt": ("Hill district mudslide\n\nHILLTOWN, March 3, 2021 - Some 30 teams of "
                  "rescuers resumed the search for the missing on Wednesday.\n\n"
                  "At least 41 people were killed and 12 are still missing, the district "
                  "chief said on Tuesday."),
    })
    tolls = [e for e in report.events if e.type in ("missing", "death")]
    assert tolls, [e.summary for e in report.events]
    assert all("teams" not in e.summary for e in tolls), [e.summary for e in tolls]
    assert any("12" in e.summary for e in tolls), [e.summary for e in tolls]


def test_what_happens_to_people_is_never_titled_by_a_count_of_things(
        tmp_path: Path) -> None:
    """"Arrest of 60 laptops" would say laptops were arrested: an arrest or a rescue
    told only with things counted is titled by its kind and place; a count of people
    or the event's own word ("14 arrests") still titles it."""
    report = _report(tmp_path, {
        "a.txt": "Police in Lyon arrested a gang on Friday and took 60 laptops.",
        "b.txt": "Coast guards in Brest on Friday rescued 14 fishermen from a trawler.",
        "c.txt": "Officers in Nantes made 14 arrests on Friday.",
    })
    titles = {e.summary for e in report.events}
    assert any(t.startswith("Arrest or detention in Lyon") for t in titles), titles
    assert not any("laptops" in t for t in titles), titles
    assert any(t.startswith("Rescue of 14 fishermen") for t in titles), titles
    assert any(t.startswith("14 arrests") for t in titles), titles


def test_a_disputed_title_names_the_precise_dates_only(tmp_path: Path) -> None:
    """Two outlets say 3 and 5 March, a third only "March 2021": the title names the two
    days that conflict; the month, which contradicts neither, stays in the table."""
    report = _report(tmp_path, {
        "a.txt": "Police in Lyon arrested 14 smugglers on March 3, 2021.",
        "b.txt": "Police in Lyon arrested 14 smugglers on March 5, 2021.",
        "c.txt": "Police in Lyon arrested 14 smugglers in March 2021.",
    })
    arrests = [e for e in report.events if e.type == "arrest"]
    assert len(arrests) == 1, [e.summary for e in report.events]
    title = arrests[0].summary
    assert "3 March 2021" in title and "5 March 2021" in title, title
    assert "or March 2021" not in title and "(March 2021" not in title, title
    dates = {str(v.value.timex) for f in arrests[0].findings if f.attribute == "date"
             for v in f.values if isinstance(v.value, DateValue)}
    assert "2021-03" in dates, dates  # the month is still a value of the finding


@pytest.mark.parametrize("text, measure, key", [
    ("Police seized 250 litres of illicit liquor in a raid on Monday.",
     "litres of illicit liquor", "litres/liquor"),
    ("Customs seized 3 kilograms of pure heroin from a truck on Monday.",
     "kilograms of pure heroin", "kilograms/heroin"),
    ("Customs seized 3 kilograms of heroin from Kabul on Monday.",
     "kilograms of heroin", "kilograms/heroin"),
])
def test_an_amount_in_a_unit_is_of_its_noun_not_its_adjective(
        text: str, measure: str, key: str) -> None:
    """"250 litres of illicit liquor" is liquor, compared under "litres/liquor" with
    another outlet's "300 litres of liquor", not "litres of illicit"."""
    claims = [(c.measure, c.measure_key) for m in _mentions(text) for c in m.claims
              if c.attribute == "count"]
    assert claims == [(measure, key)], claims


@pytest.mark.parametrize("text, kind, value", [
    # a figure with a thousands separator inside a phrasal trigger's gap
    ("The ministry said it sent 1,200 workers back on Wednesday.", "repatriation", 1200),
    # people forced from their homes are displaced
    ("The wildfire forced about 2,000 residents to leave their homes on Wednesday.",
     "displacement", 2000),
    ("Fighting forced 12,000 villagers to flee on Wednesday.", "displacement", 12000),
])
def test_phrasal_triggers_hold_figures_with_separators(text: str, kind: str,
                                                       value: int) -> None:
    found = [(m.type, c.value.value) for m in _mentions(text) for c in m.claims
             if c.attribute == "count" and isinstance(c.value, Quantity)]
    assert (kind, value) in found, found

"""Stories, within-article coreference and running tallies, on short texts of our own."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from factories import claim, day, mention

from reconcile.match.matching import (
    STALE_DAYS,
    _counts_toll,
    _date_gap,
    _one_figure,
    _slipped,
    _facts,
    apart,
    cluster,
    incompatibility,
    same_story,
    story_frames,
)
from reconcile.model import DateValue, Event, Finding, Mention, Quantity
from reconcile.pipeline import reconcile
from reconcile.comparison import compare
from reconcile.judge.verdicts import judge


def _write(folder: Path, name: str, published: str, body: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(f"---\npublished: {published}\n---\n{body}\n", encoding="utf-8")


def _counts(events: tuple[Event, ...]) -> list[tuple[list[str], Finding]]:
    return [(list(e.sources), f) for e in events for f in e.findings if f.attribute == "count"]


def test_one_toll_told_by_three_outlets_is_one_event_superseded(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "2024-05-02",
           "Floods swept through villages in northern Peru on Tuesday, killing at least 31 "
           "people, officials said.\n\nRescue teams worked through the night.")
    _write(tmp_path, "b.txt", "2024-05-02",
           "The death toll from the floods has risen to 37, the regional governor said.")
    _write(tmp_path, "c.txt", "2024-05-04",
           "The toll of the floods in Peru has climbed to 52, according to the civil "
           "defence agency.")
    report = reconcile([str(tmp_path)])
    deaths = [(srcs, f) for srcs, f in _counts(report.events) if len(srcs) > 1]
    assert len(deaths) == 1
    srcs, f = deaths[0]
    assert srcs == ["s1", "s2", "s3"]
    # the later, larger figures are updates of one toll, shown with their dates
    assert f.verdict == "compatible" and f.kind == "superseded"
    assert f.note is not None and "37 (as of 2 May 2024) → 52 (as of 4 May 2024)" in f.note
    (toll,) = [e for e in report.events if len(e.sources) > 1]
    assert "52 people" in toll.summary  # the title gives the latest figure


def test_a_later_larger_figure_not_told_as_an_update_is_a_contradiction() -> None:
    # "31 dead" on the 2nd and "52 dead" on the 4th, the later not worded as a change
    # ("rose to", "climbed to"): two figures for the toll, which a reader must see
    early = claim("s1", "count", Quantity(31), measure_key="deaths")
    late = claim("s2", "count", Quantity(52), measure_key="deaths")
    as_of = {early.id: dt.date(2024, 5, 2), late.id: dt.date(2024, 5, 4)}
    f = judge("count", "deaths", [early, late], as_of=as_of, tally=True)
    assert f.verdict == "conflict" and f.kind == "contradiction"
    assert f.note is not None and "not told as an update" in f.note
    rose = dataclasses.replace(late, update=True)
    g = judge("count", "deaths", [early, rose], as_of=as_of, tally=True)
    assert g.verdict == "compatible"  # told as a change: the toll grew


def test_two_figures_for_the_same_day_are_a_contradiction(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "2024-05-02",
           "A landslide buried homes in Nepal on Monday, killing 23 people, police said.")
    _write(tmp_path, "b.txt", "2024-05-02",
           "The landslide in Nepal killed 41 people, the army said.")
    report = reconcile([str(tmp_path)])
    (_srcs, f), = [(s, f) for s, f in _counts(report.events) if len(s) > 1]
    assert f.verdict == "conflict" and f.kind == "contradiction"
    assert f.note is not None and "both as of 2 May 2024" in f.note


def test_a_lower_later_toll_is_a_contradiction() -> None:
    early = dataclasses.replace(claim("s1", "count", Quantity(60), measure_key="people"))
    late = dataclasses.replace(claim("s2", "count", Quantity(48), measure_key="people"))
    as_of = {early.id: dt.date(2024, 3, 1), late.id: dt.date(2024, 3, 3)}
    f = judge("count", "people", [early, late], as_of=as_of, tally=True)
    assert f.verdict == "conflict" and f.kind == "contradiction"
    assert f.note is not None and "a later figure is lower" in f.note
    # the same figures without a tally (a one-time count) are a plain conflict
    plain = judge("count", "people", [early, late], as_of=as_of)
    assert plain.verdict == "conflict" and plain.note and "superseded" not in plain.note


def test_undated_tally_figures_are_judged_as_before() -> None:
    a = claim("s1", "count", Quantity(60), measure_key="people")
    b = claim("s2", "count", Quantity(75), measure_key="people")
    f = judge("count", "people", [a, b], as_of={a.id: None, b.id: dt.date(2024, 3, 3)},
              tally=True)
    assert f.verdict == "conflict"


def test_one_article_telling_its_toll_twice_is_one_claim_group(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "2024-05-02",
           "At least nine protesters were killed in Lima on Tuesday, witnesses said.\n\n"
           "The police fired tear gas at the crowd near the square. Nine demonstrators "
           "died, a hospital director told reporters.")
    report = reconcile([str(tmp_path)])
    deaths = [e for e in report.events if e.type == "death"]
    assert len(deaths) == 1 and len(deaths[0].mentions) == 2
    assert all(f.verdict != "conflict" for f in deaths[0].findings)


def test_stories_do_not_glue_the_same_kind_in_two_countries(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "2024-05-03", "Floods in Kenya killed 120 people on Wednesday.")
    _write(tmp_path, "b.txt", "2024-05-03", "Floods in Bolivia killed 45 people on Wednesday.")
    _write(tmp_path, "c.txt", "2024-05-04", "The floods have killed 118 people, Kenyan "
           "officials said on Thursday in Nairobi.")
    report = reconcile([str(tmp_path)])
    by_sources = sorted(list(e.sources) for e in report.events if e.type == "death")
    assert ["s2"] in by_sources  # Bolivia alone
    assert all("s2" not in s or s == ["s2"] for s in by_sources)


def test_story_frames_and_the_pairwise_story_test() -> None:
    a = mention("s1", "death", count=30, country="PE")
    b = mention("s2", "death", count=34, country="PE")
    c = mention("s3", "death", count=31, country="CL")
    far = mention("s4", "death", count=32, country="PE")
    ms = [dataclasses.replace(m, as_of=dt.date(2024, 5, d))
          for m, d in ((a, 2), (b, 3), (c, 3))] + [dataclasses.replace(far, as_of=dt.date(2024, 8, 1))]
    frames = story_frames(ms)
    assert frames["s1"].families == frozenset({"death"})
    facts = [_facts(m, None, frames) for m in ms]
    assert same_story(facts[0], facts[1])
    assert not same_story(facts[0], facts[2])  # another country
    assert not same_story(facts[0], facts[3])  # months later
    background = _facts(dataclasses.replace(ms[1], background=True), None, frames)
    assert not same_story(facts[0], background)
    # inside the story weak evidence is enough; the same figures outside it are not
    assert len(cluster(ms[:2]).clusters) == 1
    # without a story (different countries named by the articles) they stay apart
    assert len(cluster([ms[0], ms[2]]).clusters) == 2


def test_a_follow_up_weeks_later_that_dates_its_happening_is_of_the_story() -> None:
    # a raid told on its day, and a follow-up published five weeks later whose lead
    # dates the raid in its own words a day off (a night's raid): one story; a
    # follow-up whose lead dates another raid, or dates nothing, is not
    def at(m: Mention, published: str) -> Mention:
        return dataclasses.replace(m, as_of=dt.date.fromisoformat(published))

    first = at(mention("s1", "raid", date=day("2023-03-08"), city="Quito", country="EC"),
               "2023-03-08")
    later = at(mention("s2", "raid", date=day("2023-03-07"), city="Quito", country="EC"),
               "2023-04-12")
    other = at(mention("s3", "raid", date=day("2023-03-29"), city="Quito", country="EC"),
               "2023-04-12")
    undated = at(mention("s4", "raid", city="Quito", country="EC"), "2023-04-12")
    inferred = dataclasses.replace(later, source="s5", claims=tuple(
        dataclasses.replace(c, source="s5", inferred=c.attribute == "date")
        for c in later.claims))
    ms = [first, later, other, undated, inferred]
    frames = story_frames(ms)
    facts = [_facts(m, None, frames) for m in ms]
    assert same_story(facts[0], facts[1])
    assert not same_story(facts[0], facts[2])  # three weeks off: another raid
    assert not same_story(facts[0], facts[3])  # dates nothing of its own
    assert not same_story(facts[0], facts[4])  # a date given by its frame, not its words


def test_an_undated_article_leading_with_the_same_day_is_one_happening() -> None:
    # an article with no publication date nor place ("... was arrested late on Oct 14")
    # and a dated one ("held on 14 October" in a country) each lead with an arrest on one
    # calendar day: one arrest; a day named two days off, or given only by the frame,
    # is not enough for an undated article
    undated = DateValue("XXXX-10-14", "day", None, None, True)
    a = mention("s1", "arrest", date=undated,
                sentence="the former governor was arrested late on the fourteenth")
    b = dataclasses.replace(mention("s2", "arrest", date=day("2025-10-14"), country="PE",
                                    sentence="officers held the runaway official"),
                            as_of=dt.date(2025, 10, 16))
    assert len(cluster([a, b]).clusters) == 1
    off = dataclasses.replace(a, claims=tuple(
        dataclasses.replace(c, value=DateValue("XXXX-10-12", "day", None, None, True))
        if c.attribute == "date" else c for c in a.claims))
    assert len(cluster([off, b]).clusters) == 2
    framed = dataclasses.replace(a, claims=tuple(
        dataclasses.replace(c, inferred=True) if c.attribute == "date" else c
        for c in a.claims))
    assert len(cluster([framed, b]).clusters) == 2


def test_figures_far_apart_get_no_story_benefit() -> None:
    a = dataclasses.replace(mention("s1", "arrest", count=29, country="KH"),
                            as_of=dt.date(2024, 5, 2))
    b = dataclasses.replace(mention("s2", "arrest", count=700, country="KH"),
                            as_of=dt.date(2024, 5, 3))
    assert len(cluster([a, b]).clusters) == 2


def test_a_dated_recall_decades_old_is_not_an_undated_toll() -> None:
    old = dataclasses.replace(mention("s1", "death", date=DateValue(
        "1990", "year", dt.date(1990, 1, 1), dt.date(1990, 12, 31)), count=300),
        as_of=dt.date(2024, 5, 2))
    now = dataclasses.replace(mention("s2", "death", count=300), as_of=dt.date(2024, 5, 2))
    assert apart(_facts(old), _facts(now))
    assert STALE_DAYS < (dt.date(2024, 5, 2) - dt.date(1990, 12, 31)).days


def _yearless(timex: str, granularity: Any = "day") -> DateValue:
    return DateValue(timex, granularity)


def test_yearless_dates_compare_only_the_parts_both_give() -> None:
    nov8 = day("2023-11-08")
    assert compare(_yearless("XXXX-11-08"), nov8)[0] == "compatible"
    assert compare(_yearless("XXXX-04-13"), nov8)[0] == "conflict"
    # "Monday" read with a year and without one: no month or day to differ in
    monday = DateValue("2023-W37-1", "day", dt.date(2023, 9, 11), dt.date(2023, 9, 11))
    outcome, note = compare(_yearless("XXXX-WXX-1"), monday)
    assert outcome == "compatible" and note is not None and "month or day" not in note
    assert compare(_yearless("XXXX-WXX-1"), day("2021-10-18"))[0] == "compatible"


def test_a_yearless_month_is_not_near_a_dated_november() -> None:
    april = _yearless("XXXX-04", "month")
    gap = _date_gap(april, day("2023-11-08"))
    assert gap is not None and gap > 100
    assert _date_gap(_yearless("XXXX-11", "month"), day("2023-11-08")) == 0
    assert _date_gap(_yearless("XXXX-WXX-1"), day("2023-11-08")) is None
    a = mention("s1", date=april, count=25, groups=("JP",))
    b = mention("s2", date=day("2023-11-08"), count=25, groups=("JP",))
    assert len(cluster([a, b]).clusters) == 2


def test_a_title_names_what_happened_without_repeating_the_event_word(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "2024-05-02",
           "The storm caused 14 deaths in the coastal towns of Chile, officials said.")
    report = reconcile([str(tmp_path)])
    (event,) = [e for e in report.events if e.type == "death"]
    assert event.summary.startswith("14 deaths")
    assert "Deaths of" not in event.summary


def test_a_breakdown_by_place_is_not_the_toll(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "2024-05-02",
           "The cyclone killed 210 people in Mozambique, the government said.\n\n"
           "Officials counted 120 deaths in Beira, 60 in Quelimane and 30 in Pemba.")
    _write(tmp_path, "b.txt", "2024-05-03",
           "The cyclone has killed 230 people in Mozambique, aid agencies said.")
    report = reconcile([str(tmp_path)])
    toll = [e for e in report.events if e.type == "death" and len(e.sources) > 1]
    assert len(toll) == 1
    values = {f.values[0].value.value for f in toll[0].findings  # type: ignore[union-attr]
              if f.attribute == "count"} | {v.value.value for f in toll[0].findings  # type: ignore[union-attr]
                                           if f.attribute == "count" for v in f.values}
    assert values == {210, 230}


def test_a_whole_against_the_parts_another_source_told_is_not_a_conflict(
        tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "2023-10-17",
           "Police rescued 64 foreigners and 12 Filipinos from a scam hub in Manila on "
           "Tuesday.")
    _write(tmp_path, "b.txt", "2023-10-17",
           "Police rescued 76 workers from a scam hub in Manila on Tuesday.")
    report = reconcile([str(tmp_path)])
    (event,) = [e for e in report.events if len(e.sources) == 2]
    counts = [f for f in event.findings if f.attribute == "count" and len(f.values) > 1]
    assert counts and all(f.verdict != "conflict" for f in counts)
    assert any(f.kind == "part" and f.note and "64 + 12 = 76" in f.note for f in counts)


def test_named_months_that_touch_are_no_evidence_of_one_happening(tmp_path: Path) -> None:
    # "in May" and "in June" end and begin a day apart, but two named months are two
    # periods: a removal told in one and a removal told in the other stay apart
    may = _yearless("XXXX-05", "month")
    june = DateValue("2022-06", "month", dt.date(2022, 6, 1), dt.date(2022, 6, 30))
    gap = _date_gap(may, june)
    assert gap is not None and gap > 0
    _write(tmp_path, "a.txt", "2022-07-01",
           "Officials in Tartu said 14 Latvian workers were deported in June after a "
           "labour inspection.")
    _write(tmp_path, "b.txt", "2022-07-02",
           "Estonia deported hundreds of workers held in Tartu after two inspections in May.")
    report = reconcile([str(tmp_path)])
    removals = [e for e in report.events if e.type == "deportation"]
    assert removals and all(len(e.sources) == 1 for e in removals)


def test_a_toll_and_a_count_of_things_are_two_quantities() -> None:
    # "the flood killed 35 in Riga on Monday" and "four bridges in Riga collapsed on
    # Monday": alike in day, place and wording, but one counts the dead, the other things
    monday = day("2022-08-01")
    toll = mention("s1", "death", date=monday, city="Riga", counts={"deaths": 35},
                   sentence="The flood in Riga on Monday killed 35 people, officials said.")
    things = mention("s2", "death", date=monday, city="Riga", counts={"bridges": 4},
                     sentence="The flood in Riga on Monday destroyed 4 bridges, officials said.")
    assert len(cluster([toll, things]).clusters) == 2
    # a count of bodies is a count of the dead: the same toll told by another word
    bodies = mention("s3", "death", date=monday, city="Riga", counts={"bodies": 35},
                     sentence="Rescuers in Riga recovered 35 bodies on Monday, officials said.")
    assert len(cluster([toll, bodies]).clusters) == 1
    # a count keyed by its group ("29 Finns") counts people, not things
    finns = mention("s4", "death", date=monday, city="Riga", groups=("FI",), count=29)
    assert _counts_toll(_facts(finns)) and not _counts_toll(_facts(things))


def test_one_operation_told_as_a_raid_and_as_a_rescue_is_one_event(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "2024-05-09",
           "Police raided a warehouse in Tromso on Tuesday and found 64 workers held there, "
           "officers said.")
    _write(tmp_path, "b.txt", "2024-05-09",
           "Police rescued 64 workers from a warehouse in Tromso on Tuesday, officers said.")
    report = reconcile([str(tmp_path)])
    both = [e for e in report.events if set(e.sources) == {"s1", "s2"}]
    assert len(both) == 1 and {m.type for m in both[0].mentions} == {"raid", "rescue"}


def test_steps_of_operations_in_two_stories_stay_apart(tmp_path: Path) -> None:
    # a raid in one town and a rescue in another country's story: different operations
    _write(tmp_path, "a.txt", "2024-05-09",
           "Police raided a warehouse in Tromso on Tuesday and found 64 workers held there.")
    _write(tmp_path, "b.txt", "2024-05-09",
           "Police rescued 64 workers from a warehouse in Lima on Tuesday.")
    report = reconcile([str(tmp_path)])
    assert not any(len(e.sources) == 2 for e in report.events)
    # one story, but days a week apart: two operations
    _write(tmp_path, "b.txt", "2024-05-09",
           "Police rescued 64 workers from a warehouse in Tromso on May 1, officers said.")
    report = reconcile([str(tmp_path)])
    assert not any({m.type for m in e.mentions} == {"raid", "rescue"} for e in report.events)


def test_a_date_slipped_by_a_month_is_a_conflict_inside_one_story(tmp_path: Path) -> None:
    # two outlets tell one crash with one toll; one writes "April 2" for "May 2": the
    # report shows one event and the dates in conflict, not two crashes
    _write(tmp_path, "a.txt", "2024-05-03",
           "A bus fell into a river in Peru on May 2, killing 41 people, police said.")
    _write(tmp_path, "b.txt", "2024-05-04",
           "The bus crash in Peru on April 2 killed 41 people, officials said.")
    report = reconcile([str(tmp_path)])
    (toll,) = [e for e in report.events if e.type == "death"]
    assert list(toll.sources) == ["s1", "s2"]
    (date,) = [f for f in toll.findings if f.attribute == "date"]
    assert date.verdict == "conflict"


def test_slipped_dates_stay_apart_outside_a_story_or_without_one_figure() -> None:
    may2, apr2 = day("2024-05-02"), day("2024-04-02")
    assert _slipped(may2, apr2) and _slipped(day("2023-05-04"), may2)
    assert not _slipped(may2, day("2024-03-02")) and not _slipped(may2, day("2024-04-16"))

    def toll(source: str, date: DateValue, n: float, country: str) -> Any:
        return dataclasses.replace(mention(source, "death", date=date, count=n,
                                           country=country), as_of=dt.date(2024, 5, 4))

    # another country: another story, the month apart keeps them apart
    assert len(cluster([toll("s1", may2, 41, "PE"), toll("s2", apr2, 41, "CL")]).clusters) == 2
    # one story, but figures that cannot be one figure, a day of the month apart
    assert len(cluster([toll("s1", may2, 41, "PE"),
                        toll("s2", day("2024-04-03"), 12, "PE")]).clusters) == 2
    # one story, one figure: one event
    assert len(cluster([toll("s1", may2, 41, "PE"), toll("s2", apr2, 41, "PE")]).clusters) == 1
    # one article's two dates a month apart are two happenings, whatever its figures
    same = [toll("s1", may2, 41, "PE"), toll("s1", apr2, 41, "PE")]
    assert len(cluster([dataclasses.replace(m, sentence_index=n)
                        for n, m in enumerate(same)]).clusters) == 2


def test_a_day_every_mention_of_an_article_inherits_is_no_evidence_inside_it() -> None:
    # "Police arrested 120 Lao nationals on 20 February" and, later in the article, "the
    # operation involved 300 officers": the second sentence is dated only by the
    # article's frame, so the shared day says nothing about them being one happening
    def arrest(n: int, counts: dict[str, float], groups: tuple[str, ...], inferred: bool
               ) -> Any:
        words = ("Police arrested 120 Lao nationals in a raid on a casino" if groups
                 else "The operation involved 300 officers from three provinces")
        m = mention("s1", "arrest", date=day("2023-02-20"), counts=counts, groups=groups,
                    sentence=words)
        claims = tuple(dataclasses.replace(c, inferred=inferred) if c.attribute == "date"
                       else c for c in m.claims)
        return dataclasses.replace(m, claims=claims, sentence_index=n,
                                   as_of=dt.date(2023, 2, 28))

    officers = arrest(5, {"people/officers": 300}, (), True)
    assert len(cluster([arrest(3, {"LA": 120}, ("LA",), True), officers]).clusters) == 2
    # a day stated in either sentence itself is evidence, as before
    assert len(cluster([arrest(3, {"LA": 120}, ("LA",), False), officers]).clusters) == 1


def test_one_outlets_dead_and_wounded_meet_anothers_injured(tmp_path: Path) -> None:
    # one outlet leads with the dead (a death mention that also counts the wounded),
    # another with the injured (an injury mention): one toll, its injured compared
    _write(tmp_path, "a.txt", "2024-03-09",
           "A bomb blast at a market in Lahore on Friday killed 12 people and wounded 40, "
           "police said.")
    _write(tmp_path, "b.txt", "2024-03-09",
           "At least 45 people were injured in the market blast in Lahore on Friday, "
           "hospital officials said.")
    report = reconcile([str(tmp_path)])
    (toll,) = [e for e in report.events if len(e.sources) == 2 and e.type != "attack"]
    (injured,) = [f for f in toll.findings if f.measure == "injured"]
    assert injured.verdict == "conflict"  # 40 and at least 45, stated the same day


def test_small_figures_two_articles_lead_with_are_evidence(tmp_path: Path) -> None:
    # "five gunmen" and "four gunmen", each the lead of its article: one attack told
    # with two figures (a conflict to show), not two attacks
    _write(tmp_path, "a.txt", "2024-03-09",
           "Five gunmen attacked a wedding hall in Kandahar late at night, police said.\n\n"
           "The hall was crowded with guests.")
    _write(tmp_path, "b.txt", "2024-03-10",
           "Four gunmen opened fire at a wedding in southern Afghanistan on Friday, "
           "witnesses said.\n\nThe guests fled through a back door.")
    report = reconcile([str(tmp_path)])
    (attack,) = [e for e in report.events if e.type == "attack"]
    assert list(attack.sources) == ["s1", "s2"]
    assert [f.verdict for f in attack.findings if f.attribute == "count"] == ["conflict"]


def test_small_figures_deep_in_two_articles_are_no_evidence() -> None:
    # the same figures told after each article's lead, even in one town: as often
    # increments or parts ("three more gunmen were arrested in Kandahar")
    def article(source: str, gunmen: float) -> list[Mention]:
        lead = [dataclasses.replace(mention(source, "death", count=30 + n, country="AF"),
                                    sentence_index=n, as_of=dt.date(2024, 3, 9))
                for n in range(3)]
        deep = dataclasses.replace(mention(source, "attack", counts={"people/gunmen": gunmen},
                                           city="Kandahar", country="AF"),
                                   sentence_index=9, as_of=dt.date(2024, 3, 9))
        return [*lead, deep]

    ms = article("s1", 5) + article("s2", 4)
    clusters = cluster(ms).clusters
    assert [3] in clusters and [7] in clusters  # the two deep mentions stay apart


def _deaths(source: str, n: float, index: int, update: bool = False) -> Mention:
    m = mention(source, "death", date=day("2024-08-19"), counts={"deaths": n},
                country="PE")
    claims = tuple(dataclasses.replace(c, update=update) if c.attribute == "count" else c
                   for c in m.claims)
    return dataclasses.replace(m, claims=claims, sentence_index=index,
                               as_of=dt.date(2024, 6, 3))


def test_one_articles_figures_far_apart_are_never_one_claim_group() -> None:
    # "the crash killed 230" and, further on, "the 2009 crash killed about 16" (a recall
    # the text does not date): more than four times apart, two quantities, even if the
    # recall reads as an update; a larger figure told later as an update is the toll
    # grown ("the toll had risen to 1,200"), and closer figures are judged as before
    toll, recall = _deaths("s1", 230, 0), _deaths("s1", 16, 8, update=True)
    frames = story_frames([toll, recall])
    assert apart(_facts(toll, None, frames), _facts(recall, None, frames))
    assert len(cluster([toll, recall]).clusters) == 2
    for later in (_deaths("s1", 1200, 8, update=True), _deaths("s1", 280, 8)):
        frames = story_frames([toll, later])
        assert not apart(_facts(toll, None, frames), _facts(later, None, frames))
    plain = _deaths("s1", 1200, 8)  # not told as an update: two quantities
    frames = story_frames([toll, plain])
    assert apart(_facts(toll, None, frames), _facts(plain, None, frames))


def test_two_articles_side_figures_of_different_values_are_two_quantities() -> None:
    # article 1 leads with 300 dead, then "61 of the dead were from one state"; article 2
    # leads with 290, then "about 16 died in a crash on this line years ago": neither
    # side figure is its toll, and two different ones are two quantities
    ms = [_deaths("s1", 300, 0), _deaths("s1", 61, 6), _deaths("s2", 290, 0),
          _deaths("s2", 16, 6), _deaths("s3", 300, 0), _deaths("s3", 61, 6)]
    frames = story_frames(ms)
    side1, side2, same = (_facts(m, None, frames) for m in (ms[1], ms[3], ms[5]))
    assert "part or another happening" in (incompatibility(side1, side2) or "")
    assert not apart(side1, same)  # the same side figure in two articles can be one
    # a side figure against another article's toll is judged on evidence as before
    assert not apart(side1, _facts(ms[2], None, frames))


def test_at_least_n_is_one_figure_with_m_only_up_to_twice_n() -> None:
    floor = Quantity(40, "at_least")
    assert _one_figure(floor, Quantity(70))
    assert not _one_figure(floor, Quantity(150))  # "at least 40" is not said of 150
    assert _one_figure(Quantity(100, "at_least"), Quantity(225, "at_least"))  # two floors

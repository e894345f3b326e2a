"""Running tallies (tolls) on short texts of our own: which later figure updates an
earlier one, and which contradicts it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from factories import claim, day

import reconcile
from reconcile.model import Claim, Mention, Place, Quantity, Report
from reconcile.judge.verdicts import findings, judge

FIRST, THIRD = dt.date(2025, 4, 1), dt.date(2025, 4, 3)


def _run(tmp_path: Path, *articles: tuple[str, str]) -> Report:
    for n, (published, body) in enumerate(articles):
        head = f"published: {published}\n" if published else ""
        (tmp_path / f"{n}.md").write_text(f"---\ntitle: Story {n}\n{head}---\n{body}\n",
                                          encoding="utf-8")
    return reconcile.reconcile([str(tmp_path)])


def test_a_lower_bound_then_a_later_rise_is_superseded() -> None:
    """"at least 31" on the 1st, "has climbed to 40" on the 3rd: the bounds overlap, but
    the reader is told the toll grew, not that two outlets differ in precision."""
    bound = claim("s1", "count", Quantity(31, "at_least"), measure_key="deaths")
    rose = dataclasses.replace(claim("s2", "count", Quantity(40), measure_key="deaths"),
                               update=True)
    f = judge("count", "deaths", [bound, rose], as_of={bound.id: FIRST, rose.id: THIRD},
              tally=True)
    assert f.verdict == "compatible" and f.kind == "superseded"
    assert f.note is not None and "at least 31 (as of 1 April 2025) → 40" in f.note


def test_a_rise_told_before_a_bound_or_not_told_as_a_rise_is_no_update() -> None:
    bound = claim("s1", "count", Quantity(31, "at_least"), measure_key="deaths")
    plain = claim("s2", "count", Quantity(40), measure_key="deaths")
    later = judge("count", "deaths", [bound, plain], as_of={bound.id: FIRST, plain.id: THIRD},
                  tally=True)
    assert later.verdict == "compatible" and later.kind is None  # a bound and a figure
    rose = dataclasses.replace(plain, update=True)
    earlier = judge("count", "deaths", [bound, rose], as_of={bound.id: THIRD, rose.id: FIRST},
                    tally=True)
    assert earlier.verdict == "compatible" and earlier.kind is None


def test_an_undated_outlet_repeating_a_dated_figure_does_not_hide_the_update() -> None:
    old = claim("s1", "count", Quantity(31), measure_key="deaths")
    rose = dataclasses.replace(claim("s2", "count", Quantity(40), measure_key="deaths"),
                               update=True)
    again = claim("s3", "count", Quantity(40, "at_least"), measure_key="deaths")
    f = judge("count", "deaths", [old, rose, again],
              as_of={old.id: FIRST, rose.id: THIRD, again.id: None}, tally=True)
    assert f.verdict == "compatible" and f.kind == "superseded"
    assert f.note is not None and f.note.count("→") == 1  # "40" and "at least 40": one step
    # an undated figure of its own still cannot be ordered: judged as before
    other = claim("s3", "count", Quantity(35), measure_key="deaths")
    g = judge("count", "deaths", [old, rose, other],
              as_of={old.id: FIRST, rose.id: THIRD, other.id: None}, tally=True)
    assert g.kind != "superseded"


def test_a_clause_bringing_the_toll_to_a_figure_is_an_update(tmp_path: Path) -> None:
    report = _run(tmp_path,
                  ("2025-04-01", ("Floods in northern Peru killed 11 people on Monday, "
                                  "officials said.")),
                  ("2025-04-03", ("Rescuers found three more bodies on Wednesday, bringing "
                                  "the death toll from Monday's floods in northern Peru to "
                                  "14, officials said.")))
    deaths = [e for e in report.events if e.type == "death" and len(e.sources) > 1]
    assert len(deaths) == 1
    updated = [c.text for c in deaths[0].claims if c.attribute == "count" and c.update]
    assert updated == ["14"]
    (count,) = [f for f in deaths[0].findings if f.attribute == "count"
                and len(f.values) > 1]
    assert count.verdict == "compatible" and count.kind == "superseded"


def test_a_figure_merely_near_the_word_toll_is_no_update(tmp_path: Path) -> None:
    report = _run(tmp_path, ("2025-04-03", ("Officials expect the toll to rise; 14 people "
                                            "were killed in the floods in Peru on Monday.")))
    assert not [c for e in report.events for c in e.claims if c.update]


def _inferred(c: Claim) -> Claim:
    return dataclasses.replace(c, inferred=True)


def test_a_place_taken_from_a_dateline_never_conflicts() -> None:
    """One outlet says where the boat sank; another only files from a city of the same
    country: what the second never said of the event cannot contradict the first."""
    told = claim("s1", "location", Place("Goma", "CD", "city"))
    filed = _inferred(claim("s2", "location", Place("Kinshasa", "CD", "city")))
    assert judge("location", None, [told, filed]).verdict != "conflict"
    stated = claim("s2", "location", Place("Kinshasa", "CD", "city"))
    assert judge("location", None, [told, stated]).verdict == "conflict"


def test_two_dates_each_inferred_from_its_article_never_conflict() -> None:
    a = _inferred(claim("s1", "date", day("2025-04-01")))
    b = _inferred(claim("s2", "date", day("2025-04-03")))
    assert judge("date", None, [a, b]).verdict != "conflict"
    # a date the other source states still meets the inferred one
    stated = claim("s2", "date", day("2025-04-03"))
    assert judge("date", None, [a, stated]).verdict == "conflict"


def test_values_never_compared_say_so() -> None:
    told = claim("s1", "location", Place("Goma", "CD", "city"))
    filed = _inferred(claim("s2", "location", Place("Kinshasa", "CD", "city")))
    f = judge("location", None, [told, filed])
    assert f.verdict == "compatible" and f.note is not None and "dateline" in f.note


def _missing(source: str, figure: float, qualifier: str = "exact") -> Claim:
    return claim(source, "count", Quantity(figure, qualifier),  # type: ignore[arg-type]
                 measure_key="missing")


def test_a_fall_in_the_missing_that_the_toll_explains_is_no_contradiction() -> None:
    """Nine missing on the 1st, six on the 3rd, while the dead went from 4 to 7: three of
    the missing were found dead.  The same fall with a toll that did not move, or moved
    by another figure, is a contradiction a reader must see."""
    early, late = _missing("s1", 9), _missing("s2", 6)
    as_of = {early.id: FIRST, late.id: THIRD}
    explained = judge("count", "missing", [early, late], as_of=as_of, tally=True,
                      found=((FIRST, 4.0), (THIRD, 7.0)))
    assert explained.verdict == "compatible" and explained.kind == "superseded"
    for found in ((), ((FIRST, 4.0), (THIRD, 5.0)), ((FIRST, 4.0), (FIRST, 7.0))):
        f = judge("count", "missing", [early, late], as_of=as_of, tally=True, found=found)
        assert f.verdict == "conflict" and f.kind == "contradiction", found
    # "about 300" then "152": no arithmetic to check
    about, fewer = _missing("s1", 300, "approximate"), _missing("s2", 152)
    f = judge("count", "missing", [about, fewer], as_of={about.id: FIRST, fewer.id: THIRD},
              tally=True, found=((FIRST, 10.0), (THIRD, 158.0)))
    assert f.verdict == "conflict"


def test_missing_people_found_dead_in_later_coverage(tmp_path: Path) -> None:
    report = _run(
        tmp_path,
        ("2025-04-02", ("A landslide buried homes in a village in Nepal on Tuesday, killing "
                        "four people, police said. Nine people are still missing.")),
        ("2025-04-03", ("Rescuers recovered three more bodies on Thursday, bringing the "
                        "death toll from Tuesday's landslide in Nepal to seven. Six people "
                        "are still missing.")))
    missing = [e for e in report.events if e.type == "missing" and len(e.sources) > 1]
    assert len(missing) == 1
    assert all(f.verdict != "conflict" for f in missing[0].findings)
    # the latest figure, the people in their state as a sentence says it
    assert missing[0].summary.startswith("6 people missing")


def test_people_not_accounted_for_are_missing(tmp_path: Path) -> None:
    report = _run(tmp_path, ("2025-04-03", ("Floods swept through villages in Peru on "
                                            "Monday. Rescuers are still searching for the "
                                            "23 people who have not been accounted for.")))
    counts = [c.value for e in report.events if e.type == "missing" for c in e.claims
              if c.attribute == "count"]
    assert counts == [Quantity(23)]


def _dated(source: str, sentence: str, when: str, iso: str) -> Mention:
    at = sentence.index(when)
    c = dataclasses.replace(claim(source, "date", day(iso), text=when),
                            span=(at, at + len(when)), sentence=sentence)
    return Mention(id=f"m-{c.id}", source=source, type="meeting", trigger="meet",
                   trigger_span=(0, 1), sentence=sentence, sentence_span=(0, len(sentence)),
                   claims=(c,))


def test_a_date_told_as_a_plan_never_conflicts_with_a_date_of_what_happened() -> None:
    held = _dated("s1", "The ministers met in Lima on Thursday.", "Thursday", "2025-04-03")
    plan = _dated("s2", "He said the ministers will meet again next week.", "next week",
                  "2025-04-08")
    (f,) = findings([held, plan])
    assert f.verdict == "compatible" and f.note is not None and "plan" in f.note
    # two plans for different days do conflict
    other = _dated("s1", "The ministers will meet again on Friday.", "Friday", "2025-04-11")
    (g,) = findings([other, plan])
    assert g.verdict == "conflict"


def test_survivors_pulled_out_and_people_saved_are_rescues(tmp_path: Path) -> None:
    report = _run(tmp_path,
                  ("2025-04-03", ("A bus plunged into a river in Peru on Tuesday. Rescuers "
                                  "pulled 31 survivors from the water, police said.")),
                  ("2025-04-03", ("Divers saved 35 people after a bus fell into a river in "
                                  "Peru on Tuesday, the navy said.")))
    rescued = [e for e in report.events if e.type == "rescue"]
    assert len(rescued) == 1 and list(rescued[0].sources) == ["s1", "s2"]
    (count,) = [f for f in rescued[0].findings if f.attribute == "count"]
    assert count.verdict == "conflict"


def test_a_title_puts_the_counted_people_in_their_state(tmp_path: Path) -> None:
    report = _run(tmp_path, ("2025-04-03", ("A tunnel caved in at a gold mine in Peru on "
                                            "Monday, trapping 12 workers underground.")))
    (trapped,) = [e for e in report.events if e.type == "trapped"]
    assert trapped.summary.startswith("12 workers trapped")


# ------------------------------------------------ what happened to a toll's people since
def _counts_by_key(report: Report) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}
    for e in report.events:
        for m in e.mentions:
            for c in m.claims:
                if c.attribute == "count" and isinstance(c.value, Quantity):
                    out.setdefault(c.measure_key or "", []).append(c.value.value)
    return out


def test_people_discharged_identified_or_still_treated_are_parts_not_the_toll(
        tmp_path: Path) -> None:
    """"40 injured have been discharged", "12 injured were still being treated",
    "25 bodies are yet to be identified", "out of the recovered bodies, 9 ...": none of
    them is a figure of the dead or of the injured, so none can contradict one."""
    text = ("At least 31 people were killed and 60 injured when a bus fell into a gorge "
            "near Pokhara on Saturday, police said. On Sunday officials said 40 injured "
            "passengers have been discharged and 12 injured passengers were still being "
            "treated. So far 25 bodies are yet to be identified. Out of the recovered "
            "bodies, 9 have been sent to the capital.")
    report = _run(tmp_path, ("2024-03-10", text))
    keys = _counts_by_key(report)
    assert keys["deaths"] == [31] and keys["injured"] == [60]
    assert keys["part:discharged"] == [40] and keys["part:treated"] == [12]
    assert keys["part:unidentified"] == [25]  # yet to be identified: the rest
    assert [k for k, v in keys.items() if v == [9]] == ["deaths/part"]


def test_bodies_yet_to_be_identified_are_the_rest_not_more_identified(
        tmp_path: Path) -> None:
    """"52 have been identified while 38 more are yet to be identified": the 38 are the
    unidentified rest, neither more identified bodies nor a rival of the 52."""
    text = ("A ferry capsized off Mindoro on Saturday. Officials said on Monday that of "
            "the 90 bodies recovered, 52 have been identified while 38 more are yet to "
            "be identified.")
    report = _run(tmp_path, ("2024-03-11", text))
    keys = _counts_by_key(report)
    assert keys["part:identified"] == [52] and keys["part:unidentified"] == [38], keys
    measures = [c.measure for e in report.events for m in e.mentions for c in m.claims
                if c.attribute == "count" and c.measure_key == "part:unidentified"]
    assert measures == ["bodies unidentified"], measures


def test_a_count_still_in_treatment_that_falls_over_days_is_no_contradiction(
        tmp_path: Path) -> None:
    """20 still in hospital on the 10th, 8 on the 13th: patients went home; shown as the
    count moving, never as two outlets contradicting each other."""
    first = ("A bus crash near Pokhara on Saturday killed 31 people and injured 60. "
             "Officials said 20 injured passengers were still in hospital.")
    later = ("The death toll from Saturday's bus crash near Pokhara stands at 31. "
             "Officials said 8 injured passengers are still in hospital.")
    report = _run(tmp_path, ("2024-03-10", first), ("2024-03-13", later))
    treated = [f for e in report.events for f in e.findings
               if f.attribute == "count" and f.measure and f.measure.endswith("treated")]
    assert [sorted(v.value.value for v in f.values)  # type: ignore[union-attr]
            for f in treated] == [[8, 20]]
    assert treated[0].verdict != "conflict"


def test_without_still_people_being_treated_are_the_injured(tmp_path: Path) -> None:
    """"57 were being treated" is how many were hurt: the injured count, compared with
    the others'."""
    text = ("A bus crash near Pokhara on Saturday killed 31 people. Officials said 57 "
            "passengers were being treated in two hospitals.")
    report = _run(tmp_path, ("2024-03-10", text))
    assert _counts_by_key(report).get("injured") == [57]

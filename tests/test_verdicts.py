"""Verdicts per attribute: agree, compatible, conflict, single."""

import dataclasses
import datetime as dt

from reconcile.model import Amount, Claim, DateValue, Mention, Place, Quantity
from reconcile.comparison import compare
from reconcile.extraction.modality import projected
from reconcile.judge.verdicts import findings, judge

from factories import claim, day, month


def test_equal_dates_agree_and_different_days_conflict_with_distance() -> None:
    assert compare(day("2023-11-08"), day("2023-11-08"))[0] == "agree"
    verdict, note = compare(day("2023-11-08"), day("2023-11-09"))
    assert verdict == "conflict" and note == "sources differ by 1 day"


def test_precision_difference_is_compatible() -> None:
    assert compare(month("2023-11"), day("2023-11-08"))[0] == "compatible"
    assert compare(Quantity(100000, "approximate"), Quantity(100000))[0] == "compatible"
    assert compare(Place("Phnom Penh", "KH"), Place("Cambodia", "KH", "country"))[0] == "compatible"


def test_year_unknown_date_is_compatible_only_when_month_and_day_agree() -> None:
    open_year = DateValue("XXXX-04-13", "day")
    assert compare(open_year, day("2023-04-13"))[0] == "compatible"
    assert compare(open_year, day("2023-04-14"))[0] == "conflict"


def test_figures_conflict_with_ratio() -> None:
    a = Amount(12.5e9, "USD", "approximate", per="year")
    b = Amount(20e9, "USD", "approximate", per="year")
    verdict, note = compare(a, b)
    assert verdict == "conflict"
    assert note == ("about US$12.5 billion a year vs about US$20 billion a year: "
                    "1.6 times as much")  # as a reader says a sum, not "12.5 billion USD"


def test_vague_range_containing_a_figure_is_compatible() -> None:
    assert compare(Quantity(200000, "vague", 999999), Quantity(250000))[0] == "compatible"
    assert compare(Quantity(200000, "vague", 999999), Quantity(50000))[0] == "conflict"


def test_two_sources_same_value_agree_one_source_is_single() -> None:
    f = judge("count", "people", [claim("s1", "count", Quantity(25)),
                                  claim("s2", "count", Quantity(25))])
    assert f.verdict == "agree" and f.sources == ("s1", "s2")
    f = judge("count", "people", [claim("s1", "count", Quantity(25))])
    assert f.verdict == "single"


def test_one_source_two_figures_without_speakers_is_not_a_conflict() -> None:
    f = judge("count", "people", [claim("s1", "count", Quantity(700)),
                                  claim("s1", "count", Quantity(130))])
    assert f.verdict == "single"
    assert f.note is not None and "parts of a whole" in f.note


def test_one_source_two_speakers_is_a_conflict_naming_both() -> None:
    f = judge("amount", "money", [
        claim("s1", "amount", Amount(12.5e9, "USD"), attribution="United Nations"),
        claim("s1", "amount", Amount(20e9, "USD"), attribution="Embassy sources"),
    ])
    assert f.verdict == "conflict"
    assert f.note is not None and "United Nations" in f.note and "Embassy sources" in f.note


def test_part_and_whole_in_one_source_do_not_conflict_with_another_source() -> None:
    f = judge("count", "people", [claim("s1", "count", Quantity(700)),
                                  claim("s1", "count", Quantity(130)),
                                  claim("s2", "count", Quantity(130))])
    assert f.verdict != "conflict"


def test_cross_source_conflict() -> None:
    f = judge("date", None, [claim("s1", "date", day("2023-11-08")),
                             claim("s2", "date", day("2023-11-09"))])
    assert f.verdict == "conflict"
    assert [v.value for v in f.values] == [day("2023-11-08"), day("2023-11-09")]


def test_places_in_one_country_without_known_containment() -> None:
    city, other_city = Place("Lagos", "NG"), Place("Kano", "NG")
    region = Place("Lagos State", "NG", "region")
    assert compare(city, region) == ("compatible", "a place and a region of the same country")
    assert compare(city, other_city) == ("conflict", "different places in the same country")
    assert compare(city, Place("Accra", "GH")) == ("conflict", "different places")
    assert compare(city, Place("Nigeria", "NG", "country"))[0] == "compatible"


def test_a_figure_and_the_same_figure_rounded_are_compatible() -> None:
    assert compare(Quantity(21.7), Quantity(22)) == ("compatible", "the same figure, rounded")
    assert compare(Amount(1.17e9, "USD"), Amount(1.2e9, "USD"))[0] == "compatible"
    assert compare(Quantity(2.25), Quantity(2.3))[0] == "compatible"  # half up
    # whole numbers are counts, not roundings; and rounding never reaches this far
    assert compare(Quantity(146), Quantity(150))[0] == "conflict"
    assert compare(Amount(4.5e6, "USD"), Amount(5e6, "USD"))[0] == "conflict"
    assert compare(Quantity(21.4), Quantity(22))[0] == "conflict"


def _told(source: str, sentence: str, figure: str, value: float) -> Mention:
    """A deportation mention whose one count is ``figure`` as it stands in ``sentence``."""
    at = sentence.index(figure)
    c = Claim(id=f"{source}.c1", source=source, mention=f"{source}.m1", attribute="count",
              value=Quantity(value), text=figure, span=(100 + at, 100 + at + len(figure)),
              sentence=sentence, measure="migrants", measure_key="people/migrants")
    return Mention(id=f"{source}.m1", source=source, type="deportation", trigger="deport",
                   trigger_span=(0, 1), sentence=sentence,
                   sentence_span=(100, 100 + len(sentence)), claims=(c,))


def test_a_planned_figure_is_not_compared_with_what_happened() -> None:
    done = _told("s1", "Police deported 120 migrants from Tromso on Monday.", "120 migrants", 120)
    plan = _told("s2", "The ministry says it will deport 5,000 migrants this year.",
                 "5,000 migrants", 5000)
    maybe = _told("s3", "Up to 4,000 migrants may be sent home, an aide said.",
                  "4,000 migrants", 4000)
    (f,) = findings([done, plan])
    assert f.verdict != "conflict"
    # two plans are compared with each other, and two accounts of what happened too
    (f,) = findings([plan, maybe])
    assert f.verdict == "conflict"
    other = _told("s4", "Police deported 300 migrants from Tromso on Monday.", "300 migrants",
                  300)
    (f,) = findings([done, other])
    assert f.verdict == "conflict"


def test_what_someone_was_going_to_do_is_a_plan() -> None:
    # "we were going to rescue over 900 workers" against the 150 rescued: what the
    # rescuers expected, not a second count of what happened
    done = _told("s1", "Police rescued 150 workers from the compound on Monday.",
                 "150 workers", 150)
    plan = _told("s2", "We were going to rescue over 900 workers, the spokesman said.",
                 "900 workers", 900)
    (f,) = findings([done, plan])
    assert f.verdict != "conflict"


def test_a_modal_in_another_clause_does_not_make_a_figure_a_plan() -> None:
    m = _told("s1", "Police deported 120 migrants on Monday, and more may follow.",
              "120 migrants", 120)
    assert not projected(m, m.claims[0])
    m = _told("s1", "In May 120 migrants were deported.", "120 migrants", 120)
    assert not projected(m, m.claims[0])


def _dated(source: str, sentence: str, when: str, iso: str, speaker: str) -> Mention:
    at = sentence.index(when)
    c = Claim(id=f"{source}.{iso}", source=source, mention=f"{source}.m{iso}",
              attribute="date", value=day(iso), text=when,
              span=(100 + at, 100 + at + len(when)), sentence=sentence, attribution=speaker)
    return Mention(id=f"{source}.m{iso}", source=source, type="flood", trigger="flood",
                   trigger_span=(0, 1), sentence=sentence,
                   sentence_span=(100, 100 + len(sentence)), claims=(c,))


def test_two_days_of_saying_in_one_source_are_not_a_conflict() -> None:
    a = _dated("s1", "The agency on Tuesday said the flood toll was 12.", "Tuesday",
               "2024-03-05", "the agency")
    b = _dated("s1", "The mayor on Wednesday said the flood toll was 14.", "Wednesday",
               "2024-03-06", "the mayor")
    (f,) = findings([a, b])
    assert f.verdict != "conflict"
    # two speakers dating the happening itself differently in one source still conflict
    a = _dated("s1", "The flood struck on Tuesday, the agency said.", "Tuesday",
               "2024-03-05", "the agency")
    b = _dated("s1", "The flood struck on Wednesday, the mayor said.", "Wednesday",
               "2024-03-06", "the mayor")
    (f,) = findings([a, b])
    assert f.verdict == "conflict"


def test_a_guess_about_the_past_is_not_a_plan() -> None:
    m = _told("s1", "Officials said 120 migrants may have drowned off Tromso.", "120 migrants",
              120)
    assert not projected(m, m.claims[0])
    m = _told("s1", "Officials said 120 migrants may be deported from Tromso.", "120 migrants",
              120)
    assert projected(m, m.claims[0])


def test_dates_of_saying_never_conflict() -> None:
    """Outlets state a toll on their own days (issue 12x): different as-of dates are no
    conflict, while the same two dates as happening dates are."""
    a = claim("s1", "date", day("2024-05-04"), measure_key="as_of")
    b = claim("s2", "date", day("2024-05-06"), measure_key="as_of")
    assert judge("date", "as of", [a, b]).verdict == "compatible"
    c = claim("s1", "date", day("2024-05-04"))
    d = claim("s2", "date", day("2024-05-06"))
    assert judge("date", None, [c, d]).verdict == "conflict"


def test_an_update_told_before_a_lower_figure_does_not_explain_it() -> None:
    # issue 12: "the toll rose to 240" on the 2nd, then "131" from another outlet on the
    # 9th: the lower, later figure contradicts; told the other way round it is an update
    rose = dataclasses.replace(claim("s1", "count", Quantity(240), measure_key="missing"),
                               update=True)
    plain = claim("s2", "count", Quantity(131), measure_key="missing")
    second, ninth = dt.date(2025, 6, 2), dt.date(2025, 6, 9)
    later_lower = judge("count", "missing", [rose, plain],
                        as_of={rose.id: second, plain.id: ninth}, tally=True)
    assert later_lower.verdict == "conflict" and later_lower.kind == "contradiction"
    earlier_lower = judge("count", "missing", [rose, plain],
                          as_of={rose.id: ninth, plain.id: second}, tally=True)
    assert earlier_lower.verdict == "compatible" and earlier_lower.kind == "superseded"
    assert earlier_lower.note is not None and "131 (as of 2 June 2025) → 240" in earlier_lower.note

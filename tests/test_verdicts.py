"""Verdicts per attribute: agree, compatible, conflict, single."""

from reconcile.model import Amount, DateValue, Place, Quantity
from reconcile.verdicts import compare, judge

from factories import claim, day, month


def test_equal_dates_agree_and_different_days_conflict_with_distance() -> None:
    assert compare(day("2023-11-08"), day("2023-11-08"))[0] == "agree"
    verdict, note = compare(day("2023-11-08"), day("2023-11-09"))
    assert verdict == "conflict" and note == "sources differ by one day"


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
    assert note is not None and "12.5 billion USD" in note and "1.6 times" in note


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


def test_dates_of_saying_never_conflict() -> None:
    """Outlets state a toll on their own days (issue 12x): different as-of dates are no
    conflict, while the same two dates as happening dates are."""
    a = claim("s1", "date", day("2024-05-04"), measure_key="as_of")
    b = claim("s2", "date", day("2024-05-06"), measure_key="as_of")
    assert judge("date", "as of", [a, b]).verdict == "compatible"
    c = claim("s1", "date", day("2024-05-04"))
    d = claim("s2", "date", day("2024-05-06"))
    assert judge("date", None, [c, d]).verdict == "conflict"

"""Tests for reconcile.extraction.temporal: hand-made sentences, one rule each."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.model import DateValue, Expression
from reconcile.extraction.temporal import find_dates

D = dt.date
ANCHOR = D(2023, 11, 10)  # a Friday


def dates(text: str, anchor: dt.date | None = ANCHOR) -> list[tuple[str, str]]:
    """(text, timex) of the date/time expressions."""
    out = []
    for e in find_dates(text, anchor):
        if isinstance(e.value, DateValue):
            out.append((e.text, e.value.timex))
    return out


def one(text: str, anchor: dt.date | None = ANCHOR) -> Expression:
    found = find_dates(text, anchor)
    assert len(found) == 1, found
    return found[0]


def dv(text: str, anchor: dt.date | None = ANCHOR) -> DateValue:
    v = one(text, anchor).value
    assert isinstance(v, DateValue)
    return v


# ------------------------------------------------------------------ absolute dates


@pytest.mark.parametrize("text,expr", [
    ("The vote was held on November 9, 2023 in the capital.", "November 9, 2023"),
    ("The vote was held on 9 November 2023 in the capital.", "9 November 2023"),
    ("The vote was held on 2023-11-09 in the capital.", "2023-11-09"),
    ("The vote was held on 11/9/2023 in the capital.", "11/9/2023"),
    ("The vote was held on Nov. 9, 2023, officials said.", "Nov. 9, 2023"),
    ("The vote was held on the 9th of November 2023.", "the 9th of November 2023"),
])
def test_absolute_day(text: str, expr: str) -> None:
    e = one(text)
    assert e.kind == "date" and e.text == expr
    assert isinstance(e.value, DateValue)
    assert e.value.timex == "2023-11-09"
    assert e.value.granularity == "day"
    assert e.value.earliest == e.value.latest == D(2023, 11, 9)
    assert e.value.anchored is False


def test_abbreviated_month_without_year_uses_anchor() -> None:
    v = dv("Officials met on Nov. 9 to discuss it.")
    assert v.timex == "2023-11-09" and v.anchored is True


def test_month_year() -> None:
    v = dv("The plant opened in March 2017 after delays.")
    assert (v.timex, v.granularity, v.earliest, v.latest) == (
        "2017-03", "month", D(2017, 3, 1), D(2017, 3, 31))


@pytest.mark.parametrize("text", [
    "The law changed in 2017 after a review.",
    "Prices have risen since 2017 in most regions.",
    "The ministry published 2017's figures late.",
    "By the end of 2017 the project had stalled.",
    "2017 was a difficult year for the firm.",
    "It was the 2016 election that changed things.",
])
def test_year_in_date_context(text: str) -> None:
    v = dv(text)
    assert v.timex[:4] in ("2017", "2016")
    # "since 2017", "By the end of 2017": the year, bounded on one side by the signal
    assert v.granularity == "year" if v.mod is None else v.granularity == "interval"


@pytest.mark.parametrize("text", [
    "The school bought 2017 computers for its pupils.",
    "Officials counted 2,017 people at the rally.",
    "The building has 1999 windows.",
])
def test_counts_are_not_years(text: str) -> None:
    assert dates(text) == []


# ------------------------------------------------------------- weekday and date


@pytest.mark.parametrize("text,expr", [
    ("Police said Wednesday (Nov 8) that two men were held.", "Wednesday (Nov 8)"),
    ("The talks ended on Wednesday, Nov. 8, without a deal.", "Wednesday, Nov. 8"),
    ("The talks ended Wednesday, November 8 without a deal.", "Wednesday, November 8"),
])
def test_weekday_with_month_day(text: str, expr: str) -> None:
    e = one(text)
    assert e.text == expr
    assert isinstance(e.value, DateValue)
    assert e.value.timex == "2023-11-08"
    assert e.value.anchored is False
    assert e.value.warnings == ()


def test_weekday_fixes_year_before_anchor() -> None:
    # Nov 8 was a Wednesday in 2017 and 2023; the anchor is in 2025 (Nov 8, 2025 is a
    # Saturday): the most recent fitting year at or before the anchor is 2023.
    v = dv("It happened on Wednesday, Nov. 8, witnesses said.", D(2025, 12, 1))
    assert v.timex == "2023-11-08" and v.anchored is False


def test_weekday_contradicting_full_date_warns() -> None:
    v = dv("The meeting on Friday, November 8, 2023 was brief.")
    assert v.timex == "2023-11-08"
    assert v.warnings == ("weekday Friday contradicts 2023-11-08, a Wednesday",)


def test_bare_weekday_is_most_recent_past() -> None:
    assert dates("The minister resigned on Wednesday.") == [("Wednesday", "2023-11-08")]
    assert dates("Thursday, the court ruled.") == [("Thursday", "2023-11-09")]
    # a weekday equal to the anchor's is the anchor itself
    assert dates("The minister resigned on Friday.") == [("Friday", "2023-11-10")]


def test_weekday_in_future_clause() -> None:
    assert dates("The council will vote on Monday.") == [("Monday", "2023-11-13")]


def test_earlier_this_week_on_weekday() -> None:
    e = one("The bill passed earlier this week on Wednesday.")
    assert e.text == "earlier this week on Wednesday"
    assert isinstance(e.value, DateValue) and e.value.timex == "2023-11-08"


@pytest.mark.parametrize("text,timex,gran", [
    ("Prices rose last week.", "2023-W44", "week"),
    ("Prices rose this week.", "2023-W45", "week"),
    ("Prices rose last month.", "2023-10", "month"),
    ("Prices rose last year.", "2022", "year"),
    ("Prices rose this year.", "2023", "year"),
    ("Prices will rise next year.", "2024", "year"),
    ("Prices rose yesterday.", "2023-11-09", "day"),
])
def test_relative_units(text: str, timex: str, gran: str) -> None:
    v = dv(text)
    assert (v.timex, v.granularity, v.anchored) == (timex, gran, True)


# ------------------------------------------------------------------ months alone


def test_month_alone_past_narration() -> None:
    v = dv("In April, the company cut jobs.", D(2024, 5, 28))
    assert (v.timex, v.granularity, v.earliest, v.latest) == (
        "2024-04", "month", D(2024, 4, 1), D(2024, 4, 30))
    assert dates("In September it rained.", D(2024, 5, 28)) == [("September", "2023-09")]


def test_month_alone_without_anchor() -> None:
    v = dv("In April, the company cut jobs.", None)
    assert (v.timex, v.earliest, v.latest) == ("XXXX-04", None, None)


def test_month_then_count_is_not_a_day() -> None:
    assert dates("In April, 19 people were deported.", D(2024, 5, 28)) == [
        ("April", "2024-04")]
    assert dates("In April 19 Japanese nationals were deported.", D(2024, 5, 28)) == [
        ("April", "2024-04")]


def test_month_day_followed_by_comma_clause() -> None:
    assert dates("On April 19, police said the border was closed.", D(2024, 5, 28)) == [
        ("April 19", "2024-04-19")]


@pytest.mark.parametrize("anchor,timex", [
    (None, "XXXX-04-13"),
    (D(2024, 5, 28), "2024-04-13"),
    (D(2024, 3, 1), "2023-04-13"),
])
def test_month_day_resolution(anchor: dt.date | None, timex: str) -> None:
    v = dv("The raid took place on April 13.", anchor)
    assert v.timex == timex
    if anchor is None:
        assert v.earliest is None and v.latest is None


def test_month_in_future_clause() -> None:
    assert dates("The book is due to be published in May.", D(2024, 3, 1)) == [
        ("May", "2024-05")]


def test_past_verb_after_a_future_marker_tells_the_past() -> None:
    """The verb nearest the date decides: a past verb after "to be"/"will" is past, a
    participle of the future ("will be finished") or an adjective ("preferred") is not."""
    anchor = D(2024, 2, 20)
    assert dates("The mills to be closed had losses in the season ended Sept. 30.",
                 anchor) == [("Sept. 30", "2023-09-30")]
    assert dates("The bridge that will reopen was damaged in November.", anchor) == [
        ("November", "2023-11")]
    assert dates("The tower will be finished in November.", anchor) == [
        ("November", "2024-11")]
    assert dates("The bank will buy back its preferred notes on Sept. 30.", anchor) == [
        ("Sept. 30", "2024-09-30")]


def test_deadline_with_a_clock_time_is_not_pushed_back_a_year() -> None:
    """"extended until 5 p.m. EST March 3": the dot of "p.m." ends no clause, and a
    deadline after a past verb is the coming date, not last year's."""
    anchor = D(2024, 2, 26)
    assert dates("The club said it prolonged its bid until 5 p.m. EST March 3.",
                 anchor) == [("5 p.m. EST March 3", "2024-03-03T17:00")]
    assert dates("The club said it prolonged its bid until noon March 3.", anchor) == [
        ("noon March 3", "2024-03-03T12:00")]


def test_season_of_a_spelled_out_year() -> None:
    """A season of a year spelled out, as broadcast transcripts write it, is that season."""
    assert dates("Fuel ran short in the winter of nineteen eighty-one.") == [
        ("the winter of nineteen eighty-one", "1981-WI")]
    assert dates("The dam was finished in the summer of two thousand and six.") == [
        ("the summer of two thousand and six", "2006-SU")]


def test_spelled_year_no_count_is_said_in_needs_no_preposition() -> None:
    """"nineteen eighty-one" is no way to say a count, so it is a year without "in"
    before it; "two thousand five" may be a count and still needs one."""
    assert dates("Berlin, nineteen eighty-one. A wall still stood.") == [
        ("nineteen eighty-one", "1981")]
    assert dates("He recalled a nineteen seventy-two strike at the port.") == [
        ("nineteen seventy-two", "1972")]
    assert dates("She sold two thousand five hundred tickets.") == []
    assert dates("They scored twenty five points.") == []


def test_later_and_earlier_count_from_the_narrated_date() -> None:
    """"two days later" counts from the date the story last named, not from the
    publication date; with no such date, "later" is only a length of time."""
    anchor = D(2024, 2, 20)
    assert dates("The levee broke on May 9. Crews sealed it four days later.", anchor) == [
        ("May 9", "2023-05-09"), ("four days later", "2023-05-13")]
    assert dates("The mill shut in 2011. Three years later it was razed.", anchor) == [
        ("2011", "2011"), ("Three years later", "2014")]
    assert dates("The mill shut in 2011. A week later it was razed.", anchor) == [
        ("2011", "2011")]
    e = one("The mayor quit four days later.", anchor)
    assert (e.kind, e.text, e.value) == ("duration", "four days", "P4D")


def test_earlier_in_a_comparison_stays_with_the_reported_period() -> None:
    """"up from a year earlier" compares with the period reported on, not with a date
    named before it."""
    assert dates("Sales rose in 2022, up from a year earlier.", D(2024, 2, 20)) == [
        ("2022", "2022"), ("a year earlier", "2023")]


def test_mid_part_of_day() -> None:
    """"mid-afternoon", "mid morning" are parts of a day like "late afternoon" (joined
    with the day next to them); "midnight" stays a clock time."""
    assert dates("The ferry docked in mid-afternoon yesterday.") == [
        ("mid-afternoon yesterday", "2023-11-09TAF")]
    assert dates("The rain eased by mid morning.") == [("mid morning", "TMO")]
    assert dates("The rain eased by midnight.") == [("midnight", "T24:00")]


def test_time_of_day_after_a_named_day_is_on_that_day() -> None:
    """A clock time told just after the day it happened on is on that day; a paragraph
    later, or with no day named, it stays undated."""
    assert dates("The fire started on Tuesday night. Crews arrived at 9:40 p.m.") == [
        ("Tuesday night", "2023-11-07TNI"), ("9:40 p.m.", "2023-11-07T21:40")]
    assert dates("The fire started on Tuesday.\n\nCrews arrive at 9:40 p.m.") == [
        ("Tuesday", "2023-11-07"), ("9:40 p.m.", "T21:40")]
    assert dates("Crews arrived at 9:40 p.m.") == [("9:40 p.m.", "T21:40")]


def test_year_qualifying_a_noun_after_a_determiner() -> None:
    """A year between a determiner (an adjective may come between) and a singular noun
    or a name qualifies it; before a plural it is a count."""
    anchor = D(2024, 2, 20)
    assert dates("She recalled her bitter 1988 defeat.", anchor) == [("1988", "1988")]
    assert dates("That 1962 treaty still binds both states.", anchor) == [("1962", "1962")]
    assert dates("Rowers trained for the 1984 Olympics.", anchor) == [("1984", "1984")]
    assert dates("The mine laid off the 1984 miners.", anchor) == []
    assert dates("The firm flew in the 2000 Germans who had signed up.", anchor) == []


def test_year_a_debt_falls_due_in() -> None:
    """"notes due 2031", "bonds maturing 2029": the year the debt falls due."""
    anchor = D(2024, 2, 20)
    assert dates("The utility sold notes due 2031 at par.", anchor) == [("2031", "2031")]
    assert dates("It swapped bonds maturing 2029 for cash.", anchor) == [("2029", "2029")]


def test_trading_days_are_a_duration_not_calendar_days_to_count() -> None:
    """"six trading days" is a length like "six business days"; counted from a date it
    gives no day, since the calendar days it spans are not known."""
    e = one("The index slid for six trading days.")
    assert (e.kind, e.text, e.value) == ("duration", "six trading days", "P6D")
    found = find_dates("Bids close six trading days after March 4, 2024.", ANCHOR)
    assert [(x.kind, x.text) for x in found] == [
        ("duration", "six trading days"), ("date", "March 4, 2024")]


def test_more_and_additional_units_are_durations() -> None:
    """"two more weeks", "an additional year", "three extra days": lengths of time."""
    for text, expr, value in [("The judge granted two more weeks.", "two more weeks", "P2W"),
                              ("The lease gives an additional year.", "an additional year",
                               "P1Y"),
                              ("The crew stayed three extra days.", "three extra days", "P3D")]:
        e = one(text)
        assert (e.kind, e.text, e.value) == ("duration", expr, value)


def test_decades_in_words() -> None:
    """"the seventies" is the decade 197; a temperature in the nineties, an age in one's
    eighties are not decades."""
    assert dates("Disco ruled the clubs in the seventies.") == [("the seventies", "197")]
    assert dates("It was built in the early fifties.") == [("the early fifties", "195")]
    assert dates("Daytime highs reached the nineties.") == []
    assert dates("The painter is in his eighties.") == []


def test_week_of_a_month_ending_a_sentence_leaves_the_full_stop_out() -> None:
    """A full month name takes no dot: "the first week of May." ends at "May"; an
    abbreviation keeps its own ("the last week of Oct.")."""
    assert [e.text for e in find_dates("The vote is set for the first week of May.",
                                       ANCHOR)] == ["the first week of May"]
    assert [e.text for e in find_dates("Rain fell in the last week of Oct. 2021.",
                                       ANCHOR)] == ["the last week of Oct. 2021"]


def test_last_half_and_two_quarters_name_a_half_year() -> None:
    """"the last half of 2007" is its second half; "the first two quarters of 2008" its
    first half."""
    assert dates("Output slowed in the last half of 2007.") == [
        ("the last half of 2007", "2007-H2")]
    assert dates("Output slowed in the first two quarters of 2008.") == [
        ("the first two quarters of 2008", "2008-H1")]
    assert dates("He spent the last half of his career abroad.") == []


def test_previous_weekday_is_the_one_before_the_narrated_day() -> None:
    """"the previous Tuesday" is the Tuesday before the day the story last named, or
    before the anchor when none is named."""
    assert dates("The index closed on Tuesday, up from the previous Tuesday.") == [
        ("Tuesday", "2023-11-07"), ("the previous Tuesday", "2023-10-31")]
    assert dates("Shares had risen the preceding Monday.") == [
        ("the preceding Monday", "2023-11-06")]


def test_possessive_month_is_the_month() -> None:
    """"November's figures" are the month's; "June's" or "May's" may be a person's."""
    anchor = D(2024, 2, 20)
    assert dates("Economists revised November's figures down.", anchor) == [
        ("November", "2023-11")]
    assert dates("Economists praised June's report.", anchor) == []
    assert dates("Economists praised Ann May's report.", anchor) == []


# --------------------------------------------------------------------- intervals


def test_first_six_months_of_the_year() -> None:
    v = dv("Exports fell in the first six months of the year.", D(2025, 8, 1))
    assert (v.timex, v.granularity, v.earliest, v.latest) == (
        "2025-01/2025-06", "interval", D(2025, 1, 1), D(2025, 6, 30))
    assert dv("Exports fell in the first six months of the year.", None).timex == \
        "XXXX-01/XXXX-06"


@pytest.mark.parametrize("text,expr,timex,earliest,latest", [
    ("Sales fell between March and May 2023.", "between March and May 2023",
     "2023-03/2023-05", D(2023, 3, 1), D(2023, 5, 31)),
    ("He served from 2019 to 2021.", "from 2019 to 2021", "2019/2021", D(2019, 1, 1),
     D(2021, 12, 31)),
    ("Output grew in the first half of 2024.", "the first half of 2024", "2024-H1",
     D(2024, 1, 1), D(2024, 6, 30)),
    ("Output grew in Q3 2023.", "Q3 2023", "2023-Q3", D(2023, 7, 1), D(2023, 9, 30)),
    ("Output grew in the third quarter of 2023.", "the third quarter of 2023", "2023-Q3",
     D(2023, 7, 1), D(2023, 9, 30)),
    ("The summit ran Nov. 6-8, 2023.", "Nov. 6-8, 2023", "2023-11-06/2023-11-08",
     D(2023, 11, 6), D(2023, 11, 8)),
])
def test_intervals(text: str, expr: str, timex: str, earliest: dt.date,
                   latest: dt.date) -> None:
    e = one(text)
    assert e.text == expr
    assert isinstance(e.value, DateValue)
    assert (e.value.timex, e.value.earliest, e.value.latest) == (timex, earliest, latest)


# ------------------------------------------------------------- durations and sets


@pytest.mark.parametrize("text,expr,value", [
    ("The strike lasted three days.", "three days", "P3D"),
    ("It followed an 18-month investigation.", "18-month", "P18M"),
    ("It was the worst flood in a decade.", "a decade", "P10Y"),
    ("Talks lasted two weeks.", "two weeks", "P2W"),
    ("The vote took almost seven years.", "almost seven years", "P7Y"),
    ("Rescuers searched for 36 hours.", "36 hours", "PT36H"),
    ("Prices rose over the past two years.", "the past two years", "P2Y"),
])
def test_durations(text: str, expr: str, value: str) -> None:
    e = one(text)
    assert (e.kind, e.text, e.value) == ("duration", expr, value)


@pytest.mark.parametrize("text,expr,value", [
    ("The festival is held every year.", "every year", "P1Y"),
    ("The report is published annually.", "annually", "P1Y"),
    ("Inspectors visit each month.", "each month", "P1M"),
    ("The market opens every Monday.", "every Monday", "XXXX-WXX-1"),
])
def test_sets(text: str, expr: str, value: str) -> None:
    e = one(text)
    assert (e.kind, e.text, e.value) == ("set", expr, value)


def test_rate_a_year_is_not_a_date() -> None:
    assert find_dates("The subsidy costs US$12.5 billion a year.", ANCHOR) == []
    assert find_dates("The plant treats 400 tonnes a day.", ANCHOR) == []


def test_age_is_not_a_duration() -> None:
    assert find_dates("A 22-year-old man was arrested.", ANCHOR) == []
    assert find_dates("The man, 48 years old, was arrested.", ANCHOR) == []


# ---------------------------------------------------------------------- non-dates


@pytest.mark.parametrize("text", [
    "Residents may be affected by the closure.",
    "May I ask a question?",
    "Protesters march to the square.",
    "See Chapter 12, page 3 and Section 8.",
    "The home side won 3-1 on aggregate.",
    "Call 555-1234 for details.",
    "He bought a drink at a 7/11 store.",
    "The report was read by April Ryan.",
    "The Sunday Times reported the story.",
    "Shoppers queued on Black Friday.",
])
def test_non_dates(text: str) -> None:
    assert dates(text) == [], dates(text)


# --------------------------------------------------------------------------- times


def test_times() -> None:
    assert dates("The blast happened at 3 p.m. near the port.") == [("3 p.m.", "T15:00")]
    assert dates("The blast happened at 10:30 near the port.") == [("10:30", "T10:30")]
    assert dates("The curfew starts at midnight.") == [("midnight", "T24:00")]
    e = one("The blast happened Wednesday at 3 p.m. near the port.")
    assert e.kind == "time" and e.text == "Wednesday at 3 p.m."
    assert isinstance(e.value, DateValue) and e.value.timex == "2023-11-08T15:00"
    assert e.value.earliest == D(2023, 11, 8)
    e = one("The ceasefire began on Nov. 8, 2023 at 10:30 local time.")
    assert isinstance(e.value, DateValue) and e.value.timex == "2023-11-08T10:30"


def test_part_of_day() -> None:
    assert dates("The blast happened Wednesday afternoon.") == [
        ("Wednesday afternoon", "2023-11-08TAF")]


# ---------------------------------------------------------- parts and approximations


def test_coarse_granularity_modifiers() -> None:
    v = dv("Work began in early 2023.")
    assert (v.timex, v.granularity) == ("2023", "year")
    v = dv("Work began in mid-March.")
    assert (v.timex, v.granularity) == ("2023-03", "month")
    v = dv("Work began late last year.")
    assert (v.timex, v.granularity) == ("2022", "year")


def test_relative_with_numbers() -> None:
    v = dv("The ship sank two days ago.")
    assert (v.timex, v.granularity, v.anchored) == ("2023-11-08", "day", True)
    v = dv("The ship had sunk three weeks earlier.")
    assert v.timex == "2023-W42" and v.warnings
    v = dv("The company was founded four years ago.")
    assert v.timex == "2019"


def test_decades_and_centuries() -> None:
    assert dates("Prices peaked in the 1990s.") == [("the 1990s", "199")]
    assert dates("It was built in the 20th century.") == [("the 20th century", "19")]


def test_seasons() -> None:
    assert dates("The dam burst last summer.", D(2013, 3, 22)) == [
        ("last summer", "2012-SU")]
    assert dates("The dam burst in the summer of 2012.") == [
        ("the summer of 2012", "2012-SU")]


# ------------------------------------------------------------------- no anchor


def test_no_anchor_relative_expressions_unresolved() -> None:
    found = find_dates("Last month, on Monday, the minister quit; last year too.", None)
    vals = [(e.text, e.value.timex, e.value.earliest) for e in found
            if isinstance(e.value, DateValue)]
    assert vals == [("Last month", "XXXX-XX", None), ("Monday", "XXXX-WXX-1", None),
                    ("last year", "XXXX", None)]


def test_absolute_dates_do_not_need_anchor() -> None:
    v = dv("The vote was held on November 9, 2023.", None)
    assert v.timex == "2023-11-09" and v.earliest == D(2023, 11, 9)


# ---------------------------------------------------------------- robustness


def _check_invariants(text: str, found: list[Expression]) -> None:
    last_end = -1
    for e in found:
        s, t = e.span
        assert text[s:t] == e.text
        assert s >= last_end and t > s
        assert e.kind in ("date", "time", "duration", "set")
        last_end = t


@given(st.text())
@settings(max_examples=300, deadline=None)
def test_never_raises_random_text(text: str) -> None:
    _check_invariants(text, find_dates(text, ANCHOR))
    _check_invariants(text, find_dates(text))


_WORDS = ["Monday", "May", "March", "2017", "Nov.", "8", "19", ",", "in", "last", "week",
          "the", "first", "six", "months", "of", "year", "a", "3", "p.m.", "10:30",
          "ago", "days", "every", "-", "2019", "to", "2021", "between", "and", "(", ")",
          "early", "mid-", "Q3", "half", "quarter", "decade", "1990s", "$", "billion"]


@given(st.lists(st.sampled_from(_WORDS), max_size=40), st.sampled_from([" ", "", "  "]))
@settings(max_examples=300, deadline=None)
def test_never_raises_date_like_text(words: list[str], sep: str) -> None:
    text = sep.join(words)
    _check_invariants(text, find_dates(text, ANCHOR))
    _check_invariants(text, find_dates(text, None))


@pytest.mark.parametrize("text", [
    "Wednesday " * 20000,
    "1" * 50000,
    "May " * 20000,
    "12/" * 20000,
    "2017-" * 10000,
    "the past " * 10000 + "years",
    "a" * 50000,
    ("in " * 5000) + "April",
])
@pytest.mark.slow
def test_pathological_inputs_are_fast(text: str) -> None:
    t0 = time.process_time()  # CPU, not wall-clock
    found = find_dates(text, ANCHOR)
    assert time.process_time() - t0 < 5.0
    _check_invariants(text, found)


def test_odd_anchors_do_not_raise() -> None:
    assert find_dates("On Monday, 3 days ago, in April.", D(1, 1, 1)) is not None
    assert find_dates("On Monday, 3 days ago, in April.", D(9999, 12, 31)) is not None
    assert find_dates("Then on Feb. 29 it snowed.", D(2023, 3, 1))[0].text == "Feb. 29"


def test_may_with_a_day_closed_by_punctuation_is_a_date() -> None:
    """A dateline's "May 2 (Agency) -" is a date; the modal "may 2." in prose is not."""
    assert dates("LIMA, May 2 (Agency) - Floods hit the city.", D(2024, 5, 3)) == [
        ("May 2", "2024-05-02")]
    assert dates("Prices may 2. Go up.", D(2024, 5, 3)) == []


# ------------------------------------------------- abbreviated units, seconds, merges


@pytest.mark.parametrize("text,expr,value", [
    ("The race took 2 hrs to finish.", "2 hrs", "PT2H"),
    ("A 24h strike began.", "24h", "PT24H"),
    ("He waited 30 min outside.", "30 min", "PT30M"),
    ("It lasted 123.45 sec in all.", "123.45 sec", "PT123.45S"),
    ("The talks took one and a half hours.", "one and a half hours", "PT1.5H"),
    ("She served two and a half years in office.", "two and a half years", "P30M"),
    ("The refit took 4 1/2 years.", "4 1/2 years", "P54M"),
    ("The refit took 6½ hours.", "6½ hours", "PT6.5H"),
    ("The anthem lasted a minute and a half.", "a minute and a half", "PT90S"),
])
def test_abbreviated_and_half_durations(text: str, expr: str, value: str) -> None:
    e = one(text)
    assert (e.kind, e.text, e.value) == ("duration", expr, value)


def test_abbreviated_units_need_digits_right_before() -> None:
    assert find_dates("Section 4.5 h applies.", ANCHOR) == []  # a lone "h" needs the digits
    assert find_dates("See minutes 5 and the hrs log.", ANCHOR) == []


def test_clock_time_with_seconds() -> None:
    assert dates("The shot was fired at 7:56:30 pm.") == [("7:56:30 pm", "T19:56:30")]


def test_clock_time_joins_part_of_day() -> None:
    e = one("Troops crossed at 8am this morning.")
    assert e.kind == "time" and e.text == "8am this morning"
    assert isinstance(e.value, DateValue) and e.value.timex == "2023-11-10T08:00"


def test_every_weekend_is_a_set() -> None:
    e = one("Markets open every weekend.")
    assert (e.kind, e.text, e.value) == ("set", "every weekend", "XXXX-WXX-WE")


def test_lower_case_weekdays_and_months_that_are_not_words() -> None:
    assert dates("see you next monday") == [("next monday", "2023-11-13")]
    assert dates("we met in april 2017") == [("april 2017", "2017-04")]
    assert dates("it may rain; they march on; an august body") == []


@pytest.mark.parametrize("text,expr,timex", [
    ("It's half past seven o'clock.", "half past seven o'clock", "T07:30"),
    ("They met at ten o'clock.", "ten o'clock", "T10:00"),
    ("Doors shut at a quarter to ten.", "a quarter to ten", "T09:45"),
    ("It ended 20 min past eight in the evening.", "20 min past eight in the evening",
     "T20:20"),
])
def test_clock_times_in_words(text: str, expr: str, timex: str) -> None:
    assert dates(text) == [(expr, timex)]


def test_five_to_seven_is_not_a_clock_time() -> None:
    assert dates("Five to seven people were hurt.") == []


@pytest.mark.parametrize("text,expr,timex", [
    ("Invoices dated Dec-2018 were paid.", "Dec-2018", "2018-12"),
    ("Invoices dated Dec/2018 were paid.", "Dec/2018", "2018-12"),
    ("The form is dated 05-Aug-2016.", "05-Aug-2016", "2016-08-05"),
    ("The form is dated Oct/2.", "Oct/2", "2023-10-02"),
])
def test_month_names_joined_by_hyphen_or_slash(text: str, expr: str, timex: str) -> None:
    assert dates(text) == [(expr, timex)]


@pytest.mark.parametrize("text,expr,timex", [
    ("The polls open between 4pm and 5pm.", "between 4pm and 5pm", "T16:00/T17:00"),
    ("The office is shut 5 to 6pm.", "5 to 6pm", "T17:00/T18:00"),
    ("Lunch runs 11-1pm daily.", "11-1pm", "T11:00/T13:00"),
    ("Talks ran from 10:30 to 11:45.", "from 10:30 to 11:45", "T10:30/T11:45"),
    ("Clinics open on Wednesday 8-9am.", "Wednesday 8-9am",
     "2023-11-08T08:00/2023-11-08T09:00"),
])
def test_time_ranges(text: str, expr: str, timex: str) -> None:
    assert dates(text) == [(expr, timex)]


def test_ranges_of_counts_are_not_time_ranges() -> None:
    assert dates("The home side won 3-2; aged 18-25; 5 to 6 people.") == []


def test_twelve_noon_and_weekday_abbreviation_before_a_date() -> None:
    assert dates("It starts at 12 noon.") == [("12 noon", "T12:00")]
    assert dates("It opened Wed Nov 8.") == [("Wed Nov 8", "2023-11-08")]


@pytest.mark.parametrize("text,expr,timex", [
    ("Talks resume Wednesday at 3.30pm.", "Wednesday at 3.30pm", "2023-11-08T15:30"),
    ("The blast came last night at 8.", "last night at 8", "2023-11-09T20:00"),
    ("Invoices dated 23.04.2022 were paid.", "23.04.2022", "2022-04-23"),
    ("It was filed 2 weeks before May 13 1999.", "2 weeks before May 13 1999", "1999-04-29"),
    ("Results come 3 days from today.", "3 days from today", "2023-11-13"),
    ("Profit rose in the 1st quarter of 2013.", "the 1st quarter of 2013", "2013-Q1"),
    ("They met the previous Wednesday.", "the previous Wednesday", "2023-11-08"),
])
def test_more_general_forms(text: str, expr: str, timex: str) -> None:
    assert dates(text) == [(expr, timex)]


def test_hour_after_a_day_only_where_the_clause_ends() -> None:
    assert dates("On Monday at 5 people died.") == [("Monday", "2023-11-06")]


def test_bounded_offsets_are_bounds_not_days() -> None:
    # "more than 2 weeks before today" is a bound, not a day: BEFORE the day 2 weeks back
    v = dv("It was more than 2 weeks before today.")
    assert (v.timex, v.mod, v.earliest, v.latest) == (
        "2023-10-27", "BEFORE", None, D(2023, 10, 26))
    # "less than 3 days after tomorrow": the days between them
    v = dv("It will be done less than 3 days after tomorrow.")
    assert (v.timex, v.mod, v.earliest, v.latest) == (
        "2023-11-11/2023-11-14", None, D(2023, 11, 11), D(2023, 11, 14))
    # an approximate offset stays apart, and its "before" is no bound on the day
    found = find_dates("It was about 2 weeks before May 13.", ANCHOR)
    assert [(e.kind, getattr(e.value, "mod", None)) for e in found] == [
        ("duration", None), ("date", None)]


@pytest.mark.parametrize("text,found,timex,mod,earliest,latest", [
    ("It will happen today before 4pm.", "today before 4pm", "2023-11-10T16:00", "BEFORE",
     None, ANCHOR),
    ("Come on Feb 1st, 2024 no later than 6:00.", "Feb 1st, 2024 no later than 6:00",
     "2024-02-01T06:00", "ON_OR_BEFORE", None, D(2024, 2, 1)),
    ("It reopens 1/1/2015 after 2:00.", "1/1/2015 after 2:00", "2015-01-01T02:00", "AFTER",
     D(2015, 1, 1), None),
])
def test_bounded_time_on_a_day(text: str, found: str, timex: str, mod: str,
                               earliest: dt.date | None, latest: dt.date | None) -> None:
    """A bound on a clock time falls inside its day, which stays possible."""
    e = one(text)
    assert isinstance(e.value, DateValue)
    assert (e.text, e.value.timex, e.value.mod, e.value.earliest, e.value.latest) == (
        found, timex, mod, earliest, latest)


def test_semi_annual_sets() -> None:
    assert one("Dividends are paid semi-annually.").value == "P6M"


@pytest.mark.parametrize("text,expr,timex", [
    ("It struck on Friday the 13th.", "Friday the 13th", "2023-10-13"),
    ("We met on tuesday the seventh.", "tuesday the seventh", "2023-11-07"),
    ("Sales for the 2nd quarter of 2013.", "the 2nd quarter of 2013", "2013-Q2"),
    ("Results for 2019-Q1 are out.", "2019-Q1", "2019-Q1"),
    ("Results for 2019 H2 are out.", "2019 H2", "2019-H2"),
    ("Listen to 1990s music.", "1990s", "199"),
    ("The contract ends in 2150.", "2150", "2150"),
    ("It opened on 14 nov 2019.", "14 nov 2019", "2019-11-14"),
    ("They met on Easter Monday.", "Easter Monday", "2023-04-10"),
    ("They met on christmas eve.", "christmas eve", "2022-12-24"),
    ("Riots broke out at Christmas 2010.", "Christmas 2010", "2010-12-25"),
    ("It rained in the first week of 2019.", "the first week of 2019", "2019-W01"),
])
def test_weekday_days_quarters_decades_holidays(text: str, expr: str, timex: str) -> None:
    assert dates(text) == [(expr, timex)]


def test_week_of_month_has_its_bounds() -> None:
    v = dv("It closed in the last week of July 2016.")
    assert (v.timex, v.earliest, v.latest) == ("2016-07-WL", D(2016, 7, 25), D(2016, 7, 31))


def test_weekday_then_count_is_not_a_day() -> None:
    assert dates("On Monday 21 people died.") == [("Monday", "2023-11-06")]


@pytest.mark.parametrize("text,expr,timex", [
    ("It began on the second of August.", "the second of August", "2023-08-02"),
    ("The court sat on the 18th, officials said.", "the 18th", "2023-10-18"),
    ("It was paid on 11/20.", "11/20", "2022-11-20"),
    ("Payment is due on 11/20.", "11/20", "2023-11-20"),
    ("Prices rose at the end of the year.", "the end of the year", "2023"),
    ("Reply by end of day.", "end of day", "2023-11-10"),
])
def test_ordinal_days_month_day_slash_and_end_of(text: str, expr: str, timex: str) -> None:
    assert dates(text) == [(expr, timex)]


@pytest.mark.parametrize("text", [
    "At the end of the day, the deal failed.",   # an idiom
    "It was built in the 18th century.",          # not "on the 18th"
    "The end of the war came quickly.",
])
def test_not_days(text: str) -> None:
    assert [t for _, t in dates(text) if len(t) == 10] == []


@pytest.mark.parametrize("text,expr,timex", [
    ("We meet next week on Tuesday.", "next week on Tuesday", "2023-11-14"),
    ("We meet Wednesday evening next week.", "Wednesday evening next week", "2023-11-15TEV"),
    ("It was signed Friday 5/12.", "Friday 5/12", "2023-05-12"),
    ("The quake hit 30 minutes ago.", "30 minutes ago", "2023-11-10"),
    ("He left on Tuesday in the morning.", "Tuesday in the morning", "2023-11-07TMO"),
])
def test_weeks_with_weekdays_and_moments(text: str, expr: str, timex: str) -> None:
    assert dates(text) == [(expr, timex)]


@pytest.mark.parametrize("text,expr,timex", [
    ("Polls ran between 3am - 12pm on Monday.", "between 3am - 12pm on Monday",
     "2023-11-06T03:00/2023-11-06T12:00"),
    ("It ran from 10:30 to 3 on 1/1/2015.", "from 10:30 to 3 on 1/1/2015",
     "2015-01-01T10:30/2015-01-01T15:00"),
    ("Leave runs from 10/1/2018 - 10/7/2018.", "from 10/1/2018 - 10/7/2018",
     "2018-10-01/2018-10-07"),
    ("Rain is due between today and tomorrow.", "between today and tomorrow",
     "2023-11-10/2023-11-11"),
    ("The sales ran from 2014 till 2018.", "from 2014 till 2018", "2014/2018"),
])
def test_ranges_between_two_dates_or_times(text: str, expr: str, timex: str) -> None:
    assert dates(text) == [(expr, timex)]


def test_day_coordinated_with_a_full_date_takes_its_month() -> None:
    assert dates("Talks were held on 18 and 19 June 2019.") == [
        ("18", "2019-06-18"), ("19 June 2019", "2019-06-19")]


def test_lets_marks_the_future() -> None:
    assert dates("Let's meet on Tuesday.") == [("Tuesday", "2023-11-14")]


@pytest.mark.parametrize("text,expr,value", [
    ("The board meets Tuesdays at 9am.", "Tuesdays at 9am", "XXXX-WXX-2T09:00"),
    ("Markets open Friday mornings.", "Friday mornings", "XXXX-WXX-5TMO"),
    ("The siren sounds every day at 7:13 p.m.", "every day at 7:13 p.m.", "XXXX-XX-XXT19:13"),
])
def test_sets_with_times(text: str, expr: str, value: str) -> None:
    e = one(text)
    assert (e.kind, e.text, e.value) == ("set", expr, value)


@pytest.mark.parametrize("text,expr,timex", [
    ("See sales_report-2002-10-09.xlsx for details.", "2002-10-09", "2002-10-09"),
    ("Logged 2019-aug-01 by the clerk.", "2019-aug-01", "2019-08-01"),
    ("Logged Sep-23-2020 by the clerk.", "Sep-23-2020", "2020-09-23"),
    ("Marches were held on Juneteenth.", "Juneteenth", "2023-06-19"),
    ("Parades were held on St. Patrick's Day.", "St. Patrick's Day", "2023-03-17"),
])
def test_dates_in_names_and_more_holidays(text: str, expr: str, timex: str) -> None:
    assert dates(text) == [(expr, timex)]


def test_phone_number_is_not_an_iso_date() -> None:
    assert [t for _, t in dates("Tel: +86 2010-2015-86") if "-" in t] == []


@pytest.mark.parametrize("text,expr,timex", [
    ("It ended at fifteen past eight in the morning.", "fifteen past eight in the morning",
     "T08:15"),
    ("Doors open at six pm.", "six pm", "T18:00"),
    ("It was signed June 26th of 2020.", "June 26th of 2020", "2020-06-26"),
    ("Pay on the 15th day of next month.", "the 15th day of next month", "2023-12-15"),
    ("The raid came tonight at 1am.", "tonight at 1am", "2023-11-10T01:00"),
    ("We met Monday at 2.30.", "Monday at 2.30", "2023-11-06T02:30"),
])
def test_spoken_times_and_days(text: str, expr: str, timex: str) -> None:
    assert dates(text) == [(expr, timex)]


def test_price_after_a_day_is_not_a_time() -> None:
    assert dates("Shares closed Monday at 2.30 a share.") == [("Monday", "2023-11-06")]


@pytest.mark.parametrize("text,expr,timex", [
    # a schedule told in the present: the April nearest the November anchor, next April
    ("Doors open from 5 to 6pm of April 22.", "from 5 to 6pm of April 22",
     "2024-04-22T17:00/2024-04-22T18:00"),
    ("Dates are free the week of April 10th.", "the week of April 10th", "2024-W15"),
    ("The clinic opens Monday 9-5.", "Monday 9-5", "2023-11-06T09:00/2023-11-06T17:00"),
    ("It was filed on 22/04.", "22/04", "2023-04-22"),
])
def test_weeks_of_days_office_hours_and_day_month(text: str, expr: str, timex: str) -> None:
    assert dates(text) == [(expr, timex)]


def test_score_after_a_day_is_not_office_hours() -> None:
    assert dates("They won Monday 3-2.") == [("Monday", "2023-11-06")]


def test_year_ranges_need_plausible_spans_and_no_chain() -> None:
    assert dates("Is this a valid date? 2015-32") == []
    assert dates("Tel: +86 2010-2015-86") == []
    assert dates("the 1939-45 war") == [("1939", "1939"), ("45", "1945")]


def test_a_second_wave_is_not_one_second() -> None:
    assert find_dates("Officials feared a second wave.", ANCHOR) == []
    assert one("Wait a second.").value == "PT1S"


@pytest.mark.parametrize("text,expr,value", [
    ("It took 3 hours 30 minutes.", "3 hours 30 minutes", "PT3H30M"),
    ("It took 1 hour and 30 minutes.", "1 hour and 30 minutes", "PT1H30M"),
    ("Plans cover the 5 upcoming years.", "the 5 upcoming years", "P5Y"),
    ("Delivery takes 4 business days.", "4 business days", "P4D"),
])
def test_compound_and_inverted_durations(text: str, expr: str, value: str) -> None:
    e = one(text)
    assert (e.kind, e.text, e.value) == ("duration", expr, value)


def test_same_unit_durations_stay_apart() -> None:
    assert [e.value for e in find_dates("It took 2 days and 3 days.", ANCHOR)] == ["P2D", "P3D"]


@pytest.mark.parametrize("text,expr,timex", [
    ("Rooms are booked for the first 2 weeks of 2021.", "the first 2 weeks of 2021",
     "2021-01-01/2021-01-14"),
    ("They leave the third month of 2021.", "the third month of 2021", "2021-03"),
])
def test_parts_of_a_year(text: str, expr: str, timex: str) -> None:
    assert dates(text) == [(expr, timex)]


def test_prepositions_far_from_the_digits_are_seen() -> None:
    assert dates("It was paid from 10/1 to 11/7.") == [
        ("from 10/1 to 11/7", "2023-10-01/2023-11-07")]
    assert dates("It must be done before the 18th.") == [("the 18th", "2023-10-18")]


# ------------------------------------------------- signals: bounds and counted offsets


def sig(text: str, anchor: dt.date | None = ANCHOR) -> tuple[Expression, str]:
    """The one expression of ``text`` and the words of its signal."""
    e = one(text, anchor)
    assert e.signal is not None, e
    return e, text[e.signal[0]:e.signal[1]]


@pytest.mark.parametrize("text,mod,earliest,latest,signal", [
    ("Prices rose after 2018.", "AFTER", D(2019, 1, 1), None, "after"),
    ("The deal closed before May 2, 2023.", "BEFORE", None, D(2023, 5, 1), "before"),
    ("Output has fallen since March.", "ON_OR_AFTER", D(2023, 3, 1), ANCHOR, "since"),
    ("The rule applies from no later than January 1, 2010.", "ON_OR_BEFORE", None,
     D(2010, 1, 1), "no later than"),
    ("Sales of 2018 or later models rose.", "ON_OR_AFTER", D(2018, 1, 1), None, "or later"),
    ("Talks will run until Friday.", "ON_OR_BEFORE", None, D(2023, 11, 10), "until"),
    ("The bill must pass by 2030.", "ON_OR_BEFORE", None, D(2030, 12, 31), "by"),
    ("Shops open starting January 7th, 2024.", "ON_OR_AFTER", D(2024, 1, 7), None,
     "starting"),
])
def test_bounding_signal_opens_the_value(text: str, mod: str, earliest: dt.date | None,
                                         latest: dt.date | None, signal: str) -> None:
    """The preposition is a TimeML SIGNAL: outside the span, inside the value."""
    e, words = sig(text)
    v = e.value
    assert isinstance(v, DateValue)
    assert (v.mod, v.granularity, v.earliest, v.latest, words) == (
        mod, "interval", earliest, latest, signal)
    assert e.extent[0] <= e.span[0] and e.extent[1] >= e.span[1]
    assert e.to_json()["mod"] == mod


def test_bounded_value_keeps_the_stated_timex() -> None:
    """"after 2018" is TIMEX3 2018 with mod AFTER, as TempEval scores the value."""
    v = dv("Growth slowed after 2018.")
    assert (v.timex, v.mod) == ("2018", "AFTER")


def test_since_a_future_day_is_open() -> None:
    v = dv("The office will be closed since tomorrow.")
    assert (v.mod, v.earliest, v.latest) == ("ON_OR_AFTER", D(2023, 11, 11), None)


def test_bound_without_anchor_has_no_bounds() -> None:
    v = dv("Output has fallen since April 13.", None)
    assert (v.timex, v.mod, v.earliest, v.latest) == ("XXXX-04-13", "ON_OR_AFTER", None, None)


def test_bound_on_a_clock_time() -> None:
    e, words = sig("Shops close after 6pm.")
    assert isinstance(e.value, DateValue)
    assert (e.value.timex, e.value.mod, words) == ("T18:00", "AFTER", "after")


@pytest.mark.parametrize("text", [
    "After all, the plan failed.",
    "Since then, prices have risen.",
    "The court ruled in 2 cases.",
    "He was hit by 2 cars.",
])
def test_signal_words_without_a_date_are_nothing(text: str) -> None:
    assert [e for e in find_dates(text, ANCHOR) if e.kind in ("date", "time")] == []


def test_possessive_is_not_a_bound() -> None:
    """"by Monday's vote": the agent of a passive, not a deadline."""
    e = one("The bill was blocked by Monday's vote.")
    assert e.signal is None and isinstance(e.value, DateValue) and e.value.mod is None


def test_and_after_before_another_date_stays_apart() -> None:
    """"1/1/2016 and after 6PM": "after" bounds the time, not the day."""
    found = find_dates("You can only leave on 1/1/2016 and after 6PM", ANCHOR)
    assert [(e.text, getattr(e.value, "mod", None)) for e in found] == [
        ("1/1/2016", None), ("6PM", "AFTER")]


@pytest.mark.parametrize("text,timex,signal", [
    ("The minister will decide in two weeks.", "2023-11-24", "in"),
    ("I will be back in 5 minutes.", "2023-11-10", "in"),
    ("The firm expects a profit in 3 years.", "2026", "in"),
    ("Elections will be held in two months.", "2024-01", "in"),
    ("The mission will end within 9 months.", "2023-11-10/2024-08-10", "within"),
    ("Rain is expected in the next two days.", "2023-11-10/2023-11-12", "in"),
])
def test_in_a_duration_is_counted_from_the_anchor(text: str, timex: str, signal: str) -> None:
    e, words = sig(text)
    assert (e.kind, getattr(e.value, "timex", None), words) == ("date", timex, signal)


@pytest.mark.parametrize("text,value", [
    ("The city fell in two days.", "P2D"),
    ("Prices doubled in two years.", "P2Y"),
    ("Output grew 5% in the past two weeks.", "P2W"),
    ("It took about 3 weeks.", "P3W"),
])
def test_in_a_duration_in_past_narration_stays_a_duration(text: str, value: str) -> None:
    e = one(text)
    assert (e.kind, e.value, e.signal) == ("duration", value, None)


def test_in_a_duration_without_anchor_is_unknown_day() -> None:
    e, _ = sig("I will be back in two days.", None)
    assert isinstance(e.value, DateValue) and e.value.timex == "XXXX-XX-XX"


# ------------------------------------------------------------ the present, parts of day


@pytest.mark.parametrize("text,found", [
    ("He is now the head of the company.", "now"),
    ("Right now the talks are stalled.", "Right now"),
    ("The firm currently employs 300 people.", "currently"),
])
def test_now_is_the_present_without_bounds(text: str, found: str) -> None:
    """TimeML's PRESENT_REF; no calendar bounds, so no event date is compared with it."""
    e = one(text)
    assert isinstance(e.value, DateValue)
    assert (e.text, e.value.timex, e.value.earliest, e.value.latest) == (
        found, "PRESENT_REF", None, None)


@pytest.mark.parametrize("text", [
    "Now that the war is over, trade resumed.",
    "It happens every now and then.",
    "The now-defunct airline folded.",
])
def test_now_as_a_conjunction_or_idiom_is_not_a_date(text: str) -> None:
    assert dates(text) == []


def test_from_now_stays_with_its_duration() -> None:
    assert dates("The plant will close two years from now.") == [
        ("two years from now", "2025")]


@pytest.mark.parametrize("text,found,timex", [
    ("The storm hit in the late afternoon.", "late afternoon", "TAF"),
    ("Police arrived early in the morning.", "early in the morning", "TMO"),
])
def test_part_of_an_unstated_day(text: str, found: str, timex: str) -> None:
    assert dates(text) == [(found, timex)]


def test_part_of_day_joins_its_day() -> None:
    assert dates("Police arrived on Sunday late evening.") == [
        ("Sunday late evening", "2023-11-05TEV")]


# ------------------------------------------------------- durations anchored to a start


@pytest.mark.parametrize("text,found,timex", [
    ("Offices close for 3 days starting from next Monday.",
     "3 days starting from next Monday", "2023-11-13/2023-11-15"),
    ("Roads are shut for a week starting tomorrow.", "a week starting tomorrow",
     "2023-11-11/2023-11-17"),
])
def test_duration_starting_a_day_is_an_interval(text: str, found: str, timex: str) -> None:
    assert dates(text) == [(found, timex)]


def test_qualified_duration_starting_a_day_stays_apart() -> None:
    """"more than 3 days starting Monday" bounds a length; it does not fix the end."""
    found = find_dates("It lasts more than 3 days starting Monday.", ANCHOR)
    assert [e.kind for e in found] == ["duration", "date"]


@pytest.mark.parametrize("text,found,timex", [
    ("The meeting runs from 2pm for 2 hours.", "from 2pm for 2 hours", "T14:00/T16:00"),
    ("The meeting runs for 3 hours from 10 am.", "for 3 hours from 10 am", "T10:00/T13:00"),
    ("The hall is booked from 10 am for 3 hours 30 minutes.",
     "from 10 am for 3 hours 30 minutes", "T10:00/T13:30"),
])
def test_clock_time_for_a_duration_is_an_interval(text: str, found: str, timex: str) -> None:
    assert dates(text) == [(found, timex)]


def test_clock_time_for_a_duration_past_midnight_stays_apart() -> None:
    found = find_dates("Doors open from 11pm for 3 hours.", ANCHOR)
    assert [e.kind for e in found] == ["time", "duration"]


# --------------------------------------------------------- relative holidays, more units


@pytest.mark.parametrize("text,found,timex", [
    ("We met last Easter.", "last Easter", "2023-04-09"),
    ("We will meet next easter.", "next easter", "2024-03-31"),
    ("They return next Christmas.", "next Christmas", "2023-12-25"),
    ("The fair was held this Halloween.", "this Halloween", "2023-10-31"),
])
def test_relative_holidays(text: str, found: str, timex: str) -> None:
    assert dates(text) == [(found, timex)]


def test_lower_case_holiday_alone_is_not_a_date() -> None:
    assert dates("The game hides an easter egg.") == []


@pytest.mark.parametrize("text,timex,mod", [
    ("Models from later than 2020 qualify.", "2020", "AFTER"),
    ("Cars built in 2018 or later qualify.", "2018", "ON_OR_AFTER"),
])
def test_year_bounded_by_comparison(text: str, timex: str, mod: str) -> None:
    v = dv(text)
    assert (v.timex, v.mod) == (timex, mod)


@pytest.mark.parametrize("text,found,value", [
    ("Book a room for two nights.", "two nights", "P2D"),
    ("The shop was open all day.", "all day", "P1D"),
    ("It lasts one and a half hour.", "one and a half hour", "PT1.5H"),
    ("It lasts one hour and half.", "one hour and half", "PT90M"),
])
def test_more_duration_forms(text: str, found: str, value: str) -> None:
    e = one(text)
    assert (e.kind, e.text, e.value) == ("duration", found, value)


def test_a_night_out_is_not_a_duration() -> None:
    assert find_dates("They enjoyed a night out.", ANCHOR) == []


# ------------------------------------------------------------------------ more ranges


@pytest.mark.parametrize("text,found,timex", [
    ("Offices close from next Monday to Friday.", "from next Monday to Friday",
     "2023-11-13/2023-11-17"),
    ("The fair runs from 10/1 to 11/7.", "from 10/1 to 11/7", "2023-10-01/2023-11-07"),
    ("Leave was granted from 10/1/2018-10/7/2018.", "from 10/1/2018-10/7/2018",
     "2018-10-01/2018-10-07"),
    ("The trial ran January 12, 2016 - 01/22/2016.", "January 12, 2016 - 01/22/2016",
     "2016-01-12/2016-01-22"),
])
def test_more_date_ranges(text: str, found: str, timex: str) -> None:
    assert dates(text) == [(found, timex)]


def test_dash_between_resolved_days_needs_from() -> None:
    """Without "from", a dash between days the anchor placed is no range."""
    assert len(find_dates("Monday - Friday", ANCHOR)) == 2


def test_slash_date_in_a_digit_chain_is_not_a_date() -> None:
    assert dates("Call 10/1/2018-5.") == []


def test_between_a_day_and_now() -> None:
    e = one("Prices rose between Jan 22 and now.")
    assert isinstance(e.value, DateValue)
    assert (e.text, e.value.timex) == ("between Jan 22 and now", "2023-01-22/PRESENT_REF")


@pytest.mark.parametrize("text,found,timex", [
    ("Talks resume the week of the 18th.", "the week of the 18th", "2023-W42"),
    ("It ends the last week of this month.", "the last week of this month", "2023-11-WL"),
    ("It began the first week of last month.", "the first week of last month", "2023-10-W1"),
    # the first week of a month runs from its 1st, whatever weekday that is
    ("Meet in the 1st week of Oct. 2024 on Friday.", "the 1st week of Oct. 2024 on Friday",
     "2024-10-04"),
])
def test_weeks_of_months(text: str, found: str, timex: str) -> None:
    assert dates(text) == [(found, timex)]


@pytest.mark.parametrize("text,mod", [
    ("Leave on 1/1/2016 and after.", "ON_OR_AFTER"),
    ("It was in May 2019 or before.", "ON_OR_BEFORE"),
])
def test_trailing_bound_includes_the_date(text: str, mod: str) -> None:
    assert dv(text).mod == mod


def test_trailing_after_with_a_clause_is_no_bound() -> None:
    """"1/1/2016 and after my work is done": "after" starts a clause."""
    assert dv("I can leave on 1/1/2016 and after my work is done.").mod is None


def test_or_later_than_belongs_to_the_next_year() -> None:
    found = find_dates("Sales between 2015 and 2018 or later than 2020.", ANCHOR)
    assert [(e.text, getattr(e.value, "mod", None)) for e in found] == [
        ("between 2015 and 2018", None), ("2020", "AFTER")]


def test_by_before_an_attributive_year_is_no_deadline() -> None:
    """"replaced by 2019 champion Smith": the year describes the champion."""
    v = dv("He was replaced by 2019 champion Smith.")
    assert (v.timex, v.mod) == ("2019", None)


@pytest.mark.parametrize("text,found,timex,mod", [
    ("It closes at the end of today.", "the end of today", "2023-11-10", None),
    ("It must pass by the end of Friday.", "the end of Friday", "2023-11-10", "ON_OR_BEFORE"),
])
def test_end_of_a_day_is_that_day(text: str, found: str, timex: str, mod: str | None) -> None:
    e = one(text)
    assert isinstance(e.value, DateValue)
    assert (e.text, e.value.timex, e.value.mod) == (found, timex, mod)


def test_end_of_the_day_idiom_stays_no_date() -> None:
    assert dates("At the end of the day, voters decide.") == []


# ---------------------------------------------------------------- year of a year-less date


@pytest.mark.parametrize("text,expr,timex", [
    # no tense: the occurrence nearest the publication date (10 Nov 2023)
    ("The coupon is payable Jan. 5 to holders of record Dec. 12.", "Jan. 5", "2024-01-05"),
    ("The coupon is payable Jan. 5 to holders of record Dec. 12.", "Dec. 12", "2023-12-12"),
    ("The warrants expire Dec. 1, the bank said.", "Dec. 1", "2023-12-01"),
    ("Talks are supposed to end by February.", "February", "2024-02"),
    # told in the past: the last one before the publication date
    ("The plant closed on Dec. 1 after a fire.", "Dec. 1", "2022-12-01"),
    ("In December, the mayor resigned.", "December", "2022-12"),
    ("She told reporters in December that she would run.", "December", "2022-12"),
    # a past verb, but the date is the deadline it set: nearest
    ("The offer was extended to Dec. 4.", "Dec. 4", "2023-12-04"),
    # future, also when reported: "would", "will"
    ("He said the mill would reopen in March.", "March", "2024-03"),
    # "since" looks back
    ("Prices have risen steadily since March.", "March", "2023-03"),
])
def test_year_of_a_month_or_day_written_without_one(text: str, expr: str, timex: str) -> None:
    assert (expr, timex) in dates(text)


# ---------------------------------------------------------------- vague past and future


@pytest.mark.parametrize("text,expr,timex", [
    ("The mayor recently moved to a new office.", "recently", "PAST_REF"),
    ("More recently, the firm has hired engineers.", "More recently", "PAST_REF"),
    ("Until recently the club played in a smaller hall.", "recently", "PAST_REF"),
    ("In the past, floods have closed the road.", "the past", "PAST_REF"),
    ("Fares may rise in the near future.", "the near future", "FUTURE_REF"),
    ("The bridge will soon reopen.", "soon", "FUTURE_REF"),
    ("Few people write letters these days.", "these days", "PRESENT_REF"),
])
def test_vague_past_present_and_future(text: str, expr: str, timex: str) -> None:
    assert dates(text) == [(expr, timex)]


@pytest.mark.parametrize("text", [
    "Call us as soon as you can.",
    "Soon after the vote, the crowd left.",
    "Over the past two years the town grew.",
])
def test_no_vague_time_where_it_is_a_conjunction_or_a_duration(text: str) -> None:
    assert all(t not in ("FUTURE_REF", "PAST_REF") for _, t in dates(text))


# ---------------------------------------------------------------- reference periods


def test_the_quarter_and_the_year_ago_quarter_refer_to_the_quarter_named() -> None:
    text = ("The bakery chain lost $3 million in the second quarter. In the year-ago "
            "quarter it earned $1 million. Sales in the quarter fell 4%, and costs rose "
            "from a year earlier.")
    found = dict(dates(text))
    assert found["the second quarter"] == "2023-Q2"
    assert found["the year-ago quarter"] == "2022-Q2"
    assert found["the quarter"] == "2023-Q2"
    assert found["a year earlier"] == "2022-Q2"


def test_a_year_earlier_without_a_quarter_named_is_the_year() -> None:
    assert dates("Prices doubled from a year earlier.") == [("a year earlier", "2022")]


def test_the_quarter_alone_without_a_named_one_is_not_a_date() -> None:
    assert dates("Each player had a quarter of the pie.") == []


@pytest.mark.parametrize("text,found", [
    ("The board raised its quarterly dividend.", []),
    ("Average daily volume fell.", []),
    ("The fee is paid quarterly.", [("quarterly", "P3M")]),
    ("Rates are reset annually.", [("annually", "P1Y")]),
])
def test_quarterly_before_a_noun_is_an_adjective_not_a_set(text: str, found: list) -> None:
    assert [(e.text, e.value) for e in find_dates(text, ANCHOR)] == found


# ---------------------------------------------------------------- a duration is never a date


@pytest.mark.parametrize("text,expr", [
    ("It is the worst drought in two decades.", "two decades"),
    ("Exports reached their highest level in 15 years last month.", "15 years"),
    ("For the first time in a decade, the lake froze.", "a decade"),
    ("It has not snowed in the valley in three years.", "three years"),
    ("The costliest storm in 30 years is now over.", "30 years"),
])
def test_a_stretch_looked_back_over_is_a_duration_not_a_future_date(text: str,
                                                                     expr: str) -> None:
    kinds = {e.text: e.kind for e in find_dates(text, ANCHOR)}
    assert kinds.get(expr) == "duration"


def test_in_three_years_ahead_is_still_a_date() -> None:
    assert dates("The new line will open in three years.") == [("three years", "2026")]


def test_a_plan_told_in_the_past_takes_the_nearest_day() -> None:
    # "was going to": the plan's date is not forced into next year
    assert dates("The site was going to be closed on Nov. 2.") == [("Nov. 2", "2023-11-02")]


# ---------------------------------------------------------------- weekdays around publication


@pytest.mark.parametrize("text,expr,timex", [
    # the anchor (10 Nov 2023) is a Friday
    ("Rescuers arrived early Saturday at the site.", "Saturday", "2023-11-04"),
    ("The storm struck late Sunday night, officials said.", "Sunday night", "2023-11-05TNI"),
    ("Police raided the depot on Monday night.", "Monday night", "2023-11-06TNI"),
    ("The ferry sank overnight Tuesday.", "Tuesday", "2023-11-07"),
    ("The minister resigned Wednesday.", "Wednesday", "2023-11-08"),
    ("Early Thursday, the fire spread to the hills.", "Thursday", "2023-11-09"),
    ("The toll rose to 40 on Friday, the agency said.", "Friday", "2023-11-10"),
    ("Aid convoys will arrive Monday.", "Monday", "2023-11-13"),
])
def test_a_weekday_is_the_one_at_or_before_publication_unless_future(text: str, expr: str,
                                                                     timex: str) -> None:
    assert (expr, timex) in dates(text)


def test_the_quarter_unnamed_in_a_results_report_is_the_last_completed_one() -> None:
    text = "The chain's net income fell 5% in the quarter, to $2 million."
    assert ("the quarter", "2023-Q3") in dates(text)


@pytest.mark.parametrize("text,expr,timex", [
    ("The mayor's office in today's paper.", "today", "2023-11-10"),
    ("Tomorrow's vote will decide it.", "Tomorrow", "2023-11-11"),
    ("The firm's 2022 results were weak.", "2022", "2022"),
    ("Growth should continue into 2024.", "2024", "2024"),
    ("Analysts cut forecasts for 2024 and 2025.", "2024", "2024"),
])
def test_possessive_days_and_years_qualifying_a_noun(text: str, expr: str, timex: str) -> None:
    assert (expr, timex) in dates(text)


def test_a_number_before_a_plural_noun_after_a_possessive_is_still_a_count() -> None:
    assert dates("The firm's 2000 employees were sent home.") == []


@pytest.mark.parametrize("text,expr,timex", [
    ("Profit was higher in the 2022 third quarter.", "the 2022 third quarter", "2022-Q3"),
    ("Sales beat the year-ago second quarter.", "the year-ago second quarter", "2022-Q2"),
    ("Net income rose in the third quarter; in the 2022 period it fell.", "the 2022 period",
     "2022-Q3"),
])
def test_quarters_qualified_by_a_year(text: str, expr: str, timex: str) -> None:
    assert (expr, timex) in dates(text)


def test_the_past_before_a_count_of_units_is_not_the_vague_past() -> None:
    assert all(t != "PAST_REF" for _, t in dates("Costs rose in the past two quarters."))


def test_a_weekday_deadline_that_had_been_set_is_the_past_one() -> None:
    # "had been due to": the plan was for a day now gone (anchor: Friday 10 Nov 2023)
    assert ("Wednesday", "2023-11-08") in dates("The offer had been due to lapse Wednesday.")
    assert ("Wednesday", "2023-11-15") in dates("The offer is due to lapse Wednesday.")


@pytest.mark.parametrize("text,expr,timex", [
    ("The band formed in nineteen eighty-four.", "nineteen eighty-four", "1984"),
    ("It opened in March nineteen ninety-nine.", "March nineteen ninety-nine", "1999-03"),
    ("We met in the year two thousand.", "the year two thousand", "2000"),
    ("Prices have doubled since two thousand and five.", "two thousand and five", "2005"),
])
def test_years_spelled_out(text: str, expr: str, timex: str) -> None:
    assert (expr, timex) in dates(text)


def test_a_spelled_count_is_not_a_year() -> None:
    assert dates("Twenty five people were rescued and nineteen fifty were missing.") == []


@pytest.mark.parametrize("text,expr,value", [
    ("They began a two day march.", "two day", "P2D"),
    ("It is a five year plan.", "five year", "P5Y"),
])
def test_a_duration_modifier_written_without_its_hyphen(text: str, expr: str,
                                                       value: str) -> None:
    assert [(e.text, e.value) for e in find_dates(text, ANCHOR)] == [(expr, value)]


@pytest.mark.parametrize("text,expr,timex", [
    # anchor: Friday 10 Nov 2023
    ("Sales stayed weak well into the summer.", "the summer", "2023-SU"),
    ("Crews will work through the winter.", "the winter", "2023-WI"),
    ("Traders sold ahead of the weekend.", "the weekend", "2023-W45-WE"),
    ("The mill closed in 2019, and the following year it was sold.", "the following year",
     "2020"),
    ("Rates rose in March 2021. That month, loans fell.", "That month", "2021-03"),
    ("Turnover for October was high.", "October", "2023-10"),
])
def test_seasons_weekends_and_years_named_by_reference(text: str, expr: str,
                                                       timex: str) -> None:
    assert (expr, timex) in dates(text)


def test_that_year_without_a_year_named_before_is_not_read() -> None:
    assert dates("That year was a good one for the farm.") == []


@pytest.mark.parametrize("text,expr,timex", [
    # a decimal point or an abbreviation does not end the clause: "will" still rules
    ("The bank said it will repay 2.5 million notes on Dec. 4.", "Dec. 4", "2023-12-04"),
    # "has set" is no past tense; a deadline set is the next one
    ("The club has set Dec. 9 as the deadline.", "Dec. 9", "2023-12-09"),
    # "to be completed": ahead
    ("The sale is to be completed around Dec. 20.", "Dec. 20", "2023-12-20"),
    # "had been set to expire": a plan of the past, the nearest day
    ("The offer had been set to expire Nov. 14.", "Nov. 14", "2023-11-14"),
    # the first marker after a sentence-initial date decides: "announced" before "plans to"
    ("In September, it announced plans to build a plant.", "September", "2023-09"),
])
def test_tense_markers_around_a_year_less_date(text: str, expr: str, timex: str) -> None:
    assert (expr, timex) in dates(text)


def test_a_reporting_verb_of_the_sentence_before_tells_no_tense() -> None:
    """"told reporters in May" is past, but a "said" that ends the sentence before says
    nothing of the next one: "The club has set Dec. 9 ..." is the coming Dec. 9."""
    text = "The owners said they hold most of the shares. Harlow has set Dec. 9 as the deadline."
    assert dates(text) == [("Dec. 9", "2023-12-09")]
    assert dates("The coach told reporters in May that he would stay.") == [("May", "2023-05")]


def test_a_sentence_wrapped_over_two_lines_keeps_its_verb() -> None:
    """"In April, 30 crates\nwere seized": the past verb on the next line tells April's year
    (a line break before a lower-case word does not end the sentence)."""
    assert dates("Markets were calm. In April, 30 crates\nwere seized.") == [
        ("April", "2023-04")]


@pytest.mark.parametrize("text,expr,timex", [
    ("In June last year the leaders split.", "June last year", "2022-06"),
    ("Prices rose in January this year.", "January this year", "2023-01"),
    (("Costs fell in the second quarter, from $4 million in the corresponding period last "
      "year."), "the corresponding period last year", "2022-Q2"),
    ("Profit rose in the second quarter, up from the quarter a year ago.",
     "the quarter a year ago", "2022-Q2"),
])
def test_months_and_quarters_of_a_year_named_relative_to_now(text: str, expr: str,
                                                             timex: str) -> None:
    assert (expr, timex) in dates(text)


def test_a_year_earlier_after_a_year_ago_quarter_is_not_two_years_back() -> None:
    text = ("Net income rose in the third quarter. In the year-ago quarter it was lower. "
            "Sales were $5 million, up from $4 million a year earlier.")
    found = dict(dates(text))
    assert found["the year-ago quarter"] == "2022-Q3"
    assert found["a year earlier"] == "2022-Q3"


def test_a_period_named_by_reference_keeps_its_possessive() -> None:
    text = ("Net income rose in the second quarter. The latest quarter's sales were "
            "higher, and the year-ago quarter's margin was thin.")
    found = dict(dates(text))
    assert found["The latest quarter"] == "2023-Q2"
    assert found["the year-ago quarter"] == "2022-Q2"


def test_the_full_year_in_a_report_of_results_is_the_year_of_its_quarter() -> None:
    text = ("Net income fell in the second quarter. Revenue for the full year should "
            "reach $9 million.")
    assert dict(dates(text))["the full year"] == "2023"
    assert dict(dates("Net income fell in the fourth quarter of 2021. Revenue for the "
                      "whole year was $9 million."))["the whole year"] == "2021"
    assert dates("The full year was dry, farmers said.") == []  # no results, no quarter


@pytest.mark.parametrize("text", [
    'The minister said on the "This Week" programme that talks would go on.',
    "He told USA Today that he had won.",
])
def test_a_time_word_capitalized_inside_a_name_is_no_time(text: str) -> None:
    assert dates(text) == []


def test_a_title_case_headline_keeps_its_time_words() -> None:
    assert ("Today", "2023-11-10") in dates("Storm Hits Coast Today\nThe storm hit the coast.")


@pytest.mark.parametrize("text,expr", [
    ("He left the village several years ago.", "several years ago"),
    ("Years ago, the town was rich.", "Years ago"),
    ("The shop opened a few months ago.", "a few months ago"),
])
def test_a_vague_time_ago_is_the_vague_past(text: str, expr: str) -> None:
    assert dates(text) == [(expr, "PAST_REF")]


def test_a_counted_time_ago_is_still_a_date() -> None:
    assert dates("The shop opened two years ago.") == [("two years ago", "2021")]


def test_last_month_with_a_day_is_that_day_before_the_anchor() -> None:
    assert dv("The depot was searched last October 4.", D(2025, 3, 10)).timex == "2024-10-04"
    assert dv("The depot was searched last February 4.", D(2025, 3, 10)).timex == "2025-02-04"
    assert dv("Sales fell last October, 12 stores said.", D(2025, 3, 10)).timex == "2024-10"


@pytest.mark.parametrize("text,expr,timex", [
    ("Orders should pick up in next year's second quarter.", "next year's second quarter",
     "2024-Q2"),
    ("Margins were thin in last year's fourth quarter.", "last year's fourth quarter",
     "2022-Q4"),
    ("Output peaked in 2019's third quarter.", "2019's third quarter", "2019-Q3"),
])
def test_a_part_of_a_year_named_before_it_is_of_that_year(text: str, expr: str,
                                                          timex: str) -> None:
    assert dates(text) == [(expr, timex)]


def test_one_day_after_a_modal_is_some_day_ahead() -> None:
    assert dates("The harbour could one day host cruise ships.") == [("one day", "FUTURE_REF")]
    assert dates("The repair could take one day.") == []  # a day long


def test_last_as_a_verb_is_not_part_of_the_duration() -> None:
    assert [e.text for e in find_dates("The camp is built to last ten years.", ANCHOR)] == [
        "ten years"]
    assert [e.text for e in find_dates("The hearing may last four days.", ANCHOR)] == [
        "four days"]
    assert [e.text for e in find_dates("Over the last four days it rained.", ANCHOR)] == [
        "the last four days"]


def test_a_clock_time_then_a_comma_then_its_day_is_one_time() -> None:
    assert dates("Bids close at 4 p.m. PST, Dec. 1.") == [("4 p.m. PST, Dec. 1",
                                                          "2023-12-01T16:00")]


@pytest.mark.parametrize("text,expr,timex", [
    ("The council is acting under a September ruling of the court.", "September", "2023-09"),
    ("Donors have met their July pledge.", "July", "2023-07"),
])
def test_a_month_that_qualifies_a_noun_after_an_article_is_a_date(text: str, expr: str,
                                                                 timex: str) -> None:
    assert dates(text) == [(expr, timex)]


@pytest.mark.parametrize("text", [
    "Fans of the June Carter songs gathered.",  # a name
    "It was a warm April day.",  # a day of no stated date
])
def test_a_month_after_an_article_that_is_a_name_or_an_undated_day(text: str) -> None:
    assert dates(text) == []


@pytest.mark.parametrize("text,expr", [
    ("Brokers expect 2024 earnings to fall.", "2024"),
    ("Analysts had forecast 2024 Norden revenues of $2 billion.", "2024"),
    ("The mayor has cut the 2024 budget.", "2024"),
])
def test_a_year_before_what_a_year_qualifies_is_a_year(text: str, expr: str) -> None:
    assert dates(text) == [(expr, expr)]


def test_a_count_before_other_plural_nouns_stays_a_count() -> None:
    assert dates("The depot shipped 2024 crates.") == []


@pytest.mark.parametrize("text,expr,value", [
    ("The chain has shed jobs over the past three quarters.", "the past three quarters",
     "P9M"),
    ("Margins held for five consecutive quarters.", "five consecutive quarters", "P15M"),
    ("The carrier lost money for several quarters.", "several quarters", "PXM"),
])
def test_quarters_counted_as_a_span_of_time(text: str, expr: str, value: str) -> None:
    assert [(e.text, e.value) for e in find_dates(text, ANCHOR)] == [(expr, value)]


@pytest.mark.parametrize("text", [
    "Three quarters of the crew were rescued.",
    "The guards slept in their quarters.",
    "Three quarters voted to strike.",  # a fraction: no word of time around it
])
def test_quarters_that_are_no_span_of_time(text: str) -> None:
    assert find_dates(text, ANCHOR) == []


@pytest.mark.parametrize("text,expr,value", [
    ("The deal ends months of haggling.", "months", "PXM"),
    ("The valley was farmed for centuries.", "centuries", "PXCE"),
    ("Exports rose for the first time in decades.", "decades", "PXDE"),
])
def test_a_span_of_unstated_length_named_by_its_unit(text: str, expr: str,
                                                     value: str) -> None:
    assert [(e.text, e.value) for e in find_dates(text, ANCHOR)] == [(expr, value)]


@pytest.mark.parametrize("text", [
    "Rain fell on the days of the fair.",
    "Crews worked long hours of the night.",
])
def test_units_of_something_named_are_no_span(text: str) -> None:
    assert find_dates(text, ANCHOR) == []


def durations(text: str) -> list[tuple[str, str]]:
    return [(e.text, str(e.value)) for e in find_dates(text, ANCHOR) if e.kind == "duration"]


@pytest.mark.parametrize("text,expected", [
    ("The audit may take 9 to 14 months.", [("9", "P9M"), ("14 months", "P14M")]),
    ("Visas are issued within 5-8 days.", [("5", "P5D"), ("8 days", "P8D")]),
    ("Each check lasts between 20 and 40 minutes.", [("20", "PT20M"),
                                                     ("40 minutes", "PT40M")]),
    ("The dam could need three or four years of work.", [("three or four years", "PXY")]),
    ("The ward may reopen in a month or two.", [("a month or two", "PXM")]),
    ("The crews rested for a day or so.", [("a day or so", "P1D")]),
])
def test_a_count_told_as_a_range_or_a_guess_is_never_its_last_count(
        text: str, expected: list[tuple[str, str]]) -> None:
    assert durations(text) == expected
    assert dates(text) == []


@pytest.mark.parametrize("text,expr", [
    ("The depot burned a month or so ago.", "a month or so ago"),
    ("The depot burned two or three years ago.", "two or three years ago"),
])
def test_a_guessed_time_ago_is_the_vague_past(text: str, expr: str) -> None:
    assert dates(text) == [(expr, "PAST_REF")]


@pytest.mark.parametrize("text,expr", [
    ("Fares may rise in coming weeks, the operator said.", "coming weeks"),
    ("The mill expects fewer orders in the coming months.", "the coming months"),
    ("The upcoming years will test the league.", "The upcoming years"),
    ("Rents could climb in the months ahead.", "the months ahead"),
    ("Cuts in future years will fund the bridge.", "future years"),
    ("Growth will stay weak in the short term.", "the short term"),
])
def test_the_time_ahead_named_by_its_units_is_the_vague_future(text: str, expr: str) -> None:
    assert dates(text) == [(expr, "FUTURE_REF")]


@pytest.mark.parametrize("text", [
    "The ferry issued short-term bonds.",
    "Relief is coming weeks after the flood.",
])
def test_coming_and_short_term_that_name_no_time_ahead(text: str) -> None:
    assert [t for _, t in dates(text)] in ([], ["PXW"])
    assert "FUTURE_REF" not in [t for _, t in dates(text)]


@pytest.mark.parametrize("text,expr,timex", [
    ("The clinic hopes to reopen by year-end.", "year-end", "2023"),
    ("The port should be dredged around year end.", "year end", "2023"),
    ("Both sides expect a deal by the year's end.", "the year's end", "2023"),
    ("The fund rebalances at month-end.", "month-end", "2023-11"),
])
def test_year_end_after_a_preposition_is_the_end_of_this_year(text: str, expr: str,
                                                             timex: str) -> None:
    assert dates(text) == [(expr, timex)]


@pytest.mark.parametrize("text", [
    "The staff got year-end bonuses.",
    "Prices have eased since year-end.",  # the end of the year before: left unread
])
def test_year_end_as_a_modifier_or_after_since_is_not_read(text: str) -> None:
    assert dates(text) == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 59), st.integers(1, 6)), min_size=1, max_size=6),
       st.integers(0, 20), st.integers(0, 20))
def test_keyword_windows_are_the_merged_reaches_of_their_hits(
        raw: list[tuple[int, int]], before: int, after: int) -> None:
    """Each window is the union of overlapping or touching reaches [hit - before, hit end
    + after), clamped to the text: the fast merge must give exactly that."""
    from reconcile.extraction.temporal.finding import _windows

    n = 60
    hits = sorted((a, min(n, a + w)) for a, w in raw)
    covered = [False] * n
    for a, b in hits:
        for i in range(max(0, a - before), min(n, b + after)):
            covered[i] = True
    runs: list[tuple[int, int]] = []
    for i, c in enumerate(covered):
        if c and (not runs or runs[-1][1] != i):
            runs.append((i, i + 1))
        elif c:
            runs[-1] = (runs[-1][0], i + 1)
    assert _windows("x" * n, ("k",), [], before, after, {("k",): hits}) == runs


_KEY_PIECES = ["to", " to ", "night", "to", "over", "day", "s", "days", "mon", "th", "month",
               "ly", " ", "a", "new year", "every", "e", "past", "ago", "1/2", "½", "week",
               " of", "end", "ed"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_KEY_PIECES), max_size=14))
def test_keywords_found_in_one_scan_are_those_found_one_by_one(pieces: list[str]) -> None:
    """The one scan for every keyword finds each keyword where a search for it alone
    does, overlapping ones included ("tonight" holds "night", "days" holds "day",
    " to to " holds " to " twice), and so gives every pattern the same windows."""
    from reconcile.extraction.temporal import finding

    low = "".join(pieces)
    found = finding._occurrences(low)
    for key in finding._SCANNED:
        alone = [(i, i + len(key)) for i in range(len(low)) if low.startswith(key, i)]
        assert found.get(key, []) == alone, key
    hits: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for _, _, keys, before, after in finding._HANDLERS:
        assert finding._windows(low, keys, [], before, after, hits, found) == \
            finding._windows(low, keys, [], before, after)


# Sentences of our own with the constructions the needed literals stand for, and near
# misses of them (a decimal, a URL, "the" before a number word, a year range).
_NEEDS_TEXTS = [
    "The audit began 2024-03-05 and closed 2024-3-5, files 10.1.2024 and 05.03.2024.",
    "Forms dated 5/3/2024, 12/31/99 and 1/2/3 were filed at https://example.org/2024/03/x.",
    "In the 1990s and the '80s, and in the 2000’s, prices rose 3.5% over 120s.",
    "Payment is due on the 18th, not by the  3rd; the 2 men left on the twentieth.",
    "Call on 11/20 or by 3/4, see Friday 5/12, Fri 7.6 and thursday 29/03 at 2.5 mm.",
    "Sales rose from 1.2 to 3.4 between 2019-2021, on 4/5, page 6/7 and Mon 12.11.",
    "Nothing here but words and a number like 42.",
]


@pytest.mark.parametrize("text", _NEEDS_TEXTS)
def test_needed_literals_skip_no_match(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pattern is skipped in a text lacking what each of its matches holds (see
    ``_NEEDS``): every match of it holds a match of one of its needs, and dates are
    found the same with the needs as without them."""
    from reconcile.extraction.temporal import api, finding

    for pattern, needs in finding._NEEDS.items():
        for m in pattern.compiled().finditer(text):
            assert any(n.search(text, m.start(), m.end()) for n in needs), (pattern, m)
    with_needs = find_dates(text, ANCHOR)
    monkeypatch.setattr(api, "_NEEDS", {})
    assert find_dates(text, ANCHOR) == with_needs


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(
    ["1", "2", "12", "31", "2024", "1990", "0", "-", "/", ".", "'", "’", "s", "th", "the",
     "on ", "Fri ", "Friday ", " ", "  ", "\n", ",", "March", "03", "-03-", "by "]),
    max_size=14))
def test_needed_literals_hold_in_every_match(parts: list[str]) -> None:
    """Whatever the text, each match of a pattern with needs holds one of them."""
    from reconcile.extraction.temporal import finding

    text = "".join(parts)
    for pattern, needs in finding._NEEDS.items():
        for m in pattern.compiled().finditer(text):
            assert any(n.search(text, m.start(), m.end()) for n in needs), (pattern, m)


def test_patterns_compiled_only_where_a_text_needs_them(monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    """A pattern is compiled the first time a text has its keywords (start-up of the
    command): a sentence with a month and a year compiles the calendar-date pattern and
    leaves the holiday and quarter patterns alone; what it finds is what the compiled
    patterns find."""
    from reconcile.extraction.temporal import finding, patterns

    for pattern, *_ in finding._HANDLERS:
        monkeypatch.setattr(pattern, "_compiled", None)
    found = find_dates("The lease ran out in March 2019, the tenants said.", ANCHOR)
    assert [e.value.timex for e in found] == ["2019-03"]
    assert patterns.P_DATE._compiled is not None
    assert patterns.P_HOLIDAY._compiled is None
    assert patterns.P_QUARTER._compiled is None
    assert patterns.P_DATE.compiled() is patterns.P_DATE.compiled()


# ------------------------------------------------- a qualified distance back in time

def test_more_than_a_distance_ago_is_that_far_back_or_further() -> None:
    # "more than"/"over" a distance ago names no day: only a latest one
    for text in ("The bridge was shut more than three weeks ago.",
                 "The bridge was shut over three weeks ago."):
        v = dv(text)
        assert v.timex == "2023-W42"  # the point named stays the value
        assert v.mod == "ON_OR_BEFORE" and v.earliest is None
        assert v.latest == D(2023, 10, 22)


def test_less_than_a_distance_ago_reaches_the_anchor() -> None:
    v = dv("The mayor quit less than two months ago.")
    assert v.mod == "ON_OR_AFTER"
    assert (v.earliest, v.latest) == (D(2023, 9, 1), ANCHOR)


def test_about_a_distance_ago_is_a_range_around_it() -> None:
    v = dv("The mayor quit about ten days ago.")
    assert v.timex == "2023-10-31" and v.granularity == "interval"
    assert v.earliest is not None and v.latest is not None
    assert v.earliest < D(2023, 10, 31) < v.latest <= ANCHOR
    plain = dv("The mayor quit ten days ago.")
    assert plain.granularity == "day" and plain.earliest == plain.latest


# ------------------------------------------------ a declared period from a weekday

WED = D(2023, 11, 8)


def test_a_period_declared_from_a_weekday_starts_on_the_coming_one() -> None:
    # told on a Wednesday, last Saturday's two days were over: the coming Saturday
    assert dates("The council declared two days of mourning from Saturday.", WED) == [
        ("Saturday", "2023-11-11")]
    v = [e.value for e in find_dates(
        "The army imposed a two-day curfew starting Sunday in the port.", WED)
        if isinstance(e.value, DateValue)]
    assert [x.timex for x in v] == ["2023-11-12"]


def test_a_declared_period_still_running_starts_on_the_last_weekday() -> None:
    # told on a Sunday, a three-day period from Friday still runs
    assert dates("The council declared three days of mourning from Friday.",
                 D(2023, 11, 12)) == [("Friday", "2023-11-10")]


def test_a_period_narrated_from_a_weekday_stays_in_the_past() -> None:
    # no declaration: the days told are past ones
    assert dates("Two days of protests raged from Saturday.", WED) == [
        ("Saturday", "2023-11-04")]


def test_a_clock_time_with_a_day_after_it_does_not_take_the_day_before() -> None:
    text = ("Rescuers reached the town on Tuesday. The dam gave way at 4 a.m. local time "
            "(0100 GMT) on Wednesday.")
    found = {e.text: e.value.timex for e in find_dates(text, ANCHOR)
             if isinstance(e.value, DateValue)}
    assert found["Tuesday"] == "2023-11-07" and found["Wednesday"] == "2023-11-08"
    assert not found["4 a.m. local time"].startswith("2023-11-07")

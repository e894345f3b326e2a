"""Tests for reconcile.extraction.numbers: numbers, ordinals, percents and money in news text."""

from __future__ import annotations

import re
import time
from collections import defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.model import Amount, Expression, Quantity
from reconcile.extraction.numbers import (
    CURRENCY_KINDS,
    QUALIFIERS,
    VAGUE,
    _scan,
    find_numbers,
    load_currencies,
)


def one(text: str) -> Expression:
    found = find_numbers(text)
    assert len(found) == 1, found
    return found[0]


def spans(text: str) -> list[str]:
    return [e.text for e in find_numbers(text)]


# ------------------------------------------------------------------ plain numbers


@pytest.mark.parametrize(
    "text, expected, value",
    [
        ("2,418 others", "2,418", 2418),
        ("it rose 1.6 points", "1.6", 1.6),
        ("12.5", "12.5", 12.5),
        ("1,234,567", "1,234,567", 1234567),
        ("1 234 567 people", "1 234 567", 1234567),
        ("40\u202f000 people", "40\u202f000", 40000),
        ("a .5 share", ".5", 0.5),
        ("Twenty-five Japanese nationals", "Twenty-five", 25),
        ("Fifty-seven suspects", "Fifty-seven", 57),
        ("two hundred and ten", "two hundred and ten", 210),
        ("nineteen hundred", "nineteen hundred", 1900),
        ("one hundred and sixty-one", "one hundred and sixty-one", 161),
        ("twenty-one trillion three hundred", "twenty-one trillion three hundred",
         21_000_000_000_300),
        ("a dozen eggs", "a dozen", 12),
        ("two dozen eggs", "two dozen", 24),
        ("3 dozens", "3 dozens", 36),
        ("1.6 million", "1.6 million", 1_600_000),
        ("12.5 billion", "12.5 billion", 12_500_000_000),
        ("3bn", "3bn", 3e9),
        ("10k runners", "10k", 10_000),
        ("half a million", "half a million", 500_000),
        ("half a dozen", "half a dozen", 6),
        ("a hundred people", "a hundred", 100),
        ("a quarter million", "a quarter million", 250_000),
        ("one and a half million", "one and a half million", 1_500_000),
        ("two point five million", "two point five million", 2_500_000),
        ("13 lakh", "13 lakh", 1_300_000),
        ("three lakh crore", "three lakh crore", 3e12),
        ("two thirds of the vote", "two thirds", 2 / 3),
        ("a third of the vote", "a third", 1 / 3),
        ("3 million and a half", "3 million and a half", 3_500_000),
        ("2\u00bd years", "2\u00bd", 2.5),
        ("-5 degrees", "-5", -5),
        ("minus 5", "minus 5", -5),
        ("zero", "zero", 0),
        ("1.3e6", "1.3e6", 1_300_000),
    ],
)
def test_plain_numbers(text: str, expected: str, value: float) -> None:
    e = one(text)
    assert e.kind == "number"
    assert e.text == expected
    assert isinstance(e.value, Quantity)
    assert e.value.value == pytest.approx(value)
    assert e.value.qualifier == "exact"


def test_value_is_float_and_span_slices() -> None:
    text = "Police seized 126 computers and 30 mobile phones."
    found = find_numbers(text)
    assert [e.text for e in found] == ["126", "30"]
    for e in found:
        assert text[e.span[0]:e.span[1]] == e.text
        assert isinstance(e.value, Quantity) and isinstance(e.value.value, float)


def test_list_of_nationalities_is_separate_numbers() -> None:
    text = "included 429 Vietnamese, 271 Indonesians, 589 Chinese, 57 South Koreans"
    assert [(e.text, e.value.value) for e in find_numbers(text)  # type: ignore[union-attr]
            ] == [("429", 429), ("271", 271), ("589", 589), ("57", 57)]


def test_dates_are_not_glued() -> None:
    assert spans("On November 9, 2023, Cambodia") == ["9", "2023"]
    assert spans("Wednesday (Nov 8), said") == ["8"]
    assert [e.value.value for e in find_numbers("9, 2023")] == [9, 2023]  # type: ignore


@pytest.mark.parametrize("text", [
    "at 10:30", "at 9 pm", "at 9 a.m.", "COVID-19 cases", "flight MH370", "180ml",
    "the 1990s", "a 4x4", "5G networks", "1m isn't a number",
])
def test_not_counts(text: str) -> None:
    assert find_numbers(text) == []


def test_versions_and_phones_never_give_a_large_number() -> None:
    for text in ("Python 3.11.7", "192.168.1.2", "+1-222-2222/2222", "5/17/2018",
                 "call 555-1234"):
        for e in find_numbers(text):
            assert isinstance(e.value, Quantity)
            assert abs(e.value.value) < 100_000, (text, e)
    assert spans("Python 3.11.7") == ["3", "11", "7"]


def test_overlong_digit_runs_are_not_numbers() -> None:
    assert find_numbers("id 12345678901234567890 ok") == []
    assert one("123456789101231").value == Quantity(123456789101231.0)


@pytest.mark.parametrize("text, kept", [
    ("one of the suspects", []),
    ("no one was hurt", []),
    ("the one you mentioned", []),
    ("Which one do you prefer?", []),
    ("one person died", ["one"]),
    ("only one.", []),
    ("Let's try one last time", ["one"]),
    ("one hundred", ["one hundred"]),
    ("one dollar", ["one dollar"]),
])
def test_one_as_pronoun(text: str, kept: list[str]) -> None:
    assert spans(text) == kept


# ---------------------------------------------------------------------- ordinals


@pytest.mark.parametrize("text, expected, value", [
    ("the third time", "third", 3),
    ("the 3rd time", "3rd", 3),
    ("the 21st century", "21st", 21),
    ("the twenty-first century", "twenty-first", 21),
    ("the first batch", "first", 1),
    ("one hundred and first", "one hundred and first", 101),
])
def test_ordinals(text: str, expected: str, value: float) -> None:
    e = one(text)
    assert (e.kind, e.text, e.value) == ("ordinal", expected, Quantity(float(value)))


# ---------------------------------------------------------------------- percents


@pytest.mark.parametrize("text, expected, value", [
    ("12.5%", "12.5%", 12.5),
    ("sank 27 % in", "27 %", 27),
    ("rose 12.5 percent", "12.5 percent", 12.5),
    ("fifty per cent", "fifty per cent", 50),
    ("a 5-percent rise", "5-percent", 5),
])
def test_percents(text: str, expected: str, value: float) -> None:
    e = one(text)
    assert (e.kind, e.text, e.value) == ("percent", expected, Quantity(float(value)))


def test_percent_range_and_qualifier() -> None:
    assert one("10-15%").value == Quantity(10.0, "range", 15.0)
    assert one("about 15%").value == Quantity(15.0, "approximate")
    assert one("between 10 and 15 percent").value == Quantity(10.0, "range", 15.0)


def test_percentage_points_are_plain_numbers() -> None:
    assert one("2 percentage points").kind == "number"


# -------------------------------------------------------------------- qualifiers


@pytest.mark.parametrize("phrase, qualifier", sorted(QUALIFIERS.items()))
def test_every_qualifier_phrase(phrase: str, qualifier: str) -> None:
    e = one(f"There were {phrase} 1,000 people.")
    assert e.text == f"{phrase} 1,000"
    assert isinstance(e.value, Quantity)
    assert (e.value.value, e.value.qualifier) == (1000, qualifier)


@pytest.mark.parametrize("text, expected, qualifier", [
    ("at least 120,000 people", "at least 120,000", "at_least"),
    ("roughly 100,000 in Cambodia", "roughly 100,000", "approximate"),
    ("Some 130 were deported", "Some 130", "approximate"),
    ("an estimated 200,000 people", "an estimated 200,000", "approximate"),
    ("as many as 300 people", "as many as 300", "at_most"),
    ("more than a dozen", "more than a dozen", "at_least"),
    ("nearly half a million", "nearly half a million", "approximate"),
    ("100 or so people", "100 or so", "approximate"),
    ("100 or more people", "100 or more", "at_least"),
    ("100-odd people", "100-odd", "approximate"),
    ("500+ people", "500+", "at_least"),
    ("ABOUT 100 PEOPLE", "ABOUT 100", "approximate"),
])
def test_qualifiers_in_context(text: str, expected: str, qualifier: str) -> None:
    e = one(text)
    assert e.text == expected
    assert isinstance(e.value, Quantity) and e.value.qualifier == qualifier


def test_over_before_a_duration_is_not_a_qualifier() -> None:
    assert spans("spread over 3 years") == ["3"]
    assert spans("over 3,000 people") == ["over 3,000"]


def test_qualifier_words_need_a_word_boundary() -> None:
    assert spans("Moreover 5 people") == ["5"]


# ------------------------------------------------------------------------- ranges


@pytest.mark.parametrize("text, expected, low, high", [
    ("between 20 and 30 people", "between 20 and 30", 20, 30),
    ("20-30 people", "20-30", 20, 30),
    ("20\u201330 people", "20\u201330", 20, 30),
    ("20 to 30 people", "20 to 30", 20, 30),
    ("two to three days", "two to three", 2, 3),
    ("20 to 30 million", "20 to 30 million", 20e6, 30e6),
    ("1,000-2,000", "1,000-2,000", 1000, 2000),
])
def test_ranges(text: str, expected: str, low: float, high: float) -> None:
    e = one(text)
    assert e.text == expected
    assert e.value == Quantity(float(low), "range", float(high))


def test_not_ranges() -> None:
    assert spans("rose from 20 to 30") == ["20", "30"]  # a change, not a range
    assert spans("won 3-2") == ["3", "2"]  # a score
    assert spans("2022-23 season") == ["2022", "23"]
    assert spans("between 20 people") == ["20"]
    assert spans("2023-11-08") == ["2023", "11", "08"]


# -------------------------------------------------------------------------- vague


@pytest.mark.parametrize("text, expected, low, high", [
    ("dozens of people", "dozens", 24, 99),
    ("hundreds of people", "hundreds", 200, 999),
    ("Thousands fled", "Thousands", 2000, 9999),
    ("tens of thousands", "tens of thousands", 20_000, 99_999),
    ("hundreds of thousands of people", "hundreds of thousands", 200_000, 999_999),
    ("millions of people", "millions", 2e6, 9_999_999),
    ("tens of millions", "tens of millions", 2e7, 99_999_999),
    ("several hundred people", "several hundred", 300, 900),
    ("a few dozen people", "a few dozen", 24, 60),
    ("several thousand", "several thousand", 3000, 9000),
    ("scores of people", "scores", 40, 99),
])
def test_vague(text: str, expected: str, low: float, high: float) -> None:
    e = one(text)
    assert e.text == expected
    assert e.value == Quantity(float(low), "vague", float(high))


def test_vague_table_is_consistent() -> None:
    for phrase, (low, high) in VAGUE.items():
        assert 0 < low < high, phrase
    assert one("a couple of hundred").value == Quantity(200.0, "approximate")


def test_bare_scale_words_are_not_numbers() -> None:
    assert find_numbers("the Hundred Years War") == []
    assert find_numbers("thousand") == []


# ------------------------------------------------------------------------- money


@pytest.mark.parametrize("text, expected, value, currency", [
    ("US$12.5 billion", "US$12.5 billion", 12.5e9, "USD"),
    ("$1.6 million", "$1.6 million", 1.6e6, "USD"),
    ("$ 75 million", "$ 75 million", 75e6, "USD"),
    ("USD 5,000", "USD 5,000", 5000, "USD"),
    ("5,000 USD", "5,000 USD", 5000, "USD"),
    ("115USD", "115USD", 115, "USD"),
    ("\u20ac20", "\u20ac20", 20, "EUR"),
    ("10 \u20ac", "10 \u20ac", 10, "EUR"),
    ("\u00a33m", "\u00a33m", 3e6, "GBP"),
    ("\u00a5100 million", "\u00a5100 million", 100e6, "JPY"),
    ("100 billion yuan", "100 billion yuan", 100e9, "CNY"),
    ("RMB 5 billion", "RMB 5 billion", 5e9, "CNY"),
    ("5,000 riel", "5,000 riel", 5000, "KHR"),
    ("200 baht", "200 baht", 200, "THB"),
    ("500 rupees", "500 rupees", 500, "INR"),
    ("Rs. 500", "Rs. 500", 500, "INR"),
    ("20 US dollars", "20 US dollars", 20, "USD"),
    ("20 U.S. dollars", "20 U.S. dollars", 20, "USD"),
    ("1.6 million dollars", "1.6 million dollars", 1.6e6, "USD"),
    ("125 million Australian dollars", "125 million Australian dollars", 125e6, "AUD"),
    ("HK$10.05 billion", "HK$10.05 billion", 10.05e9, "HKD"),
    ("HK $10", "HK $10", 10, "HKD"),
    ("$5m", "$5m", 5e6, "USD"),
    ("$3bn", "$3bn", 3e9, "USD"),
    ("$1.2b", "$1.2b", 1.2e9, "USD"),
    ("five million yen", "five million yen", 5e6, "JPY"),
    ("a million dollars", "a million dollars", 1e6, "USD"),
    ("50 cents", "50 cents", 0.5, "USD"),
    ("470 pence", "470 pence", 4.7, "GBP"),
    ("361 million pounds", "361 million pounds", 361e6, "GBP"),
    ("10,000 Swiss francs", "10,000 Swiss francs", 10_000, "CHF"),
    ("1,000,000 won", "1,000,000 won", 1e6, "KRW"),
    ("a one-yen bid", "one-yen", 1, "JPY"),
    ("thirteen dollars and forty-five cents", "thirteen dollars and forty-five cents",
     13.45, "USD"),
    ("a bid of c $ 2.7 million", "c $ 2.7 million", 2.7e6, "CAD"),
])
def test_amounts(text: str, expected: str, value: float, currency: str) -> None:
    e = [x for x in find_numbers(text) if x.kind == "amount"]
    assert len(e) == 1, find_numbers(text)
    assert e[0].text == expected
    assert isinstance(e[0].value, Amount)
    assert e[0].value.value == pytest.approx(value)
    assert e[0].value.value == float(f"{value:.15g}")  # no binary noise (16399999.99...)
    assert e[0].value.currency == currency


def test_amount_with_qualifier_and_rate() -> None:
    text = "scam industry worth about US$12.5 billion a year, closer to US$20 billion."
    found = find_numbers(text)
    assert [e.text for e in found] == ["about US$12.5 billion a year",
                                       "closer to US$20 billion"]
    assert found[0].value == Amount(12_500_000_000.0, "USD", "approximate", per="year")
    assert found[1].value == Amount(20_000_000_000.0, "USD", "approximate")
    assert one("stealing approximately $1.6 million from").value == Amount(
        1_600_000.0, "USD", "approximate")


@pytest.mark.parametrize("tail, per", [
    ("a year", "year"), ("per year", "year"), ("annually", "year"), ("a month", "month"),
    ("per day", "day"), ("each year", "year"), ("every week", "week"),
    ("per annum", "year"), ("a share", "share"), ("- a - share", "share"),
])
def test_rates(tail: str, per: str) -> None:
    e = one(f"paid $500 {tail}.")
    assert e.text == f"$500 {tail}"
    assert isinstance(e.value, Amount) and e.value.per == per


def test_a_year_earlier_is_not_a_rate() -> None:
    e = one("from $1.17 billion a year earlier")
    assert e.text == "$1.17 billion"
    assert isinstance(e.value, Amount) and e.value.per is None
    assert one("$5 a year ago").text == "$5"


def test_rates_only_follow_money() -> None:
    assert spans("5 a year") == ["5"]


def test_vague_amounts() -> None:
    e = one("billions of dollars in losses")
    assert e.text == "billions of dollars"
    assert e.value == Amount(2e9, "USD", "vague", 9_999_999_999.0)
    assert one("hundreds of millions of dollars").value == Amount(
        2e8, "USD", "vague", 999_999_999.0)
    assert one("several million dollars").value == Amount(3e6, "USD", "vague", 9e6)


def test_money_ranges() -> None:
    assert one("$20-30 million").value == Amount(20e6, "USD", "range", 30e6)
    assert one("between $1 million and $2 million").value == Amount(
        1e6, "USD", "range", 2e6)
    assert one("US$12.5-20 billion").value == Amount(12.5e9, "USD", "range", 20e9)


def test_ambiguous_money_words() -> None:
    assert spans("200 pounds of flour") == ["200"]  # a weight, not money
    assert spans("they won 3 games") == ["3"]
    assert spans("give us $5") == ["$5"]  # "us" is a pronoun here
    assert [e.kind for e in find_numbers("ALL 5 solutions")] == ["number"]


def test_money_only_scales() -> None:
    assert find_numbers("a 5m wall") == []
    assert one("$5m").value == Amount(5e6, "USD")


def test_symbol_runs() -> None:
    assert find_numbers("$$$ $ $") == []
    assert spans("$ 20,000.00 $ 37,305.97") == ["$ 20,000.00", "$ 37,305.97"]


# ----------------------------------------------------------- whole-text behaviour


ARTICLE = (
    "PHNOM PENH: Twenty-five Japanese nationals suspected of involvement in a cyberscam "
    "operation were deported on Wednesday (Nov 8). Criminal gangs have forced hundreds of "
    "thousands of people in Southeast Asia into scams; at least 120,000 people in Myanmar "
    "and roughly 100,000 in Cambodia may be affected. The first batch of 700 suspects "
    "was flown out; some 130 were deported. The industry is worth about US$12.5 billion a "
    "year. Police seized 126 computers and 30 mobile phones in raids in 43 locations."
)


def test_article() -> None:
    got = [(e.kind, e.text) for e in find_numbers(ARTICLE)]
    assert got == [
        ("number", "Twenty-five"),
        ("number", "8"),
        ("number", "hundreds of thousands"),
        ("number", "at least 120,000"),
        ("number", "roughly 100,000"),
        ("ordinal", "first"),
        ("number", "700"),
        ("number", "some 130"),
        ("amount", "about US$12.5 billion a year"),
        ("number", "126"),
        ("number", "30"),
        ("number", "43"),
    ]


def check_invariants(text: str, found: list[Expression]) -> None:
    last = 0
    for e in found:
        s, t = e.span
        assert 0 <= s < t <= len(text)
        assert text[s:t] == e.text
        assert s >= last, "overlap or out of order"
        last = t
        assert e.kind in ("number", "ordinal", "percent", "amount")
        assert isinstance(e.value, (Quantity, Amount))


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    _scan(text, strict=True)
    check_invariants(text, find_numbers(text))


NUMERIC_ALPHABET = st.sampled_from(
    list("0123456789 ,.-$%€£¥+/:\n") + [
        " million", " billion", " a year", "about ", "between ", " and ", " to ", "one",
        "twenty", "-five", " hundred", " of ", "thousands", "US$", "USD", " dollars",
        "a ", "half", " percent", "3rd", "k", "m", "bn", " or more", "-odd", "\u00bd",
    ]
)


@pytest.mark.slow
@settings(max_examples=600, deadline=None)
@given(st.lists(NUMERIC_ALPHABET, max_size=30).map("".join))
def test_never_raises_on_number_like_text(text: str) -> None:
    _scan(text, strict=True)
    check_invariants(text, find_numbers(text))


# -------------------------------------------------------- linear time, throughput

PATHOLOGICAL = {
    "digits": "9" * 50_000,
    "dollars": "$" * 50_000,
    "comma numbers": ",".join(str(i % 1000) for i in range(100_000)),
    "comma space numbers": ", ".join(str(i) for i in range(100_000)),
    "three-digit groups": "1" + ",111" * 50_000 + ",1111",
    "two-digit groups": ",".join(["11"] * 50_000),
    "dotted": ".".join(["1"] * 50_000),
    "hyphens": "-".join(["12"] * 50_000),
    "spaces": "1" + " " * 50_000 + "2",
    "space groups": "1" + " 111" * 50_000,
    "words": "one " * 50_000,
    "hundreds": "hundred " * 50_000,
    "a": "a " * 50_000,
    "qualifiers": "about " * 50_000 + "5",
    "and": "between 1 and " * 20_000,
    "US$": "US$" * 30_000,
    "mixed": "1,0 1.0. $1, -1- 1e 1/2 twenty-" * 5_000,
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_linear_time_on_pathological_input(name: str) -> None:
    text = PATHOLOGICAL[name]
    # CPU time of this process, not wall-clock: other work on the machine must not fail it.
    t0 = time.process_time()
    found = find_numbers(text)
    used = time.process_time() - t0
    assert used < 5.0, f"{name}: {used:.1f}s CPU"
    check_invariants(text, found)
    for e in found:
        assert isinstance(e.value, (Quantity, Amount))
        assert abs(e.value.value) < 1e16


# ------------------------------------------------------------------ fractions, powers


@pytest.mark.parametrize("text, expected, value", [
    ("three fifths of the vote", "three fifths", 0.6),
    ("twenty-three fifths", "twenty-three fifths", 4.6),
    ("twenty one fifths", "twenty one fifths", 4.2),
    ("twenty twenty-fifths", "twenty twenty-fifths", 0.8),  # 20/25
    ("one hundred thirty-fifths", "one hundred thirty-fifths", 100 / 35),
    ("one hundred and thirty fifths", "one hundred and thirty fifths", 26),  # 130/5
    ("three twenty-firsts", "three twenty-firsts", 3 / 21),
    ("two and fifty-four hundredths", "two and fifty-four hundredths", 2.54),
    ("it fell by a fifth.", "a fifth", 0.2),
    ("a hundredth of the vote", "a hundredth", 0.01),
    ("one twenty-fifth", "one twenty-fifth", 0.04),
    ("about 3/4 of them", "about 3/4", 0.75),
    ("a 2 1/4 mile walk", "2 1/4", 2.25),
    ("growth of 1.1^23", "1.1^23", 1.1 ** 23),
    ("a rate of 6.23x10^-4", "6.23x10^-4", 6.23e-4),
    ("4 thousand 3 hundred and 21 votes", "4 thousand 3 hundred and 21", 4321),
    ("3 hundred and one", "3 hundred and one", 301),
    ("five dozs", "five dozs", 60),
])
def test_fractions_powers_and_compounds(text: str, expected: str, value: float) -> None:
    e = one(text)
    assert e.text == expected
    assert isinstance(e.value, Quantity)
    assert e.value.value == pytest.approx(value, rel=1e-12)


@pytest.mark.parametrize("text, kept", [
    ("the twenty-first century", [("ordinal", 21)]),       # a singular ordinal stays one
    ("she won a fifth term", [("ordinal", 5)]),
    ("twenty seconds later", [("number", 20)]),            # "seconds" is time, not 1/2
    ("open 24/7 since 9/11", [("number", 24), ("number", 7), ("number", 9),
                               ("number", 11)]),        # not fractions smaller than one
    ("3 thousand 200", [("number", 3000), ("number", 200)]),  # no "and", 200 unscaled
])
def test_not_fractions_or_compounds(text: str, kept: list[tuple[str, float]]) -> None:
    got = [(e.kind, e.value.value) for e in find_numbers(text)
           if isinstance(e.value, Quantity)]
    assert got == kept


@pytest.mark.parametrize("text, expected, value, currency", [
    ("528 million francs", "528 million francs", 528e6, None),  # which franc is unknown
    ("10,000 Swiss francs", "10,000 Swiss francs", 10_000, "CHF"),
    ("6.65 billion pesetas", "6.65 billion pesetas", 6.65e9, "ESP"),
    ("250 million Dutch guilders", "250 million Dutch guilders", 250e6, "NLG"),
    ("C $ 16.4 million", "C $ 16.4 million", 16.4e6, "CAD"),
    ("They lost 75 USD million", "75 USD million", 75e6, "USD"),
    ("losses of 30 MUSD", "30 MUSD", 30e6, "USD"),
    ("It costs 15 dollars 50.", "15 dollars 50", 15.5, "USD"),
    ("each block pays 6.25 BTC", "6.25 BTC", 6.25, "BTC"),
])
def test_more_money_forms(text: str, expected: str, value: float,
                          currency: str | None) -> None:
    e = one(text)
    assert e.kind == "amount" and e.text == expected
    assert isinstance(e.value, Amount)
    assert e.value.value == pytest.approx(value)
    assert e.value.currency == currency


@pytest.mark.parametrize("text, expected, currency", [
    # lettered dollars as tokenized, lower-cased text writes them
    ("a grant of c $ 3.5 million", "c $ 3.5 million", "CAD"),
    ("profits of nz $ 40 million", "nz $ 40 million", "NZD"),
    ("toys worth hk $ 2.2 billion", "hk $ 2.2 billion", "HKD"),
    ("a prize of u.s $ 9,000 was", "u.s $ 9,000", "USD"),
    ("the U.S $ 9,000 prize", "U.S $ 9,000", "USD"),
    ("they signed a us $ 70 million deal", "us $ 70 million", "USD"),
    ("the city ' s us $ 70 million deal", "us $ 70 million", "USD"),
    ("it cost us $ 70 million", "$ 70 million", "USD"),  # the pronoun
    ("it cost us $70", "$70", "USD"),
    ("prices reached a $ 12 each", "$ 12", "USD"),  # an article, not Australia
    ("Norway's $ 12 levy", "$ 12", "USD"),  # a possessive, not Singapore
])
def test_lettered_dollar_prefixes(text: str, expected: str, currency: str) -> None:
    e = one(text)
    assert e.kind == "amount" and e.text == expected
    assert isinstance(e.value, Amount) and e.value.currency == currency


@pytest.mark.parametrize("text, amounts", [
    # a code between two numbers: the first one's when the second has its own currency
    ("swap 40 eur 30 gbp today", [("40 eur", 40, "EUR"), ("30 gbp", 30, "GBP")]),
    ("swap 40 EUR 30 pounds sterling", [("40 EUR", 40, "EUR"),
                                         ("30 pounds sterling", 30, "GBP")]),
    # or when the second is two digits of cents
    ("a ticket is 12 EUR 40 now.", [("12 EUR 40", 12.4, "EUR")]),
    ("it rose by 3 GBP 05 overnight", [("3 GBP 05", 3.05, "GBP")]),
    # otherwise the code is the second one's prefix
    ("By 2021 EUR 15 bought less", [("EUR 15", 15, "EUR")]),  # a year, not 2021.15
    ("group 4 EUR 15 million", [("EUR 15 million", 15e6, "EUR")]),
    ("row 4 EUR 150 paid", [("EUR 150", 150, "EUR")]),
    ("win 2 EUR20 vouchers", [("EUR20", 20, "EUR")]),  # written onto the second
])
def test_code_between_two_numbers(text: str,
                                  amounts: list[tuple[str, float, str]]) -> None:
    got = [(e.text, e.value.value, e.value.currency) for e in find_numbers(text)
           if e.kind == "amount" and isinstance(e.value, Amount)]
    assert got == [(t, pytest.approx(v), c) for t, v, c in amounts]


@pytest.mark.parametrize("text, expected, value, currency", [
    ("sales of MEUR 45 last year", "MEUR 45", 45e6, "EUR"),
    ("a loss of about MSEK 7.5", "about MSEK 7.5", 7.5e6, "SEK"),
    ("costs of 12 MEUR", "12 MEUR", 12e6, "EUR"),
])
def test_millions_of_a_code(text: str, expected: str, value: float, currency: str) -> None:
    e = one(text)
    assert e.kind == "amount" and e.text == expected
    assert isinstance(e.value, Amount)
    assert e.value.value == pytest.approx(value) and e.value.currency == currency


def test_millions_of_a_code_needs_the_code_and_no_second_scale() -> None:
    assert [e.kind for e in find_numbers("MEURO 45")] == ["number"]
    assert [e.kind for e in find_numbers("MEUR 45 million")] == ["number"]
    assert [e.kind for e in find_numbers("AMEUR 45")] == ["number"]


def test_cents_without_unit_only_where_the_clause_ends() -> None:
    assert spans("paid $20 and 15 others paid more") == ["$20", "15"]


# ----------------------------------------------------------------- currency table


def test_currency_table_integrity() -> None:
    rows = load_currencies()
    assert len(rows) > 100
    codes: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        assert re.fullmatch(r"[A-Z]{3}", row.code), row
        assert row.kind in CURRENCY_KINDS, row
        assert row.alias == row.alias.strip() and row.alias, row
        key = row.alias if row.kind in ("symbol", "code") else row.alias.lower()
        codes[key].add(row.code)
    ambiguous = {alias: c for alias, c in codes.items() if len(c) > 1}
    assert not ambiguous, ambiguous
    # Codes that are English words must not be read as currencies.
    for word in ("ALL", "TOP", "CUP", "PEN", "TRY", "GEL", "MOP", "BOB", "MAD", "SOS"):
        assert word not in codes, word


def test_every_currency_alias_is_recognized() -> None:
    for row in load_currencies():
        if row.kind == "symbol":
            text = f"{row.alias}1,000"
        elif row.kind == "code":
            text = f"{row.alias} 1,000"
        elif row.kind == "subunit":
            text = f"50 {row.alias}"
        else:
            text = f"1,000 {row.alias}"
        amounts = [e for e in find_numbers(text) if e.kind == "amount"]
        assert len(amounts) == 1 and amounts[0].text == text, (row, find_numbers(text))
        assert isinstance(amounts[0].value, Amount)
        assert amounts[0].value.currency == row.code, row


def test_over_after_a_phrasal_verb_is_no_qualifier() -> None:
    """"handed over 13 suspects" is 13, exactly; "arrested over 13 people" is more."""
    from reconcile.extraction.expressions import extract as _extract

    handed = [e.value for e in _extract("Police handed over 13 suspects.")]
    arrested = [e.value for e in _extract("Police arrested over 13 people.")]
    assert [(q.value, q.qualifier) for q in handed if isinstance(q, Quantity)] == [(13, "exact")]
    assert [(q.value, q.qualifier) for q in arrested
            if isinstance(q, Quantity)] == [(13, "at_least")]


def test_vague_ranges_are_shown_in_the_words_they_were_read_from() -> None:
    from reconcile.extraction.expressions import extract
    from reconcile.vague import vague_words

    for words in ("dozens", "hundreds", "thousands", "tens of thousands",
                  "hundreds of thousands", "several hundred", "a few thousand", "millions"):
        (found,) = [e for e in extract(f"Officials said {words} of people fled.")
                    if e.kind == "number"]
        assert found.value.qualifier == "vague"  # type: ignore[union-attr]
        assert vague_words(found.value.value, found.value.high) == words  # type: ignore[union-attr]
    assert vague_words(25, 99) is None and vague_words(200, None) is None


# ------------------------------------------------------------ currency names from CLDR


@pytest.mark.parametrize("text, expected, value, currency", [
    ("The fund lent 500 million Kenyan shillings to farmers.", "500 million Kenyan shillings",
     5e8, "KES"),
    ("A ticket costs 3,000 East Caribbean dollars.", "3,000 East Caribbean dollars", 3000.0,
     "XCD"),
    ("He was fined 40,000 Nigerian naira.", "40,000 Nigerian naira", 40000.0, "NGN"),
    ("It sold for 2 million Icelandic krónur.", "2 million Icelandic krónur", 2e6, "ISK"),
    ("one Ghanaian cedi", "one Ghanaian cedi", 1.0, "GHS"),
])
def test_english_currency_names_and_plurals(text: str, expected: str, value: float,
                                            currency: str) -> None:
    (e,) = [x for x in find_numbers(text) if x.kind == "amount"]
    assert e.text == expected
    assert isinstance(e.value, Amount)
    assert (e.value.value, e.value.currency) == (value, currency)


def test_generated_currency_names_never_override_curated_ones() -> None:
    rows = load_currencies()
    names = {r.alias.lower(): r.code for r in rows if r.kind in ("name", "weak", "subunit")}
    # curated English news usage wins over CLDR's display names
    assert names["dollars"] == "USD" and names["pounds"] == "GBP" and names["yuan"] == "CNY"
    assert "special drawing rights" not in names and "troy ounces of gold" not in names


def _anchor_reference() -> re.Pattern[str]:
    """The anchor regex as first written, each alternative looking behind before it
    reads: what the faster form in numbers.py must match, position by position."""
    from reconcile.extraction import numbers as n

    return re.compile(
        r"(?P<cur>" + n._PREFIX_RE + r")(?=[ \u00a0]?\.?\d)"
        r"|(?P<neg>(?<![\w.,\-\u2212/])[-\u2212](?=\d))"
        r"|(?P<dig>(?<![\w.])(?<![^\W\d_][-\u2010\u2011])(?:\d|\.(?=\d)))"
        r"|(?P<word>\b(?i:" + n._trie(n._WORD_ANCHORS) + r")\b)"
        r"|(?P<vul>(?<![\w.])[\u00bd\u00bc\u00be\u2153-\u215e])"
    )


def _anchors_at_every_position(pattern: re.Pattern[str], text: str
                               ) -> list[tuple[int, int, str | None]]:
    out = []
    for i in range(len(text) + 1):
        m = pattern.match(text, i)
        if m is not None:
            out.append((m.start(), m.end(), m.lastgroup))
    return out


_ANCHOR_PIECES = ["5", "12", "0.5", "-", "\u2212", "\u2010", ".", ",", "/", "$", "US$",
                  "U.S. $", "usd", "USD", "€", "£", "Rs.", "MUSD", "C $", "½", "¾", "\u2155",
                  "a", "five", "Five", "FIVE", "ſeven", "million", "minus", "twenty-one",
                  "half", "x", "COVID", "_", " ", "\n", "\u00a0", "tens",
                  # the look-ahead classes: prefixes in any case, letters that fold to ASCII
                  "KSh", "ksh", "Mex$", "mex $", "nt$", "rmb", "Tk.", "\u212a", "\u0130", "元"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_ANCHOR_PIECES), max_size=12))
def test_anchor_matches_what_it_matched_written_look_behind_first(parts: list[str]) -> None:
    """The anchor's alternatives read their first character before looking behind it,
    which is faster; at every position it matches the same span with the same group as
    the look-behind-first form (search from any position is then the same too)."""
    from reconcile.extraction import numbers as n

    text = "".join(parts)
    assert (_anchors_at_every_position(n._ANCHOR, text)
            == _anchors_at_every_position(_anchor_reference(), text))


def test_anchor_groups_on_sentences_of_our_own() -> None:
    from reconcile.extraction import numbers as n

    text = ("Police seized US$ 1.2 million, -3 degrees, .5 of it and ½ a tonne; "
            "COVID-19 cases rose by minus five to twenty-one, €40 and Rs. 300.")
    got = _anchors_at_every_position(n._ANCHOR, text)
    assert got == _anchors_at_every_position(_anchor_reference(), text)
    assert {g for _, _, g in got} == {"cur", "neg", "dig", "word", "vul"}


_NAME_PIECES = [" ", "  ", "   ", "\t", "\u00a0", "\u202f", "-", " - ", "of", " of ", "5",
                ".", "x", "S", "euro", "euros", "Euros", "EURO", "swiss", "Swiss francs",
                "swiss\u00a0francs", "dollar", "dollars", "yen", "pence", "usd", "USD"]


def _name_references() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The three readings of a currency name as the single patterns they once were: a
    lead and the name, a code or a lead and the name, "of" and the name."""
    from reconcile.extraction import numbers as n

    lead = r"(?:" + n._SPACE + r"{1,2}|[ \t]?-[ \t]?)"
    return (re.compile(lead + r"(?P<c>" + n._NAME_RE + r")"),
            re.compile(r"[ \u00a0]?(?:" + n._CODE_AFTER_RE + r")|" + lead + n._NAME_RE),
            re.compile(r"[ \t\u00a0]+of[ \t\u00a0]+(?P<c>" + n._NAME_RE + r")"))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_NAME_PIECES), max_size=8))
def test_currency_name_after_its_lead_as_one_pattern(parts: list[str]) -> None:
    """The name is compiled once and read after its lead (start-up); at every position
    the lead's match then the name's find what the lead and the name as one pattern did."""
    from reconcile.extraction import numbers as n

    after, own, of = _name_references()
    text = "".join(parts)

    def read(m: re.Match[str] | None, group: str | int) -> tuple[str, int] | None:
        return None if m is None else (m.group(group), m.end())

    for i in range(len(text) + 1):
        got = n._name_after(text, i)
        assert read(after.match(text, i), "c") == read(got, 0)
        assert bool(own.match(text, i)) == bool(n._OWN_CODE.match(text, i) or got is not None)
        lead = n._OF_LEAD.match(text, i)
        got = n._CUR_NAME.match(text, lead.end()) if lead is not None else None
        assert read(of.match(text, i), "c") == read(got, 0)


def test_every_currency_name_starts_with_a_letter() -> None:
    """What reading the name after its lead relies on: no name starts where a lead may
    go on (a space or a hyphen)."""
    from reconcile.extraction import numbers as n

    names = [name for name, (_, kind) in n._AFTER_CODE.items()
             if kind in ("name", "weak", "subunit", "unresolved")]
    assert len(names) > 100 and all(name[0].isalpha() for name in names)


@pytest.mark.parametrize("text", [
    "At least 1,2O0 people died.",  # a mistyped letter O: not 1
    "At least 1,20 people died.",  # no thousands group: not 1 and 20
    "The fund lost $1,5 million.",  # a decimal comma: not $1 and 5 million
])
def test_digits_glued_by_a_comma_that_groups_nothing_are_no_figure(text: str) -> None:
    assert [e.text for e in find_numbers(text) if e.kind in ("number", "amount")] == [], text


def test_digits_glued_by_commas_in_a_list_stay_numbers() -> None:
    assert [e.value.value for e in find_numbers("Rooms 22,24,26 and 31 flooded.")
            if isinstance(e.value, Quantity)] == [22, 24, 26, 31]
    assert [e.text for e in find_numbers("At least 1,200 people died.")] == ["At least 1,200"]

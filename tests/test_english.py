"""The shared English word table: each word names the number the calendar gives it."""

from __future__ import annotations

import calendar

from reconcile import english


def test_month_and_weekday_names_follow_the_calendar() -> None:
    assert list(english.MONTHS.items()) == [
        (calendar.month_name[n].lower(), n) for n in range(1, 13)]
    assert list(english.WEEKDAYS.items()) == [
        (calendar.day_name[n].lower(), n) for n in range(7)]


def test_every_abbreviation_is_a_prefix_of_the_name_of_its_number() -> None:
    for short, table in ((english.MONTH_ABBREVIATIONS, english.MONTHS),
                         (english.WEEKDAY_ABBREVIATIONS, english.WEEKDAYS)):
        full = {n: w for w, n in table.items()}
        for word, n in short.items():
            assert full[n].startswith(word), word


def test_number_words_and_ordinals_count_in_order() -> None:
    cardinals = {**english.ONES, **english.TEENS}
    assert list(cardinals.values()) == list(range(1, 20))
    assert list(english.TENS.values()) == list(range(20, 100, 10))
    assert [n for n in english.ORDINALS.values() if n <= 20] == list(range(1, 21))
    assert [english.ORDINALS[w[:-1] + "ieth"] for w in english.TENS] == list(range(20, 100, 10))

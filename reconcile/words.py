"""Values in words, as a reader says them: one module for every text a person reads.

A report for people never shows a normalized code: "XXXX-04-13" is "13 April, year not
stated", ``at_least 120000`` is "at least 120,000", ``USD 12500000000 per year`` is
"US$12.5 billion a year".  The JSON report keeps the normalized forms; these functions
are only for text a person reads (markdown, HTML, CI messages, event summaries, and the
notes and kept-apart reasons that comparison, matching and verdicts write).  They
return plain text: each renderer escapes it for its own format.

A lower layer below the stages, like :mod:`reconcile.model`: the stages that phrase a
note (``match``, ``judge``) come before the renderers, so they import it from here,
never from ``render``.
"""

from __future__ import annotations

import datetime as _dt
import re

from .model import Amount, DateValue, Group, Place, Quantity, Value
from .vague import vague_words

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_PARTS_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night",
                 "DT": "daytime"}
_REFS = {"PRESENT_REF": "now", "PAST_REF": "the past", "FUTURE_REF": "the future"}
_ORDINALS = ("first", "second", "third", "fourth", "fifth")
_MODS = {"BEFORE": "before {}", "AFTER": "after {}", "ON_OR_BEFORE": "{} or earlier",
         "ON_OR_AFTER": "since {}"}
_NO_YEAR = ", year not stated"

# the calendar part of a TIMEX3 value, then an optional time part
_POINT = re.compile(
    r"(?P<y>\d{4}|XXXX)"
    r"(?:-(?:(?P<m>\d{2}|XX)(?:-(?:(?P<d>\d{2}|XX)|W(?P<mw>\d|L)))?"
    r"|W(?P<w>\d{2}|XX)(?:-(?P<wd>[1-7]|WE))?"
    r"|Q(?P<q>[1-4])|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?"
    r"(?:T(?P<t>.+))?")
_DECADE = re.compile(r"(\d{3})X?")
_CENTURY = re.compile(r"(\d{2})")
_CLOCK = re.compile(r"(\d{2}):(\d{2})(?::\d{2})?")


# ------------------------------------------------------------------------- dates


def date_words(value: DateValue) -> str:
    """A date as a reader says it: "8 November 2023", "13 April, year not stated",
    "a Wednesday, year not stated", "week 50 of 2023", "November 2023",
    "January to June, year not stated", "after 2018".  An unknown form is shown as is."""
    words = _interval_words(value.timex)
    if value.mod in _MODS:
        words = _MODS[value.mod].format(words)
    return words


def _interval_words(timex: str) -> str:
    if timex in _REFS:
        return _REFS[timex]
    if "/" not in timex:
        return _point_words(timex)
    start, _, end = timex.partition("/")
    if end.startswith("T"):  # "2023-11-08T09:00/T11:00": one day, two clock times
        return f"{_point_words(start)} to {_time_words(end[1:])}"
    a, b = _point(start), _point(end)
    if a is None or b is None or a[2] or b[2] or not a[0] or not b[0]:
        return f"{_point_words(start)} to {_point_words(end)}"
    if a[1] == b[1]:  # "January to June 2025", "January to June, year not stated"
        return _join(f"{a[0].removesuffix(' of')} to {b[0]}", b[1])
    return f"{_join(a[0], a[1])} to {_join(b[0], b[1])}"


def _year_suffix(year: str | None) -> str:
    return _NO_YEAR if year is None else f" {year}"


def _join(words: str, year: str | None) -> str:
    """Words and the year: "13 April 2023", "week 50 of 2023"; without the year,
    "13 April, year not stated", "week 50, year not stated"."""
    if year is None:
        return words.removesuffix(" of") + _NO_YEAR if words else "a date not stated"
    return f"{words} {year}" if words else year


def _point_words(timex: str) -> str:
    point = _point(timex)
    if point is None:
        return _other_words(timex)
    words, year, clock = point
    if not words and clock:  # a time of day alone ("T14:00")
        return clock
    out = _join(words, year)
    return f"{out}, {clock}" if clock else out


def _point(timex: str) -> tuple[str, str | None, str] | None:
    """``(words without the year, the year or None, time of day)`` of one TIMEX3 point
    ("2023-W50" -> ("week 50 of", "2023", "")); None when the form is not one this
    module knows."""
    if timex.startswith("T"):
        return "", None, _time_words(timex[1:])
    m = _POINT.fullmatch(timex)
    if m is None:
        return None
    year = None if m["y"] == "XXXX" else str(int(m["y"]))
    month = int(m["m"]) if m["m"] and m["m"] != "XX" else None
    if month:
        words = _month_words(m, month)
    elif m["w"]:
        words = _week_words(m)
    else:
        words = _part_of_year_words(m)
    return words, year, _time_words(m["t"]) if m["t"] else ""


def _month_words(m: re.Match[str], month: int) -> str:
    """A point within a known month, without the year: "13 April", "the last week of
    April", "April"."""
    if m["d"] and m["d"] != "XX":
        return f"{int(m['d'])} {MONTHS[month - 1]}"
    if m["mw"]:
        which = "last" if m["mw"] == "L" else _ordinal(int(m["mw"]))
        return f"the {which} week of {MONTHS[month - 1]}"
    return MONTHS[month - 1]


def _week_words(m: re.Match[str]) -> str:
    """A week or a day of one, without the year: "week 50 of", "the Monday of week 50
    of"; an unknown week ("XXXX-WXX-3") is just "a Wednesday", "a weekend", "a week"."""
    if m["w"] == "XX":  # "XXXX-WXX-3": a weekday, nothing else known
        return ("a weekend" if m["wd"] == "WE" else f"a {WEEKDAYS[int(m['wd']) - 1]}"
                if m["wd"] else "a week")
    week = f"week {int(m['w'])} of"
    return (f"the weekend of {week}" if m["wd"] == "WE"
            else f"the {WEEKDAYS[int(m['wd']) - 1]} of {week}" if m["wd"] else week)


def _part_of_year_words(m: re.Match[str]) -> str:
    """A quarter, half or season without the year ("the first quarter of", "summer");
    empty for a bare year."""
    if m["q"]:
        return f"the {_ordinal(int(m['q']))} quarter of"
    if m["h"]:
        return f"the {_ordinal(int(m['h']))} half of"
    if m["s"]:
        return _SEASONS[m["s"]]
    return ""


def _time_words(t: str) -> str:
    """A TIMEX3 time part: "14:05" stays, "MO" is "morning"."""
    if t in _PARTS_OF_DAY:
        return _PARTS_OF_DAY[t]
    m = _CLOCK.match(t)
    return f"{m[1]}:{m[2]}" if m else t


def _other_words(timex: str) -> str:
    """Decades and centuries ("202X" -> "the 2020s", "19" -> "the 1900s"); any other
    form as it is."""
    m = _DECADE.fullmatch(timex)
    if m and len(timex) in (3, 4):
        return f"the {m[1]}0s"
    m = _CENTURY.fullmatch(timex)
    if m:
        return f"the {m[1]}00s"
    return timex


def _ordinal(n: int) -> str:
    return _ORDINALS[n - 1] if 1 <= n <= len(_ORDINALS) else f"{n}th"


def day_words(day: _dt.date) -> str:
    """A calendar day: "8 November 2023"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


_BASES = {"latest-date": "latest date in the text", "html-meta": "HTML metadata"}


def basis_words(basis: str) -> str:
    """Where a date came from, in words: "page header", "latest date in the text";
    compound bases ("latest-date, page-header bound") word by word."""
    return ", ".join(_BASES.get(part, part).replace("-", " ")
                     for part in basis.split(", "))


# ----------------------------------------------------------------------- numbers

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_QUALIFIER_WORDS = {"approximate": "about ", "at_least": "at least ", "at_most": "up to "}


def number_words(x: float, scaled: bool = True) -> str:
    """A figure with thousands separators ("2,322", "12.5"); a round figure of a
    million or more with its scale word ("1.6 million", "12.5 billion") when
    ``scaled``.  An exact, unround figure keeps all its digits ("1,234,567")."""
    if scaled:
        for size, word in _SCALES:
            if abs(x) >= size:
                short = round(x / size, 2)
                if short * size == x or abs(short * size - x) < 1e-6 * abs(x):
                    return f"{_plain(short)} {word}"
                break
    return _plain(x)


def _plain(x: float) -> str:
    if float(x).is_integer():
        return f"{x:,.0f}"
    return f"{x:,.6f}".rstrip("0").rstrip(".")  # the decimals as stated: 0.125, 21.7


def _range(lo: float, hi: float, prefix: str = "", scaled: bool = True) -> str:
    """"200–300", "US$2–3 billion": a range with its scale word once when both ends
    share it."""
    a, b = number_words(lo, scaled), number_words(hi, scaled)
    a_word, b_word = a.rpartition(" ")[2], b.rpartition(" ")[2]
    if " " in a and " " in b and a_word == b_word:
        return f"{prefix}{a.rpartition(' ')[0]}–{b}"
    return f"{prefix}{a}–{prefix}{b}" if prefix else f"{a}–{b}"


def quantity_words(q: Quantity) -> str:
    """A count as a reader says it: "25", "about 25", "at least 120,000", "up to 40",
    "200–300", "hundreds of thousands (200,000–999,999)"."""
    if q.qualifier == "vague" and q.high is not None:
        phrase = vague_words(q.value, q.high)
        span = _range(q.value, q.high, scaled=False)  # the bounds as read
        return f"{phrase} ({span})" if phrase else span
    if q.qualifier == "range" and q.high is not None:
        return _range(q.value, q.high)
    return _QUALIFIER_WORDS.get(q.qualifier, "") + number_words(q.value)


def count_before_noun(q: Quantity) -> str:
    """A count as written before its noun: "about 40,000" (people), "hundreds of"
    (people), "dozens of"; a vague count's range is left to the full form."""
    if q.qualifier == "vague" and q.high is not None:
        phrase = vague_words(q.value, q.high)
        if phrase is not None:
            return phrase + " of" if phrase.endswith("s") else phrase
    return quantity_words(q)


CURRENCY_SIGNS = {"USD": "US$", "EUR": "€", "GBP": "£"}
"""Currencies written with a sign ("US$12.5 billion"); others with their ISO code."""
CURRENCY_NAMES = {"USD": "US dollars", "EUR": "euros", "GBP": "pounds sterling"}
"""Currencies by name, for vague sums ("billions of US dollars")."""


def _money(currency: str | None, figure: str) -> str:
    if currency is None:
        return figure
    sign = CURRENCY_SIGNS.get(currency)
    return f"{sign}{figure}" if sign else f"{currency} {figure}"


def rate_words(per: str | None) -> str:
    """" a year", " an hour", " a share": the rate after a sum; "" without one."""
    if not per:
        return ""
    return f" {'an' if per[:1] in 'aeiou' or per == 'hour' else 'a'} {per}"


def amount_words(a: Amount) -> str:
    """A sum as a reader says it: "US$12.5 billion a year", "about €300,000",
    "KHR 5,000", "US$2–3 billion", "billions of US dollars a year"."""
    per = rate_words(a.per)
    if a.qualifier == "vague" and a.high is not None:
        phrase = vague_words(a.value, a.high)
        if phrase is not None:
            name = CURRENCY_NAMES.get(a.currency or "", a.currency)
            return (f"{phrase} of {name}" if name else phrase) + per
    if a.qualifier in ("range", "vague") and a.high is not None:
        sign = CURRENCY_SIGNS.get(a.currency or "")
        if sign or a.currency is None:
            return _range(a.value, a.high, sign or "") + per
        return f"{a.currency} {_range(a.value, a.high)}{per}"
    return _QUALIFIER_WORDS.get(a.qualifier, "") + _money(a.currency, number_words(a.value)) \
        + per


# ------------------------------------------------------------------ places, groups


def place_words(p: Place) -> str:
    """"Phnom Penh, Cambodia"; a country or region alone by its name."""
    from .gazetteer import country_name

    if p.kind in ("country", "supranational") or not p.country:
        return p.name
    country = country_name(p.country) or p.country
    return p.name if country == p.name else f"{p.name}, {country}"


def group_words(g: Group) -> str:
    """A group by the name the source used ("Japanese nationals")."""
    return g.name


def value_words(value: Value | float | None) -> str:
    """Any normalized value in words (dispatches on its type)."""
    if isinstance(value, DateValue):
        return date_words(value)
    if isinstance(value, Quantity):
        return quantity_words(value)
    if isinstance(value, Amount):
        return amount_words(value)
    if isinstance(value, Place):
        return place_words(value)
    if isinstance(value, Group):
        return group_words(value)
    if isinstance(value, float):
        return number_words(value)
    return "" if value is None else str(value)


def one_of(choices: list[str]) -> str:
    """Alternatives joined by "or", a shared ", year not stated" said once: "a Saturday
    or a Sunday, year not stated"."""
    if len(choices) > 1 and all(c.endswith(_NO_YEAR) for c in choices):
        return " or ".join(c.removesuffix(_NO_YEAR) for c in choices) + _NO_YEAR
    return " or ".join(choices)


# -------------------------------------------------------------------- differences


def days_words(n: int) -> str:
    """"1 day", "12 days", "about 3 months", "about 2 years"."""
    if n == 1:
        return "1 day"
    if n < 60:
        return f"{n} days"
    if n < 730:
        return f"about {round(n / 30.4)} months"
    return f"about {round(n / 365.25)} years"


def difference_words(a: Value, b: Value) -> str:
    """How far apart two conflicting values are, as a clause: "the dates differ by 2
    days (8 November 2023 vs 10 November 2023)", "the figures differ by 2,750 (1,530 vs
    4,280)", "the sums differ by US$7.5 billion (US$12.5 billion vs US$20 billion)",
    "different places (Lima, Peru vs Cusco, Peru)"."""
    sides = f"({value_words(a)} vs {value_words(b)})"
    if isinstance(a, DateValue) and isinstance(b, DateValue):
        if a.earliest and a.latest and b.earliest and b.latest:
            gap = max((b.earliest - a.latest).days, (a.earliest - b.latest).days)
            if gap > 0:
                return f"the dates differ by {days_words(gap)} {sides}"
        return f"the dates differ {sides}"
    if isinstance(a, (Quantity, Amount)) and isinstance(b, (Quantity, Amount)):
        what = "sum" if isinstance(a, Amount) else "figure"
        low, high = sorted((a, b), key=lambda q: q.value)
        diff = number_words(high.value - low.value)
        if isinstance(a, Amount) and a.currency:
            diff = _money(a.currency, diff)
        quals = {low.qualifier, high.qualifier}
        if quals == {"exact"}:
            by = "by"
        elif high.qualifier in ("exact", "at_least") and low.qualifier in ("exact", "at_most"):
            by = "by at least"  # "88 vs at least 100": the gap can only be wider
        else:
            by = "by about"
        return f"the {what}s differ {by} {diff} {sides}"
    if isinstance(a, Place) and isinstance(b, Place):
        return f"different places {sides}"
    if isinstance(a, Group) and isinstance(b, Group):
        return f"different groups {sides}"
    return f"different values {sides}"

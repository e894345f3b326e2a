"""All temporal and numeric expressions of a text: the one reading of dates, numbers
and money that ``reconcile extract`` shows and the event pipeline uses.

Dates come from :mod:`reconcile.extraction.temporal`, numbers and money from
:mod:`reconcile.extraction.numbers`; where they overlap the longer expression wins, and on a tie
the temporal one ("June 15, 2021" is a date, not the numbers 15 and 2021; "US$3.2
billion a year" is an amount, not a date "a year").  A number whose digits the temporal
reading takes entirely is dropped even when longer ("2009-2010" is two years).

Spans follow TimeML: a bounding preposition stays outside ("2018" in "after 2018") but
its meaning is in the value (``DateValue.mod``) and its span in ``Expression.signal``;
``Expression.extent`` is the span with it (see :mod:`reconcile.extraction.temporal`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from ..model import Expression
from .numbers import find_numbers
from .temporal import find_dates

_RANK = {"amount": 0, "date": 1, "time": 1, "duration": 2, "set": 2,
         "percent": 3, "ordinal": 4, "number": 5}


_TEMPORAL = frozenset({"date", "time", "duration", "set"})


def _digits_read_as_dates(expr: Expression, spans: list[tuple[int, int]],
                          starts: list[int], longest: int) -> bool:
    """True when every digit of a plain number lies inside temporal expressions: "2009-2010"
    is two years, not the range 2009 to 2010 (a number in words: its first and last
    letters, or the last of a range).  ``spans`` are the temporal spans sorted,
    ``starts`` their starts; only those starting within ``longest`` before the number
    can cover it, so the lookup is a bisection, not a scan (a scan per number was
    quadratic on text made of dates)."""
    s, e = expr.span
    lo, hi = bisect.bisect_right(starts, s - longest), bisect.bisect_left(starts, e)
    covering = [(a, b) for a, b in spans[lo:hi] if s < b]
    if not covering:
        return False
    digits = [i for i in range(s, e) if expr.text[i - s].isdigit()]
    if not digits:
        # a number in words whose last word is a duration's count: "three" in "three
        # weeks", the range "(between) two and six" of "between two and six days"
        ranged = getattr(expr.value, "qualifier", None) == "range"
        digits = [e - 1] if ranged else [s, e - 1]
    return all(any(a <= i < b for a, b in covering) for i in digits)


def merge_expressions(*groups: list[Expression]) -> list[Expression]:
    """Merge several sorted, non-overlapping lists into one, resolving overlaps."""
    spans = sorted(e.span for g in groups for e in g if e.kind in _TEMPORAL)
    span_starts = [a for a, _ in spans]
    longest = max((b - a for a, b in spans), default=0)
    candidates = sorted(
        (e for g in groups for e in g
         if not (e.kind == "number"
                 and _digits_read_as_dates(e, spans, span_starts, longest))),
        key=lambda e: (-(e.span[1] - e.span[0]), _RANK.get(e.kind, 9), e.span[0]),
    )
    taken: list[Expression] = []
    starts: list[int] = []  # occupied intervals, kept sorted and disjoint
    ends: list[int] = []
    for expr in candidates:
        s, e = expr.span
        i = bisect.bisect_left(starts, s)
        if (i > 0 and ends[i - 1] > s) or (i < len(starts) and starts[i] < e):
            continue
        starts.insert(i, s)
        ends.insert(i, e)
        taken.append(expr)
    taken.sort(key=lambda e: e.span)
    return taken


# Invisible format characters (zero-width spaces and joiners, direction marks and
# overrides, the word joiner, invisible operators, a byte-order mark, a soft hyphen)
# between two digits: "2\u200b5" shows as "25" but would be read as 2 and 5.
_HIDDEN_IN_NUMBER = re.compile(
    r"\d[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+"
    r"(?=\d)")


def _hidden_digit_joins(text: str) -> list[tuple[int, int]]:
    """Spans from a digit through the invisible characters that follow it, when a
    digit comes next."""
    return [(m.start(), m.end() + 1) for m in _HIDDEN_IN_NUMBER.finditer(text)]


def _without_hidden_joins(text: str, found: list[Expression]) -> list[Expression]:
    """Drop expressions that touch digits joined by invisible characters: what a reader
    sees ("25") is not what the characters say, so nothing is read there (precision
    first; the quote of the sentence shows the characters escaped)."""
    joins = _hidden_digit_joins(text)
    if not joins:
        return found
    starts = [s for s, _ in joins]  # sorted, and so are the ends
    out = []
    for expr in found:
        s, e = expr.span
        i = bisect.bisect_left(starts, e)  # joins[:i] start before the expression ends
        if i and joins[i - 1][1] > s:  # the latest of them ends after it starts
            continue
        out.append(expr)
    return out


def extract(text: str, anchor: dt.date | None = None) -> list[Expression]:
    """Every date, time, duration, set, number, ordinal, percent and amount in ``text``
    (none read across digits joined by invisible characters)."""
    return _without_hidden_joins(
        text, merge_expressions(find_dates(text, anchor), find_numbers(text)))

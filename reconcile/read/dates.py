"""The full dates an article's metadata and header state ("March 21, 2013",
"2013-03-21"): one grammar, weekday checked, and the metadata dates dateparser reads."""

from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import dataclass

from reconcile import english
from .helpers import _one_line


_MONTHS = {w[:3]: n for w, n in english.MONTHS.items()}  # read by their first three letters
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAYS = {w[:3]: n for w, n in english.WEEKDAYS.items()}
_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"\d{4}"
_TIME = (
    r"(?:\s*(?:,|at|\||-|–|—)?\s*\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*(?:[a-z]{2,5}|(?:utc|gmt)\s*[+-]\s*\d{1,2}(?::?\d{2})?))?)?"
)
_FULL_DATE = re.compile(
    rf"""(?:(?P<wd>{_WEEKDAY}),?\s+)?
    (?:
        (?P<m1>{_MONTH})\s+(?P<d1>{_DAY}),?\s+(?P<y1>{_YEAR})
      | (?:the\s+)?(?P<d2>{_DAY})(?:\s+of)?\s+(?P<m2>{_MONTH}),?\s+(?P<y2>{_YEAR})
      | (?P<y3>{_YEAR})-(?P<n3>\d{{1,2}})-(?P<d3>\d{{1,2}})
        (?:[T ]\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?(?:z|[+-]\d{{2}}:?\d{{2}})?)?
      | (?P<y4>{_YEAR})/(?P<n4>\d{{1,2}})/(?P<d4>\d{{1,2}})
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_FULL_DATE_LINE = re.compile(
    rf"[\s*_]*(?:{_FULL_DATE.pattern}){_TIME}[\s*_.]*", re.IGNORECASE | re.VERBOSE
)


@dataclass(frozen=True)
class _ParsedDate:
    date: _dt.date
    weekday_mismatch: bool = False


def _day(value: str) -> int:
    return int(value.rstrip("stndrhSTNDRH"))


def _date_from_match(m: re.Match[str]) -> _ParsedDate | None:
    g = m.groupdict()
    try:
        if g["y1"]:
            y, mo, d = int(g["y1"]), _MONTHS[g["m1"][:3].lower()], _day(g["d1"])
        elif g["y2"]:
            y, mo, d = int(g["y2"]), _MONTHS[g["m2"][:3].lower()], _day(g["d2"])
        elif g["y3"]:
            y, mo, d = int(g["y3"]), int(g["n3"]), int(g["d3"])
        else:
            y, mo, d = int(g["y4"]), int(g["n4"]), int(g["d4"])
        if not 1000 <= y <= 9999:
            return None
        date = _dt.date(y, mo, d)
    except (ValueError, KeyError, TypeError):
        return None
    mismatch = False
    if g.get("wd"):
        mismatch = _WEEKDAYS[g["wd"][:3].lower()] != date.weekday()
    return _ParsedDate(date, mismatch)


_MAX_DATE_CHARS = 120
"""Longer values are not a date; the cap also bounds the regex work on hostile values."""


def _parse_date(value: str, *, allow_time: bool = True) -> _ParsedDate | None:
    value = value.strip()
    if len(value) > _MAX_DATE_CHARS:
        return None
    pattern = _FULL_DATE_LINE if allow_time else _FULL_DATE
    m = pattern.fullmatch(value)
    return _date_from_match(m) if m else None


def parse_full_date(value: str) -> _dt.date | None:
    """A complete calendar date written in one of the forms reconcile reads from front
    matter, manifests and page headers: ``2024-05-28`` (also with a time, or with
    slashes), ``May 28, 2024``, ``Tuesday, May 28, 2024``, ``28 May 2024``, month names
    full or abbreviated, optionally followed by a clock time.  None otherwise (including
    impossible dates and forms that are ambiguous, such as ``05/06/2024``)."""
    parsed = _parse_date(value)
    return parsed.date if parsed else None


_DATEPARSER_SETTINGS = {
    # A full date or nothing: no "March 2024", no day or year taken from today.
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    # Absolute dates only: no "yesterday" or "2 days ago" (a metadata value has no
    # reference day), no Unix timestamps, no digit runs split into a date.
    "PARSERS": ["absolute-time"],
}
_FOUR_DIGIT_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_NUMERIC_YEAR_FIRST = re.compile(r"\s*\d{4}\s*[-/.]")


@functools.lru_cache(maxsize=4096)
def _metadata_date(value: str) -> _ParsedDate | str:
    """A publication date given as metadata (front matter, manifest, HTML ``<meta>``),
    or why it cannot be read.  The forms of :func:`_parse_date` first (no dependency);
    then whatever dateparser reads in any language ("3 mars 2024", "3. März 2024",
    "03.03.2024"), strictly: day, month and a four-digit year must all be written, no
    relative dates, and a numeric date whose day and month could be swapped is refused.
    The date is the one written, in the value's own time zone (never converted)."""
    value = value.strip()
    if len(value) > _MAX_DATE_CHARS:
        return "too long for a date"
    parsed = _parse_date(value)
    if parsed is not None:
        return parsed
    if not _FOUR_DIGIT_YEAR.search(value):
        return "no four-digit year"
    if _NUMERIC_YEAR_FIRST.match(value):
        return "year first but not year-month-day"
    import dateparser

    # Read day-first and month-first: two different dates mean the value does not say
    # which it is; one order failing (a 13th month) is no doubt.
    dates = set()
    for order in ("DMY", "MDY"):
        try:
            got = dateparser.parse(value, settings={**_DATEPARSER_SETTINGS, "DATE_ORDER": order})
        except Exception:  # noqa: BLE001 - a third-party parser on untrusted text
            got = None
        if got is not None and 1000 <= got.year <= 9999:
            dates.add(got.date())
    if not dates:
        return "not a complete calendar date"
    if len(dates) > 1:
        return "day and month could be swapped"
    return _ParsedDate(dates.pop())


def _unreadable_date(where: str, what: str, value: str, why: str) -> str:
    """The warning for a metadata date that is not read: where, the value, and why."""
    return (f"{where}: cannot read {what} '{_one_line(value, 60)}' ({why}; "
            "write it as YYYY-MM-DD); ignored")

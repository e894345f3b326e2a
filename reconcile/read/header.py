"""An article's opening lines: the dateline (where, and maybe when, a story was filed)
and a page header's date."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from collections.abc import Sequence

from reconcile import gazetteer
from reconcile.model import Place
from reconcile.text import Sentence
from .helpers import _nonblank_lines
from .dates import _MONTH, _DAY, _YEAR, _ParsedDate, _parse_date


_HEADER_LINES = 5
_MAX_TITLE = 160
_DATELINE_LINES = 8
_DATELINE_CHARS = 5000


_PLACE_WORD = r"[^\W\d_](?:[^\W\d_]|['’.\-])*"
_PLACE = rf"(?P<place>{_PLACE_WORD}(?:[ ]{_PLACE_WORD}){{0,3}})"
_REGION = rf"(?:,[ ](?P<region>{_PLACE_WORD}(?:[ ]{_PLACE_WORD}){{0,2}}))?"
_AGENCY = r"\((?P<agency>[^\W\d_][\w .&'’\-]{0,39})\)"
_DATELINE_DATE = (
    rf"(?P<date>{_MONTH}[ ]{_DAY}(?:,?[ ]{_YEAR})?|{_DAY}[ ]{_MONTH}(?:,?[ ]{_YEAR})?)"
)
_EMPH = r"[*_]{0,2}"
_DATELINE = re.compile(
    rf"""[ \t]*{_EMPH}{_PLACE}{_EMPH}{_REGION}
    (?:
        (?P<colon>:)[ \t]+
      | (?:,[ \t]*{_DATELINE_DATE})?[ \t]*(?:{_AGENCY}[ \t]*)?(?P<dash>--|[-–—])[ \t]*
    )(?=\S)""",
    re.VERBOSE | re.IGNORECASE,
)
# Capitalized labels that open a paragraph like a dateline but name no place.
_NOT_PLACES = frozenset(
    """BREAKING UPDATE UPDATED EXCLUSIVE WATCH OPINION ANALYSIS NOTE PHOTO PHOTOS VIDEO
    LIVE CORRECTION CLARIFICATION FILE RELATED ADVERTISEMENT SPONSORED WARNING EDITORIAL
    COMMENT REVIEW INTERVIEW EXPLAINER SOURCE SOURCES CREDIT READ MORE ALSO Q A TL;DR
    NEWS URGENT ALERT FLASH FACT CHECK SUMMARY HIGHLIGHTS TRANSCRIPT""".split()
)


def _dateline_at(text: str, start: int, end: int) -> re.Match[str] | None:
    """A dateline opening the line ``text[start:end]``, or None."""
    m = _DATELINE.match(text, start, end)
    if not m:
        return None
    place = m.group("place")
    words = place.split()
    if m.group("dash") == "-" and not (m.group("date") or m.group("agency")):
        return None  # "ABC - ..." alone is too weak; "ABC — ..." is a dateline
    if m.group("region") and not (m.group("date") or m.group("agency")):
        return None
    if (
        (place == place.upper() or _full_date_and_dash(m))
        and sum(ch.isalpha() for ch in place) >= 2
        and all(any(ch.isalpha() for ch in w) for w in words)
        and not any(w.strip(".'’").upper() in _NOT_PLACES for w in words)
    ):
        return m
    return None


def _full_date_and_dash(m: re.Match[str]) -> bool:
    """Whether a dateline in title case is unmistakable: a capitalized place, a date with
    its year and a dash ("Lagos, 9 November 2024 — ...", "Winder, Georgia, Sept. 4, 2024
    — ..."), as many outlets write it."""
    date = m.group("date")
    return bool(m.group("dash") and date and re.search(r"\d{4}", date)
                and all(w[:1].isupper() for w in m.group("place").split()))


def _dateline_match(text: str, start: int) -> re.Match[str] | None:
    """A dateline opening one of the first paragraphs after ``start``, read for its date.

    A dateline is an all-caps place name of one to four words at the start of a line
    (paragraph), followed by ``:`` ("LIMA: ..."), by an agency in parentheses and a
    dash ("WASHINGTON (AP) — ..."), by a comma, a date and a dash ("LONDON, March 21,
    2013 — ...", "LONDON, March 21 (Reuters) - ..."), or by an em/en dash
    ("WASHINGTON — ...").  A title-case region may follow the place ("KYIV, Ukraine (AP)
    —").  A title-case place is a dateline too when a full date and a dash follow it
    ("Lagos, 9 November 2024 — ...").  Only the first eight non-empty lines (and 5000 characters) after ``start`` are
    examined.
    """
    limit = start + _DATELINE_CHARS
    for count, (s, e, _nxt) in enumerate(_nonblank_lines(text, start)):
        if count >= _DATELINE_LINES or s > limit:
            break
        m = _dateline_at(text, s, e)
        if m:
            return m
    return None


# A dateline opening a story, read for where it was filed: an all-caps place ("PARIS:",
# "PARIS (AP) —", "LIMA, Peru (AP)", "BANGKOK, Oct. 3 —") or any case before a dash
# ("Lima —", "Lima, Agency –").  A looser grammar than _DATELINE's, which reads a
# publication date only when the line is unmistakably a dateline.
_STORY_DATELINE_CAPS = re.compile(
    r"([A-Z][A-Z .'\-]{1,40}?)(?=\s*(?::|,|\(|—|–| - ))"
    r"(?:\s*,\s*[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,2}(?=\s*[(—–:-]))?"
    r"(?:\s*,\s*[A-Z][a-z]{2,4}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"(?:\s*\([^()\n]{1,40}\))?(?:\s*[:—–-]+)?")
_STORY_DATELINE_DASH = re.compile(
    r"([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})(?:\s*,\s*[A-Z][\w.'’ ]{1,30}?)?"
    # a date may follow ("Lagos, 9 November 2024 —", "Lagos, Nov. 9, 2024 —")
    r"(?:\s*,\s*(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2})"
    r"(?:,?\s*\d{4})?)?"
    r"(?:\s*\([^()\n]{1,40}\))?\s*(?:—|–|:|\s-\s)")
_STORY_DATELINE_SENTENCES = 8


@dataclass(frozen=True)
class Dateline:
    """Where a story was filed, from the dateline opening it: never where anything in
    the story happened, so its words are never an event's place."""

    place: Place
    span: tuple[int, int]
    """The place's words in the text."""
    end: int
    """Where the dateline's words end ("LIMA, Peru (AP) —")."""
    paragraph: int
    """The paragraph the dateline opens."""


def find_dateline(text: str, sentences: Sequence[Sentence]) -> Dateline | None:
    """The dateline opening one of the first eight ``sentences`` of ``text`` whose place
    the gazetteer knows: all caps ("PARIS:", "PARIS (AP) —", "LIMA, Peru (AP)") or any
    case before a dash ("Lima —", "Lima, Agency –"); None without one."""
    for sent in sentences[:_STORY_DATELINE_SENTENCES]:
        head = text[sent.start:sent.start + 100]
        m = _STORY_DATELINE_CAPS.match(head)
        if m is None or not m.group(1).strip().isupper():
            m = _STORY_DATELINE_DASH.match(head)
        if m is None:
            continue
        place = gazetteer.lookup_place(m.group(1).strip())
        if place is not None:
            span = (sent.start, sent.start + len(m.group(1).strip()))
            return Dateline(place, span, sent.start + m.end(), sent.paragraph)
    return None


def _dateline_date(text: str, start: int) -> _dt.date | None:
    m = _dateline_match(text, start)
    if m is None or not m.group("date"):
        return None
    parsed = _parse_date(m.group("date"), allow_time=False)
    return parsed.date if parsed and not parsed.weekday_mismatch else None


def _is_header_like(line: str) -> bool:
    line = line.strip()
    return len(line) <= _MAX_TITLE and not line.endswith((".", '."', ".”", ".'"))


# A label or byline before a header date: "Published: June 10, 2023",
# "Updated 3 March 2022", "By Jane Doe | June 11, 2023".
_HEADER_LABEL = re.compile(
    r"^\s*(?:(?:published|posted|updated|last\s+updated|first\s+published|date)\b"
    r"(?:\s+on)?\s*:?|[^|·\n]{1,60}[|·])\s*", re.IGNORECASE)


def _page_header(text: str, start: int) -> tuple[_ParsedDate, int] | None:
    """A line that is entirely a date among the first non-empty lines; returns the date
    and the offset after that line."""
    for count, (s, e, nxt) in enumerate(_nonblank_lines(text, start)):
        if count >= _HEADER_LINES:
            break
        line = text[s:e]
        if len(line) <= 80:
            parsed = _parse_date(line) or _parse_date(_HEADER_LABEL.sub("", line, count=1))
            if parsed is not None:
                return parsed, nxt
        if not _is_header_like(line) or _dateline_at(text, s, e):
            break
    return None

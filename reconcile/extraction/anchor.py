"""The date an article's relative expressions ("Monday", "last year") are resolved
against, and how it was chosen: one job, shared by the report pipeline and ``reconcile
extract`` (which must not pay for importing the matching machinery)."""

from __future__ import annotations

import datetime as dt
import re

from ..model import DateValue, Source
from .temporal import find_dates
from ..text import split_sentences

_EXACT_BASES = ("front-matter", "html-meta", "manifest", "dateline")


FRAME_PARAGRAPHS = 3
"""How many paragraphs of an article's opening may give its anchor: the frame (dateline,
lead) tells the story's own time; later paragraphs often recall other times."""
_RECALLED = re.compile(
    r"\b(?:since|ago|last\s+year|in\s+the\s+past|previous(?:ly)?|earlier|history|"
    r"historic|anniversary|recalled?|remembered)\b", re.I)
"""A sentence with these words may date another, earlier happening: never an anchor."""


_WEEKDAY = re.compile(r"\b(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\b")
_WORDS = re.compile(r"[A-Za-z]+")


def _a_date_line(sentence: str, date: str) -> bool:
    """Whether a sentence is a date with at most a few words ("Updated: March 10, 2025"):
    a line that dates the article, not a happening it tells."""
    return len(_WORDS.findall(sentence.replace(date, " ", 1))) <= 3


def resolve_anchor(source: Source) -> tuple[dt.date | None, str]:
    """The date relative expressions are resolved against, and how it was chosen.

    A publication date from front matter, a manifest or a dateline is used as is.  A
    page header on a scraped page may be the day it was scraped, so it is only an upper
    bound: the latest fully stated date of the article's frame at or before it is a
    better anchor.  With no metadata at all, that date is a lower bound on the
    publication date and the best anchor the text offers.  Only the frame (the first
    paragraphs) may give it (a date, or a clock time on a stated date: "09:40, May 2,
    2024"), never a sentence that recalls another time ("the deadliest
    since the quake of March 3, 1999"): a background date would resolve "Monday" of
    the story decades off.  Without such a date the anchor stays unknown, and years
    stay open rather than guessed wrong.
    """
    if source.published is not None and source.published_basis in _EXACT_BASES:
        return source.published, source.published_basis
    bound = source.published
    stated: list[dt.date] = []
    sentences = split_sentences(source.text, source.body_start)
    first = sentences[0].paragraph if sentences else 0
    relative = False
    for sent in sentences:
        if sent.paragraph >= first + FRAME_PARAGRAPHS:
            break
        text = sent.text(source.text)
        if _RECALLED.search(text):
            continue
        found = find_dates(text, bound)
        stated.extend(
            e.value.latest
            for e in found
            if isinstance(e.value, DateValue)
            and (e.value.granularity == "day"
                 or e.value.granularity == "time" and e.value.latest == e.value.earliest)
            and not e.value.anchored
            and e.value.latest is not None
            and (bound is None or e.value.latest <= bound)
            and (not relative or _WEEKDAY.search(e.text) or _a_date_line(text, e.text)))
        # once the story is told in days relative to the unknown date ("on Monday"), a
        # later full date dates another happening ("a quake on June 4, 2001 killed 90")
        # unless it names its weekday ("Monday, March 10") or stands alone as a date line
        relative = relative or any(isinstance(e.value, DateValue) and e.value.anchored
                                   and e.value.granularity == "day" for e in found)
    if stated:
        return max(stated), ("latest-date" if bound is None else "latest-date, page-header bound")
    if bound is not None:
        return bound, source.published_basis
    return None, "none"

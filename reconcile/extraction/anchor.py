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


def resolve_anchor(source: Source) -> tuple[dt.date | None, str]:
    """The date relative expressions are resolved against, and how it was chosen.

    A publication date from front matter, a manifest or a dateline is used as is.  A
    page header on a scraped page may be the day it was scraped, so it is only an upper
    bound: the latest fully stated date of the article's frame at or before it is a
    better anchor.  With no metadata at all, that date is a lower bound on the
    publication date and the best anchor the text offers.  Only the frame (the first
    paragraphs) may give it, never a sentence that recalls another time ("the deadliest
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
    for sent in sentences:
        if sent.paragraph >= first + FRAME_PARAGRAPHS:
            break
        text = sent.text(source.text)
        if _RECALLED.search(text):
            continue
        stated.extend(
            e.value.latest
            for e in find_dates(text, bound)
            if isinstance(e.value, DateValue)
            and e.value.granularity == "day"
            and not e.value.anchored
            and e.value.latest is not None
            and (bound is None or e.value.latest <= bound))
    if stated:
        return max(stated), ("latest-date" if bound is None else "latest-date, page-header bound")
    if bound is not None:
        return bound, source.published_basis
    return None, "none"

"""Words around a match: the previous and next word, sentence starts, plural nouns,
rates ("a year" in "$3 billion a year"), number words as numbers, duration values."""

from __future__ import annotations

import re

from .tables import _IRREGULAR_PLURALS, _NOT_PLURAL


_WORD_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z'’-]*)[\s,]*$")
_WORD_AFTER_RE = re.compile(r"^\s{0,3}([A-Za-z][A-Za-z'’-]*)")


def _prev_word(text: str, start: int) -> str:
    m = _WORD_BEFORE_RE.search(text[max(0, start - 40):start])
    return m.group(1) if m else ""


def _prev_word_nocomma(text: str, start: int) -> str:
    seg = text[max(0, start - 40):start]
    m = re.search(r"([A-Za-z][A-Za-z'’-]*)\s*$", seg)
    return m.group(1) if m else ""


def _next_word(text: str, end: int) -> str:
    m = _WORD_AFTER_RE.match(text[end:end + 40])
    return m.group(1) if m else ""


def _is_plural_noun(word: str) -> bool:
    w = word.lower()
    if w in _IRREGULAR_PLURALS:
        return True
    return (len(w) >= 3 and w.endswith("s") and not w.endswith(("ss", "us", "is"))
            and w not in _NOT_PLURAL
            and word[0].islower() and "'" not in w and "’" not in w)


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘(":
        i -= 1
    return i < 0 or text[i] in ".!?\n:"


_NUMERIC_BEFORE_RE = re.compile(
    r"(?:\d|%|\b(?:billion|million|thousand|trillion|hundred|percent|per\scent|bn|mn|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|dozen|dozens|hundreds|thousands|"
    r"millions)\b)[^.;:!?,()\d-]{0,40}$",
    re.IGNORECASE,
)


def _is_rate(text: str, start: int) -> bool:
    """True when "a year"/"a day" at ``start`` follows a quantity ("$5 billion a year",
    "400 visitors a day")."""
    seg = text[max(0, start - 45):start]
    m = _NUMERIC_BEFORE_RE.search(seg)
    if m is None:
        return False
    # the quantity must be close: at most four words between it and "a"
    return len(seg[m.end() - len(seg):].split()) <= 4 if m.end() < len(seg) else True

"""Sentences and paragraphs with character spans.

News text as scraped puts one paragraph per line; hand-wrapped text continues a
sentence on the next line.  A line break therefore ends a sentence unless the line
stops mid-sentence (no terminal punctuation) and the next line starts in lower case.
Rule-based and linear in the length of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations after which a period does not end a sentence (lower-cased, no period).
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt cpt sgt cmdr adm gov sen rep rev fr st jr sr
    hon pres supt insp det cpl pvt brig
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    no nos vs etc al inc ltd co corp plc llc dept univ est approx fig vol pp ed eds
    mt ft ave blvd rd
    e.g i.e a.m p.m u.s u.k u.n u.s.a e.u
    """.split()
)

# Starts only at the first mark of a run, so a long run of "....." with no space after
# is tried once, not once per mark (which was quadratic).
_BOUNDARY = re.compile(r"(?<![.!?])[.!?]+[\"'”’)\]]*(?=\s)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


@dataclass(frozen=True)
class Sentence:
    """One sentence: its span in the text, its paragraph number and its position."""

    start: int
    end: int
    paragraph: int
    index: int

    def text(self, full: str) -> str:
        return full[self.start:self.end]


def _is_abbreviation(text: str, dot: int) -> bool:
    """Does the period at ``dot`` close an abbreviation or an initial?"""
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():  # an initial: "J. Smith"
        return True
    return word.lower().rstrip(".") in _ABBREVIATIONS


def _next_starts_sentence(text: str, pos: int) -> bool:
    """After whitespace at ``pos``: does an upper-case letter, digit or quote follow?"""
    n = len(text)
    while pos < n and text[pos] in " \t":
        pos += 1
    if pos >= n:
        return True
    ch = text[pos]
    return ch.isupper() or ch.isdigit() or ch in "\"'“‘([" or ch == "\n"


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Split ``text[start:end]`` into sentences (spans trimmed of surrounding space)."""
    end = len(text) if end is None else end
    out: list[Sentence] = []
    paragraph = 0
    index = 0

    def emit(s: int, e: int) -> None:
        nonlocal index
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Sentence(s, e, paragraph, index))
            index += 1

    pos = start
    line_start = start
    while line_start < end:
        nl = text.find("\n", line_start, end)
        line_end = end if nl == -1 else nl
        line = text[line_start:line_end]
        stripped = line.strip()
        if not stripped:
            if pos < line_start:
                emit(pos, line_start)
            paragraph += 1 if out and out[-1].paragraph == paragraph else 0
            pos = line_end + 1
            line_start = line_end + 1
            continue
        # split inside the line at terminal punctuation
        for m in _BOUNDARY.finditer(text, line_start, line_end):
            dot = m.start()
            if text[dot] == "." and m.end() - dot == 1 and _is_abbreviation(text, dot):
                continue
            if not _next_starts_sentence(text, m.end()):
                continue
            emit(pos, m.end())
            pos = m.end()
        # does the sentence continue on the next line?
        next_start = line_end + 1
        continues = False
        if nl != -1 and next_start < end:
            nxt = text[next_start:min(end, next_start + 2)].lstrip()
            ends_open = stripped[-1] not in ".!?:\"'”’)" and len(stripped) > 60
            continues = ends_open and bool(nxt) and nxt[0].islower()
        if not continues:
            emit(pos, line_end)
            pos = line_end + 1
            if out and out[-1].paragraph == paragraph:
                paragraph += 1
        line_start = line_end + 1
    if pos < end:
        emit(pos, end)
    return out

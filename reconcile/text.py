"""Sentences and paragraphs with character spans.

News text as scraped puts one paragraph per line; hand-wrapped text continues a
sentence on the next line.  A line break therefore ends a sentence unless the line
stops mid-sentence (no terminal punctuation) and the next line starts in lower case.
Rule-based and linear in the length of the text.

A "sentence" longer than :data:`MAX_SENTENCE` characters (a scraped page that never
uses punctuation, a hostile file of one endless line) is cut into chunks of at most
that length at white space, so that every later step that works per sentence (trigger
and value attachment, a mention's sentence, the words matching compares) does bounded
work per chunk: the time to read a text stays linear in its length.
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

MAX_SENTENCE = 2000
"""Characters in one sentence at most; longer runs are cut at white space (news
sentences stay far below: the longest in the realnews dev set is under 1,000)."""
_CUT_BACK = 200
"""How far back from the limit a cut looks for white space before cutting mid-word."""

# Starts only at the first mark of a run, so a long run of "....." with no space after
# is tried once, not once per mark (which was quadratic).  The mark is read before what
# precedes it is looked at (``(?<![.!?].)`` after one character is ``(?<![.!?])`` before
# it), so the regex engine jumps from mark to mark instead of trying every place.
_BOUNDARY = re.compile(r"[.!?](?<![.!?].)[.!?]*[\"'”’)\]]*(?=\s)")
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
        for cs, ce in _chunks(text, s, e):
            out.append(Sentence(cs, ce, paragraph, index))
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


def _chunks(text: str, start: int, end: int, limit: int = MAX_SENTENCE
            ) -> list[tuple[int, int]]:
    """``text[start:end]`` (already trimmed) as spans of at most ``limit`` characters,
    cut at the last white space before the limit (mid-word only when the last
    ``_CUT_BACK`` characters hold none), each trimmed; one span when it fits."""
    spans: list[tuple[int, int]] = []
    s = start
    while end - s > limit:
        cut = s + limit
        space = -1
        for k in range(cut, max(s, cut - _CUT_BACK), -1):
            if text[k].isspace():
                space = k
                break
        e = space if space > s else cut
        spans.append((s, e))
        s = e
        while s < end and text[s].isspace():
            s += 1
    if end > s:
        spans.append((s, end))
    return spans

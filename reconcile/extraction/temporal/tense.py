"""Resolution by tense: which year a month or day without one means and which weekday a
bare weekday names, from the clause around it (news narrates the past)."""

from __future__ import annotations

import datetime as _dt
import re
from typing import Literal

from .tables import Direction, NUMBER_WORDS, UNITS, _FUTURE_RE, _REPORTING, _REPORTING_RE
from .candidates import _Ctx
from .values import _safe_date


def _resolve_md_year(m: int, d: int | None, anchor: _dt.date, direction: Direction) -> int:
    """Year of month(/day) nearest the anchor in the given direction (inclusive)."""
    y = anchor.year
    if direction == "past":
        for yy in range(y, y - 9, -1):
            if d is None:
                if (yy, m) <= (anchor.year, anchor.month):
                    return yy
            else:
                dd = _safe_date(yy, m, d)
                if dd is not None and dd <= anchor:
                    return yy
        return y - 1
    for yy in range(y, y + 9):
        if d is None:
            if (yy, m) >= (anchor.year, anchor.month):
                return yy
        else:
            dd = _safe_date(yy, m, d)
            if dd is not None and dd >= anchor:
                return yy
    return y


def _weekday_date(wd: int, anchor: _dt.date, direction: Direction) -> _dt.date:
    if direction == "past":
        return anchor - _dt.timedelta(days=(anchor.weekday() - wd) % 7)
    return anchor + _dt.timedelta(days=(wd - anchor.weekday()) % 7)


def _weekday_fixed_year(wd: int, m: int, d: int, anchor: _dt.date,
                        direction: Direction) -> int | None:
    """The year in which month/day falls on weekday ``wd``: a near-future one (within a
    month, or a year when the clause is future) before the most recent past one within
    seven years."""
    horizon = 366 if direction == "future" else 31
    for yy in (anchor.year, anchor.year + 1):
        dd = _safe_date(yy, m, d)
        if dd is not None and dd > anchor and (dd - anchor).days <= horizon \
                and dd.weekday() == wd:
            return yy
    for yy in range(anchor.year, anchor.year - 8, -1):
        dd = _safe_date(yy, m, d)
        if dd is not None and dd <= anchor and dd.weekday() == wd:
            return yy
    return None


def _shift_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _direction(ctx: _Ctx, start: int) -> Direction:
    """Future when the clause before ``start`` marks the future (after the last
    reporting verb), else past (news narrates the past)."""
    return "future" if _tense(ctx, start, need_past=False) == "future" else "past"


# a clause told in the past: "was", "had", "-ed" verbs, "ago"; "had been due to" is past
_IRREGULAR_PAST = (
    "arose|became|began|bit|bled|broke|brought|built|bought|came|caught|chose|cut|drew|drove|"
    "fell|fed|felt|fought|found|fled|flew|forgot|froze|gave|got|grew|hid|held|hit|hung|heard|"
    "kept|knew|laid|led|left|lent|lost|made|meant|met|overthrew|paid|put|quit|ran|rang|rode|"
    "rose|sank|sat|saw|sent|set|shook|shot|slept|slid|sold|spent|split|spoke|spread|stole|"
    "stood|struck|stuck|swept|swore|swung|taught|thought|threw|took|tore|understood|went|"
    "withdrew|woke|won|wore|wrote")
_PAST_WORDS = frozenset(["was", "were", "had", "did", "ago", "earlier", "previously", "since",
                         "already", *_IRREGULAR_PAST.split("|")])
_HAD_BEEN_RE = re.compile(r"\b(?:had|previously|originally)\b", re.IGNORECASE)


_WOULD_RE = re.compile(r"\b(?:would|to\s+be|(?:is|are)\s+to|set\s+to|plans?\s+to|expects?\s+to|intends?\s+to|payable|"
                       r"effective|record|deadline)\b", re.IGNORECASE)
# "extended to", "until 5 p.m. EST": a deadline (a clock time may come between)
_TARGET_PREP_RE = re.compile(r"\b(?:to|until|till|through|by)\s*(?:(?:noon|midnight|\d{1,2}"
                             r"(?:[:.]\d\d)?\s{0,2}(?:[ap]\.?m\.?)?)\s{0,2}(?:[A-Z]{2,4}\b)?"
                             r"[\s,]*)?$", re.IGNORECASE)
_ONLY_PREP_RE = re.compile(r"^[\s,]*(?:[A-Za-z.'’]+\s+){0,3}?(?:in|on|since|during)?\s*$")


def _tense(ctx: _Ctx, start: int, need_past: bool = True) -> Literal["past", "future", "none"]:
    """The tense of the clause before ``start`` (after its last reporting verb): future
    on a future marker ("will", "would", "payable") unless "had"/"previously" comes before
    it ("had been due to expire"); past on a past-tense verb, or right after a reporting
    verb ("told reporters in May"); none otherwise, and for a deadline after a past verb
    ("was extended to Nov. 16").  ``need_past`` False: the caller only asks whether it is
    future, so the clause before is not searched for a past verb."""
    text = ctx.text
    window = _clause_before(text, start)
    fm = _last_future_marker(window)
    if fm is not None:
        if _finite_past_after(window, fm.end()):
            # "the units to be sold had sales of $9 million in the year ended March 31":
            # the verb nearest the date is told in the past
            return "none" if _TARGET_PREP_RE.search(window) else "past"
        return _future_or_none(window, fm)
    if need_past and _past_verb(window):
        return "none" if _TARGET_PREP_RE.search(window) else "past"
    cut = start - len(window)  # where the clause starts: after a reporting verb, or not
    if _ONLY_PREP_RE.match(window) and _REPORTING_END_RE.search(text, max(0, cut - 12), cut):
        return "past"
    if not window.strip(" ,(") or re.fullmatch(r"[\s,(]*[A-Za-z]+\s*", window):
        # "In January, the company hired ...": the verb comes after the date
        return _tense_after(text, start)
    return "none"


_REPORTING_END_RE = re.compile(r"\b" + _REPORTING + r"\Z", re.IGNORECASE)
"""A reporting verb the clause starts right after ("told reporters in May"); one that
ends the sentence before does not tell this clause's tense."""


def _last_future_marker(window: str) -> re.Match[str] | None:
    """The last future marker of the clause: the last "will"-like one, unless a
    "would"-like one comes after it."""
    fm = None
    for fm in _FUTURE_RE.finditer(window):
        pass
    for wm in _WOULD_RE.finditer(window):
        if fm is None or wm.start() > fm.start():
            fm = wm
    return fm


def _future_or_none(window: str, fm: re.Match[str]) -> Literal["future", "none"]:
    """Future at a future marker, unless the plan was one of the past ("had been due",
    "was going to"): then the date may have passed, and no tense is told."""
    if _HAD_BEEN_RE.search(window, 0, fm.start()):
        return "none"  # "had been due to expire Nov. 6": a plan of the past, date either
    if re.match(r"(?i)(?:was|were)\b", fm.group()) or \
            re.search(r"(?i)\b(?:was|were)\s{1,2}\Z", window[:fm.start()]) or \
            _WAS_TO_RE.search(window):
        return "none"  # "was going to be raided on May 14": future once, maybe past now
    return "future"


def _tense_after(text: str, start: int) -> Literal["past", "future", "none"]:
    """The tense of the verb after a date that opens its clause ("In January, the
    company hired ..."): the first future marker or past verb in the sentence's next
    90 characters; none when there is neither."""
    # a line break before a lower-case word wraps the sentence ("19 people\nwere freed")
    after = re.split(r"[;!?]|\n(?![a-z])|\.\s", text[start:start + 90], maxsplit=1)[0]
    marks = [(mm.start(), "future") for rx in (_FUTURE_RE, _WOULD_RE)
             for mm in [rx.search(after)] if mm]
    pm = _past_verb(after)
    if pm is not None:
        marks.append((pm.start(), "past"))
    if marks:
        return "future" if min(marks)[1] == "future" else "past"
    return "none"


_WAS_TO_RE = re.compile(r"(?i)\b(?:was|were)\s{1,2}(?:going|due|set|scheduled|expected|"
                        r"supposed|planned|about)\s{1,2}to\b")
_PRESENT_AUX_RE = re.compile(r"(?i)\b(?:has|have|to|will|would|may|might|can|could|does|do)"
                             r"\s{1,2}\Z")


def _past_verb(window: str) -> re.Match[str] | None:
    """The first past-tense word of ``window`` that is not a perfect or infinitive
    ("has set", "to cut" are not told in the past).  Word by word with a set lookup: one
    regex alternation of every irregular verb was the slowest step of a weekday."""
    for pm in _WORD_RE.finditer(window):
        w = pm.group().lower()
        if w in _PAST_WORDS or (len(w) >= 5 and w.endswith("ed")):
            if w in _AMBIGUOUS_PAST and _PRESENT_AUX_RE.search(window, 0, pm.start()):
                continue
            return pm
    return None


_WORD_RE = re.compile(r"[A-Za-z]+")
_AUX_BEFORE_RE = re.compile(r"(?i)\b(?:be|been|being|is|are|am|was|were|get|gets|got|have|has|"
                            r"to|will|would|shall|should|may|might|must|can|could)\s{1,2}\Z")


def _finite_past_after(window: str, at: int) -> bool:
    """True when a past-tense verb of its own comes after position ``at`` (after a future
    marker): a word of the past not right after an auxiliary ("will be completed", "to be
    sold", "will have ended" are participles of the future)."""
    for pm in _WORD_RE.finditer(window, at):
        w = pm.group().lower()
        if w in _NOT_A_PAST_VERB or _AUX_BEFORE_RE.search(window, 0, pm.start()):
            continue
        if (w in _PAST_WORDS and w not in _AMBIGUOUS_PAST) or (
                (w in _AMBIGUOUS_PAST or (len(w) >= 5 and w.endswith("ed")))
                and _VERB_FOLLOWS_RE.match(window, pm.end())):
            return True
    return False


# after an "-ed" verb (not an adjective: "preferred shares", "an unspecified date"),
# a preposition, an article or the date itself
_VERB_FOLLOWS_RE = re.compile(r"\s{1,2}(?:in|on|at|to|from|for|by|during|since|until|the|a|an|"
                              r"its|their|his|her|\d|[A-Z][a-z]{2})|\s*\Z")


_NOT_A_PAST_VERB = frozenset(["since", "already", "earlier", "previously", "ago", "need",
                              "needed", "proceed", "exceed", "succeed", "speed", "feed",
                              "indeed", "embed", "breed", "seed", "bleed"])
_AMBIGUOUS_PAST = frozenset(["set", "put", "cut", "hit", "quit", "split", "spread", "bit",
                             "read", "let", "beat"])


def _md_year(ctx: _Ctx, start: int, m: int, d: int | None) -> int:
    """Year of a month(/day) written without one.  Future when the clause says so, the
    most recent past one when it is told in the past, else the occurrence nearest the
    anchor ("payable Dec. 1" in late October is this December, "in September" in February
    was last September)."""
    anchor = ctx.anchor
    assert anchor is not None
    tense = _tense(ctx, start)
    fy = _resolve_md_year(m, d, anchor, "future")
    if tense == "future":
        return fy
    py = _resolve_md_year(m, d, anchor, "past")
    if py == fy or tense == "past":
        return py

    def when(y: int) -> _dt.date:
        return _safe_date(y, m, d or 15) or _dt.date(y, m, 28)

    return fy if (when(fy) - anchor).days < (anchor - when(py)).days else py


_CLAUSE_END_RE = re.compile(r"[.!?;](?=\s|\Z)|\n")
_ABBREV_BEFORE = re.compile(r"(?:\b(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|"
                            r"Gen|Sen|Rep|Gov|Inc|Corp|Co|Ltd|No|U\.S|[A-Z]))\Z")


# "until 5 p.m. EST Nov. 9": the dot of "p.m." right before the date ends no clause
_CLOCK_BEFORE_DATE = re.compile(r"(?<=[ap]\.m)\.\s{1,2}(?:[A-Z]{2,4}\s{1,2}|,\s{1,2})?\Z")


def _clause_before(text: str, start: int) -> str:
    """The clause before ``start``, after its last reporting verb (at most 90 characters)."""
    lo = max(0, start - 90)
    window = text[lo:start]
    # a sentence or clause ends at ".", "!", "?", ";" before a space, or a line break
    # ("9.5 million" and "Oct." inside the clause do not end it)
    cut = -1
    for bm in _CLAUSE_END_RE.finditer(window):
        k = bm.start()
        if window[k] != "." or not (_ABBREV_BEFORE.search(window, 0, k) or
                                    _CLOCK_BEFORE_DATE.match(window, k)):
            cut = k
    if cut >= 0:
        window = window[cut + 1:]
    last_rep = None
    for m in _REPORTING_RE.finditer(window):
        last_rep = m
    if last_rep is not None:
        window = window[last_rep.end():]
    return window


def _number(s: str) -> float | None:
    s = " ".join(s.lower().replace("-", " ").split())
    if not s:
        return None
    try:
        return float(s)
    except ValueError:
        pass
    if s in NUMBER_WORDS:
        return float(NUMBER_WORDS[s])
    parts = s.split(" ")
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        a, b = NUMBER_WORDS[parts[0]], NUMBER_WORDS[parts[1]]
        if a >= 20 and b < 10:
            return float(a + b)
        if parts[1] in ("hundred", "dozen"):
            return float(a * b)
    return None


def _fmt_num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def _duration_value(n: float | None, unit: str) -> str | None:
    u = unit.lower().rstrip("s")
    if u == "centurie":
        u = "century"
    if u not in UNITS:
        return None
    letter, mult, is_time = UNITS[u]
    pre = "PT" if is_time else "P"
    if n is None:
        return f"{pre}X{'DE' if u == 'decade' else 'CE' if u == 'century' else letter}"
    return f"{pre}{_fmt_num(n * mult)}{letter}"

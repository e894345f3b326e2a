"""Signals: a bounding preposition ("after", "since", "by", "or earlier") read into
the value while the span stays TimeML's; durations counted from the anchor ("in two
weeks")."""

from __future__ import annotations

import datetime as _dt
import re

from reconcile.model import DateMod, DateValue, Granularity
from .candidates import _Cand, _Ctx
from .values import _last_day, _v_day, _v_month, _v_year, _v_unknown, _bounded
from .tense import _shift_months, _direction
from .context import _next_word
from .merging import _QUALIFIER_WORDS, _DUR_PART, _is_bare_time, _is_day


#
# TimeML leaves a preposition that bounds a date outside the TIMEX3 (it is a SIGNAL),
# but its meaning belongs to the value: "after 2018" is not 2018.  These readings keep
# the TimeML span and record the signal's span in ``_Cand.signal``.

_SIGNAL_BEFORE = re.compile(
    r"(?i)(?<![\w-])(?P<w>no\s{1,2}later\s{1,2}than|not\s{1,2}later\s{1,2}than|"
    r"no\s{1,2}earlier\s{1,2}than|not\s{1,2}earlier\s{1,2}than|later\s{1,2}than|"
    r"earlier\s{1,2}than|any\s{1,2}time\s{1,2}from|prior\s{1,2}to|after|before|since|until|"
    r"till|by|(?:starting|beginning)(?:\s{1,2}(?:on|from|in))?)"
    r"(?:\s{1,2}(?:around|about|approximately))?\s{1,2}\Z"
)
_SIGNAL_AFTER = re.compile(
    r"(?i)\s{1,2}(?P<w>(?:or|and)\s{1,2}(?:later|earlier|beyond)(?!\s{1,2}than\b)|"
    r"(?:or|and)\s{1,2}(?:after|before)(?=\s{0,2}(?:[.,;:!?)]|$))|onwards?)(?![\w-])"
)
_MOD_OF: dict[str, DateMod] = {
    "after": "AFTER", "later than": "AFTER", "before": "BEFORE", "prior to": "BEFORE",
    "earlier than": "BEFORE", "since": "ON_OR_AFTER", "starting": "ON_OR_AFTER",
    "beginning": "ON_OR_AFTER", "any time from": "ON_OR_AFTER",
    "no earlier than": "ON_OR_AFTER", "not earlier than": "ON_OR_AFTER",
    "until": "ON_OR_BEFORE", "till": "ON_OR_BEFORE", "by": "ON_OR_BEFORE",
    "no later than": "ON_OR_BEFORE", "not later than": "ON_OR_BEFORE",
    "later": "ON_OR_AFTER", "beyond": "ON_OR_AFTER", "onward": "ON_OR_AFTER",
    "onwards": "ON_OR_AFTER", "earlier": "ON_OR_BEFORE",
}
# "in two weeks", "within 9 months", "in the next two days": a duration counted from
# the anchor
_IN_BEFORE = re.compile(r"(?i)(?<![\w-])(?P<w>in|within)\s{1,2}\Z")
# past narration: "fell in two days" is a duration, not a day two days after the anchor
_PAST_RE = re.compile(
    r"(?i)\b(?:was|were|had|did|been|ago|took|fell|came|went|rose|won|lost|made|saw|got|"
    r"gave|grew|ran|began|left|held|built|brought|bought|fought|sold|told|said|found|"
    r"became|kept|met|paid|spent|stood|struck|thought|wrote|drove|broke|chose|spoke|flew|"
    r"drew|led|sent|caught|taught|sank|swept|fled|shot|slid|sprang|knew|ate|overtook|"
    r"(?!(?:ne|fe|spe|se|inde|procee|excee|succee|b|r|sh|f)ed\b)[a-z]{2,}ed)\b")


def _modify(c: _Cand, mod: DateMod, signal: tuple[int, int], since: bool,
            ctx: _Ctx) -> _Cand:
    assert isinstance(c.value, DateValue)
    return _Cand(c.start, c.end, c.kind, _bounded(c.value, mod, since, ctx.anchor),
                 c.priority, None, signal)


# a superlative, "first"/"only", or a negation before "in two decades": the span is the
# stretch of time looked back over ("the worst flood in 20 years", "the first time in a
# decade", "has not rained in two years"), never a date that far ahead
_SUPERLATIVE_RE = re.compile(
    r"(?i)\b(?:worst|best|most|least|first|only|highest|lowest|biggest|largest|greatest|"
    r"smallest|strongest|weakest|fastest|slowest|longest|shortest|sharpest|steepest|deepest|"
    r"hottest|coldest|wettest|toughest|closest|widest|oldest|youngest|fewest|"
    r"[a-z]{3,}iest|not|never|no|none|nothing|[a-z]+n['’]t)\b")


def _reads_as_counted(c: _Cand, ctx: _Ctx, words: list[str], nxt: bool) -> bool:
    """True when the duration's own words and its clause let it count from the anchor:
    not "the past/last two weeks" nor "about two weeks", not a span looked back over
    ("the worst crisis in two decades"), not past narration ("fell in two days")."""
    if words[0] in ("the", "past", "last", "recent", "first", "final", "previous") and not nxt:
        return False
    if words[0] in _QUALIFIER_WORDS or (words[0] == "the" and words[1:2] != ["next"]):
        return False
    lo = max(0, c.start - 90)
    clause = re.split(r"[.!?;\n]", ctx.text[lo:c.start])[-1]
    if _SUPERLATIVE_RE.search(clause):
        return False  # "the worst crisis in two decades": a span looked back over
    return not (_direction(ctx, c.start) != "future" and _PAST_RE.search(clause))


def _months_and_days(d: re.Match[str]) -> tuple[dict[str, int], int, int] | None:
    """(parts, months, days) of a duration counted from the anchor; None for a mix of
    clock units and days, or hours that do not make whole days beyond twelve."""
    n = {k: int(d.group(k) or 0) for k in ("Y", "Mo", "W", "D", "H", "Mi", "S")}
    secs = 3600 * n["H"] + 60 * n["Mi"] + n["S"]
    months, days = 12 * n["Y"] + n["Mo"], 7 * n["W"] + n["D"]
    if secs and (months or days):
        return None
    if secs % 86400 == 0:
        days += secs // 86400
    elif secs > 12 * 3600:
        return None
    return n, months, days


def _counted_value(a: _dt.date, n: dict[str, int], months: int, days: int,
                   within: bool) -> tuple[DateValue, _dt.date] | None:
    """The day, month or year ``months`` and ``days`` after the anchor (its unit's
    granularity), or the interval up to that day for "within"/"the next"; and that day."""
    try:
        y, mo = _shift_months(a.year, a.month, months)
        end = _dt.date(y, mo, min(a.day, _last_day(y, mo))) + _dt.timedelta(days=days)
    except (ValueError, OverflowError):
        return None
    if within and end > a:
        v = DateValue(f"{a.isoformat()}/{end.isoformat()}", "interval", a, end, True)
    elif days or not months:
        v = _v_day(end, True)
    elif n["Mo"]:
        v = _v_month(end.year, end.month, True)
    else:
        v = _v_year(end.year, True)
    return v, end


def _counted_from_anchor(c: _Cand, ctx: _Ctx) -> _Cand | None:
    """"in two weeks" (a day), "in 5 minutes" (the anchor's day), "within 9 months" and
    "in the next two days" (from the anchor to then), where the clause is not past
    narration; elsewhere ("the city fell in two days") the duration stays."""
    if c.kind != "duration" or not isinstance(c.value, str):
        return None
    text = ctx.text
    m = _IN_BEFORE.search(text, max(0, c.start - 10), c.start)
    if m is None:
        return None
    words = text[c.start:c.end].lower().split()
    if not words:
        return None
    nxt = words[0] in ("next", "the") and words[:2] != ["the", "past"]
    if not _reads_as_counted(c, ctx, words, nxt):
        return None
    d = _DUR_PART.fullmatch(c.value)
    if d is None or not c.value[1:] or "X" in c.value:
        return None
    counted = _months_and_days(d)
    if counted is None:
        return None
    n, months, days = counted
    within = m.group("w").lower() == "within" or nxt
    signal = (m.start(), m.end("w"))
    a = ctx.anchor
    if a is None:
        if within:
            return None
        gran: Granularity = "day" if days or not months else "month" if n["Mo"] else "year"
        timex = {"day": "XXXX-XX-XX", "month": "XXXX-XX", "year": "XXXX"}[gran]
        return _Cand(c.start, c.end, "date", _v_unknown(timex, gran), c.priority, None, signal)
    read = _counted_value(a, n, months, days, within)
    if read is None:
        return None
    v, end = read
    return _Cand(c.start, c.end, "date", v, c.priority, (end.year, end.month, end.day)
                 if v.granularity == "day" else None, signal)


_CLAUSE_GOES_ON = frozenset(["and", "or", "at", "to", "when", "in", "on", "for", "the", "a",
                             "an", "as", "if", "but", "with", "from", "while", "than"])


def _attributive(text: str, end: int) -> bool:
    """True when a lower-case content word follows directly: "2019 champion"."""
    if text[end:end + 1] != " ":
        return False
    nw = _next_word(text, end)
    return bool(nw) and nw[0].islower() and nw.lower() not in _CLAUSE_GOES_ON


_DAY_TIME_GAP = re.compile(r"\s{0,2},?\s{1,2}")


def _bounding_word(c: _Cand, ctx: _Ctx, out: list[_Cand],
                   prev_end: int) -> re.Match[str] | None:
    """The bounding preposition before a date or time ("after", "by", "since"), unless it
    belongs to an offset ("about 2 weeks before May 13"), "by" comes before a year that
    describes a noun ("replaced by 2019 champion Smith"), or the date is a possessive
    ("by Monday's vote")."""
    text = ctx.text
    assert isinstance(c.value, DateValue)
    m = _SIGNAL_BEFORE.search(text, max(prev_end, c.start - 40, 0), c.start)
    if m is not None and out and out[-1].kind == "duration" \
            and m.group("w").lower() in ("before", "after") \
            and not text[out[-1].end:m.start()].strip():
        m = None  # "about 2 weeks before May 13": an offset from the day, not a bound
    if m is not None and m.group("w").lower() == "by" and c.value.granularity == "year" \
            and _attributive(text, c.end):
        m = None  # "replaced by 2019 champion Smith": the year describes a noun
    if m is not None and text[c.end:c.end + 2] not in ("'s", "’s"):
        return m
    return None


def _bound(c: _Cand, m: re.Match[str], out: list[_Cand], ctx: _Ctx) -> None:
    """Append ``c`` bounded by the word ``m``; a bare time bounded right after a day is
    the bound on that day ("today before 4pm", "Feb 1st no later than 6:00")."""
    text = ctx.text
    w = " ".join(m.group("w").lower().split())
    key = w.split()[0] if w.startswith(("starting", "beginning")) else w
    r = _modify(c, _MOD_OF[key], (m.start(), m.end("w")), key == "since", ctx)
    day = out[-1] if out else None
    if day is not None and _is_bare_time(c) and _is_day(day) \
            and _DAY_TIME_GAP.fullmatch(text, day.end, m.start()):
        # "today before 4pm", "Feb 1st no later than 6:00": the bound on that day
        assert isinstance(day.value, DateValue) and isinstance(r.value, DateValue)
        dv = day.value
        v = _bounded(DateValue(dv.timex + r.value.timex, "time", dv.earliest,
                               dv.latest, dv.anchored, dv.warnings),
                     _MOD_OF[key], key == "since", ctx.anchor)
        out[-1] = _Cand(day.start, c.end, "time", v, 5)
        return
    out.append(r)


def _bound_after(c: _Cand, ctx: _Ctx, nxt_start: int) -> _Cand | None:
    """``c`` bounded by the words after it, which include the date: "2018 and after",
    "May or before"; None without them (or when the next expression follows at once)."""
    a = _SIGNAL_AFTER.match(ctx.text, c.end)
    if a is not None and nxt_start > a.end() + 3:
        w = a.group("w").lower().split()[-1]
        # after the date it includes the date: "2018 and after", "May or before"
        post: DateMod = "ON_OR_BEFORE" if w in ("before", "earlier") else "ON_OR_AFTER"
        return _modify(c, post, (a.start("w"), a.end()), False, ctx)
    return None


def _signals(cands: list[_Cand], ctx: _Ctx) -> list[_Cand]:
    """Fold a bounding preposition into a date or time: "after 2018" (``AFTER``: from
    2019-01-01, open), "before May" (``BEFORE``), "since March" (``ON_OR_AFTER``, March 1
    to the anchor), "by/until Friday" (``ON_OR_BEFORE``), "2018 or later"; and read
    "in two weeks"/"within 9 months" as counted from the anchor.  Possessives ("by
    Monday's vote") and a date that only precedes another ("1/1/2016 and after 6PM")
    keep their plain reading."""
    text = ctx.text
    out: list[_Cand] = []
    for i, c in enumerate(cands):
        nxt_start = cands[i + 1].start if i + 1 < len(cands) else len(text) + 10
        prev_end = out[-1].end if out else -1
        if c.kind == "duration":
            r = _counted_from_anchor(c, ctx)
            if r is not None and (r.signal is None or r.signal[0] >= prev_end):
                out.append(r)
                continue
        if c.kind not in ("date", "time") or not isinstance(c.value, DateValue) \
                or c.value.mod is not None:
            out.append(c)
            continue
        m = _bounding_word(c, ctx, out, prev_end)
        if m is not None:
            _bound(c, m, out, ctx)
            continue
        after = _bound_after(c, ctx, nxt_start)
        out.append(after if after is not None else c)
    return out

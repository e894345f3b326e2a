"""Anchoring to the text: periods named by reference to the quarter last named ("the
latest quarter", "year-earlier") and anaphora ("that year", "the same month")."""

from __future__ import annotations

import bisect
import datetime as _dt
import re

from reconcile.model import DateValue
from .patterns import P_AGO, P_ANAPHOR
from .candidates import _Cand, _Ctx
from .values import _v_day, _v_month, _v_week, _v_year, _v_quarter
from .tense import _shift_months, _number, _duration_value
from .tables import PARTS_OF_DAY


# A reporting period named by reference to the one the text is about: "the quarter",
# "the latest quarter", "the year-earlier period", "year-earlier" (as in "year-earlier
# profit"); and "a year earlier"/"a year ago" right after a quarter is named.
_P_REF_PERIOD = re.compile(
    r"(?<![\w'’-])(?:(?P<cmp>(?:[Tt]he\s{1,2}(?:comparable\s{1,2}|same\s{1,2})?)?"
    r"[Yy]ear[-\s](?:earlier|ago)(?:\s{1,2}(?:quarter|period)(?![\w-]|['’](?!s\b)))?|"
    r"[Tt]he\s{1,2}(?:(?:same|corresponding|comparable)\s{1,2})?(?:quarter|period)\s{1,2}"
    r"(?:of\s{1,2})?(?:last\s{1,2}year|a\s{1,2}year\s{1,2}(?:ago|earlier))|"
    r"[Ll]ast\s{1,2}year['’]s\s{1,2}(?:(?:same|comparable|corresponding)\s{1,2})?"
    r"(?:quarter|period))|"
    r"(?P<yr>[Tt]he\s{1,2}(?P<y>(?:19|20)\d\d)\s{1,2}(?:quarter|period)(?!\s{1,2}of\b))|"
    r"(?P<cur>[Tt]he\s{1,2}(?:(?:latest|most\s{1,2}recent|recent|current|just[-\s]ended|"
    r"fiscal)\s{1,2})?quarter|[Tt]he\s{1,2}(?:latest|most\s{1,2}recent)\s{1,2}period)|"
    r"(?P<fy>[Tt]he\s{1,2}(?:full|whole)\s{1,2}year)(?![\w'’-])(?!\s{1,2}(?:end|begin|start|to|that|"
    r"before|ago|earlier|later|after)))"
    r"(?![\w-]|['’](?!s\b))")
"""(A possessive is part of the reading: "the latest quarter's results".)"""
_EARNINGS_RE = re.compile(r"\b(?:net\s(?:income|loss)|earnings|profit|revenues?|"
                          r"per\sshare|a\sshare)\b", re.IGNORECASE)
_LATEST_RE = re.compile(r"(?i)latest|most\s{1,2}recent|just[-\s]ended")
_QUARTER_TIMEX = re.compile(r"(\d{4})-Q([1-4])\Z")
_REF_REACH = 600  # characters a named quarter stays the text's reference period


def _last_completed_quarter(anchor: _dt.date) -> tuple[int, int]:
    """(year, quarter) of the last quarter completed at ``anchor``."""
    qa = (anchor.month - 1) // 3  # quarters completed this year
    return (anchor.year, qa) if qa else (anchor.year - 1, 4)


class _QuarterRef:
    """The quarter a reference at a position means: the quarter last named within
    ``_REF_REACH`` characters before it, else (in a report of results) the fallback."""

    def __init__(self, chosen: list[_Cand], fallback: tuple[int, int] | None) -> None:
        self.quarters: list[tuple[int, int, int]] = []  # (end, year, q) of named quarters
        for c in chosen:
            if isinstance(c.value, DateValue):
                qm = _QUARTER_TIMEX.match(c.value.timex)
                if qm:
                    self.quarters.append((c.end, int(qm.group(1)), int(qm.group(2))))
        self.ends = [q[0] for q in self.quarters]
        self.fallback = fallback

    def __call__(self, at: int, named_only: bool = False) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.ends, at) - 1
        if i < 0 or at - self.quarters[i][0] > _REF_REACH:
            return None if named_only else self.fallback
        return self.quarters[i][1], self.quarters[i][2]


def _year_quarter(m: re.Match[str], out: list[_Cand], ref: _QuarterRef) -> None:
    """"the 1988 quarter": replaces the year "1988" read inside it."""
    s, e = m.span()
    inner = [c for c in out if s <= c.start and c.end <= e]
    if len(inner) != 1:
        return
    r = ref(s)
    if r is None:
        return
    out.remove(inner[0])
    out.append(_Cand(s, e, "date", _v_quarter(int(m.group("y")), r[1], True), 1))


def _comparison_over_read(m: re.Match[str], out: list[_Cand], ref: _QuarterRef) -> None:
    """A reference overlapping an expression already read: it replaces what lies wholly
    inside it ("last year" in "the corresponding period last year"), as a year earlier."""
    s, e = m.span()
    inner = [c for c in out if c.start < e and s < c.end]
    if not m.group("cmp") or not inner or any(c.start < s or c.end > e for c in inner):
        return
    r = ref(s)
    if r is None:
        return
    for c in inner:
        out.remove(c)
    out.append(_Cand(s, e, "date", _v_quarter(r[0] - 1, r[1], True), 1))


def _plain_reference(m: re.Match[str], ctx: _Ctx, ref: _QuarterRef) -> _Cand | None:
    """"the quarter", "the latest quarter", "year-earlier": the quarter referred to (a year
    back for a comparison); "the latest quarter" never one still to come."""
    s, e = m.span()
    r = ref(s)
    if r is None:
        return None
    if m.group("fy"):
        # "sales for the full year": the year of the quarter reported on ("the fiscal
        # year" is left: a fiscal year may end in the next calendar year)
        return _Cand(s, e, "date", _v_year(r[0], True), 1)
    y = r[0] - 1 if m.group("cmp") else int(m.group("y")) if m.group("y") else r[0]
    q = r[1]
    if m.group("cur") and _LATEST_RE.search(m.group("cur")) and ctx.anchor is not None:
        # "the latest quarter" has ended: never one still to come
        done = _last_completed_quarter(ctx.anchor)
        y, q = min((y, q), done)
    return _Cand(s, e, "date", _v_quarter(y, q, True), 1)


def _a_year_earlier(out: list[_Cand], ctx: _Ctx) -> None:
    """"a year earlier" compares with the quarter just spoken of, named or referred to
    (a quarter itself a year back, "the year-ago quarter", is not what "a year earlier"
    compares with: only a quarter ended within a year of the anchor)."""
    text = ctx.text
    recent = ctx.anchor - _dt.timedelta(days=366) if ctx.anchor is not None else None
    spoken = [(c.end, c.value) for c in out
              if isinstance(c.value, DateValue) and _QUARTER_TIMEX.match(c.value.timex)
              and (recent is None or (c.value.latest is not None and c.value.latest >= recent))]
    spoken_ends = [e for e, _ in spoken]
    for c in out:
        if c.kind == "date" and isinstance(c.value, DateValue) and \
                re.fullmatch(r"(?i)a\s{1,2}year\s{1,2}(?:earlier|ago|before)",
                             text[c.start:c.end]):
            i = bisect.bisect_right(spoken_ends, c.start) - 1
            if i >= 0 and c.start - spoken_ends[i] <= _REF_REACH:
                qm = _QUARTER_TIMEX.match(spoken[i][1].timex)
                assert qm is not None
                c.value = _v_quarter(int(qm.group(1)) - 1, int(qm.group(2)), True)


def _reference_periods(chosen: list[_Cand], ctx: _Ctx) -> list[_Cand]:
    """Read the expressions that name a period by reference to the quarter the text last
    named (earnings news): "the quarter", "the latest quarter" are that quarter, "the
    year-ago quarter", "year-earlier" and "a year earlier/ago" the same quarter a year
    before.  Only within ``_REF_REACH`` characters after a quarter is named."""
    text = ctx.text
    if "quarter" not in text and "Quarter" not in text and "period" not in text:
        return chosen
    fallback: tuple[int, int] | None = None
    if ctx.anchor is not None and _EARNINGS_RE.search(text):
        # a report on results: "the quarter" unnamed is the last one completed
        fallback = _last_completed_quarter(ctx.anchor)
    ref = _QuarterRef(chosen, fallback)
    if not ref.quarters and fallback is None:
        return chosen
    taken = sorted((c.start, c.end) for c in chosen)
    starts = [a for a, _ in taken]
    out = list(chosen)
    for m in _P_REF_PERIOD.finditer(text):
        s, e = m.span()
        i = bisect.bisect_right(starts, e) - 1
        if m.group("yr"):
            _year_quarter(m, out, ref)
        elif i >= 0 and taken[i][1] > s:
            _comparison_over_read(m, out, ref)
        else:
            c = _plain_reference(m, ctx, ref)
            if c is not None:
                out.append(c)
    out.sort(key=lambda c: c.start)
    _a_year_earlier(out, ctx)
    return out


_YEAR_PART = re.compile(r"(\d{4})(?:-(\d{2}))?")
_ANAPHOR_REACH = 1500  # characters a named year or month stays the one "that year" means


def _anaphora(chosen: list[_Cand], ctx: _Ctx) -> list[_Cand]:
    """"that year", "the following year", "the same month": the year or month of the date
    the text last named (within ``_ANAPHOR_REACH`` characters), shifted as the words say;
    nothing when no such date comes before."""
    text = ctx.text
    if "year" not in text and "month" not in text:
        return chosen
    named = _named_periods(chosen)
    if not named:
        return chosen
    ends = [n[0] for n in named]
    taken = sorted((c.start, c.end) for c in chosen)
    starts = [a for a, _ in taken]
    out = list(chosen)
    for m in P_ANAPHOR.finditer(text):
        s, e = m.span("x")
        i = bisect.bisect_right(starts, e) - 1
        if i >= 0 and taken[i][1] > s:
            continue
        v = _anaphor_value(m, named, ends)
        if v is not None:
            out.append(_Cand(s, e, "date", v, 1))
    out.sort(key=lambda c: c.start)
    return out


def _named_periods(chosen: list[_Cand]) -> list[tuple[int, int, int | None]]:
    """(end, year, month or None) of each date found that states its year, in text order:
    what "that year" or "the same month" can point back to."""
    named: list[tuple[int, int, int | None]] = []
    for c in chosen:
        if isinstance(c.value, DateValue) and c.kind == "date":
            ym = _YEAR_PART.match(c.value.timex)
            if ym:
                named.append((c.end, int(ym.group(1)),
                              int(ym.group(2)) if ym.group(2) else None))
    return named


def _anaphor_value(m: re.Match[str], named: list[tuple[int, int, int | None]],
                   ends: list[int]) -> DateValue | None:
    """The year or month one anaphor names: that of the last date before it with such a
    part (``named``, whose ``ends`` are sorted), shifted as its words say; None when no
    such date is within reach."""
    s = m.start("x")
    unit = m.group("u1") or m.group("u2") or m.group("u3")
    rel = (m.group("rel") or m.group("bef") or "same").lower()
    shift = {"same": 0, "following": 1, "after": 1, "previous": -1, "preceding": -1,
             "prior": -1, "before": -1}[rel]
    j = bisect.bisect_right(ends, s) - 1
    while j >= 0 and unit == "month" and named[j][2] is None:
        j -= 1
    if j < 0 or s - named[j][0] > _ANAPHOR_REACH:
        return None
    _, y, mo = named[j]
    if unit == "year":
        return _v_year(y + shift, True)
    assert mo is not None
    yy, mm = _shift_months(y, mo, shift)
    return _v_month(yy, mm, True)


# a time counted from a narrated moment: "two days later", "a month earlier"
_COUNTED_WARNING = "resolved against the publication date"
# the granularities a narrated date must have to count a unit from it
_REF_GRANULARITY = {"day": ("day",), "week": ("day",), "month": ("day", "month"),
                    "year": ("day", "month", "year")}


def _narrated_later(chosen: list[_Cand], ctx: _Ctx) -> list[_Cand]:
    """"two days later", "a year earlier": counted from the date the text last named
    (within ``_ANAPHOR_REACH`` characters, precise enough for the unit: a day for days
    and weeks), as TimeML anchors them to the narrative, not to the publication date.
    With no such date, "later" says only how long ("three days", a duration: it is
    never counted forward from the publication date in a story of the past); "earlier"
    stays counted back from the publication date."""
    text = ctx.text
    if "later" not in text and "earlier" not in text:
        return chosen
    out: list[_Cand] = []
    for c in chosen:
        m = _counted_match(c, text)
        if m is not None:
            r = _recount(c, m, out, ctx)
            if r is not None:
                c = r
        out.append(c)
    return out


def _counted_match(c: _Cand, text: str) -> re.Match[str] | None:
    """The "N units later/earlier" match of a candidate read from the publication date."""
    v = c.value
    if c.kind != "date" or not isinstance(v, DateValue) or \
            not any(_COUNTED_WARNING in w for w in v.warnings):
        return None
    m = P_AGO.compiled().fullmatch(text, c.start, c.end)
    if m is None or m.group("dir").lower() not in ("later", "earlier") or m.group("approx"):
        return None
    return m


def _recount(c: _Cand, m: re.Match[str], before: list[_Cand], ctx: _Ctx) -> _Cand | None:
    n = _number(m.group("num"))
    unit = m.group("unit").lower()
    if n is None or n != int(n) or unit not in _REF_GRANULARITY:
        return None
    k = int(n) if m.group("dir").lower() == "later" else -int(n)
    if k < 0 and _COMPARED_BEFORE.search(ctx.text, max(0, c.start - 30), c.start):
        return None  # "up from a year earlier": the period reported on, a year back
    ref = _narrated_ref(c.start, before, _REF_GRANULARITY[unit], ctx.text)
    if ref is None:
        if k < 0:
            return None
        dv = _duration_value(n, unit)
        if dv is None:
            return None
        end = m.end("unit") + (1 if ctx.text[m.end("unit"):m.end("unit") + 1] == "s" else 0)
        return _Cand(c.start, end, "duration", dv, c.priority)
    assert ref.earliest is not None
    day = ref.earliest
    try:
        if unit == "day":
            v = _v_day(day + _dt.timedelta(days=k), True)
        elif unit == "week":
            v = _v_week(day + _dt.timedelta(days=7 * k), True)
        elif unit == "month":
            y, mo = _shift_months(day.year, day.month, k)
            v = _v_month(y, mo, True)
        else:
            v = _v_year(day.year + k, True)
    except (OverflowError, ValueError):
        return None
    return _Cand(c.start, c.end, "date", v, c.priority)


_COMPARED_BEFORE = re.compile(r"(?i)\b(?:compared\s{1,2}(?:with|to)|from|than|over|versus|vs\.?|"
                              r"against|with)\s{1,2}\Z")


def _narrated_ref(at: int, before: list[_Cand], grans: tuple[str, ...],
                  text: str) -> DateValue | None:
    """The date last named before ``at`` (within reach), if its granularity is one of
    ``grans``; None otherwise (a coarser date says too little to count from, and one
    itself counted, "a year ago", is a comparison, not a narrated moment)."""
    for c in reversed(before):
        if at - c.end > _ANAPHOR_REACH:
            return None
        v = c.value
        if P_AGO.compiled().fullmatch(text, c.start, c.end):
            return None
        if c.kind in ("date", "time") and isinstance(v, DateValue) and \
                v.earliest is not None and v.mod is None and \
                v.granularity in ("day", "month", "year", "week", "quarter", "season"):
            return v if v.granularity in grans else None
    return None


_DAY_REACH = 400  # characters a named day stays the day an undated time of day is on


def _timed_days(chosen: list[_Cand], ctx: _Ctx) -> list[_Cand]:
    """A clock time or part of a day the text gives without its day ("killed Thursday
    evening ... around 7:15 p.m.") is on the day the text named just before it (within
    ``_DAY_REACH`` characters and the same paragraph), as TimeML reads a narrative;
    with no day named there it stays undated ("T19:15")."""
    text = ctx.text
    out: list[_Cand] = []
    day: _dt.date | None = None
    day_end = -1
    for n, c in enumerate(chosen):
        v = c.value
        if isinstance(v, DateValue):
            if c.kind == "time" and v.earliest is None and v.timex.startswith("T") and \
                    "/" not in v.timex:
                if day is not None and c.start - day_end <= _DAY_REACH and \
                        "\n\n" not in text[day_end:c.start] and \
                        not _day_follows(chosen[n + 1:], c.end, text):
                    c = _Cand(c.start, c.end, c.kind,
                              DateValue(f"{day.isoformat()}{v.timex}", "time", day, day,
                                        True, v.warnings, v.mod), c.priority, None, c.signal)
            elif v.earliest is not None and v.earliest == v.latest and v.mod is None:
                day, day_end = v.earliest, c.end
        out.append(c)
    return out


def _day_follows(after: list[_Cand], end: int, text: str) -> bool:
    """Whether a day is named after a clock time in its sentence, close by ("at 2 a.m.
    local time (1900 GMT Sunday) on Monday"): the time is on one of those, not on the
    day named before it."""
    for c in after:
        if c.start - end > _FOLLOW_REACH or _SENTENCE_END.search(text, end, c.start):
            return False
        v = c.value
        if isinstance(v, DateValue) and v.earliest is not None and v.earliest == v.latest:
            return True
    return False


_FOLLOW_REACH = 40
_SENTENCE_END = re.compile(r"[.!?;]\s|\n")


_PREVIOUS_WD = re.compile(
    r"(?i)(?<![\w'’-])(?:the\s{1,2})?(?:previous|preceding|prior)\s{1,2}"
    r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![\w'’-])")
_WEEKDAY_NUM = {w: i for i, w in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}


def _previous_weekday(chosen: list[_Cand], ctx: _Ctx) -> list[_Cand]:
    """"the previous Friday", "the preceding Monday": the weekday before the day the text
    last named (within ``_ANAPHOR_REACH`` characters), else before the anchor: "fell on
    Friday, down from the previous Friday" is the Friday a week before that Friday."""
    text = ctx.text
    if ctx.anchor is None or not ("revious" in text or "receding" in text or
                                  "rior" in text):
        return chosen
    out = list(chosen)
    for m in _PREVIOUS_WD.finditer(text):
        s, e = m.span()
        inner = [c for c in out if c.start < e and s < c.end]
        if any(c.start < s or c.end > e for c in inner):
            continue  # part of a longer expression
        ref = ctx.anchor
        for c in out:
            v = c.value
            if c.end <= s and s - c.end <= _ANAPHOR_REACH and c not in inner and \
                    isinstance(v, DateValue) and v.earliest is not None and \
                    v.earliest == v.latest and v.mod is None:
                ref = v.earliest
        wd = _WEEKDAY_NUM[m.group("wd").lower()]
        back = (ref.weekday() - wd) % 7 or 7
        day = ref - _dt.timedelta(days=back)
        for c in inner:
            out.remove(c)
        out.append(_Cand(s, e, "date", _v_day(day, True), 4, (day.year, day.month, day.day)))
    out.sort(key=lambda c: c.start)
    return out


# "the previous day", "the next morning", "the day before" (told alone: "the day before
# the vote" is counted from the vote, not from a date); and a part of the day told alone,
# "in the morning", "during the night" (not "the night the plane went down")
_NARRATED_DAY = re.compile(
    r"(?i)(?<![\w'’-])the\s{1,2}(?:(?P<rel>previous|preceding|prior|next|following)\s{1,2}"
    r"(?P<u1>day|morning|afternoon|evening|night)(?![\w-])(?!\s{1,2}(?:or|of|and\s{1,2}a)\b)|"
    r"(?P<u2>day|morning|afternoon|evening|night)\s{1,2}(?P<bef>before|after)"
    r"(?=\s{0,2}(?:[.,;:!?)]|\Z)))|"
    r"(?<![\w'’-])(?:in|during|by)\s{1,2}(?P<bare>the\s{1,2}(?P<u3>morning|afternoon|evening|"
    r"night))(?![\w'’-])(?!\s{1,2}(?:of|before|after|that|when|which|the|a|an|he|she|they|it|"
    r"we|i|you|his|her|their|its|our)\b)")
_PART_OF_BEFORE = re.compile(r"(?i)\b(?:afternoon|evening|night)\s{1,2}of\s{1,2}(?:the\s{1,2})?\Z")
_NAME_NEXT = re.compile(r"\s{1,2}[A-Z]")
"""After a part of the day told alone: a name ("the night Flight 8 went down")."""
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]{0,2}\s{1,3}(?=[\"'“‘(]?[A-Z0-9])|\n")
_PART_RANK = {"MO": 0, "AF": 1, "EV": 2, "NI": 3}
_CLOCK_PART = re.compile(r"T(?:(?P<h>\d\d)(?::\d\d)?|(?P<p>MO|AF|EV|NI))\Z")


def _rank_of_day(v: DateValue) -> int | None:
    """How late in its day a time is (0 morning .. 3 night), None for a whole day."""
    m = _CLOCK_PART.search(v.timex)
    if m is None:
        return None
    if m.group("p"):
        return _PART_RANK[m.group("p")]
    h = int(m.group("h"))
    return 0 if h < 12 else 1 if h < 17 else 2 if h < 21 else 3


def _last_day_before(cands: list[_Cand], start: int) -> tuple[DateValue | None, int, int]:
    """The last exact day (or time of a day) read before ``start``, with its span: the
    day a narrated "the previous day" counts from.  ``cands`` is sorted by start."""
    ref: DateValue | None = None
    ref_start = ref_end = 0
    for c in cands:
        if c.end > start:
            break
        v = c.value
        if c.kind in ("date", "time") and isinstance(v, DateValue) and \
                v.earliest is not None and v.earliest == v.latest and v.mod is None:
            ref, ref_start, ref_end = v, c.start, c.end
    return ref, ref_start, ref_end


def _narrated_step(m: re.Match[str], ref: DateValue, ref_start: int, text: str,
                   pod: str | None) -> int | None:
    """Days from the reference day to a narrated one: -1 "the previous day", 1 "the next
    morning", 0 a part of that day told alone ("in the morning"); None when a part told
    alone comes after a later part of the reference day ("on Sunday evening ... in the
    morning" may be the next)."""
    if not m.group("bare"):
        rel = (m.group("rel") or m.group("bef")).lower()
        return 1 if rel in ("next", "following", "after") else -1
    rank = _rank_of_day(ref)
    if rank is None and _PART_OF_BEFORE.search(text, max(0, ref_start - 20), ref_start):
        rank = _PART_RANK["EV"]  # "the evening of June 3": that part of its day
    if pod is None or (rank is not None and rank > _PART_RANK[pod]):
        return None
    return 0


def _narrated_day(chosen: list[_Cand], ctx: _Ctx) -> list[_Cand]:
    """"the previous day", "the day before", "the next morning": the day before or after
    the day the text named last, in the same sentence or the one before ("reached the
    village on June 3. The slide had struck the previous day" is June 2); "in the
    morning", "during the night" told alone: a part of that day itself (not when the day
    was told at a later hour: "on Sunday evening ... in the morning" may be the next).
    TimeML anchors them so, to the narrative, not to the publication date.  With no such
    day there, nothing: the publication date is no narrated moment; and nothing right
    after a day itself read so (in "the day before ... the next day" which day the second
    counts from is moot)."""
    text = ctx.text
    low_has = "day" in text or "morning" in text or "afternoon" in text or \
        "evening" in text or "night" in text
    if not low_has:
        return chosen
    out = list(chosen)
    added: set[int] = set()  # starts of the days read here: never a reference themselves
    for m in _NARRATED_DAY.finditer(text):
        s, e = m.span("bare") if m.group("bare") else m.span()
        if m.group("bare") and _NAME_NEXT.match(text, e):
            continue
        if any(c.start < e and s < c.end for c in out):
            continue  # part of an expression already read
        ref, ref_start, ref_end = _last_day_before(out, s)
        if ref is None or ref.earliest is None or ref_start in added or \
                len(_SENTENCE_BREAK.findall(text, ref_end, s + 2)) > 1:
            continue  # (after a day itself counted, which day the next counts from is moot)
        unit = (m.group("u1") or m.group("u2") or m.group("u3")).lower()
        pod = PARTS_OF_DAY.get(unit)
        step = _narrated_step(m, ref, ref_start, text, pod)
        if step is None:
            continue  # "on Sunday evening ... in the morning": maybe the next one
        try:
            day = ref.earliest + _dt.timedelta(days=step)
        except OverflowError:
            continue
        if pod is None:
            out.append(_Cand(s, e, "date", _v_day(day, True), 4,
                             (day.year, day.month, day.day)))
        else:
            out.append(_Cand(s, e, "time", DateValue(f"{day.isoformat()}T{pod}", "time",
                                                     day, day, True), 4))
        out.sort(key=lambda c: c.start)
        added.add(s)
    return out if added else chosen

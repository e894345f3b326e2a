"""Handlers for dates relative to the anchor: last/this/next units, today and
yesterday, weekdays, weekends, "ago", the vague past and future, relative holidays."""

from __future__ import annotations

import datetime as _dt
import re

from reconcile.model import DateValue, Granularity
from .tables import (
    Direction, WEEKDAYS, SEASONS, _SEASON_START, PARTS_OF_DAY, HOLIDAYS, WEEKDAY_NAME_PREFIXES,
    WEEKDAY_NAME_SUFFIXES, _REPORTING,
)
from .patterns import _NUM_WORD_RE, _EASTER_DAYS
from .candidates import _Cand, _Ctx
from .values import _easter, _v_day, _v_month, _v_year, _v_week, _v_quarter, _v_season, _v_unknown
from .tense import (
    _weekday_date, _shift_months, _direction, _tense, _WORD_RE, _number, _duration_value,
)
from .context import _prev_word, _prev_word_nocomma, _next_word, _sentence_start
from .h_dates import _month_num, _RELATIVE_WARNING


def _relative_unit(ctx: _Ctx, unit: str, offset: int, start: int, end: int,
                   mod: str | None) -> _Cand | None:
    """last/this/next week|month|year|quarter|decade|century|season."""
    anchor = ctx.anchor
    u = unit.lower()
    if u.startswith(("fiscal", "financial")):
        u = "year"
    if anchor is None:
        xt: dict[str, tuple[str, Granularity]] = {
              "week": ("XXXX-WXX", "week"), "weekend": ("XXXX-WXX-WE", "week"),
              "month": ("XXXX-XX", "month"), "year": ("XXXX", "year"),
              "quarter": ("XXXX-QX", "quarter"), "decade": ("XXX", "decade"),
              "century": ("XX", "century")}
        if u in SEASONS:
            return _Cand(start, end, "date", _v_unknown(f"XXXX-{SEASONS[u]}", "season"), 3)
        t, g = xt[u]
        return _Cand(start, end, "date", _v_unknown(t, g), 3)
    if u == "week":
        v = _v_week(anchor + _dt.timedelta(days=7 * offset), True)
    elif u == "weekend":
        v = _v_week(anchor + _dt.timedelta(days=7 * offset), True, weekend=True)
    elif u == "month":
        y, mo = _shift_months(anchor.year, anchor.month, offset)
        v = _v_month(y, mo, True)
    elif u == "year":
        v = _v_year(anchor.year + offset, True)
    elif u == "quarter":
        q0 = (anchor.month - 1) // 3
        i = anchor.year * 4 + q0 + offset
        v = _v_quarter(i // 4, i % 4 + 1, True)
    elif u == "decade":
        d0 = anchor.year // 10 + offset
        v = DateValue(f"{d0:03d}", "decade", _dt.date(d0 * 10, 1, 1),
                      _dt.date(d0 * 10 + 9, 12, 31), True)
    elif u == "century":
        c0 = anchor.year // 100 + offset
        v = DateValue(f"{c0:02d}", "century", _dt.date(max(1, c0 * 100), 1, 1),
                      _dt.date(c0 * 100 + 99, 12, 31), True)
    elif u in SEASONS:
        s = SEASONS[u]
        # the season instance containing (or most recently before) the anchor
        cur_y = anchor.year + (1 if anchor.month == 12 else 0)
        cur = "WI" if anchor.month in (12, 1, 2) else "SP" if anchor.month <= 5 else \
            "SU" if anchor.month <= 8 else "FA"
        order = ["WI", "SP", "SU", "FA"]
        ci = cur_y * 4 + order.index(cur)
        ti = cur_y * 4 + order.index(s)
        if offset == 0:
            idx = ti
        elif offset < 0:
            idx = ti if ti < ci else ti - 4
        else:
            idx = ti if ti > ci else ti + 4
        v = _v_season(idx // 4, order[idx % 4], True)
    else:
        return None
    return _Cand(start, end, "date", v, 3)


def _is_title(ctx: _Ctx, m: re.Match[str], group: str) -> bool:
    """A capitalized word inside a sentence of lower-case text: part of a name or title
    ("ABC's "This Week"", "USA Today"), not a time."""
    w = m.group(group)
    if not w[:1].isupper() or w.isupper() or ctx.text.isupper():
        return False
    text = ctx.text
    lo = text.rfind("\n", 0, m.start()) + 1
    hi = text.find("\n", m.end())
    words = _WORD_RE.findall(text[lo:hi if hi >= 0 else len(text)][:300])
    if len(words) >= 3 and sum(x[0].isupper() for x in words) >= 0.7 * len(words):
        return False  # a headline in title case: "Quake Strikes Coast Today"
    if group == "unit":
        return True  # "This Week": the unit after its modifier is never capitalized in prose
    return not _sentence_start(ctx.text, m.start(group)) and (
        _prev_word(ctx.text, m.start(group))[:1].isupper()
        and ctx.text[m.start(group) - 1:m.start(group)] == " ")


def _h_relative(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    if _is_title(ctx, m, "unit"):
        return None
    rel = " ".join(m.group("rel").lower().split())
    unit = " ".join(m.group("unit").lower().split())
    mod = m.group("mod")
    start, end = m.start(), m.end()
    # "the past week", "the next decade": spans of time, not calendar units
    if rel in ("the past", "past", "the coming", "coming", "the next") or \
            (rel == "the last" and unit not in ("week", "weekend")) or \
            (unit in ("decade", "century") and rel in ("the last", "last", "next")):
        if unit in ("weekend", "quarter") or unit in SEASONS or "fiscal" in unit or \
                "financial" in unit:
            return None
        if mod:
            return None
        dv = _duration_value(1, unit)
        return _Cand(start, end, "duration", dv, 2) if dv else None
    offset = {"last": -1, "the last": -1, "this past": -1, "next": 1, "this": 0,
              "previous": -1, "current": 0}.get(rel)
    if offset is None:
        return None
    if rel == "this past" and unit not in ("week", "weekend") and unit not in SEASONS:
        return None
    return _relative_unit(ctx, unit, offset, start, end, mod)


def _h_deictic(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    if _is_title(ctx, m, "w"):
        return None  # "USA Today", "VOA Today"
    w = " ".join(m.group("w").lower().split())
    part = m.group("part")
    anchor = ctx.anchor
    if w == "overnight":
        return None
    offset = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0,
              "last night": -1}.get(w, 0)
    pod: str | None = None
    if w in ("tonight", "last night"):
        pod = "NI"
    elif w.startswith("this "):
        pod = PARTS_OF_DAY[w.split()[1]]
    if part:
        if pod is not None:
            return None
        pod = PARTS_OF_DAY[part.lower()]
    if anchor is None:
        if pod:
            return _Cand(m.start(), m.end(), "time",
                         DateValue(f"XXXX-XX-XXT{pod}", "time", None, None, True), 3)
        return _Cand(m.start(), m.end(), "date", _v_unknown("XXXX-XX-XX", "day"), 3)
    dd = anchor + _dt.timedelta(days=offset)
    if pod:
        return _Cand(m.start(), m.end(), "time",
                     DateValue(f"{dd.isoformat()}T{pod}", "time", dd, dd, True), 3)
    return _Cand(m.start(), m.end(), "date", _v_day(dd, True), 3, (dd.year, dd.month, dd.day))


def _h_now(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """The present: TimeML's PRESENT_REF, without calendar bounds (it states no date of
    an event, so the pipeline never compares it)."""
    if ctx.text[m.end():m.end() + 5].lower() == " that":
        return None  # "now that the war is over": a conjunction
    if m.group("w").lower() == "now" and (
            _prev_word_nocomma(ctx.text, m.start()).lower() in ("from", "just", "every")
            or ctx.text[m.end():m.end() + 9].lower() in (" and then", " or never")):
        return None  # "from now" belongs to its duration; "just now", "now and then"
    return _Cand(m.start(), m.end(), "date", DateValue("PRESENT_REF", "day", None, None, True),
                 1)


def _h_ref(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """A vague time: TimeML's PAST_REF ("recently", "in the past"), FUTURE_REF ("soon",
    "in the future") or PRESENT_REF ("these days"), without calendar bounds, so it is
    never compared as a date."""
    w = " ".join(m.group("w").lower().split())
    text = ctx.text
    if w == "the past" and re.match(r"\s{1,2}(?:\d|few\b|several\b|many\b|couple\b|"
                                    + _NUM_WORD_RE + r"|decade|century|year|month|week|day|"
                                    r"quarter|season|summer|winter|spring|fall|autumn)",
                                    text[m.end():m.end() + 30], re.IGNORECASE):
        return None  # "in the past two quarters": a duration, not the vague past
    if w == "soon":
        pw = _prev_word_nocomma(text, m.start()).lower()
        nw = _next_word(text, m.end()).lower()
        if pw in ("as", "too", "how", "so") or nw in ("as", "after", "afterwards", "afterward",
                                                    "thereafter", "enough", "before"):
            return None  # "as soon as", "too soon", "soon after the vote": no time of its own
    if m.group("ahead"):
        if _next_word(text, m.end()).lower() in ("after", "later", "before", "earlier", "ago",
                                                 "from", "of"):
            return None  # "are coming weeks after the vote": the verb, then a span
        value = "FUTURE_REF"
    elif w.endswith("future") or w == "soon":
        value = "FUTURE_REF"
    elif w == "these days":
        value = "PRESENT_REF"
    else:
        value = "PAST_REF"
    return _Cand(m.start(), m.end(), "date", DateValue(value, "day", None, None, True), 1)


def _h_part_mod(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """"late afternoon", "early in the morning": a part of a day the text does not state
    (a day next to it is attached later, as with a clock time)."""
    pod = PARTS_OF_DAY[m.group("part").lower()]
    return _Cand(m.start(), m.end(), "time", DateValue(f"T{pod}", "time", None, None, False), 2)


def _h_earlier_this(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    wd = WEEKDAYS[m.group("wd").lower()]
    if ctx.anchor is None:
        return _Cand(m.start(), m.end(), "date", _v_unknown(f"XXXX-WXX-{wd + 1}", "day"), 4)
    a = ctx.anchor
    dd = a - _dt.timedelta(days=a.weekday()) + _dt.timedelta(days=wd)
    warnings: tuple[str, ...] = ()
    if m.group("dir").lower() == "earlier" and dd > a:
        dd = _weekday_date(wd, a, "past")
        warnings = ("'earlier this week' names a weekday after the anchor",)
    return _Cand(m.start(), m.end(), "date", _v_day(dd, True, warnings), 4,
                 (dd.year, dd.month, dd.day))


def _h_weekday(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    text, anchor = ctx.text, ctx.anchor
    wd_s = m.group("wd")
    wd = WEEKDAYS[wd_s.lower()]
    start, end = m.start(), m.end()
    rel = (m.group("rel") or "").lower()
    rel = " ".join(rel.split())
    pw = _prev_word_nocomma(text, start)
    if not rel and pw.lower() in WEEKDAY_NAME_PREFIXES and pw[:1].isupper():
        return None
    nw = _next_word(text, end)
    if nw.lower() in WEEKDAY_NAME_SUFFIXES and nw[:1].isupper():
        return None
    if m.group("pl") or m.group("partpl"):
        # "on Tuesdays", "Tuesdays at 9am", "Friday mornings": every such day
        if rel:
            return None
        pp = m.group("plpart") or m.group("part")
        suffix = f"T{PARTS_OF_DAY[pp.lower()]}" if pp else ""
        return _Cand(start, end, "set", f"XXXX-WXX-{wd + 1}{suffix}", 2)
    part = m.group("part")
    wk = m.group("wk")
    if anchor is None:
        if part:
            return _Cand(start, end, "time",
                         DateValue(f"XXXX-WXX-{wd + 1}T{PARTS_OF_DAY[part.lower()]}", "time",
                                   None, None, True), 3)
        return _Cand(start, end, "date", _v_unknown(f"XXXX-WXX-{wd + 1}", "day"), 3)
    if wk:
        off = {"last": -7, "next": 7, "this": 0}[wk.lower()]
        base = anchor + _dt.timedelta(days=off)
        dd = base - _dt.timedelta(days=base.weekday()) + _dt.timedelta(days=wd)
    elif rel in ("last", "this past", "previous"):
        dd = anchor - _dt.timedelta(days=((anchor.weekday() - wd - 1) % 7) + 1)
    elif rel in ("next", "this coming", "coming", "upcoming", "this upcoming"):
        dd = anchor + _dt.timedelta(days=((wd - anchor.weekday() - 1) % 7) + 1)
    elif rel == "this":
        dd = anchor - _dt.timedelta(days=anchor.weekday()) + _dt.timedelta(days=wd)
    else:
        direction: Direction = "past"
        if not re.search(_REPORTING + r"\s*$", text[max(0, start - 20):start]):
            direction = _direction(ctx, start)
        dd = _weekday_date(wd, anchor, direction)
        if direction == "past" and pw.lower() in ("from", "starting", "beginning"):
            dd = _declared_period_start(text, start, wd, anchor, dd)
    if part:
        pod = PARTS_OF_DAY[part.lower()]
        return _Cand(start, end, "time",
                     DateValue(f"{dd.isoformat()}T{pod}", "time", dd, dd, True), 3)
    return _Cand(start, end, "date", _v_day(dd, True), 3, (dd.year, dd.month, dd.day))


# "declared three days of mourning from Friday", "imposed a two-week curfew starting
# Monday": a period of a stated length declared to run from a weekday
_DECLARED_PERIOD = re.compile(
    rf"(?i)\b(?:declared|announced|ordered|decreed|proclaimed|imposed|set)\b[^.;!?]{{0,60}}?"
    rf"\b(?P<n>\d{{1,2}}|{_NUM_WORD_RE})[\s-](?P<u>day|week)s?\b[^.;!?]{{0,50}}$")


def _declared_period_start(text: str, start: int, wd: int, anchor: _dt.date,
                           past: _dt.date) -> _dt.date:
    """The first day of a period declared to run from weekday ``wd``: the last such
    weekday if the period still runs on the anchor, else the coming one (a period over
    before its article was published is not what the article announces)."""
    dm = _DECLARED_PERIOD.search(text, max(0, start - 140), start)
    if dm is None:
        return past
    n = _number(dm.group("n"))
    if n is None or n != int(n) or n < 1:
        return past
    days = int(n) * (7 if dm.group("u").lower() == "week" else 1)
    if past + _dt.timedelta(days=days - 1) >= anchor:
        return past
    return _weekday_date(wd, anchor, "future")


def _h_weekend(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    s, e = m.start("u") - 4, m.end()  # "the weekend"
    if ctx.anchor is None:
        return _Cand(s, e, "date", _v_unknown("XXXX-WXX-WE", "week"), 2)
    a = ctx.anchor
    prep = " ".join(m.group("p").lower().split())
    if a.weekday() < 5 and (prep in ("ahead of", "until", "till", "into")
                            or _tense(ctx, m.start()) == "future"):
        # "ahead of the weekend", "will rest over the weekend": the coming one
        sat = a + _dt.timedelta(days=5 - a.weekday())
        return _Cand(s, e, "date", _v_week(sat, True, weekend=True), 2)
    # the most recent weekend at or before the anchor
    back = (a.weekday() - 5) % 7 if a.weekday() < 5 else 0
    ref = a - _dt.timedelta(days=back + (1 if a.weekday() < 5 else 0))
    return _Cand(s, e, "date", _v_week(ref, True, weekend=True), 2)


def _h_ago(m: re.Match[str], ctx: _Ctx) -> _Cand | list[_Cand] | None:
    n = _number(m.group("num"))
    unit = m.group("unit").lower()
    d = m.group("dir").lower()
    start, end = m.start(), m.end()
    if n is None or n != int(n):
        return None
    k = int(n)
    if m.group("than") or d in ("before", "after"):
        # "a month earlier than usual", "two days before the vote": a span of time
        dv = _duration_value(n, unit)
        if dv is None:
            return None
        return _Cand(start, m.end("unit") + (1 if m.group(0)[m.end("unit") - start:]
                                               .startswith("s") else 0), "duration", dv, 2)
    sign = -1 if d in ("ago", "earlier") else 1
    if unit in ("second", "minute", "hour"):
        # "30 minutes ago", "3 hours from now": a moment on (about) the anchor's day
        if ctx.anchor is None:
            return _Cand(start, end, "date", _v_unknown("XXXX-XX-XX", "day"), 3)
        if k * {"second": 1, "minute": 60, "hour": 3600}[unit] > 12 * 3600:
            return None
        return _Cand(start, end, "date", _v_day(ctx.anchor, True), 3)
    warnings: tuple[str, ...] = ()
    if d in ("earlier", "later"):
        warnings = (_RELATIVE_WARNING.format(d),)
    anchor = ctx.anchor
    if anchor is None:
        return _ago_unanchored(unit, warnings, start, end)
    v = _ago_value(anchor, unit, sign * k, warnings)
    if v is None:
        return None
    return _qualified_ago(m, ctx.text, anchor, v, unit, sign, k, warnings)


def _ago_unanchored(unit: str, warnings: tuple[str, ...], start: int, end: int
                    ) -> _Cand | None:
    """"Two weeks ago" with no date to count from: its unit with every digit unknown."""
    xt: dict[str, tuple[str, Granularity]] = {
          "day": ("XXXX-XX-XX", "day"), "week": ("XXXX-WXX", "week"),
          "fortnight": ("XXXX-WXX", "week"), "month": ("XXXX-XX", "month"),
          "year": ("XXXX", "year"), "decade": ("XXX", "decade"),
          "century": ("XX", "century")}
    if unit not in xt:
        return None
    t, g = xt[unit]
    return _Cand(start, end, "date", DateValue(t, g, None, None, True, warnings), 3)


def _qualified_ago(m: re.Match[str], text: str, anchor: _dt.date, v: DateValue, unit: str,
                   sign: int, k: int, warnings: tuple[str, ...]) -> _Cand | None:
    """A distance back or ahead as its qualifier tells it: "more than two weeks ago"
    that far or further, "less than" nearer, "about" a guess either side, else the
    point itself."""
    start, end = m.start(), m.end()
    approx = (m.group("approx") or "").lower().split()
    before = _OVER_BEFORE.search(text, max(0, start - 16), start)
    signal = (before.start(), before.start() + len(before.group(0).rstrip())) if (
        before is not None) else None
    if approx[:1] == ["more"] or before is not None:
        # "more than two weeks ago", "over a month ago": that far back or further, so
        # no day of it is the day it happened (TIMEX3's value stays the point named)
        if sign < 0:
            return _Cand(start, end, "date", DateValue(
                v.timex, "interval", None, v.latest, True, warnings, "ON_OR_BEFORE"), 3,
                signal=signal)
        return _Cand(start, end, "date", DateValue(
            v.timex, "interval", v.earliest, None, True, warnings, "ON_OR_AFTER"), 3,
            signal=signal)
    if sign < 0 and approx[:1] == ["less"]:
        return _Cand(start, end, "date", DateValue(v.timex, "interval", v.earliest, anchor,
                                                   True, warnings, "ON_OR_AFTER"), 3)
    if approx and approx[0] in _ROUGHLY:
        # "about three weeks ago", "nearly a year ago": a guess at the distance, so the
        # days it may be reach a unit (a quarter of the count) either side
        w = max(1, -(-k // 4))
        far = _ago_value(anchor, unit, sign * (k + w), warnings)
        near = _ago_value(anchor, unit, sign * max(0, k - w), warnings)
        if far is None or near is None or far.earliest is None or near.latest is None:
            return None
        lo, hi = sorted((far, near), key=lambda x: x.earliest or anchor)
        latest = hi.latest if sign > 0 else min(anchor, hi.latest or anchor)
        return _Cand(start, end, "date", DateValue(v.timex, "interval", lo.earliest, latest,
                                                   True, warnings), 3)
    return _Cand(start, end, "date", v, 3)


# "over two weeks ago", "at least a month ago": outside the span TimeML gives the timex
_OVER_BEFORE = re.compile(r"(?i)\b(?:over|at\s{1,2}least|upwards\s{1,2}of)\s{1,2}$")
_ROUGHLY = frozenset(["about", "around", "almost", "nearly", "roughly", "approximately",
                      "some"])


def _ago_value(anchor: _dt.date, unit: str, shift: int,
               warnings: tuple[str, ...]) -> DateValue | None:
    """The day, week, month, year or decade ``shift`` units from ``anchor``."""
    try:
        if unit == "day":
            dd = anchor + _dt.timedelta(days=shift)
            return DateValue(dd.isoformat(), "day", dd, dd, True, warnings)
        if unit in ("week", "fortnight"):
            w = _v_week(anchor + _dt.timedelta(days=7 * shift * (2 if unit == "fortnight"
                                                                 else 1)), True)
            return DateValue(w.timex, "week", w.earliest, w.latest, True, warnings)
        if unit == "month":
            y, mo = _shift_months(anchor.year, anchor.month, shift)
            v0 = _v_month(y, mo, True)
            return DateValue(v0.timex, "month", v0.earliest, v0.latest, True, warnings)
        if unit == "year":
            return _v_year(anchor.year + shift, True, warnings)
        if unit == "decade":
            y = anchor.year + 10 * shift
            return DateValue(f"{y // 10:03d}", "decade", _dt.date(y // 10 * 10, 1, 1),
                             _dt.date(y // 10 * 10 + 9, 12, 31), True, warnings)
    except (OverflowError, ValueError):
        return None
    return None


def _h_season_the(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    a = ctx.anchor
    season = SEASONS[m.group("s").lower()]
    if a is None:
        return _Cand(m.start("x"), m.end("x"), "date", _v_unknown(f"XXXX-{season}", "season"),
                     2)
    first = _SEASON_START[season]
    if _tense(ctx, m.start()) == "future":
        y = a.year if a.month < first else a.year + 1
    else:
        y = a.year if a.month >= first else a.year - 1
    return _Cand(m.start("x"), m.end("x"), "date", _v_season(y, season, True), 2)


def _h_month_rel_year(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    mon = _month_num(m.group("mon"))
    if mon is None:
        return None
    off = {"last": -1, "this": 0, "next": 1}[m.group("rel").lower()]
    day = m.group("d1") or m.group("d2")
    if ctx.anchor is None:
        if day is not None:
            return _Cand(m.start(), m.end(), "date",
                         _v_unknown(f"XXXX-{mon:02d}-{int(day):02d}", "day"), 3)
        return _Cand(m.start(), m.end(), "date", _v_unknown(f"XXXX-{mon:02d}", "month"), 3)
    y = ctx.anchor.year + off
    if day is not None:
        try:
            on = _dt.date(y, mon, int(day))
        except ValueError:
            return None
        return _Cand(m.start(), m.end(), "date", _v_day(on, True), 3, (y, mon, on.day))
    return _Cand(m.start(), m.end(), "date", _v_month(y, mon, True), 3, (y, mon, None))


def _h_vague_ago(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    return _Cand(m.start(), m.end(), "date", DateValue("PAST_REF", "day", None, None, True), 2)


def _relative_holiday(m: re.Match[str], ctx: _Ctx, name: str, rel: str) -> _Cand | None:
    """"last Easter", "next Christmas", "this Halloween": the instance before, after or in
    the anchor's year ("following" is read from the anchor too, with a warning)."""
    def on(y: int) -> _dt.date:
        if name in _EASTER_DAYS:
            return _easter(y) + _dt.timedelta(days=_EASTER_DAYS[name])
        mo, d = HOLIDAYS[name]
        return _dt.date(y, mo, d)

    a = ctx.anchor
    if a is None:
        if name in _EASTER_DAYS:
            return _Cand(m.start(), m.end("h"), "date", _v_unknown("XXXX-XX-XX", "day"), 3)
        mo, d = HOLIDAYS[name]
        return _Cand(m.start(), m.end("h"), "date",
                     _v_unknown(f"XXXX-{mo:02d}-{d:02d}", "day"), 3)
    if rel in ("last", "previous"):
        dd = on(a.year) if on(a.year) < a else on(a.year - 1)
    elif rel in ("next", "following"):
        dd = on(a.year) if on(a.year) > a else on(a.year + 1)
    else:
        dd = on(a.year)
    warnings = (_RELATIVE_WARNING.format(rel),) if rel == "following" else ()
    return _Cand(m.start(), m.end("h"), "date", _v_day(dd, True, warnings), 4,
                 (dd.year, dd.month, dd.day))

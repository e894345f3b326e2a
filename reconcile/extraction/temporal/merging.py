"""Selection of non-overlapping candidates (longest first) and the joins of adjacent
ones: a day and its clock time, an offset from a day, two dates as a range, compound
durations."""

from __future__ import annotations

import datetime as _dt
import re

from reconcile.model import DateMod, DateValue
from .tables import WEEKDAYS, NUMBER_WORDS, PARTS_OF_DAY
from .patterns import _WD_RE, _WD_ABBR_RE, PARTDAY, _REL
from .candidates import _Cand
from .values import (
    _last_day, _safe_date, _v_day, _v_week, _v_interval, _bounded, _v_month, _v_quarter,
    _v_season,
)
from .tense import _shift_months


_GAP_DATE_TIME = re.compile(r"\s{0,3},?\s{0,3}(?:(?:at|around|about|from|by)\s{1,2})?")
_GAP_TIME_DATE = re.compile(r"(?:\s{0,2},)?\s{1,3}(?:(?:on|this|last|of)\s{1,2})?")
"""Between a clock time and its day: "3 p.m. Friday", "5 p.m. EST, Nov. 6"."""


def _select(cands: list[_Cand], n: int) -> list[_Cand]:
    """Longest candidates first (ties: higher priority, earlier start), no overlaps."""
    cands.sort(key=lambda c: (-(c.end - c.start), -c.priority, c.start))
    taken = bytearray(n + 1)
    out: list[_Cand] = []
    for c in cands:
        if c.end <= c.start or c.start < 0 or c.end > n:
            continue
        if taken.find(1, c.start, c.end) != -1:
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        out.append(c)
    out.sort(key=lambda c: c.start)
    return out


_AT_HOUR = re.compile(
    r"\s{0,2},?\s{0,2}(?:at|around|about|by)\s{1,2}(?P<h>2[0-3]|1\d|0?[1-9])(?:[.:](?P<mi>[0-5]\d)|(?![.:]\d))"
    r"(?=\s{0,2}(?:[.,;:!?)](?!\d)|$|in\sthe\s(?:morning|afternoon|evening)\b))"
)
"""The hour ends where the clause does; never the first digit of a figure ("at 1,015")."""
_OFFSET_GAP = re.compile(r"\s{1,2}(?P<dir>before|after|from)\s{1,2}")
_PLAIN_DURATION = re.compile(r"P(?P<n>\d{1,4})(?P<u>[DWMY])")


def _at_hour(c: _Cand, text: str) -> _Cand | None:
    """"last night at 8", "Friday at 4.": a bare hour after "at" following a day is its
    clock time (only where the clause ends, so "on Monday at 5 people died" stays apart)."""
    if not (_is_day(c) or _is_part_of_day(c)):
        return None
    m = _AT_HOUR.match(text, c.end)
    if m is None:
        return None
    assert isinstance(c.value, DateValue)
    hh = int(m.group("h"))
    pod = c.value.timex[-2:] if _is_part_of_day(c) else ""
    if pod in ("AF", "EV", "NI") and hh < 12:
        hh += 12
    day_part = c.value.timex.split("T")[0]
    v = DateValue(f"{day_part}T{hh:02d}:{m.group('mi') or '00'}", "time", c.value.earliest,
                  c.value.latest, c.value.anchored, c.value.warnings)
    return _Cand(c.start, m.end("mi") if m.group("mi") else m.end("h"), "time", v, 5)


_WORKDAYS_RE = re.compile(r"(?i)\b(?:business|working|trading)\b")


def _offset_date(a: _Cand, b: _Cand, text: str) -> _Cand | None:
    """"2 weeks before May 13 1999", "three days after Christmas": a duration counted from a
    day is that day.  With a bound on the duration the day becomes a bound too: "more
    than 2 weeks before today" is BEFORE that day, "less than 3 days after tomorrow" the
    days between them; an approximate one ("about 2 weeks before") is left apart."""
    if a.kind != "duration" or not _is_day(b) or not isinstance(a.value, str):
        return None
    gm = _OFFSET_GAP.fullmatch(text, a.end, b.start)
    dm = _PLAIN_DURATION.fullmatch(a.value)
    if gm is None or dm is None or not text[a.start:a.start + 1].isalnum():
        return None
    if _WORKDAYS_RE.search(text, a.start, a.end):
        return None  # "eight trading days after Oct. 12": not calendar days to count
    words = " ".join(text[a.start:a.end].lower().split()[:2])
    bound = next((k for k in _OFFSET_BOUNDS if words.startswith(k)), None)
    if bound is None and words.split()[0] in _QUALIFIER_WORDS:
        return None  # "about 2 weeks before": approximate, not a day
    assert isinstance(b.value, DateValue)
    base = b.value.earliest
    if base is None:
        return None
    n = int(dm.group("n")) * (-1 if gm.group("dir") == "before" else 1)
    u = dm.group("u")
    if u in ("D", "W"):
        dd: _dt.date | None = base + _dt.timedelta(days=n * (7 if u == "W" else 1))
    else:
        y, mo = _shift_months(base.year, base.month, n * (12 if u == "Y" else 1))
        dd = _safe_date(y, mo, min(base.day, _last_day(y, mo)))
    if dd is None:
        return None
    day = _v_day(dd, b.value.anchored)
    if bound is None:
        return _Cand(a.start, b.end, "date", day, 5, (dd.year, dd.month, dd.day))
    before = gm.group("dir") == "before"
    if _OFFSET_BOUNDS[bound] == "beyond":
        mod: DateMod = "BEFORE" if before else "AFTER"
        return _Cand(a.start, b.end, "date", _bounded(day, mod, False, None), 5)
    lo, hi = (dd, base) if before else (base, dd)
    v = DateValue(f"{lo.isoformat()}/{hi.isoformat()}", "interval", lo, hi,
                  b.value.anchored)
    return _Cand(a.start, b.end, "date", v, 5)


# bounds on an offset: "more than 2 weeks before" lies beyond that day, "less than 3 days
# after" between the two days
_OFFSET_BOUNDS = {"more than": "beyond", "over": "beyond", "at least": "beyond",
                  "less than": "within", "fewer than": "within", "under": "within",
                  "up to": "within"}


_STARTING_GAP = re.compile(r"(?i),?\s{1,2}(?:starting|beginning)(?:\s{1,2}(?:from|on))?\s{1,2}")


def _days_of(dur: str) -> tuple[int, int] | None:
    """(months, days) of a plain duration ("P3D" -> (0, 3), "P1Y" -> (12, 0))."""
    dm = _PLAIN_DURATION.fullmatch(dur)
    if dm is None:
        return None
    n, u = int(dm.group("n")), dm.group("u")
    return {"D": (0, n), "W": (0, 7 * n), "M": (n, 0), "Y": (12 * n, 0)}[u]


def _duration_starting(a: _Cand, b: _Cand, text: str) -> _Cand | None:
    """"3 days starting from next Monday", "a week starting tomorrow": the interval that
    begins on that day and lasts that long."""
    if a.kind != "duration" or not isinstance(a.value, str) or not _is_day(b):
        return None
    md = _days_of(a.value)
    if md is None or not _STARTING_GAP.fullmatch(text, a.end, b.start):
        return None
    if text[a.start:a.end].split()[0].lower() in _QUALIFIER_WORDS:
        return None
    assert isinstance(b.value, DateValue)
    lo = b.value.earliest
    if lo is None:
        return None
    y, mo = _shift_months(lo.year, lo.month, md[0])
    end = _safe_date(y, mo, min(lo.day, _last_day(y, mo)))
    if end is None:
        return None
    end = end + _dt.timedelta(days=md[1] - 1)
    if end < lo:
        return None
    v = DateValue(f"{lo.isoformat()}/{end.isoformat()}", "interval", lo, end,
                  b.value.anchored, b.value.warnings)
    return _Cand(a.start, b.end, "date", v, 5)


_FROM_BEFORE = re.compile(r"(?i)(?<![\w-])(?P<w>from)\s{1,2}\Z")
_FOR_BEFORE = re.compile(r"(?i)(?<![\w-])(?P<w>for)\s{1,2}\Z")
_FOR_GAP = re.compile(r"(?i)\s{1,2}for\s{1,2}")
_FROM_GAP = re.compile(r"(?i)\s{1,2}from\s{1,2}")


def _clock_for(a: _Cand, b: _Cand, text: str) -> _Cand | None:
    """"from 2pm for 2 hours", "for 3 hours from 10 am": the clock interval they give."""
    if _is_bare_time(a) and b.kind == "duration" and _FOR_GAP.fullmatch(text, a.end, b.start):
        tm, dur = a, b
        lead = _FROM_BEFORE.search(text, max(0, a.start - 8), a.start)
    elif a.kind == "duration" and _is_bare_time(b) and _FROM_GAP.fullmatch(text, a.end, b.start):
        tm, dur = b, a
        lead = _FOR_BEFORE.search(text, max(0, a.start - 8), a.start)
    else:
        return None
    assert isinstance(tm.value, DateValue) and isinstance(dur.value, str)
    cm = re.fullmatch(r"T(\d{2}):(\d{2})", tm.value.timex)
    dm = _DUR_PART.fullmatch(dur.value)
    if lead is None or cm is None or dm is None or dm.group("Y") or dm.group("Mo") \
            or dm.group("W") or dm.group("D") or dm.group("S"):
        return None
    mins = 60 * int(dm.group("H") or 0) + int(dm.group("Mi") or 0)
    start = 60 * int(cm.group(1)) + int(cm.group(2))
    end = start + mins
    if not mins or end >= 24 * 60:
        return None
    v = DateValue(f"{tm.value.timex}/T{end // 60:02d}:{end % 60:02d}", "time", None, None,
                  False)
    return _Cand(lead.start(), b.end, "time", v, 5)


_QUALIFIER_WORDS = frozenset(["about", "around", "almost", "nearly", "roughly",
                              "approximately", "some", "more", "less", "only", "just", "at",
                              "up", "fewer", "over", "under"])


_WEEK_WD_GAP = re.compile(r"\s{1,2}(?:on\s{1,2})?|\s{0,2}[-,]\s{0,2}|\s{1,2}of\s{1,2}(?:the\s{1,2})?")


def _week_weekday(a: _Cand, b: _Cand, text: str) -> _Cand | None:
    """"next week on Tuesday", "Wednesday evening next week": the weekday in that week."""
    va, vb = a.value, b.value
    if not (isinstance(va, DateValue) and isinstance(vb, DateValue)):
        return None
    week, day = (a, b) if va.granularity == "week" else (b, a)
    vw, vd = week.value, day.value
    assert isinstance(vw, DateValue) and isinstance(vd, DateValue)
    if vw.granularity != "week" or "WE" in vw.timex or vw.earliest is None:
        return None
    m = re.fullmatch(rf"(?:{_REL}\s{{1,2}})?(?P<wd>{_WD_RE}|{_WD_ABBR_RE})\.?(?:\s{{1,2}}(?:in\s{{1,2}}the\s{{1,2}})?"
                     rf"(?P<part>{PARTDAY}))?", text[day.start:day.end])
    if m is None or not _WEEK_WD_GAP.fullmatch(text, a.end, b.start):
        return None
    # the day of that week with that weekday ("the 1st week of Oct." runs from Oct. 1,
    # whatever weekday that is)
    wd = WEEKDAYS[m.group("wd").lower().rstrip(".")]
    dd = vw.earliest + _dt.timedelta(days=(wd - vw.earliest.weekday()) % 7)
    if m.group("part"):
        v = DateValue(f"{dd.isoformat()}T{PARTS_OF_DAY[m.group('part').lower()]}", "time", dd,
                      dd, vw.anchored)
        return _Cand(a.start, b.end, "time", v, 5)
    return _Cand(a.start, b.end, "date", _v_day(dd, vw.anchored), 5, (dd.year, dd.month, dd.day))


_RANGE_PRE = re.compile(r"(?P<pre>[Ff]rom|[Bb]etween)\s{1,2}\Z")
_RANGE_MID = re.compile(
    r"\s{0,2}(?P<sep>-|–|—|to|until|till|through|thru|and|into)\s{0,2}")


def _date_range(a: _Cand, b: _Cand, text: str) -> _Cand | None:
    """"from 10/1/2018 - 10/7/2018", "between today and tomorrow": two dates read as the
    interval between them, "from"/"between" included as in "from Nov. 8 to Dec. 2"."""
    va, vb = a.value, b.value
    if a.kind != "date" or b.kind != "date" or not isinstance(va, DateValue) \
            or not isinstance(vb, DateValue) or "/" in va.timex or "/" in vb.timex:
        return None
    pm = _RANGE_PRE.search(text, max(0, a.start - 10), a.start)
    mm = _RANGE_MID.fullmatch(text, a.end, b.start)
    if mm is None:
        return None
    if mm.group("sep") == "into":
        # "overnight Saturday into Sunday": a night across two days, both of them
        if not (_is_day(a) and _is_day(b)) or va.latest is None or vb.earliest is None \
                or (vb.earliest - va.latest).days != 1:
            return None
    elif pm is None:
        # "January 12, 2016 - 01/22/2016": two stated days joined by a dash need no "from"
        if mm.group("sep") not in ("-", "–", "—") or not (_is_day(a) and _is_day(b)) \
                or va.anchored or vb.anchored:
            return None
    elif (mm.group("sep") == "and") != (pm.group("pre").lower() == "between"):
        return None
    if va.earliest is not None and vb.latest is not None and va.earliest > vb.latest:
        vb2 = _later_instance(vb, va.earliest, text[b.start:b.end])
        if vb2 is None:
            return None
        vb = vb2
    v = _v_interval(va, vb, va.anchored or vb.anchored)
    return _Cand(pm.start() if pm else a.start, b.end, "date", v, 5)


def _later_instance(v: DateValue, after: _dt.date, words: str) -> DateValue | None:
    """The end of a range that the anchor resolved before its start: "from next Monday to
    Friday" (the Friday after), "from 10/1 to 11/7" (the 11/7 after).  Only a day the
    anchor placed (a weekday, or a month and day without a year) moves."""
    if not v.anchored or v.granularity != "day" or v.earliest is None:
        return None
    d = v.earliest
    if re.search(rf"(?i)\b(?:{_WD_RE})\b", words) and not re.search(r"\d", words):
        while d < after:
            d += _dt.timedelta(days=7)
    else:
        nd = _safe_date(d.year + 1, d.month, d.day)
        if nd is None or nd < after or (nd - after).days > 366:
            return None
        d = nd
    return _v_day(d, True, v.warnings)


def _set_time(a: _Cand, b: _Cand, text: str) -> _Cand | None:
    """"every day at 7:13 p.m.", "Tuesdays at 9am", "6am everyday": a set at a clock time."""
    if a.kind == "set" and _is_bare_time(b) and _GAP_DATE_TIME.fullmatch(text, a.end, b.start):
        st, tm = a, b
    elif _is_bare_time(a) and b.kind == "set" and re.fullmatch(r"\s{1,2}", text[a.end:b.start]):
        st, tm = b, a
    else:
        return None
    assert isinstance(st.value, str) and isinstance(tm.value, DateValue)
    if "/" in tm.value.timex:
        return None
    base = st.value
    if base.startswith(("XXXX-WXX-", "XXXX-XX-XX")):
        timex = base.split("T")[0] + tm.value.timex
    elif base == "P1D":
        timex = "XXXX-XX-XX" + tm.value.timex
    else:
        return None
    return _Cand(a.start, b.end, "set", timex, 5)


_WEEK_OF_LEFT = re.compile(
    r"(?i)(?:the\s{1,2})?(?:week\s{1,2}(?:of|beginning|starting|commencing)(?:\s{1,2}on)?|w/c)"
    r"\s{1,2}\Z")
_HOUR_RANGE = re.compile(r"\s{1,2}(?:from\s{1,2})?(?P<a>1[0-2]|0?[1-9])\s?-\s?(?P<b>1[0-2]|0?[1-9])"
                         r"(?=\s{0,2}(?:[.,;:!?)]|$))")


def _week_of(c: _Cand, text: str) -> _Cand | None:
    """"the week of April 10th", "w/c Feb 4": the week holding that day."""
    if not _is_day(c) or not isinstance(c.value, DateValue) or c.value.earliest is None:
        return None
    m = _WEEK_OF_LEFT.search(text, max(0, c.start - 40), c.start)
    if m is None:
        return None
    return _Cand(m.start(), c.end, "date", _v_week(c.value.earliest, c.value.anchored), 5)


_END_OF_LEFT = re.compile(r"(?i)(?<![\w-])(?:the\s{1,2})?end\s{1,2}of\s{1,2}(?:the\s{1,2})?\Z")


def _end_of_day(c: _Cand, text: str) -> _Cand | None:
    """"the end of today", "end of this Sunday": that day (as "the end of 1989" is 1989),
    the words in the span as TimeML takes them."""
    if not _is_day(c):
        return None
    m = _END_OF_LEFT.search(text, max(0, c.start - 16), c.start)
    if m is None:
        return None
    return _Cand(m.start(), c.end, c.kind, c.value, c.priority, c.parts)


def _hour_range_after_day(c: _Cand, text: str) -> _Cand | None:
    """"Monday 12-4", "Wednesday from 10-4": office hours after a day, the end in the
    afternoon when it is smaller (a score such as "3-2" is left alone)."""
    if not _is_day(c) or not isinstance(c.value, DateValue):
        return None
    m = _HOUR_RANGE.match(text, c.end)
    if m is None:
        return None
    a, b = int(m.group("a")), int(m.group("b"))
    if b <= a:
        if a < 8:
            return None
        b += 12
    elif a < 7:
        a, b = a + 12, b + 12
    day = c.value.timex
    v = DateValue(f"{day}T{a:02d}:00/{day}T{b:02d}:00", "time", c.value.earliest,
                  c.value.latest, c.value.anchored, c.value.warnings)
    return _Cand(c.start, m.end(), "time", v, 5)


_DUR_PART = re.compile(r"P(?:(?P<Y>\d+)Y)?(?:(?P<Mo>\d+)M)?(?:(?P<W>\d+)W)?(?:(?P<D>\d+)D)?"
                       r"(?:T(?:(?P<H>\d+)H)?(?:(?P<Mi>\d+)M)?(?:(?P<S>\d+)S)?)?")


def _sum_durations(a: _Cand, b: _Cand, text: str) -> _Cand | None:
    """"3 hours 30 minutes", "2 years and 1 month": one duration."""
    pair = _duration_pair(a, b, text)
    if pair is None:
        return None
    parts = _combined_units(*pair)
    if parts is None:
        return None
    date = "".join(f"{parts[k]}{k[0]}" for k in ("Y", "Mo", "W", "D") if k in parts)
    time = "".join(f"{parts[k]}{k[0]}" for k in ("H", "Mi", "S") if k in parts)
    return _Cand(a.start, b.end, "duration", "P" + date + ("T" + time if time else ""), 5)


def _duration_pair(a: _Cand, b: _Cand,
                   text: str) -> tuple[re.Match[str], re.Match[str]] | None:
    """The units of two durations that may be one: adjacent (a space, "and" or a comma
    between) and the second starting with a figure or a number word; else None."""
    if a.kind != "duration" or b.kind != "duration" or not isinstance(a.value, str) \
            or not isinstance(b.value, str):
        return None
    if not re.fullmatch(r"\s{1,2}(?:and\s{1,2})?|,\s{1,2}", text[a.end:b.start]):
        return None
    ma, mb = _DUR_PART.fullmatch(a.value), _DUR_PART.fullmatch(b.value)
    if ma is None or mb is None or not text[b.start:b.start + 1].isdigit() and \
            not text[b.start:b.end].split()[0].lower() in NUMBER_WORDS:
        return None
    return ma, mb


def _combined_units(ma: re.Match[str], mb: re.Match[str]) -> dict[str, str] | None:
    """The units of both durations together, or None when a unit is stated twice ("2
    days and 3 days") or the larger unit does not come first ("30 minutes 1 hour")."""
    parts = {}
    for k in ("Y", "Mo", "W", "D", "H", "Mi", "S"):
        va, vb = ma.group(k), mb.group(k)
        if va and vb:
            return None  # "2 days and 3 days": not one duration
        if va or vb:
            parts[k] = va or vb
    order_a = [k for k in ("Y", "Mo", "W", "D", "H", "Mi", "S") if ma.group(k)]
    order_b = [k for k in ("Y", "Mo", "W", "D", "H", "Mi", "S") if mb.group(k)]
    keys = ["Y", "Mo", "W", "D", "H", "Mi", "S"]
    if not order_a or not order_b or keys.index(order_a[-1]) >= keys.index(order_b[0]):
        return None  # the larger unit comes first: "1 hour 30 minutes"
    return parts


def _merge_durations(cands: list[_Cand], text: str) -> list[_Cand]:
    """Sum adjacent durations first ("3 hours 30 minutes"), so that what is read with a
    duration later ("from 10 am for 3 hours 30 minutes") takes all of it."""
    out: list[_Cand] = []
    for c in cands:
        merged = _sum_durations(out[-1], c, text) if out else None
        if merged is not None:
            out[-1] = merged
        else:
            out.append(c)
    return out


_POSSESSIVE_GAP = re.compile(r"['’]s\s{1,2}")
_PART_OF_YEAR = re.compile(r"\d{4}-(?:Q(?P<q>[1-4])|(?P<s>SP|SU|FA|WI)|(?P<m>\d{2}))")


def _part_of_year(a: _Cand, b: _Cand, text: str) -> _Cand | None:
    """"next year's first quarter", "1988's spring", "last year's June": the part is of
    the year named before it, not of the year it would be read in alone."""
    if not (a.kind == b.kind == "date" and isinstance(a.value, DateValue)
            and isinstance(b.value, DateValue) and a.value.granularity == "year"
            and re.fullmatch(r"\d{4}", a.value.timex) and a.value.mod is None
            and b.value.mod is None and _POSSESSIVE_GAP.fullmatch(text, a.end, b.start)):
        return None
    pm = _PART_OF_YEAR.fullmatch(b.value.timex)
    if pm is None:
        return None
    y = int(a.value.timex)
    anchored = a.value.anchored
    if pm.group("q"):
        v = _v_quarter(y, int(pm.group("q")), anchored)
    elif pm.group("s"):
        v = _v_season(y, pm.group("s"), anchored)
    else:
        v = _v_month(y, int(pm.group("m")), anchored)
    return _Cand(a.start, b.end, "date", v, 5)


def _merge_times(cands: list[_Cand], text: str) -> list[_Cand]:
    """Attach a bare clock time to an adjacent day: "Wednesday at 3 p.m.",
    "15:00 GMT Saturday" become one time expression; a duration counted from a day
    ("3 days after January 12th") becomes that day."""
    out: list[_Cand] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        if nxt is not None:
            merged = (_try_merge(c, nxt, text) or _part_of_year(c, nxt, text)
                      or _offset_date(c, nxt, text)
                      or _week_weekday(c, nxt, text) or _date_range(c, nxt, text)
                      or _set_time(c, nxt, text) or _sum_durations(c, nxt, text)
                      or _duration_starting(c, nxt, text) or _clock_for(c, nxt, text))
            if merged is not None:
                out.append(merged)
                i += 2
                continue
        at = (_at_hour(c, text) or _week_of(c, text) or _hour_range_after_day(c, text)
              or _end_of_day(c, text))
        if at is not None and (nxt is None or nxt.start >= at.end) and (
                not out or out[-1].end <= at.start):
            out.append(at)
            i += 1
            continue
        out.append(c)
        i += 1
    return out


def _is_bare_time(c: _Cand) -> bool:
    return c.kind == "time" and isinstance(c.value, DateValue) and c.value.timex.startswith("T")


def _is_day(c: _Cand) -> bool:
    return c.kind == "date" and isinstance(c.value, DateValue) and c.value.granularity == "day"


_DEICTIC_POD = re.compile(r"(?i)(?:tonight|(?:this|tomorrow|yesterday)\s{1,2}\w+|last\s{1,2}night)\Z")


def _is_part_of_day(c: _Cand) -> bool:
    return c.kind == "time" and isinstance(c.value, DateValue) and bool(
        re.fullmatch(r"(?:\d{4}-\d{2}-\d{2}|XXXX-XX-XX)T(?:MO|AF|EV|NI)", c.value.timex))


def _try_merge(a: _Cand, b: _Cand, text: str) -> _Cand | None:
    gap = text[a.end:b.start]
    if len(gap) > 8:
        return None
    if _is_day(a) and _is_bare_time(b) and _GAP_DATE_TIME.fullmatch(gap):
        day, tm = a, b
    elif _is_bare_time(a) and _is_day(b) and _GAP_TIME_DATE.fullmatch(gap):
        day, tm = b, a
    elif (_is_bare_time(a) and _is_part_of_day(b) and _GAP_TIME_DATE.fullmatch(gap)) or (
            _is_part_of_day(a) and _is_bare_time(b) and _GAP_DATE_TIME.fullmatch(gap)
            and isinstance(b.value, DateValue) and ("/" in b.value.timex or _DEICTIC_POD.match(
                text, a.start, a.end))):
        # "8am this morning", "tonight from 7 to 7:30": the clock time on that day
        # ("Sunday night at 8 PM" stays two, as TimeML annotates it)
        pod, tm0 = (b, a) if _is_bare_time(a) else (a, b)
        assert isinstance(pod.value, DateValue) and isinstance(tm0.value, DateValue)
        pv = pod.value
        day_part = pv.timex.split("T")[0]
        v0 = DateValue("/".join(day_part + t for t in tm0.value.timex.split("/")), "time",
                       pv.earliest, pv.latest, pv.anchored, pv.warnings)
        return _Cand(a.start, b.end, "time", v0, 5)
    else:
        return None
    assert isinstance(day.value, DateValue) and isinstance(tm.value, DateValue)
    dv = day.value
    timex = "/".join(dv.timex + t for t in tm.value.timex.split("/"))  # ranges: both ends
    v = DateValue(timex, "time", dv.earliest, dv.latest, dv.anchored, dv.warnings)
    return _Cand(a.start, b.end, "time", v, 5)

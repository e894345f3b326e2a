"""Handlers for periods: decades, centuries, quarters, halves, the first months of a
year, seasons, fiscal and spelled-out years, holidays, weeks of a month, ends of a unit."""

from __future__ import annotations

import datetime as _dt
import re

from reconcile.model import DateValue, Granularity
from .tables import MONTHS, ORDINALS, SEASONS, HOLIDAYS, YEAR_TRIGGERS
from .patterns import _EASTER_DAYS
from .candidates import _Cand, _Ctx
from .values import (
    _easter, _last_day, _safe_date, _v_day, _v_month, _v_year, _v_week, _v_quarter, _v_season,
    _v_unknown, _v_interval,
)
from .tense import _shift_months, _direction, _md_year, _number
from .context import _prev_word_nocomma, _next_word, _is_plural_noun
from .h_dates import _month_num
from .h_relative import _relative_holiday


def _h_decade(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    if m.group("d4"):
        d0 = int(m.group("d4")) // 10
    else:
        dd = int(m.group("d2"))
        d0 = (1900 + dd) // 10 if dd >= 20 else (2000 + dd) // 10
    if not m.group("the") and not m.group("mod") and not m.group("d4"):
        pw = _prev_word_nocomma(ctx.text, m.start()).lower()
        if pw not in YEAR_TRIGGERS and pw not in ("the", "and", "or"):
            return None
    v = DateValue(f"{d0:03d}", "decade", _dt.date(d0 * 10, 1, 1),
                  _dt.date(d0 * 10 + 9, 12, 31), False)
    return _Cand(m.start(), m.end(), "date", v, 3)


_DECADE_WORDS = {"twenties": 192, "thirties": 193, "forties": 194, "fifties": 195,
                 "sixties": 196, "seventies": 197, "eighties": 198, "nineties": 199}
# a temperature or a score nearby: "highs in the nineties" are degrees, not years
_NOT_A_DECADE_RE = re.compile(r"(?i)\b(?:temperatures?|degrees?|highs?|lows?|fahrenheit|"
                              r"celsius|heat|mercury|thermometer|scored?|points?|mph|"
                              r"percent|cents?)\b|°")


def _h_decade_words(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """"the nineties" (199), "the late sixties": a decade of the 1900s, unless the words
    around it speak of a temperature, a score or a price ("highs in the nineties")."""
    text = ctx.text
    if _NOT_A_DECADE_RE.search(text, max(0, m.start() - 60), min(len(text), m.end() + 30)):
        return None
    d0 = _DECADE_WORDS[m.group("w").lower()]
    v = DateValue(f"{d0:03d}", "decade", _dt.date(d0 * 10, 1, 1),
                  _dt.date(d0 * 10 + 9, 12, 31), False)
    return _Cand(m.start(), m.end(), "date", v, 3)


def _h_century(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    if m.group("n"):
        n = int(m.group("n"))
    else:
        w = " ".join(m.group("w").lower().replace("-", " ").split())
        n = {"nineteenth": 19, "twentieth": 20, "twenty first": 21, "eighteenth": 18,
             "seventeenth": 17, "sixteenth": 16}[w]
    c0 = n - 1
    v = DateValue(f"{c0:02d}", "century", _dt.date(max(1, c0 * 100), 1, 1),
                  _dt.date(c0 * 100 + 100, 12, 31), False)
    return _Cand(m.start(), m.end(), "date", v, 3)


def _year_from(m: re.Match[str], ctx: _Ctx, ygroups: tuple[str, ...]) -> tuple[int | None,
                                                                              bool, bool]:
    """(year, anchored, ok) from explicit year groups, "last/this/next year" or "the year"."""
    for g in ygroups:
        if m.group(g):
            return int(m.group(g)), False, True
    rel = m.groupdict().get("rel")
    the = m.groupdict().get("the")
    if rel or the:
        if ctx.anchor is None:
            return None, True, True
        off = {"last": -1, "this": 0, "next": 1}.get((rel or "this").lower(), 0)
        return ctx.anchor.year + off, True, True
    return None, True, False


def _spelled_year(words: str) -> int | None:
    """1996 from "nineteen ninety-six", 2003 from "two thousand (and) three"."""
    w = " ".join(words.lower().replace("-", " ").split())
    if w.startswith("two thousand"):
        rest = w[len("two thousand"):].strip().removeprefix("and ")
        n = _number(rest) if rest else 0.0
        return None if n is None or n >= 100 else 2000 + int(n)
    head, _, rest = w.partition(" ")
    century = {"nineteen": 1900, "twenty": 2000}[head]
    if rest.startswith(("oh ", "o ")):
        rest = rest.split(" ", 1)[1]
    n = _number(rest)
    return None if n is None or n >= 100 else century + int(n)


def _h_spelled_year(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    y = _spelled_year(m.group("y"))
    if y is None:
        return None
    start, end = m.start(), m.end()
    nw = _next_word(ctx.text, end)
    if nw and _is_plural_noun(nw):
        return None  # "twenty five people": a count
    if m.group("mon"):
        mon = MONTHS[m.group("mon").lower()]
        return _Cand(start, end, "date", _v_month(y, mon, False), 3, (y, mon, None))
    pw = _prev_word_nocomma(ctx.text, start).lower()
    if not m.group("theyear") and pw not in YEAR_TRIGGERS and \
            not _NO_COUNT_YEAR_RE.fullmatch(m.group("y")):
        return None
    return _Cand(start, end, "date", _v_year(y, False), 2, (y, None, None))


# "nineteen ninety-six", "nineteen oh five": words no count is said in (a count would be
# "nineteen hundred ninety-six"), a year wherever it stands ("a nineteen ninety-seven
# attack"); "nineteen fifty" or "two thousand three" may be counts and need "in" or the like
_NO_COUNT_YEAR_RE = re.compile(
    r"(?i)(?:nineteen|twenty)\s{1,2}(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    r"ninety)[-\s](?:one|two|three|four|five|six|seven|eight|nine)|oh[-\s]\w+|o[-\s]\w+)")


def _h_year_ended(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """"the year ended Sept. 30": one year, a duration (its end is the date after it)."""
    start = m.start("y")
    first = m.group("y").split()[0].lower()
    if first != "the":  # "its fiscal year": the possessive stays outside, as TimeML has it
        start += len(first) + 1
    return _Cand(start, m.end("y"), "duration", "P1Y", 3)


def _h_quarter(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    if m.group("qq"):
        q = int(m.group("qq")[1])
    elif m.group("q2"):
        q = int(m.group("q2"))
    else:
        o = m.group("ord").lower()
        q = int(o[0]) if o[0].isdigit() else ORDINALS[o]
    y, anchored, ok = _year_from(m, ctx, ("y1", "y2", "y3"))
    if not ok and m.group("y0"):  # "the 1988 third quarter"
        y, anchored, ok = int(m.group("y0")), False, True
    if not ok:
        # "the third quarter" alone: the most recent such quarter begun by the anchor
        if m.group("qq") and not m.group("y1"):
            return None  # bare "Q3" is often not a date (a product, a rating)
        if ctx.anchor is None:
            return _Cand(m.start(), m.end(), "date", _v_unknown(f"XXXX-Q{q}", "quarter"), 3)
        a = ctx.anchor
        y = a.year if 3 * (q - 1) + 1 <= a.month else a.year - 1
        anchored = True
    if y is None:
        return _Cand(m.start(), m.end(), "date", _v_unknown(f"XXXX-Q{q}", "quarter"), 3)
    if m.group("ago"):  # "the year-ago third quarter"
        y -= 1
    return _Cand(m.start(), m.end(), "date", _v_quarter(y, q, anchored), 4)


def _h_half(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    if m.group("hh") or m.group("hh2"):
        h = int((m.group("hh") or m.group("hh2"))[1])
    else:
        h = 1 if (m.group("ord") or m.group("ordq")).lower() == "first" else 2
    y, anchored, ok = _year_from(m, ctx, ("y1", "y2", "y3"))
    if not ok:
        return None
    if y is None:
        return _Cand(m.start(), m.end(), "date",
                     DateValue(f"XXXX-H{h}", "interval", None, None, True), 4)
    m0 = 1 if h == 1 else 7
    v = DateValue(f"{y:04d}-H{h}", "interval", _dt.date(y, m0, 1),
                  _dt.date(y, m0 + 5, _last_day(y, m0 + 5)), anchored)
    return _Cand(m.start(), m.end(), "date", v, 4)


def _h_first_months(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    n = _number(m.group("num"))
    if n is None or n != int(n) or not 1 <= n <= 12:
        return None
    k = int(n)
    first = m.group("pos").lower() == "first"
    y, anchored, ok = _year_from(m, ctx, ("y1",))
    if not ok:
        return None
    if m.group("u") != "months":  # "the first 2 weeks of 2021", "first ten days of last year"
        days = k * (7 if m.group("u") == "weeks" else 1)
        if y is None or days > 366:
            return None
        lo = _dt.date(y, 1, 1) if first else _dt.date(y, 12, 31) - _dt.timedelta(days=days - 1)
        hi = lo + _dt.timedelta(days=days - 1)
        v = DateValue(f"{lo.isoformat()}/{hi.isoformat()}", "interval", lo, hi, anchored)
        return _Cand(m.start(), m.end(), "date", v, 5)
    if k > 12:
        return None
    m1, m2 = (1, k) if first else (13 - k, 12)
    if y is None:
        return _Cand(m.start(), m.end(), "date",
                     DateValue(f"XXXX-{m1:02d}/XXXX-{m2:02d}", "interval", None, None, True),
                     5)
    v = _v_interval(_v_month(y, m1, anchored), _v_month(y, m2, anchored), anchored)
    return _Cand(m.start(), m.end(), "date", v, 5)


def _h_nth_month(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    o = m.group("ord").lower()
    mon = int(re.sub(r"\D", "", o)) if o[0].isdigit() else ORDINALS[o]
    y, anchored, ok = _year_from(m, ctx, ("y1",))
    if not ok or not 1 <= mon <= 12:
        return None
    if y is None:
        return _Cand(m.start(), m.end(), "date", _v_unknown(f"XXXX-{mon:02d}", "month"), 4)
    return _Cand(m.start(), m.end(), "date", _v_month(y, mon, anchored), 4)


def _h_season_year(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    y = int(m.group("y")) if m.group("y") else _spelled_year(m.group("ys"))
    if y is None:
        return None
    s = SEASONS[m.group("s").lower()]
    return _Cand(m.start(), m.end(), "date", _v_season(y, s, False, explicit_year=True), 4)


def _h_fiscal(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    ys = m.group("y") or m.group("y2")
    y = int(ys)
    if len(ys) == 2:
        y += 2000
    # fiscal years straddle calendar years in many countries: widen the bounds
    v = DateValue(f"{y:04d}", "year", _dt.date(y - 1, 4, 1), _dt.date(y + 1, 3, 31), False,
                  ("fiscal year: calendar bounds approximate",))
    return _Cand(m.start(), m.end(), "date", v, 4)


def _h_holiday(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    name = " ".join(m.group("h").lower().replace("’", "'").split())
    ys = m.group("y")
    rel = (m.group("rel") or "").lower()
    if m.group("h").islower() and name in ("christmas", "halloween", "easter") \
            and not (rel or ys):
        return None  # lower case alone: "an easter egg"
    if name in ("christmas", "halloween", "easter") and not (ys or rel):
        pw = _prev_word_nocomma(ctx.text, m.start()).lower()
        if pw not in ("on", "at", "before", "after", "since", "until", "by", "over", "during",
                      "last", "this", "next", "till"):
            return None
    if rel and not ys:
        return _relative_holiday(m, ctx, name, rel)
    if name in _EASTER_DAYS:
        off = _dt.timedelta(days=_EASTER_DAYS[name])
        if ys:
            return _Cand(m.start(), m.end(), "date",
                         _v_day(_easter(int(ys)) + off, False), 4)
        if ctx.anchor is None:
            return _Cand(m.start(), m.end("h"), "date", _v_unknown("XXXX-XX-XX", "day"), 3)
        a = ctx.anchor
        past = _direction(ctx, m.start()) == "past"
        ey = a.year if (_easter(a.year) + off <= a) == past else a.year + (-1 if past else 1)
        return _Cand(m.start(), m.end("h"), "date", _v_day(_easter(ey) + off, True), 3)
    mo, d = HOLIDAYS[name]
    if ys:
        dd = _safe_date(int(ys), mo, d)
        return _Cand(m.start(), m.end(), "date", _v_day(dd, False), 4) if dd else None
    if ctx.anchor is None:
        return _Cand(m.start(), m.end(), "date", _v_unknown(f"XXXX-{mo:02d}-{d:02d}", "day"), 3)
    y = _md_year(ctx, m.start(), mo, d)
    return _Cand(m.start(), m.end(), "date", _v_day(_dt.date(y, mo, d), True), 3)


def _h_week_of(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    o = m.group("ord").lower()
    n = -1 if o == "last" else int(o[0]) if o[0].isdigit() else ORDINALS[o]
    ys = m.group("y") or m.group("y2")
    mon = _month_num(m.group("mon"))
    relm = (m.group("relm") or "").lower()
    if relm:  # "the last week of this month": the month counted from the anchor
        if ctx.anchor is None:
            label = "L" if n < 0 else str(n)
            return _Cand(m.start(), m.end(), "date",
                         DateValue(f"XXXX-XX-W{label}", "week", None, None, True), 4)
        y0, mon = _shift_months(ctx.anchor.year, ctx.anchor.month,
                                {"last": -1, "this": 0, "next": 1}[relm])
        ys = str(y0)
    if mon is None:  # a week of a year: ISO weeks
        y = int(ys)
        if n < 0:
            last = _dt.date(y, 12, 28)
            return _Cand(m.start(), m.end(), "date", _v_week(last, False), 4)
        first = _dt.date(y, 1, 4) + _dt.timedelta(weeks=n - 1)
        return _Cand(m.start(), m.end(), "date", _v_week(first, False), 4)
    anchored = not ys or bool(relm)
    if ys:
        y = int(ys)
    elif ctx.anchor is None:
        label = "L" if n < 0 else str(n)
        return _Cand(m.start(), m.end(), "date",
                     DateValue(f"XXXX-{mon:02d}-W{label}", "week", None, None, True), 4)
    else:
        y = _md_year(ctx, m.start(), mon, None)
    last_day = _last_day(y, mon)
    if n < 0:
        lo, hi = last_day - 6, last_day
    else:
        lo, hi = 7 * (n - 1) + 1, min(7 * n, last_day)
        if lo > last_day:
            return None
    label = "L" if n < 0 else str(n)
    v = DateValue(f"{y:04d}-{mon:02d}-W{label}", "week", _dt.date(y, mon, lo),
                  _dt.date(y, mon, hi), anchored)
    return _Cand(m.start(), m.end(), "date", v, 4)


_BEFORE_UNIT_END = frozenset(["by", "before", "until", "till", "around", "about", "at",
                              "near", "toward", "towards"])
"""Words after which "year-end" is a time: "by year-end" (not "year-end bonuses", nor
"since year-end", which is the end of the year before)."""


def _h_end_of(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    if m.group("ye"):
        if _prev_word_nocomma(ctx.text, m.start()).lower() not in _BEFORE_UNIT_END:
            return None
        u = m.group("ye").lower()
        if ctx.anchor is None:
            return _Cand(m.start(), m.end(), "date", _v_unknown("XXXX", "year")
                         if u == "year" else _v_unknown("XXXX-XX", "month"), 3)
        a = ctx.anchor
        v = _v_year(a.year, True) if u == "year" else _v_month(a.year, a.month, True)
        return _Cand(m.start(), m.end(), "date", v, 2)
    word = m.group(0).split()[-1 if not m.group("u") else 0]
    u = (m.group("u") or "").lower() or {"eod": "day", "eoy": "year"}.get(
        m.group(0).strip().split()[-1].lower(), "")
    if not u or (not m.group("u") and word.lower() == "end"):
        return None
    if u == "day" and m.group("the"):
        return None  # "at the end of the day" is an idiom more often than a time
    anchor = ctx.anchor
    if anchor is None:
        unknown: dict[str, tuple[str, Granularity]] = {
            "day": ("XXXX-XX-XX", "day"), "week": ("XXXX-WXX", "week"),
            "month": ("XXXX-XX", "month"), "year": ("XXXX", "year")}
        timex, gran = unknown[u]
        return _Cand(m.start(), m.end(), "date", _v_unknown(timex, gran), 3)
    v = {"day": lambda: _v_day(anchor, True), "week": lambda: _v_week(anchor, True),
         "month": lambda: _v_month(anchor.year, anchor.month, True),
         "year": lambda: _v_year(anchor.year, True)}[u]()
    return _Cand(m.start(), m.end(), "date", v, 2)

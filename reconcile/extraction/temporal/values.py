"""Value makers: TIMEX3 values with calendar bounds for days, weeks, months, quarters,
seasons and intervals, Easter, and a value bounded on one side by a signal."""

from __future__ import annotations

import calendar
import datetime as _dt

from reconcile.model import DateMod, DateValue, Granularity
from .tables import _SEASON_START


def _easter(y: int) -> _dt.date:
    """Easter Sunday of year ``y`` (Gregorian; the anonymous algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month = (h + el - 7 * m + 114) // 31
    day = (h + el - 7 * m + 114) % 31 + 1
    return _dt.date(y, month, day)


def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _safe_date(y: int, m: int, d: int) -> _dt.date | None:
    if not (1 <= y <= 9999 and 1 <= m <= 12 and 1 <= d <= 31):
        return None
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def _v_day(d: _dt.date, anchored: bool, warnings: tuple[str, ...] = ()) -> DateValue:
    return DateValue(d.isoformat(), "day", d, d, anchored, warnings)


def _v_month(y: int, m: int, anchored: bool) -> DateValue:
    return DateValue(f"{y:04d}-{m:02d}", "month", _dt.date(y, m, 1),
                     _dt.date(y, m, _last_day(y, m)), anchored)


def _v_year(y: int, anchored: bool, warnings: tuple[str, ...] = ()) -> DateValue:
    return DateValue(f"{y:04d}", "year", _dt.date(y, 1, 1), _dt.date(y, 12, 31), anchored,
                     warnings)


def _v_week(d: _dt.date, anchored: bool, weekend: bool = False) -> DateValue:
    iy, iw, _ = d.isocalendar()
    monday = d - _dt.timedelta(days=d.weekday())
    if weekend:
        return DateValue(f"{iy:04d}-W{iw:02d}-WE", "week", monday + _dt.timedelta(days=5),
                         monday + _dt.timedelta(days=6), anchored)
    return DateValue(f"{iy:04d}-W{iw:02d}", "week", monday, monday + _dt.timedelta(days=6),
                     anchored)


def _v_quarter(y: int, q: int, anchored: bool) -> DateValue:
    m0 = 3 * (q - 1) + 1
    return DateValue(f"{y:04d}-Q{q}", "quarter", _dt.date(y, m0, 1),
                     _dt.date(y, m0 + 2, _last_day(y, m0 + 2)), anchored)


def _v_season(y: int, s: str, anchored: bool, explicit_year: bool = False) -> DateValue:
    if s == "WI":
        # "winter 2023" may mean Jan-Feb 2023 or Dec 2023: cover both when stated
        earliest = _dt.date(y - 1, 12, 1)
        latest = _dt.date(y, 12, 31) if explicit_year else _dt.date(y, 2, _last_day(y, 2))
    else:
        m0 = _SEASON_START[s]
        earliest = _dt.date(y, m0, 1)
        latest = _dt.date(y, m0 + 2, _last_day(y, m0 + 2))
    return DateValue(f"{y:04d}-{s}", "season", earliest, latest, anchored)


def _v_unknown(timex: str, gran: Granularity) -> DateValue:
    return DateValue(timex, gran, None, None, True)


def _v_interval(a: DateValue, b: DateValue, anchored: bool,
                warnings: tuple[str, ...] = ()) -> DateValue:
    return DateValue(f"{a.timex}/{b.timex}", "interval", a.earliest, b.latest, anchored,
                     warnings or a.warnings + b.warnings)


def _v_parts(y: int | None, m: int | None, d: int | None, anchored: bool) -> DateValue | None:
    """A value from calendar parts; ``y`` None means the year is unknown."""
    if m is None:
        return _v_year(y, anchored) if y is not None else None
    if y is None:
        if d is None:
            return _v_unknown(f"XXXX-{m:02d}", "month")
        return _v_unknown(f"XXXX-{m:02d}-{d:02d}", "day")
    if d is None:
        return _v_month(y, m, anchored)
    dd = _safe_date(y, m, d)
    return _v_day(dd, anchored) if dd else None


def _bounded(v: DateValue, mod: DateMod, since: bool, anchor: _dt.date | None) -> DateValue:
    """``v`` bounded on one side by ``mod``: the days it leaves open become None."""
    lo, hi = v.earliest, v.latest
    if "T" in v.timex and mod in ("BEFORE", "AFTER"):
        # "before 4pm today": the bound falls inside the day, which stays possible
        day = _bounded(v, "ON_OR_BEFORE" if mod == "BEFORE" else "ON_OR_AFTER", since,
                       anchor)
        return DateValue(v.timex, "interval", day.earliest, day.latest, v.anchored,
                         v.warnings, mod)
    if mod == "BEFORE":
        lo, hi = None, (lo - _dt.timedelta(days=1) if lo is not None else None)
    elif mod == "AFTER":
        lo, hi = (hi + _dt.timedelta(days=1) if hi is not None else None), None
    elif mod == "ON_OR_BEFORE":
        lo = None
    else:
        hi = anchor if since and anchor is not None and lo is not None and lo <= anchor \
            else None
    return DateValue(v.timex, "interval", lo, hi, v.anchored, v.warnings, mod)

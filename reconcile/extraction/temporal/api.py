"""The public entry point, :func:`find_dates`: find candidates in their windows, select,
merge, fold signals, then resolve references to the text's own periods."""

from __future__ import annotations

import datetime as _dt

from reconcile.model import Expression
from .candidates import _Cand, _Ctx
from .finding import _HANDLERS, _DIGITS_RE, _NEEDS, _occurrences, _windows
from .merging import _select, _merge_durations, _merge_times
from .signals import _signals
from .anchoring import (
    _reference_periods, _anaphora, _narrated_later, _timed_days, _previous_weekday,
    _narrated_day)


def find_dates(text: str, anchor: _dt.date | None = None) -> list[Expression]:
    """Find the temporal expressions of ``text``, resolved against ``anchor``.

    ``anchor`` is the publication date (document creation time).  Returns
    :class:`Expression` objects sorted by span and non-overlapping, with ``kind`` one
    of ``"date"``, ``"time"``, ``"duration"``, ``"set"``:

    * ``date``/``time``: value is a :class:`DateValue` (TIMEX3 ``timex``, granularity,
      ``earliest``/``latest`` calendar bounds, ``anchored``, ``warnings``);
    * ``duration``: a TIMEX3 duration string ("P3D", "P18M", "PT2H", "PXY");
    * ``set``: a TIMEX3 set string ("P1Y" for "every year"/"annually",
      "XXXX-WXX-1" for "every Monday").

    Relative expressions without an anchor are *not* resolved against today: the
    unknown parts are written with ``X`` ("XXXX-04-13", "XXXX-WXX-3" for a bare
    Wednesday, "XXXX-XX" for "last month", "XXXX" for "last year") and
    ``earliest``/``latest`` are ``None``.  Undated clock times are "T15:00".

    Never raises; every expression satisfies ``text[s:e] == expr.text``.
    """
    if not isinstance(text, str) or not text:
        return []
    if anchor is not None and isinstance(anchor, _dt.datetime):
        anchor = anchor.date()
    if anchor is not None and not (1100 <= anchor.year <= 9000):
        anchor = None
    ctx = _Ctx(text, anchor)
    cands = _candidates(text, ctx)
    chosen = _signals(_merge_times(_merge_durations(_select(cands, len(text)), text), text),
                      ctx)
    chosen = _narrated_later(_anaphora(_reference_periods(chosen, ctx), ctx), ctx)
    chosen = _timed_days(_narrated_day(_previous_weekday(chosen, ctx), ctx), ctx)
    return _expressions(chosen, text)


def _candidates(text: str, ctx: _Ctx) -> list[_Cand]:
    """Every handler's reading of every match of its pattern, looked for only in the
    windows around its key words or digits (and not at all where the text lacks what
    every match of it holds: see ``_NEEDS``); a handler that fails on a match reads
    nothing there (whatever it raised).  Linear in the text: each pattern scans windows
    of bounded reach around its keys."""
    cands: list[_Cand] = []
    n = len(text)
    low = text.lower()
    digit_runs = [dm.span() for dm in _DIGITS_RE.finditer(text)]
    key_hits: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    occurrences = _occurrences(low)
    for pattern, handler, keys, before, after in _HANDLERS:
        needs = _NEEDS.get(pattern)
        if needs is not None and not any(need.search(text) for need in needs):
            continue
        windows = _windows(low, keys, digit_runs, before, after, key_hits, occurrences)
        if not windows:
            continue  # not compiled for nothing (see LazyPattern)
        finditer = pattern.compiled().finditer
        for ws, we in windows:
            for m in finditer(text, ws, we):
                if m.end() >= we and we < n:
                    continue  # may be cut short by the window; found whole elsewhere
                try:
                    r = handler(m, ctx)
                except (ValueError, OverflowError, KeyError, IndexError, AssertionError):
                    continue
                if r is None:
                    continue
                if isinstance(r, list):
                    cands.extend(r)
                else:
                    cands.append(r)
    return cands


def _expressions(chosen: list[_Cand], text: str) -> list[Expression]:
    """The chosen candidates as expressions, trimmed of the whitespace the patterns may
    have swallowed at their edges (one that is only whitespace is dropped)."""
    out: list[Expression] = []
    for c in chosen:
        s, e = c.start, c.end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        out.append(Expression(kind=c.kind, text=text[s:e], span=(s, e), value=c.value,
                              signal=c.signal))
    return out

"""Handlers for clock times in digits and words ("3.30pm", "half past seven") and
their ranges ("between 4pm and 5pm")."""

from __future__ import annotations

import re

from reconcile.model import DateValue
from .patterns import _HOUR_WORDS, _MINUTE_WORDS
from .candidates import _Cand, _Ctx
from .context import _prev_word_nocomma, _sentence_start


_SCORE_RE = re.compile(r"\b(?:score|won|lost|beat|defeated|ratio|odds|verse)\b",
                       re.IGNORECASE)


def _h_time(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    if m.group("word"):
        w = m.group("word").lower()
        hh, mi = (24, 0) if w == "midnight" else (12, 0)
    elif m.group("ap"):
        hh = int(m.group("h"))
        mi = int(m.group("mi") or 0)
        ap = m.group("ap").lower().replace(".", "")
        if ap == "pm" and hh != 12:
            hh += 12
        if ap == "am" and hh == 12:
            hh = 0
    else:
        hh = int(m.group("h24"))
        mi = int(m.group("mi24"))
        sep_dot = "." in m.group(0)[:6] and ":" not in m.group(0)[:6]
        if sep_dot and not (m.group("tz") or m.group("hrs")):
            return None  # "3.45" is a number unless "GMT"/"hours" follows
        pw = _prev_word_nocomma(ctx.text, m.start())
        if pw[:1].isupper() and not m.group("tz") and pw.lower() not in (
                "at", "by", "until", "from", "before", "after", "around", "about", "since"):
            return None  # "John 3:16", "Acts 2:38"
        if not (m.group("tz") or m.group("hrs")) and pw.lower() not in (
                "at", "by", "until", "till", "from", "before", "after", "around", "about",
                "since", "to", "and", "approximately", "roughly", "shortly", "on") \
                and not _sentence_start(ctx.text, m.start()) \
                and _SCORE_RE.search(ctx.text, max(0, m.start() - 40), m.start()):
            return None  # bare "10:30" mid-sentence after "won", "ratio": not a time
    sec = f":{m.group('sec')}" if m.group("sec") else ""
    v = DateValue(f"T{hh:02d}:{mi:02d}{sec}", "time", None, None, False)
    return _Cand(m.start(), m.end(), "time", v, 2)


def _clock(h: int, mi: int, ap: str | None) -> tuple[int, int] | None:
    if ap:
        if not 1 <= h <= 12:
            return None
        pm = ap.lower().startswith("p")
        h = (h % 12) + (12 if pm else 0)
    return (h, mi) if 0 <= h <= 23 else None


def _h_time_range(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    pre, sep = (m.group("pre") or "").lower(), m.group("sep").lower()
    if sep == "and" and pre != "between":
        return None
    ap1, ap2 = m.group("ap1"), m.group("ap2")
    m1, m2 = m.group("m1"), m.group("m2")
    if not ap2 and not (m1 and m2) and not (pre and (m1 or m2 or ap1)):
        return None  # "5-6" alone is a range of counts, "10:30-11:45" a range of times
    ends = _range_ends((int(m.group("h1")), int(m1 or 0), ap1),
                       (int(m.group("h2")), int(m2 or 0), ap2))
    if ends is None:
        return None
    a, b = ends
    v = DateValue(f"T{a[0]:02d}:{a[1]:02d}/T{b[0]:02d}:{b[1]:02d}", "time", None, None, False)
    return _Cand(m.start(), m.end(), "time", v, 3)


def _range_ends(start: tuple[int, int, str | None],
                end: tuple[int, int, str | None]) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The (hour, minute) of both ends of a time range, each given as (hour, minute,
    am/pm or None): the start takes the end's half of the day when it has none ("5 to
    6pm"), the end goes to the afternoon when that makes a range ("from 10:30 to 3");
    None when the ends are no clock times or do not make a forward range."""
    h1, mi1, ap1 = start
    h2, mi2, ap2 = end
    b = _clock(h2, mi2, ap2)
    if b is None:
        return None
    if ap1 or not ap2:
        a = _clock(h1, mi1, ap1)
    else:  # "5 to 6pm", "11-1pm": the start takes the end's half of the day if it fits
        a = _clock(h1, mi1, ap2)
        if a is not None and a > b:
            a = _clock(h1, mi1, "am" if ap2.lower().startswith("p") else "pm")
    if a is not None and a >= b and not ap2 and b[0] < 12 and (b[0] + 12, b[1]) > a:
        b = (b[0] + 12, b[1])  # "from 10:30 to 3": the end is in the afternoon
    if a is None or a >= b:
        return None
    return a, b


def _h_clock(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    rel, dir_, oc = m.group("rel"), m.group("dir"), m.group("oc")
    if not oc and not rel:
        return None
    hr_s = m.group("hr").lower()
    hh = int(hr_s) if hr_s.isdigit() else _HOUR_WORDS.index(hr_s) + 1
    mi = 0
    if rel:
        r = " ".join(rel.lower().replace("-", " ").split())
        # "five to seven people" is a range of counts; "quarter to 8", "20 min to 8" are
        # times
        if dir_.lower() == "to" and not m.group("mins") and "quarter" not in r:
            return None
        if r.isdigit():
            mi = int(r)
        else:
            mi = _MINUTE_WORDS.get(r, _MINUTE_WORDS.get(r.replace("a ", ""), -1))
        if not 0 < mi < 60:
            return None
        if dir_.lower() == "to":
            hh, mi = (hh - 2) % 12 + 1, 60 - mi
    pod = (m.group("pod") or "").lower()
    wap = (m.group("wap") or "").lower()
    if wap:
        if hr_s.isdigit():
            return None  # "6 pm" is read by the digit patterns
        hh = hh % 12 + (12 if wap.startswith("p") else 0)
    elif ("afternoon" in pod or "evening" in pod or "night" in pod) and hh < 12:
        hh += 12
    elif "morning" in pod and hh == 12:
        hh = 0
    v = DateValue(f"T{hh:02d}:{mi:02d}", "time", None, None, False)
    return _Cand(m.start(), m.end(), "time", v, 3)

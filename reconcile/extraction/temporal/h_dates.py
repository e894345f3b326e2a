"""Handlers for dates stated by the calendar: full and partial dates, years and year
ranges, ISO, slash and dotted forms, month names joined to digits, days in words."""

from __future__ import annotations

import calendar
import datetime as _dt
import re

from reconcile.model import DateValue
from .tables import MONTHS, WEEKDAYS, YEAR_TRIGGERS, MONTH_TRIGGERS
from .patterns import _ORD_DAY_WORDS
from .candidates import _Cand, _Ctx
from .values import _safe_date, _v_day, _v_month, _v_year, _v_unknown, _v_interval, _v_parts
from .tense import _resolve_md_year, _weekday_fixed_year, _shift_months, _direction, _md_year
from .context import _prev_word_nocomma, _next_word, _is_plural_noun, _sentence_start
from .signals import _SIGNAL_AFTER


def _month_num(s: str | None) -> int | None:
    if not s:
        return None
    return MONTHS.get(s.rstrip(".").lower())


def _day_num(s: str | None) -> int | None:
    if not s:
        return None
    s = s.lower()
    for suf in ("st", "nd", "rd", "th"):
        if s.endswith(suf):
            s = s[:-2]
    try:
        return int(s)
    except ValueError:
        return None


def _contradiction(wd: int, dd: _dt.date) -> str:
    return (f"weekday {calendar.day_name[wd]} contradicts {dd.isoformat()}, "
            f"a {calendar.day_name[dd.weekday()]}")


def _misfit(wd: int, mon: int, day: int, anchor: _dt.date) -> str:
    return (f"weekday {calendar.day_name[wd]} does not fit {mon:02d}-{day:02d} "
            f"near {anchor.isoformat()}")


_RELATIVE_WARNING = ("'{}' resolved against the publication date; it may be relative "
                     "to a narrated event")


def _may_is_no_month(m: re.Match[str], text: str, day: int | None) -> bool:
    """"May" without a year or weekday is the modal verb unless a date context says
    otherwise: a trigger word before it, the day first, or a day closed by punctuation."""
    start, end = m.start(), m.end()
    pw = _prev_word_nocomma(text, start).lower()
    # a day closed by punctuation is a date too: a dateline's "May 2 (Agency) -"
    closed = day is not None and re.match(r"\s*(?:[(,.;:)\]]|[-–—]\s|$)", text[end:end + 3])
    return (pw not in MONTH_TRIGGERS and pw not in ("on", "the", "of")
            and not m.group("aday2") and not closed)


def _counted_after_month(m: re.Match[str], text: str) -> bool:
    """"In May 12 Peruvian workers ...": the number after the month is a count, not a
    day (a plural noun or a capitalized word follows it)."""
    start, end = m.start(), m.end()
    pw = _prev_word_nocomma(text, start).lower()
    nw = _next_word(text, end)
    return bool(pw in ("in", "during", "since", "by", "until") and nw and (
        _is_plural_noun(nw) or (nw[0].isupper() and text[end:end + 1] == " ")))


def _date_with_year(m: re.Match[str], year: int, mon: int, day: int | None) -> _Cand | None:
    """A month and year ("June 2021") or a full date, its stated weekday checked."""
    start, end = m.start(), m.end()
    if day is None:
        return _Cand(start, end, "date", _v_month(year, mon, False), 3, (year, mon, None))
    dd = _safe_date(year, mon, day)
    if dd is None:
        return None
    warnings: tuple[str, ...] = ()
    wd_s = m.group("wd")
    if wd_s:
        wd = WEEKDAYS[wd_s.rstrip(".").lower()]
        if dd.weekday() != wd:
            warnings = (_contradiction(wd, dd),)
    return _Cand(start, end, "date", _v_day(dd, False, warnings), 4, (year, mon, day))


def _date_without_year(m: re.Match[str], ctx: _Ctx, mon: int, day: int) -> _Cand | None:
    """A month and day: the year its weekday fixes, else the one its clause's tense
    points to; unknown without an anchor."""
    start, end = m.start(), m.end()
    anchor = ctx.anchor
    if _safe_date(2000, mon, day) is None:  # 2000 is a leap year
        return None
    if anchor is None:
        return _Cand(start, end, "date", _v_unknown(f"XXXX-{mon:02d}-{day:02d}", "day"), 3,
                     (None, mon, day))
    wd_s = m.group("wd")
    if wd_s:
        direction = _direction(ctx, start)
        wd = WEEKDAYS[wd_s.rstrip(".").lower()]
        fy = _weekday_fixed_year(wd, mon, day, anchor, direction)
        if fy is not None:
            dd = _dt.date(fy, mon, day)
            return _Cand(start, end, "date", _v_day(dd, False), 4, (fy, mon, day))
        y = _resolve_md_year(mon, day, anchor, direction)
        dd2 = _safe_date(y, mon, day)
        if dd2 is None:
            return None
        warn = (_misfit(wd, mon, day, anchor),)
        return _Cand(start, end, "date", _v_day(dd2, True, warn), 4, (y, mon, day))
    y = _md_year(ctx, start, mon, day)
    dd3 = _safe_date(y, mon, day)
    if dd3 is None:
        return None
    return _Cand(start, end, "date", _v_day(dd3, True), 3, (y, mon, day))


def _h_date(m: re.Match[str], ctx: _Ctx) -> _Cand | list[_Cand] | None:
    text = ctx.text
    mon = _month_num(m.group("amon") or m.group("amon2") or m.group("amon3"))
    day = _day_num(m.group("aday") or m.group("aday2"))
    ys = m.group("ayear") or m.group("ayear2") or m.group("ayear3")
    year = int(ys) if ys else None
    if mon is None:
        return None
    wd_s = m.group("wd")
    mon_text = m.group("amon") or m.group("amon2") or m.group("amon3") or ""
    # "May" needs a day and a year, or a clear date context
    if mon_text in ("May", "MAY") and year is None and wd_s is None \
            and _may_is_no_month(m, text, day):
        return None
    if day is not None and year is None and m.group("aday") and wd_s is None \
            and _counted_after_month(m, text):
        return _month_alone(ctx, m.start("amon"), m.end("amon"), mon, None, None)
    if year is None and day is None:
        return None
    if day is not None and day > 31:
        return None
    if year is not None:
        return _date_with_year(m, year, mon, day)
    assert day is not None
    return _date_without_year(m, ctx, mon, day)


def _month_alone(ctx: _Ctx, start: int, end: int, mon: int, rel: str | None,
                 mod: str | None) -> _Cand | None:
    anchor = ctx.anchor
    if anchor is None:
        return _Cand(start, end, "date", _v_unknown(f"XXXX-{mon:02d}", "month"), 2,
                     (None, mon, None))
    r = (rel or "").lower()
    if r == "last" or r == "this past":
        y = anchor.year if mon < anchor.month else anchor.year - 1
    elif r == "next":
        y = anchor.year if mon > anchor.month else anchor.year + 1
    elif r == "this":
        y = anchor.year
    else:
        y = _md_year(ctx, start, mon, None)
    return _Cand(start, end, "date", _v_month(y, mon, True), 2, (y, mon, None))


def _h_month(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """A month name, bare ("in March") or qualified ("last October", "early May"): a
    day when "last <month> <day>" names one, else the month itself."""
    text = ctx.text
    mon_s = m.group("mon")
    mon = MONTHS[mon_s.lower()]
    mod, rel = m.group("mod"), m.group("rel")
    start, end = m.start(), m.end()
    if not mod and not rel:
        if not _bare_month_is_date(text, start, end, mon_s):
            return None
    elif mon_s in ("May", "MAY") and not mod and (rel or "").lower() == "this":
        return None
    if (rel or "").lower() == "last" and not mod:
        cand = _last_month_day(ctx, start, end, mon)
        if cand is not None:
            return cand
    return _month_alone(ctx, start, end, mon, rel, mod)


_ARTICLES = frozenset(["a", "an", "the", "its", "their", "his", "her", "our"])
# after "the June ...": a day of no stated date ("the June day"), or a word that makes
# the month a name or a verb ("the May of", "the March to the sea")
_NOT_A_MONTH_NOUN = frozenset(["day", "days", "morning", "night", "evening", "afternoon",
                               "of", "to", "and", "or", "is", "was", "who", "that", "which"])
_NAME_MONTHS = frozenset(["april", "may", "june", "august", "jan", "apr", "jun", "aug"])


def _bare_month_is_date(text: str, start: int, end: int, mon_s: str) -> bool:
    """Whether a month name with no modifier is a date: after a word that leads to a
    date ("in", "since", a month and "and"), and not a name ("April Ryan"), "that
    January day", a possessive, or the verb "may"."""
    pw = _prev_word_nocomma(text, start)
    pwl = pw.lower()
    ok = pwl in MONTH_TRIGGERS
    if not ok and text[end:end + 2] in ("'s", "’s") and mon_s.lower() not in _NAME_MONTHS \
            and mon_s[:1].isupper() and not pw[:1].isupper():
        # "December's figures", "last spring and October's vote": the month's, not a
        # name's ("April's", "June's" and "May's" may be people's)
        return True
    if not ok and pwl in _ARTICLES and mon_s[:1].isupper() and mon_s[1:2].islower():
        # "a June agreement", "the July deadline": the month qualifies the noun after it
        nw = _next_word(text, end)
        return (text[end:end + 1] == " " and nw.isalpha() and nw.islower()
                and nw not in _NOT_A_MONTH_NOUN)
    if pwl in ("and", "or", "to"):
        # "in March and April": the word before the conjunction is a month
        seg = text[max(0, start - 40):start]
        mm = re.search(r"([A-Za-z]+)\.?,?\s+(?:and|or|to|through)\s+$", seg)
        ok = bool(mm and mm.group(1).lower() in MONTHS)
    if not ok:
        return False
    if pwl in ("this", "that") and mon_s in ("May", "MAY"):
        return False
    nw = _next_word(text, end)
    if nw and nw[0].isupper() and text[end:end + 1] == " " and \
            nw.lower() not in MONTHS and nw.lower() not in WEEKDAYS:
        return False  # "by April Ryan", "in August Wilson's play"
    if nw.lower() in ("day", "days", "morning", "night", "evening", "afternoon"):
        return False  # "that January day": a day of unknown date
    # a quote mark after the month, other than a possessive: the name quoted, not a date
    return not (text[end:end + 1] in ("'", "’") and text[end:end + 2] not in ("'s", "’s"))


def _last_month_day(ctx: _Ctx, start: int, end: int, mon: int) -> _Cand | None:
    """ "last October 9": the latest such day before the anchor, or None when no day
    follows, there is no anchor, or no such day can be placed."""
    day_after = _LAST_MONTH_DAY.match(ctx.text, end) if ctx.anchor is not None else None
    if day_after is None or ctx.anchor is None:
        return None
    day = int(day_after.group(1))
    for year in (ctx.anchor.year, ctx.anchor.year - 1):
        dd = _safe_date(year, mon, day)
        if dd is not None and dd < ctx.anchor:
            return _Cand(start, day_after.end(), "date", _v_day(dd, True), 4,
                         (year, mon, day))
    return None


_LAST_MONTH_DAY = re.compile(
    r"\s{1,2}(\d{1,2})(?:st|nd|rd|th)?(?![\w:/-]|[.,]\d|\s{0,2},?\s{0,2}\d{4})")
"""The day after "last October": "last October 9" (not "last October 9, 2017", read whole
elsewhere, nor "last October 9:30")."""


# plural nouns a year can qualify after "its"/"the": "its 1989 results"
_PERIOD_RESULTS = frozenset(["results", "earnings", "profits", "revenues", "figures",
                             "elections", "levels", "budgets", "accounts", "forecasts"])


# what a year qualifies without a determiner ("expects 1990 earnings", "the group's
# 1991 budget"): never counted, so a year before them is no count
_YEAR_OF = frozenset(["earnings", "profits", "revenues", "results", "sales", "budget",
                      "profit", "revenue", "forecast", "outlook", "election", "census"])
# "1990 Acme earnings": one capitalized name may come between
_NAME_THEN_NOUN = re.compile(r"\s{1,2}(?:[A-Z][A-Za-z&.-]+\s{1,2})?(?P<n>[a-z]+)\b")


def _year_of_noun(text: str, end: int) -> bool:
    nm = _NAME_THEN_NOUN.match(text, end)
    return nm is not None and nm.group("n") in _YEAR_OF


def _counts_a_thing(text: str, ys: int, end: int, nw: str) -> bool:
    """"2017 computers": a number before a plural noun is a count; but "its 1989
    results" is the year of the results."""
    return bool(nw and _is_plural_noun(nw) and text[end:end + 1] == " " and not (
        nw in _YEAR_OF) and not (
        nw.lower() in _PERIOD_RESULTS and re.search(
            r"(?i)(?:\b(?:the|its|their|his|her|our)|['’]s)\s{1,2}\Z", text[max(0, ys - 12):ys])))


_DETERMINER_BEFORE = re.compile(
    r"(?i)(?:^|[^\w'’])(?:the|a|an|his|her|its|their|our|my|your|that|this|\w+['’]s)"
    r"\s{1,2}(?:[a-z]+\s{1,2})?\Z")
# a name after the year, not a plural count of people ("the 2000 Olympics", "a 1971
# Convention"; "the 2000 Americans" is a count)
_NAMED_AFTER_YEAR = re.compile(r"(?:[A-Z][a-z]+[^s\W]|Olympics|Games)\Z")


def _year_context(text: str, ys: int, end: int, nw: str) -> bool:
    """True when the words around a bare four-digit number make it a year: a trigger
    before it ("in", "since"), a bound after it, a list of years, a determiner before
    a noun ("the 2016 election"), a sentence it opens as subject, or parentheses."""
    pw = _prev_word_nocomma(text, ys).lower()
    ok = pw in YEAR_TRIGGERS or bool(
        pw == "than" and _LATER_THAN.search(text, max(0, ys - 24), ys)) or bool(
        _SIGNAL_AFTER.match(text, end))
    if not ok and pw in ("and", "or", "to", "&"):
        seg = text[max(0, ys - 20):ys]
        ok = bool(re.search(r"(?:1[5-9]|20)\d\d\s*,?\s*(?:and|or|to|&)\s*$", seg))
    if not ok and text[max(0, ys - 2):ys].strip() == "," and re.search(
            r"(?:1[5-9]|20)\d\d\s*,\s*$", text[max(0, ys - 8):ys]):
        ok = True  # "2008, 2009 and 2010"
    if not ok and nw and (nw[0].islower() or _NAMED_AFTER_YEAR.match(nw)) and \
            _DETERMINER_BEFORE.search(text, max(0, ys - 40), ys):
        # "the 2016 election", "his failed 1996 campaign", "that 1978 resolution", "a
        # 1971 Convention", "the 2000 Olympics": a determiner (an adjective may come
        # between) before a year that qualifies a noun; a plural noun after it made a
        # count above ("the 2000 workers")
        ok = True
    if not ok and _sentence_start(text, ys) and nw.lower() in (
            "was", "were", "is", "has", "had", "saw", "will", "marked", "brought", "began",
            "ended", "proved", "became"):
        ok = True
    if not ok and text[ys - 1:ys] == "(" and text[end:end + 1] == ")":
        ok = True
    return ok or _year_of_noun(text, end)


def _h_year(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    text = ctx.text
    y = int(m.group("y"))
    start, end = m.start(), m.end()
    ys = m.start("y")
    mod = m.group("mod")
    after = text[end:end + 3]
    nw = _next_word(text, end)
    if after.startswith(("'s", "’s")):
        return _Cand(start, end, "date", _v_year(y, False), 2, (y, None, None))
    if _counts_a_thing(text, ys, end, nw):
        return None  # "2017 computers": a count; "its 1989 results" is the year
    if after[:1] == "s":
        return None
    if mod:
        return _Cand(start, end, "date", _v_year(y, False), 2, (y, None, None))
    if not _year_context(text, ys, end, nw):
        return None
    return _Cand(start, end, "date", _v_year(y, False), 2, (y, None, None))


_LATER_THAN = re.compile(r"(?i)\b(?:later|earlier|sooner)\s{1,2}than\s{1,2}\Z")


def _continues_chain(text: str, start: int) -> bool:
    """True when ``start`` continues a digit chain: "5-2010"."""
    return bool(re.search(r"\d\s?-\s?\Z", text[max(0, start - 3):start]))


def _h_year_range(m: re.Match[str], ctx: _Ctx) -> _Cand | list[_Cand] | None:
    y1 = int(m.group("y1"))
    y2s = m.group("y2")
    y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
    sep = m.group("sep")
    pre = m.group("pre")
    if y2 <= y1 or y2 - y1 > 200 or (len(y2s) == 2 and y2 - y1 > 10):
        return None  # "2015-32" is not 2015 to 2032; "1939-45" is
    if _continues_chain(ctx.text, m.start("y1")):
        return None  # "+86 2010-2015-86": part of a longer chain
    if sep in ("and", "to", "until", "till", "through", "thru") and not pre:
        return None
    if sep == "and" and pre and pre.lower() != "between":
        return None
    a, b = _v_year(y1, False), _v_year(y2, False)
    if not pre:
        # "the 2009-2010 season", "1957-58": two years (TimeML convention)
        return [_Cand(m.start("y1"), m.end("y1"), "date", a, 5, (y1, None, None)),
                _Cand(m.start("y2"), m.end("y2"), "date", b, 5, (y2, None, None))]
    return _Cand(m.start(), m.end(), "date", _v_interval(a, b, False), 5)


_RangeParts = tuple[int, int | None, int | None, int, int | None, int | None]
"""(start month, start day, start year, end month, end day, end year) of a range."""


def _range_parts(m: re.Match[str]) -> _RangeParts | None:
    """The two ends' months, days and years as stated, a month written once shared:
    "Nov. 8-10" (the end takes the start's month), "8-10 November" (the start takes it)."""
    am = _month_num(m.group("amon") or m.group("amon2"))
    ad = _day_num(m.group("aday") or m.group("aday2"))
    ay = int(m.group("ayear")) if m.group("ayear") else None
    bm = _month_num(m.group("bmon") or m.group("bmon2"))
    bd = _day_num(m.group("bday") or m.group("bday2"))
    bys = m.group("byear") or m.group("byear2")
    by = int(bys) if bys else None
    if am is None and bm is None:
        return None
    # "Nov. 8-10": the end takes the start's month; "8-10 November": the start takes it
    if bm is None:
        if ad is None or bd is None or m.group("bday2") is None:
            return None
        bm = am
    if am is None:
        if ad is None or bd is None:
            return None
        am = bm
    assert am is not None and bm is not None
    if (ad is None) != (bd is None):
        return None
    return am, ad, ay, bm, bd, by


def _unanchored_range(m: re.Match[str], am: int, ad: int | None, bm: int,
                      bd: int | None) -> _Cand | None:
    """A range with no year and no anchor: both ends with the year unknown."""
    a0 = _v_parts(None, am, ad, True)
    b0 = _v_parts(None, bm, bd, True)
    if a0 is None or b0 is None:
        return None
    return _Cand(m.start(), m.end(), "date",
                 DateValue(f"{a0.timex}/{b0.timex}", "interval", None, None, True), 5)


def _range_years(ctx: _Ctx, start: int, parts: _RangeParts) -> tuple[int, int, bool]:
    """(start year, end year, anchored): a year stated at one end gives the other (the
    end a year later when its day comes first), none the year of the end's clause."""
    am, ad, ay, bm, bd, by = parts
    anchored = False
    if by is None and ay is None:
        by = _md_year(ctx, start, bm, bd)
        anchored = True
    if by is None:
        assert ay is not None
        by = ay if (bm, bd or 0) >= (am, ad or 0) else ay + 1
    if ay is None:
        ay = by if (am, ad or 0) <= (bm, bd or 0) else by - 1
    return ay, by, anchored


def _h_range(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    pre, sep = m.group("pre"), m.group("sep")
    if sep in ("and",) and not (pre and pre.lower() == "between"):
        return None
    if sep in ("to", "until", "till") and not pre:
        return None
    parts = _range_parts(m)
    if parts is None:
        return None
    am, ad, ay, bm, bd, by = parts
    if ad is None and by is None and ay is None and not pre:
        return None  # "March-May" without a year or "between/from"
    if by is None and ay is None and ctx.anchor is None:
        return _unanchored_range(m, am, ad, bm, bd)
    ay, by, anchored = _range_years(ctx, m.start(), parts)
    a = _v_parts(ay, am, ad, anchored)
    b = _v_parts(by, bm, bd, anchored)
    if a is None or b is None or a.earliest is None or b.latest is None:
        return None
    if a.earliest > b.latest:
        return None
    return _Cand(m.start(), m.end(), "date", _v_interval(a, b, anchored), 5)


def _h_iso(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    dd = _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    if dd is None or dd.year < 1000:
        return None
    if m.group("h"):
        h, mi = int(m.group("h")), int(m.group("mi"))
        if h > 24 or mi > 59:
            return None
        v = DateValue(f"{dd.isoformat()}T{h:02d}:{mi:02d}", "time", dd, dd, False)
        return _Cand(m.start(), m.end(), "time", v, 5)
    return _Cand(m.start(), m.end(), "date", _v_day(dd, False), 5, (dd.year, dd.month, dd.day))


def _h_slash(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    a, b, ys = int(m.group("a")), int(m.group("b")), m.group("y")
    y = int(ys)
    if len(ys) == 2:
        y += 2000 if y < 50 else 1900
    mo, d = a, b
    warnings: tuple[str, ...] = ()
    if a > 12 and b <= 12:
        mo, d = b, a
        warnings = ("day/month order inferred (day > 12)",)
    dd = _safe_date(y, mo, d)
    if dd is None:
        return None
    return _Cand(m.start(), m.end(), "date", _v_day(dd, False, warnings), 4, (y, mo, d))


def _h_dotted(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    y, mo, d = int(m.group("y")), int(m.group("mo")), int(m.group("d"))
    if not 1000 <= y <= 2999:
        return None
    dd = _safe_date(y, mo, d)
    if dd is None:
        return None
    return _Cand(m.start(), m.end(), "date", _v_day(dd, False), 4, (y, mo, d))


def _h_mon_joined_year(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    if (m.group("s1") or m.group("s3")) != (m.group("s2") or m.group("s4")):
        return None
    mon = _month_num(m.group("mon") or m.group("mon2"))
    y = int(m.group("y") or m.group("y2"))
    d = int(m.group("d") or m.group("d2"))
    dd = _safe_date(y, mon, d) if mon else None
    if dd is None:
        return None
    return _Cand(m.start(), m.end(), "date", _v_day(dd, False), 4, (y, dd.month, d))


def _h_mon_joined(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    mon = _month_num(m.group("mon"))
    x = m.group("x")
    d1 = m.group("d1")
    if mon is None or (d1 and m.group("s1") != m.group("s2")):
        return None
    if len(x) == 4:
        if d1:
            dd = _safe_date(int(x), mon, int(d1))
            if dd is None:
                return None
            return _Cand(m.start(), m.end(), "date", _v_day(dd, False), 4,
                         (dd.year, mon, dd.day))
        return _Cand(m.start(), m.end(), "date", _v_month(int(x), mon, False), 4,
                     (int(x), mon, None))
    if d1:
        return None  # "05-Aug-12": which part is the year is unclear
    day = int(x)
    if _safe_date(2000, mon, day) is None:
        return None
    if ctx.anchor is None:
        return _Cand(m.start(), m.end(), "date", _v_unknown(f"XXXX-{mon:02d}-{day:02d}", "day"),
                     3)
    y = _md_year(ctx, m.start(), mon, day)
    dd2 = _safe_date(y, mon, day)
    if dd2 is None:
        return None
    return _Cand(m.start(), m.end(), "date", _v_day(dd2, True), 3, (y, mon, day))


def _h_wd_day(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    wd = WEEKDAYS[m.group("wd").rstrip(".").lower()]
    if m.group("d"):
        day = int(m.group("d"))
        if not (m.group("suf") or m.group("the")):
            # "Monday 21 people": a count, unless the clause ends after the number
            if not re.match(r"\s{0,2}(?:[,.;:!?)]|$|at\b|from\b|between\b)",
                            ctx.text[m.end():m.end() + 9]):
                return None
    else:
        day = _ORD_DAY_WORDS[" ".join(m.group("dw").lower().split())]
    if ctx.anchor is None:
        return _Cand(m.start(), m.end(), "date", _v_unknown(f"XXXX-XX-{day:02d}", "day"), 3)
    a = ctx.anchor
    step = -1 if _direction(ctx, m.start()) == "past" else 1
    y, mo = a.year, a.month
    for _ in range(14):  # the nearest month, in the clause's direction, that fits
        dd = _safe_date(y, mo, day)
        if dd is not None and dd.weekday() == wd and (dd <= a if step < 0 else dd >= a):
            return _Cand(m.start(), m.end(), "date", _v_day(dd, True), 4,
                         (dd.year, dd.month, dd.day))
        y, mo = _shift_months(y, mo, step)
    return None


def _resolved_day(ctx: _Ctx, start: int, end: int, mon: int, day: int,
                  year: int | None) -> _Cand | None:
    """A month/day (and maybe year) as a candidate, the year resolved like "April 13"."""
    if year is not None:
        dd = _safe_date(year, mon, day)
        return _Cand(start, end, "date", _v_day(dd, False), 4, (year, mon, day)) if dd else None
    if _safe_date(2000, mon, day) is None:
        return None
    if ctx.anchor is None:
        return _Cand(start, end, "date", _v_unknown(f"XXXX-{mon:02d}-{day:02d}", "day"), 3,
                     (None, mon, day))
    y = _md_year(ctx, start, mon, day)
    dd = _safe_date(y, mon, day)
    return _Cand(start, end, "date", _v_day(dd, True), 3, (y, mon, day)) if dd else None


def _h_date_words(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    mon = _month_num(m.group("mon") or m.group("mon2"))
    dw = m.group("dw") or m.group("dw2")
    if mon is None or (m.group("mon2") or "").lower() == "may" and not m.group("y"):
        return None
    day = _ORD_DAY_WORDS[" ".join(dw.lower().replace("-", " ").split())]
    return _resolved_day(ctx, m.start(), m.end(), mon, day,
                         int(m.group("y")) if m.group("y") else None)


def _h_nth_day_of(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    day = int(m.group("d")) if m.group("d") else _ORD_DAY_WORDS[
        " ".join(m.group("dw").lower().replace("-", " ").split())]
    if m.group("mon"):
        mon = _month_num(m.group("mon"))
        if mon is None:
            return None
        return _resolved_day(ctx, m.start(), m.end(), mon, day,
                             int(m.group("y")) if m.group("y") else None)
    if ctx.anchor is None:
        return _Cand(m.start(), m.end(), "date", _v_unknown(f"XXXX-XX-{day:02d}", "day"), 4)
    off = {"next": 1, "last": -1}.get(m.group("rel").lower(), 0)
    y, mo = _shift_months(ctx.anchor.year, ctx.anchor.month, off)
    dd = _safe_date(y, mo, day)
    return _Cand(m.start(), m.end(), "date", _v_day(dd, True), 4) if dd else None


def _h_nth(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    day = int(m.group("d"))
    start = m.start("the")
    if ctx.anchor is None:
        return _Cand(start, m.end(), "date", _v_unknown(f"XXXX-XX-{day:02d}", "day"), 3)
    a = ctx.anchor
    step = -1 if _direction(ctx, m.start()) == "past" else 1
    y, mo = a.year, a.month
    for _ in range(3):
        dd = _safe_date(y, mo, day)
        if dd is not None and (dd <= a if step < 0 else dd >= a):
            return _Cand(start, m.end(), "date", _v_day(dd, True), 3,
                         (dd.year, dd.month, dd.day))
        y, mo = _shift_months(y, mo, step)
    return None


def _h_md_slash(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    mo, d = int(m.group("mo")), int(m.group("d"))
    if mo > 12:  # "on 22/04": day/month where the first number cannot be a month
        mo, d = d, mo
    if not 1 <= mo <= 12:
        return None
    return _resolved_day(ctx, m.start("mo"), m.end(), mo, d, None)


def _h_wd_md(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    wd = WEEKDAYS[m.group("wd").rstrip(".").lower()]
    a, b = int(m.group("a")), int(m.group("b"))
    mo, d = (a, b) if a <= 12 else (b, a)
    if m.group("sep") == "." and b <= 12:
        mo, d = b, a  # "Fri 7.6": day.month, as dotted dates are written
    if _safe_date(2000, mo, d) is None:
        return None
    if ctx.anchor is None:
        return _Cand(m.start(), m.end(), "date", _v_unknown(f"XXXX-{mo:02d}-{d:02d}", "day"), 4)
    direction = _direction(ctx, m.start())
    fy = _weekday_fixed_year(wd, mo, d, ctx.anchor, direction)
    if fy is not None:
        dd = _dt.date(fy, mo, d)
        return _Cand(m.start(), m.end(), "date", _v_day(dd, False), 4, (fy, mo, d))
    y = _resolve_md_year(mo, d, ctx.anchor, direction)
    dd2 = _safe_date(y, mo, d)
    if dd2 is None:
        return None
    return _Cand(m.start(), m.end(), "date",
                 _v_day(dd2, True, (_misfit(wd, mo, d, ctx.anchor),)), 4, (y, mo, d))


def _h_day_and(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    mon, d1 = _month_num(m.group("mon")), _day_num(m.group("d1"))
    if mon is None or d1 is None:
        return None
    return _resolved_day(ctx, m.start("d1"), m.end("d1"), mon, d1,
                         int(m.group("y")) if m.group("y") else None)

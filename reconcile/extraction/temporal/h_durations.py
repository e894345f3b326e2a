"""Handlers for durations ("three weeks", "30 min", "half an hour") and sets
("every Monday", "quarterly", "on Tuesdays")."""

from __future__ import annotations

import re

from .tables import MONTHS, WEEKDAYS, PARTS_OF_DAY, SETS_ADVERBS
from reconcile.model import DateValue
from .patterns import _DUR_PREFIX, _ABBR_UNITS, _AGO_AFTER, _RANGE_LOW
from .candidates import _Cand, _Ctx
from .tense import _number, _fmt_num, _duration_value
from .context import _prev_word_nocomma, _next_word, _is_rate


_MODALS = frozenset(["will", "would", "could", "might", "may", "can", "should", "must",
                     "shall"])
_DETERMINERS = frozenset(["a", "an", "the", "its", "their", "his", "her", "our", "this", "that"])


def _a_unit_is_duration(m: re.Match[str], text: str, unit: str, approx: str | None,
                        det: str) -> bool:
    """"a day", "an hour" read as one unit, unless the "a" is an ordinal ("a second
    wave"), a rate ("$3.2 billion a year") or follows a determiner."""
    end = m.end()
    if unit == "second" and _next_word(text, end).lower() not in (
            "", "ago", "later", "earlier", "or", "and", "to", "before", "after",
            "for", "in", "of", "longer", "more", "too"):
        return False  # "a second wave": an ordinal, not one second
    if approx is None and _is_rate(text, m.start("num")):
        return False  # "$3.2 billion a year": a rate (the money module's)
    return det.strip() not in ("a", "an", "the")


def _unhyphenated_modifier(m: re.Match[str], text: str) -> bool:
    """"a two day rally", "the five year plan": a count without plural nor hyphen is a
    duration only as a modifier written without its hyphen."""
    nw = _next_word(text, m.end())
    return (_prev_word_nocomma(text, m.start()).lower() in _DETERMINERS
            and nw.isalpha() and nw.islower()
            and nw not in ("ago", "later", "earlier", "before", "after", "old"))


def _duration_count(m: re.Match[str], text: str, unit: str, approx: str | None,
                    det: str) -> tuple[bool, float | None]:
    """(read, count) of a duration: the count None for a vague one ("several weeks",
    plural only); read False when the number does not make a duration here."""
    num_s = m.group("num")
    pl = m.group("pl")
    if m.group("vague"):
        return bool(pl), None
    n = _number(num_s)
    if n is None or n <= 0:
        return False, None
    ns = num_s.lower()
    if ns in ("a", "an"):
        if pl or not _a_unit_is_duration(m, text, unit, approx, det):
            return False, None
    elif n != 1 and not pl and m.group("hy").strip() != "-" and not ns.isdigit():
        if not _unhyphenated_modifier(m, text):
            return False, None
    if ns.isdigit() and len(ns) == 4 and not pl:
        return False, None
    return True, n


def _no_duration_form(m: re.Match[str], unit: str) -> bool:
    """Forms that are never a duration: business units other than days, a count after
    "upcoming"/"next" ("5 upcoming years"; not "one last day"), "centurie" alone."""
    num_s = m.group("num")
    if m.group("biz") and unit != "day":
        return True
    if m.group("inv") and not (m.group("pl") and num_s and num_s[0].isdigit() or m.group("biz")
                               or m.group("pl") and num_s and num_s.lower() not in ("a", "an")):
        return True  # "5 upcoming years", "the 3 next weeks"; not "one last day"
    return unit == "centurie" and not m.group("pl")


def _duration_start(m: re.Match[str], text: str, start: int, approx: str | None,
                    det: str) -> int:
    """Where a duration's extent starts: its prefix ("almost", "the past"), but "an
    18-month inquiry" is "18-month", and blanks before the match are not in it."""
    if det.strip() in ("a", "an") and approx is None:
        start = m.start("num") if m.group("num") else m.start("vague")
    if start > m.start() and not text[start:m.start()].strip():
        start = m.start()
    return start


def _h_duration(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    text = ctx.text
    unit = m.group("unit").lower()
    num_s = m.group("num")
    if _no_duration_form(m, unit):
        return None
    start, end = m.start(), m.end()
    seg_start = max(0, start - 40)
    pm = _DUR_PREFIX.search(text, seg_start, start)
    approx = pm.group("approx") if pm else None
    det = ((pm.group("det") if pm else None) or "").lower()
    if det.strip() == "last" and pm is not None and _prev_word_nocomma(
            text, pm.start("det")).lower() in _MODALS | {"to", "did", "does", "do"}:
        det = ""  # "the strike could last two days": the verb, not "the last two days"
        pm = None
    if pm is not None and pm.start() < start:
        start = pm.start()
    read, n = _duration_count(m, text, unit, approx, det)
    if not read:
        return None
    if (unit == "day" and (num_s or "").lower() == "one" and not m.group("pl") and not det
            and _prev_word_nocomma(text, m.start()).lower() in _MODALS):
        # "the town will one day be a port": some day ahead, not a day long
        return _Cand(m.start(), m.end(), "date",
                     DateValue("FUTURE_REF", "day", None, None, True), 2)
    nxt = text[end:end + 12].lower()
    if nxt.startswith(("-old", " old")):
        return None  # "a 3-year-old", "two years old": an age
    if unit == "night":
        # "two nights" (a stay): days, counted only with a number ("a night out" is not)
        if num_s is None or num_s.lower() in ("a", "an") or approx or det.strip():
            return None
        unit = "day"
    dv = _duration_value(n, unit)
    if dv is None:
        return None
    return _Cand(_duration_start(m, text, start, approx, det), end, "duration", dv, 2)


def _h_duration_range(m: re.Match[str], ctx: _Ctx) -> _Cand | list[_Cand] | None:
    """A count told as a range or a guess, never the one count written last.  Bounds
    ("12 to 18 months", "between two and six days", "3-4 days") are two durations, the
    unit shared ("12" is ``P12M``), as TimeML writes them; alternatives ("two or three
    weeks", "a year or two") a duration of an unstated count (``PXW``); "a week or so"
    about one week.  With "ago" each is the vague past (as "a few years ago" is): no day
    can be named."""
    text = ctx.text
    lo: float | None = None
    start, end = m.start(), m.end()
    a_span = (start, start)
    if m.group("unit1"):
        unit, guess = m.group("unit1").lower(), m.group("b1").lower() == "so"
        sep = "or"
    else:
        lm = _RANGE_LOW.search(text, max(0, start - 40), start)
        if lm is None:
            return None
        unit, guess = m.group("unit").lower(), False
        lo, hi = _number(lm.group("a")), _number(m.group("b"))
        sep = (m.group("sep") or "-").lower()
        if (lo is None or hi is None or not 0 < lo < hi or sep == "and" and not lm.group("btw")
                or (not m.group("pl") and m.group("hy") != "-")
                or _prev_word_nocomma(text, lm.start()).lower() == "from"):
            return None  # "rose from 5 to 7 days" is a change, two durations
        start, a_span = lm.start(), lm.span("a")
    if unit in ("centurie", "fortnight"):
        return None
    ago = _AGO_AFTER.match(text, end)
    if ago is not None:
        return _Cand(start, ago.end(), "date", DateValue("PAST_REF", "day", None, None, True), 3)
    if sep != "or":
        low, high = _duration_value(lo, unit), _duration_value(hi, unit)
        if low is None or high is None:
            return None
        return [_Cand(a_span[0], a_span[1], "duration", low, 3),
                _Cand(m.start("b"), end, "duration", high, 3)]
    pm = _DUR_PREFIX.search(text, max(0, start - 40), start)
    if (pm is not None and (pm.group("det") or "").lower().startswith("the")
            and not pm.group("approx") and pm.start() < start):
        start = pm.start()  # "the next two or three years"
    dv = _duration_value(1 if guess else None, unit)
    return _Cand(start, end, "duration", dv, 3) if dv else None


def _h_quarters(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """Quarters counted as a span: three months each ("the past two quarters" P6M),
    an unstated count PXM ("several quarters", "recent quarters")."""
    n: float | None = None
    if m.group("num"):
        n = _number(m.group("num"))
        if n is None or n < 2 or n != int(n):
            return None
    start = m.start()
    pm = _DUR_PREFIX.search(ctx.text, max(0, start - 40), start)
    det = (pm.group("det") or "").lower() if pm is not None else ""
    if n is not None and not det.strip() and " " not in m.group(0)[len(m.group("num")) + 1:] \
            and _prev_word_nocomma(ctx.text, start).lower() not in _BEFORE_QUARTERS:
        return None  # "three quarters" alone may be a fraction
    if pm is not None and det.startswith("the") and pm.start() < start:
        start = pm.start()  # "the past two quarters"
    return _Cand(start, m.end(), "duration", f"P{_fmt_num(3 * n)}M" if n else "PXM", 2)


_BEFORE_QUARTERS = frozenset(["for", "over", "in", "during", "within", "after", "took",
                              "take", "takes"])
"""Words after which "two quarters" is a span of time, not a fraction."""


def _h_all_unit(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    dv = _duration_value(1, m.group("unit"))
    return _Cand(m.start(), m.end(), "duration", dv, 2) if dv else None


def _h_duration_abbr(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    n = float(m.group("num"))
    unit = _ABBR_UNITS[(m.group("unit") or m.group("h")).lower().rstrip("s")]
    if n <= 0:
        return None
    dv = _duration_value(n, unit)
    return _Cand(m.start(), m.end(), "duration", dv, 2) if dv else None


def _h_halfdur(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    if m.group("nh"):
        k = _number(m.group("n"))
        u3 = m.group("u3").lower().rstrip("s")
        if k is None:
            return None
        if u3 == "year":  # months, as TIMEX3 writes "a year and a half" (P18M)
            dv3 = f"P{_fmt_num((k + 0.5) * 12)}M"
        elif u3 == "decade":
            dv3 = f"P{_fmt_num((k + 0.5) * 10)}Y"
        else:
            dv3 = _duration_value(k + 0.5, u3) or ""
        return _Cand(m.start(), m.end(), "duration", dv3, 3) if dv3 else None
    u = (m.group("u1") or m.group("u2") or "").lower()
    n = 1.5 if m.group("u1") else 0.5
    if u == "year":
        dv = "P18M" if n == 1.5 else "P6M"
    elif u == "decade":
        dv = "P15Y" if n == 1.5 else "P5Y"
    elif u == "century":
        dv = "P50Y"
    elif u == "hour":
        dv = "PT90M" if n == 1.5 else "PT30M"
    elif u == "minute":
        dv = "PT90S" if n == 1.5 else "PT30S"
    elif u == "day":
        dv = "PT36H" if n == 1.5 else "PT12H"
    else:
        dv = _duration_value(n, u) or ""
    if not dv:
        return None
    return _Cand(m.start(), m.end(), "duration", dv, 3)


def _h_bare_units(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    s, e = m.start("unit"), m.end("unit")
    pre = m.group("pre").lower()
    if pre.startswith("recent"):
        s = m.start("pre")
    elif pre.startswith("time"):
        pass  # "for the first time in years": the years
    elif pre.startswith("in"):
        s = m.start("pre") + pre.index("recent")
    if pre == "over" and not m.group("post"):
        return None
    dv = _duration_value(None, m.group("unit"))
    return _Cand(s, e, "duration", dv, 1) if dv else None


_BEFORE_UNITS_OF = frozenset(["the", "these", "those", "its", "their", "his", "her", "our",
                              "my", "your", "all", "many", "few", "several", "some", "of"])


def _h_units_before(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """"years before", "months later", and "months of talks", "years of war": a span of
    unstated length (not "the days of the week", nor a count's "many years of")."""
    if m.group("of") and _prev_word_nocomma(ctx.text, m.start()).lower() in _BEFORE_UNITS_OF:
        return None
    dv = _duration_value(None, m.group("unit"))
    return _Cand(m.start(), m.end(), "duration", dv, 1) if dv else None


# words after "quarterly"/"daily" that leave it an adverb ("paid quarterly and ...")
_NOT_NOUN_AFTER_ADJ = frozenset([
    "and", "or", "but", "to", "in", "at", "on", "for", "from", "by", "with", "since", "until",
    "through", "thereafter", "instead", "rather", "than", "as", "if", "when", "while", "so",
    "after", "before", "during", "throughout", "basis", "is", "are", "was", "were", "will"])


def _h_set(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    start, end = m.start(), m.end()
    if m.group("adv"):
        adv = m.group("adv")
        if not adv.islower():
            return None
        nw = _next_word(ctx.text, end)
        if adv.lower().endswith("ly") and not adv.lower().endswith("ally") and \
                re.match(r"\s", ctx.text[end:end + 1]) and nw.islower() and \
                nw not in _NOT_NOUN_AFTER_ADJ:
            return None  # "a quarterly dividend", "daily volume": an adjective, no time
        return _Cand(start, end, "set", SETS_ADVERBS[adv.lower()], 2)
    if m.group("times"):
        unit = m.group("unit2").lower()
        dv = _duration_value(1, unit)
        return _Cand(start, end, "set", dv, 3) if dv else None
    if m.group("wkend"):
        return _Cand(start, end, "set", "XXXX-WXX-WE", 3)
    if m.group("wd"):
        return _Cand(start, end, "set", f"XXXX-WXX-{WEEKDAYS[m.group('wd').lower()] + 1}", 3)
    if m.group("part"):
        return _Cand(start, end, "set", f"XXXX-XX-XXT{PARTS_OF_DAY[m.group('part').lower()]}",
                     3)
    if m.group("mon"):
        return _Cand(start, end, "set", f"XXXX-{MONTHS[m.group('mon').lower()]:02d}", 3)
    unit = m.group("unit")
    if unit is None:
        return None
    unit = unit.lower()
    n: float | None = 1.0
    if m.group("num"):
        n = _number(m.group("num"))
        if n is None:
            return None
    if m.group("other"):
        n = 2.0
    if unit == "quarter":
        return _Cand(start, end, "set", f"P{_fmt_num(3 * (n or 1))}M", 3)
    if unit == "season":
        return None
    dv = _duration_value(n, unit)
    return _Cand(start, end, "set", dv, 3) if dv else None


def _h_set_weekdays(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    wd = WEEKDAYS[m.group("wd").lower()]
    return _Cand(m.start("wd"), m.end(), "set", f"XXXX-WXX-{wd + 1}", 3)

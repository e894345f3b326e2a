"""Which handler reads which pattern, and the keyword windows each pattern runs in: a
match lies within a bounded reach of its keyword, which keeps the scan cheap."""

from __future__ import annotations

import re
from typing import Any

from reconcile import english

from .patterns import (
    P_DATE, P_RANGE, P_YEAR_RANGE, P_ISO, P_SLASH, P_DOTTED, P_YEAR, P_MONTH, P_RELATIVE,
    P_EARLIER_THIS, P_DEICTIC, P_NOW, P_REF, P_PART_MOD, P_WEEKDAY, P_WEEKEND, P_AGO,
    P_DURATION, P_ALL_UNIT, P_DURATION_ABBR, P_HALFDUR, P_BARE_UNITS, P_UNITS_BEFORE, P_SET,
    P_SET_WEEKDAYS, P_DECADE, P_DECADE_WORDS, P_CENTURY, P_QUARTER, P_HALF, P_FIRST_MONTHS, P_NTH_MONTH,
    P_SEASON_YEAR, P_FISCAL, P_SPELLED_YEAR, P_YEAR_ENDED, P_SEASON_THE, P_MONTH_REL_YEAR,
    P_VAGUE_AGO, P_HOLIDAY, P_TIME, P_MON_JOINED, P_MON_JOINED_YEAR, P_TIME_RANGE, P_WD_DAY,
    P_WEEK_OF, P_DATE_WORDS, P_NTH_DAY_OF, P_NTH, P_MD_SLASH, P_END_OF, P_WD_MD, P_DAY_AND,
    P_CLOCK, P_DURATION_RANGE, P_QUARTERS, LazyPattern,
)
from .candidates import Handler
from .h_dates import (
    _h_date, _h_month, _h_year, _h_year_range, _h_range, _h_iso, _h_slash, _h_dotted,
    _h_mon_joined_year, _h_mon_joined, _h_wd_day, _h_date_words, _h_nth_day_of, _h_nth,
    _h_md_slash, _h_wd_md, _h_day_and,
)
from .h_periods import (
    _h_decade, _h_decade_words, _h_century, _h_spelled_year, _h_year_ended, _h_quarter, _h_half, _h_first_months,
    _h_nth_month, _h_season_year, _h_fiscal, _h_holiday, _h_week_of, _h_end_of,
)
from .h_relative import (
    _h_relative, _h_deictic, _h_now, _h_ref, _h_part_mod, _h_earlier_this, _h_weekday,
    _h_weekend, _h_ago, _h_season_the, _h_month_rel_year, _h_vague_ago,
)
from .h_durations import (
    _h_duration, _h_duration_range, _h_quarters, _h_all_unit, _h_duration_abbr, _h_halfdur, _h_bare_units, _h_units_before,
    _h_set, _h_set_weekdays,
)
from .h_clock import _h_time, _h_time_range, _h_clock


# Each pattern runs only in windows around its keywords (lower-case substrings that
# every match contains; "#" stands for a digit run), which keeps the scan cheap: a
# match reaches at most ``before`` characters before its keyword and ``after`` after.
_MONTH_KEYS = tuple(w[:3] for w in english.MONTHS)
_UNIT_KEYS = ("second", "minute", "hour", "day", "week", "fortnight", "month", "year",
              "decade", "centur")
_DIGIT = "#"
_HANDLERS: list[tuple[LazyPattern, Handler, tuple[str, ...], int, int]] = [
    (P_ISO, _h_iso, (_DIGIT,), 6, 24),
    (P_SLASH, _h_slash, (_DIGIT,), 6, 12),
    (P_DOTTED, _h_dotted, (_DIGIT,), 6, 12),
    (P_RANGE, _h_range, _MONTH_KEYS, 40, 50),
    (P_YEAR_RANGE, _h_year_range, (_DIGIT,), 20, 20),
    (P_DATE, _h_date, _MONTH_KEYS, 36, 40),
    (P_MON_JOINED, _h_mon_joined, _MONTH_KEYS, 4, 14),
    (P_MON_JOINED_YEAR, _h_mon_joined_year, _MONTH_KEYS, 8, 18),
    (P_WEEK_OF, _h_week_of, ("week of",), 16, 24),
    (P_DAY_AND, _h_day_and, _MONTH_KEYS, 30, 16),
    (P_WD_MD, _h_wd_md, ("mon", "tue", "wed", "thu", "fri", "sat", "sun"), 4, 20),
    (P_DATE_WORDS, _h_date_words, _MONTH_KEYS, 40, 40),
    (P_NTH, _h_nth, ("st", "nd", "rd", "th"), 16, 6),
    (P_NTH_DAY_OF, _h_nth_day_of, ("day of",), 30, 30),
    (P_MD_SLASH, _h_md_slash, (_DIGIT,), 8, 8),
    (P_END_OF, _h_end_of, ("end", "eod", "eoy"), 16, 24),
    (P_WD_DAY, _h_wd_day, ("mon", "tue", "wed", "thu", "fri", "sat", "sun"), 4, 36),
    (P_FIRST_MONTHS, _h_first_months, ("months", "weeks", "days"), 40, 40),
    (P_NTH_MONTH, _h_nth_month, ("month of",), 30, 30),
    (P_SPELLED_YEAR, _h_spelled_year, ("nineteen", "twenty", "thousand"), 30, 40),
    (P_YEAR_ENDED, _h_year_ended, ("ended", "ending", "ends"), 40, 4),
    (P_SEASON_THE, _h_season_the, ("spring", "summer", "fall", "autumn", "winter"), 30, 10),
    (P_MONTH_REL_YEAR, _h_month_rel_year, _MONTH_KEYS, 12, 28),
    (P_VAGUE_AGO, _h_vague_ago, ("ago",), 40, 4),
    (P_QUARTER, _h_quarter, ("quarter", "q1", "q2", "q3", "q4"), 30, 40),
    (P_HALF, _h_half, ("half", "h1", "h2", "two quarters"), 30, 40),
    (P_SEASON_YEAR, _h_season_year, ("spring", "summer", "fall", "autumn", "winter"), 20, 44),
    (P_FISCAL, _h_fiscal, ("fiscal", "financial", "fy"), 4, 24),
    (P_HOLIDAY, _h_holiday, ("christmas", "new year", "valentine", "boxing", "halloween",
                             "easter", "good friday", "juneteenth", "workers", "earth day",
                             "patrick"), 30, 40),
    (P_EARLIER_THIS, _h_earlier_this, ("this week",), 12, 26),
    (P_RELATIVE, _h_relative, ("week", "month", "year", "quarter", "decade", "century",
                               "spring", "summer", "fall", "autumn", "winter"), 50, 14),
    (P_DEICTIC, _h_deictic, ("yesterday", "today", "tomorrow", "tonight", "night", "this ",
                             "overnight"), 8, 26),
    (P_NOW, _h_now, ("now", "currently"), 6, 4),
    (P_REF, _h_ref, ("recently", "soon", "these days", "past",
                     "future", "coming", "ahead", "term"), 24, 14),
    (P_PART_MOD, _h_part_mod, ("morning", "afternoon", "evening", "night"), 20, 10),
    (P_WEEKDAY, _h_weekday, ("monday", "tuesday", "wednesday", "thursday", "friday",
                             "saturday", "sunday"), 16, 28),
    (P_WEEKEND, _h_weekend, ("weekend",), 24, 8),
    (P_MONTH, _h_month, _MONTH_KEYS, 36, 20),
    (P_DECADE, _h_decade, (_DIGIT,), 16, 10),
    (P_DECADE_WORDS, _h_decade_words, ("ties",), 24, 4),
    (P_CENTURY, _h_century, ("century",), 40, 4),
    (P_YEAR, _h_year, (_DIGIT,), 30, 10),
    (P_AGO, _h_ago, ("ago", "earlier", "later", "before", "after", "from now"), 70, 16),
    (P_HALFDUR, _h_halfdur, ("half", "1/2", "½"), 30, 20),
    (P_DURATION_ABBR, _h_duration_abbr, (_DIGIT,), 2, 10),
    (P_DURATION, _h_duration, _UNIT_KEYS + ("night",), 70, 14),
    (P_DURATION_RANGE, _h_duration_range, _UNIT_KEYS, 30, 12),
    (P_QUARTERS, _h_quarters, ("quarters",), 40, 4),
    (P_ALL_UNIT, _h_all_unit, ("all ",), 2, 10),
    (P_BARE_UNITS, _h_bare_units, ("hours", "days", "weeks", "months", "years", "decades",
                                         "centuries"), 26, 16),
    (P_UNITS_BEFORE, _h_units_before, ("hours", "days", "weeks", "months", "years",
                                       "decades"), 0, 30),
    (P_SET, _h_set, ("every", "each", "once", "twice", "times", "annually", "yearly",
                     "quarterly", "monthly", "weekly", "daily", "nightly", "hourly"), 26, 40),
    (P_SET_WEEKDAYS, _h_set_weekdays, ("days",), 20, 4),
    (P_TIME, _h_time, (_DIGIT, "noon", "midday", "midnight"), 6, 30),
    (P_CLOCK, _h_clock, ("clock", " past ", " to ", " pm", " am", " p.m", " a.m"), 30, 40),
    (P_TIME_RANGE, _h_time_range, (_DIGIT,), 14, 24),
]
_DIGITS_RE = re.compile(r"\d+")

# What every match of a pattern holds, as cheap regexes: a text where none of them is
# found has no match of that pattern, so neither its windows nor the pattern itself are
# looked at there.  Each regex reads only characters that the pattern's match consumes
# (a look-behind included), so it finds them in any text where the pattern matches,
# however a window cuts it; and each starts with a literal, which the regex engine jumps
# to without trying a match at every position: one pass over the text costs a tenth of
# the pattern's windows.  Only for patterns that most texts give nothing and that have a
# rare literal of their own; tests check that the output is the same without them.
_NEEDS: dict[LazyPattern, tuple[re.Pattern[str], ...]] = {
    P_ISO: (re.compile(r"-\d\d-\d\d"),),  # "2024-03-05"
    P_SLASH: (re.compile(r"/\d{1,2}/\d\d"),),  # "5/3/2024"
    P_DOTTED: (re.compile(r"\.\d{1,2}\.\d{4}"),),  # "05.03.2024"
    P_DECADE: (re.compile(r"0['’]?s"),),  # "the 1990s", "the '80s"
    P_NTH: (re.compile(r"the\s{1,2}\d"),),  # "on the 18th"
    # "on 11/20", "Friday 5/12", "Fri 7.6": a day or month of one or two digits after a
    # space, then the separator and a digit
    P_MD_SLASH: (re.compile(r"/(?:(?<=\s\d/)|(?<=\s\d\d/))\d"),),
    P_WD_MD: (re.compile(r"/(?:(?<=\s\d/)|(?<=\s\d\d/))\d"),
              re.compile(r"\.(?:(?<=\s\d\.)|(?<=\s\d\d\.))\d")),
}


# The keywords of three or more characters, found for every pattern at once by
# :func:`_occurrences`: one scan of the text instead of one per keyword (a hundred and
# more), most of which find nothing.  The trie gives, at each place, the longest keyword
# there; the shorter ones there are its prefixes (``_PREFIXES``).  The shortest keywords
# ("th", "q1") are many and frequent: they are found one by one, for the few patterns
# that need them.
_SCANNED = sorted({k for _, _, keys, _, _ in _HANDLERS for k in keys
                   if k != _DIGIT and len(k) >= 3}, key=lambda k: (-len(k), k))
_SCANNED_SET = frozenset(_SCANNED)


def _trie(words: list[str]) -> str:
    """An alternation of ``words`` factored as a trie: at each place, one branch per
    next character (the regex engine skips a branch whose character is not there), and
    the longest word wins (a shorter one ending on the way is an optional end)."""
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(root)


_KEYWORDS_RE = re.compile(_trie(_SCANNED))
_PREFIXES = {k: tuple(k[:n] for n in range(3, len(k) + 1) if k[:n] in _SCANNED_SET)
             for k in _SCANNED}


def _occurrences(low: str) -> dict[str, list[tuple[int, int]]]:
    """Every occurrence of every keyword of ``_SCANNED`` in ``low`` (overlapping ones
    too), per keyword, in order.  Linear: a search resumes one character after the
    place it found (a keyword is a few characters long)."""
    out: dict[str, list[tuple[int, int]]] = {}
    search = _KEYWORDS_RE.search
    m = search(low)
    while m is not None:
        i = m.start()
        for k in _PREFIXES[m.group()]:
            hit = (i, i + len(k))
            found = out.get(k)
            if found is None:
                out[k] = [hit]
            else:
                found.append(hit)
        m = search(low, i + 1)
    return out


def _windows(low: str, keys: tuple[str, ...], digit_runs: list[tuple[int, int]],
             before: int, after: int,
             cache: dict[tuple[str, ...], list[tuple[int, int]]] | None = None,
             occurrences: dict[str, list[tuple[int, int]]] | None = None,
             ) -> list[tuple[int, int]]:
    """Merged ``[start, end)`` windows around every occurrence of ``keys`` in ``low``:
    from ``before`` characters before a keyword to ``after`` characters after it.  The
    sorted occurrences are kept in ``cache`` per key tuple: several patterns share one
    (every month name, every digit run), and finding them once saves a scan each.
    ``occurrences`` (:func:`_occurrences` of ``low``) holds those of the keywords it
    scans for; the others are found here."""
    hits = cache.get(keys) if cache is not None else None
    if hits is None:
        hits = []
        for k in keys:
            if k == _DIGIT:
                hits.extend(digit_runs)
                continue
            if occurrences is not None and k in _PREFIXES:
                hits.extend(occurrences.get(k, ()))
                continue
            i = low.find(k)
            while i != -1:
                hits.append((i, i + len(k)))
                i = low.find(k, i + 1)
        hits.sort()
        if cache is not None:
            cache[keys] = hits
    if not hits:
        return []
    n = len(low)
    out: list[tuple[int, int]] = []
    # clamped to the text only where a window is written out: clamping each hit's
    # reach first (as the merge reads) gives the same windows, in fewer steps
    ws, we = hits[0][0] - before, hits[0][1] + after
    # (no max()/min() calls: a builtin call per hit is what this loop avoids)
    for hs, he in hits:
        if hs - before <= we:
            if he + after > we:  # noqa: PLR1730
                we = he + after
        else:
            out.append((ws if ws > 0 else 0, we if we < n else n))  # noqa: FURB136
            ws, we = hs - before, he + after
    out.append((ws if ws > 0 else 0, we if we < n else n))  # noqa: FURB136
    return out

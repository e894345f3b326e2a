"""Find and normalize temporal expressions in English news text.

One public function, :func:`find_dates`, returns every date, time, duration and set
(recurrence) expression of a text as :class:`~reconcile.model.Expression` objects,
sorted by span and non-overlapping, each normalized to a TIMEX3-style value.

The recognizer is a set of hand-written regular expressions (compiled once, with
bounded repetition only, so every pattern runs in linear time) plus a normalizer
that resolves relative expressions against the *anchor*, the article's publication
date.  Rules follow general English news conventions (see ``docs/design.md``,
"Reading dates in news"):

* News narrates the past: a weekday without a date is the most recent one *at or
  before* the anchor -- unless the clause before it marks the future ("will", "is due
  to", "scheduled for", "postponed until", "would" ...), in which case it is the next
  one at or after the anchor.  A month, or a month and day, without a year takes the
  year its clause's tense points to: the next one after a future marker, the last one
  in a clause told in the past (a past verb before it, or after a sentence-initial
  date: "In January, the firm hired"), and otherwise the occurrence nearest the anchor
  ("payable Dec. 1" in late October; "was extended to Nov. 16" is a deadline, nearest).
* A span looked back over is never a date ahead: "the worst crisis in two decades",
  "its highest level in 15 years", "has not rained in three years" are durations.
* Earnings news names its period by reference: "the quarter", "the latest quarter"
  are the quarter last named (else, in a report of results, the last one completed);
  "the year-ago quarter", "year-earlier", "a year earlier" the same quarter a year
  before.  "that year", "the following year", "the same month" take the year or month
  of the date last named.
* A weekday stated with a month and day fixes the year (``anchored=False``): the
  most recent fitting year at or before the anchor, within seven years back -- or a
  fitting date less than a month after the anchor (a year with a future clause),
  since an announcement of next week's "Saturday, Nov. 11" is likelier than one of
  six years ago.  A contradiction with an explicitly stated full date is reported
  in ``DateValue.warnings`` and the stated date is kept.
* Precision over recall: modal "may", verbal "march", "a year" in a rate
  ("US$3.2 billion a year"), counts such as "2017 computers", chapter and page
  numbers are not dates.  A number after "In April," or "On Monday" is not a day.
  Lower-case month and weekday names are read ("next monday", "april 2017") except
  the months that are everyday words (may, march, august).
* Beyond calendar dates: clock times in digits and words ("3.30pm", "half past
  seven", "six pm") and their ranges ("between 4pm and 5pm", "Monday 9-5"), weeks
  and parts of a year ("the week of April 10th", "the first 2 weeks of 2021"),
  holidays (Christmas, Easter and the days that move with it), compound durations
  ("3 hours 30 minutes"), durations counted from a day ("2 weeks before May 13 1999")
  or starting on one ("3 days starting next Monday"), a clock time for a duration
  ("from 2pm for 2 hours"), relative holidays ("last Easter"), parts of an unstated
  day ("late afternoon"), and two dates after "from"/"between" (or two stated days
  joined by a dash) as one interval.

Values
------
``date``/``time`` expressions carry a :class:`~reconcile.model.DateValue`;
``duration`` and ``set`` expressions carry a TIMEX3 string (``"P3D"``, ``"P18M"``,
``"PT2H"``, ``"PXY"`` for an unspecified count; sets ``"P1Y"``, ``"XXXX-WXX-1"``).

Without an anchor, nothing is resolved against today: the unknown parts of a
value are written as ``X`` and ``earliest``/``latest`` are ``None``::

    "April 13"        -> XXXX-04-13        "last month" -> XXXX-XX
    "Monday"          -> XXXX-WXX-1        "last week"  -> XXXX-WXX
    "last year"       -> XXXX              "yesterday"  -> XXXX-XX-XX
    "the first six months of the year" -> XXXX-01/XXXX-06

``anchored`` is True whenever the value depends on the anchor (whether or not one
was given), False when the text states it completely.

"now", "right now", "currently" are TimeML's ``PRESENT_REF``, with no calendar bounds
(they say when something is true, not on which day an event happened).

Bounds and signals
------------------
A preposition that bounds a date changes its meaning, so it is read into the value,
but the span stays TimeML's (TempEval scores it; TimeML calls the word a SIGNAL and
leaves it out).  ``Expression.signal`` is the span of those words and
``Expression.extent`` the span including them.  The bound is TIMEX3's ``mod`` on
:class:`~reconcile.model.DateValue`; ``timex`` stays what the date states, the
granularity becomes ``"interval"`` and ``earliest``/``latest`` hold the bounds, ``None``
on the open side::

    "after 2018"         2018  AFTER         2019-01-01 .. None
    "before May 2, 2023" 2023-05-02 BEFORE   None .. 2023-05-01
    "since March"        2023-03 ON_OR_AFTER 2023-03-01 .. the anchor
    "by/until Friday", "no later than ...", "X or earlier"   ON_OR_BEFORE
    "starting Monday", "X or later", "X and after"           ON_OR_AFTER
    "today before 4pm"   2023-11-10T16:00 BEFORE  None .. 2023-11-10 (the day stays)
    "more than 2 weeks before today"  BEFORE the day two weeks back

A duration after "in"/"within" is counted from the anchor where the clause is not past
narration: "in two weeks" is the day 14 days on, "in 5 minutes" the anchor's day,
"in two months"/"in 3 years" that month/year (TimeML's granularity of the unit),
"within 9 months" and "in the next two days" the interval from the anchor; "the city
fell in two days" keeps the duration ``P2D``.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as _dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from reconcile.model import DateMod, DateValue, Expression, Granularity

__all__ = ["find_dates"]

Kind = Literal["date", "time", "duration", "set"]
Direction = Literal["past", "future"]

# =========================================================================== tables

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11,
    "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_FULL_MONTHS = [k for k, _ in sorted(MONTHS.items(), key=lambda kv: kv[1]) if len(k) > 4
                or k in ("may", "june", "july")]

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}
_FULL_WEEKDAYS = [k for k in WEEKDAYS if len(k) > 5]

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "dozen": 12, "a dozen": 12,
    "a couple of": 2, "a couple": 2, "couple of": 2,
}
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_UNITS_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
VAGUE_COUNTS = ("several", "a few", "few", "many", "some", "a number of", "the next few",
                "numerous", "countless", "dozens of", "hundreds of", "a couple of")

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "twenty first": 21, "final": 4, "last": 4,
}

# unit word -> (TIMEX letter, multiplier, is time-of-day unit)
UNITS: dict[str, tuple[str, int, bool]] = {
    "second": ("S", 1, True), "minute": ("M", 1, True), "hour": ("H", 1, True),
    "day": ("D", 1, False), "week": ("W", 1, False), "fortnight": ("W", 2, False),
    "month": ("M", 1, False), "year": ("Y", 1, False), "decade": ("Y", 10, False),
    "century": ("Y", 100, False), "centurie": ("Y", 100, False),
}

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}
# first month of each season; winter YYYY runs from December YYYY-1 to February YYYY
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
}

HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25),
    "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14),
    "halloween": (10, 31), "boxing day": (12, 26), "juneteenth": (6, 19),
    "international workers' day": (5, 1), "earth day": (4, 22),
    "st patrick's day": (3, 17), "st. patrick's day": (3, 17), "saint patrick's day": (3, 17),
    "saint patrick": (3, 17), "st patrick": (3, 17), "st. patrick": (3, 17),
}

SETS_ADVERBS: dict[str, str] = {
    "annually": "P1Y", "yearly": "P1Y", "quarterly": "P3M", "monthly": "P1M",
    "weekly": "P1W", "daily": "P1D", "nightly": "XXXX-XX-XXTNI", "hourly": "PT1H",
    "biannually": "P6M", "biennially": "P2Y", "semi-annually": "P6M", "semiannually": "P6M",
    "bi-weekly": "P2W", "biweekly": "P2W", "fortnightly": "P2W", "bi-monthly": "P2M",
    "bimonthly": "P2M",
}

# words after which a bare four-digit number is a year
YEAR_TRIGGERS = frozenset(["into", "for", "both", "in", "since", "of", "by", "until", "till", "from", "through", "throughout", "before", "after", "during", "early", "late", "mid", "around", "circa", "year", "years", "fiscal", "between", "spring", "summer", "autumn", "fall", "winter", "the_end"])
# words after which a month name standing alone is a month
MONTH_TRIGGERS = frozenset(["for", "in", "of", "since", "until", "till", "by", "from", "through", "throughout", "during", "before", "after", "last", "next", "this", "early", "late", "mid", "mid-", "each", "every", "until", "between", "around", "about", "since"])
# a weekday after these capitalized words is part of a name ("Black Friday")
WEEKDAY_NAME_PREFIXES = frozenset(["black", "good", "super", "cyber", "ash", "holy", "maundy", "easter", "palm", "bloody", "shrove", "fat", "giving"])
WEEKDAY_NAME_SUFFIXES = frozenset(["times", "telegraph", "mirror", "herald", "express", "post", "mail", "tribune", "independent", "sport", "night", "people", "star", "observer", "school", "league", "football", "club"])
# words that are plural nouns without a final "s" (a number before them is a count)
_IRREGULAR_PLURALS = frozenset(["people", "children", "men", "women", "police", "staff", "personnel", "cattle", "feet", "teeth", "mice", "geese"])
_NOT_PLURAL = frozenset(["was", "has", "is", "as", "its", "this", "his", "us", "thus", "always", "perhaps", "sometimes", "whereas", "nevertheless", "unless", "less", "plus", "yes", "bus", "gas", "news", "series", "species", "means"])
# reporting verbs: a weekday right after them is the (past) reporting day
_REPORTING = r"(?:said|says|told|announced|reported|added|wrote|stated|confirmed|claimed)"

_FUTURE_RE = re.compile(
    r"\b(?:will|shall|won['’]t|going\s+to|(?:is|are|was|were)\s+(?:due|set|scheduled|"
    r"slated|expected|poised|planned|to\s+be\s+held)\s+(?:to|for|on|in)|(?:scheduled|slated|due)"
    r"\s+(?:for|to|on|in)|postponed\s+(?:until|till|to)|delayed\s+(?:until|till|to)|"
    r"upcoming|to\s+run\s+(?:through|until|till)|next|let['’]s|let\s+us)\b|['’]ll\b",
    re.IGNORECASE,
)
_REPORTING_RE = re.compile(r"\b" + _REPORTING + r"\b", re.IGNORECASE)

# ======================================================================== patterns


def _alt(words: list[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def _cap_forms(words: list[str]) -> list[str]:
    out: list[str] = []
    for w in words:
        out += [w.capitalize(), w.upper()]
    return out


_ABBR_MONTHS = [k for k in MONTHS if k not in _FULL_MONTHS]
# lower-case month names too ("april 2017" in chat and social media), except those that
# are also everyday words (the modal "may", the verb "march", the adjective "august")
_MON_FULL_RE = _alt(_cap_forms(_FULL_MONTHS)
                    + [m for m in _FULL_MONTHS if m not in ("may", "march", "august")])
_MON_ABBR_RE = _alt(_cap_forms(_ABBR_MONTHS) + [m for m in _ABBR_MONTHS if m != "mar"])
# a month name in a date: full or abbreviated (with optional period)
MON = rf"(?:{_MON_FULL_RE}|(?:{_MON_ABBR_RE})\.?)(?![\w'’])"
_WD_RE = _alt(_cap_forms(_FULL_WEEKDAYS) + _FULL_WEEKDAYS)  # "next monday" too
_WD_ABBR_RE = _alt(_cap_forms([k for k in WEEKDAYS if k not in _FULL_WEEKDAYS]))
WD = rf"(?:{_WD_RE}|(?:{_WD_ABBR_RE})\.?)"  # only ever before a date: "Tue May 9"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\w%])(?![.,:/]\d)"
YEAR4 = r"(?:1\d{3}|20\d{2})(?![\w%])(?![.,:/]\d)"
BARE_YEAR = r"(?:1[5-9]\d{2}|2[01]\d{2})"
_NUM_WORD_RE = (
    rf"(?:(?:{'|'.join(_TENS)})(?:[-\s](?:{'|'.join(_UNITS_WORDS)}))?|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|(?:a\s|one\s)?hundred|(?:a\s)?dozen|"
    r"(?:a\s)?couple(?:\sof)?)"
)
NUM = rf"(?:\d{{1,4}}(?:\.\d{{1,2}})?|{_NUM_WORD_RE}|an?)"
VAGUE = r"(?:several|a\sfew|few|many|some|a\snumber\sof|numerous|countless|dozens\sof)"
UNIT = (r"(?:second|minute|hour|day|week|fortnight|month|year|decade|century|centurie)")
PARTDAY = r"(?:morning|afternoon|evening|night)"
_MOD = (r"(?:early|late|mid-?|the\s(?:end|beginning|start|middle|close|turn)\sof|"
        r"(?:the\s)?(?:end|beginning|start|middle)\sof)")
_REL = r"(?:last|next|this|the\scoming|the\spast|this\spast|the\slast|the\snext)"


def _c(p: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(p, flags)


def _datex(p: str) -> str:
    """A calendar date with optional parts; groups prefixed with ``p``."""
    return (
        rf"(?:(?P<{p}mon>{MON})\s{{0,2}}(?P<{p}day>{DAY})(?:(?:\s{{0,2}},?\s{{0,3}}|\s{{1,2}}of\s{{1,2}})"
        rf"(?P<{p}year>{YEAR4}))?"
        rf"|(?:the\s{{1,2}})?(?P<{p}day2>{DAY})(?:\s{{1,2}}of)?\s{{1,2}}(?P<{p}mon2>{MON})"
        rf"(?:(?:,?\s{{1,3}}|\s{{1,2}}of\s{{1,2}})(?P<{p}year2>{YEAR4}))?"
        rf"|(?P<{p}mon3>{MON})(?:,|\s{{1,2}}of)?\s{{1,3}}(?P<{p}year3>{YEAR4}))"
    )


# calendar dates, optionally led by a weekday ("Monday (June 14)", "Mon., Jun. 14")
P_DATE = _c(
    rf"(?<![\w$£€#/.-])(?:(?P<wd>{WD})\s{{0,2}},?\s{{0,3}}(?:the\s{{1,2}})?(?P<paren>\()?\s{{0,2}})?"
    + _datex("a")
    + r"(?(paren)\s{0,2}\))"
)
# ranges with a prefix: "between March and May 2023", "from Nov. 8 to Dec. 2"
P_RANGE = _c(
    rf"(?<![\w$£€#/.-])(?:(?P<pre>[Bb]etween|[Ff]rom)\s{{1,3}})?(?:"
    rf"(?P<amon>{MON})(?:\s{{0,2}}(?P<aday>{DAY}))?(?:,?\s{{1,2}}(?P<ayear>{YEAR4}))?"
    rf"|(?P<aday2>{DAY})(?:\s{{1,2}}(?P<amon2>{MON}))?)"
    r"\s{0,3}(?P<sep>-|–|—|and|to|through|thru|until|till)\s{0,3}"
    rf"(?:(?P<bmon>{MON})(?:\s{{0,2}}(?P<bday>{DAY}))?(?:,?\s{{1,2}}(?P<byear>{YEAR4}))?"
    rf"|(?P<bday2>{DAY})(?:\s{{1,2}}(?P<bmon2>{MON}))?(?:,?\s{{1,2}}(?P<byear2>{YEAR4}))?)"
)
P_YEAR_RANGE = _c(
    rf"(?<![\w$£€#/.,-])(?:(?P<pre>[Bb]etween|[Ff]rom)\s{{1,3}})?(?P<y1>{BARE_YEAR})"
    r"\s{0,2}(?P<sep>-|–|—|and|to|through|thru|until|till)\s{0,2}"
    rf"(?P<y2>{BARE_YEAR}|\d{{2}})(?![\w%])(?![.,:/-]\d)(?!\s?-\s?\d)"
)
P_ISO = _c(
    r"(?<![\d/.])(?<!\d-)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
    r"(?:T(?P<h>\d{2}):(?P<mi>\d{2}))?(?!\d|[-/.]\d)"
)
P_SLASH = _c(r"(?<![\w/.:])(?<!(?<!/\d{4})-)(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})"
             r"(?![\w/])(?!-(?!\d{1,2}/\d{1,2}/\d))(?!\.\d)")
# "23.04.2022": day.month.year, as continental Europe writes it
P_DOTTED = _c(r"(?<![\w.:-])(?P<d>[0-3]?\d)\.(?P<mo>[01]?\d)\.(?P<y>\d{4})(?![\w.]|[.,]\d)")
P_YEAR = _c(
    rf"(?<![\w$£€#/.,:'’-])(?:(?P<mod>{_MOD})\s{{0,2}})?(?P<y>{BARE_YEAR})(?![\w%])(?![.,:/]\d)"
    r"(?!-|–)"
)
P_MONTH = _c(
    rf"(?<![\w-])(?:(?P<mod>early|late|mid-?|[Ee]arly|[Ll]ate|[Mm]id-?|(?:[Tt]he\s)?(?:end|beginning|"
    rf"start|middle)\sof)\s{{0,2}})?(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Tt]his\spast)\s{{1,2}})?"
    rf"(?P<mon>{_MON_FULL_RE})(?![\w'’-])"
)
P_RELATIVE = _c(
    rf"\b(?:(?P<mod>{_MOD}|earlier|later)\s{{1,2}})?(?P<rel>{_REL}|past|coming|previous|current)\s{{1,2}}"
    r"(?P<unit>week|weekend|month|year|quarter|decade|century|fiscal\syear|financial\syear|"
    r"spring|summer|fall|autumn|winter)(?![\w-])",
    re.IGNORECASE,
)
P_EARLIER_THIS = _c(
    rf"\b(?P<dir>[Ee]arlier|[Ll]ater)\s{{1,2}}this\s{{1,2}}week\s{{0,2}},?\s{{0,2}}(?:on\s{{1,2}})?(?P<wd>{_WD_RE})\b",
    0,
)
P_DEICTIC = _c(
    rf"\b(?P<w>[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight|[Ll]ast\s{{1,2}}night|"
    rf"[Tt]his\s{{1,2}}{PARTDAY}|[Oo]vernight)(?:\s{{1,2}}(?P<part>{PARTDAY}))?"
    rf"(?![\w-])(?!['’](?!s\b))"
)
# "now", "right now", "currently", "nowadays": the present (TimeML PRESENT_REF)
P_NOW = _c(r"(?<![\w'’-])(?P<w>(?:[Rr]ight\s)?[Nn]ow|[Cc]urrently|[Nn]owadays)(?![\w'’-])")
# the vague past and future of TimeML (PAST_REF, FUTURE_REF, PRESENT_REF): adverbs
# "recently", "soon" (not "previously": mostly a verb's, "previously announced") and
# the noun phrases "the past", "the (near) future",
# "these days"; "the past two years" is a duration and "as soon as" a conjunction
P_REF = _c(
    r"(?<![\w'’-])(?P<w>(?:[Mm]ore\s{1,2}|[Mm]ost\s{1,2})?[Rr]ecently|"
    r"[Ss]oon|[Tt]hese\s{1,2}days|(?<=[Ii]n\s)the\s{1,2}past|(?<=[Ii]nto\s)the\s{1,2}future|"
    r"(?<=[Ii]n\s)the\s{1,2}(?:(?:near|distant|foreseeable)\s{1,2})?future)(?![\w'’-])"
)
# "late afternoon", "early in the morning", "later in the evening": part of an unstated day
P_PART_MOD = _c(
    rf"(?<![\w-])(?P<mod>[Ee]arly|[Ll]ate|[Ll]ater|[Ee]arlier)\s{{1,2}}(?:in\s{{1,2}}the\s{{1,2}})?"
    rf"(?P<part>{PARTDAY})(?![\w'’-])"
)
P_WEEKDAY = _c(
    rf"(?<![\w-])(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Tt]his\spast|[Tt]his\scoming|(?:[Tt]his\s)?[Uu]pcoming"
    rf"|[Cc]oming|[Pp]revious)\s{{1,2}})?(?P<wd>{_WD_RE})"
    rf"(?:(?P<pl>s)(?:\s{{1,2}}(?P<plpart>{PARTDAY})s?)?|(?:\s{{1,2}}(?:in\s{{1,2}}the\s{{1,2}})?(?P<part>{PARTDAY})(?P<partpl>s)?)|(?:\s{{1,2}}(?:of\s{{1,2}})?(?P<wk>last|next|this)\s{{1,2}}week))?"
    r"(?![\w-])"
)
P_WEEKEND = _c(r"\b(?P<p>over|at|during|ahead\s{1,2}of|before|until|till|through|into|for)"
               r"\s{1,2}the\s{1,2}(?P<u>weekend)\b", re.IGNORECASE)
P_AGO = _c(
    rf"\b(?:(?P<approx>about|around|almost|nearly|roughly|approximately|some|more\sthan|"
    rf"less\sthan|only|just)\s{{1,2}})?(?P<num>{NUM})\s{{1,2}}(?P<unit>{UNIT})s?\s{{1,2}}"
    r"(?P<dir>ago|earlier|later|before|after|from\snow)(?P<than>\s{1,2}than)?\b",
    re.IGNORECASE,
)
P_DURATION = _c(
    rf"(?<![\w-])(?:(?P<num>{NUM})|(?P<vague>{VAGUE}))(?P<hy>\s{{1,2}}|-|\s-\s)"
    r"(?:(?P<inv>upcoming|next|coming|past|last|previous|following)\s{1,2})?"
    r"(?:(?P<biz>business|working)\s{1,2})?"
    rf"(?P<unit>{UNIT}|night)"
    r"(?P<pl>s)?(?P<poss>['’](?!s))?(?![\w-])(?!-old|\sold)",
    re.IGNORECASE,
)
# "all day", "all week": the whole of one unit
P_ALL_UNIT = _c(r"(?<![\w-])[Aa]ll\s{1,2}(?P<unit>day|week|month|year)(?![\w'’-])")
# what may stand before a duration: "almost", "the past", "a mere", "the next"
_DUR_PREFIX = _c(
    r"\b(?:(?P<approx>about|around|almost|nearly|roughly|approximately|some|a\smere|just|"
    r"only|more\sthan|less\sthan|at\sleast|up\sto|fewer\sthan)\s{1,2})?"
    r"(?P<det>(?:the|a|an)\s{1,2}(?:(?:past|last|next|coming|first|final|previous|following|"
    r"entire|whole|full)\s{1,2})?|(?:past|next|coming|recent|first|last)\s{1,2})?$",
    re.IGNORECASE,
)
# "30 min", "2.5 hrs", "24h", "123.45 sec": abbreviated units after digits ("h" glued only)
P_DURATION_ABBR = _c(
    r"(?<![\w.,:/$£€-])(?P<num>\d{1,4}(?:\.\d{1,2})?)(?:\s?(?P<unit>hrs?|mins?|secs?|yrs?)"
    r"|(?P<h>h))(?![\w-])(?!\.\w)"
)
_ABBR_UNITS = {"hr": "hour", "min": "minute", "sec": "second", "yr": "year", "h": "hour"}
P_HALFDUR = _c(
    r"\b(?P<nh>(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s{1,2}and\s{1,2}"
    r"(?:a\s{1,2})?half\s{1,2}(?P<u3>years?|months?|days?|weeks?|decades?|hours?|minutes?))"
    r"|\b(?P<a>(?:a|one)\s{1,2}(?P<u1>year|month|day|week|decade|hour)\s{1,2}and\s{1,2}(?:a\s{1,2})?half"
    r"|(?:half\s{1,2}an?|half-an?)\s{1,2}(?P<u2>year|month|day|hour|decade|century))\b",
    re.IGNORECASE,
)
P_BARE_UNITS = _c(
    r"\b(?P<pre>for|over|took|take|takes|taking|within|in\s{1,2}recent|recent|for\s{1,2}many)"
    r"\s{1,2}(?P<unit>hours|days|weeks|months|years|decades)(?P<post>\s{1,2}(?:before|after|later))?\b",
    re.IGNORECASE,
)
P_UNITS_BEFORE = _c(
    r"(?<![\w-])(?P<unit>[Hh]ours|[Dd]ays|[Ww]eeks|[Mm]onths|[Yy]ears|[Dd]ecades)(?=\s{1,2}(?:before|after|later)\b)"
)
P_SET = _c(
    rf"\b(?:(?P<q>every|each)\s{{1,2}}(?:(?P<other>other|second)\s{{1,2}})?(?:(?P<num>{NUM})\s{{1,2}})?"
    rf"(?:(?P<wkend>weekend)|(?P<unit>{UNIT}|quarter|season)s?|(?P<wd>{_alt(_FULL_WEEKDAYS)})|(?P<part>{PARTDAY})"
    rf"|(?P<mon>{_alt(_FULL_MONTHS)}))"
    r"|(?P<times>once|twice|three\stimes|four\stimes|(?:\d{1,3}|several|many)\stimes)\s{1,2}"
    r"(?:a|an|per|each|every)\s{1,2}(?P<unit2>day|week|month|year|decade|hour|minute)"
    rf"|(?P<adv>{_alt(list(SETS_ADVERBS))}))(?![\w-])",
    re.IGNORECASE,
)
P_SET_WEEKDAYS = _c(rf"\b[Oo]n\s{{1,2}}(?P<wd>{_WD_RE})s\b")
P_DECADE = _c(
    r"(?<![\w$£€#.,-])(?:(?P<the>[Tt]he)\s{1,2})?(?:(?P<mod>early|mid-?|late)\s{0,2})?"
    r"(?:(?P<d4>1[0-9]{2}0|20[0-9]0)['’]?s|['’](?P<d2>[0-9]0)['’]?s)\b"
)
P_CENTURY = _c(
    r"\b(?:(?P<the>[Tt]he)\s{1,2})?(?:(?P<mod>early|mid-?|late)\s{0,2})?"
    r"(?:(?P<n>1\d|2[0-2]|[1-9])(?:st|nd|rd|th)|(?P<w>nineteenth|twentieth|twenty-first|"
    r"twenty\sfirst|eighteenth|seventeenth|sixteenth))[\s-]{1,2}[Cc]entury\b",
)
P_QUARTER = _c(
    rf"(?<![\w-])(?:(?P<qq>[Qq][1-4])(?:\s{{0,2}}|-)(?P<y1>{YEAR4})?|(?P<y2>{YEAR4})(?:\s{{0,2}}|-)[Qq](?P<q2>[1-4])"
    rf"|(?:[Tt]he\s{{1,2}})?(?:(?P<y0>{YEAR4})\s{{1,2}}|(?P<ago>year[-\s](?:ago|earlier))\s{{1,2}})?"
    rf"(?P<ord>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]inal|1st|2nd|3rd|4th)[\s-]{{1,2}}[Qq]uarter"
    rf"(?:\s{{1,2}}(?:of\s{{1,2}})?(?:(?:fiscal\s{{1,2}})?(?P<y3>{YEAR4})|(?P<rel>last|this|next)\s{{1,2}}year"
    r"|(?P<the>the)\s{1,2}year))?)(?![\w])",
)
P_HALF = _c(
    rf"(?<![\w-])(?:(?:[Tt]he\s{{1,2}})?(?P<ord>first|second|latter)[\s-]{{1,2}}half\s{{1,2}}of\s{{1,2}}"
    rf"(?:(?P<y1>{YEAR4})|(?P<rel>last|this|next)\s{{1,2}}year|(?P<the>the)\s{{1,2}}year)"
    rf"|(?P<hh>H[12])\s{{0,2}}(?P<y2>{YEAR4})|(?P<y3>{YEAR4})(?:\s{{0,2}}|-)(?P<hh2>H[12]))(?![\w])",
)
P_FIRST_MONTHS = _c(
    rf"(?<![\w-])(?:[Tt]he\s{{1,2}})?(?P<pos>first|last|final)\s{{1,2}}(?P<num>{NUM})\s{{1,2}}"
    rf"(?P<u>months|weeks|days)\s{{1,2}}of\s{{1,2}}(?:(?P<y1>{YEAR4})|(?P<rel>last|this|next)\s{{1,2}}year|"
    r"(?P<the>the)\s{1,2}year)(?![\w])",
)
# "the third month of 2021", "the 9th month of next year"
P_NTH_MONTH = _c(
    rf"(?<![\w-])(?:[Tt]he\s{{1,2}})?(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|"
    rf"ninth|tenth|eleventh|twelfth|1st|2nd|3rd|[4-9]th|1[0-2]th)\s{{1,2}}month\s{{1,2}}of\s{{1,2}}"
    rf"(?:(?P<y1>{YEAR4})|(?P<rel>last|this|next)\s{{1,2}}year|(?P<the>the)\s{{1,2}}year)(?![\w])",
    re.IGNORECASE,
)
P_SEASON_YEAR = _c(
    rf"(?<![\w-])(?:(?P<mod>early|late|mid-?)\s{{0,2}})?(?:[Tt]he\s{{1,2}})?"
    rf"(?P<s>[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter)(?:\s{{1,2}}of)?,?\s{{1,2}}(?P<y>{YEAR4})"
)
P_FISCAL = _c(
    rf"\b(?:[Ff]iscal|[Ff]inancial)(?:\s{{1,2}}[Yy]ear)?\s{{1,2}}(?P<y>{YEAR4})|\bFY\s?(?P<y2>{YEAR4}|\d{{2}})\b"
)
# a year spelled out, as broadcast transcripts write it: "nineteen ninety-six",
# "January nineteen ninety-seven", "the year two thousand"
_TEEN_WORDS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
               "seventeen", "eighteen", "nineteen"]
_YEAR_TAIL = (rf"(?:(?:{'|'.join(_TENS)})(?:[-\s](?:{'|'.join(_UNITS_WORDS)}))?|"
              rf"{'|'.join(_TEEN_WORDS)}|(?:oh|o)[-\s](?:{'|'.join(_UNITS_WORDS)}))")
P_SPELLED_YEAR = _c(
    rf"(?<![\w-])(?:(?P<mon>{_MON_FULL_RE})\s{{1,2}}|(?P<theyear>[Tt]he\s{{1,2}}year\s{{1,2}}))?"
    rf"(?P<y>(?:[Nn]ineteen|[Tt]wenty)[-\s]{_YEAR_TAIL}|[Tt]wo\s{{1,2}}thousand"
    rf"(?:\s{{1,2}}(?:and\s{{1,2}})?(?:{'|'.join(_UNITS_WORDS + _TEEN_WORDS)}|{_YEAR_TAIL}))?)"
    r"(?![\w-])",
)
# "the year ended Sept. 30", "the fiscal year ending June 30": a reporting year, which
# TimeML reads as the one-year duration that ends on the date given after it (a quarter
# so named stays the quarter: "the quarter ended Sept. 30" is 2023-Q3)
P_YEAR_ENDED = _c(
    r"(?<![\w-])(?P<y>(?:[Tt]he|[Ii]ts|[Tt]heir)\s{1,2}(?:fiscal\s{1,2}|financial\s{1,2})?"
    r"(?P<u>year))(?=\s{1,2}(?:that\s{1,2})?"
    r"end(?:ed|ing|s)\s{1,2}(?:on\s{1,2})?(?:\d|[A-Z]|tomorrow|today|next|last|this))"
)
# "over the summer", "into the winter", "of the early spring": the season nearest
# before the anchor (after it when the clause is future)
P_SEASON_THE = _c(
    r"\b(?:[Ii]n|[Ii]nto|[Oo]ver|[Dd]uring|[Tt]hrough|[Tt]hroughout|[Oo]f|[Ss]ince|[Uu]ntil|[Bb]y)"
    r"\s{1,2}(?P<x>the\s{1,2}(?:(?:early|late)\s{1,2})?(?P<s>spring|summer|fall|autumn|winter))"
    r"(?![\w'’-])(?!\s{1,2}(?:of\s{1,2})?(?:\d|nineteen|twenty|two\sthousand))"
)
# "that year", "the following year", "the same month": a year or month given by the
# date the text last named
P_ANAPHOR = _c(
    r"(?<![\w'’-])(?P<x>[Tt]hat\s{1,2}(?P<u1>year|month)|[Tt]he\s{1,2}(?P<rel>same|following|"
    r"previous|preceding|prior)\s{1,2}(?P<u2>year|month)|[Tt]he\s{1,2}(?P<u3>year|month)"
    r"\s{1,2}(?P<bef>before|after))(?![\w'’-])"
)
# "June last year", "January this year", "March of next year": a month of a year named
# relative to the anchor
P_MONTH_REL_YEAR = _c(
    rf"(?<![\w-])(?P<mon>{_MON_FULL_RE}|(?:{_MON_ABBR_RE})\.?),?\s{{1,2}}(?:of\s{{1,2}})?"
    r"(?P<rel>[Ll]ast|[Tt]his|[Nn]ext)\s{1,2}year(?![\w'’-])"
)
# "several years ago", "years ago", "a few months ago": a vague time in the past,
# TimeML's PAST_REF (a count of units would give a date: "two years ago")
P_VAGUE_AGO = _c(
    rf"(?<![\w'’-])(?:{VAGUE}\s{{1,2}})?(?P<u>[Yy]ears|[Mm]onths|[Ww]eeks|[Dd]ays|[Dd]ecades|"
    r"[Cc]enturies)\s{1,2}ago(?![\w'’-])",
    re.IGNORECASE,
)
P_HOLIDAY = _c(
    r"\b(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Pp]revious|[Ff]ollowing)\s{1,2})?"
    r"(?P<h>(?i:christmas\s{1,2}(?:day|eve)|new\s{1,2}year['’]s\s{1,2}(?:day|eve)|"
    r"valentine['’]s\s{1,2}day|boxing\s{1,2}day|easter\s{1,2}(?:sunday|monday)|"
    r"good\s{1,2}friday|juneteenth|international\s{1,2}workers['’]\s{1,2}day|earth\s{1,2}day|"
    r"(?:st\.?|saint)\s{1,2}patrick(?:['’]s\s{1,2}day)?)|Halloween|Christmas|Easter|"
    r"halloween|christmas|easter)(?![\w'’-])"
    rf"(?:,?\s{{1,2}}(?P<y>{YEAR4}))?"
)
# days that move with Easter: offset in days from Easter Sunday
_EASTER_DAYS = {"easter": 0, "easter sunday": 0, "easter monday": 1, "good friday": -2}


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
_TZ = (r"(?:GMT|UTC|BST|CET|CEST|EET|EEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|JST|KST|"
       r"IST|AEST|AEDT|HKT|SGT|WIB|ICT|local\stime)")
P_TIME = _c(
    r"(?<![\w:.,$£€/-])(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d)(?::(?P<sec>[0-5]\d))?)?\s{0,2}"
    r"(?P<ap>[ap]\.m\.|[AP]\.M\.|[ap]m|[AP]M|[ap]\.m|[AP]\.M)(?![\w])"
    r"|(?P<h24>[01]?\d|2[0-3])[:.](?P<mi24>[0-5]\d)(?![\d:])(?!\.\d)(?P<hrs>\s{1,2}(?:hours|hrs|h)\b)?"
    r"|(?:12\s)?(?P<word>[Nn]oon|[Mm]idday|[Mm]idnight))"
    rf"(?:\s{{1,2}}(?P<tz>{_TZ})(?![\w]))?"
)

# "Dec-2018", "Dec/2018", "05-Aug-2016", "Oct/2": month names joined by "-" or "/"
P_MON_JOINED = _c(
    rf"(?<![\w/.-])(?:(?P<d1>3[01]|[12]\d|0?[1-9])(?P<s1>[-/]))?(?P<mon>{_MON_FULL_RE}|"
    rf"{_MON_ABBR_RE})(?P<s2>[-/])(?P<x>{YEAR4}|3[01]|[12]\d|0?[1-9])(?![\w/-]|[.,:]\d)"
)
# "2019-aug-01", "2020/Sep/23", "Sep-23-2020": a year and a month name joined by - or /
P_MON_JOINED_YEAR = _c(
    rf"(?<![\w/.-])(?:(?P<y>{YEAR4})(?P<s1>[-/])(?P<mon>{_MON_FULL_RE}|{_MON_ABBR_RE})(?P<s2>[-/])"
    rf"(?P<d>3[01]|[12]\d|0?[1-9])|(?P<mon2>{_MON_FULL_RE}|{_MON_ABBR_RE})(?P<s3>[-/])"
    rf"(?P<d2>3[01]|[12]\d|0?[1-9])(?P<s4>[-/])(?P<y2>{YEAR4}))(?![\w/-]|[.,:]\d)",
    re.IGNORECASE,
)
_AMPM = r"(?:[ap]\.m\.|[AP]\.M\.|[ap]m|[AP]M)"
# "4pm-5pm", "5 to 6pm", "between 4pm and 5pm", "from 10:30 to 11:45": one interval
P_TIME_RANGE = _c(
    r"(?<![\w:.,$£€/-])(?:(?P<pre>[Bb]etween|[Ff]rom)\s{1,2})?"
    r"(?P<h1>2[0-3]|[01]?\d)(?::(?P<m1>[0-5]\d))?(?:\s?(?P<ap1>" + _AMPM + r"))?"
    r"\s{0,2}(?P<sep>-|–|to|until|till|and)\s{0,2}"
    r"(?P<h2>2[0-3]|[01]?\d)(?::(?P<m2>[0-5]\d))?(?:\s?(?P<ap2>" + _AMPM + r"))?"
    r"(?![\w:]|[.,]\d)"
)
_ORD_DAY_WORDS = {w: n for w, n in ORDINALS.items() if w not in ("final", "last")}
_ORD_DAY_WORDS.update({f"twenty {w}": 20 + n for w, n in ORDINALS.items() if 1 <= n <= 9
                       and w not in ("final", "last")})
_ORD_DAY_WORDS.update({"thirtieth": 30, "thirty first": 31, "thirty-first": 31})
_ORD_DAY_WORDS.update({f"twenty-{w}": 20 + n for w, n in ORDINALS.items() if 1 <= n <= 9
                       and w not in ("final", "last")})
# "Friday the 13th", "Mon 13th", "Monday 21,", "tuesday the eleventh": a weekday and a day
# of the month, without the month
P_WD_DAY = _c(
    rf"(?<![\w-])(?P<wd>{_WD_RE}|(?:{_WD_ABBR_RE})\.?)\s{{1,2}}(?P<the>the\s{{1,2}})?"
    rf"(?:(?P<d>3[01]|[12]\d|0?[1-9])(?P<suf>st|nd|rd|th)?|(?P<dw>{_alt(list(_ORD_DAY_WORDS))}))"
    r"(?![\w%/:-])(?![.,]\d)"
)
# "the 3rd week of Jan", "the last week of July 2016", "first week of 2019"
P_WEEK_OF = _c(
    rf"(?<![\w-])(?:[Tt]he\s{{1,2}})?(?P<ord>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)"
    rf"\s{{1,2}}week\s{{1,2}}of\s{{1,2}}(?:(?P<mon>{_MON_FULL_RE}|{_MON_ABBR_RE})\.?(?:,?\s{{1,2}}"
    rf"(?P<y>{YEAR4}))?|(?P<y2>{YEAR4})|(?P<relm>this|last|next)\s{{1,2}}month)(?![\w])",
    re.IGNORECASE,
)
# "the second of August", "May twenty-ninth": days written as ordinal words
P_DATE_WORDS = _c(
    rf"(?<![\w-])(?:(?:[Tt]he\s{{1,2}})?(?P<dw>{_alt(list(_ORD_DAY_WORDS))})\s{{1,2}}of\s{{1,2}}"
    rf"(?P<mon>{MON})|(?P<mon2>{MON})\s{{1,2}}(?:the\s{{1,2}})?(?P<dw2>{_alt(list(_ORD_DAY_WORDS))}))"
    rf"(?:(?:,?\s{{1,2}}|\s{{1,2}}of\s{{1,2}})(?P<y>{YEAR4}))?(?![\w-])"
)
# "the 15th day of June", "the twenty-third day of next month"
P_NTH_DAY_OF = _c(
    rf"(?<![\w-])(?:[Tt]he\s{{1,2}})?(?:(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)|"
    rf"(?P<dw>{_alt(list(_ORD_DAY_WORDS))}))\s{{1,2}}day\s{{1,2}}of\s{{1,2}}(?:(?P<mon>{MON})"
    rf"(?:,?\s{{1,2}}(?P<y>{YEAR4}))?|(?P<rel>this|next|last|the)\s{{1,2}}month)(?![\w-])",
    re.IGNORECASE,
)
# "on the 18th": a day of the month alone, after a preposition and before the clause ends
P_NTH = _c(
    r"\b(?:[Oo]n|[Bb]y|[Uu]ntil|[Tt]ill|[Ss]ince|[Bb]efore|[Aa]fter|week\sof)\s(?P<the>the\s{1,2})"
    r"(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)(?=\s{0,2}(?:[,.;:!?)]|$))"
)
# "on 11/20": month/day without a year, after a preposition (US order)
P_MD_SLASH = _c(
    r"\b(?:[Oo]n|[Bb]y|[Uu]ntil|[Tt]ill|[Ss]ince|[Bb]efore|[Aa]fter|[Ff]rom|to)\s(?P<mo>[0-3]?\d)/"
    r"(?P<d>[0-3]?\d)(?![\w/]|[.,]\d)"
)
# "the end of the year", "end of day": the end of the current unit
P_END_OF = _c(
    r"(?<![\w-])(?P<the>[Tt]he\s{1,2})?(?:[Ee]nd|EOD|EOY)(?:\s{1,2}of\s{1,2}(?:the\s{1,2})?"
    r"(?P<u>day|week|month|year))?(?![\w-])"
)
# "Friday 5/12", "thursday 29/03", "Fri 7.6": a weekday and a numeric month and day
P_WD_MD = _c(
    rf"(?<![\w-])(?P<wd>{_WD_RE}|(?:{_WD_ABBR_RE})\.?),?\s{{1,2}}(?P<a>[0-3]?\d)(?P<sep>[/.])"
    r"(?P<b>[0-3]?\d)(?![\w/]|[.,:]\d)"
)
# "18 and 19 June": a day coordinated with a full date takes its month (and year)
P_DAY_AND = _c(
    rf"(?<![\w$£€#/.,-])(?P<d1>{DAY})\s{{1,2}}(?:and|or|&)\s{{1,2}}(?:the\s{{1,2}})?(?P<d2>{DAY})"
    rf"(?:\s{{1,2}}of)?\s{{1,2}}(?P<mon>{MON})(?:,?\s{{1,2}}(?P<y>{YEAR4}))?"
)
_HOUR_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
               "eleven", "twelve"]
_MINUTE_WORDS = {"five": 5, "ten": 10, "twenty": 20, "twenty-five": 25, "twenty five": 25,
                 "half": 30, "quarter": 15, "a quarter": 15, "fifteen": 15, "one": 1,
                 "two": 2, "three": 3, "four": 4, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "sixteen": 16,
                 "seventeen": 17, "eighteen": 18, "nineteen": 19}
_MINUTE_WORDS.update({f"twenty {w}": 20 + n for w, n in list(_MINUTE_WORDS.items())
                      if w in ("one", "two", "three", "four", "six", "seven", "eight", "nine")})
# "seven o'clock", "half past seven", "20 min past eight in the evening", "quarter to ten"
P_CLOCK = _c(
    r"(?<![\w-])(?:(?P<rel>half|(?:a\s)?quarter|twenty[\s-](?:one|two|three|four|five|six|seven|"
    r"eight|nine)|twenty|ten|five|fifteen|eleven|twelve|thirteen|fourteen|sixteen|seventeen|"
    r"eighteen|nineteen|[1-5]?\d)"
    r"(?P<mins>\s(?:min|mins|minutes?))?\s(?P<dir>past|to)\s)?"
    rf"(?P<hr>1[0-2]|0?[1-9]|{'|'.join(_HOUR_WORDS)})(?P<oc>\s?o['’]?\s?clock|\s(?P<wap>[ap]\.m\.|[ap]m)(?!\w))?"
    r"(?P<pod>\s(?:in\sthe\s(?:morning|afternoon|evening)|at\snight))?(?![\w'’-])",
    re.IGNORECASE,
)

# ===================================================================== candidates


@dataclass
class _Cand:
    start: int
    end: int
    kind: Kind
    value: DateValue | str
    priority: int = 0
    # calendar parts for merges: (year or None, month or None, day or None)
    parts: tuple[int | None, int | None, int | None] | None = field(default=None)
    # the TimeML SIGNAL folded into the value ("after" in "after 2018"), outside the span
    signal: tuple[int, int] | None = None


@dataclass
class _Ctx:
    text: str
    anchor: _dt.date | None


# ===================================================================== value makers


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


# ====================================================================== resolution


def _resolve_md_year(m: int, d: int | None, anchor: _dt.date, direction: Direction) -> int:
    """Year of month(/day) nearest the anchor in the given direction (inclusive)."""
    y = anchor.year
    if direction == "past":
        for yy in range(y, y - 9, -1):
            if d is None:
                if (yy, m) <= (anchor.year, anchor.month):
                    return yy
            else:
                dd = _safe_date(yy, m, d)
                if dd is not None and dd <= anchor:
                    return yy
        return y - 1
    for yy in range(y, y + 9):
        if d is None:
            if (yy, m) >= (anchor.year, anchor.month):
                return yy
        else:
            dd = _safe_date(yy, m, d)
            if dd is not None and dd >= anchor:
                return yy
    return y


def _weekday_date(wd: int, anchor: _dt.date, direction: Direction) -> _dt.date:
    if direction == "past":
        return anchor - _dt.timedelta(days=(anchor.weekday() - wd) % 7)
    return anchor + _dt.timedelta(days=(wd - anchor.weekday()) % 7)


def _weekday_fixed_year(wd: int, m: int, d: int, anchor: _dt.date,
                        direction: Direction) -> int | None:
    """The year in which month/day falls on weekday ``wd``: a near-future one (within a
    month, or a year when the clause is future) before the most recent past one within
    seven years."""
    horizon = 366 if direction == "future" else 31
    for yy in (anchor.year, anchor.year + 1):
        dd = _safe_date(yy, m, d)
        if dd is not None and dd > anchor and (dd - anchor).days <= horizon \
                and dd.weekday() == wd:
            return yy
    for yy in range(anchor.year, anchor.year - 8, -1):
        dd = _safe_date(yy, m, d)
        if dd is not None and dd <= anchor and dd.weekday() == wd:
            return yy
    return None


def _shift_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _direction(ctx: _Ctx, start: int) -> Direction:
    """Future when the clause before ``start`` marks the future (after the last
    reporting verb), else past (news narrates the past)."""
    return "future" if _tense(ctx, start, need_past=False) == "future" else "past"


# a clause told in the past: "was", "had", "-ed" verbs, "ago"; "had been due to" is past
_IRREGULAR_PAST = (
    "arose|became|began|bit|bled|broke|brought|built|bought|came|caught|chose|cut|drew|drove|"
    "fell|fed|felt|fought|found|fled|flew|forgot|froze|gave|got|grew|hid|held|hit|hung|heard|"
    "kept|knew|laid|led|left|lent|lost|made|meant|met|overthrew|paid|put|quit|ran|rang|rode|"
    "rose|sank|sat|saw|sent|set|shook|shot|slept|slid|sold|spent|split|spoke|spread|stole|"
    "stood|struck|stuck|swept|swore|swung|taught|thought|threw|took|tore|understood|went|"
    "withdrew|woke|won|wore|wrote")
_PAST_WORDS = frozenset(["was", "were", "had", "did", "ago", "earlier", "previously", "since",
                         "already", *_IRREGULAR_PAST.split("|")])
_HAD_BEEN_RE = re.compile(r"\b(?:had|previously|originally)\b", re.IGNORECASE)


_WOULD_RE = re.compile(r"\b(?:would|to\s+be|(?:is|are)\s+to|set\s+to|plans?\s+to|expects?\s+to|intends?\s+to|payable|"
                       r"effective|record|deadline)\b", re.IGNORECASE)
_TARGET_PREP_RE = re.compile(r"\b(?:to|until|till|through|by)\s*$", re.IGNORECASE)
_ONLY_PREP_RE = re.compile(r"^[\s,]*(?:[A-Za-z.'’]+\s+){0,3}?(?:in|on|since|during)?\s*$")


def _tense(ctx: _Ctx, start: int, need_past: bool = True) -> Literal["past", "future", "none"]:
    """The tense of the clause before ``start`` (after its last reporting verb): future
    on a future marker ("will", "would", "payable") unless "had"/"previously" comes before
    it ("had been due to expire"); past on a past-tense verb, or right after a reporting
    verb ("told reporters in May"); none otherwise, and for a deadline after a past verb
    ("was extended to Nov. 16").  ``need_past`` False: the caller only asks whether it is
    future, so the clause before is not searched for a past verb."""
    text = ctx.text
    window = _clause_before(text, start)
    fm = None
    for fm in _FUTURE_RE.finditer(window):
        pass
    for wm in _WOULD_RE.finditer(window):
        if fm is None or wm.start() > fm.start():
            fm = wm
    if fm is not None:
        if _HAD_BEEN_RE.search(window, 0, fm.start()):
            return "none"  # "had been due to expire Nov. 6": a plan of the past, date either
        if re.match(r"(?i)(?:was|were)\b", fm.group()) or \
                re.search(r"(?i)\b(?:was|were)\s{1,2}\Z", window[:fm.start()]) or \
                _WAS_TO_RE.search(window):
            return "none"  # "was going to be raided on June 5": future once, maybe past now
        return "future"
    if need_past and _past_verb(window):
        return "none" if _TARGET_PREP_RE.search(window) else "past"
    lo = max(0, start - 90)
    if len(window) < start - lo and _ONLY_PREP_RE.match(window) and \
            _REPORTING_RE.search(text, lo, start):
        return "past"
    if not window.strip(" ,(") or re.fullmatch(r"[\s,(]*[A-Za-z]+\s*", window):
        # "In January, the company hired ...": the verb comes after the date
        after = re.split(r"[;!?\n]|\.\s", text[start:start + 90], maxsplit=1)[0]
        marks = [(mm.start(), "future") for rx in (_FUTURE_RE, _WOULD_RE)
                 for mm in [rx.search(after)] if mm]
        pm = _past_verb(after)
        if pm is not None:
            marks.append((pm.start(), "past"))
        if marks:
            return "future" if min(marks)[1] == "future" else "past"
    return "none"


_WAS_TO_RE = re.compile(r"(?i)\b(?:was|were)\s{1,2}(?:going|due|set|scheduled|expected|"
                        r"supposed|planned|about)\s{1,2}to\b")
_PRESENT_AUX_RE = re.compile(r"(?i)\b(?:has|have|to|will|would|may|might|can|could|does|do)"
                             r"\s{1,2}\Z")


def _past_verb(window: str) -> re.Match[str] | None:
    """The first past-tense word of ``window`` that is not a perfect or infinitive
    ("has set", "to cut" are not told in the past).  Word by word with a set lookup: one
    regex alternation of every irregular verb was the slowest step of a weekday."""
    for pm in _WORD_RE.finditer(window):
        w = pm.group().lower()
        if w in _PAST_WORDS or (len(w) >= 5 and w.endswith("ed")):
            if w in _AMBIGUOUS_PAST and _PRESENT_AUX_RE.search(window, 0, pm.start()):
                continue
            return pm
    return None


_WORD_RE = re.compile(r"[A-Za-z]+")
_AMBIGUOUS_PAST = frozenset(["set", "put", "cut", "hit", "quit", "split", "spread", "bit",
                             "read", "let", "beat"])


def _md_year(ctx: _Ctx, start: int, m: int, d: int | None) -> int:
    """Year of a month(/day) written without one.  Future when the clause says so, the
    most recent past one when it is told in the past, else the occurrence nearest the
    anchor ("payable Dec. 1" in late October is this December, "in September" in February
    was last September)."""
    anchor = ctx.anchor
    assert anchor is not None
    tense = _tense(ctx, start)
    fy = _resolve_md_year(m, d, anchor, "future")
    if tense == "future":
        return fy
    py = _resolve_md_year(m, d, anchor, "past")
    if py == fy or tense == "past":
        return py

    def when(y: int) -> _dt.date:
        return _safe_date(y, m, d or 15) or _dt.date(y, m, 28)

    return fy if (when(fy) - anchor).days < (anchor - when(py)).days else py


_CLAUSE_END_RE = re.compile(r"[.!?;](?=\s|\Z)|\n")
_ABBREV_BEFORE = re.compile(r"(?:\b(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|"
                            r"Gen|Sen|Rep|Gov|Inc|Corp|Co|Ltd|No|U\.S|[A-Z]))\Z")


def _clause_before(text: str, start: int) -> str:
    """The clause before ``start``, after its last reporting verb (at most 90 characters)."""
    lo = max(0, start - 90)
    window = text[lo:start]
    # a sentence or clause ends at ".", "!", "?", ";" before a space, or a line break
    # ("9.5 million" and "Oct." inside the clause do not end it)
    cut = -1
    for bm in _CLAUSE_END_RE.finditer(window):
        k = bm.start()
        if window[k] != "." or not _ABBREV_BEFORE.search(window, 0, k):
            cut = k
    if cut >= 0:
        window = window[cut + 1:]
    last_rep = None
    for m in _REPORTING_RE.finditer(window):
        last_rep = m
    if last_rep is not None:
        window = window[last_rep.end():]
    return window


def _number(s: str) -> float | None:
    s = " ".join(s.lower().replace("-", " ").split())
    if not s:
        return None
    try:
        return float(s)
    except ValueError:
        pass
    if s in NUMBER_WORDS:
        return float(NUMBER_WORDS[s])
    parts = s.split(" ")
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        a, b = NUMBER_WORDS[parts[0]], NUMBER_WORDS[parts[1]]
        if a >= 20 and b < 10:
            return float(a + b)
        if parts[1] in ("hundred", "dozen"):
            return float(a * b)
    return None


def _fmt_num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def _duration_value(n: float | None, unit: str) -> str | None:
    u = unit.lower().rstrip("s")
    if u == "centurie":
        u = "century"
    if u not in UNITS:
        return None
    letter, mult, is_time = UNITS[u]
    pre = "PT" if is_time else "P"
    if n is None:
        return f"{pre}X{'DE' if u == 'decade' else 'CE' if u == 'century' else letter}"
    return f"{pre}{_fmt_num(n * mult)}{letter}"


# ================================================================= context helpers

_WORD_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z'’-]*)[\s,]*$")
_WORD_AFTER_RE = re.compile(r"^\s{0,3}([A-Za-z][A-Za-z'’-]*)")


def _prev_word(text: str, start: int) -> str:
    m = _WORD_BEFORE_RE.search(text[max(0, start - 40):start])
    return m.group(1) if m else ""


def _prev_word_nocomma(text: str, start: int) -> str:
    seg = text[max(0, start - 40):start]
    m = re.search(r"([A-Za-z][A-Za-z'’-]*)\s*$", seg)
    return m.group(1) if m else ""


def _next_word(text: str, end: int) -> str:
    m = _WORD_AFTER_RE.match(text[end:end + 40])
    return m.group(1) if m else ""


def _is_plural_noun(word: str) -> bool:
    w = word.lower()
    if w in _IRREGULAR_PLURALS:
        return True
    return (len(w) >= 3 and w.endswith("s") and not w.endswith(("ss", "us", "is"))
            and w not in _NOT_PLURAL
            and word[0].islower() and "'" not in w and "’" not in w)


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘(":
        i -= 1
    return i < 0 or text[i] in ".!?\n:"


_NUMERIC_BEFORE_RE = re.compile(
    r"(?:\d|%|\b(?:billion|million|thousand|trillion|hundred|percent|per\scent|bn|mn|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|dozen|dozens|hundreds|thousands|"
    r"millions)\b)[^.;:!?,()\d-]{0,40}$",
    re.IGNORECASE,
)


def _is_rate(text: str, start: int) -> bool:
    """True when "a year"/"a day" at ``start`` follows a quantity ("$5 billion a year",
    "400 visitors a day")."""
    seg = text[max(0, start - 45):start]
    m = _NUMERIC_BEFORE_RE.search(seg)
    if m is None:
        return False
    # the quantity must be close: at most four words between it and "a"
    return len(seg[m.end() - len(seg):].split()) <= 4 if m.end() < len(seg) else True


# ========================================================================= handlers

Handler = Callable[[re.Match[str], _Ctx], "_Cand | list[_Cand] | None"]


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


def _h_date(m: re.Match[str], ctx: _Ctx) -> _Cand | list[_Cand] | None:
    text, anchor = ctx.text, ctx.anchor
    mon = _month_num(m.group("amon") or m.group("amon2") or m.group("amon3"))
    day = _day_num(m.group("aday") or m.group("aday2"))
    ys = m.group("ayear") or m.group("ayear2") or m.group("ayear3")
    year = int(ys) if ys else None
    if mon is None:
        return None
    start, end = m.start(), m.end()
    wd_s = m.group("wd")
    mon_text = m.group("amon") or m.group("amon2") or m.group("amon3") or ""
    # "May" needs a day and a year, or a clear date context
    if mon_text in ("May", "MAY") and year is None and wd_s is None:
        pw = _prev_word_nocomma(text, start).lower()
        # a day closed by punctuation is a date too: a dateline's "May 2 (Agency) -"
        closed = day is not None and re.match(r"\s*(?:[(,.;:)\]]|[-–—]\s|$)", text[end:end + 3])
        if pw not in MONTH_TRIGGERS and pw not in ("on", "the", "of") \
                and not m.group("aday2") and not closed:
            return None
    if day is not None and year is None and m.group("aday") and wd_s is None:
        # "In May 12 Peruvian workers ...": a count, not a day
        pw = _prev_word_nocomma(text, start).lower()
        nw = _next_word(text, end)
        if pw in ("in", "during", "since", "by", "until") and nw and (
                _is_plural_noun(nw) or (nw[0].isupper() and text[end:end + 1] == " ")):
            mstart = m.start("amon")
            mend = m.end("amon")
            return _month_alone(ctx, mstart, mend, mon, None, None)
    if year is None and day is None:
        return None
    if day is not None and day > 31:
        return None
    if year is not None:
        if day is None:
            return _Cand(start, end, "date", _v_month(year, mon, False), 3, (year, mon, None))
        dd = _safe_date(year, mon, day)
        if dd is None:
            return None
        warnings: tuple[str, ...] = ()
        if wd_s:
            wd = WEEKDAYS[wd_s.rstrip(".").lower()]
            if dd.weekday() != wd:
                warnings = (_contradiction(wd, dd),)
        return _Cand(start, end, "date", _v_day(dd, False, warnings), 4, (year, mon, day))
    assert day is not None
    if _safe_date(2000, mon, day) is None:  # 2000 is a leap year
        return None
    if anchor is None:
        return _Cand(start, end, "date", _v_unknown(f"XXXX-{mon:02d}-{day:02d}", "day"), 3,
                     (None, mon, day))
    direction = _direction(ctx, start)
    if wd_s:
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
    text = ctx.text
    mon_s = m.group("mon")
    mon = MONTHS[mon_s.lower()]
    mod, rel = m.group("mod"), m.group("rel")
    start, end = m.start(), m.end()
    if not mod and not rel:
        pw = _prev_word_nocomma(text, start)
        pwl = pw.lower()
        ok = pwl in MONTH_TRIGGERS
        if pwl in ("and", "or", "to"):
            # "in March and April": the word before the conjunction is a month
            seg = text[max(0, start - 40):start]
            mm = re.search(r"([A-Za-z]+)\.?,?\s+(?:and|or|to|through)\s+$", seg)
            ok = bool(mm and mm.group(1).lower() in MONTHS)
        if not ok:
            return None
        if pwl in ("this", "that") and mon_s in ("May", "MAY"):
            return None
        nw = _next_word(text, end)
        if nw and nw[0].isupper() and text[end:end + 1] == " " and \
                nw.lower() not in MONTHS and nw.lower() not in WEEKDAYS:
            return None  # "by April Ryan", "in August Wilson's play"
        if nw.lower() in ("day", "days", "morning", "night", "evening", "afternoon"):
            return None  # "that January day": a day of unknown date
        if text[end:end + 1] in ("'", "’") and text[end:end + 2] not in ("'s", "’s"):
            return None
    elif mon_s in ("May", "MAY") and not mod and (rel or "").lower() == "this":
        return None
    return _month_alone(ctx, start, end, mon, rel, mod)


# plural nouns a year can qualify after "its"/"the": "its 1989 results"
_PERIOD_RESULTS = frozenset(["results", "earnings", "profits", "revenues", "figures",
                             "elections", "levels", "budgets", "accounts", "forecasts"])


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
    if nw and _is_plural_noun(nw) and text[end:end + 1] == " " and not (
            nw.lower() in _PERIOD_RESULTS and re.search(
                r"(?i)(?:\b(?:the|its|their|his|her|our)|['’]s)\s{1,2}\Z", text[max(0, ys - 12):ys])):
        return None  # "2017 computers": a count; "its 1989 results" is the year
    if after[:1] == "s":
        return None
    if mod:
        return _Cand(start, end, "date", _v_year(y, False), 2, (y, None, None))
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
    if not ok and (pw in ("the", "a", "an", "his", "her", "its", "their", "our", "my", "your")
                   or pw.endswith(("'s", "’s"))) and nw and nw[0].islower():
        ok = True  # "the 2016 election"
    if not ok and _sentence_start(text, ys) and nw.lower() in (
            "was", "were", "is", "has", "had", "saw", "will", "marked", "brought", "began",
            "ended", "proved", "became"):
        ok = True
    if not ok and text[ys - 1:ys] == "(" and text[end:end + 1] == ")":
        ok = True
    if not ok:
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


def _h_range(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    pre, sep = m.group("pre"), m.group("sep")
    if sep in ("and",) and not (pre and pre.lower() == "between"):
        return None
    if sep in ("to", "until", "till") and not pre:
        return None
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
    if ad is None and by is None and ay is None and not pre:
        return None  # "March-May" without a year or "between/from"
    anchored = False
    if by is None and ay is None:
        if ctx.anchor is None:
            a0 = _v_parts(None, am, ad, True)
            b0 = _v_parts(None, bm, bd, True)
            if a0 is None or b0 is None:
                return None
            return _Cand(m.start(), m.end(), "date",
                         DateValue(f"{a0.timex}/{b0.timex}", "interval", None, None, True), 5)
        by = _md_year(ctx, m.start(), bm, bd)
        anchored = True
    if by is None:
        assert ay is not None
        by = ay if (bm, bd or 0) >= (am, ad or 0) else ay + 1
    if ay is None:
        ay = by if (am, ad or 0) <= (bm, bd or 0) else by - 1
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
    if w.endswith("future") or w == "soon":
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
    if part:
        pod = PARTS_OF_DAY[part.lower()]
        return _Cand(start, end, "time",
                     DateValue(f"{dd.isoformat()}T{pod}", "time", dd, dd, True), 3)
    return _Cand(start, end, "date", _v_day(dd, True), 3, (dd.year, dd.month, dd.day))


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
        xt: dict[str, tuple[str, Granularity]] = {
              "day": ("XXXX-XX-XX", "day"), "week": ("XXXX-WXX", "week"),
              "fortnight": ("XXXX-WXX", "week"), "month": ("XXXX-XX", "month"),
              "year": ("XXXX", "year"), "decade": ("XXX", "decade"),
              "century": ("XX", "century")}
        if unit not in xt:
            return None
        t, g = xt[unit]
        return _Cand(start, end, "date",
                     DateValue(t, g, None, None, True, warnings), 3)
    try:
        if unit == "day":
            dd = anchor + _dt.timedelta(days=sign * k)
            v = DateValue(dd.isoformat(), "day", dd, dd, True, warnings)
        elif unit in ("week", "fortnight"):
            w = _v_week(anchor + _dt.timedelta(days=sign * 7 * k * (2 if unit == "fortnight"
                                                                     else 1)), True)
            v = DateValue(w.timex, "week", w.earliest, w.latest, True, warnings)
        elif unit == "month":
            y, mo = _shift_months(anchor.year, anchor.month, sign * k)
            v0 = _v_month(y, mo, True)
            v = DateValue(v0.timex, "month", v0.earliest, v0.latest, True, warnings)
        elif unit == "year":
            v = _v_year(anchor.year + sign * k, True, warnings)
        elif unit == "decade":
            y = anchor.year + sign * 10 * k
            v = DateValue(f"{y // 10:03d}", "decade", _dt.date(y // 10 * 10, 1, 1),
                          _dt.date(y // 10 * 10 + 9, 12, 31), True, warnings)
        else:
            return None
    except (OverflowError, ValueError):
        return None
    return _Cand(start, end, "date", v, 3)


_DETERMINERS = frozenset(["a", "an", "the", "its", "their", "his", "her", "our", "this", "that"])


def _h_duration(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    text = ctx.text
    unit = m.group("unit").lower()
    num_s = m.group("num")
    vague = m.group("vague")
    if m.group("biz") and unit != "day":
        return None
    if m.group("inv") and not (m.group("pl") and num_s and num_s[0].isdigit() or m.group("biz")
                               or m.group("pl") and num_s and num_s.lower() not in ("a", "an")):
        return None  # "5 upcoming years", "the 3 next weeks"; not "one last day"
    pl = m.group("pl")
    hy = m.group("hy")
    start, end = m.start(), m.end()
    seg_start = max(0, start - 40)
    pm = _DUR_PREFIX.search(text, seg_start, start)
    approx = pm.group("approx") if pm else None
    det = ((pm.group("det") if pm else None) or "").lower()
    if pm is not None and pm.start() < start:
        start = pm.start()
    if unit == "centurie" and not pl:
        return None
    n: float | None
    if vague:
        n = None
        if not pl:
            return None
    else:
        n = _number(num_s)
        if n is None or n <= 0:
            return None
        ns = num_s.lower()
        if ns in ("a", "an"):
            if pl:
                return None
            if unit == "second" and _next_word(text, end).lower() not in (
                    "", "ago", "later", "earlier", "or", "and", "to", "before", "after",
                    "for", "in", "of", "longer", "more", "too"):
                return None  # "a second wave": an ordinal, not one second
            if approx is None and _is_rate(text, m.start("num")):
                return None  # "$3.2 billion a year": a rate (the money module's)
            if det.strip() in ("a", "an", "the"):
                return None
        elif n != 1 and not pl and hy.strip() != "-" and not ns.isdigit():
            # "three year" without plural nor hyphen: only as a modifier written without
            # its hyphen, "a two day rally", "the five year plan"
            nw = _next_word(text, end)
            if not (_prev_word_nocomma(text, m.start()).lower() in _DETERMINERS
                    and nw.isalpha() and nw.islower()
                    and nw not in ("ago", "later", "earlier", "before", "after", "old")):
                return None
        if ns.isdigit() and len(ns) == 4 and not pl:
            return None
    # a rate: "... a day"; "per"-less handled above
    nxt = text[end:end + 12].lower()
    if nxt.startswith(("-old", " old")):
        return None
    if unit == "night":
        # "two nights" (a stay): days, counted only with a number ("a night out" is not)
        if num_s is None or num_s.lower() in ("a", "an") or approx or det.strip():
            return None
        unit = "day"
    dv = _duration_value(n, unit)
    if dv is None:
        return None
    # extent: "an 18-month inquiry" -> "18-month"
    if det.strip() in ("a", "an") and approx is None:
        start = m.start("num") if num_s else m.start("vague")
    if start > m.start() and not text[start:m.start()].strip():
        start = m.start()
    return _Cand(start, end, "duration", dv, 2)


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
    elif pre.startswith("in"):
        s = m.start("pre") + pre.index("recent")
    if pre == "over" and not m.group("post"):
        return None
    dv = _duration_value(None, m.group("unit"))
    return _Cand(s, e, "duration", dv, 1) if dv else None


def _h_units_before(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
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
    if not m.group("theyear") and pw not in YEAR_TRIGGERS:
        return None
    return _Cand(start, end, "date", _v_year(y, False), 2, (y, None, None))


def _h_year_ended(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """"the year ended Sept. 30": one year, a duration (its end is the date after it)."""
    start = m.start("y")
    first = m.group("y").split()[0].lower()
    if first != "the":  # "its fiscal year": the possessive stays outside, as TimeML has it
        start += len(first) + 1
    return _Cand(start, m.end("y"), "duration", "P1Y", 3)


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
    if ctx.anchor is None:
        return _Cand(m.start(), m.end(), "date", _v_unknown(f"XXXX-{mon:02d}", "month"), 3)
    y = ctx.anchor.year + off
    return _Cand(m.start(), m.end(), "date", _v_month(y, mon, True), 3, (y, mon, None))


def _h_vague_ago(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    return _Cand(m.start(), m.end(), "date", DateValue("PAST_REF", "day", None, None, True), 2)


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
        h = 1 if m.group("ord").lower() == "first" else 2
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
    y = int(m.group("y"))
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
    h1, h2 = int(m.group("h1")), int(m.group("h2"))
    mi1, mi2 = int(m1 or 0), int(m2 or 0)
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
    v = DateValue(f"T{a[0]:02d}:{a[1]:02d}/T{b[0]:02d}:{b[1]:02d}", "time", None, None, False)
    return _Cand(m.start(), m.end(), "time", v, 3)


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


def _h_end_of(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
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


# Each pattern runs only in windows around its keywords (lower-case substrings that
# every match contains; "#" stands for a digit run), which keeps the scan cheap: a
# match reaches at most ``before`` characters before its keyword and ``after`` after.
_MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
               "dec")
_UNIT_KEYS = ("second", "minute", "hour", "day", "week", "fortnight", "month", "year",
              "decade", "centur")
_DIGIT = "#"
_HANDLERS: list[tuple[re.Pattern[str], Handler, tuple[str, ...], int, int]] = [
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
    (P_END_OF, _h_end_of, ("end", "eod", "eoy"), 6, 24),
    (P_WD_DAY, _h_wd_day, ("mon", "tue", "wed", "thu", "fri", "sat", "sun"), 4, 36),
    (P_FIRST_MONTHS, _h_first_months, ("months", "weeks", "days"), 40, 40),
    (P_NTH_MONTH, _h_nth_month, ("month of",), 30, 30),
    (P_SPELLED_YEAR, _h_spelled_year, ("nineteen", "twenty", "thousand"), 30, 40),
    (P_YEAR_ENDED, _h_year_ended, ("ended", "ending", "ends"), 40, 4),
    (P_SEASON_THE, _h_season_the, ("spring", "summer", "fall", "autumn", "winter"), 30, 10),
    (P_MONTH_REL_YEAR, _h_month_rel_year, _MONTH_KEYS, 4, 24),
    (P_VAGUE_AGO, _h_vague_ago, ("ago",), 40, 4),
    (P_QUARTER, _h_quarter, ("quarter", "q1", "q2", "q3", "q4"), 30, 40),
    (P_HALF, _h_half, ("half", "h1", "h2"), 30, 40),
    (P_SEASON_YEAR, _h_season_year, ("spring", "summer", "fall", "autumn", "winter"), 20, 24),
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
                     "future"), 24, 12),
    (P_PART_MOD, _h_part_mod, ("morning", "afternoon", "evening", "night"), 20, 10),
    (P_WEEKDAY, _h_weekday, ("monday", "tuesday", "wednesday", "thursday", "friday",
                             "saturday", "sunday"), 16, 28),
    (P_WEEKEND, _h_weekend, ("weekend",), 24, 8),
    (P_MONTH, _h_month, _MONTH_KEYS, 36, 20),
    (P_DECADE, _h_decade, (_DIGIT,), 16, 10),
    (P_CENTURY, _h_century, ("century",), 40, 4),
    (P_YEAR, _h_year, (_DIGIT,), 30, 10),
    (P_AGO, _h_ago, ("ago", "earlier", "later", "before", "after", "from now"), 70, 16),
    (P_HALFDUR, _h_halfdur, ("half",), 30, 20),
    (P_DURATION_ABBR, _h_duration_abbr, (_DIGIT,), 2, 10),
    (P_DURATION, _h_duration, _UNIT_KEYS + ("night",), 70, 14),
    (P_ALL_UNIT, _h_all_unit, ("all ",), 2, 10),
    (P_BARE_UNITS, _h_bare_units, ("hours", "days", "weeks", "months", "years", "decades"), 26, 16),
    (P_UNITS_BEFORE, _h_units_before, ("before", "after", "later"), 12, 8),
    (P_SET, _h_set, ("every", "each", "once", "twice", "times", "annually", "yearly",
                     "quarterly", "monthly", "weekly", "daily", "nightly", "hourly"), 26, 40),
    (P_SET_WEEKDAYS, _h_set_weekdays, ("days",), 20, 4),
    (P_TIME, _h_time, (_DIGIT, "noon", "midday", "midnight"), 6, 30),
    (P_CLOCK, _h_clock, ("clock", " past ", " to ", " pm", " am", " p.m", " a.m"), 30, 40),
    (P_TIME_RANGE, _h_time_range, (_DIGIT,), 14, 24),
]
_DIGITS_RE = re.compile(r"\d+")


def _windows(low: str, keys: tuple[str, ...], digit_runs: list[tuple[int, int]],
             before: int, after: int,
             cache: dict[tuple[str, ...], list[tuple[int, int]]] | None = None
             ) -> list[tuple[int, int]]:
    """Merged ``[start, end)`` windows around every occurrence of ``keys`` in ``low``:
    from ``before`` characters before a keyword to ``after`` characters after it.  The
    sorted occurrences are kept in ``cache`` per key tuple: several patterns share one
    (every month name, every digit run), and finding them once saves a scan each."""
    hits = cache.get(keys) if cache is not None else None
    if hits is None:
        hits = []
        for k in keys:
            if k == _DIGIT:
                hits.extend(digit_runs)
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
    ws, we = -1, -1
    for hs, he in hits:
        s, e = max(0, hs - before), min(n, he + after)
        if s <= we:
            we = max(we, e)
        else:
            if we > 0:
                out.append((ws, we))
            ws, we = s, e
    out.append((ws, we))
    return out

# ====================================================================== selection

_GAP_DATE_TIME = re.compile(r"\s{0,3},?\s{0,3}(?:(?:at|around|about|from|by)\s{1,2})?")
_GAP_TIME_DATE = re.compile(r"\s{1,3}(?:(?:on|this|last|of)\s{1,2})?")


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
    r"(?=\s{0,2}(?:[.,;:!?)]|$|in\sthe\s(?:morning|afternoon|evening)\b))"
)
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
_RANGE_MID = re.compile(r"\s{0,2}(?P<sep>-|–|—|to|until|till|through|thru|and)\s{0,2}")


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
    if pm is None:
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
    if a.kind != "duration" or b.kind != "duration" or not isinstance(a.value, str) \
            or not isinstance(b.value, str):
        return None
    if not re.fullmatch(r"\s{1,2}(?:and\s{1,2})?|,\s{1,2}", text[a.end:b.start]):
        return None
    ma, mb = _DUR_PART.fullmatch(a.value), _DUR_PART.fullmatch(b.value)
    if ma is None or mb is None or not text[b.start:b.start + 1].isdigit() and \
            not text[b.start:b.end].split()[0].lower() in NUMBER_WORDS:
        return None
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
    date = "".join(f"{parts[k]}{k[0]}" for k in ("Y", "Mo", "W", "D") if k in parts)
    time = "".join(f"{parts[k]}{k[0]}" for k in ("H", "Mi", "S") if k in parts)
    return _Cand(a.start, b.end, "duration", "P" + date + ("T" + time if time else ""), 5)


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
            merged = (_try_merge(c, nxt, text) or _offset_date(c, nxt, text)
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


# ======================================================================== signals
#
# TimeML leaves a preposition that bounds a date outside the TIMEX3 (it is a SIGNAL),
# but its meaning belongs to the value: "after 2018" is not 2018.  These readings keep
# the TimeML span and record the signal's span in ``_Cand.signal``.

_SIGNAL_BEFORE = re.compile(
    r"(?i)(?<![\w-])(?P<w>no\s{1,2}later\s{1,2}than|not\s{1,2}later\s{1,2}than|"
    r"no\s{1,2}earlier\s{1,2}than|not\s{1,2}earlier\s{1,2}than|later\s{1,2}than|"
    r"earlier\s{1,2}than|any\s{1,2}time\s{1,2}from|prior\s{1,2}to|after|before|since|until|"
    r"till|by|(?:starting|beginning)(?:\s{1,2}(?:on|from|in))?)"
    r"(?:\s{1,2}(?:around|about|approximately))?\s{1,2}\Z"
)
_SIGNAL_AFTER = re.compile(
    r"(?i)\s{1,2}(?P<w>(?:or|and)\s{1,2}(?:later|earlier|beyond)(?!\s{1,2}than\b)|"
    r"(?:or|and)\s{1,2}(?:after|before)(?=\s{0,2}(?:[.,;:!?)]|$))|onwards?)(?![\w-])"
)
_MOD_OF: dict[str, DateMod] = {
    "after": "AFTER", "later than": "AFTER", "before": "BEFORE", "prior to": "BEFORE",
    "earlier than": "BEFORE", "since": "ON_OR_AFTER", "starting": "ON_OR_AFTER",
    "beginning": "ON_OR_AFTER", "any time from": "ON_OR_AFTER",
    "no earlier than": "ON_OR_AFTER", "not earlier than": "ON_OR_AFTER",
    "until": "ON_OR_BEFORE", "till": "ON_OR_BEFORE", "by": "ON_OR_BEFORE",
    "no later than": "ON_OR_BEFORE", "not later than": "ON_OR_BEFORE",
    "later": "ON_OR_AFTER", "beyond": "ON_OR_AFTER", "onward": "ON_OR_AFTER",
    "onwards": "ON_OR_AFTER", "earlier": "ON_OR_BEFORE",
}
# "in two weeks", "within 9 months", "in the next two days": a duration counted from
# the anchor
_IN_BEFORE = re.compile(r"(?i)(?<![\w-])(?P<w>in|within)\s{1,2}\Z")
# past narration: "fell in two days" is a duration, not a day two days after the anchor
_PAST_RE = re.compile(
    r"(?i)\b(?:was|were|had|did|been|ago|took|fell|came|went|rose|won|lost|made|saw|got|"
    r"gave|grew|ran|began|left|held|built|brought|bought|fought|sold|told|said|found|"
    r"became|kept|met|paid|spent|stood|struck|thought|wrote|drove|broke|chose|spoke|flew|"
    r"drew|led|sent|caught|taught|sank|swept|fled|shot|slid|sprang|knew|ate|overtook|"
    r"(?!(?:ne|fe|spe|se|inde|procee|excee|succee|b|r|sh|f)ed\b)[a-z]{2,}ed)\b")


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


def _modify(c: _Cand, mod: DateMod, signal: tuple[int, int], since: bool,
            ctx: _Ctx) -> _Cand:
    assert isinstance(c.value, DateValue)
    return _Cand(c.start, c.end, c.kind, _bounded(c.value, mod, since, ctx.anchor),
                 c.priority, None, signal)


# a superlative, "first"/"only", or a negation before "in two decades": the span is the
# stretch of time looked back over ("the worst flood in 20 years", "the first time in a
# decade", "has not rained in two years"), never a date that far ahead
_SUPERLATIVE_RE = re.compile(
    r"(?i)\b(?:worst|best|most|least|first|only|highest|lowest|biggest|largest|greatest|"
    r"smallest|strongest|weakest|fastest|slowest|longest|shortest|sharpest|steepest|deepest|"
    r"hottest|coldest|wettest|toughest|closest|widest|oldest|youngest|fewest|"
    r"[a-z]{3,}iest|not|never|no|none|nothing|[a-z]+n['’]t)\b")


def _counted_from_anchor(c: _Cand, ctx: _Ctx) -> _Cand | None:
    """"in two weeks" (a day), "in 5 minutes" (the anchor's day), "within 9 months" and
    "in the next two days" (from the anchor to then), where the clause is not past
    narration; elsewhere ("the city fell in two days") the duration stays."""
    if c.kind != "duration" or not isinstance(c.value, str):
        return None
    text = ctx.text
    m = _IN_BEFORE.search(text, max(0, c.start - 10), c.start)
    if m is None:
        return None
    words = text[c.start:c.end].lower().split()
    if not words:
        return None
    nxt = words[0] in ("next", "the") and words[:2] != ["the", "past"]
    if words[0] in ("the", "past", "last", "recent", "first", "final", "previous") and not nxt:
        return None
    if words[0] in _QUALIFIER_WORDS or (words[0] == "the" and words[1:2] != ["next"]):
        return None
    d = _DUR_PART.fullmatch(c.value)
    if d is None or not c.value[1:] or "X" in c.value:
        return None
    lo = max(0, c.start - 90)
    clause = re.split(r"[.!?;\n]", text[lo:c.start])[-1]
    if _SUPERLATIVE_RE.search(clause):
        return None  # "the worst crisis in two decades": a span looked back over
    if _direction(ctx, c.start) != "future" and _PAST_RE.search(clause):
        return None
    n = {k: int(d.group(k) or 0) for k in ("Y", "Mo", "W", "D", "H", "Mi", "S")}
    secs = 3600 * n["H"] + 60 * n["Mi"] + n["S"]
    months, days = 12 * n["Y"] + n["Mo"], 7 * n["W"] + n["D"]
    if secs and (months or days):
        return None
    if secs % 86400 == 0:
        days += secs // 86400
    elif secs > 12 * 3600:
        return None
    within = m.group("w").lower() == "within" or nxt
    signal = (m.start(), m.end("w"))
    a = ctx.anchor
    if a is None:
        if within:
            return None
        gran: Granularity = "day" if days or not months else "month" if n["Mo"] else "year"
        timex = {"day": "XXXX-XX-XX", "month": "XXXX-XX", "year": "XXXX"}[gran]
        return _Cand(c.start, c.end, "date", _v_unknown(timex, gran), c.priority, None, signal)
    try:
        y, mo = _shift_months(a.year, a.month, months)
        end = _dt.date(y, mo, min(a.day, _last_day(y, mo))) + _dt.timedelta(days=days)
    except (ValueError, OverflowError):
        return None
    if within and end > a:
        v = DateValue(f"{a.isoformat()}/{end.isoformat()}", "interval", a, end, True)
    elif days or not months:
        v = _v_day(end, True)
    elif n["Mo"]:
        v = _v_month(end.year, end.month, True)
    else:
        v = _v_year(end.year, True)
    return _Cand(c.start, c.end, "date", v, c.priority, (end.year, end.month, end.day)
                 if v.granularity == "day" else None, signal)


_CLAUSE_GOES_ON = frozenset(["and", "or", "at", "to", "when", "in", "on", "for", "the", "a",
                             "an", "as", "if", "but", "with", "from", "while", "than"])


def _attributive(text: str, end: int) -> bool:
    """True when a lower-case content word follows directly: "2019 champion"."""
    if text[end:end + 1] != " ":
        return False
    nw = _next_word(text, end)
    return bool(nw) and nw[0].islower() and nw.lower() not in _CLAUSE_GOES_ON


_DAY_TIME_GAP = re.compile(r"\s{0,2},?\s{1,2}")


def _signals(cands: list[_Cand], ctx: _Ctx) -> list[_Cand]:
    """Fold a bounding preposition into a date or time: "after 2018" (``AFTER``: from
    2019-01-01, open), "before May" (``BEFORE``), "since March" (``ON_OR_AFTER``, March 1
    to the anchor), "by/until Friday" (``ON_OR_BEFORE``), "2018 or later"; and read
    "in two weeks"/"within 9 months" as counted from the anchor.  Possessives ("by
    Monday's vote") and a date that only precedes another ("1/1/2016 and after 6PM")
    keep their plain reading."""
    text = ctx.text
    out: list[_Cand] = []
    for i, c in enumerate(cands):
        nxt_start = cands[i + 1].start if i + 1 < len(cands) else len(text) + 10
        prev_end = out[-1].end if out else -1
        if c.kind == "duration":
            r = _counted_from_anchor(c, ctx)
            if r is not None and (r.signal is None or r.signal[0] >= prev_end):
                out.append(r)
                continue
        if c.kind not in ("date", "time") or not isinstance(c.value, DateValue) \
                or c.value.mod is not None:
            out.append(c)
            continue
        m = _SIGNAL_BEFORE.search(text, max(prev_end, c.start - 40, 0), c.start)
        if m is not None and out and out[-1].kind == "duration" \
                and m.group("w").lower() in ("before", "after") \
                and not text[out[-1].end:m.start()].strip():
            m = None  # "about 2 weeks before May 13": an offset from the day, not a bound
        if m is not None and m.group("w").lower() == "by" and c.value.granularity == "year" \
                and _attributive(text, c.end):
            m = None  # "replaced by 2019 champion Smith": the year describes a noun
        if m is not None and text[c.end:c.end + 2] not in ("'s", "’s"):
            w = " ".join(m.group("w").lower().split())
            key = w.split()[0] if w.startswith(("starting", "beginning")) else w
            r = _modify(c, _MOD_OF[key], (m.start(), m.end("w")), key == "since", ctx)
            day = out[-1] if out else None
            if day is not None and _is_bare_time(c) and _is_day(day) \
                    and _DAY_TIME_GAP.fullmatch(text, day.end, m.start()):
                # "today before 4pm", "Feb 1st no later than 6:00": the bound on that day
                assert isinstance(day.value, DateValue) and isinstance(r.value, DateValue)
                dv = day.value
                v = _bounded(DateValue(dv.timex + r.value.timex, "time", dv.earliest,
                                       dv.latest, dv.anchored, dv.warnings),
                             _MOD_OF[key], key == "since", ctx.anchor)
                out[-1] = _Cand(day.start, c.end, "time", v, 5)
                continue
            out.append(r)
            continue
        a = _SIGNAL_AFTER.match(text, c.end)
        if a is not None and nxt_start > a.end() + 3:
            w = a.group("w").lower().split()[-1]
            # after the date it includes the date: "2018 and after", "May or before"
            post: DateMod = "ON_OR_BEFORE" if w in ("before", "earlier") else "ON_OR_AFTER"
            out.append(_modify(c, post, (a.start("w"), a.end()), False, ctx))
            continue
        out.append(c)
    return out


# ============================================================================ API


# A reporting period named by reference to the one the text is about: "the quarter",
# "the latest quarter", "the year-earlier period", "year-earlier" (as in "year-earlier
# profit"); and "a year earlier"/"a year ago" right after a quarter is named.
_P_REF_PERIOD = re.compile(
    r"(?<![\w'’-])(?:(?P<cmp>(?:[Tt]he\s{1,2}(?:comparable\s{1,2}|same\s{1,2})?)?"
    r"[Yy]ear[-\s](?:earlier|ago)(?:\s{1,2}(?:quarter|period)(?![\w'’-]))?|"
    r"[Tt]he\s{1,2}(?:(?:same|corresponding|comparable)\s{1,2})?(?:quarter|period)\s{1,2}"
    r"(?:of\s{1,2})?(?:last\s{1,2}year|a\s{1,2}year\s{1,2}(?:ago|earlier))|"
    r"[Ll]ast\s{1,2}year['’]s\s{1,2}(?:(?:same|comparable|corresponding)\s{1,2})?"
    r"(?:quarter|period))|"
    r"(?P<yr>[Tt]he\s{1,2}(?P<y>(?:19|20)\d\d)\s{1,2}(?:quarter|period)(?!\s{1,2}of\b))|"
    r"(?P<cur>[Tt]he\s{1,2}(?:(?:latest|most\s{1,2}recent|recent|current|just[-\s]ended|"
    r"fiscal)\s{1,2})?quarter|[Tt]he\s{1,2}(?:latest|most\s{1,2}recent)\s{1,2}period))"
    r"(?![\w'’-])")
_EARNINGS_RE = re.compile(r"\b(?:net\s(?:income|loss)|earnings|profit|revenues?|"
                          r"per\sshare|a\sshare)\b", re.IGNORECASE)
_LATEST_RE = re.compile(r"(?i)latest|most\s{1,2}recent|just[-\s]ended")
_QUARTER_TIMEX = re.compile(r"(\d{4})-Q([1-4])\Z")
_REF_REACH = 600  # characters a named quarter stays the text's reference period


def _reference_periods(chosen: list[_Cand], ctx: _Ctx) -> list[_Cand]:
    """Read the expressions that name a period by reference to the quarter the text last
    named (earnings news): "the quarter", "the latest quarter" are that quarter, "the
    year-ago quarter", "year-earlier" and "a year earlier/ago" the same quarter a year
    before.  Only within ``_REF_REACH`` characters after a quarter is named."""
    text = ctx.text
    if "quarter" not in text and "Quarter" not in text and "period" not in text:
        return chosen
    quarters: list[tuple[int, int, int]] = []  # (end, year, q) of each named quarter
    for c in chosen:
        if isinstance(c.value, DateValue):
            qm = _QUARTER_TIMEX.match(c.value.timex)
            if qm:
                quarters.append((c.end, int(qm.group(1)), int(qm.group(2))))
    fallback: tuple[int, int] | None = None
    if ctx.anchor is not None and _EARNINGS_RE.search(text):
        # a report on results: "the quarter" unnamed is the last one completed
        qa = (ctx.anchor.month - 1) // 3  # quarters completed this year
        fallback = (ctx.anchor.year, qa) if qa else (ctx.anchor.year - 1, 4)
    if not quarters and fallback is None:
        return chosen
    ends = [q[0] for q in quarters]

    def ref(at: int, named_only: bool = False) -> tuple[int, int] | None:
        i = bisect.bisect_right(ends, at) - 1
        if i < 0 or at - quarters[i][0] > _REF_REACH:
            return None if named_only else fallback
        return quarters[i][1], quarters[i][2]

    taken = sorted((c.start, c.end) for c in chosen)
    starts = [a for a, _ in taken]
    out = list(chosen)
    for m in _P_REF_PERIOD.finditer(text):
        s, e = m.span()
        i = bisect.bisect_right(starts, e) - 1
        if m.group("yr"):  # "the 1988 quarter" replaces the year "1988" read inside it
            inner = [c for c in out if s <= c.start and c.end <= e]
            if len(inner) != 1:
                continue
            r = ref(s)
            if r is None:
                continue
            out.remove(inner[0])
            out.append(_Cand(s, e, "date", _v_quarter(int(m.group("y")), r[1], True), 1))
            continue
        if i >= 0 and taken[i][1] > s:
            # an expression already read: replaced only when it lies wholly inside
            # ("last year" in "the corresponding period last year")
            inner = [c for c in out if c.start < e and s < c.end]
            if not m.group("cmp") or not inner or any(
                    c.start < s or c.end > e for c in inner):
                continue
            r = ref(s)
            if r is None:
                continue
            for c in inner:
                out.remove(c)
            out.append(_Cand(s, e, "date", _v_quarter(r[0] - 1, r[1], True), 1))
            continue
        r = ref(s)
        if r is None:
            continue
        y = r[0] - 1 if m.group("cmp") else int(m.group("y")) if m.group("y") else r[0]
        q = r[1]
        if m.group("cur") and _LATEST_RE.search(m.group("cur")) and ctx.anchor is not None:
            # "the latest quarter" has ended: never one still to come
            qa = (ctx.anchor.month - 1) // 3
            done = (ctx.anchor.year, qa) if qa else (ctx.anchor.year - 1, 4)
            y, q = min((y, q), done)
        out.append(_Cand(s, e, "date", _v_quarter(y, q, True), 1))
    out.sort(key=lambda c: c.start)
    # "a year earlier" compares with the quarter just spoken of, named or referred to
    # (a quarter itself a year back, "the year-ago quarter", is not what "a year earlier"
    # compares with: only a quarter ended within a year of the anchor)
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
    named: list[tuple[int, int, int | None]] = []  # (end, year, month or None)
    for c in chosen:
        if isinstance(c.value, DateValue) and c.kind == "date":
            ym = _YEAR_PART.match(c.value.timex)
            if ym:
                named.append((c.end, int(ym.group(1)),
                              int(ym.group(2)) if ym.group(2) else None))
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
        unit = m.group("u1") or m.group("u2") or m.group("u3")
        rel = (m.group("rel") or m.group("bef") or "same").lower()
        shift = {"same": 0, "following": 1, "after": 1, "previous": -1, "preceding": -1,
                 "prior": -1, "before": -1}[rel]
        j = bisect.bisect_right(ends, s) - 1
        while j >= 0 and unit == "month" and named[j][2] is None:
            j -= 1
        if j < 0 or s - named[j][0] > _ANAPHOR_REACH:
            continue
        _, y, mo = named[j]
        if unit == "year":
            v = _v_year(y + shift, True)
        else:
            assert mo is not None
            yy, mm = _shift_months(y, mo, shift)
            v = _v_month(yy, mm, True)
        out.append(_Cand(s, e, "date", v, 1))
    out.sort(key=lambda c: c.start)
    return out


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
    cands: list[_Cand] = []
    n = len(text)
    low = text.lower()
    digit_runs = [dm.span() for dm in _DIGITS_RE.finditer(text)]
    key_hits: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for pattern, handler, keys, before, after in _HANDLERS:
        for ws, we in _windows(low, keys, digit_runs, before, after, key_hits):
            for m in pattern.finditer(text, ws, we):
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
    chosen = _signals(_merge_times(_merge_durations(_select(cands, len(text)), text), text),
                      ctx)
    chosen = _anaphora(_reference_periods(chosen, ctx), ctx)
    out: list[Expression] = []
    for c in chosen:
        # trim whitespace the patterns may have swallowed at the edges
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

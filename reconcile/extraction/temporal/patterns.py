"""The compiled patterns that find date, time, duration and set candidates (bounded
repetition only, so each runs in linear time), and the small tables they are built from."""

from __future__ import annotations

import re

from reconcile import english
from .tables import (
    MONTHS, _FULL_MONTHS, WEEKDAYS, _FULL_WEEKDAYS, _TENS, _UNITS_WORDS, ORDINALS, SETS_ADVERBS,
)


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


class LazyPattern:
    """A pattern compiled the first time a text needs it (:meth:`compiled`).  Compiling
    these patterns is most of the start-up of ``reconcile extract``, and a pattern runs
    only in the windows around its keywords: one whose keywords a text lacks ("week of",
    "christmas", a quarter) need never be compiled in a run over short texts."""

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled once)."""
        done = self._compiled
        if done is None:
            done = self._compiled = re.compile(self.pattern, self.flags)
        return done


def _c(p: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(p, flags)


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
    rf"(?P<mon>{_MON_FULL_RE})(?![\w-])(?!['’](?![sS]\b))"
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
    r"(?<=[Ii]n\s)the\s{1,2}(?:(?:near|distant|foreseeable)\s{1,2})?future|"
    r"(?P<ahead>(?:[Tt]he\s{1,2})?(?:[Uu]p)?[Cc]oming\s{1,2}(?:days|weeks|months|quarters|years)|"
    r"(?<=[Ii]n\s)future\s{1,2}(?:weeks|months|quarters|years)|"
    r"[Tt]he\s{1,2}(?:days|weeks|months|quarters|years)\s{1,2}ahead|"
    r"(?:(?<=[Ii]n\s)|(?<=[Oo]f\s)|(?<=[Oo]ver\s))the\s{1,2}(?:near|short)[\s-]term"
    r"(?=\s{0,2}(?:[.,;:!?)\"”]|$))))(?![\w'’-])"
)
"""Also the time ahead named by its units ("in the coming weeks", "the months ahead",
"in future years", "in the near term")."""
# "late afternoon", "early in the morning", "later in the evening": part of an unstated day
P_PART_MOD = _c(
    rf"(?<![\w-])(?:(?P<mod>[Ee]arly|[Ll]ate|[Ll]ater|[Ee]arlier)\s{{1,2}}(?:in\s{{1,2}}the\s{{1,2}})?|"
    rf"(?P<mid>[Mm]id)(?![-\s]{{0,2}}[Nn]ight)(?:-|\s{{1,2}})?)(?P<part>{PARTDAY})(?![\w'’-])"
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
    r"(?:(?P<more>more|additional|further|extra)\s{1,2})?"
    r"(?:(?P<biz>business|working|trading)\s{1,2})?"
    rf"(?P<unit>{UNIT}|night)"
    r"(?P<pl>s)?(?P<poss>['’](?!s))?(?![\w-])(?!-old|\sold)",
    re.IGNORECASE,
)
# "12 to 18 months", "two or three weeks", "between two and six days", "3-4 days", and
# "a year or two", "a week or so": a count told as a range or a guess
_CNT = rf"(?:\d{{1,3}}(?:\.\d)?|{_NUM_WORD_RE})"
# (read from the joining word: the first count is found before it, _RANGE_LOW)
P_DURATION_RANGE = _c(
    r"(?:\s{1,2}(?P<sep>to|or|and)\s{1,2}|\s?[-\u2013]\s?)"
    rf"(?P<b>{_CNT})(?P<hy>\s{{1,2}}|-)(?P<unit>{UNIT})(?P<pl>s)?(?![\w-])(?!\sold)"
    rf"|(?<![\w-])(?P<one>an?|one)\s{{1,2}}(?P<unit1>{UNIT})\s{{1,2}}or\s{{1,2}}(?P<b1>two|so)"
    r"(?![\w-])",
    re.IGNORECASE,
)
# "the past two quarters", "several quarters", "four straight quarters": quarters
# counted as a span of time (not "three quarters of", nor "two quarters ago")
P_QUARTERS = _c(
    rf"(?<![\w-])(?:(?P<num>{NUM})|(?P<vague>{VAGUE}|recent))\s{{1,2}}"
    r"(?:(?:more|additional|further|consecutive|straight|successive)\s{1,2})?"
    r"quarters(?![\w'’-])(?!\s{1,2}(?:of|ago|earlier|later|before|after|from)\b)",
    re.IGNORECASE,
)
_RANGE_LOW = re.compile(
    rf"(?<![\w.,$£€-])(?:(?P<btw>between)\s{{1,2}})?(?P<a>{_CNT})\Z", re.IGNORECASE)
_AGO_AFTER = re.compile(r"\s{1,2}ago\b", re.IGNORECASE)
# "all day", "all week": the whole of one unit
P_ALL_UNIT = _c(r"(?<![\w-])[Aa]ll\s{1,2}(?P<unit>day|week|month|year)(?![\w'’-])")
# what may stand before a duration: "almost", "the past", "a mere", "the next"
_DUR_PREFIX = re.compile(
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
    r"\b(?P<nh>(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})(?:\s{1,2}and\s{1,2}"
    r"(?:a\s{1,2})?half|\s{1,2}1/2|\s{0,2}½)[-\s]{1,2}(?P<u3>years?|months?|days?|weeks?|decades?|hours?|"
    r"minutes?))"
    r"|\b(?P<a>(?:a|one)\s{1,2}(?P<u1>year|month|day|week|decade|hour|minute)\s{1,2}and\s{1,2}"
    r"(?:a\s{1,2})?half"
    r"|(?:half\s{1,2}an?|half-an?)\s{1,2}(?P<u2>year|month|day|hour|decade|century))\b",
    re.IGNORECASE,
)
P_BARE_UNITS = _c(
    r"\b(?P<pre>for|over|took|take|takes|taking|within|in\s{1,2}recent|recent|for\s{1,2}many|"
    r"time\s{1,2}in)"
    r"\s{1,2}(?P<unit>hours|days|weeks|months|years|decades|centuries)"
    r"(?P<post>\s{1,2}(?:before|after|later))?\b",
    re.IGNORECASE,
)
P_UNITS_BEFORE = _c(
    r"(?<![\w-])(?P<unit>[Hh]ours|[Dd]ays|[Ww]eeks|[Mm]onths|[Yy]ears|[Dd]ecades)"
    r"(?=\s{1,2}(?:(?:before|after|later)\b|(?P<of>of)\s{1,2}"
    r"(?!(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those)\b)[a-z]))"
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
# "the nineties", "the late sixties": a decade of the twentieth century in words
P_DECADE_WORDS = _c(
    r"(?<![\w-])(?P<the>[Tt]he)\s{1,2}(?:(?P<mod>early|mid-?|late)\s{0,2})?"
    r"(?P<w>[Tt]wenties|[Tt]hirties|[Ff]orties|[Ff]ifties|[Ss]ixties|[Ss]eventies|[Ee]ighties|"
    r"[Nn]ineties)(?![\w'’-])"
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
    rf"(?<![\w-])(?:(?:[Tt]he\s{{1,2}})?(?:(?P<ord>first|second|latter|last)[\s-]{{1,2}}half|"
    rf"(?P<ordq>first|last)\s{{1,2}}two\s{{1,2}}quarters)\s{{1,2}}of\s{{1,2}}"
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
P_FISCAL = _c(
    rf"\b(?:[Ff]iscal|[Ff]inancial)(?:\s{{1,2}}[Yy]ear)?\s{{1,2}}(?P<y>{YEAR4})|\bFY\s?(?P<y2>{YEAR4}|\d{{2}})\b"
)
# a year spelled out, as broadcast transcripts write it: "nineteen ninety-six",
# "January nineteen ninety-seven", "the year two thousand"
_TEEN_WORDS = list(english.TEENS)
_YEAR_TAIL = (rf"(?:(?:{'|'.join(_TENS)})(?:[-\s](?:{'|'.join(_UNITS_WORDS)}))?|"
              rf"{'|'.join(_TEEN_WORDS)}|(?:oh|o)[-\s](?:{'|'.join(_UNITS_WORDS)}))")
_SPELLED_Y = (rf"(?:[Nn]ineteen|[Tt]wenty)[-\s]{_YEAR_TAIL}|[Tt]wo\s{{1,2}}thousand"
              rf"(?:\s{{1,2}}(?:and\s{{1,2}})?(?:{'|'.join(_UNITS_WORDS + _TEEN_WORDS)}|{_YEAR_TAIL}))?")
P_SPELLED_YEAR = _c(
    rf"(?<![\w-])(?:(?P<mon>{_MON_FULL_RE})\s{{1,2}}|(?P<theyear>[Tt]he\s{{1,2}}year\s{{1,2}}))?"
    rf"(?P<y>{_SPELLED_Y})(?![\w-])",
)
# "the winter of 1994", "summer 2019", "the winter of nineteen ninety-four"
P_SEASON_YEAR = _c(
    rf"(?<![\w-])(?:(?P<mod>early|late|mid-?)\s{{0,2}})?(?:[Tt]he\s{{1,2}})?"
    rf"(?P<s>[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter)(?:\s{{1,2}}of)?,?\s{{1,2}}"
    rf"(?:(?P<y>{YEAR4})|(?P<ys>{_SPELLED_Y})(?![\w-]))"
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
# (the "t" is read first and what comes before it looked at after it, ``(?<!X.)`` being
# ``(?<!X)`` before one character: the regex engine then jumps from one "t" to the next
# instead of trying every place of the text)
P_ANAPHOR = re.compile(
    r"(?P<x>[Tt](?<![\w'’-].)(?:hat\s{1,2}(?P<u1>year|month)|he\s{1,2}(?P<rel>same|following|"
    r"previous|preceding|prior)\s{1,2}(?P<u2>year|month)|he\s{1,2}(?P<u3>year|month)"
    r"\s{1,2}(?P<bef>before|after)))(?![\w'’-])"
)
# "June last year", "January this year", "March of next year": a month of a year named
# relative to the anchor; with its day ("September 14 last year", "14 September last
# year"), that day of it
P_MONTH_REL_YEAR = _c(
    r"(?<![\w-])(?:(?P<d1>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s{1,2}(?:of\s{1,2})?)?"
    rf"(?P<mon>{_MON_FULL_RE}|(?:{_MON_ABBR_RE})\.?)"
    r"(?:\s{1,2}(?P<d2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d))?,?\s{1,2}(?:of\s{1,2})?"
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
    rf"\s{{1,2}}week\s{{1,2}}of\s{{1,2}}(?:(?P<mon>{_MON_FULL_RE}|(?:{_MON_ABBR_RE})\.?)(?:,?\s{{1,2}}"
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
    r"|(?<![\w-])(?:[Tt]he\s{1,2})?(?P<ye>[Yy]ear|[Mm]onth)(?:-|\s{1,2}|['’]s\s{1,2})end(?![\w-])"
)
"""Also "year-end", "year end", "the year's end", "month-end" (read after a preposition)."""
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
_HOUR_WORDS = [w for w, n in {**english.ONES, **english.TEENS}.items() if n <= 12]
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

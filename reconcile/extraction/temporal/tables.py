"""Word tables of the date reader: month, weekday, number and ordinal words, units,
seasons, holidays, and the words around a number or name that decide what it is."""

from __future__ import annotations

import re
from typing import Literal

from reconcile import english


Kind = Literal["date", "time", "duration", "set"]
Direction = Literal["past", "future"]

MONTHS: dict[str, int] = {**english.MONTHS, **english.MONTH_ABBREVIATIONS}
_FULL_MONTHS = list(english.MONTHS)

WEEKDAYS: dict[str, int] = {**english.WEEKDAYS, **english.WEEKDAY_ABBREVIATIONS}
_FULL_WEEKDAYS = list(english.WEEKDAYS)

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, **english.ONES, **english.TEENS, **english.TENS,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "dozen": 12, "a dozen": 12,
    "a couple of": 2, "a couple": 2, "couple of": 2,
}
_TENS = list(english.TENS)
_UNITS_WORDS = list(english.ONES)
VAGUE_COUNTS = ("several", "a few", "few", "many", "some", "a number of", "the next few",
                "numerous", "countless", "dozens of", "hundreds of", "a couple of")

ORDINALS: dict[str, int] = {
    **{w: n for w, n in english.ORDINALS.items() if n <= 20},
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
YEAR_TRIGGERS = frozenset(["into", "due", "matures", "maturing", "for", "both", "in", "since", "of", "by", "until", "till", "from", "through", "throughout", "before", "after", "during", "early", "late", "mid", "around", "circa", "year", "years", "fiscal", "between", "spring", "summer", "autumn", "fall", "winter", "the_end"])
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

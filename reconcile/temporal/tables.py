"""Word tables of the date reader: month, weekday, number and ordinal words, units,
seasons, holidays, and the words around a number or name that decide what it is."""

from __future__ import annotations

import re
from typing import Literal


Kind = Literal["date", "time", "duration", "set"]
Direction = Literal["past", "future"]

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

"""Numbers, ordinals, percents and money amounts in English news text.

The one public entry point is :func:`find_numbers`::

    find_numbers("worth about US$3.2 billion a year")
    # [Expression(kind="amount", text="about US$3.2 billion a year", span=(6, 33),
    #             value=Amount(3200000000.0, "USD", "approximate", per="year"))]

It returns expressions sorted by span and never overlapping, of four kinds:

``number``
    :class:`~reconcile.model.Quantity` - "3,517", "Thirty-two", "2.4 million", "a dozen",
    "two thirds" (0.667), "between 20 and 30" (range), "hundreds of thousands" (vague).
``ordinal``
    ``Quantity(3.0)`` for "third", "3rd", "twenty-first".
``percent``
    ``Quantity`` of the percentage: 7.5 for "7.5%", "7.5 percent", "7.5 per cent".
``amount``
    :class:`~reconcile.model.Amount` - "$2.4 million", "USD 5,000", "5,000 riel", "£3m",
    "billions of dollars" (vague), with a rate ``per`` ("a year", "per day", "annually").

Spans include the qualifier words ("about", "more than", "up to"...), the currency, and a
rate ("a year"); ``text[start:end] == expression.text`` always.

How it works: one compiled *anchor* regex finds the places where a number can start (a
digit, a currency symbol or code, a number word); from each anchor a small hand-written
parser reads forward (scale words, currency, percent, ranges, rates) and then looks a
bounded distance back for qualifiers.  Every regex is linear (possessive quantifiers or
bounded repetitions), every look-around is bounded, and a failed attempt skips the whole
token it looked at, so the scan is linear in the length of the text.

Conventions (the tables below are the single source of truth):

* Qualifiers - :data:`QUALIFIERS`.  "as many as" / "as much as" mean ``at_most`` (news
  uses them for an upper figure: "as many as 300 people may have died").  "over" before a
  duration ("over 3 years") is not a qualifier: it usually means "during".
* Vague quantities - :data:`VAGUE`: a plural scale word ("thousands") means 2..9 of that
  scale, written as ``value``..``high`` = 2000..9999; "tens of" / "hundreds of" /
  "dozens of" multiply; "several" is 3..9 and "a few" 2..5 of the scale.
* Ranges - "between 20 and 30", "20-30", "20 to 30" (not after "from", which states a
  change), with ``value < high``; a scale word or ``%`` after the second number applies to
  both ("20-30 million", "10-15%").
* Commas separate thousands only in groups of exactly three digits with no space
  ("1,000"; "9, 2023" is two numbers; "429 Vietnamese, 271 Indonesians" are two).  Spaces
  separate thousands only with two or more groups ("1 234 567"); non-breaking and thin
  spaces with one or more ("40 000").
* Not numbers: times ("10:30", "9 pm"), digits glued to letters ("COVID-19", "MH370",
  "180ml", "1990s"), integers longer than 15 digits; dotted chains ("3.11.7",
  "192.168.1.2") and hyphen/slash chains (phone numbers, "5/17/2018") give their parts.
* "one" on its own is a number only when it does not read as a pronoun ("the one",
  "no one", "one of", "this one.").
* Money: currencies come from ``reconcile/data/currencies.tsv`` (see its header). A bare
  "$" is USD, "¥" is JPY.  "5m"/"1.2b" mean million/billion only as money ("$5m");
  "5m" alone is a length and is skipped.  Lettered dollars may be spaced or lower-cased
  as tokenized text writes them ("hk $ 5", "c $ 5"; "us $" only where "us" cannot be the
  pronoun); "MEUR 45" is 45 million euros; a code between two numbers is the first's
  when the second has its own currency or is two digits of cents ("17 USD 25").
"""

from __future__ import annotations

import math
import pkgutil
import re
from dataclasses import dataclass
from collections.abc import Iterable, Mapping
from typing import Final

from ..english import MONTH_ABBREVIATIONS, MONTHS, ONES, ORDINALS, TEENS, TENS
from ..model import Amount, Expression, ExpressionKind, Qualifier, Quantity, Span
from ..vague import VAGUE

__all__ = [
    "QUALIFIERS",
    "RATES",
    "VAGUE",
    "CurrencyAlias",
    "find_numbers",
    "load_currencies",
]

# ----------------------------------------------------------------------- vocabulary

# Number words come from the shared English table; numbers adds the zeros and a
# common misspelling ("fourty") that news copy carries.
_UNITS: Final[dict[str, int]] = {"zero": 0, "nought": 0, "naught": 0, **ONES}
_TEENS: Final[Mapping[str, int]] = TEENS
_TENS: Final[dict[str, int]] = {**TENS, "fourty": 40}
_BIG_SCALES: Final = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}
# Abbreviated scales written as a separate word after digits ("3 bn", "10 bln").
_SPACED_ABBR: Final = {
    "bn": 1e9, "bln": 1e9, "mn": 1e6, "mln": 1e6, "tn": 1e12, "tln": 1e12, "trn": 1e12,
}
# Suffixes glued to digits ("3bn", "10k"); values None need money ("$5m", "$1.2b").
_GLUED_SCALE: Final[dict[str, float]] = {
    "k": 1e3, "K": 1e3, "M": 1e6, "MM": 1e6, "mm": 1e6, "mn": 1e6, "mln": 1e6,
    "mil": 1e6, "bn": 1e9, "Bn": 1e9, "BN": 1e9, "bln": 1e9, "tn": 1e12, "tln": 1e12,
    "trn": 1e12, "Tn": 1e12,
}
_DOZEN_WORDS: Final = frozenset({"dozen", "dozens", "doz", "dozs", "dz", "dzs"})
_GLUED_MONEY_ONLY: Final[dict[str, float]] = {"m": 1e6, "b": 1e9, "B": 1e9}
_ORD_SUFFIX: Final = frozenset({"st", "nd", "rd", "th"})

_ORDINALS: Final[Mapping[str, int]] = ORDINALS
# Fraction denominators: singular after "one"/"a", plural after two..ten.
_DENOMINATORS: Final = {
    "half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}
_DENOM_PLURAL: Final = {
    "halves": 2, "thirds": 3, "quarters": 4, "fourths": 4, "fifths": 5, "sixths": 6,
    "sevenths": 7, "eighths": 8, "ninths": 9, "tenths": 10,
}

# "handed over 13 suspects", "took over 2 buildings": a phrasal verb's particle, not a
# qualifier ("over 13" = more than 13).
_PHRASAL_OVER = re.compile(
    r"\b(?:hand|hands|handed|handing|turn|turns|turned|turning|take|takes|took|taken|"
    r"taking|give|gives|gave|given|giving|pass|passes|passed|passing|win|won|winning|"
    r"sign|signed|signing|hold|held|carry|carried)\s+$", re.I)

QUALIFIERS: Final[dict[str, Qualifier]] = {
    # approximate
    "about": "approximate", "around": "approximate", "roughly": "approximate",
    "some": "approximate", "approximately": "approximate", "approx.": "approximate",
    "approx": "approximate", "nearly": "approximate", "almost": "approximate",
    "close to": "approximate", "closer to": "approximate", "an estimated": "approximate",
    "estimated": "approximate", "an approximate": "approximate", "circa": "approximate",
    "just about": "approximate", "more or less": "approximate", "upward of": "at_least",
    # at least
    "at least": "at_least", "more than": "at_least", "over": "at_least",
    "upwards of": "at_least", "in excess of": "at_least", "well over": "at_least",
    "just over": "at_least", "well above": "at_least", "above": "at_least",
    "no fewer than": "at_least", "no less than": "at_least", "not less than": "at_least",
    "a minimum of": "at_least",
    # at most
    "up to": "at_most", "fewer than": "at_most", "less than": "at_most",
    "under": "at_most", "just under": "at_most", "well under": "at_most",
    "below": "at_most", "no more than": "at_most", "not more than": "at_most",
    "at most": "at_most", "as many as": "at_most", "as much as": "at_most",
    "a maximum of": "at_most",
}
"""Qualifier phrases read just before a number (the span includes them)."""

_QUAL_AFTER: Final[dict[str, Qualifier]] = {
    "or so": "approximate", "odd": "approximate", "or more": "at_least",
    "plus": "at_least", "+": "at_least", "or fewer": "at_most", "or less": "at_most",
}

RATES: Final[dict[str, str]] = {
    "year": "year", "annum": "year", "annually": "year", "yearly": "year",
    "month": "month", "monthly": "month", "week": "week", "weekly": "week",
    "day": "day", "daily": "day", "hour": "hour", "hourly": "hour",
    "share": "share", "person": "person", "head": "person", "capita": "person",
    "night": "night", "barrel": "barrel", "tonne": "tonne", "ton": "ton",
}
"""Rate words after an amount ("a year", "per day", "annually", "a share") -> ``per``."""

# ----------------------------------------------------------------------- currencies


@dataclass(frozen=True)
class CurrencyAlias:
    alias: str
    code: str
    kind: str  # symbol | code | name | weak | subunit


CURRENCY_KINDS: Final = frozenset({"symbol", "code", "name", "weak", "subunit"})


UNRESOLVED_CURRENCY_NAMES: Final = (
    "franc", "francs", "guilder", "guilders", "dinar", "dinars", "peso", "pesos", "krone",
    "kroner", "krona", "kronor", "shilling", "shillings",
)
"""Money names that several currencies share: read as amounts with ``currency`` None
(the qualified forms in ``currencies.tsv``, "Swiss francs", resolve)."""


def load_currencies() -> list[CurrencyAlias]:
    """The rows of ``reconcile/data/currencies.tsv`` (comments and header skipped)."""
    # pkgutil reads package data as importlib.resources does (from a zip too), without
    # importing the zip and path machinery at every start-up (a few ms of CPU)
    data = pkgutil.get_data("reconcile", "data/currencies.tsv")
    if data is None:  # pragma: no cover - a loader that cannot read data files
        raise FileNotFoundError("reconcile/data/currencies.tsv")
    raw = data.decode("utf-8")
    rows: list[CurrencyAlias] = []
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if parts[:3] == ["alias", "code", "kind"]:
            continue
        if len(parts) != 3:
            raise ValueError(f"currencies.tsv: expected 3 tab-separated fields: {line!r}")
        rows.append(CurrencyAlias(parts[0], parts[1], parts[2]))
    return rows


_SPACE = "[ \t\u00a0]"
"""A space, tab or no-break space (the characters themselves, not escapes: the same
compiled pattern, parsed a little faster in the long name alternation)."""
_WS1 = r"[ \t\u00a0\u202f]"
_NON_ASCII = "\x80-\U0010ffff"
"""Every non-ASCII character, for a class (see ``_ANCHOR``)."""


def _trie(words: Iterable[str], space: str = _SPACE + "+") -> str:
    """A regex alternation of ``words`` factored as a trie (fast, longest first)."""
    root: dict[str, dict[str, object]] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})  # type: ignore[assignment]
        node[""] = {}

    # Built at every start-up (the currency names: some 7,000 letters), so cheaply: a
    # chain of letters that no word ends within is written in one step, and each
    # letter is escaped once.
    pieces = {" ": space}

    def build(node: dict[str, dict[str, object]]) -> str:
        alts = []
        for ch in sorted(node):
            if not ch:
                continue
            chain = [ch]
            child = node[ch]
            while len(child) == 1 and "" not in child:
                ((ch, child),) = child.items()  # type: ignore[assignment]
                chain.append(ch)
            written = []
            for c in chain:
                piece = pieces.get(c)
                if piece is None:
                    piece = pieces[c] = re.escape(c)
                written.append(piece)
            alts.append("".join(written) + build(child))  # type: ignore[arg-type]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            # "s?" is "(?:s)?" (the same compiled pattern, cheaper to parse)
            body = body + "?" if len(alts[0]) == 1 and len(alts) == 1 else "(?:" + body + ")?"
        return body

    return build(root)


_LETTER_WORDS: Final = frozenset({"a", "i", "s", "d", "m", "t"})
"""One-letter prefixes that are words or clitics ("a $5 fee", "Canada's $5"): such a
letter before a spaced "$" is not part of the currency."""


def _dollar_key(symbol: str) -> str:
    """The lookup key of a lettered dollar prefix as written: "U.S. $", "u.s$", "US$"
    -> "us$"."""
    return symbol.replace(" ", "").replace("\u00a0", "").replace(".", "").lower()


def _build_currency_tables() -> tuple[
    dict[str, str], dict[str, tuple[str, str]], str, str, str, str
]:
    rows = load_currencies()
    prefix_code: dict[str, str] = {}  # normalized prefix text -> code
    after: dict[str, tuple[str, str]] = {}  # lower name or exact code/symbol -> (code, kind)
    prefix_pats: list[str] = []
    code_pats: list[str] = []
    symbol_after: list[str] = []
    for row in rows:
        a = row.alias
        if row.kind == "symbol":
            prefix_code[a] = row.code
            after[a] = (row.code, "symbol")
            letters = a[:-1] if a.endswith("$") else ""
            if letters and letters.replace(".", "").isalpha():
                prefix_code[_dollar_key(a)] = row.code
                # "U.S.$" is also written "U.S $" or "u.s $"
                pat = re.escape(letters)
                if letters.endswith("."):
                    pat = re.escape(letters[:-1]) + r"\.?"
                if len(letters.replace(".", "")) >= 2:
                    # "US$5", "hk $ 10" (tokenized text); a lower-case "us $" is checked
                    # for the pronoun where it is read (_prefix_currency)
                    prefix_pats.append("(?i:" + pat + r")[ ]?\$")
                else:
                    prefix_pats.append(re.escape(a))
                    if letters.lower() not in _LETTER_WORDS:
                        # "C $ 16.4", "c $ 16.4"; never "a $5" (article) or "'s $5"
                        prefix_pats.append("(?i:" + pat + r") \$")
            else:
                prefix_pats.append(re.escape(a))
                symbol_after.append(a)
        elif row.kind == "code":
            prefix_code[a] = row.code
            after[a] = (row.code, "code")
            code_pats.append(a)
        else:
            after[a.lower()] = (row.code, row.kind)
    for name in UNRESOLVED_CURRENCY_NAMES:
        after.setdefault(name, ("", "unresolved"))
    # Letter prefixes ("US$", "Rs") must not continue a word ("MUS$", "Mrs").
    # "MAUD 60", "MSEK 45": millions of the currency, as finance tables write them
    mcodes = sorted(c for c in code_pats if re.fullmatch("[A-Z]{3}", c))
    prefix_re = (
        r"(?:(?<![^\W\d_])(?:" + "|".join(sorted(prefix_pats, key=len, reverse=True))
        + r"|" + _trie(code_pats) + r"|M(?:" + _trie(mcodes) + r")(?![^\W\d_])))"
    )
    names = [k for k, (_, kind) in after.items()
             if kind in ("name", "weak", "subunit", "unresolved")]
    name_re = r"(?i:" + _trie(names) + r")(?![^\W\d_])"
    code_after_re = (
        r"(?:" + _trie(code_pats) + r")(?![^\W\d_])|(?:" + _trie(symbol_after) + r")"
    )
    # Every character a prefix can start with, as a class: the letters of a lettered
    # dollar ("US$", read in any case) in both cases, the first character of a symbol or
    # of a code (exact case), the "M" of millions; and any non-ASCII character, which
    # holds what matches a letter case-insensitively beyond its two ASCII forms.
    starts = {"M"}
    for row in rows:
        if row.kind in ("symbol", "code"):
            c = row.alias[0]
            starts.update((c.lower(), c.upper()) if row.kind == "symbol" else (c,))
    prefix_starts = "[" + "".join(
        re.escape(c) for c in sorted(starts) if c.isascii()) + _NON_ASCII + "]"
    return prefix_code, after, prefix_re, name_re, code_after_re, prefix_starts


_PREFIX_CODE, _AFTER_CODE, _PREFIX_RE, _NAME_RE, _CODE_AFTER_RE, _PREFIX_STARTS = (
    _build_currency_tables())

# ------------------------------------------------------------------------- regexes

_WORD_ANCHORS = sorted(
    set(_UNITS) | set(_TEENS) | set(_TENS) | set(_BIG_SCALES) | set(_ORDINALS)
    | {"hundred", "dozen", "half", "quarter", "minus", "negative", "dozens", "hundreds",
       "thousands", "millions", "billions", "trillions", "tens", "scores"}
)
# The first letters of the number words, in either case, and any non-ASCII character
# (a letter that matches case-insensitively beyond its ASCII forms is not ASCII).
_WORD_STARTS = "[" + "".join(sorted({c for w in _WORD_ANCHORS for c in (w[0], w[0].upper())})
                             ) + _NON_ASCII + "]"

# Where an expression may start; the group that matched (its ``lastgroup``) says how.
# Speed: the regex engine tries every position of the text, and at each one it skips an
# alternative whose first step is a character class that does not hold, without entering
# it.  So the three alternatives that start with one known character (a minus, a digit or
# a point, a vulgar fraction) consume it first and look behind it afterwards -- ``X`` then
# ``(?<![\w.].)`` is ``(?<![\w.])X`` for one character -- and name themselves with an
# empty group at their end, which leaves the match's span as it was.  About a quarter
# less time than the same alternatives written look-behind first.  The two that start
# with a letter (a currency prefix, a number word) first look ahead for a character one
# of them can start with (``_PREFIX_STARTS``, ``_WORD_STARTS``), a single class: most
# places fail it, instead of trying each prefix or word there (a quarter less time for
# the whole scan).  Both classes hold every character that the alternative's first step
# can match, so the matches are the same.
_ANCHOR: Final = re.compile(
    r"(?P<cur>(?=" + _PREFIX_STARTS + r")" + _PREFIX_RE + r")(?=[ \u00a0]?\.?\d)"
    # "-5", "\u22125": not after a word, a point, a comma, a dash or a slash
    r"|[-\u2212](?<![\w.,\-\u2212/][-\u2212])(?=\d)(?P<neg>)"
    # a digit, or a point before one ("5", ".5"): not after a word or a point, nor after
    # a letter and a hyphen ("COVID-19")
    r"|[\d.](?<![\w.].)(?<![^\W\d_][-\u2010\u2011].)(?:(?<=\d)|(?=\d))(?P<dig>)"
    r"|\b(?=" + _WORD_STARTS + r")(?i:" + _trie(_WORD_ANCHORS) + r")\b(?P<word>)"
    r"|[\u00bd\u00bc\u00be\u2153-\u215e](?<![\w.].)(?P<vul>)"
)

_DIGITS: Final = re.compile(
    r"""
    (?P<dotted>\d++(?:\.\d++){2,}+)
  | (?P<time>\d{1,2}:\d{2}(?::\d{2})?+)(?!\d)
  | (?P<num>
        \d{1,3}(?:,\d{3}(?!\d))++(?:\.\d++)?+
      | \d{1,2}(?:,\d{2}(?=,\d)){1,4}+,\d{3}(?!\d)(?:\.\d++)?+
      | \d{1,3}(?:[\u00a0\u202f\u2009]\d{3}(?!\d))++(?:\.\d++)?+
      | \d{1,3}(?:[ ]\d{3}(?!\d)){2,}+(?:\.\d++)?+
      | \d++(?:\.\d++)?+(?:[eE][+-]?\d{1,3}(?![\d.]))?+
      | \.\d++
    )
    """,
    re.X,
)
_LETTERS: Final = re.compile(r"[^\W\d_]+")
_NEXT_WORD: Final = re.compile(
    r"(?P<sep>[ \t\u00a0\u202f]{1,4}|[ \t]{0,2}\r?\n[ \t]{0,2}|[ \t]?[-\u2010\u2011][ \t]?)"
    r"(?P<w>[^\W\d_]+)"
)
_TIME_AFTER: Final = re.compile(
    r"(?i)[ \t\u00a0]?(?:[ap]\.m\.|[ap]m\b|o['\u2019]clock\b|hrs\b|gmt\b|utc\b)"
)
_PERCENT: Final = re.compile(
    r"(?i)[ \t\u00a0]?[%\uff05]|[ \t\u00a0]+per[ \t]?cent\b|[ \t\u00a0]+pct\b"
    r"|[ \t\u00a0]*-[ \t]*per[ \t]?cent\b"
)
# A currency name ("euros", "Swiss francs"; every one starts with a letter), compiled
# once: three readings look for it, each after a lead of its own (below).  The alternation
# is long, and compiling it is a good part of the command's start-up; as one pattern with
# each lead it was compiled three times.  Since a name never starts with a space or a
# hyphen, a lead matched on its own ends where the name must start (no other split of
# the text between the two would let the name match): the lead's match, then the name's,
# find what the lead and the name as one pattern found.
_CUR_NAME: Final = re.compile(_NAME_RE)
_NAME_LEADS: Final = (
    re.compile(_SPACE + r"{1,2}"),  # "5 euros", "5  euros"
    re.compile(r"[ \t]?-[ \t]?"),  # "5-euro", "5 - euro"
)
_CUR_CODE_AFTER: Final = re.compile(
    r"[ \u00a0]?(?P<c>" + _CODE_AFTER_RE + r")(?![ \u00a0]?\.?\d)"
)
_CUR_MCODE_AFTER: Final = re.compile(
    r"[ \u00a0]?M(?P<c>" + "|".join(sorted(c for c, (_, k) in _AFTER_CODE.items()
                                          if k == "code" and re.fullmatch("[A-Z]{3}", c)))
    + r")(?![^\W\d_])"
)
_CUR_CODE_BETWEEN: Final = re.compile(
    r"[ \u00a0]?(?P<c>" + _trie(c for c, (_, k) in _AFTER_CODE.items() if k == "code")
    + r")(?![^\W\d_])(?=[ \u00a0]?\d)"
)
_GAP_DIGIT: Final = re.compile(r"[ \u00a0]?(?=\d)")
_OWN_CODE: Final = re.compile(r"[ \u00a0]?(?:" + _CODE_AFTER_RE + r")")
_SCALE_AFTER_CODE: Final = re.compile(
    r"(?i)[ \u00a0](?P<s>thousand|million|billion|trillion|bn|mn|mln|bln)\b"
)
_CUR_PREFIX_AT: Final = re.compile(_PREFIX_RE + r"(?P<sp>[ \u00a0]?)(?=\.?\d)")
_OF_LEAD: Final = re.compile(r"[ \t\u00a0]+of[ \t\u00a0]+")  # "millions of" dollars
_CLAUSE_END: Final = re.compile(r"[ \t]*(?:[.,;:!?)\]]|\Z)")
_AND_CENTS: Final = re.compile(r"(?i)[ \t]+(?:and[ \t]+)?(?=[\w])")
_SUBUNIT_AFTER: Final = re.compile(
    r"(?i)(?:[ \t]{1,2}|[ \t]?-[ \t]?)(?P<c>cents?|pence|penny)\b"
)
_AND_FRACTION: Final = re.compile(
    r"(?i)[ \t]+and[ \t]+(?P<n>an?|" + "|".join(ONES) + r")[ \t-]+"
    r"(?P<d>" + "|".join(sorted({*_DENOMINATORS, *_DENOM_PLURAL}, key=len, reverse=True))
    + r")\b"
)
_OF_A_SCALE: Final = re.compile(
    r"(?i)(?:[ \t]+of[ \t]+an?)?[ \t]+(?P<s>hundred|thousand|million|billion|trillion)\b"
)
_POWER: Final = re.compile(
    r"(?P<x>[ \t]?[x\u00d7\*][ \t]?10)?\^(?P<s>[+-]{0,2})(?P<e>\d{1,3})(?![\d.^])"
)
_SLASH_FRACTION: Final = re.compile(
    r"(?:[ \t]{1,2}(?P<a>\d{1,2}))?/(?P<b>\d{1,3})(?![\d/]|[.,:]\d|[^\W\d_])"
)
_SLASH_DENOMINATORS: Final = frozenset({2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100})
_CONTINUE: Final = re.compile(r"(?i)[ \t]{1,2}(?P<and>and[ \t]{1,2})?(?=\w)")
_VULGAR: Final = {
    "\u00bd": 0.5, "\u2153": 1 / 3, "\u2154": 2 / 3, "\u00bc": 0.25, "\u00be": 0.75,
    "\u2155": 0.2, "\u2156": 0.4, "\u2157": 0.6, "\u2158": 0.8, "\u2159": 1 / 6,
    "\u215a": 5 / 6, "\u215b": 0.125, "\u215c": 0.375, "\u215d": 0.625, "\u215e": 0.875,
}
_HALF: Final = re.compile(
    r"(?i)half(?:[ \t]+an?)?[ \t]+(?P<s>dozen|hundred|thousand|million|billion|trillion)\b"
)
_QUARTER: Final = re.compile(
    r"(?i)quarter(?:[ \t]+of)?(?:[ \t]+an?)?[ \t]+(?P<s>hundred|thousand|million|billion"
    r"|trillion)\b"
)
_VAGUE_AT: Final = re.compile(
    r"(?i)(?:(?P<m>tens|hundreds|dozens)[ \t]+of[ \t]+"
    r"(?P<s>thousands|millions|billions|trillions)"
    r"|(?P<p>dozens|hundreds|thousands|millions|billions|trillions)"
    r"|(?P<sc>scores)(?=[ \t]+of\b))\b"
)
_RANGE_SEP: Final = re.compile(
    r"(?P<dash>[ \t]?[-\u2013\u2014][ \t]?)|[ \t]+(?P<w>(?i:to|and))[ \t]+"
)
_RATE: Final = re.compile(
    r"(?i)(?:[ \t]*-[ \t]*|[ \t]+)(?:(?:a|an|per|each|every)(?:[ \t]*-[ \t]*|[ \t]+)"
    r"(?P<u>year|month|week|day|hour|share|person|head|capita|night|barrel|tonne|ton"
    r"|annum)|(?P<adv>annually|yearly|monthly|weekly|daily|hourly))\b"
    r"(?![ \t]*(?:earlier|ago|before|later|after|prior|previously|back|from|on\b|or\b"
    r"|and\b|-))"
)
_QUAL_AFTER_RE: Final = re.compile(
    r"(?i)[ \t]+or[ \t]+(?P<w>so|more|fewer|less)\b|-(?P<h>odd|plus)\b|(?P<p>\+)(?![\d+])"
)
_QUAL_LEFT: Final = re.compile(
    r"(?i)(?<![\w.])(?P<q>" + _trie(QUALIFIERS, r"[ \t]+") + r")[ \t\u00a0]+\Z"
)
_MULT_LEFT: Final = re.compile(
    r"(?i)(?<![\w])(?:(?P<couple>a[ \t]+couple(?:[ \t]+of)?)|(?P<several>several)"
    r"|(?P<few>a[ \t]+few)|(?P<a>an?))[ \t]+\Z"
)
_BETWEEN_LEFT: Final = re.compile(r"(?i)(?<![\w])between[ \t]+\Z")
_FROM_LEFT: Final = re.compile(r"(?i)(?<![\w])from[ \t]+\Z")
_MONTH_LEFT: Final = re.compile(
    r"(?<![\w.])(?:" + "|".join(m.capitalize() for m in (*MONTHS, *MONTH_ABBREVIATIONS))
    + r")\.?[ \t]+\Z"
)
"""A capitalized month name just before a figure: the figure is the day of a date."""
_A_LEFT: Final = re.compile(r"(?i)(?<![\w])an?[ \t]+\Z")
_GAP: Final = re.compile(r"[ \t\u00a0]{1,3}(?=\w)")
_OF_AFTER: Final = re.compile(r"[ \t]+of\b")
_TIME_UNIT_AFTER: Final = re.compile(
    r"(?i)[ \t-]+(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries)\b"
)
_ONE_BLOCK_LEFT: Final = re.compile(
    r"(?i)(?<![\w])(?:the|this|that|which|each|every|no|any|some|another|last|next|such"
    r"|what|whichever|every|only)[ \t]+\Z"
)
_ONE_BLOCK_RIGHT: Final = re.compile(
    r"(?i)(?:[ \t]+(?:of|another|who|whom|which|that|else|is|was|has|had|can|could"
    r"|would|should|will|must|may|might|does|did|or)\b|['\u2019]s\b|[ \t]*(?:[.,;:!?)\]"
    r"\"\u201d]|\Z))"
)

_MAX_INT_DIGITS: Final = 15


# -------------------------------------------------------------------- parse records


@dataclass(slots=True)
class _Core:
    """A bare number: "2.4 million", "thirty-two", "3rd", "hundreds of thousands"."""

    start: int
    end: int
    value: float
    kind: str = "number"  # number | ordinal | vague | fraction
    high: float | None = None
    scale: float = 1.0  # the scale word's factor ("million"), for range distribution
    separators: bool = False
    ndigits: int = 0  # integer digits of a digit token (0 for words)
    words: bool = False
    bare_one: bool = False
    needs_mult: bool = False  # begins with a scale word: "hundred", "million", "dozen"
    money_only: bool = False  # "5m", "1.2b": a scale only as money
    vague_of_scale: str | None = None


@dataclass(slots=True)
class _Elem:
    """A core with its currency or percent: "$2.4 million", "7.5%", "5,000 riel"."""

    start: int
    end: int
    core: _Core
    currency: str | None = None
    money: bool = False
    percent: bool = False
    divisor: float = 1.0  # 100 for a subunit ("50 cents")


@dataclass(frozen=True, slots=True)
class _Found:
    kind: ExpressionKind
    start: int
    end: int
    value: Quantity | Amount
    core: Span  # the figure with currency/percent, without qualifier and rate
    figure: Span | None = None  # the number alone ("2.4 million" in "$2.4 million")
    figure_value: float | None = None  # its value, before any currency subunit


# ------------------------------------------------------------------------- parsing


def _and_fraction(text: str, pos: int) -> tuple[float, int] | None:
    """" and a half", " and three quarters" at ``pos``: (fraction, end)."""
    m = _AND_FRACTION.match(text, pos)
    if m is None:
        return None
    n = m.group("n").lower()
    d = m.group("d").lower()
    if n in ("a", "an", "one"):
        den = _DENOMINATORS.get(d)
        num = 1.0
    else:
        den = _DENOM_PLURAL.get(d)
        num = float(_UNITS[n])
    if den is None or d == "second":
        return None
    return num / den, m.end()


def _clean(x: float) -> float:
    """Round away binary noise from scaling: 16.4 * 1e6 -> 16400000.0."""
    if x == 0 or not math.isfinite(x):
        return x
    return float(f"{x:.15g}")


def _digit_core(text: str, pos: int) -> tuple[_Core | None, int]:
    """Parse a digit token at ``pos``; returns (core or None, position to resume at).

    The token ("3,517", "2.4", "1e6") may be written as a power ("1.3x10^6"), a slash
    fraction ("2 1/4"), with a vulgar fraction ("3½") or a glued suffix ("3bn", "3rd"),
    and followed by scale words ("2.4 million", "4 thousand 3 hundred")."""
    m = _DIGITS.match(text, pos)
    if m is None:  # pragma: no cover - the anchor guarantees a digit
        return None, pos + 1
    if m.lastgroup == "time":
        return None, m.end()
    if m.lastgroup == "dotted":
        return None, pos  # the caller splits dotted chains
    raw = m.group("num")
    core = _digit_token(raw, pos, m.end())
    if core is None:
        return None, _skip_run(text, m.end())
    written = _power(text, core, raw) or _slash_fraction(text, core, raw)
    if written is not None:
        return written
    vulgar = _VULGAR.get(text[core.end:core.end + 1])
    if vulgar is not None and "." not in raw:
        core.value += vulgar
        core.end += 1
    else:
        done = _glued_suffix(text, core, raw)
        if done is not None:
            return done
    if _TIME_AFTER.match(text, core.end):
        return None, core.end
    _spaced_scales(text, core, raw)
    core.value = _clean(core.value)
    return core, core.end


_FRACTION_OR_EXPONENT: Final = re.compile(r"[.eE]")


def _digit_token(raw: str, pos: int, end: int) -> _Core | None:
    """The bare digits ``raw`` at ``pos``..``end``; None for an integer part longer than
    :data:`_MAX_INT_DIGITS`."""
    if raw.isdigit():  # the usual token ("5", "2024"): what the general steps give
        if len(raw) > _MAX_INT_DIGITS:
            return None
        return _Core(pos, end, float(raw), separators=False, ndigits=len(raw))
    int_part = _FRACTION_OR_EXPONENT.split(raw, maxsplit=1)[0]
    ndigits = sum(ch.isdigit() for ch in int_part)
    if ndigits > _MAX_INT_DIGITS:
        return None
    separators = not int_part.isdigit() and bool(int_part)
    if "e" in raw.lower():
        separators = False
    value = float(raw.replace(",", "").replace(" ", "").replace("\u00a0", "")
                  .replace("\u202f", "").replace("\u2009", ""))
    return _Core(pos, end, value, separators=separators, ndigits=ndigits)


def _power(text: str, core: _Core, raw: str) -> tuple[_Core | None, int] | None:
    """"1.1^23", "2.5^-1", "1.3x10^6": powers as written in calculators and science
    (None when no power follows the digits)."""
    pw = _POWER.match(text, core.end)
    if pw is None or core.separators or "e" in raw.lower():
        return None
    exp = int(pw.group("e")) * (-1 if pw.group("s").count("-") % 2 else 1)
    base = 10.0 if pw.group("x") else core.value
    try:
        power = base ** exp
    except (OverflowError, ZeroDivisionError):
        return None, pw.end()
    if not math.isfinite(power) or abs(power) > 1e15:
        return None, pw.end()
    core.value = _clean(core.value * power if pw.group("x") else power)
    core.end = pw.end()
    return core, core.end


def _slash_fraction(text: str, core: _Core, raw: str) -> tuple[_Core, int] | None:
    """"3/4", "2 1/4": a fraction with a usual denominator, smaller than one (None when
    the digits are not one, or are the middle of a slash chain such as a date)."""
    fm = _SLASH_FRACTION.match(text, core.end)
    pos = core.start
    if fm is None or core.separators or "." in raw or (
        pos >= 2 and text[pos - 1] == "/" and text[pos - 2].isdigit()
    ):
        return None
    a, b = int(fm.group("a") or raw), int(fm.group("b"))
    if b not in _SLASH_DENOMINATORS or not 0 < a < b:
        return None
    whole = core.value if fm.group("a") else 0.0
    core.value = _clean(whole + a / b)
    core.end = fm.end()
    return core, core.end


def _glued_suffix(text: str, core: _Core, raw: str) -> tuple[_Core | None, int] | None:
    """Letters glued to the digits: a scale ("3bn"), a money-only scale ("$5m"), an
    ordinal ("3rd"), a currency code ("115USD", read by the currency reader), or else a
    unit or identifier ("180ml", "1990s", "4x4"): not a count.  None to read on; a
    result to return (the ordinal, or the rejection and where to resume)."""
    glued = _LETTERS.match(text, core.end)
    if glued is None:
        return None
    suffix = glued.group()
    if suffix in _GLUED_SCALE:
        core.value *= _GLUED_SCALE[suffix]
        core.scale = _GLUED_SCALE[suffix]
        core.end = glued.end()
    elif suffix in _GLUED_MONEY_ONLY:
        core.value *= _GLUED_MONEY_ONLY[suffix]
        core.scale = _GLUED_MONEY_ONLY[suffix]
        core.end = glued.end()
        core.money_only = not (suffix != "m" and "." in raw)  # "1.2b" is a billion
    elif suffix.lower() in _ORD_SUFFIX and "." not in raw and not core.separators:
        core.end = glued.end()
        core.kind = "ordinal"
        return core, core.end
    elif _AFTER_CODE.get(suffix, ("", ""))[1] not in ("code", "symbol"):
        return None, glued.end()
    return None


def _spaced_scales(text: str, core: _Core, raw: str) -> None:
    """Scale words after the digits: "2.4 million", "322 hundred", "13 lakh", "3 bn",
    "3 dozen", "2 and a half million", "3 million and a half", "4 thousand 3 hundred
    and 21"."""
    last = core.scale if core.scale > 1 else 0.0
    if last == 0 and "e" not in raw.lower():
        frac = _and_fraction(text, core.end)  # "2 and a half (million)"
        if frac is not None:
            core.value += frac[0]
            core.end = frac[1]
    while True:
        w = _NEXT_WORD.match(text, core.end)
        if w is None or "-" in w.group("sep") or "\n" in w.group("sep"):
            break
        factor = _scale_factor(w.group("w").lower(), last)
        if factor <= last or factor == 0:
            break
        core.value *= factor
        core.scale *= factor
        core.end = w.end()
        core.money_only = False
        last = factor
    if last > 1:
        frac = _and_fraction(text, core.end)  # "3 million and a half"
        if frac is not None:
            core.value += frac[0] * last
            core.end = frac[1]
    if last >= 100:
        _smaller_part(text, core, last)


def _scale_factor(low: str, last: float) -> float:
    """The factor of a scale word after digits (0 for none); "dozen" and "k" only as
    the first scale."""
    factor = (
        100.0 if low == "hundred"
        else 12.0 if low in _DOZEN_WORDS and last == 0
        else _BIG_SCALES.get(low) or _SPACED_ABBR.get(low) or 0.0
    )
    if low == "k" and last == 0:
        factor = 1e3
    return factor


def _smaller_part(text: str, core: _Core, last: float) -> None:
    """"4 thousand 3 hundred and 21": a smaller part after a scale, joined by "and" or
    itself scaled."""
    cm = _CONTINUE.match(text, core.end)
    sub = _core_at(text, cm.end()) if cm is not None else None
    if (cm is not None and sub is not None and sub.kind == "number"
            and 0 < sub.value < last and sub.value == int(sub.value)
            and not sub.money_only and not sub.needs_mult
            and (cm.group("and") or sub.scale > 1)):
        core.value += sub.value
        core.end = sub.end


def _skip_run(text: str, pos: int) -> int:
    """Skip the rest of a run of digits and separators (after a rejected token)."""
    n = len(text)
    while pos < n and (text[pos].isdigit() or text[pos] in ",. \u00a0"):
        if text[pos] == " " and not (pos + 1 < n and text[pos + 1].isdigit()):
            break
        pos += 1
    return pos


# A fraction in words is a cardinal numerator and an ordinal denominator: "three
# fifths", "twenty-three fifths", "one hundred thirty-fifths" (100/35), "a hundredth".
_ORDINAL_AS_CARDINAL: Final = {
    "first": "one", "second": "two", "third": "three", "fourth": "four", "fifth": "five",
    "sixth": "six", "seventh": "seven", "eighth": "eight", "ninth": "nine", "tenth": "ten",
    "eleventh": "eleven", "twelfth": "twelve", "thirteenth": "thirteen",
    "fourteenth": "fourteen", "fifteenth": "fifteen", "sixteenth": "sixteen",
    "seventeenth": "seventeen", "eighteenth": "eighteen", "nineteenth": "nineteen",
    "twentieth": "twenty", "thirtieth": "thirty", "fortieth": "forty", "fiftieth": "fifty",
    "sixtieth": "sixty", "seventieth": "seventy", "eightieth": "eighty",
    "ninetieth": "ninety", "hundredth": "hundred", "thousandth": "thousand",
    "millionth": "million", "billionth": "billion", "trillionth": "trillion",
}
_FRACTION_WORDS: Final = frozenset(
    set(_UNITS) | set(_TEENS) | set(_TENS) | set(_BIG_SCALES) | {"hundred", "and"}
)
_FRACTION_END_OK: Final = re.compile(r"[ \t]*(?:[.,;:!?)\]]|\Z)|[ \t]+of\b")
_POW10: Final = frozenset({"tenth", "hundredth", "thousandth", "millionth", "billionth",
                           "trillionth"})


def _cardinal(words: list[str]) -> float | None:
    """The value of a cardinal in words ("one hundred and thirty-two"), or None when the
    words do not form one number."""
    total, cur = 0.0, 0.0
    last: str | None = None
    last_scale = math.inf
    for w in words:
        if w == "and":
            if last not in ("hundred", "scale"):
                return None
            last = "and"
        elif w in _UNITS or w in _TEENS:
            v = _UNITS.get(w, _TEENS.get(w, 0))
            if not (last in (None, "hundred", "scale", "and")
                    or (last == "tens" and w in _UNITS and v >= 1)):
                return None
            cur += v
            last = "unit"
        elif w in _TENS:
            if last not in (None, "hundred", "scale", "and"):
                return None
            cur += _TENS[w]
            last = "tens"
        elif w == "hundred":
            if last == "unit" or last == "tens":
                if not 0 < cur < 100:
                    return None
                cur *= 100
            elif last is None:
                cur = 100.0
            else:
                return None
            last = "hundred"
        elif w in _BIG_SCALES:
            s = _BIG_SCALES[w]
            if last in ("unit", "tens", "hundred") and cur > 0 and s < last_scale:
                total += cur * s
                cur = 0.0
            elif last is None:
                total = s
            else:
                return None
            last, last_scale = "scale", s
        else:
            return None
    if last in (None, "and"):
        return None
    return total + cur


def _denominator(word: str) -> tuple[str, bool] | None:
    """The singular ordinal of a denominator word and whether it was plural."""
    if word in ("halves", "half"):
        return "second", word == "halves"
    if word in ("quarters", "quarter"):
        return "fourth", word == "quarters"
    if word in _ORDINAL_AS_CARDINAL:
        return word, False
    if word.endswith("s") and word[:-1] in _ORDINAL_AS_CARDINAL:
        return word[:-1], True
    return None


_TH_END: Final = re.compile(r"ths?\b")


def _word_fraction(text: str, pos: int) -> _Core | None:
    """A fraction in words starting at ``pos``: the longest denominator that leaves a
    numerator ("one hundred thirty-fifths" is 100/35), never splitting a hyphenated
    compound or right after "and" ("one hundred and thirty fifths" is 130/5).  A
    singular denominator needs the numerator one ("one twenty-fifth") and an "of" or the
    end of a clause after it, so "the twenty-first century" stays an ordinal."""
    win = text[pos:pos + 120].lower()
    if not (_TH_END.search(win) or "first" in win or "third" in win or "hal" in win
            or "quarter" in win):
        return None  # cheap exit: no ordinal word close enough to end a fraction
    read = _fraction_words(text, pos)
    if read is None:
        return None
    words, hyphens, end, (ordinal, plural) = read
    head = words[:-1]
    a_left = _A_LEFT.search(text, max(0, pos - 4), pos) is not None
    for k in range(len(head) + 1):
        num_words, den_words = head[:k], head[k:]
        if not _fraction_split_ok(head, hyphens, k, a_left):
            continue
        dval = _cardinal(den_words + [_ORDINAL_AS_CARDINAL[ordinal]])
        if dval is None or dval < 2:
            continue
        if num_words and num_words[0] in ("hundred", "thousand", "million", "billion",
                                          "trillion") and not a_left:
            continue
        if (not den_words and len(num_words) >= 2 and num_words[-2] == "and"
                and num_words[-1] in _UNITS):
            return None  # "one hundred and three quarters": a whole and a fraction
        numerator = _numerator(num_words, ordinal)
        if numerator is None:
            continue
        mixed, nval = numerator
        if not plural and (nval != 1 or not _FRACTION_END_OK.match(text, end)):
            continue
        if plural and nval == 1 and not den_words:
            continue
        return _fraction_core(text, pos, end, mixed + nval / dval, plural, num_words)
    return None


def _fraction_words(
    text: str, pos: int
) -> tuple[list[str], list[bool], int, tuple[str, bool]] | None:
    """The words from ``pos`` up to the first denominator word (at most 16): the words
    (lower case), whether a hyphen joined each to the one before, the end, and the
    denominator (its singular ordinal, plural); None when another word comes first."""
    words: list[str] = []
    hyphens: list[bool] = []
    w = _LETTERS.match(text, pos)
    hyphen = False
    while w is not None and len(words) < 16:
        low = w.group().lower()
        d = _denominator(low) if low not in ("second", "seconds") else None
        if d is None and low not in _FRACTION_WORDS:
            return None
        words.append(low)
        hyphens.append(hyphen)
        if d is not None:
            return words, hyphens, w.end(), d
        nxt = _NEXT_WORD.match(text, w.end())
        if nxt is None or "\n" in nxt.group("sep"):
            return None
        hyphen = "-" in nxt.group("sep") or "\u2010" in nxt.group("sep")
        w = _LETTERS.match(text, nxt.start("w"))
    return None


def _fraction_split_ok(head: list[str], hyphens: list[bool], k: int, a_left: bool) -> bool:
    """Whether the words before the denominator may split at ``k`` into a numerator and
    the start of the denominator: not inside a hyphenated compound or after "and"; the
    denominator part never starting with a scale or "and"; no numerator only after
    "a"/"an"."""
    if k < len(head) and (hyphens[k] or (k > 0 and head[k - 1] == "and")):
        return False
    den_words = head[k:]
    if den_words and (den_words[0] in _BIG_SCALES or den_words[0] in ("hundred", "and")):
        return False
    return bool(head[:k]) or a_left


def _numerator(num_words: list[str], ordinal: str) -> tuple[float, float] | None:
    """(whole, numerator) of the numerator words: "three" is (0, 3), none is (0, 1), "two
    and three" before "tenths" is (2, 3); None when they are no number."""
    if not num_words:
        return 0.0, 1.0
    nval = _cardinal(num_words)
    if nval is not None and not ("and" in num_words and ordinal in _POW10):
        return 0.0, nval
    i = len(num_words) - 1 - num_words[::-1].index("and") if "and" in num_words else -1
    whole = _cardinal(num_words[:i]) if i > 0 else None
    part = _cardinal(num_words[i + 1:]) if i > 0 else None
    if whole is None or part is None:
        return None
    return whole, part


def _fraction_core(text: str, pos: int, end: int, value: float, plural: bool,
                   num_words: list[str]) -> _Core:
    """The core of a fraction in words, with "of a million" after a plural one; one
    without a numerator ("a third", "a hundred thirtieths") needs its "a"."""
    om = _OF_A_SCALE.match(text, end)  # "three fifths of a million"
    if om is not None and plural:
        sc = om.group("s").lower()
        value *= 100.0 if sc == "hundred" else _BIG_SCALES[sc]
        end = om.end()
    value = _clean(value)
    needs_a = not num_words or num_words[0] in _BIG_SCALES or num_words[0] == "hundred"
    return _Core(pos, end, value, kind="fraction" if needs_a else "number", words=True,
                 needs_mult=needs_a)


def _word_core(text: str, pos: int, first_end: int) -> _Core | None:
    """Parse a number written in words starting at ``pos`` (the anchor word)."""
    low = text[pos:first_end].lower()
    frac = _word_fraction(text, pos)
    if frac is not None:
        return frac
    if low == "half":
        return _half_core(text, pos)
    if low == "quarter":
        return _quarter_core(text, pos, first_end)
    if low in _ORDINALS:
        return _ordinal_word_core(text, pos, first_end, low)
    return _cardinal_words(text, pos, first_end)


def _half_core(text: str, pos: int) -> _Core | None:
    """"half a million", "half a dozen"; "half" alone is no number."""
    m = _HALF.match(text, pos)
    if m is None:
        return None
    s = m.group("s").lower()
    factor = 12.0 if s == "dozen" else 100.0 if s == "hundred" else _BIG_SCALES[s]
    return _Core(pos, m.end(), 0.5 * factor, scale=factor, words=True)


def _quarter_core(text: str, pos: int, first_end: int) -> _Core | None:
    """"a quarter of a million", "quarter million"; "a quarter of" as a fraction."""
    m = _QUARTER.match(text, pos)
    if m is not None:
        s = m.group("s").lower()
        factor = 100.0 if s == "hundred" else _BIG_SCALES[s]
        return _Core(pos, m.end(), 0.25 * factor, scale=factor, words=True,
                     needs_mult=False)
    if _OF_AFTER.match(text, first_end):
        return _Core(pos, first_end, 0.25, kind="fraction", words=True, needs_mult=True)
    return None


def _ordinal_word_core(text: str, pos: int, first_end: int, low: str) -> _Core:
    """An ordinal word ("third"), or "a third of": a fraction when "a"/"an" precedes
    (checked by the caller)."""
    if low in _DENOMINATORS and low not in ("second",) and _OF_AFTER.match(
        text, first_end
    ):
        return _Core(pos, first_end, 1.0 / _DENOMINATORS[low], kind="fraction",
                     words=True, needs_mult=True)
    return _Core(pos, first_end, float(_ORDINALS[low]), kind="ordinal", words=True)


@dataclass(slots=True)
class _Words:
    """The running reading of a cardinal in words ("two hundred and thirty-one
    thousand"), one word at a time: ``last`` is the class of the word read last."""

    total: float = 0.0  # the part already multiplied by a big scale
    cur: float = 0.0  # the part below the last big scale
    last: str | None = None  # unit | tens | hundred | scale | dozen | and | frac | point
    last_scale: float = math.inf
    scale: float = 1.0
    needs_mult: bool = False
    ordinal: bool = False
    fraction: bool = False
    nwords: int = 0


def _cardinal_words(text: str, pos: int, first_end: int) -> _Core | None:
    """A cardinal in words from ``pos``: "three hundred and twenty-one thousand",
    "two point five million", "twenty-first" (an ordinal), "three fifths" (a fraction),
    "hundred" or "dozen" alone (needing a multiplier)."""
    st = _Words()
    end = pos
    word_start, word_end, hyphen = pos, first_end, False
    while True:
        w = text[word_start:word_end].lower()
        if hyphen and not _hyphen_joins(st.last, w):
            break
        if w == "and" and st.last in ("hundred", "scale"):
            nxt = _and_continues(text, word_end)
            if nxt is not None:
                st.last = "and"
                word_start, word_end, hyphen = nxt.start("w"), nxt.end("w"), False
                continue
            consumed: bool | None = False
        elif w == "point" and st.last in ("unit", "tens", "hundred", "scale"):
            point = _take_point(text, st, word_end)
            if point is not None:
                end, nxt = point
                if nxt is None:
                    break
                word_start, word_end = nxt.start("w"), nxt.end("w")
                hyphen = "-" in nxt.group("sep")
                continue
            consumed = False
        else:
            consumed = _take_word(st, w)
            if consumed is None:
                break
        if not consumed and not _take_denominator(st, w):
            break
        end = word_end
        st.nwords += 1
        if st.ordinal or st.fraction:
            break
        if st.last in ("unit", "tens", "hundred", "scale"):
            fr = _and_fraction(text, end)
            if fr is not None:
                end = fr[1]
                if _take_and_fraction(st, fr[0]):
                    break
        nxt = _NEXT_WORD.match(text, end)
        if nxt is None:
            break
        word_start, word_end = nxt.start("w"), nxt.end("w")
        sep = nxt.group("sep")
        hyphen = "-" in sep or "\u2010" in sep or "\u2011" in sep
    if end == pos:
        return None
    return _words_core(text, pos, end, st)


def _hyphen_joins(last: str | None, w: str) -> bool:
    """Whether a hyphen may join ``w`` to the words before: "twenty-one", "twenty-first",
    "three-fifths"."""
    return (
        last == "tens" and (1 <= _UNITS.get(w, 0) <= 9 or 1 <= _ORDINALS.get(w, 0) <= 9)
    ) or (last == "unit" and (w in _DENOMINATORS or w in _DENOM_PLURAL))


def _and_continues(text: str, pos: int) -> re.Match[str] | None:
    """The word after an "and" at ``pos`` when it continues the number ("hundred and
    five", "thousand and twentieth")."""
    nxt = _NEXT_WORD.match(text, pos)
    if nxt is None or "-" in nxt.group("sep"):
        return None
    nl = nxt.group("w").lower()
    if nl in _UNITS or nl in _TEENS or nl in _TENS or _ORDINALS.get(nl, 100) < 100:
        return nxt
    return None


def _take_point(text: str, st: _Words, pos: int) -> tuple[int, re.Match[str] | None] | None:
    """"point five", "point zero three" after the whole part: (end of the decimals, the
    word after them); None when no decimal digits follow "point"."""
    digits, end = _decimal_words(text, pos)
    if not digits:
        return None
    st.cur += float("0." + digits)
    st.last = "point"
    st.nwords += 1
    return end, _NEXT_WORD.match(text, end)


def _take_word(st: _Words, w: str) -> bool | None:
    """Read the word ``w`` into ``st``: True when it continues the number, False when it
    does not, None when the number must end before it ("one zero")."""
    if w in _UNITS or w in _TEENS:
        return _take_unit(st, w)
    if w in _TENS:
        if st.last in (None, "hundred", "scale", "and"):
            st.cur += _TENS[w]
            st.last = "tens"
            return True
        return False
    if w == "hundred":
        return _take_hundred(st)
    if w in _BIG_SCALES:
        return _take_big_scale(st, _BIG_SCALES[w])
    if w in _DOZEN_WORDS:
        return _take_dozen(st, w)
    if w in _ORDINALS and not st.fraction:
        ov = _ORDINALS[w]
        if (st.last == "tens" and 1 <= ov <= 9) or (
            st.last in ("hundred", "scale", "and") and ov < 100
        ):
            st.cur += ov
            st.ordinal = True
            return True
    return False


def _take_unit(st: _Words, w: str) -> bool | None:
    """"one" .. "nineteen": after nothing, a hundred, a scale, "and", or a ten ("twenty
    one"); a zero only first."""
    v = _UNITS.get(w, _TEENS.get(w, 0))
    if st.last in (None, "hundred", "scale", "and") or (
        st.last == "tens" and w in _UNITS and v >= 1
    ):
        if v == 0 and st.last is not None:
            return None
        st.cur += v
        st.last = "unit"
        return True
    return False


def _take_hundred(st: _Words) -> bool:
    """"hundred" after one to ninety-nine, or first (then it needs a multiplier)."""
    if st.last in ("unit", "tens") and 0 < st.cur < 100:
        st.cur *= 100
        st.last = "hundred"
        st.scale = max(st.scale, 100.0)
        return True
    if st.last is None:
        st.cur = 100.0
        st.last = "hundred"
        st.needs_mult = True
        st.scale = 100.0
        return True
    return False


def _take_big_scale(st: _Words, s: float) -> bool:
    """"thousand", "million", "lakh"...: after a smaller part, after a smaller scale
    ("thousand million", "lakh crore"), or first (then it needs a multiplier)."""
    if st.last in ("unit", "tens", "hundred", "frac", "point") and st.cur > 0:
        if s < st.last_scale:
            st.total += st.cur * s
            st.cur = 0.0
            st.last = "scale"
            st.last_scale = s
            st.scale = max(st.scale, s)
            return True
        return False
    if st.last == "scale" and st.cur == 0 and s > st.last_scale and st.total > 0:
        st.total *= s
        st.last_scale = s
        st.scale *= s
        return True
    if st.last is None:
        st.total = s
        st.last = "scale"
        st.last_scale = s
        st.needs_mult = True
        st.scale = s
        return True
    return False


def _take_dozen(st: _Words, w: str) -> bool:
    """"three dozen", or "dozen" first (then it needs a multiplier)."""
    if st.last in ("unit", "tens") and st.total == 0 and 0 < st.cur < 100:
        st.cur *= 12
        st.last = "dozen"
        st.scale = 12.0
        return True
    if st.last is None and w == "dozen":
        st.cur = 12.0
        st.last = "dozen"
        st.needs_mult = True
        st.scale = 12.0
        return True
    return False


def _take_and_fraction(st: _Words, fraction: float) -> bool:
    """" and a half" after the words read: "three and a half" goes on ("three and a half
    million"), "three million and a half" ends the number (True)."""
    st.nwords += 1
    if st.last == "scale":
        st.total += fraction * st.last_scale
        return True
    st.cur += fraction
    st.last = "frac"
    return False


def _take_denominator(st: _Words, w: str) -> bool:
    """"three fifths", "one third": a denominator right after a first word of one to
    ten makes a fraction."""
    if not (st.last == "unit" and st.total == 0 and 1 <= st.cur <= 10 and st.nwords == 1):
        return False
    den = _DENOMINATORS.get(w) if st.cur == 1 else _DENOM_PLURAL.get(w)
    if den is None or w == "second":
        return False
    st.cur = st.cur / den
    st.fraction = True
    return True


def _words_core(text: str, pos: int, end: int, st: _Words) -> _Core:
    """The core of the words read into ``st`` (``pos``..``end``), with "of a million"
    after a fraction ("two thirds of a million", "three quarters billion")."""
    cur = st.cur
    fraction = st.fraction
    if fraction:
        om = _OF_A_SCALE.match(text, end)
        if om is not None:
            cur *= 100.0 if om.group("s").lower() == "hundred" else _BIG_SCALES[
                om.group("s").lower()]
            end = om.end()
            fraction = False
    value = _clean(st.total + cur)
    core = _Core(pos, end, value, words=True, scale=st.scale, needs_mult=st.needs_mult)
    if st.ordinal:
        core.kind = "ordinal"
    elif fraction:
        core.kind = "fraction"
    elif st.nwords == 1 and text[pos:end].lower() == "one":
        core.bare_one = True
    return core


def _decimal_words(text: str, pos: int) -> tuple[str, int]:
    """The digits after "point": "zero three" -> "03", "seventy-one" -> "71"."""
    digits = ""
    end = pos
    while len(digits) < 12:
        nxt = _NEXT_WORD.match(text, end)
        if nxt is None or "-" in nxt.group("sep"):
            break
        w = nxt.group("w").lower()
        if w in _UNITS:
            digits += str(_UNITS[w])
            end = nxt.end()
        elif not digits and (w in _TEENS or w in _TENS):
            v = _TEENS.get(w, _TENS.get(w, 0))
            end = nxt.end()
            if w in _TENS:
                unit = _NEXT_WORD.match(text, end)
                if unit is not None and 1 <= _UNITS.get(unit.group("w").lower(), 0) <= 9:
                    v += _UNITS[unit.group("w").lower()]
                    end = unit.end()
            return str(v), end
        else:
            break
    return digits, end


def _vague_core(text: str, pos: int) -> _Core | None:
    m = _VAGUE_AT.match(text, pos)
    if m is None:
        return None
    if m.group("m"):
        lo, hi = VAGUE[m.group("m").lower() + " of <scale>s"]
        factor = _BIG_SCALES[m.group("s").lower()[:-1]]
        return _Core(pos, m.end(), float(lo * factor), kind="vague",
                     high=float((hi + 1) * factor - 1), words=True, scale=factor)
    lo, hi = VAGUE["scores" if m.group("sc") else m.group("p").lower()]
    return _Core(pos, m.end(), float(lo), kind="vague", high=float(hi), words=True)


def _core_at(text: str, pos: int) -> _Core | None:
    """Any core number starting exactly at ``pos`` (digits or words)."""
    ch = text[pos] if pos < len(text) else ""
    if ch in _VULGAR:
        return _Core(pos, pos + 1, _VULGAR[ch], kind="fraction")
    if ch.isdigit() or (ch == "." and pos + 1 < len(text) and text[pos + 1].isdigit()):
        if pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] == "_"):
            return None
        core, _ = _digit_core(text, pos)
        return core
    w = _LETTERS.match(text, pos)
    if w is None or (pos > 0 and text[pos - 1].isalnum()):
        return None
    low = w.group().lower()
    if low in ("dozens", "hundreds", "thousands", "millions", "billions", "trillions",
               "tens", "scores"):
        return _vague_core(text, pos)
    if (
        low in _UNITS or low in _TEENS or low in _TENS or low in _BIG_SCALES
        or low in _ORDINALS or low in ("half", "quarter", "hundred", "dozen")
    ):
        return _word_core(text, pos, w.end())
    return None


def _code_between(text: str, core: _Core, m: re.Match[str]) -> tuple[str, str, int] | None:
    """A currency code between two numbers (``m``): it is the first one's when the second
    has a currency of its own ("10 RMB 20 USD"), or when the second is its cents, two
    digits ("17 USD 25"; never after a year: "in 2019 USD 20 bought"); otherwise it is
    the second one's prefix (None)."""
    nxt = _GAP_DIGIT.match(text, m.end())
    if nxt is None:  # pragma: no cover - the regex looked ahead for the digit
        return None
    if nxt.end() == m.end() and m.start("c") > m.start():
        return None  # "3 USD50": the code is written onto the second number
    second, _ = _digit_core(text, nxt.end())
    if second is None or second.kind != "number":
        return None
    code = _AFTER_CODE[m.group("c")][0]
    if _OWN_CODE.match(text, second.end) or _name_after(text, second.end) is not None:
        return code, "code", m.end()
    year_like = core.ndigits == 4 and not core.separators and core.value == int(core.value)
    if (second.ndigits == 2 and second.end - second.start == 2 and second.scale == 1
            and core.scale == 1 and not year_like):
        core.value = _clean(core.value + second.value / 100.0)
        return code, "code+cents", second.end
    return None


def _name_after(text: str, pos: int) -> re.Match[str] | None:
    """The currency name after one or two spaces or a hyphen at ``pos`` ("5 euros",
    "a 5-euro fee"), as its own match (see ``_CUR_NAME``), or None."""
    for lead in _NAME_LEADS:
        m = lead.match(text, pos)
        if m is not None:
            name = _CUR_NAME.match(text, m.end())
            if name is not None:
                return name
    return None


def _currency_after(text: str, core: _Core, end: int) -> tuple[str, str, int] | None:
    """A currency written after the number: (code, kind, end); code "" when the name
    does not tell which currency ("francs")."""
    m = _CUR_MCODE_AFTER.match(text, end)
    if m is not None:  # "30 MUSD": millions, as finance tables write them
        core.value = _clean(core.value * 1e6)
        core.scale *= 1e6
        return _AFTER_CODE[m.group("c")][0], "code", m.end()
    m = _CUR_CODE_AFTER.match(text, end)
    if m is not None:
        code, kind = _AFTER_CODE[m.group("c")]
        cend = m.end()
        sm = _SCALE_AFTER_CODE.match(text, cend)
        if sm is not None and kind == "code" and core.scale == 1:  # "75 USD million"
            factor = _BIG_SCALES.get(sm.group("s").lower()) or _SPACED_ABBR[
                sm.group("s").lower()]
            core.value = _clean(core.value * factor)
            core.scale = factor
            cend = sm.end()
        return code, kind, cend
    m = _CUR_CODE_BETWEEN.match(text, end)
    if m is not None:
        between = _code_between(text, core, m)
        if between is not None:
            return between
    m = _name_after(text, end)
    if m is not None:
        name = re.sub(r"\s+", " ", m.group().lower())
        code, kind = _AFTER_CODE.get(name, ("", ""))
        if kind == "unresolved":
            return "", kind, m.end()
        if not code:
            return None
        if kind == "weak" and not (core.scale >= 1e3 or core.separators):
            return None
        return code, kind, m.end()
    return None


_PRONOUN_US: Final = re.compile(r"us \$")
_DETERMINER_LEFT: Final = re.compile(
    r"(?i)(?:(?<![\w'\u2019])(?:a|an|the|its|their|his|her|our|your|my|this|that)"
    r"|['\u2019] ?s)[ \t]+\Z"
)
"""Before a lower-case "us $", a word that makes "us" the country ("a us $ 150 million
loan", "India's us $ 10 billion deal") rather than the pronoun ("cost us $5")."""


def _element(text: str, pos: int, prefixed: bool) -> _Elem | None:
    """Parse [currency prefix] core [percent | currency] starting at ``pos``."""
    if prefixed:
        return _prefixed_element(text, pos)
    core = _core_at(text, pos)
    if core is None:
        return None
    elem = _Elem(pos, core.end, core)
    if core.kind in ("ordinal", "fraction"):
        return elem
    if core.kind == "vague":
        lead = _OF_LEAD.match(text, core.end)
        m = _CUR_NAME.match(text, lead.end()) if lead is not None else None
        if m is not None:
            name = re.sub(r"\s+", " ", m.group().lower())
            code, kind = _AFTER_CODE.get(name, ("", ""))
            if code and kind != "subunit":
                elem.currency, elem.money, elem.end = code, True, m.end()
        return elem
    pm2 = _PERCENT.match(text, core.end)
    if pm2 is not None:
        elem.percent = True
        elem.end = pm2.end()
        return elem
    cur = _currency_after(text, core, core.end)
    if cur is not None:
        code, kind, cend = cur
        elem.currency, elem.money, elem.end = code or None, True, cend
        if kind == "subunit":
            elem.divisor = 100.0
        elif kind != "code+cents":
            _subunit_and_cents(text, elem)
    return elem


def _prefixed_element(text: str, pos: int) -> _Elem | None:
    """A sum whose currency comes first ("US$5 million", "EUR 12", "MAUD 60"): the
    prefix, then a figure in digits, then any subunit or cents."""
    pm = _CUR_PREFIX_AT.match(text, pos)
    if pm is None:
        return None
    sym = text[pos:pm.end()].rstrip(" \u00a0")
    if _PRONOUN_US.fullmatch(sym) and not (
        _DETERMINER_LEFT.search(text, max(0, pos - 8), pos)
    ):
        # "give us $5": the pronoun, and the amount starts at "$"
        return _prefixed_element(text, pos + len(sym) - 1)
    currency, millions = _prefix_currency(sym)
    if currency is None:  # pragma: no cover - the table and the regex agree
        return None
    start, pos = pos, pm.end()
    if not text[pos:pos + 1].isdigit() and not text[pos:pos + 2].startswith("."):
        return None
    core, _ = _digit_core(text, pos)
    if core is None or core.kind != "number":
        return None
    if millions:
        if core.scale != 1:
            return None  # "MUSD 5 million": which scale is meant is unclear
        core.value = _clean(core.value * 1e6)
        core.scale = 1e6
    elem = _Elem(start, core.end, core, currency=currency, money=True)
    _subunit_and_cents(text, elem)
    return elem


def _prefix_currency(sym: str) -> tuple[str | None, bool]:
    """The currency code of a prefix as written ("US$", "A $", "EUR"), and whether it
    is a millions prefix ("MAUD": million AUD)."""
    currency = _PREFIX_CODE.get(sym) or _PREFIX_CODE.get(sym.replace(" ", ""))
    if currency is None and "$" in sym:
        currency = _PREFIX_CODE.get(_dollar_key(sym))
    if currency is None and sym[:1] == "M":  # "MAUD 60": 60 million AUD
        return _PREFIX_CODE.get(sym[1:]), True
    return currency, False


def _subunit_and_cents(text: str, elem: _Elem) -> None:
    """"thirteen dollars and forty-five cents" -> 13.45."""
    m = _AND_CENTS.match(text, elem.end)
    if m is None:
        return
    c = _core_at(text, m.end())
    if c is None or c.kind != "number" or not (0 < c.value < 100) or c.value != int(c.value):
        return
    s = _SUBUNIT_AFTER.match(text, c.end)
    if s is None:
        # "15 dollars 50.", "thirteen dollars forty five": cents without their unit, only
        # where the clause ends there (not "$20 and 15 others")
        if elem.currency is None or not _CLAUSE_END.match(text, c.end):
            return
        elem.core.value = _clean(elem.core.value + c.value / 100.0)
        elem.end = c.end
        return
    elem.core.value += c.value / 100.0
    elem.end = s.end()


def _parse_at(text: str, m: re.Match[str], floor: int) -> tuple[list[_Found], int]:
    """Parse one expression at anchor ``m``; returns (found, position to resume at).
    ``floor`` is the end of the previous expression: nothing before it is read again."""
    pos = m.start()
    if m.lastgroup == "dig":
        dm = _DIGITS.match(text, pos)
        if dm is not None and dm.lastgroup == "dotted":
            return _dotted(text, dm), dm.end()
    elem, negative = _anchored_element(text, m)
    if elem is None:
        return [], _resume_after(text, m)
    core = elem.core
    if negative:
        core.value = -core.value
    if core.money_only and not elem.money:
        return [], core.end
    if core.kind == "ordinal":
        return [_Found("ordinal", elem.start, elem.end, Quantity(core.value),
                       (elem.start, elem.end))], elem.end
    if core.kind == "fraction" and core.needs_mult:
        return _a_fraction(text, m, elem, floor)
    rd = _Reading(elem.start, elem.end, core.value, core.high)
    if not _multiplier(text, elem, rd, floor):
        return [], core.end
    rd.money_start = rd.start
    if core.kind == "number" and rd.qualifier == "exact" and not negative:
        _take_range(text, elem, rd, floor)
    if core.bare_one and _one_is_pronoun(text, elem, rd, floor):
        return [], rd.end
    rd.core_end = rd.end
    if elem.money:
        _take_rate(text, rd)
    if rd.qualifier == "exact":
        _take_qualifiers(text, rd, floor)
    return [_found(elem, rd, negative)], rd.end


@dataclass(slots=True)
class _Reading:
    """What :func:`_parse_at` has read around an element so far: the span, the value
    and its qualifier, where the figure with its currency starts and ends."""

    start: int
    end: int
    value: float
    high: float | None
    qualifier: Qualifier = "exact"
    fig_a: bool = False  # "a hundred": the figure includes the "a"
    money_start: int = 0
    range_end: int | None = None
    core_end: int = 0
    per: str | None = None


def _one_is_pronoun(text: str, elem: _Elem, rd: _Reading, floor: int) -> bool:
    """"the one", "no one", "one of", "this one.": a bare "one" that is no number (never
    in a range, as money or as a percent)."""
    return rd.range_end is None and not elem.money and not elem.percent and bool(
        _ONE_BLOCK_LEFT.search(text, max(floor, rd.start - 12), rd.start)
        or _ONE_BLOCK_RIGHT.match(text, rd.end)
    )


def _anchored_element(text: str, m: re.Match[str]) -> tuple[_Elem | None, bool]:
    """The element at anchor ``m`` and whether it is negative ("-5", "minus five")."""
    pos = m.start()
    group = m.lastgroup
    if group == "neg":
        elem = _element(text, pos + 1, prefixed=False)
        if elem is not None:
            elem.start = pos
        return elem, True
    if group == "word" and text[pos:m.end()].lower() in ("minus", "negative"):
        nxt = _GAP.match(text, m.end())
        if nxt is None:
            return None, False
        elem = _element(text, nxt.end(), prefixed=False)
        if elem is None or elem.core.kind != "number" or elem.money or elem.core.needs_mult:
            return None, False
        elem.start = pos
        elem.core.bare_one = False
        return elem, True
    return _element(text, pos, prefixed=(group == "cur")), False


def _resume_after(text: str, m: re.Match[str]) -> int:
    """Where to resume after an anchor that gave nothing: past the whole digit token and
    any letters glued to it ("180ml"), else past the anchor."""
    pos = m.start()
    if m.lastgroup == "dig":
        dm = _DIGITS.match(text, pos)
        end = dm.end() if dm is not None else pos + 1
        glued = _LETTERS.match(text, end)
        return glued.end() if glued is not None else max(end, pos + 1)
    return max(m.end(), pos + 1)


def _a_fraction(text: str, m: re.Match[str], elem: _Elem,
                floor: int) -> tuple[list[_Found], int]:
    """"a third of", "a quarter of": a fraction only after "a"/"an"; else the ordinal
    word it may be ("the third of May"), or nothing."""
    core = elem.core
    start = elem.start
    am = _A_LEFT.search(text, max(floor, start - 4), start)
    if am is None:
        word = text[m.start():m.end()].lower()
        if word in _ORDINALS:
            return [_Found("ordinal", start, core.end, Quantity(float(_ORDINALS[word])),
                           (start, core.end))], core.end
        return [], m.end()
    start = am.start()
    return [_Found("number", start, elem.end, Quantity(core.value), (start, elem.end),
                   (start, elem.end), core.value)], elem.end


def _multiplier(text: str, elem: _Elem, rd: _Reading, floor: int) -> bool:
    """"a hundred", "several thousand", "a few dozen", "a couple of hundred": a scale word
    read first needs a multiplier before it (False without one); "a quarter million"
    includes its "a"."""
    core = elem.core
    if core.kind == "number" and text[core.start:core.start + 7].lower() == "quarter":
        am = _A_LEFT.search(text, max(floor, rd.start - 4), rd.start)
        if am is not None:
            rd.start = core.start = am.start()
    if core.needs_mult:
        mm = _MULT_LEFT.search(text, max(floor, rd.start - 16), rd.start)
        if mm is None:
            return False
        rd.start = mm.start()
        rd.fig_a = bool(mm.group("a"))
        if mm.group("several") or mm.group("few"):
            lo, hi = VAGUE["several <scale>" if mm.group("several") else "a few <scale>"]
            rd.value, rd.high, rd.qualifier = (float(lo * core.value), float(hi * core.value),
                                               "vague")
        elif mm.group("couple"):
            rd.value, rd.qualifier = 2 * core.value, "approximate"
    if core.kind == "vague":
        rd.qualifier = "vague"
    return True


def _take_range(text: str, elem: _Elem, rd: _Reading, floor: int) -> None:
    """"20-30", "20 to 30 million", "between $1m and $2m", "10-15%": the second figure
    widens the reading, and gives the first its currency or percent."""
    rng = _range(text, elem, rd.start, floor)
    if rng is None:
        return
    elem2, rd.value, rd.high, range_start = rng
    rd.qualifier = "range"
    rd.start = rd.money_start = range_start
    rd.range_end = rd.end = elem2.end
    if elem2.money and not elem.money:
        elem.money, elem.currency = True, elem2.currency
    if elem2.percent:
        elem.percent = True


def _take_rate(text: str, rd: _Reading) -> None:
    """A rate after money: "a year", "per day", "annually", "a share"."""
    rm = _RATE.match(text, rd.end)
    if rm is not None:
        rd.per = RATES[(rm.group("u") or rm.group("adv")).lower()]
        rd.end = rm.end()


def _take_qualifiers(text: str, rd: _Reading, floor: int) -> None:
    """Qualifiers after ("or more", "-odd", "+"; not after a rate) and before ("about",
    "more than"; "over" neither before a duration nor after a phrasal verb); the one
    before wins unless only the one after was read."""
    qa = _QUAL_AFTER_RE.match(text, rd.core_end)
    if qa is not None and rd.per is None:
        word = (qa.group("w") or qa.group("h") or qa.group("p")).lower()
        rd.qualifier = _QUAL_AFTER["or " + word if qa.group("w") else word]
        rd.end = qa.end()
    ql = _QUAL_LEFT.search(text, max(floor, rd.start - 24), rd.start)
    if ql is None:
        return
    phrase = re.sub(r"\s+", " ", ql.group("q").lower())
    q = QUALIFIERS.get(phrase)
    if q is None or (
        phrase == "over" and (_TIME_UNIT_AFTER.match(text, rd.core_end)
                              or _PHRASAL_OVER.search(text, max(0, ql.start() - 16),
                                                      ql.start()))
    ):
        return
    if rd.qualifier == "exact" or qa is None:
        rd.qualifier = q
    rd.start = ql.start()


def _found(elem: _Elem, rd: _Reading, negative: bool) -> _Found:
    """The expression read: an amount (a subunit divided out), a percent or a number,
    with its figure when it is one number written out."""
    core = elem.core
    figure: Span | None = None
    if rd.range_end is None and rd.qualifier in ("exact", "approximate", "at_least",
                                                 "at_most"):
        figure = (elem.start if negative else core.start, core.end)
        if core.needs_mult:
            figure = (rd.money_start, core.end) if rd.fig_a else None
    value, high = rd.value, rd.high
    if elem.money:
        if elem.divisor != 1.0:
            value /= elem.divisor
            high = None if high is None else high / elem.divisor
        amount = Amount(value, elem.currency, rd.qualifier, high, rd.per)
        return _Found("amount", rd.start, rd.end, amount, (rd.money_start, rd.core_end),
                      figure, core.value)
    kind: ExpressionKind = "percent" if elem.percent else "number"
    return _Found(kind, rd.start, rd.end, Quantity(value, rd.qualifier, high),
                  (rd.money_start, rd.core_end), figure, core.value)


def _range(
    text: str, elem: _Elem, start: int, floor: int
) -> tuple[_Elem, float, float, int] | None:
    """Read "<elem> - <elem2>", "<elem> to <elem2>", "between <elem> and <elem2>"."""
    sm = _RANGE_SEP.match(text, elem.end)
    if sm is None:
        return None
    range_start = _range_start(text, (sm.group("w") or "").lower(), start, floor)
    if range_start is None:
        return None
    nxt = sm.end()
    elem2 = _element(text, nxt, prefixed=bool(_CUR_PREFIX_AT.match(text, nxt)))
    if elem2 is None or elem2.core.kind != "number" or elem2.core.money_only and not (
        elem2.money
    ):
        return None
    c1, c2 = elem.core, elem2.core
    if c2.needs_mult or c1.needs_mult:
        return None
    if (elem2.money or elem2.percent or c2.scale > 1) and not elem.money and \
            _MONTH_LEFT.search(text, max(0, start - 11), start):
        return None  # "rose in the quarter ended Sept. 30 to $7 million": a day, then a sum
    if sm.group("dash") and not _dash_range(text, c1, c2):
        return None
    if elem.percent and not elem2.percent:
        return None  # "20% to 30"; "$20 to 30" is a range of dollars
    if elem.money and elem2.money and elem.currency != elem2.currency:
        return None
    low, high = c1.value, c2.value
    if c2.scale > 1 and c1.scale == 1 and c1.value < c2.value / c2.scale:
        low = c1.value * c2.scale  # "20-30 million"
    if not low < high:
        return None
    return elem2, low, high, range_start


def _range_start(text: str, word: str, start: int, floor: int) -> int | None:
    """Where a range joined by ``word`` starts: "and" needs "between" before it; "to"
    after "from" states a change ("rose from 20 to 30"), not a range (None)."""
    if word == "and":
        bm = _BETWEEN_LEFT.search(text, max(floor, start - 10), start)
        return None if bm is None else bm.start()
    if word == "to" and _FROM_LEFT.search(text, max(floor, start - 7), start):
        return None
    return start


def _dash_range(text: str, c1: _Core, c2: _Core) -> bool:
    """Whether "<c1>-<c2>" is a range: not one link of a chain of three or more (phone
    numbers, ISO dates), not words ("twenty-five"), not a phone number ("555-1234")."""
    before = text[max(0, c1.start - 2):c1.start]
    if len(before) == 2 and before[1] in "-/" and before[0].isdigit():
        return False
    after = text[c2.end:c2.end + 2]
    if len(after) == 2 and after[0] in "-/.:" and after[1].isdigit():
        return False
    if c1.words or c2.words:
        return False
    return not (c1.ndigits == 3 and c2.ndigits == 4
                and not text[c2.start:c2.end].endswith("00"))


def _dotted(text: str, m: re.Match[str]) -> list[_Found]:
    """"192.168.1.2", "3.11.7": the parts, as separate integers."""
    out: list[_Found] = []
    pos = m.start()
    for part in m.group().split("."):
        if len(part) <= _MAX_INT_DIGITS:
            span = (pos, pos + len(part))
            out.append(_Found("number", span[0], span[1], Quantity(float(part)), span,
                              span, float(part)))
        pos += len(part) + 1
    return out


# --------------------------------------------------------------------- public API


def _scan(text: str, strict: bool = False) -> list[_Found]:
    out: list[_Found] = []
    pos = 0
    floor = 0
    search = _ANCHOR.search
    while True:
        m = search(text, pos)
        if m is None:
            break
        try:
            found, nxt = _parse_at(text, m, floor)
        except Exception:  # pragma: no cover - a safety net; tests run strict
            if strict:
                raise
            found, nxt = [], m.end()
        if found:
            out.extend(found)
            floor = found[-1].end
            nxt = max(nxt, floor)
        pos = max(nxt, m.start() + 1)
    return out


def find_numbers(text: str) -> list[Expression]:
    """Every number, ordinal, percent and money amount in ``text``, sorted by span and
    non-overlapping; spans include qualifiers, currency and rate (see module docs)."""
    return [
        Expression(f.kind, text[f.start:f.end], (f.start, f.end), f.value)
        for f in _scan(text)
        if _finite(f.value) and not _broken_grouping(text, f.start, f.end)
    ]


def _broken_grouping(text: str, start: int, end: int) -> bool:
    """Whether a number is a piece of digits glued by one comma that is no thousands
    separator: "1,20 people" or a mistyped "1,2O0" (a letter O) is not 1 and 20, and
    "1,2" may be a decimal comma.  No figure is better than a wrong one.  Three or more
    glued by commas ("nos. 22,24,26") are a list."""
    if text[end:end + 1] == "," and text[end + 1:end + 2].isdigit() and (
            text[end - 1:end].isdigit()):
        at = end
    elif start >= 2 and text[start - 1] == "," and text[start - 2].isdigit() and (
            text[start:start + 1].isdigit()):
        at = start - 1
    else:
        return False
    run = _GLUED.search(text, max(0, at - 40), min(len(text), at + 40))
    while run is not None and run.end() <= at:
        run = _GLUED.search(text, run.end(), min(len(text), at + 40))
    return run is None or run.group().count(",") < 2


_GLUED = re.compile(r"\d+(?:,\d+)+")


def _finite(value: object) -> bool:
    """False for a number too large for a float (``1e400``): nobody reported it, and
    ``inf`` would make the JSON report invalid (``Infinity``)."""
    return all(not isinstance(x, float) or math.isfinite(x)
               for x in (getattr(value, "value", value), getattr(value, "high", None)))

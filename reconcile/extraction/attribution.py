"""Who a sentence says made a claim: "said X", "according to X", "X estimates that",
"a X report saying", "X sources say".  Pronouns ("he said", "it said") resolve to the
last named speaker in the same source, which the caller tracks."""

from __future__ import annotations

import re

from ..english import MONTHS, WEEKDAYS

# A capitalized name: words starting upper case, joined by a few lower-case particles.
# The two alternatives inside the repetition are disjoint (lower vs upper case), so the
# pattern matches in linear time.
_CAP = r"[A-Z][\w'’.\-]*"
_NAME = rf"{_CAP}(?:(?:\s+(?:of|for|on|the|and|de|du|al|bin|van|von|der))*\s+{_CAP}){{0,8}}"
_REPORT_VERBS = (
    r"said|says|say|told|tells|added|noted|stated|announced|estimates?|estimated|"
    r"reported|reports|cited|claimed|claims|confirmed|warned|wrote"
)

_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"\b[Aa]ccording to\s+(?:the\s+|a\s+|an\s+)?(?P<np>{_NAME}(?:\s+[a-z]+){{0,2}})"),
    re.compile(rf"[,;]\s*(?:{_REPORT_VERBS})\s+(?:the\s+)?(?P<np>{_NAME})"),
    re.compile(rf"\breport(?:ed)?\s+(?:from|by|of)\s+(?:the\s+)?(?P<np>{_NAME})"),
    re.compile(
        rf"(?:^|[\s“\"(])(?:[Tt]he\s+)?(?P<np>{_NAME}(?:\s+[a-z]+){{0,3}}?)"
        rf"\s+(?:in|at|from)\s+{_NAME}\s+(?:{_REPORT_VERBS})\b"
    ),
    re.compile(
        rf"(?:^|[\s“\"(])(?:[Tt]he\s+|[Aa]n?\s+)?(?P<np>{_NAME}(?:['’]s)?(?:\s+[a-z]+){{0,3}}?)"
        rf"(?:\s+in\s+(?:a|an|its|their|his|her)\s+\w+)?\s+(?:{_REPORT_VERBS})\b"
    ),
    re.compile(rf"\b(?:a|an|the)\s+(?P<np>{_NAME})\s+(?:report|study|survey|statement)\b"),
)
# Speakers named by role rather than by name: ", the interior ministry said",
# "officials said", "a police union said".  Tried after the named patterns.
_ROLE_NOUNS = (
    r"ministry|ministries|police|officials?|authorities|government|agency|union|"
    r"spokes(?:person|man|woman)|army|military|prosecutors?|investigators|witnesses|"
    r"residents|sources|diplomats|experts|analysts|organi[sz]ers|doctors|hospital|"
    r"coast\s+guard|office|department|commission|committee|court|council|ministers?"
)
_ROLE = re.compile(
    rf"(?:^|[,;“\"]\s*|\s)(?P<np>(?:(?:the|a|an)\s+)?(?:[A-Za-z][\w'’\-]*\s+){{0,3}}?"
    rf"(?:{_ROLE_NOUNS}))\s+(?:said|says|told|tells|reported|announced|estimated|confirmed)\b"
)
# "according to (the) <role>": "according to police", "according to the fire brigade's
# officials"; tried with the other roles, after the named patterns.
_ACCORDING_ROLE = re.compile(
    rf"\b[Aa]ccording to\s+(?:the\s+|a\s+|an\s+)?(?P<np>(?:[A-Za-z][\w'’\-]*\s+){{0,3}}?"
    rf"(?i:{_ROLE_NOUNS}))\b"
)
# Lower-case words before a capitalized role name are the statement's, not the
# speaker's: "according to the latest Health Ministry figures".
_LEADING_MODIFIERS = re.compile(r"^(?:[a-z][\w'’\-]*\s+)+(?=[A-Z])")
_INVERTED = 1  # index of the ", said X" pattern in _PATTERNS
_PRONOUN = re.compile(
    rf"(?:^|[\s,;“\"])(?P<pro>[Hh]e|[Ss]he|[Ii]t|[Tt]hey)\s+(?:(?:also|later|then|further|"
    rf"[a-z]+ly)\s+)?(?:{_REPORT_VERBS})\b"
)
# An appositive name before a comma and a reporting verb: "the agency, Xinhua, said ...".
_APPOSITIVE = re.compile(rf",\s+(?P<np>{_NAME}),\s+(?:{_REPORT_VERBS})\b")
# After an inverted "said X", the name must end its clause: ", said General X, a ..."
# but not ", said Chilean and Peruvian police have ...", where "said" opens reported speech.
_CLAUSE_END = re.compile(r"\s*(?:[,.;:)”\"’]|$)")
_AUXILIARIES = frozenset("be been being is are was were have has had will would".split())
_PRONOUNS = frozenset("It He She They We I You".split())
_TRAILING = re.compile(r"(?:['’]s)?\s+(?:statement|report|study|survey|said)$")
_BAD_HEADS = frozenset(
    "The This That These Those It He She They We I A An In On At Once After However But "
    "And Such Some Most Many".split()
)


# Words that name a time, never who spoke: "a report on Sunday reported ..." has no
# speaker called Sunday.
_TIME_WORDS = frozenset(
    [*WEEKDAYS, *MONTHS, "today", "yesterday", "tonight", "morning", "afternoon",
     "evening", "night"])

_TIME_ALT = "|".join(sorted(_TIME_WORDS, key=len, reverse=True))
# What trails a speaker's name before the verb without being part of it: a time ("on
# Sunday", "Friday morning") or an adverb ("also", "further", "recently").
_TIME_OR_ADVERB_TAIL = re.compile(
    rf"(?:\s+(?:(?:on|this|last|late|early)\s+)?(?i:{_TIME_ALT})\b"
    rf"|\s+(?:also|further|recently|later|then|earlier|again|previously|separately|"
    rf"officially|publicly|initially|subsequently|repeatedly|finally|reportedly))+$"
)
_RELATIVES = frozenset("who whose which whom that".split())


def _clean(np: str, titles: tuple[str, ...]) -> str | None:
    np = np.strip(" ,.;:\"'“”")
    np = _TRAILING.sub("", np)
    np = _TIME_OR_ADVERB_TAIL.sub("", np)  # "Minister Ana Ruiz on Sunday", "officials also"
    low = np.lower()
    for title in titles:  # longest first
        if low.startswith(title + " ") and len(np) > len(title) + 1:
            np = np[len(title) + 1:]
            low = np.lower()
    for title in titles:  # "Chilean Interior Minister Ana Ruiz" -> "Ana Ruiz"
        at = low.find(" " + title + " ")
        if at > 0:
            rest = np[at + len(title) + 2:].split()
            if 1 <= len(rest) <= 3 and all(w[:1].isupper() and w.lower() not in titles
                                           for w in rest):
                np, low = " ".join(rest), " ".join(rest).lower()
                break
    words = np.split()
    if not words or words[0] in _BAD_HEADS and len(words) == 1:
        return None
    if words[0] in _BAD_HEADS and "of" in words[1:] and not any(
            w[:1].isupper() for w in words[1:]):
        return None  # "The number of people confirmed dead": the subject, no speaker
    if any(w in _RELATIVES for w in words):
        return None  # "residents whose homes ...": the clause's subject is not the speaker
    if words[0] == "According" or all(w.lower() in _TIME_WORDS for w in words):
        return None  # "According to the latest reports", "on Sunday reported"
    if words[0] in _PRONOUNS or any(w.lower() in _AUXILIARIES for w in words[1:]):
        return None  # "It also reported", "550 people have been reported missing"
    return np


# Every pattern above needs one of these (lower-case) stems; a sentence with none of
# them attributes nothing, and most sentences are ruled out by this one cheap search.
_NEEDED = re.compile(
    r"sa(?:id|ys?)|told|tell|added|noted|stated|announced|estimate|report|cited|claim|"
    r"confirmed|warned|wrote|ccording to|study|survey|statement"
)


def find_attribution(
    sentence: str, titles: tuple[str, ...], last_speaker: str | None = None
) -> tuple[str | None, str | None]:
    """Return ``(speaker, named)`` for one sentence.

    ``speaker`` is who the sentence attributes its content to (resolving a pronoun to
    ``last_speaker``), ``named`` is a newly named speaker the caller should remember.
    """
    if not _NEEDED.search(sentence):
        return None, None
    for n, pattern in enumerate((*_PATTERNS, _APPOSITIVE)):
        m = pattern.search(sentence)
        if m:
            if n == _INVERTED and not _CLAUSE_END.match(sentence, m.end("np")):
                continue
            name = _clean(m.group("np"), titles)
            if name:
                return name, name
    if last_speaker is not None and _PRONOUN.search(sentence):
        return last_speaker, None
    m = _ROLE.search(sentence) or _ACCORDING_ROLE.search(sentence)
    if m:
        role = re.sub(r"^(?:the|a|an)\s+", "", m.group("np").strip(), flags=re.I)
        role = _LEADING_MODIFIERS.sub("", role)  # "an updated Health Ministry (toll)"
        words = role.split()
        if words and words[0] not in _PRONOUNS and not any(
                w.lower() in _AUXILIARIES for w in words):
            return role, None  # a role is not remembered for later pronouns
    return None, None

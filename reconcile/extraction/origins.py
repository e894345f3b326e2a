"""Where people come from is not where a happening took place.

"64 people from Nepal" in a list of detainees by nationality names their origin, as
"64 Nepalis" does; read as a place, it would keep the count apart from another outlet's
"64 Nepalis" (different keys) and its mention apart from the rest of the story
(different countries).  This pass, run before matching, rewrites such readings: the
place is dropped from the mention's places, and the count is keyed by the country, like
a count of a nationality.  Only clear cases: a country (never a town: "flew home from
<town>" is where they left) right after "<people noun or figure> from", told as a
breakdown by nationality, in a list of several countries, of foreigners, or as the
sentence's subject ("The detainees from <country> were handed over ...": no verb
before it can make the country where they were taken from).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from ..model import Claim, Mention, Place

_FROM_BEFORE = re.compile(r"\b([\w’'-]+)\s+from\s+(?:the\s+)?$")
"""Right before a place: "<word> from (the)"."""
_FROM_AFTER = re.compile(r"\s+(?:[a-z]+\s+){0,2}?from\s+(?:the\s+)?")
"""Right after a count: "(people) from (the)"."""
_LIST_AFTER = re.compile(r"\s*(?:,|\band\b|\bor\b)\s*(?:and\s+)?(?:the\s+)?[A-Z]")
"""Right after a place: another name of a list ("from China, Vietnam and Laos")."""
_SUBJECT_BEFORE = re.compile(r"^\s*(?:[\"“‘']\s*)?(?:the|these|those)\s+([\w’'-]+)\s+from\s+(?:the\s+)?$",
                             re.I)
"""A sentence opening with "The <people noun> from (the)": who they are, told as the
subject, where no verb before can make the country where they were taken from."""
FOREIGN = frozenset({"foreigners", "foreigner"})
"""People nouns that say their origin is another country."""


def _sentence_offset(m: Mention, c: Claim) -> int | None:
    start = c.span[0] - m.sentence_span[0]
    if start < 0 or m.sentence[start:start + len(c.text)] != c.text:
        return None
    return start


def _origin_counts(m: Mention) -> dict[str, str]:
    """Count claims keyed by a place scope ("people@MM") whose text is followed by
    "from": claim id -> the country code."""
    out: dict[str, str] = {}
    for c in m.claims:
        key = c.measure_key or ""
        if c.attribute != "count" or "@" not in key:
            continue
        start = _sentence_offset(m, c)
        if start is None:
            continue
        if _FROM_AFTER.match(m.sentence, start + len(c.text)):
            out[c.id] = key.rsplit("@", 1)[1]
    return out


def _group_counts(m: Mention) -> int:
    """Counts of a nationality ("48 Lao"), keyed by a country code."""
    return sum(1 for c in m.claims if c.attribute == "count" and c.measure_key
               and c.measure_key.isupper() and len(c.measure_key) == 2)


def origins(mentions: Sequence[Mention], people_nouns: frozenset[str]) -> list[Mention]:
    """The mentions with origins read as such (see the module docstring); others are
    returned as they are.  ``people_nouns``: the vocabulary's nouns of people."""
    out: list[Mention] = []
    for m in mentions:
        counted = _origin_counts(m)
        breakdown = len(counted) + _group_counts(m) >= 2
        countries = set(counted.values()) if breakdown else set()
        dropped = {c.id for c in m.claims if _is_origin(m, c, people_nouns, countries)}
        if not dropped and not (breakdown and counted):
            out.append(m)
            continue
        out.append(_with_origins(m, dropped, counted if breakdown else {}))
    return out


def _is_origin(m: Mention, c: Claim, people_nouns: frozenset[str],
               counted_countries: set[str]) -> bool:
    """Whether a country claim says where people come from, not where the event took
    place: "<people noun or number> from <country>" that is a foreign origin, one of a
    list, or one of the countries a breakdown counts (``counted_countries``)."""
    v = c.value
    if (c.attribute != "location" or c.inferred or not isinstance(v, Place)
            or v.kind != "country" or not v.country):
        return False
    start = _sentence_offset(m, c)
    if start is None:
        return False
    before = _FROM_BEFORE.search(m.sentence, max(0, start - 40), start)
    if before is None:
        return False
    word = before.group(1).lower()
    if not (word in people_nouns or word.replace(",", "").isdigit()):
        return False
    listed = bool(_LIST_AFTER.match(m.sentence, start + len(c.text)))
    subject = _SUBJECT_BEFORE.match(m.sentence[:start]) is not None
    return word in FOREIGN or listed or subject or v.country in counted_countries


def _with_origins(m: Mention, dropped: set[str], counted: dict[str, str]) -> Mention:
    """The mention without its origin places (``dropped``), each count of a breakdown
    (``counted``: claim id -> country) keyed and labelled by where its people are from."""
    claims = []
    for c in m.claims:
        if c.id in dropped:
            continue
        if c.id in counted:
            label = (c.measure or "people").replace(" in ", " from ", 1)
            c = dataclasses.replace(c, measure_key=counted[c.id], measure=label)
        claims.append(c)
    return dataclasses.replace(m, claims=tuple(claims))

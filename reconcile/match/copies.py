"""Wire copies: sources that reprint the same story are one witness, not several.

An agency story reprinted by many outlets makes every figure in it "agree" across
sources, but that agreement confirms nothing.  Each source gets fingerprints (hashes of
its normalized longer sentences); sources sharing most of their sentences are copies of
one story, and the earliest published (then the first given) is taken as the original.

Work is linear in the number of sentences times the sources sharing each: an inverted
index from fingerprint to the sources holding it; only sources sharing a fingerprint are
compared, and fingerprints held by very many sources (boilerplate such as "Credit: AP")
are ignored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from ..text import Sentence, split_sentences

MIN_WORDS = 8
"""Sentences shorter than this are too common to identify a story."""
MIN_SHARED = 3
"""At least this many shared sentences make a copy (a quote alone does not)."""
SHARE = 0.6
"""Share of the shorter source's fingerprints that must be shared."""
MAX_HOLDERS = 50
"""A fingerprint held by more sources than this is boilerplate, not a story."""

_WORD = re.compile(r"\w+")
"""A sentence's words: runs of word characters, all else separates them."""


def fingerprints(text: str, start: int = 0,
                 sentences: Sequence[Sentence] | None = None) -> tuple[int, ...]:
    """Stable 64-bit hashes of the normalized sentences of ``text[start:]`` that have
    at least :data:`MIN_WORDS` words, sorted and without repeats (``sentences``: that
    text already split, so it is not split twice)."""
    out: set[int] = set()
    for sent in sentences if sentences is not None else split_sentences(text, start):
        words = _WORD.findall(sent.text(text).lower())
        if len(words) >= MIN_WORDS:
            digest = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=8).digest()
            out.add(int.from_bytes(digest, "big"))
    return tuple(sorted(out))


def find_copies(
    prints: Mapping[str, tuple[int, ...]],
    published: Mapping[str, dt.date | None],
    order: Iterable[str],
) -> dict[str, str]:
    """Map each source that reprints another to the source taken as the original.

    ``prints`` are fingerprints per source id, ``published`` publication dates, and
    ``order`` the source ids as given (ties on dates go to the first given).
    """
    rank = {sid: n for n, sid in enumerate(order)}
    ids = list(prints)
    holders: dict[int, list[int]] = defaultdict(list)
    for n, sid in enumerate(ids):
        for fp in prints[sid]:
            holders[fp].append(n)
    # per source, count the sources that share its fingerprints (a C-level Counter
    # update per fingerprint: as many steps as pairs sharing one, without a dict of
    # every pair of sources)
    pairs: list[tuple[str, str]] = []
    for n, sid in enumerate(ids):
        co: Counter[int] = Counter()
        for fp in prints[sid]:
            held = holders[fp]
            if 2 <= len(held) <= MAX_HOLDERS:
                co.update(held)
        # each pair once (other > n): the grouping below does not depend on order
        for other in [o for o, shared in co.items() if shared >= MIN_SHARED and o > n]:
            if co[other] >= SHARE * min(len(prints[sid]), len(prints[ids[other]])):
                pairs.append((sid, ids[other]))
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb, key=lambda s: rank.get(s, 0))] = min(
                ra, rb, key=lambda s: rank.get(s, 0))
    groups: dict[str, list[str]] = defaultdict(list)
    for sid in prints:
        groups[root(sid)].append(sid)
    copies: dict[str, str] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        original = min(members, key=lambda s: (
            published.get(s) or dt.date.max, rank.get(s, 0)))
        for sid in members:
            if sid != original:
                copies[sid] = original
    return copies

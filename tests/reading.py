"""Reading one short text of our own as the library does, for tests of reading rules.

Several test files check what a sentence yields (its mentions, its counts by measure
key); they share these two helpers rather than each building a source of its own.
"""

from __future__ import annotations

import datetime as dt

from reconcile.extraction.vocabulary import load_vocabulary
from reconcile.model import Mention, Quantity, Source
from reconcile.pipeline import analyse_source


def mentions_of(body: str, published: str | None, title: str | None = None
                ) -> list[Mention]:
    """The mentions of ``body`` read as one article published on ``published`` (ISO
    date, or None for an undated article), with the built-in vocabulary."""
    src = Source(id="s1", path="a.txt", text=body, title=title,
                 published=dt.date.fromisoformat(published) if published else None,
                 published_basis="manifest" if published else "none")
    return list(analyse_source(src, load_vocabulary()).mentions)


def counts_of(mentions: list[Mention]) -> dict[str, float]:
    """Each count's value by its measure key (the last one told wins)."""
    return {c.measure_key or "": c.value.value for m in mentions for c in m.claims
            if c.attribute == "count" and isinstance(c.value, Quantity)}

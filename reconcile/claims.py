"""The claims of a report, one per line: what ``reconcile claims`` lists, to see what was
read from each article before any matching or verdict is looked at."""

from __future__ import annotations

import json
from dataclasses import dataclass

from .model import Claim, Report
from .render.json_report import claim_to_json
from ._table import text_table
from .words import value_words

__all__ = ["ListedClaim", "claims_json", "claims_table", "list_claims"]


@dataclass(frozen=True)
class ListedClaim:
    """A claim with what a listing shows beside it: its mention's event type, the event
    it was matched into and the path of its source."""

    claim: Claim
    type: str
    event: str
    path: str


def list_claims(report: Report) -> list[ListedClaim]:
    """Every claim of ``report`` in the order it was read (c1, c2, ... across sources)."""
    mention_type = {m.id: m.type for e in report.events for m in e.mentions}
    paths = {s.id: s.path for s in report.sources}
    listed = [ListedClaim(c, mention_type[c.mention], e.id, paths[c.source])
              for e in report.events for c in e.claims]
    return sorted(listed, key=lambda x: int(x.claim.id[1:]))


def claims_json(listed: list[ListedClaim]) -> str:
    """The listing as a JSON array: each claim as the JSON report writes it, plus its
    ``type`` and ``event``."""
    data = [dict(claim_to_json(x.claim), type=x.type, event=x.event) for x in listed]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def claims_table(listed: list[ListedClaim]) -> str:
    """The listing as a text table, values in words, quotes on one line."""
    rows: list[tuple[str, ...]] = [
        ("claim", "source", "event", "type", "attribute", "value", "text", "said by")]
    for x in listed:
        c = x.claim
        rows.append((c.id, x.path, x.event, x.type,
                     c.attribute + (f" [{c.measure}]" if c.measure else ""),
                     value_words(c.value), " ".join(c.text.split()), c.attribution or "-"))
    return text_table(rows)

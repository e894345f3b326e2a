"""Modality: whether a figure or date is told as a plan or possibility, not as what
happened ("will deport 10,000", "expected to return").  A reading of the text, used by
the document frame (a planned step is not the news) and by verdicts (a plan is compared
only with plans)."""

from __future__ import annotations

import re

from ..model import Claim, Mention

_PROJECTED = re.compile(
    r"\b(?:(?:will|would|may|might|could|shall)(?!\s+(?:not\s+)?have\b)|"
    r"(?:is|are|was|were)\s+(?:going\s+)?to|"
    r"(?:expected|scheduled|set|slated|planned|poised)\s+to|"
    r"(?:plans?|aims?|hopes?|intends?|seeks?|wants?|vows?|pledged?)\s+to)\b")
"""In a figure's clause: the figure is a plan, forecast or possibility ("will deport
10,000", "may be repatriated", "expected to return", "were going to rescue"), not a
count of what happened.
A modal before "have" guesses at the past ("may have died"): not a plan."""
_CLAUSE_EDGE = re.compile(r"[,;:()—–]|\s(?:and|but|while|whereas|as|after|before)\s")


def projected(mention: Mention, claim: Claim) -> bool:
    """Whether a figure or date is told as a plan or possibility (see ``_PROJECTED``):
    only the clause holding the figure is read, lowercase modals only ("May" is a
    month)."""
    sentence = mention.sentence
    start = claim.span[0] - mention.sentence_span[0]
    end = start + len(claim.text)
    if start < 0 or sentence[start:end] != claim.text:
        return False
    lo = max((m.end() for m in _CLAUSE_EDGE.finditer(sentence, 0, start)), default=0)
    nxt = _CLAUSE_EDGE.search(sentence, end)
    hi = nxt.start() if nxt else len(sentence)
    return bool(_PROJECTED.search(sentence, lo, hi))

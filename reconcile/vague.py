"""Vague quantities ("hundreds of thousands") and the range each is read as.

The extractor (:mod:`reconcile.extraction.numbers`) reads these phrases; the words for
people (:mod:`reconcile.words`) write a vague range back in the same words.  Both
import this table from below the stages, so the phrasing never reaches into the
extractor.
"""

from __future__ import annotations

from typing import Final

VAGUE: Final[dict[str, tuple[float, float]]] = {
    # phrase: (value, high)
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "millions": (2e6, 9_999_999),
    "billions": (2e9, 9_999_999_999),
    "trillions": (2e12, 9_999_999_999_999),
    "dozens of <scale>s": (24, 99),      # times the scale, high (99+1)*scale-1
    "tens of <scale>s": (20, 99),        # tens of thousands = 20,000..99,999
    "hundreds of <scale>s": (200, 999),  # hundreds of thousands = 200,000..999,999
    "several <scale>": (3, 9),           # several hundred = 300..900
    "a few <scale>": (2, 5),             # a few thousand = 2,000..5,000
}
"""Vague quantities and the range they are read as (qualifier ``vague``).  "a couple of
hundred" is ``approximate`` 200; "a dozen" is exactly 12."""

def vague_words(value: float, high: float | None) -> str | None:
    """The words a vague range is read from, for showing it: (200,000, 999,999) ->
    "hundreds of thousands"; None when no entry of :data:`VAGUE` gives that range."""
    if high is None:
        return None
    for phrase, (lo, hi) in VAGUE.items():
        if "<scale>" not in phrase:
            if (lo, hi) == (value, high):
                return phrase
            continue
        for name, size in (("hundred", 100.0), ("thousand", 1e3), ("million", 1e6),
                           ("billion", 1e9), ("trillion", 1e12)):
            if phrase.endswith("<scale>s"):  # "hundreds of thousands": up to 999,999
                top = (hi + 1) * size - 1
            else:  # "several hundred": 300 to 900
                top = hi * size
            if lo * size == value and top == high:
                return phrase.replace("<scale>", name)
    return None

"""Value comparison: whether two normalized values (dates, figures, sums, places,
groups) agree, are compatible (differ only in precision) or conflict, and by how much.

A lower layer both matching (is this the same figure?) and verdicts (do the sources
agree?) use, so that neither reaches into the other.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from .gazetteer import region_members
from .model import Amount, DateValue, Group, Place, Quantity, Value
from .words import days_words, number_words, value_words


def value_key(value: Value) -> str:
    """A canonical string for equality of normalized values."""
    if isinstance(value, DateValue):
        return value.timex + (f"|{value.mod}" if value.mod else "")
    if isinstance(value, Quantity):
        return f"{value.value:g}|{value.qualifier}|{value.high}"
    if isinstance(value, Amount):
        return f"{value.value:g}|{value.currency}|{value.per}|{value.qualifier}"
    if isinstance(value, Place):
        return f"{value.name}|{value.country}"
    if isinstance(value, Group):
        return f"{value.country or value.name.lower()}"
    return str(value)


def bounds(q: Quantity | Amount) -> tuple[float, float]:
    """The interval of values a stated figure allows."""
    v, hi = q.value, q.high
    if q.qualifier in ("range", "vague") and hi is not None:
        return v, hi
    if q.qualifier == "approximate":
        return v * 0.9, v * 1.1
    if q.qualifier == "at_least":
        return v, float("inf")
    if q.qualifier == "at_most":
        return 0.0, v
    return v, v


def compare(a: Value, b: Value) -> tuple[str, str | None]:
    """Compare two normalized values: ``(agree|compatible|conflict, note)``."""
    if value_key(a) == value_key(b):
        return "agree", None
    if isinstance(a, DateValue) and isinstance(b, DateValue):
        return _compare_dates(a, b)
    if isinstance(a, (Quantity, Amount)) and isinstance(b, (Quantity, Amount)):
        return _compare_figures(a, b)
    if isinstance(a, Place) and isinstance(b, Place):
        return _compare_places(a, b)
    if isinstance(a, Group) and isinstance(b, Group):
        return ("agree", None) if a.country == b.country else ("conflict", "different groups")
    return "conflict", None


def _compare_figures(a: Quantity | Amount, b: Quantity | Amount) -> tuple[str, str | None]:
    """Two figures or sums: compatible when they are one figure stated with different
    precision, rounded, or with overlapping bounds (or sums not comparable); else a
    conflict with a note of how far apart they are."""
    if isinstance(a, Amount) and isinstance(b, Amount) and (
        a.currency != b.currency or a.per != b.per
    ):
        return "compatible", "different currencies or rates; not compared"
    if a.value == b.value and a.high == b.high:
        return "compatible", "same figure, stated with different precision"
    if _rounded_alike(a, b):
        return "compatible", "the same figure, rounded"
    lo1, hi1 = bounds(a)
    lo2, hi2 = bounds(b)
    if lo1 <= hi2 and lo2 <= hi1 and (a.qualifier != "exact" or b.qualifier != "exact"):
        return "compatible", "the stated bounds overlap"
    return "conflict", _figure_note(a, b)


def _compare_places(a: Place, b: Place) -> tuple[str, str | None]:
    """Two places: compatible when one may hold the other in the same country (a
    country and a place in it, a city and a region); else a conflict."""
    for wide, other in ((a, b), (b, a)):
        if wide.kind == "supranational" and wide.country is None:
            members = region_members(wide)
            if not members:
                # a sea or an ocean borders many lands: "off the Pacific coast" and a
                # port on it are one place told two ways
                return "compatible", "a sea or wide area and a place that may lie on it"
            if other.country and other.country in members:
                return "compatible", "a place and a wider region it lies in"
    if a.country and a.country == b.country and "country" in (a.kind, b.kind):
        return "compatible", "a place and the country it lies in"
    if a.country and a.country == b.country and {a.kind, b.kind} == {"city", "region"}:
        # the gazetteer knows countries, not which region holds which city
        return "compatible", "a place and a region of the same country"
    if a.country and a.country == b.country:
        return "conflict", "different places in the same country"
    return "conflict", "different places"


def _decimals(v: float) -> tuple[int, float]:
    """The decimals a figure was stated with, at its scale: 21.7 -> 1; 1.17 billion
    -> 2 (as 1.17, scale 1e9); 150 -> 0."""
    scale = next((s for s in (1e12, 1e9, 1e6) if abs(v) >= s), 1.0)
    text = repr(v / scale)
    digits = len(text.split(".")[1].rstrip("0")) if "." in text and "e" not in text else 0
    return digits, scale


def _rounded_alike(a: Quantity | Amount, b: Quantity | Amount) -> bool:
    """Two exact figures where the less precise is the other rounded, and within 5%:
    "21.7 tonnes" and "22 tonnes", "USD 1.17 billion" and "USD 1.2 billion"; never two
    whole numbers (146 and 150 are different counts)."""
    if a.qualifier != "exact" or b.qualifier != "exact" or a.high or b.high:
        return False
    (da, sa), (db, sb) = _decimals(a.value), _decimals(b.value)
    if da == db or sa != sb or abs(a.value - b.value) > 0.05 * max(abs(a.value), abs(b.value)):
        return False
    places = min(da, db)
    return _round(a.value / sa, places) == _round(b.value / sa, places)


def _round(v: float, places: int) -> Decimal:
    """``v`` rounded half up to ``places`` decimals, as people round."""
    return Decimal(repr(v)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _figure_note(a: Quantity | Amount, b: Quantity | Amount) -> str:
    low, high = sorted((a, b), key=lambda v: v.value)
    lo, hi = low.value, high.value
    ratio = hi / lo if lo else float("inf")
    sides = f"{value_words(low)} vs {value_words(high)}"
    if ratio >= 1.5:
        return f"{sides}: {ratio:.1f} times as much"
    return f"{sides}: differ by {human(hi - lo)}"


def human(x: float) -> str:
    """A figure in words, by the one phrasing module (:mod:`reconcile.words`)."""
    return number_words(x)


def _compare_dates(a: DateValue, b: DateValue) -> tuple[str, str | None]:
    if a.earliest and a.latest and b.earliest and b.latest:
        if (a.earliest <= b.earliest and b.latest <= a.latest) or (
            b.earliest <= a.earliest and a.latest <= b.latest
        ):
            return "compatible", "one date is more precise than the other"
        if a.latest < b.earliest:
            gap = (b.earliest - a.latest).days
        elif b.latest < a.earliest:
            gap = (a.earliest - b.latest).days
        else:
            return "compatible", "the periods overlap"
        return "conflict", f"sources differ by {days_words(gap)}"
    # a year is unknown on one side: compare what both state, like with like
    pa, pb = a.timex.split("/")[0].split("-"), b.timex.split("/")[0].split("-")
    if any(p.startswith("W") for p in (*pa[1:2], *pb[1:2])):
        # a weekday without its week ("Monday" read with no year) states no month or day
        # of the month: nothing both give can differ
        return "compatible", "a weekday without its week or year; not compared"
    for x, y in zip(pa[1:], pb[1:]):
        if x.isdigit() and y.isdigit() and x != y:
            return "conflict", "the dates differ in month or day"
    return "compatible", "one date lacks the year; the parts both give agree"

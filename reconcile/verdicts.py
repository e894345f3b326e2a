"""Verdicts: for each event, attribute and measure, do the sources agree?

- ``agree``: every source gives the same normalized value;
- ``compatible``: the values differ only in precision ("2021-06" and "2021-06-14";
  "about 40,000" and "40,000"; a city and the country it lies in);
- ``conflict``: values that cannot both be true of the same event, with how far apart;
- ``single``: one source only.  One article giving two different figures is not a
  conflict (it usually means a part and its whole, "30 of the 120") unless it
  attributes them to different people, which makes it a conflict inside that source.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal

from .model import (
    AS_OF_KEY, Amount, Claim, DateValue, Finding, FindingValue, Group, Mention, Place, Quantity, Value,
    id_key,
)

_PROJECTED = re.compile(
    r"\b(?:(?:will|would|may|might|could|shall)(?!\s+(?:not\s+)?have\b)|"
    r"(?:is|are|was|were)\s+to|"
    r"(?:expected|scheduled|set|slated|planned|poised)\s+to|"
    r"(?:plans?|aims?|hopes?|intends?|seeks?|wants?|vows?|pledged?)\s+to)\b")
"""In a figure's clause: the figure is a plan, forecast or possibility ("will deport
10,000", "may be repatriated", "expected to return"), not a count of what happened.
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


_SAID_RIGHT_AFTER = re.compile(
    r"\s+(?:said|says|announced|told|stated|confirmed|reported|added|declared)\b")
"""Right after a date: the date of saying ("the ministry on Monday said")."""


def said_on(mention: Mention, claim: Claim) -> bool:
    """Whether a date is told as the day a statement was made ("the agency on Monday
    said"): two such dates in one article are two statements, not a contradiction."""
    start = claim.span[0] - mention.sentence_span[0]
    end = start + len(claim.text)
    if start < 0 or mention.sentence[start:end] != claim.text:
        return False
    return bool(_SAID_RIGHT_AFTER.match(mention.sentence, end))


_ORDER = {"date": 0, "count": 1, "amount": 2, "location": 3, "group": 4}
RUNNING_TALLY = "a running tally"
"""How the note of a figure updated by a later one starts ("the toll rose to 52"); the
markdown report labels such a finding "superseded"."""


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


def _bounds(q: Quantity | Amount) -> tuple[float, float]:
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
        if isinstance(a, Amount) and isinstance(b, Amount) and (
            a.currency != b.currency or a.per != b.per
        ):
            return "compatible", "different currencies or rates; not compared"
        if a.value == b.value and a.high == b.high:
            return "compatible", "same figure, stated with different precision"
        if _rounded_alike(a, b):
            return "compatible", "the same figure, rounded"
        lo1, hi1 = _bounds(a)
        lo2, hi2 = _bounds(b)
        if lo1 <= hi2 and lo2 <= hi1 and (a.qualifier != "exact" or b.qualifier != "exact"):
            return "compatible", "the stated bounds overlap"
        return "conflict", _figure_note(a, b)
    if isinstance(a, Place) and isinstance(b, Place):
        if a.country and a.country == b.country and "country" in (a.kind, b.kind):
            return "compatible", "a place and the country it lies in"
        if a.country and a.country == b.country and {a.kind, b.kind} == {"city", "region"}:
            # the gazetteer knows countries, not which region holds which city
            return "compatible", "a place and a region of the same country"
        if a.country and a.country == b.country:
            return "conflict", "different places in the same country"
        return "conflict", "different places"
    if isinstance(a, Group) and isinstance(b, Group):
        return ("agree", None) if a.country == b.country else ("conflict", "different groups")
    return "conflict", None


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
    from .render.words import value_words  # values in words: one module (see _human)

    low, high = sorted((a, b), key=lambda v: v.value)
    lo, hi = low.value, high.value
    ratio = hi / lo if lo else float("inf")
    sides = f"{value_words(low)} vs {value_words(high)}"
    if ratio >= 1.5:
        return f"{sides}: {ratio:.1f} times as much"
    return f"{sides}: differ by {_human(hi - lo)}"


def _human(x: float) -> str:
    """A figure in words, by the one phrasing module (imported late: the renderers
    import this module)."""
    from .render.words import number_words

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
        return "conflict", f"sources differ by {_days(gap)}"
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


def _days(n: int) -> str:
    from .render.words import days_words  # see _human

    return days_words(n)


def _later_update(a: Sequence[Claim], b: Sequence[Claim],
                  as_of: Mapping[str, dt.date | None] | None = None) -> bool:
    """Whether the higher of two figures is stated as an update of a running tally
    ("the toll rose to 52" after "killed 45"): then the figures do not contradict.
    Not when the lower figure was stated on a later day (``as_of``, per claim id): an
    update told before a lower figure does not explain that figure."""
    def top(cs: Sequence[Claim]) -> float:
        return max(c.value.value for c in cs if isinstance(c.value, (Quantity, Amount)))
    if not all(isinstance(c.value, (Quantity, Amount)) for c in (*a, *b)):
        return False
    higher, lower = (a, b) if top(a) > top(b) else (b, a)
    days = as_of or {}
    high_days = [d for c in higher if (d := days.get(c.id)) is not None]
    low_days = [d for c in lower if (d := days.get(c.id)) is not None]
    if high_days and low_days and max(low_days) > max(high_days):
        return False  # "rose to 240" on the 2nd, then "131" on the 9th: no update
    return all(c.update for c in higher) and not any(c.update for c in lower)


def _speakers_differ(a: Claim, b: Claim) -> bool:
    return bool(a.attribution and b.attribution and a.attribution != b.attribution)


TALLY_TYPES = frozenset({"death", "injury", "missing"})
"""Event types whose counts are running tallies (tolls): outlets state them as they
grow, so successive figures at successive dates are updates, not contradictions."""


def judge(attribute: str, measure: str | None, claims: Sequence[Claim],
          copies: Mapping[str, str] | None = None,
          as_of: Mapping[str, dt.date | None] | None = None, tally: bool = False,
          totals: Mapping[str, tuple[float, ...]] | None = None,
          plans: frozenset[str] = frozenset(), said: frozenset[str] = frozenset()
          ) -> Finding:
    """The finding for one attribute and measure of one event.

    ``copies`` maps a source that reprints another to that original: sources that are
    copies of one story are one witness, so their agreement is ``single``.  ``tally``:
    the counts are a running tally (a toll), whose figures are ordered by when each was
    stated (``as_of``, per claim id): see :func:`_tally`.  ``totals``: per count claim
    told beside other counts of people in its sentence, those counts ("96 foreigners
    and 21 Filipinos"): a figure equal to their sum is their whole, not a conflict.
    ``plans``: ids of figures told as a plan or possibility; a plan is compared only
    with plans, never with a figure of what happened ("will deport 10,000" and "200
    were deported" are both true).  ``said``: ids of dates of saying (:func:`said_on`),
    never in conflict with another date of the same source.
    """
    parts_seen = False
    by_value: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_value[value_key(c.value)].append(c)
    values = tuple(
        FindingValue(cs[0].value, tuple(c.id for c in cs))
        for cs in sorted(by_value.values(), key=lambda cs: _claim_order(cs[0]))
    )
    sources = tuple(sorted({c.source for c in claims}, key=id_key))
    verdict = "agree"
    notes: list[str] = []
    worst = 0  # 0 agree, 1 compatible, 2 conflict
    reps = [cs[0] for cs in by_value.values()]
    for i, a in enumerate(reps):
        for b in reps[i + 1:]:
            pairs = [(x, y) for x in by_value[value_key(a.value)] for y in by_value[value_key(b.value)]
                     if (x.id in plans) == (y.id in plans)]
            cross = any(x.source != y.source for x, y in pairs) and not _scoped(
                by_value[value_key(a.value)], by_value[value_key(b.value)]
            )
            inner = any(x.source == y.source and _speakers_differ(x, y)
                        and x.id not in said and y.id not in said for x, y in pairs)
            if not cross and not inner:
                continue
            outcome, note = compare(a.value, b.value)
            whole = _whole_and_parts(by_value[value_key(a.value)], by_value[value_key(b.value)],
                                     totals or {})
            if outcome == "conflict" and whole is not None:
                outcome, note = "compatible", whole
                parts_seen = True
            if outcome == "conflict" and _later_update(by_value[value_key(a.value)],
                                                       by_value[value_key(b.value)], as_of):
                outcome, note = "compatible", f"{RUNNING_TALLY}: the higher figure is " \
                    "stated as a later update (rose to ...)"
            level = {"agree": 0, "compatible": 1, "conflict": 2}[outcome]
            if level > worst:
                worst, notes = level, []
            if level == worst and note and note not in notes:
                if inner and not cross and outcome == "conflict":
                    x, y = next((x, y) for x, y in pairs if x.source == y.source
                                and _speakers_differ(x, y))  # the two who disagree
                    note = f"{note} (one source: {x.attribution} vs {y.attribution})"
                notes.append(note)
    kind: str | None = "contradiction" if worst == 2 else "part" if parts_seen else None
    if worst == 2 and attribute == "count" and (tally or any(c.update for c in claims)):
        running = _tally(claims, as_of or {}, copies or {}, totals or {}, plans)
        if running is not None:
            worst, kind, notes = running
    if worst == 2 and claims and all(c.measure_key == AS_OF_KEY for c in claims):
        # issue 12x: dates on which figures were stated (AS_OF_KEY) differ between
        # outlets that report at their own times: never a conflict
        worst, kind, notes = 1, None, ["stated on different days; not when it happened"]
    witnesses = {(copies or {}).get(s, s) for s in sources}
    if len(witnesses) == 1 and worst < 2:
        verdict = "single"
        if len(by_value) > 1:
            notes = ["one source gives several values; read as parts of a whole or "
                     "different scopes, not a conflict"]
        if len(sources) > 1:
            notes.append(f"{', '.join(sources)} are copies of one story, one witness")
    else:
        verdict = ("agree", "compatible", "conflict")[worst]
    return Finding(
        attribute=attribute,  # type: ignore[arg-type]
        measure=measure, verdict=verdict,  # type: ignore[arg-type]
        values=values, note="; ".join(notes) or None, sources=sources,
        kind=kind if verdict != "single" else None,  # type: ignore[arg-type]
    )


def _whole_and_parts(a: Sequence[Claim], b: Sequence[Claim],
                     totals: Mapping[str, tuple[float, ...]]) -> str | None:
    """Why one figure is the whole of the other's parts ("117" against "96 foreigners
    and 21 Filipinos" told together), or None."""
    for whole, parts in ((a, b), (b, a)):
        for w in whole:
            for p in parts:
                told = totals.get(p.id)
                if (told and isinstance(w.value, Quantity)
                        and isinstance(p.value, Quantity) and w.value.value == sum(told)
                        and w.source != p.source):
                    return ("a whole and its parts: " + " + ".join(_human(x) for x in told)
                            + f" = {_human(w.value.value)}")
    return None


def _tally(claims: Sequence[Claim], as_of: Mapping[str, dt.date | None],
           copies: Mapping[str, str], totals: Mapping[str, tuple[float, ...]] | None = None,
           plans: frozenset[str] = frozenset()) -> tuple[int, str, list[str]] | None:
    """The verdict on a running tally whose figures differ: ``(level, kind, notes)``.

    A contradiction when two witnesses give figures that cannot both be true as of the
    same day, or a later figure is below an earlier one; the figures superseding one
    another (compatible, kind ``superseded``) when every figure stated later is at
    least every one stated earlier.  None (judge as usual) when a differing figure has
    no date of its own to order it by."""
    dated = [(as_of.get(c.id), c) for c in claims if isinstance(c.value, Quantity)]
    if any(d is None for d, _c in dated):
        return None
    known = [(d, c) for d, c in dated if d is not None]
    for i, (d1, c1) in enumerate(known):
        for d2, c2 in known[i + 1:]:
            if copies.get(c1.source, c1.source) == copies.get(c2.source, c2.source) or (
                    (c1.id in plans) != (c2.id in plans)):
                continue
            assert isinstance(c1.value, Quantity) and isinstance(c2.value, Quantity)
            if compare(c1.value, c2.value)[0] != "conflict" or _whole_and_parts(
                    [c1], [c2], totals or {}) is not None:
                continue
            if d1 == d2:
                return 2, "contradiction", [(
                    f"contradiction: {_human_q(c1.value)} and {_human_q(c2.value)}, both "
                    f"as of {_day(d1)}")]
            (early, e_day), (late, l_day) = sorted(((c1, d1), (c2, d2)), key=lambda x: x[1])
            assert isinstance(early.value, Quantity) and isinstance(late.value, Quantity)
            if _bounds(late.value)[1] < _bounds(early.value)[0]:
                return 2, "contradiction", [(
                    f"contradiction: a later figure is lower, {_human_q(early.value)} "
                    f"(as of {_day(e_day)}) then {_human_q(late.value)} (as of {_day(l_day)})")]
            if not late.update:
                # "52 dead" two days after "37 dead", not told as a change: two figures
                # for the toll, not a toll that grew
                return 2, "contradiction", [(
                    f"contradiction: {_human_q(early.value)} (as of {_day(e_day)}) and "
                    f"{_human_q(late.value)} (as of {_day(l_day)}), the later not told as "
                    "an update")]
    steps: dict[str, tuple[dt.date, Quantity]] = {}
    for d, c in sorted(known, key=lambda x: (x[0], x[1].value.value)):  # type: ignore[union-attr]
        assert isinstance(c.value, Quantity)
        steps.setdefault(value_key(c.value), (d, c.value))
    chain = " → ".join(f"{_human_q(q)} (as of {_day(d)})" for d, q in steps.values())
    return 1, "superseded", [f"superseded: {chain}"]


def _human_q(q: Quantity) -> str:
    from .render.words import quantity_words  # see _human

    return quantity_words(q)


def _day(d: dt.date) -> str:
    """A statement date as a reader writes it: "4 March 2022"."""
    from .render.words import day_words  # see _human

    return day_words(d)


def _counts_people(key: str | None) -> bool:
    """Whether a measure key counts people: people of any kind, or a group ("PH")."""
    if not key:
        return False
    return _is_people(key) or all(p.isupper() and len(p) == 2 for p in key.split("+"))


def _is_people(key: str) -> bool:
    return key == "people" or key.startswith("people/")


def _people_align(mentions: Sequence[Mention]) -> bool:
    """Whether the event's counts of people of different named kinds ("230 migrants",
    "238 people") are one measure: only when no mention counts people twice, which
    would mean parts ("12 soldiers and 5 civilians")."""
    kinds = set()
    for m in mentions:
        keys = {c.measure_key for c in m.claims
                if c.attribute == "count" and c.measure_key and _is_people(c.measure_key)}
        if len(keys) > 1:
            return False
        kinds |= keys
    return len(kinds) > 1


def _most_specific_places(claims: list[Claim]) -> list[Claim]:
    """Per source, drop a country when the same source also names a place inside it:
    "Peru" in a headline and "Lima" in the lead say one thing, the city."""
    cities = {(c.source, c.value.country) for c in claims
              if isinstance(c.value, Place) and c.value.kind not in ("country", "supranational")}
    return [c for c in claims if not (
        isinstance(c.value, Place) and c.value.kind == "country"
        and (c.source, c.value.country) in cities)]


def _scoped(a: Sequence[Claim], b: Sequence[Claim]) -> bool:
    """True when every source of one value also gives the other value: that source
    states both figures (a part and its whole), so the other source's agreement with one
    of them is not a conflict with the other."""
    sa, sb = {c.source for c in a}, {c.source for c in b}
    return sa <= sb or sb <= sa


def _claim_order(c: Claim) -> tuple[tuple[str, int], int]:
    return (id_key(c.source), c.span[0])


def findings(mentions: Sequence[Mention], copies: Mapping[str, str] | None = None
             ) -> list[Finding]:
    """All findings of one event, ordered by attribute then measure (``copies``: see
    :func:`judge`)."""
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    labels: dict[tuple[str, str], str | None] = {}
    align = _people_align(mentions)
    as_of: dict[str, dt.date | None] = {}
    totals: dict[str, tuple[float, ...]] = {}
    tally = any(m.type in TALLY_TYPES for m in mentions)
    plans = frozenset(c.id for m in mentions for c in m.claims
                      if c.attribute in ("count", "amount") and projected(m, c))
    said = frozenset(c.id for m in mentions for c in m.claims
                     if c.attribute == "date" and said_on(m, c))
    for m in mentions:
        people = [c for c in m.claims if c.attribute == "count" and isinstance(
            c.value, Quantity) and c.value.qualifier == "exact" and not c.part
            and _counts_people(c.measure_key)]
        if len(people) > 1:
            told = tuple(p.value.value for p in people)  # type: ignore[union-attr]
            for p in people:
                totals[p.id] = told
        for c in m.claims:
            as_of[c.id] = m.as_of
            mk = c.measure_key or ""
            key = (c.attribute, "people" if align and c.attribute == "count"
                   and _is_people(mk) else mk)
            groups[key].append(c)
            labels.setdefault(key, c.measure)
    if ("location", "") in groups:
        groups[("location", "")] = _most_specific_places(groups[("location", "")])
    out = [judge(attr, labels[(attr, mk)], cs, copies, as_of, tally, totals, plans,
                 said)
           for (attr, mk), cs in groups.items()]
    out.sort(key=lambda f: (_ORDER.get(f.attribute, 9), f.measure or ""))
    return out

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

import dataclasses
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence

from ..comparison import bounds, compare, human, value_key
from ..extraction.modality import projected
from ..model import (
    AS_OF_KEY, CHANGING_STATES, Amount, Claim, Finding, FindingValue, Mention, Place, Quantity, id_key,
    is_nationals_key,
)
from ..words import day_words, quantity_words

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


def _grown_bound(a: Sequence[Claim], b: Sequence[Claim],
                 as_of: Mapping[str, dt.date | None] | None) -> bool:
    """Whether two figures whose stated bounds overlap are a tally's update: the higher
    figure is told as a rise ("has risen to 52") by at least one source, and stated on a
    later day than the lower one, which is a bound ("at least 38").  Two statements of one figure ("52" and "at
    least 52") are no update."""
    if not all(isinstance(c.value, Quantity) for c in (*a, *b)):
        return False
    figures = {c.value.value for c in (*a, *b)}  # type: ignore[union-attr]
    if len(figures) < 2:
        return False
    higher, lower = (a, b) if max(figures) in {
        c.value.value for c in a} else (b, a)  # type: ignore[union-attr]
    if not any(c.update for c in higher) or any(c.update for c in lower):
        return False
    days = as_of or {}
    high_days = [d for c in higher if (d := days.get(c.id)) is not None]
    low_days = [d for c in lower if (d := days.get(c.id)) is not None]
    return bool(high_days and low_days and min(high_days) > max(low_days))


GUESSED = ("not compared: taken from an article's dateline or lead, not told of this "
           "event")
"""The note of values that differ only where a source never told them of the event."""
SCOPED = ("not compared: a source that gives one figure gives the other too, read as "
          "different scopes")
"""The note of two figures that one source gives both of: another source's agreement
with one of them is no conflict with the other, and no agreement with it either."""
PLANNED = "not compared: a plan or possibility and what happened"
"""The note of values that differ only between a plan ("will meet next week") and a
statement of what happened."""


def _guessed(attribute: str, x: Claim, y: Claim) -> bool:
    """Whether a pair of values rests on what neither source told of the event itself:
    a place taken from a dateline or the story's frame (``inferred``) on either side,
    or dates inferred on both sides from each article's frame.  Such a pair is never a
    conflict: a conflict is two things the sources said."""
    if attribute == "location":
        return x.inferred or y.inferred
    if attribute == "date":
        return x.inferred and y.inferred
    return False


TOGETHER = "not compared: one source tells it of both places together"
"""The note of two places one source names side by side for the event ("16 dead in
Bangladesh and India"): another source naming only the second is no conflict."""


def _told_together(attribute: str, x: Claim, y: Claim) -> bool:
    """Whether one claim's sentence names its place joined by "and" with the other's
    ("in Nepal and India" beside "in India"): a happening told of two places at once,
    of which each source names one first."""
    if attribute != "location" or not (isinstance(x.value, Place)
                                       and isinstance(y.value, Place)):
        return False
    for a, b in ((x, y), (y, x)):
        assert isinstance(b.value, Place)
        for other in dict.fromkeys((b.text, b.value.name)):
            one, two = re.escape(a.text), re.escape(other)
            if other and re.search(rf"\b(?:{one},?\s+and\s+(?:in\s+)?{two}|"
                                   rf"{two},?\s+and\s+(?:in\s+)?{one})\b", a.sentence):
                return True
    return False


def _speakers_differ(a: Claim, b: Claim) -> bool:
    return bool(a.attribution and b.attribution and a.attribution != b.attribution)


TALLY_TYPES = frozenset({"death", "injury", "missing", "recapture"})
"""Event types whose counts are running tallies (tolls): outlets state them as they
grow, so successive figures at successive dates are updates, not contradictions."""


def judge(attribute: str, measure: str | None, claims: Sequence[Claim],
          copies: Mapping[str, str] | None = None,
          as_of: Mapping[str, dt.date | None] | None = None, tally: bool = False,
          totals: Mapping[str, tuple[float, ...]] | None = None,
          plans: frozenset[str] = frozenset(), said: frozenset[str] = frozenset(),
          found: Sequence[tuple[dt.date, float]] = ()) -> Finding:
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
    never in conflict with another date of the same source.  ``found``: for a count
    of the missing, the story's death tolls as ``(as of, figure)``: a fall in the missing
    that equals the toll's rise over the same days is people found, not a contradiction.
    """
    by_value = _claims_by_value(claims)
    values = _finding_values(by_value)
    sources = tuple(sorted({c.source for c in claims}, key=id_key))
    ctx = _Context(attribute, as_of or {}, totals or {}, plans, said)
    worst, notes, parts_seen, updated = _worst_outcome(list(by_value.values()), ctx)
    kind: str | None = "contradiction" if worst == 2 else "part" if parts_seen else None
    worst, kind, notes = _as_a_tally(attribute, claims, (worst, kind, notes), updated,
                                     copies or {}, ctx, tally, found)
    verdict, notes = _witnessed(worst, notes, sources, len(by_value), copies or {})
    return Finding(
        attribute=attribute,  # type: ignore[arg-type]
        measure=measure, verdict=verdict,  # type: ignore[arg-type]
        values=values, note="; ".join(notes) or None, sources=sources,
        kind=kind if verdict != "single" else None,  # type: ignore[arg-type]
    )


def _claims_by_value(claims: Sequence[Claim]) -> dict[str, list[Claim]]:
    """The claims grouped by the value they tell (:func:`value_key`), in the order each
    value is first told."""
    by_value: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_value[value_key(c.value)].append(c)
    return by_value


def _finding_values(by_value: Mapping[str, list[Claim]]) -> tuple[FindingValue, ...]:
    """The values a finding lists, each with the ids of the claims telling it, in the
    order of their first claims (:func:`_claim_order`)."""
    return tuple(
        FindingValue(cs[0].value, tuple(c.id for c in cs))
        for cs in sorted(by_value.values(), key=lambda cs: _claim_order(cs[0]))
    )


def _worst_outcome(groups: list[list[Claim]], ctx: _Context
                   ) -> tuple[int, list[str], bool, bool]:
    """Every two values compared: the worst level (0 agree, 1 compatible, 2 conflict)
    with its notes, and whether a value was a part of another or an update of it."""
    notes: list[str] = []
    worst = 0  # 0 agree, 1 compatible, 2 conflict
    parts_seen = updated = False
    for i, xs in enumerate(groups):
        for ys in groups[i + 1:]:
            o = _outcome(xs, ys, ctx)
            if o is None:
                continue
            if not o.compared:
                if worst == 0:
                    # values told by different sources that were never compared: say
                    # why, rather than "agree"
                    worst, notes = 1, [o.shown]
                continue
            parts_seen = parts_seen or o.part
            updated = updated or o.updated
            if o.level > worst:
                worst, notes = o.level, []
            if o.level == worst and o.note and o.note not in notes:
                notes.append(o.shown)
    return worst, notes, parts_seen, updated


@dataclasses.dataclass(frozen=True)
class _Context:
    """What :func:`judge` compares two values in (see its arguments)."""

    attribute: str
    as_of: Mapping[str, dt.date | None]
    totals: Mapping[str, tuple[float, ...]]
    plans: frozenset[str]
    said: frozenset[str]


@dataclasses.dataclass(frozen=True)
class _Outcome:
    """Two values of one attribute compared: ``level`` 0 agree, 1 compatible, 2
    conflict; ``note`` why, ``shown`` as the finding says it (naming the two speakers
    when one source disagrees with itself).  ``compared`` is False for values told by
    different sources that were never compared (a guessed place, a plan), whose note
    says why."""

    level: int
    note: str | None
    shown: str
    compared: bool = True
    part: bool = False
    updated: bool = False


def _outcome(xs: Sequence[Claim], ys: Sequence[Claim], ctx: _Context) -> _Outcome | None:
    """Compare the claims of one value with those of another; None when nothing is to
    be said (the same source, one speaker, or never compared within one scope)."""
    pairs = _comparable_pairs(xs, ys, ctx)
    cross = any(x.source != y.source for x, y in pairs) and not _scoped(xs, ys)
    inner = _speakers_disagree(pairs, ctx.said)
    if not cross and not inner:
        return _uncompared(xs, ys, ctx.attribute)
    o = _compared(xs, ys, ctx)
    if o.note and inner and not cross and o.level == 2:
        o = dataclasses.replace(o, shown=_one_source_shown(o.note, pairs))
    return o


def _comparable_pairs(xs: Sequence[Claim], ys: Sequence[Claim], ctx: _Context
                      ) -> list[tuple[Claim, Claim]]:
    """The pairs of claims of two values that can be compared: both plans or neither,
    and not a guess on both sides (:func:`_guessed`)."""
    attribute, plans = ctx.attribute, ctx.plans
    return [(x, y) for x in xs for y in ys
            if (x.id in plans) == (y.id in plans) and not _guessed(attribute, x, y)
            and not _told_together(attribute, x, y)]


def _speakers_disagree(pairs: Sequence[tuple[Claim, Claim]], said: frozenset[str]) -> bool:
    """Whether a pair is one source's two speakers disagreeing, neither a date of
    saying."""
    return any(x.source == y.source and _speakers_differ(x, y)
               and x.id not in said and y.id not in said for x, y in pairs)


def _uncompared(xs: Sequence[Claim], ys: Sequence[Claim], attribute: str) -> _Outcome | None:
    """Values of different sources with no pair to compare (a guessed place, a plan and
    what happened): compatible, saying why; None within one source or scope."""
    apart = [(x, y) for x in xs for y in ys if x.source != y.source]
    if apart and not _scoped(xs, ys):
        why = (GUESSED if any(_guessed(attribute, x, y) for x, y in apart)
               else TOGETHER if any(_told_together(attribute, x, y) for x, y in apart)
               else PLANNED)
        return _Outcome(1, why, why, compared=False)
    if apart and attribute == "count":
        # "9" told by two sources, "about 30" by one of them too: not an agreement
        return _Outcome(1, SCOPED, SCOPED, compared=False)
    return None


def _compared(xs: Sequence[Claim], ys: Sequence[Claim], ctx: _Context) -> _Outcome:
    """Two values compared, a conflict re-read as a whole and its parts or as a tally's
    later update, and bounds that overlap marked updated when told as a rise."""
    outcome, note = compare(xs[0].value, ys[0].value)
    part = updated = False
    whole = _whole_and_parts(xs, ys, ctx.totals)
    if outcome == "conflict" and whole is not None:
        outcome, note = "compatible", whole
        part = True
    if outcome == "conflict" and _later_update(xs, ys, ctx.as_of):
        outcome, note = "compatible", f"{RUNNING_TALLY}: the higher figure is " \
            "stated as a later update (rose to ...)"
        updated = True
    elif outcome == "compatible" and _grown_bound(xs, ys, ctx.as_of):
        # "at least 38" on Friday, "has risen to 52" on Saturday: the bounds
        # overlap, but the reader is told of an update, not of two precisions
        updated = True
    if outcome == "conflict" and ctx.attribute == "location" and _near_each_other(xs, ys):
        outcome, note = "compatible", NEAR_PLACE
    level = {"agree": 0, "compatible": 1, "conflict": 2}[outcome]
    return _Outcome(level, note, note or "", part=part, updated=updated)


NEAR_PLACE = "one place told as near the other, in the same country"
_VICINITY_BEFORE = re.compile(
    r"\b(?:near|outside|outskirts\s+of|close\s+to|(?:north|south|east|west)(?:-?(?:east|"
    r"west))?\s+of)\s+(?:the\s+(?:capital|city|town|port)\s+(?:of\s+)?)?$", re.I)
"""Before a place: the happening was in its vicinity ("a factory outside Dhaka"),
where another outlet may name the town itself."""


def _near_each_other(xs: Sequence[Claim], ys: Sequence[Claim]) -> bool:
    """Whether two places of one country are told so that one is near the other:
    either told as a vicinity ("outside Dhaka" and "Gazipur")."""
    a, b = xs[0].value, ys[0].value
    if not (isinstance(a, Place) and isinstance(b, Place) and a.country
            and a.country == b.country):
        return False
    return any(_vicinity(c) for c in (*xs, *ys))


def _vicinity(c: Claim) -> bool:
    at = c.sentence.find(c.text)
    return at > 0 and _VICINITY_BEFORE.search(c.sentence, max(0, at - 40), at) is not None


def _one_source_shown(note: str, pairs: Sequence[tuple[Claim, Claim]]) -> str:
    """A conflict inside one source as the finding shows it: naming the two speakers."""
    x, y = next((x, y) for x, y in pairs if x.source == y.source
                and _speakers_differ(x, y))  # the two who disagree
    return f"{note} (one source: {x.attribution} vs {y.attribution})"


def _as_a_tally(attribute: str, claims: Sequence[Claim],
                judged: tuple[int, str | None, list[str]], updated: bool,
                copies: Mapping[str, str], ctx: _Context, tally: bool,
                found: Sequence[tuple[dt.date, float]]) -> tuple[int, str | None, list[str]]:
    """Re-judge ``(worst, kind, notes)`` of counts that are a running tally: dated
    figures say which superseded which, or contradict (see :func:`_tally`); dates of
    saying (AS_OF_KEY) that differ are never a conflict."""
    worst, kind, notes = judged
    dated = {ctx.as_of.get(c.id) for c in claims}
    if (worst == 2 or (updated and len(dated) > 1)) and attribute == "count" and (
            tally or any(c.update for c in claims)):
        # a tally's figures, dated, say which superseded which (or contradict); an
        # update stated the same day as the figure it updates says so in its note
        running = _tally(claims, ctx.as_of, copies, ctx.totals, ctx.plans, found)
        if running is not None:
            worst, kind, notes = running
    if worst == 2 and claims and all(c.measure_key == AS_OF_KEY for c in claims):
        # issue 12x: dates on which figures were stated (AS_OF_KEY) differ between
        # outlets that report at their own times: never a conflict
        worst, kind, notes = 1, None, ["stated on different days; not when it happened"]
    return worst, kind, notes


def _witnessed(worst: int, notes: list[str], sources: Sequence[str], n_values: int,
               copies: Mapping[str, str]) -> tuple[str, list[str]]:
    """The verdict word and notes: ``single`` when one witness (a source and its
    copies) tells every value, unless it contradicts itself."""
    witnesses = {copies.get(s, s) for s in sources}
    if len(witnesses) == 1 and worst < 2:
        if n_values > 1:
            notes = ["one source gives several values; read as parts of a whole or "
                     "different scopes, not a conflict"]
        if len(sources) > 1:
            notes.append(f"{', '.join(sources)} are copies of one story, one witness")
        return "single", notes
    return ("agree", "compatible", "conflict")[worst], notes


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
                    return ("a whole and its parts: " + " + ".join(human(x) for x in told)
                            + f" = {human(w.value.value)}")
    return None


def _tally(claims: Sequence[Claim], as_of: Mapping[str, dt.date | None],
           copies: Mapping[str, str], totals: Mapping[str, tuple[float, ...]] | None = None,
           plans: frozenset[str] = frozenset(), found: Sequence[tuple[dt.date, float]] = ()
           ) -> tuple[int, str, list[str]] | None:
    """The verdict on a running tally whose figures differ: ``(level, kind, notes)``.

    A contradiction when two witnesses give figures that cannot both be true as of the
    same day, or a later figure is below an earlier one; the figures superseding one
    another (compatible, kind ``superseded``) when every figure stated later is at
    least every one stated earlier.  None (judge as usual) when a differing figure has
    no date of its own to order it by (an undated figure some dated statement also
    gives is ordered by that statement)."""
    known = _dated_figures(claims, as_of)
    if known is None:
        return None
    # a figure its witness tells as an update anywhere ("rose to 38" in the lead) is an
    # update where the same witness repeats it plainly (a headline's "38 dead")
    told_as_update = {(copies.get(c.source, c.source), c.value.value) for _d, c in known
                      if c.update and isinstance(c.value, Quantity)}
    known = [(d, dataclasses.replace(c, update=True) if not c.update
              and isinstance(c.value, Quantity)
              and (copies.get(c.source, c.source), c.value.value) in told_as_update else c)
             for d, c in known]
    # a figure its witness tells as a correction anywhere ("three died, lowering an
    # earlier toll of five") is one where the same witness repeats it (a headline)
    corrected = {(copies.get(c.source, c.source), c.value.value) for _d, c in known
                 if isinstance(c.value, Quantity) and _revised_down(c)}
    revised = {c.id for _d, c in known if isinstance(c.value, Quantity)
               and (copies.get(c.source, c.source), c.value.value) in corrected}
    for i, (d1, c1) in enumerate(known):
        for d2, c2 in known[i + 1:]:
            if not _at_odds(c1, c2, copies, totals or {}, plans):
                continue
            note = _same_day_contradiction(c1, c2, d1) if d1 == d2 else (
                _later_contradiction((c1, d1), (c2, d2), found, revised))
            if note is not None:
                return 2, "contradiction", [note]
    return 1, "superseded", [f"superseded: {_chain(known)}"]


def _dated_figures(claims: Sequence[Claim], as_of: Mapping[str, dt.date | None]
                   ) -> list[tuple[dt.date, Claim]] | None:
    """A tally's figures with the day each was stated; None when one has no day (an
    undated figure that a dated statement also gives is left out, that one orders it)."""
    dated = [(as_of.get(c.id), c) for c in claims if isinstance(c.value, Quantity)]
    told = {c.value.value for d, c in dated if d is not None}  # type: ignore[union-attr]
    # an undated figure that a dated statement also gives needs no date of its own
    dated = [(d, c) for d, c in dated
             if d is not None or c.value.value not in told]  # type: ignore[union-attr]
    if any(d is None for d, _c in dated):
        return None
    return [(d, c) for d, c in dated if d is not None]


def _at_odds(c1: Claim, c2: Claim, copies: Mapping[str, str],
             totals: Mapping[str, tuple[float, ...]], plans: frozenset[str]) -> bool:
    """Whether two figures of a tally need their days to be reconciled: told by two
    witnesses (or two speakers one witness quotes), both plans or neither, in conflict and not a whole and its parts."""
    if (copies.get(c1.source, c1.source) == copies.get(c2.source, c2.source)
            and not _speakers_differ(c1, c2)) or ((c1.id in plans) != (c2.id in plans)):
        return False  # one witness, unless it quotes two speakers who differ
    assert isinstance(c1.value, Quantity) and isinstance(c2.value, Quantity)
    return compare(c1.value, c2.value)[0] == "conflict" and _whole_and_parts(
        [c1], [c2], totals) is None


def _same_day_contradiction(c1: Claim, c2: Claim, day: dt.date) -> str | None:
    """The note of two conflicting figures stated the same day, or None when one is
    told as a rise over the other ("rose to 52": that day's update of it)."""
    if _later_update([c1], [c2]):
        return None
    assert isinstance(c1.value, Quantity) and isinstance(c2.value, Quantity)
    return (f"contradiction: {quantity_words(c1.value)} and "
            f"{quantity_words(c2.value)}, both as of {day_words(day)}")


def _later_contradiction(first: tuple[Claim, dt.date], second: tuple[Claim, dt.date],
                         found: Sequence[tuple[dt.date, float]],
                         revised: Collection[str] = ()) -> str | None:
    """The note of two conflicting figures stated on different days when the later
    cannot have grown from the earlier (lower, or not told as an update), else None."""
    (early, e_day), (late, l_day) = sorted((first, second), key=lambda x: x[1])
    assert isinstance(early.value, Quantity) and isinstance(late.value, Quantity)
    if _found_since(early.value, e_day, late.value, l_day, found):
        return None  # seven missing, then five after two more bodies were found
    if _changing_state(early) and _changing_state(late):
        return None  # "40 still in hospital", two days later "25": patients go home
    if _still_missing(late) and bounds(late.value)[1] < bounds(early.value)[0]:
        return None  # "20 missing", two days later "four still missing": found since
    if (late.id in revised or _revised_down(late)) and (
            bounds(late.value)[1] < bounds(early.value)[0]):
        return None  # "three died, lowering an earlier toll of five": a correction
    if bounds(late.value)[1] < bounds(early.value)[0]:
        return (f"contradiction: a later figure is lower, {quantity_words(early.value)} "
                f"(as of {day_words(e_day)}) then {quantity_words(late.value)} "
                f"(as of {day_words(l_day)})")
    if not late.update:
        # "52 dead" two days after "37 dead", not told as a change: two figures
        # for the toll, not a toll that grew
        return (f"contradiction: {quantity_words(early.value)} (as of {day_words(e_day)}) "
                f"and {quantity_words(late.value)} (as of {day_words(l_day)}), the later "
                "not told as an update")
    return None


def _chain(known: Sequence[tuple[dt.date, Claim]]) -> str:
    """A tally's figures in the order they were stated, one step per figure ("37 (as of
    4 March 2022) → 52 (as of 6 March 2022)")."""
    steps: dict[float, tuple[dt.date, Quantity]] = {}
    def order(x: tuple[dt.date, Claim]) -> tuple[dt.date, float, bool]:
        q = x[1].value
        assert isinstance(q, Quantity)
        return x[0], q.value, q.qualifier != "exact"

    for d, c in sorted(known, key=order):
        assert isinstance(c.value, Quantity)
        # one step per figure: "52" and "at least 52" the same day are one figure
        steps.setdefault(c.value.value, (d, c.value))
    return " → ".join(f"{quantity_words(q)} (as of {day_words(d)})" for d, q in steps.values())


_STILL_MISSING_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}?(?:(?:are|were|was|is)\s+)?(?:still|remain|remained|remains|"
    r"remaining)\s+(?:missing|unaccounted)\b", re.I)
"""After a figure: those not yet found as of the day it is told ("four people still
missing", "ten remain unaccounted for"), a figure that falls as people are found."""


def _still_missing(c: Claim) -> bool:
    """Whether a count is told as of the people still missing on its day (the words
    may be part of the claim's own text: "three remain missing")."""
    at = c.sentence.find(c.text)
    if at < 0:
        return False
    figure = re.match(r"\S+", c.text)
    starts = {at + len(c.text), at + (figure.end() if figure else 0)}
    return any(_STILL_MISSING_AFTER.match(c.sentence, k) is not None for k in starts)


_REVISED_DOWN = re.compile(
    r"\b(?:lower(?:ing|ed|s)?|revis(?:ing|ed|es)\s+down(?:ward)?|cut(?:ting|s)?|"
    r"downgrad(?:ing|ed|es)|correct(?:ing|ed|s))\s+(?:an?\s+|the\s+|its\s+)?(?:earlier|"
    r"previous|initial|prior|preliminary)\s+(?:death\s+)?(?:toll|tally|figure|count)\b|"
    r"\bdown\s+from\s+(?:an?\s+(?:earlier|previous|initial)\s+)?\d", re.I)
"""In a lower figure's sentence: the figure is told as a correction of an earlier one
("three died, lowering an earlier toll of five"), which it supersedes."""


def _revised_down(c: Claim) -> bool:
    """Whether a figure's sentence tells it as a downward revision of an earlier toll."""
    return _REVISED_DOWN.search(c.sentence) is not None


def _changing_state(c: Claim) -> bool:
    """Whether a count is of a toll's people in a state that changes by the day."""
    return (c.measure_key or "").split("@")[0].removeprefix("part:") in CHANGING_STATES


def _found_since(early: Quantity, e_day: dt.date, late: Quantity, l_day: dt.date,
                 found: Sequence[tuple[dt.date, float]]) -> bool:
    """Whether a count of the missing that fell between two days fell by exactly what
    the death toll rose between the same days (``found``: the toll's figures, as of
    when each was stated): the missing found dead.  Exact figures only: "about 300"
    then "152" is no arithmetic anyone can check."""
    if early.qualifier != "exact" or late.qualifier != "exact" or late.value >= early.value:
        return False
    before = {v for d, v in found if d == e_day}
    after = {v for d, v in found if d == l_day}
    return any(b - a == early.value - late.value for a in before for b in after)


def death_tolls(mentions: Sequence[Mention], types: frozenset[str] = frozenset({"death"})
                ) -> dict[str, tuple[tuple[dt.date, float], ...]]:
    """Per source, its exact death figures of the story (not background) as ``(as of,
    figure)``: what a fall in the missing may be explained by (see :func:`judge`)."""
    out: dict[str, list[tuple[dt.date, float]]] = defaultdict(list)
    for m in mentions:
        if m.type not in types or m.background or m.as_of is None:
            continue
        for c in m.claims:
            if (c.attribute == "count" and isinstance(c.value, Quantity)
                    and c.value.qualifier == "exact"):
                out[m.source].append((m.as_of, c.value.value))
    return {s: tuple(v) for s, v in out.items()}


def _counts_people(key: str | None) -> bool:
    """Whether a measure key counts people: people of any kind, or a group ("PH")."""
    if not key:
        return False
    return _is_people(key) or is_nationals_key(key)


def _is_people(key: str) -> bool:
    """Whether a measure key counts people (an increment, "/more", the size of each
    batch, "/per group", or a wider crowd the people are among, "/among", is never
    aligned with a whole: "300 more", "groups of 50" and "among 7,000 freed" are not the
    people of the whole happening)."""
    return key == "people" or (key.startswith("people/")
                               and not key.endswith(("/more", "/per group", "/among")))


def _people_align(mentions: Sequence[Mention]) -> bool:
    """Whether the event's counts of people of different named kinds ("230 migrants",
    "238 people") are one measure: only when no mention counts people twice, which
    would mean parts ("12 soldiers and 5 civilians")."""
    kinds = set()
    for m in mentions:
        keys = {c.measure_key for c in m.claims if c.attribute == "count"
                and c.measure_key and _is_people(c.measure_key) and not c.part}
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


def _tell_apart(labels: dict[tuple[str, str], str | None]) -> None:
    """Name each of two measures of one attribute told with one label by its key:
    "16 workers" dead and "52 workers" injured are "workers, deaths" and "workers,
    injured" in one event holding a whole toll."""
    seen: dict[tuple[str, str | None], int] = defaultdict(int)
    for (attr, _mk), label in labels.items():
        seen[(attr, label)] += 1
    for (attr, mk), label in list(labels.items()):
        base = mk.removeprefix("part:").split("/")[0]
        if label and seen[(attr, label)] > 1 and base and base not in label:
            labels[(attr, mk)] = f"{label}, {base}"


def findings(mentions: Sequence[Mention], copies: Mapping[str, str] | None = None,
             tolls: Mapping[str, Sequence[tuple[dt.date, float]]] | None = None
             ) -> list[Finding]:
    """All findings of one event, ordered by attribute then measure (``copies``: see
    :func:`judge`; ``tolls``: :func:`death_tolls` of all mentions, which explain a
    fall in a count of the missing)."""
    groups, labels, as_of = _by_measure(mentions)
    totals = {**_grown_by_increments(mentions), **_counts_told_together(mentions)}
    tally = any(m.type in TALLY_TYPES for m in mentions)
    plans, said = _plans_and_sayings(mentions)
    found = _tolls_of_the_missing(mentions, tolls)
    out = [judge(attr, labels[(attr, mk)], cs, copies, as_of, tally, totals, plans,
                 said, found)
           for (attr, mk), cs in groups.items()]
    out.sort(key=lambda f: (_ORDER.get(f.attribute, 9), f.measure or ""))
    return out


def _by_measure(mentions: Sequence[Mention]) -> tuple[
        dict[tuple[str, str], list[Claim]], dict[tuple[str, str], str | None],
        dict[str, dt.date | None]]:
    """The claims of one event by ``(attribute, measure key)``, in the order told; each
    key's label (:func:`_tell_apart`); and each claim's statement date, by claim id.
    Counts of people of different named kinds are one measure when they align
    (:func:`_people_align`); a breakdown's groups are left out (told as its counts);
    of the places, the most specific each source names."""
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    labels: dict[tuple[str, str], str | None] = {}
    as_of: dict[str, dt.date | None] = {}
    align = _people_align(mentions)
    for m in mentions:
        partial = m.groups_beside_a_total()
        added = _only_added(m)
        for c in m.claims:
            if partial and c.attribute == "group":
                continue  # a breakdown's groups are told as its counts
            as_of[c.id] = m.as_of
            mk = c.measure_key or ""
            if added and c.attribute == "date" and not mk:
                # "five more were arrested on Wednesday": the day more were added,
                # compared only with such days, never with the happening's own
                groups[("date", ADDED_KEY)].append(c)
                labels.setdefault(("date", ADDED_KEY), ADDED_MEASURE)
                continue
            # a part ("among them 18 women") is never the whole's people
            key = (c.attribute, "people" if align and c.attribute == "count"
                   and _is_people(mk) and not c.part else mk)
            groups[key].append(c)
            labels.setdefault(key, c.measure)
    if ("location", "") in groups:
        groups[("location", "")] = _most_specific_places(groups[("location", "")])
    _tell_apart(labels)
    return groups, labels, as_of


ADDED_KEY = "added"
ADDED_MEASURE = "more added"
"""The measure of the date of a mention that counts only people added to a figure told
before ("five more were arrested on Wednesday")."""


def _only_added(m: Mention) -> bool:
    """Whether every count of a mention is an increment ("five more", "another 95")."""
    counts = [c for c in m.claims if c.attribute == "count"]
    return bool(counts) and all((c.measure_key or "").split("@")[0].endswith("/more")
                                for c in counts)


def _plans_and_sayings(mentions: Sequence[Mention]) -> tuple[frozenset[str], frozenset[str]]:
    """The ids of figures and dates told as a plan or possibility (:func:`projected`),
    and of dates of saying (:func:`said_on`): the ``plans`` and ``said`` of :func:`judge`."""
    plans = frozenset(c.id for m in mentions for c in m.claims
                      if c.attribute in ("count", "amount", "date") and projected(m, c))
    said = frozenset(c.id for m in mentions for c in m.claims
                     if c.attribute == "date" and said_on(m, c))
    return plans, said


def _counts_told_together(mentions: Sequence[Mention]) -> dict[str, tuple[float, ...]]:
    """Per exact count of people (not a part) told beside other such counts in one
    mention, all of them ("96 foreigners and 21 Filipinos"): the ``totals`` of
    :func:`judge`."""
    totals: dict[str, tuple[float, ...]] = {}
    for m in mentions:
        people = [c for c in m.claims if c.attribute == "count" and isinstance(
            c.value, Quantity) and c.value.qualifier == "exact" and not c.part
            and _counts_people(c.measure_key)]
        if len(people) > 1:
            told = tuple(p.value.value for p in people)  # type: ignore[union-attr]
            for p in people:
                totals[p.id] = told
    return totals


def _grown_by_increments(mentions: Sequence[Mention]) -> dict[str, tuple[float, ...]]:
    """Per exact figure of a tally that its article later adds to with increments
    ("killing 12" ... "two more succumbed to their injuries", key ``.../more``) and
    gives no later figure of: the figure and those increments, so that another
    source's figure equal to their sum is the article's own toll as it grew, not a
    contradiction (a ``totals`` entry of :func:`judge`)."""
    out: dict[str, tuple[float, ...]] = {}
    by_source: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_source[m.source].append(m)
    for ms in by_source.values():
        told = sorted(((m.sentence_index, c) for m in ms for c in m.claims
                       if c.attribute == "count" and isinstance(c.value, Quantity)
                       and c.value.qualifier == "exact" and c.measure_key),
                      key=lambda x: (x[0], x[1].span))
        for i, (at, c) in enumerate(told):
            key = c.measure_key or ""
            if "/" in key or c.part:
                continue
            later = [(a, d) for a, d in told[i + 1:] if a > at]
            adds = [d for _a, d in later if d.measure_key == f"{key}/more"]
            if adds and not any(d.measure_key == key for _a, d in later):
                out[c.id] = (c.value.value,) + tuple(  # type: ignore[union-attr]
                    d.value.value for d in adds)  # type: ignore[union-attr]
    return out


def _tolls_of_the_missing(mentions: Sequence[Mention],
                          tolls: Mapping[str, Sequence[tuple[dt.date, float]]] | None
                          ) -> tuple[tuple[dt.date, float], ...]:
    """For an event of the missing only, the death tolls its sources told (``tolls``:
    see :func:`findings`), each source once: the ``found`` of :func:`judge`."""
    if not tolls or not all(m.type == "missing" for m in mentions):
        return ()
    return tuple(f for s in dict.fromkeys(m.source for m in mentions)
                 for f in tolls.get(s, ()))

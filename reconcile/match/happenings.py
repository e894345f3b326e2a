"""The happening's date is a fact of the happening, not of its toll.

A toll sentence often says when its happening happened ("the quake that struck on
Friday has killed 52", "the March 3 floods have claimed 61 lives"), and an
article's frame gives its tolls the date of its main happening.  Matching keeps the
toll (its figures, and the dates they were stated: ``AS_OF_KEY``) apart from the
happening ("Earthquake in <city> (<date>)"), so such a date in the toll's event is the
happening's date filed under its toll: two sources' days for the quake are compared in
two places, and a reader sees the quake's date told as a fact of the dead.

After matching, :func:`date_happenings` moves those dates to the happening's event: for
each toll event (every kind a casualty type, one with a ``measure``) told as a story's
event (not background), the happening event (every kind ``standalone``) that shares an
article with it, is not background, is not placed in another country, and is dated
within a day of a date of the toll (or not dated at all) is its happening, when exactly
one event is.  The toll's dates within ``HAPPENING_DAYS`` of a day the happening is
dated to (a week or a month it is dated to only by the same words; a day after every
day it is dated to only in a sentence that names a happening: "the toll rose to 52 on
Saturday" dates the figure), or given by an article's frame (which dates the article's
main happening), go to the happening's event,
one claim per passage; the toll keeps its figures, the dates they were stated and any
date days later (when bodies were found or buried: the figure's own day).  All
sources' days for the happening are then judged together in one event, so a disputed
day shows as one conflict there.  An article whose toll sentences were its only words
for the happening tells it after the move: a second round lets its other tolls find
the happening through it.

Where no happening event exists or more than one could be meant, the toll keeps its
dates: the only date a reader has of the happening is better shown with its toll than
moved to an event the sources did not name, or to the wrong one.  Background tolls
("the 1960 quake killed 12,000") stay as they are: a recalled happening is told in a
sentence or two, and its toll's date is its own.

Linear: happening events are indexed by source, each toll looks up only its sources.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence

from ..model import AS_OF_KEY, Claim, DateValue, Mention, Place
from .matching import date_gap

HAPPENING_DAYS = 1
"""A toll's date this close to its happening's is the happening's day (sources often
differ by a day on when a night's happening took place); a later one is the toll's own
(a day bodies were found)."""


@dataclasses.dataclass(frozen=True)
class Moved:
    """The events after the move: per event its mentions, and per toll event (by index)
    the index of the happening event its dates went to."""

    events: list[tuple[Mention, ...]]
    happening: dict[int, int]


def _happening_date(c: Claim) -> bool:
    return (c.attribute == "date" and c.measure_key != AS_OF_KEY
            and isinstance(c.value, DateValue))


def _countries(ms: Sequence[Mention]) -> set[str]:
    """The countries the mentions place their happening in; not a dateline's (``filed``),
    which says where the story was filed, never that it happened elsewhere."""
    return {c.value.country for m in ms for c in m.claims
            if c.attribute == "location" and isinstance(c.value, Place) and c.value.country
            and not c.filed}


_WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])$")


def _one_weekday(a: DateValue, b: DateValue) -> bool:
    """Whether two dates that cannot be compared by days are one weekday: the same bare
    weekday ("Friday" twice), or a bare weekday and a day that fell on it."""
    if a.timex == b.timex:
        return True
    for x, y in ((a, b), (b, a)):
        weekday = _WEEKDAY.match(x.timex)
        if weekday is not None and y.granularity in ("day", "time") and (
                y.earliest is not None and y.earliest == y.latest):
            return y.earliest.isoweekday() == int(weekday.group(1))
    return False


def _near(v: DateValue, days: Sequence[DateValue]) -> bool:
    """Whether a date tells one of ``days``: within :data:`HAPPENING_DAYS`, or, where the
    dates cannot be compared, on one weekday (:func:`_one_weekday`).  Only the days that
    name a day are compared so: a day that falls in the week or the month the happening
    is dated to ("earlier this week") is not thereby its day, and a happening dated only
    so is told only by the same words ("this week" twice)."""
    precise = [d for d in days if d.granularity in ("day", "time")]
    if not precise:
        return any(v.timex == d.timex for d in days)
    for d in precise:
        gap = date_gap(v, d)
        if (gap is not None and gap <= HAPPENING_DAYS) or (gap is None and _one_weekday(v, d)):
            return True
    return False


def _moves(ms: Sequence[Mention], days: Sequence[DateValue],
           names_happening: Callable[[str], bool],
           told: Mapping[tuple[str, tuple[int, int]], set[str]] | None = None
           ) -> Iterator[Claim]:
    """The toll's dates that are its happening's: given by an article's frame, or near
    one of the happening's ``days``; a day after all of them only in a sentence that
    names a happening ("the floods that struck on Monday have killed 14"): "the toll
    rose to 52 on Saturday" dates the toll's figure, the day after the quake.  Never
    another day than the one the happening is given in the same sentence (``told``:
    per source and sentence, the happening's own dates there): "a body was found on
    Sunday, bringing to five the dead of the avalanche on Saturday" dates the avalanche
    on Saturday only."""
    for m in ms:
        here = (told or {}).get((m.source, m.sentence_span))
        for c in m.claims:
            if not (_happening_date(c) and isinstance(c.value, DateValue)):
                continue
            if here and not c.inferred and c.value.timex not in here:
                continue
            if c.inferred or (_near(c.value, days) and (
                    not _after(c.value, days) or names_happening(c.sentence))):
                yield c


def _after(v: DateValue, days: Sequence[DateValue]) -> bool:
    """Whether a date begins after every day the happening is dated to (those known)."""
    ends = [d.latest for d in days if d.latest is not None]
    return v.earliest is not None and bool(ends) and v.earliest > max(ends)


def _days(ms: Sequence[Mention], framed_only: bool = False) -> list[DateValue]:
    """The distinct dates of happening the mentions give (only those an article's frame
    gave, ``inferred``, with ``framed_only``): one per value, so that comparing two
    large events' dates costs their distinct days, not their claims."""
    return list({c.value.timex: c.value for m in ms for c in m.claims
                 if _happening_date(c) and isinstance(c.value, DateValue)
                 and (c.inferred or not framed_only)}.values())


def date_happenings(events: Sequence[Sequence[Mention]], tolls: Collection[str],
                    happenings: Collection[str], next_mention: int,
                    names_happening: Callable[[str], bool] = lambda sentence: True
                    ) -> Moved:
    """``events`` (each its mentions) with the happening dates of tolls moved to their
    happening's event (see the module docstring).  ``tolls`` and ``happenings`` are the
    event types of each; moved claims keep their ids and go into a new mention of the
    happening's type (id ``m<n>`` from ``next_mention`` on), one per toll mention.
    ``names_happening`` tells whether a sentence names a happening (a word of a
    ``standalone`` type): see :func:`_moves`.

    Two rounds: an article that dates the happening only in its toll sentences ("the
    March 3 storm has claimed 61 lives") tells the happening once its dates moved
    there, so its other tolls, which share no article with the happening's own mentions,
    find it in the second round."""
    out = [tuple(ms) for ms in events]

    def main(ms: Sequence[Mention]) -> bool:
        return any(not m.background for m in ms)

    by_source: dict[str, dict[int, None]] = defaultdict(dict)  # ordered sets
    known: dict[int, tuple[set[str], list[DateValue]]] = {}  # per happening: its facts
    for k, ms in enumerate(events):
        if ms and main(ms) and all(m.type in happenings for m in ms):
            known[k] = (_countries(ms), _days(ms))
            for m in ms:
                by_source[m.source][k] = None
    waiting = [k for k, ms in enumerate(events)
               if ms and main(ms) and all(m.type in tolls for m in ms) and _days(ms)]
    moved: dict[int, int] = {}
    for _round in range(2):
        links = {k: h for k in waiting
                 if (h := _happening_of(events[k], by_source, known)) is not None}
        gained: dict[int, list[Mention]] = defaultdict(list)
        for k, h in links.items():
            days = known[h][1] + _days(events[k], framed_only=True)
            told: dict[tuple[str, tuple[int, int]], set[str]] = defaultdict(set)
            for m in events[h]:
                for c in m.claims:
                    if _happening_date(c) and not c.inferred and isinstance(
                            c.value, DateValue):
                        told[(m.source, m.sentence_span)].add(c.value.timex)
            moving = {c.id for c in _moves(events[k], days, names_happening, told)}
            if not moving:
                continue  # nothing of the happening's to move: not shown as linked
            moved[k] = h
            out[k], added = _split(out[k], moving, out[h], events[h][0].type, next_mention)
            next_mention += len(added)
            out[h] = out[h] + added
            gained[h].extend(added)
        for h, more in gained.items():  # the articles that now tell the happening
            known[h] = (known[h][0], _days(events[h]) + _days(more))
            for m in more:
                by_source[m.source][h] = None
        waiting = [k for k in waiting if k not in moved]
    return Moved(out, moved)


def _happening_of(ms: Sequence[Mention], by_source: Mapping[str, Mapping[int, None]],
                  known: Mapping[int, tuple[set[str], list[DateValue]]]) -> int | None:
    """The one happening event a toll's mentions ``ms`` count, if exactly one: told by
    an article of the toll, not placed in another country, and undated or dated within
    :data:`HAPPENING_DAYS` of a date of the toll."""
    dated = _days(ms)
    countries = _countries(ms)
    found: list[int] = []
    for h in dict.fromkeys(h for s in dict.fromkeys(m.source for m in ms)
                           for h in by_source.get(s, ())):
        theirs, days = known[h]
        if countries and theirs and countries.isdisjoint(theirs):
            continue  # a happening placed in another country
        if not days or any(_near(d, days) for d in dated):
            found.append(h)
    return found[0] if len(found) == 1 else None


def _split(toll: tuple[Mention, ...], moving: Collection[str], happening: Sequence[Mention],
           htype: str, next_mention: int) -> tuple[tuple[Mention, ...], tuple[Mention, ...]]:
    """The toll's mentions without the ``moving`` claims, and the new mentions (of type
    ``htype``, numbered from ``next_mention``) that carry them to the happening: one per
    toll mention, without a passage the happening already holds."""
    told = {(c.source, c.span) for m in happening for c in m.claims if _happening_date(c)}
    kept: list[Mention] = []
    added: list[Mention] = []
    for m in toll:
        if not any(c.id in moving for c in m.claims):
            kept.append(m)
            continue
        kept.append(dataclasses.replace(
            m, claims=tuple(c for c in m.claims if c.id not in moving)))
        mid = f"m{next_mention + len(added)}"
        claims = []
        for c in m.claims:
            if c.id in moving and (c.source, c.span) not in told:
                told.add((c.source, c.span))  # one claim per passage
                claims.append(dataclasses.replace(c, mention=mid))
        if claims:
            added.append(dataclasses.replace(m, id=mid, type=htype, claims=tuple(claims)))
    return tuple(kept), tuple(added)

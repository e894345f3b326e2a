"""Group mentions that describe the same real-world event.

1. **Blocking.**  A mention gets one key per nationality it names (or per country it is
   placed in, or ``*`` when it names neither), prefixed by its event type.  Only mentions
   sharing a key are compared.  Inside a block, mentions are sorted by date and each is
   compared with the next ``WINDOW`` ones (sorted neighbourhood), so the number of
   comparisons is at most ``keys x n x WINDOW``: linear in the number of mentions, never
   all pairs.  Small blocks (up to ``2 x WINDOW``) are compared exhaustively (fewer
   than ``size x WINDOW`` pairs, so the bound holds), which means that below that size
   a block's pairs per member grow with the block: a type-and-group block, or an
   operation's city block, gains members as a corpus covers a longer period, so pairs
   per mention rise with the corpus until those blocks pass ``2 x WINDOW`` members and
   then stay flat (generated corpora, seed 7: 35 pairs per mention at 1,000 articles,
   48 at 8,000).  Most of the added pairs are dates apart, possible near misses (2.6
   per mention at 1,000 articles, 10.2 at 8,000), each read once by step 4.
2. **Scoring.**  Hard constraints keep different events apart (dates too far apart,
   nationalities or countries that do not overlap, co-reported figures that disagree
   wholesale); otherwise evidence adds up: shared group, equal counts, close dates, same
   place, similar wording (rapidfuzz), same speaker.  Counts and exact dates are
   evidence, not identity: sources that disagree on them can still match.
3. **Clustering.**  Candidate edges join mentions into connected components (a
   networkx union-find over an edge list: a graph object costs hundreds of bytes per
   edge); inside each component, clusters are merged greedily from the strongest edge
   down, and a merge is refused when any pair across the two clusters violates a hard
   constraint.  This prevents chaining A~B~C when A and C cannot be one event.
4. **Near misses.**  Pairs kept apart that look alike are explained in the report, at
   most ``SHOWN_NEAR_MISSES`` (other event, reason) per event.  A large corpus has
   millions of alike pairs kept apart (same group, dates months apart), so they are
   kept as index pairs and scored only while an event still has room to show them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import networkx as nx
from rapidfuzz import fuzz

from .. import gazetteer
from ..model import (
    AS_OF_KEY, Amount, Claim, DateValue, Group, Mention, Place, Quantity, is_nationals_key,
    totals_a_window,
)
from ..comparison import compare
from ..words import date_words, day_words, days_words

WINDOW = 40
THRESHOLD = 0.45
DATE_TOLERANCE_DAYS = 7
SIMILAR = 0.3
"""Pairs kept apart are reported only when they look this alike otherwise."""
SHOWN_NEAR_MISSES = 5
"""Distinct (other event, reason) near misses an event explains."""
COMPANION_FLOOR = 0.25
COMPANION_BONUS = 0.2
_DISTINCTIVE = 10  # below this, equal counts ("two victims") are common coincidences


@dataclass(frozen=True)
class _Facts:
    """What matching needs from a mention, computed once."""

    mention: Mention
    type: str
    groups: frozenset[str]
    countries: frozenset[str]
    cities: frozenset[str]
    date: DateValue | None
    counts: dict[str, float]
    quantities: dict[str, Quantity]
    money: dict[str, Amount]
    updates: bool
    amounts: dict[str, float]
    speaker: str | None
    words: str
    places: frozenset[Place]
    frame: Frame | None = None
    """The article's frame (:func:`story_frames`), None when matching without stories."""
    own_date: bool = True
    """Whether the date is stated in the mention, not given it by its article's frame."""
    side: bool = False
    """A side figure of its article (:func:`_side`), computed once."""
    together: frozenset[str] = frozenset()
    """When it names its country joined by "and" with another ("in Nepal and India"),
    all the countries it names so (:func:`_coordinated`); else empty."""
    filed: bool = False
    """Whether its only place is its article's dateline (``Claim.filed``), where the
    story was filed: evidence of where it happened, never that it happened elsewhere."""
    window: bool = False
    """Whether it counts a total over a window of months or years and names no day of
    its own (:func:`~reconcile.model.totals_a_window`): a figure of that window only."""


@dataclass(frozen=True)
class Frame:
    """What one article is about, read from its mentions: the kinds of happening its
    lead tells (or those marked ``main``), the countries the lead names (places and
    groups), and the day its statements were made (``as_of``)."""

    families: frozenset[str]
    countries: frozenset[str]
    day: int | None
    lead: frozenset[str] = frozenset()
    """Ids of the mentions the frame was read from (its lead, or those marked main)."""
    breakdown: frozenset[str] = frozenset()
    """Ids of mentions that are one line of a breakdown: one sentence giving figures of
    one measure for several places ("30 dead in A, 12 in B"); each is a part."""
    figures: Mapping[str, float] = dataclasses.field(default_factory=dict)
    """Per measure, the article's first figure of it (its toll, as it leads with it)."""
    happened: frozenset[int] = frozenset()
    """The days (ordinals) its lead's mentions say their happening took place, in their
    own words and to the day: a follow-up published weeks later that dates its happening
    ("the raid on the 9th") is of the story of the articles that told it then."""
    single: frozenset[str] = frozenset()
    """Ids of the mentions that are the only ones of their kind the article tells (not
    background): "the executive was sentenced on Tuesday" in an article telling no
    other sentencing is the story's one sentencing, whatever day it gives."""


Frames = Mapping[str, Frame]
"""Per source id, its :class:`Frame`."""


Kin = Mapping[str, str]
"""Event type -> the family it is matched in ("repatriation" -> "removal"): outlets
call one happening by either name, so kin types are compared as one kind."""


def _facts(m: Mention, kin: Kin | None = None, frames: Frames | None = None) -> _Facts:
    """What matching reads of a mention, once: whom it names (:func:`_groups`), where
    (:func:`_where`), when (:func:`_when`), how many (:func:`_counts`, :func:`_sums`),
    who says so, its words, and its article's frame."""
    groups = _groups(m)
    places, countries, cities, filed = _where(m)
    others = _coordinated(m)
    together = frozenset(countries | others) if others else frozenset()
    if groups and m.type in REMOVALS and countries and countries <= groups:
        places, countries, cities = _taken_home(places, groups)
    date, own_date = _when(m)
    counts, quantities = _counts(m)
    amounts, money = _sums(m)
    speaker = next((c.attribution for c in m.claims if c.attribution), None)
    words = " ".join(w for w in m.sentence.lower().split() if len(w) > 3)
    updates = any(c.update for c in m.claims)
    kind = kin.get(m.type, m.type) if kin else m.type
    frame = frames.get(m.source) if frames else None
    window = bool(counts) and not (date is not None and own_date and _day_or_finer(
        date)) and totals_a_window(m.sentence)
    return _Facts(m, kind, frozenset(groups), frozenset(countries), frozenset(cities), date,
                  counts, quantities, money, updates, amounts, speaker, words,
                  frozenset(places), frame, own_date, _side(m, counts, frame), together,
                  filed, window)


def _groups(m: Mention) -> set[str]:
    """Who a mention says all its people were: its groups' countries (or names), none
    told as a part ("including two Colombians"), nor beside a total or another group."""
    groups: set[str] = set()
    for c in m.claims:
        if c.attribute == "group" and isinstance(c.value, Group) and not c.part:
            groups.add(c.value.country or c.value.name.lower())
    if groups and m.groups_beside_a_total():
        return set()  # a breakdown or a second group does not say who all were
    return groups


def _where(m: Mention) -> tuple[set[Place], set[str], set[str], bool]:
    """Where a mention places its happening: ``(places, their countries, cities,
    filed)``, filed when its only places are its article's dateline (``Claim.filed``)."""
    places: set[Place] = set()
    countries: set[str] = set()
    cities: set[str] = set()
    filed: bool | None = None
    for c in m.claims:
        v = c.value
        if c.attribute == "location" and isinstance(v, Place):
            filed = c.filed if filed is None else filed and c.filed
            places.add(v)
            if v.country:
                countries.add(v.country)
            if v.kind == "city":
                cities.add(v.name)
    return places, countries, cities, bool(filed)


_AND_COUNTRY = re.compile(r"\s+and\s+(?:in\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})")
_COUNTRY_AND = re.compile(r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}),?\s+and\s+(?:in\s+)?$")


def _coordinated(m: Mention) -> set[str]:
    """The countries a mention names beside the country it is placed in, joined by
    "and" ("16 dead in Bangladesh and India"): a happening told of two countries at once,
    of which extraction places it in the first.  Two mentions naming the same countries
    so are not apart whichever each names first (:func:`_countries_apart`); one naming a
    single one of them is not joined by it (it may tell that country's part)."""
    out: set[str] = set()
    base = m.sentence_span[0]
    for c in m.claims:
        v = c.value
        if (c.attribute != "location" or not isinstance(v, Place) or v.kind != "country"
                or c.inferred or c.sentence != m.sentence):
            continue
        start, end = c.span[0] - base, c.span[1] - base
        if not 0 <= start <= end <= len(m.sentence):
            continue
        names = []
        if (after := _AND_COUNTRY.match(m.sentence, end)) is not None:
            names.append(after.group(1))
        if (before := _COUNTRY_AND.search(m.sentence[:start])) is not None:
            names.append(before.group(1))
        for name in names:
            code = gazetteer.country_code(name)
            if code is not None:
                out.add(code)
    return out


def _taken_home(places: set[Place], groups: set[str]) -> tuple[set[Place], set[str], set[str]]:
    """A removal's ``(places, countries, cities)`` when it names only its people's own
    country ("Bolivians sent home ... arrived in <a Bolivian city>"): that is where they
    were taken, not where the removal took place, so those places and the country go."""
    places = {p for p in places if p.country not in groups}
    return places, set(), {p.name for p in places if p.kind == "city"}


def _when(m: Mention) -> tuple[DateValue | None, bool]:
    """A mention's date (its last date claim; a date of saying does not date the event)
    and whether the mention states it, not given it by its article's frame."""
    date: DateValue | None = None
    own_date = True
    for c in m.claims:
        if (c.attribute == "date" and isinstance(c.value, DateValue)
                and c.measure_key != AS_OF_KEY):
            date, own_date = c.value, not c.inferred
    return date, own_date


def _counts(m: Mention) -> tuple[dict[str, float], dict[str, Quantity]]:
    """What a mention counts: per measure key, its figure and its quantity (the last
    claim of a key wins)."""
    quantities = {c.measure_key: c.value for c in m.claims
                  if c.attribute == "count" and isinstance(c.value, Quantity) and c.measure_key}
    return {k: q.value for k, q in quantities.items()}, quantities


def _sums(m: Mention) -> tuple[dict[str, float], dict[str, Amount]]:
    """The sums of money a mention gives: per measure key, its figure and its amount
    (the last claim of a key wins)."""
    money = {c.measure_key: c.value for c in m.claims
             if c.attribute == "amount" and isinstance(c.value, Amount) and c.measure_key}
    return {k: a.value for k, a in money.items()}, money


REMOVALS = frozenset({"deportation", "repatriation", "extradition"})
"""Kinds that take people home: a place in the removed people's own country (the only
country a mention names, the country of all its groups) is where they were taken, not
where the removal took place."""


TOLL_WORDS = frozenset({
    "dead", "deaths", "fatalities", "casualties", "killed", "injured", "wounded",
    "injuries", "missing", "arrests", "arrested", "detained", "rescued", "evacuated",
    "displaced", "evacuees", "detainees"})
"""Nouns that name the people an event happened to as its toll ("52 deaths", "1,250
dead").  Other words of an event ("bodies": identified, recovered, handed over) count
something else, often a part."""


def own_measures(mentions: Sequence[Mention], own: Mapping[str, frozenset[str]],
                 keys: Mapping[str, str] | None = None) -> list[Mention]:
    """Mentions whose counts are named by the event's own toll word ("52 deaths",
    "1,250 dead" in a mention of deaths; ``own`` maps a type to its trigger words, of
    which :data:`TOLL_WORDS` count) are keyed as counts of people: they count whom the
    event happened to, as "killed 1,000 people" does, so the two are one measure.
    ``keys`` gives a type's own measure key where the vocabulary names one (then that
    key, not "people").  Other mentions are returned as they are."""
    out: list[Mention] = []
    for m in mentions:
        words = own.get(m.type, frozenset()) & TOLL_WORDS
        changed = False
        claims = []
        for c in m.claims:
            key = c.measure_key
            if c.attribute == "count" and key and "@" not in key:
                base = key.removeprefix("part:").removeprefix("people/")
                if ((base != key.removeprefix("part:") or "/" not in base)
                        and base in words and base != "people"):
                    head = "part:" if key.startswith("part:") else ""
                    target = head + (keys or {}).get(m.type, "people")
                    if target != key:
                        c = dataclasses.replace(c, measure_key=target)
                        changed = True
            claims.append(c)
        out.append(dataclasses.replace(m, claims=tuple(claims)) if changed else m)
    return out


def measure_mentions(mentions: Sequence[Mention], measures: Mapping[str, str],
                     kin: Kin | None = None, next_mention: int = 1) -> list[Mention]:
    """Counts a mention makes of another kind's own measure, moved to a mention of that
    kind: "floods killed 31 and displaced 500,000" tells deaths and a displacement, and
    the displaced are no part of the toll; their count is matched with other outlets'
    displacement ("500,000 forced to flee"), not with the dead.  ``measures`` maps a
    measure key to the type it is the own measure of ("displaced" -> displacement);
    kinds of one family ("killed 12 and injured 40") keep one mention.  The new mention
    (numbered from ``next_mention``) holds the moved claims alone."""
    out: list[Mention] = []
    added: list[Mention] = []
    for m in mentions:
        mine = kin.get(m.type, m.type) if kin else m.type
        moving: dict[str, list[Claim]] = defaultdict(list)
        for c in m.claims:
            other = measures.get(c.measure_key or "") if c.attribute == "count" else None
            if other is not None and (kin.get(other, other) if kin else other) != mine:
                moving[other].append(c)
        if not moving:
            out.append(m)
            continue
        gone = {c.id for cs in moving.values() for c in cs}
        out.append(dataclasses.replace(m, claims=tuple(c for c in m.claims
                                                       if c.id not in gone)))
        for other, cs in moving.items():
            mid = f"m{next_mention + len(added)}"
            added.append(dataclasses.replace(m, id=mid, type=other, claims=tuple(
                dataclasses.replace(c, mention=mid) for c in cs)))
    return out + added


LEAD_SENTENCES = 3
"""An article's frame is read from the mentions of its first sentences that tell an
event (the headline and lead), unless extraction marked mentions ``main``."""
STORY_DAYS = 10
"""Articles of one story are published (state their figures) at most this far apart."""


def story_frames(mentions: Sequence[Mention], kin: Kin | None = None) -> dict[str, Frame]:
    """Each source's :class:`Frame`: one pass over the mentions (linear).

    Two articles are of one story (:func:`same_story`) when their frames share a kind
    of happening and a country and their days are close: articles that share a main
    event.  The test is pairwise (not a union of keys), so a long run of look-alike
    articles on one beat is never chained into one story."""
    by_source: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if not m.background:
            by_source[m.source].append(m)
    out: dict[str, Frame] = {}
    for source, ms in by_source.items():
        main = [m for m in ms if m.main]
        if not main:
            first = min(m.sentence_index for m in ms)
            main = [m for m in ms if m.sentence_index < first + LEAD_SENTENCES]
        families = frozenset(kin.get(m.type, m.type) if kin else m.type for m in main)
        countries = _countries(main)  # where the lead places it: a place named deep in
        # the text (a town, a channel's name read as one) does not move the story
        days = [m.as_of.toordinal() for m in ms if m.as_of is not None]
        out[source] = Frame(families, frozenset(countries), max(days) if days else None,
                            frozenset(m.id for m in main), _breakdown(ms), _first_figures(ms),
                            _happened(main), _single(ms))
    return out


def _single(ms: Sequence[Mention]) -> frozenset[str]:
    """The ids of the mentions that are the only ones of their type among ``ms``."""
    by_type: dict[str, list[str]] = defaultdict(list)
    for m in ms:
        by_type[m.type].append(m.id)
    return frozenset(ids[0] for ids in by_type.values() if len(ids) == 1)


def _happened(main: Sequence[Mention]) -> frozenset[int]:
    """The days (ordinals) the mentions date their happening to, in their own words
    (not inferred from the article's frame, not a date of saying)."""
    out: set[int] = set()
    for m in main:
        for c in m.claims:
            v = c.value
            if (c.attribute == "date" and isinstance(v, DateValue) and not c.inferred
                    and c.measure_key != AS_OF_KEY and v.granularity == "day"
                    and v.mod is None and v.earliest is not None):
                out.add(v.earliest.toordinal())
    return frozenset(out)


def _first_figures(ms: Sequence[Mention]) -> dict[str, float]:
    """Per measure key, the figure of the first mention (in reading order) counting it,
    parts aside."""
    out: dict[str, float] = {}
    for m in sorted(ms, key=lambda m: m.sentence_index):
        for c in m.claims:
            if (c.attribute == "count" and c.measure_key and not c.part
                    and isinstance(c.value, Quantity)):
                out.setdefault(c.measure_key, c.value.value)
    return out


def _side(m: Mention, counts: Mapping[str, float], frame: Frame | None) -> bool:
    """Whether a mention counts a measure with a figure more than :data:`ARTICLE_RATIO`
    from the figure its article first gave it: a part, a subgroup or another happening
    recalled ("61 of them from one state", "the 2009 crash killed 16"), not the toll."""
    if frame is None or m.background:
        return False  # a recalled happening's figures are its own, not the story's
    first = frame.figures
    return any(k in first and _ratio(v, first[k]) > ARTICLE_RATIO for k, v in counts.items())


def _side_apart(a: _Facts, b: _Facts) -> bool:
    """Whether two articles' mentions count one measure with figures that cannot be one
    figure, each a side figure of its article (:func:`_side`): two articles' parts or
    recalled happenings with different figures are two quantities ("61 of the dead
    were from one state", "the crash of 2009 killed 16")."""
    return (a.side and b.side and bool(_shared_counts(a, b))
            and not _same_figure(a, b))


def _countries(ms: Sequence[Mention]) -> frozenset[str]:
    """The countries of the places and groups the mentions name."""
    return frozenset(c.value.country for m in ms for c in m.claims
                     if isinstance(c.value, (Place, Group)) and c.value.country
                     ) | frozenset(code for m in ms for code in _coordinated(m))


def _breakdown(ms: Sequence[Mention]) -> frozenset[str]:
    """The mentions of one article that share a sentence, a type and a counted measure
    with another mention of that sentence placed elsewhere: lines of a breakdown."""
    lines: dict[tuple[tuple[int, int], str, str], list[Mention]] = defaultdict(list)
    for m in ms:
        places = {c.value.name for c in m.claims if isinstance(c.value, Place)}
        if len(places) != 1:
            continue
        for c in m.claims:
            if c.attribute == "count" and c.measure_key:
                lines[(m.sentence_span, m.type, c.measure_key)].append(m)
    out: set[str] = set()
    for members in lines.values():
        places = {c.value.name for m in members for c in m.claims if isinstance(c.value, Place)}
        if len(members) > 1 and len(places) > 1:
            out.update(m.id for m in members)
    return frozenset(out)


def same_story(a: _Facts, b: _Facts) -> bool:
    """Whether two mentions belong to one story, where weak evidence is enough: both
    told as the story (not background), and from one article, or from two articles
    whose frames share a kind of happening and a country (or one names none), at most
    ``STORY_DAYS`` apart (either date unknown: not held against them) or whose leads
    date their happening to days at most ``HAPPENED_DAYS`` apart (:func:`_close`)."""
    fa, fb = a.frame, b.frame
    if fa is None or fb is None or a.mention.background or b.mention.background:
        return False
    if a.mention.source == b.mention.source:
        return True
    if fa.families.isdisjoint(fb.families):
        return False
    if fa.countries and fb.countries and fa.countries.isdisjoint(fb.countries):
        return False  # an article that names no country is not held against the other
    return _close(fa, fb)


HAPPENED_DAYS = 1
"""Two articles published weeks apart are of one story when their leads date their
happening, in their own words, to days at most this far apart (sources often differ
by a day on when a night's happening took place)."""


def _close(fa: Frame, fb: Frame) -> bool:
    """Whether two frames are close in time: their statements at most ``STORY_DAYS``
    apart (either unknown: not held against them), or a day each lead dates its
    happening to at most ``HAPPENED_DAYS`` apart (a follow-up that recalls the day)."""
    if fa.day is None or fb.day is None or abs(fa.day - fb.day) <= STORY_DAYS:
        return True
    return any(abs(x - y) <= HAPPENED_DAYS for x in fa.happened for y in fb.happened)


def _date_gap(a: DateValue, b: DateValue) -> int | None:
    """Days between two dates' intervals (0 when they overlap); None if not comparable.

    When a year is unknown on either side ("XXXX-04", "XXXX-11-08"), the month and day
    parts both give are compared, around the calendar year: April and a dated November
    are months apart whatever the year; a weekday without its week ("XXXX-WXX-1") gives
    no month and is not compared."""
    if a.earliest and a.latest and b.earliest and b.latest:
        if a.latest < b.earliest:
            return (b.earliest - a.latest).days
        if b.latest < a.earliest:
            return (a.earliest - b.latest).days
        return 0
    pa, pb = _month_day(a), _month_day(b)
    if pa is None or pb is None:
        return None
    (ma, da), (mb, db) = pa, pb
    if ma != mb:
        months = abs(ma - mb)
        return max(1, (min(months, 12 - months) - 1) * 30)  # different months never overlap
    if da is not None and db is not None:
        return abs(da - db)
    return 0


def date_gap(a: DateValue, b: DateValue) -> int | None:
    """Days between two dates' intervals (0 when they overlap), None when they cannot be
    compared (a weekday without its week): see :func:`_date_gap`."""
    return _date_gap(a, b)


_SLIPS = (28 - DATE_TOLERANCE_DAYS, 31 + DATE_TOLERANCE_DAYS,
          365 - DATE_TOLERANCE_DAYS, 366 + DATE_TOLERANCE_DAYS)
"""The gaps in days a slip of one month or one year can explain (a quick test)."""


def _slipped(a: DateValue, b: DateValue) -> bool:
    """Whether two full dates are apart only by a slip of one month or one year: moved
    by it, one falls within ``DATE_TOLERANCE_DAYS`` of the other ("2 May" for "2 June"
    of one year).  Inside one story such dates do not keep mentions apart (they are
    joined only on a figure of one thing, :func:`_local_evidence`), so the report shows
    the dates as a conflict instead of two events."""
    if a.granularity != "day" or b.granularity != "day" or a.mod or b.mod:
        return False
    if a.earliest is None or b.earliest is None:
        return False
    x, y = a.earliest, b.earliest
    gap = (y - x).days
    if _SLIPS[0] <= abs(gap) <= _SLIPS[1]:
        months = 1 if gap > 0 else -1
    elif _SLIPS[2] <= abs(gap) <= _SLIPS[3]:
        months = 12 if gap > 0 else -12
    else:
        return False
    slip = _shift(x, months)  # moved toward the other date
    return slip is not None and abs((slip - y).days) <= DATE_TOLERANCE_DAYS


def _forgiven_slip(a: _Facts, b: _Facts, gap: int) -> bool:
    """Whether dates ``gap`` days apart are a slip (:func:`_slipped`) between two
    articles of one story, which does not keep their mentions apart."""
    return ((_SLIPS[0] <= gap <= _SLIPS[1] or _SLIPS[2] <= gap <= _SLIPS[3])
            and a.mention.source != b.mention.source and a.date is not None
            and b.date is not None and same_story(a, b) and _slipped(a.date, b.date))


def _shift(d: dt.date, months: int) -> dt.date | None:
    """``d`` moved by whole months (None when that day does not exist then)."""
    n = d.year * 12 + d.month - 1 + months
    try:
        return d.replace(year=n // 12, month=n % 12 + 1)
    except ValueError:
        return None


def _day_or_finer(d: DateValue) -> bool:
    """Whether a date names a day (or a time of one), not a week, month or longer."""
    return d.granularity in ("day", "time")


def _month_day(d: DateValue) -> tuple[int, int | None] | None:
    """The month and day (None when not given) a single date states, or None for
    intervals, weeks, seasons and the like."""
    t = d.timex
    if "/" in t or d.mod is not None:
        return None
    parts = t.split("-")
    if len(parts) < 2 or not parts[1].isdigit() or not 1 <= int(parts[1]) <= 12:
        return None
    day = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else None
    return int(parts[1]), day


def _same_scope(a: frozenset[Place], b: frozenset[Place]) -> bool:
    """Whether two sets of places can describe one scope: a shared place, or a place and
    the country it lies in."""
    if a & b:
        return True
    for x in a:
        for y in b:
            for inner, outer in ((x, y), (y, x)):
                if outer.kind == "country" and outer.country and gazetteer.within(
                        inner, outer.country):
                    return True
    return False


STALE_DAYS = 730
"""A mention dated this long before another article's statement that gives no date of
its own tells an older happening (a background recall), not the same one."""
STORY_PAST_DAYS = 90
"""Inside a story, a mention dated this long before the other's statement is not given
the story's benefit: an article follows up a happening for weeks, not seasons."""


def _stale(a: _Facts, b: _Facts, days: int = STALE_DAYS) -> bool:
    """Whether one mention is dated more than ``days`` before the other, undated one
    was stated: "an earthquake killed 9,400 in 1971" is not the toll an article
    published decades later gives without a date."""
    for x, y in ((a, b), (b, a)):
        if (x.date is not None and x.date.latest is not None and y.date is None
                and y.mention.as_of is not None
                and (y.mention.as_of - x.date.latest).days > days):
            return True
    return False


_TYPES, _SENTENCE, _DATES, _GROUPS, _COUNTRIES, _SCOPES, _FIGURES, _STALE = range(1, 9)
"""Why two mentions are kept apart, in the order :func:`apart` tests (0: they are not)."""


def apart(a: _Facts, b: _Facts, scoped: bool = False) -> int:
    """Whether two mentions cannot be the same event: 0 if they can, else which hard
    constraint keeps them apart (``_DATES``, ...).  :func:`incompatibility` says it in
    words; this is the test alone, run on every candidate pair.

    ``scoped`` is true for statements about figures (estimates): their place is the
    scope of the figure, so an estimate for a region and one for a country inside it are
    different figures, not one figure located more or less precisely.
    """
    if a.type != b.type and not _one_operation(a, b) and not _one_removal(a, b):
        return _TYPES
    if _one_sentence(a.mention, b.mention):
        return _SENTENCE
    dates = _dates_apart(a, b)
    if dates:
        return dates
    if _groups_apart(a, b):
        return _GROUPS
    if _countries_apart(a, b):
        return _COUNTRIES
    if scoped and _scopes_apart(a, b):
        return _SCOPES
    if _figures_apart(a, b):
        return _FIGURES
    return 0


def _one_sentence(m1: Mention, m2: Mention) -> bool:
    """Whether two mentions of one type are named in one sentence: separate happenings.
    (One sentence's mentions of two kinds of one family or operation, "killing 12 and
    injuring 40", "raided ... and arrested 12", tell one happening's two sides.)"""
    return (m1.source == m2.source and m1.sentence_span == m2.sentence_span
            and m1.type == m2.type and not _two_speakers(m1, m2))


def _two_speakers(m1: Mention, m2: Mention) -> bool:
    """Whether two mentions of one sentence are told by two speakers ("police put the
    toll at 27, while hospital officials said at least 35 died"): one happening, each
    speaker's figure of it."""
    s1 = next((c.attribution for c in m1.claims if c.attribution), None)
    s2 = next((c.attribution for c in m2.claims if c.attribution), None)
    return s1 is not None and s2 is not None and s1 != s2 and all(
        any(c.attribute == "count" for c in m.claims) for m in (m1, m2))


def _dates_apart(a: _Facts, b: _Facts) -> int:
    """``_DATES`` when two mentions are dated more than ``DATE_TOLERANCE_DAYS`` apart
    (not a slip :func:`_forgiven_slip` forgives), ``_STALE`` when one is dated long
    before the other, undated, was stated (:func:`_stale`), else 0."""
    if a.date and b.date:
        gap = _date_gap(a.date, b.date)
        if gap is not None and gap > DATE_TOLERANCE_DAYS and not _forgiven_slip(a, b, gap):
            return _DATES
        return 0
    return _STALE if _stale(a, b) else 0


def _groups_apart(a: _Facts, b: _Facts) -> bool:
    """Whether two mentions name different groups (Jaccard under 0.5), unless those
    groups are parts: lines of one breakdown, or a part told on from a happening."""
    m1, m2 = a.mention, b.mention
    if not (a.groups and b.groups) or _one_breakdown(m1, m2) or _a_part_told_on(m1, m2):
        return False
    return 2 * len(a.groups & b.groups) < len(a.groups | b.groups)  # Jaccard under 0.5


def _countries_apart(a: _Facts, b: _Facts) -> bool:
    """Whether two mentions are placed in countries that do not overlap.  A dateline is
    where the story was filed: an article that names no place for its happening does
    not say it happened somewhere else."""
    if a.together and a.together == b.together:
        return False  # "in Nepal and India", "in India and Nepal": one place told twice
    return (bool(a.countries) and bool(b.countries) and a.countries.isdisjoint(b.countries)
            and not (a.filed or b.filed))


def _scopes_apart(a: _Facts, b: _Facts) -> bool:
    """Whether two statements about figures are for different places (their scopes,
    see :func:`apart`)."""
    return bool(a.places) and bool(b.places) and not _same_scope(a.places, b.places)


def _figures_apart(a: _Facts, b: _Facts) -> bool:
    """Whether two mentions' figures cannot be one: co-reported figures that disagree
    wholesale (:func:`_wild`), or, for each measure both count, figures too far apart
    inside one article (:func:`_far_in_article`) or between two articles' side figures
    (:func:`_side_apart`)."""
    if _wild(a, b) is not None or _windows_apart(a, b):
        return True
    return _far_in_article(a, b) if a.mention.source == b.mention.source else _side_apart(a, b)


def _windows_apart(a: _Facts, b: _Facts) -> bool:
    """Whether one of two mentions counting one thing totals a window of months ("since
    January, more than 2,000 rescued") and the other counts one happening ("316 rescued
    on Monday"): a window's total is compared only with another window's."""
    return a.window != b.window and bool(_shared_counts(a, b))


def _one_breakdown(m1: Mention, m2: Mention) -> bool:
    """Whether two mentions of one article are told together as one happening's
    breakdown: one goes on, with no trigger word of its own, from the paragraph of the
    other or the next ("... 157 foreigners were caught. Of them, 127 were Chinese. There
    were 50 locals as well."), so the groups each names are parts, not two events."""
    return m1.source == m2.source and (m1.continues or m2.continues) and (
        abs(m1.paragraph - m2.paragraph) <= 1)


def _a_part_told_on(m1: Mention, m2: Mention) -> bool:
    """Whether one of two articles' mentions goes on, with no trigger word of its own,
    from its article's happening ("There were 12 locals as well."): the group it names
    is a part of that happening, which says nothing of who all were in the other
    article's."""
    return m1.source != m2.source and (m1.continues or m2.continues)


ARTICLE_RATIO = 4.0
"""One article's two figures of one thing further apart than this are two quantities
(another happening recalled, a part, a subgroup), never one claim group, unless the
larger is told later as an update of the smaller."""


def _far_in_article(a: _Facts, b: _Facts) -> bool:
    """Whether every measure two mentions of one article count has figures more than
    :data:`ARTICLE_RATIO` apart, the larger not told later as an update of the
    smaller ("killing at least 320" ... "the toll had risen to 2,053" is one toll)."""
    shared = _shared_counts(a, b)
    if not shared:
        return False
    first, later = (a, b) if a.mention.sentence_index <= b.mention.sentence_index else (b, a)
    for k in shared:
        x, y = a.quantities[k].value, _bv(b, k).value
        if _ratio(x, y) <= ARTICLE_RATIO:
            return False
        grows = (y > x) if first is a else (x > y)
        if grows and later.updates:
            return False
    return True


OPERATION_STEPS = frozenset({"raid", "arrest", "rescue", "seizure"})
"""Kinds that are steps of one police operation: outlets call one operation a raid, an
arrest or a rescue.  Told of different kinds, two mentions are one operation only inside
one story and when they agree on the rest (:func:`_one_operation`)."""


def _one_operation(a: _Facts, b: _Facts) -> bool:
    """Whether two mentions of different steps of an operation (a raid, its arrests)
    may be one operation: one story, no two different cities, days at most one apart,
    no different groups, and no figure of one thing far from the other's.  Joining them
    also takes evidence (:func:`_operation_evidence`)."""
    if a.mention.type not in OPERATION_STEPS or b.mention.type not in OPERATION_STEPS:
        return False
    if not (same_story(a, b) or _operation_story(a, b)):
        return False
    if a.cities and b.cities and a.cities != b.cities and not (a.filed or b.filed):
        return False
    if a.date is not None and b.date is not None:
        gap = _date_gap(a.date, b.date)
        if gap is None or gap > 1:
            return False
    if a.groups and b.groups and a.groups != b.groups:
        return False
    # figures of one thing close enough to be one figure told twice (a count off by
    # one is a conflict to report on the one operation, not a second operation)
    return not any(_ratio(a.quantities[k].value, _bv(b, k).value) > STORY_RATIO_SAME_DAY
                   for k in _shared_counts(a, b))


_HANDOVER = re.compile(r"\b(?:hand(?:ed|s|ing)|transferred)\b", re.I)
"""Words of a trigger that tell a handover of people from one custody to another."""


def _one_removal(a: _Facts, b: _Facts) -> bool:
    """Whether a handover of people (an extradition's kind told as "handed over",
    "transferred") and a removal of another kind (a deportation, a sending home) may be
    one removal: outlets call one transfer of people to their country by any of these
    names ("handed over to China", "sent back to China", "deported").  Only when both
    name whom they removed by the same nationalities: a handover with no nationality
    ("260 people transferred into custody") may be another step; and never an
    extradition told as one ("extradited"), a removal of its own kind."""
    for x, y in ((a, b), (b, a)):
        if (x.mention.type == "extradition" and y.mention.type in REMOVALS
                and y.mention.type != "extradition"
                and _HANDOVER.search(x.mention.trigger) is not None):
            return bool(a.groups) and a.groups == b.groups
    return False


def _operation_story(a: _Facts, b: _Facts) -> bool:
    """:func:`same_story` for two articles that each lead with a step of an operation,
    one a raid and the other its rescue: the steps count as one kind of happening."""
    fa, fb = a.frame, b.frame
    if fa is None or fb is None or a.mention.background or b.mention.background:
        return False
    if fa.families.isdisjoint(OPERATION_STEPS) or fb.families.isdisjoint(OPERATION_STEPS):
        return False
    if fa.countries and fb.countries and fa.countries.isdisjoint(fb.countries):
        return False
    return _close(fa, fb)


def _operation_evidence(a: _Facts, b: _Facts) -> bool:
    """Whether two steps of an operation told as different kinds are placed and dated
    alike enough to be joined: one city, both dated to the day, at most a day apart."""
    if not (a.cities and a.cities == b.cities and a.date and b.date):
        return False
    gap = _date_gap(a.date, b.date)
    return gap is not None and gap <= 1 and _day_or_finer(a.date) and _day_or_finer(b.date)


def _wild(a: _Facts, b: _Facts) -> list[str] | None:
    """The co-reported figures that disagree wholesale (off by more than three times,
    for at least half of two or more shared measures), or None.  What a day added to a
    tally ("two more died", key ``.../more``) is no figure of the happening's size: it
    neither counts as a shared measure nor keeps two mentions apart here."""
    shared = [k for k in a.counts if k in b.counts and not k.endswith("/more")]
    if len(shared) >= 2:
        wild = [k for k in shared if _ratio(a.counts[k], b.counts[k]) > 3]
        if len(wild) * 2 >= len(shared):
            return wild
    return None


def incompatibility(a: _Facts, b: _Facts, scoped: bool = False) -> str | None:
    """Why two mentions cannot be the same event, in words, or None if they can (see
    :func:`apart`)."""
    why = apart(a, b, scoped)
    return _why_words(a, b, why) if why else None


def _why_words(a: _Facts, b: _Facts, why: int) -> str:
    """:func:`incompatibility`'s words for a pair :func:`apart` keeps apart as ``why``."""
    if why == _TYPES:
        return f"different kinds of event ({a.type} vs {b.type})"
    if why == _SENTENCE:
        return "separate happenings named in one sentence"
    if why == _DATES:
        assert a.date is not None and b.date is not None
        return (f"dates {days_words(_date_gap(a.date, b.date) or 0)} apart "
                f"({date_words(a.date)} vs {date_words(b.date)})")
    if why == _GROUPS:
        return (f"different groups ({_country_names(a.groups)} vs "
                f"{_country_names(b.groups)})")
    if why == _COUNTRIES:
        return (f"different countries ({_country_names(a.countries)} vs "
                f"{_country_names(b.countries)})")
    if why == _STALE:
        dated, other = (a, b) if a.date is not None else (b, a)
        assert dated.date is not None and other.mention.as_of is not None
        return (f"one is dated {date_words(dated.date)}, long before the other was stated "
                f"({day_words(other.mention.as_of)})")
    if why == _SCOPES:
        return ("figures for different places (" + ", ".join(sorted(p.name for p in a.places))
                + " vs " + ", ".join(sorted(p.name for p in b.places)) + ")")
    if _windows_apart(a, b):
        return "a total over months vs the figure of one happening"
    wild = _wild(a, b)
    if wild is not None:
        return "co-reported figures disagree wholesale (" + ", ".join(
            f"{k}: {_fmt(a.counts[k])} vs {_fmt(b.counts[k])}" for k in wild) + ")"
    figures = ", ".join(f"{k}: {_fmt(a.quantities[k].value)} vs {_fmt(_bv(b, k).value)}"
                        for k in _shared_counts(a, b))
    if a.mention.source == b.mention.source:
        return f"one article's figures too far apart to be one ({figures})"
    return f"a part or another happening of one article, not the other's figure ({figures})"


def _country_names(codes: Iterable[str]) -> str:
    """Country codes by name, for people: "Bangladesh, China" (a code the gazetteer does
    not know is shown as it is)."""
    return ", ".join(sorted(gazetteer.country_name(c) or c for c in codes))


def _ratio(x: float, y: float) -> float:
    lo, hi = sorted((abs(x), abs(y)))
    return hi / lo if lo else float("inf")


def _fmt(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,}"


def score(a: _Facts, b: _Facts, story: bool = True) -> float:
    """Evidence that two compatible mentions are one event, in [0, 1].  ``story``:
    whether sharing a story counts (not for statements about figures, estimates, whose
    speakers each give their own).  Each kind of evidence adds to the score in turn (in
    a fixed order: the sum is the same float on every run)."""
    s = _group_evidence(a, b, 0.0)
    shared = _shared_counts(a, b)
    s = _count_evidence(a, b, _sizes(shared), s)
    nationals = not shared and _nationals_alike(a, b)
    if nationals:
        s += 0.25 + 0.15  # one figure of the same people, a distinctive one
    shared_amounts = [k for k in a.amounts if k in b.amounts]
    s = _sum_evidence(a, b, shared_amounts, s)
    s = _date_evidence(a, b, s)
    s = _place_evidence(a, b, s)
    s = _speaker_evidence(a, b, s)
    s = _same_article_evidence(a, b, bool(shared), bool(shared_amounts), s)
    s += 0.2 * fuzz.token_set_ratio(a.words, b.words) / 100.0
    if _toll_and_things(a, b):
        # one counts whom a happening befell, the other only things (bodies identified,
        # hospitals, vehicles): two quantities, often a later step, not one statement
        return min(1.0, s) / 2
    if story and same_story(a, b) and _local_evidence(
            a, b, bool(shared or shared_amounts or nationals)):
        s += STORY_BONUS
    return min(1.0, s)


def _adds_to(a: _Facts, b: _Facts) -> bool:
    """Whether ``a`` counts only increments ("two more died", ``K/more``) of a tally
    ``b`` counts (``K``), told after it: a later step of that tally."""
    return bool(a.counts) and all(
        k.endswith("/more") and k.removesuffix("/more") in b.counts for k in a.counts
    ) and a.mention.sentence_index > b.mention.sentence_index


def _sizes(shared: list[str]) -> list[str]:
    """The shared measures that tell a happening's size: what a day added to a tally
    ("two more died", ``.../more``) weighs only when nothing else is shared (an
    increment equal in two mentions that differ on the whole is a coincidence)."""
    sizes = [k for k in shared if not k.endswith("/more")]
    return sizes or shared


def _group_evidence(a: _Facts, b: _Facts, s: float) -> float:
    """``s`` plus the evidence of groups: how far the groups both name overlap."""
    if a.groups and b.groups:
        s += 0.3 * len(a.groups & b.groups) / len(a.groups | b.groups)
    return s


def _count_evidence(a: _Facts, b: _Facts, shared: Sequence[str], s: float) -> float:
    """``s`` plus the evidence of counts: the same thing counted (more when the figures
    agree, and when an agreeing figure is distinctive), or parts that add up."""
    if shared:
        agree = sum(1 for k in shared if a.quantities[k].value == _bv(b, k).value)
        s += 0.25 * agree / len(shared)
        if any(a.quantities[k].value == _bv(b, k).value >= _DISTINCTIVE for k in shared):
            s += 0.15  # the same figure of the same thing is rarely a coincidence
        if not agree:
            # the same thing counted: evidence even when figures differ, more so when
            # their stated bounds overlap ("at least 45" and "52")
            overlap = any(compare(a.quantities[k], _bv(b, k))[0] != "conflict"
                          for k in shared)
            s += 0.15 if overlap else 0.05
    elif _parts_add_up(a, b) or _parts_add_up(b, a):
        s += 0.25  # "12 Xs and Ys" in one, "7 Xs and 5 Ys" in the other
    elif _breaks_down(a, b) or _breaks_down(b, a):
        s += 0.25  # "deported 96 foreigners. Those deported included 40 Xs and 30 Ys"
    return s


def _sum_evidence(a: _Facts, b: _Facts, shared_amounts: Sequence[str], s: float) -> float:
    """``s`` plus the evidence of sums of money: the same sum, or sums whose stated
    bounds overlap, weigh like counts."""
    if shared_amounts:
        outcomes = {compare(a.money[k], b.money[k])[0] for k in shared_amounts}
        s += 0.25 if "agree" in outcomes else 0.15 if "compatible" in outcomes else 0.1
    return s


def _date_evidence(a: _Facts, b: _Facts, s: float) -> float:
    """``s`` plus the evidence of dates: the same day or period, or days a day or two
    (or up to the tolerance) apart."""
    if a.date and b.date:
        gap = _date_gap(a.date, b.date)
        if gap == 0:
            same_day = a.date.granularity == b.date.granularity == "day"
            s += 0.3 if same_day else 0.2
        elif (gap is not None and _day_or_finer(a.date) and _day_or_finer(b.date)
              and not (gap > DATE_TOLERANCE_DAYS and _slipped(a.date, b.date))):
            # (a date slipped by a month is no evidence of one day)
            s += 0.2 if gap <= 2 else 0.1  # a day or two apart: sources often differ so
        # two named months (or weeks) that do not overlap are two periods, however close
        # their ends: "in March" and "in April" are no evidence of one happening
    return s


def _place_evidence(a: _Facts, b: _Facts, s: float) -> float:
    """``s`` plus the evidence of places: a city both name, or else a country."""
    if a.cities & b.cities:
        s += 0.15
    elif a.countries & b.countries:
        s += 0.1
    return s


def _speaker_evidence(a: _Facts, b: _Facts, s: float) -> float:
    """``s`` plus the evidence of one speaker: both attributed to names alike."""
    if a.speaker and b.speaker and fuzz.token_set_ratio(a.speaker, b.speaker) >= 80:
        s += 0.1
    return s


def _same_article_evidence(a: _Facts, b: _Facts, shared: bool, shared_amounts: bool,
                           s: float) -> float:
    """``s`` plus the evidence of one article telling one figure twice: an update of a
    tally it told, or the next sentence giving the same measure again."""
    m1, m2 = a.mention, b.mention
    if m1.source == m2.source and (a.updates or b.updates) and shared:
        s += 0.25  # "the toll had risen to 2,053": an update of a tally the article told
    elif m1.source == m2.source and (_adds_to(a, b) or _adds_to(b, a)):
        s += 0.25  # "killing 12" ... "two more succumbed": what the tally gained later
    if (m1.source == m2.source and m1.paragraph == m2.paragraph
            and abs(m1.sentence_index - m2.sentence_index) == 1
            and (shared or shared_amounts)):
        # the next sentence of the same paragraph gives the same measure again: a second
        # figure for the same thing ("... 3 billion a year. Others say 5 billion.")
        s += 0.3
    return s


STORY_RATIO = 4.0
"""Figures of one measure further apart than this are contrary evidence inside a story
even for two articles' leads stated on different days (a running toll grows: "600" one
day, "2,100" two days later)."""
STORY_RATIO_SAME_DAY = 2.0
"""The same for other figures, and for figures stated on one day (or on days unknown):
two outlets' figures of one thing are rarely twice as large as each other; when they
are, they are usually two things (a first group and the day's total, a plan and a
flight, the bodies identified and the toll)."""


def _far_figures(a: _Facts, b: _Facts) -> bool:
    """Whether every measure both count has figures too far apart to be one figure told
    twice: :data:`STORY_RATIO` for two articles' lead figures stated on different days
    (a toll grows), else :data:`STORY_RATIO_SAME_DAY`."""
    shared = _sizes(_shared_counts(a, b))
    d1, d2 = a.mention.as_of, b.mention.as_of
    leads = (a.frame is not None and b.frame is not None and a.mention.id in a.frame.lead
             and b.mention.id in b.frame.lead)
    limit = STORY_RATIO if leads and d1 is not None and d2 is not None and d1 != d2 \
        else STORY_RATIO_SAME_DAY
    return bool(shared) and all(
        _ratio(a.quantities[k].value, _bv(b, k).value) > limit for k in shared)


STORY_BONUS = 0.4
"""What sharing a story adds to weak local evidence: enough for two mentions of one kind
that count the same thing, or name the same day or group, to be one event."""


def _local_evidence(a: _Facts, b: _Facts, shared_measure: bool) -> bool:
    """Weak evidence that two mentions of one story tell one happening: the same thing
    counted, the same day, or the same group; and, inside one article, no two different
    places (an article's figures for two towns are two figures).  A figure told as part
    of another is never a restatement of it."""
    m1, m2 = a.mention, b.mention
    slipped = _slipped_date_evidence(a, b, shared_measure)
    if slipped is not None:
        return slipped
    if (a.frame is not None and m1.id in a.frame.breakdown) or (
            b.frame is not None and m2.id in b.frame.breakdown):
        return False  # "52 in one province" is a line of a breakdown, not the toll
    if _sub_of_toll(a, b) or _sub_of_toll(b, a):
        # "among the dead were four children" beside the story's "96 dead": a
        # sub-count of the toll another mention carries, told of the same happening
        # unless a place or a day says otherwise
        if (a.cities and b.cities and a.cities.isdisjoint(b.cities)) or _stale(
                a, b, STORY_PAST_DAYS):
            return False
        return a.date is None or b.date is None or _date_gap(a.date, b.date) == 0
    if _breaks_down(a, b) or _breaks_down(b, a):
        return True  # the people just counted, told again by nationality
    if m1.source == m2.source and _two_in_one_article(a, b):
        return False
    if _stale(a, b, STORY_PAST_DAYS):
        return False
    if shared_measure and _far_figures(a, b):
        return False  # "29 arrested" and "700 arrested" are not one arrest retold
    if shared_measure:
        return _figure_evidence(a, b)
    return _day_or_group_evidence(a, b) or _next_day_happening(a, b)


def _slipped_date_evidence(a: _Facts, b: _Facts, shared_measure: bool) -> bool | None:
    """For dates further apart than the tolerance (a date slipped by a month or a year,
    which :func:`apart` forgives): joined only on a figure of one thing that can be one
    figure, or as the story's one happening.  None when the dates are near or unknown
    (the other evidence decides); False when nothing joins them."""
    if a.date and b.date and (gap := _date_gap(a.date, b.date)) is not None \
            and gap > DATE_TOLERANCE_DAYS:
        if _story_happening(a, b):
            return True
        if not (shared_measure and _same_figure(a, b)):
            return False
    return None


def _two_in_one_article(a: _Facts, b: _Facts) -> bool:
    """Whether two mentions of one article tell two things: two different towns, a
    part, or two different figures of one thing not told as an update (a part, another
    group, another day)."""
    m1, m2 = a.mention, b.mention
    if a.cities and b.cities and a.cities.isdisjoint(b.cities):
        return True
    if any(c.part for c in (*m1.claims, *m2.claims) if c.attribute == "count"):
        return True
    shared = _shared_counts(a, b)
    return bool(shared) and not any(_one_figure(a.quantities[k], _bv(b, k))
                                    for k in shared) and not (a.updates or b.updates)


def _figure_evidence(a: _Facts, b: _Facts) -> bool:
    """Two mentions counting the same thing: one article's, or the same figure; two
    articles' different figures of one thing when one of them is the toll an article
    leads with, or they are also placed or dated alike (a figure deep in both is as
    often a part, "ten more bodies identified", as the toll)."""
    m1, m2 = a.mention, b.mention
    fa, fb = a.frame, b.frame
    if m1.source == m2.source or _same_figure(a, b):
        return True
    leads = fa is not None and fb is not None and m1.id in fa.lead and m2.id in fb.lead
    if _small_figures(a, b) and not leads:
        # "three more died", "ten other bodies": increments and parts, unless both
        # articles lead with them ("five gunmen stormed", "four gunmen opened fire")
        return False
    if fa is not None and fb is not None and (m1.id in fa.lead or m2.id in fb.lead):
        return True
    return bool(a.cities & b.cities or a.groups & b.groups or _same_day(a, b))


def _day_or_group_evidence(a: _Facts, b: _Facts) -> bool:
    """Two mentions counting nothing in common: the same day, or the same group with no
    differing date.  Across articles, only when both articles are dated (an undated
    article's story is less sure: a figure, not a group), or when both mentions are
    their articles' leads naming one calendar day in their own words."""
    fa, fb = a.frame, b.frame
    if a.mention.source != b.mention.source and (fa is None or fb is None or fa.day is None
                                                 or fb.day is None):
        # an undated article's story is less sure: only its lead telling the happening
        # on the very day another article's lead does, both in their own words
        return (fa is not None and fb is not None and a.mention.id in fa.lead
                and b.mention.id in fb.lead and a.own_date and b.own_date
                and _same_day(a, b))
    same_day = _same_day(a, b)
    if a.groups & b.groups:
        # a story about one group names it in every mention: the group is evidence only
        # with no differing date ("flown home on the 20th", "to start on the 23rd")
        return same_day or a.date is None or b.date is None
    return same_day


def _next_day_happening(a: _Facts, b: _Facts) -> bool:
    """Whether two articles' leads tell the happening their frames lead with, of one
    kind (a raid and the rescue it made are two steps, often on two days) in one
    town (or each its article's one happening of the kind, :func:`_one_of_its_kind`),
    stated within ``STORY_DAYS`` of each other, each dating it to the day in its
    own words, the days at most ``HAPPENED_DAYS`` apart ("seized on the 7th",
    "abducted on the 8th"): outlets often differ by a day on one happening, and joined
    the report shows the dates as a conflict instead of two happenings.  Counting nothing in common (a figure of one
    thing decides by itself, :func:`_figure_evidence`)."""
    fa, fb = a.frame, b.frame
    if (fa is None or fb is None or a.mention.source == b.mention.source
            or a.type != b.type
            or a.mention.id not in fa.lead or b.mention.id not in fb.lead
            or a.type not in fa.families or b.type not in fb.families
            or not (a.own_date and b.own_date)):
        return False
    if a.cities.isdisjoint(b.cities) and not _one_of_its_kind(a, b):
        return False
    if fa.day is None or fb.day is None or abs(fa.day - fb.day) > STORY_DAYS:
        # a follow-up published weeks later is of the story by the day it recalls
        # (:func:`_close`): a day's difference is no ground to join it then
        return False
    if a.date is None or b.date is None or not (
            a.date.granularity == b.date.granularity == "day"):
        return False
    gap = _date_gap(a.date, b.date)
    return gap is not None and gap <= HAPPENED_DAYS


def _one_of_its_kind(a: _Facts, b: _Facts) -> bool:
    """Whether two articles' mentions are each the only one of its kind its article
    tells, count nothing, and do not name two different towns ("the executive was
    sentenced on Tuesday", "a court sentenced a former executive on Wednesday"): the
    story's one happening of that kind, whichever town one of them names."""
    fa, fb = a.frame, b.frame
    return (fa is not None and fb is not None and a.mention.id in fa.single
            and b.mention.id in fb.single and not a.counts and not b.counts
            and not (a.cities and b.cities))


def _story_happening(a: _Facts, b: _Facts) -> bool:
    """Whether two articles' mentions tell the happening both their frames lead with
    (each in its article's lead, of a kind the frame names) and count nothing: the
    story's one happening, told by date.  With a date slipped by a month or a year
    (which :func:`apart` forgives inside a story only), that is evidence enough: the
    report shows the dates as a conflict of the one happening ("derailed on June 6",
    "the derailment on May 6") instead of two derailments."""
    fa, fb = a.frame, b.frame
    return (fa is not None and fb is not None and a.mention.source != b.mention.source
            and not a.counts and not b.counts and a.mention.id in fa.lead
            and b.mention.id in fb.lead and a.type in fa.families and b.type in fb.families)


TOLL_KEYS = TOLL_WORDS | {"people", "deaths", "trapped", "bodies"}
"""Measure keys that count whom a happening befell (its toll), as casualty types key
them (``measure`` in the vocabulary) or as their own words do."""


def _sub_of_toll(a: _Facts, b: _Facts) -> bool:
    """Whether ``a`` counts only sub-measures of a toll ("deaths/children") whose whole
    ("deaths") ``b`` counts, both of one kind of happening: "three children among the
    dead" and "96 dead" are one toll told at two levels, not two happenings."""
    if a.type != b.type or not a.counts:
        return False
    bases = set()
    for k in a.counts:
        base, sep, _sub = k.removeprefix("part:").partition("/")
        if not sep or base not in TOLL_WORDS:  # "people/nationals" is a kind, not a sub-count
            return False
        bases.add(base)
    return all(base in b.counts for base in bases)


def _counts_toll(f: _Facts) -> bool:
    """Whether a mention counts people a happening befell: any toll measure, or a
    group of people ("29 Filipinos", keyed by the group)."""
    for k in f.counts:
        base = k.removeprefix("part:").split("/")[0]
        if base in TOLL_KEYS or not base.islower() or not f.groups.isdisjoint(base.split("+")):
            return True
    return False


def _toll_and_things(a: _Facts, b: _Facts) -> bool:
    """Whether one mention counts a toll and the other counts only other things
    (bodies, hospitals, vehicles), with no measure in common."""
    if not a.counts or not b.counts or _shared_counts(a, b):
        return False
    return _counts_toll(a) != _counts_toll(b)


def _same_day(a: _Facts, b: _Facts) -> bool:
    """Whether both mentions name one calendar day (a week holding a day is not one);
    inside one article, not when both were given the day by the article's frame (its
    every mention has it)."""
    if a.mention.source == b.mention.source and not (a.own_date or b.own_date):
        return False
    return bool(a.date and b.date and a.date.granularity == b.date.granularity == "day"
                and _date_gap(a.date, b.date) == 0)


def _small_figures(a: _Facts, b: _Facts) -> bool:
    """Whether a measure both count has a figure under ``_DISTINCTIVE`` on one side."""
    return any(min(a.quantities[k].value, _bv(b, k).value) < _DISTINCTIVE
               for k in _shared_counts(a, b))


def _same_figure(a: _Facts, b: _Facts) -> bool:
    """Whether some measure both count has figures that can be one figure."""
    return any(_one_figure(a.quantities[k], _bv(b, k)) for k in _shared_counts(a, b))


FLOOR_REACH = 2.0
""""At least N" is said of a figure near N: it can be one figure with M only up to
this many times N ("at least 40" and 52, not "at least 40" and 150)."""


def _one_figure(x: Quantity, y: Quantity) -> bool:
    """Whether two figures of one thing can be one figure told twice: their stated
    bounds overlap, and a floor is not far below the other figure."""
    if compare(x, y)[0] == "conflict":
        return False
    for floor, other in ((x, y), (y, x)):
        if (floor.qualifier == "at_least" and other.qualifier != "at_least"
                and other.value > FLOOR_REACH * floor.value):
            return False
    return True


def _bv(b: _Facts, key: str) -> Quantity:
    """``b``'s quantity for a shared measure (its one count of people when aligned)."""
    if key in b.quantities:
        return b.quantities[key]
    other = _person_key(b.counts)
    assert other is not None
    return b.quantities[other]


NATIONALS_REACH = 1.02
"""A count of people named by their nationalities and another's count of people of no
nationality are told of the same people only when their figures are this close (a
count of one nationality is as often a part of the whole: "90 were Peruvian")."""


def _nationals_alike(a: _Facts, b: _Facts) -> bool:
    """Whether one mention's only count of people names them by nationality ("212
    Peruvian, Chilean and Bolivian nationals", "410 Bolivians") and the other's only
    count of people names none ("212 foreigners", "410 of its citizens"),
    with figures of at least ``_DISTINCTIVE`` within ``NATIONALS_REACH`` of each other:
    one figure of the same people, told by nationality in one source and not in the
    other."""
    for x, y in ((a, b), (b, a)):
        kx, ky = _person_key(x.counts), _nationals_key(y.counts)
        if kx is None or ky is None or _person_key(y.counts) is not None:
            continue
        vx, vy = x.quantities[kx].value, y.quantities[ky].value
        if min(vx, vy) >= _DISTINCTIVE and _ratio(vx, vy) <= NATIONALS_REACH:
            return True
    return False


def _nationals_key(counts: dict[str, float]) -> str | None:
    """The one count of people named only by their nationalities ("BO", "BO+CL+PE", in
    letters) a mention gives, if exactly one (not a part, a sub-count or an increment)."""
    keys = [k for k in counts if is_nationals_key(k) and k.replace("+", "").isalpha()]
    return keys[0] if len(keys) == 1 else None


def _person_key(counts: dict[str, float]) -> str | None:
    """The one count of people (of any named kind) a mention gives, if exactly one."""
    keys = [k for k in counts if k == "people" or k.startswith("people/")]
    return keys[0] if len(keys) == 1 else None


def _shared_counts(a: _Facts, b: _Facts) -> list[str]:
    """Measures both mentions count; "230 migrants" and "238 people" count the same
    people when each mention counts people only once.  Keys of ``a``; read ``b``'s
    value with :func:`_bv`."""
    shared = [k for k in a.counts if k in b.counts]
    if shared:
        return shared
    ka, kb = _person_key(a.counts), _person_key(b.counts)
    if ka is not None and kb is not None:
        return [ka]
    return []


def _alike(a: _Facts, b: _Facts) -> bool:
    """A cheap test before scoring a pair kept apart: only pairs sharing a group, a
    counted thing, a place or a sum are worth explaining (most incompatible pairs share
    nothing but a type, and scoring them all was most of matching's time)."""
    return not (a.groups.isdisjoint(b.groups) and a.countries.isdisjoint(b.countries)
                and a.cities.isdisjoint(b.cities) and a.counts.keys().isdisjoint(b.counts)
                and a.amounts.keys().isdisjoint(b.amounts))


def _parts_add_up(whole: _Facts, parts: _Facts) -> bool:
    """Whether ``parts`` counts each group of a joint count of ``whole`` and the counts
    add up to it."""
    for key, total in whole.counts.items():
        members = key.split("+")
        if len(members) > 1 and all(m in parts.counts for m in members):
            if sum(parts.counts[m] for m in members) == total:
                return True
    return False


_BREAKDOWN_WORDS = re.compile(
    r"\b(?:of\s+(?:them|these|those|whom)|among\s+(?:them|those|these|the)|"
    r"includ(?:ed|ing|es?)|comprising|comprised|consisting|made\s+up\s+of|"
    r"those|these|they\s+(?:were|are))\b", re.I)
"""Words that tell a sentence's figures as the parts of people just counted ("of them",
"those deported included", "they were")."""


def _breaks_down(parts: _Facts, whole: _Facts) -> bool:
    """Whether ``parts`` tells, by nationality, the people ``whole`` counts just before
    it in one article ("deported 96 foreigners ... Those deported included 40 Chinese
    and 30 Indonesians"): the same or the next paragraph, later than ``whole``, words of
    a breakdown or referring back (or told on with no trigger word of its own), every
    count a nationality's, adding up to at most the whole, and no other day.  One
    happening told twice, the second time in parts."""
    m1, m2 = whole.mention, parts.mention
    if (m1.source != m2.source or m1.type != m2.type
            or not 0 <= m2.paragraph - m1.paragraph <= 1
            or m2.sentence_index <= m1.sentence_index):
        return False
    key = _person_key(whole.counts)
    if key is None or not parts.counts or len(whole.counts) != 1:
        return False
    if not all(is_nationals_key(k.removeprefix("part:")) and k.removeprefix("part:").isalpha()
               for k in parts.counts):
        return False
    if not (m2.continues or _BREAKDOWN_WORDS.search(m2.sentence)):
        return False
    if whole.date is not None and parts.date is not None and (
            _date_gap(whole.date, parts.date) != 0):
        return False
    return sum(parts.counts.values()) <= whole.counts[key]


def _block_keys(f: _Facts) -> list[str]:
    """Blocking keys: type with each group, else each country; the mention's own source
    and type, so that one article's mentions of a kind are always compared with each
    other (an article is small, so that block is too); and the type alone, where a
    mention that names no group or place meets those nearest to it in date (a large
    block is compared by sorted neighbourhood, so this stays linear).  A dated step of
    an operation placed in a city also meets the other steps told there."""
    own = f"{f.type}|s:{f.mention.source}"
    every = f"{f.type}|*"  # the whole type, sorted by date: nearest dates meet
    if f.groups:
        keys = [f"{f.type}|g:{g}" for g in sorted(f.groups)] + [own, every]
    elif f.countries:
        keys = [f"{f.type}|c:{c}" for c in sorted(f.countries)] + [own, every]
    elif f.frame is not None and f.frame.countries and not f.mention.background:
        # a mention that names no place is placed by its article's story: it meets the
        # story's other articles in their countries' blocks
        keys = [f"{f.type}|c:{c}" for c in sorted(f.frame.countries)] + [own, every]
    else:
        keys = [every, own]
    if (f.mention.type in OPERATION_STEPS and f.cities and f.date is not None
            and f.frame is not None and not f.mention.background):
        keys += [f"operation|c:{c}" for c in sorted(f.cities)]
    if f.mention.type in REMOVALS and f.groups and (
            f.mention.type != "extradition" or _HANDOVER.search(f.mention.trigger)):
        # a handover of people of a nationality meets the other kinds' removals of them
        # (:func:`_one_removal`)
        keys += [f"removal|g:{g}" for g in sorted(f.groups)]
    return keys


def _date_key(f: _Facts) -> tuple[int, str, str, int]:
    d = f.date.earliest if f.date and f.date.earliest else f.mention.as_of
    ordinal = d.toordinal() if isinstance(d, dt.date) else 0
    return (ordinal, f.mention.source, f.mention.id, f.mention.sentence_index)


def block_keys(m: Mention, kin: Kin | None = None, frames: Frames | None = None
               ) -> list[str]:
    """The blocking keys of one mention (see the module docstring)."""
    return _block_keys(_facts(m, kin, frames))


def mention_facts(m: Mention, kin: Kin | None = None, frames: Frames | None = None
                  ) -> _Facts:
    """What matching reads from a mention (for engines that judge blocks elsewhere)."""
    return _facts(m, kin, frames)


def block_pairs(members: Sequence[int], facts: Mapping[int, _Facts] | Sequence[_Facts]
                ) -> Iterator[tuple[int, int]]:
    """One block's candidate pairs as ``(low, high)`` indexes, in sorted-neighbourhood
    order: ``members`` (in index order) sorted by date, each paired with the next
    ``WINDOW`` members, or with every later member when the block has at most
    ``2 x WINDOW``.  At most ``len(members) x WINDOW`` pairs."""
    ordered = sorted(members, key=lambda i: _date_key(facts[i]))
    exhaustive = len(ordered) <= 2 * WINDOW
    for pos, i in enumerate(ordered):
        stop = len(ordered) if exhaustive else min(len(ordered), pos + 1 + WINDOW)
        for j in ordered[pos + 1:stop]:
            yield (i, j) if i < j else (j, i)


def candidate_pairs(facts: Sequence[_Facts]) -> Iterator[tuple[int, int]]:
    """Pairs of mention indexes to compare: blocked, sorted neighbourhood inside blocks.

    Blocks are visited in key order and a pair is yielded once, in the first block that
    pairs it.  Rather than remembering every pair yielded (memory proportional to the
    pairs compared: gigabytes for a hundred thousand articles), a pair met in a block
    is skipped when an earlier block holding both mentions paired them too, which their
    positions in that block decide: memory is proportional to mentions x keys.
    """
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(facts):
        for key in _block_keys(f):
            blocks[key].append(i)
    position: list[dict[int, int]] = [{} for _ in facts]  # block rank -> position in it
    sizes: list[int] = []
    orders: list[list[int]] = []
    for rank, key in enumerate(sorted(blocks)):
        members = sorted(blocks.pop(key), key=lambda i: _date_key(facts[i]))
        for pos, i in enumerate(members):
            position[i][rank] = pos
        sizes.append(len(members))
        orders.append(members)

    def paired_before(i: int, j: int, rank: int) -> bool:
        pj = position[j]
        if next(iter(pj)) == rank:
            return False  # this is j's first block (ranks are added in order)
        for r, pi in position[i].items():
            if r < rank and r in pj and (sizes[r] <= 2 * WINDOW or abs(pi - pj[r]) <= WINDOW):
                return True
        return False

    for rank, members in enumerate(orders):
        # members are already in date order, so block_pairs keeps that order
        for i, j in block_pairs(members, facts):
            if not paired_before(i, j, rank):
                yield i, j


Judgement = tuple[str, float, str | None]
"""``("edge", score, None)``, ``("weak", score, None)`` or ``("near", 0.0, None)`` (the
reason is given by :func:`near_miss` for the few near misses a report shows)."""


def judge_pair(a: _Facts, b: _Facts, scoped_types: frozenset[str] = frozenset()
               ) -> Judgement | None:
    """What one candidate pair (``a`` has the lower index) contributes: an edge (score at
    least ``THRESHOLD``), a weak pair across sources (a companion edge candidate), a
    possible near miss (kept apart, but sharing a group, place, counted thing or sum:
    :func:`near_miss` decides, later and only if the report can show it), or nothing
    (None).  Depends on the two mentions only, so blocks can be judged anywhere."""
    why = apart(a, b, a.type in scoped_types)
    if why:
        if (a.mention.source != b.mention.source or why == _DATES) and _alike(a, b):
            return "near", 0.0, None
        return None
    if a.type != b.type and not (_operation_evidence(a, b) or _one_removal(a, b)):
        return None
    sc = score(a, b, a.type not in scoped_types)
    if sc >= THRESHOLD:
        return "edge", sc, None
    if sc >= COMPANION_FLOOR and a.mention.source != b.mention.source:
        return "weak", sc, None
    return None


def near_miss(a: _Facts, b: _Facts, scoped_types: frozenset[str] = frozenset()) -> str | None:
    """Why two mentions that look alike were kept apart, or None when they are not a
    near miss worth explaining (compatible, from one article for another reason than
    dates, or not alike enough)."""
    why = _near_why(a, b, scoped_types)
    if why and score(a, b, a.type not in scoped_types) >= SIMILAR:
        return _why_words(a, b, why)
    return None


def _near_why(a: _Facts, b: _Facts, scoped_types: frozenset[str]) -> int:
    """:func:`near_miss` before the score: which constraint keeps two alike mentions
    apart (0 when they are not a near miss candidate)."""
    why = apart(a, b, a.type in scoped_types)
    if not why or not (a.mention.source != b.mention.source or why == _DATES):
        return 0
    return why if _alike(a, b) else 0


@dataclass(frozen=True)
class Clustering:
    """Clusters of mention indexes (sorted by their first member), plus the near misses
    the report shows: ``(i, j, reason)`` in candidate order, at most
    ``SHOWN_NEAR_MISSES`` distinct (other cluster, reason) per cluster."""

    clusters: list[list[int]]
    separations: list[tuple[int, int, str]]


def cluster(mentions: Sequence[Mention], scoped_types: frozenset[str] = frozenset(),
            kin: Kin | None = None) -> Clustering:
    """Cluster mentions into events (see the module docstring for the method).

    ``scoped_types`` are the event types whose place is the scope of a figure
    (statements about figures, such as estimates); ``kin`` maps types to the family
    they are matched in (:data:`Kin`).
    """
    frames = story_frames(mentions, kin)
    facts = [_facts(m, kin, frames) for m in mentions]

    def judged() -> Iterator[tuple[int, int, str, float, str | None]]:
        for i, j in candidate_pairs(facts):
            verdict = judge_pair(facts[i], facts[j], scoped_types)
            if verdict is not None:
                yield (i, j, *verdict)

    # a generator: the judged pairs go straight into the edge and pair lists, never all
    # held at once
    return assemble_clustering(mentions, judged(), scoped_types, facts)


Edge = tuple[int, int, float]


def assemble_clustering(
    mentions: Sequence[Mention],
    judged: Iterable[tuple[int, int, str, float, str | None]],
    scoped_types: frozenset[str] = frozenset(),
    facts: Sequence[_Facts] | None = None,
    kin: Kin | None = None,
    frames: Frames | None = None,
) -> Clustering:
    """Clusters from judged pairs ``(i, j, *judge_pair(...))`` given in candidate order:
    connected components of the edges merged greedily under the hard constraints, the
    companion pass, and the near misses that end in different clusters.

    Memory is linear in mentions plus edges: possible near misses are kept as two
    integers each (there can be millions), and their reasons are computed again for the
    few the report shows."""
    fs = facts if facts is not None else [_facts(m, kin, frames) for m in mentions]

    def why_not(x: int, y: int) -> int:
        return apart(fs[x], fs[y], fs[x].type in scoped_types)

    edges: list[Edge] = []
    near = array("q")  # i0, j0, i1, j1, ...
    weak: list[Edge] = []
    for i, j, kind, weight, _reason in judged:
        if kind == "edge":
            edges.append((i, j, weight))
        elif kind == "weak":
            weak.append((i, j, weight))
        else:
            near.extend((i, j))
    clusters = _clusters(len(mentions), edges, why_not, fs)
    if weak:
        companions = _companion_edges(weak, clusters, mentions)
        if companions:
            edges.extend(companions)
            clusters = _clusters(len(mentions), edges, why_not, fs)
    separations = _shown_near_misses(near, clusters, fs, scoped_types)
    return Clustering(clusters, separations)


class NearMissSlots:
    """What each cluster shows of its near misses, the one rule both matching and the
    report use: offered in candidate order, a near miss counts for both its clusters,
    and a cluster keeps its first ``limit`` distinct (other cluster, reason) keys, each
    with the last near miss ``(i, j)`` that gave it."""

    def __init__(self, limit: int = SHOWN_NEAR_MISSES) -> None:
        self.limit = limit
        self.slots: dict[int, dict[tuple[int, str], tuple[int, int]]] = defaultdict(dict)
        self._others: dict[int, set[int]] = defaultdict(set)

    def wants(self, mine: int, other: int) -> bool:
        """Whether a near miss with ``other`` could still change ``mine``'s slots."""
        return len(self.slots[mine]) < self.limit or other in self._others[mine]

    def takes(self, mine: int, other: int, reason: str) -> bool:
        """Whether :meth:`offer` would take a near miss with ``other`` for ``reason``."""
        shown = self.slots[mine]
        return len(shown) < self.limit or (other, reason) in shown

    def offer(self, mine: int, other: int, reason: str, pair: tuple[int, int]) -> bool:
        """Show ``pair`` for ``mine`` if its key fits; whether it was taken."""
        shown = self.slots[mine]
        key = (other, reason)
        if key not in shown and len(shown) >= self.limit:
            return False
        shown[key] = pair
        self._others[mine].add(other)
        return True


def _shown_near_misses(near: Sequence[int], clusters: list[list[int]],
                       facts: Sequence[_Facts], scoped_types: frozenset[str],
                       limit: int = SHOWN_NEAR_MISSES) -> list[tuple[int, int, str]]:
    """The near misses (``near`` holds index pairs flat, in candidate order) that decide
    what each cluster shows (:class:`NearMissSlots`).  A pair is judged
    (:func:`near_miss`) only when one of its clusters could still show it, so most are
    never scored; and when both its clusters are full, its reason is read first and it
    is scored only if a cluster already shows that reason for the other.  Selecting
    again from the result gives the result: the pairs left out changed nothing.

    Cost: linear in ``len(near)``, plus one score per pair judged, and at most
    ``limit`` new keys per cluster (pairs judged beyond those update a key a cluster
    already shows, or are read and dropped)."""
    owner = [0] * len(facts)
    for n, members in enumerate(clusters):
        for i in members:
            owner[i] = n
    slots = NearMissSlots(limit)
    out: list[tuple[int, int, str]] = []
    for k in range(0, len(near), 2):
        i, j = near[k], near[k + 1]
        oi, oj = owner[i], owner[j]
        if oi == oj:
            continue
        sides = [(mine, other) for mine, other in ((oi, oj), (oj, oi))
                 if slots.wants(mine, other)]
        if not sides:
            continue  # both full, and this pair cannot update a slot either holds
        a, b = facts[i], facts[j]
        why = _near_why(a, b, scoped_types)
        if not why:
            continue
        reason: str | None = None
        if all(len(slots.slots[mine]) >= limit for mine, _other in sides):
            # full: only a reason a cluster already shows for the other can be taken,
            # so the words (cheap) are read before the score (the costly part)
            reason = _why_words(a, b, why)
            if not any(slots.takes(mine, other, reason) for mine, other in sides):
                continue
        if score(a, b, a.type not in scoped_types) < SIMILAR:
            continue
        if reason is None:
            reason = _why_words(a, b, why)
        used = False
        for mine, other in sides:
            used = slots.offer(mine, other, reason, (i, j)) or used
        if used:
            out.append((i, j, reason))
    return out


def _clusters(n: int, edges: Sequence[Edge], why_not: Callable[[int, int], int],
              facts: Sequence[_Facts]) -> list[list[int]]:
    """Connected components of ``edges`` over ``n`` mentions, each split by the
    constrained merge; sorted by first member."""
    components = nx.utils.UnionFind()
    for i, j, _w in edges:
        components.union(i, j)
    inside: dict[int, list[Edge]] = defaultdict(list)
    for edge in edges:
        inside[components[edge[0]]].append(edge)
    clusters: list[list[int]] = [[i] for i in range(n) if i not in components.parents]
    for group in components.to_sets():
        nodes = sorted(group)
        clusters.extend(_constrained_merge(nodes, inside[components[nodes[0]]], why_not,
                                           facts))
    clusters.sort(key=min)
    return clusters


def _companion_edges(weak: list[Edge], clusters: list[list[int]],
                     mentions: Sequence[Mention]) -> list[Edge]:
    """Second pass: a weak pair whose sentence-mates were matched to each other gets the
    benefit.  "Thailand extradited 12 suspects who cheated victims of 200 million" and
    "13 suspects were handed over ... who defrauded victims of 190 million": once the
    extraditions match, the frauds told in the same sentences are the same fraud."""
    owner = {i: n for n, c in enumerate(clusters) for i in c}
    by_sentence: dict[tuple[str, tuple[int, int]], list[int]] = defaultdict(list)
    for n, m in enumerate(mentions):
        by_sentence[(m.source, m.sentence_span)].append(n)

    def mates(i: int) -> set[int]:
        m = mentions[i]
        return {owner[x] for x in by_sentence[(m.source, m.sentence_span)] if x != i}

    return [(i, j, sc + COMPANION_BONUS) for i, j, sc in weak
            if sc + COMPANION_BONUS >= THRESHOLD and mates(i) & mates(j)]


def _constrained_merge(nodes: list[int], edges: Sequence[Edge],
                       why_not: Callable[[int, int], int],
                       facts: Sequence[_Facts]) -> list[list[int]]:
    """Greedy merge from the strongest edge down, refusing incoherent merges.

    A merge is refused when any member of one cluster cannot be one event with any
    member of the other.  Checking every pair would be quadratic in cluster size (a long
    article repeating one story has thousands of alike mentions), so each cluster keeps
    one representative per distinct set of facts the constraints read, plus the set of
    sentences it holds ("separate happenings named in one sentence"): the check is then
    over distinct facts only, with the same outcome as over all pairs.
    """
    if len(nodes) == 1:
        return [nodes]
    member: dict[int, int] = {n: n for n in nodes}
    groups: dict[int, list[int]] = {n: [n] for n in nodes}
    reps: dict[int, dict[tuple[object, ...], int]] = {n: {_signature(facts[n]): n} for n in nodes}
    sentences: dict[int, set[tuple[str, tuple[int, int], str, str | None]]] = {
        n: {_sentence_key(facts[n].mention)} for n in nodes}
    ordered = sorted(edges, key=lambda e: (-e[2], min(e[0], e[1]), max(e[0], e[1])))
    for u, v, _w in ordered:
        gu, gv = member[u], member[v]
        if gu == gv:
            continue
        if sentences[gu] & sentences[gv]:
            continue
        if any(why_not(x, y) for x in reps[gu].values() for y in reps[gv].values()):
            continue
        keep, gone = (gu, gv) if len(groups[gu]) >= len(groups[gv]) else (gv, gu)
        for n in groups[gone]:
            member[n] = keep
        groups[keep].extend(groups.pop(gone))
        for sig, rep in reps.pop(gone).items():
            reps[keep].setdefault(sig, rep)
        sentences[keep] |= sentences.pop(gone)
    return [sorted(g) for g in groups.values()]


def _sentence_key(m: Mention) -> tuple[str, tuple[int, int], str, str | None]:
    """What keeps two mentions of one sentence apart (:func:`apart`): the sentence and
    the mention's own kind (two kinds of one family told in one sentence may be one),
    and who told its figure (two speakers' figures may be of one happening)."""
    counted = any(c.attribute == "count" for c in m.claims)
    speaker = next((c.attribution for c in m.claims if c.attribution), None)
    return m.source, m.sentence_span, m.type, speaker if counted else None


def _signature(f: _Facts) -> tuple[object, ...]:
    """Everything :func:`incompatibility` reads of a mention, but its sentence."""
    d = f.date
    return (f.type, d.timex if d else None, d.earliest if d else None, d.latest if d else None,
            None if d else f.mention.as_of,  # an undated mention's statement date (_stale)
            f.groups, f.countries, f.places, f.filed, tuple(sorted(f.counts.items())),
            f.window,
            # one article's figures far apart are two quantities (_far_in_article); a
            # date slipped by a month or a year is forgiven between two articles of one
            # story only (an article's frame is its source's)
            f.mention.source, f.mention.background, f.mention.continues,
            # a step of an operation is joined to another kind only inside its story
            f.mention.type in OPERATION_STEPS,
            # a handover is joined to another kind of removal (_one_removal)
            f.mention.type in REMOVALS and _HANDOVER.search(f.mention.trigger) is not None)


"""The data model shared by every stage: typed, immutable dataclasses.

Stages hand these to each other (sources -> extraction -> matching -> verdicts ->
rendering); no stage needs to know how another produced them.  Every value that comes
from text carries its character span so that a report can always cite its source.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Any, Literal

Span = tuple[int, int]
"""Character offsets ``[start, end)`` into a source's text as read (a Python slice)."""

ExpressionKind = Literal[
    "date", "time", "duration", "set", "number", "ordinal", "percent", "amount"
]

Qualifier = Literal["exact", "approximate", "at_least", "at_most", "range", "vague"]

Granularity = Literal[
    "day", "week", "month", "quarter", "season", "year", "decade", "century",
    "interval", "time", "unknown",
]

DateMod = Literal["BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"]
"""TIMEX3 ``mod`` values for a date bounded on one side ("before May", "since 2010")."""


# --------------------------------------------------------------------------- values


@dataclass(frozen=True, slots=True)
class DateValue:
    """A normalized calendar reference.

    ``timex`` is a TIMEX3-style string: ``2021-06-14`` (day), ``2021-06`` (month),
    ``2023`` (year), ``2013-W12`` (week), ``XXXX-04-13`` (year unknown), or an interval
    ``2025-01/2025-06``.  ``earliest``/``latest`` are the first and last calendar day the
    expression can denote (``None`` when the year is unknown); verdicts compare these, so
    "2021-06" and "2021-06-14" are compatible rather than conflicting.
    """

    timex: str
    granularity: Granularity
    earliest: _dt.date | None = None
    latest: _dt.date | None = None
    anchored: bool = False
    """True when the value was computed from the anchor (publication date), false when
    the text stated it completely (a year, or a weekday that fixes the year)."""
    warnings: tuple[str, ...] = ()
    mod: DateMod | None = None
    """A bound the text puts on ``timex`` (TIMEX3's ``mod``): "after 2018" is ``2018``
    with ``AFTER``, ``earliest`` 2019-01-01 and ``latest`` None (open); "since March" is
    ``ON_OR_AFTER`` from March 1 to the anchor.  ``granularity`` is then "interval"."""

    def to_json(self) -> str:
        return self.timex


@dataclass(frozen=True, slots=True)
class Quantity:
    """A count or other number as stated: ``value`` (lower bound of a range), qualifier,
    and ``high`` for ranges and vague quantities ("hundreds of thousands")."""

    value: float
    qualifier: Qualifier = "exact"
    high: float | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": _num(self.value), "qualifier": self.qualifier}
        if self.high is not None:
            out["high"] = _num(self.high)
        return out


@dataclass(frozen=True, slots=True)
class Amount:
    """Money: value in units of ``currency`` (ISO 4217 code, e.g. ``USD``), with an
    optional rate (``per="year"``)."""

    value: float
    currency: str | None
    qualifier: Qualifier = "exact"
    high: float | None = None
    per: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "value": _num(self.value),
            "currency": self.currency,
            "qualifier": self.qualifier,
        }
        if self.high is not None:
            out["high"] = _num(self.high)
        if self.per is not None:
            out["per"] = self.per
        return out


@dataclass(frozen=True, slots=True)
class Place:
    """A location: a named place and its ISO 3166-1 alpha-2 country (country alone when
    no place is named)."""

    name: str
    country: str | None
    kind: Literal["city", "region", "country", "supranational"] = "city"

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country}


@dataclass(frozen=True, slots=True)
class Group:
    """Who an event happened to, e.g. ``Peruvian nationals`` (country ``PE``)."""

    name: str
    country: str | None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country}


Value = DateValue | Quantity | Amount | Place | Group | str


def _num(x: float) -> int | float:
    """Render whole floats as ints so JSON says 25, not 25.0."""
    if isinstance(x, float) and x.is_integer() and abs(x) < 2**63:
        return int(x)
    return x


def value_to_json(value: Value | float | None) -> Any:
    """The JSON form of any normalized value."""
    if value is None or isinstance(value, (str, int, float)):
        return value
    return value.to_json()


# --------------------------------------------------------------------- expressions


@dataclass(frozen=True, slots=True)
class Expression:
    """One temporal or numeric expression found in text, independent of events
    (the output of ``reconcile extract``)."""

    kind: ExpressionKind
    text: str
    span: Span
    value: DateValue | Quantity | Amount | str | float
    signal: Span | None = None
    """The words outside ``span`` whose meaning the value includes, a TimeML SIGNAL:
    "after" in "after 2018", "in" in "in two weeks", "or later" in "2018 or later".
    TimeML leaves them out of the expression's extent; :attr:`extent` adds them."""

    @property
    def extent(self) -> Span:
        """``span`` widened to cover ``signal`` ("after 2018" rather than "2018")."""
        if self.signal is None:
            return self.span
        return (min(self.span[0], self.signal[0]), max(self.span[1], self.signal[1]))

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "text": self.text,
            "span": [self.span[0], self.span[1]],
            "value": value_to_json(self.value),
        }
        if self.signal is not None:
            out["signal"] = [self.signal[0], self.signal[1]]
        if isinstance(self.value, DateValue) and self.value.mod is not None:
            out["mod"] = self.value.mod
        return out


# ------------------------------------------------------------------------- sources

PublishedBasis = Literal[
    "front-matter", "html-meta", "manifest", "dateline", "page-header", "latest-date", "none"
]


@dataclass(frozen=True, slots=True)
class Source:
    """One article: its text as read (after decoding, front-matter removal keeps
    offsets into the full text) and its metadata."""

    id: str
    path: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: _dt.date | None = None
    published_basis: PublishedBasis = "none"
    body_start: int = 0
    """Offset where the article body starts (after front matter / page header)."""
    content_type: Literal["text", "markdown", "html"] = "text"
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SkippedSource:
    """A path that was given but could not be read as an article, and why."""

    path: str
    reason: str


# ------------------------------------------------------------------ claims, events

Attribute = Literal["date", "count", "amount", "location", "group", "attribution"]

AS_OF_KEY = "as_of"
"""The ``measure_key`` of a date claim that says when a figure was stated ("the
ministry said on Saturday"), not when the happening was: never the event's date, and
two sources' dates of saying are no conflict (each outlet reports at its own time)."""
AS_OF_MEASURE = "as of"
CHANGING_STATES = frozenset({"discharged", "identified", "cremated", "treated", "claimed",
                             "unidentified", "unclaimed"})
"""What is done with a toll's people after the event ("40 injured have been discharged",
"12 are still being treated"): a count in such a state is a part of the toll keyed
``part:<state>``, and it moves every day, either way, so figures of two days are the
count moving, never a contradiction."""


_WINDOW_TOTAL = re.compile(
    r"\b(?:since\s+(?:(?:early|late|mid-?)\s*)?(?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December|last\s+year|"
    r"the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year|(?:19|20)\d\d)|"
    r"so\s+far\s+this\s+(?:year|month)|"
    r"(?:in|over)\s+the\s+(?:past|last)\s+(?:(?:few|several|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|\d+)\s+)?(?:months|years|year))\b", re.I)


def totals_a_window(sentence: str) -> bool:
    """Whether a sentence totals a window of months or years ("since January, more than
    900 have been rescued", "so far this year", "over the past six months"): its figure
    sums many happenings, a figure of that window, compared only with another window's
    total, never with the count of one happening."""
    return any(_SUPERLATIVE_BEFORE.search(sentence, max(0, m.start() - 60), m.start()) is None
               for m in _WINDOW_TOTAL.finditer(sentence))


_SUPERLATIVE_BEFORE = re.compile(
    r"\b(?:worst|deadliest|biggest|largest|strongest|heaviest|highest|lowest|first|"
    r"greatest|longest|hottest|coldest|wettest|warmest|fiercest|\w+iest|most\s+\w+)"
    r"\b(?:\s+[\w-]+){0,4}\s+$", re.I)
"""Before a window's words: a superlative they measure ("the deadliest quake since
1960 killed 2,000", "the worst floods in the past decade"), not a total over it."""


def is_nationals_key(key: str) -> bool:
    """Whether a count's measure key is made of nationality codes ("BO", "BO+CL+PE"): a
    count of people named by their nationalities.  The key is read as given: a caller
    strips a scope (``@...``), ``part:`` or ``/more`` first where they do not matter.
    A code is two characters in upper case (the gazetteer's are letters; matching also
    asks for letters, which only a key configured in an events file can tell apart)."""
    return all(len(c) == 2 and c.isupper() for c in key.split("+"))


@dataclass(frozen=True, slots=True)
class Claim:
    """One attribute value read from one mention, tied to its exact text."""

    id: str
    source: str
    mention: str
    attribute: Attribute
    value: Value
    text: str
    span: Span
    sentence: str
    attribution: str | None = None
    measure: str | None = None
    """For counts and amounts: what is counted ("Peruvian nationals", "people in
    Peru"); findings are made per attribute and measure."""
    measure_key: str | None = None
    """A normalized key for ``measure`` used to group findings."""
    inferred: bool = False
    """True when the value came from context (a dateline, a neighbouring sentence)
    rather than the mention's own sentence."""
    update: bool = False
    """True for a figure stated as a change ("the toll rose to 52"): a later update of a
    running tally, which a lower earlier figure does not contradict."""
    part: bool = False
    """True for a figure, or its group, told as part of a larger figure ("13 suspects,
    including two Colombians"): the group is among those concerned, not all of them."""
    filed: bool = False
    """True for a place taken from the article's dateline, where the story was filed,
    given to a main mention whose article names no place for its event: a weak default,
    never evidence that the happening took place somewhere else than another source
    says."""


@dataclass(frozen=True, slots=True)
class Mention:
    """One statement in one sentence that an event happened."""

    id: str
    source: str
    type: str
    trigger: str
    trigger_span: Span
    sentence: str
    sentence_span: Span
    claims: tuple[Claim, ...]
    paragraph: int = 0
    sentence_index: int = 0
    background: bool = False
    """The mention recalls an earlier or other event (another year, "last year", "the
    1971 earthquake", "a similar raid in March"): never the story's main event."""
    as_of: _dt.date | None = None
    """When the statement was made: a date of saying in its sentence ("said on
    Tuesday"), else the source's publication date."""
    main: bool = False
    """The mention is (about) the article's main event, the happening its headline,
    lead and dateline frame; see :mod:`reconcile.extraction.frame`."""
    continues: bool = False
    """Told with no trigger word of its own, going on with the happening of the article's
    sentence before ("Of them, 61 were Chinese", "There were 50 locals as well"): a part
    of that happening, whatever groups it names."""

    def values(self, attribute: Attribute) -> list[Claim]:
        return [c for c in self.claims if c.attribute == attribute]

    def groups_beside_a_total(self) -> bool:
        """Whether the mention counts groups beside a total of people of no nationality
        ("158 foreigners and 29 Filipinos", "157 nationals: 126 Chinese, 23
        Vietnamese"): its groups are a breakdown or a second group, which does not say
        who all were, so they neither keep it apart from a mention naming other groups
        nor conflict with them."""
        return any(c.attribute == "group" for c in self.claims) and any(
            c.attribute == "count" and c.measure_key is not None
            and (c.measure_key == "people" or c.measure_key.startswith("people/"))
            for c in self.claims)


Verdict = Literal["agree", "compatible", "conflict", "single"]


@dataclass(frozen=True, slots=True)
class FindingValue:
    value: Value
    claims: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """The verdict on one attribute (and measure) of one event."""

    attribute: Attribute
    measure: str | None
    verdict: Verdict
    values: tuple[FindingValue, ...]
    note: str | None = None
    sources: tuple[str, ...] = ()
    kind: FindingKind | None = None
    """Machine-readable reason behind the verdict where it needs one: ``superseded``
    (successive figures of a running tally, the later stated at a later date),
    ``contradiction`` (figures that cannot both be true, e.g. two tolls for the same
    day), ``part`` (a whole told against its parts)."""


FindingKind = Literal["superseded", "contradiction", "part"]


@dataclass(frozen=True, slots=True)
class Separation:
    """Why two similar mentions were kept in different events."""

    other_event: str
    mention: str
    other_mention: str
    reason: str


@dataclass(frozen=True, slots=True)
class Event:
    """A cluster of mentions describing one real-world happening."""

    id: str
    type: str
    summary: str
    mentions: tuple[Mention, ...]
    findings: tuple[Finding, ...]
    separations: tuple[Separation, ...] = ()
    happening: str | None = None
    """For a casualty toll: the id of the event of the happening it counts (the quake,
    the crash), which holds the dates the toll's sentences gave that happening (see
    :mod:`reconcile.match.happenings`); the toll keeps its figures and their as-of
    dates, and its summary names the happening's date."""

    @property
    def claims(self) -> tuple[Claim, ...]:
        return tuple(c for m in self.mentions for c in m.claims)

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({m.source for m in self.mentions}, key=id_key))


def id_key(ident: str) -> tuple[str, int]:
    """Sort key for ids like s2 < s10 (prefix, then number): the one order of sources,
    events and claims that the verdicts and every renderer share."""
    head = ident.rstrip("0123456789")
    tail = ident[len(head):]
    return (head, int(tail) if tail else -1)


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one run found: the sources read, the events, and their findings."""

    sources: tuple[Source, ...]
    events: tuple[Event, ...]
    skipped: tuple[SkippedSource, ...] = ()
    warnings: tuple[str, ...] = field(default_factory=tuple)
    anchors: dict[str, tuple[_dt.date | None, str]] = field(default_factory=dict)
    """Per source id: the reference date used to resolve relative dates, and its basis."""
    copies: dict[str, str] = field(default_factory=dict)
    """Per source id that reprints another source (a wire copy): that original's id."""

"""The library entry point: sources -> extraction -> matching -> verdicts -> Report.

``reconcile(paths)`` is what the CLI renders; callers can use the returned
:class:`~reconcile.model.Report` directly.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import gc
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import BinaryIO, TextIO

from .comparison import compare
from .extraction.anchor import resolve_anchor
from .match.copies import find_copies, fingerprints
from .extraction.events import read_mentions
from .match.happenings import date_happenings
from .match.matching import (
    SHOWN_NEAR_MISSES, Clustering, NearMissSlots, cluster, measure_mentions,
    own_measures,
)
from .extraction.origins import origins
from .model import (
    AS_OF_KEY, CHANGING_STATES, Claim, DateValue, Event, Finding, Group, Mention, Place, Quantity, Report,
    Separation,
    SkippedSource, Source, Value, is_nationals_key,
)
from .words import count_before_noun, one_of, value_words
from .read import DEFAULT_MAX_BYTES, DEFAULT_MAX_FILES, read_sources
from .judge.verdicts import death_tolls, findings
from .extraction.vocabulary import EventType, Vocabulary, load_vocabulary

Progress = Callable[[str], None]
"""Told what the run is doing, often ("reading 120/2,000 files", "extracting 40/2,000
articles", "matching 9,120 mentions"): a display should throttle."""

@dataclasses.dataclass(frozen=True)
class SourceAnalysis:
    """What extraction read from one source: its anchor and its mentions.

    Computed per source with no knowledge of the others, so it can be cached by the
    source's content, computed in parallel, or on another machine.
    """

    source_id: str
    anchor: dt.date | None
    anchor_basis: str
    mentions: tuple[Mention, ...]
    fingerprints: tuple[int, ...] = ()
    """Hashes of the source's longer sentences, to find wire copies (:mod:`.copies`)."""


def analyse_source(source: Source, vocab: Vocabulary) -> SourceAnalysis:
    """Extraction for one source: resolve its anchor and read its event mentions."""
    anchor, basis = resolve_anchor(source)
    read = read_mentions(source, vocab, anchor)
    return SourceAnalysis(source.id, anchor, basis, tuple(read.mentions),
                          fingerprints(source.text, sentences=read.sentences))


Analyser = Callable[[Sequence[Source], Vocabulary], Iterable[SourceAnalysis]]
"""Maps :func:`analyse_source` over sources, in order (serially, in processes, ...)."""

Matcher = Callable[[Sequence[Mention], frozenset[str], Mapping[str, str]], Clustering]
"""Clusters mentions like :func:`~reconcile.match.matching.cluster` (the second argument is the
event types whose place scopes a figure, the third the types' families); engines may
judge blocks elsewhere."""


def analyse_serially(sources: Sequence[Source], vocab: Vocabulary,
                     progress: Progress | None = None) -> Iterator[SourceAnalysis]:
    """The default analyser: one source after another in this process (``progress`` is
    kept for callers; the caller reports each analysis as it arrives)."""
    for source in sources:
        yield analyse_source(source, vocab)


def reconcile(
    paths: Sequence[str],
    *,
    manifest: str | None = None,
    events_file: str | None = None,
    stdin: TextIO | BinaryIO | None = None,
    progress: Progress | None = None,
    analyser: Analyser | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_files: int = DEFAULT_MAX_FILES,
    matcher: Matcher | None = None,
) -> Report:
    """Read the articles at ``paths`` and reconcile what they say.

    ``analyser`` replaces the serial per-source extraction (for caching or parallel
    engines), and ``matcher`` the clustering of mentions into events (see
    :mod:`reconcile.engines`); whatever they are, the report must be the same.
    ``max_bytes`` and ``max_files`` are the input size limits of
    :func:`~reconcile.read.read_sources`.
    """
    vocab = load_vocabulary(events_file)
    sources, skipped, warnings = read_sources(paths, manifest=manifest, stdin=stdin,
                                              max_bytes=max_bytes, max_files=max_files,
                                              progress=progress)
    return assemble(sources, skipped, warnings, vocab, analyser, progress, matcher)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the block, then restore it.

    The report's objects form no reference cycles (frozen dataclasses holding tuples),
    so the collector frees nothing here, yet it re-scans every live object each time
    enough new ones accumulate: about a tenth of a large run's time.  Memory is freed by
    reference counting as usual; worker processes keep the collector on.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def assemble(
    sources: Sequence[Source],
    skipped: Sequence[SkippedSource],
    warnings: list[str],
    vocab: Vocabulary,
    analyser: Analyser | None = None,
    progress: Progress | None = None,
    matcher: Matcher | None = None,
) -> Report:
    """Extraction (via ``analyser``), matching (via ``matcher``, default
    :func:`~reconcile.match.matching.cluster`) and verdicts over already-read sources."""
    with collector_paused():
        return _assemble(sources, skipped, warnings, vocab, analyser, progress, matcher)


def _assemble(
    sources: Sequence[Source],
    skipped: Sequence[SkippedSource],
    warnings: list[str],
    vocab: Vocabulary,
    analyser: Analyser | None,
    progress: Progress | None,
    matcher: Matcher | None,
) -> Report:
    analyses = (analyser(sources, vocab) if analyser is not None
                else analyse_serially(sources, vocab, progress))
    anchors: dict[str, tuple[dt.date | None, str]] = {}
    mentions: list[Mention] = []
    prints: dict[str, tuple[int, ...]] = {}
    path_of = {s.id: s.path for s in sources}
    published = {s.id: s.published for s in sources}
    n_claims = 0
    for n, analysis in enumerate(analyses, 1):
        if progress is not None:
            progress(f"extracting {n:,}/{len(sources):,} articles")
        anchors[analysis.source_id] = (analysis.anchor, analysis.anchor_basis)
        prints[analysis.source_id] = analysis.fingerprints
        # renumbered as they arrive: each analysis is let go at once, so the mentions
        # are held once, not twice
        for m in _renumber(analysis.mentions, len(mentions), n_claims,
                           published.get(analysis.source_id)):
            mentions.append(m)
            n_claims += len(m.claims)
            for c in m.claims:
                if isinstance(c.value, DateValue) and c.value.warnings:
                    path = path_of.get(c.source, c.source)
                    warnings.extend(f"{path}: {w}" for w in c.value.warnings)
    copies = find_copies(prints, {s.id: s.published for s in sources}, [s.id for s in sources])
    if progress is not None:
        progress(f"matching {len(mentions):,} mentions")
    events = build_events(mentions, vocab, copies, matcher)
    return Report(
        sources=tuple(sources), events=tuple(events), skipped=tuple(skipped),
        warnings=tuple(dict.fromkeys(warnings)), anchors=anchors, copies=copies,
    )


def _renumber(mentions: Iterable[Mention], n_mention: int = 0, n_claim: int = 0,
              published: dt.date | None = None) -> list[Mention]:
    """Give mentions and claims short ids (m1.., c1..) in reading order, continuing
    after ``n_mention`` mentions and ``n_claim`` claims; a mention whose extraction
    gave no ``as_of`` is stated as of its source's publication date."""
    out: list[Mention] = []
    for n, m in enumerate(mentions, n_mention + 1):
        mid = f"m{n}"
        claims = []
        for c in m.claims:
            n_claim += 1
            claims.append(dataclasses.replace(c, id=f"c{n_claim}", mention=mid))
        as_of = m.as_of if m.as_of is not None else published
        out.append(dataclasses.replace(m, id=mid, claims=tuple(claims), as_of=as_of))
    return out


def build_events(mentions: Sequence[Mention], vocab: Vocabulary,
                 copies: Mapping[str, str] | None = None,
                 matcher: Matcher | None = None) -> list[Event]:
    """Cluster mentions into events and judge each event's attributes (``copies`` maps
    a source that reprints another to that original: see :mod:`.copies`)."""
    kin = {name: f"family:{t.family}" for name, t in vocab.types.items() if t.family}
    scoped = frozenset(kin.get(name, name) for name, t in vocab.types.items() if t.reporting)
    mentions = _with_own_measures(mentions, vocab, kin)
    clustering = (matcher or cluster)(mentions, scoped, kin)
    ordered = sorted(clustering.clusters, key=lambda c: min(c))
    owner = {i: n for n, c in enumerate(ordered) for i in c}
    seps = _separations(clustering.separations, owner, mentions)
    tolls = death_tolls(mentions)  # what explains a fall in the missing
    # a toll's dates of its happening go to the happening's event (see .match.happenings)
    moved = date_happenings(
        [[mentions[i] for i in members] for members in ordered],
        {name for name, t in vocab.types.items() if t.measure and not t.own_day},
        {name for name, t in vocab.types.items() if t.standalone},
        _next_mention(mentions), lambda sentence: _names_a_happening(sentence, vocab))
    judged_all = [tuple(findings(ms, copies or {}, tolls)) for ms in moved.events]
    events = []
    for n, ms in enumerate(moved.events):
        h = moved.happening.get(n)
        events.append(Event(
            id=f"e{n + 1}", type=ms[0].type,
            summary=_title(ms, judged_all[n], vocab,
                           None if h is None else (moved.events[h], judged_all[h])),
            mentions=ms,
            findings=judged_all[n], separations=tuple(seps.get(n, {}).values()),
            happening=None if h is None else f"e{h + 1}",
        ))
    return events


def _with_own_measures(mentions: Sequence[Mention], vocab: Vocabulary,
                       kin: Mapping[str, str]) -> list[Mention]:
    """Mentions with each type's own measure key where the vocabulary gives one
    ("deaths", else "people"), a count of another kind's own measure ("... and
    displaced 500,000") in a mention of that kind of its own, and the places that only
    say where people came from ("people from X") read as origins, not places."""
    mentions = measure_mentions(
        mentions, {t.measure: name for name, t in vocab.types.items() if t.measure},
        kin, _next_mention(mentions))
    mentions = own_measures(mentions, {name: frozenset(t.triggers)
                                       for name, t in vocab.types.items()},
                            {name: key for name, t in vocab.types.items()
                             if (key := getattr(t, "measure", None))})
    return origins(mentions, vocab.people_nouns)


def _title(ms: Sequence[Mention], judged: Sequence[Finding], vocab: Vocabulary,
           dated_by: tuple[Sequence[Mention], Sequence[Finding]] | None) -> str:
    """An event's one-line summary: its kinds' labels ("deportation or repatriation":
    kin types in one event) and what the vocabulary says of every kind it holds (a
    happening, a toll, something done to people)."""
    kinds = dict.fromkeys(m.type for m in ms)
    types = [vocab.types.get(k) for k in kinds]
    label = " or ".join(t.label if t is not None else k for k, t in zip(kinds, types))
    known = [t for t in types if t is not None]

    def every(flag: Callable[[EventType], bool]) -> bool:
        return len(known) == len(types) and all(flag(t) for t in known)

    return summarize(label, ms, judged, frozenset(w for t in known for w in t.triggers),
                     happening=every(lambda t: t.standalone),
                     tolls=vocab.toll_keys if every(lambda t: bool(t.measure))
                     else frozenset(),
                     people=every(lambda t: t.people), dated_by=dated_by)


def _names_a_happening(sentence: str, vocab: Vocabulary) -> bool:
    """Whether a sentence names a happening: a word of a ``standalone`` type ("floods",
    "the quake")."""
    for hit in vocab.trigger_re.finditer(sentence):
        etype = vocab.type_of(hit.group(0))
        if etype is not None and etype.standalone:
            return True
    return False


def _next_mention(mentions: Sequence[Mention]) -> int:
    """The first n such that no mention is numbered ``m<n>`` or after (a new mention's
    number)."""
    return 1 + max((int(m.id[1:]) for m in mentions
                    if m.id.startswith("m") and m.id[1:].isdigit()), default=0)


def _separations(near: Iterable[tuple[int, int, str]], owner: Mapping[int, int],
                 mentions: Sequence[Mention], limit: int = SHOWN_NEAR_MISSES
                 ) -> dict[int, dict[tuple[str, str], Separation]]:
    """Per event, the near misses it explains (:class:`~reconcile.match.matching.NearMissSlots`
    decides which), as Separation objects keyed by (other event, reason).

    Only what can be shown is built: a large corpus has hundreds of thousands of near
    misses (two Separation objects each cost more than judging every event).
    """
    slots = NearMissSlots(limit)
    for i, j, reason in near:
        for a, b in ((i, j), (j, i)):
            slots.offer(owner[a], owner[b], reason, (a, b))
    return {
        event: {(f"e{other + 1}", reason): Separation(f"e{other + 1}", mentions[a].id,
                                                      mentions[b].id, reason)
                for (other, reason), (a, b) in shown.items()}
        for event, shown in slots.slots.items()
    }


def _most_common(claims: list[Claim]) -> Claim | None:
    """The claim whose value is most common, the earliest among equals."""
    if not claims:
        return None
    counts = Counter(str(c.value) for c in claims)
    best = max(range(len(claims)), key=lambda k: (counts[str(claims[k].value)], -k))
    return claims[best]


@dataclasses.dataclass(frozen=True)
class _Verdicts:
    """The event's findings a summary must respect: disputed values and running tallies,
    and the date each claim was stated (which makes a tally's figure the latest)."""

    disputed: Mapping[tuple[str, str | None], Finding]
    superseded: Mapping[tuple[str, str | None], Finding]
    stated: Mapping[str, dt.date | None]

    def words(self, c: Claim, show: Callable[[Value], str]) -> str:
        """A claim's value as the heading shows it: every value when disputed, the
        latest when a tally was superseded, else the claim's own."""
        f = self.disputed.get((c.attribute, c.measure))
        if f is None and (c.attribute, c.measure) in self.superseded:
            # a running tally: its latest figure, which superseded the others (the
            # last stated; the largest among those stated that day)
            latest = max(self.superseded[(c.attribute, c.measure)].values, key=lambda v: (
                max((d for i in v.claims if (d := self.stated.get(i)) is not None),
                    default=dt.date.min),
                v.value.value if isinstance(v.value, Quantity) else 0.0))
            return show(latest.value)
        if f is None:
            return show(c.value)
        shown = [show(v) for v in _most_precise([v.value for v in f.values])]
        # only the last value stands before the noun: "dozens or 35 missing", never
        # "dozens of or 35 missing"
        return one_of([t.removesuffix(" of") for t in shown[:-1]] + shown[-1:])


def _most_precise(values: list[Value]) -> list[Value]:
    """Disputed values as a heading names them: a date that another listed date makes
    more precise and does not contradict ("5 June, year not stated" beside "5 June 2024",
    "June 2024" beside "4 June 2024") is left to the findings' table.  Figures are all
    kept: "at least 40" is a claim of its own, not a vaguer "45"."""
    def precision(v: DateValue) -> tuple[bool, int]:
        span = (v.latest - v.earliest).days if v.earliest and v.latest else 1 << 20
        return (v.earliest is not None, -span)

    dates = [v for v in values if isinstance(v, DateValue)]
    return [v for v in values if not (isinstance(v, DateValue) and any(
        precision(w) > precision(v) and compare(v, w)[0] != "conflict" for w in dates))]


def _people_state(label: str) -> str | None:
    """The state a label gives people in ("people trapped" -> "trapped", "missing
    persons" -> "missing"), or None for a label of a happening."""
    words = label.split()
    rest = [w for w in words if w not in ("people", "persons")]
    return " ".join(rest) if len(words) == 2 and len(rest) == 1 else None


def summarize(label: str, mentions: Sequence[Mention],
              judged: Sequence[Finding] = (), own_words: frozenset[str] = frozenset(),
              happening: bool = False, tolls: frozenset[str] = frozenset(),
              people: bool = False,
              dated_by: tuple[Sequence[Mention], Sequence[Finding]] | None = None) -> str:
    """A one-line description from the event's most common values.  Where the sources
    conflict on a value the summary names every value ("2021-06-14 or 2021-06-15"):
    a heading must not take a side the report then disputes.  A count named by the
    event's own word (``own_words``: its triggers, "73 prosecutions", "318 deaths") is
    the title itself, not "Prosecution of 73 prosecutions".  A ``happening`` (a quake, a
    crash) is titled by what and where, never "of" a count or a group: "Earthquake of
    dozens of buildings" says what it did, not what it was.  A casualty toll (``tolls``:
    its measure keys, given when every kind of the event is one) counts people, so a
    count of things told beside it never titles it: "Missing persons of 30 teams"
    would say the teams are missing.  Nor does one title an event that happens to
    ``people`` (an arrest, a rescue): "Arrest of 215 phones" would say phones were
    arrested.  A toll whose happening's dates went to the happening's event
    (``dated_by``: its mentions and findings, see :mod:`.match.happenings`) is dated by
    that event's date, as its title says: "52 deaths in <city> (<the quake's day>)"."""
    claims = [c for m in mentions for c in m.claims]
    verdicts = _Verdicts(
        disputed={(f.attribute, f.measure): f for f in judged if f.verdict == "conflict"},
        superseded={(f.attribute, f.measure): f for f in judged if f.kind == "superseded"},
        stated={c.id: m.as_of for m in mentions for c in m.claims})
    parts = _what_to_whom(label, claims, own_words, verdicts, happening, tolls, people)
    amount = _most_common([c for c in claims if c.attribute == "amount"])
    if amount is not None:
        parts.append(f"({verdicts.words(amount, _money_text)})")
    place = _main_place(claims)
    if place is not None and isinstance(place.value, Place) and not any(
            p.endswith(f" in {place.value.name}") for p in parts):
        # "14 accounts in Lisbon" already says where: never "in Lisbon" again
        parts.append(f"in {place.value.name}")
    if dated_by is not None:
        its_mentions, its_findings = dated_by
        claims = [c for m in its_mentions for c in m.claims]
        verdicts = dataclasses.replace(verdicts, disputed={
            (f.attribute, f.measure): f for f in its_findings if f.verdict == "conflict"})
    date = _most_common([c for c in claims
                         if c.attribute == "date" and c.measure_key != AS_OF_KEY])
    if date is not None:
        parts.append(f"({verdicts.words(date, _date_text)})")
    return " ".join(parts)


def _what_to_whom(label: str, claims: list[Claim], own_words: frozenset[str],
                  verdicts: _Verdicts, happening: bool = False,
                  tolls: frozenset[str] = frozenset(), people: bool = False) -> list[str]:
    """The summary's opening words: the event and its count or group ("Arrest of 12
    people"), or the count alone where its noun names the event ("318 deaths"); a
    happening (a quake, a crash) by its label alone; a toll (``tolls``) by its count of
    people only."""
    if happening:
        return [label[0].upper() + label[1:]]
    count = _title_count(claims, own_words, tolls, people)
    if count is not None and _names_the_event(count.measure, own_words):
        return [_cap(f"{verdicts.words(count, _num_text)} {count.measure}")]
    state = _people_state(label)
    if count is not None and state and (_counts_people(count.measure_key) or (
            (count.measure_key or "").split("/")[0] == state)):
        # a label naming people in a state ("people trapped", "missing persons"): the
        # counted people take its place, "17 miners trapped", not "People trapped of 17
        # miners"
        return [_cap(f"{verdicts.words(count, _num_text)} {count.measure} {state}")]
    parts = [label[0].upper() + label[1:]]
    if count is not None:
        parts.append(f"of {verdicts.words(count, _num_text)} {count.measure}")
        return parts
    group = _most_common([c for c in claims if c.attribute == "group"])
    if group is not None and isinstance(group.value, Group):
        parts.append(f"of {group.value.name}")
    return parts


def _title_count(claims: list[Claim], own_words: frozenset[str], tolls: frozenset[str],
                 people: bool) -> Claim | None:
    """The count a title names: a count of a group or of people before a count of
    things; for a toll only its people (or those in a later state, "40 injured
    discharged"); for what happens to people no count of things at all, save one
    named by the event's own word ("73 prosecutions")."""
    counts = [c for c in claims if c.attribute == "count"
              and isinstance(c.value, Quantity) and c.measure]
    if tolls:
        counts = [c for c in counts if _counts_people(c.measure_key) or (
            (c.measure_key or "").split("@")[0].removeprefix("part:").split("/")[0]
            in tolls | CHANGING_STATES)]
    of_people = [c for c in counts if _counts_people(c.measure_key)]
    if people and not tolls:
        counts = [c for c in counts if _names_the_event(c.measure, own_words)]
    # a toll's whole before a kind of its people ("15 dead, four of them attackers")
    whole = [c for c in counts if tolls and (c.measure_key or "").split("@")[0] in tolls]
    return _most_common(of_people or whole or counts)


def _main_place(claims: list[Claim]) -> Claim | None:
    """The most common place claim, a country left out when a place inside it is named."""
    places = [c for c in claims if c.attribute == "location" and isinstance(c.value, Place)]
    inner = {c.value.country for c in places
             if isinstance(c.value, Place) and c.value.kind not in ("country", "supranational")}
    return _most_common([c for c in places if not (
        isinstance(c.value, Place) and c.value.kind == "country" and c.value.country in inner)])


def _names_the_event(measure: str | None, own_words: frozenset[str]) -> bool:
    """Whether a count's noun is the event's own word ("deaths", "dead", "arrests")."""
    words = (measure or "").lower().split()
    return bool(words) and words[-1] in own_words


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _num_text(v: Value) -> str:
    """A count as a reader writes it before its noun: "about 40,000", "hundreds of"."""
    return count_before_noun(v) if isinstance(v, Quantity) else value_words(v)


def _money_text(v: Value) -> str:
    """A sum as a reader writes it: "about US$3.2 billion a year"."""
    return value_words(v)


def _date_text(v: Value) -> str:
    """A date as a reader says it: "8 November 2023", "13 April, year not stated"."""
    return value_words(v)


def _counts_people(key: str | None) -> bool:
    """Whether a measure key counts people: a group ("JP", "CN+KR") or people."""
    if not key:
        return False
    base = key.split("@")[0].removeprefix("part:")
    return base == "people" or base.startswith("people/") or is_nationals_key(base)

"""The document frame: how each mention of one article sits in that article's story.

An article tells one main event: its headline and lead name the kind of happening, its
dateline says where the story was filed, its publication date when.  Sentences that do not
restate a date or a place are about that event unless they say otherwise, and sentences
that recall another time ("in 1971", "last year", "a similar raid") are background, never
the story's event.  This module marks each mention ``background`` or ``main``, gives main
mentions without a date or place of their own the frame's (as ``Claim.inferred``), sets
``as_of`` (when the statement was made) and drops dates no past event can have (after
the article's publication).  It works on one source's mentions in one pass: linear.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Collection, Sequence

from ..model import (
    AS_OF_KEY,
    Claim,
    DateValue,
    Mention,
    Place,
    Quantity,
    Source,
    is_nationals_key,
    totals_a_window,
)
from .modality import projected
from .origins import origins
from .vocabulary import Vocabulary

BACKGROUND_DAYS = 60
"""A happening dated this many days before its article's publication is not the news."""
FUTURE_WORDS = re.compile(
    r"\b(?:will|would|shall|to\s+be|expected|scheduled|plans?|planned|set\s+to|due\s+to|"
    r"next|upcoming|is\s+to|are\s+to|until|till|by)\b", re.I)
"""Words that let a sentence date something after its article: a plan, a deadline."""
_RECALL = re.compile(
    r"\b(?:last\s+year|(?:years|decades|a\s+year|a\s+decade)\s+ago|in\s+the\s+past"
    r"(?!\s+(?:(?:\d+|few|several|two|three|four|five|six|seven)\s+)?(?:hours?|days?|"
    r"weeks?|month|fortnight)\b)|"
    r"in\s+(?:the\s+)?(?:18|19|20)\d\d\b(?!\s*[-–/]))", re.I)
"""Words that put a sentence's happening in another time than the story's."""
ANOTHER_DAYS_CLAUSE = re.compile(
    r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|\d+|the)"
    r"\s+(?:days?|weeks?|months?|years?|nights?)\s+(?:after|before|since)\b[^,.;:!?]*$",
    re.I)
"""A clause set days away from a stated day ("..., a day after 60 workers were freed",
"two weeks before the raid"), ending where a trigger follows inside it: the trigger's
day is not the stated one.  A comma closes the clause ("two days after the quake,
rescuers freed 40": the freeing is the main clause's)."""
_OTHER_ONE = re.compile(r"\b(?:an?|the)\s+(?:similar|earlier|previous|separate|prior|"
                        r"(?:18|19|20)\d\d)\s+(?-i:[A-Z][\w'’-]*\s+){0,3}([a-z]+)\b", re.I)
""""a similar raid", "the 1971 earthquake", "the 1987 Lima crash": another happening."""
_RELATIVE = re.compile(r"\b(?:in\s+which|during\s+which|which|where|when|that|"
                       r"whose)\b")
"""Words that open a clause about the noun before: "the 1987 crash in which 11 died"."""
_ENFORCEMENT = frozenset({"raid", "arrest", "rescue", "seizure"})
"""Kinds that one operation's coverage tells together: a raid's arrests and rescues."""


def _date_claim(m: Mention) -> Claim | None:
    return next((c for c in m.claims if c.attribute == "date" and not c.inferred
                 and c.measure_key != AS_OF_KEY  # when it was said, not when it happened
                 and isinstance(c.value, DateValue)), None)


_YEAR_MONTH = re.compile(r"^(\d{4}|XXXX)-(\d{2})(?![\d])")


def _another_month(m: Mention, frame: Claim | None) -> bool:
    """Whether a mention dates its happening, in its own words, to another month (or
    year) than the story's date: "a smuggler arrested in the port city in June" told in
    a story of an October arrest is another happening, whose place is not the story's."""
    own = _date_claim(m)
    if own is None or frame is None or not isinstance(frame.value, DateValue):
        return False
    assert isinstance(own.value, DateValue)
    x, y = _YEAR_MONTH.match(own.value.timex), _YEAR_MONTH.match(frame.value.timex)
    if x is None or y is None:
        return False  # a week, a weekday, a season: not compared
    years = x.group(1), y.group(1)
    return x.group(2) != y.group(2) or ("XXXX" not in years and years[0] != years[1])


def _place_claim(m: Mention) -> Claim | None:
    return next((c for c in m.claims if c.attribute == "location" and not c.inferred
                 and isinstance(c.value, Place)), None)


def _is_background(m: Mention, vocab: Vocabulary, ref: dt.date | None,
                   relative_story: bool) -> bool:
    """Whether a mention recalls another time: its own date long before the article,
    a year stated in an article that tells its story in weekdays, or recalling words."""
    date = _date_claim(m)
    if date is not None and _dated_before_the_story(date, ref, relative_story):
        return True
    if date is None and totals_a_window(m.sentence) and any(
            c.attribute == "count" for c in m.claims):
        return True  # "since January, more than 900 were rescued": many happenings' total
    if _RECALL.search(m.sentence) and (date is None or ref is None or not (
            date.value.latest is not None and date.value.latest >= ref  # type: ignore[union-attr]
            - dt.timedelta(days=BACKGROUND_DAYS))):
        return True
    return _another_one_recalled(m, vocab, ref, date)


def _dated_before_the_story(date: Claim, ref: dt.date | None, relative_story: bool) -> bool:
    """Whether a mention's own date is long before its article, or a stated year in an
    undated article that tells its story in weekdays."""
    v = date.value
    assert isinstance(v, DateValue)
    if ref is not None and v.latest is not None and (
            v.latest < ref - dt.timedelta(days=BACKGROUND_DAYS)):
        return True
    return ref is None and relative_story and not v.anchored and v.latest is not None


def _another_one_recalled(m: Mention, vocab: Vocabulary, ref: dt.date | None,
                          date: Claim | None) -> bool:
    """Whether the sentence names another happening ("a similar raid", "the 1987
    crash") and the mention is that one, or told about it."""
    for other in _OTHER_ONE.finditer(m.sentence):
        etype = vocab.type_of(other.group(1))
        if etype is None:
            if _recalled_by_what_it_befell(m, vocab, other):
                return True
            continue
        if not etype.reporting:
            return _is_the_other_one(m, vocab, ref, date, other, etype.name)
    return False


def _recalled_by_what_it_befell(m: Mention, vocab: Vocabulary,
                                other: re.Match[str]) -> bool:
    """"a 2016 mine collapse", "the 1987 bus crash": the happening's words may start
    with a word of what it befell; the mention is that happening, or told in a relative
    clause after it ("a 2016 mine collapse that killed 40")."""
    told = vocab.trigger_re.match(m.sentence, other.start(1)) or (
        vocab.trigger_re.match(m.sentence, other.end(1) + 1))
    if told is None:
        return False
    etype = vocab.type_of(told.group(0))
    if etype is None or etype.reporting:
        return False
    at = m.trigger_span[0] - m.sentence_span[0]
    if told.end() <= at and _RELATIVE.search(
            m.sentence, told.end(), at) is not None and not re.search(
            r"[.;]", m.sentence[told.end():at]):
        return True  # "a 2016 mine collapse that killed 40"
    return told.start() <= at < told.end()  # the recalled happening itself


def _is_the_other_one(m: Mention, vocab: Vocabulary, ref: dt.date | None,
                      date: Claim | None, other: re.Match[str], kind: str) -> bool:
    """Whether the other happening a sentence names is this mention's, or one told in
    a clause about it ("the 1987 crash, in which 11 died")."""
    at = m.trigger_span[0] - m.sentence_span[0]
    # a happening of the same kind dated recently in its own words is this
    # story's ("Saturday's explosion was the deadliest since a 2019 blast")
    own_recent = date is not None and not date.inferred and ref is not None and (
        isinstance(date.value, DateValue) and date.value.latest is not None
        and date.value.latest >= ref - dt.timedelta(days=BACKGROUND_DAYS)
        and not (other.start() <= at < other.end()))
    return other.group(1).lower() in m.trigger.lower() or (
        kind == m.type and not own_recent) or (
        other.end() <= at and _RELATIVE.search(m.sentence, other.end(), at)
        is not None and not re.search(r"[.;]", m.sentence[other.end():at])) or (
        _toll_of_the_other(m, vocab, other))


_CAUSED_BY = re.compile(r"\s+(?:[a-z]+\s+){0,2}?(?:in|during|from|after|when)\s+$")
"""Between a toll's verb and the happening that caused it: "died in", "were killed
during", "were hurt in the aftermath of"."""


def _toll_of_the_other(m: Mention, vocab: Vocabulary, other: re.Match[str]) -> bool:
    """Whether a casualty mention counts the victims of the other happening its sentence
    names right after its verb: "a dozen miners died in a similar accident"."""
    etype, own = vocab.type_of(other.group(1)), vocab.types.get(m.type)
    end = m.trigger_span[1] - m.sentence_span[0]
    return bool(own is not None and own.measure and etype is not None and etype.standalone
                and other.start() >= end
                and _CAUSED_BY.fullmatch(m.sentence, end, other.start()))


def _story_kinds(kinds: set[str], vocab: Vocabulary) -> set[str]:
    """The kinds of mention that tell the main event of a story whose lead names
    ``kinds``: their families, the tolls of a disaster or attack, the arrests and
    rescues of a raid."""
    types = vocab.types
    out = set(kinds)
    families = {types[k].family for k in kinds if k in types and types[k].family}
    out |= {n for n, t in types.items() if t.family and t.family in families}
    if any(k in types and (types[k].standalone or types[k].measure) for k in kinds):
        out |= {n for n, t in types.items() if t.measure}
    if kinds & _ENFORCEMENT:
        out |= _ENFORCEMENT & set(types)
    return out


def _lead_kinds(mentions: Sequence[Mention], source: Source, vocab: Vocabulary,
                background: Collection[str]) -> set[str]:
    """The kinds of happening the headline and the lead (the first two paragraphs with
    a mention that is not background) name."""
    kinds: set[str] = set()
    if source.title:
        for hit in vocab.trigger_re.finditer(source.title):
            etype = vocab.type_of(hit.group(0))
            if etype is not None and not etype.reporting and not vocab.outside_story(
                    etype.name):
                kinds.add(etype.name)
    paragraphs: list[int] = []
    for m in mentions:
        if m.id in background or m.type not in vocab.types or vocab.types[m.type].reporting \
                or vocab.outside_story(m.type):
            continue
        if m.paragraph not in paragraphs:
            if len(paragraphs) == 2:
                break
            paragraphs.append(m.paragraph)
        kinds.add(m.type)
    return kinds


def _frame_date(lead: Sequence[Mention], vocab: Vocabulary) -> Claim | None:
    """The main event's date: the earliest date the first paragraphs give the happening
    itself (a quake, a raid: what came after it, the rescue or the toll, is later), else
    the first date of a main mention.  A date told as a plan ("will start on Sunday") is
    when something may happen, never the story's day."""
    lead = [m for m in lead if (d := _date_claim(m)) is None or not projected(m, d)]
    paragraphs = sorted({m.paragraph for m in lead})[:3]
    happenings = [d for m in lead if m.paragraph in paragraphs and m.type in vocab.types
                  and vocab.types[m.type].standalone and (d := _date_claim(m)) is not None]
    dated = [(d.value.earliest, n, d) for n, d in enumerate(happenings)
             if isinstance(d.value, DateValue) and d.value.earliest is not None]
    if dated:
        return min(dated)[2]
    if happenings:
        return happenings[0]
    return next((d for m in lead if (d := _date_claim(m)) is not None), None)


def _a_toll(m: Mention, vocab: Vocabulary) -> bool:
    """Whether a mention is of a type that counts whom a happening befell (the dead,
    the injured, the missing: types with a ``measure``)."""
    etype = vocab.types.get(m.type)
    return etype is not None and etype.measure is not None


def _dates_a_toll(frame: Claim, lead: Sequence[Mention], vocab: Vocabulary) -> bool:
    """Whether the frame's date can date the story's tolls: it is the date of a happening
    (a quake, a crash) or of a toll.  A lead that tells a later step ("the court on
    Sunday charged four suspects over Friday's attack") dates that step, not the dead."""
    holder = next((m for m in lead if m.id == frame.mention), None)
    if holder is None or holder.type not in vocab.types:
        return True
    etype = vocab.types[holder.type]
    return etype.standalone or etype.measure is not None


def _a_plan(m: Mention) -> bool:
    """Whether every figure of a mention is told as a plan or possibility ("will deport
    10,000"): what may happen later has no day in the story's frame."""
    figures = [c for c in m.claims if c.attribute in ("count", "amount")]
    return bool(figures) and all(projected(m, c) for c in figures)


_SO_FAR = re.compile(r"\b(?:so\s+far|thus\s+far|to\s+date|until\s+now|up\s+to\s+now|"
                     r"as\s+of\s+now)\b", re.I)
"""A figure told as it stands ("eight have been arrested so far"): a running count as
of the article's publication, not a figure of the day the story's happening took."""


def _running_so_far(m: Mention) -> bool:
    """Whether a mention counts something as it stands so far (:data:`_SO_FAR`): the
    frame's day is not its day (the count may have grown since, over several days)."""
    return any(c.attribute == "count" for c in m.claims) and bool(
        _SO_FAR.search(m.sentence))


def _inferred(m: Mention, frame: Claim) -> Claim:
    """The frame's value as a claim of ``m``, marked inferred, citing where it is said."""
    return dataclasses.replace(frame, id=f"{m.id}.c{len(m.claims) + 1}", mention=m.id,
                               source=m.source, inferred=True, measure=None,
                               measure_key=None, update=False, part=False)


def _drop_future(m: Mention, published: dt.date | None) -> Mention:
    """Drop a date after the article's publication from a sentence that tells what
    happened: no past event is dated after its article; a plan or deadline may be."""
    if published is None or FUTURE_WORDS.search(m.sentence):
        return m
    keep = tuple(c for c in m.claims if not (
        c.attribute == "date" and isinstance(c.value, DateValue)
        and c.value.earliest is not None and c.value.earliest > published))
    return m if len(keep) == len(m.claims) else dataclasses.replace(m, claims=keep)


def apply_frame(mentions: Sequence[Mention], source: Source, vocab: Vocabulary,
                anchor: dt.date | None, dateline: tuple[Place, tuple[int, int]] | None,
                unknown_place: Callable[[Mention], bool] | None = None,
                unknown_feature: Callable[[Mention], bool] | None = None) -> list[Mention]:
    """``mentions`` of ``source`` with ``background``, ``main`` and ``as_of`` set and the
    frame's date and place inferred for main mentions that state none (see the module
    docstring).  ``dateline`` is the dateline's place and span; ``unknown_place`` tells
    whether a mention's sentence names a place the gazetteer does not know (the dateline
    is no better guess for it); ``unknown_feature`` whether it names an unknown lake,
    river or mountain (then the dateline is no guess for the whole story)."""
    # where people come from is no place of the story ("771 detained, 73 of them from
    # <country>"): read as such before a place of the lead is taken as the frame's
    mentions = origins([_drop_future(m, source.published) for m in mentions],
                       vocab.people_nouns)
    mentions = [m for m in mentions if m.claims]
    ref = source.published or anchor
    relative_story = _relative_story(mentions)
    background = {m.id for m in mentions if _is_background(m, vocab, ref, relative_story)}
    # a report of the day's happening, or a handover in a removal story, tells the
    # story's kind of happening: read as such before the lead's kinds are taken
    mentions = _reported_happenings(mentions, vocab, ref, background)
    frame = _article_frame(mentions, source, vocab, dateline, unknown_feature, background)
    undated: frozenset[str] = frozenset()
    if frame.date is not None:
        # the frame's date is its happening's: a rescue from an attack or an abduction
        # ends it, on a day of its own the article may not tell
        kind = next((m.type for m in mentions if m.id == frame.date.mention), None)
        if kind in _ENDED_BY_A_RESCUE:
            undated = frozenset(m.id for m in mentions if m.type == "rescue")
        elif kind in _FOLLOWED_BY_A_REMOVAL:
            undated = frozenset(m.id for m in mentions if _a_removal(m.type, vocab))
    mentions = _headline_days(mentions, source)
    return _headline_bounds([_framed(m, frame, source, vocab, unknown_place, undated)
                             for m in mentions], source)


def _headline_days(mentions: list[Mention], source: Source) -> list[Mention]:
    """A headline's figure stated on the day its article's text states the same figure
    ("toll rises to 11" over "the toll rose to 11 on Tuesday", published on Wednesday):
    a headline retells its text, so its figure is no newer than the text's, which a
    figure another outlet gave on the day of publication would otherwise contradict."""
    title = (source.title or "").strip()
    if not title:
        return mentions
    def headline(m: Mention) -> bool:
        return m.sentence.strip() == title
    days: dict[tuple[str, float], set[dt.date]] = {}
    for m in mentions:
        if not headline(m) and not m.background:
            for c in m.claims:
                if c.attribute == "count" and isinstance(c.value, Quantity):
                    days.setdefault((m.type, c.value.value), set()).add(
                        m.as_of or source.published)  # type: ignore[arg-type]
    out = []
    for m in mentions:
        figures = {(m.type, c.value.value) for c in m.claims
                   if c.attribute == "count" and isinstance(c.value, Quantity)}
        if headline(m) and m.as_of is None and figures and all(f in days for f in figures):
            told = set().union(*(days[f] for f in figures))
            if len(told) == 1 and None not in told:
                m = dataclasses.replace(m, as_of=told.pop())
        out.append(m)
    return out


_ENDED_BY_A_RESCUE = frozenset({"attack", "abduction"})
"""Kinds of happening whose victims' rescue ends them, often a day or more later."""
_FOLLOWED_BY_A_REMOVAL = frozenset({"arrest", "raid"})
"""Kinds of happening after which the people held are deported, repatriated or
extradited, days or weeks later: a removal in an article framed by one ("sent home
after raid" over a lead dating the raid) has a day of its own the article may not
tell, never the raid's."""


def _a_removal(kind: str, vocab: Vocabulary) -> bool:
    """Whether a kind of happening sends people out of a country (a deportation, a
    repatriation, an extradition): its own family, or an extradition's."""
    etype = vocab.types.get(kind)
    return etype is not None and (etype.family == "removal" or kind == "extradition")


def _headline_bounds(mentions: list[Mention], source: Source) -> list[Mention]:
    """A headline's plain figure that the article's text gives with its bound ("fire
    kills nine" over "killing at least nine workers") or its window ("in the past week")
    told with them: headlines drop both, and the plain figure would contradict another
    outlet's figure of the whole toll."""
    title = (source.title or "").strip()
    if not title:
        return mentions
    def headline(m: Mention) -> bool:
        return m.sentence.strip() == title
    bounded = {(m.type, c.value.value): c for m in mentions if not headline(m)
               and not m.background for c in m.claims if c.attribute == "count"
               and isinstance(c.value, Quantity) and c.value.high is None and (
                   c.value.qualifier in _BOUNDS or "/in " in (c.measure_key or ""))}
    if not bounded:
        return mentions
    out = []
    for m in mentions:
        if headline(m):
            claims = tuple(_as_told(c, bounded[(m.type, c.value.value)])
                           if c.attribute == "count" and isinstance(c.value, Quantity)
                           and c.value.qualifier == "exact"
                           and (m.type, c.value.value) in bounded else c
                           for c in m.claims)
            m = dataclasses.replace(m, claims=claims)
        out.append(m)
    return out


def _as_told(headline: Claim, text: Claim) -> Claim:
    """A headline's figure with the bound and the window its article's text gives it
    ("kills 43" over "killed 43 people ... in the past week")."""
    if "/in " in (text.measure_key or "") and "/in " not in (headline.measure_key or ""):
        return dataclasses.replace(headline, value=text.value, measure=text.measure,
                                   measure_key=text.measure_key)
    return dataclasses.replace(headline, value=text.value)


_BOUNDS = frozenset({"at_least", "approximate"})


_REPORTED_CLAUSE = re.compile(
    r"\s+that\s+(?:[\w,’'-]+\s+){1,6}?(?:were|was|are|is|(?:have|has|had)\s+been)\s+"
    r"(?:being\s+)?[a-z]+(?:ed|en)\b")
"""After a verb of saying: "that <people> were (being) <done to>", a happening reported."""
REMOVAL_FAMILY = "removal"
"""The vocabulary's family of kinds that take people to another country (deported, sent
home): a handover of people is one of their steps."""
_HANDOVER = re.compile(r"\b(?:hand(?:ed|s|ing)|transferred)\b", re.I)
"""Trigger words that tell a handover of people from one custody to another."""
_SAYING = frozenset({"said", "says", "say", "saying", "reported", "reports"})
"""Reporting triggers that tell what someone said, not what a figure is estimated at."""


def _reported_happenings(mentions: Sequence[Mention], vocab: Vocabulary, ref: dt.date | None,
                         background: Collection[str]) -> list[Mention]:
    """The mentions with each report of a happening on the story's day given the kind
    of the story: "On Thursday, officials reported that groups of 50 workers were being
    escorted across the bridge", in an article whose lead tells a repatriation, tells
    that repatriation, not an estimate of a figure.  Only a reporting verb of saying
    followed by a passive clause ("that ... were <done>"), a count of people in it, and
    a day of its own that is the article's (``ref``: its publication date, else its
    anchor) or the day before.

    Likewise, in a story whose lead tells a removal (:data:`REMOVAL_FAMILY`), a handover
    ("were handed over", "were transferred to"), whatever kind its words give it
    elsewhere, is a step of that happening: "200 nationals were handed over" in a story
    of a repatriation is that repatriation, not an extradition.  ``background``: the
    ids of the mentions that recall another happening (never given the story's kind)."""
    kind = next((m.type for m in mentions if m.id not in background and m.type in vocab.types
                 and not vocab.types[m.type].reporting and not vocab.outside_story(m.type)),
                None)
    if kind is None:
        return list(mentions)
    story = vocab.types[kind]
    removal = story.family == REMOVAL_FAMILY
    # people a disaster or an attack befell are counted by its casualty kinds (the
    # injured, the missing): only a happening done to people (a removal, an arrest, a
    # rescue) is the kind of "that 50 were <done>"
    done_to_people = not story.standalone and story.measure is None
    out = []
    for m in mentions:
        etype = vocab.types.get(m.type)
        if m.id not in background and etype is not None and (
                (done_to_people and etype.reporting and _reports_a_happening(m, ref))
                or (removal and etype.family != REMOVAL_FAMILY and _a_handover(m, ref))):
            m = dataclasses.replace(m, type=kind)
        out.append(m)
    return out


def _a_handover(m: Mention, day: dt.date | None) -> bool:
    """Whether a mention tells a handover of people (a count of them or their group) on
    the article's ``day`` or with no date of its own (see :func:`_reported_happenings`):
    a handover told on another day ("last week, 260 were handed over") is another one."""
    if _HANDOVER.search(m.trigger) is None or not _of_people(m):
        return False
    date = _date_claim(m)
    return date is None or _on_the_day(date, day)


def _reports_a_happening(m: Mention, day: dt.date | None) -> bool:
    """Whether a reporting mention tells what was done to people on ``day`` (see
    :func:`_reported_happenings`)."""
    if m.trigger.lower() not in _SAYING:
        return False
    at = m.trigger_span[1] - m.sentence_span[0]
    if _REPORTED_CLAUSE.match(m.sentence, at) is None:
        return False
    date = _date_claim(m)
    return date is not None and _on_the_day(date, day) and _of_people(m)


def _on_the_day(date: Claim, day: dt.date | None) -> bool:
    """Whether a date names the article's ``day`` or the day before it (a morning paper
    tells yesterday's happening)."""
    v = date.value
    return (day is not None and isinstance(v, DateValue) and v.granularity == "day"
            and v.earliest is not None and 0 <= (day - v.earliest).days <= 1)


def _of_people(m: Mention) -> bool:
    """Whether a mention names people: a group, or a count of people (of a named kind or
    a nationality)."""
    for c in m.claims:
        if c.attribute == "group":
            return True
        base = (c.measure_key or "").removeprefix("part:").split("@")[0].split("/")[0]
        if c.attribute == "count" and (base == "people" or is_nationals_key(base)):
            return True
    return False


def _framed(m: Mention, frame: _ArticleFrame, source: Source, vocab: Vocabulary,
            unknown_place: Callable[[Mention], bool] | None,
            undated: frozenset[str] = frozenset()) -> Mention:
    """One mention with its place in the frame set, and for a main mention the frame's
    date (unless ``undated``: a step on a day of its own) and place when it states none."""
    claims = list(m.claims)
    if m.id in frame.main:
        if frame.date is not None and _date_claim(m) is None and not _a_plan(m) and (
                m.id not in undated) and (
                frame.toll_dated or not _a_toll(m, vocab)) and not _told_for_later(
                m, frame) and not _running_so_far(m):
            claims.append(_inferred(m, frame.date))
        has_place = any(c.attribute == "location" for c in claims)
        if not has_place and frame.place is not None:
            claims.append(_inferred(m, frame.place))
        elif not has_place and frame.dateline is not None and not (
                unknown_place is not None and unknown_place(m)):
            # the dateline, where the story was filed, only when the article names
            # no place for its event: a weak default
            place, span = frame.dateline
            claims.append(Claim(
                id=f"{m.id}.c{len(claims) + 1}", source=m.source, mention=m.id,
                attribute="location", value=place, text=source.text[span[0]:span[1]],
                span=span, sentence=m.sentence, inferred=True, filed=True))
    return dataclasses.replace(
        m, claims=tuple(claims), background=m.id in frame.background,
        main=m.id in frame.main, as_of=m.as_of or source.published)


@dataclasses.dataclass(frozen=True)
class _ArticleFrame:
    """What an article's lead says of its story: which mentions are background and
    which are its main event, the date and place a main mention without its own takes,
    whether that date also dates the toll, and the dateline left as a weak default."""

    background: frozenset[str]
    main: frozenset[str]
    date: Claim | None
    toll_dated: bool
    place: Claim | None
    dateline: tuple[Place, tuple[int, int]] | None
    date_trigger: tuple[int, int] | None = None
    """The trigger span of the mention the date is of."""


def _told_for_later(m: Mention, frame: _ArticleFrame) -> bool:
    """Whether the frame's date is told in ``m``'s sentence for a happening named after
    ``m``'s trigger and before the date ("freed 40 pupils abducted on May 2"): the
    sentence gave it to that one, not to ``m``."""
    d, t = frame.date, frame.date_trigger
    if d is not None and m.sentence_span[0] <= d.span[1] <= m.trigger_span[0] and (
            ANOTHER_DAYS_CLAUSE.search(m.sentence, max(d.span[1], m.trigger_span[0] - 80)
                                       - m.sentence_span[0],
                                       m.trigger_span[0] - m.sentence_span[0])):
        return True  # "arrested eight on Wednesday, a day after 60 were freed"
    return (d is not None and t is not None
            and m.sentence_span[0] <= d.span[0] < m.sentence_span[1]
            and m.trigger_span[1] <= t[0] and t[1] <= d.span[0])


def _article_frame(mentions: list[Mention], source: Source, vocab: Vocabulary,
                   dateline: tuple[Place, tuple[int, int]] | None,
                   unknown_feature: Callable[[Mention], bool] | None,
                   background: Collection[str]) -> _ArticleFrame:
    """Read the frame of an article's mentions (see :func:`apply_frame`); ``background``
    holds the ids of those that recall another happening."""
    main = _main_event(mentions, source, vocab, background)
    lead = [m for m in mentions if m.id in main]
    frame_date = _frame_date(lead, vocab)
    toll_dated = frame_date is not None and _dates_a_toll(frame_date, lead, vocab)
    frame_place, dateline = _frame_place(lead, vocab, dateline, unknown_feature, frame_date)
    holder = next((m for m in mentions if frame_date is not None
                   and m.id == frame_date.mention), None)
    return _ArticleFrame(frozenset(background), frozenset(main), frame_date, toll_dated,
                         frame_place, dateline,
                         holder.trigger_span if holder is not None else None)


def _relative_story(mentions: Sequence[Mention]) -> bool:
    """Whether an article dates a happening relative to its publication ("on Monday")
    or without a year (``XXXX-...``)."""
    return any(
        isinstance(c.value, DateValue) and c.value.anchored or (
            isinstance(c.value, DateValue) and c.value.timex.startswith("XXXX"))
        for m in mentions for c in m.claims
        if c.attribute == "date" and c.measure_key != AS_OF_KEY)


def _main_event(mentions: Sequence[Mention], source: Source, vocab: Vocabulary,
                background: Collection[str]) -> set[str]:
    """The ids of the mentions that tell the story's main event: not background, of a
    kind the story tells (:func:`_story_kinds` of the lead's), and no reporting verb."""
    kinds = _story_kinds(_lead_kinds(mentions, source, vocab, background), vocab)
    return {m.id for m in mentions if m.id not in background and m.type in kinds and (
        not vocab.types.get(m.type) or not vocab.types[m.type].reporting)}


def _frame_place(lead: list[Mention], vocab: Vocabulary,
                 dateline: tuple[Place, tuple[int, int]] | None,
                 unknown_feature: Callable[[Mention], bool] | None,
                 frame_date: Claim | None = None
                 ) -> tuple[Claim | None, tuple[Place, tuple[int, int]] | None]:
    """``(place, dateline)``: the place a main mention without its own takes (the first
    one the story tells from its dateline on, not dated to another month than
    ``frame_date``: :func:`_another_month`) and the dateline still a default, if any."""
    happenings = [m for m in lead if m.type in vocab.types and vocab.types[m.type].standalone]
    # With a dateline, the story's place is read from its text: a headline or a caption
    # above it names a wider place or another one ("... rescued in <province>" above
    # "<TOWN>, <province> — ..."), and the dateline stays the default below.
    filed = dateline[1][0] if dateline is not None else -1
    if dateline is not None and unknown_feature is not None and any(
            unknown_feature(m) for m in happenings or lead[:1]):
        # the story happened on a lake, a river or a mountain the gazetteer does not
        # know ("capsized on Lake X"): the dateline, the city the reporter filed from,
        # is no default for any of it
        dateline = None
    place = next((p for m in happenings + lead if m.sentence_span[0] >= filed
                  and not _another_month(m, frame_date)
                  and (p := _place_claim(m)) is not None), None)
    return place, dateline



"""The event vocabulary: event types, their trigger words, and the word lists that
extraction consults.  Loaded from ``reconcile/data/events.toml``; a user file given with
``--events`` adds types or replaces built-in ones without code changes."""

from __future__ import annotations

import pkgutil
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .._io import read_config_text
from ..errors import ConfigError


@dataclass(frozen=True)
class EventType:
    name: str
    label: str
    priority: int
    triggers: tuple[str, ...]
    reporting: bool = False
    family: str | None = None
    """Types of one family are matched as one kind: outlets call one happening a
    deportation or a repatriation."""
    measure: str | None = None
    """For a casualty type: the measure key its counts of people are compared under
    ("deaths" for "52 people were killed", "the death toll rose to 52", "52 dead"), so
    that one quantity gets one key whatever the wording."""
    standalone: bool = False
    """A happening worth a mention with only its date ("the earthquake struck on
    Friday"): disasters, accidents and attacks, whose figures are told elsewhere."""
    aside: bool = False
    """A step told around a story (a meeting, a ban, a day of mourning): a mention with
    only its own date, never the article's main event nor its day, and it takes no
    figure while a happening of the sentence can."""
    people: bool = False
    """A type that happens to people (an arrest, a deportation, a rescue): a count of
    things told with it ("215 phones", "40 teams") never titles its event."""
    due: bool = False
    """A date by which something must happen ("close by Oct. 17", "in custody until
    July 9"): its mentions are dated by the deadline, never the story's day.  Extraction
    gives a sentence's "by"/"until" date told with a word of a plan to the first such
    type."""
    grows: bool = False
    """A type whose counts only grow as days pass (escapees recaptured): every count is
    a running tally's, so a later higher figure is its update, not a rival."""
    own_day: bool = False
    """A step people take because of a happening (an evacuation): its date is its own
    day, never the happening's filed under its figure, so it is not moved to the
    happening's event (see :mod:`reconcile.match.happenings`)."""


@dataclass(frozen=True)
class Vocabulary:
    """Event types plus the noun and title lists used to read counts and attributions."""

    types: dict[str, EventType]
    people_nouns: frozenset[str]
    institution_words: frozenset[str]
    modifiers: frozenset[str]
    titles: tuple[str, ...]
    trigger_re: re.Pattern[str]
    trigger_type: dict[str, str]
    units: frozenset[str] = frozenset()
    """Units of measure ("kilometres", "tonnes"): a number of them counts nothing an
    event happened to."""
    measures: dict[str, str] = field(default_factory=dict)
    """Units whose amounts are figures ("22 tonnes of cocaine"), to the unit name they
    are compared under ("tons" -> "tonnes")."""
    casualties: dict[str, str] = field(default_factory=dict)
    """Words that name what a count of people measures ("dead", "injured", "bodies"),
    to the measure key ("deaths", "injured", "bodies"), whatever the event's trigger."""
    synonyms: dict[str, str] = field(default_factory=dict)
    """Nouns of people that name one kind of people ("captives", "hostages"), to the
    noun their counts are keyed by, so two outlets' counts are compared as one measure
    ("12 captives" and "14 hostages")."""
    gapped: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = field(default_factory=dict)
    """Phrasal triggers with their object inside ("sent 41 workers back", listed as
    "sent ... back"), per first words (normalized): their patterns and types.
    ``trigger_re`` also matches these first words, so one scan finds where to try them."""

    @property
    def toll_keys(self) -> frozenset[str]:
        """Every measure key of a casualty toll ("deaths", "injured", ...)."""
        return frozenset(self.casualties.values()) | frozenset(
            t.measure for t in self.types.values() if t.measure)

    def phrasal_patterns(self, head: str) -> tuple[tuple[re.Pattern[str], str], ...]:
        """The phrasal triggers starting with the words ``head`` ("sent"): their
        patterns and types."""
        return self.gapped.get(_norm_trigger(head), ())

    def outside_story(self, name: str) -> bool:
        """Whether mentions of type ``name`` are never a story's main event (deadlines,
        meetings, bans: ``due`` or ``aside`` types)."""
        etype = self.types.get(name)
        return etype is not None and (etype.due or etype.aside)

    def type_of(self, trigger: str) -> EventType | None:
        """The type a trigger signals; None for the first words of a phrasal trigger
        that are no trigger alone ("sent" of "sent ... back")."""
        name = self.trigger_type.get(_norm_trigger(trigger))
        return self.types[name] if name is not None else None


GAP = "..."
"""In a trigger, where its object goes: "sent ... back" matches "sent 41 workers back"."""
_GAP_WORDS = 6


def _gapped_pattern(trigger: str) -> str:
    """The regular expression of a phrasal trigger: its two parts with one to
    ``_GAP_WORDS`` words between them (not across a clause: no punctuation, save the
    separators inside a figure: "sent 1,200 workers back")."""
    head, tail = (_phrase(part.strip()) for part in trigger.split(GAP))
    word = r"(?:\d+(?:[.,]\d+)+|[^\s.,;:!?()\[\]\"]+)"
    return (rf"(?<![\w-]){head}(?:\s+{word}){{1,{_GAP_WORDS}}}?\s+{tail}"
            r"(?![\w-])")


def _phrase(words: str) -> str:
    return r"\s+".join(re.escape(w) for w in words.split())


def _norm_trigger(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().replace("’", "'"))


def _str_map(value: Any, where: str) -> dict[str, str]:
    if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise ConfigError(f"{where} must be a table of strings")
    return {k.lower(): v for k, v in value.items()}


def _str_list(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of strings")
    return [v.strip().lower() for v in value if v.strip()]


def _parse_types(data: dict[str, Any], where: str) -> dict[str, EventType]:
    types_raw = data.get("types", {})
    if not isinstance(types_raw, dict):
        raise ConfigError(f"{where}: [types] must be a table")
    out: dict[str, EventType] = {}
    for name, spec in types_raw.items():
        if not isinstance(spec, dict):
            raise ConfigError(f"{where}: [types.{name}] must be a table")
        triggers = _str_list(spec.get("triggers", []), f"{where}: types.{name}.triggers")
        if not triggers:
            raise ConfigError(f"{where}: types.{name} has no triggers")
        for trig in triggers:
            if GAP in trig and (trig.count(GAP) != 1 or not all(
                    part.strip() for part in trig.split(GAP))):
                raise ConfigError(f"{where}: types.{name}: trigger {trig!r} needs words "
                                  f"on both sides of one '{GAP}'")
        priority = spec.get("priority", 50)
        if not isinstance(priority, int):
            raise ConfigError(f"{where}: types.{name}.priority must be an integer")
        label = spec.get("label", name)
        if not isinstance(label, str):
            raise ConfigError(f"{where}: types.{name}.label must be a string")
        family = spec.get("family")
        if family is not None and (not isinstance(family, str) or not family.strip()):
            raise ConfigError(f"{where}: types.{name}.family must be a non-empty string")
        measure = spec.get("measure")
        if measure is not None and (not isinstance(measure, str) or not measure.strip()):
            raise ConfigError(f"{where}: types.{name}.measure must be a non-empty string")
        out[name] = EventType(
            name=name,
            label=label,
            priority=priority,
            triggers=tuple(triggers),
            reporting=bool(spec.get("reporting", False)),
            family=family,
            measure=measure.strip().lower() if measure else None,
            standalone=bool(spec.get("standalone", False)),
            due=bool(spec.get("due", False)),
            aside=bool(spec.get("aside", False)),
            people=bool(spec.get("people", False)),
            own_day=bool(spec.get("own_day", False)),
            grows=bool(spec.get("grows", False)),
        )
    return out


def _load_toml(text: str, where: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}: not valid TOML ({exc})") from None
    except (ValueError, RecursionError) as exc:  # a 5,000-digit integer, deep nesting
        reason = "nested too deeply" if isinstance(exc, RecursionError) else \
            " ".join(str(exc).split())[:120]
        raise ConfigError(f"{where}: not valid TOML ({reason})") from None


def trie_alternation(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, longest first, as a trie.

    Equivalent to the alternation of the words sorted longest first (at a position the
    longest word that fits wins, since each optional tail is greedy and sibling branches
    start with different characters), but Python's regex engine tries one branch per
    character instead of every word at every position: about four times faster on news
    text with the built-in vocabulary.  A space in a word matches any run of whitespace.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + build(node[ch])
                    for ch in sorted(k for k in node if k)]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")

    return build(trie)


_MAX_EVENTS_BYTES = 10_000_000
"""An event vocabulary (``--events``) larger than this is refused unread."""


@lru_cache(maxsize=8)
def load_vocabulary(extra: str | None = None) -> Vocabulary:
    """The built-in vocabulary, extended by the TOML file at ``extra`` if given."""
    raw = pkgutil.get_data("reconcile", "data/events.toml")  # as in numbers and gazetteer
    if raw is None:  # pragma: no cover - a loader that cannot read data files
        raise FileNotFoundError("reconcile/data/events.toml")
    builtin = raw.decode("utf-8")
    data = _load_toml(builtin, "events.toml")
    types = _parse_types(data, "events.toml")
    if extra is not None:
        user = _load_toml(read_config_text(extra, "event vocabulary", extra,
                                           max_bytes=_MAX_EVENTS_BYTES), extra)
        types.update(_parse_types(user, extra))
    nouns = data.get("nouns", {})
    titles = data.get("attribution", {}).get("titles", [])
    trigger_type: dict[str, str] = {}
    # Higher priority wins when two types list the same word.
    for et in sorted(types.values(), key=lambda t: t.priority):
        for trig in et.triggers:
            trigger_type[_norm_trigger(trig)] = et.name
    plain = [t for t in trigger_type if GAP not in t]
    gapped = sorted(t for t in trigger_type if GAP in t)
    by_head: dict[str, list[tuple[re.Pattern[str], str]]] = {}
    for t in gapped:
        by_head.setdefault(_norm_trigger(t.split(GAP)[0].strip()), []).append(
            (re.compile(_gapped_pattern(t), re.IGNORECASE), trigger_type[t]))
    trigger_re = re.compile(
        rf"(?<![\w-])(?:{trie_alternation([*plain, *by_head])})(?![\w-])", re.IGNORECASE)
    return Vocabulary(
        types=types,
        people_nouns=frozenset(_str_list(nouns.get("people", []), "nouns.people")),
        institution_words=frozenset(_str_list(nouns.get("institutions", []), "nouns")),
        modifiers=frozenset(_str_list(nouns.get("modifiers", []), "nouns.modifiers")),
        titles=tuple(sorted(_str_list(titles, "attribution.titles"), key=len, reverse=True)),
        trigger_re=trigger_re,
        trigger_type=trigger_type,
        units=frozenset(_str_list(nouns.get("units", []), "nouns.units")),
        measures=_str_map(nouns.get("measures", {}), "nouns.measures"),
        casualties=_str_map(nouns.get("casualties", {}), "nouns.casualties"),
        synonyms=_str_map(nouns.get("synonyms", {}), "nouns.synonyms"),
        gapped={head: tuple(pats) for head, pats in by_head.items()},
    )

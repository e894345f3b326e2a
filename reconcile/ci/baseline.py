"""Acknowledged conflicts: fingerprints, the baseline file, and the check against it.

A CI job runs ``reconcile check`` on a growing folder of articles.  Conflicts people
have already looked at are recorded in a *baseline* file; the check fails only on
conflicts the baseline does not acknowledge.  This module does the work; the CLI only
parses options and renders (see :mod:`reconcile.ci.outputs`).

**Fingerprint.**  A conflict is identified by what it says, not where it sits in a
run: the event type, the attribute, the measure key (what is counted), and the sorted
set of ``(source path, normalized value)`` pairs of every claim in the conflicting
finding.  It is independent of line numbers and spans, of event/claim/source ids (which
are renumbered whenever the corpus changes), of the order of files, and of sources
that take no part in the conflict.  It changes when a source joins or leaves the
conflict or when a value changes.  Values are canonicalized through their public JSON
form (docs/report-json.md); paths are those of the report, made relative to the
current folder when given absolute, with POSIX separators.

**Newcomer.**  A conflict whose fingerprint is not in the baseline is explained from
the side of what is new:

1. if the baseline acknowledges a conflict on the same event type, attribute and
   measure that shares at least one (source, value) pair with it, the newcomers are the
   pairs that entry did not have (a source joined, or a value changed); when it has
   none (a source left the acknowledged conflict), every value but the first is
   explained against the first, naming the entry it narrowed;
2. otherwise, the newcomers are the claims of sources that are new or changed since the
   baseline was written (the baseline records each source's content hash);
3. otherwise (no source is new: the tool, its vocabulary or the options changed), every
   value but the first is explained against the first.

Each newcomer claim is quoted against the claims of the other values.

Errors: a missing, unreadable or malformed baseline raises
:class:`~reconcile.errors.ConfigError` (exit code 2 in the CLI).
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from .._version import __version__
from .._io import read_config_text
from ..errors import ConfigError, InputError
from ..model import (
    Claim,
    Report,
    Source,
    Value,
    value_to_json,
)
from ..words import value_words

SCHEMA = "reconcile.baseline/1"
FINGERPRINT_VERSION = "v1"
DEFAULT_BASELINE = "reconcile-baseline.json"

_FINGERPRINT = re.compile(r"[0-9a-f]{16}")

Pair = tuple[str, str]
"""``(source path, canonical value)``: one side of a conflict, as fingerprinted."""


# ---------------------------------------------------------------- conflicts of a run


@dataclass(frozen=True)
class Citation:
    """One claim of a conflict, located in its file."""

    path: str
    value: str
    """The value for people ("2021-06-14", "about 40,000", "Lima (PE)")."""
    key: str
    """The canonical value used in fingerprints."""
    text: str
    sentence: str
    attribution: str | None
    span: tuple[int, int]
    line: int | None
    """1-based line of the span's start in the file; None when offsets are not into the
    file (HTML, whose offsets are into the extracted text)."""
    column: int | None
    """1-based column (Unicode code points) of the span's start."""
    end_line: int | None
    end_column: int | None
    """1-based column just after the span's last character."""

    @property
    def pair(self) -> Pair:
        return (self.path, self.key)


@dataclass(frozen=True)
class Conflict:
    """A conflicting finding of one run, with everything needed to explain it."""

    fingerprint: str
    event_type: str
    event_summary: str
    event_id: str
    """The event's id in this run only (e1, e2, ... are renumbered when sources change)."""
    attribute: str
    measure: str | None
    measure_key: str
    note: str | None
    citations: tuple[Citation, ...]

    @property
    def pairs(self) -> frozenset[Pair]:
        return frozenset(c.pair for c in self.citations)

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(sorted({c.path for c in self.citations}))

    @property
    def what(self) -> str:
        """``date`` or ``count (Peruvian nationals)``: the attribute in words."""
        return f"{self.attribute} ({self.measure})" if self.measure else self.attribute

    def description(self) -> str:
        """One line for people: the event, the attribute, each value with its sources."""
        values: dict[str, list[str]] = {}
        for c in self.citations:
            paths = values.setdefault(c.value, [])
            if c.path not in paths:
                paths.append(c.path)
        sides = " vs ".join(f"{v} ({', '.join(ps)})" for v, ps in values.items())
        return f"{self.event_type} {self.what}: {sides} [{self.event_summary}]"


def fingerprint(event_type: str, attribute: str, measure_key: str,
                pairs: Iterable[Pair]) -> str:
    """The stable identity of a conflict (see the module docstring)."""
    data = [FINGERPRINT_VERSION, event_type, attribute, measure_key,
            sorted(set(pairs))]
    digest = hashlib.sha256(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    ).hexdigest()
    return digest[:16]


def canonical_value(value: Value) -> str:
    """A value's public JSON form as a compact, key-sorted string."""
    return json.dumps(value_to_json(value), ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"))


def display_value(value: Value) -> str:
    """A normalized value in plain words, for messages ("8 November 2023", "about
    40,000", "US$12.5 billion a year"): :func:`reconcile.words.value_words`."""
    return value_words(value)


def display_path(path: str) -> str:
    """A report path as fingerprinted: relative to the current folder when it was given
    absolute and lies below it, POSIX separators, lexically normalized."""
    if os.path.isabs(path):
        try:
            rel = os.path.relpath(path)
        except ValueError:  # another drive on Windows
            rel = path
        if not rel.startswith(".."):
            path = rel
    path = path.replace(os.sep, "/")
    return posixpath.normpath(path) if path != "-" else path


def locate(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of a character offset, as editors and GitHub count them:
    lines end at LF (a CRLF's CR belongs to the line it ends), columns count code points."""
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start + 1


def content_hash(source: Source) -> str:
    """The SHA-256 of a source's text as read: tells the baseline a source changed."""
    return hashlib.sha256(source.text.encode("utf-8", "surrogatepass")).hexdigest()


def _citation(c: Claim, source: Source) -> Citation:
    line = column = end_line = end_column = None
    if source.content_type != "html":
        line, column = locate(source.text, c.span[0])
        end_line, end_column = locate(source.text, c.span[1])
    return Citation(
        path=display_path(source.path), value=display_value(c.value),
        key=canonical_value(c.value), text=c.text, sentence=" ".join(c.sentence.split()),
        attribution=c.attribution, span=c.span, line=line, column=column,
        end_line=end_line, end_column=end_column,
    )


def conflicts_of(report: Report) -> tuple[Conflict, ...]:
    """Every conflicting finding of a report, fingerprinted, in a stable order."""
    by_id = {s.id: s for s in report.sources}
    out: list[Conflict] = []
    for event in report.events:
        claims = {c.id: c for c in event.claims}
        for finding in event.findings:
            if finding.verdict != "conflict":
                continue
            members = [claims[cid] for v in finding.values for cid in v.claims if cid in claims]
            if not members:
                continue
            citations = tuple(sorted(
                (_citation(c, by_id[c.source]) for c in members if c.source in by_id),
                key=lambda c: (c.path, c.span),
            ))
            measure_key = next((c.measure_key for c in members if c.measure_key), "") or ""
            fp = fingerprint(event.type, finding.attribute, measure_key,
                             (c.pair for c in citations))
            out.append(Conflict(
                fingerprint=fp, event_type=event.type, event_summary=event.summary,
                event_id=event.id, attribute=finding.attribute, measure=finding.measure,
                measure_key=measure_key, note=finding.note, citations=citations,
            ))
    out.sort(key=lambda c: (c.paths, c.event_type, c.attribute, c.measure_key, c.fingerprint))
    return tuple(out)


# --------------------------------------------------------------------- the baseline


@dataclass(frozen=True)
class Entry:
    """One acknowledged conflict, as stored in the baseline file."""

    fingerprint: str
    event_type: str
    event_summary: str
    attribute: str
    measure: str | None
    measure_key: str
    pairs: tuple[tuple[str, str, str], ...]
    """``(path, canonical value, value for people)`` of every claim, sorted."""
    description: str
    note: str | None = None

    @property
    def key_pairs(self) -> frozenset[Pair]:
        return frozenset((p, k) for p, k, _ in self.pairs)

    @property
    def what(self) -> str:
        return f"{self.attribute} ({self.measure})" if self.measure else self.attribute


@dataclass(frozen=True)
class Baseline:
    """The acknowledged conflicts, and the sources (path -> content hash) they were
    written from, so that a check can tell which sources are new."""

    entries: tuple[Entry, ...]
    sources: Mapping[str, str]
    tool_version: str | None = None

    def by_fingerprint(self) -> dict[str, Entry]:
        return {e.fingerprint: e for e in self.entries}


def entry_of(conflict: Conflict, note: str | None = None) -> Entry:
    pairs = tuple(sorted({(c.path, c.key, c.value) for c in conflict.citations}))
    return Entry(
        fingerprint=conflict.fingerprint, event_type=conflict.event_type,
        event_summary=conflict.event_summary, attribute=conflict.attribute,
        measure=conflict.measure, measure_key=conflict.measure_key, pairs=pairs,
        description=conflict.description(), note=note,
    )


def _require_sources(report: Report) -> None:
    """A corpus where no article could be read is an input error, not a clean bill:
    CI must not pass because every file was skipped."""
    if not report.sources:
        skipped = "; ".join(f"{s.path}: {s.reason}" for s in report.skipped[:3])
        more = f" (+{len(report.skipped) - 3} more)" if len(report.skipped) > 3 else ""
        why = f" ({_one_line(skipped, 200)}{more})" if skipped else ""
        raise InputError(f"no article could be read{why}")


def build_baseline(report: Report, previous: Baseline | None = None) -> tuple[Baseline, list[Entry]]:
    """The baseline acknowledging every conflict of ``report``.

    Notes of ``previous`` entries whose fingerprint persists are kept; the entries whose
    notes are lost (their conflict is gone or changed) are returned so the caller can
    say so.  Raises InputError when the report has no source.
    """
    _require_sources(report)
    notes = {e.fingerprint: e.note for e in previous.entries if e.note} if previous else {}
    entries: dict[str, Entry] = {}
    for conflict in conflicts_of(report):
        entries.setdefault(conflict.fingerprint,
                           entry_of(conflict, notes.get(conflict.fingerprint)))
    dropped = [e for e in (previous.entries if previous else ())
               if e.note and e.fingerprint not in entries]
    sources = {display_path(s.path): content_hash(s) for s in report.sources}
    ordered = tuple(sorted(entries.values(), key=lambda e: (e.pairs, e.event_type,
                                                            e.attribute, e.fingerprint)))
    return Baseline(ordered, dict(sorted(sources.items())), __version__), dropped


def baseline_to_dict(baseline: Baseline) -> dict[str, Any]:
    """The baseline file's content: deterministic, diff-friendly, no timestamps."""
    conflicts = []
    for e in baseline.entries:
        values: dict[str, dict[str, Any]] = {}
        for path, key, shown in e.pairs:
            v = values.setdefault(key, {"value": shown, "normalized": json.loads(key),
                                        "sources": []})
            v["sources"].append(path)
        item: dict[str, Any] = {
            "fingerprint": e.fingerprint,
            "description": e.description,
            "event": {"type": e.event_type, "summary": e.event_summary},
            "attribute": e.attribute,
            "measure": e.measure,
            "measure_key": e.measure_key,
            "values": list(values.values()),
        }
        item["note"] = e.note
        conflicts.append(item)
    return {
        "schema": SCHEMA,
        "tool": {"name": "reconcile", "version": baseline.tool_version or __version__},
        "fingerprint": FINGERPRINT_VERSION,
        "conflicts": conflicts,
        "sources": [{"path": p, "sha256": h} for p, h in baseline.sources.items()],
    }


def render_baseline(baseline: Baseline) -> str:
    return json.dumps(baseline_to_dict(baseline), ensure_ascii=False, indent=2) + "\n"


def _one_line(text: str, limit: int = 120) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _str(obj: Mapping[str, Any], key: str, where: str, optional: bool = False) -> Any:
    value = obj.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise ConfigError(f"{where}: '{key}' must be a string")
    return value


def parse_baseline(text: str, name: str) -> Baseline:
    """Read a baseline file's text; raise ConfigError (one line) when it is malformed."""
    where = f"baseline {_one_line(name)}"
    data = _baseline_json(text, where)
    raw_conflicts = data.get("conflicts")
    raw_sources = data.get("sources", [])
    if not isinstance(raw_conflicts, list):
        raise ConfigError(f"{where}: 'conflicts' must be a list")
    if not isinstance(raw_sources, list):
        raise ConfigError(f"{where}: 'sources' must be a list")
    entries = [_entry(item, f"{where}: conflict {i}") for i, item in enumerate(raw_conflicts, 1)]
    sources: dict[str, str] = {}
    for i, item in enumerate(raw_sources, 1):
        if not isinstance(item, dict):
            raise ConfigError(f"{where}: source {i} is not an object")
        sources[_str(item, "path", f"{where}: source {i}")] = _str(
            item, "sha256", f"{where}: source {i}")
    tool = data.get("tool")
    version = tool.get("version") if isinstance(tool, dict) else None
    return Baseline(tuple(entries), sources, version if isinstance(version, str) else None)


def _baseline_json(text: str, where: str) -> dict[str, Any]:
    """The file's JSON object, once it is known to be a baseline of this schema and
    fingerprint version; ConfigError naming ``where`` otherwise."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{where}: invalid JSON at line {exc.lineno} column {exc.colno}: "
                          f"{_one_line(exc.msg)}") from None
    except RecursionError:
        raise ConfigError(f"{where}: invalid JSON: nested too deeply") from None
    except ValueError as exc:  # an integer of more digits than Python converts
        raise ConfigError(f"{where}: invalid JSON: {_one_line(str(exc))[:120]}") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ConfigError(f"{where}: not a reconcile baseline (expected \"schema\": \"{SCHEMA}\")")
    if data.get("fingerprint", FINGERPRINT_VERSION) != FINGERPRINT_VERSION:
        raise ConfigError(f"{where}: written with fingerprint version "
                          f"{_one_line(str(data.get('fingerprint')), 20)}; this reconcile uses "
                          f"{FINGERPRINT_VERSION} (rewrite it with reconcile baseline)")
    return data


def _entry(item: object, at: str) -> Entry:
    """One acknowledged conflict of the file (``at`` names it in errors), checked field
    by field in the order a reader of the file meets them."""
    if not isinstance(item, dict):
        raise ConfigError(f"{at} is not an object")
    fp = _str(item, "fingerprint", at)
    if not _FINGERPRINT.fullmatch(fp):
        raise ConfigError(f"{at}: fingerprint '{_one_line(fp, 40)}' is not 16 hex digits")
    event = item.get("event")
    if not isinstance(event, dict):
        raise ConfigError(f"{at}: 'event' must be an object")
    values = item.get("values")
    if not isinstance(values, list) or not values:
        raise ConfigError(f"{at}: 'values' must be a non-empty list")
    pairs = [pair for v in values for pair in _value_pairs(v, at)]
    note = item.get("note")
    if note is not None and not isinstance(note, str):
        raise ConfigError(f"{at}: 'note' must be a string or null")
    return Entry(
        fingerprint=fp,
        event_type=_str(event, "type", at), event_summary=_str(event, "summary", at),
        attribute=_str(item, "attribute", at),
        measure=_str(item, "measure", at, optional=True),
        measure_key=_str(item, "measure_key", at, optional=True) or "",
        pairs=tuple(sorted(pairs)), description=_str(item, "description", at),
        note=note,
    )


def _value_pairs(v: object, at: str) -> list[tuple[str, str, str]]:
    """One value of an entry as (source path, normalized value as compact JSON, value as
    shown), one per source that stated it: what an entry is matched on."""
    if not isinstance(v, dict) or not isinstance(v.get("sources"), list) or not all(
        isinstance(p, str) for p in v["sources"]
    ):
        raise ConfigError(f"{at}: each value needs 'value', 'normalized' and a list "
                          "of 'sources'")
    if "normalized" not in v:
        raise ConfigError(f"{at}: a value has no 'normalized'")
    key = json.dumps(v["normalized"], ensure_ascii=False, sort_keys=True,
                     separators=(",", ":"))
    shown = _str(v, "value", at)
    return [(p, key, shown) for p in v["sources"]]


def load_baseline(path: str) -> Baseline:
    """Read the baseline at ``path``; ConfigError when missing, unreadable or malformed."""
    name = _one_line(path)
    text = read_config_text(path, "baseline", name,
                            hint=f" (write one with: reconcile baseline PATHS -o {name})")
    return parse_baseline(text, path)


# ------------------------------------------------------------------------ the check

Reason = Literal["joined", "narrowed", "new-source", "changed-source", "among-known-sources"]


@dataclass(frozen=True)
class NewConflict:
    """A conflict the baseline does not acknowledge, explained from the newcomer's side."""

    conflict: Conflict
    reason: Reason
    newcomers: tuple[Citation, ...]
    """The claims that make the conflict new (their sources joined, are new or changed)."""
    previous: Entry | None = None
    """The acknowledged conflict this one grew out of (``joined``) or is what remains of
    (``narrowed``), if any."""

    @property
    def newcomer_paths(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.path for c in self.newcomers))

    def against(self, citation: Citation) -> tuple[Citation, ...]:
        """The claims a newcomer claim contradicts: those with another value."""
        return tuple(c for c in self.conflict.citations if c.key != citation.key)

    @property
    def primary(self) -> Citation:
        """Where to point in a file: the first newcomer claim."""
        return self.newcomers[0] if self.newcomers else self.conflict.citations[0]


@dataclass(frozen=True)
class CheckResult:
    """The outcome of checking a run's conflicts against a baseline."""

    new: tuple[NewConflict, ...]
    acknowledged: tuple[tuple[Conflict, Entry], ...]
    stale: tuple[Entry, ...]
    """Acknowledged conflicts that no longer occur (nothing grew out of them either)."""
    sources: tuple[str, ...]
    new_sources: tuple[str, ...]
    changed_sources: tuple[str, ...]
    baseline_path: str
    strict: bool = False
    paths: tuple[str, ...] = ()
    """The paths the check was run on, as given (for the command that acknowledges)."""

    @property
    def exit_code(self) -> int:
        """0 clean; 1 new conflicts (or, with ``strict``, stale entries)."""
        if self.new or (self.strict and self.stale):
            return 1
        return 0


def check(report: Report, baseline: Baseline, *, baseline_path: str = DEFAULT_BASELINE,
          strict: bool = False, paths: Sequence[str] = ()) -> CheckResult:
    """Compare the conflicts of ``report`` with the acknowledged ones; InputError when
    the report has no source."""
    _require_sources(report)
    current = {display_path(s.path): content_hash(s) for s in report.sources}
    new_sources = tuple(p for p in current if p not in baseline.sources)
    changed = tuple(p for p in current
                    if p in baseline.sources and baseline.sources[p] != current[p])
    known = baseline.by_fingerprint()
    seen: set[str] = set()
    new: list[NewConflict] = []
    acknowledged: list[tuple[Conflict, Entry]] = []
    grown_from: set[str] = set()
    for conflict in conflicts_of(report):
        entry = known.get(conflict.fingerprint)
        if entry is not None:
            seen.add(entry.fingerprint)
            acknowledged.append((conflict, entry))
            continue
        explained = _explain(conflict, baseline.entries, set(new_sources), set(changed))
        if explained.previous is not None:
            grown_from.add(explained.previous.fingerprint)
        new.append(explained)
    stale = tuple(e for e in baseline.entries
                  if e.fingerprint not in seen and e.fingerprint not in grown_from)
    return CheckResult(
        new=tuple(new), acknowledged=tuple(acknowledged), stale=stale,
        sources=tuple(current), new_sources=new_sources, changed_sources=changed,
        baseline_path=baseline_path, strict=strict, paths=tuple(paths),
    )


def _explain(conflict: Conflict, entries: Sequence[Entry], added_sources: set[str],
             changed_sources: set[str]) -> NewConflict:
    pairs = conflict.pairs
    related = [
        e for e in entries
        if (e.event_type, e.attribute, e.measure_key)
        == (conflict.event_type, conflict.attribute, conflict.measure_key)
        and e.key_pairs & pairs
    ]
    if related:
        previous = max(related, key=lambda e: (len(e.key_pairs & pairs), e.fingerprint))
        added = pairs - previous.key_pairs
        newcomers = tuple(c for c in conflict.citations if c.pair in added)
        if newcomers:
            return NewConflict(conflict, "joined", newcomers, previous)
        first = conflict.citations[0].key
        rest = tuple(c for c in conflict.citations if c.key != first)
        return NewConflict(conflict, "narrowed", rest, previous)
    fresh = added_sources | changed_sources
    by_fresh = tuple(c for c in conflict.citations if c.path in fresh)
    reason: Reason
    if by_fresh and len(by_fresh) < len(conflict.citations):
        reason = ("new-source" if any(c.path in added_sources for c in by_fresh)
                  else "changed-source")
        return NewConflict(conflict, reason, by_fresh)
    # Every source is new (they contradict each other), or none is: explain every other
    # value against the first.
    first = conflict.citations[0].key
    rest = tuple(c for c in conflict.citations if c.key != first)
    reason = "new-source" if by_fresh else "among-known-sources"
    return NewConflict(conflict, reason, rest)

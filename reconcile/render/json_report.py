"""The JSON report: the public contract documented in docs/report-json.md.

Fields are only ever added; a breaking change bumps ``schema``.  Output is
deterministic: the same input gives byte-identical JSON.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .._version import __version__
from .._json import LazyList, dumps_indented, write_indented
from ..model import (
    Claim, DateValue, Event, Finding, Report, Separation, Source, id_key, value_to_json,
)

SCHEMA = "reconcile.report/1"


def _source(s: Source, report: Report) -> dict[str, Any]:
    anchor, basis = report.anchors.get(s.id, (None, "none"))
    out: dict[str, Any] = {
        "id": s.id,
        "path": s.path,
        "title": s.title,
        "outlet": s.outlet,
        "url": s.url,
        "published": s.published.isoformat() if s.published else None,
        "published_basis": s.published_basis,
        "anchor": anchor.isoformat() if anchor else None,
        "anchor_basis": basis,
        "content_type": s.content_type,
    }
    if s.id in report.copies:
        out["copy_of"] = report.copies[s.id]
    if s.content_type == "html":
        out["offsets"] = "into the article text extracted from the HTML"
    if s.warnings:
        out["warnings"] = list(s.warnings)
    return out


def claim_to_json(c: Claim) -> dict[str, Any]:
    """A claim as the JSON report writes it (also what ``reconcile claims`` lists)."""
    out: dict[str, Any] = {
        "id": c.id,
        "source": c.source,
        "mention": c.mention,
        "attribute": c.attribute,
        "measure": c.measure,
        "value": value_to_json(c.value),
        "text": c.text,
        "span": [c.span[0], c.span[1]],
        "sentence": c.sentence,
        "attribution": c.attribution,
    }
    if isinstance(c.value, DateValue):
        out["granularity"] = c.value.granularity
    if c.inferred:
        out["inferred"] = True
    if c.update:
        out["update"] = True
    if c.part:
        out["part"] = True
    return out


def _finding(f: Finding) -> dict[str, Any]:
    out: dict[str, Any] = {
        "attribute": f.attribute,
        "measure": f.measure,
        "verdict": f.verdict,
        "values": [{"value": value_to_json(v.value), "claims": list(v.claims)} for v in f.values],
        "note": f.note,
    }
    if f.kind is not None:
        out["kind"] = f.kind
    return out


def _event(e: Event) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": e.id,
        "type": e.type,
        "summary": e.summary,
        "sources": list(e.sources),
        "claims": [claim_to_json(c) for c in e.claims],
        "findings": [_finding(f) for f in e.findings],
    }
    if e.happening is not None:
        out["happening"] = e.happening
    if e.separations:
        out["not_merged"] = [
            {"event": s.other_event, "mention": s.mention, "other_mention": s.other_mention,
             "reason": s.reason}
            for s in e.separations
        ]
    return out


def kept_apart(report: Report) -> list[tuple[Event, Separation]]:
    """One (event, separation) per pair of events kept apart, the first reason given,
    in event order: what the people-facing reports list under "Kept apart"."""
    pairs: list[tuple[Event, Separation]] = []
    seen: set[tuple[str, str]] = set()
    for e in report.events:
        for s in e.separations:
            pair = (e.id, s.other_event)
            if id_key(e.id) < id_key(s.other_event) and pair not in seen:
                seen.add(pair)
                pairs.append((e, s))
    return pairs


def tally(report: Report) -> dict[str, int]:
    """Counts of findings by verdict, for summaries."""
    counts = {"agree": 0, "compatible": 0, "conflict": 0, "single": 0}
    for e in report.events:
        for f in e.findings:
            counts[f.verdict] += 1
    return counts


def report_to_dict(report: Report) -> dict[str, Any]:
    """The report as plain JSON-ready data."""
    return _report_dict(report, [_event(e) for e in report.events])


def _report_dict(report: Report, events: Any) -> dict[str, Any]:
    t = tally(report)
    return {
        "schema": SCHEMA,
        "tool": {"name": "reconcile", "version": __version__},
        "sources": [_source(s, report) for s in report.sources],
        "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
        "warnings": list(report.warnings),
        "events": events,
        "summary": {
            "sources": len(report.sources),
            "events": len(report.events),
            "agreements": t["agree"],
            "conflicts": t["conflict"],
            "compatible": t["compatible"],
            "single": t["single"],
            "skipped": len(report.skipped),
        },
    }


def write_json(report: Report, write: Callable[[str], None]) -> None:
    """The text of :func:`render_json`, passed to ``write`` event by event: a report of
    a hundred thousand articles is never held as one string."""
    write_indented(_report_dict(report, LazyList(report.events, _event)), write)
    write("\n")


def render_json(report: Report) -> str:
    """The report as indented JSON (the same text as ``json.dumps(..., indent=2)``)."""
    return dumps_indented(_report_dict(report, LazyList(report.events, _event))) + "\n"

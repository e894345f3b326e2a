"""The markdown report, for people: conflicts first, then agreements, then
single-source claims in brief.  Every piece of source text is escaped so that it
renders as inert text on GitHub: it cannot break a table, open a link, run HTML or
notify anyone with an @mention."""

from __future__ import annotations



from ..model import Claim, Event, Finding, Report, Source, value_to_json
from .json_report import tally

_MAX_QUOTE = 300
_ESCAPES = {
    "\\": "\\\\", "`": "&#96;", "*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]",
    "<": "&lt;", ">": "&gt;", "|": "\\|", "#": "&#35;", "!": "\\!", "~": "\\~",
    "@": "&#64;", "&": "&amp;", "$": "&#36;",
}


def escape(text: str, limit: int | None = None) -> str:
    """Make source text inert in markdown, on one line, optionally shortened."""
    text = " ".join(text.split())
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return "".join(_ESCAPES.get(ch, ch) for ch in text)


def _value(v: object) -> str:
    data = value_to_json(v)  # type: ignore[arg-type]
    if isinstance(data, dict):
        if "currency" in data:
            per = f" per {data['per']}" if data.get("per") else ""
            q = "" if data.get("qualifier") == "exact" else f" ({data['qualifier']})"
            return escape(f"{data['currency'] or ''} {data['value']:,}{per}{q}".strip())
        if "qualifier" in data:
            hi = f"–{data['high']:,}" if data.get("high") is not None else ""
            q = "" if data["qualifier"] == "exact" else f" ({data['qualifier']})"
            return escape(f"{data['value']:,}{hi}{q}")
        if "name" in data:
            country = f" ({data['country']})" if data.get("country") else ""
            return escape(f"{data['name']}{country}")
    return escape(str(data))


def _quote(c: Claim) -> str:
    """The sentence with the claimed text in bold."""
    s = c.sentence
    i = s.find(c.text)
    if i < 0:
        return escape(s, _MAX_QUOTE)
    before, after = s[:i], s[i + len(c.text):]
    room = max(40, (_MAX_QUOTE - len(c.text)) // 2)
    before = ("…" + before[-room:]) if len(before) > room else before
    after = (after[:room] + "…") if len(after) > room else after
    return f"{escape(before)}**{escape(c.text)}**{escape(after)}"


def _finding_name(f: Finding) -> str:
    return f"{f.attribute} ({escape(f.measure)})" if f.measure else f.attribute


def _conflict(e: Event, f: Finding, paths: dict[str, str]) -> list[str]:
    claims = {c.id: c for c in e.claims}
    lines = [f"**{_finding_name(f)}**: {escape(f.note or 'the values differ')}", "",
             "| value | source | said by | quote |", "| --- | --- | --- | --- |"]
    for v in f.values:
        for cid in v.claims:
            c = claims[cid]
            lines.append(
                f"| {_value(v.value)} | {c.source} `{escape(paths[c.source])}` "
                f"| {escape(c.attribution or '—')} | {_quote(c)} |"
            )
    lines.append("")
    return lines


def _event_heading(e: Event) -> str:
    return f"### {e.id}: {escape(e.summary)}"


def _values_brief(f: Finding) -> str:
    return ", ".join(_value(v.value) for v in f.values)


def render_markdown(report: Report) -> str:
    paths = {s.id: s.path for s in report.sources}
    t = tally(report)
    out: list[str] = ["# Reconciliation report", ""]
    out.append(
        f"{len(report.sources)} sources, {len(report.events)} events: "
        f"**{t['conflict']} conflicts**, {t['agree']} agreements, "
        f"{t['compatible']} compatible, {t['single']} single-source findings."
    )
    out.append("")
    if report.skipped:
        out.append("Skipped sources:")
        out.extend(f"- `{escape(s.path)}`: {escape(s.reason)}" for s in report.skipped)
        out.append("")
    if report.warnings:
        out.append("Warnings:")
        out.extend(f"- {escape(w)}" for w in report.warnings)
        out.append("")

    conflicted = [e for e in report.events if any(f.verdict == "conflict" for f in e.findings)]
    conflicted_ids = {e.id for e in conflicted}  # a set: membership is O(1), not O(events)
    out += ["## Conflicts", ""]
    if not conflicted:
        out += ["No conflicts found.", ""]
    for e in conflicted:
        out += [_event_heading(e), ""]
        for f in e.findings:
            if f.verdict == "conflict":
                out += _conflict(e, f, paths)
        others = [f for f in e.findings if f.verdict in ("agree", "compatible")]
        if others:
            out.append("Also: " + "; ".join(
                f"{_finding_name(f)} {'agree' if f.verdict == 'agree' else 'compatible'} "
                f"({_values_brief(f)})"
                for f in others) + ".")
            out.append("")

    out += ["## Agreements", ""]
    agreed = [(e, f) for e in report.events for f in e.findings
              if f.verdict in ("agree", "compatible") and e.id not in conflicted_ids]
    if not agreed:
        out += ["No agreements across sources.", ""]
    else:
        out += ["| event | attribute | verdict | value | sources |", "| --- | --- | --- | --- | --- |"]
        for e, f in agreed:
            note = f" ({escape(f.note)})" if f.note else ""
            out.append(f"| {e.id}: {escape(e.summary)} | {_finding_name(f)} | {f.verdict}{note} "
                       f"| {_values_brief(f)} | {', '.join(f.sources)} |")
        out.append("")

    out += ["## Single-source claims", ""]
    singles = [e for e in report.events if all(f.verdict == "single" for f in e.findings)]
    if not singles:
        out += ["None.", ""]
    for e in singles:
        facts = "; ".join(f"{_finding_name(f)} {_values_brief(f)}" for f in e.findings)
        out.append(f"- {e.id} ({', '.join(e.sources)}): {escape(e.summary)}. {facts}")
    out.append("")

    seps = [(e, s) for e in report.events for s in e.separations if e.id < s.other_event]
    if seps:
        out += ["## Kept apart", "", "Similar mentions that were not merged, and why:", ""]
        for e, s in seps:
            out.append(f"- {e.id} and {s.other_event}: {escape(s.reason)}")
        out.append("")

    out += ["## Sources", "", "| id | path | title | published | dates resolved against |",
            "| --- | --- | --- | --- | --- |"]
    for src in report.sources:
        out.append(_source_row(src, report))
    out.append("")
    if any(s.content_type == "html" for s in report.sources):
        out += ["Spans of HTML sources are offsets into the article text extracted from the HTML.", ""]
    return "\n".join(out)


def _source_row(s: Source, report: Report) -> str:
    anchor, basis = report.anchors.get(s.id, (None, "none"))
    pub = f"{s.published.isoformat()} ({s.published_basis})" if s.published else "unknown"
    anc = f"{anchor.isoformat()} ({basis})" if anchor else "none (years left open)"
    return (f"| {s.id} | `{escape(s.path)}` | {escape(s.title or '—', 120)} | {pub} | {anc} |")



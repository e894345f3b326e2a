"""The markdown report, for people: conflicts first, then agreements, then
single-source claims in brief.  Every piece of source text is escaped so that it
renders as inert text on GitHub: it cannot break a table, open a link, run HTML,
notify anyone with an @mention or reference an issue, and stays on one bounded line."""

from __future__ import annotations

import re
import unicodedata

from ..model import Claim, Event, Finding, Report, Source, _id_key, value_to_json
from ..numbers import vague_words
from .json_report import tally

_MAX_QUOTE = 300
_MAX_TEXT = 500
"""Any other piece of source text (titles, warnings, paths, ...) is cut to this."""
_ESCAPES = {
    "\\": "\\\\", "`": "&#96;", "*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]",
    "<": "&lt;", ">": "&gt;", "|": "\\|", "#": "&#35;", "!": "\\!", "~": "\\~",
    "@": "&#64;", "&": "&amp;", "$": "&#36;",
}
_ESCAPE_TABLE = str.maketrans(_ESCAPES)  # str.translate: one C pass over the text
_ZWSP = "&#8203;"
# Control characters and bidirectional overrides (which could reorder what a reader
# sees) are shown as U+FFFD.
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# GitHub links @user and #123 after rendering, whatever entity spelled the sign, so a
# zero-width space goes between the sign and the name; URLs and www. are autolinked
# from the raw text, so their ':' and '.' are spelled as entities.
_AFTER_SIGN = re.compile(r"(&#64;|&#35;)(?=\w)")
_URL_COLON = re.compile(r":(?=//)")
_WWW_DOT = re.compile(r"(?<![\w.])(www)\.", re.IGNORECASE)
# What would start a block (list item, ordered list, setext underline) at line start.
_BLOCK_START = re.compile(r"[-+](?=\s|$)|=+$|\d{1,9}(?=[.)](?:\s|$))")


def _flat(text: str, limit: int | None) -> str:
    """One line: control characters replaced, whitespace runs collapsed, shortened."""
    text = " ".join(_INVISIBLE.sub("\ufffd", text).split())
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def escape(text: str, limit: int | None = _MAX_TEXT) -> str:
    """Make source text inert in markdown, on one line, shortened to ``limit``."""
    out = _flat(text, limit).translate(_ESCAPE_TABLE)
    out = _AFTER_SIGN.sub(rf"\1{_ZWSP}", out)
    out = _URL_COLON.sub("&#58;", out)
    out = _WWW_DOT.sub(r"\1&#46;", out)
    m = _BLOCK_START.match(out)
    if m:
        out = (out[: m.end()] + "\\" + out[m.end():]) if m.group()[0].isdigit() \
            else "\\" + out
    return out


def _inline(text: str, limit: int | None = _MAX_TEXT) -> str:
    """Like :func:`escape`, but a leading or trailing space survives (one space), so
    escaped pieces can be joined around markup."""
    core = escape(text, limit)
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() else ""
    return (lead + core + trail) if core else (lead or trail)


def _punct(ch: str) -> bool:
    """Punctuation or a symbol, as CommonMark's emphasis (flanking) rules see it."""
    return unicodedata.category(ch)[0] in "PS"


def code(text: str, table: bool = False) -> str:
    """Text as an inline code span (inert: no markup, links or mentions inside).  In a
    table cell, text with a ``|`` is escaped as plain text instead, since a backslash
    before it could end the cell."""
    flat = _flat(text, _MAX_TEXT)
    if not flat or (table and "|" in flat):
        return escape(text)
    fence = "`" * (max((len(r) for r in re.findall("`+", flat)), default=0) + 1)
    pad = " " if flat[0] in "` " or flat[-1] in "` " else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def highlight(sentence: str, part: str, limit: int = _MAX_QUOTE) -> str:
    """``sentence`` escaped, with its first occurrence of ``part`` in bold.  The bold
    markers keep the spaces around them (``on **Wednesday**``) and still open and close
    next to punctuation (``US$**5**``): a zero-width space is put where CommonMark's
    flanking rules would otherwise print the asterisks."""
    core = part.strip()
    i = sentence.find(core) if core else -1
    if i < 0:
        return escape(sentence, limit)
    before, after = sentence[:i], sentence[i + len(core):]
    room = max(40, (limit - len(core)) // 2)
    before = ("…" + before[-room:]) if len(before) > room else before
    after = (after[:room] + "…") if len(after) > room else after
    b, t, a = _inline(before), escape(core, limit), _inline(after)
    if b and not b[-1].isspace() and not _punct(b[-1]) and _punct(t[0]):
        b += _ZWSP
    if a and not a[0].isspace() and not _punct(a[0]) and _punct(t[-1]):
        a = _ZWSP + a
    return f"{b}**{t}**{a}"


def value_text(v: object) -> str:
    """A normalized value as plain text ("USD 1,600,000 (approximate)")."""
    data = value_to_json(v)  # type: ignore[arg-type]
    if isinstance(data, dict):
        if "currency" in data:
            per = f" per {data['per']}" if data.get("per") else ""
            q = "" if data.get("qualifier") == "exact" else f" ({data['qualifier']})"
            hi = f"–{data['high']:,}" if data.get("high") is not None else ""
            words = (vague_words(data["value"], data.get("high"))
                     if data.get("qualifier") == "vague" else None)
            if words is not None:  # "USD billions (2,000,000,000–9,999,999,999) per year"
                return f"{data['currency'] or ''} {words} ({data['value']:,}{hi}){per}".strip()
            return f"{data['currency'] or ''} {data['value']:,}{hi}{per}{q}".strip()
        if "qualifier" in data:
            hi = f"–{data['high']:,}" if data.get("high") is not None else ""
            words = (vague_words(data["value"], data.get("high"))
                     if data["qualifier"] == "vague" else None)
            if words is not None:  # "hundreds of thousands (200,000–999,999)"
                return f"{words} ({data['value']:,}{hi})"
            q = "" if data["qualifier"] == "exact" else f" ({data['qualifier']})"
            return f"{data['value']:,}{hi}{q}"
        if "name" in data:
            country = f" ({data['country']})" if data.get("country") else ""
            return f"{data['name']}{country}"
    return str(data)


def _value(v: object) -> str:
    return escape(value_text(v))


def _quote(c: Claim) -> str:
    """The sentence with the claimed text in bold."""
    return highlight(c.sentence, c.text)


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
                f"| {_value(v.value)} | {c.source} {code(paths[c.source], table=True)} "
                f"| {escape(c.attribution or '—')} | {_quote(c)} |"
            )
    lines.append("")
    return lines


def _event_heading(e: Event) -> str:
    return f"### {e.id}: {escape(e.summary)}"


def _values_brief(f: Finding) -> str:
    return ", ".join(_value(v.value) for v in f.values)


def _n(count: int, noun: str) -> str:
    """A count and its noun: "1 conflict", "2 conflicts"."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def render_markdown(report: Report) -> str:
    paths = {s.id: s.path for s in report.sources}
    t = tally(report)
    out: list[str] = ["# Reconciliation report", ""]
    out.append(
        f"{_n(len(report.sources), 'source')}, {_n(len(report.events), 'event')}: "
        f"**{_n(t['conflict'], 'conflict')}**, {_n(t['agree'], 'agreement')}, "
        f"{t['compatible']} compatible, {_n(t['single'], 'single-source finding')}."
    )
    out.append("")
    if report.skipped:
        out.append("Skipped sources:")
        out.extend(f"- {code(s.path)}: {escape(s.reason)}" for s in report.skipped)
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

    seps = []
    seen_pairs: set[tuple[str, str]] = set()
    for e in report.events:
        for s in e.separations:
            pair = (e.id, s.other_event)
            if _id_key(e.id) < _id_key(s.other_event) and pair not in seen_pairs:
                seen_pairs.add(pair)  # one line per pair of events: the first reason
                seps.append((e, s))
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
    if report.copies:
        out += ["Copies of one story (a wire story reprinted) count as one witness: "
                + "; ".join(f"{c} reprints {o}" for c, o in sorted(
                    report.copies.items(), key=lambda kv: _id_key(kv[0]))) + ".", ""]
    if any(s.content_type == "html" for s in report.sources):
        out += ["Spans of HTML sources are offsets into the article text extracted from the HTML.", ""]
    return "\n".join(out)


def _source_row(s: Source, report: Report) -> str:
    anchor, basis = report.anchors.get(s.id, (None, "none"))
    pub = f"{s.published.isoformat()} ({s.published_basis})" if s.published else "unknown"
    anc = f"{anchor.isoformat()} ({basis})" if anchor else "none (years left open)"
    return (f"| {s.id} | {code(s.path, table=True)} | {escape(s.title or '—', 120)} | {pub} "
            f"| {anc} |")



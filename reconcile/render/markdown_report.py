"""The markdown report, for people: conflicts first, then agreements, then
single-source claims in brief.  Every piece of source text is escaped so that it
renders as inert text on GitHub: it cannot break a table, open a link, run HTML,
notify anyone with an @mention or reference an issue, and stays on one bounded line."""

from __future__ import annotations

import re
import unicodedata

from ..model import (
    Claim,
    Event,
    Finding,
    Report,
    Source,
    id_key,
)
from .json_report import kept_apart, tally
from .kinds import kind_line, superseded_line
from ..words import basis_words, day_words, value_words

_MAX_QUOTE = 300
_MAX_TEXT = 500
"""Any other piece of source text (titles, warnings, paths, ...) is cut to this."""
_ESCAPES = {
    "\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]",
    "<": "\\<", ">": "\\>", "|": "\\|", "#": "\\#", "~": "\\~", "$": "\\$",
}
"""Backslash escapes (CommonMark's, for ASCII punctuation): they read well in the raw
file and render as the character itself, never as markup; no HTML entities and no
invisible characters (the output layer would spell those out)."""
_ESCAPE_TABLE = str.maketrans(_ESCAPES)  # str.translate: one C pass over the text
# Control characters and bidirectional overrides (which could reorder what a reader
# sees) are shown as U+FFFD.
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# What GitHub would turn into a link or a notification even when escaped (it links the
# rendered text): a URL or anything with "://", www., an e-mail address, @name, #123.
# Such a token is shown as an inline code span, which nothing links and which reads
# the same raw and rendered; it never holds a backtick or a pipe (a table cell).
_LINKABLE = re.compile(
    r"[^\s`|<>]*://[^\s`|<>]*|(?<![\w.])[wW][wW][wW]\.[^\s`|<>]*"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@[\w-]+|#\w+")
_LINKABLE_NO_SCHEME = re.compile(
    r"(?<![\w.])[wW][wW][wW]\.[^\s`|<>]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@[\w-]+|#\w+")
""":data:`_LINKABLE` without its first branch, for text with no "://" (which that branch
needs): that branch tries every word of every quote to its end and back."""
_ENTITY = re.compile(r"&(?=#?\w+;)")
# What would start a block (list item, ordered list, setext underline) at line start.
_BLOCK_START = re.compile(r"[-+](?=\s|$)|=+$|\d{1,9}(?=[.)](?:\s|$))")


def _flat(text: str, limit: int | None) -> str:
    """One line: control characters replaced, whitespace runs collapsed, shortened."""
    text = " ".join(_INVISIBLE.sub("\ufffd", text).split())
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def _linkable_spans(flat: str) -> list[tuple[int, int]]:
    """Where ``flat`` has linkable tokens, each widened over the backticks touching it
    and merged with a token those backticks join it to: a code span then never sits
    against an escaped backtick (``\\``@x` `` reads badly raw, and a parser that took
    the two backticks for one fence would leave ``@x`` live)."""
    spans: list[tuple[int, int]] = []
    if "://" in flat:
        finder = _LINKABLE
    elif "@" in flat or "#" in flat or "www." in flat.lower():
        finder = _LINKABLE_NO_SCHEME
    else:
        return spans  # every branch needs one of these
    for m in finder.finditer(flat):
        start, end = m.start(), m.end()
        floor = spans[-1][1] if spans else 0
        while start > floor and flat[start - 1] == "`":
            start -= 1
        while end < len(flat) and flat[end] == "`":
            end += 1
        if spans and start == spans[-1][1]:
            start = spans.pop()[0]
        spans.append((start, end))
    return spans


def escape(text: str, limit: int | None = _MAX_TEXT) -> str:
    """Make source text inert in markdown, on one line, shortened to ``limit``."""
    flat = _flat(text, limit)
    pieces: list[str] = []
    at = 0
    for lo, hi in _linkable_spans(flat):
        pieces.append(_entities(flat[at:lo].translate(_ESCAPE_TABLE)))
        pieces.append(_code_span(flat[lo:hi]))
        at = hi
    pieces.append(_entities(flat[at:].translate(_ESCAPE_TABLE)))
    out = "".join(pieces)
    start = _BLOCK_START.match(out)
    if start:
        out = (out[: start.end()] + "\\" + out[start.end():]) if start.group()[0].isdigit() \
            else "\\" + out
    return out


def _entities(text: str) -> str:
    """A backslash before each ``&`` that would start an entity ("&amp;", "&#64;")."""
    return _ENTITY.sub(r"\&", text) if "&" in text else text


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
    return _code_span(flat)


def _code_span(flat: str) -> str:
    """One line of text (not empty) as a code span: a fence longer than any backtick run
    inside, padded with a space where the text starts or ends with a backtick or space."""
    fence = "`" * (max((len(r) for r in re.findall("`+", flat)), default=0) + 1)
    pad = " " if flat[0] in "` " or flat[-1] in "` " else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def highlight(sentence: str, part: str, limit: int = _MAX_QUOTE) -> str:
    """``sentence`` escaped, with its first occurrence of ``part`` in bold.  The bold
    markers keep the spaces around them (``on **Wednesday**``).  Where CommonMark's
    flanking rules would print the asterisks (punctuation inside the marker, a letter
    outside: ``US**$5**``), the bold takes in the rest of the word (``**US$5**``).  A
    link or @mention that ``part`` cuts is taken in whole, and the pieces are escaped
    after the bold is placed, so that no piece is a mention its neighbour made inert."""
    core = part.strip()
    i = sentence.find(core) if core else -1
    if i < 0:
        return escape(sentence, limit)
    start, end = i, i + len(core)
    for lo, hi in _linkable_spans(_INVISIBLE.sub("\ufffd", sentence)):
        if lo < end and hi > start:  # a token the part touches goes in whole
            start, end = min(start, lo), max(end, hi)
    before, core, after = sentence[:start], sentence[start:end], sentence[end:]
    t = escape(core, limit)
    if t and _punct(t[0]):
        word = _WORD_END.search(before)
        if word is not None and not _punct(_inline(before)[-1]):
            before, core = before[: word.start()], before[word.start():] + core
    t = escape(core, limit)
    if t and _punct(t[-1]):
        word = _WORD_START.match(after)
        if word is not None and not _punct(_inline(after)[0]):
            core, after = core + word.group(), after[word.end():]
    room = max(40, (limit - len(core)) // 2)
    before = ("…" + before[-room:]) if len(before) > room else before
    after = (after[:room] + "…") if len(after) > room else after
    return f"{_inline(before)}**{escape(core, limit)}**{_inline(after)}"


_WORD_END = re.compile(r"[^\W_]+\Z")
_WORD_START = re.compile(r"[^\W_]+")


def _value(v: object) -> str:
    """A value in words ("13 April, year not stated", "at least 120,000"), escaped."""
    return escape(value_words(v))  # type: ignore[arg-type]


def _quote(c: Claim) -> str:
    """The sentence with the claimed text in bold."""
    return highlight(c.sentence, c.text)


def _finding_name(f: Finding) -> str:
    return f"{f.attribute} ({escape(f.measure)})" if f.measure else f.attribute


def _conflict(e: Event, f: Finding, paths: dict[str, str],
              sources: dict[str, Source]) -> list[str]:
    claims = {c.id: c for c in e.claims}
    kind = kind_line(e, f, sources) or f.note or "the values differ"
    lines = [f"**{_finding_name(f)}** — {escape(kind)}", "",
             "| value | source | said by | quote |", "| --- | --- | --- | --- |"]
    for v in f.values:
        seen: set[tuple[str, tuple[int, int]]] = set()
        for cid in v.claims:
            c = claims[cid]
            passage = (c.source, (c.span[0], c.span[1]))
            if passage in seen:  # one passage read by two mentions
                continue
            seen.add(passage)
            lines.append(
                f"| {_value(v.value)} | {c.source} {code(paths[c.source], table=True)} "
                f"| {escape(c.attribution or '—')} | {_quote(c)} |"
            )
    lines.append("")
    return lines


def _agreement(e: Event, f: Finding, sources: dict[str, Source]) -> str:
    """The verdict of an agreeing finding in words: "agree", "compatible (one date is
    more precise than the other)", "superseded: ..."."""
    update = superseded_line(e, f, sources)
    if update is not None:
        return escape(update)
    note = f" ({escape(f.note)})" if f.note else ""
    return f"{f.verdict}{note}"


def _event_heading(e: Event) -> str:
    return f"### {e.id}: {_title(e)}"


def _title(e: Event) -> str:
    """The event's summary, and for a toll the event of the happening it counts, where
    the toll's days of that happening are judged ("(happening: e2)")."""
    return escape(e.summary) + (f" (happening: {e.happening})" if e.happening else "")


def _values_brief(f: Finding) -> str:
    return ", ".join(_value(v.value) for v in f.values)


def _n(count: int, noun: str) -> str:
    """A count and its noun: "1 conflict", "2 conflicts"."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def render_markdown(report: Report) -> str:
    """The whole markdown report: one section after another, each built by its own function."""
    by_id = {s.id: s for s in report.sources}
    conflicted = [e for e in report.events if any(f.verdict == "conflict" for f in e.findings)]
    out = _summary(report)
    out += _conflicts(conflicted, by_id)
    out += _agreements(report, {e.id for e in conflicted}, by_id)
    out += _singles(report)
    out += _kept_apart(report)
    out += _sources(report)
    return "\n".join(out)


def _summary(report: Report) -> list[str]:
    """The title, the counts in one sentence, then skipped sources and warnings, if any."""
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
    return out


def _conflicts(conflicted: list[Event], by_id: dict[str, Source]) -> list[str]:
    """The conflicts section: per conflicted event, a table per conflict, then what agrees."""
    paths = {sid: s.path for sid, s in by_id.items()}
    out = ["## Conflicts", ""]
    if not conflicted:
        out += ["No conflicts found.", ""]
    for e in conflicted:
        out += [_event_heading(e), ""]
        for f in e.findings:
            if f.verdict == "conflict":
                out += _conflict(e, f, paths, by_id)
        out += _also(e, by_id)
    return out


def _also(e: Event, by_id: dict[str, Source]) -> list[str]:
    """The "Also:" line under a conflicted event: its agreeing findings, so none is lost."""
    others = [f for f in e.findings if f.verdict in ("agree", "compatible")]
    if not others:
        return []
    return ["Also: " + "; ".join(
        f"{_finding_name(f)} "
        + (escape(superseded_line(e, f, by_id) or "")
           or f"{'agree' if f.verdict == 'agree' else 'compatible'} "
              f"({_values_brief(f)})")
        for f in others) + ".", ""]


def _agreements(report: Report, conflicted_ids: set[str],
                by_id: dict[str, Source]) -> list[str]:
    """The agreements table, for events with no conflict (the others list theirs under "Also")."""
    out = ["## Agreements", ""]
    agreed = [(e, f) for e in report.events for f in e.findings
              if f.verdict in ("agree", "compatible") and e.id not in conflicted_ids]
    if not agreed:
        return out + ["No agreements across sources.", ""]
    out += ["| event | attribute | verdict | value | sources |", "| --- | --- | --- | --- | --- |"]
    for e, f in agreed:
        out.append(f"| {e.id}: {_title(e)} | {_finding_name(f)} "
                   f"| {_agreement(e, f, by_id)} "
                   f"| {_values_brief(f)} | {', '.join(f.sources)} |")
    out.append("")
    return out


def _singles(report: Report) -> list[str]:
    """The single-source section: one line per event that only one source told."""
    out = ["## Single-source claims", ""]
    singles = [e for e in report.events if all(f.verdict == "single" for f in e.findings)]
    if not singles:
        out += ["None.", ""]
    for e in singles:
        facts = "; ".join(f"{_finding_name(f)} {_values_brief(f)}" for f in e.findings)
        out.append(f"- {e.id} ({', '.join(e.sources)}): {_title(e)}. {facts}")
    out.append("")
    return out


def _kept_apart(report: Report) -> list[str]:
    """The "Kept apart" section (absent when empty): near-merges and why they were refused."""
    seps = kept_apart(report)
    if not seps:
        return []
    out = ["## Kept apart", "", "Similar mentions that were not merged, and why:", ""]
    for e, s in seps:
        out.append(f"- {e.id} and {s.other_event}: {escape(s.reason)}")
    out.append("")
    return out


def _sources(report: Report) -> list[str]:
    """The sources table, then notes on reprinted copies and on HTML spans, where they apply."""
    out = ["## Sources", "", "| id | path | title | published | dates resolved against |",
           "| --- | --- | --- | --- | --- |"]
    for src in report.sources:
        out.append(_source_row(src, report))
    out.append("")
    if report.copies:
        out += ["Copies of one story (a wire story reprinted) count as one witness: "
                + "; ".join(f"{c} reprints {o}" for c, o in sorted(
                    report.copies.items(), key=lambda kv: id_key(kv[0]))) + ".", ""]
    if any(s.content_type == "html" for s in report.sources):
        out += ["Spans of HTML sources are offsets into the article text extracted from the HTML.", ""]
    return out


def _source_row(s: Source, report: Report) -> str:
    anchor, basis = report.anchors.get(s.id, (None, "none"))
    pub = (f"{day_words(s.published)} ({basis_words(s.published_basis)})"
           if s.published else "unknown")
    anc = f"{day_words(anchor)} ({basis_words(basis)})" if anchor else "none (years left open)"
    return (f"| {s.id} | {code(s.path, table=True)} | {escape(s.title or '—', 120)} | {pub} "
            f"| {anc} |")



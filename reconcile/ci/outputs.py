"""Renderers for ``reconcile check``: text, markdown, GitHub annotations, SARIF, JSON.

Every renderer takes a :class:`~reconcile.ci.baseline.CheckResult` and returns text; none
reads files or the environment (SARIF reads only the installed package's own metadata,
for its links).  Output is deterministic (sorted as the check sorted it,
paths as reported).  New conflicts come first, explained from the newcomer's side:
which source, which value, quoted, against which sources and values, quoted.
"""

from __future__ import annotations

import json
import shlex
import urllib.parse
from typing import Any

from .._terminal import SafeText, safe_line
from .._version import __version__
from .baseline import CheckResult, Citation, Entry, NewConflict
from ..distribution import repository_url
from ..render.markdown_report import escape as md_escape
from ..render.markdown_report import highlight

GITHUB_MAX_ANNOTATIONS = 10
"""GitHub shows at most this many annotations of each level per step."""

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
HELP_PAGE = "blob/main/docs/check.md#sarif"
"""Where, in the project's repository, the rules are explained (the rules' ``helpUri``)."""
AUTOMATION_ID = "reconcile/check/"
"""SARIF ``automationDetails.id``: the category code scanning files results under."""
RULE_NEW = "new-conflict"
RULE_STALE = "stale-baseline-entry"
_QUOTE = 160

_REASONS = {
    "joined": "joined an acknowledged conflict",
    "narrowed": "a source or value left an acknowledged conflict",
    "new-source": "new source",
    "changed-source": "changed source",
    "among-known-sources": "no source is new: the tool, its event vocabulary or the "
                           "options changed",
}


# ------------------------------------------------------------------------- helpers


def _short(text: str, limit: int = _QUOTE) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def excerpt(c: Citation, limit: int = _QUOTE) -> str:
    """The claim's sentence on one line, shortened around the claimed text so the quote
    always shows it."""
    s = " ".join(c.sentence.split())
    if len(s) <= limit:
        return s
    i = s.find(c.text)
    if i < 0:
        return _short(s, limit)
    room = max(0, (limit - len(c.text)) // 2)
    start = max(0, min(i - room, len(s) - limit))
    end = start + limit
    # cut at word boundaries, never into the claimed text
    if start > 0 and not s[start - 1].isspace():
        space = s.find(" ", start, i)
        start = space + 1 if space >= 0 else start
    if end < len(s) and not s[end].isspace():
        space = s.rfind(" ", i + len(c.text), end)
        end = space if space >= 0 else end
    return ("…" if start else "") + s[start:end].strip() + ("…" if end < len(s) else "")


def _where(c: Citation) -> str:
    return f"{c.path}:{c.line}:{c.column}" if c.line is not None else c.path


def _said(c: Citation) -> str:
    by = f" (said by {c.attribution})" if c.attribution else ""
    return f"{c.value} (\"{_short(c.text, 60)}\"){by}"


def _others(n: NewConflict, c: Citation) -> str:
    parts: dict[str, list[str]] = {}
    for o in n.against(c):
        parts.setdefault(o.value, [])
        if o.path not in parts[o.value]:
            parts[o.value].append(o.path)
    return "; ".join(f"{v} in {', '.join(ps)}" for v, ps in parts.items())


def headline(n: NewConflict) -> str:
    """One sentence from the newcomer's side, e.g. ``b.txt says 2021-06-15 ("June
    15, 2021") on the date of deportation, against 2021-06-14 in a.txt``."""
    c = n.primary
    more = len(n.newcomer_paths) - 1
    who = c.path + (f" (and {more} more new source{'s' if more > 1 else ''})" if more > 0 else "")
    return (f"{who} says {_said(c)} on the {n.conflict.what} of {n.conflict.event_type}, "
            f"against {_others(n, c) or 'another value'}")


def title(n: NewConflict) -> str:
    return f"New conflict: {n.conflict.event_type} {n.conflict.what}"


def _summary_line(result: CheckResult) -> str:
    parts = [
        f"{len(result.new)} new conflict{'s' if len(result.new) != 1 else ''}",
        f"{len(result.acknowledged)} acknowledged",
        f"{len(result.stale)} stale baseline entr{'ies' if len(result.stale) != 1 else 'y'}",
    ]
    src = f"{len(result.sources)} sources"
    if result.new_sources or result.changed_sources:
        src += (f", {len(result.new_sources)} new and {len(result.changed_sources)} changed "
                "since the baseline")
    verdict = "FAILED" if result.exit_code else "passed"
    return f"reconcile check {verdict}: {', '.join(parts)} ({src})"


def _hint(result: CheckResult) -> str | None:
    """The command that rewrites the baseline, ready to copy."""
    paths = shlex.join(result.paths) if result.paths else "PATHS"
    command = f"reconcile baseline {paths} -o {shlex.quote(result.baseline_path)}"
    if result.new:
        return ("if these conflicts are real disagreements between sources, acknowledge them "
                f"with: {command}")
    if result.stale:
        return f"remove stale entries with: {command}"
    return None


# ---------------------------------------------------------------------------- text


def render_text(result: CheckResult) -> str:
    """For a terminal: one ``path:line:col: message`` line per new conflict, details
    indented below it, then stale entries, then a summary line."""
    out: list[str] = []
    for n in result.new:
        out += _text_new(n)
    for e in result.stale:
        level = "error" if result.strict else "note"
        note = f" (note: {_short(e.note, 80)})" if e.note else ""
        out.append(f"{result.baseline_path}: {level}: stale baseline entry {e.fingerprint} "
                   f"(no longer found): {e.description}{note}")
    if result.stale:
        out.append("")
    out.append(_summary_line(result))
    hint = _hint(result)
    if hint:
        out.append(hint)
    return "".join(safe_line(line) + "\n" for line in out)


def _text_new(n: NewConflict) -> list[str]:
    """One new conflict for a terminal: where and what, then why it is new, each claim
    on both sides quoted, and the fingerprint to acknowledge it by."""
    c = n.primary
    out = [f"{_where(c)}: new conflict: {headline(n)}",
           f"    event: {n.conflict.event_summary}",
           f"    why new: {_REASONS[n.reason]}"
           + (f" (was {n.previous.fingerprint}: {n.previous.description})"
              if n.previous else "")]
    both = {(c.path, c.span): c for c in list(n.newcomers) + _against_all(n)}
    for cit in both.values():
        by = f" — {cit.attribution}" if cit.attribution else ""
        out.append(f"    {_where(cit)}: {cit.value}: \"{excerpt(cit)}\"{by}")
    out.append(f"    fingerprint: {n.conflict.fingerprint}")
    out.append("")
    return out


# ------------------------------------------------------------------------ markdown


def render_markdown(result: CheckResult) -> str:
    """For a pull request or a GitHub job summary: source text is escaped inert."""
    out = ["## reconcile check", "", md_escape(_summary_line(result)), ""]
    if result.new:
        out += ["### New conflicts", ""]
        for n in result.new:
            out += _md_new(n)
    out += _md_stale(result)
    out += _md_acknowledged(result)
    hint = _hint(result)
    if hint:
        out += [md_escape(hint), ""]
    return "\n".join(out)


def _md_new(n: NewConflict) -> list[str]:
    """One new conflict in markdown: a heading, why it is new, a table of the claims
    (the newcomers' first), and the fingerprint to acknowledge it by."""
    out = [(f"#### {md_escape(n.conflict.event_type)} "
            f"{md_escape(n.conflict.what)}: {md_escape(n.conflict.event_summary)}"), "",
           f"{md_escape(headline(n))} — *{md_escape(_REASONS[n.reason])}*", "",
           "| side | value | source | said by | quote |", "| --- | --- | --- | --- | --- |"]
    newcomer = {(c.path, c.span) for c in n.newcomers}
    for c in sorted(n.conflict.citations,
                    key=lambda c: ((c.path, c.span) not in newcomer, c.path, c.span)):
        side = "**new**" if (c.path, c.span) in newcomer else "existing"
        out.append(f"| {side} | {md_escape(c.value)} | {md_escape(_where(c))} "
                   f"| {md_escape(c.attribution or '—')} | {_md_quote(c)} |")
    out += ["", f"Fingerprint: `{n.conflict.fingerprint}`", ""]
    return out


def _md_stale(result: CheckResult) -> list[str]:
    """The stale entries in markdown (nothing when there are none), failing under --strict."""
    if not result.stale:
        return []
    failing = " (failing: `--strict`)" if result.strict else ""
    out = ["### Stale baseline entries", "",
           f"Acknowledged conflicts that no longer occur{failing}:", ""]
    out += [f"- `{e.fingerprint}`: {md_escape(e.description)}" for e in result.stale]
    out.append("")
    return out


def _md_acknowledged(result: CheckResult) -> list[str]:
    """The acknowledged conflicts, folded away in markdown, each with its note if any."""
    if not result.acknowledged:
        return []
    n_ack = len(result.acknowledged)
    plural = "s" if n_ack != 1 else ""
    out = [f"<details><summary>{n_ack} acknowledged conflict{plural}</summary>", ""]
    for conflict, entry in result.acknowledged:
        note = f" — note: {md_escape(entry.note)}" if entry.note else ""
        out.append(f"- `{conflict.fingerprint}`: {md_escape(conflict.description())}{note}")
    out += ["", "</details>", ""]
    return out


def _md_quote(c: Citation) -> str:
    """The cited excerpt with the claimed text in bold, as the markdown report does."""
    return highlight(excerpt(c), c.text)


# -------------------------------------------------------------------------- github


def escape_data(text: str) -> str:
    """Escape a workflow-command message: ``%``, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow-command property value: also ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(level: str, message: str, props: dict[str, str | int | None]) -> str:
    parts = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{level} {parts}::{escape_data(message)}" if parts else f"::{level}::{escape_data(message)}"


def render_github(result: CheckResult) -> str:
    """GitHub Actions workflow commands: errors (new conflicts) first, then warnings
    (stale entries; errors under ``--strict``).  GitHub shows at most ten annotations of
    a level per step: the rest are printed as plain log lines and counted in one notice."""
    errors: list[tuple[str, str]] = []  # (workflow command, plain log line)
    warnings: list[tuple[str, str]] = []
    errors += [_github_new(n) for n in result.new]
    for e in result.stale:
        level = "error" if result.strict else "warning"
        item = (_command(level, f"Stale baseline entry {e.fingerprint}: {e.description}",
                         {"file": result.baseline_path, "title": "Stale baseline entry"}),
                f"{result.baseline_path}: stale baseline entry {e.fingerprint}: {e.description}")
        (errors if result.strict else warnings).append(item)
    limit = GITHUB_MAX_ANNOTATIONS
    out = [safe_line(cmd, command=True)
           for cmd, _ in errors[:limit] + warnings[:limit]]
    # plain log lines go through safe_line: no text in them can become a command
    overflow = [safe_line(f"reconcile: {line}") for _, line in errors[limit:] + warnings[limit:]]
    if overflow:
        n_over = len(overflow)
        out.append(safe_line(_command(
            "notice",
            f"{n_over} more finding{'s' if n_over > 1 else ''} not shown as annotations "
            f"(GitHub shows at most {limit} per level and step); they are listed in the log",
            {"title": "reconcile: more findings"}), command=True))
        out += overflow
    out.append(safe_line(_summary_line(result)))
    hint = _hint(result)
    if hint:
        out.append(safe_line(hint))
    return SafeText("".join(line + "\n" for line in out))


def _github_new(n: NewConflict) -> tuple[str, str]:
    """One new conflict as an error annotation on its newcomer's line (the quotes on both
    sides in its message), and as the plain log line used past the annotation limit."""
    c = n.primary
    lines = [headline(n) + "."]
    for cit in n.newcomers:
        lines.append(f"{cit.path}: \"{excerpt(cit)}\"")
    for cit in _against_all(n):
        lines.append(f"{cit.path}: \"{excerpt(cit)}\"")
    lines.append(f"Event: {n.conflict.event_summary}. Fingerprint {n.conflict.fingerprint}.")
    one_line = c.end_line == c.line
    return (_command("error", "\n".join(lines), {
        "file": c.path, "line": c.line, "col": c.column,
        "endLine": c.end_line if one_line else None,
        "endColumn": c.end_column if one_line else None,
        "title": title(n),
    }), f"{_where(c)}: new conflict: {headline(n)}")


def _against_all(n: NewConflict) -> list[Citation]:
    """Every claim some newcomer claim contradicts, once each."""
    return list({(o.path, o.span): o for x in n.newcomers for o in n.against(x)}.values())


# --------------------------------------------------------------------------- SARIF


def _uri(path: str) -> str:
    return urllib.parse.quote(path, safe="/")


def _location(c: Citation) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(c.path)}}
    if c.line is not None:
        physical["region"] = {
            "startLine": c.line, "startColumn": c.column,
            "endLine": c.end_line, "endColumn": c.end_column,
            "snippet": {"text": c.text},
        }
    return {"physicalLocation": physical,
            "message": {"text": f"{c.value}: \"{excerpt(c)}\""}}


def check_to_sarif(result: CheckResult, repository: str | None = None) -> dict[str, Any]:
    """A SARIF 2.1.0 log with one run; columns count Unicode code points.  With the
    project's ``repository`` address, the tool and its rules link to it and its docs;
    without one, those optional links are left out."""
    rules: list[dict[str, Any]] = [
        {"id": RULE_NEW, "name": "NewConflict",
         "shortDescription": {"text": "A source contradicts the corpus"},
         "fullDescription": {"text": "Two or more sources give different values for the same "
                                     "attribute of one event, and no baseline entry "
                                     "acknowledges it."},
         "help": {"text": "Check the sources. If the disagreement is real, acknowledge it with "
                          "`reconcile baseline PATHS -o BASELINE` and add a note."},
         "defaultConfiguration": {"level": "error"}},
        {"id": RULE_STALE, "name": "StaleBaselineEntry",
         "shortDescription": {"text": "An acknowledged conflict no longer occurs"},
         "fullDescription": {"text": "The baseline acknowledges a conflict that the current "
                                     "sources no longer contain."},
         "help": {"text": "Rewrite the baseline with `reconcile baseline PATHS -o BASELINE`."},
         "defaultConfiguration": {"level": "warning"}},
    ]
    driver: dict[str, Any] = {"name": "reconcile", "version": __version__,
                              "semanticVersion": __version__}
    if repository is not None:
        driver["informationUri"] = repository
        for rule in rules:
            rule["helpUri"] = f"{repository}/{HELP_PAGE}"
    driver["rules"] = rules
    results: list[dict[str, Any]] = []
    for n in result.new:
        c = n.primary
        related = [dict(_location(o), id=i) for i, o in enumerate(_against_all(n), 1)]
        item: dict[str, Any] = {
            "ruleId": RULE_NEW, "ruleIndex": 0, "level": "error",
            "message": {"text": f"{headline(n)}. Event: {n.conflict.event_summary}."},
            "locations": [_location(c)],
            "partialFingerprints": {"reconcileConflict/v1": n.conflict.fingerprint},
            "properties": {"reason": n.reason, "event": n.conflict.event_summary,
                           "attribute": n.conflict.attribute, "measure": n.conflict.measure},
        }
        if related:
            item["relatedLocations"] = related
        results.append(item)
    for e in result.stale:
        results.append({
            "ruleId": RULE_STALE, "ruleIndex": 1,
            "level": "error" if result.strict else "warning",
            "message": {"text": f"Stale baseline entry {e.fingerprint}: {e.description}"},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": _uri(result.baseline_path)}}}],
            "partialFingerprints": {"reconcileStaleEntry/v1": e.fingerprint},
        })
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "automationDetails": {"id": AUTOMATION_ID},
            # the check ran to its end (findings or not); exit code 1 means new conflicts
            "invocations": [{"executionSuccessful": True, "exitCode": result.exit_code}],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def render_sarif(result: CheckResult) -> str:
    """SARIF, linking to the repository that the installed package's metadata names."""
    log = check_to_sarif(result, repository_url())
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------------------- JSON


def _citation(c: Citation) -> dict[str, Any]:
    return {"path": c.path, "value": c.value, "normalized": json.loads(c.key), "text": c.text,
            "span": list(c.span), "line": c.line, "column": c.column,
            "sentence": c.sentence, "attribution": c.attribution}


def _entry(e: Entry) -> dict[str, Any]:
    return {"fingerprint": e.fingerprint, "description": e.description, "note": e.note}


def check_to_dict(result: CheckResult) -> dict[str, Any]:
    """The check as JSON-ready data (schema ``reconcile.check/1``)."""
    return {
        "schema": "reconcile.check/1",
        "tool": {"name": "reconcile", "version": __version__},
        "exit_code": result.exit_code,
        "baseline": result.baseline_path,
        "summary": {"new": len(result.new), "acknowledged": len(result.acknowledged),
                    "stale": len(result.stale), "sources": len(result.sources),
                    "new_sources": list(result.new_sources),
                    "changed_sources": list(result.changed_sources)},
        "new": [{
            "fingerprint": n.conflict.fingerprint,
            "message": headline(n),
            "reason": n.reason,
            "previous": n.previous.fingerprint if n.previous else None,
            "event": {"type": n.conflict.event_type, "summary": n.conflict.event_summary,
                      "id": n.conflict.event_id},
            "attribute": n.conflict.attribute,
            "measure": n.conflict.measure,
            "newcomers": [_citation(c) for c in n.newcomers],
            "against": [_citation(c) for c in _against_all(n)],
        } for n in result.new],
        "acknowledged": [dict(_entry(e), event_id=c.event_id) for c, e in result.acknowledged],
        "stale": [_entry(e) for e in result.stale],
    }


def render_json(result: CheckResult) -> str:
    return json.dumps(check_to_dict(result), ensure_ascii=False, indent=2) + "\n"


RENDERERS = {
    "text": render_text,
    "markdown": render_markdown,
    "github": render_github,
    "sarif": render_sarif,
    "json": render_json,
}
"""Output format name -> renderer, in the order ``--format`` lists them."""

"""``reconcile extract`` as library functions: the expressions of whole articles (spans
in the article's text, relative dates resolved against an anchor) or of bare texts, as
the records the command writes, and those records as a table.

:func:`reconcile.extraction.expressions.extract` reads one text; this module adds what a listing
needs around it: the anchor each article is read against, and the JSON contract.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import Any

from .expressions import extract
from ..model import Expression, Source
from .anchor import resolve_anchor
from .._table import text_table

__all__ = ["compact_json", "expression_to_json", "extract_source", "extract_sources",
           "extract_text", "format_records",
           "records_table", "table_rows"]


def expression_to_json(expr: Expression) -> dict[str, Any]:
    """An expression as the extract contract writes it, with warnings when there are any."""
    out: dict[str, Any] = expr.to_json()
    warnings = getattr(expr.value, "warnings", ())
    if warnings:
        out["warnings"] = list(warnings)
    return out


def compact_json(data: Any) -> str:
    """JSON on one line without spaces, as the jsonl output and the table's values are."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def extract_source(source: Source, anchor: dt.date | None = None) -> dict[str, Any]:
    """The record of one article: ``{"id": path, "anchor", "anchor_basis",
    "expressions"}``, spans in ``source.text``.  Relative dates are resolved against
    ``anchor`` when given (basis "--anchor"), else against the article's own
    (:func:`reconcile.extraction.anchor.resolve_anchor`)."""
    day, basis = (anchor, "--anchor") if anchor is not None else resolve_anchor(source)
    start = source.body_start
    exprs = []
    for e in extract(source.text[start:], day):
        item = expression_to_json(e)
        item["span"] = [e.span[0] + start, e.span[1] + start]
        exprs.append(item)
    return {"id": source.path, "anchor": day.isoformat() if day else None,
            "anchor_basis": basis, "expressions": exprs}


def extract_text(ident: str | int | None, text: str,
                 anchor: dt.date | None = None) -> dict[str, Any]:
    """The record of one bare text (a JSONL input line): ``{"id", "expressions"}``."""
    return {"id": ident, "expressions": [expression_to_json(e) for e in extract(text, anchor)]}


def table_rows(record: dict[str, Any]) -> list[tuple[str, ...]]:
    """One table row per expression of a record: id, kind, span, text, value."""
    return [(str(record["id"]), e["kind"], f"{e['span'][0]}-{e['span'][1]}",
             " ".join(e["text"].split()), compact_json(e["value"]))
            for e in record["expressions"]]


def records_table(records: list[dict[str, Any]], id_header: str = "source") -> str:
    """Records as a text table, one row per expression, under ``id_header``."""
    rows: list[tuple[str, ...]] = [(id_header, "kind", "span", "text", "value")]
    for r in records:
        rows.extend(table_rows(r))
    return text_table(rows)


def extract_sources(sources: Sequence[Source], anchor: dt.date | None = None,
                    progress: Callable[[int, int], object] | None = None,
                    warn: Callable[[str], object] | None = None) -> list[dict[str, Any]]:
    """The records of several articles (:func:`extract_source`), in order: the library side
    of ``reconcile extract``, so that it can be called and tested without the CLI.
    ``progress(n, total)`` is called before the n-th article; ``warn`` gets each
    expression's warnings as "path:offset: 'text': warning"."""
    records: list[dict[str, Any]] = []
    for n, source in enumerate(sources, 1):
        if progress is not None:
            progress(n, len(sources))
        record = extract_source(source, anchor)
        if warn is not None:
            for item in record["expressions"]:
                for w in item.get("warnings", ()):
                    warn(f"{source.path}:{item['span'][0]}: {item['text']!r}: {w}")
        records.append(record)
    return records


def format_records(records: list[dict[str, Any]], fmt: str) -> str:
    """Records as ``reconcile extract`` writes them: "json" (one indented list), "jsonl"
    (one compact object a line) or "table" (anything else)."""
    if fmt == "json":
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(compact_json(r) + "\n" for r in records)
    return records_table(records)

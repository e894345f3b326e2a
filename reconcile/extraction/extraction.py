"""``reconcile extract`` as library functions: the expressions of whole articles (spans
in the article's text, relative dates resolved against an anchor) or of bare texts, as
the records the command writes, and those records as a table.

:func:`reconcile.extraction.expressions.extract` reads one text; this module adds what a listing
needs around it: the anchor each article is read against, and the JSON contract.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from .expressions import extract
from ..model import Expression, Source
from .anchor import resolve_anchor
from ..render.table import text_table

__all__ = ["compact_json", "expression_to_json", "extract_source", "extract_text",
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

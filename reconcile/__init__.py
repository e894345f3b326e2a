"""reconcile: cross-source fact reconciliation for news articles.

The pipeline is one subpackage per stage: ``read`` (sources) -> ``extraction`` ->
``match`` -> ``judge`` (verdicts) -> ``render``, and ``ci`` (baseline and check); the
shared lower layers (``model``, ``comparison``, ``text``, ``english``, ``gazetteer``,
``vague``, ``words``) and the entry points (``pipeline``, ``cli``, ``engines``, ``cache``,
``claims``) stay at the top.  The public API is re-exported here (imported lazily, so
``import reconcile.extraction.temporal`` stays cheap)::

    import reconcile
    report = reconcile.reconcile(["seeds/"])
    print(reconcile.render_markdown(report))
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

_EXPORTS = {
    "reconcile": "pipeline",
    "extract": "extraction.expressions",
    "extract_source": "extraction.extraction",
    "extract_text": "extraction.extraction",
    "list_claims": "claims",
    "claims_json": "claims",
    "claims_table": "claims",
    "render_json": "render",
    "render_markdown": "render",
    "report_to_dict": "render",
    "ReconcileError": "errors",
    "InputError": "errors",
    "ConfigError": "errors",
    "check": "ci.baseline",
    "build_baseline": "ci.baseline",
    "load_baseline": "ci.baseline",
    "render_baseline": "ci.baseline",
    **{name: "model" for name in (
        "Amount", "Claim", "DateValue", "Event", "Expression", "Finding", "Group",
        "Mention", "Place", "Quantity", "Report", "Source",
    )},
}

__all__ = ["__version__", *sorted(_EXPORTS)]

if TYPE_CHECKING:  # pragma: no cover
    from .ci.baseline import build_baseline, check, load_baseline, render_baseline
    from .claims import claims_json, claims_table, list_claims
    from .errors import ConfigError, InputError, ReconcileError
    from .extraction.expressions import extract
    from .extraction.extraction import extract_source, extract_text
    from .model import (
        Amount, Claim, DateValue, Event, Expression, Finding, Group, Mention, Place,
        Quantity, Report, Source,
    )
    from .pipeline import reconcile
    from .render import render_json, render_markdown, report_to_dict


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'reconcile' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value

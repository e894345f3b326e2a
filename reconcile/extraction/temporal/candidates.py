"""A candidate expression (span, kind, value, priority) and the context every handler
reads (the text and its anchor)."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from reconcile.model import DateValue
from .tables import Kind


@dataclass
class _Cand:
    start: int
    end: int
    kind: Kind
    value: DateValue | str
    priority: int = 0
    # calendar parts for merges: (year or None, month or None, day or None)
    parts: tuple[int | None, int | None, int | None] | None = field(default=None)
    # the TimeML SIGNAL folded into the value ("after" in "after 2018"), outside the span
    signal: tuple[int, int] | None = None


@dataclass
class _Ctx:
    text: str
    anchor: _dt.date | None


Handler = Callable[[re.Match[str], _Ctx], "_Cand | list[_Cand] | None"]

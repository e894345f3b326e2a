"""The front matter block (``---`` ... ``---``) opening an article: title, outlet,
url and publication date."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from .helpers import _one_line, _lines
from .dates import _metadata_date, _unreadable_date


_MAX_FRONT_MATTER_LINES = 100


_FM_FENCE = re.compile(r"---[ \t]*")
# ``key:`` then nothing or whitespace and a value.  The value is stripped in code, not
# with a lazy group before a trailing ``\s*`` (quadratic on a long run of spaces).
_FM_LINE = re.compile(r"[ \t]*([A-Za-z][A-Za-z0-9_.\-]*)[ \t]*:(\s.*)?", re.DOTALL)
_FM_KEYS = {"title": "title", "outlet": "outlet", "url": "url", "published": "published",
            "date": "published"}


@dataclass
class _Meta:
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: _dt.date | None = None


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value.strip()


def _front_matter(text: str) -> tuple[_Meta, int, list[str]]:
    """Parse the front matter block; returns metadata, the offset after the block
    (0 when there is none) and warnings."""
    lines = _lines(text)
    first = next(lines, None)
    if first is None or not _FM_FENCE.fullmatch(text[first[0]:first[1]]):
        return _Meta(), 0, []
    meta = _Meta()
    notes: list[str] = []
    pending: list[str] = []
    seen: set[str] = set()
    for number, (s, e, nxt) in enumerate(lines, start=2):
        if number > _MAX_FRONT_MATTER_LINES + 1:
            break
        line = text[s:e]
        if _FM_FENCE.fullmatch(line):
            notes.extend(pending)
            return meta, nxt, notes
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        m = _FM_LINE.fullmatch(line)
        if not m:
            pending.append(
                f"front matter line {number} is not 'key: value'; ignored: "
                f"{_one_line(stripped, 60)}"
            )
            continue
        key, value = m.group(1).lower(), _unquote(m.group(2) or "")
        field_name = _FM_KEYS.get(key)
        if field_name is None:
            pending.append(f"front matter line {number}: unknown key '{_one_line(key, 40)}' ignored")
            continue
        if field_name in seen:
            pending.append(f"front matter line {number}: repeated key '{key}'; the last one wins")
        seen.add(field_name)
        if not value:
            setattr(meta, field_name, None)
            continue
        if field_name == "published":
            parsed = _metadata_date(value)
            if isinstance(parsed, str):
                pending.append(_unreadable_date(f"front matter line {number}", "date", value,
                                                 parsed))
                meta.published = None
                continue
            if parsed.weekday_mismatch:
                pending.append(
                    f"front matter line {number}: weekday does not match date "
                    f"'{_one_line(value, 60)}'"
                )
            meta.published = parsed.date
        else:
            setattr(meta, field_name, value)
    return _Meta(), 0, [
        "front matter opened with '---' but not closed; read as text without front matter"
    ]

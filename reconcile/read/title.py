"""An article's title when no metadata gives one: a Markdown heading or a short first
line, past bylines, captions and breadcrumbs."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .helpers import _nonblank_lines
from .dates import _parse_date
from .header import _MAX_TITLE, _dateline_at, _is_header_like, _HEADER_LABEL


_TITLE_LINES = 10


_MD_HEADING = re.compile(r"[ \t]{0,3}#{1,6}\s(.*)", re.DOTALL)
_MD_CLOSING = re.compile(r"\s#+$")


def _md_heading(line: str) -> str | None:
    """The text of an ATX heading line (``## Title ##`` -> ``Title``), else None.
    Trailing spaces and closing hashes are removed in code: a lazy group before a
    trailing whitespace pattern was quadratic on a long run of spaces."""
    m = _MD_HEADING.fullmatch(line)
    if m is None:
        return None
    text = m.group(1).rstrip()
    closing = _MD_CLOSING.search(text[-200:])
    if closing is not None:
        text = text[: len(text) - len(text[-200:]) + closing.start()].rstrip()
    return text.strip()


_BYLINE = re.compile(r"(?i)\s*(?:by|written by|reporting by|photo:|credit:)\s")
# A photo caption or credit: "Officers at the port. (Photo: Agency)", "File photo",
# "Picture by ...", "AFP/Getty Images", "REUTERS/Jane Doe": never an article's title.
_CAPTION = re.compile(
    r"(?i)(?:^|[(\[|/.·–—-])\s*(?:photo(?:graph)?|picture|image|credit)s?\s*(?::|by\b|courtesy\b)"
    r"|\bfile\s+(?:photo|picture|image)\b|\bgetty\s+images\b"
    r"|\b(?:AP|AFP|EPA|REUTERS)\s*(?:photo\b|/)")
_CRUMB_SEP = re.compile(r"(?<=\s)[>»›/\\](?=\s)")  # one character: linear on long blanks
_MAX_CRUMB_PREFIX = 40


def _is_breadcrumb(line: str, others: Sequence[str]) -> bool:
    """Page furniture above an article: a breadcrumb trail ("Home > World > Asia"), or
    one glued to the headline that another top line states alone ("HomeasiaCambodia
    deports ..." above "Cambodia deports ...")."""
    key = _norm(line)
    for other in others:
        tail = _norm(other)
        if len(tail) >= 12 and key != tail and key.endswith(tail) \
                and len(key) - len(tail) <= _MAX_CRUMB_PREFIX:
            return True
    if len(line.strip()) > _MAX_TITLE:
        return False
    parts = _CRUMB_SEP.split(line.strip())
    return len(parts) >= 3 and all(0 < len(p.split()) <= 3 for p in parts)


def _past_furniture(text: str, start: int) -> int:
    """``start`` moved past breadcrumb lines and photo captions that open the body, so
    that no claim is read, and no quote taken, from page furniture."""
    lines = [(s, e, nxt) for _, (s, e, nxt) in zip(range(_TITLE_LINES),
                                                   _nonblank_lines(text, start))]
    top = [text[s:e] for s, e, _ in lines]
    for s, e, nxt in lines:
        line = text[s:e]
        if not (_is_breadcrumb(line, top) or (len(line) <= 2 * _MAX_TITLE
                                              and _CAPTION.search(line))):
            break
        start = nxt
    return start


def _norm(line: str) -> str:
    return " ".join(line.split()).casefold()


def _infer_title(text: str, start: int, markdown: bool) -> str | None:
    """The title from the top lines of a body that has none in metadata: the lines
    before the first one that is not header-like (or is a dateline), screened by
    :func:`_could_be_title`, and chosen by :func:`_pick_title`."""
    top_lines = [text[s:e] for _, (s, e, _nxt) in zip(range(_TITLE_LINES),
                                                       _nonblank_lines(text, start))]
    top: list[str] = []
    candidates: list[tuple[str, bool]] = []  # (title, is markdown heading)
    for count, (s, e, _nxt) in enumerate(_nonblank_lines(text, start)):
        if count >= _TITLE_LINES:
            break
        raw = text[s:e]
        heading = _md_heading(raw) if markdown else None
        line = " ".join((heading if heading is not None else raw).strip(" \t*_").split())
        if heading is None and (not _is_header_like(raw) or _dateline_at(text, s, e)):
            break
        top.append(line)
        if _could_be_title(line, top_lines):
            candidates.append((line, heading is not None))
    return _pick_title(candidates, top)


def _could_be_title(line: str, top_lines: Sequence[str]) -> bool:
    """Whether a top line (cleaned) may be the title: short, of two words or more, not
    a sentence or label, and not a date, byline, caption, breadcrumb or address."""
    return not (
        len(line) > _MAX_TITLE
        or len(line.split()) < 2
        or not any(ch.isalpha() for ch in line)
        or line.endswith((":", "."))
        or _parse_date(line) is not None
        or _parse_date(_HEADER_LABEL.sub("", line, count=1)) is not None
        or _BYLINE.match(line)
        or _CAPTION.search(line)
        or _is_breadcrumb(line, top_lines)
        or "://" in line
    )


def _pick_title(candidates: Sequence[tuple[str, bool]], top: Sequence[str]) -> str | None:
    """Of the candidate (title, is heading) pairs, one that the top lines repeat (a
    headline stated twice is the title), else the first heading, else the first line."""
    if not candidates:
        return None
    normalized = [_norm(t) for t in top]
    for title, _ in candidates:
        key = _norm(title)
        if len(key) >= 12 and sum(1 for other in normalized if key in other) >= 2:
            return title
    for title, is_heading in candidates:
        if is_heading:
            return title
    return candidates[0][0]

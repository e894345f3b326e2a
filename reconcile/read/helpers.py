"""Small helpers of the readers: one-line messages, path labels, text without lone
surrogates, lines with their offsets."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator


STDIN = "-"
_STDIN_LABEL = "<stdin>"


def _one_line(value: str, limit: int = 200) -> str:
    """A value safe to embed in a one-line message: control characters escaped."""
    out = "".join(
        ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
        for ch in value[:limit]
    )
    return out + ("..." if len(value) > limit else "")


def _label(path: str) -> str:
    return _STDIN_LABEL if path == STDIN else _one_line(path, 500)


def _posix(path: str) -> str:
    """The path for display: normalized, POSIX separators, and bytes that are not UTF-8
    (kept by Python as lone surrogates, which no output could encode) as ``\\xff``."""
    path = os.path.normpath(path)
    path = path.replace(os.sep, "/") if os.sep != "/" else path
    return _no_surrogates(os.fsencode(path).decode("utf-8", "backslashreplace"))


def _no_surrogates(value: str) -> str:
    """``value`` with any lone surrogate (from a file name or a JSON ``\\udcff`` escape)
    spelled as a backslash escape, so that it can be written as UTF-8."""
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        return value.encode("utf-8", "backslashreplace").decode("utf-8")


_NEWLINE = re.compile(r"\r\n|\r|\n")


def _lines(text: str, start: int = 0) -> Iterator[tuple[int, int, int]]:
    """``(line_start, content_end, next_line_start)`` for each line from ``start``.
    Only CR, LF and CRLF end a line (unlike ``str.splitlines``)."""
    pos, n = start, len(text)
    while pos < n:
        m = _NEWLINE.search(text, pos)
        if m is None:
            yield pos, n, n
            return
        yield pos, m.start(), m.end()
        pos = m.end()


def _nonblank_lines(text: str, start: int = 0) -> Iterator[tuple[int, int, int]]:
    for s, e, nxt in _lines(text, start):
        if text[s:e].strip():
            yield s, e, nxt

"""Checks that a markdown report is inert on GitHub (shared by test_hostile and test_fuzz).

Outside code spans, as rendered (backslash escapes resolved): no HTML, no link or image
brackets, no @mention or #reference, no autolink, no HTML entity (one reads badly in the
raw file), no control or bidi-override characters; every table row has its header's
number of cells.  Inside code spans nothing is interpreted, so they are removed first.
"""

from __future__ import annotations

import re

_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_ENTITY = re.compile(r"&#?\w+;")


def rendered_text(line: str) -> str:
    """What a reader sees of a line outside code spans: CommonMark's backslash escapes
    resolved; an escaped ``<`` or bracket (literal, never markup) becomes ``·``."""
    text = _CODE_SPAN.sub("", line)
    return _ESCAPED.sub(lambda m: "·" if m[1] in "<[]&" else m[1], text)


def table_cells(line: str) -> int:
    """Cells of a GFM table row: pipes not escaped by a backslash, minus one."""
    count, i = 0, 0
    while i < len(line):
        if line[i] == "\\":
            i += 2
            continue
        count += line[i] == "|"
        i += 1
    return count - 1


def assert_inert(md: str) -> None:
    """Fail when something in ``md`` could act on a reader of the rendered report."""
    header = 0
    for line in md.splitlines():
        if line.startswith("| "):
            if set(line) <= set("|- "):
                continue
            cells = table_cells(line)
            if not header or line.startswith(("| value |", "| id |", "| event |")):
                header = cells
            assert cells == header, line
        else:
            header = 0
        text = rendered_text(line)
        assert "<" not in text, line
        assert not re.search(r"[\[\]]", text), line
        assert not re.search(r"@\w", text) and not re.search(r"#\w", text), line
        assert "://" not in text and not re.search(r"(?i)\bwww\.", text), line
        assert not _ENTITY.search(text), line  # no HTML entity: escapes read well raw
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]", md)

"""Checks that a markdown report is inert on GitHub (shared by test_hostile and test_fuzz).

Outside code spans, as rendered (backslash escapes resolved): no HTML, no link or image
brackets, no @mention or #reference, no autolink, no HTML entity (one reads badly in the
raw file), no control or bidi-override characters; every table row has its header's
number of cells.  Inside code spans nothing is interpreted, so they are removed first.
"""

from __future__ import annotations

import re

_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_FENCE = re.compile("`+")
_ENTITY = re.compile(r"&#?\w+;")


def rendered_text(line: str) -> str:
    """What a reader sees of a line outside code spans, read left to right as CommonMark
    does: a backslash before ASCII punctuation makes it literal (an escaped ``<``, bracket
    or ``&``, never markup, becomes ``·``); a run of backticks opens a code span that
    the next run of the same length closes (inside, backslashes are literal), and a run
    with no such closer is literal text.  Checked against cmark-gfm, GitHub's parser."""
    out: list[str] = []
    i = 0
    while i < len(line):
        ch = line[i]
        if ch == "\\" and i + 1 < len(line) and line[i + 1] in _PUNCT:
            out.append("·" if line[i + 1] in "<[]&" else line[i + 1])
            i += 2
        elif ch == "`":
            run = _FENCE.match(line, i)
            assert run is not None
            close = next((m for m in _FENCE.finditer(line, run.end())
                          if len(m.group()) == len(run.group())), None)
            if close is None:
                out.append(run.group())
                i = run.end()
            else:
                i = close.end()
        else:
            out.append(ch)
            i += 1
    return "".join(out)


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

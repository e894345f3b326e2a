"""What the tool prints, made inert: the one place every printed line goes through.

Text read from sources (article text, file names, ids, notes in a baseline) ends up
in the tool's output.  Printed raw, it could act on whoever reads that output:

- **Terminal escapes.**  C0 and C1 control characters (ESC and CSI/OSC sequences, a
  carriage return that overwrites a line, a newline that starts a line of its own) and
  DEL are shown as ``\\xNN``.
- **Trojan Source.**  Bidirectional overrides, embeddings and isolates (U+202A-U+202E,
  U+2066-U+2069), marks (U+200E, U+200F, U+061C), zero-width and other invisible format
  characters (general category Cf: U+200B, U+2060, U+FEFF, soft hyphen, tags, ...),
  line and paragraph separators, Hangul fillers and lone surrogates are shown as
  ``\\uNNNN`` (or ``\\UNNNNNNNN``), so what a reader sees is what the bytes say.
- **CI workflow commands.**  The GitHub Actions runner reads a log line whose text,
  after leading white space, starts with ``::`` as a command (``::error ...``,
  ``::add-mask::``), and also reads the legacy syntax ``##[command]`` *anywhere* in a
  line.  A printed line never starts with ``::`` (its first colon becomes ``\\x3a``)
  and never contains ``##[`` (the second ``#`` becomes ``\\x23``), unless the renderer
  made that line a command on purpose (``command=True``).

JSON output (``--format json``, ``sarif``, ``jsonl``) stays valid JSON with the same
data: :func:`safe_json` spells the same characters as ``\\uNNNN`` escapes inside strings
(a JSON line cannot start with ``::`` since text is always quoted).

Escaping is not reversible for a text that already contains ``\\x1b`` literally; it is
for reading, not for parsing (parse the JSON formats).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

__all__ = ["SafeText", "escape_text", "is_workflow_command", "safe_json", "safe_json_writer",
           "safe_line", "safe_text"]

_EXTRA_INVISIBLE = "\u115f\u1160\u3164\uffa0"
"""Hangul fillers: letters (category Lo) that render as nothing."""

# A fast first pass: any character that might need escaping; each hit is then checked.
_CANDIDATE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\xad\u034f\u0600-\u0605\u061c\u06dd\u070f"
    "\u0890-\u0891\u08e2\u115f-\u1160\u17b4-\u17b5\u180b-\u180f\u200b-\u200f"
    "\u2028-\u202e\u2060-\u206f\u3164\ud800-\udfff\ufe00-\ufe0f\ufeff\uffa0"
    "\ufff0-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)
"""A superset of what :func:`_needs_escape` accepts (a test checks every code point),
so that the callback runs only on rare characters."""

_CANDIDATE_BUT_NEWLINE = re.compile(_CANDIDATE.pattern.replace("\x0a-\x1f", "\x0b-\x1f"))
""":data:`_CANDIDATE` without the newline, which JSON text and multi-line text keep as
it is: a big output has a newline every line, and a callback for each was most of the
escaping time."""
_ASCII_CANDIDATE = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
"""The ASCII characters :data:`_CANDIDATE_BUT_NEWLINE` matches."""


def _needs_escape(ch: str) -> bool:
    if ch == "\t":
        return False
    cat = unicodedata.category(ch)
    return cat in ("Cc", "Cf", "Cs", "Zl", "Zp") or ch in _EXTRA_INVISIBLE \
        or "\ufe00" <= ch <= "\ufe0f" or "\U000e0100" <= ch <= "\U000e01ef"


def _spell(ch: str) -> str:
    n = ord(ch)
    if n <= 0xFF:
        return f"\\x{n:02x}"
    return f"\\u{n:04x}" if n <= 0xFFFF else f"\\U{n:08x}"


def _replace(m: re.Match[str]) -> str:
    ch = m.group()
    return _spell(ch) if _needs_escape(ch) else ch


def escape_text(text: str) -> str:
    """``text`` with every control, format (invisible, bidi) and separator character
    spelled as a visible escape; a tab is kept.  Other characters are unchanged."""
    return _CANDIDATE.sub(_replace, text)


_LEADING = re.compile(r"[\s\u200b\u2060\ufeff]*")
"""What a reader may skip before ``::`` (more than the runner's white space, to be safe)."""
_LEGACY = re.compile(r"##\[")


def safe_line(line: str, *, command: bool = False) -> str:
    """One printed line made inert (see the module docstring): escaped, with no legacy
    ``##[`` command anywhere, and not starting with ``::`` unless ``command`` says the
    renderer made the line a workflow command on purpose."""
    out = escape_text(line)
    if "##[" in out:
        out = _LEGACY.sub(r"#\\x23[", out)
    if not command:
        lead = _LEADING.match(out).end()  # type: ignore[union-attr]
        if out.startswith("::", lead):
            out = out[:lead] + "\\x3a" + out[lead + 1:]
    return out


class SafeText(str):
    """Text whose lines already went through :func:`safe_line` (a renderer that writes
    workflow commands on purpose returns one, so they are not neutralized again)."""


def safe_text(text: str) -> str:
    """Multi-line text with each line passed through :func:`safe_line`; line ends are
    kept.  :class:`SafeText` is returned as it is."""
    if isinstance(text, SafeText):
        return text
    if "::" not in text and "##[" not in text and not _CANDIDATE_BUT_NEWLINE.search(text):
        return text  # no line would change: the common case, without a pass per line
    lines = text.split("\n")
    return "\n".join(safe_line(line) for line in lines)


# --------------------------------------------------------------------------- JSON

def _json_escape_one(m: re.Match[str]) -> str:
    ch = m.group()
    if ch == "\n" or not _needs_escape(ch):  # a raw newline in JSON text is layout
        return ch
    n = ord(ch)
    if n <= 0xFFFF:
        return f"\\u{n:04x}"
    n -= 0x10000
    return f"\\u{0xD800 + (n >> 10):04x}\\u{0xDC00 + (n & 0x3FF):04x}"


_JSON_LEGACY = re.compile(r"(?<=#)#(?=\[)")


def safe_json(text: str) -> str:
    """JSON text (as ``json.dumps(..., ensure_ascii=False)`` writes it) with the same
    data and no raw control, invisible or separator character, no lone surrogate (it
    becomes a ``\\udXXX`` escape, so the output is valid UTF-8) and no ``##[``.  Outside
    strings JSON holds only ASCII structure, so every replacement falls inside a string,
    where ``\\uNNNN`` means the same character."""
    # a newline is kept anyway; ASCII text can only hold the ASCII candidates, which a
    # simpler pattern scans several times faster
    out = (_ASCII_CANDIDATE if text.isascii() else _CANDIDATE_BUT_NEWLINE).sub(
        _json_escape_one, text)
    if "##[" in out:
        out = _JSON_LEGACY.sub(r"\\u0023", out)
    return out


def safe_json_writer(write: Callable[[str], None]) -> tuple[Callable[[str], None],
                                                             Callable[[], None]]:
    """``(put, flush)``: ``put`` passes JSON text to ``write`` through :func:`safe_json`
    in pieces, holding back trailing ``#`` so that a ``##[`` split across two pieces is
    still caught; call ``flush`` at the end."""
    carry = ""

    def put(piece: str) -> None:
        nonlocal carry
        text = carry + piece
        cut = len(text.rstrip("#"))
        cut = max(cut, len(text) - 2)
        carry = text[cut:]
        if cut:
            write(safe_json(text[:cut]))

    def flush() -> None:
        nonlocal carry
        if carry:
            write(safe_json(carry))
            carry = ""

    return put, flush


# ------------------------------------------------------------------------ checking

_V2 = re.compile(r"::[A-Za-z0-9_-]+")


def is_workflow_command(line: str) -> bool:
    """Could the GitHub Actions runner read ``line`` as a workflow command, in either
    syntax?  (``::name...`` after leading white space, or ``##[`` anywhere.)  Used by
    the tests on every line the tool prints."""
    lead = _LEADING.match(line).end()  # type: ignore[union-attr]
    return "##[" in line or _V2.match(line, lead) is not None

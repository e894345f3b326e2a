"""Sources: find article files, read them safely, and read their metadata.

``discover(paths)`` expands the paths a user gave into article files;
``read_sources(paths)`` turns each into a :class:`~reconcile.model.Source` (or a
:class:`~reconcile.model.SkippedSource` with the reason) plus one-line warnings.

Decisions (the contract other stages rely on):

**Paths.**  Paths are reported as the user wrote them, lexically normalized
(``./seeds/`` -> ``seeds``), relative stays relative, POSIX separators.  Folders are
walked recursively for ``.txt .md .markdown .html .htm`` (any case); dot-prefixed files
and folders below a given folder are skipped; symbolic links found inside a folder are
followed only when they point to a regular file inside one of the given folders
(symlinked folders are not descended into: their files are reached through the folder
itself).  A file named explicitly is always taken, whatever its extension (it is read
as plain text unless it is ``.md``/``.markdown``/``.html``/``.htm``), hidden or not.
Files that resolve to the same real file are read once (the first spelling in sorted
order is kept).  Paths are sorted by code point (like ``ls`` in the C locale), and
``-`` (standard input) comes **last**, so adding ``-`` never renumbers the files.
Ids ``s1, s2, ...`` follow that order, counting only the sources actually read.

**Decoding and offsets.**  Every offset (``body_start`` and every later span) is into
``Source.text``, which is the file's text exactly as decoded: a byte-order mark is
removed, **line endings are not normalized** (a CRLF file keeps its ``\\r\\n``), nothing
else is changed.  Order: UTF-8 BOM / UTF-16 or UTF-32 BOM -> strict UTF-8 -> UTF-16
without BOM (recognized from its NUL pattern, with a warning) -> mostly-UTF-8 with a few
invalid bytes (replaced by U+FFFD, with a warning) -> charset-normalizer.  When
charset-normalizer's candidates include Windows-1252 it is preferred (its guesses among
Latin code pages are unreliable on short texts; Latin-1 text decodes identically), with
the warning ``PATH: not UTF-8, decoded as cp1252``.  A run of NUL bytes at the very end
(padding left by an interrupted download or copy) is dropped with a warning; a few NUL
bytes inside the text (at most one per hundred bytes) are kept, with a warning.  Files
with more NUL bytes or many control characters, or that no encoding decodes, are
skipped as binary; empty or whitespace-only files, and files with nothing after their
front matter, are skipped as empty.  Files over ``max_bytes`` are skipped unread, naming
the limit; more than ``max_files`` article files is an InputError (before any is read).
For HTML, ``Source.text`` is the extracted main text (see :mod:`reconcile._html`) and
offsets refer to that extracted text.

**Front matter** (``.txt``, ``.md``, other explicit files and standard input, not HTML):
a first line ``---``, then ``key: value`` lines, then a closing ``---`` within the first
100 lines.  Keys (case-insensitive): ``title``, ``outlet``, ``url``, ``published``
(``date`` is accepted as an alias of ``published``).  Values may be quoted.  Unknown keys,
lines that are not ``key: value``, repeated keys (the last wins) and unreadable dates are
warned about and ignored; an unclosed block means the file has no front matter (warning).
The front matter stays in ``Source.text``; ``body_start`` points after its closing line.

**Precedence of metadata**, field by field: manifest > front matter (or explicit HTML
``<meta>``, with its own basis ``"html-meta"``) > what is inferred from the text.
The manifest wins because the user wrote it for this run; when it contradicts the file's
own published date, a warning says so.

**Publication date inferred from the text** (when no metadata gives one): first a
dateline with a full date at the start of a paragraph near the top ("LONDON, March 21,
2013 —"; basis ``"dateline"``), because it is the article's own statement; else a page
header: one of the first five non-empty lines, preceded only by short heading-like lines,
that is entirely a date ("Tuesday, May 28, 2024", "2024-05-28", "28 May 2024", optionally
with a clock time; basis ``"page-header"``, which on a scraped page may be the scrape day:
callers should treat it as an upper bound).  A weekday that contradicts the date is
warned about.  A dateline without a year gives no date.  ``body_start`` is moved past a
page-header date line whatever gave the published date, so the header is never read as
an event date.

**Title** (when no metadata gives one): among the first non-empty lines before the first
paragraph (a line over 160 characters, ending with a period, or opening with a dateline),
the lines of at least two words that are not dates, bylines or labels; a heading that
also appears inside another top line (breadcrumb trail + headline) is preferred, then a
Markdown ``#`` heading, then the first candidate.  None when nothing is plausible.

**Manifest** (``manifest=FILE``): CSV with a header row (``.tsv``: tab-separated), or
JSON: a list of objects, or an object mapping file -> object.  Fields ``file`` (required),
``title``, ``outlet``, ``url``, ``published``.  ``file`` is resolved against the
manifest's folder and matched to the discovered files by real path (``-`` names standard
input).  An entry for a file that is not among the given paths is warned about and never
read.  A malformed manifest raises :class:`~reconcile.errors.ConfigError`.

Only :class:`~reconcile.errors.InputError` (bad paths) and
:class:`~reconcile.errors.ConfigError` (bad manifest) are raised; unreadable files are
skipped with a reason.  Input files are only ever opened for reading.
"""

from __future__ import annotations

import codecs
import csv
import datetime as _dt
import functools
import io
import json
import os
import re
import stat
import sys
from dataclasses import dataclass, field
from collections.abc import Callable, Iterator, Sequence
from typing import BinaryIO, Literal, TextIO

from reconcile import english, gazetteer
from reconcile._io import read_config_text
from reconcile.errors import ConfigError, InputError
from reconcile.model import Place, PublishedBasis, SkippedSource, Source
from reconcile.text import Sentence

__all__ = [
    "ARTICLE_EXTENSIONS",
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_FILES",
    "Dateline",
    "discover",
    "find_dateline",
    "parse_full_date",
    "read_sources",
]

ARTICLE_EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm")
"""Extensions (case-insensitive) of the files taken from a folder."""

DEFAULT_MAX_BYTES = 10_000_000
"""Files larger than this are skipped unread (``--max-bytes``)."""
DEFAULT_MAX_FILES = 100_000
"""More article files than this in one run is an input error (``--max-files``): it is
almost always a wrong folder, and would take hours."""

ContentType = Literal["text", "markdown", "html"]

STDIN = "-"
_STDIN_LABEL = "<stdin>"

_MAX_FRONT_MATTER_LINES = 100
_HEADER_LINES = 5
_TITLE_LINES = 10
_MAX_TITLE = 160
_DATELINE_LINES = 8
_DATELINE_CHARS = 5000


# ------------------------------------------------------------------- helpers


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


# --------------------------------------------------------------------- dates

_MONTHS = {w[:3]: n for w, n in english.MONTHS.items()}  # read by their first three letters
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAYS = {w[:3]: n for w, n in english.WEEKDAYS.items()}
_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"\d{4}"
_TIME = (
    r"(?:\s*(?:,|at|\||-|–|—)?\s*\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*(?:[a-z]{2,5}|(?:utc|gmt)\s*[+-]\s*\d{1,2}(?::?\d{2})?))?)?"
)
_FULL_DATE = re.compile(
    rf"""(?:(?P<wd>{_WEEKDAY}),?\s+)?
    (?:
        (?P<m1>{_MONTH})\s+(?P<d1>{_DAY}),?\s+(?P<y1>{_YEAR})
      | (?:the\s+)?(?P<d2>{_DAY})(?:\s+of)?\s+(?P<m2>{_MONTH}),?\s+(?P<y2>{_YEAR})
      | (?P<y3>{_YEAR})-(?P<n3>\d{{1,2}})-(?P<d3>\d{{1,2}})
        (?:[T ]\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?(?:z|[+-]\d{{2}}:?\d{{2}})?)?
      | (?P<y4>{_YEAR})/(?P<n4>\d{{1,2}})/(?P<d4>\d{{1,2}})
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_FULL_DATE_LINE = re.compile(
    rf"[\s*_]*(?:{_FULL_DATE.pattern}){_TIME}[\s*_.]*", re.IGNORECASE | re.VERBOSE
)


@dataclass(frozen=True)
class _ParsedDate:
    date: _dt.date
    weekday_mismatch: bool = False


def _day(value: str) -> int:
    return int(value.rstrip("stndrhSTNDRH"))


def _date_from_match(m: re.Match[str]) -> _ParsedDate | None:
    g = m.groupdict()
    try:
        if g["y1"]:
            y, mo, d = int(g["y1"]), _MONTHS[g["m1"][:3].lower()], _day(g["d1"])
        elif g["y2"]:
            y, mo, d = int(g["y2"]), _MONTHS[g["m2"][:3].lower()], _day(g["d2"])
        elif g["y3"]:
            y, mo, d = int(g["y3"]), int(g["n3"]), int(g["d3"])
        else:
            y, mo, d = int(g["y4"]), int(g["n4"]), int(g["d4"])
        if not 1000 <= y <= 9999:
            return None
        date = _dt.date(y, mo, d)
    except (ValueError, KeyError, TypeError):
        return None
    mismatch = False
    if g.get("wd"):
        mismatch = _WEEKDAYS[g["wd"][:3].lower()] != date.weekday()
    return _ParsedDate(date, mismatch)


_MAX_DATE_CHARS = 120
"""Longer values are not a date; the cap also bounds the regex work on hostile values."""


def _parse_date(value: str, *, allow_time: bool = True) -> _ParsedDate | None:
    value = value.strip()
    if len(value) > _MAX_DATE_CHARS:
        return None
    pattern = _FULL_DATE_LINE if allow_time else _FULL_DATE
    m = pattern.fullmatch(value)
    return _date_from_match(m) if m else None


def parse_full_date(value: str) -> _dt.date | None:
    """A complete calendar date written in one of the forms reconcile reads from front
    matter, manifests and page headers: ``2024-05-28`` (also with a time, or with
    slashes), ``May 28, 2024``, ``Tuesday, May 28, 2024``, ``28 May 2024``, month names
    full or abbreviated, optionally followed by a clock time.  None otherwise (including
    impossible dates and forms that are ambiguous, such as ``05/06/2024``)."""
    parsed = _parse_date(value)
    return parsed.date if parsed else None


_DATEPARSER_SETTINGS = {
    # A full date or nothing: no "March 2024", no day or year taken from today.
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    # Absolute dates only: no "yesterday" or "2 days ago" (a metadata value has no
    # reference day), no Unix timestamps, no digit runs split into a date.
    "PARSERS": ["absolute-time"],
}
_FOUR_DIGIT_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_NUMERIC_YEAR_FIRST = re.compile(r"\s*\d{4}\s*[-/.]")


@functools.lru_cache(maxsize=4096)
def _metadata_date(value: str) -> _ParsedDate | str:
    """A publication date given as metadata (front matter, manifest, HTML ``<meta>``),
    or why it cannot be read.  The forms of :func:`_parse_date` first (no dependency);
    then whatever dateparser reads in any language ("3 mars 2024", "3. März 2024",
    "03.03.2024"), strictly: day, month and a four-digit year must all be written, no
    relative dates, and a numeric date whose day and month could be swapped is refused.
    The date is the one written, in the value's own time zone (never converted)."""
    value = value.strip()
    if len(value) > _MAX_DATE_CHARS:
        return "too long for a date"
    parsed = _parse_date(value)
    if parsed is not None:
        return parsed
    if not _FOUR_DIGIT_YEAR.search(value):
        return "no four-digit year"
    if _NUMERIC_YEAR_FIRST.match(value):
        return "year first but not year-month-day"
    import dateparser

    # Read day-first and month-first: two different dates mean the value does not say
    # which it is; one order failing (a 13th month) is no doubt.
    dates = set()
    for order in ("DMY", "MDY"):
        try:
            got = dateparser.parse(value, settings={**_DATEPARSER_SETTINGS, "DATE_ORDER": order})
        except Exception:  # noqa: BLE001 - a third-party parser on untrusted text
            got = None
        if got is not None and 1000 <= got.year <= 9999:
            dates.add(got.date())
    if not dates:
        return "not a complete calendar date"
    if len(dates) > 1:
        return "day and month could be swapped"
    return _ParsedDate(dates.pop())


def _unreadable_date(where: str, what: str, value: str, why: str) -> str:
    """The warning for a metadata date that is not read: where, the value, and why."""
    return (f"{where}: cannot read {what} '{_one_line(value, 60)}' ({why}; "
            "write it as YYYY-MM-DD); ignored")


# ------------------------------------------------------------------- discover


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _within(path: str, roots: Sequence[str]) -> bool:
    for root in roots:
        try:
            if os.path.commonpath([path, root]) == root:
                return True
        except ValueError:
            continue
    return False


class _TooMany(Exception):
    """More article files than the max_files limit."""


def _too_many(limit: int) -> InputError:
    return InputError(
        f"more than {limit:,} article files in the given paths (the max_files limit; "
        "raise it with --max-files)"
    )


def _walk(folder: str, roots: Sequence[str], limit: int,
          skipped: list[SkippedSource] | None = None) -> list[tuple[str, str]]:
    """(display path, filesystem path) of the article files below ``folder``; stops with
    an InputError as soon as there are more than ``limit``.

    Iterative (an explicit stack, not recursion), so a folder nested thousands deep is
    read like any other.  A subfolder that cannot be read is skipped like an unreadable
    file (added to ``skipped`` with the reason); ``folder`` itself unreadable is an
    InputError."""
    found: list[tuple[str, str]] = []
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as err:
            if current == folder:
                raise InputError(f"cannot read folder: {_one_line(folder)}: "
                                 f"{err.strerror or err}") from None
            if skipped is not None:
                skipped.append(SkippedSource(_posix(current),
                                             f"cannot read folder: {err.strerror or err}"))
            continue
        subfolders: list[str] = []
        for entry in entries:
            name = entry.name
            if _is_hidden(name):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    subfolders.append(entry.path)
                    continue
            except OSError:
                continue
            if not name.lower().endswith(ARTICLE_EXTENSIONS):
                continue
            full = entry.path
            try:
                st = os.lstat(full)
                if stat.S_ISLNK(st.st_mode):
                    target = os.path.realpath(full)
                    if not _within(target, roots):
                        continue
                    st = os.stat(full)
            except OSError:
                continue  # vanished, a dangling link, or a link loop
            if stat.S_ISREG(st.st_mode):
                found.append((_posix(full), full))
                if len(found) > limit:
                    raise _TooMany
        stack.extend(reversed(subfolders))
    return found


def _discover(paths: Sequence[str], max_files: int = DEFAULT_MAX_FILES,
              skipped: list[SkippedSource] | None = None) -> list[tuple[str, str]]:
    if isinstance(paths, (str, bytes)):
        paths = [paths]
    roots: list[str] = []
    for p in paths:
        if p != STDIN and p and os.path.isdir(p):
            roots.append(os.path.realpath(p))
    candidates: list[tuple[str, str]] = []
    want_stdin = False
    for p in paths:
        if not isinstance(p, str):
            raise InputError(f"not a path: {_one_line(repr(p))}")
        if p == STDIN:
            want_stdin = True
            continue
        if not p or not os.path.exists(p):
            raise InputError(f"no such file or folder: {_one_line(p)}")
        if os.path.isdir(p):
            try:
                files = _walk(p, roots, max_files - len(candidates), skipped)
            except _TooMany:
                raise _too_many(max_files) from None
            if not files:
                exts = " ".join(ARTICLE_EXTENSIONS)
                raise InputError(f"no article files ({exts}) in folder: {_one_line(p)}")
            candidates.extend(files)
        else:
            candidates.append((_posix(p), p))
        if len(candidates) > max_files:
            raise _too_many(max_files)
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    for display, fs_path in sorted(candidates):
        real = os.path.realpath(fs_path)
        if real in seen:
            continue
        seen.add(real)
        out.append((display, fs_path))
    if want_stdin:
        out.append((STDIN, STDIN))
    return out


def discover(paths: Sequence[str], max_files: int = DEFAULT_MAX_FILES) -> list[str]:
    """Expand files and folders into a sorted, de-duplicated list of article paths.

    Folders are walked recursively for ``.txt .md .markdown .html .htm`` files (any
    case), skipping dot-prefixed files and folders and symlinks that point outside the
    given folders.  Paths keep the user's form (relative stays relative), normalized,
    with POSIX separators.  ``-`` (standard input) is kept as ``-`` and comes last.

    Raises InputError for a missing path (``no such file or folder: PATH``), for a
    folder without article files and for more than ``max_files`` files.
    """
    return [display for display, _ in _discover(paths, max_files)]


# ------------------------------------------------------------------ decoding


class _Skip(Exception):
    """A file that cannot be read as an article; the message is the reason."""


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_NOT_CP1252 = frozenset({"utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be"})


def _too_many_controls(text: str) -> bool:
    if not text:
        return False
    return len(_CONTROL.findall(text)) > max(2, len(text) // 50)


def _decode_without_bom_utf16(data: bytes) -> tuple[str, str] | None:
    """Recognize BOM-less UTF-16 text (mostly ASCII) by where its NUL bytes sit."""
    if len(data) < 8 or len(data) % 2:
        return None
    half = len(data) // 2
    even, odd = data[0::2].count(0), data[1::2].count(0)
    for enc, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros >= 0.6 * half and other <= 0.02 * half:
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                return None
            if "\x00" not in text and not _too_many_controls(text):
                return text, enc
    return None


def _charset_normalizer_decode(data: bytes) -> tuple[str, str] | None:
    names: list[str] = []
    try:
        import charset_normalizer

        for match in charset_normalizer.from_bytes(data, cp_exclusion=sorted(_NOT_CP1252)):
            names.append(str(match.encoding))
            names.extend(str(c) for c in match.could_be_from_charset)
    except Exception:  # noqa: BLE001 - no detector, or detection failed: undecodable
        return None
    if not names:
        return None
    western = {"cp1252", "latin_1", "iso8859_15", "iso8859_1", "ascii"}
    if any(n in western for n in names):
        for enc, name in (("cp1252", "cp1252"), ("latin-1", "latin-1")):
            try:
                return data.decode(enc), name
            except UnicodeDecodeError:
                continue
    for name in names:
        try:
            return data.decode(name), name
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few stray invalid bytes: decode with U+FFFD replacements."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    good = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if bad > 0 and good >= 2 * bad:
        return text
    return None


def _decode(data: bytes, declared: str | None = None) -> tuple[str, list[str]]:
    """Decode file bytes; returns text and warning messages (without the path)."""
    notes: list[str] = []
    for bom, enc in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            try:
                text = body.decode(enc)
            except UnicodeDecodeError:
                text = body.decode(enc, "replace")
                notes.append(f"invalid {enc.upper()} bytes replaced with U+FFFD")
            return text, notes
    if 0 in data:
        guessed = _decode_without_bom_utf16(data)
        if guessed is not None:
            notes.append(f"no byte-order mark, decoded as {guessed[1].upper()}")
            return guessed[0], notes
        body = data.rstrip(b"\x00")
        padding, nuls = len(data) - len(body), body.count(0)
        if nuls * 100 > len(body):
            raise _Skip("binary file (contains NUL bytes)")
        if padding:
            notes.append(f"{padding:,} trailing NUL byte{'s' if padding > 1 else ''} ignored")
        if nuls:
            notes.append(f"contains {nuls} NUL byte{'s' if nuls > 1 else ''}")
        data = body
    try:
        return data.decode("utf-8"), notes
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            if codecs.lookup(declared).name != "utf-8":
                return data.decode(declared), notes
        except (LookupError, UnicodeDecodeError):
            pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        notes.append("invalid UTF-8 bytes replaced with U+FFFD")
        return mostly, notes
    guessed = _charset_normalizer_decode(data)
    if guessed is None:
        raise _Skip("binary or undecodable file (no text encoding fits)")
    notes.append(f"not UTF-8, decoded as {guessed[1]}")
    return guessed[0], notes


# --------------------------------------------------------------- front matter

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


# ----------------------------------------------------------- dateline, header

_PLACE_WORD = r"[^\W\d_](?:[^\W\d_]|['’.\-])*"
_PLACE = rf"(?P<place>{_PLACE_WORD}(?:[ ]{_PLACE_WORD}){{0,3}})"
_REGION = rf"(?:,[ ](?P<region>{_PLACE_WORD}(?:[ ]{_PLACE_WORD}){{0,2}}))?"
_AGENCY = r"\((?P<agency>[^\W\d_][\w .&'’\-]{0,39})\)"
_DATELINE_DATE = (
    rf"(?P<date>{_MONTH}[ ]{_DAY}(?:,?[ ]{_YEAR})?|{_DAY}[ ]{_MONTH}(?:,?[ ]{_YEAR})?)"
)
_EMPH = r"[*_]{0,2}"
_DATELINE = re.compile(
    rf"""[ \t]*{_EMPH}{_PLACE}{_EMPH}{_REGION}
    (?:
        (?P<colon>:)[ \t]+
      | (?:,[ \t]*{_DATELINE_DATE})?[ \t]*(?:{_AGENCY}[ \t]*)?(?P<dash>--|[-–—])[ \t]*
    )(?=\S)""",
    re.VERBOSE | re.IGNORECASE,
)
# Capitalized labels that open a paragraph like a dateline but name no place.
_NOT_PLACES = frozenset(
    """BREAKING UPDATE UPDATED EXCLUSIVE WATCH OPINION ANALYSIS NOTE PHOTO PHOTOS VIDEO
    LIVE CORRECTION CLARIFICATION FILE RELATED ADVERTISEMENT SPONSORED WARNING EDITORIAL
    COMMENT REVIEW INTERVIEW EXPLAINER SOURCE SOURCES CREDIT READ MORE ALSO Q A TL;DR
    NEWS URGENT ALERT FLASH FACT CHECK SUMMARY HIGHLIGHTS TRANSCRIPT""".split()
)


def _dateline_at(text: str, start: int, end: int) -> re.Match[str] | None:
    """A dateline opening the line ``text[start:end]``, or None."""
    m = _DATELINE.match(text, start, end)
    if not m:
        return None
    place = m.group("place")
    words = place.split()
    if m.group("dash") == "-" and not (m.group("date") or m.group("agency")):
        return None  # "ABC - ..." alone is too weak; "ABC — ..." is a dateline
    if m.group("region") and not (m.group("date") or m.group("agency")):
        return None
    if (
        place == place.upper()
        and sum(ch.isalpha() for ch in place) >= 2
        and all(any(ch.isalpha() for ch in w) for w in words)
        and not any(w.strip(".'’") in _NOT_PLACES for w in words)
    ):
        return m
    return None


def _dateline_match(text: str, start: int) -> re.Match[str] | None:
    """A dateline opening one of the first paragraphs after ``start``, read for its date.

    A dateline is an all-caps place name of one to four words at the start of a line
    (paragraph), followed by ``:`` ("LIMA: ..."), by an agency in parentheses and a
    dash ("WASHINGTON (AP) — ..."), by a comma, a date and a dash ("LONDON, March 21,
    2013 — ...", "LONDON, March 21 (Reuters) - ..."), or by an em/en dash
    ("WASHINGTON — ...").  A title-case region may follow the place ("KYIV, Ukraine (AP)
    —").  Only the first eight non-empty lines (and 5000 characters) after ``start`` are
    examined.
    """
    limit = start + _DATELINE_CHARS
    for count, (s, e, _nxt) in enumerate(_nonblank_lines(text, start)):
        if count >= _DATELINE_LINES or s > limit:
            break
        m = _dateline_at(text, s, e)
        if m:
            return m
    return None


# A dateline opening a story, read for where it was filed: an all-caps place ("PARIS:",
# "PARIS (AP) —", "LIMA, Peru (AP)", "BANGKOK, Oct. 3 —") or any case before a dash
# ("Lima —", "Lima, Agency –").  A looser grammar than _DATELINE's, which reads a
# publication date only when the line is unmistakably a dateline.
_STORY_DATELINE_CAPS = re.compile(
    r"([A-Z][A-Z .'\-]{1,40}?)(?=\s*(?::|,|\(|—|–| - ))"
    r"(?:\s*,\s*[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,2}(?=\s*[(—–:-]))?"
    r"(?:\s*,\s*[A-Z][a-z]{2,4}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"(?:\s*\([^()\n]{1,40}\))?(?:\s*[:—–-]+)?")
_STORY_DATELINE_DASH = re.compile(
    r"([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})(?:\s*,\s*[A-Z][\w.'’ ]{1,30}?)?"
    r"(?:\s*\([^()\n]{1,40}\))?\s*(?:—|–|:|\s-\s)")
_STORY_DATELINE_SENTENCES = 8


@dataclass(frozen=True)
class Dateline:
    """Where a story was filed, from the dateline opening it: never where anything in
    the story happened, so its words are never an event's place."""

    place: Place
    span: tuple[int, int]
    """The place's words in the text."""
    end: int
    """Where the dateline's words end ("LIMA, Peru (AP) —")."""
    paragraph: int
    """The paragraph the dateline opens."""


def find_dateline(text: str, sentences: Sequence[Sentence]) -> Dateline | None:
    """The dateline opening one of the first eight ``sentences`` of ``text`` whose place
    the gazetteer knows: all caps ("PARIS:", "PARIS (AP) —", "LIMA, Peru (AP)") or any
    case before a dash ("Lima —", "Lima, Agency –"); None without one."""
    for sent in sentences[:_STORY_DATELINE_SENTENCES]:
        head = text[sent.start:sent.start + 100]
        m = _STORY_DATELINE_CAPS.match(head)
        if m is None or not m.group(1).strip().isupper():
            m = _STORY_DATELINE_DASH.match(head)
        if m is None:
            continue
        place = gazetteer.lookup_place(m.group(1).strip())
        if place is not None:
            span = (sent.start, sent.start + len(m.group(1).strip()))
            return Dateline(place, span, sent.start + m.end(), sent.paragraph)
    return None


def _dateline_date(text: str, start: int) -> _dt.date | None:
    m = _dateline_match(text, start)
    if m is None or not m.group("date"):
        return None
    parsed = _parse_date(m.group("date"), allow_time=False)
    return parsed.date if parsed and not parsed.weekday_mismatch else None


def _is_header_like(line: str) -> bool:
    line = line.strip()
    return len(line) <= _MAX_TITLE and not line.endswith((".", '."', ".”", ".'"))


# A label or byline before a header date: "Published: June 10, 2023",
# "Updated 3 March 2022", "By Jane Doe | June 11, 2023".
_HEADER_LABEL = re.compile(
    r"^\s*(?:(?:published|posted|updated|last\s+updated|first\s+published|date)\b"
    r"(?:\s+on)?\s*:?|[^|·\n]{1,60}[|·])\s*", re.IGNORECASE)


def _page_header(text: str, start: int) -> tuple[_ParsedDate, int] | None:
    """A line that is entirely a date among the first non-empty lines; returns the date
    and the offset after that line."""
    for count, (s, e, nxt) in enumerate(_nonblank_lines(text, start)):
        if count >= _HEADER_LINES:
            break
        line = text[s:e]
        if len(line) <= 80:
            parsed = _parse_date(line) or _parse_date(_HEADER_LABEL.sub("", line, count=1))
            if parsed is not None:
                return parsed, nxt
        if not _is_header_like(line) or _dateline_at(text, s, e):
            break
    return None


# ---------------------------------------------------------------------- title

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
        if (
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
        ):
            continue
        candidates.append((line, heading is not None))
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


# ------------------------------------------------------------------- manifest

_MANIFEST_FIELDS = ("file", "title", "outlet", "url", "published")
_MAX_MANIFEST_BYTES = 50_000_000


@dataclass
class _ManifestEntry:
    meta: _Meta
    published_raw: str | None = None


@dataclass
class _Manifest:
    entries: dict[str, _ManifestEntry] = field(default_factory=dict)
    """Keyed by real path of the file (or ``-``)."""
    warnings: list[str] = field(default_factory=list)


def _manifest_rows(path: str, text: str) -> list[tuple[str, dict[str, object]]]:
    """(location for messages, row) pairs from a CSV/TSV or JSON manifest."""
    name = _one_line(path)
    ext = os.path.splitext(path)[1].lower()
    stripped = text.lstrip()
    if ext == ".json" or (ext not in (".csv", ".tsv") and stripped[:1] in ("[", "{")):
        try:
            data = json.loads(text)
        except ValueError as exc:
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
            where = (
                f" at line {exc.lineno} column {exc.colno}"
                if isinstance(exc, json.JSONDecodeError) else ""
            )
            raise ConfigError(f"manifest {name}: invalid JSON{where}: {_one_line(msg)}") from None
        except RecursionError:
            raise ConfigError(f"manifest {name}: invalid JSON: nested too deeply") from None
        rows: list[tuple[str, dict[str, object]]] = []
        if isinstance(data, list):
            for i, item in enumerate(data, start=1):
                if not isinstance(item, dict):
                    raise ConfigError(f"manifest {name}: entry {i} is not an object")
                rows.append((f"entry {i}", item))
        elif isinstance(data, dict):
            for key, item in data.items():
                if not isinstance(item, dict):
                    raise ConfigError(
                        f"manifest {name}: the value for '{_one_line(key, 80)}' is not an object "
                        "(expected a list of objects or an object mapping file -> object)"
                    )
                rows.append((f"entry '{_one_line(key, 80)}'", {**item, "file": key}))
        else:
            raise ConfigError(
                f"manifest {name}: expected a list of objects or an object mapping "
                "file -> object"
            )
        return rows
    delimiter = "\t" if ext == ".tsv" else ","
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        fieldnames = reader.fieldnames
        if not fieldnames:
            raise ConfigError(f"manifest {name}: empty (expected a header row with 'file')")
        reader.fieldnames = [(f or "").strip().lower() for f in fieldnames]
        if "file" not in reader.fieldnames:
            cols = ", ".join(_one_line(f, 40) for f in reader.fieldnames)
            raise ConfigError(f"manifest {name}: no 'file' column (columns: {cols})")
        out: list[tuple[str, dict[str, object]]] = []
        for row in reader:
            extra = row.pop(None, None)
            clean: dict[str, object] = {k: v for k, v in row.items() if k}
            if extra:
                clean["\x00extra"] = True
            out.append((f"line {reader.line_num}", clean))
        return out
    except csv.Error as exc:
        raise ConfigError(f"manifest {name}: invalid CSV: {_one_line(str(exc))}") from None


def _load_manifest(path: str, files: Sequence[tuple[str, str]]) -> _Manifest:
    name = _one_line(path)
    text = read_config_text(path, "manifest", name, max_bytes=_MAX_MANIFEST_BYTES)

    by_real = {
        (STDIN if fs == STDIN else os.path.realpath(fs)): display for display, fs in files
    }
    base = os.path.dirname(path)
    manifest = _Manifest()
    warned_keys: set[str] = set()
    for where, row in _manifest_rows(path, text):
        if row.pop("\x00extra", None):
            manifest.warnings.append(f"manifest {name} {where}: more values than columns; extra ignored")
        for key in row:
            if key not in _MANIFEST_FIELDS and key not in warned_keys:
                warned_keys.add(key)
                manifest.warnings.append(
                    f"manifest {name}: unknown field '{_one_line(str(key), 40)}' ignored"
                )
        values: dict[str, str | None] = {}
        for key in _MANIFEST_FIELDS:
            value = row.get(key)
            if value is not None and not isinstance(value, str):
                raise ConfigError(f"manifest {name} {where}: '{key}' must be a string")
            value = value.strip() if value and value.strip() else None
            # ``file`` must match a real (possibly undecodable) name; the rest is shown
            values[key] = value if key == "file" or value is None else _no_surrogates(value)
        file_value = values["file"]
        if file_value is None:
            manifest.warnings.append(f"manifest {name} {where}: no 'file'; entry ignored")
            continue
        real = (
            STDIN if file_value == STDIN
            else os.path.realpath(os.path.join(base, os.path.expanduser(file_value)))
        )
        if real not in by_real:
            manifest.warnings.append(
                f"manifest {name} {where}: '{_one_line(file_value)}' is not among the given "
                "paths; ignored"
            )
            continue
        meta = _Meta(title=values["title"], outlet=values["outlet"], url=values["url"])
        raw = values["published"]
        if raw is not None:
            parsed = _metadata_date(raw)
            if isinstance(parsed, str):
                manifest.warnings.append(
                    _unreadable_date(f"manifest {name} {where}", "published date", raw, parsed))
            else:
                meta.published = parsed.date
        if real in manifest.entries:
            manifest.warnings.append(
                f"manifest {name} {where}: '{_one_line(file_value)}' listed again; "
                "the last entry wins"
            )
        manifest.entries[real] = _ManifestEntry(meta, raw)
    return manifest


# ----------------------------------------------------------------- reading


def _content_type(path: str) -> ContentType:
    ext = os.path.splitext(path)[1].lower()
    if ext in (".html", ".htm"):
        return "html"
    if ext in (".md", ".markdown"):
        return "markdown"
    return "text"


def _read_stdin(stream: TextIO | BinaryIO | None, max_bytes: int) -> bytes | str:
    if stream is None:
        stream = sys.stdin
    raw = getattr(stream, "buffer", None)
    source = raw if raw is not None and hasattr(raw, "read") else stream
    try:
        data = source.read(max_bytes + 1)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise _Skip(f"cannot read standard input: {_one_line(str(exc))}") from None
    if isinstance(data, str):
        if len(data) > max_bytes or len(data.encode("utf-8", "surrogatepass")) > max_bytes:
            raise _Skip(f"larger than the {max_bytes:,}-byte limit (--max-bytes)")
        return data
    if not isinstance(data, (bytes, bytearray)):
        raise _Skip("standard input gave neither text nor bytes")
    if len(data) > max_bytes:
        raise _Skip(f"larger than the {max_bytes:,}-byte limit (--max-bytes)")
    return bytes(data)


def _read_file(fs_path: str, max_bytes: int) -> bytes:
    """At most ``max_bytes + 1`` bytes of a file named or found.  Opened without
    blocking, so a FIFO that no process writes to reads as empty (skipped) instead of
    waiting forever; a pipe with a writer (``<(command)``) is read as usual."""
    try:
        fd = os.open(fs_path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
                     | getattr(os, "O_NOCTTY", 0))
    except IsADirectoryError:
        raise _Skip("is a folder") from None
    except OSError as exc:
        raise _Skip(f"cannot read: {_one_line(exc.strerror or str(exc))}") from None
    try:
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fd)
            if stat.S_ISDIR(st.st_mode):
                raise _Skip("is a folder")
            if stat.S_ISREG(st.st_mode) and st.st_size > max_bytes:
                raise _Skip(
                    f"larger than the {max_bytes:,}-byte limit ({st.st_size:,} bytes; "
                    "--max-bytes)")
            os.set_blocking(fd, True)  # no writer: EOF at once; a writer: wait for it
            data = fh.read(max_bytes + 1)
    except _Skip:
        raise
    except OSError as exc:
        raise _Skip(f"cannot read: {_one_line(exc.strerror or str(exc))}") from None
    if len(data) > max_bytes:
        raise _Skip(f"larger than the {max_bytes:,}-byte limit (--max-bytes)")
    return data


@dataclass
class _Article:
    text: str
    content_type: ContentType
    meta: _Meta
    meta_basis: PublishedBasis
    fm_end: int
    notes: list[str]


def _load(display: str, fs_path: str, stdin: TextIO | BinaryIO | None, max_bytes: int,
          global_notes: list[str]) -> _Article:
    raw = _read_stdin(stdin, max_bytes) if display == STDIN else _read_file(fs_path, max_bytes)
    ctype: ContentType = "text" if display == STDIN else _content_type(display)
    declared = None
    if ctype == "html" and isinstance(raw, bytes):
        from reconcile import _html

        declared = _html.declared_charset(raw)
    notes: list[str] = []
    if isinstance(raw, str):
        text = raw.removeprefix("\ufeff")
    else:
        text, notes = _decode(raw, declared)
    if not text.strip():
        raise _Skip("empty")
    if _too_many_controls(text):
        raise _Skip("binary file (control characters)")
    if ctype == "html":
        from reconcile import _html

        article = _html.extract_html(text)
        for note in article.notes:
            if note not in global_notes:
                global_notes.append(note)
        if not article.text.strip():
            raise _Skip("no article text found in HTML")
        meta = _Meta(article.title, article.outlet, article.url,
                     _html_published(article.published_values, notes))
        return _Article(article.text, ctype, meta, "html-meta", 0, notes)
    meta, fm_end, fm_notes = _front_matter(text)
    notes.extend(fm_notes)
    if fm_end and not text[fm_end:].strip():
        raise _Skip("empty (only front matter)")
    return _Article(text, ctype, meta, "front-matter", fm_end, notes)


def _html_published(values: Sequence[str], notes: list[str]) -> _dt.date | None:
    """The first readable of an HTML page's published-time values (most trusted first):
    ISO at the start of the value as before, else :func:`_metadata_date`.  When none is
    readable, a note says why the first was not."""
    from reconcile._html import parse_iso_date

    why = ""
    for value in values:
        iso = parse_iso_date(value)
        if iso is not None:
            return iso
        parsed = _metadata_date(value)
        if not isinstance(parsed, str):
            return parsed.date
        why = why or _unreadable_date("HTML metadata", "published date", value, parsed)
    if why:
        notes.append(why)
    return None


def _build_source(ident: str, display: str, art: _Article,
                  entry: _ManifestEntry | None) -> Source:
    text, notes = art.text, list(art.notes)
    header = _page_header(text, art.fm_end)
    body_start = header[1] if header else art.fm_end

    manifest = entry.meta if entry else _Meta()
    fm = art.meta
    published: _dt.date | None
    basis: PublishedBasis
    if manifest.published is not None:
        published, basis = manifest.published, "manifest"
        if fm.published is not None and fm.published != manifest.published:
            notes.append(
                f"manifest published date {manifest.published.isoformat()} overrides "
                f"{fm.published.isoformat()} in the file"
            )
    elif fm.published is not None:
        published, basis = fm.published, art.meta_basis
    else:
        published, basis = _dateline_date(text, body_start), "dateline"
        if published is None and header is not None:
            published, basis = header[0].date, "page-header"
            if header[0].weekday_mismatch:
                notes.append(
                    f"page header date {published.isoformat()} does not fall on the "
                    "weekday it names"
                )
        if published is None:
            basis = "none"
    title = manifest.title or fm.title or _infer_title(
        text, art.fm_end, art.content_type == "markdown"
    )
    body_start = _past_furniture(text, body_start)
    return Source(
        id=ident,
        path=display,
        text=text,
        title=title,
        outlet=manifest.outlet or fm.outlet,
        url=manifest.url or fm.url,
        published=published,
        published_basis=basis,
        body_start=body_start,
        content_type=art.content_type,
        warnings=tuple(f"{_label(display)}: {n}" for n in notes),
    )


def read_sources(
    paths: Sequence[str],
    *,
    manifest: str | None = None,
    stdin: TextIO | BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_files: int = DEFAULT_MAX_FILES,
    progress: Callable[[str], None] | None = None,
) -> tuple[list[Source], list[SkippedSource], list[str]]:
    """Read every discovered article into a Source (``progress``, when given, is told
    "reading N/M files" as each file is read).

    Returns ``(sources, skipped, warnings)``: sources with ids ``s1, s2, ...`` in the
    order of :func:`discover` (``-``, standard input, last); the paths that could not be
    read as articles, each with a reason; and one-line warnings, each naming its file
    (also kept per source in ``Source.warnings``).  Offsets into ``Source.text`` are
    into the text as decoded (BOM removed, line endings untouched); for HTML, into the
    extracted main text.  Raises InputError for bad paths and ConfigError for a
    malformed manifest, before any article is read.  Files over ``max_bytes`` are
    skipped unread; more than ``max_files`` files is an InputError.
    """
    unreadable: list[SkippedSource] = []
    files = _discover(paths, max_files, unreadable)
    loaded = _load_manifest(manifest, files) if manifest is not None else _Manifest()
    warnings: list[str] = list(loaded.warnings)
    sources: list[Source] = []
    skipped: list[SkippedSource] = list(unreadable)
    global_notes: list[str] = []
    for n, (display, fs_path) in enumerate(files, 1):
        if progress is not None:
            progress(f"reading {n:,}/{len(files):,} files")
        try:
            art = _load(display, fs_path, stdin, max_bytes, global_notes)
        except _Skip as exc:
            skipped.append(SkippedSource(display, str(exc)))
            continue
        entry = None
        if loaded.entries:  # resolving the path costs a few system calls: only for a manifest
            key = STDIN if display == STDIN else os.path.realpath(fs_path)
            entry = loaded.entries.get(key)
        source = _build_source(f"s{len(sources) + 1}", display, art, entry)
        sources.append(source)
        warnings.extend(source.warnings)
    warnings.extend(global_notes)
    return sources, skipped, warnings

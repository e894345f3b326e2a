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
For HTML, ``Source.text`` is the extracted main text (see :mod:`reconcile.read._html`) and
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

Modules: ``helpers`` (messages, labels, lines), ``dates`` (the full-date grammar of
metadata and headers), ``discovery`` (which files), ``decoding`` (bytes to text),
``front_matter``, ``header`` (datelines and a page header's date), ``title``,
``manifest`` and ``reading`` (:func:`read_sources`).  Names with a leading underscore
are private to this package.
"""

from __future__ import annotations

from .dates import parse_full_date
from .discovery import ARTICLE_EXTENSIONS, DEFAULT_MAX_FILES, discover
from .header import Dateline, find_dateline
from .reading import DEFAULT_MAX_BYTES, read_sources

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

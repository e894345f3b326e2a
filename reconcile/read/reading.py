"""Reading sources: files or stdin to :class:`~reconcile.model.Source` objects, the
publication date taken from the best basis, and the skipped files with a reason."""

from __future__ import annotations

import datetime as _dt
import os
import stat
import sys
from dataclasses import dataclass
from collections.abc import Callable, Sequence
from typing import BinaryIO, Literal, TextIO

from reconcile.model import PublishedBasis, SkippedSource, Source
from .helpers import STDIN, _one_line, _label
from .dates import _metadata_date, _unreadable_date
from .discovery import DEFAULT_MAX_FILES, _discover
from .decoding import _Skip, _too_many_controls, _decode
from .front_matter import _Meta, _front_matter
from .header import _dateline_date, _page_header
from .title import _past_furniture, _infer_title
from .manifest import _ManifestEntry, _Manifest, _load_manifest


DEFAULT_MAX_BYTES = 10_000_000
"""Files larger than this are skipped unread (``--max-bytes``)."""

ContentType = Literal["text", "markdown", "html"]


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
        from reconcile.read import _html

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
        from reconcile.read import _html

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
    from reconcile.read._html import parse_iso_date

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

"""Finding the article files under the paths given: extensions, hidden files, links
that leave the roots, and a cap on their number."""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence

from reconcile.errors import InputError
from reconcile.model import SkippedSource
from .helpers import STDIN, _one_line, _posix


ARTICLE_EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm")
"""Extensions (case-insensitive) of the files taken from a folder."""
DEFAULT_MAX_FILES = 100_000
"""More article files than this in one run is an input error (``--max-files``): it is
almost always a wrong folder, and would take hours."""


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

"""Atomic file output: a killed run leaves the previous file intact, never half of one."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

from .errors import ConfigError


def _mode_for(target: Path) -> int:
    """The permission bits the output should have: those of the file it replaces, else
    what a plain ``open(path, "w")`` would give (0o666 less the umask)."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


_PENDING: set[str] = set()
"""Temporary files being written now, removed by :func:`remove_pending_files` when a
signal ends the run before they are committed or aborted."""


def remove_pending_files() -> None:
    """Remove every temporary output file not yet renamed into place (SIGTERM)."""
    for tmp in list(_PENDING):
        try:
            os.unlink(tmp)
        except OSError:
            pass
    _PENDING.clear()


class AtomicFile:
    """A text file written to a temporary file beside ``path`` and renamed over it by
    :meth:`commit`; :meth:`abort` (or any failure in :meth:`commit`) removes the
    temporary file, so a full disk or a killed run never leaves a ``.tmp`` behind nor
    half a file.  The result has the mode of the file it replaces, else 0o666 less the
    umask.  OSError on failure (the caller says it in one line)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.target = Path(path)
        folder = self.target.parent if str(self.target.parent) else Path(".")
        self._mode = _mode_for(self.target)
        import tempfile  # here: a run that writes to standard output never needs it

        fd, self._tmp = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=".tmp",
                                         dir=folder)
        _PENDING.add(self._tmp)
        try:
            self._fh = os.fdopen(fd, "w", encoding="utf-8", newline="")
        except BaseException:
            os.close(fd)
            self._remove()
            raise

    def write(self, text: str) -> None:
        self._fh.write(text)

    def commit(self) -> None:
        try:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()
            os.chmod(self._tmp, self._mode)
            os.replace(self._tmp, self.target)
            _PENDING.discard(self._tmp)
        except BaseException:
            self.abort()
            raise

    def abort(self) -> None:
        try:
            self._fh.close()
        except OSError:  # the buffer could not be flushed (a full disk): drop it
            pass
        self._remove()

    def _remove(self) -> None:
        _PENDING.discard(self._tmp)
        try:
            os.unlink(self._tmp)
        except OSError:
            pass


def _write_through(out: AtomicFile | StreamFile, text: str | Callable[[Callable[[str], None]], None]) -> None:
    """Write ``text`` (or what a writer function writes) to ``out`` and commit it; on any
    failure abort, so that nothing half-written is left in place."""
    try:
        if isinstance(text, str):
            out.write(text)
        else:
            text(out.write)
    except BaseException:
        out.abort()
        raise
    out.commit()


def write_atomic(path: str | os.PathLike[str],
                 text: str | Callable[[Callable[[str], None]], None]) -> None:
    """Write ``text`` (UTF-8) to ``path`` via a temporary file in the same folder and an
    atomic rename; on any failure the temporary file is removed and ``path`` untouched.
    ``text`` may be a function that writes the text in pieces with the function it is
    given (so that a large report is never held whole)."""
    _write_through(AtomicFile(path), text)


# ------------------------------------------------------------- user-named outputs


class OutputRefused(ConfigError):
    """``-o`` names something reconcile will not write to (one-line reason)."""


def output_kind(path: str) -> str:
    """How ``-o PATH`` is written: ``"file"`` (a regular file, new or replaced
    atomically) or ``"stream"`` (an existing character device such as /dev/null or
    /dev/stdout's terminal, or a FIFO: written through, never replaced).  A symbolic
    link is refused (a link committed by a stranger could point the output at any file
    the CI user can write; name the real file instead), and so is anything else (a
    folder, a socket, a block device)."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return "file"
    except OSError as exc:
        raise OutputRefused(f"cannot write {path}: {exc.strerror or exc}") from None
    if stat.S_ISLNK(st.st_mode):
        raise OutputRefused(f"refusing to write through a symbolic link: {path} "
                            "(name the file it points to)")
    if stat.S_ISREG(st.st_mode):
        return "file"
    if stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode):
        return "stream"
    what = "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file"
    raise OutputRefused(f"cannot write {path}: {what}")


class StreamFile:
    """Writing through to a character device or a FIFO named by ``-o`` (it is never
    replaced).  A FIFO that no process reads is refused at once instead of blocking."""

    def __init__(self, path: str) -> None:
        flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
        try:
            fd = os.open(path, flags | os.O_NONBLOCK)
        except OSError as exc:
            if exc.errno == errno.ENXIO:
                raise OutputRefused(f"cannot write {path}: no process reads this FIFO") \
                    from None
            raise
        os.set_blocking(fd, True)
        self._fh = os.fdopen(fd, "w", encoding="utf-8", newline="")

    def write(self, text: str) -> None:
        self._fh.write(text)

    def commit(self) -> None:
        self._fh.close()

    def abort(self) -> None:
        try:
            self._fh.close()
        except OSError:
            pass


def open_output(path: str) -> AtomicFile | StreamFile:
    """The writer for a user-named output: see :func:`output_kind`."""
    return StreamFile(path) if output_kind(path) == "stream" else AtomicFile(path)


def write_output(path: str, text: str | Callable[[Callable[[str], None]], None]) -> None:
    """:func:`write_atomic` for a path the user named with ``-o``: character devices and
    FIFOs are written through, symbolic links and other special files refused."""
    _write_through(open_output(path), text)


CONFIG_MAX_BYTES = 100_000_000
"""The most a configuration file (baseline, event vocabulary) may hold: a name that
points at /dev/zero or an endless pipe stops here instead of filling memory."""


def read_config_text(path: str, what: str, name: str, *,
                     max_bytes: int | None = CONFIG_MAX_BYTES, hint: str = "") -> str:
    """The UTF-8 text of a configuration file the user named (a baseline, a manifest, an
    event vocabulary), or a one-line :class:`ConfigError` saying what is wrong with it.
    ``what`` names the kind of file, ``name`` is the path as shown, ``hint`` follows a
    "not found" message; at most ``max_bytes`` are read, whatever the file claims."""
    try:
        if os.path.isdir(path):
            raise ConfigError(f"{what} is a folder, not a file: {name}")
        if max_bytes is not None and os.path.getsize(path) > max_bytes:
            raise ConfigError(f"{what} {name}: larger than {max_bytes:,} bytes")
        with open(path, "rb") as fh:
            data = fh.read() if max_bytes is None else fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise ConfigError(f"{what} not found: {name}{hint}") from None
    except OSError as exc:
        raise ConfigError(f"cannot read {what} {name}: {exc.strerror or exc}") from None
    if max_bytes is not None and len(data) > max_bytes:
        raise ConfigError(f"{what} {name}: larger than {max_bytes:,} bytes")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(f"{what} {name}: not UTF-8 text") from None

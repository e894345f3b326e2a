"""Atomic file output: a killed run leaves the previous file intact, never half of one."""

from __future__ import annotations

import os
import stat
import tempfile
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


def write_atomic(path: str | os.PathLike[str],
                 text: str | Callable[[Callable[[str], None]], None]) -> None:
    """Write ``text`` (UTF-8) to ``path`` via a temporary file in the same folder and an
    atomic rename; on any failure the temporary file is removed and ``path`` untouched.
    ``text`` may be a function that writes the text in pieces with the function it is
    given (so that a large report is never held whole)."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    mode = _mode_for(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            if isinstance(text, str):
                fh.write(text)
            else:
                def put(piece: str) -> None:
                    fh.write(piece)

                text(put)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def read_config_text(path: str, what: str, name: str, *, max_bytes: int | None = None,
                     hint: str = "") -> str:
    """The UTF-8 text of a configuration file the user named (a baseline, a manifest, an
    event vocabulary), or a one-line :class:`ConfigError` saying what is wrong with it.
    ``what`` names the kind of file, ``name`` is the path as shown, ``hint`` follows a
    "not found" message."""
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
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(f"{what} {name}: not UTF-8 text") from None

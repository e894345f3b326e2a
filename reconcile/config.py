"""One configuration for the CLI, the pre-commit hook and the GitHub Action.

A ``reconcile.toml`` (keys at the top level) or a ``[tool.reconcile]`` table in
``pyproject.toml``, as ruff and vale do::

    [tool.reconcile]
    paths = ["sources/"]                 # what to read when no PATHS are given
    baseline = "reconcile-baseline.json" # acknowledged conflicts (check, baseline -o)
    events = "events.toml"               # extra event vocabulary (--events)
    manifest = "sources.csv"             # titles, outlets, dates (--manifest)

The file is looked for in the current folder, then its parents up to the repository
root (a folder holding ``.git``); in one folder ``reconcile.toml`` wins over
``pyproject.toml``.  Relative paths in it are relative to the file's folder.  Options
on the command line override it.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from typing import Any

from ._io import read_config_text
from .errors import ConfigError

CONFIG_FILE = "reconcile.toml"
PYPROJECT = "pyproject.toml"
KEYS = ("paths", "baseline", "events", "manifest")
_MAX_BYTES = 1_000_000


@dataclass(frozen=True)
class Config:
    """The settings read from a configuration file (all empty when there is none)."""

    file: str | None = None
    """The file read, as found (None when there was none)."""
    paths: tuple[str, ...] = ()
    baseline: str | None = None
    events: str | None = None
    manifest: str | None = None


def find_config(start: str = ".") -> str | None:
    """The configuration file that applies in ``start``: see the module docstring."""
    folder = os.path.abspath(start)
    while True:
        candidate = os.path.join(folder, CONFIG_FILE)
        if os.path.isfile(candidate):
            return candidate
        candidate = os.path.join(folder, PYPROJECT)
        if os.path.isfile(candidate) and _has_table(candidate):
            return candidate
        parent = os.path.dirname(folder)
        if parent == folder or os.path.exists(os.path.join(folder, ".git")):
            return None
        folder = parent


def _has_table(pyproject: str) -> bool:
    try:
        data = _parse(pyproject)
    except ConfigError:
        return False  # a broken pyproject.toml that is not ours to judge
    return isinstance(data.get("tool"), dict) and "reconcile" in data["tool"]


def _parse(path: str) -> dict[str, Any]:
    name = _shown(path)
    text = read_config_text(path, "configuration file", name, max_bytes=_MAX_BYTES)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{name}: not valid TOML ({exc})") from None


def _shown(path: str) -> str:
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


def load_config(path: str | None = None, start: str = ".") -> Config:
    """The configuration at ``path``, else the one :func:`find_config` finds, else an
    empty one.  A malformed file is a :class:`ConfigError` naming it."""
    if path is None:
        path = find_config(start)
        if path is None:
            return Config()
    name = _shown(path)
    data = _parse(path)
    tool = data.get("tool")
    if os.path.basename(path) == PYPROJECT or (isinstance(tool, dict) and "reconcile" in tool):
        table = tool.get("reconcile", {}) if isinstance(tool, dict) else {}
        where = f"{name} [tool.reconcile]"
    else:
        table, where = data, name
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: expected a table of settings")
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise ConfigError(f"{where}: unknown setting {unknown[0]!r} "
                          f"(known: {', '.join(KEYS)})")
    folder = os.path.dirname(os.path.abspath(path))

    def resolve(value: str) -> str:
        full = os.path.normpath(os.path.join(folder, value))
        rel = os.path.relpath(full)
        return full if rel.startswith("..") else rel

    def text(key: str) -> str | None:
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{where}: {key} must be a path (a non-empty string)")
        return resolve(value)

    raw = table.get("paths", [])
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not all(isinstance(p, str) and p.strip() for p in raw):
        raise ConfigError(f"{where}: paths must be a list of paths (strings)")
    return Config(file=name, paths=tuple(resolve(p) for p in raw),
                  baseline=text("baseline"), events=text("events"), manifest=text("manifest"))

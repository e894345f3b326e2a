"""A manifest (CSV or JSON) giving titles, outlets, urls and dates per file."""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass, field
from collections.abc import Sequence

from reconcile._io import read_config_text
from reconcile.errors import ConfigError
from .helpers import STDIN, _one_line, _no_surrogates
from .dates import _metadata_date, _unreadable_date
from .front_matter import _Meta


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
    """(location for messages, row) pairs from a CSV/TSV or JSON manifest: JSON by its
    extension, or by its first character when the extension names neither."""
    name = _one_line(path)
    ext = os.path.splitext(path)[1].lower()
    stripped = text.lstrip()
    if ext == ".json" or (ext not in (".csv", ".tsv") and stripped[:1] in ("[", "{")):
        return _json_rows(name, text)
    return _csv_rows(name, text, "\t" if ext == ".tsv" else ",")


def _json_rows(name: str, text: str) -> list[tuple[str, dict[str, object]]]:
    """The rows of a JSON manifest: a list of objects, or an object mapping file -> object."""
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


def _csv_rows(name: str, text: str, delimiter: str) -> list[tuple[str, dict[str, object]]]:
    """The rows of a CSV or TSV manifest under a header row with a 'file' column; a row
    with more values than columns is marked so that the caller can warn."""
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
    """The manifest at ``path``: an entry per row naming one of ``files`` (given as
    (display, path) pairs), keyed by real path; a warning for every row or field left out."""
    name = _one_line(path)
    text = read_config_text(path, "manifest", name, max_bytes=_MAX_MANIFEST_BYTES)

    by_real = {
        (STDIN if fs == STDIN else os.path.realpath(fs)): display for display, fs in files
    }
    base = os.path.dirname(path)
    manifest = _Manifest()
    warned_keys: set[str] = set()
    for where, row in _manifest_rows(path, text):
        values = _row_values(row, f"manifest {name} {where}", name, warned_keys,
                             manifest.warnings)
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
        meta = _row_meta(values, f"manifest {name} {where}", manifest.warnings)
        if real in manifest.entries:
            manifest.warnings.append(
                f"manifest {name} {where}: '{_one_line(file_value)}' listed again; "
                "the last entry wins"
            )
        manifest.entries[real] = _ManifestEntry(meta, values["published"])
    return manifest


def _row_values(row: dict[str, object], at: str, name: str, warned_keys: set[str],
                warnings: list[str]) -> dict[str, str | None]:
    """A row's known fields as trimmed strings (None when blank), warning once per
    unknown field and for extra values; ConfigError for a field that is not a string."""
    if row.pop("\x00extra", None):
        warnings.append(f"{at}: more values than columns; extra ignored")
    for key in row:
        if key not in _MANIFEST_FIELDS and key not in warned_keys:
            warned_keys.add(key)
            warnings.append(f"manifest {name}: unknown field '{_one_line(str(key), 40)}' ignored")
    values: dict[str, str | None] = {}
    for key in _MANIFEST_FIELDS:
        value = row.get(key)
        if value is not None and not isinstance(value, str):
            raise ConfigError(f"{at}: '{key}' must be a string")
        value = value.strip() if value and value.strip() else None
        # ``file`` must match a real (possibly undecodable) name; the rest is shown
        values[key] = value if key == "file" or value is None else _no_surrogates(value)
    return values


def _row_meta(values: dict[str, str | None], at: str, warnings: list[str]) -> _Meta:
    """The metadata a row gives its article; a published date that cannot be read is
    left out with a warning."""
    meta = _Meta(title=values["title"], outlet=values["outlet"], url=values["url"])
    raw = values["published"]
    if raw is not None:
        parsed = _metadata_date(raw)
        if isinstance(parsed, str):
            warnings.append(_unreadable_date(at, "published date", raw, parsed))
        else:
            meta.published = parsed.date
    return meta

"""An on-disk cache of per-source analyses, so a re-run re-analyses only what changed.

:class:`CachingAnalyser` is an :data:`~reconcile.pipeline.Analyser` wrapper: it looks
each source up by a key and hands only the misses to an inner analyser (the serial one
by default, or a parallel engine), then stores what the inner analyser returns.  Files
are still read and decoded on every run (that is cheap, and the content is what the key
is made of); extraction, the expensive part, runs only for sources it has not seen.

**Key** = SHA-256 of: the cache format, the tool version, a digest of reconcile's own
code and data files (so an edited, editable install never serves stale results), the
versions of the libraries extraction depends on, the Python version, a digest of the
event vocabulary (built-in plus ``--events``), and every field of the source that
extraction can read except its id and path (text, published date and its basis, body
start, content type, title, ...).  The path is left out so that a renamed or moved file
is still a hit.

**Source ids.**  Ids (``s1``, ``s2``, ...) follow file order, so adding a file renumbers
the others.  An entry is stored with the id it was computed under and re-stamped with
the id the source has now when loaded; nothing else in an analysis depends on other
sources.

**Location**: ``$RECONCILE_CACHE_DIR`` if set; else, in CI, ``~/.cache/reconcile``
(outside the checked-out tree, where a pull request cannot commit entries); else
``.reconcile-cache/`` in the current folder (it holds its own ``.gitignore`` and a
``CACHEDIR.TAG``).  Safe to delete at any
time.  Entries are written to a temporary file in the same folder and renamed into place,
so two runs sharing the cache never see half an entry; the last writer wins with an
identical entry.  Each entry names its key and carries a SHA-256 of key and payload: a
corrupt or truncated entry, or one moved to another input's key, is detected, counted,
recomputed and overwritten, never trusted (a deliberate forgery by whoever can write the
folder is not detectable: keep the folder out of untrusted hands).  One entry that
cannot be written (a folder in its place) is replaced; only errors that say the folder
itself is read-only, full or forbidden stop further writes.  An analysis is
only stored when decoding it gives back exactly the same values, and entries can only
build :mod:`reconcile.model` dataclasses, so a cached run gives the same report as an
uncached one.  A cache folder that cannot be written is not an error: the run goes on
without storing.

**Layout and pruning**: ``v1/<generation>/<key[:2]>/<key>.json``, where the generation
is a digest of reconcile's code; when a run stores entries, the generations of other
versions in which nothing was written for 30 days are deleted, so a cache restored from
CI run to run does not grow with every upgrade.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import hashlib
import importlib.metadata
import json
import os
import re
import shutil
import stat
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import model
from ._version import __version__
from ._io import write_atomic
from .model import Claim, Mention, Source
from .pipeline import Analyser, SourceAnalysis, analyse_serially
from .extraction.vocabulary import Vocabulary

FORMAT = "reconcile.cache/2"
ENV_VAR = "RECONCILE_CACHE_DIR"
DEFAULT_DIR = ".reconcile-cache"
MAX_AGE_DAYS = 30
"""Entries of another reconcile version unused this long are deleted."""
# Libraries whose results are cached.  Reading (dateparser for metadata dates, trafilatura,
# charset-normalizer) is not: what it gives is part of the key itself.
_DEPENDENCIES = ("rapidfuzz", "networkx")
_SOURCE_FIELDS_IGNORED = frozenset({"id", "path", "warnings"})
_PLACEHOLDER = "\x00source\x00"


def _model_type(name: str) -> type[Any]:
    """The dataclass of :mod:`reconcile.model` called ``name``: entries can only ever
    build model values (new model types are supported without changing this module)."""
    cls = getattr(model, name, None) if not name.startswith("_") else None
    if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
        raise ValueError(f"not a model type: {name[:40]}")
    return cls


def in_ci() -> bool:
    """Does this run look like a CI job (``$CI`` or ``$GITHUB_ACTIONS`` set, as GitHub
    Actions, GitLab CI and most others set them)?"""
    return any(os.environ.get(v, "").lower() not in ("", "0", "false")
               for v in ("CI", "GITHUB_ACTIONS"))


def default_cache_dir() -> Path:
    """``$RECONCILE_CACHE_DIR`` if set and non-empty; else, in CI (:func:`in_ci`),
    ``$XDG_CACHE_HOME/reconcile`` (``~/.cache/reconcile``), outside the checked-out
    tree, where a pull request cannot commit forged entries; else
    ``./.reconcile-cache``."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    if in_ci():
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"),
                                                                ".cache")
        return Path(base) / "reconcile"
    return Path(DEFAULT_DIR)


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of reconcile's own modules and data files and of the versions of the
    libraries extraction uses: anything that can change an analysis."""
    h = hashlib.sha256()
    h.update(f"{FORMAT}|{__version__}|{sys.version_info[:2]}".encode())
    for name in _DEPENDENCIES:
        try:
            version = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            version = "-"
        h.update(f"|{name}={version}".encode())
    root = Path(__file__).resolve().parent
    files = sorted(p for p in root.rglob("*")
                   if p.is_file() and p.suffix not in (".pyc", ".pyo")
                   and "__pycache__" not in p.parts)
    for path in files:
        h.update(path.relative_to(root).as_posix().encode("utf-8") + b"\x00")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def vocabulary_digest(vocab: Vocabulary) -> str:
    """A digest of everything in the vocabulary that extraction reads."""
    data = {
        "types": {n: dataclasses.asdict(t) for n, t in sorted(vocab.types.items())},
        "people": sorted(vocab.people_nouns),
        "institutions": sorted(vocab.institution_words),
        "modifiers": sorted(vocab.modifiers),
        "titles": list(vocab.titles),
        "trigger_type": dict(sorted(vocab.trigger_type.items())),
        "trigger_re": [vocab.trigger_re.pattern, vocab.trigger_re.flags],
        "units": sorted(vocab.units),
        "measures": dict(sorted(vocab.measures.items())),
    }
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, default=list)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def source_key(source: Source, vocab_digest: str) -> str:
    """The cache key of one source's analysis (see the module docstring)."""
    fields = {
        f.name: getattr(source, f.name)
        for f in dataclasses.fields(source) if f.name not in _SOURCE_FIELDS_IGNORED
    }
    text = json.dumps([code_digest(), vocab_digest, fields], ensure_ascii=False,
                      sort_keys=True, default=repr)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# ------------------------------------------------------------------ serialization


def _encode(obj: Any) -> Any:
    """JSON-ready data for model dataclasses, dates, tuples and scalars; TypeError for
    anything else (then the entry is simply not stored)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        name = type(obj).__name__
        if getattr(model, name, None) is not type(obj):
            raise TypeError(f"cannot cache a {name}")
        out = {f.name: _encode(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
        out["__t"] = name
        return out
    if isinstance(obj, dt.date):
        return {"__d": obj.isoformat()}
    if isinstance(obj, (tuple, list)):
        return [_encode(x) for x in obj]
    if obj is None or isinstance(obj, (str, int, float, bool)):
        return obj
    raise TypeError(f"cannot cache a {type(obj).__name__}")


def _decode(obj: Any) -> Any:
    if isinstance(obj, list):
        return tuple(_decode(x) for x in obj)
    if isinstance(obj, dict):
        if "__d" in obj:
            return dt.date.fromisoformat(obj["__d"])
        cls = _model_type(str(obj["__t"]))
        return cls(**{k: _decode(v) for k, v in obj.items() if k != "__t"})
    return obj


def _restamp(obj: Any, old: str, new: str) -> Any:
    """Replace source id ``old`` by ``new`` where ids are kept (id, source and mention
    fields of mentions and claims, also inside composite ids such as ``s1.m3.c2``)."""
    pattern = re.compile(rf"(?<![\w]){re.escape(old)}(?![\w])")

    def fix(value: Any) -> Any:
        if isinstance(value, Mention):
            return dataclasses.replace(
                value, id=pattern.sub(new, value.id), source=pattern.sub(new, value.source),
                claims=tuple(fix(c) for c in value.claims))
        if isinstance(value, Claim):
            return dataclasses.replace(
                value, id=pattern.sub(new, value.id), source=pattern.sub(new, value.source),
                mention=pattern.sub(new, value.mention))
        return value

    return fix(obj)


def encode_analysis(analysis: SourceAnalysis) -> str:
    """An analysis as JSON text: every field but the source id (so fields the pipeline
    adds are cached without changing this module), ids in mentions and claims replaced
    by a placeholder."""
    data: dict[str, Any] = {}
    for f in dataclasses.fields(analysis):
        if f.name == "source_id":
            continue
        value = getattr(analysis, f.name)
        if f.name == "mentions":
            value = tuple(_restamp(m, analysis.source_id, _PLACEHOLDER) for m in value)
        data[f.name] = _encode(value)
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def decode_analysis(text: str, source_id: str) -> SourceAnalysis:
    """The analysis stored by :func:`encode_analysis`, stamped with ``source_id``;
    ValueError when the entry does not have exactly the fields of this version."""
    data = json.loads(text)
    names = {f.name for f in dataclasses.fields(SourceAnalysis)} - {"source_id"}
    if not isinstance(data, dict) or set(data) != names:
        raise ValueError("not an analysis of this version")
    values = {name: _decode(value) for name, value in data.items()}
    mentions = values.get("mentions", ())
    if not isinstance(mentions, tuple) or not all(isinstance(m, Mention) for m in mentions):
        raise ValueError("malformed mentions")
    values["mentions"] = tuple(_restamp(m, _PLACEHOLDER, source_id) for m in mentions)
    anchor = values.get("anchor")
    if anchor is not None and not isinstance(anchor, dt.date):
        raise ValueError("anchor is not a date")
    return SourceAnalysis(source_id=source_id, **values)


# --------------------------------------------------------------------------- cache


@dataclasses.dataclass
class CacheStats:
    """What one run found in the cache."""

    hits: int = 0
    misses: int = 0
    corrupt: int = 0
    """Entries that failed their checksum or could not be decoded (then recomputed)."""
    write_errors: int = 0
    unstorable: int = 0
    """Analyses holding values the cache cannot store exactly (recomputed every run)."""
    pruned: int = 0
    """Generations of entries of other reconcile versions deleted as unused."""


class CachingAnalyser:
    """An Analyser that serves cached analyses and sends only misses to ``inner``.

    ``inner`` is any Analyser (serial by default, or a parallel engine); it receives the
    missing sources in their original order.  Results come back in source order, as the
    pipeline requires.
    """

    def __init__(self, directory: str | os.PathLike[str] | None = None,
                 inner: Analyser | None = None) -> None:
        self.directory = Path(directory) if directory is not None else default_cache_dir()
        self.inner: Analyser = inner if inner is not None else _serial
        self.stats = CacheStats()
        self._writable = True

    @property
    def writable(self) -> bool:
        """False once a write error said the folder cannot take entries at all."""
        return self._writable

    def _path(self, key: str) -> Path:
        return self.directory / "v1" / generation() / key[:2] / f"{key}.json"

    def load(self, key: str, source_id: str) -> SourceAnalysis | None:
        """The cached analysis for ``key``, or None when absent or corrupt (an entry is
        only used for the input it was computed from: see :func:`parse_entry`)."""
        path = self._path(key)
        try:
            raw = path.read_bytes()
        except OSError:
            return None
        try:
            return parse_entry(raw, source_id, key)
        except (ValueError, KeyError, TypeError, UnicodeDecodeError, RecursionError):
            self.stats.corrupt += 1
            return None

    def prune(self, max_age_days: float = MAX_AGE_DAYS, now: float | None = None) -> int:
        """Delete the entries of other reconcile versions (generations) in which nothing
        was written for ``max_age_days``; returns how many generations went.  The
        current generation is never touched; a run of another version that loses its
        entries meanwhile only recomputes them."""
        cutoff = (time.time() if now is None else now) - max_age_days * 86400
        try:
            children = [p for p in (self.directory / "v1").iterdir() if p.is_dir()]
        except OSError:
            return 0
        removed = 0
        for child in children:
            if child.name != generation() and _newest_mtime(child) < cutoff:
                shutil.rmtree(child, ignore_errors=True)
                removed += 1
        self.stats.pruned += removed
        return removed

    def store(self, key: str, analysis: SourceAnalysis) -> None:
        """Write one entry atomically; a cache that cannot be written is skipped."""
        if not self._writable:
            return
        path = self._path(key)
        try:
            payload = encode_analysis(analysis)
            exact = decode_analysis(payload, analysis.source_id) == analysis
        except (TypeError, ValueError, KeyError, RecursionError):
            exact = False
        if not exact:  # never cache what would not come back identical
            self.stats.unstorable += 1
            return
        try:
            entry = f"{FORMAT} {_checksum(payload.encode('utf-8'), key)} {key}\n{payload}"
            self._prepare()
        except (OSError, UnicodeError):
            self.stats.write_errors += 1
            self._writable = False  # the folder itself cannot be used: stop trying
            return
        for attempt in range(2):
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                write_atomic(path, entry)
                return
            except OSError as exc:
                if attempt == 0 and _heal(path):
                    continue  # one bad entry (a folder, a link in its place): replaced
                self.stats.write_errors += 1
                if exc.errno in _FOLDER_ERRNOS:
                    self._writable = False  # read-only, full, or no permission
                return

    def _prepare(self) -> None:
        """Create the folder with a .gitignore and a CACHEDIR.TAG the first time."""
        if (self.directory / "CACHEDIR.TAG").exists():
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        write_atomic(self.directory / ".gitignore",
                     "# created by reconcile: the whole folder is a cache\n*\n")
        write_atomic(self.directory / "CACHEDIR.TAG",
                     "Signature: 8a477f597d28d172789f06886806bc55\n"
                     "# This folder is a cache of reconcile; safe to delete.\n")

    def __call__(self, sources: Sequence[Source], vocab: Vocabulary) -> Iterator[SourceAnalysis]:
        vdigest = vocabulary_digest(vocab)
        keys = [source_key(s, vdigest) for s in sources]
        found: dict[int, SourceAnalysis] = {}
        for i, (source, key) in enumerate(zip(sources, keys)):
            hit = self.load(key, source.id)
            if hit is not None:
                found[i] = hit
        missing = [i for i in range(len(sources)) if i not in found]
        self.stats.hits += len(found)
        self.stats.misses += len(missing)
        computed: Iterator[SourceAnalysis] = iter(
            self.inner([sources[i] for i in missing], vocab) if missing else ())
        for i, source in enumerate(sources):
            if i in found:
                yield found[i]
                continue
            analysis = next(computed)
            if analysis.source_id != source.id:
                raise RuntimeError(f"analyser returned {analysis.source_id} for {source.id}")
            self.store(keys[i], analysis)
            yield analysis
        if missing and self._writable:
            self.prune()


def _checksum(payload: bytes, key: str) -> str:
    """SHA-256 over the entry's key and payload: an entry checks only under its key."""
    return hashlib.sha256(key.encode("ascii") + b"\n" + payload).hexdigest()


def parse_entry(raw: bytes, source_id: str, key: str | None = None) -> SourceAnalysis:
    """Check an entry's header and checksum and decode it, stamped with ``source_id``;
    ValueError (or KeyError/TypeError from a payload that is not an analysis) when it
    is corrupt.

    The header names the key (the digest of the exact input the analysis was computed
    from: text, metadata, code and vocabulary) and the checksum covers key and payload;
    given ``key``, an entry stored under another key is refused, so an entry copied or
    moved to the place of another input's is never used for it.  This catches
    corruption and misplacement, not a deliberate forgery by someone who can write the
    cache folder: keep the cache where untrusted changes cannot write (the default in
    CI is outside the checkout; see :func:`default_cache_dir`)."""
    header, _, payload = raw.partition(b"\n")
    fmt, digest, stored_key = header.decode("ascii").split(" ")
    if fmt != FORMAT or _checksum(payload, stored_key) != digest:
        raise ValueError("checksum mismatch")
    if key is not None and stored_key != key:
        raise ValueError("entry of another input")
    return decode_analysis(payload.decode("utf-8"), source_id)


_FOLDER_ERRNOS = frozenset({errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC,
                            errno.EDQUOT})
"""Write errors that say the cache folder cannot take entries at all."""


def _heal(path: Path) -> bool:
    """Remove what stands where an entry should be written (a folder, a symbolic link,
    a FIFO...); True when something was removed and the write is worth retrying."""
    try:
        st = os.lstat(path)
    except OSError:
        return False
    try:
        if stat.S_ISDIR(st.st_mode):
            shutil.rmtree(path)
        elif not stat.S_ISREG(st.st_mode):
            os.unlink(path)
        else:
            return False
    except OSError:
        return False
    return True


def generation() -> str:
    """The folder for entries of this code: other versions' entries sit beside it and
    are pruned once unused (see :meth:`CachingAnalyser.prune`)."""
    return code_digest()[:16]


def _newest_mtime(folder: Path) -> float:
    newest = 0.0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            try:
                newest = max(newest, os.stat(os.path.join(root, name)).st_mtime)
            except OSError:
                pass
    return newest


def _serial(sources: Sequence[Source], vocab: Vocabulary) -> Iterable[SourceAnalysis]:
    return analyse_serially(sources, vocab)


def counting(inner: Analyser, calls: list[str]) -> Analyser:
    """Wrap an analyser to record the path of every source it is asked to analyse
    (for tests and ``--verbose``-style diagnostics)."""
    def wrapped(sources: Sequence[Source], vocab: Vocabulary) -> Iterable[SourceAnalysis]:
        calls.extend(s.path for s in sources)
        return inner(sources, vocab)
    return wrapped


__all__ = ["CacheStats", "CachingAnalyser", "code_digest", "counting",
           "default_cache_dir", "source_key", "vocabulary_digest"]

"""Engines: where extraction (and, for Dask, matching) runs.

Every engine gives the same report, byte for byte; only the time it takes changes.

- :class:`ProcessPoolAnalyser`: an :data:`~reconcile.pipeline.Analyser` that maps
  :func:`~reconcile.pipeline.analyse_source` over a pool of worker processes, in order.
  Extraction is a pure function of one source, so running it in parallel cannot change
  the result; results are yielded in input order as they arrive, so matching sees the
  same sequence as with the serial analyser.  Small inputs stay in this process: a pool
  costs a fork per worker plus pickling, more than extracting a few dozen articles.
  On platforms with ``fork`` the first source is analysed in this process before the
  pool starts, so that the lazily loaded gazetteer and pattern tables are built once and
  shared copy-on-write by the workers instead of being rebuilt in each.
- :class:`DaskEngine` (optional extra ``reconcile[dask]``): extraction as a Dask bag
  map, and matching per blocking key after a shuffle, on a ``dask.distributed``
  cluster (see :mod:`reconcile.matching` for the blocking, and :meth:`DaskEngine.cluster`
  for how per-key results are reconciled into exactly the clustering of
  :func:`~reconcile.matching.cluster`).

Analysers here are plain callables ``(sources, vocab) -> iterable of SourceAnalysis``,
so they compose with wrappers such as a cache that only passes its misses on.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import os
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Self

from .errors import ConfigError
from .model import Source
from .pipeline import Analyser, SourceAnalysis, analyse_source
from .vocabulary import Vocabulary

__all__ = ["Engine", "ProcessPoolAnalyser", "default_jobs", "open_engine"]


def default_jobs() -> int:
    """The number of CPUs this process may run on (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


# ------------------------------------------------------------------ process pool

_WORKER_VOCAB: Vocabulary | None = None


def _init_worker(vocab: Vocabulary) -> None:
    global _WORKER_VOCAB
    _WORKER_VOCAB = vocab


def _analyse_chunk(sources: list[Source]) -> list[SourceAnalysis]:
    vocab = _WORKER_VOCAB
    assert vocab is not None, "worker started without its vocabulary"
    return [analyse_source(s, vocab) for s in sources]


def _context() -> multiprocessing.context.BaseContext:
    """``fork`` where it exists and this process runs one thread (workers then share
    the parent's loaded tables); otherwise ``forkserver`` or ``spawn``, because forking
    a process with other threads (a Dask client, a GUI) can deadlock the child."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


@dataclass(frozen=True)
class ProcessPoolAnalyser:
    """Extraction in ``jobs`` worker processes, results in input order.

    ``serial_below``: inputs with fewer sources are analysed in this process (starting
    workers costs more than it saves).  ``chunk``: sources sent to a worker at a time
    (``None``: about eight chunks per worker, between 4 and 64 sources each), which
    amortizes inter-process overhead while keeping the workers evenly loaded.
    """

    jobs: int | None = None
    serial_below: int = 48
    chunk: int | None = None

    def __call__(self, sources: Sequence[Source], vocab: Vocabulary) -> Iterator[SourceAnalysis]:
        jobs = self.jobs if self.jobs is not None else default_jobs()
        if jobs <= 1 or len(sources) < self.serial_below:
            for source in sources:
                yield analyse_source(source, vocab)
            return
        context = _context()
        rest: Sequence[Source] = sources
        if context.get_start_method() == "fork":
            # warm the lazy tables in the parent so forked workers share them
            yield analyse_source(sources[0], vocab)
            rest = sources[1:]
        size = self.chunk or max(4, min(64, len(rest) // (jobs * 8) or 1))
        chunks = [list(rest[i:i + size]) for i in range(0, len(rest), size)]
        with ProcessPoolExecutor(max_workers=min(jobs, len(chunks)), mp_context=context,
                                 initializer=_init_worker, initargs=(vocab,)) as pool:
            for batch in pool.map(_analyse_chunk, chunks):
                yield from batch


# ------------------------------------------------------------------ engines


@dataclass
class Engine:
    """What the pipeline needs from an engine: an analyser and, optionally, a matcher.

    Use as a context manager so that engines holding resources (a Dask client) release
    them.
    """

    analyser: Analyser
    matcher: Any = None
    """``(mentions) -> Clustering``, or None for :func:`reconcile.matching.cluster`."""
    _closers: list[Any] = field(default_factory=list)

    def close(self) -> None:
        while self._closers:
            self._closers.pop()()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def open_engine(name: str = "local", *, jobs: int | None = None,
                scheduler: str | None = None) -> Engine:
    """The engine called ``name``: ``local`` (processes on this machine) or ``dask``.

    ``jobs`` is the number of local worker processes (default: :func:`default_jobs`);
    ``scheduler`` the address of a running Dask scheduler (``dask`` only; default: a
    ``LocalCluster`` with ``jobs`` workers, closed with the engine).
    """
    if jobs is not None and jobs < 1:
        raise ConfigError(f"--jobs must be at least 1, not {jobs}")
    if name == "local":
        if scheduler is not None:
            raise ConfigError("--scheduler only applies to --engine dask")
        return Engine(ProcessPoolAnalyser(jobs))
    raise ConfigError(f"unknown engine {name!r} (choose local or dask)")

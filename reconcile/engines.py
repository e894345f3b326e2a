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
- :class:`DaskEngine` (optional extra ``reconcile-news[dask]``): extraction as a Dask bag
  map, and matching per blocking key after a shuffle, on a ``dask.distributed``
  cluster (see :mod:`reconcile.match.matching` for the blocking, and :meth:`DaskEngine.cluster`
  for how per-key results are reconciled into exactly the clustering of
  :func:`~reconcile.match.matching.cluster`).

Analysers here are plain callables ``(sources, vocab) -> iterable of SourceAnalysis``,
so they compose with wrappers such as a cache that only passes its misses on.
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.context
import os
import sys
import threading
import weakref
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Self

from .errors import ConfigError
from .match.matching import (
    Clustering,
    Frames,
    Kin,
    assemble_clustering,
    block_keys,
    block_pairs,
    judge_pair,
    mention_facts,
    story_frames,
)
from .model import Mention, Source
from .pipeline import Analyser, SourceAnalysis, analyse_source
from .extraction.vocabulary import Vocabulary

__all__ = ["DaskEngine", "Engine", "ProcessPoolAnalyser", "default_jobs", "open_engine"]


def default_jobs() -> int:
    """The number of CPUs this process may run on (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


# ------------------------------------------------------------------ process pool

_WORKER_VOCAB: Vocabulary | None = None


def _init_worker(vocab: Vocabulary, parent: int | None = None) -> None:
    global _WORKER_VOCAB
    _WORKER_VOCAB = vocab
    # What a forked worker inherits (the gazetteer, the pattern tables) lives as long as
    # it does: frozen, the collector never walks it again, which saves the time of each
    # full collection and the copy of every page it would write to.  A no-op for a
    # spawned worker's few objects.
    gc.freeze()
    gc.enable()  # a forked worker inherits the parent's paused collector
    _die_with_parent(parent)


def _die_with_parent(parent: int | None) -> None:
    """Ask Linux to send this worker SIGTERM when its parent dies, however it dies
    (SIGTERM, SIGKILL, an OOM kill): a worker never outlives the run that started it,
    holding the caller's stderr.  Elsewhere a no-op; the parent's own clean-up
    (:meth:`ProcessPoolAnalyser.__call__`) still ends the workers."""
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, if any
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM, 0, 0, 0)  # PR_SET_PDEATHSIG
        if parent is not None and os.getppid() != parent:  # it died before prctl
            os._exit(1)
    except (OSError, AttributeError):  # pragma: no cover - no prctl
        pass


_LIVE_POOLS: weakref.WeakSet[ProcessPoolExecutor] = weakref.WeakSet()
"""The pools running now, so that a SIGTERM handler can end their workers."""


def _end_workers(pool: ProcessPoolExecutor) -> None:
    """Terminate the pool's worker processes now (a signal or an error stopped the
    run): without this, shutting the pool down would wait for the chunks they run."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            process.terminate()
        except (OSError, AttributeError, ValueError):  # already gone
            pass


def end_all_workers() -> None:
    """Terminate the workers of every pool this process runs (for a SIGTERM handler,
    which then exits at once: see reconcile.cli)."""
    for pool in list(_LIVE_POOLS):
        _end_workers(pool)


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
        forked = context.get_start_method() == "fork"  # else a worker's parent is a server
        if forked:
            # warm the lazy tables in the parent so forked workers share them
            yield analyse_source(sources[0], vocab)
            rest = sources[1:]
        size = self.chunk or max(4, min(64, len(rest) // (jobs * 8) or 1))
        chunks = [list(rest[i:i + size]) for i in range(0, len(rest), size)]
        pool = ProcessPoolExecutor(max_workers=min(jobs, len(chunks)), mp_context=context,
                                   initializer=_init_worker,
                                   initargs=(vocab, os.getpid() if forked else None))
        _LIVE_POOLS.add(pool)
        try:
            for batch in pool.map(_analyse_chunk, chunks):
                yield from batch
        except BaseException:  # Ctrl-C, an error, or the consumer stopped early: the
            _end_workers(pool)  # workers end with the run, not after their chunks
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        finally:
            _LIVE_POOLS.discard(pool)
            pool.shutdown(wait=True, cancel_futures=True)


# ------------------------------------------------------------------ engines


@dataclass
class Engine:
    """What the pipeline needs from an engine: an analyser and, optionally, a matcher.

    Use as a context manager so that engines holding resources (a Dask client) release
    them.
    """

    analyser: Analyser
    matcher: Any = None
    """``(mentions) -> Clustering``, or None for :func:`reconcile.match.matching.cluster`."""
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
    if name == "dask":
        dask = DaskEngine(scheduler=scheduler, jobs=jobs)
        return Engine(dask.analyse, dask.cluster, [dask.close])
    raise ConfigError(f"unknown engine {name!r} (choose local or dask)")


# ------------------------------------------------------------------ dask

JudgedPair = tuple[str, int, int, int, str, float, str | None]
"""``(block key, position in the block's pair order, i, j, *judge_pair(...))``."""


def _dask_analyse_partition(sources: list[Source], vocab: Vocabulary) -> list[SourceAnalysis]:
    return [analyse_source(s, vocab) for s in sources]


def _dask_keyed(item: tuple[int, Mention], kin: Kin | None = None,
                frames: Frames | None = None) -> list[tuple[str, int, Mention]]:
    """One record per blocking key of a mention (a mention may have several)."""
    index, mention = item
    return [(key, index, mention) for key in block_keys(mention, kin, frames)]


def _dask_judge_block(group: tuple[str, list[tuple[str, int, Mention]]],
                      scoped_types: frozenset[str], kin: Kin | None = None,
                      frames: Frames | None = None) -> list[JudgedPair]:
    """Judge one block's candidate pairs where the block landed after the shuffle.

    Returns only the pairs that contribute (edges, weak pairs, near misses), each with
    its position in the block's sorted-neighbourhood order.
    """
    key, items = group
    facts = {index: mention_facts(mention, kin, frames) for _key, index, mention in items}
    out: list[JudgedPair] = []
    for seq, (i, j) in enumerate(block_pairs(sorted(facts), facts)):
        verdict = judge_pair(facts[i], facts[j], scoped_types)
        if verdict is not None:
            out.append((key, seq, i, j, *verdict))
    return out


class DaskEngine:
    """Extraction and matching on a ``dask.distributed`` cluster.

    **Extraction** is a bag map of :func:`~reconcile.pipeline.analyse_source` over the
    sources (read on this machine and shipped to the workers), gathered in input order.

    **Matching**: each mention is emitted once per blocking key, the bag is shuffled by
    key so that every block lands whole on one worker, and each block's candidate pairs
    (the same sorted neighbourhood as the local engine) are judged there; only the pairs
    that count (edges, weak pairs for the companion pass, near misses) come back.  A
    mention with several keys (several nationalities, its own article's block, its
    type's block) is in several blocks, so an event can span blocks and one pair
    can be judged in two blocks.  The reconciliation on the client makes the result
    identical to :func:`reconcile.match.matching.cluster`: judged pairs are put in the order
    the local engine enumerates them (block key, then position in the block), a pair
    counts once, at its first occurrence (its judgement does not depend on the block);
    then connected components over all edges, which join blocks through shared
    mentions, are merged greedily under the same constraints
    (:func:`reconcile.match.matching.assemble_clustering`).  The client holds edges and near
    misses, never the pairs compared: its memory is linear in mentions plus edges; the
    greedy merge and the companion pass run on the client.
    """

    def __init__(self, scheduler: str | None = None, jobs: int | None = None,
                 processes: bool = True) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise ConfigError(
                "the dask engine needs the optional extra: pip install 'reconcile-news[dask]'"
            ) from None
        self._cluster: Any = None
        if scheduler is None:
            self._cluster = LocalCluster(
                n_workers=jobs or default_jobs(), threads_per_worker=1, processes=processes,
                # No dashboard; the scheduler's HTTP server on a free local port, not on
                # 8787 (dashboard_address=None still means 8787, and a second cluster on
                # the machine then got a "port in use" warning: an error under -W error).
                dashboard_address="127.0.0.1:0", scheduler_kwargs={"dashboard": False},
            )
            self.client: Any = Client(self._cluster)
        else:
            try:
                self.client = Client(scheduler, timeout="30s")
            except (OSError, TimeoutError, ValueError) as exc:
                raise ConfigError(
                    f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None

    def close(self) -> None:
        """Disconnect, and stop the local cluster if this engine started one."""
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()

    def _partitions(self, n: int) -> int:
        workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        return max(1, min(n, workers * 4))

    def analyse(self, sources: Sequence[Source], vocab: Vocabulary) -> list[SourceAnalysis]:
        """An :data:`~reconcile.pipeline.Analyser`: a bag map of the sources, in order."""
        import dask.bag as db

        if not sources:
            return []
        bag = db.from_sequence(list(sources), npartitions=self._partitions(len(sources)))
        result: list[SourceAnalysis] = bag.map_partitions(
            _dask_analyse_partition, vocab).compute(scheduler=self.client)
        return result

    def cluster(self, mentions: Sequence[Mention],
                scoped_types: frozenset[str] = frozenset(),
                kin: Kin | None = None) -> Clustering:
        """:func:`reconcile.match.matching.cluster`, with blocks judged on the cluster."""
        import dask.bag as db

        if not mentions:
            return assemble_clustering(mentions, [], scoped_types, kin=kin)
        # the articles' frames are one linear pass, made here and shipped to the workers
        # (a few small objects per source), so blocks are judged with the same stories
        frames = story_frames(mentions, kin)
        bag = db.from_sequence(list(enumerate(mentions)),
                               npartitions=self._partitions(len(mentions)))
        judged: list[JudgedPair] = (
            bag.map(_dask_keyed, kin, frames).flatten()
            .groupby(lambda record: record[0], shuffle="tasks")
            .map(_dask_judge_block, scoped_types, kin, frames).flatten()
            .compute(scheduler=self.client))
        judged.sort(key=lambda r: (r[0], r[1]))
        seen: set[tuple[int, int]] = set()
        ordered: list[tuple[int, int, str, float, str | None]] = []
        for _key, _seq, i, j, kind, weight, reason in judged:
            if (i, j) not in seen:  # the first block that pairs them, as locally
                seen.add((i, j))
                ordered.append((i, j, kind, weight, reason))
        return assemble_clustering(mentions, ordered, scoped_types, kin=kin, frames=frames)

"""The analysis cache: only new or changed sources are analysed again, results are the
same as without the cache, corrupt entries are rebuilt, and sharing is safe."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

from reconcile.cache import (
    MAX_AGE_DAYS,
    CachingAnalyser,
    counting,
    decode_analysis,
    encode_analysis,
    generation,
    parse_entry,
    source_key,
    vocabulary_digest,
)
from reconcile.cli import main
from reconcile.model import Source
from reconcile.pipeline import (
    Analyser,
    SourceAnalysis,
    analyse_serially,
    analyse_source,
    reconcile,
)
from reconcile.read import read_sources
from reconcile.extraction.vocabulary import Vocabulary, load_vocabulary


ARTICLES = {
    "b.md": "---\npublished: 2024-03-12\n---\nFloodwaters killed 12 people in Nairobi on "
            "Monday, said Chief Jane Otieno.\n",
    "c.md": "---\npublished: 2024-03-13\n---\nThe flood in Nairobi on Monday killed 14 people, "
            "according to the Red Cross.\n",
    "d.md": "---\npublished: 2024-03-14\n---\nPolice arrested 30 people in Mombasa on "
            "Wednesday, a spokesman said.\n",
}


def _serial(sources: Sequence[Source], vocab: Vocabulary) -> Iterable[SourceAnalysis]:
    return analyse_serially(sources, vocab)


def _analyser(cache: Path, calls: list[str], inner: Analyser = _serial) -> CachingAnalyser:
    return CachingAnalyser(cache, inner=counting(inner, calls))


@pytest.fixture()
def corpus(write_corpus: Callable[..., Path]) -> Path:
    return write_corpus(ARTICLES, "corpus")


def test_second_run_with_one_new_file_analyses_only_that_file(corpus: Path,
                                                              tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    calls: list[str] = []
    first = _analyser(cache, calls)
    reconcile([str(corpus)], analyser=first)
    assert len(calls) == 3 and (first.stats.hits, first.stats.misses) == (0, 3)

    # "a.md" sorts first: every other source gets a new id (s1 -> s2, ...)
    (corpus / "a.md").write_text("---\npublished: 2024-03-15\n---\nThe flood in Nairobi "
                                 "killed 13 people on Monday, officials said.\n", "utf-8")
    calls.clear()
    second = _analyser(cache, calls)
    cached = reconcile([str(corpus)], analyser=second)
    assert calls == [str(corpus / "a.md")]
    assert (second.stats.hits, second.stats.misses) == (3, 1)
    assert cached == reconcile([str(corpus)])  # ids re-stamped: the very same report


def test_cached_seed_report_equals_uncached(tmp_path: Path, seeds: Path) -> None:
    paths = [str(p) for p in sorted(seeds.glob("*.txt"))]
    calls: list[str] = []
    reconcile(paths[1:], analyser=_analyser(tmp_path / "cache", calls))
    calls.clear()
    assert reconcile(paths, analyser=_analyser(tmp_path / "cache", calls)) == reconcile(paths)
    assert calls == paths[:1]


def test_encoding_round_trips_and_restamps_the_source_id(seeds: Path) -> None:
    sources, _, _ = read_sources([str(seeds)])
    vocab = load_vocabulary()
    analysis = analyse_source(sources[0], vocab)
    assert analysis.mentions, "the seed should yield mentions"
    assert decode_analysis(encode_analysis(analysis), analysis.source_id) == analysis
    moved = decode_analysis(encode_analysis(analysis), "s7")
    assert {m.source for m in moved.mentions} == {"s7"}
    assert all(c.source == "s7" and c.mention.startswith("s7") for m in moved.mentions
               for c in m.claims)


def test_key_ignores_path_and_id_but_not_content_or_vocabulary(tmp_path: Path) -> None:
    vocab = load_vocabulary()
    digest = vocabulary_digest(vocab)
    src = Source(id="s1", path="a.txt", text="Police arrested 3 men.")
    same = Source(id="s9", path="elsewhere/b.txt", text="Police arrested 3 men.")
    edited = Source(id="s1", path="a.txt", text="Police arrested 4 men.")
    assert source_key(src, digest) == source_key(same, digest)
    assert source_key(src, digest) != source_key(edited, digest)
    extra = tmp_path / "events.toml"
    extra.write_text('[types.eviction]\ntriggers = ["evicted"]\n', "utf-8")
    assert source_key(src, vocabulary_digest(load_vocabulary(str(extra)))) != source_key(src, digest)


def test_corrupt_entries_are_detected_and_rebuilt(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    calls: list[str] = []
    reconcile([str(corpus)], analyser=_analyser(cache, calls))
    entries = sorted((cache / "v1").rglob("*.json"))
    assert len(entries) == 3
    data = entries[0].read_bytes()
    entries[0].write_bytes(data.replace(b'"anchor_basis"', b'"anchor_basiz"'))  # checksum now wrong
    entries[1].write_bytes(data[: len(data) // 2])  # truncated
    calls.clear()
    again = _analyser(cache, calls)
    assert reconcile([str(corpus)], analyser=again) == reconcile([str(corpus)])
    assert again.stats.corrupt == 2 and len(calls) == 2
    calls.clear()
    third = _analyser(cache, calls)
    reconcile([str(corpus)], analyser=third)
    assert calls == [] and third.stats.corrupt == 0


@dataclasses.dataclass(frozen=True)
class _Foreign:
    """A value type the cache does not know."""

    name: str


def test_values_the_cache_cannot_store_exactly_are_recomputed(corpus: Path,
                                                               tmp_path: Path) -> None:
    def inner(sources: Sequence[Source], vocab: Vocabulary) -> Iterable[SourceAnalysis]:
        for analysis in analyse_serially(sources, vocab):
            odd = tuple(dataclasses.replace(m, claims=tuple(
                dataclasses.replace(c, value=_Foreign("x")) for c in m.claims))  # type: ignore[arg-type]
                for m in analysis.mentions)
            yield dataclasses.replace(analysis, mentions=odd)

    analyser = CachingAnalyser(tmp_path / "cache", inner)
    list(analyser(read_sources([str(corpus)])[0], load_vocabulary()))
    assert analyser.stats.unstorable == 3 and not list((tmp_path / "cache").rglob("*.json"))


def test_cache_folder_is_marked_and_an_unwritable_cache_is_not_fatal(corpus: Path,
                                                                      tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    reconcile([str(corpus)], analyser=CachingAnalyser(cache))
    assert (cache / "CACHEDIR.TAG").read_text("utf-8").startswith("Signature: 8a477f597d28d172")
    assert (cache / ".gitignore").read_text("utf-8").endswith("*\n")
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", "utf-8")
    analyser = CachingAnalyser(blocked)
    assert reconcile([str(corpus)], analyser=analyser) == reconcile([str(corpus)])
    assert analyser.stats.write_errors == 1 and analyser.stats.misses == 3


def test_runs_sharing_a_cache_in_threads(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = [pool.submit(reconcile, [str(corpus)], analyser=CachingAnalyser(cache))
                   for _ in range(4)]
        reports = [f.result() for f in futures]  # re-raises any error of a run
    assert all(r == reports[0] for r in reports)
    assert not [p for p in cache.rglob("*") if p.name.endswith(".tmp")]
    calls: list[str] = []
    reconcile([str(corpus)], analyser=_analyser(cache, calls))
    assert calls == []


@pytest.mark.slow
def test_two_processes_sharing_a_cache(corpus: Path, tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "reconcile"
    command = [str(exe) if exe.exists() else "reconcile", "baseline", str(corpus),
               "--cache-dir", str(tmp_path / "cache"), "-q", "-o"]
    runs = [subprocess.Popen([*command, str(tmp_path / f"b{i}.json")], stderr=subprocess.PIPE,
                             text=True) for i in range(2)]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
    assert (tmp_path / "b0.json").read_text("utf-8") == (tmp_path / "b1.json").read_text("utf-8")
    # every entry is whole and passes its checksum (the key is not recomputed here: the
    # code digest of this process may differ from the children's while code is edited)
    entries = sorted((tmp_path / "cache" / "v1").rglob("*"))
    files = [p for p in entries if p.is_file()]
    assert len(files) == 3 and all(p.suffix == ".json" for p in files)
    assert all(parse_entry(p.read_bytes(), "s1").source_id == "s1" for p in files)


def test_inner_analyser_receives_only_misses_in_order(corpus: Path, tmp_path: Path) -> None:
    seen: list[list[str]] = []

    def inner(sources: Sequence[Source], vocab: Vocabulary) -> Iterable[SourceAnalysis]:
        seen.append([s.id for s in sources])
        return [analyse_source(s, vocab) for s in sources]

    reconcile([str(corpus / "c.md")], analyser=CachingAnalyser(tmp_path / "cache", inner))
    reconcile([str(corpus)], analyser=CachingAnalyser(tmp_path / "cache", inner))
    assert seen == [["s1"], ["s1", "s3"]]


def test_cli_cache_options(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RECONCILE_CACHE_DIR", raising=False)
    for ci in ("CI", "GITHUB_ACTIONS"):  # outside CI the default is in the current folder
        monkeypatch.delenv(ci, raising=False)
    runner = CliRunner()
    out = runner.invoke(main, ["baseline", "corpus", "-o", "b.json", "--no-cache"])
    assert out.exit_code == 0, out.stderr
    assert not (tmp_path / ".reconcile-cache").exists() and "cache:" not in out.stderr
    out = runner.invoke(main, ["check", "corpus", "--baseline", "b.json"])
    assert out.exit_code == 0 and (tmp_path / ".reconcile-cache" / "CACHEDIR.TAG").exists()
    monkeypatch.setenv("RECONCILE_CACHE_DIR", str(tmp_path / "env-cache"))
    out = runner.invoke(main, ["check", "corpus", "--baseline", "b.json"])
    assert "0 reused, 3 analysed" in out.stderr and (tmp_path / "env-cache").is_dir()
    out = runner.invoke(main, ["check", "corpus", "--baseline", "b.json", "--cache-dir", "x"])
    assert (tmp_path / "x" / "v1").is_dir()
    shutil.rmtree(tmp_path / "x")  # safe to delete
    out = runner.invoke(main, ["check", "corpus", "--baseline", "b.json", "--cache-dir", "x"])
    assert out.exit_code == 0 and "0 reused, 3 analysed" in out.stderr


def test_unused_generations_of_other_versions_are_pruned(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    old = cache / "v1" / "0123456789abcdef" / "ab" / "ab.json"
    recent = cache / "v1" / "fedcba9876543210" / "cd" / "cd.json"
    for path in (old, recent):
        path.parent.mkdir(parents=True)
        path.write_text("x", "utf-8")
    long_ago = time.time() - (MAX_AGE_DAYS + 1) * 86400
    os.utime(old, (long_ago, long_ago))
    analyser = CachingAnalyser(cache)
    reconcile([str(corpus)], analyser=analyser)
    assert analyser.stats.pruned == 1
    assert not old.parent.parent.exists() and recent.exists()
    assert (cache / "v1" / generation()).is_dir()

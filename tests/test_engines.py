"""Engines: parallel extraction gives byte-identical reports; the benchmark corpus is
deterministic and its truth points at the sentences it describes."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from reconcile.engines import ProcessPoolAnalyser, open_engine
from reconcile.errors import ConfigError
from reconcile.pipeline import analyse_serially, reconcile
from reconcile.render import render_json, render_markdown

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    corpus.write(corpus.generate(160, seed=3), out)
    return out / "articles"


@pytest.mark.slow
def test_process_pool_report_is_byte_identical_for_any_number_of_jobs(generated: Path) -> None:
    serial = reconcile([str(generated)], analyser=lambda s, v: analyse_serially(s, v))
    expected_json, expected_md = render_json(serial), render_markdown(serial)
    for jobs in (1, 2, 3):
        report = reconcile([str(generated)],
                           analyser=ProcessPoolAnalyser(jobs, serial_below=8, chunk=7))
        assert render_json(report) == expected_json, jobs
        assert render_markdown(report) == expected_md, jobs


def test_small_inputs_stay_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a pool was started for a tiny input")

    monkeypatch.setattr("reconcile.engines.ProcessPoolExecutor", no_pool)
    seeds = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))
    report = reconcile(seeds, analyser=ProcessPoolAnalyser(jobs=4))
    assert render_json(report) == render_json(reconcile(seeds))


@pytest.mark.slow
def test_pool_results_keep_input_order(generated: Path) -> None:
    from reconcile.read import read_sources
    from reconcile.extraction.vocabulary import load_vocabulary

    sources, _, _ = read_sources([str(generated)])
    vocab = load_vocabulary(None)
    ids = [a.source_id for a in ProcessPoolAnalyser(2, serial_below=1, chunk=5)(sources, vocab)]
    assert ids == [s.id for s in sources]


def test_engine_options_are_checked() -> None:
    with pytest.raises(ConfigError):
        open_engine("local", jobs=0)
    with pytest.raises(ConfigError):
        open_engine("spark")
    with pytest.raises(ConfigError):
        open_engine("local", scheduler="tcp://127.0.0.1:8786")


def test_generated_corpus_is_deterministic_and_truth_spans_name_the_event() -> None:
    a, b = corpus.generate(40, seed=11), corpus.generate(40, seed=11)
    assert [x.text for x in a.articles] == [x.text for x in b.articles]
    assert a.truth() == b.truth()
    assert [x.text for x in corpus.generate(40, seed=12).articles] != [x.text for x in a.articles]
    truth = a.truth()
    for art in a.articles:
        assert art.text.startswith("---\ntitle: ")
        for m in truth["articles"][art.path]["mentions"]:
            s, e = m["span"]
            event = next(x for x in a.events if x.id == m["event"])
            assert event.group in art.text[s:e]


@pytest.mark.slow
def test_cli_jobs_give_byte_identical_reports(generated: Path) -> None:
    from click.testing import CliRunner

    from reconcile.cli import main

    runner = CliRunner()
    outputs = []
    for jobs in ("1", "2"):
        for command, fmt in (("report", "json"), ("claims", "json")):
            result = runner.invoke(main, [command, str(generated), "--jobs", jobs, "-q",
                                          "--format", fmt], catch_exceptions=False)
            assert result.exit_code == 0, result.output
            outputs.append(result.output)
    assert outputs[:2] == outputs[2:]
    bad = runner.invoke(main, ["report", str(generated), "--jobs", "0"])
    assert bad.exit_code == 2


@pytest.mark.slow
def test_fast_indented_json_is_byte_identical_to_json_dumps(generated: Path) -> None:
    import json

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from reconcile._json import dumps_indented
    from reconcile.render.json_report import report_to_dict

    for paths in ([str(generated)], [str(ROOT / "seeds")]):
        report = reconcile(paths)
        data = report_to_dict(report)
        expected = json.dumps(data, ensure_ascii=False, indent=2)
        assert dumps_indented(data) == expected
        assert render_json(report) == expected + "\n"  # events converted lazily

    scalars = (st.none() | st.booleans() | st.integers() | st.floats() | st.text())
    keys = st.text() | st.integers() | st.booleans() | st.none() | st.floats(allow_nan=False)
    values = st.recursive(scalars, lambda inner: st.lists(inner) | st.tuples(inner, inner)
                          | st.dictionaries(keys, inner), max_leaves=30)

    @settings(max_examples=150, deadline=None)
    @given(values)
    def same(value: Any) -> None:
        assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)

    same()
    with pytest.raises(TypeError):
        dumps_indented({"a": object()})


def test_trigger_trie_matches_like_the_longest_first_alternation() -> None:
    import random
    import re

    from reconcile.extraction.vocabulary import load_vocabulary, trie_alternation

    words = list(load_vocabulary(None).trigger_type) + ["sent", "sent home", "a b", "ab"]
    plain = re.compile(r"(?<![\w-])(?:" + "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
        + r")(?![\w-])", re.IGNORECASE)
    trie = re.compile(r"(?<![\w-])(?:" + trie_alternation(words) + r")(?![\w-])", re.IGNORECASE)
    rng = random.Random(5)
    pieces = words + ["s", "ed", "-", " ", "  ", "\n", "X", "un", "ing", ",", "'"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        text = "".join(ch.upper() if rng.random() < 0.1 else ch for ch in text)
        assert [m.span() for m in plain.finditer(text)] == [m.span() for m in trie.finditer(text)]


@pytest.mark.slow
def test_pool_without_fork_gives_the_same_report(generated: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """With other threads running, workers are not forked; the result is the same."""
    import threading

    expected = render_json(reconcile([str(generated)]))
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    report = reconcile([str(generated)], analyser=ProcessPoolAnalyser(2, serial_below=8))
    assert render_json(report) == expected


def test_candidate_pairs_dedup_by_position_equals_a_set_of_seen_pairs() -> None:
    """Pairs are skipped when an earlier shared block paired them; the result (order
    included) is that of remembering every pair, on blocks large enough to be windowed
    and mentions in several blocks."""
    import random

    from factories import day, mention

    from reconcile.match.matching import WINDOW, _block_keys, _date_key, _facts, candidate_pairs

    rng = random.Random(8)
    ms = [mention(f"s{n // 4}", rng.choice(["arrest", "raid"]),
                  date=day(f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"),
                  groups=tuple(sorted(rng.sample(["KR", "CN", "VN"], rng.randint(1, 3)))))
          for n in range(700)]
    facts = [_facts(m) for m in ms]
    blocks: dict[str, list[int]] = {}
    for i, f in enumerate(facts):
        for key in _block_keys(f):
            blocks.setdefault(key, []).append(i)
    assert max(len(b) for b in blocks.values()) > 2 * WINDOW
    expected, seen = [], set()
    for key in sorted(blocks):
        members = sorted(blocks[key], key=lambda i: _date_key(facts[i]))
        exhaustive = len(members) <= 2 * WINDOW
        for pos, i in enumerate(members):
            stop = len(members) if exhaustive else min(len(members), pos + 1 + WINDOW)
            for j in members[pos + 1:stop]:
                pair = (min(i, j), max(i, j))
                if pair not in seen:
                    seen.add(pair)
                    expected.append(pair)
    assert list(candidate_pairs(facts)) == expected


def test_attribution_prefilter_only_skips_sentences_nothing_could_match(
        generated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import random
    import re

    from reconcile.extraction import attribution
    from reconcile.text import split_sentences
    from reconcile.extraction.vocabulary import load_vocabulary

    titles = load_vocabulary(None).titles
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(generated.glob("*.txt"))[:60]]
    sentences = [s.text(t) for t in texts for s in split_sentences(t, 0)]
    rng = random.Random(9)
    words = ["said", "says", "told", "tells", "reported", "according", "to", "the", "a", "police", "officials", "ministry", "He", "It", "They", ",", ";", "“", "General", "Khieu", "Sopheak", "Ms", "Dara", "report", "study", "statement", "in", "at", "from", "estimates", "estimated", "confirmed", "claims", "warned", "wrote", "spokesperson", "Reuters", "Xinhua", "sources", "noted", "added", "cited", "announced", "survey", "25", "people", "were"]
    sentences += [" ".join(rng.choice(words) for _ in range(rng.randint(2, 14)))
                  for _ in range(3000)]
    fast = [attribution.find_attribution(s, titles, "Someone") for s in sentences]
    monkeypatch.setattr(attribution, "_NEEDED", re.compile(""))
    slow = [attribution.find_attribution(s, titles, "Someone") for s in sentences]
    assert fast == slow
    assert sum(1 for x in slow if x != (None, None)) > 100


@pytest.mark.slow
def test_json_written_in_pieces_is_the_rendered_json(generated: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from reconcile.cli import main
    from reconcile.render.json_report import write_json

    report = reconcile([str(generated)])
    pieces: list[str] = []
    write_json(report, pieces.append)
    assert len(pieces) > len(report.events)  # event by event, not one string
    assert "".join(pieces) == render_json(report)
    out = tmp_path / "r.json"
    runner = CliRunner()
    to_file = runner.invoke(main, ["report", str(generated), "--format", "json", "-q",
                                   "-o", str(out)])
    to_stdout = runner.invoke(main, ["report", str(generated), "--format", "json", "-q"])
    assert to_file.exit_code == to_stdout.exit_code == 0
    assert out.read_text(encoding="utf-8") == to_stdout.output == render_json(report)

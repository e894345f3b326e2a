"""The Dask engine (extra ``reconcile-news[dask]``) gives the same report as the local engine.

One local cluster (two worker processes) serves the whole module; the comparison runs
on the seeds, on a generated 2,000-article corpus, on hand-made mentions whose blocks
overlap (several nationalities per mention), and through the command line, including
``--scheduler`` pointed at a running scheduler.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("dask.distributed")

from click.testing import CliRunner
from factories import day, mention

from reconcile.cli import main
from reconcile.engines import DaskEngine
from reconcile.match.matching import cluster
from reconcile.pipeline import reconcile
from reconcile.render import render_json

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus

pytestmark = pytest.mark.slow  # see conftest.py: left out of pytest -m 'not slow'


@pytest.fixture(scope="module")
def engine() -> Iterator[DaskEngine]:
    eng = DaskEngine(jobs=2)
    yield eng
    eng.close()


def _both(paths: list[str], engine: DaskEngine) -> tuple[str, str]:
    local = render_json(reconcile(paths))
    remote = render_json(reconcile(paths, analyser=engine.analyse, matcher=engine.cluster))
    return local, remote


def test_same_json_report_on_the_seeds(engine: DaskEngine) -> None:
    local, remote = _both([str(ROOT / "seeds")], engine)
    assert remote == local


def test_same_json_report_on_a_generated_2k_corpus(
        engine: DaskEngine, tmp_path_factory: pytest.TempPathFactory) -> None:
    out = tmp_path_factory.mktemp("corpus2k")
    corpus.write(corpus.generate(2000, seed=21), out)
    local, remote = _both([str(out / "articles")], engine)
    assert '"events": [\n' in local
    assert remote == local


def test_blocks_that_share_mentions_are_reconciled_exactly(engine: DaskEngine) -> None:
    rng = random.Random(4)
    nationalities = ["KR", "CN", "VN", "TH", "ID"]
    ms = []
    for n in range(240):
        groups = tuple(sorted(rng.sample(nationalities, rng.choice([1, 1, 2, 3]))))
        ms.append(mention(
            f"s{n // 3}", rng.choice(["arrest", "deportation"]),
            date=day(f"2023-0{rng.randint(1, 3)}-{rng.randint(10, 14)}"),
            count=rng.choice([10, 12, 40]), groups=groups,
            sentence=f"{rng.choice(['police', 'officials'])} held people {n % 7}"))
    local = cluster(ms)
    remote = engine.cluster(ms)
    assert remote.clusters == local.clusters
    assert remote.separations == local.separations
    assert any(len(c) > 1 for c in local.clusters)


def test_cli_engine_dask_and_scheduler_address(engine: DaskEngine) -> None:
    runner = CliRunner()
    seeds = str(ROOT / "seeds")
    local = runner.invoke(main, ["report", seeds, "--format", "json", "-q"])
    assert local.exit_code == 0, local.output
    address = engine.client.scheduler.address
    remote = runner.invoke(main, ["report", seeds, "--format", "json", "-q",
                                  "--engine", "dask", "--scheduler", address])
    assert remote.exit_code == 0, remote.output
    assert remote.output == local.output
    wrong = runner.invoke(main, ["report", seeds, "--scheduler", address])
    assert wrong.exit_code == 2

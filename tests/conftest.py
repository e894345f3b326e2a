"""Fixtures shared by several test files, and the ``slow`` marker's one implicit rule.

Fixtures used by one file stay in that file.  ``pytest -m "not slow"`` leaves out the
tests marked ``slow`` (browser, Dask, engine byte-identity runs on generated corpora,
hostile and pathological inputs, fuzzing, subprocess runs): the quick loop while
editing.  CI (.ci/run) runs everything.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def runner() -> CliRunner:
    """A click runner for invoking ``reconcile.cli.main`` in-process."""
    return CliRunner()


@pytest.fixture()
def seeds() -> Path:
    """The committed seed articles (read only: copy them to change them)."""
    return ROOT / "seeds"


@pytest.fixture()
def write_corpus(tmp_path: Path) -> Callable[..., Path]:
    """Write ``{file name: text}`` into a new folder under tmp_path and return the folder.

    ``write_corpus(texts)`` uses tmp_path itself; ``write_corpus(texts, "name")`` a
    subfolder of that name, so that one test can make several corpora.
    """
    def write(texts: dict[str, str], folder: str | None = None) -> Path:
        where = tmp_path / folder if folder else tmp_path
        where.mkdir(parents=True, exist_ok=True)
        for name, text in texts.items():
            (where / name).write_text(text, encoding="utf-8")
        return where
    return write


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that drives chromium (uses the ``browser`` fixture) is slow."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)

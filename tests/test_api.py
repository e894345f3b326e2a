"""The library API the README shows works as shown."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

import reconcile

ROOT = Path(__file__).resolve().parent.parent


def test_readme_library_example_runs(monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme[readme.index("### Library"):]
    code = re.search(r"```python\n(.*?)```", section, re.S)
    assert code is not None
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    exec(compile(code.group(1), "README.md", "exec"), namespace)  # noqa: S102
    assert isinstance(namespace["report"], reconcile.Report)
    assert capsys.readouterr().out.startswith("# Reconciliation report")
    assert namespace["data"]["schema"] == "reconcile.report/1"  # type: ignore[index]
    assert namespace["result"].new == ()


def test_every_public_name_resolves() -> None:
    for name in reconcile.__all__:
        assert getattr(reconcile, name) is not None, name
    assert os.path.basename(reconcile.__file__) == "__init__.py"

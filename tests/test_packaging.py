"""Packaging: the distribution name, the version written once."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import reconcile
from reconcile._version import __version__

ROOT = Path(__file__).resolve().parent.parent


def test_the_version_is_written_once_and_read_by_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {
        "attr": "reconcile._version.__version__"}
    assert reconcile.__version__ == __version__
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)


def test_no_module_imports_the_package_init_for_the_version() -> None:
    for path in (ROOT / "reconcile").rglob("*.py"):
        text = path.read_text("utf-8")
        assert not re.search(r"from \.+ import [^\n]*__version__", text), path


def test_the_distribution_name_is_not_the_taken_one_and_install_lines_use_it() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert project["name"] == "reconcile-news"
    assert project["scripts"] == {"reconcile": "reconcile.cli:main"}
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "pip install reconcile-news" in readme
    assert not re.search(r"pip install '?reconcile(?:\[|\s|'|`)", readme)
    for script in ("tools/versions_venv.sh", "tools/test_versions.sh"):  # the lock's own name
        assert "reconcile-news" in (ROOT / script).read_text("utf-8").replace("[-_]", "-")


def test_the_readme_names_the_current_release_where_it_pins_one() -> None:
    """The pre-commit ``rev:``, the action's ``@v...`` and the tagging example name the
    version of reconcile/_version.py, so a copied snippet installs this release."""
    tag = f"v{__version__}"
    for name in ("README.md", ".pre-commit-hooks.yaml"):
        text = (ROOT / name).read_text("utf-8")
        revs = re.findall(r"^\s*#?\s*rev:\s*(\S+)", text, re.M)
        assert revs and set(revs) == {tag}, (name, revs)
        assert set(re.findall(r"\bv\d+\.\d+\.\d+\b", text)) == {tag}, name
    readme = (ROOT / "README.md").read_text("utf-8")
    uses = re.findall(r"uses:\s*[\w.-]+/reconcile@(\S+)", readme)
    assert uses and set(uses) == {tag}, uses


def test_no_placeholder_address_is_presented_as_real() -> None:
    """No repository address is published yet: the package metadata names none (SARIF
    then leaves its links out) and the README says what its OWNER placeholder stands
    for before the snippets that use it."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert not any("OWNER" in url for url in project.get("urls", {}).values())
    readme = (ROOT / "README.md").read_text("utf-8")
    if "OWNER/" in readme:
        explained = readme.index("`OWNER/reconcile` in the snippets below is not a real address")
        assert explained < readme.index("uses: OWNER/reconcile@")

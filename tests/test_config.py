"""One configuration for CLI, hook and action: reconcile.toml or [tool.reconcile]."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from reconcile.cli import main
from reconcile.config import Config, find_config, load_config
from reconcile.errors import ConfigError

A = "Police deported 12 people from Nairobi on 3 March 2024, officials said.\n"
B = "Police deported 15 people from Nairobi on 3 March 2024.\n"


@pytest.fixture()
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()  # the search stops at the repository root
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(A, "utf-8")
    (tmp_path / "news" / "b.txt").write_text(B, "utf-8")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "c.txt").write_text(A, "utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_pyproject_table_gives_paths_and_baseline(repo: Path) -> None:
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.reconcile]\npaths = ["news"]\n'
        'baseline = "ci/acknowledged.json"\n', "utf-8")
    (repo / "ci").mkdir()
    code, _, err = _run("baseline")
    assert code == 0, err
    assert (repo / "ci" / "acknowledged.json").is_file()
    assert _run("check")[0] == 0  # the configured paths and baseline
    code, out, _ = _run("report")
    assert code == 0 and "news/a.txt" in out and "other/c.txt" not in out


def test_command_line_overrides_the_configuration(repo: Path) -> None:
    (repo / "reconcile.toml").write_text('paths = ["news"]\n', "utf-8")
    code, out, _ = _run("report", "other")
    assert code == 0 and "other/c.txt" in out and "news/a.txt" not in out


def test_reconcile_toml_wins_and_paths_are_relative_to_it(repo: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    (repo / "reconcile.toml").write_text('paths = ["other"]\n', "utf-8")
    (repo / "pyproject.toml").write_text('[tool.reconcile]\npaths = ["news"]\n', "utf-8")
    (repo / "sub").mkdir()
    monkeypatch.chdir(repo / "sub")
    cfg = load_config()
    assert cfg.file == str(repo / "reconcile.toml")  # above the current folder: absolute
    assert cfg.paths == (str(repo / "other"),)
    code, out, err = _run("report")
    assert code == 0, err
    assert "c.txt" in out and "a.txt" not in out


def test_manifest_and_events_from_the_configuration(repo: Path) -> None:
    (repo / "sources.csv").write_text("file,title\nnews/a.txt,Configured title\n", "utf-8")
    (repo / "reconcile.toml").write_text('paths = ["news"]\nmanifest = "sources.csv"\n',
                                        "utf-8")
    code, out, err = _run("report")
    assert code == 0, err
    assert "Configured title" in out


def test_no_paths_and_no_configuration_is_a_usage_error(repo: Path) -> None:
    code, _, err = _run("report")
    assert code == 2
    assert err.strip() == ("reconcile: error: no PATHS given, and no paths in reconcile.toml "
                           "or [tool.reconcile] of pyproject.toml")


@pytest.mark.parametrize("text, message", [
    ('pathz = ["news"]\n', "unknown setting 'pathz'"),
    ("paths = 3\n", "paths must be a list of paths"),
    ('baseline = ""\n', "baseline must be a path"),
    ("paths = [\n", "not valid TOML"),
])
def test_a_malformed_configuration_is_one_line_exit_2(repo: Path, text: str,
                                                      message: str) -> None:
    (repo / "reconcile.toml").write_text(text, "utf-8")
    code, _, err = _run("report")
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_explicit_config_file_and_search_boundary(repo: Path, tmp_path: Path) -> None:
    (repo / "elsewhere.toml").write_text('[tool.reconcile]\npaths = ["other"]\n', "utf-8")
    assert load_config(str(repo / "elsewhere.toml")).paths[0].endswith("other")
    assert find_config(str(repo)) is None  # a pyproject without the table is not ours
    assert load_config(start=str(repo)) == Config()
    with pytest.raises(ConfigError):
        load_config(str(repo / "missing.toml"))
    code, out, _ = _run("report", "--config", "elsewhere.toml")
    assert code == 0 and "other/c.txt" in out


def test_check_without_any_baseline_counts_every_conflict_as_new(repo: Path) -> None:
    (repo / "reconcile.toml").write_text('paths = ["news"]\n', "utf-8")
    code, _, err = _run("check")
    assert code == 1 and "no baseline" in err
    code, _, err = _run("check", "--baseline", "missing.json")  # named: still an error
    assert code == 2 and "not found" in err

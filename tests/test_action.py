"""The GitHub Action (action.yml), run locally: its shell steps execute with the inputs
substituted as GitHub would (as environment variables); `uses:` steps are recorded,
not run (setup-python and the SARIF upload need GitHub)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

yaml = pytest.importorskip("yaml")
pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="the steps are bash")

ROOT = Path(__file__).resolve().parent.parent
_EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


class Runner:
    """A tiny stand-in for the Actions runner: expressions ``inputs.x``,
    ``github.action_path`` and ``steps.id.outputs.x``; conditions ``a == 'b'``,
    ``a != 'b'`` joined by ``&&``."""

    def __init__(self, inputs: dict[str, str], work: Path) -> None:
        action = yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))
        self.action = action
        self.inputs = {k: str(v.get("default", "")) for k, v in action["inputs"].items()}
        self.inputs.update(inputs)
        self.work = work
        self.outputs: dict[str, dict[str, str]] = {}
        self.used: list[str] = []
        self.stdout = ""
        self.summary = work / "summary.md"
        self.summary.write_text("", "utf-8")

    def value(self, expr: str) -> str:
        parts = expr.split(".")
        if parts[0] == "inputs":
            return self.inputs[parts[1]]
        if parts == ["github", "action_path"]:
            return str(ROOT)
        if parts[0] == "steps" and parts[2] == "outputs":
            return self.outputs.get(parts[1], {}).get(parts[3], "")
        raise AssertionError(f"expression not supported here: {expr}")

    def condition(self, text: str) -> bool:
        for term in text.split("&&"):
            m = re.fullmatch(r"\s*([\w.-]+)\s*(==|!=)\s*'([^']*)'\s*", term)
            assert m, f"condition not supported here: {term}"
            equal = self.value(m[1]) == m[3]
            if equal != (m[2] == "=="):
                return False
        return True

    def run(self) -> int:
        """Every step in order; the exit code of the last shell step that failed, else 0."""
        for step in self.action["runs"]["steps"]:
            if "if" in step and not self.condition(step["if"]):
                continue
            if "uses" in step:
                self.used.append(step["uses"].split("@")[0])
                continue
            out_file = self.work / f"out-{len(self.outputs)}.txt"
            out_file.write_text("", "utf-8")
            env = {k: _EXPR.sub(lambda m: self.value(m[1]), str(v))
                   for k, v in step.get("env", {}).items()}
            env.update(PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
                       GITHUB_OUTPUT=str(out_file), GITHUB_STEP_SUMMARY=str(self.summary),
                       HOME=os.environ.get("HOME", str(self.work)))
            assert "${{" not in step["run"], "inputs must reach scripts as env variables"
            proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                                   step["run"]], cwd=self.work, env=env, text=True,
                                  capture_output=True, timeout=300, check=False)
            self.stdout += proc.stdout
            lines = out_file.read_text("utf-8").splitlines()
            self.outputs[step.get("id", str(len(self.outputs)))] = dict(
                line.split("=", 1) for line in lines if "=" in line)
            if proc.returncode != 0:
                return proc.returncode
        return 0


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(
        "Police deported 12 people from Nairobi on 3 March 2024, officials said.\n", "utf-8")
    (tmp_path / "news" / "b.txt").write_text(
        "Police deported 15 people from Nairobi on 3 March 2024.\n", "utf-8")
    (tmp_path / "reconcile.toml").write_text('paths = ["news"]\n', "utf-8")
    return tmp_path


@pytest.mark.slow
def test_the_action_annotates_summarizes_writes_sarif_and_fails(repo: Path) -> None:
    runner = Runner({"install": "false", "python-version": "", "sarif": "true"}, repo)
    assert runner.run() == 1  # a new conflict fails the job
    assert "::error file=news/b.txt,line=1" in runner.stdout
    assert "new conflict" in runner.summary.read_text("utf-8")
    sarif: dict[str, Any] = json.loads((repo / "reconcile.sarif").read_text("utf-8"))
    assert sarif["runs"][0]["automationDetails"]["id"] == "reconcile/check/"
    assert runner.used == ["github/codeql-action/upload-sarif"]
    assert runner.outputs["check"]["exit-code"] == "1"


@pytest.mark.slow
def test_the_action_passes_with_a_baseline_and_takes_its_inputs(repo: Path) -> None:
    subprocess.run([sys.executable, "-m", "reconcile", "baseline", "-q", "-o", "ack.json"],
                   cwd=repo, check=True)
    runner = Runner({"install": "false", "python-version": "", "baseline": "ack.json",
                     "paths": "news/a.txt news/b.txt"}, repo)
    assert runner.run() == 0
    assert runner.used == [] and not (repo / "reconcile.sarif").exists()
    missing = Runner({"install": "false", "python-version": "", "baseline": "none.json"}, repo)
    assert missing.run() == 2  # a named baseline that is missing: exit code 2


def test_the_action_declares_its_inputs_and_a_documented_workflow_exists() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))
    assert action["runs"]["using"] == "composite"
    assert {"paths", "baseline", "format", "sarif"} <= set(action["inputs"])
    readme = (ROOT / "README.md").read_text("utf-8")
    block = readme.split("```yaml\nname: sources\n", 1)[1].split("```", 1)[0]
    workflow = yaml.safe_load("name: sources\n" + block)
    job = next(iter(workflow["jobs"].values()))
    assert job["timeout-minutes"] > 0
    assert job["permissions"] == {"contents": "read", "security-events": "write"}

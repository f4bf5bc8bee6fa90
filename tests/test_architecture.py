"""The import graph: pages → components → danvan, one way. danvan never imports components or Streamlit; neither
package has an import circle; components/ imports only at the top of a module (no import hidden in a function)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("danvan", "components")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def module_path(name: str) -> Path:
    """The file a module name would be in, without its suffix (a package's folder)."""
    path = ROOT.joinpath(*name.split("."))
    return path if path.is_dir() else path.with_suffix(".py")


def modules() -> dict[str, Path]:
    return {module_name(p): p for package in PACKAGES for p in sorted((ROOT / package).rglob("*.py"))}


def imports(name: str, path: Path) -> list[tuple[str, ast.stmt]]:
    """Every module an import statement of the file names (relative imports resolved), with the statement."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            # `from . import x` names the module x when there is one, else (a name defined in it) the package
            submodules = [f"{base}.{alias.name}" for alias in node.names]
            found += [(module, node) for module in submodules]
            if not all(
                module_path(module).exists() or (module_path(module) / "__init__.py").exists() for module in submodules
            ):
                found.append((base, node))
    return found


def graph() -> dict[str, set[str]]:
    known = modules()
    return {
        name: {target for target, _ in imports(name, path) if target in known and target != name}
        for name, path in known.items()
    }


def cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One import circle, as the modules along it, or None."""
    state: dict[str, int] = {}  # 1: being visited, 2: done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_the_resolver_sees_relative_and_absolute_imports():
    edges = graph()
    assert "danvan.filter" in edges["danvan.queries"]  # from .filter import Filter
    assert "components.routes" in edges["components.view"]  # from . import …, routes
    assert "danvan.exports.report" in edges["danvan.cli"]  # from .exports.report import report


def test_the_cycle_finder_finds_a_circle():
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle({"a": {"b"}, "b": set()}) is None


@pytest.mark.parametrize("name", [n for n in modules() if n.split(".")[0] == "danvan"])
def test_the_core_never_imports_the_ui(name):
    bad = sorted(
        {
            target
            for target, _ in imports(name, modules()[name])
            if target.split(".")[0] in ("components", "streamlit", "pages")
        }
    )
    assert not bad, f"{name} imports {bad}"


@pytest.mark.parametrize("package", PACKAGES)
def test_no_import_circle(package):
    edges = {
        name: {t for t in targets if t.split(".")[0] == package}
        for name, targets in graph().items()
        if name.split(".")[0] == package
    }
    assert cycle(edges) is None


def test_components_import_at_the_top_only():
    hidden = []
    for name, path in modules().items():
        if not name.startswith("components"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top = {id(node) for node in tree.body}
        hidden += [
            f"{name}:{node.lineno}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom) and id(node) not in top
        ]
    assert not hidden


def test_routes_and_keys_are_the_bottom():
    edges = graph()
    assert not {t for t in edges["components.routes"] | edges["components.keys"] if t.startswith("components")}

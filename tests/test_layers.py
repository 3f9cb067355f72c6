"""The import contract of docs/architecture.md, read from the installed package's source.

* Each stage imports only the stages below it:
  foundation (template, model, errors, …) < read < parse < bind < check < write < surface.
* No module imports another module's private name (``from x import _y``, ``x._y``).
* No import cycles, counting imports inside functions.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import govdisclosure

PACKAGE = Path(govdisclosure.__file__).parent
ROOT = "govdisclosure"

# The layers, lowest first; a module may import its own layer and the layers below.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("errors", "model", "fieldpaths", "diagnostics", "template", "deprecated", "version"),
    ("read",),
    ("parse",),
    ("bind",),
    ("check",),
    ("write",),
    ("api", "batch", "reportfiles", "inputs", "exporting", "cli", "dask", "_docs", "__init__"),
    ("synthetic",),  # generated corpora (tests, benchmarks, docs): above what it exercises
)
STAGE_OF = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE).with_suffix("")
    parts = [p for p in rel.parts if p != "__init__"] or ["__init__"]
    return ".".join(parts)


def modules() -> dict[str, ast.Module]:
    return {
        module_name(p): ast.parse(p.read_text(encoding="utf-8"))
        for p in sorted(PACKAGE.rglob("*.py"))
    }


def layer(module: str) -> int:
    top = module.split(".")[0]
    assert top in STAGE_OF, f"module {module} is in no layer: add it to LAYERS and the map"
    return STAGE_OF[top]


def imports(tree: ast.Module) -> Iterator[tuple[str, list[str], int]]:
    """(imported package module below govdisclosure, names imported, line) for every import."""
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"line {node.lineno}: relative import (use absolute paths)"
            mod = node.module or ""
            if mod == ROOT:
                # `from govdisclosure import template`: a module each, or a public name
                for alias in node.names:
                    sub = PACKAGE / alias.name
                    if sub.is_dir() or sub.with_suffix(".py").exists():
                        yield alias.name, [], node.lineno
                    else:
                        yield "__init__", [alias.name], node.lineno
            elif mod.startswith(ROOT + "."):
                base = mod[len(ROOT) + 1 :]
                folder = PACKAGE.joinpath(*base.split("."))
                for alias in node.names:
                    if (folder / alias.name).is_dir() or (folder / f"{alias.name}.py").exists():
                        yield f"{base}.{alias.name}", [], node.lineno  # a submodule
                    else:
                        yield base, [alias.name], node.lineno
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(ROOT + "."):
                    yield alias.name[len(ROOT) + 1 :], [], node.lineno


def test_every_module_is_in_a_layer() -> None:
    for module in modules():
        layer(module)


def test_stages_import_only_the_stages_below_them() -> None:
    wrong = []
    for module, tree in modules().items():
        for target, _names, line in imports(tree):
            if target == "__init__" and module != "__init__":
                wrong.append(f"{module}:{line} imports the package facade")
            elif layer(target) > layer(module):
                wrong.append(f"{module}:{line} imports {target}, a higher stage")
    assert not wrong, "\n".join(wrong)


def test_no_module_imports_a_private_name_of_another() -> None:
    wrong = []
    for module, tree in modules().items():
        aliases: set[str] = set()
        for target, names, line in imports(tree):
            wrong += [
                f"{module}:{line} imports {target}.{n}"
                for n in names
                if n.startswith("_") and not n.startswith("__") and target != module
            ]
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(ROOT):
                aliases.update(a.asname or a.name for a in node.names)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in aliases
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
            ):
                wrong.append(f"{module}:{node.lineno} reads {node.value.id}.{node.attr}")
    assert not wrong, "\n".join(wrong)


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def import_graph() -> dict[str, set[str]]:
    return {
        module: {t for t, _n, _l in imports(tree) if t != module}
        for module, tree in modules().items()
    }


def test_there_are_no_import_cycles() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, " → ".join(cycle or [])


MAX_LINES = 420  # "about 400"


def test_no_module_is_over_about_400_lines() -> None:
    long = {
        module_name(p): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"split these modules: {long}"


# ---------------------------------------------------------------- the checks can fail


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_the_contract_sees_an_upward_import() -> None:
    tree = ast.parse("from govdisclosure.check.invariants import check\n")
    [(target, _names, _line)] = list(imports(tree))
    assert layer(target) > layer("bind.report")


@pytest.mark.parametrize("stage", ["read", "parse", "bind", "check", "write"])
def test_each_stage_is_a_package(stage: str) -> None:
    assert (PACKAGE / stage / "__init__.py").is_file()

"""The checker and the localiser never import the parser (DESIGN.md §2 "invariants").

They may use :func:`govdisclosure.normalize.match_text` (Traditional → Simplified and
full-width → half-width folding of the prose), never the grammar, the transformer or the
binder.
"""

from __future__ import annotations

import ast
from pathlib import Path

import govdisclosure

PACKAGE = Path(govdisclosure.__file__).parent
PARSER = {"_parser", "bind", "transform", "grammar", "_cells", "_align", "readers"}


def _imports(module: str) -> set[str]:
    """Package modules imported by ``module`` (relative imports), and third-party roots."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1 and node.module:
                out.add(node.module.split(".")[0])
            elif node.level == 1:
                out.update(a.name for a in node.names)
            elif node.module:
                out.add("ext:" + node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            out.update("ext:" + a.name.split(".")[0] for a in node.names)
    return out


def _closure(root: str) -> set[str]:
    seen: set[str] = set()
    todo = [root]
    while todo:
        module = todo.pop()
        if module in seen or not (PACKAGE / f"{module}.py").exists():
            continue
        seen.add(module)
        todo.extend(m for m in _imports(module) if not m.startswith("ext:"))
    return seen


def test_invariants_and_locate_do_not_reach_the_parser() -> None:
    for root in ("invariants", "locate"):
        reached = _closure(root)
        assert root in reached
        assert reached & PARSER == set(), root
        assert not any("ext:lark" in _imports(m) for m in reached), root


def test_the_closure_walk_does_see_the_parser_when_it_is_there() -> None:
    assert "bind" in _closure("_parser")

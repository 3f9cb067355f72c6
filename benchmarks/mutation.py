"""Mutation testing of the check and bind stages: do the tests notice a changed line?

    python benchmarks/mutation.py [--module govdisclosure/bind/cells.py ...] [--tests ...]
                                  [--limit N] [--sample N --seed S] [--timeout S]

Not part of CI (it runs the tests once per mutant).  Each mutant changes one thing in one
module — a comparison flipped (``<`` ↔ ``<=``, ``==`` ↔ ``!=``, ``is`` ↔ ``is not``, ``in``
↔ ``not in``), ``and`` ↔ ``or``, ``not`` dropped, an integer constant ±1, ``True`` ↔
``False``, ``continue`` ↔ ``break``, a ``return`` value replaced by ``None``, the operand of
``+``/``-`` swapped — the mutation operators of mutmut, written out here so that the run
needs no other tool and can pick the tests per module.  The module is rewritten in place
(and always restored), the tests chosen for it run with ``-x``, and a mutant survives when
they pass.  Survivors are printed with their line, to be killed by a new test or listed as
equivalent (``EQUIVALENT`` below).

Every mutant of every module is too many for a small machine: ``--sample N --seed S`` runs a
uniformly random sample of N mutants per module (``random.Random(S)``), the same sample for the
same source and seed.  Run it in a copy of the work tree (it rewrites files in place), with
``PYTHONPATH`` at that copy.
"""

from __future__ import annotations

import argparse
import ast
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# module → the tests that exercise it (fast enough to run once per mutant; fastest first, as
# the run stops at the first failure)
_SEEDS = ["tests/test_seeds.py", "tests/test_fixtures.py"]
_CHECK = ["tests/test_invariants.py", "tests/test_invariants_seeds.py",
          "tests/test_rules_registry.py"]
TESTS = {
    "govdisclosure/check/invariants.py": _CHECK,
    "govdisclosure/check/locate.py": ["tests/test_locate.py", "tests/test_refusals.py"],
    "govdisclosure/check/prose.py": ["tests/test_prose.py", *_CHECK],
    "govdisclosure/check/registry.py": _CHECK,
    "govdisclosure/check/rules_doc.py": _CHECK,
    "govdisclosure/check/rules_document.py": _CHECK,
    "govdisclosure/check/rules_series.py": _CHECK,
    "govdisclosure/check/rules_tables.py": [*_CHECK, "tests/test_properties_tables.py"],
    "govdisclosure/check/violation.py": [*_CHECK, "tests/test_tables.py"],
    "govdisclosure/check/violations.py": [*_CHECK, "tests/test_tables.py"],
    "govdisclosure/bind/align.py": [*_SEEDS, "tests/test_guarantees.py",
                                    "tests/test_cell_edits.py"],
    "govdisclosure/bind/cells.py": [*_SEEDS, "tests/test_guarantees.py",
                                    "tests/test_cell_edits.py"],
    "govdisclosure/bind/collect.py": [*_SEEDS, "tests/test_guarantees.py",
                                      "tests/test_bad_input.py"],
    "govdisclosure/bind/context.py": [*_SEEDS, "tests/test_guarantees.py"],
    "govdisclosure/bind/glued.py": [*_SEEDS, "tests/test_split.py"],
    "govdisclosure/bind/identity.py": ["tests/test_identity.py", *_SEEDS],
    "govdisclosure/bind/placement.py": [*_SEEDS, "tests/test_guarantees.py",
                                        "tests/test_cell_edits.py", "tests/test_refusals.py"],
    "govdisclosure/bind/report.py": [*_SEEDS, "tests/test_guarantees.py",
                                     "tests/test_bad_input.py"],
    "govdisclosure/bind/sections.py": [*_SEEDS, "tests/test_grammar.py", "tests/test_prose.py"],
    "govdisclosure/bind/split.py": [*_SEEDS, "tests/test_split.py"],
    "govdisclosure/bind/table2.py": [*_SEEDS, "tests/test_guarantees.py",
                                     "tests/test_cell_edits.py"],
    "govdisclosure/bind/table3.py": [*_SEEDS, "tests/test_guarantees.py",
                                     "tests/test_cell_edits.py"],
    "govdisclosure/bind/table4.py": [*_SEEDS, "tests/test_guarantees.py",
                                     "tests/test_cell_edits.py"],
}  # fmt: skip

# (module, line, what) of mutants that cannot change behaviour, with why
EQUIVALENT: dict[tuple[str, int, str], str] = {}

_CMP_SWAP: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq, ast.NotEq: ast.Eq, ast.Is: ast.IsNot, ast.IsNot: ast.Is,
    ast.In: ast.NotIn, ast.NotIn: ast.In,
}  # fmt: skip


def _docstring_lines(tree: ast.Module) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            value = body[0].value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                lines.update(range(value.lineno, (value.end_lineno or value.lineno) + 1))
    return lines


def mutants(source: str) -> Iterator[tuple[int, str, str]]:
    """(line, description, mutated source) for every mutant of ``source``."""
    tree = ast.parse(source)
    skip = _docstring_lines(tree)
    kinds = (ast.Compare, ast.BoolOp, ast.UnaryOp, ast.Constant, ast.Return, ast.BinOp)
    # only the nodes that a mutation operator can change are parsed afresh (a copy per mutant)
    candidates = [i for i, node in enumerate(ast.walk(tree)) if isinstance(node, kinds)]
    for index in candidates:
        for variant in range(2):
            fresh = ast.parse(source)
            node = list(ast.walk(fresh))[index]
            line = getattr(node, "lineno", 0)
            if line in skip or isinstance(node, ast.JoinedStr):
                break
            what = _mutate(node, variant)
            if what is None:
                continue
            try:
                yield line, what, ast.unparse(fresh)
            except (ValueError, RecursionError):  # pragma: no cover
                continue


def _mutate(node: ast.AST, variant: int) -> str | None:
    if isinstance(node, ast.Compare) and variant == 0:
        op = type(node.ops[0])
        if op in _CMP_SWAP:
            node.ops[0] = _CMP_SWAP[op]()
            return f"{op.__name__} → {_CMP_SWAP[op].__name__}"
    if isinstance(node, ast.BoolOp) and variant == 0:
        new: ast.boolop = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        node.op = new
        return f"{type(new).__name__.lower()} for the other"
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not) and variant == 0:
        node.op = ast.UAdd()  # +x of a bool is its int: the test stays as it was, un-negated
        return "not dropped"
    if isinstance(node, ast.Constant) and type(node.value) is int and variant < 2:
        node.value = node.value + (1 if variant == 0 else -1)
        return f"constant {'+' if variant == 0 else '-'}1"
    if isinstance(node, ast.Constant) and type(node.value) is bool and variant == 0:
        node.value = not node.value
        return f"{not node.value} → {node.value}"
    if isinstance(node, ast.Return) and node.value is not None and variant == 0:
        if isinstance(node.value, ast.Constant) and node.value.value is None:
            return None
        node.value = ast.Constant(None)
        return "return None"
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Sub) and variant == 0:
        node.op = ast.Sub() if isinstance(node.op, ast.Add) else ast.Add()
        return "+ ↔ -"
    return None


def _stmt_swap(source: str) -> Iterator[tuple[int, str, str]]:
    """continue ↔ break."""
    tree = ast.parse(source)
    jumps = (ast.Continue, ast.Break)
    loops = [i for i, node in enumerate(ast.walk(tree)) if isinstance(node, jumps)]
    for index in loops:
        fresh = ast.parse(source)
        nodes = list(ast.walk(fresh))
        node = nodes[index]
        if not isinstance(node, ast.Continue | ast.Break):
            continue
        swapped: ast.stmt = ast.Break() if isinstance(node, ast.Continue) else ast.Continue()
        ast.copy_location(swapped, node)
        for parent in nodes:
            for _field, value in ast.iter_fields(parent):
                if isinstance(value, list) and any(v is node for v in value):
                    value[[v is node for v in value].index(True)] = swapped
        what = "continue → break" if isinstance(node, ast.Continue) else "break → continue"
        yield node.lineno, what, ast.unparse(fresh)


def run(
    module: str, tests: list[str], limit: int | None, timeout: float, sample: int | None = None,
    seed: int = 0,
) -> tuple[int, int]:
    path = ROOT / module
    original = path.read_text(encoding="utf-8")
    every = list(mutants(original)) + list(_stmt_swap(original))
    print(f"{module}: {len(every)} mutants", flush=True)
    if sample is not None and sample < len(every):
        every = random.Random(f"{seed}:{module}").sample(every, sample)
    if limit is not None:
        every = every[:limit]
    # no stale bytecode: a mutant may have the size of the source it replaces
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(ROOT)}
    killed = 0
    survivors: list[tuple[int, str]] = []
    try:
        for i, (line, what, source) in enumerate(every, 1):
            path.write_text(source, encoding="utf-8")
            start = time.perf_counter()
            try:
                done = subprocess.run(
                    [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider",
                     *tests],
                    cwd=ROOT, capture_output=True, timeout=timeout, env=env,
                )  # fmt: skip
                alive = done.returncode == 0
            except subprocess.TimeoutExpired:
                alive = False  # a mutant that hangs is caught
            if alive and (module, line, what) not in EQUIVALENT:
                survivors.append((line, what))
            killed += not alive
            mark = "survived" if alive else "killed"
            took = time.perf_counter() - start
            print(f"  [{i}/{len(every)}] {module}:{line} {what}: {mark} ({took:.0f} s)", flush=True)
    finally:
        path.write_text(original, encoding="utf-8")
    print(f"{module}: {killed} of {len(every)} killed")
    for line, what in survivors:
        print(f"  SURVIVED {module}:{line} {what}")
    return killed, len(every)


def _stop(signum: int, _frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")  # the module being mutated is restored


def main() -> int:
    signal.signal(signal.SIGTERM, _stop)
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--module", action="append", help="module path (default: all in TESTS)")
    ap.add_argument("--tests", nargs="*", help="tests to run (default: TESTS[module])")
    ap.add_argument("--limit", type=int, help="at most so many mutants per module")
    ap.add_argument("--sample", type=int, help="a random sample of so many mutants per module")
    ap.add_argument("--seed", type=int, default=0, help="the sample's seed")
    ap.add_argument("--timeout", type=float, default=600.0)
    args = ap.parse_args()
    total = killed = 0
    for module in args.module or list(TESTS):
        tests = args.tests or TESTS[module]
        k, n = run(module, tests, args.limit, args.timeout, args.sample, args.seed)
        killed, total = killed + k, total + n
    score = killed / total if total else 1.0
    print(f"mutation score: {killed} of {total} killed ({score:.0%})")
    return 0 if score >= 0.9 else 1


if __name__ == "__main__":
    sys.exit(main())

"""The rule registry drives the documentation and the tests: neither can drift from it."""

from __future__ import annotations

import ast
import re
from fnmatch import fnmatch
from pathlib import Path

import pytest

from govdisclosure import Template, flatten, parse_report, render
from govdisclosure.check.invariants import RULES
from govdisclosure.check.rules_doc import rules_markdown

ROOT = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent


def test_docs_rules_md_is_generated_from_the_registry() -> None:
    written = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert written == rules_markdown(), (
        "docs/rules.md is stale: run `python -m govdisclosure._docs`"
    )


def test_the_generated_doc_lists_every_rule_with_both_statements() -> None:
    doc = rules_markdown()
    for r in RULES:
        row = next(line for line in doc.splitlines() if line.startswith(f"| `{r.id}` |"))
        assert r.zh in row and r.en in row and r.severity.value in row


def test_ids_are_unique_and_stable_in_form() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids)) == 24
    assert all(re.fullmatch(r"(T[234]|D|C|R)-[A-Z0-9-]+", i) for i in ids)


@pytest.fixture(scope="module")
def flat_keys() -> set[str]:
    """The flat keys of a report of each template version."""
    from support import seed_text

    keys: set[str] = set()
    for name in ("001_0494dfef68de25df", "003_d01d2cbab1ffe994"):  # V2019, V2021
        keys |= set(flatten(parse_report(seed_text(name))))
    return keys


def test_every_read_pattern_names_real_flat_keys(flat_keys: set[str]) -> None:
    for r in RULES:
        for pattern in r.reads:
            assert any(fnmatch(k, pattern) for k in flat_keys), (r.id, pattern)


def test_every_rule_has_property_tests_named_after_it() -> None:
    names: set[str] = set()
    for path in TESTS.glob("test_properties_*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names |= {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    for r in RULES:
        prefix = "test_" + r.id.replace("-", "_") + "_"
        assert any(n.startswith(prefix) for n in names), f"no property test for {r.id}"


def test_the_renderer_covers_both_template_versions() -> None:
    from support import seed_text

    for name, version in (("001_0494dfef68de25df", Template.V2019),
                          ("003_d01d2cbab1ffe994", Template.V2021)):  # fmt: skip
        report = parse_report(seed_text(name))
        assert report.template is version
        assert parse_report(render(report)).template is version

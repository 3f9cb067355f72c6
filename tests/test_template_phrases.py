"""Template knowledge is written once (issue 10): no template phrase — a heading, a 第二十条
block title, a row label, a column header of either version — stands as a string literal in
the package outside ``govdisclosure/template/``.  Docstrings and comments may name them."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import govdisclosure
from govdisclosure import template as T
from govdisclosure.model import Template
from govdisclosure.read.fold import match_text

PACKAGE = Path(govdisclosure.__file__).parent
# Texts written for people, not read by the parser: the rules' statements in Chinese and
# English, the diagnostics' examples, the generated pages' headings.  They name template
# phrases as documentation does; a drift there cannot change a parse.
FOR_PEOPLE = {"check/registry.py", "diagnostics.py", "_docs.py"}
SHORTEST = 4  # shorter phrases (规章, 总计, 其他) are ordinary words too
_NUMBERING = re.compile(r"^(?:\([一二三四五六七八九十]{1,2}\)|[一二三四五六七八九十\d]{1,2}[、.])")


def template_phrases() -> set[str]:
    raw: set[str] = {T.REQUEST_NOTE, T.REQUEST_APPLICANTS, T.REQUEST_LEGAL_PERSONS}
    raw |= {T.APPEAL_LITIGATION, T.PROACTIVE_HEADER, *T.REQUEST_GROUPS}
    for h in T.HEADINGS:
        raw |= {h.label, *h.keywords}
    for version in Template:
        s = T.spec(version)
        for block in s.proactive:
            raw.add(block.title)
            for row in block.rows:
                raw |= {row.label, *row.aliases}
            for col in block.columns:
                raw |= {col.label, *col.aliases}
        for request_row in s.request_rows:
            raw |= {request_row.label, *request_row.aliases}
        raw |= {c.label for c in s.request_columns}
    raw |= {c.label for c in (*T.APPEAL_GROUPS, *T.APPEAL_COLUMNS)}
    folded = {match_text(p) for p in raw}
    folded |= {_NUMBERING.sub("", p) for p in folded}
    return {p for p in folded if len(p) >= SHORTEST}


def literals(tree: ast.Module) -> Iterator[tuple[int, str]]:
    """(line, text) of every string constant that is not a docstring."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        is_text = isinstance(node, ast.Constant) and isinstance(node.value, str)
        if is_text and id(node) not in docstrings:
            yield node.lineno, node.value


def offenders(phrases: set[str]) -> list[str]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        if "template" in rel.parts or rel.as_posix() in FOR_PEOPLE:
            continue
        for line, text in literals(ast.parse(path.read_text(encoding="utf-8"))):
            folded = match_text(text.encode("utf-8", "replace").decode("utf-8"))
            hits = sorted(p for p in phrases if p in folded)
            if hits:
                out.append(f"{path.relative_to(PACKAGE)}:{line} {hits[0]!r} in {text[:50]!r}")
    return out


def test_no_template_phrase_is_written_outside_the_template_package() -> None:
    found = offenders(template_phrases())
    assert not found, "\n".join(found)


def test_the_search_sees_a_phrase_and_skips_docstrings() -> None:
    tree = ast.parse('"""一、本年新收政府信息公开申请数量"""\nX = "属于行政执法案卷"\n')
    assert [text for _line, text in literals(tree)] == ["属于行政执法案卷"]
    assert "属于行政执法案卷" in template_phrases()
    assert "行政规范性文件" in template_phrases()

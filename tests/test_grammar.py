"""The grammar and the transformer: lines become headings, sub-headings, prose and typed cells."""

from __future__ import annotations

from decimal import Decimal

from govdisclosure.parse.grammar import parse_document
from govdisclosure.parse.transform import CellKind, Document, Row, with_display
from govdisclosure.read.normalize import normalize


def read(text: str) -> Document:
    return parse_document(normalize(text))


def test_headings_subheadings_prose() -> None:
    doc = read(
        "标题\n一、总体情况\n正文一\n(一)主动公开情况。以贯彻为主线\n正文二\n二、主动公开政府信息情况\n"
    )
    assert [s.heading.text for s in doc.sections if s.heading] == [
        "一、总体情况",
        "二、主动公开政府信息情况",
    ]
    first = doc.sections[0]
    assert [p.text for p in first.items] == ["正文一"]  # type: ignore[union-attr]
    assert first.subsections[0].heading is not None
    assert first.subsections[0].heading.text.startswith("(一)主动公开情况")
    assert doc.front.items[0].text == "标题"  # type: ignore[union-attr]


def test_a_row_that_starts_like_a_heading_is_a_row() -> None:
    doc = read("三、本年度办理结果 | (一)予以公开 | 5 | 0\n")
    row = doc.front.items[0]
    assert isinstance(row, Row)
    assert [c.text for c in row.labels()] == ["三、本年度办理结果", "(一)予以公开"]


def test_numerals_are_typed() -> None:
    doc = read(
        "行政许可 | 174 | 增3 | 3826\n行政处罚 | 4798 | 减183 | 3567\n"
        "采购 | 144 | 1732.633648万元\n"
    )
    rows = [r for r in doc.front.items if isinstance(r, Row)]
    kinds = [[c.kind for c in r.cells if c is not None] for r in rows]
    assert kinds[0] == [CellKind.LABEL, CellKind.NUMBER, CellKind.SIGNED, CellKind.NUMBER]
    assert rows[0].cells[2] is not None and rows[0].cells[2].value == 3
    assert rows[1].cells[2] is not None and rows[1].cells[2].value == -183
    amount = rows[2].cells[2]
    assert amount is not None and amount.kind is CellKind.AMOUNT
    assert (amount.value, amount.unit) == (Decimal("1732.633648"), "万元")


def test_full_width_digits_and_placeholders() -> None:
    doc = read("规章 | ０ | / | — | 无 |\n")
    row = doc.front.items[0]
    assert isinstance(row, Row)
    cells = [c for c in row.cells if c is not None]
    assert cells[1].kind is CellKind.NUMBER and cells[1].value == 0
    assert [c.kind for c in cells[2:]] == [CellKind.PLACEHOLDER] * 3


def test_empty_cells_are_kept_as_positions() -> None:
    doc = read("一、本年新收 | 3 | | | 3\n规章\t0\t\t0\n")
    pipe, tab = (r for r in doc.front.items if isinstance(r, Row))
    assert [c is None for c in pipe.cells] == [False, False, True, True, False]
    assert [c is None for c in tab.cells] == [False, False, True, False]


def test_markdown_heading_marks_and_tables() -> None:
    doc = read("## 一、总体情况\n| 规章 | 0 | 0 | 0 |\n|---|---|---|---|\n")
    assert doc.sections[0].heading is not None
    assert doc.sections[0].heading.text == "一、总体情况"
    rows = [r for r in doc.sections[0].items if isinstance(r, Row)]
    assert len(rows) == 1  # the alignment row is not a row of data


def test_cell_source_text_keeps_traditional_characters() -> None:
    doc = read("行政規範性文件 | 7 | 7 | 23\n")
    row = doc.front.items[0]
    assert isinstance(row, Row) and row.cells[0] is not None
    assert row.cells[0].text == "行政规范性文件"
    assert row.cells[0].display == "行政規範性文件"


def test_compiled_and_pure_python_parsers_agree() -> None:
    """With lark-cython installed (the ``fast`` extra, in ``dev``) both parsers give one result."""
    import pytest

    from govdisclosure.parse import grammar
    from govdisclosure.write.serialize import to_json

    if not grammar.accelerated():
        pytest.skip("lark-cython is not installed")
    from support import SEED_NAMES, seed_text

    from govdisclosure.bind import bind

    for name in SEED_NAMES:
        norm = normalize(seed_text(name))
        results = []
        for pure in (True, False):
            tree = grammar.document_parser(pure).parse(norm.grammar_input())
            doc = with_display(tree, norm.match, norm.display)  # type: ignore[arg-type]
            results.append(to_json(bind(doc, norm)))  # type: ignore[arg-type]
        assert results[0] == results[1], name

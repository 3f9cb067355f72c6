"""Stage tests of the bind stage: rows and cells in, placements out, without a whole report.

Row placement (a separator is a hard cell edge; a short row is never left-aligned), blank and
text cells, and glued runs read from a line without separators.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from govdisclosure.bind.cells import Layout, label_cells, place_values, value_region
from govdisclosure.bind.glued import read_line
from govdisclosure.parse.transform import Cell, CellKind, Prose, Row


def cell(text: str, column: int = 1) -> Cell | None:
    """A cell as the grammar makes it: '' is an empty cell, digits a number, else a label."""
    if text == "":
        return None
    if text.isdigit():
        return Cell(CellKind.NUMBER, text, text, 1, column, Decimal(text))
    if text in ("/", "-", "无"):
        return Cell(CellKind.PLACEHOLDER, text, text, 1, column)
    return Cell(CellKind.LABEL, text, text, 1, column)


def row(*texts: str) -> Row:
    return Row(1, tuple(cell(t, i + 1) for i, t in enumerate(texts)))


def values(placed: tuple[Cell | None, ...] | None) -> list[str | None] | None:
    if placed is None:
        return None
    return [c.text if c is not None else None for c in placed]


# ---------------------------------------------------------------- placement


def test_a_full_row_is_placed_as_it_stands() -> None:
    assert values(place_values(row("规章", "3", "0", "12"), 3).cells) == ["3", "0", "12"]


def test_a_blank_cell_inside_the_row_stays_in_its_column() -> None:
    assert values(place_values(row("规章", "3", "", "12"), 3).cells) == ["3", None, "12"]


def test_a_placeholder_is_a_cell_of_its_own_and_blanks_no_neighbour() -> None:
    placed = place_values(row("规章", "3", "/", "12"), 3).cells
    assert values(placed) == ["3", "/", "12"]
    assert placed is not None and placed[1] is not None
    assert placed[1].kind is CellKind.PLACEHOLDER


def test_a_text_placeholder_keeps_its_column() -> None:
    placed = place_values(row("规章", "3", "暂无", "12"), 3).cells
    assert values(placed) == ["3", "暂无", "12"]
    assert placed is not None and placed[1] is not None
    assert placed[1].kind is CellKind.PLACEHOLDER


def test_a_short_row_is_never_left_aligned() -> None:
    placement = place_values(row("规章", "3", "12"), 3)
    assert placement.cells is None
    assert "2 value(s) for 3 columns" in placement.reason


def test_a_row_with_too_many_cells_is_not_placed() -> None:
    placement = place_values(row("规章", "3", "0", "12", "7"), 3)
    assert placement.cells is None
    assert "4 cells where 3 are expected" in placement.reason


def test_a_row_with_blank_edges_takes_the_shape_of_the_complete_rows() -> None:
    layout = Layout()
    layout.learn(row("规章", "1", "2", "3", ""), 3)
    layout.learn(row("行政许可", "4", "5", "6", ""), 3)
    # 「| 7 | | | |」: the value stands in the first column, as in every complete row
    assert values(place_values(row("行政处罚", "7", "", "", ""), 3, layout).cells) == [
        "7",
        None,
        None,
    ]


def test_complete_rows_that_disagree_teach_no_shape() -> None:
    layout = Layout()
    layout.learn(row("规章", "1", "2", "3", ""), 3)
    layout.learn(row("行政许可", "", "4", "5", "6"), 3)
    assert place_values(row("行政处罚", "", "7", "", ""), 3, layout).cells is None


def test_a_row_without_values_is_all_blank() -> None:
    assert values(place_values(row("规章", "", "", ""), 3).cells) == [None, None, None]


def test_labels_before_the_values_and_the_value_region() -> None:
    r = row("三、本年度办理结果", "（一）予以公开", "5", "0", "1")
    assert [c.text for c in label_cells(r)] == ["三、本年度办理结果", "（一）予以公开"]
    start, region = value_region(r)
    assert start == 2
    assert [c.text if c else None for c in region] == ["5", "0", "1"]


# ---------------------------------------------------------------- glued runs


def _prose(text: str) -> Prose:
    return Prose(7, text, text)


LABELS = ("规章", "行政规范性文件", "行政许可")


def test_a_line_of_cells_parted_by_spaces_is_a_row_with_its_cells() -> None:
    rows = read_line(_prose("规章 0 3 12"), lambda t: t in LABELS, lambda _t: None)
    assert rows is not None and len(rows) == 1
    assert [c.text for c in rows[0].cells if c is not None] == ["规章", "0", "3", "12"]
    assert all(r.line == 7 for r in rows)


def test_several_rows_on_one_line_are_parted_at_their_labels() -> None:
    rows = read_line(_prose("规章 000 行政规范性文件 1245"), lambda t: t in LABELS, lambda _t: None)
    assert rows is not None
    assert [[c.text for c in r.cells if c is not None] for r in rows] == [
        ["规章", "000"],
        ["行政规范性文件", "1245"],
    ]
    # the glued digits are one cell of kind RUN, to be split by the template's arithmetic
    assert rows[0].cells[1] is not None and rows[0].cells[1].kind is CellKind.RUN


@pytest.mark.parametrize("text", ["本年度共办理政府信息公开申请", "规章制度不断完善"])
def test_prose_is_not_a_table_line(text: str) -> None:
    assert read_line(_prose(text), lambda t: t in LABELS, lambda _t: None) is None

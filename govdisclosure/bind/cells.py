"""Placing the value cells of a table row into template columns, without shifting.

A cell separator is a hard cell edge: the cells between separators are placed as they stand,
by the row's own shape (as many cells as columns) or by the shape the table's complete rows
share (:class:`Layout`); a row that fits neither is not placed at all.  Text in a value cell
(「暂无」, 「–」, 「*」, 「〇」) is a placeholder in its own column: it never ends the row's
value cells, and never blanks its neighbours.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import evolve, frozen

from govdisclosure.parse.transform import Cell, CellKind, Row

__all__ = [
    "Layout",
    "Placement",
    "is_placeholder_text",
    "is_text_placeholder",
    "label_cells",
    "place_values",
    "value_region",
]

# Text that stands in a value cell for "no number": never a row label.  (The grammar's own
# placeholders, 「/」「-」「无」「不适用」…, are cells of kind PLACEHOLDER already.)
_TEXT_PLACEHOLDER = re.compile(
    r"(?:暂无|暂无数据|无数据|空|空白|〇|零|略|未统计|不详|[*＊×xX#?？…·.,_~～'\"–‐‑‒―−\-—－/\\ ]+)"
)


def is_placeholder_text(text: str) -> bool:
    """Text that stands in a value cell for a missing number (「暂无」, 「–」, 「*」, 「〇」)."""
    return _TEXT_PLACEHOLDER.fullmatch(text) is not None


def is_text_placeholder(cell: Cell | None) -> bool:
    """A text cell that stands for a missing number (「暂无」, 「–」, 「*」, 「〇」)."""
    return cell is not None and cell.kind is CellKind.LABEL and is_placeholder_text(cell.text)


def _is_value(cell: Cell | None) -> bool:
    return cell is not None and (cell.kind is not CellKind.LABEL or is_text_placeholder(cell))


def value_region(row: Row) -> tuple[int, list[Cell | None]]:
    """(index of the first value cell, the row's value cells).

    The value cells are those after the labels that precede the first value: a text cell
    among or after the values stays in its column (a text placeholder becomes a cell of kind
    PLACEHOLDER; other text is kept, and is not a number).  A row without values: the cells
    after its last label.
    """
    cells = row.cells
    end = len(cells)
    last_label = -1
    for i, c in enumerate(cells):  # (called for every row many times: written for speed)
        if c is None:
            continue
        if c.kind is not CellKind.LABEL or _TEXT_PLACEHOLDER.fullmatch(c.text) is not None:
            end = i
            break
        last_label = i
    region = list(cells[last_label + 1 :])
    if any(c is not None and c.kind is CellKind.LABEL for c in region[end - last_label - 1 :]):
        region = [
            evolve(c, kind=CellKind.PLACEHOLDER) if is_text_placeholder(c) and c is not None else c
            for c in region
        ]
    return last_label + 1, region


def label_cells(row: Row) -> list[Cell]:
    """The row's label cells before its values (a text cell among the values is not one)."""
    start, _region = value_region(row)
    return [c for c in row.cells[:start] if c is not None and c.kind is CellKind.LABEL]


def _span(region: Sequence[Cell | None]) -> tuple[int, int] | None:
    filled = [i for i, c in enumerate(region) if c is not None]
    if not filled:
        return None
    return filled[0], filled[-1] + 1


class Layout:
    """Where the complete rows of one table keep their values: learnt, then used for others.

    In text copied from an HTML or Word table the rows of a table have the same shape: so
    many cells in all, the values so many cells after the labels.  A row whose outer cells
    are blank is placed with that shape when every complete row of its length agrees on it;
    a row of another length (a cell deleted or added) is not, nor is any row of a table whose
    complete rows disagree (a row shifted by a merged cell: then a blank cell at either edge
    cannot be told from the other).
    """

    def __init__(self) -> None:
        self._offsets: dict[tuple[str, int, int], set[int]] = {}

    def learn(self, row: Row, n: int, part: str = "") -> None:
        """Learn from ``row`` if it is complete (``part``: the block of the table it is in)."""
        _start, region = value_region(row)
        span = _span(region)
        if span is not None and span[1] - span[0] == n:
            self._offsets.setdefault((part, n, len(row.cells)), set()).add(span[0])

    def offset(self, row: Row, n: int, part: str = "") -> int | None:
        """Where the values stand among the value cells of the rows as long as ``row``."""
        offsets = self._offsets.get((part, n, len(row.cells)), set())
        return next(iter(offsets)) if len(offsets) == 1 else None


@frozen
class Placement:
    cells: tuple[Cell | None, ...] | None  # n slots (None slot: blank), or None: not placed
    reason: str = ""  # why not placed


def place_values(row: Row, n: int, layout: Layout | None = None, part: str = "") -> Placement:
    """Put the row's value cells into ``n`` columns, or say why that cannot be done."""
    _start, region = value_region(row)
    span = _span(region)
    if span is None:
        return Placement(tuple([None] * n))
    start, end = span
    width = end - start
    if width == n:
        return Placement(tuple(region[start:end]))
    if width > n:
        return Placement(None, f"{width} cells where {n} are expected")
    if layout is not None:
        off = layout.offset(row, n, part)
        if off is not None and off <= start and end <= off + n and off + n <= len(region):
            return Placement(tuple(region[off : off + n]))
    filled = sum(1 for c in region if c is not None)
    return Placement(
        None,
        f"{filled} value(s) for {n} columns and blank cells at the edges, and no complete "
        "row of the same shape: the columns they belong to cannot be told",
    )

"""Placing the value cells of a table row into template columns, without shifting."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from attrs import frozen

from govdisclosure.parse.transform import Cell, CellKind, Row

__all__ = ["Layout", "Placement", "place_values", "value_region"]


def value_region(row: Row) -> tuple[int, list[Cell | None]]:
    """(index of the first value cell, the cells after the row's last label cell)."""
    last_label = -1
    for i, c in enumerate(row.cells):
        if c is not None and c.kind is CellKind.LABEL:
            last_label = i
    return last_label + 1, list(row.cells[last_label + 1 :])


def _span(region: Sequence[Cell | None]) -> tuple[int, int] | None:
    filled = [i for i, c in enumerate(region) if c is not None]
    if not filled:
        return None
    return filled[0], filled[-1] + 1


class Layout:
    """Where complete rows of one table keep their values: learnt, then used for the others.

    In text copied from an HTML or Word table the rows of a table have the same shape: so
    many cells after the label, the values at the same offset.  A row whose outer cells are
    blank can be placed with that shape; without it, its values are not placed at all.
    """

    def __init__(self) -> None:
        self._shapes: Counter[tuple[int, int]] = Counter()

    def learn(self, region: Sequence[Cell | None], n: int) -> None:
        span = _span(region)
        if span is not None and span[1] - span[0] == n:
            self._shapes[(len(region), span[0])] += 1

    def offset(self, length: int) -> int | None:
        offsets = {off for (ln, off) in self._shapes if ln == length}
        return offsets.pop() if len(offsets) == 1 else None


@frozen
class Placement:
    cells: tuple[Cell | None, ...] | None  # n slots (None slot: blank), or None: not placed
    reason: str = ""  # why not placed


def place_values(region: Sequence[Cell | None], n: int, layout: Layout | None = None) -> Placement:
    """Put the cells after a row's label into ``n`` columns, or say why that cannot be done."""
    span = _span(region)
    if span is None:
        return Placement(tuple([None] * n))
    start, end = span
    width = end - start
    if width == n:
        return Placement(tuple(region[start:end]))
    if width > n:
        return Placement(None, f"{width} cells where {n} are expected")
    if len(region) == n:
        return Placement(tuple(region))
    if layout is not None:
        off = layout.offset(len(region))
        if off is not None and off <= start and end <= off + n:
            return Placement(tuple(region[off : off + n]))
    filled = sum(1 for c in region if c is not None)
    return Placement(
        None,
        f"{filled} value(s) for {n} columns and blank cells at the edges: "
        "the columns they belong to cannot be told",
    )

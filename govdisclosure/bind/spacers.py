"""Spacer columns in text tables: a value column blank in every row is layout, not data.

A Word or PDF table copied as pipe or Markdown text keeps the grid column Word had for a
spacer (or for a ``colspan`` that does not match the header), so its rows hold one cell more
than the template's (「规章 | 13 | 13 |  | 524」 where three values are expected).  The HTML
reader drops such a column on the grid (:mod:`govdisclosure.read.grid`); in text there is no
grid, but the value cells of one table's rows line up after their labels.  A value column
is dropped when it is blank in every row of the table that reaches it, at least two rows
have values, and without it every row that is too wide has exactly the template's width
while no row that fits is made short.  Otherwise nothing changes, and a row that does not
fit stays unplaced (named), never left-aligned.
"""

from __future__ import annotations

from collections.abc import Sequence

from govdisclosure import template as T
from govdisclosure.bind.cells import value_region
from govdisclosure.bind.collect import BLOCK, Tables, has_values
from govdisclosure.bind.context import Context
from govdisclosure.parse.transform import Cell, CellKind, Row

__all__ = ["drop_spacers"]

_TABLE_NAME = {"t2": "二", "t3": "三"}


def _columns(row: Row, by_grid: bool) -> dict[int, Cell | None]:
    """The row's cells by column: the cell index when the text keeps the grid (every row as
    wide: Markdown, tabs), else the place among the value cells (pipe text that omits the
    cells a label spans: the values line up after the labels)."""
    if by_grid:
        return dict(enumerate(row.cells))
    return dict(enumerate(value_region(row)[1]))


def _value_span(columns: dict[int, Cell | None]) -> tuple[int, int]:
    filled = [j for j, c in columns.items() if c is not None and c.kind is not CellKind.LABEL]
    return (filled[0], filled[-1]) if filled else (0, -1)


def spacer_columns(rows: Sequence[Row], n: int, by_grid: bool) -> frozenset[int]:
    """The columns (see :func:`_columns`) of ``rows``, one table or one block of table 二,
    that are spacers: blank in every row (by the grid: every row of the grid's width,
    header rows included), inside some row's values, and without which every row too wide
    has ``n`` values' width while no row that fits is made short."""
    data = [r for r in rows if has_values(r)]
    if len(data) < 2:
        return frozenset()  # one row shows no shape
    width = len(data[0].cells)
    if by_grid and any(len(r.cells) != width for r in data):
        return frozenset()
    in_grid = [r for r in rows if len(r.cells) == width] if by_grid else data
    grid = [_columns(r, by_grid) for r in in_grid]
    spans = [_value_span(_columns(r, by_grid)) for r in data]
    blank = frozenset(
        c
        for c in range(max(b for _a, b in spans))
        if all(g.get(c) is None for g in grid) and any(a < c < b for a, b in spans)
    )
    if not blank:
        return frozenset()

    def dropped(a: int, b: int) -> int:
        return sum(1 for c in blank if a < c < b)

    wide = [(a, b) for a, b in spans if b - a + 1 > n]
    if not wide or any(b - a + 1 - dropped(a, b) != n for a, b in wide):
        return frozenset()
    if any(b - a + 1 <= n and dropped(a, b) for a, b in spans):
        return frozenset()  # a row that fits would be made short: a column, not a spacer
    return blank


def _without(row: Row, columns: frozenset[int], by_grid: bool) -> Row:
    offset = 0 if by_grid else value_region(row)[0]
    cells = tuple(c for i, c in enumerate(row.cells) if i < offset or i - offset not in columns)
    return Row(row.line, cells)


def _blocks(rows: list[Row]) -> list[tuple[int, int, int | None]]:
    """Table 二's blocks: (first row, end, number of columns when both templates agree)."""
    widths: dict[str, set[int]] = {}
    for spec in T.SPECS.values():
        for b in spec.proactive:
            widths.setdefault(b.item, set()).add(len(b.columns))
    out: list[tuple[int, int, int | None]] = []
    for i, row in enumerate(rows):
        title = next((m for c in row.labels() if (m := BLOCK.search(c.text))), None)
        if title is not None:
            if out:
                out[-1] = (out[-1][0], i, out[-1][2])
            n = widths.get(title.group(1), set())
            out.append((i + 1, len(rows), next(iter(n)) if len(n) == 1 else None))
    return out


def drop_spacers(tables: Tables, ctx: Context) -> None:
    """Drop the spacer value columns of tables 二 (block by block) and 三, one diagnostic each."""
    pieces: list[tuple[str, int, int, int | None]] = [
        ("t2", a, b, n) for a, b, n in _blocks(tables.rows["t2"])
    ]
    pieces.append(("t3", 0, len(tables.rows["t3"]), len(T.REQUEST_COLUMNS)))
    for mode, a, b, n in pieces:
        rows = tables.rows[mode]
        if n is None or b - a < 2:
            continue
        for by_grid in (True, False):
            spacers = spacer_columns(rows[a:b], n, by_grid)
            if spacers:
                _drop(tables, (mode, a, b, n), spacers, by_grid, ctx)
                break


def _drop(
    tables: Tables,
    piece: tuple[str, int, int, int],
    spacers: frozenset[int],
    by_grid: bool,
    ctx: Context,
) -> None:
    """Take the spacer columns out of one piece (table, first row, end, values a row)."""
    mode, a, b, n = piece
    rows = tables.rows[mode]
    width = len(next(r for r in rows[a:b] if has_values(r)).cells)
    for i in range(a, b):
        old = rows[i]
        in_grid = len(old.cells) == width if by_grid else has_values(old)
        if not in_grid:
            continue  # not a row of the grid, or (not by the grid) a header
        rows[i] = _without(old, spacers, by_grid)
        if id(old) in tables.prefix:
            tables.prefix[id(rows[i])] = tables.prefix.pop(id(old))
    which = ", ".join(str(j + 1) for j in sorted(spacers))
    where = f"column(s) {which} of {width}" if by_grid else f"value cell(s) {which}"
    ctx.diag(
        "column-spacer",
        f"table {_TABLE_NAME[mode]}: {where} blank in every row dropped as layout "
        f"({n} values a row)",
        rows[a].line,
    )

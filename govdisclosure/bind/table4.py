"""Table 四 (行政复议、行政诉讼): the three groups of five columns bound."""

from __future__ import annotations

from collections.abc import Sequence

from govdisclosure import template as T
from govdisclosure.bind.cells import Layout, label_cells, value_region

# ---------------------------------------------------------------------- table 四
from govdisclosure.bind.collect import has_values
from govdisclosure.bind.context import Context
from govdisclosure.bind.placement import (
    Ambiguous,
    number_cell,
    place_cells,
    put_row,
    report_ambiguous,
    report_header_shape,
    report_unplaced,
)
from govdisclosure.bind.split import Group, total_rule
from govdisclosure.fieldpaths import build
from govdisclosure.model import (
    AppealStats,
)
from govdisclosure.parse.transform import Cell, CellKind, Row
from govdisclosure.read.fold import label_key

__all__ = ["appeals"]


_GROUPS = f"{T.APPEAL_GROUPS[0].label}、{T.APPEAL_LITIGATION}"


def _group_named(row: Row) -> T.Column | None:
    """The one table 四 group a row's labels name (复议后起诉 before 行政复议: it contains 复议)."""
    names = set()
    for c in label_cells(row):
        k = label_key(c.text)
        for g in T.APPEAL_GROUPS:
            after = label_key(T.APPEAL_GROUPS[-1].label)  # 复议后起诉 contains 复议
            if label_key(g.label) in k and not (g.key == "reconsideration" and after in k):
                names.add(g.key)
    if len(names) == 1:
        key = names.pop()
        return next(g for g in T.APPEAL_GROUPS if g.key == key)
    return None


_COLUMN_KEYS = tuple(label_key(c.label) for c in T.APPEAL_COLUMNS)


def appeals(rows: Sequence[Row], ctx: Context) -> AppealStats:
    width = len(T.APPEAL_COLUMNS)
    five: list[Group] = [(width, total_rule)]
    kinds: list[T.ValueKind] = ["count"] * width
    value_rows: list[tuple[Row, T.Column | None]] = []
    current: T.Column | None = None
    for r in rows:
        named = _group_named(r)
        if not has_values(r):
            current = named if named is not None else current
            continue
        value_rows.append((r, named or current))
        current = None
    if not value_rows:
        ctx.need(
            "appeals",
            f"table 四 ({_GROUPS}) has no row of numbers",
            rows[-1].line if rows else None,
            "a row of 15 numbers: " + ", ".join(f"{g.label} ×5" for g in T.APPEAL_GROUPS),
            "missing-table",
        )
        return AppealStats()
    groups = [g for _r, g in value_rows]
    if (
        len(value_rows) > 1
        and None not in groups
        and len({g.key for g in groups if g}) == len(groups)
    ):
        layout = Layout()
        for r, _g in value_rows:
            layout.learn(r, width)
        for r, g in value_rows:
            assert g is not None
            keys = [f"appeals.{g.key}.{c.key}" for c in T.APPEAL_COLUMNS]
            placed = place_cells(r, keys, five, layout, ctx)
            if isinstance(placed, Ambiguous):
                report_ambiguous(placed, ctx)
            elif placed is not None:
                put_row(r, keys, placed, kinds, ctx)
        return build(AppealStats, ctx.values, "appeals.")
    keys = [k for k, _g, _c in T.appeal_fields()]
    if len(value_rows) == 1:
        row = value_rows[0][0]
        placed = place_cells(row, keys, five * len(T.APPEAL_GROUPS), None, ctx)
        if isinstance(placed, Ambiguous):
            report_ambiguous(placed, ctx)
        elif placed is not None:
            put_row(row, keys, placed, kinds * len(T.APPEAL_GROUPS), ctx)
            header = [r for r in rows if r.line < row.line and not has_values(r)]
            report_header_shape(header, _COLUMN_KEYS, len(keys), "四", ctx)
        return build(AppealStats, ctx.values, "appeals.")
    cells: list[Cell] = [c for r, _g in value_rows for c in value_region(r)[1] if c is not None]
    if len(cells) == len(keys) and not any(
        c.kind is CellKind.RUN and len(c.text) > 1 for c in cells
    ):
        ctx.diag(
            "table-split",
            f"table 四's 15 numbers stand on {len(value_rows)} rows; read in order",
            value_rows[0][0].line,
        )
        fixed = [number_cell(c, c.text) if c.kind is CellKind.RUN else c for c in cells]
        put_row(value_rows[0][0], keys, fixed, kinds * len(T.APPEAL_GROUPS), ctx)
    else:
        for r, _g in value_rows:
            report_unplaced(
                r,
                f"table 四 has {len(cells)} numbers on {len(value_rows)} rows, expected 15",
                (),
                ctx,
            )
    return build(AppealStats, ctx.values, "appeals.")

"""Placing a row's cells in its template fields: values, blanks, glued runs, units."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from attrs import define

from govdisclosure import template as T
from govdisclosure.bind.cells import Layout, place_values, value_region
from govdisclosure.bind.context import Context
from govdisclosure.bind.split import Group, split_run
from govdisclosure.parse.transform import Cell, CellKind, Row

__all__ = [
    "Ambiguous",
    "convert",
    "number_cell",
    "place_cells",
    "put_row",
    "report_ambiguous",
    "report_unplaced",
]


@define
class Ambiguous:
    row: Row
    keys: list[str]
    candidates: tuple[tuple[int, ...], ...]
    count: int
    complete: bool = True


_INTEGER = re.compile(r"\d+")


def _runs(region: Sequence[Cell | None], n: int) -> tuple[str, frozenset[int], Cell] | None:
    """Digits of a region made of glued runs, with the cut positions separators gave.

    Runs read from separator-less lines are always candidates; plain whole numbers are when
    there are fewer of them than columns, enough digits for every column and no blank cell
    among them (「200020000000000」 on a line of its own is table 四's fifteen cells).
    """
    values = [c for c in region if c is not None]
    if not values:
        return None
    if any(c.kind is not CellKind.RUN for c in values):
        plain = all(c.kind is CellKind.NUMBER and not c.unit and _INTEGER.fullmatch(c.text)
                    for c in values)  # fmt: skip
        if not plain or len(values) >= n or sum(len(c.text) for c in values) < n:
            return None
        filled = [i for i, c in enumerate(region) if c is not None]
        if filled[-1] - filled[0] + 1 != len(filled):
            return None  # a blank cell between numbers: the row keeps its columns
    digits, bounds = "", set()
    for c in values:
        if digits:
            bounds.add(len(digits))
        digits += c.text
    return digits, frozenset(bounds), values[0]


def number_cell(at: Cell, value: int) -> Cell:
    return Cell(CellKind.NUMBER, str(value), str(value), at.line, at.column, Decimal(value))


def place_cells(
    row: Row, keys: Sequence[str], groups: Sequence[Group], layout: Layout | None, ctx: Context
) -> tuple[Cell | None, ...] | Ambiguous | None:
    """The row's cells in template columns; an Ambiguous when a glued run splits many ways."""
    _start, region = value_region(row)
    n = len(keys)
    runs = _runs(region, n)
    if runs is not None:
        digits, bounds, at = runs
        if len(bounds) + 1 == n:  # one number per run: nothing to split
            parts = [c for c in region if c is not None]
            if all(p.text == "0" or not p.text.startswith("0") for p in parts):
                return tuple(number_cell(p, int(p.text)) for p in parts)
        result = split_run(digits, groups, bounds, budget=min(20_000, ctx.split_budget))
        ctx.split_budget -= result.steps
        unique = result.unique
        if unique is not None:
            if len(bounds) + 1 != n:
                ctx.diag(
                    "cells-split",
                    f"digits {digits!r} split into {n} cells {list(unique)}: the only split "
                    "that satisfies the row's arithmetic",
                    row.line,
                    keys[0].rsplit(".", 1)[0],
                )
            return tuple(number_cell(at, v) for v in unique)
        return Ambiguous(row, list(keys), result.candidates, result.count, result.complete)
    placement = place_values(region, n, layout)
    if placement.cells is None:
        report_unplaced(row, placement.reason, keys, ctx)
        return None
    return placement.cells


def put_row(
    row: Row,
    keys: Sequence[str],
    cells: Sequence[Cell | None],
    kinds: Sequence[T.ValueKind],
    ctx: Context,
    units: Sequence[str] = (),
) -> None:
    for i, (key, cell, kind) in enumerate(zip(keys, cells, kinds, strict=True)):
        unit = units[i] if i < len(units) else ""
        ctx.put(key, convert(cell, kind, key, row, ctx, unit), cell)


def report_ambiguous(amb: Ambiguous, ctx: Context) -> None:
    shown = ", ".join(str(list(c)) for c in amb.candidates[:6])
    more = f" and {amb.count - 6} more" if amb.count > 6 else ""
    what = "no split satisfies" if not amb.candidates else f"{amb.count} splits satisfy"
    if not amb.complete:
        what = f"too many ways to cut them (search stopped; {amb.count} found so far) satisfy"
    ctx.diag(
        "cells-ambiguous",
        f"digits {''.join(c.text for c in value_region(amb.row)[1] if c is not None)!r}: "
        f"{what} the arithmetic ({shown}{more}); the cells are left None",
        amb.row.line,
        amb.keys[0].rsplit(".", 1)[0],
    )


def report_unplaced(row: Row, reason: str, keys: Sequence[str], ctx: Context) -> None:
    cells = [c.display for c in value_region(row)[1] if c is not None]
    target = keys[0].rsplit(".", 1)[0] if keys else None
    ctx.diag(
        "row-unplaced",
        f"row {row.display()!r}{f' for {target}' if target else ''}: {reason}; "
        f"values {cells} are not placed (fields None)",
        row.line,
        target,
    )


def convert(
    cell: Cell | None, kind: T.ValueKind, key: str, row: Row, ctx: Context, unit_label: str = ""
) -> int | Decimal | None:
    """A cell's value for a column kind; None (with a diagnostic) when it holds no number."""
    if cell is None:
        ctx.diag("cell-blank", f"{key} is blank; taken as None (not 0)", row.line, key)
        return None
    if cell.kind is CellKind.PLACEHOLDER:
        ctx.diag(
            "cell-placeholder",
            f"{key} holds {cell.display!r}; taken as None (not 0)",
            cell.line,
            key,
        )
        return None
    if cell.kind in (CellKind.LABEL, CellKind.RUN) or cell.value is None:
        ctx.diag(
            "cell-not-number",
            f"{key} holds {cell.display!r}, not a number; taken as None",
            cell.line,
            key,
        )
        return None
    value = cell.value
    if kind == "money":
        unit = cell.unit or _unit_in(unit_label)
        if unit is None:
            ctx.diag(
                "unit-unknown",
                f"{key} = {cell.display!r} has no unit in the cell or the header; "
                "not converted to 万元, taken as None",
                cell.line,
                key,
            )
            return None
        if unit == "元":
            converted = value / Decimal(10000)
            ctx.diag(
                "unit-converted",
                f"{key} = {cell.display!r} in 元, converted to {converted} 万元",
                cell.line,
                key,
            )
            return converted
        return value
    if cell.kind is CellKind.AMOUNT:
        ctx.diag(
            "cell-not-number",
            f"{key} holds an amount of money {cell.display!r}, not a count",
            cell.line,
            key,
        )
        return None
    if value != value.to_integral_value():
        ctx.diag(
            "cell-fraction",
            f"{key} holds {cell.display!r}, not a whole number; taken as None",
            cell.line,
            key,
        )
        return None
    if cell.kind is CellKind.SIGNED and kind == "count":
        ctx.diag(
            "cell-signed",
            f"{key} holds a signed value {cell.display!r} in a count column",
            cell.line,
            key,
        )
    return int(value)


def _unit_in(label: str) -> str | None:
    if "万元" in label:
        return "万元"
    if "元" in label:
        return "元"
    return None

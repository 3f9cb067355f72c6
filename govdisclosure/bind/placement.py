"""Placing a row's cells in its template fields: values, blanks, glued runs, units."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from attrs import define

from govdisclosure import template as T
from govdisclosure.bind.cells import Layout, label_cells, place_values, value_region
from govdisclosure.bind.context import Context
from govdisclosure.bind.split import Group, split_run
from govdisclosure.parse.transform import Cell, CellKind, Row
from govdisclosure.read.fold import label_key

__all__ = [
    "MAX_COUNT",
    "MAX_MONEY",
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
# No count of one report reaches 10^12, and no amount 10^15 万元: a larger one is damage
# (digits run together, a cut-off line) and is not taken.
MAX_COUNT = 10**12
MAX_MONEY = 10**15


def _runs(region: Sequence[Cell | None], n: int) -> tuple[str, frozenset[int], Cell] | None:
    """Digits of a region made of glued runs, with the cut positions spaces gave.

    Runs read from separator-less lines are always candidates.  A cell separator is a hard
    cell edge: digits on two sides of one are never joined, so a whole number between
    separators is a glued run only when it is the row's one value cell, with no blank cell
    before it and a digit for every column (「200020000000000」 on a line of its own is
    table 四's fifteen cells).
    """
    values = [c for c in region if c is not None]
    if not values:
        return None
    if any(c.kind is not CellKind.RUN for c in values):
        if len(values) != 1 or n == 1 or region[0] is None:
            return None
        cell = values[0]
        if cell.kind is not CellKind.NUMBER or cell.unit or not _INTEGER.fullmatch(cell.text):
            return None
        if len(cell.text) < n:
            return None
    digits, bounds = "", set()
    for c in values:
        if digits:
            bounds.add(len(digits))
        digits += c.text
    return digits, frozenset(bounds), values[0]


def _one_per_column(region: Sequence[Cell | None], n: int) -> tuple[Cell | None, ...] | None:
    """A row of glued runs whose spaces part exactly ``n`` cells, some maybe placeholders
    (「7 0 0 0 0 0 7」, 「7 0 / 0 0 0 7」): each digit run is one cell, each placeholder keeps
    its column; a space is a cell edge, nothing is split.  None when that is not the row's
    shape (a run with a leading zero is glued digits, for the splitter)."""
    cells = [c for c in region if c is not None]
    if len(cells) != n or not any(c.kind is CellKind.RUN for c in cells):
        return None
    if any(
        c.kind not in (CellKind.RUN, CellKind.PLACEHOLDER)
        or (c.kind is CellKind.RUN and c.text != "0" and c.text.startswith("0"))
        for c in cells
    ):
        return None
    return tuple(number_cell(c, c.text) if c.kind is CellKind.RUN else c for c in cells)


def number_cell(at: Cell, value: int | str) -> Cell:
    """A number cell for ``value`` (an int, or a string of digits of any length)."""
    text = str(value)
    return Cell(CellKind.NUMBER, text, text, at.line, at.column, Decimal(text))


def place_cells(
    row: Row,
    keys: Sequence[str],
    groups: Sequence[Group],
    layout: Layout | None,
    ctx: Context,
    part: str = "",
) -> tuple[Cell | None, ...] | Ambiguous | None:
    """The row's cells in template columns; an Ambiguous when a glued run splits many ways.

    ``layout`` and ``part`` (the block of the table the row is in) place a row whose outer
    cells are blank (:func:`~govdisclosure.bind.cells.place_values`).
    """
    _start, region = value_region(row)
    n = len(keys)
    one_each = _one_per_column(region, n)
    if one_each is not None:
        return one_each
    runs = _runs(region, n)
    if runs is not None:
        digits, bounds, at = runs
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
    placement = place_values(row, n, layout, part)
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
        if kind == "money" and _unit_in(unit) is None:  # 「政府集中采购（元）」
            unit = " ".join(c.text for c in label_cells(row))
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


def report_header_shape(
    header: Sequence[Row], columns: Sequence[str], width: int, table: str, ctx: Context
) -> None:
    """Say so when a table's header rows do not name its ``width`` columns as the template
    does (PDF→Markdown output: 12 labels above 15 values, labels shredded over several rows):
    the values under it were read in the template's column order, not by the header.
    ``columns`` are the label keys of the columns, repeated as the header repeats them."""
    if not header:
        return
    wanted = frozenset(columns)
    named = sum(1 for r in header for c in label_cells(r) if label_key(c.text) in wanted)
    if named != width:
        ctx.diag(
            "header-shape",
            f"table {table}'s header names {named} of its {width} columns "
            f"({len(header)} header row(s)); its values were read in the template's order",
            header[0].line,
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
    limit = MAX_COUNT
    if kind == "money":  # an amount in 元 is converted to 万元 below
        limit = MAX_MONEY * (10000 if (cell.unit or _unit_in(unit_label)) == "元" else 1)
    if abs(value) > limit:
        ctx.diag(
            "cell-implausible",
            f"{key} holds {_shorten(cell.display)!r}, beyond any report "
            f"(more than {limit:.0e}); taken as None",
            cell.line,
            key,
        )
        return None
    if kind == "money":
        if _foreign_digits(cell):
            ctx.diag(
                "cell-inexact",
                f"{key} holds {cell.display!r} (digits of another script); read as {value}",
                cell.line,
                key,
            )
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
            where = "" if cell.unit else f" (the unit written in {unit_label!r})"
            ctx.diag(
                "unit-converted",
                f"{key} = {cell.display!r} in 元{where}, converted to {converted} 万元",
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
    inexact = _inexact(cell, kind)
    if inexact:
        ctx.diag(
            "cell-inexact",
            f"{key} holds {cell.display!r} ({inexact}); read as {int(value)}",
            cell.line,
            key,
        )
    if cell.kind is CellKind.SIGNED and kind == "count":
        ctx.diag(
            "cell-signed",
            f"{key} holds a signed value {cell.display!r} in a count column",
            cell.line,
            key,
        )
    return int(value)


_PLAIN = re.compile(r"[+-]?[0-9]+")


def _shorten(text: str) -> str:
    return text if len(text) <= 40 else f"{text[:20]}…({len(text)} characters)"


def _foreign_digits(cell: Cell) -> bool:
    """Digits other than ASCII and full-width ones (「٧٠」): the latter are the CJK form of
    the same digits, which Chinese documents print as often as ASCII ones."""
    if cell.display.isascii():
        return False
    return any(ch.isdigit() and not ch.isascii() and not "０" <= ch <= "９" for ch in cell.display)


def _inexact(cell: Cell, kind: T.ValueKind) -> str:
    """Why a count cell does not print exactly its value's ASCII digits ('' when it does)."""
    if _foreign_digits(cell):
        return "digits of another script"
    if cell.unit:
        return "a unit on a count"
    if cell.kind is CellKind.NUMBER and not _PLAIN.fullmatch(cell.text.replace(",", "")):
        return "a whole number written with a fraction"
    return ""


def _unit_in(label: str) -> str | None:
    if "万元" in label:
        return "万元"
    if "元" in label:
        return "元"
    return None

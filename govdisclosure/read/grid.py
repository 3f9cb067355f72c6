"""Table grids → canonical rows, shared by every reader that sees cell structure.

A reader places each cell on the table's grid (its first row and column, how many rows and
columns it spans); :func:`expand` writes the rows as the HTML reader always has:

* a label cell (text) that spans columns is repeated in each column it covers, so that the
  number cells after it keep their places;
* a cell that spans rows is written in its first row only; the rows below get an empty cell;
* a number cell is never repeated: it is written once, in its first row and column;
* a blank cell is an empty cell, never 0.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from attrs import frozen

from govdisclosure.read.fold import to_traditional_variants
from govdisclosure.template import lexicon as L

__all__ = ["Placed", "expand", "is_label", "spacer_columns"]


@frozen
class Placed:
    """One cell on the grid: its top-left slot, its spans and its text."""

    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1


@frozen
class _Slot:
    text: str
    label: bool
    first: bool  # the top-left slot of its cell
    top: bool  # in the cell's first row


def _value_pattern() -> re.Pattern[str]:
    """A cell that holds a value (a number, with a sign word or unit, or a placeholder), in
    either script and in full-width characters: built from the template's lexicon."""

    def words(items: Iterable[str]) -> str:
        forms = {v for w in items for v in (w, *to_traditional_variants(w))}
        return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))

    signs = words(w for w, _sign in L.SIGN_WORDS)
    units = words([*L.MONEY_UNITS, *L.COUNT_UNITS])
    placeholders = words(p for p in L.PLACEHOLDERS if len(p) > 2 or not p.isascii())
    return re.compile(
        f"(?:{signs})?" + r"\s*[+\-−－]?\s*[\d０-９][\d０-９,，.．]*\s*" + f"(?:{units})?"
        r"|[/／\\\-－—–]{1,2}" + f"|{placeholders}|N/?A|n/?a"
    )


_VALUE = _value_pattern()


def is_label(text: str) -> bool:
    """A cell of words (a label), not a value or a placeholder."""
    return bool(text) and _VALUE.fullmatch(text) is None


def spacer_columns(cells: Sequence[Placed], rows: int) -> set[int]:
    """The grid columns where no cell starts with text in any row, header included, before
    the last such column: a spacer column, or a ``colspan`` that does not match the header (a
    label spanning it is repeated there, nothing more).  Layout, not data: :func:`expand`
    drops them (``drop``), so that each cell stands under its header.  (A blank cell in a
    column with text elsewhere stays a blank cell; blank columns at the end are left alone.)
    A table of one row is no evidence of a shape: nothing is dropped."""
    starts = {cell.col for cell in cells if cell.text}
    covered = {r for cell in cells for r in range(cell.row, min(cell.row + cell.rowspan, rows))}
    if not starts or len(covered) < 2:
        return set()
    return {c for c in range(max(starts)) if c not in starts}


def expand(
    cells: Sequence[Placed],
    rows: int,
    *,
    tight: bool = False,
    drop: set[int] | frozenset[int] = frozenset(),
) -> list[list[str]]:
    """The grid's rows, each as wide as the table, spans expanded (see the module doc).

    ``tight``: a grid column is dropped where, in every row, its cell also covers the column
    before or after it — the trace of a boundary that only one row has, as a Word file
    converted by another program or a PDF's slightly uneven rules leave (every cell keeps a
    column).
    """
    grid: dict[tuple[int, int], _Slot] = {}
    owner: dict[tuple[int, int], int] = {}
    for n, cell in enumerate(cells):
        label = is_label(cell.text)
        for dr in range(max(1, min(cell.rowspan, rows - cell.row))):
            for dc in range(max(1, cell.colspan)):
                at = (cell.row + dr, cell.col + dc)
                if at not in grid:
                    grid[at] = _Slot(cell.text, label, dr == 0 and dc == 0, dr == 0)
                    owner[at] = n
    width = max((c + 1 for (_r, c) in grid), default=0)
    out: list[list[str]] = []
    for r in range(rows):
        texts = []
        for c in range(width):
            if c in drop:
                continue
            slot = grid.get((r, c))
            if slot is None or not slot.top:
                texts.append("")  # no cell, or a row span's continuation
            elif slot.first or slot.label:
                texts.append(slot.text)
            else:
                texts.append("")  # a number is written once
        out.append(texts)
    if tight and out:
        keep = _needed(owner, rows, width)
        if len(keep) < width:  # the cells laid again on the columns kept
            index = {c: i for i, c in enumerate(keep)}
            laid = []
            for cell in cells:
                kept = [index[c] for c in range(cell.col, cell.col + cell.colspan) if c in index]
                if kept:
                    laid.append(Placed(cell.row, kept[0], cell.text, cell.rowspan, len(kept)))
            return expand(laid, rows)
    return out


def _needed(owner: dict[tuple[int, int], int], rows: int, width: int) -> list[int]:
    keep: list[int] = []
    for c in range(width):
        prev = keep[-1] if keep else None
        redundant = c > 0 and all(
            (r, c) not in owner
            or (prev is not None and owner.get((r, prev)) == owner[(r, c)])
            or owner.get((r, c + 1)) == owner[(r, c)]
            for r in range(rows)
        )
        if not redundant:
            keep.append(c)
    return keep


def joined(row: Sequence[str]) -> str:
    """A row as a canonical line: cells parted by `` | ``."""
    return " | ".join(row)

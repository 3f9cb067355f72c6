"""Tables printed without rules, in a PDF: a cell's wrapped lines put back into their cell.

Without ruling lines a table is only text: each printed line is parted into cells where the gap
between two words is wider than a column gap (:mod:`.pdf`), and a label that wraps inside its
column prints its next part on the following lines, alone or beside the next row's values:

    一、本年新收政府信息公开申   2   0   0   …
    请数量
    三、本    （一）予以公开      2   0   0   …
    年度办    （二）部分公开      0   0   0   …

Once a table's rows of values have begun, a line with no value whose every piece stands at the
left edge of a cell above (the same column) whose text filled its column, and fits in that
column, is such a continuation:
each piece is appended to the nearest cell above it in its column, and the line is dropped.
A line that does not fit (a heading across the page, a paragraph) ends the table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from attrs import define

from govdisclosure.read.grid import is_label

__all__ = ["Piece", "Printed", "rejoin"]

LOOK_BACK = 16  # printed lines searched upwards for the cell a piece continues
WRAPPED = 2.0  # a cell's text ending this many characters before the next cell filled it


@define
class Piece:
    """One cell of a printed line: its text and where it stands across the page."""

    text: str
    x0: float
    x1: float


@define
class Printed:
    """A printed line outside ruled tables, as cells; ``table`` is a ruled table's row."""

    pieces: list[Piece]
    size: float
    table: bool = False
    dropped: bool = False

    @property
    def values(self) -> bool:
        return any(p.text and not is_label(p.text) for p in self.pieces)


def _target(line: Printed, piece: Piece, above: Sequence[Printed]) -> Piece | None:
    """The cell above that ``piece`` continues: same left edge, its text filled the column
    (wrapped), and the piece fits in the column."""
    tolerance = line.size
    for prev in reversed(above):
        for i, cell in enumerate(prev.pieces):
            if abs(cell.x0 - piece.x0) <= tolerance:
                if i + 1 == len(prev.pieces):
                    return None
                nxt = prev.pieces[i + 1].x0
                wrapped = nxt - cell.x1 <= WRAPPED * tolerance
                return cell if wrapped and piece.x1 <= nxt + tolerance / 2 else None
    return None


def rejoin(lines: Sequence[Printed], join: Callable[[list[str]], str]) -> int:
    """Append continuation lines to their cells (marking them ``dropped``); how many."""
    history: list[Printed] = []
    active = False
    moved = 0
    for line in lines:
        if line.table:
            history, active = [], False
            continue
        if line.values:
            active = True
            history.append(line)
            continue
        if active:
            window = history[-LOOK_BACK:]
            targets = [_target(line, p, window) for p in line.pieces]
            if targets and all(t is not None for t in targets):
                for piece, target in zip(line.pieces, targets, strict=True):
                    assert target is not None
                    target.text = join([target.text, piece.text])
                    target.x1 = piece.x1  # where its last line ends: it may wrap again
                line.dropped = True
                moved += 1
                continue
            active = False
            history = []
        history.append(line)
    return moved

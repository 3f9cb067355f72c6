"""Table rows read from lines that lost their cell separators.

Crawler dumps and PDF-to-text output write a table row as 「规章 0 0 0」 (cells parted by
spaces), 「一、本年新收政府信息公开申请数量12300000123」 (cells glued together) or several
rows on one line (「规章000规范性文件1245」, 「4.保护第三方合法权益2000002 5.属于三类…」).
Such a line is prose to the grammar; inside a table it is read here into rows whose digit
runs are cells of kind RUN, split later with the template's arithmetic (:mod:`._split`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from govdisclosure import template as T
from govdisclosure.bind.cells import is_placeholder_text
from govdisclosure.parse.transform import Cell, CellKind, Prose, Row

__all__ = ["read_line"]

_TOKEN = re.compile(r"(?P<num>\d+(?:\.\d+)?)|(?P<space>\s+)|(?P<text>[^\d\s]+)")
_NUMBERING_TAIL = re.compile(r"^[.、．]")
_PLACEHOLDERS = frozenset(T.PLACEHOLDERS)


def read_line(
    prose: Prose,
    label_ok: Callable[[str], bool],
    numbering: Callable[[str], str | None],
) -> list[Row] | None:
    """Rows read from ``prose``, or None when it is not a table line.

    ``label_ok(text)`` says whether a label names a row of the table being read;
    ``numbering(text)`` gives the numbering the template writes before that label
    (「5」 for 「属于三类内部事务信息」), used to cut it off a digit run it is glued to.
    """
    text = prose.text
    tokens = [(m.lastgroup or "", m.group(), m.start()) for m in _TOKEN.finditer(text)]
    segments: list[tuple[list[tuple[str, int]], list[Cell]]] = []  # (labels, value cells)
    labels: list[tuple[str, int]] = []  # group label(s) then the item label, with columns
    cells: list[Cell] = []

    def close() -> None:
        nonlocal labels, cells
        if labels or cells:
            segments.append((labels, cells))
        labels, cells = [], []

    def extend_label(tok: str, start: int) -> None:
        if labels and labels[-1][1] + len(labels[-1][0]) == start:
            labels[-1] = (labels[-1][0] + tok, labels[-1][1])
        else:
            labels.append((tok, start))

    for i, (kind, tok, start) in enumerate(tokens):
        if kind == "space":
            continue
        if kind == "num":
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if nxt is not None and nxt[0] == "text" and _NUMBERING_TAIL.match(nxt[1]):
                follow = nxt[1][1:] + "".join(t for _k, t, _s in tokens[i + 2 : i + 4])
                value, prefix = _cut_numbering(tok, numbering(follow) or tok[-1])
                if value:
                    cells.append(_cell(prose, CellKind.RUN, value, start))
                if cells:
                    close()
                labels.append((prefix, start + len(value)))  # a new item label begins
                continue
            kind_ = CellKind.NUMBER if "." in tok else CellKind.RUN
            cells.append(_cell(prose, kind_, tok, start))
            continue
        if (tok in _PLACEHOLDERS and (labels or cells)) or (cells and is_placeholder_text(tok)):
            # 「/」 after a label, or 「暂无」 among the values: no number, in its own cell
            cells.append(_cell(prose, CellKind.PLACEHOLDER, tok, start))
            continue
        if cells:
            close()
        extend_label(tok, start)
    close()
    if not segments or not any(vals for _labs, vals in segments):
        return None  # a label with no numbers is a wrapped label, not a row
    if not all(label_ok(labs[-1][0]) for labs, _vals in segments if labs):
        return None
    rows = []
    for labs, vals in segments:
        head = tuple(
            Cell(CellKind.LABEL, lab, _display(prose, col, len(lab)), prose.line, col + 1)
            for lab, col in labs
        )
        rows.append(Row(prose.line, head + tuple(vals)))
    return rows


def _cut_numbering(run: str, numbering: str) -> tuple[str, str]:
    """(value digits, numbering digits) of a run glued to the next label's numbering."""
    if run.endswith(numbering) and run != numbering:
        return run[: -len(numbering)], numbering
    if run == numbering:
        return "", run
    return run[:-1], run[-1]


def _cell(prose: Prose, kind: CellKind, tok: str, start: int) -> Cell:
    from decimal import Decimal

    value = Decimal(tok) if kind is CellKind.NUMBER else None
    return Cell(kind, tok, _display(prose, start, len(tok)), prose.line, start + 1, value)


def _display(prose: Prose, start: int, length: int) -> str:
    """The source's own characters for a slice of the normalized text (same length)."""
    if len(prose.display) == len(prose.text):
        return prose.display[start : start + length]
    return prose.text[start : start + length]

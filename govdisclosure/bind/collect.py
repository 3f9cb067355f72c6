"""Finding the rows of tables 二, 三 and 四 in document order.

A 第二十条第（N）项 title starts table 二, the 勾稽 note or the 申请人情况 header (or the row
一、本年新收…) starts table 三, the 行政复议/行政诉讼 header starts table 四, and a section
heading sets the table of its section.  Inside a table, a line without separators is read by
:mod:`.glued`; a label wrapped onto its own line is joined to the row that follows it; values
written one per line are joined to their row."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from attrs import define, field

from govdisclosure import template as T
from govdisclosure.bind.align import LABEL_MATCH, similarity
from govdisclosure.bind.cells import is_text_placeholder, value_region
from govdisclosure.bind.context import Context
from govdisclosure.bind.glued import read_line
from govdisclosure.bind.sections import Part
from govdisclosure.parse.transform import Cell, CellKind, Prose, Row
from govdisclosure.read.fold import label_key
from govdisclosure.template import lexicon as L

BLOCK = re.compile(L.block_title())
# header cells that start a table (a header row has no numbers); 勾稽关系 is the core of the note
_T3_HEADER_WORDS = tuple(
    label_key(w)
    for w in ("勾稽关系", T.REQUEST_APPLICANTS, T.REQUEST_COLUMNS[0].label, T.REQUEST_LEGAL_PERSONS)
)
_T4_HEADER_WORDS = tuple(
    label_key(w)
    for w in (
        T.APPEAL_LITIGATION,
        *(g.label for g in T.APPEAL_GROUPS),
        *(c.label for c in T.APPEAL_COLUMNS[:-1]),
    )
)
ROW_NUMBERING = re.compile(
    "^(?:" + L.section_numbering("、") + "|" + L.sub_numbering() + r"|\d+\.)"
)
_SECTION_TABLE = {"proactive": "t2", "requests": "t3", "appeals": "t4"}
_WIDTH = {  # the most cells a row can hold
    "t2": max(len(b.columns) for s in T.SPECS.values() for b in s.proactive),
    "t3": len(T.REQUEST_COLUMNS),
    "t4": len(T.APPEAL_COLUMNS) * len(T.APPEAL_GROUPS),
}
_FRAGMENT_MAX = 40  # a wrapped label is short and is not a sentence

__all__ = ["BLOCK", "ROW_NUMBERING", "Tables", "collect", "has_values"]


@define
class Tables:
    rows: dict[str, list[Row]] = field(factory=lambda: {"t2": [], "t3": [], "t4": []})
    prefix: dict[int, str] = field(factory=dict)  # id(row) → wrapped label lines before it
    first_line: dict[str, int] = field(factory=dict)
    # the prose after table 四's row of numbers, when no 五 heading follows it: section 五 by
    # its position (a report numbered its own way that dropped the heading)
    tail: list[Prose | Row] = field(factory=list)


# ---------------------------------------------------------------------- finding the rows


def _labels_of(mode: str) -> list[str]:
    if mode == "t2":
        return [x for s in T.SPECS.values() for b in s.proactive for r in b.rows
                for x in (r.label, *r.aliases)]  # fmt: skip
    if mode == "t3":
        return [r.label for s in T.SPECS.values() for r in s.request_rows]
    return [g.label for g in T.APPEAL_GROUPS]


@functools.cache
def _label_ok(mode: str) -> Callable[[str], bool]:
    """Whether a label names a row of the table ``mode`` (built once per table)."""
    keys = [label_key(x) for x in _labels_of(mode)]

    def ok(text: str) -> bool:
        k = label_key(text)
        return bool(k) and max(similarity(k, x) for x in keys) >= LABEL_MATCH

    return ok


@functools.lru_cache(maxsize=4096)
def _numbering(text: str) -> str | None:
    """The numbering the template writes before a table 三 item label (「5」)."""
    k = label_key(text)
    best, score = None, 0.0
    for number, key in _NUMBERED:
        sc = similarity(k[: len(key) + 2], key)
        if sc > score:
            best, score = number, sc
    return best if score >= LABEL_MATCH else None


# (numbering, label key) of every numbered table 三 row of both templates, in template order
_NUMBERED: tuple[tuple[str, str], ...] = tuple(
    (m.group(1), label_key(m.group(2)))
    for s in T.SPECS.values()
    for r in s.request_rows
    if (m := re.match(r"^(\d+)\.(.*)$", r.label)) is not None
)


def collect(parts: Sequence[Part], ctx: Context) -> Tables:
    """The rows of tables 二, 三 and 四, in document order."""
    tables = Tables()
    headed = {part.key for part in parts}
    for part in parts:
        mode = _SECTION_TABLE.get(part.key)
        pending: list[Prose] = []
        in_tail = False
        for item in part.everything():
            if in_tail:
                tables.tail.append(item)
                continue
            if isinstance(item, Prose):
                read = _prose_in_table(item, mode, ctx)
                if read is None and mode == "t4" and _after_table4(tables, headed):
                    tables.tail.append(item)
                    in_tail = True
                    continue
                if read is None:
                    _unread(item, mode, ctx)
                    if mode is not None and _fragment(item):
                        pending.append(item)
                    else:
                        pending = []
                    continue
                mode, rows = read
            else:
                rows = [item]
            for row in rows:
                kind = _row_kind(row)
                if kind is not None:
                    mode = kind
                elif mode in (None, "t2") and _starts_table3(row):
                    mode = "t3"
                elif mode == "t3" and _looks_like_table4_values(row):
                    mode = "t4"
                if mode is None:
                    _outside(row, part.key, ctx)
                    continue
                table = tables.rows[mode]
                if pending and has_values(row):
                    row = _with_prefix(row, pending, tables)
                    for p in pending:
                        ctx.consumed.add(id(p))
                    pending = []
                if not _join_values(table, row, mode, ctx):
                    table.append(row)
                ctx.consumed.add(id(row))
                if isinstance(item, Prose):
                    ctx.consumed.add(id(item))
                tables.first_line.setdefault(mode, row.line)
    return tables


def _after_table4(tables: Tables, headed: set[str]) -> bool:
    """Table 四 has its row of numbers and no 五 heading follows: the prose is not the table's."""
    if "problems" in headed:
        return False
    width = len(T.APPEAL_COLUMNS) * len(T.APPEAL_GROUPS)
    return any(
        sum(1 for c in r.cells if c is not None and c.kind is not CellKind.LABEL) >= width
        for r in tables.rows["t4"]
    )


def _outside(row: Row, part: str, ctx: Context) -> None:
    """A row of numbers outside tables 二/三/四 is kept as text of its section, and named."""
    numbers = [c.display for c in row.cells if c is not None and c.kind is not CellKind.LABEL]
    if len(numbers) >= 2:
        ctx.diag(
            "row-outside-tables",
            f"row {row.display()!r} in {part} is not part of tables 二/三/四; its numbers "
            f"{numbers} stay in the section's text",
            row.line,
        )


def _with_prefix(row: Row, pending: list[Prose], tables: Tables) -> Row:
    """A label wrapped onto lines of its own, joined to the row of numbers that follows."""
    text = "".join(p.text for p in pending)
    if row.labels():
        tables.prefix[id(row)] = text
        return row
    display = "".join(p.display for p in pending)
    label = Cell(CellKind.LABEL, text, display, pending[0].line, 1)
    return Row(row.line, (label, *row.cells))


def _prose_in_table(item: Prose, mode: str | None, ctx: Context) -> tuple[str, list[Row]] | None:
    """A prose line read as table rows (cells parted by spaces or glued), with its table."""
    if _DIGIT.search(item.text) is None or len(item.text) > _ROW_LINE_MAX:
        return None
    for m in ([mode] if mode is not None else []) + ["t3"]:
        rows = read_line(item, _label_ok(m), _numbering)
        if rows is None:
            continue
        if mode is None and not (rows[0].labels() and _starts_table3(rows[0])):
            return None
        if any(c is not None and c.kind is CellKind.RUN for r in rows for c in r.cells):
            ctx.diag(
                "cells-glued",
                f"line {item.display!r} has no cell separators; read as {len(rows)} row(s)",
                item.line,
            )
        return m, rows
    return None


def _unread(item: Prose, mode: str | None, ctx: Context) -> None:
    """Name a line of a table that holds numbers no row could be read from (never silent)."""
    long = len(item.text) > _ROW_LINE_MAX
    if mode is not None and (_fragment(item) or long) and _DIGIT.search(item.text) is not None:
        ctx.diag(
            "row-unplaced",
            f"line {item.display!r} in table {_TABLE_NAME[mode]} holds numbers that could not "
            "be read into the template's cells; they are not used",
            item.line,
        )


_DIGIT = re.compile(r"\d")
# the longest line read as table rows: a whole table 三 glued on one line is about 2,000
# characters; a longer line is prose (reading it cell by cell would cost seconds a megabyte)
_ROW_LINE_MAX = 5000
_TABLE_NAME = {"t2": "二", "t3": "三", "t4": "四"}


def _fragment(item: Prose) -> bool:
    text = item.text
    return len(text) <= _FRAGMENT_MAX and not re.search(r"[。;；]", text)


def _join_values(table: list[Row], row: Row, mode: str, ctx: Context) -> bool:
    """Values on lines of their own (「70」, 「2」, …) belong to the row above, until it is full."""
    if row.labels() or not table or not has_values(row):
        return False
    prev = table[-1]
    width = _WIDTH.get(mode, 3)
    have = sum(1 for c in value_region(prev)[1] if c is not None)
    add = sum(1 for c in row.cells if c is not None)
    if not prev.labels() and mode != "t4":
        return False
    if have == 0 or have >= width or have + add > width:
        return False
    table[-1] = Row(prev.line, prev.cells + tuple(c for c in row.cells if c is not None))
    ctx.diag(
        "row-joined",
        f"values on line of their own joined to the row above ({have + add} of {width})",
        row.line,
    )
    return True


def has_values(row: Row) -> bool:
    return any(c is not None and (c.kind is not CellKind.LABEL or is_text_placeholder(c))
               for c in row.cells)  # fmt: skip


def _row_kind(row: Row) -> str | None:
    labels = row.labels()
    if any(BLOCK.search(c.text) for c in labels):
        return "t2"
    if has_values(row) or not labels:
        return None
    keys = [label_key(c.text) for c in labels]
    if any(w in k for k in keys for w in _T3_HEADER_WORDS):
        return "t3"
    if any(w in k for k in keys for w in _T4_HEADER_WORDS):
        return "t4"
    return None


def _starts_table3(row: Row) -> bool:
    labels = row.labels()
    first = label_key(T.REQUEST_ROWS_2021[0].label)
    return bool(labels) and similarity(label_key(labels[0].text), first) >= 0.9


def _looks_like_table4_values(row: Row) -> bool:
    return not row.labels() and sum(1 for c in row.cells if c is not None) >= 15

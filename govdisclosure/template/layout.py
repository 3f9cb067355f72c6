"""Tables 二, 三 and 四 of a report laid out like the template, for people and for tidy tables.

One :class:`Block` per table (table 二: one per 第二十条 block, their columns differ): its
columns (key, Chinese label) and its rows (key, Chinese label, group), each cell naming its
flat key.  The human view of ``govdisclosure parse``, the notebook HTML of a report, the long
table (:func:`govdisclosure.tables.to_long`) and the Excel sheets are all made from it, and
it is made from the template data alone.
"""

from __future__ import annotations

import functools

from attrs import frozen

from govdisclosure import template as T
from govdisclosure.model import Template

__all__ = ["Block", "LayoutRow", "blocks"]


@frozen
class LayoutRow:
    """A row: its key (a flat-key prefix), Chinese label, merged group label, and cell keys."""

    key: str
    label: str
    group: str | None
    cells: tuple[str, ...]  # the flat key of each column's cell


@frozen
class Block:
    """One table (or one block of table 二) with its columns and rows."""

    table: str  # "二", "三" or "四"
    title: str
    columns: tuple[tuple[str, str], ...]  # (column key, Chinese label)
    kinds: tuple[str, ...]  # each column's kind (count, signed, money)
    rows: tuple[LayoutRow, ...]


def _proactive(version: Template) -> list[Block]:
    out = []
    for block in T.spec(version).proactive:
        rows = []
        for row in block.rows:
            base = f"proactive.{row.key}"
            cells = tuple(f"{base}.{c.key}" for c in block.columns)
            rows.append(LayoutRow(base, row.label, None, cells))
        out.append(
            Block(
                "二",
                f"二、主动公开政府信息情况 · {block.title}",
                tuple((c.key, c.label) for c in block.columns),
                tuple(c.kind for c in block.columns),
                tuple(rows),
            )
        )
    return out


def _requests(version: Template) -> Block:
    rows = tuple(
        LayoutRow(
            f"requests.{row.key}",
            row.label,
            row.group,
            tuple(f"requests.{row.key}.{c.key}" for c in T.REQUEST_COLUMNS),
        )
        for row in T.spec(version).request_rows
    )
    return Block(
        "三",
        "三、收到和处理政府信息公开申请情况",
        tuple((c.key, c.label) for c in T.REQUEST_COLUMNS),
        tuple("count" for _c in T.REQUEST_COLUMNS),
        rows,
    )


def _appeals() -> Block:
    first = T.APPEAL_GROUPS[0].key
    rows = tuple(
        LayoutRow(
            f"appeals.{g.key}",
            g.label,
            None if g.key == first else T.APPEAL_LITIGATION,
            tuple(f"appeals.{g.key}.{c.key}" for c in T.APPEAL_COLUMNS),
        )
        for g in T.APPEAL_GROUPS
    )
    return Block(
        "四",
        "四、政府信息公开行政复议、行政诉讼情况",
        tuple((c.key, c.label) for c in T.APPEAL_COLUMNS),
        tuple("count" for _c in T.APPEAL_COLUMNS),
        rows,
    )


@functools.cache
def blocks(version: Template) -> tuple[Block, ...]:
    """The template's tables for a version: the blocks of 二, then 三, then 四."""
    return (*_proactive(version), _requests(version), _appeals())

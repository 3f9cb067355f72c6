"""Tables 二, 三 and 四 of a report as grids of cell texts, laid out from the template data.

A :class:`Grid` is what a real report's table looks like once copied out of HTML or Word:
header rows, group labels only on the first row of their group (merged cells), values after
the labels.  :mod:`govdisclosure.write.render` turns grids into pipe, tab or Markdown text.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from attrs import frozen

from govdisclosure import template as T
from govdisclosure.model import (
    AppealStats,
    Proactive2019,
    Proactive2021,
    Report,
    RequestStats,
    Template,
)
from govdisclosure.template.identities import rows_of

__all__ = ["Grid", "appeal_grid", "proactive_grid", "request_grid"]

NONE = "/"  # what a value the model lacks is written as (a placeholder, never 0)
WAN = "万元"


@frozen
class Grid:
    """Rows of cell texts; ``width`` is the widest row; ``header`` rows precede the data.

    ``aligned`` rows put their labels in a fixed number of leading columns (Word and
    Markdown copies keep the grid), ``packed`` rows put the values right after the labels
    (HTML copies drop the empty merged cells); each row is given both ways.
    """

    packed: tuple[tuple[str, ...], ...]
    aligned: tuple[tuple[str, ...], ...]
    header: int

    @property
    def width(self) -> int:
        return max(len(r) for r in (*self.packed, *self.aligned))


def _number(value: int | Decimal | None, kind: str, unit: str = "") -> str:
    if value is None:
        return NONE
    if kind == "signed":
        return "0" if value == 0 else (f"增{value}" if value > 0 else f"减{-value}")
    if isinstance(value, Decimal):
        return format(value, "f") + unit
    return str(value)


# --------------------------------------------------------------------------- table 二


def _money_label(col: T.Column) -> str:
    return col.label if WAN in col.label else f"{col.label}（单位：{WAN}）"


def proactive_grid(proactive: Proactive2019 | Proactive2021) -> Grid:
    """Blocks 第二十条第（N）项: a title row, a 信息内容 header row, one row per item."""
    version = Template.V2019 if isinstance(proactive, Proactive2019) else Template.V2021
    rows: list[tuple[str, ...]] = []
    for block in T.spec(version).proactive:
        rows.append((block.title,))
        rows.append(
            (
                T.PROACTIVE_HEADER,
                *(_money_label(c) if c.kind == "money" else c.label for c in block.columns),
            )
        )
        for row in block.rows:
            item = getattr(proactive, row.key)
            cells = []
            for col in block.columns:
                value = getattr(item, col.key)
                unit = WAN if col.kind == "money" and WAN not in col.label else ""
                cells.append(_number(value, col.kind, unit))
            rows.append((row.label, *cells))
    for extra in proactive.extra_rows:
        rows.append((extra.label, *extra.cells))
    return Grid(tuple(rows), tuple(rows), 0)


# --------------------------------------------------------------------------- table 三


def _request_values(requests: RequestStats, row: T.RequestRow) -> list[str]:
    obj: object = requests
    for name in row.path:
        obj = getattr(obj, name) if obj is not None else None
    return [
        _number(getattr(obj, c.key) if obj is not None else None, "count")
        for c in T.REQUEST_COLUMNS
    ]


def _request_label_cells(rows: tuple[T.RequestRow, ...]) -> Iterator[tuple[tuple[int, str], ...]]:
    """Each row's label cells with their depth (0 「一、」「三、…」, 1 「（一）」, 2 「1.」).

    A group's label stands only on the first row of the group (a merged cell).
    """
    top = {r.group for r in rows if r.group is not None and len(r.path) == 2}
    seen: set[str] = set()
    for row in rows:
        depth = 0 if row.group is None else (1 if row.group in top else 2)
        cells = [(depth, row.label)]
        if row.group is not None and row.group not in seen:
            seen.add(row.group)
            cells.insert(0, (depth - 1, row.group))
        yield tuple(cells)


def request_grid(report: Report) -> Grid:
    """Table 三 with the three header rows of the template."""
    rows = rows_of(report.requests, report.template)
    natural, *legal, total = T.REQUEST_COLUMNS
    packed: list[tuple[str, ...]] = [
        (T.REQUEST_NOTE, T.REQUEST_APPLICANTS),
        (natural.label, T.REQUEST_LEGAL_PERSONS, total.label),
        tuple(c.label for c in legal),
    ]
    aligned: list[tuple[str, ...]] = [
        (T.REQUEST_NOTE, "", "", T.REQUEST_APPLICANTS),
        ("", "", "", natural.label, T.REQUEST_LEGAL_PERSONS, *[""] * (len(legal) - 1), total.label),
        ("", "", "", "", *(c.label for c in legal)),
    ]
    for row, labels in zip(rows, _request_label_cells(rows), strict=True):
        values = _request_values(report.requests, row)
        packed.append((*(label for _d, label in labels), *values))
        cells = ["", "", ""]
        for depth, label in labels:
            cells[depth] = label
        aligned.append((*cells, *values))
    return Grid(tuple(packed), tuple(aligned), 3)


# --------------------------------------------------------------------------- table 四


def appeal_grid(appeals: AppealStats) -> Grid:
    """Table 四: three header rows, then the 15 numbers on one row."""
    first, *suits = T.APPEAL_GROUPS
    labels = [c.label for c in T.APPEAL_COLUMNS]
    n = len(labels)
    values = tuple(
        _number(getattr(getattr(appeals, g.key), c.key), "count")
        for g in T.APPEAL_GROUPS
        for c in T.APPEAL_COLUMNS
    )
    packed = (
        (first.label, T.APPEAL_LITIGATION),
        (*labels, *(g.label for g in suits)),
        tuple(labels * len(suits)),
        values,
    )
    aligned = (
        (first.label, *[""] * (n - 1), T.APPEAL_LITIGATION),
        (*labels, *(cell for g in suits for cell in (g.label, *[""] * (n - 1)))),
        (*[""] * n, *labels * len(suits)),
        values,
    )
    return Grid(packed, aligned, 3)

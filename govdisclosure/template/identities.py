"""The linear identities of tables 三 and 四 as data, built from the template.

Each :class:`Equation` says ``Σ left = Σ right`` over flat keys (the keys of
:func:`govdisclosure.flatten`).  The checker (:mod:`govdisclosure.check.invariants`) evaluates
them; the localiser (:mod:`govdisclosure.check.locate`) solves them for the fewest changed cells.
Nothing here reads text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from attrs import frozen

from govdisclosure import template as T
from govdisclosure.model import RequestStats, Template

__all__ = [
    "Equation",
    "appeal_equations",
    "request_equations",
    "request_rows",
    "row_label",
    "rows_of",
]


@frozen
class Equation:
    """``Σ left = Σ right``; ``rule`` is the registry id, ``where`` names the line or column."""

    rule: str
    where: str
    says: str  # the identity in words, e.g. 「一 + 二 = （七）总计 + 四」
    left: tuple[str, ...]
    right: tuple[str, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        return self.left + self.right


def request_rows(version: Template, other_handling_split: bool | None) -> tuple[T.RequestRow, ...]:
    """The data rows of table 三 as the table is laid out.

    The shape of （六）其他处理 decides (one row: V2019; three rows: V2021), because a table
    三 can follow the other template than table 二 (``template-mixed``); when the model holds
    neither shape (``None``), the report's template decides.
    """
    if other_handling_split is None:
        return T.spec(version).request_rows
    return T.spec(Template.V2021 if other_handling_split else Template.V2019).request_rows


def rows_of(requests: RequestStats, version: Template) -> tuple[T.RequestRow, ...]:
    """The rows of this table 三, by the shape of its （六）其他处理 (see :func:`request_rows`)."""
    oh = requests.outcomes.other_handling
    split = any(p is not None for p in (oh.no_correction, oh.fee_unpaid, oh.other))
    return request_rows(version, True if split else (False if oh.undivided is not None else None))


_NOTE = re.compile(r"（[^（）]*）$")


def row_label(row: T.RequestRow) -> str:
    """A row's label for messages: its group for numbered sub-rows, long notes dropped."""
    label = _NOTE.sub("", row.label) if not row.label.startswith("（七）") else row.label
    if len(label) > 16:
        label = label[:15] + "…"
    if row.group and row.label[:1].isdigit():
        return f"{row.group}{label}"
    return label


def _key(row: T.RequestRow, col: T.Column) -> str:
    return f"requests.{row.key}.{col.key}"


def _find(rows: tuple[T.RequestRow, ...], key: str) -> T.RequestRow:
    return next(r for r in rows if r.key == key)


def _numeral(row: T.RequestRow) -> str:
    """「一、本年新收…」 → 「一」; 「（七）总计」 stays whole."""
    return row.label.split("、", 1)[0] if "、" in row.label[:3] else row.label


def request_equations(rows: tuple[T.RequestRow, ...]) -> Iterator[Equation]:
    """T3-IDENT per column, T3-OUTTOTAL per column, T3-ROWTOTAL per row."""
    return iter(_request_equations(rows))


@functools.lru_cache(maxsize=8)
def _request_equations(rows: tuple[T.RequestRow, ...]) -> tuple[Equation, ...]:
    # the same few tables of rows every time: made once (~0.1 ms each), kept
    return tuple(_make_request_equations(rows))


def _make_request_equations(rows: tuple[T.RequestRow, ...]) -> Iterator[Equation]:
    new, old = _find(rows, "new_received"), _find(rows, "carried_over")
    total, forward = _find(rows, "outcomes.total"), _find(rows, "carried_forward")
    outcomes = [r for r in rows if r.path[0] == "outcomes" and r is not total]
    ident = f"{_numeral(new)} + {_numeral(old)} = {_numeral(total)} + {_numeral(forward)}"
    outtotal = f"{total.label} = （一） + （二） + Σ（三） + Σ（四） + Σ（五） + Σ（六）"
    applicants = [c for c in T.REQUEST_COLUMNS if c.key != "total"]
    row_total = next(c for c in T.REQUEST_COLUMNS if c.key == "total")
    rowtotal = f"{row_total.label} = " + " + ".join(c.label for c in applicants)
    for col in T.REQUEST_COLUMNS:
        yield Equation(
            "T3-IDENT",
            f"column {col.label}",
            ident,
            (_key(new, col), _key(old, col)),
            (_key(total, col), _key(forward, col)),
        )
    for col in T.REQUEST_COLUMNS:
        yield Equation(
            "T3-OUTTOTAL",
            f"column {col.label}",
            outtotal,
            (_key(total, col),),
            tuple(_key(r, col) for r in outcomes),
        )
    for row in rows:
        yield Equation(
            "T3-ROWTOTAL",
            f"row {row_label(row)}",
            rowtotal,
            (_key(row, row_total),),
            tuple(_key(row, c) for c in applicants),
        )


def appeal_equations() -> Iterator[Equation]:
    """T4-SUM for each of the three groups of table 四."""
    parts = [c for c in T.APPEAL_COLUMNS if c.key != "total"]
    total = next(c for c in T.APPEAL_COLUMNS if c.key == "total")
    says = f"{total.label} = " + " + ".join(c.label for c in parts)
    for group in T.APPEAL_GROUPS:
        yield Equation(
            "T4-SUM",
            group.label,
            says,
            (f"appeals.{group.key}.total",),
            tuple(f"appeals.{group.key}.{c.key}" for c in parts),
        )

"""The cross-year rules: two consecutive reports of one organ.

A field of a cross-year violation is prefixed with its report's year
(``"2023:requests.carried_over.total"``); the message gives each field's line in its own
report, since one ``lines`` tuple cannot say which file a line is in.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from govdisclosure import template as T
from govdisclosure.check.rules_tables import item_rows
from govdisclosure.check.violation import Evidence, Violation, fail, unassessable
from govdisclosure.model import Proactive2019, Proactive2021, Report, Template

__all__ = ["t2_items", "t2_stock", "t3_carry"]

Term = tuple[Report, str, int]  # a report, a flat key in it, the sign it is summed with


_PREVIOUS = T.column_label(Template.V2019, "previous_items")


def _leaf(report: Report, key: str) -> Any:
    obj: Any = report
    for name in key.split("."):
        obj = getattr(obj, name, None)
    return obj


def _field(report: Report, key: str) -> str:
    return f"{report.year if report.year is not None else '?'}:{key}"


def _spots(terms: Sequence[Term]) -> str:
    spots = dict.fromkeys(
        f"{r.year} line {r.locations[k].line}" for r, k, _s in terms if k in r.locations
    )
    return f" ({'; '.join(spots)})" if spots else ""


def _compare(
    rule_id: str, where: str, left: Sequence[Term], right: Sequence[Term]
) -> tuple[Violation, ...]:
    """``Σ left = Σ right`` across two reports: broken, not assessable, or ``()``."""
    terms = [*left, *right]
    values = [_leaf(r, k) for r, k, _s in terms]
    fields = [_field(r, k) for r, k, _s in terms]
    if any(not isinstance(v, int) for v in values):
        blank = [f for f, v in zip(fields, values, strict=True) if not isinstance(v, int)]
        return (unassessable(rule_id, where, blank),)
    signed = [s * v for (_r, _k, s), v in zip(terms, values, strict=True)]
    lhs, rhs = sum(signed[: len(left)]), sum(signed[len(left) :])
    if lhs == rhs:
        return ()
    evidence = [
        Evidence(
            field,
            value * sign,
            (field,),
            (r.locations[key].line,) if key in r.locations else (),
        )
        for (r, key, sign), field, value in zip(terms, fields, values, strict=True)
    ]
    return (fail(rule_id, f"{where}: {lhs} ≠ {rhs}{_spots(terms)}", fields, evidence),)


def t3_carry(prev: Report, cur: Report) -> tuple[Violation, ...]:
    """T3-CARRY: this year's 二、上年结转 = last year's 四、结转下年度继续办理, per column."""
    out: list[Violation] = []
    for col in T.REQUEST_COLUMNS:
        out.extend(
            _compare(
                "T3-CARRY",
                f"column {col.label}: {cur.year} 二、上年结转 vs {prev.year} 四、结转下年度",
                [(cur, f"requests.carried_over.{col.key}", 1)],
                [(prev, f"requests.carried_forward.{col.key}", 1)],
            )
        )
    return tuple(out)


def t2_stock(prev: Report, cur: Report) -> tuple[Violation, ...]:
    """T2-STOCK: documents in force (V2021) / published (V2019) carry over year to year."""
    if type(prev.proactive) is not type(cur.proactive):
        return ()  # V2019 → V2021: different quantities
    v2021 = isinstance(cur.proactive, Proactive2021)
    stock, added = ("in_force", "issued") if v2021 else ("total_published", "newly_published")
    out: list[Violation] = []
    for name in ("rules", "normative_documents"):
        right: list[Term] = [
            (prev, f"proactive.{name}.{stock}", 1),
            (cur, f"proactive.{name}.{added}", 1),
        ]
        if v2021:
            right.append((cur, f"proactive.{name}.repealed", -1))
        where = f"{name}: {cur.year} {stock} vs {prev.year} {stock} + {cur.year} {added}"
        out.extend(
            _compare(
                "T2-STOCK",
                where + (" − repealed" if v2021 else ""),
                [(cur, f"proactive.{name}.{stock}", 1)],
                right,
            )
        )
    return tuple(out)


def t2_items(prev: Report, cur: Report) -> tuple[Violation, ...]:
    """T2-ITEMS: V2019 上一年项目数量 = last year's 上一年项目数量 + last year's 本年增/减."""
    if not (isinstance(prev.proactive, Proactive2019) and isinstance(cur.proactive, Proactive2019)):
        return ()
    out: list[Violation] = []
    for row in item_rows():
        out.extend(
            _compare(
                "T2-ITEMS",
                f"{row.label}: {cur.year} {_PREVIOUS} vs {prev.year} {_PREVIOUS} + 增/减",
                [(cur, f"proactive.{row.key}.previous_items", 1)],
                [
                    (prev, f"proactive.{row.key}.previous_items", 1),
                    (prev, f"proactive.{row.key}.change", 1),
                ],
            )
        )
    return tuple(out)

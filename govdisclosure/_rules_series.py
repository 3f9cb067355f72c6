"""The cross-year rules: two consecutive reports of one organ."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from . import template as T
from ._violation import Violation, fail, unassessable, values_of
from .model import Proactive2019, Proactive2021, Report, SourceSpan, Template

__all__ = ["t2_items", "t2_stock", "t3_carry"]


def _pair_values(prev: Report, cur: Report, keys: Iterable[tuple[Report, str]]) -> list[Any]:
    flat = {id(prev): _all_values(prev), id(cur): _all_values(cur)}
    return [flat[id(r)].get(k) for r, k in keys]


def _all_values(report: Report) -> dict[str, Any]:
    return {
        **values_of(report.requests, "requests."),
        **values_of(report.proactive, "proactive."),
    }


def _series_keys(prev: Report, cur: Report, pairs: Iterable[tuple[Report, str]]) -> tuple[str, ...]:
    return tuple(f"{r.year}:{k}" for r, k in pairs)


def _where(prev: Report, cur: Report, pairs: list[tuple[Report, str]]) -> str:
    spots = []
    for r, k in pairs:
        span: SourceSpan | None = r.locations.get(k)
        if span is not None:
            spots.append(f"{r.year} line {span.line}")
    return f" ({'; '.join(spots)})" if spots else ""


def _series_equal(
    rule_id: str,
    prev: Report,
    cur: Report,
    where: str,
    left: list[tuple[Report, str]],
    right: list[tuple[Report, str]],
    signs: tuple[int, ...] | None = None,
) -> Violation | None:
    pairs = left + right
    values = _pair_values(prev, cur, pairs)
    fields = _series_keys(prev, cur, pairs)
    if any(v is None for v in values):
        blank = [f for f, v in zip(fields, values, strict=True) if v is None]
        return unassessable(rule_id, where, blank)
    signs = signs or (1,) * len(right)
    lhs = sum(values[: len(left)])
    rhs = sum(s * v for s, v in zip(signs, values[len(left) :], strict=True))
    if lhs == rhs:
        return None
    return fail(rule_id, f"{where}: {lhs} ≠ {rhs}{_where(prev, cur, pairs)}", fields)


def t3_carry(prev: Report, cur: Report) -> tuple[Violation, ...]:
    """T3-CARRY: this year's 二、上年结转 = last year's 四、结转下年度继续办理, per column."""
    out = []
    for col in T.REQUEST_COLUMNS:
        v = _series_equal(
            "T3-CARRY",
            prev,
            cur,
            f"column {col.label}: {cur.year} 二、上年结转 vs {prev.year} 四、结转下年度继续办理",
            [(cur, f"requests.carried_over.{col.key}")],
            [(prev, f"requests.carried_forward.{col.key}")],
        )
        if v is not None:
            out.append(v)
    return tuple(out)


def t2_stock(prev: Report, cur: Report) -> tuple[Violation, ...]:
    """T2-STOCK: documents in force (V2021) / published (V2019) carry over year to year."""
    if type(prev.proactive) is not type(cur.proactive):
        return ()
    if isinstance(cur.proactive, Proactive2021):
        stock, added, removed = "in_force", "issued", "repealed"
    else:
        stock, added, removed = "total_published", "newly_published", ""
    out = []
    for name in ("rules", "normative_documents"):
        right = [(prev, f"proactive.{name}.{stock}"), (cur, f"proactive.{name}.{added}")]
        signs: tuple[int, ...] = (1, 1)
        if removed:
            right.append((cur, f"proactive.{name}.{removed}"))
            signs = (1, 1, -1)
        v = _series_equal(
            "T2-STOCK",
            prev,
            cur,
            f"{name}: {cur.year} {stock} vs {prev.year} {stock} + {cur.year} {added}"
            + (f" − {removed}" if removed else ""),
            [(cur, f"proactive.{name}.{stock}")],
            right,
            signs,
        )
        if v is not None:
            out.append(v)
    return tuple(out)


def t2_items(prev: Report, cur: Report) -> tuple[Violation, ...]:
    """T2-ITEMS: V2019 上一年项目数量 = last year's 上一年项目数量 + last year's 本年增/减."""
    if not (isinstance(prev.proactive, Proactive2019) and isinstance(cur.proactive, Proactive2019)):
        return ()
    out = []
    for block in T.spec(Template.V2019).proactive:
        if not any(c.kind == "signed" for c in block.columns):
            continue
        for row in block.rows:
            v = _series_equal(
                "T2-ITEMS",
                prev,
                cur,
                f"{row.label}: {cur.year} 上一年项目数量 vs {prev.year} 上一年项目数量 + 本年增/减",
                [(cur, f"proactive.{row.key}.previous_items")],
                [
                    (prev, f"proactive.{row.key}.previous_items"),
                    (prev, f"proactive.{row.key}.change"),
                ],
            )
            if v is not None:
                out.append(v)
    return tuple(out)

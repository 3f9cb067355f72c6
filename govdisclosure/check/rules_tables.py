"""The rules of tables 三, 四 and 二: one pure function per rule (see ``_rulebook``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from govdisclosure import template as T
from govdisclosure.check import prose as _prose
from govdisclosure.check.violation import (
    Evidence,
    Violation,
    fail,
    judge,
    negative,
    unassessable,
    values_of,
)
from govdisclosure.fieldpaths import flatten_object
from govdisclosure.model import (
    AppealStats,
    Proactive2019,
    Proactive2021,
    Report,
    RequestStats,
    Template,
)
from govdisclosure.template.identities import Equation, appeal_equations, request_equations, rows_of

__all__ = [
    "t2_delta",
    "t2_in_force",
    "t2_nonneg",
    "t3_fee_link",
    "t3_ident",
    "t3_nonneg",
    "t3_outtotal",
    "t3_rowtotal",
    "t3_split",
    "t4_nonneg",
    "t4_sum",
]

# --------------------------------------------------------------------------- table 三


def _request_equations(
    requests: RequestStats, template: Template, rule_id: str
) -> Iterator[Equation]:
    return (e for e in request_equations(rows_of(requests, template)) if e.rule == rule_id)


def t3_ident(requests: RequestStats, template: Template) -> tuple[Violation, ...]:
    """T3-IDENT: per column, 一 + 二 = （七）总计 + 四."""
    eqs = _request_equations(requests, template, "T3-IDENT")
    return judge(eqs, values_of(requests, "requests."))


def t3_outtotal(requests: RequestStats, template: Template) -> tuple[Violation, ...]:
    """T3-OUTTOTAL: per column, （七）总计 = the sum of the outcome rows （一）…（六）."""
    eqs = _request_equations(requests, template, "T3-OUTTOTAL")
    return judge(eqs, values_of(requests, "requests."))


def t3_rowtotal(requests: RequestStats, template: Template) -> tuple[Violation, ...]:
    """T3-ROWTOTAL: per row, 总计 = the sum of the six applicant columns."""
    eqs = _request_equations(requests, template, "T3-ROWTOTAL")
    return judge(eqs, values_of(requests, "requests."))


def t3_nonneg(requests: RequestStats, template: Template) -> tuple[Violation, ...]:
    """T3-NONNEG: every cell of table 三 that holds a number is ≥ 0."""
    values = values_of(requests, "requests.")
    keys = [
        f"requests.{r.key}.{c.key}" for r in rows_of(requests, template) for c in T.REQUEST_COLUMNS
    ]
    return negative("T3-NONNEG", ((k, values.get(k)) for k in keys))


def _other_handling_keys(requests: RequestStats) -> list[str]:
    return [
        k
        for k, _v in flatten_object(
            requests.outcomes.other_handling, "requests.outcomes.other_handling."
        )
    ]


def t3_split(report: Report) -> tuple[Violation, ...]:
    """T3-V2021-SPLIT: （六）其他处理 has three rows in V2021 and one row in V2019."""
    oh = report.requests.outcomes.other_handling
    split = any(p is not None for p in (oh.no_correction, oh.fee_unpaid, oh.other))
    undivided = oh.undivided is not None
    if not split and not undivided:
        return ()
    want_split = report.template is Template.V2021
    if split == want_split and undivided != want_split:
        return ()
    found = "three rows (V2021)" if split else "one row (V2019)"
    if split and undivided:
        found = "both the single row and the three rows"
    rows = [k for k in _other_handling_keys(report.requests) if k.endswith(".total")]
    return (
        fail(
            "T3-V2021-SPLIT",
            f"table 二 follows {report.template.value} but table 三's {T.REQUEST_GROUPS[-1]} "
            f"has {found}",
            rows,
            (
                Evidence("table 二's template", report.template.value, ("template",)),
                Evidence(f"table 三's {T.REQUEST_GROUPS[-1]}", found, tuple(rows)),
            ),
        ),
    )


def t3_fee_link(report: Report) -> tuple[Violation, ...]:
    """T3-FEE-LINK: applications dropped for unpaid fees ⇒ section 六 speaks of the fee."""
    row = report.requests.outcomes.other_handling.fee_unpaid
    if row is None:
        return ()
    prefix = "requests.outcomes.other_handling.fee_unpaid."
    values = values_of(row, prefix)
    positive = {k: v for k, v in values.items() if isinstance(v, int) and v > 0}
    if not positive:
        blank = [k for k, v in values.items() if v is None]
        return (unassessable("T3-FEE-LINK", "（六）2 row", blank),) if blank else ()
    statement = _prose.fee_statement(report.other_matters)
    if statement is _prose.FeeStatement.MENTIONED:
        return ()
    shown = positive.get(prefix + "total", max(positive.values()))
    said = (
        "says that no fee notice was issued"
        if statement is _prose.FeeStatement.NO_NOTICE
        else "says nothing of 信息处理费 or fee notices"
    )
    return (
        fail(
            "T3-FEE-LINK",
            f"（六）2 逾期未按收费通知要求缴纳费用 = {shown}, so fee notices were issued, "
            f"but section 六 {said}",
            [*positive, "other_matters"],
            (
                *(Evidence(k, v, (k,)) for k, v in positive.items()),
                Evidence("section 六 on fees", statement.value, ("other_matters",)),
            ),
        ),
    )


# --------------------------------------------------------------------------- table 四


def t4_sum(appeals: AppealStats) -> tuple[Violation, ...]:
    """T4-SUM: for each group, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结."""
    return judge(appeal_equations(), values_of(appeals, "appeals."))


def t4_nonneg(appeals: AppealStats) -> tuple[Violation, ...]:
    """T4-NONNEG: the 15 numbers are ≥ 0."""
    return negative("T4-NONNEG", values_of(appeals, "appeals.").items())


# --------------------------------------------------------------------------- table 二


def _proactive_items(proactive: Proactive2019 | Proactive2021) -> Iterator[tuple[str, Any, str]]:
    version = Template.V2019 if isinstance(proactive, Proactive2019) else Template.V2021
    values = values_of(proactive, "proactive.")
    for key, _block, _row, col in T.spec(version).proactive_fields():
        yield key, values.get(key), col.kind


def t2_nonneg(proactive: Proactive2019 | Proactive2021) -> tuple[Violation, ...]:
    """T2-NONNEG: counts and money of table 二 are ≥ 0 (the signed 本年增/减 excepted)."""
    items = ((k, v) for k, v, kind in _proactive_items(proactive) if kind != "signed")
    return negative("T2-NONNEG", items)


def t2_in_force(proactive: Proactive2019 | Proactive2021) -> tuple[Violation, ...]:
    """T2-INFORCE: V2021 现行有效 + 本年废止 ≥ 本年制发 (issued: in force unless repealed)."""
    if not isinstance(proactive, Proactive2021):
        return ()
    out: list[Violation] = []
    for name in ("rules", "normative_documents"):
        counts = getattr(proactive, name)
        cols = ("issued", "in_force", "repealed")
        keys = tuple(f"proactive.{name}.{c}" for c in cols)
        got = [getattr(counts, c) for c in cols]
        if None in got:
            blank = [k for k, v in zip(keys, got, strict=True) if v is None]
            out.append(unassessable("T2-INFORCE", name, blank))
            continue
        issued, in_force, repealed = got
        if in_force + repealed < issued:
            label = {c: T.column_label(Template.V2021, c) for c in cols}
            out.append(
                fail(
                    "T2-INFORCE",
                    f"{name}: {label['in_force']} {in_force} + {label['repealed']} {repealed} "
                    f"< {label['issued']} {issued}",
                    keys,
                    (
                        Evidence(f"{label['in_force']} + {label['repealed']}",
                                 in_force + repealed, keys[1:]),
                        Evidence(label["issued"], issued, keys[:1]),
                    ),
                )
            )  # fmt: skip
    return tuple(out)


def item_rows() -> Iterator[T.ProactiveRow]:
    """The V2019 rows of table 二 with 上一年项目数量 and a signed 本年增/减."""
    for block in T.spec(Template.V2019).proactive:
        if any(c.kind == "signed" for c in block.columns):
            yield from block.rows


def t2_delta(proactive: Proactive2019 | Proactive2021) -> tuple[Violation, ...]:
    """T2-V2019-DELTA: V2019 上一年项目数量 + 本年增/减 ≥ 0 (no fewer than no items)."""
    if not isinstance(proactive, Proactive2019):
        return ()
    out: list[Violation] = []
    for row in item_rows():
        item = getattr(proactive, row.key)
        keys = (f"proactive.{row.key}.previous_items", f"proactive.{row.key}.change")
        if item.previous_items is None or item.change is None:
            blank = [
                k
                for k, v in zip(keys, (item.previous_items, item.change), strict=True)
                if v is None
            ]
            out.append(unassessable("T2-V2019-DELTA", row.label, blank))
        elif item.previous_items + item.change < 0:
            out.append(
                fail(
                    "T2-V2019-DELTA",
                    f"{row.label}: {T.column_label(Template.V2019, 'previous_items')} "
                    f"{item.previous_items} + {T.column_label(Template.V2019, 'change')} "
                    f"{item.change:+d} leaves {item.previous_items + item.change} items",
                    keys,
                    (
                        Evidence(
                            T.column_label(Template.V2019, "previous_items"),
                            item.previous_items,
                            keys[:1],
                        ),
                        Evidence(T.column_label(Template.V2019, "change"), item.change, keys[1:]),
                    ),
                )
            )
    return tuple(out)

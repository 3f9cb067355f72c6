"""Hypothesis strategies for reports, built from the template data (govdisclosure.template).

- :func:`consistent_reports`: reports that satisfy every rule of the registry, for both
  template versions, with small (mostly 0–9, as most organs report) or large (up to a
  million, as provincial reports do) numbers.  Their prose states the tables' numbers the way
  real reports do, so the document rules have something to check.
- :func:`any_reports`: any model the types allow (blank cells, negative numbers, arbitrary
  text, a table 三 of the other template, no year …), for totality and determinism.
- :func:`layouts`: render layouts (the named ones and any combination).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st
from report_strategies import builds
from support import value_at, with_value

from govdisclosure import Report, Script, Template
from govdisclosure import template as T
from govdisclosure.fieldpaths import build, flatten_object
from govdisclosure.model import (
    AppealStats,
    ApplicantCounts,
    Diagnostic,
    Proactive2019,
    Proactive2021,
    RequestStats,
    Section,
)
from govdisclosure.write.render import LAYOUTS, Layout

__all__ = [
    "ORGANS",
    "any_reports",
    "consistent_reports",
    "consistent_series",
    "layouts",
    "request_keys",
]

Draw = Callable[[st.SearchStrategy[Any]], Any]
X = TypeVar("X")

ORGANS = (
    "安宁市人民政府",
    "株洲市天元区信访局",
    "淮安经济技术开发区党政办公室",
    "示范区党政办",
    "抚远市人民政府",
    "某县自然资源局",
)
SUBSECTIONS = ("主动公开情况", "依申请公开情况", "政府信息管理情况", "平台建设情况", "监督保障情况")
YEARS = {Template.V2019: (2019, 2020), Template.V2021: (2021, 2026)}

# Two scales: most organs report a handful of requests, provinces report hundreds of thousands.
SMALL = st.integers(0, 9) | st.just(0)
LARGE = st.integers(0, 10**6)


def _values(draw: Draw, scale: st.SearchStrategy[int], n: int) -> list[int]:
    values: list[int] = draw(st.lists(scale, min_size=n, max_size=n))
    return values


def _money(draw: Draw, large: bool) -> Decimal:
    digits = draw(st.integers(0, 10**9 if large else 10**4))
    places = draw(st.integers(0, 6))
    return Decimal(digits).scaleb(-places)


def request_keys(version: Template) -> list[str]:
    """Every number cell of table 三, in template order."""
    return [key for key, _row, _col in T.spec(version).request_fields()]


# --------------------------------------------------------------------------- tables


def _requests(
    draw: Draw,
    version: Template,
    scale: st.SearchStrategy[int],
    carried_over: ApplicantCounts | None = None,
) -> RequestStats:
    """Table 三 satisfying T3-IDENT, T3-OUTTOTAL and T3-ROWTOTAL by construction
    (with ``carried_over``: this year's 二、上年结转, last year's 四, for T3-CARRY)."""
    rows = T.spec(version).request_rows
    outcome_rows = [r for r in rows if r.path[0] == "outcomes" and r.key != "outcomes.total"]
    applicants = [c for c in T.REQUEST_COLUMNS if c.key != "total"]
    values: dict[str, int] = {}
    for col in applicants:
        cells = _values(draw, scale, len(outcome_rows))
        for row, v in zip(outcome_rows, cells, strict=True):
            values[f"requests.{row.key}.{col.key}"] = v
        handled = sum(cells)
        forward = draw(scale)
        if carried_over is None:
            over = draw(st.integers(0, handled + forward))
        else:
            over = getattr(carried_over, col.key)
            forward = max(forward, over - handled)  # 一 = （七） + 四 − 二 stays ≥ 0
        values[f"requests.outcomes.total.{col.key}"] = handled
        values[f"requests.carried_forward.{col.key}"] = forward
        values[f"requests.carried_over.{col.key}"] = over
        values[f"requests.new_received.{col.key}"] = handled + forward - over
    for row in rows:
        values[f"requests.{row.key}.total"] = sum(
            values[f"requests.{row.key}.{c.key}"] for c in applicants
        )
    return build(RequestStats, values, "requests.")


def _appeals(draw: Draw, scale: st.SearchStrategy[int]) -> AppealStats:
    values: dict[str, int] = {}
    parts = [c for c in T.APPEAL_COLUMNS if c.key != "total"]
    for group in T.APPEAL_GROUPS:
        cells = _values(draw, scale, len(parts))
        for col, v in zip(parts, cells, strict=True):
            values[f"appeals.{group.key}.{col.key}"] = v
        values[f"appeals.{group.key}.total"] = sum(cells)
    return build(AppealStats, values, "appeals.")


def _proactive(
    draw: Draw,
    version: Template,
    scale: st.SearchStrategy[int],
    large: bool,
    last: Proactive2019 | Proactive2021 | None = None,
) -> Proactive2019 | Proactive2021:
    """Table 二: V2021 现行有效件数 ≥ 本年制发件数; V2019 上一年项目数量 + 本年增/减 ≥ 0.

    With ``last`` (last year's table of the same template) the stocks carry over: T2-STOCK
    and T2-ITEMS hold."""
    values: dict[str, int | Decimal] = {}
    prior = dict(flatten_object(last, "proactive.")) if type(last) is _CLASSES[version] else {}
    for key, _block, row, col in T.spec(version).proactive_fields():
        base = f"proactive.{row.key}."
        if prior and col.key == "previous_items":
            values[key] = prior[base + "previous_items"] + prior[base + "change"]
        elif prior and col.key == "repealed":
            values[key] = draw(st.integers(0, prior[base + "in_force"]))
        elif prior and col.key == "in_force":
            values[key] = prior[key] + values[base + "issued"] - values[base + "repealed"]
        elif prior and col.key == "total_published":
            values[key] = prior[key] + values[base + "newly_published"]
        elif col.kind == "money":
            values[key] = _money(draw, large)
        elif col.kind == "signed":
            before = values[f"proactive.{row.key}.previous_items"]
            assert isinstance(before, int)
            values[key] = draw(st.integers(-before, before + 9))
        elif col.key == "in_force":
            issued = values[f"proactive.{row.key}.issued"]
            assert isinstance(issued, int)
            values[key] = issued + draw(scale)
        else:
            values[key] = draw(scale)
    return build(_CLASSES[version], values, "proactive.")


_CLASSES: dict[Template, type[Proactive2019 | Proactive2021]] = {
    Template.V2019: Proactive2019,
    Template.V2021: Proactive2021,
}


# --------------------------------------------------------------------------- prose


def _overview(draw: Draw, year: int, requests: RequestStats, appeals: AppealStats,
              issued: int | None, every: bool) -> Section:  # fmt: skip
    """Section 一 with sub-sections whose sentences state table numbers, as reports do."""
    titles = [t for t in SUBSECTIONS if every or draw(st.booleans())]
    recon = appeals.reconsideration.total
    suits = (appeals.litigation_direct.total or 0) + (
        appeals.litigation_after_reconsideration.total or 0
    )
    said = {
        "主动公开情况": f"{year}年，本机关制发规范性文件{issued}件，各类信息均及时公开。",
        "依申请公开情况": (
            f"{year}年共收到政府信息公开申请{requests.new_received.total}件，"
            f"结转下年度继续办理{requests.carried_forward.total}件。"
            + (
                "未发生行政复议和行政诉讼。"
                if recon == 0 and suits == 0
                else f"因政府信息公开引起行政复议{recon}件，行政诉讼{suits}件。"
            )
        ),
    }
    subs = tuple(
        Section(t, said.get(t, "严格落实信息发布审核制度，确保内容准确。")) for t in titles
    )
    return Section("总体情况", f"{year}年，本机关认真贯彻落实《条例》要求，推进政务公开。", subs)


# --------------------------------------------------------------------------- reports


@st.composite
def consistent_reports(
    draw: Draw,
    version: Template | None = None,
    large: bool | None = None,
    claims: bool = False,
    last: Report | None = None,
) -> Report:
    """A report every rule of the registry accepts (``check(report) == ()``).

    ``claims``: section 一 always states the numbers of applications, carried-forward
    applications, reconsiderations, lawsuits and documents issued.  ``last``: the report
    is the next year's of the same organ, consistent with it across years.
    """
    if last is not None:
        assert last.year is not None
        year = last.year + 1
        version = Template.V2019 if year <= 2020 else Template.V2021
        organ = last.organ or ORGANS[0]
    else:
        version = version or draw(st.sampled_from(Template))
        lo, hi = YEARS[version]
        year = draw(st.integers(lo, hi))
        organ = draw(st.sampled_from(ORGANS))
    large = draw(st.booleans()) if large is None else large
    scale = LARGE if large else SMALL
    requests = _requests(
        draw, version, scale, last.requests.carried_forward if last is not None else None
    )
    appeals = _appeals(draw, scale)
    proactive = _proactive(draw, version, scale, large, last.proactive if last else None)
    issued = (
        proactive.normative_documents.newly_made
        if isinstance(proactive, Proactive2019)
        else proactive.normative_documents.issued
    )
    return Report(
        template=version,
        script=Script.SIMPLIFIED,
        overview=_overview(draw, year, requests, appeals, issued, claims),
        proactive=proactive,
        requests=requests,
        appeals=appeals,
        problems=Section(
            "存在的主要问题及改进情况",
            "一是信息发布不够规范；二是政策解读形式较为单一。下一步将加强培训。",
        ),
        other_matters=Section("其他需要报告的事项", "本年度未收取信息处理费。"),
        title=f"{organ}{year}年政府信息公开工作年度报告",
        organ=organ,
        year=year,
        preamble=f"本报告所列数据的统计期限为{year}年1月1日至{year}年12月31日。",
        signed_by=organ,
        signed_on=datetime.date(year + 1, 1, draw(st.integers(1, 31))),
    )


@st.composite
def consistent_series(draw: Draw, length: int = 3) -> list[Report]:
    """Consecutive reports of one organ that every cross-year rule accepts."""
    series: list[Report] = [draw(consistent_reports())]
    while len(series) < length:
        series.append(draw(consistent_reports(last=series[-1])))
    return series


def layouts() -> st.SearchStrategy[Layout]:
    """The named layouts and any combination of cells, headings, script and digits."""
    combos = st.builds(
        Layout,
        cells=st.sampled_from(["pipe", "tab", "markdown"]),
        headings=st.sampled_from(["plain", "markdown"]),
        traditional=st.booleans(),
        fullwidth=st.booleans(),
    )
    return st.sampled_from(list(LAYOUTS.values())) | combos


# --------------------------------------------------------------------------- any model

# prose that the document rules read, among arbitrary text
_PROSE = st.text(max_size=40) | st.sampled_from(
    [
        "收到申请3件",
        "行政复议 1 项",
        "未发生行政诉讼",
        "信息处理费",
        "2023年",
        "统计期限为2021年1月1日",
    ]
)
_SECTIONS = st.builds(
    Section,
    title=_PROSE,
    text=_PROSE,
    subsections=st.lists(st.builds(Section, title=_PROSE, text=_PROSE), max_size=3).map(tuple),
)
_CODES = st.sampled_from(["heading-missing", "heading-order", "row-missing", "encoding"])


@st.composite
def any_reports(draw: Draw) -> Report:
    """Any report the model's types admit, coherent or not: blank and negative cells, text
    anywhere, table 二 of either template, （六）其他处理 in any shape, no year …"""
    report: Report = draw(
        builds(
            Report,
            proactive=builds(Proactive2019) | builds(Proactive2021),
            overview=_SECTIONS,
            other_matters=_SECTIONS,
            preamble=_PROSE,
            year=st.none() | st.integers(1990, 2100),
            missing=st.lists(st.sampled_from([h.key for h in T.HEADINGS]), max_size=2).map(tuple),
            diagnostics=st.lists(
                st.builds(Diagnostic, _CODES, _PROSE, st.none() | st.integers(1, 500)),
                max_size=3,
            ).map(tuple),
        )
    )
    keys = [k for k, _kind in T.number_fields(report.template)]
    for key in draw(st.lists(st.sampled_from(keys), max_size=4)):
        try:
            value = value_at(report, key)
        except AttributeError:  # table 二 of the other template
            continue
        if isinstance(value, int | Decimal):
            report = with_value(report, key, -abs(value) - 1)
    oh = report.requests.outcomes.other_handling
    keep = draw(
        st.sampled_from([None, (), ("undivided",), ("no_correction", "fee_unpaid", "other")])
    )
    if keep is not None:
        parts = ("no_correction", "fee_unpaid", "other", "undivided")
        oh = attrs.evolve(oh, **{k: getattr(oh, k) if k in keep else None for k in parts})
        report = with_value(report, "requests.outcomes.other_handling", oh)
    return report

"""Every column of the flat export, in a stable order, read from the template data.

One :class:`FieldInfo` per dotted key of :func:`govdisclosure.flatten`: its Chinese label (as
the template data spells it), its kind (which fixes its type in JSON, Arrow, pandas and polars)
and the template versions that have it.  The tables, the JSON Schema descriptions and the model
reference in ``docs/`` are all made from this one list.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import Literal, cast

from attrs import frozen

from govdisclosure import template as T
from govdisclosure.model import Template

__all__ = ["DOCUMENT_FIELDS", "SUBTOTAL_GROUPS", "FieldInfo", "Kind", "report_fields"]

Kind = Literal["count", "signed", "money", "int", "text", "date", "enum"]

VERSIONS: tuple[Template, ...] = tuple(Template)


@frozen
class FieldInfo:
    """One column of the flat export."""

    key: str  # dotted path, as in flatten()
    label: str  # Chinese label (template data; document fields: see DOCUMENT_FIELDS)
    kind: Kind
    versions: tuple[Template, ...] = VERSIONS
    english: str = ""


# The fields of a report that are not cells of the template's tables.  Their labels are the
# usual Chinese names of these parts of a report; they are not template rows.
DOCUMENT_FIELDS: tuple[FieldInfo, ...] = (
    FieldInfo("template", "模板版本", "enum", english="template version: V2019 or V2021"),
    FieldInfo("script", "字形", "enum", english="script of the source: simplified or traditional"),
    FieldInfo("title", "标题", "text", english="title line as written"),
    FieldInfo("organ", "发布机关", "text", english="the organ that reports"),
    FieldInfo(
        "organ_source",
        "机关名称来源",
        "enum",
        english="where organ was read: title, metadata-title, preamble or publisher",
    ),
    FieldInfo("year", "报告年度", "int", english="the year the report covers"),
    FieldInfo("signed_by", "落款机关", "text", english="the organ named under section 六"),
    FieldInfo("signed_on", "落款日期", "date", english="the date under section 六"),
    FieldInfo(
        "organ_key",
        "机关名称（归一）",
        "text",
        english="the organ folded for grouping: Simplified script, no spaces or punctuation",
    ),
    FieldInfo(
        "credit_code",
        "统一社会信用代码",
        "text",
        english="the organ's unified social credit code (from 索引号), check digit verified",
    ),
    FieldInfo("published_on", "公开日期", "date", english="公开日期 / 发布时间 of the page"),
    FieldInfo("source_sha256", "源文件SHA-256", "text", english="sha256 of the input bytes"),
)
_PREAMBLE = FieldInfo("preamble", "前言", "text", english="text before section 一")


def _merge(orders: Iterable[list[str]]) -> list[str]:
    """The union of several ordered lists: a key new to the union goes right before the next
    key of its own list that the union already has (so later lists' rows follow earlier ones'
    at the same place)."""
    merged: list[str] = []
    for order in orders:
        for i, key in enumerate(order):
            if key in merged:
                continue
            after = next((k for k in order[i + 1 :] if k in merged), None)
            merged.insert(merged.index(after) if after is not None else len(merged), key)
    return merged


def _proactive() -> Iterator[FieldInfo]:
    """Table 二's cells, block by block.  A key both versions have (``proactive.licensing.
    decisions``: 处理决定数量 / 本年处理决定数量) comes once, with the later version's label."""
    items: list[str] = _merge([b.item for b in T.spec(v).proactive] for v in VERSIONS)
    labels: dict[str, tuple[str, str]] = {}
    order: list[str] = []
    for item in items:
        for version in VERSIONS:
            for key, block, row, col in T.spec(version).proactive_fields():
                if block.item != item:
                    continue
                if key not in labels:
                    order.append(key)
                labels[key] = (f"{block.title} {row.label} · {col.label}", col.kind)
    for key in order:
        label, kind = labels[key]
        yield FieldInfo(key, label, cast(Kind, kind), _versions_of(key))


def _versions_of(key: str) -> tuple[Template, ...]:
    return tuple(v for v in VERSIONS if key in _NUMBER_KEYS[v])


def _requests() -> Iterator[FieldInfo]:
    labels: dict[str, str] = {}
    orders = []
    for version in VERSIONS:
        order = []
        for key, row, col in T.spec(version).request_fields():
            group = f"{row.group} " if row.group else ""
            labels[key] = f"{group}{row.label} · {col.label}"
            order.append(key)
        orders.append(order)
    keys = _merge(orders)
    for i, key in enumerate(keys):
        yield FieldInfo(key, labels[key], "count", _versions_of(key))
        in_group = _group_of(key)
        if in_group is not None and _group_of(keys[i + 1]) != in_group:
            for col in T.REQUEST_COLUMNS:
                yield FieldInfo(
                    f"requests.outcomes.{in_group}.subtotal.{col.key}",
                    f"{SUBTOTAL_GROUPS[in_group]} 小计 · {col.label}",
                    "count",
                    english="sum of the group's rows",
                )


# The groups of table 三 made of numbered rows; their subtotals (the model's ``subtotal``
# properties) are columns of the flat export too.
SUBTOTAL_GROUPS: dict[str, str] = {
    "withheld": "（三）不予公开",
    "unavailable": "（四）无法提供",
    "not_processed": "（五）不予处理",
    "other_handling": "（六）其他处理",
}


def _group_of(key: str) -> str | None:
    parts = key.split(".")
    return parts[2] if len(parts) > 4 and parts[2] in SUBTOTAL_GROUPS else None


def _appeals() -> Iterator[FieldInfo]:
    for key, group, col in T.appeal_fields():
        yield FieldInfo(key, f"{group.label} · {col.label}", "count", VERSIONS)


def _sections() -> Iterator[FieldInfo]:
    for h in T.HEADINGS:
        if h.key in ("overview", "problems", "other_matters"):
            yield FieldInfo(h.key, f"{h.numeral}、{h.label}", "text", english=h.english)


_NUMBER_KEYS: dict[Template, frozenset[str]] = {
    v: frozenset(k for k, _kind in T.number_fields(v)) for v in VERSIONS
}


@functools.cache
def report_fields() -> tuple[FieldInfo, ...]:
    """Every column of the flat export, in order: document, 二, 三, 四, prose."""
    return (
        *DOCUMENT_FIELDS,
        *_proactive(),
        *_requests(),
        *_appeals(),
        _PREAMBLE,
        *_sections(),
    )

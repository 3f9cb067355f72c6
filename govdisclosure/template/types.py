"""The shapes of the template data: headings, columns, rows, blocks, one version's spec."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from attrs import frozen

from govdisclosure.model import Template

__all__ = [
    "Column",
    "Heading",
    "ProactiveBlock",
    "ProactiveRow",
    "RequestRow",
    "TemplateSpec",
    "ValueKind",
]

ValueKind = Literal["count", "signed", "money"]


@frozen
class Heading:
    """One of the six section headings."""

    key: str  # attribute of Report
    numeral: str  # 一 … 六
    label: str  # canonical title, without the numeral
    keywords: tuple[str, ...]  # any of these in a heading line identifies the section
    english: str


@frozen
class Column:
    key: str
    label: str
    kind: ValueKind = "count"
    aliases: tuple[str, ...] = ()


@frozen
class ProactiveRow:
    key: str
    label: str
    aliases: tuple[str, ...] = ()


@frozen
class ProactiveBlock:
    """A 第二十条第（N）项 block of table 二."""

    item: str  # 一, 五, 六, 八, 九
    columns: tuple[Column, ...]
    rows: tuple[ProactiveRow, ...]

    @property
    def title(self) -> str:
        return f"第二十条第（{self.item}）项"


@frozen
class RequestRow:
    """A data row of table 三."""

    path: tuple[str, ...]  # attribute path below Report.requests
    label: str  # canonical label, numbering included
    group: str | None = None  # label of the merged group cell it sits in, if any
    aliases: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return ".".join(self.path)


@frozen
class TemplateSpec:
    version: Template
    proactive: tuple[ProactiveBlock, ...]
    request_rows: tuple[RequestRow, ...]
    request_columns: tuple[Column, ...]

    def proactive_fields(self) -> Iterator[tuple[str, ProactiveBlock, ProactiveRow, Column]]:
        """Every number cell of table 二: (dotted key, block, row, column)."""
        for block in self.proactive:
            for row in block.rows:
                for col in block.columns:
                    yield f"proactive.{row.key}.{col.key}", block, row, col

    def request_fields(self) -> Iterator[tuple[str, RequestRow, Column]]:
        """Every number cell of table 三: (dotted key, row, column)."""
        for row in self.request_rows:
            for col in self.request_columns:
                yield f"requests.{row.key}.{col.key}", row, col

"""The typed model of an annual report (DESIGN.md §3).

Every class is a frozen, slotted attrs class.  Counts are ``int | None`` and money is
``Decimal | None`` (万元): ``None`` means the source left the cell blank or wrote a
placeholder, and a :class:`Diagnostic` says so.  Where each value stood in the source is
kept in :attr:`Report.locations`, outside the equality of the report.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from attrs import field, fields, frozen

__all__ = [
    "AppealStats",
    "ApplicantCounts",
    "CaseOutcomes",
    "Decisions",
    "Diagnostic",
    "DocumentCounts",
    "DocumentCounts2019",
    "ExtraRow",
    "Fees",
    "ItemChange",
    "NotProcessed",
    "OrganSource",
    "OtherHandling",
    "Outcomes",
    "Proactive2019",
    "Proactive2021",
    "Procurement",
    "Report",
    "RequestStats",
    "Script",
    "Section",
    "SourceSpan",
    "Template",
    "Unavailable",
    "Withheld",
]


class Template(enum.Enum):
    """Which national template the report follows."""

    V2019 = "V2019"  # 国办公开办函〔2019〕60号: the 2019 and 2020 reports
    V2021 = "V2021"  # 国办公开办函〔2021〕30号: the 2021 reports onwards


class OrganSource(enum.Enum):
    """Where :attr:`Report.organ` was read."""

    TITLE = "title"  # the title line: 「XX2023年政府信息公开工作年度报告」 → XX
    METADATA_TITLE = "metadata-title"  # the title the page or the crawler gives (标题, title)
    PREAMBLE = "preamble"  # 「本报告由XX编制」 before section 一
    PUBLISHER = "publisher"  # the page's 发布机构 (来源, source)


class Script(enum.Enum):
    """The script the source is written in."""

    SIMPLIFIED = "simplified"
    TRADITIONAL = "traditional"


@frozen
class SourceSpan:
    """A place in the source text: 1-based line and column."""

    line: int
    column: int = 1


@frozen
class Diagnostic:
    """Something the parser noticed, repaired or inferred.

    ``code`` is a stable identifier (see ``docs/diagnostics.md``); ``field`` is the dotted
    path of the value concerned, when there is one.
    """

    code: str
    message: str
    line: int | None = None
    field: str | None = None

    @property
    def message_zh(self) -> str:
        """What the code means, in Chinese (``docs/diagnostics.md``); ``message`` says where."""
        from govdisclosure.diagnostics import MEANING_ZH

        return MEANING_ZH.get(self.code, "")


@frozen
class Section:
    """A prose section or sub-section: its title as written, its text, its sub-sections."""

    title: str
    text: str
    subsections: tuple[Section, ...] = ()


def _sum_counts(rows: list[ApplicantCounts]) -> ApplicantCounts:
    """Column-wise sum; a column with any ``None`` operand is ``None``."""
    values: dict[str, int | None] = {}
    for f in fields(ApplicantCounts):
        column = [getattr(r, f.name) for r in rows]
        values[f.name] = None if any(v is None for v in column) else sum(column)
    return ApplicantCounts(**values)


@frozen
class ApplicantCounts:
    """One row of table 三: the seven applicant columns."""

    natural_person: int | None = None  # 自然人
    commercial: int | None = None  # 商业企业
    research: int | None = None  # 科研机构
    nonprofit: int | None = None  # 社会公益组织
    legal_services: int | None = None  # 法律服务机构
    other: int | None = None  # 其他
    total: int | None = None  # 总计


@frozen
class Withheld:
    """（三）不予公开."""

    state_secret: ApplicantCounts = ApplicantCounts()  # 1.属于国家秘密
    prohibited_by_law: ApplicantCounts = ApplicantCounts()  # 2.其他法律行政法规禁止公开
    security_stability: ApplicantCounts = ApplicantCounts()  # 3.危及“三安全一稳定”
    third_party: ApplicantCounts = ApplicantCounts()  # 4.保护第三方合法权益
    internal_affairs: ApplicantCounts = ApplicantCounts()  # 5.属于三类内部事务信息
    process_info: ApplicantCounts = ApplicantCounts()  # 6.属于四类过程性信息
    enforcement_files: ApplicantCounts = ApplicantCounts()  # 7.属于行政执法案卷
    query_matters: ApplicantCounts = ApplicantCounts()  # 8.属于行政查询事项

    @property
    def subtotal(self) -> ApplicantCounts:
        return _sum_counts([getattr(self, f.name) for f in fields(Withheld)])


@frozen
class Unavailable:
    """（四）无法提供."""

    not_held: ApplicantCounts = ApplicantCounts()  # 1.本机关不掌握相关政府信息
    needs_creation: ApplicantCounts = ApplicantCounts()  # 2.没有现成信息需要另行制作
    unclear_after_correction: ApplicantCounts = ApplicantCounts()  # 3.补正后申请内容仍不明确

    @property
    def subtotal(self) -> ApplicantCounts:
        return _sum_counts([getattr(self, f.name) for f in fields(Unavailable)])


@frozen
class NotProcessed:
    """（五）不予处理."""

    petition_complaint: ApplicantCounts = ApplicantCounts()  # 1.信访举报投诉类申请
    duplicate: ApplicantCounts = ApplicantCounts()  # 2.重复申请
    publication: ApplicantCounts = ApplicantCounts()  # 3.要求提供公开出版物
    excessive: ApplicantCounts = ApplicantCounts()  # 4.无正当理由大量反复申请
    confirmation: ApplicantCounts = ApplicantCounts()  # 5.要求行政机关确认或重新出具已获取信息

    @property
    def subtotal(self) -> ApplicantCounts:
        return _sum_counts([getattr(self, f.name) for f in fields(NotProcessed)])


@frozen
class OtherHandling:
    """（六）其他处理.

    V2021 splits it into three rows; V2019 has one undivided row.  The fields a version
    lacks are ``None``: a V2019 row is never split.
    """

    no_correction: ApplicantCounts | None = None  # 1.…逾期不补正…
    fee_unpaid: ApplicantCounts | None = None  # 2.…逾期未按收费通知要求缴纳费用…
    other: ApplicantCounts | None = None  # 3.其他
    undivided: ApplicantCounts | None = None  # V2019: the single （六）其他处理 row

    @property
    def subtotal(self) -> ApplicantCounts:
        if self.undivided is not None:
            return self.undivided
        parts = [self.no_correction, self.fee_unpaid, self.other]
        return _sum_counts([p if p is not None else ApplicantCounts() for p in parts])


@frozen
class Outcomes:
    """三、本年度办理结果."""

    disclosed: ApplicantCounts = ApplicantCounts()  # （一）予以公开
    partially_disclosed: ApplicantCounts = ApplicantCounts()  # （二）部分公开
    withheld: Withheld = Withheld()  # （三）不予公开
    unavailable: Unavailable = Unavailable()  # （四）无法提供
    not_processed: NotProcessed = NotProcessed()  # （五）不予处理
    other_handling: OtherHandling = OtherHandling()  # （六）其他处理
    total: ApplicantCounts = ApplicantCounts()  # （七）总计


@frozen
class RequestStats:
    """Table 三: 收到和处理政府信息公开申请情况."""

    new_received: ApplicantCounts = ApplicantCounts()  # 一、本年新收政府信息公开申请数量
    carried_over: ApplicantCounts = ApplicantCounts()  # 二、上年结转政府信息公开申请数量
    outcomes: Outcomes = Outcomes()  # 三、本年度办理结果
    carried_forward: ApplicantCounts = ApplicantCounts()  # 四、结转下年度继续办理


@frozen
class CaseOutcomes:
    """One group of table 四 (five columns)."""

    upheld: int | None = None  # 结果维持
    corrected: int | None = None  # 结果纠正
    other: int | None = None  # 其他结果
    pending: int | None = None  # 尚未审结
    total: int | None = None  # 总计


@frozen
class AppealStats:
    """Table 四: 政府信息公开行政复议、行政诉讼情况."""

    reconsideration: CaseOutcomes = CaseOutcomes()  # 行政复议
    litigation_direct: CaseOutcomes = CaseOutcomes()  # 行政诉讼 · 未经复议直接起诉
    litigation_after_reconsideration: CaseOutcomes = CaseOutcomes()  # 行政诉讼 · 复议后起诉


@frozen
class ExtraRow:
    """A row of table 二 that the template does not know, kept as written."""

    label: str
    cells: tuple[str, ...]
    line: int | None = None


@frozen
class DocumentCounts:
    """V2021 第二十条第（一）项 row."""

    issued: int | None = None  # 本年制发件数
    repealed: int | None = None  # 本年废止件数
    in_force: int | None = None  # 现行有效件数


@frozen
class Decisions:
    """V2021 第二十条第（五）（六）项 row: one number (the V2019 row has three)."""

    decisions: int | None = None  # 本年处理决定数量


@frozen
class Fees:
    """V2021 第二十条第（八）项 row."""

    amount: Decimal | None = None  # 本年收费金额（单位：万元）


@frozen
class Proactive2021:
    """Table 二 in the V2021 template."""

    rules: DocumentCounts = DocumentCounts()  # 规章
    normative_documents: DocumentCounts = DocumentCounts()  # 行政规范性文件
    licensing: Decisions = Decisions()  # 行政许可 · 本年处理决定数量
    punishment: Decisions = Decisions()  # 行政处罚 · 本年处理决定数量
    coercion: Decisions = Decisions()  # 行政强制 · 本年处理决定数量
    fees: Fees = Fees()  # 行政事业性收费 · 本年收费金额（万元）
    extra_rows: tuple[ExtraRow, ...] = ()


@frozen
class DocumentCounts2019:
    """V2019 第二十条第（一）项 row."""

    newly_made: int | None = None  # 本年新制作数量
    newly_published: int | None = None  # 本年新公开数量
    total_published: int | None = None  # 对外公开总数量


@frozen
class ItemChange:
    """V2019 第二十条第（五）（六）（八）项 row."""

    previous_items: int | None = None  # 上一年项目数量
    change: int | None = None  # 本年增/减 (signed)
    decisions: int | None = None  # 处理决定数量 (None for 行政事业性收费)


@frozen
class Procurement:
    """V2019 第二十条第（九）项: 政府集中采购."""

    items: int | None = None  # 采购项目数量
    amount: Decimal | None = None  # 采购总金额, in 万元


@frozen
class Proactive2019:
    """Table 二 in the V2019 template."""

    rules: DocumentCounts2019 = DocumentCounts2019()  # 规章
    normative_documents: DocumentCounts2019 = DocumentCounts2019()  # 规范性文件
    licensing: ItemChange = ItemChange()  # 行政许可
    other_services: ItemChange = ItemChange()  # 其他对外管理服务事项
    punishment: ItemChange = ItemChange()  # 行政处罚
    coercion: ItemChange = ItemChange()  # 行政强制
    fees: ItemChange = ItemChange()  # 行政事业性收费
    procurement: Procurement = Procurement()  # 政府集中采购
    extra_rows: tuple[ExtraRow, ...] = ()


def _frozen_mapping(value: Mapping[str, SourceSpan]) -> Mapping[str, SourceSpan]:
    return MappingProxyType(dict(value))


@frozen(repr=False)
class Report:
    """One parsed annual report."""

    template: Template
    script: Script
    overview: Section  # 一、总体情况
    proactive: Proactive2019 | Proactive2021  # 二、主动公开政府信息情况
    requests: RequestStats  # 三、收到和处理政府信息公开申请情况
    appeals: AppealStats  # 四、政府信息公开行政复议、行政诉讼情况
    problems: Section  # 五、存在的主要问题及改进情况
    other_matters: Section  # 六、其他需要报告的事项
    title: str | None = None
    organ: str | None = None
    organ_source: OrganSource | None = None  # where ``organ`` was read (None: no organ)
    year: int | None = None
    preamble: str = ""
    signed_by: str | None = None  # the organ named under section 六
    signed_on: datetime.date | None = None  # the date under section 六
    metadata: tuple[tuple[str, str], ...] = ()  # 索引号 | 发布机构 | … above the report
    organ_key: str | None = None  # organ folded for grouping: Simplified, no spaces/punctuation
    credit_code: str | None = None  # 统一社会信用代码 (from 索引号 …), check digit verified
    published_on: datetime.date | None = None  # 公开日期 / 发布时间 of the metadata table
    source_sha256: str | None = None  # sha256 of the input bytes
    missing: tuple[str, ...] = ()  # parts not found (only with ``partial=True``)
    diagnostics: tuple[Diagnostic, ...] = ()
    locations: Mapping[str, SourceSpan] = field(
        factory=dict, converter=_frozen_mapping, eq=False, repr=False
    )
    """Where each value of :func:`govdisclosure.flatten` stood: dotted key → line/column."""

    def __repr__(self) -> str:
        """One line (organ, year, template, script, diagnostics), not the whole report."""
        parts = [
            f"organ={self.organ!r}",
            f"year={self.year!r}",
            f"template={self.template.value}",
            f"script={self.script.value}",
            f"{len(self.diagnostics)} diagnostics",
        ]
        if self.missing:
            parts.append(f"missing={list(self.missing)!r}")
        return f"Report({', '.join(parts)})"

    def _repr_html_(self) -> str | None:
        """Tables 二, 三, 四 as the template lays them out, cells in a violation marked
        (``govdisclosure.write.notebook``, which registers itself in :data:`HTML_VIEWS`)."""
        view = HTML_VIEWS.get("report")
        return view(self) if view is not None else None

    def __reduce__(self) -> tuple[Any, ...]:
        # a read-only mapping view does not pickle: send the locations as plain (line, column)
        # pairs and rebuild (process pools and Dask workers send reports between processes;
        # pairs pickle ten times faster than SourceSpan objects)
        values = {f.name: getattr(self, f.name) for f in fields(Report) if f.name != "locations"}
        spans = {k: (s.line, s.column) for k, s in self.locations.items()}
        return (_rebuild_report, (values, spans))


HTML_VIEWS: dict[str, Callable[[Report], str]] = {}
"""The HTML view of a report for notebooks, registered by a higher stage (the model imports
nothing above it): ``govdisclosure.write.notebook`` sets ``HTML_VIEWS["report"]`` when the
package is imported."""


def _rebuild_report(values: dict[str, Any], spans: dict[str, tuple[int, int]]) -> Report:
    return Report(**values, locations={k: SourceSpan(*s) for k, s in spans.items()})


def section_text(section: Section) -> str:
    """A section's text followed by each sub-section's title and text, one per line."""
    parts = [section.text] if section.text else []
    for sub in section.subsections:
        parts.append(sub.title)
        body = section_text(sub)
        if body:
            parts.append(body)
    return "\n".join(parts)

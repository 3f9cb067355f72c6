"""The national template as data, written once (template-spec.md §10).

The parser, the renderer, the flat export, the documentation and the test strategies all
read these tables; nothing else in the package spells a row label or a column order.
Labels are the canonical simplified forms, with full-width punctuation as in the official
tables; they are matched after :func:`govdisclosure.read.normalize.label_key`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from attrs import frozen

from govdisclosure.model import Template

__all__ = [
    "APPEAL_COLUMNS",
    "APPEAL_GROUPS",
    "APPEAL_LITIGATION",
    "HEADINGS",
    "PLACEHOLDERS",
    "PROACTIVE_HEADER",
    "REQUEST_APPLICANTS",
    "REQUEST_COLUMNS",
    "REQUEST_LEGAL_PERSONS",
    "REQUEST_NOTE",
    "Column",
    "Heading",
    "ProactiveBlock",
    "ProactiveRow",
    "RequestRow",
    "TemplateSpec",
    "spec",
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

    def proactive_fields(self) -> Iterator[tuple[str, ProactiveBlock, ProactiveRow, Column]]:
        """Every number cell of table 二: (dotted key, block, row, column)."""
        for block in self.proactive:
            for row in block.rows:
                for col in block.columns:
                    yield f"proactive.{row.key}.{col.key}", block, row, col

    def request_fields(self) -> Iterator[tuple[str, RequestRow, Column]]:
        """Every number cell of table 三: (dotted key, row, column)."""
        for row in self.request_rows:
            for col in REQUEST_COLUMNS:
                yield f"requests.{row.key}.{col.key}", row, col


HEADINGS: tuple[Heading, ...] = (
    Heading(
        "overview",
        "一",
        "总体情况",
        ("总体情况", "本年度政府信息公开工作情况", "工作情况", "概述"),
        "Overview",
    ),
    Heading(
        "proactive", "二", "主动公开政府信息情况", ("主动公开政府信息",), "Proactive disclosure"
    ),
    Heading(
        "requests",
        "三",
        "收到和处理政府信息公开申请情况",
        ("收到和处理政府信息公开申请", "处理政府信息公开申请", "依申请公开"),
        "Requests received and handled",
    ),
    Heading(
        "appeals",
        "四",
        "政府信息公开行政复议、行政诉讼情况",
        ("行政复议", "行政诉讼"),
        "Administrative reconsideration and litigation",
    ),
    Heading(
        "problems",
        "五",
        "存在的主要问题及改进情况",
        ("存在的主要问题", "改进情况"),
        "Problems and improvements",
    ),
    Heading("other_matters", "六", "其他需要报告的事项", ("其他需要报告的事项",), "Other matters"),
)

# Cell contents that stand for "no number here" (never 0).
PLACEHOLDERS: tuple[str, ...] = (
    "/",
    "-",
    "—",
    "--",
    "——",
    "－",
    "无",
    "不适用",
    "N/A",
    "n/a",
    "\\",
    "／",
)

# --------------------------------------------------------------------------- table 二

PROACTIVE_HEADER = "信息内容"  # first cell of each block's header row

_DOC_ROWS_2019 = (
    ProactiveRow("rules", "规章"),
    ProactiveRow("normative_documents", "规范性文件", ("行政规范性文件",)),
)
_DOC_ROWS_2021 = (
    ProactiveRow("rules", "规章"),
    ProactiveRow("normative_documents", "行政规范性文件", ("规范性文件",)),
)
_CHANGE_COLUMNS = (
    Column("previous_items", "上一年项目数量"),
    Column("change", "本年增/减", "signed", ("本年增减",)),
    Column("decisions", "处理决定数量"),
)
_DECISIONS = (Column("decisions", "本年处理决定数量", aliases=("处理决定数量",)),)

PROACTIVE_2019: tuple[ProactiveBlock, ...] = (
    ProactiveBlock(
        "一",
        (
            Column("newly_made", "本年新制作数量"),
            Column("newly_published", "本年新公开数量"),
            Column("total_published", "对外公开总数量"),
        ),
        _DOC_ROWS_2019,
    ),
    ProactiveBlock(
        "五",
        _CHANGE_COLUMNS,
        (
            ProactiveRow("licensing", "行政许可"),
            ProactiveRow("other_services", "其他对外管理服务事项"),
        ),
    ),
    ProactiveBlock(
        "六",
        _CHANGE_COLUMNS,
        (ProactiveRow("punishment", "行政处罚"), ProactiveRow("coercion", "行政强制")),
    ),
    ProactiveBlock("八", _CHANGE_COLUMNS[:2], (ProactiveRow("fees", "行政事业性收费"),)),
    ProactiveBlock(
        "九",
        (Column("items", "采购项目数量"), Column("amount", "采购总金额", "money")),
        (ProactiveRow("procurement", "政府集中采购"),),
    ),
)

PROACTIVE_2021: tuple[ProactiveBlock, ...] = (
    ProactiveBlock(
        "一",
        (
            Column("issued", "本年制发件数"),
            Column("repealed", "本年废止件数"),
            Column("in_force", "现行有效件数"),
        ),
        _DOC_ROWS_2021,
    ),
    ProactiveBlock("五", _DECISIONS, (ProactiveRow("licensing", "行政许可"),)),
    ProactiveBlock(
        "六",
        _DECISIONS,
        (ProactiveRow("punishment", "行政处罚"), ProactiveRow("coercion", "行政强制")),
    ),
    ProactiveBlock(
        "八",
        (Column("amount", "本年收费金额（单位：万元）", "money", ("本年收费金额",)),),
        (ProactiveRow("fees", "行政事业性收费"),),
    ),
)

# --------------------------------------------------------------------------- table 三

REQUEST_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
REQUEST_APPLICANTS = "申请人情况"  # header cell spanning the seven columns
REQUEST_LEGAL_PERSONS = "法人或其他组织"  # header cell spanning 商业企业 … 其他

REQUEST_COLUMNS: tuple[Column, ...] = (
    Column("natural_person", "自然人"),
    Column("commercial", "商业企业"),
    Column("research", "科研机构"),
    Column("nonprofit", "社会公益组织"),
    Column("legal_services", "法律服务机构"),
    Column("other", "其他", aliases=("其他组织",)),
    Column("total", "总计"),
)

_RESULTS = "三、本年度办理结果"
_WITHHELD = "（三）不予公开"
_UNAVAILABLE = "（四）无法提供"
_NOT_PROCESSED = "（五）不予处理"
_OTHER_HANDLING = "（六）其他处理"


def _rows(
    group: str, prefix: tuple[str, ...], items: tuple[tuple[str, str], ...]
) -> tuple[RequestRow, ...]:
    return tuple(
        RequestRow((*prefix, key), f"{n}.{label}", group) for n, (key, label) in enumerate(items, 1)
    )


_HEAD_ROWS = (
    RequestRow(("new_received",), "一、本年新收政府信息公开申请数量"),
    RequestRow(("carried_over",), "二、上年结转政府信息公开申请数量"),
    RequestRow(("outcomes", "disclosed"), "（一）予以公开", _RESULTS),
    RequestRow(
        ("outcomes", "partially_disclosed"),
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        _RESULTS,
        ("（二）部分公开",),
    ),
    *_rows(
        _WITHHELD,
        ("outcomes", "withheld"),
        (
            ("state_secret", "属于国家秘密"),
            ("prohibited_by_law", "其他法律行政法规禁止公开"),
            ("security_stability", "危及“三安全一稳定”"),
            ("third_party", "保护第三方合法权益"),
            ("internal_affairs", "属于三类内部事务信息"),
            ("process_info", "属于四类过程性信息"),
            ("enforcement_files", "属于行政执法案卷"),
            ("query_matters", "属于行政查询事项"),
        ),
    ),
    *_rows(
        _UNAVAILABLE,
        ("outcomes", "unavailable"),
        (
            ("not_held", "本机关不掌握相关政府信息"),
            ("needs_creation", "没有现成信息需要另行制作"),
            ("unclear_after_correction", "补正后申请内容仍不明确"),
        ),
    ),
    *_rows(
        _NOT_PROCESSED,
        ("outcomes", "not_processed"),
        (
            ("petition_complaint", "信访举报投诉类申请"),
            ("duplicate", "重复申请"),
            ("publication", "要求提供公开出版物"),
            ("excessive", "无正当理由大量反复申请"),
            ("confirmation", "要求行政机关确认或重新出具已获取信息"),
        ),
    ),
)
_TAIL_ROWS = (
    RequestRow(("outcomes", "total"), "（七）总计", _RESULTS),
    RequestRow(("carried_forward",), "四、结转下年度继续办理"),
)

REQUEST_ROWS_2019: tuple[RequestRow, ...] = (
    *_HEAD_ROWS,
    RequestRow(("outcomes", "other_handling", "undivided"), _OTHER_HANDLING, _RESULTS),
    *_TAIL_ROWS,
)
REQUEST_ROWS_2021: tuple[RequestRow, ...] = (
    *_HEAD_ROWS,
    *_rows(
        _OTHER_HANDLING,
        ("outcomes", "other_handling"),
        (
            ("no_correction", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
            (
                "fee_unpaid",
                "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            ),
            ("other", "其他"),
        ),
    ),
    *_TAIL_ROWS,
)

# Labels of merged group cells that precede data rows (never data rows themselves).
REQUEST_GROUPS: tuple[str, ...] = (
    _RESULTS,
    _WITHHELD,
    _UNAVAILABLE,
    _NOT_PROCESSED,
    _OTHER_HANDLING,
)

# --------------------------------------------------------------------------- table 四

APPEAL_GROUPS: tuple[Column, ...] = (
    Column("reconsideration", "行政复议"),
    Column("litigation_direct", "未经复议直接起诉"),
    Column("litigation_after_reconsideration", "复议后起诉"),
)
APPEAL_LITIGATION = "行政诉讼"  # header cell spanning the two litigation groups
APPEAL_COLUMNS: tuple[Column, ...] = (
    Column("upheld", "结果维持"),
    Column("corrected", "结果纠正"),
    Column("other", "其他结果"),
    Column("pending", "尚未审结"),
    Column("total", "总计"),
)


def appeal_fields() -> Iterator[tuple[str, Column, Column]]:
    """The 15 number cells of table 四 in order: (dotted key, group, column)."""
    for group in APPEAL_GROUPS:
        for col in APPEAL_COLUMNS:
            yield f"appeals.{group.key}.{col.key}", group, col


SPECS: dict[Template, TemplateSpec] = {
    Template.V2019: TemplateSpec(Template.V2019, PROACTIVE_2019, REQUEST_ROWS_2019),
    Template.V2021: TemplateSpec(Template.V2021, PROACTIVE_2021, REQUEST_ROWS_2021),
}


def spec(version: Template) -> TemplateSpec:
    """The template data of one version."""
    return SPECS[version]


def number_fields(version: Template) -> Iterator[tuple[str, str]]:
    """Every number cell of tables 二/三/四 for a version: (dotted key, kind)."""
    s = SPECS[version]
    for key, _block, _row, col in s.proactive_fields():
        yield key, col.kind
    for key, _request_row, _column in s.request_fields():
        yield key, "count"
    for key, _group, _col in appeal_fields():
        yield key, "count"

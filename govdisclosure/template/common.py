"""What both template versions share: the six headings, the placeholders, the headers and
most rows of table 三, and table 四 (template-spec.md §2, §4, §5)."""

from __future__ import annotations

from collections.abc import Iterator

from govdisclosure.template.types import Column, Heading, RequestRow

__all__ = [
    "APPEAL_COLUMNS",
    "APPEAL_GROUPS",
    "APPEAL_LITIGATION",
    "HEADINGS",
    "HEAD_ROWS",
    "NOT_PROCESSED",
    "OTHER_HANDLING",
    "PROACTIVE_HEADER",
    "REQUEST_APPLICANTS",
    "REQUEST_COLUMNS",
    "REQUEST_GROUPS",
    "REQUEST_LEGAL_PERSONS",
    "REQUEST_NOTE",
    "RESULTS",
    "TAIL_ROWS",
    "UNAVAILABLE",
    "WITHHELD",
    "appeal_fields",
    "numbered_rows",
]

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


PROACTIVE_HEADER = "信息内容"  # first cell of each block's header row

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

RESULTS = "三、本年度办理结果"
WITHHELD = "（三）不予公开"
UNAVAILABLE = "（四）无法提供"
NOT_PROCESSED = "（五）不予处理"
OTHER_HANDLING = "（六）其他处理"


def numbered_rows(
    group: str, prefix: tuple[str, ...], items: tuple[tuple[str, str], ...]
) -> tuple[RequestRow, ...]:
    return tuple(
        RequestRow((*prefix, key), f"{n}.{label}", group) for n, (key, label) in enumerate(items, 1)
    )


HEAD_ROWS = (
    RequestRow(("new_received",), "一、本年新收政府信息公开申请数量"),
    RequestRow(("carried_over",), "二、上年结转政府信息公开申请数量"),
    RequestRow(("outcomes", "disclosed"), "（一）予以公开", RESULTS),
    RequestRow(
        ("outcomes", "partially_disclosed"),
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        RESULTS,
        ("（二）部分公开",),
    ),
    *numbered_rows(
        WITHHELD,
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
    *numbered_rows(
        UNAVAILABLE,
        ("outcomes", "unavailable"),
        (
            ("not_held", "本机关不掌握相关政府信息"),
            ("needs_creation", "没有现成信息需要另行制作"),
            ("unclear_after_correction", "补正后申请内容仍不明确"),
        ),
    ),
    *numbered_rows(
        NOT_PROCESSED,
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
TAIL_ROWS = (
    RequestRow(("outcomes", "total"), "（七）总计", RESULTS),
    RequestRow(("carried_forward",), "四、结转下年度继续办理"),
)

REQUEST_GROUPS: tuple[str, ...] = (
    RESULTS,
    WITHHELD,
    UNAVAILABLE,
    NOT_PROCESSED,
    OTHER_HANDLING,
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

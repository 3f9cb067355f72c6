"""The V2019 template (国办公开办函〔2019〕60号, 《…年度报告格式（试行）》): the 2019 and 2020
reports.  Table 二 has five blocks with item counts and 增/减; table 三's （六） is one row."""

from __future__ import annotations

from govdisclosure.model import Template
from govdisclosure.template.common import (
    HEAD_ROWS,
    OTHER_HANDLING,
    REQUEST_COLUMNS,
    RESULTS,
    TAIL_ROWS,
)
from govdisclosure.template.types import (
    Column,
    ProactiveBlock,
    ProactiveRow,
    RequestRow,
    TemplateSpec,
)

__all__ = ["PROACTIVE_2019", "REQUEST_ROWS_2019", "SPEC"]

_DOC_ROWS = (
    ProactiveRow("rules", "规章"),
    ProactiveRow("normative_documents", "规范性文件", ("行政规范性文件",)),
)
_CHANGE_COLUMNS = (
    Column("previous_items", "上一年项目数量"),
    Column("change", "本年增/减", "signed", ("本年增减",)),
    Column("decisions", "处理决定数量"),
)

PROACTIVE_2019: tuple[ProactiveBlock, ...] = (
    ProactiveBlock(
        "一",
        (
            Column("newly_made", "本年新制作数量"),
            Column("newly_published", "本年新公开数量"),
            Column("total_published", "对外公开总数量"),
        ),
        _DOC_ROWS,
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

REQUEST_ROWS_2019: tuple[RequestRow, ...] = (
    *HEAD_ROWS,
    RequestRow(("outcomes", "other_handling", "undivided"), OTHER_HANDLING, RESULTS),
    *TAIL_ROWS,
)

SPEC = TemplateSpec(Template.V2019, PROACTIVE_2019, REQUEST_ROWS_2019, REQUEST_COLUMNS)

"""The V2021 template (国办公开办函〔2021〕30号): the reports from 2021 on.  Table 二 has four
blocks with decisions and a fee amount; table 三's （六） has three rows."""

from __future__ import annotations

from govdisclosure.model import Template
from govdisclosure.template.common import (
    HEAD_ROWS,
    OTHER_HANDLING,
    REQUEST_COLUMNS,
    TAIL_ROWS,
    numbered_rows,
)
from govdisclosure.template.types import (
    Column,
    ProactiveBlock,
    ProactiveRow,
    RequestRow,
    TemplateSpec,
)

__all__ = ["PROACTIVE_2021", "REQUEST_ROWS_2021", "SPEC"]

_DOC_ROWS = (
    ProactiveRow("rules", "规章"),
    ProactiveRow("normative_documents", "行政规范性文件", ("规范性文件",)),
)
_DECISIONS = (Column("decisions", "本年处理决定数量", aliases=("处理决定数量",)),)

PROACTIVE_2021: tuple[ProactiveBlock, ...] = (
    ProactiveBlock(
        "一",
        (
            Column("issued", "本年制发件数"),
            Column("repealed", "本年废止件数"),
            Column("in_force", "现行有效件数"),
        ),
        _DOC_ROWS,
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

REQUEST_ROWS_2021: tuple[RequestRow, ...] = (
    *HEAD_ROWS,
    *numbered_rows(
        OTHER_HANDLING,
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
    *TAIL_ROWS,
)

# Labels of merged group cells that precede data rows (never data rows themselves).

SPEC = TemplateSpec(Template.V2021, PROACTIVE_2021, REQUEST_ROWS_2021, REQUEST_COLUMNS)

"""The rule registry as data: id, severity, statement in Chinese and English, keys read.

:mod:`govdisclosure.check.invariants` pairs each entry with its function; ``docs/rules.md`` is
generated from these entries (``python -m govdisclosure._docs``).
"""

from __future__ import annotations

import enum

from attrs import frozen

__all__ = [
    "CROSS_REPORT",
    "RULEBOOK",
    "SEVERITY_MEANING",
    "RuleInfo",
    "Severity",
    "severity_of",
    "statement_zh",
]


class Severity(enum.StrEnum):
    """What a violation means (one thing each, see :data:`SEVERITY_MEANING`)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


# What each severity means; every rule's severity is chosen by these (docs/rules.md).
SEVERITY_MEANING: dict[Severity, str] = {
    Severity.ERROR: "the printed tables contradict themselves: an identity of one table, "
    "between two tables of the report, or between one organ's tables of consecutive years "
    "fails, or a count is impossible (negative)",
    Severity.WARNING: "the text and the tables disagree, and no reading of the text explains "
    "it (a number the prose states matches none of the quantities its phrasing may mean; the "
    "year the report states does not fit the template its tables follow; fees refused in "
    "table 三 while section 六 is silent on fees)",
    Severity.INFO: "not assessable (a value the rule needs is blank), or a note: the report's "
    "form (sections missing, out of order or empty; years stated differently in the title, "
    "period and signature; the fee position unstated; a late publication)",
}


@frozen
class RuleInfo:
    """One rule as data.  ``reads`` are :mod:`fnmatch` patterns over flat keys.

    ``part`` says what the rule's function takes: ``"requests"`` (table 三 and the
    template), ``"appeals"``, ``"proactive"``, ``"report"`` (the whole report) or
    ``"series"`` (two consecutive reports of one organ), ``"copy"`` (two reports compared
    for copying: :mod:`govdisclosure.check.similarity`) or ``"region"`` (a region's own
    consolidated report and the sum of its organs': :mod:`govdisclosure.check.rollup`).
    """

    id: str
    severity: Severity
    zh: str
    en: str
    reads: tuple[str, ...]
    part: str


_T3_ALL = ("requests.*",)
RULEBOOK: tuple[RuleInfo, ...] = (
    RuleInfo(
        "T3-IDENT", Severity.ERROR,
        "表三每列：第一项加第二项之和等于第三项（七）总计加第四项之和",
        "Table 三, every column: 一 new + 二 carried over = （七） total + 四 carried forward",
        ("requests.new_received.*", "requests.carried_over.*", "requests.outcomes.total.*",
         "requests.carried_forward.*"),
        "requests",
    ),
    RuleInfo(
        "T3-OUTTOTAL", Severity.ERROR,
        "表三每列：（七）总计等于（一）至（六）各项之和",
        "Table 三, every column: （七） total = the sum of the outcome rows （一）…（六）",
        ("requests.outcomes.*",), "requests",
    ),
    RuleInfo(
        "T3-ROWTOTAL", Severity.ERROR,
        "表三每行：总计等于六类申请人之和",
        "Table 三, every row: 总计 = the sum of the six applicant columns",
        _T3_ALL, "requests",
    ),
    RuleInfo(
        "T3-NONNEG", Severity.ERROR,
        "表三每个数字均为非负整数",
        "Table 三: every number is a non-negative integer",
        _T3_ALL, "requests",
    ),
    RuleInfo(
        "T3-V2021-SPLIT", Severity.ERROR,
        "（六）其他处理：2021版分三行，2019版为一行，须与表二所用模板一致",
        "（六）其他处理 has three rows in V2021 and one row in V2019, as the template of table 二",
        ("template", "requests.outcomes.other_handling.*"), "report",
    ),
    RuleInfo(
        "T3-FEE-LINK", Severity.WARNING,
        "（六）2“逾期未按收费通知要求缴纳费用”大于0时，第六部分应说明信息处理费或收费通知情况",
        "If （六）2 (fee not paid by the deadline) > 0, section 六 should speak of the fee "
        "or of fee notices",
        ("requests.outcomes.other_handling.fee_unpaid.*", "other_matters"),
        "report",
    ),
    RuleInfo(
        "T4-SUM", Severity.ERROR,
        "表四行政复议、未经复议直接起诉、复议后起诉：总计等于结果维持、结果纠正、其他结果、尚未审结之和",
        "Table 四, each group: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
        ("appeals.*",), "appeals",
    ),
    RuleInfo(
        "T4-NONNEG", Severity.ERROR,
        "表四15个数字均为非负整数",
        "Table 四: the 15 numbers are non-negative integers",
        ("appeals.*",), "appeals",
    ),
    RuleInfo(
        "T2-NONNEG", Severity.ERROR,
        "表二件数、数量、金额均不为负（“本年增/减”除外）",
        "Table 二: counts and amounts are not negative (the signed 本年增/减 excepted)",
        ("proactive.*",), "proactive",
    ),
    RuleInfo(
        "T2-INFORCE", Severity.ERROR,
        "2021版表二：现行有效件数加本年废止件数不少于本年制发件数",
        "V2021 table 二: 现行有效件数 (in force) + 本年废止件数 (repealed) is not below "
        "本年制发件数 (issued): a document issued this year is in force unless repealed",
        ("proactive.rules.issued", "proactive.rules.in_force", "proactive.rules.repealed",
         "proactive.normative_documents.issued", "proactive.normative_documents.in_force",
         "proactive.normative_documents.repealed"),
        "proactive",
    ),
    RuleInfo(
        "T2-V2019-DELTA", Severity.ERROR,
        "2019版表二：上一年项目数量加本年增/减不得为负",
        "V2019 table 二: 上一年项目数量 + 本年增/减 (signed) is not negative",
        ("proactive.*.previous_items", "proactive.*.change"), "proactive",
    ),
    RuleInfo(
        "D-SECTIONS", Severity.INFO,
        "六个部分齐全、顺序正确、内容不为空",
        "The six sections are all present, in the template's order, and not empty",
        ("overview", "problems", "other_matters"), "report",
    ),
    RuleInfo(
        "D-VERSION", Severity.WARNING,
        "2019、2020年度报告用2019版模板，2021年度起用2021版模板",
        "Reports for 2019 and 2020 use the V2019 template, reports from 2021 on use V2021",
        ("template", "year"), "report",
    ),
    RuleInfo(
        "D-YEAR", Severity.INFO,
        "标题年份、统计期限、总体情况所述年份一致，落款日期在次年",
        "Title year, statistics period and the year section 一 speaks of agree; the "
        "signature date falls in the next year",
        ("year", "title", "preamble", "overview", "signed_on"), "report",
    ),
    RuleInfo(
        "D-DEADLINE", Severity.INFO,
        "部门报告于次年1月31日前、政府报告于次年3月31日前公布（先看网页公开日期，再看落款日期）",
        "A department publishes by 31 January of the next year, a government by 31 March "
        "(the page's 公开日期 first, else the signature date)",
        ("published_on", "signed_on", "organ", "year"), "report",
    ),
    RuleInfo(
        "D-TEXT", Severity.WARNING,
        "总体情况中所述申请数、办理数、结转数、行政复议数、行政诉讼数、规范性文件数，"
        "等于其说法可指的表格数量之一",
        "A number section 一 states for applications (received, handled, carried over or "
        "forward, by applicant), reconsiderations, lawsuits or normative documents equals one "
        "of the table quantities its phrasing may mean (see the phrasings below)",
        ("overview", "requests.new_received.*", "requests.carried_over.*",
         "requests.outcomes.total.*", "requests.carried_forward.*",
         "appeals.*", "proactive.normative_documents.*"),
        "report",
    ),
    RuleInfo(
        "D-FEE-TEXT", Severity.INFO,
        "2021版：第六部分应说明信息处理费收取情况",
        "V2021: section 六 states the 信息处理费 (information-processing fee) position",
        ("other_matters",), "report",
    ),
    RuleInfo(
        "T3-CARRY", Severity.ERROR,
        "跨年度：本年“二、上年结转”等于上年“四、结转下年度继续办理”（逐列）",
        "Across years: this year's 二 carried over = last year's 四 carried forward, per column",
        ("requests.carried_over.*", "requests.carried_forward.*"), "series",
    ),
    RuleInfo(
        "T2-STOCK", Severity.ERROR,
        "跨年度：现行有效件数＝上年现行有效件数＋本年制发－本年废止（2019版：对外公开总数量＝上年总数＋本年新公开）",
        "Across years: in force = last year's in force + issued − repealed (V2019: total "
        "published = last year's + newly published)",
        ("proactive.rules.*", "proactive.normative_documents.*"), "series",
    ),
    RuleInfo(
        "T2-ITEMS", Severity.ERROR,
        "跨年度（2019版）：本年上一年项目数量＝上年上一年项目数量＋上年本年增/减",
        "Across years (V2019): 上一年项目数量 = last year's 上一年项目数量 + last year's 本年增/减",
        ("proactive.*.previous_items", "proactive.*.change"), "series",
    ),
    RuleInfo(
        "C-PROSE-COPY", Severity.WARNING,
        "内容雷同：第一部分或第五部分的文字80%以上（默认阈值）与本机关上年报告相同",
        "Copied prose: at least 80 % (the default threshold) of section 一 or 五 is found in "
        "the organ's previous-year report",
        ("overview", "problems"), "copy",
    ),
    RuleInfo(
        "C-NUMBERS-COPY", Severity.WARNING,
        "数字照搬：表二至表四的数字与上年完全相同，而正文所述年份不同",
        "Copied numbers: every number of tables 二–四 equals the previous year's while the "
        "prose names a different year",
        ("proactive.*", "requests.*", "appeals.*", "year"), "copy",
    ),
    RuleInfo(
        "C-CROSS-ORGAN", Severity.INFO,
        "内容雷同：同一年度不同机关的报告第一部分或第五部分文字80%以上（默认阈值）相同",
        "Prose shared across organs: at least 80 % (the default threshold) of section 一 or 五 "
        "of one organ's report is found in another organ's report of the same year",
        ("overview", "problems"), "copy",
    ),
    RuleInfo(
        "R-ROLLUP", Severity.INFO,
        "地区汇总报告的表二至表四数字等于本地区各机关报告之和",
        "A region's consolidated report (全市汇总) has, in tables 二–四, the sums of its "
        "organs' reports",
        ("proactive.*", "requests.*", "appeals.*"), "region",
    ),
)  # fmt: skip

CROSS_REPORT = frozenset({"series", "copy", "region"})
"""The parts of the rules that judge more than one report (not run by ``check``)."""

_SEVERITY = {r.id: r.severity for r in RULEBOOK}
_ZH = {r.id: r.zh for r in RULEBOOK}


def statement_zh(rule_id: str) -> str:
    """The rule's statement in Chinese ("" for an unknown id)."""
    return _ZH.get(rule_id, "")


def severity_of(rule_id: str) -> Severity:
    return _SEVERITY[rule_id]

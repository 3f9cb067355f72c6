"""The template's lexicon: numerals, numbering forms, signs, units, placeholders, the block
title and the statistics-period phrase, written once.

The grammar's terminals (``grammars/report.lark``, its ``@NAME@`` slots filled by
:func:`grammar_slots`), the readers, the binder and the checker build their patterns from
these; the forms are those of the match text (simplified script, half-width punctuation)
unless a name says ``DISPLAY``.
"""

from __future__ import annotations

import re

__all__ = [
    "COUNT_UNITS",
    "DISPLAY_NUMBERING_MARKS",
    "MONEY_UNITS",
    "NUMBERING_MARKS",
    "PERIOD",
    "PLACEHOLDERS",
    "PRE_2019",
    "PRE_2019_TITLE",
    "SECTION_NUMERALS",
    "SIGN_WORDS",
    "SUBHEADING_PHRASES",
    "SUB_NUMERALS",
    "YEAR",
    "block_title",
    "grammar_slots",
    "section_numbering",
    "sign_words",
    "sub_numbering",
]

SECTION_NUMERALS = "一二三四五六"  # the six sections
SUB_NUMERALS = "一二三四五六七八九十"  # （一）… sub-headings and table rows
NUMBERING_MARKS = "、.,"  # after a section numeral, in the match text
DISPLAY_NUMBERING_MARKS = "、.,．，"  # the same in the source's own characters

# V2019 本年增/减 written as words: (word, sign), longest first.
SIGN_WORDS: tuple[tuple[str, int], ...] = (("增加", 1), ("减少", -1), ("增", 1), ("减", -1))
MONEY_UNITS: tuple[str, ...] = ("万元", "元")
COUNT_UNITS = "件项个条宗次"  # a unit written after a count: 「3件」

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

# The title of a block of table 二: 第二十条第（一）项.
BLOCK_TITLE = ("第二十条第", "项")

# Typical sub-headings of section 一 and words of 五 (template-spec §2): not template labels,
# but in most reports; the mojibake repair scores its candidates by them.
SUBHEADING_PHRASES: tuple[str, ...] = (
    "主动公开情况",
    "主动公开政府信息情况",
    "依申请公开情况",
    "依申请公开",
    "政府信息管理情况",
    "政府信息公开平台建设情况",
    "监督保障情况",
    "存在的主要问题",
    "存在的问题",
    "改进措施",
    "改进情况",
    "下一步工作计划",
    "下一步工作打算",
    "政府信息",
    "申请人情况",
)

# Phrases of the layout before 2019 (国办发〔2008〕 template): a 统计表, a 收费及减免 section,
# seven parts; and a title year before 2019.
PRE_2019 = re.compile(
    r"政府信息公开情况统计表|政府信息公开(?:的)?收费及减免|收费及减免情况|"
    r"因政府信息公开申请(?:提起|申请)?行政复议|七、其他需要报告的事项"
)
PRE_2019_TITLE = re.compile(r"(20[01]\d)\s*年(?:度)?政府信息公开(?:工作)?年度报告")

YEAR = re.compile(r"(20\d\d)\s*年")
# 「本报告所列数据的统计期限为2023年1月1日至…」: the report's year.
PERIOD = re.compile(
    r"统计(?:期限|时限|时间|周期|区间)?(?:为|是|:)?\s*(20\d\d)\s*年\s*1\s*月\s*1\s*日"
)


def section_numbering(marks: str = NUMBERING_MARKS) -> str:
    """A regex for a section's numbering, 「三、」, the numeral captured."""
    return f"([{SECTION_NUMERALS}])[{re.escape(marks)}]"


def sub_numbering(open_: str = r"\(", close: str = r"\)") -> str:
    """A regex for a sub-heading's or row's numbering, 「(三)」, the numeral captured."""
    return f"{open_}([{SUB_NUMERALS}]{{1,2}}){close}"


def block_title(capture: bool = True) -> str:
    """A regex for a 第二十条 block title, 「第二十条第(八)项」, the item captured."""
    head, tail = BLOCK_TITLE
    group = "(" if capture else "(?:"
    return f"{head}\\({group}[{SUB_NUMERALS}]+)\\){tail}"


def sign_words() -> str:
    """「增加|减少|增|减」."""
    return "|".join(word for word, _sign in SIGN_WORDS)


def grammar_slots() -> dict[str, str]:
    """The values of the grammar's ``@NAME@`` slots."""
    return {
        "SECTION_NUMERALS": SECTION_NUMERALS,
        "SUB_NUMERALS": SUB_NUMERALS,
        "NUMBERING_MARKS": re.escape(NUMBERING_MARKS),
        "BLOCK_TITLE": block_title(capture=False),
        "SIGN_WORDS": sign_words(),
        "MONEY_UNITS": "|".join(MONEY_UNITS),
        "COUNT_UNITS": COUNT_UNITS,
        "PLACEHOLDERS": "|".join(
            re.escape(p).replace("/", "\\/") for p in sorted(PLACEHOLDERS, key=len, reverse=True)
        ),
    }

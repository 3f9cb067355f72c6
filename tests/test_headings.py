"""Sections are found by their numbering and their words (issue 16): a sub-heading, a table's
title or a numbered line of prose is never taken for a section, and D-SECTIONS names the line
of a heading that stands out of the template's order.

Each case edits the text of a consistent report (seed 003 rendered back to text) at one place;
the edit is what a real report does, the expectation is written here by hand."""

from __future__ import annotations

import pytest
from support import seed_text

from govdisclosure import Report, check, parse_report
from govdisclosure.write.render import render

BASE = render(parse_report(seed_text("003_d01d2cbab1ffe994")))
H3 = "三、收到和处理政府信息公开申请情况\n"
H5 = "五、存在的主要问题及改进情况\n"
LIST_IN_五 = (
    "存在问题：\n一是信息公开不够及时；\n二是政策解读形式单一。\n改进措施：\n"
    "一、加强业务培训，提升信息公开质量。\n二、主动公开政府信息情况的审核再加强。\n"
    "三、依申请公开办理再规范。\n"
)


def edited(old: str, new: str) -> str:
    assert old in BASE
    return BASE.replace(old, new, 1)


CASES = {
    # sub-headings of section 一 that look like section headings
    "sub-heading （三）依申请公开情况 before 二": edited(
        "（二）依申请公开\n", "（三）依申请公开情况\n"
    ),
    "sub-heading with section 三's words": edited(
        "（三）政府信息管理\n", "（三）收到和处理政府信息公开申请情况\n"
    ),
    "numbered 二、 line in 一 naming section 三's subject": edited(
        "（二）依申请公开\n", "二、依申请公开情况\n"
    ),
    "numbered 四、 line in 一 naming section 四's subject": edited(
        "（四）政务新媒体信息公开平台建设\n", "四、行政复议和行政诉讼\n"
    ),
    "prose line 二、… inside a paragraph of 一": edited(
        "（三）政府信息管理\n", "二、依申请公开工作情况稳中有进。\n（三）政府信息管理\n"
    ),
    # tables titled 「表X：…」
    "表二 title": edited(
        "二、主动公开政府信息情况\n", "二、主动公开政府信息情况\n表二：主动公开政府信息情况\n"
    ),
    "表三 title": edited(H3, H3 + "表三：收到和处理政府信息公开申请情况\n"),
    "表四 title": edited(
        "四、政府信息公开行政复议、行政诉讼情况\n",
        "四、政府信息公开行政复议、行政诉讼情况\n表四：政府信息公开行政复议、行政诉讼情况\n",
    ),
    # 一是 / 二、 lines of a list inside section 五
    "一是 and 一、二、三、 lines in 五": edited(H5, H5 + LIST_IN_五),
}  # fmt: skip


def section_findings(report: Report) -> list[str]:
    return [v.message for v in check(report) if v.rule == "D-SECTIONS"]


def test_the_base_text_is_clean() -> None:
    report = parse_report(BASE)
    assert section_findings(report) == []
    assert not [d for d in report.diagnostics if d.code.startswith("heading")]


@pytest.mark.parametrize("name", list(CASES))
def test_no_look_alike_is_taken_for_a_section(name: str) -> None:
    report = parse_report(CASES[name])
    assert section_findings(report) == []
    assert not [d for d in report.diagnostics if d.code.startswith("heading")]
    base = parse_report(BASE)
    # every part keeps its own content: the tables are the same, no section lost or moved
    assert report.requests == base.requests and report.appeals == base.appeals
    assert report.proactive == base.proactive
    assert base.problems.text in report.problems.text or report.problems.text.startswith("存在问题")


def test_a_list_in_五_stays_in_五() -> None:
    report = parse_report(CASES["一是 and 一、二、三、 lines in 五"])
    # (the segmenter starts a line at the heading words inside it; the words stay in 五)
    text = report.problems.text.replace("\n", "")
    assert "二、主动公开政府信息情况的审核再加强。" in text
    assert "三、依申请公开办理再规范。" in text and "一是信息公开不够及时；" in text


def test_a_table_title_in_place_of_its_heading_is_not_the_heading() -> None:
    text = edited(H3, "表三：收到和处理政府信息公开申请情况\n")
    (finding,) = section_findings(parse_report(text))
    assert "no heading 三、" in finding


def test_D_SECTIONS_names_the_line_of_the_heading_out_of_order() -> None:
    i5, i6 = BASE.index(H5), BASE.index("六、其他需要报告的事项")
    swapped = BASE[:i5] + BASE[i6:] + "\n" + BASE[i5:i6]
    (v,) = [v for v in check(parse_report(swapped)) if v.rule == "D-SECTIONS"]
    line = swapped.splitlines().index(H5.strip()) + 1
    assert v.lines == (line,) and f"on line {line}" in v.message
    assert "五、存在的主要问题及改进情况" in v.message and v.severity == "info"

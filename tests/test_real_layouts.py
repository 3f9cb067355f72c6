"""Real layouts that were lost (issue 12), built from the seeds: each parses to the seed's
numbers, and every inference is named."""

from __future__ import annotations

import pytest
from support import SEED_NAMES, seed_text

from govdisclosure import ParseError, Report, flatten, parse_report
from govdisclosure import template as T
from govdisclosure.template import number_fields

SEED = "003_d01d2cbab1ffe994"
SUB_HEADER = (
    "结果 维持 | 结果 纠正 | 其他 结果 | 尚未 审结 | 总计 | 未经复议直接起诉 | 复议后起诉 | "
    "||||||||\n"
    "结果 维持 | 结果 纠正 | 其他 结果 | 尚未 审结 | 总计 | 结果 维持 | 结果 纠正 | 其他 结果 | "
    "尚未 审结 | 总计 | |||||\n"
)


def numbers(report: Report) -> dict[str, object]:
    flat = flatten(report)
    return {k: flat[k] for k, _kind in number_fields(report.template)}


def table_four_with(header: str) -> str:
    text = seed_text(SEED)
    assert SUB_HEADER in text
    return text.replace(SUB_HEADER, header)


@pytest.mark.parametrize(
    "header",
    [
        # PDF→Markdown: the 总计 columns lost from the header, 15 values below
        "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 " * 3 + "|\n",
        # the header shredded over several rows
        "结果 | 结果 | 其他 | 尚未 | 总计 | 结果 | 结果 | 其他 | 尚未 | 总计\n"
        "维持 | 纠正 | 结果 | 审结 | | 维持 | 纠正 | 结果 | 审结\n",
        # no sub-header at all
        "",
    ],
    ids=["12-cell header", "shredded header", "no sub-header"],
)
def test_table_four_values_are_read_by_the_template_under_a_broken_header(header: str) -> None:
    want = numbers(parse_report(seed_text(SEED)))
    report = parse_report(table_four_with(header))
    assert numbers(report) == want
    shape = [d for d in report.diagnostics if d.code == "header-shape"]
    assert len(shape) == 1
    assert shape[0].line is not None


def test_a_table_four_header_as_the_template_writes_it_is_not_flagged() -> None:
    assert "header-shape" not in {d.code for d in parse_report(seed_text(SEED)).diagnostics}


@pytest.mark.parametrize("name", SEED_NAMES)
@pytest.mark.parametrize("separator", ["\u3000", "\u00a0", "  "])
def test_cells_parted_by_wide_or_no_break_spaces(name: str, separator: str) -> None:
    """Plain text whose table cells are parted by U+3000, NBSP or runs of spaces: no number
    is wrong; a row whose blank cells vanished with the separators is named."""
    text = seed_text(name)
    want = numbers(parse_report(text))
    lines = []
    for line in text.splitlines():
        if "|" in line:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            line = separator.join(c for c in cells if c)
        lines.append(line)
    report = parse_report("\n".join(lines))
    got = numbers(report)
    wrong = {k: (v, got[k]) for k, v in want.items() if got[k] is not None and got[k] != v}
    assert not wrong
    if got != want:
        lost_lines = {
            d.line
            for d in report.diagnostics
            if d.code in ("row-unplaced", "cells-ambiguous", "row-missing")
        }
        assert lost_lines


PROCUREMENT = "政府集中采购 | 144 | 1732.633648万元"
FEES = "行政事業性收費 | 5006"


@pytest.mark.parametrize(
    ("seed", "header", "row", "field"),
    [
        # the unit in the row label, the amount in 元 (with and without thousands separators)
        (
            "001_0494dfef68de25df",
            "采购总金额",
            "政府集中采购（元） | 144 | 17326336.48",
            "procurement",
        ),
        (
            "001_0494dfef68de25df",
            "采购总金额",
            "政府集中采购（元） | 144 | 17,326,336.48",
            "procurement",
        ),
        # the unit in the header, the amount in 元
        (
            "001_0494dfef68de25df",
            "采购总金额(单位:元)",
            "政府集中采购 | 144 | 17326336.48",
            "procurement",
        ),
        # the unit in the row label, Traditional script, in 元 and in 万元
        ("000_cba402df4409a5e2", "本年收費金額", "行政事業性收費（元） | 50060000", "fees"),
        ("000_cba402df4409a5e2", "本年收費金額", "行政事業性收費（萬元） | 5006", "fees"),
    ],
)
def test_money_units_written_in_the_label_or_the_header(
    seed: str, header: str, row: str, field: str
) -> None:
    text = seed_text(seed)
    want = numbers(parse_report(text))
    old_header = "采购总金额(单位:万元)" if field == "procurement" else "本年收費金額(單位:萬元)"
    old_row = PROCUREMENT if field == "procurement" else FEES
    assert old_header in text and old_row in text
    report = parse_report(text.replace(old_header, header).replace(old_row, row))
    assert numbers(report) == want
    converted = [d for d in report.diagnostics if d.code == "unit-converted"]
    assert len(converted) == (1 if "万" not in row and "萬" not in row else 0)
    if converted:
        assert f"proactive.{field}.amount" in converted[0].message


def off_skeleton(text: str) -> str:
    """The seed numbered its own way (issue 12, class 2): six prose sections of its own, then
    the tables under headings of their own, no 「存在的主要问题」 heading, and 「五、其他需要
    报告的事项」 at the end."""
    lines = text.splitlines()
    i2, i3, i4, i5, i6 = (lines.index(f"{h.numeral}、{h.label}") for h in T.HEADINGS[1:])
    own = [
        "二、工作机制保障",
        "本机关建立健全工作机制，明确专人负责。",
        "三、主动公开工作情况",
        "全年主动公开信息663条。",
        "四、政府信息公开申请情况",
        "全年办理依申请公开件72件。",
        "五、政府信息管理",
        "加强信息管理。",
        "六、平台建设",
        "加强平台建设。",
    ]
    return "\n".join(
        [
            *lines[:i2],
            *own,
            "一、主动公开政府信息情况",
            *lines[i2 + 1 : i3],
            "## 表三：收到和处理政府信息公开申请情况",
            *lines[i3 + 1 : i4],
            "三、政府信息公开行政复议、行政诉讼情况",
            *lines[i4 + 1 : i5],
            *lines[i5 + 1 : i6],
            "五、其他需要报告的事项",
            *lines[i6 + 1 :],
        ]
    )


OWN_SECTIONS = [
    "工作机制保障",
    "主动公开工作情况",
    "政府信息公开申请情况",
    "政府信息管理",
    "平台建设",
]


def test_a_report_numbered_its_own_way_gives_its_tables_and_its_prose() -> None:
    text = seed_text(SEED)
    seed = parse_report(text)
    variant = off_skeleton(text)
    report = parse_report(variant)
    assert numbers(report) == numbers(seed)
    assert report.missing == ()
    # the prose after table 四, under no heading, is section 五 by its position, word for word
    assert report.problems.text == seed.problems.text != ""
    assert report.other_matters.text == seed.other_matters.text
    (by_position,) = [
        d for d in report.diagnostics if d.code == "heading-missing" and "position" in d.message
    ]
    lines = variant.splitlines()
    assert lines[by_position.line - 1] == seed.problems.text.splitlines()[0]
    # the organ's own sections stay in section 一, each a sub-section, each named on its line
    assert [s.title for s in report.overview.subsections][-5:] == OWN_SECTIONS
    assert report.overview.subsections[-3].text == "全年办理依申请公开件72件。"
    extra = [d for d in report.diagnostics if d.code == "section-extra"]
    assert [lines[d.line - 1][2:] for d in extra] == OWN_SECTIONS
    # 「四、政府信息公开申请情况」 reads closer to 三 than to 四: never taken for table 四's heading
    assert not [d for d in report.diagnostics if d.code in ("heading-inexact", "row-unplaced")]
    renumbered = [d for d in report.diagnostics if d.code == "heading-misnumbered"]
    assert [lines[d.line - 1][:2] for d in renumbered] == ["一、", "三、", "五、"]
    with pytest.raises(ParseError) as info:
        parse_report(variant, strict=True)
    assert info.value.line >= 1


def test_numbered_lines_inside_a_section_are_not_extra_sections() -> None:
    """「一、…」「二、…」 under section 五 restart the numbering: sub-headings, not sections."""
    text = seed_text(SEED)
    five = next(f"{h.numeral}、{h.label}" for h in T.HEADINGS if h.key == "problems")
    variant = text.replace(five, five + "\n一、存在的问题\n二、改进措施", 1)
    report = parse_report(variant)
    assert not [d for d in report.diagnostics if d.code == "section-extra"]
    assert numbers(report) == numbers(parse_report(text))


def test_the_own_numbering_decides_what_is_extra() -> None:
    """Without the organ's sections 二…六, nothing is named extra and nothing moves."""
    report = parse_report(seed_text(SEED))
    assert not [d for d in report.diagnostics if d.code == "section-extra"]


def _variant(name: str) -> str:
    text = seed_text(SEED)
    lines = text.splitlines()
    note = next(i for i, line in enumerate(lines) if line.startswith("(本列数据"))
    shredded = [
        "申请人 | 情况",
        "自然 | 人 | 法人或 | 其他组织 | 总 | 计",
        "商业 | 企业 | 科研 | 机构",
    ]
    variants = {
        "label prefix doubled": text.replace("三、本年度办理结果", "三三、本年度办理结果"),
        "label prefixes dropped": text.replace("一、本年新收", "本年新收").replace(
            "二、上年结转", "上年结转"
        ),
        "table 三 header shredded": "\n".join(lines[:note] + shredded + lines[note + 3 :]),
        "table 三 header missing": "\n".join(lines[:note] + lines[note + 3 :]),
    }
    assert variants[name] != text
    return variants[name]


@pytest.mark.parametrize(
    "name",
    [
        "label prefix doubled",
        "label prefixes dropped",
        "table 三 header shredded",
        "table 三 header missing",
    ],
)
def test_table_three_rows_are_placed_by_their_labels(name: str) -> None:
    want = numbers(parse_report(seed_text(SEED)))
    report = parse_report(_variant(name))
    assert numbers(report) == want
    shape = [d for d in report.diagnostics if d.code == "header-shape"]
    if name == "table 三 header shredded":  # the values were read by the template, and said so
        (d,) = shape
        assert _variant(name).splitlines()[d.line - 1] == "申请人 | 情况"
        assert "table 三's header names 0 of its 7 columns (3 header row(s))" in d.message
    else:  # the header as the template writes it, or none at all: nothing to say
        assert shape == []


CARRIED = "二、上年结转政府信息公开申请数量 | 7 | 0 | 0 | 0 | 0 | 0 | 7 | ||"


@pytest.mark.parametrize("placeholder", ["/", "暂无", "-"])
def test_a_placeholder_in_a_line_parted_by_spaces_blanks_no_neighbour(placeholder: str) -> None:
    """Issue 11: a text cell is a placeholder in its own column, never blanking the others."""
    text = seed_text(SEED)
    assert CARRIED in text
    row = f"二、上年结转政府信息公开申请数量 7 0 {placeholder} 0 0 0 7"
    report = parse_report(text.replace(CARRIED, row))
    flat = flatten(report)
    got = [flat[k] for k in flat if k.startswith("requests.carried_over.")]
    assert got == [7, 0, None, 0, 0, 0, 7]
    blank = [d for d in report.diagnostics if d.code == "cell-placeholder"]
    assert [d.field for d in blank] == ["requests.carried_over.research"]


def test_glued_digits_around_a_placeholder_are_never_guessed() -> None:
    text = seed_text(SEED).replace(CARRIED, "二、上年结转政府信息公开申请数量 70 / 0007")
    report = parse_report(text)
    flat = flatten(report)
    assert all(flat[k] is None for k in flat if k.startswith("requests.carried_over."))
    assert "row-unplaced" in {d.code for d in report.diagnostics}


def _five_and_six(text: str, heading: str) -> str:
    lines = text.splitlines()
    five, six = (f"{h.numeral}、{h.label}" for h in T.HEADINGS[4:])
    i5, i6 = lines.index(five), lines.index(six)
    return "\n".join([*lines[:i5], heading, *lines[i5 + 1 : i6], *lines[i6 + 1 :]])


def test_sections_五_and_六_under_one_heading() -> None:
    text = seed_text(SEED)
    seed = parse_report(text)
    merged = "五、存在的主要问题、改进情况及其他需要报告的事项"
    variant = _five_and_six(text, merged)
    report = parse_report(variant)
    assert numbers(report) == numbers(seed)
    assert report.problems.title == merged[2:]
    assert report.problems.text == seed.problems.text + "\n" + seed.other_matters.text
    assert report.other_matters.text == "" and report.missing == ()
    (said,) = [d for d in report.diagnostics if d.code == "section-merged"]
    assert variant.splitlines()[said.line - 1] == merged
    assert [d.code for d in report.diagnostics] == ["section-merged"]


def test_a_heading_with_its_text_on_its_line_keeps_the_text() -> None:
    """「六、其他需要报告的事项 无」: 「无」 is the section's text, not more of its title."""
    text = seed_text(SEED)
    six = next(f"{h.numeral}、{h.label}" for h in T.HEADINGS if h.key == "other_matters")
    lines = text.splitlines()
    i6 = lines.index(six)
    report = parse_report("\n".join([*lines[:i6], six + " 无。", *lines[i6 + 2 :]]))
    assert report.other_matters.title == six[2:]
    assert report.other_matters.text.startswith("无。")

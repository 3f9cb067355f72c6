"""render(): seed-like text in every layout, and the seeds survive a round trip."""

from __future__ import annotations

import re

import pytest
from support import seed_text

from govdisclosure import Report, flatten, parse_report
from govdisclosure.template import number_fields
from govdisclosure.write.render import LAYOUTS, Layout, render


def numbers(report: Report) -> dict[str, object]:
    flat = flatten(report)
    return {k: flat[k] for k, _kind in number_fields(report.template)}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_seed_round_trip_keeps_every_number(seed_name: str, layout: str) -> None:
    report = parse_report(seed_text(seed_name))
    again = parse_report(render(report, layout))
    assert again.template is report.template
    assert again.year == report.year
    assert numbers(again) == numbers(report)


def _report() -> Report:
    return parse_report(seed_text("003_d01d2cbab1ffe994"))


def test_pipe_layout_writes_rows_as_the_seeds_do() -> None:
    lines = render(_report(), "pipe").splitlines()
    assert "一、总体情况" in lines and "六、其他需要报告的事项" in lines
    # table 二: a block title row, a 信息内容 header row, item rows
    i = lines.index("第二十条第（一）项 | |||")
    assert lines[i + 1] == "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |"
    assert lines[i + 3] == "行政规范性文件 | 0 | 0 | 30 |"
    # table 三: one or two label cells, then seven numbers, then empty trailing cells
    assert "一、本年新收政府信息公开申请数量 | 70 | 2 | 0 | 0 | 0 | 0 | 72 | ||" in lines
    assert "三、本年度办理结果 | （一）予以公开 | 23 | 0 | 0 | 0 | 0 | 0 | 23 | |" in lines
    assert "（三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | |" in lines
    assert "2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||" in lines
    # table 四: header rows, then the 15 numbers on one row
    assert "2 | 0 | 0 | 0 | 2 | " + " | ".join(["0"] * 10) + " |" in lines
    assert any(line.startswith("行政复议 | 行政诉讼 |") for line in lines)


def test_tab_layout_has_markdown_headings_and_a_fixed_grid() -> None:
    text = render(_report(), "tab")
    assert "\n## 三、收到和处理政府信息公开申请情况\n" in text
    assert "\n### （一）信息主动公开\n" in text
    assert "\t（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0\n" in text
    assert "\n\t\t2.其他法律行政法规禁止公开\t0\t" in text
    assert "|" not in text.split("## 二、")[1].split("## 五、")[0]


def test_markdown_layout_writes_markdown_tables() -> None:
    text = render(_report(), "markdown")
    assert re.search(r"^\|---\|---\|---\|---\|$", text, re.M)
    assert "| 四、结转下年度继续办理 |  |  | 2 | 0 | 0 | 0 | 0 | 0 | 2 |" in text


def test_traditional_and_fullwidth() -> None:
    trad = render(_report(), "traditional")
    assert "（七）總計 | 75 |" in trad and "总计" not in trad
    wide = render(_report(), "fullwidth")
    assert "（七）总计 | ７５ | ２ |" in wide
    assert not re.search(r"[0-9]", wide.split("二、主动公开")[1].split("五、存在")[0])


def test_a_layout_object_and_a_layout_name_give_the_same_text() -> None:
    assert render(_report(), Layout("tab", "markdown")) == render(_report(), "tab")


def test_blank_cells_are_written_as_placeholders_not_zero() -> None:
    import attrs

    report = _report()
    requests = attrs.evolve(
        report.requests, new_received=attrs.evolve(report.requests.new_received, total=None)
    )
    text = render(attrs.evolve(report, requests=requests), "pipe")
    assert "一、本年新收政府信息公开申请数量 | 70 | 2 | 0 | 0 | 0 | 0 | / | ||" in text
    assert parse_report(text).requests.new_received.total is None


def test_an_unknown_layout_name_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown layout 'docx'"):
        render(_report(), "docx")

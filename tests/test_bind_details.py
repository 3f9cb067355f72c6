"""Details of the bind stage that mutation testing found untested (issue 11, part 6): where a
diagnostic points and what a refusal says it expected, on seed 003 with lines taken out."""

from __future__ import annotations

import pytest
from support import seed_text

from govdisclosure import ParseError, parse_report
from govdisclosure.template import Template
from govdisclosure.template import spec as template_spec

LINES = seed_text("003_d01d2cbab1ffe994").split("\n")


def test_the_template_taken_from_the_year_points_at_table_二s_first_line() -> None:
    # the column headers of table 二 (信息内容 | …) are what tell 2019 from 2021: without them
    # the template comes from the year, said on the first line of the table
    lines = [line for line in LINES if not line.startswith("信息内容")]
    report = parse_report("\n".join(lines))
    (inferred,) = [d for d in report.diagnostics if d.code == "template-inferred"]
    assert inferred.line == 13  # 第二十条第(一)项, the table's first line (1-based)
    assert lines[inferred.line - 1].startswith("第二十条")
    assert report.template is Template.V2021  # 2024
    assert report.proactive.normative_documents.in_force == 30


def test_a_missing_table_三_with_the_report_going_on_is_listed_missing() -> None:
    # issue 12: a report with some tables is returned, the others listed in Report.missing
    heading = 26  # 0-based: 三、收到和处理政府信息公开申请情况
    seed = parse_report("\n".join(LINES))
    report = parse_report("\n".join(LINES[: heading + 1] + LINES[55:]))
    assert report.missing == ("requests",)
    (gap,) = [d for d in report.diagnostics if d.code == "part-missing"]
    assert gap.line == heading + 1 and "三" in gap.message
    assert report.requests.new_received.total is None
    assert report.proactive == seed.proactive and report.appeals == seed.appeals
    assert report.problems == seed.problems
    with pytest.raises(ParseError):
        parse_report("\n".join(LINES[: heading + 1] + LINES[55:]), strict=True)


def test_a_text_that_ends_where_table_三_should_start_is_truncated() -> None:
    heading = 26
    with pytest.raises(ParseError) as info:
        parse_report("\n".join(LINES[: heading + 1]))
    err = info.value
    assert err.code == "truncated"
    assert err.line == heading + 1
    assert "cut off" in str(err)
    rows = template_spec(Template.V2021).request_rows
    assert f"rows {rows[0].label[:6]}… to {rows[-1].label}" in err.expected


def test_a_refusal_with_no_line_to_point_at_says_line_0() -> None:
    heading = 26  # the text ends before table 三's heading: nothing to point at
    with pytest.raises(ParseError) as info:
        parse_report("\n".join(LINES[:heading]))
    assert info.value.code == "truncated"
    assert info.value.line == 0


def test_a_placeholder_in_a_line_without_separators_is_quoted_as_printed() -> None:
    lines = list(LINES)
    lines[31] = "二、上年结转政府信息公开申请数量 7 0 / 0 0 0 7"  # spaces, no 「|」
    report = parse_report("\n".join(lines))
    said = [(d.code, d.line, d.message) for d in report.diagnostics]
    assert ("cells-glued", 32) in [(code, line) for code, line, _m in said]
    assert (
        "cell-placeholder",
        32,
        "requests.carried_over.research holds '/'; taken as None (not 0)",
    ) in said
    assert report.requests.carried_over.research is None


def test_a_table_三_cut_off_is_refused_at_its_last_row_with_the_next_row_expected() -> None:
    with pytest.raises(ParseError) as info:
        parse_report("\n".join(LINES[:46]))  # the last row kept is 「1.信访举报投诉类申请」
    err = info.value
    assert err.code == "truncated"
    assert err.line == 46
    assert "table 三 stops after 16 of its 23 rows" in str(err)
    assert err.expected == "the row '2.重复申请'"


def test_values_wrapped_onto_a_line_of_their_own_are_joined_and_counted() -> None:
    lines = list(LINES)
    lines[31:32] = ["二、上年结转政府信息公开申请数量 | 7 | 0 | 0", "0 | 0 | 0 | 7"]
    report = parse_report("\n".join(lines))
    carried = report.requests.carried_over
    assert (carried.natural_person, carried.other, carried.total) == (7, 0, 7)
    said = [(d.code, d.line, d.message) for d in report.diagnostics]
    assert said == [
        ("row-joined", 33, "values on line of their own joined to the row above (7 of 7)")
    ]


def test_a_row_of_labels_only_in_table_二_is_a_header_not_a_row_of_data() -> None:
    lines = list(LINES)
    lines[13:13] = ["规章 | 行政规范性文件 |"]  # names the block's rows, holds no number
    report = parse_report("\n".join(lines))
    assert report.diagnostics == ()
    assert report.proactive.rules.issued == 0
    assert report.proactive.normative_documents.in_force == 30

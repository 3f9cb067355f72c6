"""Nothing lost, nothing invented: blanks are None with a diagnostic, short rows are not shifted,
strict mode refuses every repair."""

from __future__ import annotations

import pytest
from support import seed_text

from govdisclosure import ParseError, flatten, parse_report

S003 = seed_text("003_d01d2cbab1ffe994")
ROW = "一、本年新收政府信息公开申请数量 | 70 | 2 | 0 | 0 | 0 | 0 | 72 | ||"
LINE = S003.split("\n").index(ROW) + 1


def with_row(new: str) -> str:
    assert ROW in S003
    return S003.replace(ROW, new)


def test_row_with_too_few_numbers_is_not_left_aligned() -> None:
    report = parse_report(with_row("一、本年新收政府信息公开申请数量 | 70 | 72 |"))
    flat = flatten(report)
    assert [
        flat[f"requests.new_received.{c}"] for c in ("natural_person", "commercial", "total")
    ] == [
        None,
        None,
        None,
    ]
    [d] = [d for d in report.diagnostics if d.code == "row-unplaced"]
    assert d.line == LINE
    assert "'70'" in d.message and "'72'" in d.message
    assert d.field == "requests.new_received"


def test_blank_cell_is_none_with_a_diagnostic_naming_it() -> None:
    report = parse_report(
        with_row("一、本年新收政府信息公开申请数量 | 70 | 2 | 0 |  | 0 | 0 | 72 | ||")
    )
    assert report.requests.new_received.nonprofit is None
    assert report.requests.new_received.research == 0
    assert report.requests.new_received.total == 72
    [d] = [d for d in report.diagnostics if d.code == "cell-blank"]
    assert (d.line, d.field) == (LINE, "requests.new_received.nonprofit")


@pytest.mark.parametrize("placeholder", ["/", "-", "—", "无", "不适用"])
def test_placeholders_are_none_never_zero(placeholder: str) -> None:
    report = parse_report(
        with_row(f"一、本年新收政府信息公开申请数量 | 70 | 2 | 0 | 0 | 0 | 0 | {placeholder} | ||")
    )
    assert report.requests.new_received.total is None
    [d] = [d for d in report.diagnostics if d.code == "cell-placeholder"]
    assert d.field == "requests.new_received.total" and placeholder in d.message


def test_too_many_cells_are_named_not_dropped() -> None:
    report = parse_report(
        with_row("一、本年新收政府信息公开申请数量 | 70 | 2 | 0 | 0 | 0 | 0 | 72 | 9 |")
    )
    assert report.requests.new_received.total is None
    [d] = [d for d in report.diagnostics if d.code == "row-unplaced"]
    assert "'9'" in d.message and d.line == LINE


def test_locations_point_at_the_source_cell() -> None:
    report = parse_report(S003)
    span = report.locations["requests.new_received.total"]
    assert span.line == LINE
    assert S003.split("\n")[LINE - 1][span.column - 1 :].startswith("72")


@pytest.mark.parametrize(
    ("seed", "code"),
    [
        ("000_cba402df4409a5e2", "heading-missing"),
        ("001_0494dfef68de25df", "heading-form"),
        ("002_7e0d3285304a6f62", "mojibake-repaired"),
    ],
)
def test_strict_turns_repairs_into_errors(seed: str, code: str) -> None:
    text = seed_text(seed)
    parse_report(text)  # fine without strict
    with pytest.raises(ParseError) as info:
        parse_report(text, strict=True)
    assert info.value.code == code
    assert info.value.line >= 1


def test_strict_accepts_a_report_that_needs_no_repair() -> None:
    report = parse_report(S003, strict=True)
    assert report.diagnostics == ()

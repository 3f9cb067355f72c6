"""Bad input raises ParseError with a line, a column and what was expected — nothing else."""

from __future__ import annotations

import random

import pytest
from support import seed_text

from govdisclosure import ParseError, parse_report

NEWS = """新华社北京11月22日电 今年以来，各地区各部门认真贯彻落实党中央、国务院决策部署，
扎实推进各项工作。记者从有关部门获悉，前三季度全国规模以上工业增加值同比增长5.8%。
专家表示，下一步要继续巩固经济回升向好态势。
"""


def test_empty_string() -> None:
    with pytest.raises(ParseError) as info:
        parse_report("")
    assert info.value.code == "empty"
    assert "empty" in str(info.value)


def test_whitespace_only() -> None:
    with pytest.raises(ParseError):
        parse_report(" \n\t\n ")


def test_news_article_is_not_a_report() -> None:
    with pytest.raises(ParseError) as info:
        parse_report(NEWS)
    err = info.value
    assert err.code == "not-a-report"
    assert err.line == 1 and err.column == 1
    assert err.source_line.startswith("新华社北京")
    assert "一、总体情况" in err.expected
    assert "line 1, column 1" in str(err)


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4])
def test_random_bytes(seed: int) -> None:
    data = random.Random(seed).randbytes(2000)
    with pytest.raises(ParseError) as info:
        parse_report(data)
    assert isinstance(info.value, ValueError)
    assert info.value.code in {"not-text", "not-a-report"}


def test_nul_bytes_are_binary() -> None:
    with pytest.raises(ParseError) as info:
        parse_report(b"\x00\x01\x02" * 300)
    assert info.value.code == "not-text"


def test_report_cut_in_the_middle_of_table_three() -> None:
    text = seed_text("003_d01d2cbab1ffe994")
    lines = text.split("\n")
    cut = next(i for i, line in enumerate(lines) if line.startswith("6.属于四类过程性信息"))
    with pytest.raises(ParseError) as info:
        parse_report("\n".join(lines[: cut + 1]))
    err = info.value
    assert err.code == "truncated"
    assert err.line == cut + 1  # the last row that was read, in the user's numbering
    assert err.source_line.startswith("6.属于四类过程性信息")
    assert "7.属于行政执法案卷" in err.expected
    assert "cut off" in str(err)


def test_cut_report_with_partial_lists_what_is_missing() -> None:
    text = seed_text("003_d01d2cbab1ffe994")
    lines = text.split("\n")
    cut = next(i for i, line in enumerate(lines) if line.startswith("6.属于四类过程性信息"))
    report = parse_report("\n".join(lines[: cut + 1]), partial=True)
    assert "requests" in report.missing and "appeals" in report.missing
    assert report.requests.outcomes.withheld.process_info.natural_person == 1
    assert report.requests.outcomes.withheld.enforcement_files.total is None


def test_wrong_type() -> None:
    with pytest.raises(TypeError):
        parse_report(12345)  # type: ignore[arg-type]


def test_parse_error_is_a_value_error_and_pickles() -> None:
    import pickle

    with pytest.raises(ValueError) as info:
        parse_report(NEWS)
    again = pickle.loads(pickle.dumps(info.value))
    assert isinstance(again, ParseError)
    assert (again.line, again.column, again.code) == (
        info.value.line,
        info.value.column,
        info.value.code,
    )


def test_a_line_too_long_to_be_a_row_is_named_in_a_table_and_kept_as_prose_elsewhere() -> None:
    """A line of 6,000 characters is not read cell by cell (a whole table 三 on one line is
    about 2,000): in a table its numbers are named (row-unplaced), in prose they are text."""
    text = seed_text("003_d01d2cbab1ffe994")
    seed = parse_report(text)
    junk = "序号12项" * 1200  # 6,000 characters, digits, no sentence mark
    in_prose = parse_report(text.replace("一、总体情况\n", "一、总体情况\n" + junk + "\n", 1))
    assert junk in in_prose.overview.text
    assert in_prose.proactive == seed.proactive and in_prose.requests == seed.requests
    block = "第二十条第(五)项"
    damaged = text.replace(block, junk + "\n" + block, 1)
    in_table = parse_report(damaged)
    (named,) = [d for d in in_table.diagnostics if d.code == "row-unplaced"]
    assert damaged.splitlines()[named.line - 1] == junk
    assert in_table.proactive == seed.proactive

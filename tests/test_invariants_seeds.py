"""The five real reports: the exact violations each produces, checked by hand.

000: table 三 follows table 二 with no 「三、…」 heading (line 28).
001, 002: consistent (001's 「(六)其他需要报告的事项」 is a heading in the wrong form, which is
     a parser diagnostic, not a violation).
003: （六）2 逾期未按收费通知要求缴纳费用 = 4 (line 52) while section 六 reads 「(无)」: fee notices
     went out but the report says nothing of 信息处理费 (T3-FEE-LINK), and V2021's section 六
     does not state the fee position (D-FEE-TEXT).  Its prose numbers agree with the tables
     (72 received, 2 carried forward, 行政复议 2件).
004: 「其中行政复议 1 项」 in 总体情况 while table 四's 行政复议 总计 (line 80) is 0.
"""

from __future__ import annotations

import pytest
from support import seed_text

from govdisclosure import check, parse_report

EXPECTED: dict[str, set[tuple[str, str, tuple[str, ...], tuple[int, ...]]]] = {
    "000_cba402df4409a5e2": {("D-SECTIONS", "info", (), (28,))},
    "001_0494dfef68de25df": set(),
    "002_7e0d3285304a6f62": set(),
    "003_d01d2cbab1ffe994": {
        (
            "T3-FEE-LINK",
            "warning",
            (
                "requests.outcomes.other_handling.fee_unpaid.natural_person",
                "requests.outcomes.other_handling.fee_unpaid.total",
                "other_matters",
            ),
            (52, 67),  # the row of （六）2, the heading of section 六
        ),
        ("D-FEE-TEXT", "info", ("other_matters",), (67,)),
    },
    "004_993b10d7eafd07e2": {
        ("D-TEXT", "warning", ("overview", "appeals.reconsideration.total"), (5, 80)),
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED), ids=[n[:3] for n in sorted(EXPECTED)])
def test_seed_violations_are_exactly_the_known_ones(name: str) -> None:
    found = check(parse_report(seed_text(name)))
    assert {(v.rule, v.severity.value, v.fields, v.lines) for v in found} == EXPECTED[name]
    assert len(found) == len(EXPECTED[name])


def test_seed_004_names_the_sentence_and_both_numbers() -> None:
    (v,) = check(parse_report(seed_text("004_993b10d7eafd07e2")))
    assert "其中行政复议 1 项" in v.message
    assert "says 行政复议 1" in v.message and "the table has 行政复议 0" in v.message
    said, table = v.evidence
    assert (said.value, said.fields) == (1, ("overview",))
    assert (table.name, table.value) == ("行政复议", 0)
    assert table.fields == ("appeals.reconsideration.total",)
    assert table.lines and table.lines[0] in v.lines


def test_seed_003_names_the_count_of_unpaid_fee_applications() -> None:
    found = check(parse_report(seed_text("003_d01d2cbab1ffe994")))
    fee = next(v for v in found if v.rule == "T3-FEE-LINK")
    assert "= 4" in fee.message


def test_every_seed_is_covered(seed_name: str) -> None:
    assert seed_name in EXPECTED

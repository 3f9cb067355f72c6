"""check() and check_series() on hand-made defects of a real report (seed 003)."""

from __future__ import annotations

import pytest
from support import seed_text, value_at, with_value

from govdisclosure import Report, Violation, check, check_series, parse_report
from govdisclosure.check.invariants import RULES, rule, t3_ident, t4_sum


@pytest.fixture(scope="module")
def seed() -> Report:
    report = parse_report(seed_text("003_d01d2cbab1ffe994"))
    # leave only table arithmetic to look at: section 六 states the fee position
    return with_value(report, "other_matters.text", "本年度发出收费通知4件，申请人均未缴费。")


def test_the_base_report_is_consistent(seed: Report) -> None:
    assert check(seed) == ()


def test_a_broken_column_identity_names_its_cells_lines_and_numbers(seed: Report) -> None:
    bad = with_value(seed, "requests.carried_over.natural_person", 8)  # 7 in the source
    found = check(bad)
    assert [(v.rule, v.severity) for v in found] == [
        ("T3-IDENT", "error"),
        ("T3-ROWTOTAL", "error"),
    ]
    ident = found[0]
    assert ident.fields == (
        "requests.new_received.natural_person",
        "requests.carried_over.natural_person",
        "requests.outcomes.total.natural_person",
        "requests.carried_forward.natural_person",
    )
    assert ident.lines == (31, 32, 54, 55)
    assert ident.message == "column 自然人: 一 + 二 = （七）总计 + 四 fails, 78 ≠ 77"
    assert "row 二、上年结转政府信息公开申" in found[1].message


def test_a_blank_cell_makes_its_identities_not_assessable_never_passed(seed: Report) -> None:
    blank = with_value(seed, "requests.outcomes.total.commercial", None)
    found = check(blank)
    assert {v.rule for v in found} == {"T3-IDENT", "T3-OUTTOTAL", "T3-ROWTOTAL"}
    assert all(v.severity == "info" and not v.assessable for v in found)
    assert all(v.fields == ("requests.outcomes.total.commercial",) for v in found)
    assert all(v.message.startswith("not assessable (") for v in found)
    assert found[0].lines == (54,)  # where the blank cell stands, as far as the parser knew


def test_violations_are_sorted_errors_first_then_by_rule(seed: Report) -> None:
    bad = with_value(seed, "appeals.reconsideration.total", 3)
    bad = with_value(bad, "requests.new_received.total", None)
    bad = with_value(bad, "requests.outcomes.disclosed.research", 1)
    found = check(bad)
    ranks = [["error", "warning", "info"].index(v.severity) for v in found]
    assert ranks == sorted(ranks)
    errors = [v.rule for v in found if v.severity == "error"]
    assert errors == sorted(errors) and "T4-SUM" in errors
    # table 四's 总计 now disagrees with 「行政复议2件」 in section 一 as well
    assert "D-TEXT" in {v.rule for v in found if v.severity == "warning"}


def test_rule_functions_are_usable_alone(seed: Report) -> None:
    assert t3_ident(seed.requests, seed.template) == ()
    bad = with_value(seed.appeals, "reconsideration.upheld", 0)
    (v,) = t4_sum(bad)
    assert isinstance(v, Violation) and v.lines == ()  # lines come from check(report)
    assert rule("T4-SUM").run(with_value(seed, "appeals", bad)) == (v,)


def test_every_rule_of_the_registry_is_run_by_check() -> None:
    from govdisclosure.check.registry import CROSS_REPORT

    assert {r.id for r in RULES if r.part not in CROSS_REPORT} == {
        r.id for r in RULES if r.part in ("requests", "appeals", "proactive", "report")
    }


def test_check_series_cites_the_line_in_each_report(seed: Report) -> None:
    prev = with_value(seed, "year", 2023)
    cur = with_value(seed, "year", 2024)
    found = check_series([cur, prev])
    carry = [v for v in found if v.rule == "T3-CARRY"]
    # 2023's 四 (2, 0, …, 2) is not 2024's 二 (7, 0, …, 7)
    assert [v.fields for v in carry] == [
        (
            "2024:requests.carried_over.natural_person",
            "2023:requests.carried_forward.natural_person",
        ),
        ("2024:requests.carried_over.total", "2023:requests.carried_forward.total"),
    ]
    assert "(2024 line 32; 2023 line 55)" in carry[0].message
    assert all(v.lines == () for v in found)
    assert {v.rule for v in found} == {"T3-CARRY"}  # 30 in force = 30 + 0 issued − 0 repealed
    more = with_value(cur, "proactive.normative_documents.in_force", 31)
    (stock,) = [v for v in check_series([prev, more]) if v.rule == "T2-STOCK"]
    assert stock.message.endswith("31 ≠ 30 (2024 line 16; 2023 line 16)")
    assert value_at(seed, "proactive.normative_documents.in_force") == 30

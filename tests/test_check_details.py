"""Details of the check stage that mutation testing found untested (issue 11, part 6).

Each test states a behaviour a user sees: the order of violations, the kind of a repair,
which year the body of a report speaks of, the Chinese statement of a rule.
"""

from __future__ import annotations

import datetime

import pytest
from support import SEEDS, seed_text, value_at, with_value

from govdisclosure import Report, check, check_series, locate, parse_report
from govdisclosure.check.invariants import Severity
from govdisclosure.check.locate import RepairKind
from govdisclosure.check.prose import year_evidence
from govdisclosure.check.registry import RULEBOOK, statement_zh
from govdisclosure.model import Section

RANK = [Severity.ERROR, Severity.WARNING, Severity.INFO]


@pytest.fixture(scope="module")
def seed() -> Report:
    return parse_report(seed_text("003_d01d2cbab1ffe994"))


def test_violations_come_by_severity_first_then_rule(seed: Report) -> None:
    found = check(seed)
    # seed 003 has a warning (T3-FEE-LINK) and an info (D-FEE-TEXT) whose rule sorts first
    assert [(v.severity, v.rule) for v in found] == [
        (Severity.WARNING, "T3-FEE-LINK"),
        (Severity.INFO, "D-FEE-TEXT"),
    ]
    for path in SEEDS:
        ranks = [RANK.index(v.severity) for v in check(parse_report(path.read_bytes()))]
        assert ranks == sorted(ranks)


def test_an_error_comes_before_a_warning(seed: Report) -> None:
    found = check(with_value(seed, "requests.new_received.total", 73))
    severities = [v.severity for v in found]
    assert Severity.ERROR in severities and Severity.WARNING in severities
    assert severities.index(Severity.WARNING) > max(
        i for i, s in enumerate(severities) if s is Severity.ERROR
    )


def test_a_longer_number_that_is_no_digit_added_is_a_wrong_cell(seed: Report) -> None:
    key = "requests.new_received.total"
    assert value_at(seed, key) == 72
    (loc,) = locate(with_value(seed, key, 123))  # 3 digits, but no digit of 72 plus one
    (repair,) = loc.fixes[0].repairs
    assert (repair.observed, repair.proposed, repair.kind) == (123, 72, RepairKind.WRONG_CELL)


def test_the_body_year_is_the_one_said_most(seed: Report) -> None:
    text = "2023年，我局……2023年共收到申请。与2022年相比有所增加。"
    report = with_value(seed, "overview", Section("总体情况", text))
    assert year_evidence(report).body == 2023


def test_every_rule_has_its_chinese_statement() -> None:
    for rule in RULEBOOK:
        assert statement_zh(rule.id) == rule.zh != ""
    assert statement_zh("NO-SUCH-RULE") == ""


def test_documents_in_force_carry_over_with_issued_added_and_repealed_taken_away(
    seed: Report,
) -> None:
    prev = with_value(seed, "year", 2023)  # 30 normative documents in force
    cur = with_value(seed, "year", 2024)
    for key, value in (("issued", 3), ("repealed", 1), ("in_force", 32)):  # 30 + 3 − 1
        cur = with_value(cur, f"proactive.normative_documents.{key}", value)
    assert not [v for v in check_series([prev, cur]) if v.rule == "T2-STOCK"]
    wrong = with_value(cur, "proactive.normative_documents.in_force", 33)
    (stock,) = [v for v in check_series([prev, wrong]) if v.rule == "T2-STOCK"]
    assert "33 ≠ 32" in stock.message


def test_the_signing_date_says_which_year_the_report_is_of(seed: Report) -> None:
    assert seed.year == 2024
    late = with_value(seed, "signed_on", datetime.date(2027, 1, 10))
    (year,) = [v for v in check(late) if v.rule == "D-YEAR"]
    assert "signed 2027-01-10 (→ a 2026 report)" in year.message
    assert not [v for v in check(seed) if v.rule == "D-YEAR"]


def test_a_body_without_a_leading_year_is_no_evidence_against_the_year(seed: Report) -> None:
    tie = with_value(seed, "overview", Section("总体情况", "2023年如此，2024年亦然。"))
    assert year_evidence(tie).body is None
    assert not [v for v in check(tie) if v.rule == "D-YEAR"]


def test_applications_carried_over_match_last_years_carried_forward(seed: Report) -> None:
    cur = with_value(seed, "year", 2024)  # 二、上年结转: 7 natural persons, 7 in all
    prev = with_value(seed, "year", 2023)
    for column in ("natural_person", "total"):
        prev = with_value(prev, f"requests.carried_forward.{column}", 7)
    assert not [v for v in check_series([prev, cur]) if v.rule == "T3-CARRY"]


def test_a_broken_identity_is_judged_and_said_so_in_chinese(seed: Report) -> None:
    found = check(with_value(seed, "requests.new_received.total", 73))
    blank = check(with_value(seed, "requests.new_received.research", None))
    assert any(not v.assessable for v in blank)
    assert list(blank.assessable) == [v for v in blank if v.assessable]
    judged = [v for v in found if v.rule == "T3-ROWTOTAL"]
    assert judged and all(v.assessable for v in judged)
    assert judged[0].message_zh == "不符合：" + statement_zh("T3-ROWTOTAL")


def test_a_count_of_minus_one_is_negative(seed: Report) -> None:
    key = "requests.new_received.research"
    found = check(with_value(seed, key, -1))
    assert any(v.fields == (key,) and "is negative" in v.message for v in found)


def test_violations_as_a_frame_and_as_html(seed: Report) -> None:
    pytest.importorskip("pandas")
    found = check(with_value(seed, "requests.new_received.total", 73))
    frame = found.to_frame()
    assert len(frame) == len(found) and "T3-ROWTOTAL" in set(frame["rule"])
    assert "T3-ROWTOTAL" in found._repr_html_()
    assert "consistent" in check(parse_report(seed_text("001_0494dfef68de25df")))._repr_html_()


def test_an_item_change_with_one_blank_is_not_judged_and_names_the_blank() -> None:
    from govdisclosure.check.rules_tables import t2_delta
    from govdisclosure.model import ItemChange, Proactive2019

    judged = t2_delta(Proactive2019(licensing=ItemChange(previous_items=3, change=-4)))
    assert [(v.rule, v.assessable) for v in judged if "licensing" in " ".join(v.fields)] == [
        ("T2-V2019-DELTA", True)  # 3 − 4 < 0
    ]
    found = t2_delta(Proactive2019(licensing=ItemChange(previous_items=3, change=None)))
    (blank,) = [v for v in found if "proactive.licensing.change" in v.fields]
    assert not blank.assessable and blank.fields == ("proactive.licensing.change",)

"""What the prose states: the clauses D-TEXT, D-YEAR, T3-FEE-LINK and D-DEADLINE read."""

from __future__ import annotations

import datetime

import pytest
from support import seed_text, with_value

from govdisclosure import Report, parse_report
from govdisclosure.check.prose import (
    FeeStatement,
    claims,
    fee_statement,
    is_government,
    publication_date,
    year_evidence,
)
from govdisclosure.model import Section


@pytest.fixture(scope="module")
def base() -> Report:
    return parse_report(seed_text("003_d01d2cbab1ffe994"))


def said(base: Report, text: str) -> list[tuple[str, int]]:
    report = with_value(base, "overview", Section("总体情况", text))
    return [(c.phrasing, c.value) for c in claims(report)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("本年共收到政府信息公开申请12件。", [("收到", 12)]),
        ("共收到2件需要按申请程序公开依申请公开件。", [("收到", 2)]),
        ("本年收到政府信息公开申请12件。", [("新收", 12)]),
        ("共收到政府信息依申請公開６件", [("收到", 6)]),  # Traditional, full-width
        ("我局未收到信息公开申请。", [("收到", 0)]),
        ("收到网民留言447条，答复447条。", []),  # not applications
        ("共收到市政协提案115件。", []),
        ("督促指导全区各部门单位依申请公开事项95件。", []),
        ("其中已答复70件、2件结转2025年办理。", [("…件结转下年", 2)]),  # no 申请: not a request
        ("办理申请72件，其中已答复70件、2件结转2025年办理。",
         [("办理/处理", 72), ("办结/答复", 70), ("…件结转下年", 2)]),
        ("结转下年度继续办理3件。", [("结转下年", 3)]),
        ("上年结转申请4件。", [("上年结转", 4)]),
        ("全县全年共受理政府信息公开申请 749 件。", [("受理", 749)]),
        ("全区收到政府信息公开申请75件，涉及自然人72件、商业企业3件。",
         [("收到", 75), ("自然人", 72), ("商业企业", 3)]),
        ("本年新收申请5件，其中法人或其他组织2件。", [("新收", 5), ("法人或其他组织", 2)]),
        ("收到行政复议申请1件。", [("行政复议", 1)]),  # not an information request
        ("行政复议0宗，行政诉讼0宗。", [("行政复议", 0), ("行政诉讼", 0)]),
        ("行政复议2件，其中维持1件、纠正1件。", [("行政复议", 2), ("维持", 1), ("纠正", 1)]),
        ("其中行政复议 1 项。", [("行政复议", 1)]),
        ("未發生政府信息公開事務的行政復議及行政訴訟案。", [("行政复议", 0), ("行政诉讼", 0)]),
        ("未发生行政诉讼事项。", [("行政诉讼", 0)]),
        ("针对行政诉讼、行政复议以及疑难件加强会办。", []),
        ("发 0 份规范性文件。", [("制发…件规范性文件", 0)]),
        ("本年制发行政规范性文件7件。", [("制发规范性文件", 7)]),
        ("现行有效规范性文件12件。", [("现行有效规范性文件", 12)]),
        ("2023年，我市坚持以人民为中心。", []),
    ],
)  # fmt: skip
def test_claims(base: Report, text: str, expected: list[tuple[str, int]]) -> None:
    assert said(base, text) == expected


def test_claims_are_read_from_sub_sections_and_keep_their_clause(base: Report) -> None:
    (c,) = [c for c in claims(base) if c.phrasing == "行政复议"]
    assert (c.field, c.quote, c.value) == ("overview", "行政复议2件", 2)


def test_year_evidence_of_the_seeds(seed_name: str) -> None:
    report = parse_report(seed_text(seed_name))
    ev = year_evidence(report)
    stated = {y for y in (ev.title, ev.period, ev.body) if y is not None}
    assert stated == {report.year}


def test_year_evidence_ignores_a_tie_in_the_body(base: Report) -> None:
    report = with_value(base, "overview", Section("总体情况", "2023年如此，2024年亦然。"))
    assert year_evidence(report).body is None


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        ("(无)", FeeStatement.SILENT),
        ("本年度，我市未收取信息处理费。", FeeStatement.MENTIONED),
        ("2022年未向申請人收取信息處理費。", FeeStatement.MENTIONED),
        ("本年度共发出收费通知3件。", FeeStatement.MENTIONED),
        ("本年度未发出收费通知，未收取费用。", FeeStatement.NO_NOTICE),
    ],
)
def test_fee_statement(text: str, statement: FeeStatement) -> None:
    assert fee_statement(Section("其他需要报告的事项", text)) is statement


def test_publication_date_from_the_signature_else_the_metadata(base: Report) -> None:
    assert publication_date(base) == datetime.date(2025, 1, 22)  # 公开日期 | 2025-01-22
    signed = with_value(base, "signed_on", datetime.date(2025, 2, 1))
    assert publication_date(signed) == datetime.date(2025, 2, 1)
    assert publication_date(with_value(base, "metadata", ())) is None


def test_is_government() -> None:
    assert is_government("安宁市人民政府") is True
    assert is_government("安寧市人民政府") is True
    assert is_government("安宁市人民政府办公室") is False
    assert is_government(None) is None

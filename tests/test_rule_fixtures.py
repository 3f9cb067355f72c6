"""One fixture per rule that no seed breaks: a real report with one value changed, and the rule
that must fire (the unchanged report is the false case).  The values are read off the seeds by
hand: 001 (V2019, 2020, signed 2021-02-02, 行政许可 174 + 3), 002 (V2021, 规范性文件 0 / 0 / 0).
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from support import seed_text, with_value

from govdisclosure import Report, Template, check, parse_report

S001 = "001_0494dfef68de25df"
S002 = "002_7e0d3285304a6f62"

# (seed, [(flat key, new value)], the rules that fire, severity of the first)
FIXTURES: dict[str, tuple[str, list[tuple[str, Any]], set[str]]] = {
    "T3-NONNEG": (S002, [("requests.outcomes.disclosed.natural_person", -1)],
                  {"T3-NONNEG", "T3-OUTTOTAL", "T3-ROWTOTAL"}),
    "T3-V2021-SPLIT": (S002, [("template", Template.V2019)], {"T3-V2021-SPLIT", "D-VERSION"}),
    "T4-NONNEG": (S002, [("appeals.reconsideration.upheld", -1)], {"T4-NONNEG", "T4-SUM"}),
    "T2-INFORCE": (S002, [("proactive.normative_documents.issued", 2)], {"T2-INFORCE"}),
    "T2-V2019-DELTA": (S001, [("proactive.licensing.change", -175)], {"T2-V2019-DELTA"}),
    "D-VERSION": (S001, [("year", 2022)], {"D-VERSION", "D-YEAR"}),
    "D-YEAR": (S001, [("signed_on", datetime.date(2020, 12, 30))], {"D-YEAR"}),
    "D-DEADLINE": (S001, [("signed_on", datetime.date(2021, 6, 1))], {"D-DEADLINE"}),
}  # fmt: skip


def changed(name: str) -> tuple[Report, Report]:
    seed, edits, _rules = FIXTURES[name]
    base = parse_report(seed_text(seed))
    report = base
    for key, value in edits:
        report = with_value(report, key, value)
    return base, report


@pytest.mark.parametrize("name", list(FIXTURES))
def test_the_rule_fires_on_its_fixture_and_not_on_the_seed(name: str) -> None:
    base, report = changed(name)
    before = {v.rule for v in check(base) if v.assessable}
    after = {v.rule for v in check(report) if v.assessable}
    assert name not in before and after - before == FIXTURES[name][2]
    (v, *_) = [v for v in check(report) if v.rule == name]
    assert v.evidence, "every violation carries its evidence"

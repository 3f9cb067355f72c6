"""Registry-driven properties: every rule passes consistent reports, every rule is total and
deterministic on any model, and every violation stays within the keys its rule reads."""

from __future__ import annotations

import re
from fnmatch import fnmatch

import pytest
from hypothesis import given
from strategies import any_reports, consistent_reports, consistent_series

from govdisclosure import Report, Violation, check, check_series, locate, render
from govdisclosure.check.invariants import RULES, Rule, Severity
from govdisclosure.check.registry import CROSS_REPORT

SINGLE = [r for r in RULES if r.part not in CROSS_REPORT]
SERIES = [r for r in RULES if r.part in ("series", "copy")]
_YEAR_PREFIX = re.compile(r"^(\d+|\?):")


def assert_well_formed(rule: Rule, found: tuple[Violation, ...]) -> None:
    for v in found:
        assert isinstance(v, Violation)
        assert v.rule == rule.id
        # a failure carries the rule's severity; an unassessable instance is info
        assert v.severity is (rule.severity if v.assessable else Severity.INFO)
        assert v.message
        for f in v.fields:
            key = _YEAR_PREFIX.sub("", f)
            assert any(fnmatch(key, p) for p in rule.reads), (rule.id, f)


@given(consistent_reports())
def test_a_consistent_report_breaks_no_rule(report: Report) -> None:
    assert check(report) == ()
    assert locate(report) == ()


@given(consistent_series())
def test_a_consistent_series_breaks_no_cross_year_rule(reports: list[Report]) -> None:
    assert check_series(reports) == ()
    assert check_series(reversed(reports)) == ()  # any order


@pytest.mark.parametrize("rule", SINGLE, ids=[r.id for r in SINGLE])
@given(report=any_reports())
def test_every_rule_is_total_and_deterministic(rule: Rule, report: Report) -> None:
    first = rule.run(report)
    assert isinstance(first, tuple)
    assert rule.run(report) == first
    assert_well_formed(rule, first)


@pytest.mark.parametrize("rule", SERIES, ids=[r.id for r in SERIES])
@given(any_reports(), any_reports())
def test_every_cross_year_rule_is_total_and_deterministic(
    rule: Rule, prev: Report, cur: Report
) -> None:
    first = rule.function(prev, cur)
    assert rule.function(prev, cur) == first
    assert_well_formed(rule, first)


@given(any_reports())
def test_check_locate_and_render_are_total(report: Report) -> None:
    found = check(report)
    assert list(found) == sorted(found, key=lambda v: (["error", "warning", "info"].index(
        v.severity), v.rule, v.fields, v.message))  # fmt: skip
    assert check(report) == found
    assert locate(report) == locate(report)
    assert isinstance(render(report, "markdown"), str)

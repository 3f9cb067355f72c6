"""Properties of the document rules and the cross-year rules, by rule id."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import consistent_reports, consistent_series
from support import value_at, with_value

from govdisclosure import Report, Template, check, check_series
from govdisclosure.model import Diagnostic
from govdisclosure.template import HEADINGS, REQUEST_COLUMNS


def rules(report: Report) -> list[str]:
    return [v.rule for v in check(report)]


# --------------------------------------------------------------------------- D-TEXT


@given(consistent_reports(claims=True), st.integers(1, 9))
def test_D_TEXT_prose_that_no_longer_matches_table_四(report: Report, k: int) -> None:
    for key in ("appeals.reconsideration.pending", "appeals.reconsideration.total"):
        report = with_value(report, key, value_at(report, key) + k)
    (v,) = check(report)
    assert (v.rule, v.severity) == ("D-TEXT", "warning")
    assert v.fields == ("overview", "appeals.reconsideration.total")
    assert "行政复议" in v.message


@given(consistent_reports(claims=True), st.integers(1, 9))
def test_D_TEXT_lawsuits_are_the_sum_of_both_litigation_groups(report: Report, k: int) -> None:
    for key in ("appeals.litigation_after_reconsideration.upheld",
                "appeals.litigation_after_reconsideration.total"):  # fmt: skip
        report = with_value(report, key, value_at(report, key) + k)
    (v,) = check(report)
    assert v.rule == "D-TEXT" and "appeals.litigation_direct.total" in v.fields


@given(consistent_reports(claims=True))
def test_D_TEXT_a_blank_table_cell_is_not_assessable(report: Report) -> None:
    blank = with_value(report, "requests.new_received.total", None)
    text = [v for v in check(blank) if v.rule == "D-TEXT"]
    assert len(text) == 1 and not text[0].assessable and text[0].severity == "info"
    assert text[0].fields == ("requests.new_received.total",)


# --------------------------------------------------------------------------- D-YEAR


@given(consistent_reports(), st.integers(1, 3))
def test_D_YEAR_a_title_from_another_year(report: Report, shift: int) -> None:
    assert report.title and report.year
    title = report.title.replace(str(report.year), str(report.year - shift))
    found = check(with_value(report, "title", title))
    assert [v.rule for v in found] == ["D-YEAR"]
    assert str(report.year - shift) in found[0].message


@given(consistent_reports())
def test_D_YEAR_a_signature_in_the_report_year(report: Report) -> None:
    assert report.year
    signed = with_value(report, "signed_on", datetime.date(report.year, 12, 31))
    assert rules(signed) == ["D-YEAR"]


# --------------------------------------------------------------------------- D-VERSION


@given(consistent_reports())
def test_D_VERSION_a_template_out_of_its_years(report: Report) -> None:
    year = 2023 if report.template is Template.V2019 else 2019
    found = check(with_value(report, "year", year))
    assert "D-VERSION" in [v.rule for v in found]
    assert not [v for v in found if v.severity == "error"]


@given(consistent_reports())
def test_D_VERSION_no_year_is_not_assessable(report: Report) -> None:
    (v,) = [v for v in check(with_value(report, "year", None)) if v.rule == "D-VERSION"]
    assert not v.assessable and v.fields == ("year",)


# --------------------------------------------------------------------------- D-SECTIONS


@given(consistent_reports(), st.sampled_from(["problems", "other_matters"]))
def test_D_SECTIONS_an_empty_section(report: Report, key: str) -> None:
    emptied = with_value(report, f"{key}.text", "")
    found = rules(emptied)
    assert "D-SECTIONS" in found
    # an empty section 六 also says nothing of fees
    assert set(found) - {"D-SECTIONS"} <= (
        {"D-FEE-TEXT", "T3-FEE-LINK"} if key == "other_matters" else set()
    )


@given(consistent_reports(), st.sampled_from([h.key for h in HEADINGS]), st.integers(1, 99))
def test_D_SECTIONS_a_missing_heading_or_part(report: Report, key: str, line: int) -> None:
    missing = with_value(report, "missing", (key,))
    assert "D-SECTIONS" in rules(missing)
    diag = Diagnostic("heading-missing", "no heading 三、…", line)
    (v,) = check(with_value(report, "diagnostics", (diag,)))
    assert v.rule == "D-SECTIONS" and v.lines == (line,)


# --------------------------------------------------------------------------- D-DEADLINE


@given(consistent_reports(), st.integers(1, 28))
def test_D_DEADLINE_published_late(report: Report, day: int) -> None:
    assert report.year
    late = with_value(report, "signed_on", datetime.date(report.year + 1, 4, day))
    (v,) = check(late)
    assert (v.rule, v.severity) == ("D-DEADLINE", "info")
    ontime = with_value(report, "signed_on", datetime.date(report.year + 1, 1, day))
    assert check(ontime) == ()


def test_D_DEADLINE_departments_by_january_governments_by_march() -> None:
    from govdisclosure.check.invariants import d_deadline

    def dated(organ: str, month: int) -> Report:
        from support import seed_text

        from govdisclosure import parse_report

        report = parse_report(seed_text("001_0494dfef68de25df"))  # a 2020 report
        report = with_value(report, "organ", organ)
        return with_value(report, "signed_on", datetime.date(2021, month, 15))

    assert d_deadline(dated("安宁市人民政府", 2)) == ()
    assert d_deadline(dated("安宁市人民政府", 4)) != ()
    assert d_deadline(dated("安宁市教育局", 2)) != ()
    assert d_deadline(dated("安宁市教育局", 1)) == ()


# --------------------------------------------------------------------------- D-FEE-TEXT


@given(consistent_reports(version=Template.V2021))
def test_D_FEE_TEXT_section_六_silent_on_fees(report: Report) -> None:
    silent = with_value(report, "other_matters.text", "无其他需要报告的事项。")
    assert "D-FEE-TEXT" in rules(silent)


@given(consistent_reports(version=Template.V2019))
def test_D_FEE_TEXT_does_not_apply_to_V2019(report: Report) -> None:
    assert rules(with_value(report, "other_matters.text", "无其他需要报告的事项。")) == []


# --------------------------------------------------------------------------- series


@given(consistent_series(2), st.sampled_from([c.key for c in REQUEST_COLUMNS]), st.data())
def test_T3_CARRY_last_years_carried_forward_is_this_years_carried_over(
    reports: list[Report], column: str, data: st.DataObject
) -> None:
    prev, cur = reports
    key = f"requests.carried_over.{column}"
    new = data.draw(st.integers(0, 99).filter(lambda v: v != value_at(cur, key)))
    found = check_series([prev, with_value(cur, key, new)])
    (v,) = found
    assert v.rule == "T3-CARRY" and v.severity == "error"  # two years' tables disagree
    assert v.fields == (f"{cur.year}:{key}", f"{prev.year}:requests.carried_forward.{column}")


@given(consistent_series(2))
def test_T2_STOCK_documents_in_force_carry_over(reports: list[Report]) -> None:
    prev, cur = reports
    if type(prev.proactive) is not type(cur.proactive):
        assert check_series(reports) == ()  # V2019 → V2021: different quantities
        return
    stock = "in_force" if cur.template is Template.V2021 else "total_published"
    key = f"proactive.normative_documents.{stock}"
    (v,) = check_series([prev, with_value(cur, key, value_at(cur, key) + 1)])
    assert v.rule == "T2-STOCK" and f"{cur.year}:{key}" in v.fields


@given(consistent_series(2))
def test_T2_ITEMS_V2019_item_counts_carry_over(reports: list[Report]) -> None:
    prev, cur = reports
    if prev.template is not Template.V2019 or cur.template is not Template.V2019:
        return
    key = "proactive.licensing.previous_items"
    (v,) = check_series([prev, with_value(cur, key, value_at(cur, key) + 1)])
    assert v.rule == "T2-ITEMS"


@given(consistent_series(3))
def test_series_gaps_are_not_assessable_and_duplicates_refused(reports: list[Report]) -> None:
    first, _middle, last = reports
    found = check_series([first, last])
    assert {v.rule for v in found} == {"T3-CARRY", "T2-STOCK", "T2-ITEMS"}
    assert all(not v.assessable and v.severity == "info" for v in found)
    with pytest.raises(ValueError, match="two reports for one year"):
        check_series([first, first])
    with pytest.raises(ValueError, match="year"):
        check_series([first, with_value(last, "year", None)])

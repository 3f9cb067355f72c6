"""Properties of the table rules, by rule id, and of locate() on one changed cell.

For tables 三 and 四: changing any one number cell of a consistent report breaks exactly the
identities that cell stands in (each violation names it), and locate() names the cell and
its true value.  In table 三 that is always identifiable (every cell's set of identities is
its own); in table 四 only when non-negativity excludes the other cells of its group, so
there the cell must be among the fixes and be the fix whenever the fix is unique.
"""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st
from strategies import consistent_reports, request_keys
from support import value_at, with_value

from govdisclosure import Report, Template, check, locate
from govdisclosure.check.locate import RepairKind
from govdisclosure.template import appeal_fields
from govdisclosure.template.identities import appeal_equations, request_equations, rows_of


def _typos(old: int) -> list[tuple[int, RepairKind]]:
    """Every one-keystroke slip of ``old`` written without a leading zero, with its kind."""
    text = str(old)
    slips = [(text[:i] + text[i + 1 :], RepairKind.DROPPED_DIGIT) for i in range(len(text))]
    slips += [(text[:i] + d + text[i:], RepairKind.EXTRA_DIGIT)
              for i in range(len(text) + 1) for d in "0159"]  # fmt: skip
    slips += [
        (text[:i] + text[i + 1] + text[i] + text[i + 2 :], RepairKind.TRANSPOSED)
        for i in range(len(text) - 1)
        if text[i] != text[i + 1]
    ]
    return [(int(t), kind) for t, kind in slips if t and t == str(int(t))]


def slipped(old: int) -> st.SearchStrategy[tuple[int, RepairKind | None]]:
    """Another non-negative value: a typo of the digits (with its kind), or any number."""
    other = st.integers(0, 2 * old + 20).filter(lambda v: v != old).map(lambda v: (v, None))
    typos = _typos(old)
    return (st.sampled_from(typos) | other) if typos else other


def changed(old: int) -> st.SearchStrategy[int]:
    return slipped(old).map(lambda pair: pair[0])


def errors(report: Report) -> set[tuple[str, tuple[str, ...]]]:
    return {(v.rule, v.fields) for v in check(report) if v.severity == "error"}


def request_identities(
    report: Report, rule: str | None = None
) -> list[tuple[str, tuple[str, ...]]]:
    rows = rows_of(report.requests, report.template)
    return [(e.rule, e.keys) for e in request_equations(rows) if rule in (None, e.rule)]


def change_one_cell_of(
    rule: str, report: Report, data: st.DataObject
) -> tuple[str, set[tuple[str, tuple[str, ...]]]]:
    """Change one cell that stands in ``rule``'s identities: (the cell, the broken ones)."""
    identities = request_identities(report, rule)
    key = data.draw(st.sampled_from(sorted({k for _r, ks in identities for k in ks})))
    bad = with_value(report, key, data.draw(changed(value_at(report, key))))
    found = {(r, f) for r, f in errors(bad) if r == rule}
    assert found == {(r, ks) for r, ks in identities if key in ks}
    return key, found


# --------------------------------------------------------------------------- T3-IDENT


@given(consistent_reports(), st.data())
def test_T3_IDENT_a_changed_cell_of_rows_一_二_七_四_breaks_its_column(
    report: Report, data: st.DataObject
) -> None:
    _key, found = change_one_cell_of("T3-IDENT", report, data)
    assert len(found) == 1


# --------------------------------------------------------------------------- T3-OUTTOTAL


@given(consistent_reports(), st.data())
def test_T3_OUTTOTAL_a_changed_outcome_cell_breaks_its_column(
    report: Report, data: st.DataObject
) -> None:
    key, found = change_one_cell_of("T3-OUTTOTAL", report, data)
    column = key.rsplit(".", 1)[1]
    assert len(found) == 1
    assert all(k.endswith("." + column) for _r, f in found for k in f)


# --------------------------------------------------------------------------- T3-ROWTOTAL


@given(consistent_reports(), st.data())
def test_T3_ROWTOTAL_a_changed_cell_breaks_its_row(report: Report, data: st.DataObject) -> None:
    key = data.draw(st.sampled_from(request_keys(report.template)))
    bad = with_value(report, key, data.draw(changed(value_at(report, key))))
    found = {(r, f) for r, f in errors(bad) if r == "T3-ROWTOTAL"}
    (only,) = found
    assert key in only[1]
    row = key.rsplit(".", 1)[0]
    assert all(k.startswith(row + ".") for k in only[1])


# --------------------------------------------------------------------------- table 三, all rules


@given(consistent_reports(), st.data())
def test_T3_any_changed_cell_breaks_exactly_its_identities_and_is_located(
    report: Report, data: st.DataObject
) -> None:
    key = data.draw(st.sampled_from(request_keys(report.template)))
    old = value_at(report, key)
    new, kind = data.draw(slipped(old))
    bad = with_value(report, key, new)
    expected = {(r, ks) for r, ks in request_identities(report) if key in ks}
    assert errors(bad) == expected
    assert all(key in fields for _r, fields in expected) and len(expected) in (2, 3)
    (loc,) = locate(bad)
    assert loc.table == "三" and loc.size == 1 and loc.unique
    (repair,) = loc.fixes[0].repairs
    assert (repair.field, repair.observed, repair.proposed) == (key, new, old)
    if kind is not None:  # a slip of the keyboard is named as such
        assert repair.kind is kind


# --------------------------------------------------------------------------- T3-NONNEG


@given(consistent_reports(), st.data())
def test_T3_NONNEG_a_negative_cell_is_named(report: Report, data: st.DataObject) -> None:
    key = data.draw(st.sampled_from(request_keys(report.template)))
    bad = with_value(report, key, -data.draw(st.integers(1, 10**6)))
    assert {f for r, f in errors(bad) if r == "T3-NONNEG"} == {(key,)}
    (loc,) = locate(bad)
    assert loc.unique and loc.fixes[0].repairs[0].proposed == value_at(report, key)


# --------------------------------------------------------------------------- T3-V2021-SPLIT


@given(consistent_reports())
def test_T3_V2021_SPLIT_table_三_of_the_other_template(report: Report) -> None:
    other = Template.V2019 if report.template is Template.V2021 else Template.V2021
    found = check(with_value(report, "template", other))
    split = [v for v in found if v.rule == "T3-V2021-SPLIT"]
    assert len(split) == 1 and split[0].severity == "error"  # table 二 and 三 disagree
    assert all(f.startswith("requests.outcomes.other_handling.") for f in split[0].fields)
    # the arithmetic follows the table as laid out, so it still holds
    assert [v.rule for v in found if v.severity == "error"] == ["T3-V2021-SPLIT"]


# --------------------------------------------------------------------------- T3-FEE-LINK


def add_applications(report: Report, row: str, column: str, k: int) -> Report:
    """``k`` more applications in one cell of table 三, kept consistent (carried over from
    last year, so that the number of new applications section 一 states stays true)."""
    for key in (
        f"requests.{row}.{column}",
        f"requests.{row}.total",
        f"requests.outcomes.total.{column}",
        "requests.outcomes.total.total",
        f"requests.carried_over.{column}",
        "requests.carried_over.total",
    ):
        report = with_value(report, key, value_at(report, key) + k)
    return report


@given(consistent_reports(version=Template.V2021), st.integers(1, 50), st.sampled_from(
    ["natural_person", "commercial", "other"]))  # fmt: skip
def test_T3_FEE_LINK_unpaid_fees_with_a_silent_section_六(
    report: Report, k: int, column: str
) -> None:
    fees = add_applications(report, "outcomes.other_handling.fee_unpaid", column, k)
    assert check(fees) == ()  # section 六 speaks of 信息处理费
    silent = with_value(fees, "other_matters.text", "(无)")
    found = {v.rule: v for v in check(silent)}
    assert set(found) == {"T3-FEE-LINK", "D-FEE-TEXT"}
    assert f"requests.outcomes.other_handling.fee_unpaid.{column}" in found["T3-FEE-LINK"].fields
    no_notice = with_value(fees, "other_matters.text", "本年度未发出收费通知，未收取信息处理费。")
    assert [v.rule for v in check(no_notice)] == ["T3-FEE-LINK"]
    unpaid = value_at(report, "requests.outcomes.other_handling.fee_unpaid.total")
    assert [v.rule for v in check(with_value(report, "other_matters.text", "(无)"))] == (
        ["T3-FEE-LINK", "D-FEE-TEXT"] if unpaid else ["D-FEE-TEXT"]
    )


# --------------------------------------------------------------------------- T4-SUM


@given(consistent_reports(), st.data())
def test_T4_SUM_a_changed_cell_breaks_its_group_and_is_among_the_fixes(
    report: Report, data: st.DataObject
) -> None:
    key = data.draw(st.sampled_from([k for k, _g, _c in appeal_fields()]))
    old = value_at(report, key)
    new = data.draw(changed(old))
    bad = with_value(report, key, new)
    group = key.rsplit(".", 1)[0]
    (identity,) = [e.keys for e in appeal_equations() if key in e.keys]
    assert errors(bad) == {("T4-SUM", identity)}
    (loc,) = locate(bad)
    assert loc.table.startswith("四") and loc.size == 1
    candidates = {(r.field, r.proposed) for f in loc.fixes for r in f.repairs}
    assert (key, old) in candidates
    assert all(field.startswith(group + ".") for field, _v in candidates)
    if loc.unique:
        assert candidates == {(key, old)}
    else:
        assert "cannot be told" in loc.message


# --------------------------------------------------------------------------- T4-NONNEG


@given(consistent_reports(), st.data())
def test_T4_NONNEG_a_negative_cell_is_named(report: Report, data: st.DataObject) -> None:
    key = data.draw(st.sampled_from([k for k, _g, _c in appeal_fields()]))
    bad = with_value(report, key, -data.draw(st.integers(1, 99)))
    assert {f for r, f in errors(bad) if r == "T4-NONNEG"} == {(key,)}


# --------------------------------------------------------------------------- table 二


@given(consistent_reports(), st.data())
def test_T2_NONNEG_a_negative_count_or_amount_is_named(report: Report, data: st.DataObject) -> None:
    from govdisclosure.template import spec

    fields = [(k, kind) for k, _b, _r, c in spec(report.template).proactive_fields()
              if (kind := c.kind) != "signed"]  # fmt: skip
    key, kind = data.draw(st.sampled_from(fields))
    if kind == "money":
        from decimal import Decimal

        bad = with_value(report, key, Decimal("-0.5"))
    else:
        bad = with_value(report, key, -1)
    assert {f for r, f in errors(bad) if r == "T2-NONNEG"} == {(key,)}


@given(
    consistent_reports(version=Template.V2021), st.sampled_from(["rules", "normative_documents"])
)
def test_T2_INFORCE_fewer_in_force_than_issued(report: Report, row: str) -> None:
    repealed = value_at(report, f"proactive.{row}.repealed")
    issued = value_at(report, f"proactive.{row}.in_force") + repealed + 1
    bad = with_value(report, f"proactive.{row}.issued", issued)
    found = check(bad)
    (v,) = [v for v in found if v.rule == "T2-INFORCE"]
    # section 一 may state the number of documents issued: it now disagrees (D-TEXT)
    assert {w.rule for w in found} - {"T2-INFORCE"} <= {"D-TEXT"}
    keys = tuple(f"proactive.{row}.{c}" for c in ("issued", "in_force", "repealed"))
    assert (v.rule, v.severity, v.fields) == ("T2-INFORCE", "error", keys)
    assert [e.value for e in v.evidence] == [issued - 1, issued]
    # fewer in force than issued, explained by the documents repealed: no violation
    explained = with_value(bad, f"proactive.{row}.repealed", repealed + 1)
    assert "T2-INFORCE" not in [w.rule for w in check(explained)]


@given(consistent_reports(version=Template.V2019), st.sampled_from(
    ["licensing", "other_services", "punishment", "coercion", "fees"]))  # fmt: skip
def test_T2_V2019_DELTA_more_items_removed_than_there_were(report: Report, row: str) -> None:
    before = value_at(report, f"proactive.{row}.previous_items")
    bad = with_value(report, f"proactive.{row}.change", -before - 1)
    assert errors(bad) == {
        ("T2-V2019-DELTA", (f"proactive.{row}.previous_items", f"proactive.{row}.change"))
    }
    assume(before > 0)
    assert check(with_value(report, f"proactive.{row}.change", -before)) == ()

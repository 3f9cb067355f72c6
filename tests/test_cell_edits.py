"""Issue 11, part 1: a blank, text, deleted or added cell never makes another number wrong.

The reproducers of the audit (each failed on 0.1), then the property: any one-cell edit of a
seed or of a generated report (blank, 「/」, 「暂无」, 「–」, 「*」, 「〇」, deleted, duplicated,
swapped) changes no other field to a different number, leaves a diagnostic on every line that
lost a value, and is refused by ``strict=True`` unless the numbers are what the cells print.
``benchmarks/audit_cells.py`` runs every edit of every seed.
"""

from __future__ import annotations

from typing import Any

import pytest
from cell_edits import KINDS, edits, judge
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from strategies import consistent_reports
from support import SEED_NAMES, seed_text

from govdisclosure import ParseError, Report, flatten, parse_report, render
from govdisclosure.write.render import Layout

SEEDS = {name[:3]: seed_text(name) for name in SEED_NAMES}
NT = "proactive.normative_documents"
NEW = "requests.new_received"
OUT_TOTAL = "requests.outcomes.total"
APPLICANTS = ("natural_person", "commercial", "research", "nonprofit", "legal_services", "other")


def edited(seed: str, old: str, new: str) -> str:
    text = SEEDS[seed]
    assert old in text
    return text.replace(old, new, 1)


def fields(report: Report, *keys: str) -> dict[str, Any]:
    flat = flatten(report)
    return {k: flat[k] for k in keys}


def codes_on(report: Report, line: int) -> set[str]:
    return {d.code for d in report.diagnostics if d.line == line}


# ---------------------------------------------------------------- the audit's reproducers


@pytest.mark.parametrize("fill", ["", "暂无", "–"])
def test_a_blank_cell_does_not_glue_its_neighbours(fill: str) -> None:
    # 0.1: the digits 7 and 23 were joined to '723' and split anew: repealed=2, in_force=3
    text = edited("000", "行政規范性文件 | 7 | 7 | 23 |", f"行政規范性文件 | {fill} | 7 | 23 |")
    report = parse_report(text)
    assert fields(report, f"{NT}.issued", f"{NT}.repealed", f"{NT}.in_force") == {
        f"{NT}.issued": None,
        f"{NT}.repealed": 7,
        f"{NT}.in_force": 23,
    }
    assert codes_on(report, 17) & {"cell-blank", "cell-placeholder"}
    assert "cells-split" not in {d.code for d in report.diagnostics}


def test_a_blank_cell_does_not_resplit_a_zero_run() -> None:
    # 0.1: 'digits 030 split' into issued=0, repealed=3, in_force=0
    text = edited("003", "行政规范性文件 | 0 | 0 | 30 |", "行政规范性文件 |  | 0 | 30 |")
    report = parse_report(text)
    assert fields(report, f"{NT}.issued", f"{NT}.repealed", f"{NT}.in_force") == {
        f"{NT}.issued": None,
        f"{NT}.repealed": 0,
        f"{NT}.in_force": 30,
    }


def test_a_row_with_a_deleted_cell_is_not_left_aligned() -> None:
    # 0.1: other=6 (the total's 6), total=None, and only 'total is blank' said
    old = "一、本年新收政府信息公開申請數量 | 6 | 0 | 0 | 0 | 0 | 0 | 6 | ||"
    new = "一、本年新收政府信息公開申請數量 | 0 | 0 | 0 | 0 | 0 | 6 | ||"
    report = parse_report(edited("000", old, new))
    values = fields(report, *(f"{NEW}.{c}" for c in (*APPLICANTS, "total")))
    assert set(values.values()) == {None}
    assert "row-unplaced" in codes_on(report, 31)


def test_a_blank_cell_in_a_shifted_row_is_not_placed_by_the_other_rows() -> None:
    # seed 004's (七) row puts its values one cell left of the other rows; 0.1 placed the
    # blanked row by the others' shape: natural_person=0, other=2
    old = "(七) 总计\t2\t0\t0\t0\t0\t0\t2\t\t"
    new = "(七) 总计\t\t0\t0\t0\t0\t0\t2\t\t"
    report = parse_report(edited("004", old, new))
    values = fields(report, *(f"{OUT_TOTAL}.{c}" for c in (*APPLICANTS, "total")))
    assert all(v is None for k, v in values.items() if not k.endswith((".commercial", ".total")))
    assert values[f"{OUT_TOTAL}.total"] in (None, 2)
    assert "row-unplaced" in codes_on(report, 72)


def test_a_text_cell_blanks_only_its_own_column() -> None:
    # 0.1: all seven fields 'is blank', though natural_person is 70
    old = "一、本年新收政府信息公开申请数量 | 70 | 2 | 0 | 0 | 0 | 0 | 72 | ||"
    new = "一、本年新收政府信息公开申请数量 | 70 | 2 | 0 | 0 | 0 | 0 | 暂无 | ||"
    report = parse_report(edited("003", old, new))
    assert fields(report, f"{NEW}.natural_person", f"{NEW}.commercial", f"{NEW}.total") == {
        f"{NEW}.natural_person": 70,
        f"{NEW}.commercial": 2,
        f"{NEW}.total": None,
    }
    said = [d for d in report.diagnostics if d.line == 31]
    assert [(d.code, d.field) for d in said] == [("cell-placeholder", f"{NEW}.total")]


def test_a_text_cell_in_table_two_is_a_placeholder_and_strict_refuses_it() -> None:
    # 0.1: accepted with strict=True, all three fields None, no diagnostic at all
    text = edited("003", "规章 | 0 | 0 | 0 |", "规章 | 0 | 0 | 暂无 |")
    report = parse_report(text)
    r = "proactive.rules"
    assert fields(report, f"{r}.issued", f"{r}.repealed", f"{r}.in_force") == {
        f"{r}.issued": 0,
        f"{r}.repealed": 0,
        f"{r}.in_force": None,
    }
    with pytest.raises(ParseError) as err:
        parse_report(text, strict=True)
    assert err.value.code == "cell-placeholder"
    assert "proactive.rules.in_force" in str(err.value)
    assert err.value.line == 15


@pytest.mark.parametrize("cell", ["70.0", "٧٠", "70件", "3.5"])
def test_strict_refuses_a_cell_that_is_not_its_plain_digits(cell: str) -> None:
    # 0.1 accepted 70.0, ٧٠ and 70件 silently, and refused 3.5
    old = "一、本年新收政府信息公开申请数量 | 70 |"
    text = edited("003", old, f"一、本年新收政府信息公开申请数量 | {cell} |")
    with pytest.raises(ParseError) as err:
        parse_report(text, strict=True)
    assert err.value.code in ("cell-inexact", "cell-fraction")
    assert f"{NEW}.natural_person" in str(err.value) and err.value.line == 31
    report = parse_report(text)
    assert [d.field for d in report.diagnostics if d.line == 31] == [f"{NEW}.natural_person"]


def test_full_width_digits_are_exact() -> None:
    row = "一、本年新收政府信息公开申请数量 | "
    text = edited("003", f"{row}70 |", f"{row}７０ |")
    assert flatten(parse_report(text, strict=True))[f"{NEW}.natural_person"] == 70


def test_a_lone_number_cell_is_not_split_when_the_row_has_cells_for_every_column() -> None:
    # 「300」 in a row of three cells is one number, not 3 | 0 | 0
    text = edited("003", "行政规范性文件 | 0 | 0 | 30 |", "行政规范性文件 |  |  | 300 |")
    report = parse_report(text)
    assert flatten(report)[f"{NT}.in_force"] == 300
    assert "cells-split" not in {d.code for d in report.diagnostics}


# ---------------------------------------------------------------- the property


def test_every_seed_has_cells_to_edit() -> None:
    for name, text in SEEDS.items():
        assert list(edits(text, parse_report(text), KINDS)), name


def _assert_kept(text: str, kinds: tuple[str, ...], picks: list[int]) -> None:
    original = parse_report(text)
    every = list(edits(text, original, kinds))
    assume(every)  # e.g. only swaps, in a report whose neighbouring cells are all equal
    for i in picks:
        edit = every[i % len(every)]
        assert judge(edit, original) == [], (edit.line, edit.cell, edit.kind)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.sampled_from(sorted(SEEDS)),
    kinds=st.lists(st.sampled_from(KINDS), min_size=1, max_size=3, unique=True),
    picks=st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=3),
)
def test_one_cell_edits_of_the_seeds_keep_every_promise(
    seed: str, kinds: list[str], picks: list[int]
) -> None:
    _assert_kept(SEEDS[seed], tuple(kinds), picks)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    report=consistent_reports(),
    layout=st.builds(
        Layout,
        cells=st.sampled_from(["pipe", "tab", "markdown"]),
        traditional=st.booleans(),
        fullwidth=st.booleans(),
    ),
    kinds=st.lists(st.sampled_from(KINDS), min_size=1, max_size=3, unique=True),
    picks=st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=3),
)
def test_one_cell_edits_of_generated_reports_keep_every_promise(
    report: Report, layout: Layout, kinds: list[str], picks: list[int]
) -> None:
    _assert_kept(render(report, layout), tuple(kinds), picks)

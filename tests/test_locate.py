"""locate(): the minimal fixes, their kinds, ambiguity said out loud (examples on seed 003)."""

from __future__ import annotations

import pytest
from support import seed_text, value_at, with_value

from govdisclosure import Report, locate, parse_report
from govdisclosure.check.locate import MAX_FIXES, RepairKind


@pytest.fixture(scope="module")
def seed() -> Report:
    return parse_report(seed_text("003_d01d2cbab1ffe994"))


def test_the_seeds_need_no_fix(seed_name: str) -> None:
    assert locate(parse_report(seed_text(seed_name))) == ()


@pytest.mark.parametrize(
    ("key", "written", "kind"),
    [
        ("requests.new_received.total", 27, RepairKind.TRANSPOSED),  # 72
        ("requests.new_received.natural_person", 7, RepairKind.DROPPED_DIGIT),  # 70
        ("requests.outcomes.total.total", 717, RepairKind.EXTRA_DIGIT),  # 77
        ("requests.outcomes.other_handling.other.natural_person", 61, RepairKind.TRANSPOSED),
        ("requests.outcomes.withheld.state_secret.commercial", 5, RepairKind.WRONG_CELL),  # 0
        ("requests.carried_forward.research", 3, RepairKind.WRONG_CELL),  # 0
    ],
)
def test_one_wrong_cell_of_table_三_is_found_with_its_kind_and_line(
    seed: Report, key: str, written: int, kind: RepairKind
) -> None:
    truth = value_at(seed, key)
    (loc,) = locate(with_value(seed, key, written))
    assert loc.table == "三" and loc.size == 1 and loc.unique
    (repair,) = loc.fixes[0].repairs
    assert (repair.field, repair.observed, repair.proposed, repair.kind) == (
        key,
        written,
        truth,
        kind,
    )
    assert repair.line == seed.locations[key].line
    assert key in loc.message and "cannot be told" not in loc.message


def test_two_adjacent_cells_merged(seed: Report) -> None:
    # 「70 | 2」 read as 「702 | 0」
    bad = with_value(with_value(seed, "requests.new_received.natural_person", 702),
                     "requests.new_received.commercial", 0)  # fmt: skip
    (loc,) = locate(bad)
    assert loc.unique and loc.size == 2
    assert {(r.field, r.proposed, r.kind) for r in loc.fixes[0].repairs} == {
        ("requests.new_received.natural_person", 70, RepairKind.MERGED),
        ("requests.new_received.commercial", 2, RepairKind.MERGED),
    }


def test_a_cell_split_over_two(seed: Report) -> None:
    # 「70」 read as 「7 | 0」, pushing the 2 of 商业企业 out
    bad = with_value(with_value(seed, "requests.new_received.natural_person", 7),
                     "requests.new_received.commercial", 0)  # fmt: skip
    (loc,) = locate(bad)
    assert {r.kind for r in loc.fixes[0].repairs} == {RepairKind.SPLIT}


def test_two_distant_wrong_cells_are_both_found(seed: Report) -> None:
    bad = with_value(with_value(seed, "requests.outcomes.disclosed.natural_person", 32),
                     "requests.outcomes.not_processed.duplicate.total", 4)  # fmt: skip
    (loc,) = locate(bad)
    assert loc.unique and loc.size == 2
    assert {(r.field, r.proposed) for r in loc.fixes[0].repairs} == {
        ("requests.outcomes.disclosed.natural_person", 23),
        ("requests.outcomes.not_processed.duplicate.total", 1),
    }


def test_table_四_says_when_the_wrong_cell_cannot_be_told(seed: Report) -> None:
    (loc,) = locate(with_value(seed, "appeals.reconsideration.upheld", 3))
    assert loc.table == "四 行政复议" and loc.size == 1 and not loc.unique
    assert loc.count == 2
    assert {(r.field, r.proposed) for f in loc.fixes for r in f.repairs} == {
        ("appeals.reconsideration.upheld", 2),
        ("appeals.reconsideration.total", 3),
    }
    assert "cannot be told" in loc.message


def test_table_四_non_negativity_can_single_out_the_total(seed: Report) -> None:
    # 结果维持 2, 总计 written 0: only the total can be wrong (维持 −2 is impossible)
    (loc,) = locate(with_value(seed, "appeals.reconsideration.total", 0))
    assert loc.count == 2  # 总计 → 2, or 结果维持 → 0
    bad = with_value(with_value(seed, "appeals.litigation_direct.upheld", 1),
                     "appeals.litigation_direct.corrected", 1)  # fmt: skip
    bad = with_value(bad, "appeals.litigation_direct.total", 0)
    (loc,) = locate(bad)
    assert loc.unique
    assert [(r.field, r.proposed) for r in loc.fixes[0].repairs] == [
        ("appeals.litigation_direct.total", 2)
    ]


def test_blank_cells_take_their_identities_out(seed: Report) -> None:
    blank = with_value(seed, "requests.new_received.total", None)
    assert locate(blank) == ()
    bad = with_value(blank, "requests.new_received.natural_person", 71)
    (loc,) = locate(bad)  # the column identity still fails; the row total is not assessable
    assert any(
        r.field == "requests.new_received.natural_person" and r.proposed == 70
        for f in loc.fixes
        for r in f.repairs
    )
    assert not any("ROWTOTAL row 一" in f for f in loc.failing)


def test_too_many_wrong_cells_are_not_localised(seed: Report) -> None:
    bad = seed
    for key in (
        "requests.new_received.natural_person",
        "requests.outcomes.disclosed.commercial",
        "requests.outcomes.withheld.state_secret.research",
        "requests.carried_forward.other",
    ):
        bad = with_value(bad, key, value_at(bad, key) + 5)
    (loc,) = locate(bad)
    assert loc.size is None and loc.count == 0 and "not localised" in loc.message
    (loc,) = locate(bad, max_cells=4)
    assert loc.size == 4 and loc.unique


def test_many_fixes_are_counted_and_the_list_is_capped(seed: Report) -> None:
    # 总计 of 行政复议 far too high: any of the five cells could absorb it
    (loc,) = locate(with_value(seed, "appeals.reconsideration.total", 9))
    assert loc.count == 5 and len(loc.fixes) == 5 <= MAX_FIXES

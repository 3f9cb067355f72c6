"""Splitting glued digit runs (issue 5 class 3)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from govdisclosure.bind.split import split_run, total_rule

ROW = [(7, total_rule)]
TABLE4 = [(5, total_rule)] * 3


def test_unique_split_by_row_total() -> None:
    assert split_run("12300000123", ROW).unique == (123, 0, 0, 0, 0, 0, 123)


def test_ambiguous_without_a_rule() -> None:
    result = split_run("1245", [(3, None)])
    assert result.unique is None
    assert set(result.candidates) == {(1, 2, 45), (1, 24, 5), (12, 4, 5)}


def test_no_leading_zeros_and_boundaries() -> None:
    assert split_run("000", [(3, None)]).unique == (0, 0, 0)
    assert split_run("0030", [(3, None)]).unique == (0, 0, 30)
    assert split_run("1230", [(2, None)], boundaries=frozenset({2})).unique == (12, 30)


def test_impossible_run_has_no_candidate() -> None:
    result = split_run("1200030000103", TABLE4)  # 13 digits cannot fill 15 cells
    assert result.candidates == () and result.complete


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=999), min_size=6, max_size=6))
def test_a_consistent_row_is_among_the_candidates(six: list[int]) -> None:
    row = (*six, sum(six))
    result = split_run("".join(map(str, row)), ROW)
    assert row in result.candidates or not result.complete
    for cand in result.candidates:  # every candidate satisfies the rule and the digits
        assert total_rule(cand) and "".join(map(str, cand)) == "".join(map(str, row))

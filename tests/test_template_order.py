"""The template grammar (grammars/template.lark): which anchors start a part of the report.

Stage tests: tokens in, part starts out, without a whole report.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from lark import Token

from govdisclosure import template as T
from govdisclosure.parse.grammar import grammar_text
from govdisclosure.parse.template_order import TEMPLATE_GRAMMAR, part_starts

ANCHOR_TYPES = (
    "T2_BLOCK",
    "T2_HEADER",
    "T2_ROW",
    "T3_START",
    "T3_GROUP",
    "T3_ROW",
    "T3_FIRST",
    "T4_HEADER",
)
HEADING_TYPES = tuple("HEADING_" + h.key.upper() for h in T.HEADINGS)


def tokens(*types: str) -> list[Token]:
    """One token per type, at offsets 0, 10, 20, … (each 5 characters long)."""
    return [Token(t, t, 10 * i, end_pos=10 * i + 5) for i, t in enumerate(types)]


def starts(*types: str) -> list[int]:
    """The indexes of the tokens that start a part (a heading counts once)."""
    cuts = set(part_starts(tokens(*types)).cuts)
    return [i for i in range(len(types)) if 10 * i in cuts]


def test_every_heading_of_the_template_is_a_terminal_of_the_grammar() -> None:
    declared = set(re.findall(r"\b[A-Z][A-Z0-9_]+\b", grammar_text(TEMPLATE_GRAMMAR)))
    assert set(HEADING_TYPES) <= declared
    assert set(ANCHOR_TYPES) <= declared


def test_a_heading_starts_a_line_and_ends_one() -> None:
    parts = part_starts(tokens("HEADING_OVERVIEW"))
    assert set(parts.cuts) == {0, 5}


def test_a_row_label_in_prose_starts_nothing() -> None:
    # 「行政许可」 in section 一's prose, then the same label in table 二
    got = starts(
        "HEADING_OVERVIEW", "T2_ROW", "HEADING_PROACTIVE", "T2_BLOCK", "T2_HEADER", "T2_ROW"
    )
    assert got == [0, 2, 3, 4, 5]


def test_table_two_blocks_and_rows_before_the_first_title() -> None:
    got = starts("HEADING_PROACTIVE", "T2_ROW", "T2_BLOCK", "T2_ROW", "T2_BLOCK", "T2_HEADER")
    assert got == [0, 1, 2, 3, 4, 5]


def test_table_two_without_its_heading_starts_at_a_block_title() -> None:
    assert starts("T2_ROW", "T2_BLOCK", "T2_ROW") == [1, 2]


def test_table_three_lost_after_table_two_starts_at_its_first_row() -> None:
    # a row of table 三 not numbered 一 is prose inside table 二; 「一、本年新收…」 starts table 三
    got = starts("HEADING_PROACTIVE", "T2_BLOCK", "T3_ROW", "T3_FIRST", "T3_ROW", "T3_GROUP")
    assert got == [0, 1, 3, 4, 5]


def test_table_three_from_its_note_in_the_front_matter() -> None:
    assert starts("T3_ROW", "T3_START", "T3_ROW") == [1, 2]


def test_table_three_parts_are_not_read_in_section_four() -> None:
    got = starts("HEADING_APPEALS", "T3_ROW", "T4_HEADER", "T2_ROW")
    assert got == [0]
    assert part_starts(tokens("HEADING_APPEALS", "T3_ROW", "T4_HEADER")).header_end == 25


def test_table_four_without_its_heading_starts_after_table_three() -> None:
    parts = part_starts(tokens("HEADING_REQUESTS", "T3_START", "T3_ROW", "T4_HEADER", "T3_ROW"))
    assert sorted(set(parts.cuts)) == [0, 5, 10, 20, 30]
    assert parts.header_end == 35


def test_table_two_parts_are_prose_in_table_three() -> None:
    assert starts("HEADING_REQUESTS", "T3_ROW", "T2_BLOCK", "T2_ROW", "T3_GROUP") == [0, 1, 4]


def test_only_the_first_table_four_header_counts() -> None:
    parts = part_starts(tokens("HEADING_APPEALS", "T4_HEADER", "T4_HEADER"))
    assert parts.header_end == 15


@given(st.lists(st.sampled_from(HEADING_TYPES + ANCHOR_TYPES), max_size=60))
def test_any_order_of_anchors_is_read(types: list[str]) -> None:
    """Reordered, missing and repeated parts: the grammar reads every sequence, each heading
    starts a line, and no part starts where no anchor is."""
    parts = part_starts(tokens(*types))
    anchors_at = {10 * i for i in range(len(types))}
    assert set(parts.cuts) <= anchors_at | {10 * i + 5 for i in range(len(types))}
    for i, t in enumerate(types):
        if t.startswith("HEADING_"):
            assert 10 * i in parts.cuts

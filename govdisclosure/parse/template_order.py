"""The template grammar (``grammars/template.lark``): which anchors start a part.

:mod:`govdisclosure.parse.segment` passes the template's anchors as tokens; the grammar
places each one in the template's order (sections, the blocks of table 二, table 三, table
四) or reads it as prose, and :class:`PartStarts` turns the tree into the places where a
canonical line starts.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from attrs import frozen
from lark import Lark, Token, Transformer
from lark.common import LexerConf
from lark.lexer import Lexer

from govdisclosure.parse.grammar import grammar_text

__all__ = ["TEMPLATE_GRAMMAR", "Parts", "template_parser"]

TEMPLATE_GRAMMAR = "template.lark"


@frozen
class Parts:
    """Where parts start (character offsets), and where table 四's header ends (-1: none)."""

    cuts: tuple[int, ...] = ()
    header_end: int = -1


class _Anchors(Lexer):
    """The tokens are made by the segmenter: the lexer passes them on."""

    def __init__(self, lexer_conf: LexerConf) -> None:
        pass

    def lex(self, data: Iterable[Token]) -> Iterator[Token]:  # type: ignore[override]
        return iter(data)


def _merged(children: list[Parts | Token]) -> Parts:
    cuts: list[int] = []
    header_end = -1
    for child in children:
        if isinstance(child, Parts):
            cuts.extend(child.cuts)
            if header_end < 0:
                header_end = child.header_end
        elif child.type.startswith("HEADING_"):  # a heading is a line of its own
            cuts.extend((child.start_pos or 0, child.end_pos or 0))
    return Parts(tuple(cuts), header_end)


def _starts(children: list[Token]) -> Parts:
    return Parts((children[0].start_pos or 0,))


class PartStarts(Transformer[Token, Parts]):
    """Callbacks named after the grammar's rules: a part's start, or the parts within."""

    start = front = section = staticmethod(_merged)
    table_two = table_two_lost = block = staticmethod(_merged)
    table_three = table_three_lost = table_three_noted = table_four = table_four_lost = (
        staticmethod(_merged)
    )
    t2_block = t2_header = t2_row = t3_start = t3_label = t3_first = staticmethod(_starts)

    def t4_header(self, children: list[Token]) -> Parts:
        return Parts((), children[0].end_pos or 0)

    def t4_lost_header(self, children: list[Token]) -> Parts:  # table 四 without its heading
        return Parts((children[0].start_pos or 0,), children[0].end_pos or 0)


@functools.cache
def template_parser() -> Lark:
    """The template grammar's LALR parser, built once with :class:`PartStarts` in it (no
    tree is built; the transformer keeps no state).  ``strict``: a conflict is an error."""
    return Lark(
        grammar_text(TEMPLATE_GRAMMAR),
        parser="lalr",
        lexer=_Anchors,
        strict=True,
        transformer=PartStarts(),
    )


def part_starts(tokens: list[Token]) -> Parts:
    """The template grammar's reading of the anchors: where parts start."""
    parts = template_parser().parse(tokens)
    assert isinstance(parts, Parts)
    return parts

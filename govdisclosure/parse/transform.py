"""The Lark Transformer: parse tree → the document's parts as attrs classes.

The classes here are the raw reading of the text (headings, prose, rows of cells with
typed numerals and their positions); :mod:`govdisclosure.bind` maps them onto the
template and builds the :class:`~govdisclosure.model.Report`.
"""

from __future__ import annotations

import enum
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from attrs import frozen
from lark import Token, Transformer, v_args

from govdisclosure.template import lexicon as L

__all__ = [
    "Cell",
    "CellKind",
    "Document",
    "Heading",
    "Prose",
    "RawSection",
    "ReportTransformer",
    "Row",
    "with_display",
]


class CellKind(enum.Enum):
    NUMBER = "number"  # a count or an amount without unit
    SIGNED = "signed"  # 增3 / 减4 / +3 / -4
    AMOUNT = "amount"  # a number with its money unit
    PLACEHOLDER = "placeholder"  # / - — 无 不适用: no number here
    LABEL = "label"  # any other text
    RUN = "run"  # digits read from a line without separators: one or several glued cells


@frozen
class Cell:
    kind: CellKind
    text: str  # normalized (simplified, half-width), stripped
    display: str  # the source's own characters, stripped
    line: int  # canonical line (1-based)
    column: int  # 1-based column in the canonical line
    value: Decimal | None = None  # for NUMBER, SIGNED and AMOUNT
    unit: str | None = None  # 万元, 元, 件 … when written in the cell


@frozen
class Row:
    line: int
    cells: tuple[Cell | None, ...]  # None: an empty cell between two separators

    def labels(self) -> list[Cell]:
        return [c for c in self.cells if c is not None and c.kind is CellKind.LABEL]

    def display(self) -> str:
        return " | ".join(c.display if c is not None else "" for c in self.cells).strip(" |")


@frozen
class Prose:
    line: int
    text: str
    display: str


@frozen
class Heading:
    line: int
    text: str  # the whole heading line, normalized
    display: str


@frozen
class RawSection:
    """A heading (None for the front matter) and what follows it up to the next heading."""

    heading: Heading | None
    items: tuple[Prose | Row, ...]
    subsections: tuple[RawSection, ...] = ()


@frozen
class Document:
    front: RawSection
    sections: tuple[RawSection, ...]


_SIGNED = re.compile(f"({L.sign_words()})?" + r"\s*([+-]?)(\d+)")
_AMOUNT = re.compile(r"([+-]?\d+(?:\.\d+)?)\s*(" + "|".join(L.MONEY_UNITS) + ")")
_NUMBER = re.compile(r"([\d,]+(?:\.\d+)?)" + f"([{L.COUNT_UNITS}])?")


@v_args(inline=True)
class ReportTransformer(Transformer[Token, Document]):
    """Callbacks named after the grammar's rules, each building one attrs class.

    Built into the parser (``grammar.document_parser``), so it holds no state of its own: a
    part's ``display`` is its match text here, and :func:`with_display` gives it the source's
    own characters afterwards.
    """

    def _cell(
        self, tok: Token, kind: CellKind, value: Decimal | None = None, unit: str | None = None
    ) -> Cell:
        text = tok.value.strip()
        return Cell(kind, text, text, tok.line or 0, tok.column or 0, value, unit)

    # ---------------------------------------------------------------- cells

    def number(self, tok: Token) -> Cell:
        text = tok.value
        if text.isascii() and text.isdigit():  # most cells: a plain count
            return self._cell(tok, CellKind.NUMBER, Decimal(text))
        m = _NUMBER.fullmatch(text.strip())
        assert m is not None
        return self._cell(tok, CellKind.NUMBER, Decimal(m.group(1).replace(",", "")), m.group(2))

    def signed(self, tok: Token) -> Cell:
        m = _SIGNED.fullmatch(tok.value.strip())
        assert m is not None
        word, sign, digits = m.groups()
        negative = sign == "-" or (word or "").startswith("减")
        value = Decimal(digits)
        return self._cell(tok, CellKind.SIGNED, -value if negative else value)

    def amount(self, tok: Token) -> Cell:
        m = _AMOUNT.fullmatch(tok.value.strip())
        assert m is not None
        try:
            value = Decimal(m.group(1))
        except InvalidOperation:  # pragma: no cover - the terminal admits digits only
            value = None
        return self._cell(tok, CellKind.AMOUNT, value, m.group(2))

    def placeholder(self, tok: Token) -> Cell:
        return self._cell(tok, CellKind.PLACEHOLDER)

    def label(self, tok: Token) -> Cell:
        return self._cell(tok, CellKind.LABEL)

    def block_title(self, tok: Token) -> Cell:
        return self._cell(tok, CellKind.LABEL)

    # ---------------------------------------------------------------- lines

    @v_args(inline=False)
    def row(self, children: list[Any]) -> Row:
        # the row's line is its first cell's or separator's (the parser keeps no positions
        # on rules: propagate_positions costs a third of the parse)
        line = next(c.line or 0 for c in children if c is not None)
        cells = tuple(c for c in children if c is None or isinstance(c, Cell))
        return Row(line, cells)

    def prose(self, tok: Token) -> Prose:
        text = tok.value.strip()
        return Prose(tok.line or 0, text, text)

    # ---------------------------------------------------------------- structure

    @v_args(inline=False)
    def front(self, children: list[Any]) -> RawSection:
        return _section(None, children)

    @v_args(inline=False)
    def section(self, children: list[Any]) -> RawSection:
        tok = children[0]
        text = tok.value.strip()
        return _section(Heading(tok.line, text, text), children[1:])

    @v_args(inline=False)
    def subsection(self, children: list[Any]) -> RawSection:
        tok = children[0]
        text = tok.value.strip()
        return _section(Heading(tok.line, text, text), children[1:])

    @v_args(inline=False)
    def start(self, children: list[Any]) -> Document:
        return Document(children[0], tuple(children[1:]))


def _section(heading: Heading | None, children: list[Any]) -> RawSection:
    items = tuple(c for c in children if isinstance(c, Prose | Row))
    subs = tuple(c for c in children if isinstance(c, RawSection))
    return RawSection(heading, items, subs)


def with_display(document: Document, match: tuple[str, ...], display: tuple[str, ...]) -> Document:
    """The document with each part's ``display`` taken from the source's own characters.

    The match lines and the display lines are aligned character by character, so a part's
    display is the same slice of its display line; only lines where the two differ (folded
    script or width) are touched.
    """
    changed = {n for n, (m, d) in enumerate(zip(match, display, strict=True), 1) if m != d}
    if not changed:
        return document

    def shown(line: int, column: int, text: str) -> str:
        source, folded = display[line - 1], match[line - 1]
        start = column - 1
        while start < len(folded) and folded[start].isspace():
            start += 1
        return source[start : start + len(text)]

    def cell(c: Cell | None) -> Cell | None:
        if c is None:
            return c
        shown_as = shown(c.line, c.column, c.text)
        if shown_as == c.text:
            return c
        return Cell(c.kind, c.text, shown_as, c.line, c.column, c.value, c.unit)

    def item(it: Prose | Row) -> Prose | Row:
        if it.line not in changed:
            return it
        if isinstance(it, Row):
            return Row(it.line, tuple(cell(c) for c in it.cells))
        return Prose(it.line, it.text, shown(it.line, 1, it.text))

    def section(sec: RawSection) -> RawSection:
        heading = sec.heading
        if heading is not None and heading.line in changed:
            heading = Heading(heading.line, heading.text, shown(heading.line, 1, heading.text))
        return RawSection(
            heading, tuple(item(i) for i in sec.items), tuple(section(s) for s in sec.subsections)
        )

    return Document(section(document.front), tuple(section(s) for s in document.sections))

"""The state of one binding: diagnostics, values, source locations, missing parts."""

from __future__ import annotations

from typing import Any, NoReturn

from attrs import define, field

from govdisclosure.errors import ParseError
from govdisclosure.model import Diagnostic, SourceSpan
from govdisclosure.parse.transform import Cell
from govdisclosure.read.normalize import NormalizedText

__all__ = ["TABLE_PARTS", "Context"]

# The parts of a report that are tables: a text without one of them is refused.
TABLE_PARTS = ("proactive", "requests", "appeals")


# the template's parts in order: a part found after a missing table shows the text goes on
_ORDER = ("overview", *TABLE_PARTS, "problems", "other_matters")


def _after(found: str, missing: str) -> bool:
    return found in _ORDER and _ORDER.index(found) > _ORDER.index(missing)


@define
class Context:
    norm: NormalizedText
    partial: bool
    diagnostics: list[Diagnostic] = field(factory=list)
    locations: dict[str, SourceSpan] = field(factory=dict)
    values: dict[str, Any] = field(factory=dict)  # dotted key → bound value
    missing: list[str] = field(factory=list)  # parts not found
    gaps: list[tuple[str, str, int | None, str, str]] = field(factory=list)
    consumed: set[int] = field(factory=set)  # id() of rows and prose bound to a table
    split_budget: int = 200_000  # search steps for glued digits, for the whole report

    def src(self, line: int | None) -> int | None:
        """The input's line number of a canonical line."""
        if line is None or not 1 <= line <= len(self.norm.source_line):
            return None
        return self.norm.source_line[line - 1]

    def diag(
        self, code: str, message: str, line: int | None = None, key: str | None = None
    ) -> None:
        self.diagnostics.append(Diagnostic(code, message, self.src(line), key))

    def fail(self, message: str, line: int | None, expected: str, code: str) -> ParseError:
        src = self.src(line) or 0
        return ParseError(
            message,
            line=src,
            column=1 if src else 0,
            source_line=self.norm.quote(src) if src else "",
            expected=expected,
            code=code,
        )

    def need(self, part: str, message: str, line: int | None, expected: str, code: str) -> None:
        """A required part is missing: collected, and raised together by :meth:`settle`."""
        self.gaps.append((part, message, line, expected, code))

    def settle(self, found: frozenset[str]) -> None:
        """List the missing parts in ``Report.missing``, each with a ``part-missing``
        diagnostic, or refuse the text.

        A report numbered its own way, or without one of its parts, is still a report: what
        it has is read and the rest is listed as missing (issue 12); ``strict`` refuses it for
        its diagnostics.  Unless ``partial``, the text is refused when no table is found at
        all (``missing-table``), and when a table is missing with nothing of the template
        after its place (``found``: the parts found): the text is cut off (``truncated``),
        and truncated text is refused."""
        if not self.gaps:
            return
        tables = [g for g in self.gaps if g[0] in TABLE_PARTS]
        if not self.partial and len(tables) == len(TABLE_PARTS):
            self._refuse(tables[0])
        for gap in [] if self.partial else tables:
            if not any(_after(k, gap[0]) for k in found):
                part, message, line, expected, code = gap
                if code != "truncated":
                    message += ", and nothing of the template follows: the text is cut off"
                self._refuse((part, message, line, expected, "truncated"))
        for part, message, line, _expected, _code in self.gaps:
            if part not in self.missing:
                self.missing.append(part)
            self.diag("part-missing", message, line)
        self.gaps.clear()

    def _refuse(self, gap: tuple[str, str, int | None, str, str]) -> NoReturn:
        """Raise one ParseError for ``gap``, naming the other missing parts too."""
        _part, message, line, expected, code = gap
        others = [g[1] for g in self.gaps if g[0] != gap[0]]
        if others:
            message = f"{message}; also: {'; '.join(others)}"
        raise self.fail(message, line, expected, code)

    def put(self, key: str, value: Any, cell: Cell | None) -> None:
        self.values[key] = value
        if cell is not None:
            line = self.src(cell.line)
            if line is not None:
                self.locations[key] = SourceSpan(line, cell.column)

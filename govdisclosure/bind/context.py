"""The state of one binding: diagnostics, values, source locations, missing parts."""

from __future__ import annotations

from typing import Any

from attrs import define, field

from govdisclosure.errors import ParseError
from govdisclosure.model import Diagnostic, SourceSpan
from govdisclosure.parse.transform import Cell
from govdisclosure.read.normalize import NormalizedText

__all__ = ["TABLE_PARTS", "Context"]

# The parts of a report that are tables: a text without one of them is refused.
TABLE_PARTS = ("proactive", "requests", "appeals")


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

    def settle(self) -> None:
        """List the missing parts in ``Report.missing``, each with a diagnostic; when a table
        is missing (and not ``partial``), raise one ParseError naming every missing part.

        A report numbered its own way, or without one of its prose sections, is still a
        report: its tables are read and the section is listed as missing (issue 12);
        ``strict`` refuses it for its diagnostics.  A missing table still refuses the text:
        it is how a truncated report shows (the brief: truncated text is refused)."""
        if not self.gaps:
            return
        if not self.partial and any(g[0] in TABLE_PARTS for g in self.gaps):
            part, message, line, expected, code = self.gaps[0]
            if len(self.gaps) > 1:
                others = "; ".join(g[1] for g in self.gaps[1:])
                message = f"{message}; also: {others}"
            raise self.fail(message, line, expected, code)
        for part, message, line, _expected, _code in self.gaps:
            if part not in self.missing:
                self.missing.append(part)
            self.diag("part-missing", message, line)
        self.gaps.clear()

    def put(self, key: str, value: Any, cell: Cell | None) -> None:
        self.values[key] = value
        if cell is not None:
            line = self.src(cell.line)
            if line is not None:
                self.locations[key] = SourceSpan(line, cell.column)

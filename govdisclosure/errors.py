"""The one error class of the package."""

from __future__ import annotations

__all__ = ["ParseError"]


class ParseError(ValueError):
    """The text is not an annual report, or a required part of it cannot be read.

    ``line`` and ``column`` are 1-based positions in the source text (``line`` is 0 when the
    problem concerns the input as a whole, such as an empty string); ``source_line`` is that
    line as written; ``expected`` says in words what the parser was looking for.
    """

    def __init__(
        self,
        message: str,
        *,
        line: int = 0,
        column: int = 0,
        source_line: str = "",
        expected: str = "",
        code: str = "not-a-report",
    ) -> None:
        self.msg = message
        self.line = line
        self.column = column
        self.source_line = source_line
        self.expected = expected
        self.code = code
        parts = [message]
        if line:
            parts.append(f"(line {line}, column {column})")
        text = " ".join(parts)
        if source_line:
            shown = source_line if len(source_line) <= 120 else source_line[:117] + "..."
            text += f"\n    {line:>5} | {shown}"
        if expected:
            text += f"\n  expected: {expected}"
        super().__init__(text)

    def __reduce__(self) -> tuple[object, ...]:  # picklable across process pools
        return (
            _rebuild,
            (self.msg, self.line, self.column, self.source_line, self.expected, self.code),
        )


def _rebuild(
    msg: str, line: int, column: int, source_line: str, expected: str, code: str
) -> ParseError:
    return ParseError(
        msg, line=line, column=column, source_line=source_line, expected=expected, code=code
    )

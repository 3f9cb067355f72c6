"""Reading report files for the command line: one file's outcome, never an exception.

A file either gives a :class:`~govdisclosure.model.Report` or is *refused* with a reason code
(``ParseError.code``, or ``internal-error`` when the parser itself failed): one bad file never
stops a batch.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path

from attrs import frozen

from govdisclosure.api import parse_report
from govdisclosure.errors import ParseError
from govdisclosure.model import Report
from govdisclosure.read import read_binary
from govdisclosure.read.normalize import LINE_BREAK, decode
from govdisclosure.read.office import sniff

__all__ = [
    "INTERNAL",
    "REFUSAL_CODES",
    "REPORT_SUFFIXES",
    "UNREADABLE",
    "WORKER_DIED",
    "Outcome",
    "decoded",
    "find_reports",
    "read_one",
    "source_lines",
    "source_places",
    "unsupported_files",
]

REPORT_SUFFIXES = (
    ".txt", ".md", ".markdown", ".html", ".htm", ".json", ".pdf", ".docx", ".doc",
)  # fmt: skip
INTERNAL = "internal-error"
UNREADABLE = "unreadable"
WORKER_DIED = "worker-died"
# Reasons a batch refuses a file besides ParseError's codes (diagnostics.ERROR_CODES).
REFUSAL_CODES: dict[str, str] = {
    UNREADABLE: "the file could not be read from disk (permissions, a broken link …)",
    INTERNAL: "the parser or the checker itself failed on the file — please report it, "
    "with the file",
    WORKER_DIED: "the worker process parsing the file died twice (killed, out of memory …), "
    "the second time with the file alone",
}


@frozen
class Outcome:
    """What reading one file gave: a report, or the reason it was refused."""

    name: str
    data: bytes
    report: Report | None = None
    code: str | None = None  # ParseError.code, or "internal-error"
    message: str | None = None  # the error as the user should see it
    encoding: str | None = None

    @property
    def ok(self) -> bool:
        return self.report is not None


def check_encoding(name: str | None) -> str | None:
    """The codec's canonical name, or ValueError for an unknown one."""
    if name is None:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise ValueError(f"unknown encoding {name!r}") from None


def decoded(data: bytes, encoding: str) -> str:
    """``data`` decoded with ``encoding``; a :class:`ParseError` naming the line otherwise."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ParseError(
            f"the file is not valid {encoding}: {exc.reason}",
            line=line,
            column=exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1,
            expected=f"text in {encoding} (or leave the encoding out to detect it)",
            code="not-text",
        ) from None


def read_one(
    name: str, data: bytes, *, encoding: str | None = None, strict: bool = False
) -> Outcome:
    """Parse one file's bytes; a failure becomes a refused :class:`Outcome`."""
    try:
        source: str | bytes = decoded(data, encoding) if encoding else data
        report = parse_report(source, strict=strict)
    except ParseError as exc:
        return Outcome(name, data, code=exc.code, message=str(exc), encoding=encoding)
    except Exception as exc:  # a parser bug must not stop a batch
        return Outcome(
            name, data, code=INTERNAL, message=f"{type(exc).__name__}: {exc}", encoding=encoding
        )
    return Outcome(name, data, report=report, encoding=encoding)


def source_places(outcome: Outcome) -> tuple[list[str], tuple[tuple[int, int], ...]]:
    """The file's lines as :func:`source_lines` gives them and, for a PDF, each line's page and
    line on the page (else ``()``)."""
    if sniff(outcome.data) is not None:
        try:
            canonical = read_binary(outcome.data)
        except ParseError:
            return [], ()
        if canonical is None:
            return [], ()
        return canonical.source.split("\n"), canonical.places
    return source_lines(outcome), ()


def source_lines(outcome: Outcome) -> list[str]:
    """The file's lines as the parser numbered them (for quoting a line by its number); for a
    PDF or Word file, the lines of the text read out of it."""
    if sniff(outcome.data) is not None:
        return source_places(outcome)[0]
    try:
        text = (
            outcome.data.decode(outcome.encoding) if outcome.encoding else decode(outcome.data)[0]
        )
    except (ParseError, UnicodeDecodeError):
        return []
    if text.startswith("\ufeff"):
        text = text[1:]
    return LINE_BREAK.split(text)


def find_reports(folder: Path) -> Iterator[Path]:
    """Report files below a folder (:data:`REPORT_SUFFIXES`), in sorted order."""
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix.lower() in REPORT_SUFFIXES:
            yield path


def unsupported_files(folder: Path) -> Iterator[Path]:
    """The other files below a folder (hidden ones aside), in sorted order: skipped, and said."""
    for path in sorted(folder.rglob("*")):
        if (
            path.is_file()
            and path.suffix.lower() not in REPORT_SUFFIXES
            and not any(part.startswith(".") for part in path.relative_to(folder).parts)
        ):
            yield path

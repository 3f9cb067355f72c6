"""parse_report and read_report: the pipeline from input to Report."""

from __future__ import annotations

import os
import re
from pathlib import Path

import attrs

from govdisclosure.bind.identity import with_identity
from govdisclosure.bind.report import bind
from govdisclosure.errors import ParseError
from govdisclosure.model import Diagnostic, Report
from govdisclosure.parse.grammar import parse_document
from govdisclosure.parse.segment import segment
from govdisclosure.read import Canonical, decode_input, read_binary, to_canonical
from govdisclosure.read.normalize import NormalizedText, normalize

__all__ = ["parse_report", "read_report"]

# C0 controls other than tab, newlines, form feed and escape; and U+FFFD
_BINARY_CHARS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def _looks_binary(text: str) -> bool:
    """Control characters, or a text made mostly of U+FFFD (UTF-8 read as GBK leaves one in
    ten or so, which the mojibake repair restores: that is text)."""
    sample = text[:4096]
    if not sample:
        return False
    control = len(_BINARY_CHARS.findall(sample))
    lost = sample.count("\ufffd")
    return control > max(8, len(sample) // 20) or lost > max(8, len(sample) // 4)


# An annual report has a few hundred to a few thousand lines and some 400 table cells; far
# beyond that the input is not one report, and refusing it early keeps the time linear.
MAX_LINES = 12_000
MAX_CELLS = 25_000


# Before any reading step: beyond this the input is not one report, however it is written (a
# Word page saved as HTML, styles and all, stays well under it).  Bytes are checked before
# the HTML parser or the encoding detector sees them.
MAX_INPUT = 5_000_000
# The canonical text of one report: a few tens of thousands of characters.
MAX_CHARS = 1_000_000


def _too_large(what: str, size: int, limit: int) -> ParseError:
    return ParseError(
        f"the input has {size} {what}; one annual report has far fewer (limit {limit})",
        expected="the text of one annual report",
        code="too-large",
    )


_SURROGATE = re.compile(r"[\ud800-\udfff]")  # escapes: no surrogate in the source text


def _replace_surrogates(text: str, diagnostics: list[Diagnostic]) -> str:
    """Lone surrogates (no character; a str can hold them, no encoding can) become U+FFFD."""
    found = _SURROGATE.search(text)
    if found is None:
        return text
    count = len(_SURROGATE.findall(text))
    line = text.count("\n", 0, found.start()) + 1
    diagnostics.append(
        Diagnostic(
            "surrogate-replaced",
            f"{count} lone surrogate code point(s) (first: U+{ord(found.group()):04X}) "
            "replaced with U+FFFD",
            line,
        )
    )
    return _SURROGATE.sub("\ufffd", text)


def _check_size(text: str) -> None:
    if len(text) > MAX_CHARS:
        raise _too_large("characters", len(text), MAX_CHARS)
    lines = text.count("\n") + 1
    if lines > MAX_LINES:
        raise ParseError(
            f"the text has {lines} lines; one annual report has at most a few thousand "
            f"(limit {MAX_LINES})",
            expected="the text of one annual report",
            code="too-large",
        )
    cells = text.count("|") + text.count("\t")
    if cells > MAX_CELLS:
        raise ParseError(
            f"the text has {cells} cell separators; one annual report has a few hundred "
            f"(limit {MAX_CELLS})",
            expected="the text of one annual report",
            code="too-large",
        )


def _strictly(report: Report, norm: NormalizedText) -> None:
    if report.diagnostics:  # the first in the file (those with no line last)
        d = min(report.diagnostics, key=lambda d: (d.line is None, d.line or 0))
        raise ParseError(
            f"strict mode: {d.message}",
            line=d.line or 0,
            column=1 if d.line else 0,
            source_line=norm.quote(d.line) if d.line else "",
            expected="a report that needs no repair or inference",
            code=d.code,
        )


def parse_report(text: str | bytes, *, strict: bool = False, partial: bool = False) -> Report:
    """Parse one annual report given as text or bytes.

    ``strict=True`` turns the first diagnostic in the file into a :class:`ParseError`;
    ``partial=True`` returns what could be read from a fragment, the parts not found listed
    in ``Report.missing``, instead of raising.
    """
    diagnostics: list[Diagnostic] = []
    source = text if isinstance(text, str) else bytes(text)
    canonical: Canonical | None = None
    if isinstance(text, bytes | bytearray | memoryview):
        if len(text) > MAX_INPUT:
            raise _too_large("bytes", len(text), MAX_INPUT)
        canonical = read_binary(bytes(text))
        if canonical is None:
            text, diagnostics = decode_input(bytes(text))
    if canonical is None:
        canonical = _canonical_text(text, diagnostics)
    else:
        diagnostics.extend(canonical.diagnostics)
    if canonical.places:  # a PDF: every location names its page
        try:
            report = _parse_canonical(canonical, diagnostics, source, strict, partial)
        except ParseError as exc:
            raise _on_page(exc, canonical) from None
        return attrs.evolve(
            report,
            diagnostics=tuple(
                attrs.evolve(d, message=f"{canonical.where(d.line)}: {d.message}")
                if d.line
                else d
                for d in report.diagnostics
            ),
        )
    return _parse_canonical(canonical, diagnostics, source, strict, partial)


def _on_page(exc: ParseError, canonical: Canonical) -> ParseError:
    """A PDF's ParseError: the line counted on its page, and the page named."""
    if not (0 < exc.line <= len(canonical.places)):
        return exc
    page, line = canonical.places[exc.line - 1]
    return ParseError(
        f"{exc.msg} (p. {page})",
        line=line,
        column=exc.column,
        source_line=exc.source_line,
        expected=exc.expected,
        code=exc.code,
    )


def _canonical_text(text: object, diagnostics: list[Diagnostic]) -> Canonical:
    if not isinstance(text, str):
        raise TypeError(f"parse_report takes str or bytes, not {type(text).__name__}")
    if len(text) > MAX_INPUT:
        raise _too_large("characters", len(text), MAX_INPUT)
    text = _replace_surrogates(text, diagnostics)
    if not text.strip():
        raise ParseError(
            "the input is empty", expected="the text of an annual report", code="empty"
        )
    if _looks_binary(text):
        raise ParseError(
            "the input is binary data, not text",
            line=1,
            column=1,
            expected="the text of an annual report (.txt, .md, .html, .json, .pdf, .docx, .doc)",
            code="not-text",
        )
    canonical = to_canonical(text)
    diagnostics.extend(canonical.diagnostics)
    if _SURROGATE.search(canonical.text):  # from a decoded escape (「\\udc80」)
        canonical = attrs.evolve(canonical, text=_replace_surrogates(canonical.text, diagnostics))
    return canonical


def _parse_canonical(
    canonical: Canonical,
    diagnostics: list[Diagnostic],
    source: str | bytes,
    strict: bool,
    partial: bool,
) -> Report:
    if not canonical.text.strip():
        raise ParseError(
            f"the {canonical.form.upper()} file holds no text",
            expected="the text of an annual report",
            code="empty",
        )
    _check_size(canonical.text)
    norm = normalize(
        canonical.text, diagnostics=diagnostics, origin=canonical.origin, source=canonical.source
    )
    norm = segment(norm)
    document = parse_document(norm)
    report = bind(document, norm, partial=partial)
    if canonical.metadata:  # what the page or the crawler said about the report
        report = attrs.evolve(report, metadata=report.metadata + canonical.metadata)
    report = with_identity(report, source)
    if strict:
        _strictly(report, norm)
    return report


def read_report(
    path: str | os.PathLike[str], *, strict: bool = False, partial: bool = False
) -> Report:
    """Read and parse a report file (.txt, .md, .html, .json, .pdf, .docx, .doc); the form is
    told by the bytes and the encoding is detected."""
    data = Path(path).read_bytes()
    return parse_report(data, strict=strict, partial=partial)

"""Readers: every input form → the same canonical text (DESIGN.md §2 "readers").

The grammar only ever sees canonical text: one logical line per line, table cells joined by
`` | ``.  A reader turns one input form into it and keeps, for every canonical line, the line
of the input it comes from, so that diagnostics and source locations name the user's line.

Forms, one module each:

* :mod:`.html` — HTML pages (lxml; row and column spans expanded on the table grid);
* :mod:`.jsondoc` — structured JSON with the report's sections as text;
* :mod:`.office` — PDF (:mod:`.pdf`, pdfplumber), Word .docx (:mod:`.docx`, python-docx) and
  .doc (through LibreOffice), told by their bytes (:func:`read_binary`);
* plain text and Markdown pass through as they are.

Repairs that apply to any form, before or after it is read:

* :mod:`.encoding` — UTF-8 text decoded as GBK and saved again, literal ``\\xNN`` escapes,
  invisible characters;
* :mod:`.chrome` — crawler headers (``key: value`` lines, ``==== 正文 ====``) and page chrome
  before and after the report.
"""

from __future__ import annotations

import codecs

from attrs import frozen

from govdisclosure.errors import ParseError
from govdisclosure.model import Diagnostic
from govdisclosure.read import chrome, encoding, escapes, utf8
from govdisclosure.read.html import read_html
from govdisclosure.read.html_bytes import decode_html, looks_like_html
from govdisclosure.read.jsondoc import looks_like_json, read_json
from govdisclosure.read.lines import Lines
from govdisclosure.read.normalize import decode
from govdisclosure.read.office import read_office, sniff

__all__ = ["Canonical", "decode_input", "read_binary", "to_canonical"]


@frozen
class Canonical:
    """Canonical text with its map back to the input."""

    text: str
    origin: tuple[int, ...]  # per canonical line: its 1-based line in ``source``
    source: str  # the input as decoded, for quoting
    diagnostics: tuple[Diagnostic, ...]
    metadata: tuple[tuple[str, str], ...] = ()  # fields the page or crawler carried
    form: str = "text"  # "text", "html", "json", "pdf", "docx" or "doc"
    places: tuple[tuple[int, int], ...] = ()  # PDF: per source line, (page, line on the page)

    def where(self, line: int | None) -> str:
        """A source line as the user finds it: ``p. 3, line 12`` in a PDF, else ``line 12``."""
        if line is None or line < 1:
            return ""
        if 0 < line <= len(self.places):
            page, on_page = self.places[line - 1]
            return f"p. {page}, line {on_page}"
        return f"line {line}"


def decode_input(data: bytes) -> tuple[str, list[Diagnostic]]:
    """Bytes → text: an HTML page by its declared charset, anything else by detection.

    UTF-16 without a byte order mark is recognised by its zero bytes; a UTF-8 text cut in
    the middle of a character (or a UTF-16 one in the middle of a code unit) is refused as
    ``truncated``.
    """
    head = data[:4096]
    if not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        order = utf8.utf16_order(data)
        if order is not None:
            if len(data) % 2:
                raise _cut(data.decode(order, errors="ignore"), "a UTF-16 code unit")
            return data.decode(order), [
                Diagnostic(
                    "encoding",
                    f"input decoded as {order.upper()} (no byte order mark; told by its "
                    "zero bytes)",
                )
            ]
    cut = utf8.utf8_cut(data)
    if cut is not None:
        raise _cut(data[:cut].decode("utf-8"), "a UTF-8 character")
    if not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and looks_like_html(
        data[:65536].decode("latin-1")
    ):
        decoded = decode_html(data)
        if decoded is not None:
            text, diags = decoded
            return text, list(diags)
    return decode(data)


def _cut(text: str, what: str) -> ParseError:
    lines = text.split("\n")
    return ParseError(
        f"the input ends in the middle of {what}: the file is cut off",
        line=len(lines),
        column=len(lines[-1]) + 1,
        source_line=lines[-1],
        expected="the whole file",
        code="truncated",
    )


def read_binary(data: bytes) -> Canonical | None:
    """A PDF, DOCX or DOC file (told by its bytes) → canonical lines; None for anything else.

    The source (what a diagnostic's line number counts and quotes) is the text read out of
    the file, one line per printed line (PDF) or per paragraph and table row (Word).
    """
    form = sniff(data)
    if form is None:
        return None
    reading = read_office(data, form)
    lines = Lines(list(reading.lines), list(range(1, len(reading.lines) + 1)))
    return _finish(lines, list(reading.diagnostics), [], form, "\n".join(reading.lines),
                   reading.places)  # fmt: skip


def to_canonical(text: str) -> Canonical:
    """Read a decoded input in whatever form it has into canonical lines."""
    diags: list[Diagnostic] = []
    source = text
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = Lines.of(text)
    metadata: list[tuple[str, str]] = []
    form = "text"
    if looks_like_html(text):
        diags.extend(encoding.repair_utf8_as_gbk(lines))
        reading = read_html(lines.joined())
        if len(reading.lines):
            form = "html"
            lines = lines.through(reading.lines)
            diags.extend(reading.diagnostics)
            metadata.extend(reading.metadata)
    elif looks_like_json(text):
        parsed = read_json(text)
        if parsed is not None:
            form = "json"
            lines = parsed.lines
            diags.extend(parsed.diagnostics)
            metadata.extend(parsed.metadata)
            diags.extend(encoding.repair_utf8_as_gbk(lines))
    if form == "text":
        lines, escape_diags = escapes.repair_escapes(lines)
        diags.extend(escape_diags)
        diags.extend(encoding.repair_utf8_as_gbk(lines))
    return _finish(lines, diags, metadata, form, source)


def _finish(
    lines: Lines,
    diags: list[Diagnostic],
    metadata: list[tuple[str, str]],
    form: str,
    source: str,
    places: tuple[tuple[int, int], ...] = (),
) -> Canonical:
    """What every form goes through last: invisible characters, then page chrome."""
    diags.extend(escapes.remove_invisible(lines))
    lines, chrome_diags, crawler_metadata = chrome.strip_chrome(lines)
    diags.extend(chrome_diags)
    metadata.extend(crawler_metadata)
    return Canonical(
        text=lines.joined(),
        origin=tuple(lines.origin),
        source=source,
        diagnostics=tuple(diags),
        metadata=tuple(metadata),
        form=form,
        places=places,
    )

"""Bytes or text in, canonical lines out (DESIGN.md §2 "normalize").

Every canonical line exists twice, with the same length: ``display`` keeps the source's own
characters (after mojibake repair and removal of HTML remnants) and is what the model's free
text is made of; ``match`` is the same line in simplified script with half-width digits and
punctuation, and is what the grammar and the label matching read.  ``source_line`` maps every
canonical line back to its line in the input.
"""

from __future__ import annotations

import codecs
import html
import re
from collections.abc import Iterable, Sequence

from attrs import frozen

from govdisclosure.errors import ParseError
from govdisclosure.model import Diagnostic, Script
from govdisclosure.read import mojibake as _mojibake
from govdisclosure.read.fold import (
    drop_zero_width,
    half_width,
    label_key,
    match_text,
    t2s,
    to_traditional_variants,
)

__all__ = [
    "NormalizedText",
    "decode",
    "label_key",
    "match_text",
    "normalize",
    "to_traditional_variants",
]

# --------------------------------------------------------------------------- bytes

_CANDIDATES = ("gb18030", "big5", "utf_16", "utf_32")


def decode(data: bytes) -> tuple[str, list[Diagnostic]]:
    """Decode bytes: UTF-8 (with or without BOM) first, then GB18030, Big5 or UTF-16/32.

    A diagnostic names the encoding when it is not UTF-8.  Input that decodes to nothing
    sensible raises :class:`ParseError`.
    """
    diagnostics: list[Diagnostic] = []
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8"), diagnostics
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16")
        diagnostics.append(Diagnostic("encoding", "input decoded as UTF-16 (byte order mark)"))
        return text, diagnostics
    import charset_normalizer

    best = charset_normalizer.from_bytes(data, cp_isolation=list(_CANDIDATES)).best()
    if best is None or best.encoding is None:
        line = data[: utf8_error.start].count(b"\n") + 1
        raise ParseError(
            "the input is not text in any encoding a report uses (UTF-8, GB18030, Big5)",
            line=line,
            column=utf8_error.start - (data.rfind(b"\n", 0, utf8_error.start) + 1) + 1,
            expected="a text, Markdown, HTML or JSON document, or a PDF, DOCX or DOC file",
            code="not-text",
        )
    diagnostics.append(
        Diagnostic("encoding", f"input is not UTF-8; decoded as {best.encoding.upper()}")
    )
    return str(best), diagnostics


# --------------------------------------------------------------------------- lines


@frozen
class NormalizedText:
    """Canonical lines with their map back to the source."""

    display: tuple[str, ...]
    match: tuple[str, ...]
    source_line: tuple[int, ...]  # 1-based line in the input, per canonical line
    source: tuple[str, ...]  # the input's own lines, for quoting in errors
    script: Script
    diagnostics: tuple[Diagnostic, ...]

    def grammar_input(self) -> str:
        return "\n".join(self.match) + "\n"

    def quote(self, source_line: int) -> str:
        if 1 <= source_line <= len(self.source):
            return self.source[source_line - 1]
        return ""


LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BREAK_TAGS = re.compile(r"<\s*(?:br|/p|/div|/tr|/li|/h[1-6])\s*/?\s*>", re.IGNORECASE)
_OTHER_TAGS = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9:]*(?:\s[^<>]*)?/?\s*>")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}[ \t]+")
_MD_CELL = r"[ \t]*:?-{3,}:?[ \t]*"  # one cell of a Markdown table's delimiter row
_MD_RULE = re.compile(rf"^[ \t]*\|?{_MD_CELL}(?:\|{_MD_CELL})*\|?[ \t]*$")
# A Markdown table's delimiter row inside a line (a text whose line breaks were lost): three
# or more 「---」 cells in a row; it is layout, and one cell edge is kept.
_MD_RULE_RUN = re.compile(rf"(?:\|{_MD_CELL}){{3,}}(?=\|)")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A page number printed by a PDF converter: 「- 4 -」, 「— 3 —」, 「第 3 页 共 9 页」, 「3/9」.
_PAGE_FOOTER = re.compile(
    r"^\s*(?:[-—–－]+\s*\d{1,4}\s*[-—–－]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)\s*$"
)


def _clean(line: str) -> list[str]:
    """HTML remnants, Markdown marks and stray whitespace out of one source line."""
    if "<" in line or "&" in line:
        # a tag inside a table row is a line break inside a cell: a space; in prose, a new line
        in_row = "|" in line or "\t" in line
        line = _BREAK_TAGS.sub(" " if in_row else "\n", line)
        line = _OTHER_TAGS.sub("", line)
        if "&" in line:
            line = html.unescape(line)
    out = []
    for part in line.split("\n"):
        part = drop_zero_width(part)
        part = _CONTROL.sub("", part)
        if _MD_RULE.match(part) and "-" in part:
            continue
        if "---" in part:
            part = _MD_RULE_RUN.sub("", part)
        part = _MD_HEADING.sub("", part)
        part = part.strip(" \u3000\u00a0")
        if part.strip("\t"):
            out.append(part)
    return out


def _match_lines(display: list[str]) -> list[str]:
    """match_text of every line, converted in one call (OpenCC per call costs ~10 µs)."""
    joined = half_width(t2s("\n".join(display))).split("\n")
    if len(joined) != len(display):
        return [match_text(d) for d in display]
    return [m if len(m) == len(d) else match_text(d) for m, d in zip(joined, display, strict=True)]


_CJK_RUN = re.compile("[\u4e00-\u9fff]+")


def _detect_script(display: Sequence[str], match: Sequence[str]) -> Script:
    """Traditional when at least max(3, 2 %) of the hanzi change in the simplified form."""
    joined = "\n".join(display)
    total = sum(map(len, _CJK_RUN.findall(joined)))
    if not total or half_width(joined) == "\n".join(match):
        return Script.SIMPLIFIED  # no hanzi changed (half_width leaves hanzi alone)
    need = max(3, total // 50)
    changed = 0
    for d, m in zip(display, match, strict=True):
        for a, b in zip(d, m, strict=True):
            if a != b and "\u4e00" <= a <= "\u9fff":
                changed += 1
        if changed >= need:
            return Script.TRADITIONAL
    return Script.SIMPLIFIED


def normalize(
    text: str,
    *,
    diagnostics: Iterable[Diagnostic] = (),
    origin: Sequence[int] = (),
    source: str | None = None,
) -> NormalizedText:
    """Split, repair and convert a decoded text into canonical lines.

    A reader that made ``text`` out of another form (an HTML page) passes ``origin``, the
    line of ``source`` (its input) that each line of ``text`` comes from.
    """
    diags = list(diagnostics)
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = tuple(LINE_BREAK.split(text))
    mapped = len(origin) == len(lines)
    display: list[str] = []
    source_line: list[int] = []
    for index, raw in enumerate(lines):
        number = origin[index] if mapped else index + 1
        line = raw
        if _PAGE_FOOTER.match(line):
            diags.append(Diagnostic("page-footer", f"page number {line.strip()!r} removed", number))
            continue
        if "?" in line:
            repair = _mojibake.repair_line(line)
            if repair is not None:
                diags.append(
                    Diagnostic(
                        "mojibake-repaired",
                        f"GBK byte-phase damage repaired: {repair.before!r} → {repair.after!r}"
                        + (f"; {repair.lost} character(s) lost for good" if repair.lost else ""),
                        number,
                    )
                )
                line = repair.text
        for part in _clean(line):
            display.append(part)
            source_line.append(number)
    match = _match_lines(display)
    script = _detect_script(display, match)
    return NormalizedText(
        display=tuple(display),
        match=tuple(match),
        source_line=tuple(source_line),
        source=tuple(LINE_BREAK.split(source)) if source is not None and mapped else lines,
        script=script,
        diagnostics=tuple(diags),
    )

"""Structured JSON → canonical lines (the schema is in docs/input-forms.md).

Accepted shapes (keys in any order; unknown keys are ignored with a diagnostic)::

    {"title": "…年度报告",                       # optional
     "metadata": {"索引号": "…", …},              # optional; or a list of [key, value]
     "preamble": "…",                            # optional
     "sections": [SECTION, …]}                   # or {"一、总体情况": TEXT, "overview": TEXT, …}
    {"text": "the whole report as text"}         # also "content", "body", "正文"
    [SECTION, …]                                  # a bare list of sections

    SECTION = {"heading": "一、总体情况",          # also "title"; a model key such as
                                                  # "overview" or a heading without its
                                                  # numeral gets the template's numeral
               "text": TEXT,                      # also "content", "body"
               "tables": [[[cell, …], …], …],     # optional: tables as rows of cells
               "subsections": [SECTION, …]}       # optional (also "children")
    TEXT = "lines\\nof text" | ["a line", ["a", "table", "row"], …]

Table rows written in text form keep their separators (`` | `` or tabs).  Every canonical
line is mapped to the line of the JSON source where its string starts.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from attrs import define, field, frozen

from govdisclosure import template as T
from govdisclosure.model import Diagnostic
from govdisclosure.read.lines import Lines
from govdisclosure.template import lexicon as L

__all__ = ["JsonReading", "looks_like_json", "read_json"]

_TEXT_KEYS = ("text", "content", "body", "正文")
_HEADING_KEYS = ("heading", "title")
_SUB_KEYS = ("subsections", "children")
_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')
_NUMBERED = re.compile(
    r"^\s*(?:"
    + L.section_numbering(L.DISPLAY_NUMBERING_MARKS)
    + "|"
    + L.sub_numbering("[(（]", "[)）]")
    + ")"
)


def looks_like_json(text: str) -> bool:
    head = text.lstrip("\ufeff \t\r\n")[:1]
    return head in ("{", "[")


@frozen
class JsonReading:
    lines: Lines
    diagnostics: tuple[Diagnostic, ...]
    metadata: tuple[tuple[str, str], ...]


@define
class _Positions:
    """The source line of every JSON string literal, consumed in document order."""

    lines: list[tuple[str, int]]
    at: int = 0

    @classmethod
    def scan(cls, text: str) -> _Positions:
        out: list[tuple[str, int]] = []
        line = 1
        last = 0
        for m in _STRING.finditer(text):
            line += text.count("\n", last, m.start())
            last = m.start()
            try:
                out.append((json.loads(m.group()), line))
            except ValueError:
                continue
        return cls(out)

    def line_of(self, value: str) -> int:
        for i in range(self.at, min(self.at + 64, len(self.lines))):
            if self.lines[i][0] == value:
                self.at = i + 1
                return self.lines[i][1]
        return self.lines[self.at - 1][1] if self.at else 1


@define
class _Builder:
    pos: _Positions
    out: Lines = field(factory=Lines)
    ignored: list[str] = field(factory=list)

    def text(self, value: Any) -> None:
        if isinstance(value, str):
            line = self.pos.line_of(value)
            for part in value.replace("\r\n", "\n").split("\n"):
                self.out.add(part, line)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, list):
                    self.row(item)
                else:
                    self.text(item)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            self.out.add(str(value), self.last_line())

    def last_line(self) -> int:
        return self.pos.lines[self.pos.at - 1][1] if self.pos.at else 1

    def row(self, cells: list[Any]) -> None:
        texts: list[str] = []
        line = 0
        for c in cells:
            if isinstance(c, str):
                found = self.pos.line_of(c) if c else 0
                line = line or found
                texts.append(" ".join(c.split()).replace("|", " "))
            elif c is None:
                texts.append("")
            else:
                texts.append(str(c))
        if not line:
            line = self.last_line()
        self.out.add(" | ".join(texts), line)

    def section(self, sec: Any, key: str | None = None) -> None:
        if isinstance(sec, str | list):
            if key is not None:
                self.heading(key)
            self.text(sec)
            return
        if not isinstance(sec, dict):
            return
        heading = key
        for k, v in sec.items():
            if k in _HEADING_KEYS and isinstance(v, str):
                heading = v
        if heading is not None:
            self.heading(heading)
        for k, v in sec.items():
            if k in _HEADING_KEYS:
                continue
            if k in _TEXT_KEYS:
                self.text(v)
            elif k == "tables" and isinstance(v, list):
                for table in v:
                    if isinstance(table, list):
                        for r in table:
                            if isinstance(r, list):
                                self.row(r)
            elif k in _SUB_KEYS and isinstance(v, list):
                for sub in v:
                    self.section(sub)
            else:
                self.ignored.append(k)

    def heading(self, raw: str) -> None:
        self.out.add(_heading_line(raw), self.pos.line_of(raw))


def _heading_line(raw: str) -> str:
    """A model key or an unnumbered template heading → 「一、总体情况」; else as written."""
    for h in T.HEADINGS:
        if raw == h.key:
            return f"{h.numeral}、{h.label}"
    if not _NUMBERED.match(raw):
        for h in T.HEADINGS:
            if any(kw in raw for kw in h.keywords):
                return f"{h.numeral}、{raw.strip()}"
    return raw


def _walk_metadata(value: Any, b: _Builder) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    if isinstance(value, dict):
        items: Iterator[tuple[Any, Any]] = iter(value.items())
    elif isinstance(value, list):
        items = (tuple(p) for p in value if isinstance(p, list) and len(p) == 2)
    else:
        return pairs
    for k, v in items:
        b.pos.line_of(str(k))
        if isinstance(v, str):
            b.pos.line_of(v)
        pairs.append((str(k), "" if v is None else str(v)))
    return pairs


def read_json(text: str) -> JsonReading | None:
    """Read a JSON report; None when the text is not JSON of the accepted shapes."""
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError):  # deep nesting is not a report either
        return None
    b = _Builder(_Positions.scan(text))
    metadata: list[tuple[str, str]] = []
    if isinstance(doc, list):
        for sec in doc:
            b.section(sec)
    elif isinstance(doc, dict):
        found = False
        for k, v in doc.items():
            if k == "title" and isinstance(v, str):
                b.text(v)
                found = True
            elif k in ("metadata", "meta"):
                metadata = _walk_metadata(v, b)
            elif k == "preamble":
                b.text(v)
            elif k in _TEXT_KEYS:
                b.text(v)
                found = True
            elif k == "sections":
                found = True
                if isinstance(v, dict):
                    for heading, sec in v.items():
                        b.section(sec, heading)
                elif isinstance(v, list):
                    for sec in v:
                        b.section(sec)
            else:
                b.ignored.append(k)
        if not found:
            return None
    else:
        return None
    if not len(b.out):
        return None
    diags: list[Diagnostic] = []
    if b.ignored:
        diags.append(
            Diagnostic(
                "json-field-ignored",
                "JSON fields not in the schema were ignored: " + ", ".join(sorted(set(b.ignored))),
            )
        )
    return JsonReading(b.out, tuple(diags), tuple(metadata))

"""Word documents (.docx) → canonical lines, with python-docx (the ``office`` extra).

Why python-docx: it is the most used and best kept DOCX library (MIT, on lxml, which the
package already needs), and it gives the document's own XML: paragraphs and tables in document
order, and each table cell's ``gridSpan`` and ``vMerge``, so merged cells are expanded on the
table grid exactly as the HTML reader expands ``colspan``/``rowspan`` (:mod:`.grid`).
docx2python flattens merged cells away; mammoth goes through HTML and loses ``vMerge``.

What is read: the body's paragraphs and tables in document order (one line per paragraph, one
line per table row, cells parted by `` | ``); a table inside a cell is read as the cell's text.
What is not: page headers and footers, footnotes, comments, text boxes and tracked deletions.
Line numbers name the lines of the text read out (paragraphs and table rows in document order),
which is what a diagnostic quotes.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from govdisclosure.read.grid import Placed, expand
from govdisclosure.read.html_text import collapse

__all__ = ["docx_lines"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _text(el: Any) -> str:
    """A paragraph's (or a cell's) visible text: runs, tabs and breaks; deletions left out."""
    parts: list[str] = []
    for node in el.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}p", f"{_W}delText"):
        tag = node.tag
        if tag == f"{_W}t":
            parts.append(node.text or "")
        elif tag == f"{_W}p":
            parts.append("\n")  # a paragraph inside a cell: a break, as HTML's <p>
        elif tag != f"{_W}delText":
            parts.append(" " if tag == f"{_W}tab" else "\n")
    return collapse("".join(parts)).strip().replace("|", "/")


def _grid(tbl: Any) -> tuple[list[Placed], int]:
    """The table's cells on its grid; a ``vMerge`` continuation lengthens the cell above."""
    placed: list[Placed] = []
    open_at: dict[int, int] = {}  # grid column → index in placed of the cell merging down
    rows = 0
    for r, tr in enumerate(tbl.iterchildren(f"{_W}tr")):
        rows += 1
        c = 0
        pr = tr.find(f"{_W}trPr")
        before = pr.find(f"{_W}gridBefore") if pr is not None else None
        if before is not None:
            c = _int(before.get(f"{_W}val"), 0)
        for tc in tr.iterchildren(f"{_W}tc"):
            tcpr = tc.find(f"{_W}tcPr")
            span = merge = None
            if tcpr is not None:
                gs = tcpr.find(f"{_W}gridSpan")
                span = None if gs is None else gs.get(f"{_W}val")
                vm = tcpr.find(f"{_W}vMerge")
                merge = None if vm is None else (vm.get(f"{_W}val") or "continue")
            colspan = min(max(_int(span, 1), 1), 64)
            if merge == "continue" and c in open_at:
                above = placed[open_at[c]]
                placed[open_at[c]] = Placed(
                    above.row, above.col, above.text, above.rowspan + 1, above.colspan
                )
            else:
                placed.append(Placed(r, c, _text(tc), 1, colspan))
                if merge == "restart":
                    open_at[c] = len(placed) - 1
                else:
                    open_at.pop(c, None)
            c += colspan
    return placed, rows


def _int(raw: str | None, default: int) -> int:
    return int(raw) if raw is not None and raw.isdigit() and len(raw) < 6 else default


def _blocks(body: Any) -> Iterator[str]:
    for child in body.iterchildren():
        if child.tag == f"{_W}p":
            text = _text(child)
            if text:
                yield text
        elif child.tag == f"{_W}tbl":
            placed, rows = _grid(child)
            for cells in expand(placed, rows, tight=True):
                if any(cells):
                    yield " | ".join(cells)
        elif child.tag == f"{_W}sdt":  # a content control: its content, in order
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _blocks(content)


def docx_lines(data: bytes) -> list[str]:
    """The document's lines (paragraphs and table rows, in order)."""
    import docx  # the office extra; checked by the caller

    document = docx.Document(io.BytesIO(data))
    return list(_blocks(document.element.body))

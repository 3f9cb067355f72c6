"""PDF with a text layer → canonical lines, with pdfplumber (the ``office`` extra).

Why pdfplumber: MIT, pure Python on pdfminer.six (MIT), well kept, and it gives what a table
needs — every character with its box, and the ruling lines, from which it finds table cells
(merged cells included: a cell is the smallest ruled rectangle).  PyMuPDF is AGPL; pypdfium2
gives text but no table structure.

What is read, page by page, top to bottom:

* **ruled tables** (as Word and WPS export them): each cell's box is placed on the table's grid
  of ruling lines, so a merged cell gets its row and column span and is expanded as the HTML
  reader expands spans (:mod:`.grid`); a cell's wrapped lines are joined; a table continued on
  the next page is read on as more rows, the page footer and header between its parts dropped;
* **text outside ruled tables**: one line per printed line (a paragraph's lines joined); a gap
  between words wider than 0.8 of a character parts cells, so a table printed without rules
  is read as rows of cells, its wrapped labels put back into their cells (:mod:`.unruled`);
* **page headers and footers** are dropped: lines in the top or bottom tenth of a page that
  repeat on other pages (digits aside) or are page numbers (「第 3 页」, 「- 3 -」, 「3/7」).

A PDF without any text (a scan) is refused as ``no-text-layer``: OCR is needed first.
Every canonical line keeps its page and its line on the page (:attr:`PdfLines.places`).
"""

from __future__ import annotations

import io
import logging
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from typing import Any

from attrs import frozen

from govdisclosure.read.grid import Placed, expand, is_label
from govdisclosure.read.unruled import Piece, Printed, rejoin

__all__ = ["PdfLines", "pdf_lines"]

# pdfminer warns through logging about every oddity of a file; without a handler of the
# application's, Python would print them to standard error: a library stays quiet
logging.getLogger("pdfminer").addHandler(logging.NullHandler())

_PAGE_NUMBER = re.compile(
    r"^[\s\-－—–·•]*(?:第\s*)?\d{1,4}\s*(?:页|頁)?(?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*[页頁])?"
    r"[\s\-－—–·•]*$|^(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
MARGIN = 0.1  # the top and bottom tenth of a page: where headers and footers stand
GAP = 0.8  # a gap wider than this many characters parts two cells of an unruled row
SNAP = 2.0  # points: ruling lines this close are one


@frozen
class PdfLines:
    """The canonical lines and, per line, its page and its line on that page (1-based)."""

    lines: tuple[str, ...]
    places: tuple[tuple[int, int], ...]
    pages: int
    chars: int  # characters in the text layer (0: a scan)
    dropped: tuple[str, ...]  # header and footer lines dropped (one of each kind)
    joined: int = 0  # table rows cut by a page break and joined again
    rejoined: int = 0  # wrapped lines of unruled tables' cells put back into their cells


@frozen
class _Item:
    top: float
    texts: tuple[str, ...]  # one line, or a table's rows
    table: bool = False
    full: bool = False  # a line of prose that reaches the right margin: it goes on below
    single: bool = False  # a line of one cell (no wide gap)
    printed: Printed | None = None  # a line outside ruled tables, as cells with their places

    def lines(self) -> tuple[str, ...]:
        if self.printed is None:
            return self.texts
        return () if self.printed.dropped else (" | ".join(p.text for p in self.printed.pieces),)


def _wide(ch: str) -> bool:
    o = ord(ch)
    return 0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF


def _join(parts: Sequence[str]) -> str:
    """Wrapped lines of one cell or label: no gap between two CJK characters or digits."""
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if out and not (_wide(out[-1]) or _wide(part[0]) or out[-1].isdigit()):
            out += " "
        out += part
    return out.replace("|", "/")


def _rows_of(chars: Sequence[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Characters grouped into printed lines (by vertical overlap), each sorted left to right."""
    rows: list[list[dict[str, Any]]] = []
    bounds: list[tuple[float, float]] = []
    for ch in sorted(chars, key=lambda c: (round(c["top"], 1), c["x0"])):
        mid = (ch["top"] + ch["bottom"]) / 2
        for i in range(len(rows) - 1, max(-1, len(rows) - 3), -1):
            top, bottom = bounds[i]
            if top <= mid <= bottom:
                rows[i].append(ch)
                break
        else:
            rows.append([ch])
            bounds.append((ch["top"], ch["bottom"]))
    return [sorted(r, key=lambda c: c["x0"]) for r in rows]


def _text_cells(row: Sequence[dict[str, Any]]) -> list[Piece]:
    """A printed line's text, parted into cells where the gap is wider than GAP characters."""
    cells: list[list[dict[str, Any]]] = [[]]
    texts: list[list[str]] = [[]]
    prev = None
    for ch in row:
        if prev is not None:
            gap = ch["x0"] - prev["x1"]
            size = max(prev["size"], ch["size"], 1.0)
            if gap > GAP * size:
                cells.append([])
                texts.append([])
            elif gap > 0.2 * size and not (_wide(prev["text"]) and _wide(ch["text"])):
                texts[-1].append(" ")
        cells[-1].append(ch)
        texts[-1].append(ch["text"])
        prev = ch
    return [
        Piece("".join(t).strip().replace("|", "/"), float(c[0]["x0"]), float(c[-1]["x1"]))
        for c, t in zip(cells, texts, strict=True)
    ]


def _snap(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > SNAP:
            out.append(v)
    return out


def _index(edges: list[float], v: float) -> int:
    return max(0, bisect_right(edges, v + SNAP) - 1)


def _table_rows(table: Any, chars: list[dict[str, Any]]) -> list[str]:
    """A ruled table's rows: cells placed on the grid of its ruling lines, spans expanded.

    Two tables printed one right under the other are one ruled table to pdfplumber; they are
    parted again where no cell crosses a row boundary and the rows on either side have no
    column boundary in common (table 二's last block and table 三's header).
    """
    boxes = table.cells
    xs = _snap([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = _snap([b[1] for b in boxes] + [b[3] for b in boxes])
    spans: list[tuple[int, int, int, int]] = []
    for x0, top, x1, bottom in boxes:
        r0, c0 = _index(ys, top), _index(xs, x0)
        spans.append((r0, c0, max(r0 + 1, _index(ys, bottom)), max(c0 + 1, _index(xs, x1))))
    out: list[str] = []
    for part in _parts(spans, len(ys) - 1):
        out.extend(_grid_rows(part, boxes, spans, xs, ys, chars))
    return out


def _parts(spans: list[tuple[int, int, int, int]], rows: int) -> list[list[int]]:
    """The cells (indexes) of each table printed on its own, top to bottom."""
    crossing: set[int] = set()
    starts: list[set[int]] = [set() for _ in range(max(rows, 0))]
    for r0, c0, r1, _c1 in spans:
        crossing.update(range(r0 + 1, r1))  # a boundary some cell spans
        for r in range(r0, min(r1, rows)):
            starts[r].add(c0)
    cuts = [
        r
        for r in range(1, rows)
        if r not in crossing
        and not (starts[r - 1] - {0}) & (starts[r] - {0})
        and starts[r - 1] != {0}
        and starts[r] != {0}
    ]
    bounds = [0, *cuts, rows]
    groups: list[list[int]] = [[] for _ in range(len(bounds) - 1)]
    for i, (r0, *_rest) in enumerate(spans):
        groups[max(0, bisect_right(bounds, r0) - 1) if r0 < rows else len(groups) - 1].append(i)
    return [g for g in groups if g]


def _grid_rows(
    part: list[int],
    boxes: Sequence[tuple[float, float, float, float]],
    spans: list[tuple[int, int, int, int]],
    xs: list[float],
    ys: list[float],
    chars: list[dict[str, Any]],
) -> list[str]:
    top = min(spans[i][0] for i in part)
    owner: dict[tuple[int, int], int] = {}
    for i in part:
        r0, c0, r1, c1 = spans[i]
        for r in range(r0, r1):
            for c in range(c0, c1):
                owner.setdefault((r, c), i)
    texts: dict[int, list[dict[str, Any]]] = {i: [] for i in part}
    for ch in chars:
        r = _index(ys, (ch["top"] + ch["bottom"]) / 2) if ys else 0
        c = _index(xs, (ch["x0"] + ch["x1"]) / 2) if xs else 0
        cell = owner.get((r, c))
        if cell is not None:
            texts[cell].append(ch)
    placed = []
    for i in part:
        r0, c0, r1, c1 = spans[i]
        text = _join(["".join(ch["text"] for ch in line) for line in _rows_of(texts[i])])
        placed.append(Placed(r0 - top, c0, text, r1 - r0, c1 - c0))
    rows = max(spans[i][2] for i in part) - top
    return [" | ".join(cells) for cells in expand(placed, rows, tight=True) if any(cells)]


def _inside(ch: dict[str, Any], bbox: tuple[float, float, float, float]) -> bool:
    x = (float(ch["x0"]) + float(ch["x1"])) / 2
    y = (float(ch["top"]) + float(ch["bottom"])) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def _page_items(page: Any) -> tuple[list[_Item], list[tuple[float, str]]]:
    """A page's tables and lines, top to bottom; and the lines in its margins, apart."""
    chars = [c for c in page.chars if c["text"].strip()]
    tables = [t for t in page.find_tables() if len(t.cells) > 1]
    items: list[_Item] = []
    loose = list(chars)
    for t in tables:
        inside = [c for c in loose if _inside(c, t.bbox)]
        if not inside:
            continue
        ids = {id(c) for c in inside}
        loose = [c for c in loose if id(c) not in ids]
        items.append(_Item(t.bbox[1], tuple(_table_rows(t, inside)), table=True))
    margins: list[tuple[float, str]] = []
    height = float(page.height)
    rows = _rows_of(loose)
    left = min((float(r[0]["x0"]) for r in rows), default=0.0)
    right = float(page.width) - left  # the text block's right edge, as wide as the left margin
    for row in rows:
        cells = [c for c in _text_cells(row) if c.text]
        if not cells:
            continue
        top = min(c["top"] for c in row)
        bottom = max(c["bottom"] for c in row)
        text = " | ".join(c.text for c in cells)
        if bottom < height * MARGIN or top > height * (1 - MARGIN):
            margins.append((top, text))
        else:
            size = max(float(c["size"]) for c in row)
            full = len(cells) == 1 and float(row[-1]["x1"]) >= right - 2.5 * size
            printed = Printed(cells, size)
            items.append(_Item(top, (text,), False, full, len(cells) == 1, printed))
    items.sort(key=lambda it: it.top)
    return _paragraphs(items), margins


def _paragraphs(items: list[_Item]) -> list[_Item]:
    """Printed lines of prose joined into paragraphs: a line that reaches the right margin
    goes on in the next line of one cell."""
    out: list[_Item] = []
    for it in items:
        prev = out[-1] if out else None
        if prev is not None and prev.full and not it.table and it.single and it.printed:
            text = _join([prev.texts[0], it.texts[0]])
            piece = Piece(text, it.printed.pieces[0].x0, it.printed.pieces[0].x1)
            joined = Printed([piece], it.printed.size)
            out[-1] = _Item(prev.top, (text,), False, it.full, True, joined)
        else:
            out.append(it)
    return out


def pdf_lines(data: bytes) -> PdfLines:
    """The PDF's lines in reading order, each with its page and line on the page."""
    import pdfplumber  # the office extra; checked by the caller

    pages: list[tuple[list[_Item], list[tuple[float, str]]]] = []
    chars = 0
    last_was_table = last_full = False
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            chars += len(page.chars)
            if page.chars:
                pages.append(_page_items(page))
            else:
                pages.append(([], []))
            page.close()  # frees the page's parsed objects: memory stays flat
    moved = rejoin(
        [it.printed or Printed([], 0.0, table=True) for items, _m in pages for it in items], _join
    )
    repeated = Counter(
        _DIGITS.sub("#", text) for _items, margins in pages for text in {t for _t, t in margins}
    )
    lines: list[str] = []
    places: list[tuple[int, int]] = []
    dropped: dict[str, str] = {}
    joined = 0
    for number, (items, margins) in enumerate(pages, 1):
        on_page: list[tuple[float, tuple[str, ...], bool]] = [
            (it.top, it.lines(), it.table) for it in items
        ]
        for top, text in margins:
            key = _DIGITS.sub("#", text)
            if repeated[key] > 1 or _PAGE_NUMBER.match(text.replace(" | ", " ")):
                dropped.setdefault(key, text)
            else:
                on_page.append((top, (text,), False))
        on_page.sort(key=lambda x: x[0])
        line = 0
        for i, (_top, texts, table) in enumerate(on_page):
            rows = list(texts)
            if not rows:
                continue
            first = items[0] if items else None
            if (
                i == 0
                and first is not None
                and first.lines() == texts
                and lines
                and last_full
                and first.single
                and not first.table
            ):  # a paragraph going on from the last page
                lines[-1] = _join([lines[-1], rows[0]])
                rows = rows[1:]
            if i == 0 and table and rows and lines and last_was_table:
                merged = _continued(lines[-1], rows[0])
                if merged is not None:  # a row cut by the page break: its second half
                    lines[-1] = merged
                    rows = rows[1:]
                    joined += 1
            for text in rows:
                line += 1
                lines.append(text)
                places.append((number, line))
            last_was_table = table
            last_full = bool(items) and not table and texts == items[-1].lines() and items[-1].full
    return PdfLines(
        tuple(lines), tuple(places), len(pages), chars, tuple(dropped.values()), joined, moved
    )


def _continued(last: str, first: str) -> str | None:
    """``last`` + ``first`` cell by cell when ``first`` is the rest of a row cut by a page
    break: as wide, no value of its own, its words only where ``last`` has a label."""
    a, b = last.split(" | "), first.split(" | ")
    if len(a) != len(b) or not any(b):
        return None
    for x, y in zip(a, b, strict=True):
        if y and (not is_label(y) or not is_label(x)):
            return None
    return " | ".join(_join([x, y]) if y else x for x, y in zip(a, b, strict=True))

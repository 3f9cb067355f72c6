"""HTML pages → canonical lines (lxml's HTML parser; row and column spans expanded).

(Telling HTML from text, and decoding its bytes by its declared charset:
:mod:`govdisclosure.read.html_bytes`.)

Why lxml: it is the one HTML parser of the usual three that records, for every element, the
line of the source it starts on (``sourceline``), so each canonical line can name its line
in the user's file; it is a C parser (libxml2) and linear in the input, and it reads the
broken markup of Word exports and CMS pages without complaint.  html5lib is pure Python and
an order of magnitude slower; selectolax has no source positions.

What comes out: one line per paragraph, heading, list item or ``<br>``-separated run of text;
one line per table row with the cells joined by `` | ``.  Row and column spans are expanded
on the table's grid, so that every row has as many cells as the table has columns and each
number stands in the column it stands in on the page:

* a label cell (text) that spans columns is repeated in each column it covers, so that the
  number cells after it keep their places;
* a cell that spans rows is written in its first row only; the rows below get an empty cell;
* a number cell is never repeated: it is written once, in its first row and column;
* a blank cell (``<o:p>&nbsp;</o:p>``) is an empty cell, never 0.

Scripts, styles, forms and elements hidden with ``display:none`` are dropped, and so is a line
made of link text only (menus, share bars, related links): it is navigation, not the report.
Lines of page chrome in plain words (「当前位置：首页 > …」, 「附件下载」) are left to
:mod:`govdisclosure.read.chrome`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from attrs import define, field, frozen
from lxml import etree
from lxml import html as lxml_html

from govdisclosure.model import Diagnostic
from govdisclosure.read.grid import Placed, expand, spacer_columns
from govdisclosure.read.html_text import collapse
from govdisclosure.read.lines import Lines

__all__ = ["HtmlReading", "read_html"]

_SEP_IN_CELL = re.compile(r"[|\t]")
_ALNUM = re.compile(r"[^\W_]+")  # str.isalnum characters: \w is them and '_'


# ---------------------------------------------------------------------- tree walk

_DROP = frozenset(
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "applet",
        "select", "option", "button", "input", "textarea", "svg", "canvas", "map", "xml",
        "head", "title", "meta", "link", "base", "audio", "video",
    }
)  # fmt: skip
_BLOCK = frozenset(
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "blockquote", "pre", "section", "article", "header", "footer", "aside", "main", "nav",
        "center", "form", "fieldset", "address", "figure", "figcaption", "hr", "caption",
        "body", "html", "tr", "td", "th", "thead", "tbody", "tfoot", "legend", "details",
        "summary", "menu", "table",
    }
)  # fmt: skip
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all", re.I)
_META_NAMES = ("ArticleTitle", "PubDate", "ContentSource", "SiteName", "ColumnName")
MAX_COLSPAN = 64  # real tables have some 15 columns; a larger span is clamped
MAX_ROWSPAN = 1000
MAX_SLOTS = 50_000  # grid cells of one table (table 三 has 280): spans beyond are not expanded


def _tag(el: etree._Element) -> str | None:
    tag = el.tag
    if not isinstance(tag, str):
        return None  # comment, processing instruction, entity
    return tag.rsplit("}", 1)[-1].lower()


def _hidden(el: etree._Element) -> bool:
    style = el.get("style")
    return (style is not None and _HIDDEN.search(style) is not None) or el.get("hidden") is not None


def _line_of(el: etree._Element, text: str | None) -> int:
    """The source line where ``text`` (the element's own text) starts."""
    line = el.sourceline or 0
    if text and line:
        lead = len(text) - len(text.lstrip())
        line += text.count("\n", 0, lead)
    return line


def _tail_line(el: etree._Element) -> int:
    """The source line where ``el.tail`` starts (the next sibling's line, counted back)."""
    tail = el.tail or ""
    nxt = el.getnext()
    if nxt is not None and nxt.sourceline:
        body = tail[len(tail) - len(tail.lstrip()) :]
        return max(1, nxt.sourceline - body.count("\n"))
    base = el.sourceline or 0
    if not base:
        return 0
    lead = len(tail) - len(tail.lstrip())
    return base + tail.count("\n", 0, lead)


@define
class _Flow:
    """Inline text gathered into lines; a line is navigation when all of it is link text."""

    lines: Lines = field(factory=Lines)
    dropped_links: list[tuple[int, str]] = field(factory=list)
    _parts: list[str] = field(factory=list)
    _link_chars: int = 0
    _chars: int = 0
    _origin: int = 0

    def text(self, s: str | None, line: int, in_link: bool) -> None:
        if not s:
            return
        if not self._origin and s.strip():
            self._origin = line or 1
        self._parts.append(s)
        visible = sum(map(len, _ALNUM.findall(s)))
        self._chars += visible
        if in_link:
            self._link_chars += visible

    def row(self, text: str, line: int) -> None:
        self.flush()
        self.lines.add(text, line)

    def flush(self) -> None:
        if self._parts:
            text = _SEP_IN_CELL.sub("/", collapse("".join(self._parts)).strip())
            if text:
                if self._chars and self._link_chars == self._chars:
                    self.dropped_links.append((self._origin, text))
                else:
                    self.lines.add(text, self._origin)
        self._parts = []
        self._chars = self._link_chars = 0
        self._origin = 0


@define
class _Reader:
    flow: _Flow = field(factory=_Flow)
    clamped: list[tuple[int, str]] = field(factory=list)
    spacers: list[tuple[int, str]] = field(factory=list)

    # ---------------------------------------------------------------- flow

    def walk(self, root: etree._Element) -> None:
        """Read the element tree in document order (iteratively: pages nest deeply).

        A table that holds tables is page layout: its cells are read as blocks.
        """
        links = 0
        for event, el, tag, skip_subtree in _visible(root):
            if event == "start":
                if tag == "br":
                    self.flow.flush()
                elif tag == "table" and el.find(".//table") is None:
                    self.flow.flush()
                    self._data_table(el)
                    skip_subtree()
                else:
                    if tag in _BLOCK:
                        self.flow.flush()
                    if tag == "a":
                        links += 1
                    self.flow.text(el.text, _line_of(el, el.text), links > 0)
                continue
            if event == "end":
                if tag == "a":
                    links = max(0, links - 1)
                if tag in _BLOCK:
                    self.flow.flush()
            if el is not root:
                self.flow.text(el.tail, _tail_line(el), links > 0)

    # ---------------------------------------------------------------- tables

    def _data_table(self, table: etree._Element) -> None:
        caption = table.find("caption")
        if caption is not None:
            self.walk(caption)
            self.flow.flush()
        rows = list(_rows(table))
        placed: list[Placed] = []
        taken: set[tuple[int, int]] = set()
        for r, tr in enumerate(rows):
            c = 0
            for td in _cells(tr):
                while (r, c) in taken:
                    c += 1
                colspan = self._span(td, "colspan", MAX_COLSPAN)
                rowspan = min(self._span(td, "rowspan", MAX_ROWSPAN), len(rows) - r)
                if (rowspan > 1 or colspan > 1) and len(taken) + rowspan * colspan > MAX_SLOTS:
                    self.clamped.append(
                        (
                            td.sourceline or 0,
                            f"span {rowspan}×{colspan} dropped: the table is too big",
                        )
                    )
                    rowspan = colspan = 1
                placed.append(Placed(r, c, _cell_text(td), rowspan, colspan))
                taken.update((r + dr, c + dc) for dr in range(rowspan) for dc in range(colspan))
                c += colspan
        spacers = spacer_columns(placed, len(rows))
        if spacers:
            width = max(p.col + p.colspan for p in placed)
            self.spacers.append(
                (
                    (rows[0].sourceline or 0) if rows else 0,
                    f"{len(spacers)} grid column(s) of a table blank in every row dropped "
                    f"(column {', '.join(str(c + 1) for c in sorted(spacers))} of {width})",
                )
            )
        for tr, cells in zip(rows, expand(placed, len(rows), drop=spacers), strict=True):
            if any(cells):
                self.flow.row(" | ".join(cells), tr.sourceline or 0)

    def _span(self, td: etree._Element, name: str, limit: int) -> int:
        raw = td.get(name)
        if raw is None:
            return 1
        # at most 9 digits are read: a longer number is beyond any limit (and int() of
        # thousands of digits would raise)
        m = re.match(r"\s*0*(\d{1,9})(\d*)", raw)
        n = (limit + 1 if m.group(2) else int(m.group(1))) if m else 1
        if n < 1:
            return 1
        if n > limit:
            self.clamped.append((td.sourceline or 0, f"{name}={n} clamped to {limit}"))
            return limit
        return n


def _rows(table: etree._Element) -> Iterator[etree._Element]:
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            yield child
        elif tag in ("thead", "tbody", "tfoot"):
            for tr in child:
                if _tag(tr) == "tr":
                    yield tr


def _cells(tr: etree._Element) -> Iterator[etree._Element]:
    for td in tr:
        if _tag(td) in ("td", "th") and not _hidden(td):
            yield td


def _visible(
    root: etree._Element,
) -> Iterator[tuple[str, etree._Element, str | None, Callable[[], None]]]:
    """Document-order events of the elements a reader sees: ("start" | "end", …).

    A dropped element (script, hidden …) gives only a "skipped" event, for its tail.
    """
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = _tag(el)
        skipped = tag is None or tag in _DROP or _hidden(el)
        if event == "start":
            if skipped:
                walker.skip_subtree()
                continue
            yield "start", el, tag, walker.skip_subtree
        else:
            yield ("skipped" if skipped else "end"), el, tag, walker.skip_subtree


def _cell_text(td: etree._Element) -> str:
    """A cell's text on one line: line breaks and paragraphs inside it become spaces."""
    if len(td) == 0:  # no child element (most cells): its own text, without the tree walk
        return _SEP_IN_CELL.sub(" ", collapse(td.text or "").strip())
    parts: list[str] = []
    for event, el, tag, _skip in _visible(td):
        if event == "start":
            if tag == "br" or tag in _BLOCK:
                parts.append(" ")
            parts.append(el.text or "")
            continue
        if event == "end" and tag in _BLOCK:
            parts.append(" ")
        if el is not td:
            parts.append(el.tail or "")
    text = collapse("".join(parts)).strip()
    return _SEP_IN_CELL.sub(" ", text)


# ---------------------------------------------------------------------- entry


@frozen
class HtmlReading:
    lines: Lines
    diagnostics: tuple[Diagnostic, ...]
    metadata: tuple[tuple[str, str], ...]


_XML_DECL = re.compile(r"^(\s*)<\?xml[^>]*\?>", re.IGNORECASE)


def read_html(text: str) -> HtmlReading:
    """Read an HTML page (already decoded) into canonical lines mapped to its source lines."""
    # lxml refuses a str that carries an XML encoding declaration; keep the line count
    text = _XML_DECL.sub(lambda m: m.group(1), text, count=1)
    parser = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
    try:
        root = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):
        return HtmlReading(Lines(), (), ())
    reader = _Reader()
    body = root.find("body")
    reader.walk(body if body is not None else root)
    reader.flow.flush()
    diags: list[Diagnostic] = []
    for line, what in reader.clamped:
        diags.append(Diagnostic("span-clamped", f"table cell {what}", line or None))
    for line, what in reader.spacers:
        diags.append(Diagnostic("column-spacer", what, line or None))
    if reader.flow.dropped_links:
        first_line = reader.flow.dropped_links[0][0]
        shown = "、".join(t[:12] for _l, t in reader.flow.dropped_links[:6])
        more = len(reader.flow.dropped_links) - 6
        diags.append(
            Diagnostic(
                "chrome-dropped",
                f"{len(reader.flow.dropped_links)} line(s) of link text only (navigation) "
                f"dropped: {shown}" + (f" and {more} more" if more > 0 else ""),
                first_line or None,
            )
        )
    return HtmlReading(reader.flow.lines, tuple(diags), _head_metadata(root))


def _head_metadata(root: etree._Element) -> tuple[tuple[str, str], ...]:
    pairs: list[tuple[str, str]] = []
    for meta in root.iter("meta"):
        name = meta.get("name") or ""
        content = (meta.get("content") or "").strip()
        if name in _META_NAMES and content:
            pairs.append((name, content))
    return tuple(pairs)

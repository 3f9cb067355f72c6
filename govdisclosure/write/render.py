"""A report written back as text, in the layouts real files come in.

``render(report, layout)`` writes the title, the metadata table, the preamble, the six
sections with their sub-sections, tables 二, 三 and 四 as the template lays them out, and the
signature.  Layouts (:data:`LAYOUTS`, or any :class:`Layout`):

- ``pipe``: cells joined by 「 | 」, plain headings (text copied from an HTML table; seeds
  000–003);
- ``tab``: Markdown headings, cells joined by tabs on a fixed grid (copied from Word; seed 004);
- ``markdown``: Markdown headings and Markdown tables;
- ``traditional``: ``pipe`` in Traditional script (OpenCC ``s2t``; seeds 000, 002);
- ``fullwidth``: ``pipe`` with full-width digits and decimal points;
- ``html``: a web page, tables with the template's real ``rowspan``/``colspan`` (table 三's
  note cell 3×3, 三、本年度办理结果 over 20 or 22 rows, …), as ``pandas.read_html`` and the
  HTML reader read them (:mod:`govdisclosure.write.html_layout`).

Useful for fixtures: ``parse_report(render(report, layout))`` gives back the same numbers.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Literal

from attrs import frozen

from govdisclosure import template as T
from govdisclosure.model import Report, Section
from govdisclosure.write.grids import Grid, appeal_grid, proactive_grid, request_grid

__all__ = ["LAYOUTS", "Layout", "render"]

_SUB_NUMERALS = "一二三四五六七八九十"


@frozen
class Layout:
    """How cells are separated, how headings are marked, which script and digits."""

    cells: Literal["pipe", "tab", "markdown", "html"] = "pipe"
    headings: Literal["plain", "markdown"] = "plain"
    traditional: bool = False
    fullwidth: bool = False


LAYOUTS: dict[str, Layout] = {
    "pipe": Layout(),
    "tab": Layout("tab", "markdown"),
    "markdown": Layout("markdown", "markdown"),
    "traditional": Layout(traditional=True),
    "fullwidth": Layout(fullwidth=True),
    "html": Layout("html"),
}


def render(report: Report, layout: str | Layout = "pipe") -> str:
    """The report as text in ``layout`` (a name of :data:`LAYOUTS` or a :class:`Layout`)."""
    if isinstance(layout, str) and layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; one of {', '.join(LAYOUTS)} or a Layout")
    lay = LAYOUTS[layout] if isinstance(layout, str) else layout
    if lay.cells == "html":
        from govdisclosure.write.html_layout import render_html

        text = render_html(report)
    else:
        text = "\n".join(_lines(report, lay)) + "\n"
    if lay.traditional:
        text = _traditional(text)
    if lay.fullwidth and lay.cells == "html":  # the text between the tags only
        text = _BETWEEN_TAGS.sub(lambda m: m.group().translate(_FULLWIDTH), text)
    elif lay.fullwidth:
        text = text.translate(_FULLWIDTH)
    return text


_BETWEEN_TAGS = re.compile(r"(?<=>)[^<]+(?=<)")


_FULLWIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


@functools.cache
def _s2t() -> object:
    import opencc

    return opencc.OpenCC("s2t")


def _traditional(text: str) -> str:
    result: str = _s2t().convert(text)  # type: ignore[attr-defined]
    return result


# --------------------------------------------------------------------------- lines


def _heading(lay: Layout, level: int, text: str) -> str:
    return f"{'#' * level} {text}" if lay.headings == "markdown" else text


def _prose(text: str) -> Iterator[str]:
    yield from (line for line in text.split("\n") if line.strip())


def _section(lay: Layout, numeral: str, label: str, section: Section | None) -> Iterator[str]:
    yield ""
    yield _heading(lay, 2, f"{numeral}、{section.title if section else label}")
    if section is None:
        return
    yield from _prose(section.text)
    for i, sub in enumerate(section.subsections):
        yield _heading(lay, 3, f"（{_SUB_NUMERALS[i % 10]}）{sub.title}")
        yield from _prose(sub.text)
        for j, deeper in enumerate(sub.subsections, 1):
            yield f"{j}. {deeper.title}"
            yield from _prose(deeper.text)


def _lines(report: Report, lay: Layout) -> Iterator[str]:
    if report.metadata:  # three 「key | value」 pairs a row, as on the publishing page
        rows = tuple(
            tuple(c for pair in report.metadata[i : i + 3] for c in pair)
            for i in range(0, len(report.metadata), 3)
        )
        yield from _table(lay, Grid(rows, rows, 0))
        yield ""
    if report.title:
        yield _heading(lay, 1, report.title)
    yield from _prose(report.preamble)
    tables = {
        "proactive": proactive_grid(report.proactive),
        "requests": request_grid(report),
        "appeals": appeal_grid(report.appeals),
    }
    for h in T.HEADINGS:
        part = getattr(report, h.key)
        yield from _section(lay, h.numeral, h.label, part if isinstance(part, Section) else None)
        if h.key in tables:
            yield ""
            yield from _table(lay, tables[h.key])
    if report.signed_by or report.signed_on:
        yield ""
    if report.signed_by:
        yield report.signed_by
    if report.signed_on:
        d = report.signed_on
        yield f"{d.year}年{d.month}月{d.day}日"


# --------------------------------------------------------------------------- tables


def _table(lay: Layout, grid: Grid) -> Iterator[str]:
    width = grid.width
    if lay.cells == "pipe":
        # HTML copies end rows with the empty cells of the widest row, and one more
        for row in grid.packed:
            pad = width + 1 - len(row)
            yield " | ".join(row) + (" | " + "|" * (pad - 1) if pad > 1 else " |")
    elif lay.cells == "tab":
        for row in grid.aligned:
            yield "\t".join(row) + "\t" * (width - len(row))
    else:
        for i, row in enumerate(grid.aligned):
            cells = [*row, *[""] * (width - len(row))]
            yield "| " + " | ".join(cells) + " |"
            if i == 0:
                yield "|" + "---|" * width

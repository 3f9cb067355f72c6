"""Tables 二, 三 and 四 as HTML lays them out — merged cells as rowspan/colspan — and a report
written as a web page (the ``html`` layout of :func:`govdisclosure.write.render.render`).

The spans are those of real pages (template-spec §3, §4.1, §4.2, §5): table 三's note cell
``rowspan=3 colspan=3``, 申请人情况 ``colspan=7``, 三、本年度办理结果 ``rowspan=20`` (V2019) or
``22`` (V2021), （三）不予公开 ``rowspan=8``, （四） 3, （五） 5, （六） 3 (V2021) or one row
``colspan=2`` (V2019); table 四's 行政复议 ``colspan=5`` and 行政诉讼 ``colspan=10``.
``pandas.read_html`` reads the page back into the same grid.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Sequence
from decimal import Decimal

from attrs import frozen

from govdisclosure import template as T
from govdisclosure.model import Report, Section, Template

__all__ = ["HtmlCell", "appeal_rows", "proactive_rows", "render_html", "request_rows"]

WIDTH_2 = 4  # table 二: 信息内容 and at most three value columns


@frozen
class HtmlCell:
    """One ``<td>``: a label, or the place of the value of ``key`` (a flat key)."""

    text: str = ""
    key: str | None = None
    kind: T.ValueKind = "count"
    unit: str = ""  # written after a money value whose header names no unit
    rowspan: int = 1
    colspan: int = 1


def proactive_rows(version: Template) -> list[list[HtmlCell]]:
    """Blocks 第二十条第（N）项: a title row across the table, 信息内容 header, item rows."""
    rows: list[list[HtmlCell]] = []
    for block in T.spec(version).proactive:
        rows.append([HtmlCell(block.title, colspan=WIDTH_2)])
        last = WIDTH_2 - len(block.columns)  # the last column takes up the rest
        rows.append(
            [
                HtmlCell(T.PROACTIVE_HEADER),
                *(
                    HtmlCell(c.label, colspan=last if i == len(block.columns) - 1 else 1)
                    for i, c in enumerate(block.columns)
                ),
            ]
        )
        for row in block.rows:
            cells = [HtmlCell(row.label)]
            for i, col in enumerate(block.columns):
                key = f"proactive.{row.key}.{col.key}"
                unit = "万元" if col.kind == "money" and "万元" not in col.label else ""
                span = last if i == len(block.columns) - 1 else 1
                cells.append(HtmlCell(key=key, kind=col.kind, unit=unit, colspan=span))
            rows.append(cells)
    return rows


_RESULTS = T.REQUEST_GROUPS[0]


def request_rows(version: Template) -> list[list[HtmlCell]]:
    """Table 三: three header rows, then one row per template row with its group cells."""
    natural, *legal, total = T.REQUEST_COLUMNS
    rows: list[list[HtmlCell]] = [
        [HtmlCell(T.REQUEST_NOTE, rowspan=3, colspan=3), HtmlCell(T.REQUEST_APPLICANTS, colspan=7)],
        [
            HtmlCell(natural.label, rowspan=2),
            HtmlCell(T.REQUEST_LEGAL_PERSONS, colspan=5),
            HtmlCell(total.label, rowspan=2),
        ],
        [HtmlCell(c.label) for c in legal],
    ]
    data = T.spec(version).request_rows
    sizes: dict[str, int] = {}
    for r in data:
        if r.group is not None:
            sizes[r.group] = sizes.get(r.group, 0) + 1
    results = sum(1 for r in data if r.key.startswith("outcomes"))
    opened: set[str] = set()
    for r in data:
        cells: list[HtmlCell] = []
        if r.key.startswith("outcomes") and _RESULTS not in opened:
            opened.add(_RESULTS)
            cells.append(HtmlCell(_RESULTS, rowspan=results))
        if r.group is None:
            cells.append(HtmlCell(r.label, colspan=3))
        elif r.group == _RESULTS:
            cells.append(HtmlCell(r.label, colspan=2))
        else:
            if r.group not in opened:
                opened.add(r.group)
                cells.append(HtmlCell(r.group, rowspan=sizes[r.group]))
            cells.append(HtmlCell(r.label))
        cells += [HtmlCell(key=f"requests.{r.key}.{c.key}") for c in T.REQUEST_COLUMNS]
        rows.append(cells)
    return rows


def appeal_rows() -> list[list[HtmlCell]]:
    """Table 四: 行政复议 (5) | 行政诉讼 (10), the groups, the columns, the 15 numbers."""
    columns = T.APPEAL_COLUMNS
    return [
        [HtmlCell(T.APPEAL_GROUPS[0].label, colspan=5), HtmlCell(T.APPEAL_LITIGATION, colspan=10)],
        [HtmlCell(c.label, rowspan=2) for c in columns]
        + [HtmlCell(g.label, colspan=5) for g in T.APPEAL_GROUPS[1:]],
        [HtmlCell(c.label) for _g in T.APPEAL_GROUPS[1:] for c in columns],
        [HtmlCell(key=k) for k, _g, _c in T.appeal_fields()],
    ]


def show(value: object, kind: str, unit: str = "") -> str:
    """A value as a cell shows it; None is a blank cell (never 0)."""
    if value is None:
        return ""
    if kind == "signed" and isinstance(value, int):
        return "0" if value == 0 else (f"增{value}" if value > 0 else f"减{-value}")
    if isinstance(value, Decimal):
        return format(value, "f") + unit
    return str(value)


# ---------------------------------------------------------------------- the page


def _td(cell: HtmlCell, values: dict[str, object]) -> str:
    spans = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (
        f' colspan="{cell.colspan}"' if cell.colspan > 1 else ""
    )
    text = cell.text if cell.key is None else show(values.get(cell.key), cell.kind, cell.unit)
    return f"<td{spans}>{html.escape(text)}</td>"


def _table(rows: Sequence[Sequence[HtmlCell]], values: dict[str, object]) -> Iterator[str]:
    yield '<table border="1" cellspacing="0" cellpadding="4">'
    for row in rows:
        yield "<tr>" + "".join(_td(c, values) for c in row) + "</tr>"
    yield "</table>"


def _paragraphs(text: str) -> Iterator[str]:
    for line in text.split("\n"):
        if line.strip():
            yield f"<p>{html.escape(line)}</p>"


_SUB = "一二三四五六七八九十"


def _section(numeral: str, section: Section) -> Iterator[str]:
    yield f"<h2>{html.escape(f'{numeral}、{section.title}')}</h2>"
    yield from _paragraphs(section.text)
    for i, sub in enumerate(section.subsections):
        yield f"<h3>{html.escape(f'（{_SUB[i % 10]}）{sub.title}')}</h3>"
        yield from _paragraphs(sub.text)
        for j, deeper in enumerate(sub.subsections, 1):
            yield f"<p>{j}. {html.escape(deeper.title)}</p>"
            yield from _paragraphs(deeper.text)


def render_html(report: Report) -> str:
    """The report as a government web page."""
    from govdisclosure.write.serialize import flatten

    values: dict[str, object] = dict(flatten(report))
    title = report.title or "政府信息公开工作年度报告"
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        '<head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title></head>",
        "<body>",
    ]
    if report.metadata:  # three 「key | value」 pairs a row, as on the publishing page
        out.append('<table class="metadata">')
        for i in range(0, len(report.metadata), 3):
            cells = "".join(
                f"<td>{html.escape(k)}</td><td>{html.escape(v)}</td>"
                for k, v in report.metadata[i : i + 3]
            )
            out.append(f"<tr>{cells}</tr>")
        out.append("</table>")
    if report.title:
        out.append(f"<h1>{html.escape(report.title)}</h1>")
    out += _paragraphs(report.preamble)
    tables = {
        "proactive": proactive_rows(report.template),
        "requests": request_rows(report.template),
        "appeals": appeal_rows(),
    }
    for h in T.HEADINGS:
        part = getattr(report, h.key)
        if isinstance(part, Section):
            out += _section(h.numeral, part)
        else:
            out.append(f"<h2>{h.numeral}、{h.label}</h2>")
        if h.key in tables:
            out += _table(tables[h.key], values)
    if report.signed_by:
        out.append(f'<p style="text-align:right">{html.escape(report.signed_by)}</p>')
    if report.signed_on:
        d = report.signed_on
        out.append(f'<p style="text-align:right">{d.year}年{d.month}月{d.day}日</p>')
    out += ["</body>", "</html>", ""]
    return "\n".join(out)

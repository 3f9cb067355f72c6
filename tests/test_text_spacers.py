"""Spacer columns in text tables (issue 12, class 1): a table copied from Word as pipe,
Markdown or tab text keeps a grid column that is blank in every row.  Inserting one into
table 三 or table 二's first block of any generated report changes no number, and the
table gets one ``column-spacer`` diagnostic."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from strategies import consistent_reports
from support import seed_text

from govdisclosure import Report, flatten, parse_report, render
from govdisclosure import template as T
from govdisclosure.template import number_fields

_SEP = {"pipe": "|", "markdown": "|", "tab": "\t"}
_NOTE = "勾稽关系"  # table 三's first line, in both templates


def numbers(report: Report) -> dict[str, object]:
    flat = flatten(report)
    return {k: flat[k] for k, _kind in number_fields(report.template)}


def _is_value(text: str) -> bool:
    return text.strip() == "" or text.strip().isdigit()


def _insert(line: str, layout: str, at: int, by_grid: bool) -> str:
    """``line`` with an empty cell inserted: before grid cell ``at`` (Markdown, tabs keep
    the grid), or (pipe text omits the cells a label spans) before value cell ``at``."""
    cells = line.split(_SEP[layout])
    if layout == "markdown":
        at += 1  # the text before the leading pipe
    if not by_grid:
        labels = next(i for i, c in enumerate(cells) if i and _is_value(c))
        at += labels
    if at >= len(cells):
        return line
    blank = "---" if set(cells[at].strip()) == {"-"} else " "
    return _SEP[layout].join([*cells[:at], blank, *cells[at:]])


def with_spacer(text: str, layout: str, table: str, column: int) -> str:
    """The rendered report with a spacer column in table 三 or in table 二's first block."""
    lines = text.splitlines()
    if table == "三":
        first = next(i for i, x in enumerate(lines) if _NOTE in x)
        total = T.spec(T.Template.V2021).request_rows[-1].label
        last = next(i for i, x in enumerate(lines) if i > first and total in x)
    else:
        title = next(i for i, x in enumerate(lines) if "第二十条" in x)
        first, last = title, title + (5 if layout == "markdown" else 4)
    by_grid = layout != "pipe"
    for i in range(first, last + 1):
        if not by_grid and not any(c.strip().isdigit() for c in lines[i].split("|")):
            continue  # pipe text: the spacer is among the values (its headers are short)
        lines[i] = _insert(lines[i], layout, column, by_grid)
    return "\n".join(lines) + "\n"


@given(
    consistent_reports(),
    st.sampled_from(["pipe", "markdown", "tab"]),
    st.sampled_from(["二", "三"]),
    st.data(),
)
def test_a_blank_column_inside_a_text_table_changes_no_number(
    report: Report, layout: str, table: str, data: st.DataObject
) -> None:
    values = 3 if table == "二" else len(T.REQUEST_COLUMNS)
    if layout == "pipe":  # between two value cells
        column = data.draw(st.integers(1, values - 1), label="value cell")
    else:  # a grid column inside the values: after the labels, before the last value
        width = 4 if table == "二" else 3 + values
        column = data.draw(st.integers(width - values + 1, width - 1), label="grid column")
    text = with_spacer(render(report, layout), layout, table, column)
    assert text != render(report, layout) + "\n"
    again = parse_report(text)
    assert numbers(again) == numbers(report)
    (spacer,) = [d for d in again.diagnostics if d.code == "column-spacer"]
    assert f"table {table}" in spacer.message


def test_a_blank_column_in_a_seed_pipe_table() -> None:
    """Seed 003's own text (Word's pipe export, rowspans omitted) with a spacer after the
    first value of every row of table 三: exact, with the diagnostic on the table."""
    text = seed_text("003_d01d2cbab1ffe994")
    damaged = with_spacer(text, "pipe", "三", 1)
    assert damaged.count("| 70 | | 2 |") == 1
    report = parse_report(damaged)
    assert numbers(report) == numbers(parse_report(text))
    assert [d.code for d in report.diagnostics].count("column-spacer") == 1


def test_a_column_blank_in_rows_that_fit_is_data_not_a_spacer() -> None:
    """A column the organ left blank in every row, in rows of the template's width, stays:
    its cells are None, no value moves."""
    text = seed_text("003_d01d2cbab1ffe994")
    lines = text.splitlines()
    first = next(i for i, x in enumerate(lines) if _NOTE in x)
    for i in range(first, first + 28):
        cells = lines[i].split("|")
        if sum(c.strip().isdigit() for c in cells) >= 7:
            at = next(j for j, c in enumerate(cells) if j and _is_value(c)) + 1
            cells[at] = " "  # the 法人: 商业企业 column blanked
            lines[i] = "|".join(cells)
    report = parse_report("\n".join(lines))
    assert report.requests.new_received.commercial is None
    assert report.requests.new_received.natural_person == 70
    assert report.requests.new_received.total == 72
    assert "column-spacer" not in [d.code for d in report.diagnostics]

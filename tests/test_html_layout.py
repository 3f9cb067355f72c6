"""Reports written as web pages (tables with the template's rowspan/colspan) read back:
``parse_report(render(r, "html"))`` has the numbers of ``r``."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import consistent_reports
from support import seed_text

from govdisclosure import Report, Template, flatten, parse_report, render
from govdisclosure.template import number_fields
from govdisclosure.write.html_layout import render_html
from govdisclosure.write.render import Layout


def _numbers(flat: dict[str, object], template: Template) -> dict[str, object]:
    return {k: flat[k] for k, _kind in number_fields(template)}


def test_a_seed_written_as_a_page_reads_back_to_the_same_numbers(seed_name: str) -> None:
    report = parse_report(seed_text(seed_name))
    flat = flatten(report)
    page = render_html(report)
    again = parse_report(page)
    assert again.template is report.template
    assert _numbers(flatten(again), report.template) == _numbers(flat, report.template)
    assert again.title == report.title


def test_the_page_has_the_template_spans() -> None:
    report = parse_report(seed_text("003_d01d2cbab1ffe994"))
    page = render_html(report)
    for span in ('rowspan="22"', 'rowspan="8"', 'rowspan="5"', 'rowspan="3" colspan="3"'):
        assert span in page
    v2019 = parse_report(seed_text("001_0494dfef68de25df"))
    assert 'rowspan="20"' in render_html(v2019)


def test_pandas_reads_the_grid() -> None:
    pandas = pytest.importorskip("pandas")
    from io import StringIO

    report = parse_report(seed_text("003_d01d2cbab1ffe994"))
    tables = pandas.read_html(StringIO(render_html(report)))
    requests = tables[-2]
    assert requests.shape == (28, 10)
    assert list(requests.iloc[3, 3:]) == ["70", "2", "0", "0", "0", "0", "72"]


@given(
    consistent_reports(claims=True),
    st.builds(Layout, cells=st.just("html"), traditional=st.booleans(), fullwidth=st.booleans()),
)
def test_any_report_written_as_a_page_reads_back_to_its_numbers(
    report: Report, layout: Layout
) -> None:
    again = parse_report(render(report, layout))
    assert again.template is report.template
    assert _numbers(flatten(again), again.template) == _numbers(flatten(report), report.template)
    assert [d.code for d in again.diagnostics] == []


# ---------------------------------------------------------------- spacer columns (issue 12)


def with_spacer(page: str, table_index: int, column: int) -> str:
    """The page with an empty grid column inserted before grid column ``column`` of its
    ``table_index``-th table, as Word exports write one: a cell spanning across it covers it
    (its colspan grows), a cell starting there gets an empty cell of the same rowspan before
    it.  Spans are followed on the grid, so every row keeps its width."""
    from lxml import etree
    from lxml import html as lxml_html

    root = lxml_html.document_fromstring(page)
    tables = root.findall(".//table")
    table = tables[table_index % len(tables)]
    taken: set[tuple[int, int]] = set()
    for r, tr in enumerate(table.findall(".//tr")):
        c = 0
        for td in list(tr):
            while (r, c) in taken:
                c += 1
            span = int(td.get("colspan", "1"))
            down = int(td.get("rowspan", "1"))
            for dr in range(down):
                for dc in range(span):
                    taken.add((r + dr, c + dc))
            if c < column < c + span:
                td.set("colspan", str(span + 1))
            elif c == column:
                spacer = etree.Element("td")
                if down > 1:
                    spacer.set("rowspan", str(down))
                td.addprevious(spacer)
            c += span
    return etree.tostring(root, encoding="unicode", method="html")


@given(
    consistent_reports(),
    st.integers(min_value=0, max_value=20),
    st.integers(min_value=1, max_value=12),
)
def test_an_all_blank_column_anywhere_in_a_table_changes_no_number(
    report: Report, table_index: int, column: int
) -> None:
    page = with_spacer(render_html(report), table_index, column)
    again = parse_report(page)
    assert _numbers(flatten(again), again.template) == _numbers(flatten(report), report.template)


def test_a_spacer_column_is_dropped_with_one_diagnostic_per_table() -> None:
    report = parse_report(seed_text("003_d01d2cbab1ffe994"))
    page = render_html(report)
    n_tables = page.count("<table")
    for index in range(1, n_tables):  # every table but the metadata one
        page = with_spacer(page, index, 4)
    again = parse_report(page)
    assert _numbers(flatten(again), again.template) == _numbers(flatten(report), report.template)
    spacer = [d for d in again.diagnostics if d.code == "column-spacer"]
    assert 1 <= len(spacer) <= n_tables - 1
    assert all(d.line is not None for d in spacer)

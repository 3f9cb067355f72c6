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

"""Fuzzing the readers: damaged HTML pages, crawler dumps, JSON and mojibake give a Report or
a ParseError, never any other exception, and every diagnostic line is a line of the input."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mutations import ENCODINGS, damage, mutation
from support import DATA

from govdisclosure import ParseError, Report, parse_report

FIXTURES = DATA / "fixtures"
MANIFEST = json.loads((FIXTURES / "readers.json").read_text("utf-8"))


def _text(file: str) -> str:
    data = (FIXTURES / file).read_bytes()
    for codec in ("utf-8", "gb18030", "big5", "utf-16"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    raise AssertionError(file)


TEXTS = {f["file"]: _text(f["file"]) for f in MANIFEST}
HTML_JUNK = st.sampled_from(
    [
        '<td rowspan="22">',
        '<td colspan="0">',
        '<td rowspan="-3" colspan="x">',
        "</table>",
        "<tr>",
        "<table><tr><td>",
        "<!--",
        "<script>",
        '<meta charset="big5">',
        "&#0;",
        "&#xD800;",
        "\\xe4\\xb8",
        "涓€銆?",
        "==== 正文 ====",
        "附件下载",
        '{"sections": [',
    ]
)


@st.composite
def html_junk(draw: st.DrawFn) -> object:
    junk = draw(HTML_JUNK)
    at = draw(st.integers(min_value=0, max_value=10_000))

    def apply(lines: list[str]) -> list[str]:
        out = list(lines) or [""]
        i = at % len(out)
        k = at % (len(out[i]) + 1)
        out[i] = out[i][:k] + junk + out[i][k:]
        return out

    return apply


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    file=st.sampled_from(sorted(TEXTS)),
    mutations=st.lists(st.one_of(mutation(), html_junk()), min_size=1, max_size=5),
    encoding=ENCODINGS,
)
def test_damaged_reader_fixtures_give_a_report_or_a_parse_error(
    file: str, mutations: list, encoding: str
) -> None:
    data = damage(TEXTS[file], mutations, encoding)
    try:
        report = parse_report(data)
    except ParseError as exc:
        assert exc.line >= 0
        return
    assert isinstance(report, Report)
    lines = (data if isinstance(data, str) else data.decode("utf-8", "replace")).count("\n") + 1
    for d in report.diagnostics:
        assert d.line is None or 1 <= d.line <= max(lines, 1) + 1, d

"""Every reader fixture parses to exactly the golden numbers of its seed, or to its ParseError.

The fixtures (tests/data/fixtures/, built by fixturegen.py from the seeds) are HTML pages,
crawler dumps, damaged encodings and JSON.  Their expectation is the seed's hand-read golden
file, with the cells a fixture leaves blank set to None — never what the parser says.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from support import DATA, differences, expected_numbers, golden

from govdisclosure import ParseError, Report, flatten, parse_report, read_report

FIXTURES = DATA / "fixtures"
MANIFEST: list[dict[str, Any]] = json.loads((FIXTURES / "readers.json").read_text("utf-8"))
GOOD = [f for f in MANIFEST if f["error"] is None]
BAD = [f for f in MANIFEST if f["error"] is not None]


def _id(f: dict[str, Any]) -> str:
    return str(f["file"])


def _expected(f: dict[str, Any]) -> dict[str, Any]:
    want = expected_numbers(golden(f["seed"]))
    for key in f["blanks"]:
        assert key in want, key
        want[key] = None
    return want


def _parse(f: dict[str, Any]) -> Report:
    return read_report(FIXTURES / f["file"])


def test_the_files_are_what_fixturegen_builds() -> None:
    from fixturegen import built

    stale = [
        str(path.relative_to(FIXTURES))
        for path, data in built()
        if not path.exists() or path.read_bytes() != data
    ]
    assert stale == [], "run: python tests/fixturegen.py"


def test_every_input_class_has_fixtures() -> None:
    classes = {f["class"] for f in MANIFEST}
    assert classes == {"html", "crawler", "encoding", "json"}
    assert len(BAD) >= 3


@pytest.mark.parametrize("fixture", GOOD, ids=_id)
def test_fixture_parses_to_the_golden_numbers(fixture: dict[str, Any]) -> None:
    report = _parse(fixture)
    flat = flatten(report)
    want = _expected(fixture)
    wrong = differences(flat, want)
    assert wrong == {}, f"{len(wrong)} of {len(want)} cells differ (got, expected)"
    assert report.template.value == golden(fixture["seed"])["template"]


@pytest.mark.parametrize("fixture", GOOD, ids=_id)
def test_every_blank_cell_is_named_by_a_diagnostic(fixture: dict[str, Any]) -> None:
    report = _parse(fixture)
    named = {d.field for d in report.diagnostics if d.code == "cell-blank"}
    assert set(fixture["blanks"]) <= named
    for key in fixture["blanks"]:
        assert flatten(report)[key] is None  # None, not 0


def test_a_blank_one_value_row_of_table_two_is_named() -> None:
    report = read_report(FIXTURES / "html" / "003-blank-cells.html")
    assert "proactive.coercion.decisions" in {d.field for d in report.diagnostics}


@pytest.mark.parametrize("fixture", [f for f in GOOD if f["read"] == "str"], ids=_id)
def test_html_text_given_as_str(fixture: dict[str, Any]) -> None:
    text = (FIXTURES / fixture["file"]).read_text("utf-8")
    flat = flatten(parse_report(text))
    assert all(flat.get(k) == v for k, v in _expected(fixture).items())


@pytest.mark.parametrize("fixture", BAD, ids=_id)
def test_fixture_is_refused_with_its_reason(fixture: dict[str, Any]) -> None:
    with pytest.raises(ParseError) as info:
        _parse(fixture)
    assert info.value.code == fixture["error"]


# ---------------------------------------------------------------------- HTML specifics


def _html(name: str) -> tuple[Report, list[str]]:
    path = FIXTURES / "html" / name
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("gb18030")
    return read_report(path), text.split("\n")


def _row_text(lines: list[str], line: int) -> str:
    """The source from line ``line`` to the end of its table row."""
    out = []
    for text in lines[line - 1 :]:
        out.append(text)
        if "</tr>" in text:
            break
    return re.sub(r"<[^>]+>", "", "".join(out))


def test_html_locations_point_at_the_row_in_the_html_source() -> None:
    report, lines = _html("003-word-gbk.html")
    for key, label in (
        ("requests.new_received.total", "一、本年"),
        ("requests.outcomes.withheld.process_info.natural_person", "6.属于四类"),
        ("requests.carried_forward.total", "四、结转"),
        ("proactive.normative_documents.in_force", "行政规范"),
    ):
        line = report.locations[key].line
        assert "<tr" in lines[line - 1], key
        assert label in _row_text(lines, line), key
    first = report.locations["requests.new_received.total"].line
    last = report.locations["requests.carried_forward.total"].line
    assert last - first > 24 * 10  # one source line per row would be wrong: rows span lines


def test_html_blank_cell_diagnostics_name_the_html_row() -> None:
    report, lines = _html("003-blank-cells.html")
    blanks = {d.field: d for d in report.diagnostics if d.code == "cell-blank"}
    d = blanks["requests.carried_over.natural_person"]
    assert d.line is not None
    assert "二、上年" in _row_text(lines, d.line)


def test_html_metadata_table_and_page_fields() -> None:
    report, _lines = _html("003-word-gbk.html")
    meta = [list(p) for p in report.metadata]
    for pair in golden("003_d01d2cbab1ffe994")["metadata"]:
        assert pair in meta
    assert ["PubDate", "2025-01-22 10:00"] in meta


def test_html_page_title_is_the_report_title_not_the_navigation() -> None:
    report, _lines = _html("001-v2019-utf8.html")
    g = golden("001_0494dfef68de25df")
    assert report.title == g["title"]
    assert report.year == g["year"]
    assert report.signed_on is not None and report.signed_on.isoformat() == g["signed_on"]


def test_html_scripts_and_navigation_do_not_reach_the_report() -> None:
    report, _lines = _html("003-word-gbk.html")
    everything = json.dumps(flatten(report), ensure_ascii=False, default=str) + report.preamble
    assert "document.write" not in everything
    assert "政务服务" not in report.preamble  # a menu entry
    assert "当前位置" not in report.preamble
    codes = [d.code for d in report.diagnostics]
    assert "chrome-dropped" in codes


def test_html_gbk_page_names_its_encoding() -> None:
    report, _lines = _html("003-word-gbk.html")
    messages = [d.message for d in report.diagnostics if d.code == "encoding"]
    assert any("GB18030" in m and "gb2312" in m for m in messages)
    report, _lines = _html("003-head-utf8-body-gb2312.html")
    messages = [d.message for d in report.diagnostics if d.code == "encoding"]
    assert any("does not fit" in m for m in messages)


def test_traditional_html_reads_as_traditional() -> None:
    report, _lines = _html("000-big5.html")
    assert report.script.value == "traditional"
    assert report.overview.title == golden("000_cba402df4409a5e2")["sections"]["overview"]["title"]


# ---------------------------------------------------------------------- other classes


def test_crawler_header_goes_to_metadata_and_title_survives_the_chrome() -> None:
    report = read_report(FIXTURES / "crawler" / "003-header-marker.txt")
    meta = dict(report.metadata)
    assert meta["url"].startswith("http://")
    assert "crawled_at" in meta
    report = read_report(FIXTURES / "crawler" / "001-page-chrome.txt")
    g = golden("001_0494dfef68de25df")
    assert report.title == g["title"]
    assert report.signed_by == g["signed_by"]  # the footer after the signature is gone
    dropped = [d for d in report.diagnostics if d.code == "chrome-dropped"]
    assert [d.line for d in dropped] == [len(Path(FIXTURES / "crawler/001-page-chrome.txt")
                                             .read_text("utf-8").split("\n")) - 4, 1]  # fmt: skip


def test_mojibake_is_repaired_whole_with_a_diagnostic() -> None:
    report = read_report(FIXTURES / "encoding" / "003-utf8-read-as-gbk.txt")
    first = report.diagnostics[0]
    assert first.code == "mojibake-utf8"
    assert "repaired whole" in first.message
    assert report.overview.title == "总体情况"
    # 「(无)」: the GBK decoder lost the last byte of 无 (before the ASCII 「)」) for good
    assert report.other_matters.text == "(\ufffd)"
    lost = [
        d for d in report.diagnostics if d.code == "mojibake-utf8" and "lost for good" in d.message
    ]
    assert lost[-1].line == len(
        (FIXTURES / "encoding" / "003-utf8-read-as-gbk.txt")
        .read_text("utf-8")
        .rstrip("\n")
        .split("\n")
    )
    twice = read_report(FIXTURES / "encoding" / "003-utf8-read-as-gbk-twice.txt")
    assert "(2 times)" in twice.diagnostics[0].message


def test_json_lines_map_to_the_json_source() -> None:
    path = FIXTURES / "json" / "003-sections.json"
    lines = path.read_text("utf-8").split("\n")
    report = read_report(path)
    line = report.locations["requests.new_received.total"].line
    assert "一、本年新收" in lines[line - 1]


def test_strict_mode_refuses_a_repaired_page_and_quotes_the_html_line() -> None:
    path = FIXTURES / "html" / "001-v2019-utf8.html"
    with pytest.raises(ParseError) as info:
        read_report(path, strict=True)
    err = info.value
    lines = path.read_text("utf-8").split("\n")
    assert err.line > 0 and err.source_line == lines[err.line - 1]

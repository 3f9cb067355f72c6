"""Issue 14's tables and notebook views: the long table, Excel, CSV read back typed, the
violations and diagnostics tables, Violations, Report's HTML and repr, the progress bar."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from lxml import html as lxml_html
from support import DATA, SEEDS

from govdisclosure import Template, check, flatten, parse_many, parse_report, read_report
from govdisclosure.check.invariants import RULES
from govdisclosure.check.violations import Violations
from govdisclosure.cli import main
from govdisclosure.diagnostics import DIAGNOSTIC_CODES, MEANING_ZH
from govdisclosure.model import Report
from govdisclosure.template import number_fields
from govdisclosure.write.tables import (
    DIAGNOSTIC_COLUMNS,
    LONG_COLUMNS,
    VIOLATION_COLUMNS,
    columns,
    diagnostic_records,
    read_frame,
    read_records,
    records_to_frame,
    to_long,
    to_records,
    violation_records,
    write_records,
)

SEED_003 = DATA / "seeds" / "003_d01d2cbab1ffe994.txt"
SEED_004 = DATA / "seeds" / "004_993b10d7eafd07e2.txt"


@pytest.fixture(scope="module")
def seeds() -> dict[str, Report]:
    return {p.name: read_report(p) for p in SEEDS}


# --------------------------------------------------------------------------- long table


def test_long_table_has_every_number_cell_with_labels(seeds: dict[str, Report]) -> None:
    rows = to_long(seeds, engine="records")
    for name, report in seeds.items():
        flat = flatten(report)
        mine = [r for r in rows if r["report_id"] == name]
        keys = [r["key"] for r in mine]
        assert sorted(keys) == sorted(k for k, _kind in number_fields(report.template))
        for r in mine:
            value = r["amount"] if r["amount"] is not None else r["value"]
            assert value == flat[str(r["key"])], (name, r["key"])
            assert str(r["key"]) == f"{r['row']}.{r['column']}" or r["key"] == r["row"]
    row = next(
        r
        for r in rows
        if r["report_id"] == "003_d01d2cbab1ffe994.txt"
        and r["key"] == "requests.outcomes.withheld.process_info.natural_person"
    )
    assert (row["table"], row["row_label"], row["column_label"]) == (
        "三",
        "6.属于四类过程性信息",
        "自然人",
    )
    assert row["group_label"] == "（三）不予公开"
    fees = next(
        r
        for r in rows
        if r["report_id"] == "003_d01d2cbab1ffe994.txt" and r["key"] == "proactive.fees.amount"
    )
    assert fees["value"] is None and isinstance(fees["amount"], Decimal)


def test_long_frame_pivots_back_to_the_table(seeds: dict[str, Report]) -> None:
    long = to_long(seeds)
    assert list(long.columns) == [name for name, _kind in LONG_COLUMNS]
    assert long["value"].dtype == "Int64"
    t4 = long[(long["table"] == "四") & (long["report_id"] == "003_d01d2cbab1ffe994.txt")]
    wide = t4.pivot(index="row_label", columns="column_label", values="value")
    report = seeds["003_d01d2cbab1ffe994.txt"]
    assert wide.loc["行政复议", "结果维持"] == report.appeals.reconsideration.upheld
    assert wide.loc["复议后起诉", "总计"] == report.appeals.litigation_after_reconsideration.total


# --------------------------------------------------------------------------- CSV read back


def test_csv_round_trip_gives_int64_decimal_and_dates(
    seeds: dict[str, Report], tmp_path: Path
) -> None:
    path = write_records(to_records(seeds), tmp_path / "r.csv")
    assert pd.read_csv(path)["requests.new_received.total"].dtype == "int64"  # no blank here
    df = read_frame(path)
    assert list(df.columns) == list(columns())
    counts = [k for k, kind in number_fields(Template.V2019) if kind == "count"]
    assert all(df[k].dtype == "Int64" for k in counts)  # blank V2019 columns too, not float64
    assert not any(pd.api.types.is_float_dtype(t) for t in df.dtypes)
    assert df["proactive.fees.amount"].dropna().map(type).eq(Decimal).all()
    assert df.loc[3, "published_on"] == datetime.date(2025, 1, 22)
    expected = to_records(seeds)
    for record, (_, row) in zip(expected, df.iterrows(), strict=True):
        for key in ("requests.outcomes.total.total", "year", "organ", "credit_code"):
            got = row[key]
            assert (None if pd.isna(got) else got) == record[key], key
    polars = read_frame(path, engine="polars")
    assert str(polars.schema["requests.new_received.total"]) == "Int64"


def test_violations_csv_reads_back_as_violations(seeds: dict[str, Report], tmp_path: Path) -> None:
    rows = violation_records(seeds)
    path = write_records(rows, tmp_path / "r.violations.csv", VIOLATION_COLUMNS)
    frame = records_to_frame(read_records(path))
    assert list(frame.columns) == [name for name, _kind in VIOLATION_COLUMNS]
    assert len(frame) == len(rows)
    assert list(frame["rule"]) == [r["rule"] for r in rows]
    typed = read_frame(path)
    assert typed["line"].dtype == "Int64" and typed["assessable"].dtype == "boolean"
    assert list(typed["message"]) == [r["message"] for r in rows]


def test_unknown_columns_are_not_dropped_silently() -> None:
    with pytest.raises(ValueError, match="not those of a govdisclosure table"):
        records_to_frame([{"report_id": "a", "colour": "red"}])


# --------------------------------------------------------------------------- diagnostics


def test_diagnostics_table(seeds: dict[str, Report]) -> None:
    rows = diagnostic_records(seeds)
    assert len(rows) == sum(len(r.diagnostics) for r in seeds.values()) > 0
    for row in rows:
        d = seeds[str(row["report_id"])].diagnostics[int(str(row["diagnostic"]))]
        assert (row["code"], row["line"], row["message"]) == (d.code, d.line, d.message)
        assert row["kind"] == DIAGNOSTIC_CODES[d.code].kind
        assert row["meaning_zh"] == d.message_zh != ""
    frame = records_to_frame(rows)
    assert list(frame.columns) == [name for name, _kind in DIAGNOSTIC_COLUMNS]


def test_every_code_and_rule_has_chinese() -> None:
    assert set(MEANING_ZH) == set(DIAGNOSTIC_CODES)
    for r in RULES:
        assert r.zh


# --------------------------------------------------------------------------- Excel


def test_excel_export_reads_back_with_labels_and_numbers(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "r.xlsx"
    result = CliRunner().invoke(main, ["export", str(DATA / "seeds"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    book = load_workbook(out)
    assert book.sheetnames == ["报告", "表二", "表三", "表四", "违规", "诊断", "跨年度"]
    t3 = book["表三"]
    labels = [c.value for c in t3[1]]
    keys = [c.value for c in t3[2]]
    at = keys.index("requests.outcomes.withheld.process_info.natural_person")
    assert labels[at] == "（三）不予公开 6.属于四类过程性信息 · 自然人"
    ids = [row[0].value for row in t3.iter_rows(min_row=3)]
    assert ids == [p.name for p in SEEDS]
    for row, path in zip(t3.iter_rows(min_row=3), SEEDS, strict=True):
        report = read_report(path)
        value = row[at].value
        assert value == report.requests.outcomes.withheld.process_info.natural_person
        assert isinstance(value, int)
        total = row[keys.index("requests.outcomes.total.total")].value
        assert total == report.requests.outcomes.total.total
    report_sheet = book["报告"]
    keys = [c.value for c in report_sheet[2]]
    row3 = [c.value for c in report_sheet[6]]  # 003, after two header rows
    assert row3[keys.index("credit_code")] == "113208007833785008"
    assert row3[keys.index("published_on")].date() == datetime.date(2025, 1, 22)
    t2 = book["表二"]
    keys = [c.value for c in t2[2]]
    fee = [c.value for c in t2[3]][keys.index("proactive.fees.amount")]  # 000: 5006 万元
    assert fee == 5006 and not isinstance(fee, str)
    violations = book["违规"]
    assert [c.value for c in violations[2]] == [name for name, _kind in VIOLATION_COLUMNS]
    rules = {row[2].value for row in violations.iter_rows(min_row=3)}
    assert {"T3-FEE-LINK", "D-TEXT"} <= rules
    assert book["诊断"].max_row - 2 == sum(len(read_report(p).diagnostics) for p in SEEDS)


# --------------------------------------------------------------------------- notebooks


def test_check_returns_violations_that_behave_like_the_tuple(seeds: dict[str, Report]) -> None:
    found = check(seeds["003_d01d2cbab1ffe994.txt"])
    assert isinstance(found, Violations) and isinstance(found, tuple)
    as_tuple = tuple(found)
    assert found == as_tuple and found[:1] == as_tuple[:1] and len(found) == len(as_tuple)
    assert check(seeds["001_0494dfef68de25df.txt"]).assessable == ()
    import pickle

    assert pickle.loads(pickle.dumps(found)) == found  # process pools and Dask send it
    assert type(pickle.loads(pickle.dumps(found))) is Violations
    frame = found.to_frame()
    assert list(frame["rule"]) == [v.rule for v in found]
    assert frame["line"].dtype == "Int64"
    doc = lxml_html.fromstring(found._repr_html_())
    assert [tr.get("data-rule") for tr in doc.xpath("//tbody/tr")] == [v.rule for v in found]
    assert "不符合" in found[0].message_zh or "无法判断" in found[0].message_zh


def test_report_html_highlights_the_cells_of_a_violation() -> None:
    report = read_report(SEED_003)
    found = check(report)
    fee = next(v for v in found if v.rule == "T3-FEE-LINK")
    doc = lxml_html.fromstring(report._repr_html_())
    marked = {td.get("data-key"): td for td in doc.xpath("//td[contains(@class, 'violated')]")}
    expected = {f for v in found if v.assessable for f in v.fields if f in flatten(report)}
    expected = {k for k in expected if doc.xpath(f"//td[@data-key='{k}']")}
    assert set(marked) == expected
    cell = marked["requests.outcomes.other_handling.fee_unpaid.total"]
    assert cell.text_content() == "4"
    assert "T3-FEE-LINK" in cell.get("title") and fee.message in cell.get("title")
    assert cell.get("data-rules") == "T3-FEE-LINK"
    # every cell of the three tables is there with the report's value
    flat = flatten(report)
    cells = doc.xpath("//td[@data-key]")
    assert len(cells) == len(list(number_fields(report.template)))
    for td in cells:
        value = flat[td.get("data-key")]
        assert td.text_content() == (
            "·"
            if value is None
            else format(value, "f")
            if isinstance(value, Decimal)
            else str(value)
        )
    assert doc.xpath("//details/summary")[1].text_content() == "diagnostics: 0"


def test_report_repr_is_short() -> None:
    report = read_report(SEED_003)
    text = repr(report)
    assert len(text) < 200
    assert "淮安经济技术开发区党政办公室" in text and "2024" in text


def test_parse_many_progress_bar(capsys: pytest.CaptureFixture[str]) -> None:
    results = list(parse_many(SEEDS, workers=1, progress=True))
    assert [r.report is not None for r in results] == [True] * len(SEEDS)
    err = capsys.readouterr().err
    assert f"{len(SEEDS)}/{len(SEEDS)}" in err


def test_notebook_extra_names_tqdm(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    with pytest.raises(ImportError, match=r"govdisclosure\[notebook\]"):
        list(parse_many(SEEDS[:1], workers=1, progress=True))


def test_parse_report_from_text_and_bytes_agree_on_identity() -> None:
    data = SEED_004.read_bytes()
    assert parse_report(data).source_sha256 == parse_report(data.decode()).source_sha256
    assert io.BytesIO(data).read() == data


def test_violations_csv_reads_back_as_violation_objects(
    seeds: dict[str, Report], tmp_path: Path
) -> None:
    from govdisclosure.write.tables import violations_from_records

    path = write_records(violation_records(seeds), tmp_path / "v.csv", VIOLATION_COLUMNS)
    back = violations_from_records(read_records(path))
    for name, report in seeds.items():
        found = check(report)
        got = back.get(name, Violations())
        assert isinstance(got, Violations)
        assert [(v.rule, v.severity, v.message, v.fields, v.assessable) for v in got] == [
            (v.rule, v.severity, v.message, v.fields, v.assessable) for v in found
        ]
        for g, v in zip(got, found, strict=True):
            assert set(g.lines) <= set(v.lines)
    with pytest.raises(ValueError, match="not a violations table"):
        violations_from_records(to_records(seeds))

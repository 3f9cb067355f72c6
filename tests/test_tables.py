"""Reports as tables: column order from the template data, types never float, files."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import attrs
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from report_strategies import money_to_the_fen, reports
from support import SEED_NAMES, seed_text

from govdisclosure import Report, Template, flatten, parse_report
from govdisclosure.model import Fees
from govdisclosure.template import REQUEST_COLUMNS, spec
from govdisclosure.write.tables import (
    KIND_TYPES,
    VIOLATION_COLUMNS,
    columns,
    read_records,
    report_spec,
    to_arrow,
    to_frame,
    to_records,
    violation_records,
    violations_arrow,
    violations_frame,
    write_records,
)


@pytest.fixture(scope="module")
def seeds() -> dict[str, Report]:
    return {name: parse_report(seed_text(name)) for name in SEED_NAMES}


def test_columns_follow_the_template_data() -> None:
    cols = columns()
    assert cols[0] == "report_id"
    assert len(cols) == len(set(cols))
    # table 三 in the template's row order, the seven applicant columns in order
    v2021 = [
        f"requests.{r.key}.{c.key}"
        for r in spec(Template.V2021).request_rows
        for c in REQUEST_COLUMNS
    ]
    assert [c for c in cols if c in v2021] == v2021
    # V2019's undivided （六） row: after （五）5, before V2021's （六）1
    at = cols.index
    assert (
        at("requests.outcomes.not_processed.confirmation.total")
        < at("requests.outcomes.other_handling.undivided.natural_person")
        < at("requests.outcomes.other_handling.no_correction.natural_person")
        < at("requests.outcomes.total.natural_person")
    )
    sections = ["proactive.rules.newly_made", "requests.new_received.natural_person",
                "appeals.reconsideration.upheld", "overview"]  # fmt: skip
    assert [at(k) for k in sections] == sorted(at(k) for k in sections)


def test_records_one_row_per_report_in_column_order(seeds: dict[str, Report]) -> None:
    records = to_records(seeds)
    assert [r["report_id"] for r in records] == SEED_NAMES
    for record, (name, report) in zip(records, seeds.items(), strict=True):
        assert tuple(record) == columns()
        flat = flatten(report)
        for key, value in record.items():
            if key in flat and key not in ("signed_on", "published_on"):
                assert value == flat[key], (name, key)
    assert to_records(list(seeds.values()))[2]["report_id"] == "2"


def test_record_types(seeds: dict[str, Report]) -> None:
    r001 = to_records({"a": seeds["001_0494dfef68de25df"]})[0]
    assert r001["signed_on"] == datetime.date(2021, 2, 2)
    assert r001["proactive.procurement.amount"] is not None
    assert isinstance(r001["proactive.procurement.amount"], Decimal)
    assert r001["proactive.rules.issued"] is None  # a V2021 column in a V2019 report
    assert r001["proactive.licensing.change"] is not None
    for value in r001.values():
        assert not isinstance(value, float)


def test_pandas_dtypes(seeds: dict[str, Report]) -> None:
    df = to_frame(seeds)
    assert list(df.columns) == list(columns())
    assert df["requests.new_received.total"].dtype == "Int64"
    assert df["year"].dtype == "Int64"
    assert df["proactive.rules.issued"].isna().sum() == 1  # only the V2019 report lacks it
    assert df["proactive.fees.amount"].dtype == object
    assert isinstance(df["proactive.fees.amount"].dropna().iloc[0], Decimal)
    assert not any(str(t).startswith("float") for t in df.dtypes)
    assert df.loc[3, "requests.new_received.total"] == 72


def test_polars_dtypes(seeds: dict[str, Report]) -> None:
    df = to_frame(seeds, engine="polars")
    assert df.columns == list(columns())
    assert df.schema["requests.new_received.total"] == pl.Int64
    assert df.schema["proactive.fees.amount"] == pl.Decimal(38, 6)
    assert df.schema["signed_on"] == pl.Date
    assert df.schema["organ"] == pl.String
    assert df["requests.new_received.total"].to_list()[3] == 72


def test_arrow_schema(seeds: dict[str, Report]) -> None:
    table = to_arrow(seeds)
    assert table.num_rows == 5
    assert table.schema.field("requests.new_received.total").type == pa.int64()
    assert table.schema.field("proactive.fees.amount").type == pa.decimal128(38, 6)
    assert table.schema.field("signed_on").type == pa.date32()
    assert table.column("proactive.fees.amount").to_pylist()[0] == Decimal("5006")


def test_parquet_reads_back_with_the_same_dtypes(seeds: dict[str, Report], tmp_path: Path) -> None:
    path = write_records(to_records(seeds), tmp_path / "r.parquet")
    back = pd.read_parquet(path)
    frame = to_frame(seeds)
    assert dict(back.dtypes) == dict(frame.dtypes)
    assert back["requests.new_received.total"].dtype == "Int64"
    pd.testing.assert_frame_equal(back, frame)
    assert pq.read_schema(path).field("proactive.fees.amount").type == pa.decimal128(38, 6)


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_text_formats_read_back_typed(
    seeds: dict[str, Report], tmp_path: Path, suffix: str
) -> None:
    records = to_records(seeds)
    back = read_records(write_records(records, tmp_path / f"r{suffix}"))
    if suffix == ".csv":  # CSV cannot tell an empty text from a missing one
        records = [{k: (None if v == "" else v) for k, v in r.items()} for r in records]
    assert back == records


def test_csv_is_excel_friendly(seeds: dict[str, Report], tmp_path: Path) -> None:
    path = write_records(to_records(seeds), tmp_path / "r.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfreport_id,template,")
    assert "示范区党政办".encode() in raw
    frame = pd.read_csv(path)
    assert frame.loc[3, "requests.new_received.total"] == 72


def test_unknown_format_and_engine(seeds: dict[str, Report], tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown table format"):
        write_records(to_records(seeds), tmp_path / "r.xlsx")
    with pytest.raises(ValueError, match="engine"):
        to_frame(seeds, engine="spark")  # type: ignore[arg-type]


def test_money_finer_than_a_fen_is_refused(seeds: dict[str, Report]) -> None:
    report = seeds["003_d01d2cbab1ffe994"]
    odd = attrs.evolve(
        report, proactive=attrs.evolve(report.proactive, fees=Fees(Decimal("1.1234567")))
    )
    with pytest.raises(ValueError, match="more than 6 decimal places"):
        to_arrow([odd])
    fine = attrs.evolve(
        report, proactive=attrs.evolve(report.proactive, fees=Fees(Decimal("1.5000000")))
    )
    assert to_arrow([fine]).column("proactive.fees.amount").to_pylist() == [Decimal("1.5")]


@settings(max_examples=40, deadline=None)
@given(st.lists(reports(money=money_to_the_fen), min_size=1, max_size=4))
def test_frames_hold_exactly_the_flat_values(generated: list[Report]) -> None:
    records = to_records(generated)
    frame = to_frame(generated, engine="polars")
    assert frame.height == len(generated)
    for row, record in zip(frame.iter_rows(named=True), records, strict=True):
        assert row == record


# --------------------------------------------------------------------------- documented types


def test_tables_have_the_documented_types(seeds: dict[str, Report]) -> None:
    """KIND_TYPES (shown in docs/model.md) is what pandas, Arrow and polars really hold."""
    arrow, pandas, polars = to_arrow(seeds), to_frame(seeds), to_frame(seeds, engine="polars")
    kinds = dict(report_spec())
    for name in columns():
        _py, pd_type, arrow_type, pl_type = KIND_TYPES[kinds[name]]
        assert str(arrow.schema.field(name).type) == arrow_type, name
        assert str(pandas[name].dtype) == pd_type.split(" ")[0], name
        assert str(polars.schema[name]).startswith(pl_type.split("(")[0]), name


# --------------------------------------------------------------------------- violations


def test_violation_records_one_row_per_field(seeds: dict[str, Report]) -> None:
    rows = violation_records(seeds)
    assert all(tuple(r) == tuple(n for n, _k in VIOLATION_COLUMNS) for r in rows)
    fee = [r for r in rows if r["rule"] == "T3-FEE-LINK"]
    assert {r["report_id"] for r in fee} == {"003_d01d2cbab1ffe994"}
    assert {r["violation"] for r in fee} == {0}
    assert len(fee) == 3  # three fields, one violation
    by_field = {r["field"]: r["line"] for r in fee}
    report = seeds["003_d01d2cbab1ffe994"]
    key = "requests.outcomes.other_handling.fee_unpaid.total"
    assert by_field[key] == report.locations[key].line
    heading = [r for r in rows if r["rule"] == "D-SECTIONS"]
    assert heading[0]["field"] is None and heading[0]["line"] == 28
    assert all(r["severity"] in ("error", "warning", "info") for r in rows)


def test_violation_line_is_the_fields_own(seeds: dict[str, Report]) -> None:
    d_text = [r for r in violation_records(seeds) if r["rule"] == "D-TEXT"]
    lines = {r["field"]: r["line"] for r in d_text}
    table_line = seeds["004_993b10d7eafd07e2"].locations["appeals.reconsideration.total"].line
    assert lines["appeals.reconsideration.total"] == table_line
    # prose is located by its section's heading (「一、总体情况」, line 5 of the seed)
    assert lines["overview"] == seeds["004_993b10d7eafd07e2"].locations["overview"].line == 5


def test_violation_frames(seeds: dict[str, Report], tmp_path: Path) -> None:
    frame = violations_frame(seeds)
    assert list(frame.columns) == [n for n, _k in VIOLATION_COLUMNS]
    assert frame["line"].dtype == "Int64" and frame["assessable"].dtype == "boolean"
    polars = violations_frame(seeds, engine="polars")
    assert polars.schema["line"] == pl.Int64 and polars.schema["assessable"] == pl.Boolean
    table = violations_arrow(seeds)
    assert table.num_rows == len(frame) > 0
    path = write_records(violation_records(seeds), tmp_path / "v.parquet", VIOLATION_COLUMNS)
    pd.testing.assert_frame_equal(pd.read_parquet(path), frame)
    csv_path = write_records(violation_records(seeds), tmp_path / "v.csv", VIOLATION_COLUMNS)
    assert read_records(csv_path) == violation_records(seeds)


def test_a_consistent_report_has_no_violation_rows(seeds: dict[str, Report]) -> None:
    assert violation_records([seeds["001_0494dfef68de25df"]]) == []
    assert violations_frame([seeds["001_0494dfef68de25df"]]).shape == (0, len(VIOLATION_COLUMNS))

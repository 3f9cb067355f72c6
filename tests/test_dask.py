"""govdisclosure.dask on a distributed.LocalCluster with a few worker processes."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import dask
import pandas as pd
import pytest
from distributed import Client, LocalCluster
from support import SEEDS

from govdisclosure import Template, flatten, parse_report
from govdisclosure.dask import read_reports, read_tables, read_violations
from govdisclosure.template import number_fields
from govdisclosure.write.tables import VIOLATION_COLUMNS, violation_records

NOT_A_REPORT = "今天天气很好。\n我们去公园散步。\n"


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(
            n_workers=3, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as c,
    ):
        yield c


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five seeds twice over (ten reports) and one file that is not a report."""
    root = tmp_path_factory.mktemp("reports")
    for copy in ("a", "b"):
        for seed in SEEDS:
            shutil.copy(seed, root / f"{copy}-{seed.name}")
    (root / "c-news.txt").write_text(NOT_A_REPORT, encoding="utf-8")
    return root


def test_reports_frame_holds_every_report_with_typed_columns(client: Client, corpus: Path) -> None:
    frame = read_reports(str(corpus / "*.txt"), files_per_partition=3)
    assert frame.npartitions == 4  # 11 files, 3 to a partition
    assert not any(pd.api.types.is_float_dtype(t) for t in frame.dtypes)
    df = frame.compute()
    assert len(df) == 10  # the news article is not a report
    assert df["requests.new_received.total"].dtype == pd.Int64Dtype()
    assert str(df["proactive.fees.amount"].dtype).startswith("decimal128")
    by_id = {r["report_id"]: r for r in df.to_dict("records")}
    # ids relative to the glob's fixed part, as export names them
    assert sorted(by_id) == sorted(f"{c}-{s.name}" for c in "ab" for s in SEEDS)
    for name, row in by_id.items():
        report = parse_report((corpus / name).read_bytes())
        flat = flatten(report)
        numbers = {k for v in Template for k, _kind in number_fields(v)}
        assert numbers <= set(df.columns)
        for key in df.columns.drop("report_id"):
            value = flat.get(key)
            got = row[key]
            if value is None:
                assert got is None or pd.isna(got), (name, key)
            elif key in ("signed_on", "published_on"):
                assert str(got) == value, (name, key)
            else:
                assert got == value, (name, key, got, value)
                if isinstance(value, Decimal):
                    assert isinstance(got, Decimal), (name, key)


def test_violations_and_errors(client: Client, corpus: Path) -> None:
    tables = read_tables(str(corpus / "*.txt"), files_per_partition=4)
    violations, errors = dask.compute(tables.violations, tables.errors)
    want = [
        {**row, "report_id": f"{c}-{s.name}"}
        for c in "ab"
        for s in SEEDS
        for row in violation_records({"": parse_report(s.read_bytes())})
    ]
    got = [
        {**row, "report_id": Path(row["report_id"]).name} for row in violations.to_dict("records")
    ]

    def key(row: dict[str, object]) -> tuple[str, ...]:
        return tuple(str(row[k]) for k in ("report_id", "violation", "field"))

    assert len(got) == len(want)
    for g, w in zip(sorted(got, key=key), sorted(want, key=key), strict=True):
        assert {k: (None if pd.isna(v) else v) for k, v in g.items()} == w
    assert [Path(p).name for p in errors["report_id"]] == ["c-news.txt"]
    assert errors["code"].iloc[0]


def test_read_violations_alone(client: Client, corpus: Path) -> None:
    frame = read_violations(str(corpus / "a-*.txt"), files_per_partition=2)
    assert list(frame.columns) == [name for name, _kind in VIOLATION_COLUMNS]
    want = sum(len(violation_records({"": parse_report(s.read_bytes())})) for s in SEEDS)
    assert len(frame.compute()) == want


def test_the_three_frames_share_one_parse_per_partition(corpus: Path) -> None:
    tables = read_tables(str(corpus / "*.txt"), files_per_partition=5)

    def parse_keys(frame: object) -> set[object]:
        graph = dict(frame.__dask_graph__())  # type: ignore[attr-defined]
        return {k for k in graph if isinstance(k, tuple) and str(k[0]).startswith("govdisclosure-")
                and "-reports" not in str(k[0]) and "-violations" not in str(k[0])
                and "-errors" not in str(k[0])}  # fmt: skip

    keys = parse_keys(tables.reports)
    assert len(keys) == 3  # 11 files, 5 to a partition
    assert parse_keys(tables.violations) == keys == parse_keys(tables.errors)


def test_bad_arguments(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_reports(str(tmp_path / "*.txt"))
    with pytest.raises(ValueError):
        read_reports(str(SEEDS[0]), files_per_partition=0)

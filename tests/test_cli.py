"""The command line: parse, export (check: tests/test_cli_check.py)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner, Result
from support import DATA, SEEDS, seed_text

from govdisclosure import parse_report
from govdisclosure.cli import main, sample_bytes
from govdisclosure.serialize import from_json
from govdisclosure.tables import columns, read_records

NEWS = "新华社北京11月22日电 记者从有关部门获悉，前三季度经济运行总体平稳。\n"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The five seeds, a news article, random bytes, a cut report and a JSON file."""
    root = tmp_path / "reports"
    (root / "sub").mkdir(parents=True)
    for seed in SEEDS:
        shutil.copy(seed, root / "sub" / seed.name)
    (root / "news.txt").write_text(NEWS, encoding="utf-8")
    (root / "noise.md").write_bytes(bytes(range(256)) * 8)
    text = seed_text("003_d01d2cbab1ffe994").split("\n")
    (root / "cut.txt").write_text("\n".join(text[:40]), encoding="utf-8")
    (root / "ignored.json").write_text("{}", encoding="utf-8")
    return root


# --------------------------------------------------------------------------- parse


def test_parse_sample_prints_the_report_as_json() -> None:
    result = run("parse", "--sample")
    assert result.exit_code == 0
    assert from_json(result.stdout) == parse_report(sample_bytes())


def test_parse_several_files_gives_an_array() -> None:
    result = run("parse", str(SEEDS[0]), str(SEEDS[3]))
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [d["year"] for d in data] == [2023, 2024]


def test_parse_csv_has_the_table_columns() -> None:
    result = run("parse", "--format", "csv", str(SEEDS[1]), str(SEEDS[4]))
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == list(columns())
    assert [r[0] for r in rows[1:]] == [str(SEEDS[1]), str(SEEDS[4])]
    total = rows[0].index("requests.new_received.total")
    assert [r[total] for r in rows[1:]] == ["2", "2"]


def test_parse_names_a_bad_file_and_still_prints_the_good_one(tmp_path: Path) -> None:
    news = tmp_path / "news.txt"
    news.write_text(NEWS, encoding="utf-8")
    result = run("parse", str(news), str(SEEDS[3]))
    assert result.exit_code == 1
    assert f"{news}: [not-a-report]" in result.stderr
    assert "line 1, column 1" in result.stderr
    assert len(json.loads(result.stdout)) == 1


def test_parse_without_input_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["parse"])
    assert result.exit_code == 2
    assert "give one or more FILES" in result.stderr


def test_encoding_option(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes(seed_text("003_d01d2cbab1ffe994").encode("gb18030"))
    ok = run("parse", "--encoding", "GB18030", str(path))
    assert ok.exit_code == 0
    assert json.loads(ok.stdout)["organ"] == "淮安经济技术开发区党政办公室"
    wrong = run("parse", "--encoding", "utf-8", str(path))
    assert wrong.exit_code == 1
    assert "[not-text] the file is not valid utf-8" in wrong.stderr
    unknown = CliRunner().invoke(main, ["parse", "--encoding", "klingon", str(path)])
    assert unknown.exit_code == 2
    assert "unknown encoding 'klingon'" in unknown.stderr


def test_strict_refuses_a_repaired_report() -> None:
    seed = DATA / "seeds" / "001_0494dfef68de25df.txt"  # a heading in the wrong form
    assert run("parse", str(seed)).exit_code == 0
    result = run("parse", "--strict", str(seed))
    assert result.exit_code == 1
    assert "[heading-form] strict mode" in result.stderr


# --------------------------------------------------------------------------- export


def test_export_test_data_to_parquet_that_pandas_reads_typed(tmp_path: Path) -> None:
    out = tmp_path / "out" / "reports.parquet"
    result = run("export", str(DATA), "--out", str(out), "--quiet")
    assert result.exit_code == 0, result.output
    assert "parsed    5 of 5 files" in result.stdout
    df = pd.read_parquet(out)
    assert list(df.columns) == list(columns())
    assert sorted(df["report_id"]) == [f"seeds/{p.name}" for p in SEEDS]
    assert df["requests.new_received.total"].dtype == "Int64"
    assert df["appeals.reconsideration.total"].dtype == "Int64"
    assert df["proactive.fees"].dtype == object
    assert isinstance(df["proactive.fees"].dropna().iloc[0], Decimal)
    assert not any(str(t).startswith("float") for t in df.dtypes)


def test_export_one_bad_file_never_stops_the_batch(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports.csv"
    result = run("export", str(folder), "--out", str(out), "--quiet")
    assert result.exit_code == 0, result.output
    assert "parsed    5 of 8 files" in result.stdout
    assert "refused   3: " in result.stdout
    for reason in ("not-a-report 1", "not-text 1", "truncated 1"):
        assert reason in result.stdout
    assert "cut.txt: [truncated]" in result.stdout
    records = read_records(out)
    assert [r["report_id"] for r in records] == [f"sub/{p.name}" for p in SEEDS]


def test_export_in_processes_gives_the_same_table(folder: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert run("export", str(folder), "--out", str(one), "-q").exit_code == 0
    assert run("export", str(folder), "--out", str(two), "-q", "--jobs", "2").exit_code == 0
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")


def test_export_counts_a_parser_crash(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import govdisclosure._batch as batch

    real = batch.parse_report

    def flaky(data: str | bytes, **kw: bool) -> object:
        text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
        if "示范区党政办" in text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(data, **kw)

    monkeypatch.setattr(batch, "parse_report", flaky)
    result = run("export", str(folder), "--out", str(tmp_path / "r.csv"), "-q")
    assert result.exit_code == 0
    assert "internal-error 1" in result.stdout
    assert "RecursionError" in result.stdout
    assert "parsed    4 of 8 files" in result.stdout


def test_export_with_nothing_parsed_exits_1(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "news.txt").write_text(NEWS, encoding="utf-8")
    result = run("export", str(tmp_path / "in"), "--out", str(tmp_path / "r.csv"), "-q")
    assert result.exit_code == 1
    assert read_records(tmp_path / "r.csv") == []


def test_export_refuses_an_unknown_table_format(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", str(DATA), "--out", str(tmp_path / "r.xlsx")])
    assert result.exit_code == 2
    assert ".parquet, .csv or .jsonl" in result.stderr


def test_export_shows_progress_on_stderr(tmp_path: Path) -> None:
    result = run("export", str(DATA), "--out", str(tmp_path / "r.jsonl"))
    assert "5/5" in result.stderr
    assert "5/5" not in result.stdout

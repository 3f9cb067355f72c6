"""The command line: parse, check, export."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner, Result
from support import DATA, SEEDS, seed_text

from govdisclosure import parse_report
from govdisclosure.cli import main, sample_bytes
from govdisclosure.reportfiles import find_reports
from govdisclosure.write.serialize import from_json
from govdisclosure.write.tables import VIOLATION_COLUMNS, columns, read_records

SEED_004 = str(DATA / "seeds" / "004_993b10d7eafd07e2.txt")
SEED_003 = str(DATA / "seeds" / "003_d01d2cbab1ffe994.txt")
SEED_001 = str(DATA / "seeds" / "001_0494dfef68de25df.txt")

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
    result = run("parse", "--sample", "--format", "json")
    assert result.exit_code == 0
    assert from_json(result.stdout) == parse_report(sample_bytes())


def test_parse_several_files_gives_an_array() -> None:
    result = run("parse", "--format", "json", str(SEEDS[0]), str(SEEDS[3]))
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
    result = run("parse", "--format", "json", str(news), str(SEEDS[3]))
    assert result.exit_code == 1
    assert f"{news}: [not-a-report]" in result.stderr
    assert "line 1, column 1" in result.stderr
    assert len(json.loads(result.stdout)) == 1


def test_parse_without_input_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["parse"])
    assert result.exit_code == 2
    assert "give one or more files, folders, globs or URLs" in result.stderr


def test_encoding_option(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes(seed_text("003_d01d2cbab1ffe994").encode("gb18030"))
    ok = run("parse", "--format", "json", "--encoding", "GB18030", str(path))
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


# --------------------------------------------------------------------------- check


def test_check_fail_on_warning_exits_1_on_seed_004_and_quotes_the_line() -> None:
    result = run("check", "--fail-on", "warning", SEED_004)
    assert result.exit_code == 1
    out = result.stdout
    assert "示范区党政办 2023 (V2021) · 1 warning" in out
    assert "D-TEXT" in out
    assert "行政复议" in out and "appeals.reconsideration.total" in out
    # the sentence of section 一 that states the number, quoted with its line number
    assert "13 │ 2023 年，党政办收到依申请公开事项 2 项" in out
    assert "其中行政复议 1" in out.split("13 │", 1)[1]


def test_check_default_fails_only_on_errors() -> None:
    result = run("check", SEED_004)
    assert result.exit_code == 0
    assert "D-TEXT" in result.stdout  # still shown


def test_check_fail_on_info() -> None:
    assert run("check", "--fail-on", "warning", SEED_001).exit_code == 0
    assert run("check", "--fail-on", "warning", SEED_003).exit_code == 1
    result = run("check", "--fail-on", "info", SEED_001)
    assert result.exit_code == 0
    assert "consistent" in result.stdout


def test_check_exits_1_on_an_error(tmp_path: Path) -> None:
    row = "一、本年新收政府信息公开申请数量 | 70 | 2 | 0 | 0 | 0 | 0 | 7"
    text = seed_text("003_d01d2cbab1ffe994").replace(f"{row}2 |", f"{row}5 |")
    assert f"{row}5 |" in text
    path = tmp_path / "broken.txt"
    path.write_text(text, encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 1
    assert "error" in result.stdout and "T3-ROWTOTAL" in result.stdout
    line = next(n for n, t in enumerate(text.split("\n"), 1) if t.startswith(f"{row}5 |"))
    assert f"{line} │ 一、本年新收政府信息公开申请数量" in result.stdout


def test_check_refused_file_fails(tmp_path: Path) -> None:
    news = tmp_path / "news.txt"
    news.write_text(NEWS, encoding="utf-8")
    result = run("check", str(news), SEED_001)
    assert result.exit_code == 1
    assert "[not-a-report]" in result.stderr
    assert "安宁市人民政府 2020 (V2019) · consistent" in result.stdout


def test_check_csv_is_the_long_violations_table() -> None:
    result = run("check", "--format", "csv", SEED_003, SEED_004)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == [name for name, _kind in VIOLATION_COLUMNS]
    d_text = [r for r in rows if r["rule"] == "D-TEXT"]
    assert {r["field"] for r in d_text} >= {"appeals.reconsideration.total"}
    assert {r["severity"] for r in d_text} == {"warning"}
    assert all(r["report_id"] == SEED_004 for r in d_text)


def test_check_sample() -> None:
    result = run("check", "--sample")
    assert "<sample huaian-2024.txt> · 淮安经济技术开发区党政办公室 2024" in result.stdout


# --------------------------------------------------------------------------- export


def test_export_test_data_to_parquet_that_pandas_reads_typed(tmp_path: Path) -> None:
    out = tmp_path / "out" / "reports.parquet"
    result = run("export", str(DATA), "--out", str(out))
    assert result.exit_code == 0, result.output
    found = len(list(find_reports(DATA)))
    df = pd.read_parquet(out)
    assert f"parsed      {len(df)} of {found} files" in result.stdout
    assert list(df.columns) == list(columns())
    assert {f"seeds/{p.name}" for p in SEEDS} <= set(df["report_id"])
    assert df["requests.new_received.total"].dtype == "Int64"
    assert df["appeals.reconsideration.total"].dtype == "Int64"
    assert df["proactive.fees.amount"].dtype == object
    assert isinstance(df["proactive.fees.amount"].dropna().iloc[0], Decimal)
    assert not any(str(t).startswith("float") for t in df.dtypes)
    violations = pd.read_parquet(out.with_name("reports.violations.parquet"))
    assert list(violations.columns) == [name for name, _kind in VIOLATION_COLUMNS]
    assert violations["line"].dtype == "Int64"
    assert violations["violation"].dtype == "Int64"
    assert violations["assessable"].dtype == "boolean"
    d_text = violations[(violations["rule"] == "D-TEXT") & violations["assessable"]]
    # seed 004 and the reader fixtures made from it (tests/data/fixtures/*/004-*)
    assert "seeds/004_993b10d7eafd07e2.txt" in set(d_text["report_id"])
    assert all("004" in name for name in d_text["report_id"])
    assert re.search(rf"\n +D-TEXT +warning +{d_text['report_id'].nunique()}\n", result.stdout)


def test_export_one_bad_file_never_stops_the_batch(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports.csv"
    result = run("export", str(folder), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "parsed      5 of 9 files" in result.stdout
    assert "refused     4: " in result.stdout
    for reason in ("not-a-report 2", "not-text 1", "truncated 1"):
        assert reason in result.stdout
    assert "cut.txt: [truncated]" in result.stdout
    records = read_records(out)
    assert [r["report_id"] for r in records] == [f"sub/{p.name}" for p in SEEDS]


def test_export_in_processes_gives_the_same_tables(folder: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert run("export", str(folder), "--out", str(one), "-q").exit_code == 0
    assert run("export", str(folder), "--out", str(two), "-q", "--jobs", "2").exit_code == 0
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")
    v1, v2 = (p.with_name(f"{p.stem}.violations.jsonl") for p in (one, two))
    assert v1.read_text(encoding="utf-8") == v2.read_text(encoding="utf-8")
    assert "T3-FEE-LINK" in v1.read_text(encoding="utf-8")


def test_export_violations_to_a_chosen_file(tmp_path: Path) -> None:
    out, extra = tmp_path / "r.csv", tmp_path / "v" / "violations.jsonl"
    result = run("export", str(DATA / "seeds"), "--out", str(out), "--violations", str(extra))
    assert result.exit_code == 0
    rows = read_records(extra)
    assert {r["rule"] for r in rows} >= {"D-TEXT", "T3-FEE-LINK"}
    assert all(isinstance(r["assessable"], bool) for r in rows)


def test_export_counts_a_parser_crash(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import govdisclosure.batch as batch

    real = batch.parse_report

    def flaky(data: str | bytes, **kw: bool) -> object:
        text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
        if "示范区党政办" in text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(data, **kw)

    monkeypatch.setattr(batch, "parse_report", flaky)
    result = run("export", str(folder), "--out", str(tmp_path / "r.csv"), "--jobs", "1")
    assert result.exit_code == 0
    assert "internal-error 1" in result.stdout
    assert "RecursionError" in result.stdout
    assert "parsed      4 of 9 files" in result.stdout


def test_export_with_nothing_parsed_exits_1(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "news.txt").write_text(NEWS, encoding="utf-8")
    result = run("export", str(tmp_path / "in"), "--out", str(tmp_path / "r.csv"), "-q")
    assert result.exit_code == 1
    assert read_records(tmp_path / "r.csv") == []


def test_export_refuses_an_unknown_table_format(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", str(DATA), "--out", str(tmp_path / "r.xls")])
    assert result.exit_code == 2
    assert ".parquet, .csv, .jsonl or .xlsx" in result.stderr


def test_export_shows_progress_on_stderr(tmp_path: Path) -> None:
    result = run("export", str(DATA / "seeds"), "--out", str(tmp_path / "r.jsonl"))
    assert "5/5" in result.stderr
    assert "5/5" not in result.stdout


# --------------------------------------------------------------------------- issue 14


def test_parse_shows_the_report_for_people() -> None:
    report = parse_report(sample_bytes())
    result = run("parse", "--sample")
    assert result.exit_code == 0
    out = result.stdout
    assert len(out.splitlines()) < 150  # not 1,163 lines of JSON
    assert out.index("淮安经济技术开发区党政办公室") < out.index(
        "三、收到和处理政府信息公开申请情况"
    )
    assert "template V2021" in out and "year 2024" in out and "script simplified" in out
    for label in (
        "第二十条第（一）项",
        "行政规范性文件",
        "1.属于国家秘密",
        "（七）总计",
        "复议后起诉",
    ):
        assert label in out, label
    # the row of new applications shows the report's own numbers, in the template's order
    row = next(line for line in out.splitlines() if "一、本年新收" in line)
    numbers = [int(x) for x in re.findall(r"\d+", row.split("数量", 1)[1])]
    new = report.requests.new_received
    assert numbers == [
        new.natural_person,
        new.commercial,
        new.research,
        new.nonprofit,
        new.legal_services,
        new.other,
        new.total,
    ]
    assert re.search(r"violations  2 \(1 warning, 1 info\)", out)
    assert "T3-FEE-LINK" in out
    assert "diagnostics 0" in out


def test_parse_text_lists_diagnostics_and_shows_blank_cells() -> None:
    result = run("parse", SEED_001)  # a heading in the wrong form
    assert result.exit_code == 0
    report = parse_report(Path(SEED_001).read_bytes())
    assert f"diagnostics {len(report.diagnostics)}" in result.stdout
    assert "heading-form" in result.stdout


def test_parse_reads_stdin() -> None:
    data = Path(SEED_003).read_bytes()
    result = CliRunner().invoke(main, ["parse", "--format", "json", "-"], input=data)
    assert result.exit_code == 0, result.output
    assert from_json(result.stdout) == parse_report(data)
    text = CliRunner().invoke(main, ["parse", "-"], input=data)
    assert "淮安经济技术开发区党政办公室" in text.stdout


def test_parse_and_check_take_a_folder_and_a_glob(tmp_path: Path) -> None:
    for seed in SEEDS[:3]:
        (tmp_path / "a").mkdir(exist_ok=True)
        shutil.copy(seed, tmp_path / "a" / seed.name)
    csv_out = run("parse", "--format", "csv", str(tmp_path / "a"))
    assert csv_out.exit_code == 0
    ids = [r[0] for r in list(csv.reader(io.StringIO(csv_out.stdout)))[1:]]
    assert ids == [p.name for p in SEEDS[:3]]  # relative to the folder given
    glob_out = run("parse", "--format", "csv", str(tmp_path / "*" / "00[12]*.txt"))
    ids = [r[0] for r in list(csv.reader(io.StringIO(glob_out.stdout)))[1:]]
    assert ids == [f"a/{p.name}" for p in SEEDS[1:3]]  # relative to the glob's fixed part
    assert run("check", str(tmp_path / "a")).exit_code == 0
    missing = CliRunner().invoke(main, ["check", str(tmp_path / "nothing*.txt")])
    assert missing.exit_code == 2
    assert "no report file matches" in missing.stderr


def test_check_folder_as_json(folder: Path) -> None:
    result = run("check", "--format", "json", str(folder))
    assert result.exit_code == 1  # three files are refused
    data = json.loads(result.stdout)
    assert [r["report_id"] for r in data["reports"]] == [f"sub/{p.name}" for p in SEEDS]
    refused = {r["report_id"] for r in data["refused"]}
    assert refused == {"cut.txt", "news.txt", "noise.md", "ignored.json"}
    totals = data["totals"]
    assert (totals["files"], totals["reports"], totals["refused"]) == (9, 5, 4)
    judged = [v for r in data["reports"] for v in r["violations"] if v["assessable"]]
    assert totals["violations"] == len(judged)
    assert sum(totals["by_severity"].values()) == len(judged)
    fee = next(v for v in judged if v["rule"] == "T3-FEE-LINK")
    assert fee["severity"] == "warning" and fee["lines"]
    assert "不符合" in fee["message_zh"]
    assert result.stderr == ""  # refusals are in the JSON, not on stderr


def test_check_table_ends_with_totals(folder: Path) -> None:
    result = run("check", str(folder))
    lines = result.stdout.rstrip().splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("checked "))
    assert lines[at] == "checked     9 files: 5 reports, 4 refused"
    assert re.match(
        r"violations  \d+ in \d+ reports \(\d+ error, \d+ warning, \d+ info\)", lines[at + 1]
    )
    assert any("T3-FEE-LINK" in line for line in lines[at + 2 :])


def test_quiet_prints_nothing(folder: Path, tmp_path: Path) -> None:
    check_q = run("check", "-q", "--fail-on", "warning", *map(str, SEEDS))
    assert check_q.exit_code == 1
    assert check_q.stdout == ""
    parse_q = run("parse", "-q", str(SEEDS[0]))
    assert (parse_q.exit_code, parse_q.stdout) == (0, "")
    export_q = run("export", "-q", str(folder), "--out", str(tmp_path / "r.csv"))
    assert export_q.exit_code == 0
    assert export_q.stdout == ""
    assert export_q.stderr == "4 of 9 files refused\n"
    assert len(read_records(tmp_path / "r.csv")) == 5


def test_export_writes_the_diagnostics_table(tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    result = run("export", str(DATA / "seeds"), "--out", str(out))
    assert result.exit_code == 0
    rows = read_records(out.with_name("r.diagnostics.jsonl"))
    expected = [
        (f"{p.name}", d.code, d.line)
        for p in SEEDS
        for d in parse_report(p.read_bytes()).diagnostics
    ]
    assert [(r["report_id"], r["code"], r["line"]) for r in rows] == expected
    assert expected  # the seeds do need repairs
    assert all(r["meaning_zh"] for r in rows)
    assert f"diagnostics {len(expected)} in" in result.stdout


def test_export_dedupe_keeps_one_of_three_copies(tmp_path: Path) -> None:
    from govdisclosure import render

    folder = tmp_path / "in"
    folder.mkdir()
    text = Path(SEED_003).read_bytes()
    report = parse_report(text)
    (folder / "a.txt").write_bytes(text)
    (folder / "b.html").write_text(render(report, "html"), encoding="utf-8")
    (folder / "c.txt").write_text(render(report, "traditional"), encoding="utf-8")
    (folder / "d.txt").write_bytes(text)  # the same bytes again
    shutil.copy(SEED_001, folder / "e.txt")  # another organ
    out = tmp_path / "r.csv"
    plain = run("export", str(folder), "--out", str(out))
    assert "parsed      5 of 5 files" in plain.stdout
    assert len(read_records(out)) == 5
    result = run("export", str(folder), "--out", str(out), "--dedupe")
    assert result.exit_code == 0, result.output
    records = read_records(out)
    assert sorted(r["report_id"] for r in records) == ["a.txt", "e.txt"]
    assert "duplicates  3 dropped" in result.stdout
    assert "d.txt: same source as a.txt" in result.stdout
    assert "same organ and year as a.txt" in result.stdout
    violations = read_records(out.with_name("r.violations.csv"))
    assert {v["report_id"] for v in violations} <= {"a.txt", "e.txt"}


def test_urls_are_read_with_fsspec(tmp_path: Path) -> None:
    import fsspec

    fs = fsspec.filesystem("memory")
    for seed in SEEDS[:2]:
        fs.pipe(f"/gd-test/2023/{seed.name}", seed.read_bytes())
    fs.pipe("/gd-test/2023/notes.json", b"{}")
    try:
        result = run("parse", "--format", "csv", "memory://gd-test/**/*.txt")
        assert result.exit_code == 0, result.output
        ids = [r[0] for r in list(csv.reader(io.StringIO(result.stdout)))[1:]]
        assert ids == [f"2023/{p.name}" for p in SEEDS[:2]]  # relative to the fixed part
        out = tmp_path / "r.csv"
        exported = run("export", "memory://gd-test/2023/*.txt", "--out", str(out))
        assert exported.exit_code == 0, exported.output
        assert [r["report_id"] for r in read_records(out)] == [p.name for p in SEEDS[:2]]
        missing = CliRunner().invoke(main, ["check", "memory://gd-test/none/*.txt"])
        assert missing.exit_code == 2
        assert "no file matches" in missing.stderr
    finally:
        fs.rm("/gd-test", recursive=True)


def test_parse_text_shows_a_blank_cell_as_a_dot_not_zero(tmp_path: Path) -> None:
    text = seed_text("003_d01d2cbab1ffe994")
    line = next(x for x in text.split("\n") if "属于国家秘密" in x)
    path = tmp_path / "blank.txt"
    path.write_text(text.replace(line, line.replace("国家秘密 | 0 |", "国家秘密 | / |")), "utf-8")
    result = run("parse", str(path))
    row = next(x for x in result.stdout.splitlines() if "1.属于国家秘密" in x)
    assert row.split("国家秘密", 1)[1].split() == ["·", "0", "0", "0", "0", "0", "0"]
    assert "cell-placeholder" in result.stdout


def test_dedupe_keeps_two_organs_of_one_name_apart_by_credit_code(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = seed_text("003_d01d2cbab1ffe994")
    code = "113208007833785008"
    assert code in text
    (folder / "a.txt").write_text(text, encoding="utf-8")
    other = "91350100M000100Y43"  # another valid code: another organ of the same name
    (folder / "b.txt").write_text(text.replace(code, other), encoding="utf-8")
    (folder / "c.txt").write_text(text.replace(code, "").replace("\n", "\n\n", 1), "utf-8")
    out = tmp_path / "r.csv"
    result = run("export", str(folder), "--out", str(out), "--dedupe")
    assert result.exit_code == 0, result.output
    kept = sorted(str(r["report_id"]) for r in read_records(out))
    # c.txt has no code: it is the same as a.txt or b.txt, whichever is more usual (a tie: a)
    assert len(kept) == 2 and "b.txt" in kept
    assert "duplicates  1 dropped" in result.stdout


def test_export_without_the_extra_fails_before_the_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "openpyxl" else real(name, *a)
    )
    result = CliRunner().invoke(main, ["export", str(SEEDS[0]), "--out", str(tmp_path / "r.xlsx")])
    assert result.exit_code == 2
    assert "pip install 'govdisclosure[excel]'" in result.stderr
    assert not (tmp_path / "r.xlsx").exists()

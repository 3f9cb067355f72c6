"""Issue 15 on the command line: check --series, similar, and export's series_violations.

The corpus in tests/data/corpus is generated (govdisclosure.synthetic); a test checks that
the generator still makes exactly those files.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from govdisclosure.cli import main
from govdisclosure.synthetic import synthetic_corpus, write_corpus

CORPUS = Path(__file__).parent / "data" / "corpus"


def docs_corpus():  # type: ignore[no-untyped-def]
    """The corpus of docs/corpus.md and tests/data/corpus."""
    return synthetic_corpus(
        6, (2021, 2022, 2023), copies=1, cross=1, broken=1, consolidated=True, seed=15
    )


def test_the_committed_corpus_is_what_the_generator_makes(tmp_path: Path) -> None:
    paths = write_corpus(docs_corpus(), tmp_path)
    committed = sorted(p.relative_to(CORPUS) for p in CORPUS.rglob("*.txt"))
    assert sorted(p.relative_to(tmp_path) for p in paths) == committed
    for p in paths:
        assert p.read_bytes() == (CORPUS / p.relative_to(tmp_path)).read_bytes(), p


def test_check_series_names_both_reports_and_quotes_both_lines() -> None:
    corpus = docs_corpus()
    ((prev, cur),) = corpus.broken
    result = CliRunner().invoke(main, ["check", "--series", str(CORPUS)])
    # the broken carry-over is an error (the tables of one organ's consecutive years
    # contradict each other: issue 16's severities), so --fail-on error exits with 1
    assert result.exit_code == 1, result.output
    text = result.output
    assert f"  {prev} (line 55)\n     55 │ 四、结转下年度继续办理" in text
    assert f"  {cur} (line 32)\n     32 │ 二、上年结转" in text
    assert "series      27 reports of 9 organs, 0 refused" in text
    strict = CliRunner().invoke(main, ["check", "--series", "--fail-on", "warning", str(CORPUS)])
    assert strict.exit_code == 1


def test_check_series_json_and_csv_give_the_series_violations_table() -> None:
    corpus = docs_corpus()
    out = CliRunner().invoke(main, ["check", "--series", "--format", "json", str(CORPUS)])
    data = json.loads(out.output)
    pairs = {(r["previous_id"], r["current_id"], r["rule"]) for r in data["series_violations"]}
    ((prev, cur),) = corpus.broken
    ((a, b),) = corpus.copies
    assert (prev, cur, "T3-CARRY") in pairs and (a, b, "C-PROSE-COPY") in pairs
    assert data["totals"] == {"reports": 27, "organs": 9, "violations": len(pairs) * 2}
    rows = list(csv.DictReader(io.StringIO(
        CliRunner().invoke(main, ["check", "--series", "--format", "csv", str(CORPUS)]).output
    )))  # fmt: skip
    assert len(rows) == len(data["series_violations"])
    assert all(r["previous_line"] and r["current_line"] for r in rows if r["rule"] == "T3-CARRY")


def test_check_series_sets_duplicates_aside_without_failing(tmp_path: Path) -> None:
    one = next(CORPUS.glob("2022/*.txt"))
    (tmp_path / "a.txt").write_bytes(one.read_bytes())
    (tmp_path / "b.txt").write_bytes(one.read_bytes())
    result = CliRunner().invoke(main, ["check", "--series", str(tmp_path)])
    assert "[corpus-year-duplicate]" in result.output and "b.txt" in result.output
    assert "set aside   corpus-year-duplicate 1" in result.output


def test_similar_ranks_the_planted_pairs_with_excerpts() -> None:
    corpus = docs_corpus()
    result = CliRunner().invoke(main, ["similar", str(CORPUS), "--format", "json"])
    assert result.exit_code == 1  # pairs found
    data = json.loads(result.output)
    found = {(p["first"]["report_id"], p["second"]["report_id"]) for p in data["pairs"]}
    assert found == corpus.copies | corpus.cross
    for p in data["pairs"]:
        assert p["share"] >= 0.8
        assert all(x["first_line"] and x["second_line"] for x in p["passages"])
    table = CliRunner().invoke(main, ["similar", str(CORPUS)]).output
    assert "same-organ" in table and "cross-organ" in table and "similar     2 pairs" in table
    alone = CliRunner().invoke(main, ["similar", str(CORPUS), "--no-cross"]).output
    assert "cross-organ" not in alone and "similar     1 pair\n" in alone


def test_export_writes_the_series_violations_table(tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    result = CliRunner().invoke(main, ["export", str(CORPUS), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader((tmp_path / "r.series_violations.csv").open(encoding="utf-8-sig")))
    ((prev, cur),) = docs_corpus().broken
    assert {(r["previous_id"], r["current_id"]) for r in rows if r["rule"] == "T3-CARRY"} >= {
        (prev, cur)
    }


def test_check_corpus_takes_parse_many_results_as_they_come() -> None:
    from govdisclosure import check_corpus, parse_many

    paths = sorted(CORPUS.rglob("*.txt"))
    result = check_corpus(parse_many(paths, workers=1))
    ((prev, cur),) = docs_corpus().broken
    found = {(v.previous_id, v.current_id) for v in result.violations if v.rule == "T3-CARRY"}
    assert (str(CORPUS / prev), str(CORPUS / cur)) in found
    assert result.reports == len(paths) == 27

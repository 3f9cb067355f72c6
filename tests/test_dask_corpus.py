"""govdisclosure.dask.check_corpus: the corpus check with parsing on Dask workers."""

from __future__ import annotations

from pathlib import Path

import pytest

from govdisclosure import check_corpus, parse_report
from govdisclosure.dask import check_corpus as dask_check_corpus
from govdisclosure.dask import read_series_violations

CORPUS = Path(__file__).parent / "data" / "corpus"


def _local() -> tuple[set[tuple[str, str, str, str]], int]:
    parsed = {
        str(p.relative_to(CORPUS)): parse_report(p.read_bytes()) for p in CORPUS.rglob("*.txt")
    }
    result = check_corpus(parsed)
    return {(v.previous_id, v.current_id, v.rule, v.message) for v in result.violations}, len(
        result.violations
    )


@pytest.mark.parametrize("scheduler", ["sync", "processes"])
def test_dask_check_corpus_equals_the_local_one(scheduler: str) -> None:
    expected, count = _local()
    result = dask_check_corpus(str(CORPUS / "**" / "*.txt"), files_per_partition=5).compute(
        scheduler=scheduler
    )
    assert {(v.previous_id, v.current_id, v.rule, v.message) for v in result.violations} == (
        expected
    )
    assert len(result.violations) == count and count > 0
    assert (result.reports, result.organs) == (27, 9)


def test_read_series_violations_is_the_series_table() -> None:
    expected, _count = _local()
    frame = read_series_violations(str(CORPUS / "**" / "*.txt"), files_per_partition=4).compute(
        scheduler="sync"
    )
    got = set(zip(frame["previous_id"], frame["current_id"], frame["rule"], frame["message"],
                  strict=True))  # fmt: skip
    assert got == expected
    assert str(frame["previous_line"].dtype) == "Int64"

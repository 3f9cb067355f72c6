"""Damaged inputs (issue 5, classes 2, 3 and 6): every fixture parses to exactly the numbers of
the seed it was made from, or to the expected error.  Fixtures: tests/data/fixtures/build.py."""

from __future__ import annotations

import itertools
import json
from typing import Any

import pytest
from support import DATA, expected_numbers, golden

from govdisclosure import ParseError, Report, flatten, read_report
from govdisclosure.template import REQUEST_COLUMNS

FIXTURES = DATA / "fixtures"
MANIFEST: dict[str, dict[str, Any]] = json.loads(
    (FIXTURES / "manifest.json").read_text(encoding="utf-8")
)


def by_expectation(kind: str) -> list[str]:
    return [name for name, meta in MANIFEST.items() if meta["expect"] == kind]


@pytest.mark.parametrize("name", by_expectation("exact"))
def test_exact(name: str) -> None:
    meta = MANIFEST[name]
    report = read_report(FIXTURES / name)
    g = golden(meta["source"])
    flat = flatten(report)
    expected = expected_numbers(g)
    wrong = {k: (flat.get(k), v) for k, v in expected.items() if flat.get(k) != v}
    assert wrong == {}, f"{len(wrong)} of {len(expected)} cells differ"
    assert report.template.value == g["template"]
    assert report.year == g["year"]
    assert report.organ == meta.get("organ", g["organ"])
    for key, want in g["sections"].items():
        assert getattr(report, key).title.endswith(want["title"][-4:]), key


def _splits(digits: str, n: int, rule: bool) -> list[tuple[int, ...]]:
    """Brute force, independent of the library: every cut of ``digits`` into n numbers
    written without leading zeros, keeping those whose last is the sum of the others."""
    out = []
    for cuts in itertools.combinations(range(1, len(digits)), n - 1):
        bounds = (0, *cuts, len(digits))
        parts = [digits[a:b] for a, b in itertools.pairwise(bounds)]
        if any(len(p) > 1 and p.startswith("0") for p in parts):
            continue
        nums = tuple(int(p) for p in parts)
        if not rule or sum(nums[:-1]) == nums[-1]:
            out.append(nums)
    return out


@pytest.mark.parametrize("name", by_expectation("glued"))
def test_glued_cells_are_split_exactly_or_reported(name: str) -> None:
    meta = MANIFEST[name]
    report: Report = read_report(FIXTURES / name)
    g = golden(meta["source"])
    flat = flatten(report)
    expected = expected_numbers(g)
    # nothing wrong: a value that is set is the hand-read value
    wrong = {k: (flat[k], v) for k, v in expected.items() if flat[k] is not None and flat[k] != v}
    assert wrong == {}
    # every cell left None is named by an ambiguity diagnostic on its row
    ambiguous_rows = {d.field for d in report.diagnostics if d.code == "cells-ambiguous"}
    for key in (k for k in expected if flat[k] is None):
        assert key.rsplit(".", 1)[0] in ambiguous_rows, key
    # a row of table 三 whose digits split one way only under its row total is filled
    rows = [
        k[: -len(".total")] for k in expected if k.startswith("requests.") and k.endswith(".total")
    ]
    unique = 0
    for row in rows:
        vals = [expected[f"{row}.{c.key}"] for c in REQUEST_COLUMNS]
        digits = "".join(str(v) for v in vals)
        if len(_splits(digits, len(vals), rule=True)) == 1:
            unique += 1
            assert [flat[f"{row}.{c.key}"] for c in REQUEST_COLUMNS] == vals, row
    assert unique >= len(rows) - 3
    assert any(d.code == "cells-glued" for d in report.diagnostics)


@pytest.mark.parametrize("name", by_expectation("error"))
def test_refused_with_reason(name: str) -> None:
    meta = MANIFEST[name]
    with pytest.raises(ParseError) as info:
        read_report(FIXTURES / name)
    assert info.value.code == meta["code"]
    if "line" in meta:
        assert info.value.line == meta["line"]
    if "missing" in meta:
        partial = read_report(FIXTURES / name, partial=True)
        assert sorted(partial.missing) == sorted(meta["missing"])
        for part in meta["missing"]:
            assert part in str(info.value) or part in {
                "overview",
                "problems",
                "other_matters",
                "appeals",
                "requests",
            }


def test_brute_force_agrees_with_itself_on_a_known_row() -> None:
    assert _splits("12300000123", 7, rule=True) == [(123, 0, 0, 0, 0, 0, 123)]
    assert len(_splits("1245", 3, rule=False)) == 3

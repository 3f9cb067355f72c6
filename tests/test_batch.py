"""parse_many: a process pool that yields one outcome per input, in input order."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import SEEDS, seed_text

import govdisclosure.batch as batch
from govdisclosure import Parsed, ParseError, parse_many, parse_report

NOT_A_REPORT = "今天天气很好。\n我们去公园散步。\n"

# a pool left to the garbage collector shows up as an unraisable exception: fail on it
pytestmark = pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")


def _inputs(tmp_path: Path) -> list[object]:
    missing = tmp_path / "missing.txt"
    return [
        SEEDS[0],  # Path
        str(SEEDS[1]),  # str without a line break: a path
        seed_text(SEEDS[2].stem),  # str with line breaks: a text
        NOT_A_REPORT,
        SEEDS[3].read_bytes(),  # bytes
        str(missing),
        SEEDS[4],
    ]


def test_reports_cross_the_process_boundary_equal_to_parse_report() -> None:
    for path in SEEDS:
        report = parse_report(path.read_bytes())
        again = pickle.loads(pickle.dumps(report))
        assert again == report
        assert dict(again.locations) == dict(report.locations)


@pytest.mark.parametrize("workers", [1, 2])
def test_results_in_input_order_with_errors_collected(tmp_path: Path, workers: int) -> None:
    inputs = _inputs(tmp_path)
    results = list(parse_many(inputs, workers=workers, chunksize=2))  # type: ignore[arg-type]
    assert [r.index for r in results] == list(range(len(inputs)))
    assert [r.source for r in results] == [
        str(SEEDS[0]),
        str(SEEDS[1]),
        "<text 2>",
        "<text 3>",
        "<text 4>",
        str(tmp_path / "missing.txt"),
        str(SEEDS[4]),
    ]
    assert [r.ok for r in results] == [True, True, True, False, True, False, True]
    for r, seed in zip([results[i] for i in (0, 1, 2, 4, 6)], SEEDS, strict=True):
        expected = parse_report(seed.read_bytes())
        assert r.report == expected
        assert r.error is None
        assert dict(r.report.locations) == dict(expected.locations)
    assert isinstance(results[3].error, ParseError)
    assert results[3].report is None
    assert isinstance(results[5].error, FileNotFoundError)


def test_errors_skipped(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path)
    results = list(parse_many(inputs, workers=2, chunksize=2, on_error="skip"))  # type: ignore[arg-type]
    assert [r.index for r in results] == [0, 1, 2, 4, 6]
    assert all(r.ok for r in results)


def test_raise_after_the_inputs_before_the_error() -> None:
    seen: list[Parsed] = []
    with pytest.raises(ParseError):
        inputs = [SEEDS[0], NOT_A_REPORT, SEEDS[1]]
        for r in parse_many(inputs, workers=2, chunksize=1, on_error="raise"):
            seen.append(r)
    assert [r.index for r in seen] == [0]


def test_progress_counts_every_input() -> None:
    calls: list[tuple[int, int | None]] = []
    list(parse_many(SEEDS, workers=2, chunksize=2, progress=lambda d, t: calls.append((d, t))))
    assert calls == [(i, len(SEEDS)) for i in range(1, len(SEEDS) + 1)]
    calls.clear()
    list(parse_many(iter(SEEDS), workers=1, progress=lambda d, t: calls.append((d, t))))
    assert calls == [(i, None) for i in range(1, len(SEEDS) + 1)]


def test_input_is_consumed_lazily() -> None:
    """A long generator is not read ahead beyond the in-flight window."""
    pulled = 0

    def paths() -> Iterator[Path]:
        nonlocal pulled
        for _ in range(1000):
            pulled += 1
            yield SEEDS[4]

    results = parse_many(paths(), workers=2, chunksize=2)
    first = next(results)
    assert first.ok
    assert pulled <= 4 * 2 * 2 + 2  # window (4 × workers chunks) × chunksize, and one more
    results.close()


def test_bugs_are_not_collected(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kw: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(batch, "parse_report", broken)
    with pytest.raises(RuntimeError) as info:
        list(parse_many([NOT_A_REPORT], workers=1, collect_bugs=False))
    assert "while parsing <text 0>" in "".join(info.value.__notes__)


@pytest.mark.parametrize(
    "kwargs",
    [{"workers": 0}, {"on_error": "ignore"}, {"chunksize": 0}],
)
def test_bad_arguments(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        list(parse_many(SEEDS, **kwargs))  # type: ignore[arg-type]

"""parse_many survives its inputs: a bug in a worker, a worker that dies (issue 11, part 5).

The worker's parse function is replaced with monkeypatch before the pool starts: the pool's
workers are forked from this process and so run the replacement (a test of what the pool does
with a worker that raises or dies, not of the parser).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from pathlib import Path

import pytest
from support import SEEDS

import govdisclosure.batch as batch
from govdisclosure import ParseError, parse_many, parse_report
from govdisclosure.model import Report

pytestmark = [
    pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning"),
    pytest.mark.skipif(
        multiprocessing.get_start_method() != "fork",
        reason="the replaced parse function reaches the workers by fork",
    ),
]

GOOD = SEEDS[0].read_text(encoding="utf-8")
RAISE, EXIT, KILL, ONCE = "#raise", "#exit", "#kill", "#once"


def _hostile(flag: Path):  # type: ignore[no-untyped-def]
    def parse(data: str | bytes, **kwargs: object) -> Report:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
        if text.startswith(RAISE):
            raise RuntimeError("boom")
        if text.startswith(EXIT):
            os._exit(3)
        if text.startswith(KILL):
            os.kill(os.getpid(), signal.SIGKILL)
        if text.startswith(ONCE) and not flag.exists():  # dies the first time only
            flag.touch()
            os._exit(3)
        return parse_report(GOOD, **kwargs)  # type: ignore[arg-type]

    return parse


def _inputs(bad: list[str], n: int = 11) -> list[str]:
    """n inputs, the bad ones spread among good ones (each a text: it has a line break)."""
    out = [f"good {i}\n" for i in range(n)]
    for k, b in enumerate(bad):
        out[(3 + 4 * k) % n] = f"{b}\n"
    return out


@pytest.mark.parametrize("workers", [1, 2])
def test_a_bug_in_a_worker_fails_that_input_only(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, workers: int
) -> None:
    monkeypatch.setattr(batch, "parse_report", _hostile(tmp_path / "flag"))
    inputs = _inputs([RAISE, RAISE])
    results = list(parse_many(inputs, workers=workers, chunksize=2))
    assert [r.index for r in results] == list(range(len(inputs)))
    failed = [r for r in results if not r.ok]
    assert [r.index for r in failed] == [3, 7]
    for r in failed:
        assert isinstance(r.error, ParseError)
        assert r.error.code == "internal-error"
        assert "RuntimeError: boom" in str(r.error)
        assert "Traceback" in str(r.error) and "in parse" in str(r.error)  # the traceback text
    assert all(r.report is not None for r in results if r.index not in (3, 7))


@pytest.mark.parametrize("how", [EXIT, KILL])
def test_a_dead_worker_is_replaced_and_the_killer_fails_alone(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, how: str
) -> None:
    monkeypatch.setattr(batch, "parse_report", _hostile(tmp_path / "flag"))
    inputs = _inputs([how], n=40)
    results = list(parse_many(inputs, workers=2, chunksize=3))
    assert [r.index for r in results] == list(range(40))
    failed = [r for r in results if not r.ok]
    assert [r.index for r in failed] == [3]
    assert isinstance(failed[0].error, ParseError)
    assert failed[0].error.code == "worker-died"
    assert len([r for r in results if r.ok]) == 39  # its neighbours in flight were parsed again


def test_two_killers_and_work_after_them(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(batch, "parse_report", _hostile(tmp_path / "flag"))
    inputs = _inputs([EXIT, KILL], n=60)  # at 3 and 7; then 52 more after both deaths
    results = list(parse_many(inputs, workers=2, chunksize=1))
    assert [r.index for r in results] == list(range(60))
    assert [(r.index, r.error.code) for r in results if r.error is not None] == [  # type: ignore[union-attr]
        (3, "worker-died"),
        (7, "worker-died"),
    ]


def test_an_input_that_kills_once_is_retried_and_parsed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    flag = tmp_path / "flag"
    monkeypatch.setattr(batch, "parse_report", _hostile(flag))
    inputs = _inputs([ONCE], n=20)
    results = list(parse_many(inputs, workers=2, chunksize=2))
    assert flag.exists()  # it did kill a worker
    assert [r.index for r in results] == list(range(20))
    assert all(r.ok for r in results)


def test_collect_bugs_false_raises_with_the_input_named(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(batch, "parse_report", _hostile(tmp_path / "flag"))
    with pytest.raises(RuntimeError) as info:
        list(parse_many(_inputs([RAISE]), workers=2, chunksize=2, collect_bugs=False))
    assert "while parsing <text 3>" in "".join(info.value.__notes__)


def test_the_audits_poisoned_inputs_do_not_stop_a_batch() -> None:
    """0.1 stopped after 5 of 11 results with one of these among them (no replaced parser)."""
    poisons = [
        GOOD.replace("依申请", "依\udc80申请", 1),  # a lone surrogate
        '<table><tr><td colspan="' + "9" * 5000 + '">1</td></tr></table>\n',
        "[" * 200_000 + "]" * 200_000 + "\n",  # deep JSON
    ]
    for poison in poisons:
        inputs = [GOOD] * 5 + [poison] + [GOOD] * 5
        results = list(parse_many(inputs, workers=2, chunksize=2))
        assert [r.index for r in results] == list(range(11))
        assert all(r.ok for r in results[:5] + results[6:])
        assert results[5].ok or isinstance(results[5].error, ParseError)
        assert results[5].error is None or results[5].error.code != "internal-error"  # type: ignore[union-attr]

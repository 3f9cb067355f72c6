"""export under damage: Ctrl-C keeps what was parsed (exit 130); files are written whole.

The SIGINT test runs ``govdisclosure export`` in a subprocess whose parse function sends the
process a real SIGINT when it meets a marked file (the n-th): a Ctrl-C at a known point.
"""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from support import SEEDS

from govdisclosure.write.files import replacing, write_records

N, STOP_AT = 24, 16
MARK = b"\nSTOP-HERE\n"

HOOK = textwrap.dedent(
    """
    import multiprocessing, os, signal, sys
    import govdisclosure.batch as batch
    from govdisclosure.api import parse_report

    def parse(data, **kwargs):
        if isinstance(data, bytes) and data.endswith(MARK):
            parent = multiprocessing.parent_process()  # in a worker: Ctrl-C goes to the parent
            os.kill(os.getpid() if parent is None else os.getppid(), signal.SIGINT)
        return parse_report(data, **kwargs)

    batch.parse_report = parse
    from govdisclosure.cli import main
    sys.argv = ["govdisclosure", *sys.argv[1:]]
    main()
    """
).replace("MARK", repr(MARK))


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(N):
        data = SEEDS[i % len(SEEDS)].read_bytes()
        (folder / f"r{i:02}.txt").write_bytes(data + MARK if i == STOP_AT else data)
    return folder


def _export(tmp_path: Path, jobs: int) -> tuple[subprocess.CompletedProcess[str], Path]:
    out = tmp_path / "out" / "reports.csv"
    done = subprocess.run(
        [sys.executable, "-c", HOOK, "export", str(_folder(tmp_path)), "--out", str(out),
         "-j", str(jobs), "--quiet"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    return done, out


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_ctrl_c_writes_what_was_parsed_and_exits_130(tmp_path: Path) -> None:
    done, out = _export(tmp_path, jobs=1)
    assert done.returncode == 130, done.stderr
    rows = _rows(out)
    # in one process the signal arrives as the marked file is parsed: every file before it
    assert [r["report_id"] for r in rows] == [f"r{i:02}.txt" for i in range(STOP_AT)]
    assert f"interrupted: wrote the {STOP_AT} reports parsed so far" in done.stderr
    assert "Traceback" not in done.stderr
    assert len(_rows(out.with_name("reports.violations.csv"))) >= 0  # written, readable
    assert out.with_name("reports.diagnostics.csv").exists()
    assert sorted(p.name for p in out.parent.iterdir() if ".partial" in p.name) == []


def test_ctrl_c_with_a_pool(tmp_path: Path) -> None:
    done, out = _export(tmp_path, jobs=2)
    assert done.returncode == 130, done.stderr
    rows = _rows(out)
    assert len(rows) < N  # stopped early
    assert f"interrupted: wrote the {len(rows)} reports parsed so far" in done.stderr
    assert "Traceback" not in done.stderr
    assert not [p for p in out.parent.iterdir() if ".partial" in p.name]


def test_a_file_is_replaced_whole_or_not_at_all(tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    write_records([{"report_id": "a"}], out)
    before = out.read_bytes()

    class Boom(Exception):
        pass

    with pytest.raises(Boom), replacing(out) as temporary:
        assert temporary.parent == out.parent and temporary.suffix == ".csv"
        temporary.write_bytes(b"half a fi")
        raise Boom
    assert out.read_bytes() == before  # the earlier file is untouched
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]  # no temporary left behind


def test_a_failed_write_leaves_no_empty_file(tmp_path: Path) -> None:
    """The audit's 23-digit count left 0-byte .parquet files behind."""
    pytest.importorskip("pyarrow")
    out = tmp_path / "t.parquet"
    with pytest.raises(OverflowError):
        write_records([{"report_id": "a", "year": 10**23}], out)
    assert list(tmp_path.iterdir()) == []


def test_export_writes_through_a_temporary_and_renames(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    renamed: list[tuple[str, str]] = []
    real = os.replace

    def spy(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        renamed.append((Path(src).name, Path(dst).name))
        real(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    from click.testing import CliRunner

    from govdisclosure.cli import main

    out = tmp_path / "r.jsonl"
    result = CliRunner().invoke(main, ["export", str(SEEDS[0]), "--out", str(out), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert {dst for _src, dst in renamed} == {
        "r.jsonl",
        "r.violations.jsonl",
        "r.diagnostics.jsonl",
        "r.series_violations.jsonl",
    }
    assert all(src.startswith(f".{dst}.") and ".partial" in src for src, dst in renamed)
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1


def test_sigint_is_ignored_by_workers() -> None:
    import govdisclosure.batch as batch

    previous = signal.getsignal(signal.SIGINT)
    try:
        batch._warm_up()  # the worker initializer
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, previous)

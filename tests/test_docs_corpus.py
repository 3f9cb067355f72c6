"""docs/corpus.md runs: each python block, with the output shown after it (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import run_page

ROOT = Path(__file__).resolve().parents[1]


def test_corpus_page_runs_and_prints_what_it_shows(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import matplotlib

    matplotlib.use("Agg")
    monkeypatch.chdir(ROOT)
    replace = {
        '"tests/data/corpus")  #': f'r"{tmp_path}/corpus")  #',  # the generating block
        'savefig("rollup.png"': f'savefig(r"{tmp_path}/rollup.png"',
    }
    assert run_page(ROOT / "docs" / "corpus.md", replace) >= 8
    assert len(list((tmp_path / "corpus").rglob("*.txt"))) == 27  # the generating block ran
    assert (tmp_path / "rollup.png").stat().st_size > 5000
    assert (ROOT / "docs" / "img" / "rollup.png").is_file()

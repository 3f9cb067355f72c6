"""docs/corpus.md runs: each python block, with the output shown after it (issue 15)."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_corpus_page_runs_and_prints_what_it_shows(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import matplotlib

    matplotlib.use("Agg")
    text = (ROOT / "docs" / "corpus.md").read_text(encoding="utf-8")
    pairs = re.findall(r"```python\n(.*?)```\n(?:\n```text\n(.*?)```)?", text, re.S)
    assert len(pairs) >= 8
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    for code, shown in pairs:
        code = code.replace('"tests/data/corpus")  #', f'r"{tmp_path}/corpus")  #')
        code = code.replace('savefig("rollup.png"', f'savefig(r"{tmp_path}/rollup.png"')
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(code, "corpus.md", "exec"), namespace)
        if shown:
            assert out.getvalue().rstrip() == shown.rstrip()
    assert len(list((tmp_path / "corpus").rglob("*.txt"))) == 27  # the generating block ran
    assert (tmp_path / "rollup.png").stat().st_size > 5000
    assert (ROOT / "docs" / "img" / "rollup.png").is_file()

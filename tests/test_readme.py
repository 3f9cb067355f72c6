"""The README's example runs as written, and .ci/run runs the README's test command."""

from __future__ import annotations

import doctest
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_readme_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = doctest.testfile(str(ROOT / "README.md"), module_relative=False, verbose=False)
    assert result.attempted >= 5
    assert result.failed == 0


def test_readme_starts_with_the_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)\n```", text, re.S)
    assert blocks[0].endswith("govdisclosure parse --sample")
    assert "pip install ." in blocks[0]
    assert blocks[1] == "pip install '.[dev]' && pytest"
    assert os.access(ROOT / ".ci" / "run", os.X_OK)

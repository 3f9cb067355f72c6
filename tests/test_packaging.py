"""The installed package carries its grammar, its sample and py.typed."""

from __future__ import annotations

import sysconfig
from pathlib import Path

import pytest

import govdisclosure
from govdisclosure.parse.grammar import document_parser, grammar_path

PACKAGE = Path(govdisclosure.__file__).resolve().parent
INSTALLED = PACKAGE.is_relative_to(Path(sysconfig.get_paths()["purelib"]).resolve())


@pytest.mark.skipif(not INSTALLED, reason="run against a non-editable install (as .ci/run does)")
@pytest.mark.parametrize("name", ["report.lark", "template.lark"])
def test_grammars_are_read_from_inside_the_installed_package(name: str) -> None:
    path = Path(grammar_path(name)).resolve()
    assert path.is_relative_to(PACKAGE), path
    assert path.name == name
    assert "HEADING" in path.read_text(encoding="utf-8")


def test_parser_builds_once_and_is_cached() -> None:
    assert document_parser() is document_parser()


def test_py_typed_and_sample_are_shipped() -> None:
    assert (PACKAGE / "py.typed").is_file()
    assert (PACKAGE / "samples" / "huaian-2024.txt").is_file()

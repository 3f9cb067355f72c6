"""Loading the Lark grammar and building the parser, once per process."""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from lark import Lark

__all__ = ["document_parser", "grammar_path", "grammar_text", "parser"]

GRAMMAR = "report.lark"


def grammar_text() -> str:
    """The grammar: from the installed package, else from the source checkout's ``grammars/``."""
    packaged = resources.files("govdisclosure").joinpath("grammars").joinpath(GRAMMAR)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    return (Path(__file__).resolve().parent.parent / "grammars" / GRAMMAR).read_text(
        encoding="utf-8"
    )


def grammar_path() -> str:
    """Where the grammar was found (for diagnostics and the packaging test)."""
    packaged = resources.files("govdisclosure").joinpath("grammars").joinpath(GRAMMAR)
    if packaged.is_file():
        return str(packaged)
    return str(Path(__file__).resolve().parent.parent / "grammars" / GRAMMAR)


@functools.cache
def parser() -> Lark:
    """The LALR parser with a contextual lexer, built on first use and kept."""
    return Lark(
        grammar_text(),
        parser="lalr",
        lexer="contextual",
        maybe_placeholders=True,
    )


@functools.cache
def document_parser() -> Lark:
    """The same parser with the transformer built in: text → ``Document`` in one pass.

    No parse tree is built (LALR calls the transformer's callbacks as it reduces); call it
    inside ``transform.displaying(lines)``.  Built on first use and kept.
    """
    from .transform import ReportTransformer

    return Lark(
        grammar_text(),
        parser="lalr",
        lexer="contextual",
        maybe_placeholders=True,
        transformer=ReportTransformer(),
    )

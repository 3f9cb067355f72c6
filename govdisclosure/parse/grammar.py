"""Loading the Lark grammar and building the parser, once per process."""

from __future__ import annotations

import functools
import os
from importlib import resources
from pathlib import Path
from typing import Any

from lark import Lark, LarkError, UnexpectedInput

from govdisclosure.errors import ParseError
from govdisclosure.parse.transform import Document, ReportTransformer, with_display
from govdisclosure.read.normalize import NormalizedText
from govdisclosure.template.lexicon import grammar_slots

__all__ = [
    "accelerated",
    "document_parser",
    "filled_grammar",
    "grammar_path",
    "grammar_text",
    "parse_document",
]

# Set to 1 to use Lark's pure-Python LALR even when lark-cython is installed.
PURE_PYTHON_ENV = "GOVDISCLOSURE_PURE_PYTHON"

GRAMMAR = "report.lark"


def grammar_text(name: str = GRAMMAR) -> str:
    """A grammar: from the installed package, else from the source checkout's ``grammars/``."""
    return Path(grammar_path(name)).read_text(encoding="utf-8")


def filled_grammar() -> str:
    """The grammar with its ``@NAME@`` slots filled from the template's lexicon."""
    text = grammar_text()
    for name, value in grammar_slots().items():
        text = text.replace(f"@{name}@", value)
    return text


def grammar_path(name: str = GRAMMAR) -> str:
    """Where a grammar was found (for diagnostics and the packaging test)."""
    packaged = resources.files("govdisclosure").joinpath("grammars").joinpath(name)
    if packaged.is_file():
        return str(packaged)
    return str(Path(__file__).resolve().parents[2] / "grammars" / name)


def _plugins(pure: bool) -> dict[str, Any]:
    """Lark's options for lark-cython (the same LALR tables, a compiled lexer and parser)."""
    if pure or os.environ.get(PURE_PYTHON_ENV) == "1":
        return {}
    try:
        import lark_cython  # type: ignore[import-not-found, import-untyped, unused-ignore]
    except ImportError:
        return {}
    return {"_plugins": lark_cython.plugins}


def accelerated() -> bool:
    """Whether the parser runs on lark-cython (``pip install govdisclosure[fast]``)."""
    return bool(_plugins(False))


@functools.cache
def document_parser(pure: bool = False) -> Lark:
    """The same parser with the transformer built in: text → ``Document`` in one pass.

    No parse tree is built (LALR calls the transformer's callbacks as it reduces; the
    transformer keeps no per-call state).  Built on first use and kept.  With lark-cython
    installed (the ``fast`` extra) the lexer and parser are compiled code — the same
    grammar, the same tables, about 30 % less time per report; ``pure=True`` (or the
    environment variable ``GOVDISCLOSURE_PURE_PYTHON=1``) keeps Lark's pure-Python parser.
    """
    return Lark(
        filled_grammar(),
        parser="lalr",
        lexer="contextual",
        maybe_placeholders=True,
        transformer=ReportTransformer(),
        **_plugins(pure),
    )


def parse_document(norm: NormalizedText) -> Document:
    """The normalised text read by the grammar, each part with its source characters."""
    try:
        document = document_parser().parse(norm.grammar_input())
    except UnexpectedInput as exc:  # pragma: no cover - the grammar accepts any line
        line = norm.source_line[exc.line - 1] if 0 < exc.line <= len(norm.source_line) else 0
        raise ParseError(
            "the text does not have the shape of an annual report",
            line=line,
            column=exc.column,
            source_line=norm.quote(line),
            expected="headings, prose lines and table rows",
            code="syntax",
        ) from None
    except (LarkError, AssertionError) as exc:  # pragma: no cover - incl. a callback's own check
        raise ParseError(f"the parser failed: {exc}", code="syntax") from None
    assert isinstance(document, Document)
    return with_display(document, norm.match, norm.display)

"""Every diagnostic and error code the package emits is documented in the registry."""

from __future__ import annotations

import re
from pathlib import Path

import govdisclosure
from govdisclosure.diagnostics import DIAGNOSTIC_CODES, ERROR_CODES

PACKAGE = Path(govdisclosure.__file__).parent
EMITTED = re.compile(r"(?:\.diag|Diagnostic)\(\s*\"([a-z0-9-]+)\"")
RAISED = re.compile(r"code=\"([a-z0-9-]+)\"|^\s+\"([a-z-]+)\",\s*\)$", re.M)


def _source() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(PACKAGE.rglob("*.py")))


def test_every_emitted_diagnostic_code_is_registered() -> None:
    emitted = set(EMITTED.findall(_source()))
    assert len(emitted) >= 15
    assert emitted - set(DIAGNOSTIC_CODES) == set()


def test_every_error_code_is_registered() -> None:
    codes = {a or b for a, b in RAISED.findall(_source())}
    codes.discard("")
    assert {"empty", "not-text", "not-a-report", "truncated"} <= codes
    assert codes - set(ERROR_CODES) - set(DIAGNOSTIC_CODES) == set()

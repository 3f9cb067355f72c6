"""Shared helpers for the tests (importable as ``support``; tests/ is on pytest's path)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from govdisclosure import Template
from govdisclosure.template import APPEAL_COLUMNS, APPEAL_GROUPS, REQUEST_COLUMNS, spec

DATA = Path(__file__).parent / "data"
SEEDS = sorted((DATA / "seeds").glob("*.txt"))
SEED_NAMES = [p.stem for p in SEEDS]


def seed_text(name: str) -> str:
    return (DATA / "seeds" / f"{name}.txt").read_text(encoding="utf-8")


def golden(name: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(
        (DATA / "golden" / f"{name}.json").read_text(encoding="utf-8")
    )
    return result


def expected_numbers(g: dict[str, Any]) -> dict[str, int | Decimal | None]:
    """The golden file's cells, keyed by the flat keys the template data gives them."""
    s = spec(Template(g["template"]))
    out: dict[str, int | Decimal | None] = {}
    for block in s.proactive:
        for row in block.rows:
            written = g["proactive"][row.key]
            cells = written if isinstance(written, list) else [written]
            assert len(cells) == len(block.columns), row.key
            for col, value in zip(block.columns, cells, strict=True):
                key = f"proactive.{row.key}.{col.key}"
                out[key] = Decimal(value) if col.kind == "money" else value
    assert len(g["requests"]) == len(s.request_rows)
    for row, values in zip(s.request_rows, g["requests"], strict=True):
        for col, value in zip(REQUEST_COLUMNS, values, strict=True):
            out[f"requests.{row.key}.{col.key}"] = value
    appeal_keys = [f"appeals.{gr.key}.{c.key}" for gr in APPEAL_GROUPS for c in APPEAL_COLUMNS]
    out.update(zip(appeal_keys, g["appeals"], strict=True))
    return out


def with_value(obj: Any, key: str, value: Any) -> Any:
    """``obj`` (a frozen attrs model) with the leaf at dotted ``key`` replaced by ``value``."""
    import attrs

    head, _, rest = key.partition(".")
    if not rest:
        return attrs.evolve(obj, **{head: value})
    return attrs.evolve(obj, **{head: with_value(getattr(obj, head), rest, value)})


def value_at(obj: Any, key: str) -> Any:
    """The leaf at dotted ``key``."""
    for name in key.split("."):
        obj = getattr(obj, name)
    return obj


def differences(flat: Mapping[str, object], want: Mapping[str, object]) -> dict[str, object]:
    """The expected cells a flat report gets wrong: key → (got, expected)."""
    return {
        k: (flat.get(k, "<absent>"), v) for k, v in want.items() if flat.get(k, "<absent>") != v
    }


def run_page(page: Path, replace: Mapping[str, str]) -> int:
    """Run each ```python block of a docs page in one namespace (after the ``replace``
    substitutions), checking that the ```text block after it is its output; the blocks run."""
    import contextlib
    import io
    import re

    text = page.read_text(encoding="utf-8")
    pairs = re.findall(r"```python\n(.*?)```\n(?:\n```text\n(.*?)```)?", text, re.S)
    namespace: dict[str, object] = {}
    for code, shown in pairs:
        for old, new in replace.items():
            code = code.replace(old, new)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(code, page.name, "exec"), namespace)
        if shown:
            assert out.getvalue().rstrip() == shown.rstrip(), code
    return len(pairs)

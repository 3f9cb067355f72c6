"""Shared helpers for the tests (importable as ``support``; tests/ is on pytest's path)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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

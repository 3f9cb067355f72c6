from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).parent / "data"
SEEDS = sorted((DATA / "seeds").glob("*.txt"))


def seed_text(name: str) -> str:
    return (DATA / "seeds" / f"{name}.txt").read_text(encoding="utf-8")


def golden(name: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads((DATA / "golden" / f"{name}.json").read_text(encoding="utf-8"))
    return result


@pytest.fixture(params=[p.stem for p in SEEDS], ids=[p.stem[:3] for p in SEEDS])
def seed_name(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name

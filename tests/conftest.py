from __future__ import annotations

import pytest
from support import SEED_NAMES


@pytest.fixture(params=SEED_NAMES, ids=[n[:3] for n in SEED_NAMES])
def seed_name(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name

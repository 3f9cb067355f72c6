from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings
from support import SEED_NAMES

# Hypothesis profiles: "ci" is the default (what a plain `pytest` runs); "dev" and
# "thorough" search harder: HYPOTHESIS_PROFILE=thorough pytest tests/test_properties_*.py
_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large]
for _name, _examples in (("ci", 25), ("dev", 200), ("thorough", 2000)):
    settings.register_profile(
        _name,
        max_examples=_examples,
        deadline=None,
        print_blob=True,
        suppress_health_check=_SLOW_OK,
    )
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(params=SEED_NAMES, ids=[n[:3] for n in SEED_NAMES])
def seed_name(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name

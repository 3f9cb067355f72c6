"""Fuzzing: damaged seeds give a Report or a ParseError, never any other exception.

benchmarks/fuzz.py runs the same property for many more examples (10 000+)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mutations import ENCODINGS, damage, mutation
from support import SEED_NAMES, seed_text

from govdisclosure import ParseError, Report, flatten, parse_report

TEXTS = {name: seed_text(name) for name in SEED_NAMES}


def outcome(data: str | bytes) -> Report | ParseError:
    try:
        return parse_report(data)
    except ParseError as exc:
        assert exc.line >= 0 and exc.column >= 0
        assert str(exc)
        return exc


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(SEED_NAMES),
    mutations=st.lists(mutation(), min_size=1, max_size=6),
    encoding=ENCODINGS,
)
def test_damaged_seeds_give_a_report_or_a_parse_error(
    name: str, mutations: list, encoding: str
) -> None:
    result = outcome(damage(TEXTS[name], mutations, encoding))
    if isinstance(result, Report):
        for key, value in flatten(result).items():
            assert value is None or isinstance(value, int | Decimal | str), key
        for d in result.diagnostics:
            assert d.line is None or d.line >= 1


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=3000))
def test_arbitrary_bytes(data: bytes) -> None:
    outcome(data)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=2000))
def test_arbitrary_text(text: str) -> None:
    outcome(text)

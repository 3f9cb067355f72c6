"""Reading does not depend on line breaks (issue 10): the four variants of tests/linebreaks.py
give the same numbers as the original, or name what they could not place; never a wrong one."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st
from linebreaks import VARIANTS, compare, loss_is_reported, numbers, one_space
from strategies import consistent_reports
from support import SEED_NAMES, seed_text

from govdisclosure import Report, parse_report
from govdisclosure.write.render import LAYOUTS, render

TEXT_LAYOUTS = [name for name in LAYOUTS if name != "html"]


@pytest.mark.parametrize("name", SEED_NAMES, ids=[n[:3] for n in SEED_NAMES])
def test_a_seed_on_one_line_gives_every_number(name: str) -> None:
    original = parse_report(seed_text(name))
    again = parse_report(one_space(seed_text(name)))
    assert "\n" not in one_space(seed_text(name)).strip()
    assert compare(numbers(original), again) == (set(), set())
    assert "line-breaks-inferred" in {d.code for d in again.diagnostics}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("name", SEED_NAMES, ids=[n[:3] for n in SEED_NAMES])
def test_a_seed_in_every_variant_gives_no_wrong_number(name: str, variant: str) -> None:
    original = numbers(parse_report(seed_text(name)))
    text = VARIANTS[variant](seed_text(name), random.Random(name))
    again = parse_report(text)
    wrong, lost = compare(original, again)
    assert not wrong
    if variant in "acd":  # only glued digits may be ambiguous
        assert not lost
    elif lost:
        assert loss_is_reported(again)


@given(consistent_reports(), st.sampled_from(TEXT_LAYOUTS), st.sampled_from(sorted(VARIANTS)),
       st.randoms(use_true_random=False))
def test_a_generated_report_in_any_variant_gives_no_wrong_number(
    report: Report, layout: str, variant: str, rng: random.Random
) -> None:
    text = VARIANTS[variant](render(report, layout), rng)
    again = parse_report(text)
    wrong, lost = compare(numbers(parse_report(render(report, layout))), again)
    assert not wrong, sorted(wrong)
    if lost:
        assert loss_is_reported(again), sorted(lost)


def test_the_comparison_sees_a_wrong_and_a_lost_number() -> None:
    report = parse_report(seed_text(SEED_NAMES[3]))
    original = numbers(report)
    changed = dict(original)
    changed["requests.new_received.total"] = -1
    del changed["appeals.reconsideration.total"]
    wrong, lost = compare(changed, report)
    assert wrong == {"requests.new_received.total", "appeals.reconsideration.total"}
    assert lost == set()

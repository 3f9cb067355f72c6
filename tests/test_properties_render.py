"""parse_report(render(report, layout)) gives back the same numbers, for every generated
report (both templates, small and large numbers) and every layout."""

from __future__ import annotations

from hypothesis import given
from strategies import consistent_reports, layouts

from govdisclosure import Report, check, flatten, parse_report, render
from govdisclosure.template import number_fields
from govdisclosure.write.render import Layout


def numbers(report: Report) -> dict[str, object]:
    flat = flatten(report)
    return {k: flat[k] for k, _kind in number_fields(report.template)}


@given(consistent_reports(), layouts())
def test_round_trip_gives_back_every_number(report: Report, layout: Layout) -> None:
    again = parse_report(render(report, layout))
    assert again.template is report.template
    assert again.year == report.year
    assert numbers(again) == numbers(report)
    assert [d.code for d in again.diagnostics] == []
    # the text read back is as consistent as the model it was written from
    assert check(again) == ()


@given(consistent_reports(claims=True, large=True), layouts())
def test_round_trip_of_large_numbers_and_prose_claims(report: Report, layout: Layout) -> None:
    again = parse_report(render(report, layout))
    assert numbers(again) == numbers(report)
    assert check(again) == ()

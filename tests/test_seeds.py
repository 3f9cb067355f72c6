"""The five real reports against golden values read from them by hand, cell by cell."""

from __future__ import annotations

import datetime

import pytest
from support import differences, expected_numbers, golden, seed_text

from govdisclosure import Report, Template, flatten, parse_report


@pytest.fixture
def parsed(seed_name: str) -> Report:
    return parse_report(seed_text(seed_name))


def test_every_number_cell_matches_the_hand_read_value(seed_name: str, parsed: Report) -> None:
    g = golden(seed_name)
    flat = flatten(parsed)
    expected = expected_numbers(g)
    wrong = differences(flat, expected)
    assert wrong == {}, f"{len(wrong)} of {len(expected)} cells differ (got, expected)"
    for key, value in expected.items():
        assert type(flat[key]) is type(value), key  # int stays int, money is Decimal


def test_document_facts(seed_name: str, parsed: Report) -> None:
    g = golden(seed_name)
    assert parsed.template is Template(g["template"])
    assert parsed.year == g["year"]
    assert parsed.organ == g["organ"]
    assert parsed.title == g["title"]
    assert parsed.script.value == g["script"]
    if "signed_on" in g:
        assert parsed.signed_on == datetime.date.fromisoformat(g["signed_on"])
        assert parsed.signed_by == g["signed_by"]
    if "metadata" in g:
        assert [list(p) for p in parsed.metadata] == g["metadata"]


def test_sections(seed_name: str, parsed: Report) -> None:
    g = golden(seed_name)
    for key, want in g["sections"].items():
        section = getattr(parsed, key)
        assert section.title == want["title"], key
        if "subsections" in want:
            assert [s.title for s in section.subsections] == want["subsections"], key
        if "text" in want:
            assert section.text == want["text"], key
        if "starts" in want:
            assert section.text.startswith(want["starts"]), key
        assert section.text or section.subsections, key

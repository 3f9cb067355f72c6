"""The template data (template-spec §3–§5, §10)."""

from __future__ import annotations

from govdisclosure import Template
from govdisclosure.template import (
    APPEAL_COLUMNS,
    APPEAL_GROUPS,
    HEADINGS,
    REQUEST_COLUMNS,
    appeal_fields,
    number_fields,
    spec,
)


def test_row_counts_of_table_three() -> None:
    assert len(spec(Template.V2019).request_rows) == 23
    assert len(spec(Template.V2021).request_rows) == 25
    assert len(REQUEST_COLUMNS) == 7


def test_number_counts_per_version() -> None:
    # table 二: V2019 holds 22 numbers, V2021 10 (template-spec §3.2); 三: 161 / 175; 四: 15
    v19 = list(number_fields(Template.V2019))
    v21 = list(number_fields(Template.V2021))
    assert sum(k.startswith("proactive.") for k, _ in v19) == 22
    assert sum(k.startswith("proactive.") for k, _ in v21) == 10
    assert sum(k.startswith("requests.") for k, _ in v19) == 161
    assert sum(k.startswith("requests.") for k, _ in v21) == 175
    assert len(list(appeal_fields())) == 15 == len(APPEAL_GROUPS) * len(APPEAL_COLUMNS)


def test_keys_are_unique_and_dotted() -> None:
    for version in Template:
        keys = [k for k, _ in number_fields(version)]
        assert len(keys) == len(set(keys))
        assert all(k.count(".") >= 1 for k in keys)


def test_other_handling_is_one_row_in_2019_and_three_in_2021() -> None:
    v19 = [r.key for r in spec(Template.V2019).request_rows if "other_handling" in r.key]
    v21 = [r.key for r in spec(Template.V2021).request_rows if "other_handling" in r.key]
    assert v19 == ["outcomes.other_handling.undivided"]
    assert v21 == [
        "outcomes.other_handling.no_correction",
        "outcomes.other_handling.fee_unpaid",
        "outcomes.other_handling.other",
    ]


def test_money_columns() -> None:
    kinds = dict(number_fields(Template.V2021))
    assert kinds["proactive.fees.amount"] == "money"
    kinds19 = dict(number_fields(Template.V2019))
    assert kinds19["proactive.procurement.amount"] == "money"
    assert kinds19["proactive.licensing.change"] == "signed"


def test_six_headings_in_order() -> None:
    assert [h.numeral for h in HEADINGS] == list("一二三四五六")
    assert [h.key for h in HEADINGS] == [
        "overview", "proactive", "requests", "appeals", "problems", "other_matters",
    ]  # fmt: skip

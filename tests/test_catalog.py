"""The column catalogue is made from the template data: labels, kinds, versions, order."""

from __future__ import annotations

from govdisclosure import Template
from govdisclosure.template import (
    APPEAL_COLUMNS,
    APPEAL_GROUPS,
    REQUEST_COLUMNS,
    number_fields,
    spec,
)
from govdisclosure.template.catalog import DOCUMENT_FIELDS, report_fields

FIELDS = {f.key: f for f in report_fields()}


def test_keys_are_unique_and_cover_both_templates() -> None:
    assert len(FIELDS) == len(report_fields())
    for version in Template:
        for key, kind in number_fields(version):
            assert FIELDS[key].kind == kind, key
            assert version in FIELDS[key].versions, key


def test_versions_say_which_template_has_a_field() -> None:
    v19, v21 = Template.V2019, Template.V2021
    assert FIELDS["requests.outcomes.other_handling.undivided.total"].versions == (v19,)
    assert FIELDS["requests.outcomes.other_handling.fee_unpaid.total"].versions == (v21,)
    assert FIELDS["proactive.procurement.amount"].versions == (v19,)
    assert FIELDS["proactive.fees"].versions == (v21,)
    assert FIELDS["requests.new_received.total"].versions == (v19, v21)
    assert FIELDS["year"].versions == (v19, v21)


def test_labels_come_from_the_template() -> None:
    for version in Template:
        s = spec(version)
        for key, block, row, col in s.proactive_fields():
            assert FIELDS[key].label == f"{block.title} {row.label} · {col.label}"
        for key, request_row, col in s.request_fields():
            assert FIELDS[key].label.endswith(f"{request_row.label} · {col.label}")
            if request_row.group:
                assert FIELDS[key].label.startswith(request_row.group)
    for group in APPEAL_GROUPS:
        for col in APPEAL_COLUMNS:
            assert FIELDS[f"appeals.{group.key}.{col.key}"].label == f"{group.label} · {col.label}"


def test_money_and_signed_kinds() -> None:
    money = sorted(k for k, f in FIELDS.items() if f.kind == "money")
    assert money == ["proactive.fees", "proactive.procurement.amount"]
    assert FIELDS["proactive.licensing.change"].kind == "signed"
    assert FIELDS["signed_on"].kind == "date"


def test_order_document_then_tables_then_prose() -> None:
    keys = list(FIELDS)
    assert keys[:2] == ["template", "script"]
    first_request = keys.index("requests.new_received.natural_person")
    assert all(k.startswith("proactive.") for k in keys[len(DOCUMENT_FIELDS) : first_request])
    assert keys[-3:] == ["overview", "problems", "other_matters"]
    assert [k for k in keys if k.startswith("requests.new_received.")] == [
        f"requests.new_received.{c.key}" for c in REQUEST_COLUMNS
    ]

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
SHARED = {
    f"proactive.{row}.decisions" for row in ("licensing", "punishment", "coercion")
}  # the one number of V2021's rows is the third of V2019's


def test_no_key_is_both_a_value_and_a_prefix() -> None:
    """The flat table nests again: no column name is a prefix of another's path."""
    keys = set(FIELDS)
    prefixes = {k.rsplit(".", 1)[0] for k in keys if "." in k}
    assert keys & prefixes == set()
    for version in Template:
        assert {k for k, _kind in number_fields(version)} <= keys


def test_shared_keys_are_in_both_versions() -> None:
    for key in SHARED:
        assert FIELDS[key].versions == (Template.V2019, Template.V2021)
        assert FIELDS[key].label.endswith("本年处理决定数量")


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
    assert FIELDS["proactive.fees.amount"].versions == (v21,)
    assert FIELDS["requests.new_received.total"].versions == (v19, v21)
    assert FIELDS["year"].versions == (v19, v21)


def test_labels_come_from_the_template() -> None:
    for version in Template:
        s = spec(version)
        for key, block, row, col in s.proactive_fields():
            if key in SHARED:  # both versions: the V2021 label (本年处理决定数量)
                continue
            assert FIELDS[key].label == f"{block.title} {row.label} · {col.label}"
    v21 = {k: (b, r, c) for k, b, r, c in spec(Template.V2021).proactive_fields()}
    for key in SHARED:
        block, row, col = v21[key]
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
    assert money == ["proactive.fees.amount", "proactive.procurement.amount"]
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

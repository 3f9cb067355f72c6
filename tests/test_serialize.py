"""JSON round trip, strict structuring with paths, the JSON Schema, and flatten."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import cattrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from report_strategies import reports
from support import seed_text

from govdisclosure import Report, Template, flatten, parse_report
from govdisclosure.model import Fees, Proactive2019, Proactive2021, Section
from govdisclosure.template.catalog import report_fields
from govdisclosure.write.serialize import (
    SCHEMA_FINGERPRINTS,
    SCHEMA_VERSION,
    JsonStructureError,
    from_json,
    json_schema,
    make_converter,
    schema_fingerprint,
    section_text,
    to_json,
)

VALIDATOR = jsonschema.Draft202012Validator(
    json_schema(), format_checker=jsonschema.FormatChecker()
)


def _seed(name: str) -> Report:
    return parse_report(seed_text(name))


# --------------------------------------------------------------------------- round trip


def test_seed_round_trip(seed_name: str) -> None:
    report = _seed(seed_name)
    text = to_json(report)
    again = from_json(text)
    assert again == report
    assert dict(again.locations) == dict(report.locations)
    assert len(report.locations) > 50  # the spans really travel
    assert to_json(again) == text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_round_trip_property(report: Report) -> None:
    text = to_json(report)
    again = from_json(text)
    assert again == report
    assert dict(again.locations) == dict(report.locations)
    assert type(again.proactive) is type(report.proactive)


@settings(max_examples=60, deadline=None)
@given(reports())
def test_output_matches_the_schema_property(report: Report) -> None:
    errors = [e.message for e in VALIDATOR.iter_errors(json.loads(to_json(report)))]
    assert errors == []


def test_seed_output_matches_the_schema(seed_name: str) -> None:
    errors = [e.message for e in VALIDATOR.iter_errors(json.loads(to_json(_seed(seed_name))))]
    assert errors == []


# --------------------------------------------------------------------------- encoding


def test_money_is_a_decimal_string_and_counts_are_integers() -> None:
    report = _seed("003_d01d2cbab1ffe994")
    report = attrs.evolve(
        report, proactive=attrs.evolve(report.proactive, fees=Fees(Decimal("0.10")))
    )
    data = json.loads(to_json(report))
    assert data["proactive"]["fees"] == {"amount": "0.10"}
    assert data["requests"]["new_received"]["total"] == 72
    assert from_json(json.dumps(data)).proactive.fees.amount == Decimal("0.10")


def test_large_and_tiny_decimals_stay_fixed_point() -> None:
    report = _seed("004_993b10d7eafd07e2")
    for value in (Decimal("1E+3"), Decimal("1E-7"), Decimal("-0")):
        r = attrs.evolve(report, proactive=attrs.evolve(report.proactive, fees=Fees(value)))
        written = json.loads(to_json(r))["proactive"]["fees"]["amount"]
        assert "E" not in written
        assert from_json(to_json(r)).proactive.fees.amount == value


def test_dates_and_enums_are_plain_strings() -> None:
    report = _seed("001_0494dfef68de25df")
    data = json.loads(to_json(report))
    assert data["signed_on"] == "2021-02-02"
    assert data["template"] == "V2019" and data["script"] == "simplified"
    assert data["locations"]["proactive.rules.newly_made"] == {"line": 23, "column": 6}


def test_a_dedicated_converter_each_time() -> None:
    first, second = make_converter(), make_converter()
    assert first is not second
    assert first is not cattrs.global_converter
    assert isinstance(first.unstructure(Decimal("1.5")), str)
    assert cattrs.global_converter.unstructure(Decimal("1.5")) == Decimal("1.5")  # untouched


# --------------------------------------------------------------------------- errors with paths


def _broken(change: Any) -> JsonStructureError:
    data = json.loads(to_json(_seed("003_d01d2cbab1ffe994")))
    change(data)
    with pytest.raises(JsonStructureError) as info:
        from_json(json.dumps(data))
    assert isinstance(info.value, ValueError)
    return info.value


def test_error_names_the_path_of_a_wrong_count() -> None:
    def change(d: dict[str, Any]) -> None:
        d["requests"]["outcomes"]["total"]["natural_person"] = "seven"

    err = _broken(change)
    assert err.paths == ["$.requests.outcomes.total.natural_person"]
    assert "$.requests.outcomes.total.natural_person" in str(err)
    assert "'seven'" in str(err)


def test_errors_are_all_collected() -> None:
    def change(d: dict[str, Any]) -> None:
        d["proactive"]["fees"] = 1.5  # a float: money is never a float
        d["year"] = True
        d["overview"]["subsections"][0]["title"] = 3
        d["locations"]["x"] = {"line": "a", "column": 1}
        d["bogus"] = 1
        del d["template"]

    err = _broken(change)
    assert set(err.paths) == {
        "$.proactive.fees",
        "$.year",
        "$.overview.subsections[0].title",
        "$.locations['x'].line",
        "$",
        "$.template",
    }
    assert any("unknown field(s) ['bogus']" in p for p in err.problems)
    assert any(p == "required field missing @ $.template" for p in err.problems)


@pytest.mark.parametrize(
    ("path", "value", "words"),
    [
        (("template",), "V2022", "not a valid Template"),
        (("signed_on",), "2024-13-01", "month"),
        (("overview", "subsections"), "abc", "expected an array"),
        (("metadata",), [["索引号"]], "array of 2 items"),
        (("proactive", "fees"), "1e3", "decimal number"),
        (("proactive", "rules"), {"issued": 1, "newly_made": 2}, "unknown field"),
        (("appeals", "reconsideration", "total"), 1.0, "expected an integer"),
    ],
)
def test_strict_structuring(path: tuple[str, ...], value: Any, words: str) -> None:
    def change(d: dict[str, Any]) -> None:
        target = d
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    err = _broken(change)
    assert words in str(err)
    assert err.paths[0].startswith("$." + path[0])


def test_not_an_object() -> None:
    with pytest.raises(JsonStructureError) as info:
        from_json("[1, 2]")
    assert info.value.paths == ["$"]
    with pytest.raises(json.JSONDecodeError):
        from_json("{")


def test_table_two_class_follows_its_keys() -> None:
    v2019 = from_json(to_json(_seed("001_0494dfef68de25df")))
    v2021 = from_json(to_json(_seed("003_d01d2cbab1ffe994")))
    assert isinstance(v2019.proactive, Proactive2019)
    assert isinstance(v2021.proactive, Proactive2021)
    # a V2019 table 二 that omits its V2019-only rows is still told apart by its columns
    data = json.loads(to_json(v2019))
    for key in ("other_services", "procurement"):
        del data["proactive"][key]
    assert isinstance(from_json(json.dumps(data)).proactive, Proactive2019)


# --------------------------------------------------------------------------- schema


def test_schema_is_valid_and_versioned() -> None:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"].endswith(f":v{SCHEMA_VERSION}")
    assert schema["$defs"]["ApplicantCounts"]["properties"]["total"] == {
        "anyOf": [{"type": "integer"}, {"type": "null"}]
    }


def test_schema_version_is_bumped_when_the_format_changes() -> None:
    assert schema_fingerprint() == SCHEMA_FINGERPRINTS[SCHEMA_VERSION], (
        "the JSON format changed: bump SCHEMA_VERSION in govdisclosure/serialize.py, record the "
        "new fingerprint, note it in CHANGELOG.md and run `python -m govdisclosure._docs`"
    )


def test_schema_rejects_a_float_for_money() -> None:
    data = json.loads(to_json(_seed("003_d01d2cbab1ffe994")))
    data["proactive"]["fees"] = 1.5
    assert list(VALIDATOR.iter_errors(data))


# --------------------------------------------------------------------------- flatten


def test_flatten_gives_whole_sections_as_text() -> None:
    report = _seed("004_993b10d7eafd07e2")
    flat = flatten(report)
    assert report.overview.text == ""
    assert flat["overview"] == section_text(report.overview)
    assert str(flat["overview"]).startswith("主动公开情况\n2023 年漯河市")
    assert "监督保障情况" in str(flat["overview"])
    assert not any(k.startswith("overview.") for k in flat)


def test_section_text_nests() -> None:
    inner = Section("（一）甲", "一行", (Section("1.乙", "二行"),))
    assert section_text(Section("总体情况", "", (inner,))) == "（一）甲\n一行\n1.乙\n二行"


def test_flatten_values_are_flat_types(seed_name: str) -> None:
    flat = flatten(_seed(seed_name))
    for key, value in flat.items():
        assert value is None or type(value) in (int, Decimal, str), key
    assert flat["signed_on"] is None or datetime.date.fromisoformat(str(flat["signed_on"]))


def test_every_flat_key_is_a_catalogued_column_or_always_none(seed_name: str) -> None:
    report = _seed(seed_name)
    catalog = [f.key for f in report_fields()]
    flat = flatten(report)
    outside = {k: v for k, v in flat.items() if k not in catalog}
    # V2019's 行政事业性收费 row has no 处理决定数量 column: the model keeps the field, None
    assert outside == (
        {"proactive.fees.decisions": None} if report.template is Template.V2019 else {}
    )
    version_keys = {f.key for f in report_fields() if report.template in f.versions}
    assert version_keys <= set(flat)


def test_json_file_path_round_trip(tmp_path: Path) -> None:
    report = _seed("002_7e0d3285304a6f62")
    path = tmp_path / "r.json"
    path.write_text(to_json(report, indent=None), encoding="utf-8")
    assert from_json(path.read_bytes()) == report

"""Organ identity (organ_key, credit_code, published_on, source_sha256), subtotals and labels in
the flat export, and JSON v1 still read."""

from __future__ import annotations

import datetime
import hashlib
import json

from support import DATA, seed_text

from govdisclosure import flatten, parse_report, render
from govdisclosure.bind.identity import credit_code, organ_key, valid_credit_code
from govdisclosure.write.serialize import from_json, to_json
from govdisclosure.write.tables import columns, to_arrow, to_records

SEED_003 = DATA / "seeds" / "003_d01d2cbab1ffe994.txt"


def test_organ_key_folds_script_space_and_punctuation() -> None:
    assert organ_key("安寧市人民政府") == organ_key("安宁市人民政府") == "安宁市人民政府"
    assert organ_key(" 株洲市 天元區·信訪局 ") == "株洲市天元区信访局"
    assert organ_key("（淮安）经开区") == "淮安经开区"
    assert organ_key("") is None
    assert organ_key(None) is None


def test_credit_code_check_digit() -> None:
    good = "113208007833785008"  # 淮安经开区党政办's 索引号 prefix
    assert valid_credit_code(good)
    assert valid_credit_code("91350100M000100Y43")
    for bad in (good[:-1] + "9", good[:17], "91350100M000100Y4O", good + "1"):
        assert not valid_credit_code(bad), bad
    assert credit_code((("索引号", f"{good}/2025-00001"),)) == good
    assert credit_code((("索引号", good[:-1] + "9/2025-00001"),)) is None
    # full-width digits in the metadata, and a code found in another field
    wide = "".join(chr(ord(c) + 0xFEE0) for c in good)
    assert credit_code((("文号", ""), ("统一社会信用代码", wide))) == good


def test_identity_of_a_seed() -> None:
    data = SEED_003.read_bytes()
    report = parse_report(data)
    assert report.credit_code == "113208007833785008"
    assert report.published_on == datetime.date(2025, 1, 22)
    assert report.source_sha256 == hashlib.sha256(data).hexdigest()
    assert report.organ_key == "淮安经济技术开发区党政办公室"
    text_report = parse_report(data.decode("utf-8"))
    assert text_report.source_sha256 == hashlib.sha256(data).hexdigest()


def test_traditional_copy_has_the_same_organ_key_and_another_sha() -> None:
    simplified = parse_report(seed_text("001_0494dfef68de25df"))
    traditional = parse_report(render(simplified, "traditional"))
    assert traditional.organ != simplified.organ
    assert traditional.organ_key == simplified.organ_key == "安宁市人民政府"
    assert traditional.source_sha256 != simplified.source_sha256


def test_organ_key_falls_back_to_the_publisher() -> None:
    text = seed_text("003_d01d2cbab1ffe994")
    lines = text.split("\n")
    # no organ in the preamble: the publisher of the metadata table names it
    no_organ = "\n".join([lines[0], *lines[3:]]).replace("淮安经济技术开发区党政办公室", "本机关")
    report = parse_report(no_organ)
    if report.organ is None and report.signed_by is None:
        assert report.organ_key == "党政办公室"
    else:  # the parser found a name elsewhere: the key is that name, folded
        assert report.organ_key == organ_key(report.organ or report.signed_by)


def test_identity_in_the_flat_export_and_json() -> None:
    report = parse_report(SEED_003.read_bytes())
    flat = flatten(report)
    assert flat["credit_code"] == "113208007833785008"
    assert flat["published_on"] == "2025-01-22"
    assert flat["organ_key"] == "淮安经济技术开发区党政办公室"
    record = to_records({"x": report})[0]
    assert record["published_on"] == datetime.date(2025, 1, 22)
    for key in ("organ_key", "credit_code", "published_on", "source_sha256"):
        assert key in columns()
    assert from_json(to_json(report)) == report


def test_json_v1_without_the_new_fields_is_still_read() -> None:
    report = parse_report(SEED_003.read_bytes())
    data = json.loads(to_json(report))
    for key in ("organ_key", "credit_code", "published_on", "source_sha256"):
        del data[key]
    old = from_json(json.dumps(data))
    assert old.organ == report.organ
    assert (old.organ_key, old.credit_code, old.published_on, old.source_sha256) == (None,) * 4


def test_group_subtotals_are_exported() -> None:
    report = parse_report(SEED_003.read_bytes())
    flat = flatten(report)
    withheld = report.requests.outcomes.withheld
    assert flat["requests.outcomes.withheld.subtotal.total"] == sum(
        getattr(withheld, name).total for name in withheld.__slots__ if name != "__weakref__"
    )
    assert flat["requests.outcomes.other_handling.subtotal.total"] == (
        report.requests.outcomes.other_handling.subtotal.total
    )
    keys = list(columns())
    at = keys.index("requests.outcomes.withheld.subtotal.total")
    assert keys[at - 7].startswith("requests.outcomes.withheld.query_matters.")
    assert keys[at + 1].startswith("requests.outcomes.unavailable.")


def test_a_blank_cell_makes_the_subtotal_none() -> None:
    text = seed_text("003_d01d2cbab1ffe994")
    report = parse_report(text)
    line = next(x for x in text.split("\n") if "属于国家秘密" in x)
    blanked = line.replace("国家秘密 | 0 |", "国家秘密 | / |")
    assert blanked != line
    other = parse_report(text.replace(line, blanked))
    assert other.requests.outcomes.withheld.state_secret.natural_person is None
    assert report.requests.outcomes.withheld.subtotal.natural_person is not None
    flat = flatten(other)
    assert flat["requests.outcomes.withheld.subtotal.natural_person"] is None
    assert flat["requests.outcomes.withheld.subtotal.total"] == 2


def test_arrow_fields_carry_label_kind_and_versions() -> None:
    table = to_arrow([parse_report(SEED_003.read_bytes())])
    meta = table.schema.field("requests.outcomes.withheld.state_secret.total").metadata
    assert meta[b"label"].decode() == "（三）不予公开 1.属于国家秘密 · 总计"
    assert meta[b"versions"] == b"V2019,V2021"
    assert meta[b"kind"] == b"count"
    fees = table.schema.field("proactive.fees.amount").metadata
    assert fees[b"versions"] == b"V2021" and fees[b"kind"] == b"money"
    assert "行政事业性收费" in fees[b"label"].decode()

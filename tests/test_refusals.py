"""Issue 11, parts 2–4: only a Report or a ParseError comes out, with the right code.

Each reproducer failed on 0.1 (another exception, the wrong code, or a number kept that no
report can hold); the fuzz property at the end runs the audit's mutations and checks that
``check``, ``locate``, ``render`` and ``to_json`` never raise on what was parsed.
"""

from __future__ import annotations

import importlib
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mutations import ENCODINGS, HOSTILE, damage, mutation
from support import SEED_NAMES, seed_text, with_value

from govdisclosure import ParseError, Report, check, flatten, locate, parse_report, render
from govdisclosure.write.serialize import to_json

S003 = seed_text(SEED_NAMES[3])
S001 = seed_text(SEED_NAMES[1])
NEW = "requests.new_received.natural_person"


def outcome(data: str | bytes) -> Report | ParseError:
    try:
        return parse_report(data)
    except ParseError as exc:
        return exc


def uses_everything(report: Report) -> None:
    check(report)
    locate(report)
    render(report)
    to_json(report)
    repr(report)
    flatten(report)


# ---------------------------------------------------------------- part 2: only ParseError


def test_a_lone_surrogate_is_replaced_and_named() -> None:
    # 0.1: UnicodeEncodeError from opencc
    report = parse_report(S003.replace("依申请", "依\udc80申请", 1))
    said = [d for d in report.diagnostics if d.code == "surrogate-replaced"]
    assert len(said) == 1 and said[0].line is not None
    assert "\udc80" not in to_json(report)
    uses_everything(report)


def test_a_colspan_of_thousands_of_digits_is_clamped() -> None:
    # 0.1: ValueError (int() of 5,000 digits) in the HTML reader
    page = (
        '<html><body><table><tr><td colspan="' + "9" * 5000 + '">一</td><td>2</td></tr>'
        "</table></body></html>"
    )
    assert isinstance(outcome(page), ParseError)


def test_deep_nesting_is_refused() -> None:
    # 0.1: RecursionError
    result = outcome("[" * 200_000 + "]" * 200_000)
    assert isinstance(result, ParseError)
    result = outcome('{"a":' * 100_000 + "1" + "}" * 100_000)
    assert isinstance(result, ParseError)


@pytest.mark.parametrize("digits", [13, 23, 4301, 5000])
def test_an_implausible_count_is_none_and_named(digits: int) -> None:
    # 0.1: kept (23 digits broke the Parquet export; 4,301 made check, locate, render,
    # to_json and repr raise)
    text = S003.replace("| 70 |", f"| {'7' * digits} |", 1)
    report = parse_report(text)
    assert flatten(report)[NEW] is None
    assert [(d.code, d.field) for d in report.diagnostics] == [("cell-implausible", NEW)]
    uses_everything(report)
    with pytest.raises(ParseError) as err:
        parse_report(text, strict=True)
    assert err.value.code == "cell-implausible"


def test_a_count_of_twelve_digits_is_kept() -> None:
    report = parse_report(S003.replace("| 70 |", f"| {10**12} |", 1))
    assert flatten(report)[NEW] == 10**12


def test_an_implausible_amount_is_none_and_named() -> None:
    text = S001.replace("1732.633648万元", "9" * 16 + ".5万元")
    report = parse_report(text)
    assert flatten(report)["proactive.procurement.amount"] is None
    assert "cell-implausible" in {d.code for d in report.diagnostics}
    kept = parse_report(S001.replace("1732.633648万元", "9" * 15 + "万元"))
    assert flatten(kept)["proactive.procurement.amount"] == Decimal("9" * 15)


# ---------------------------------------------------------------- part 3: size first


def test_a_huge_page_is_refused_before_it_is_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    # 0.1: 20 MB of HTML went through lxml (7.5 s) before the size guard
    read = importlib.import_module("govdisclosure.read")

    def no(*_args: object, **_kw: object) -> object:
        raise AssertionError("the HTML reader ran on a 20 MB input")

    monkeypatch.setattr(read, "decode_html", no)
    monkeypatch.setattr(read, "read_html", no)
    page = "<html><body>" + "<p>一</p>" * 2_500_000 + "</body></html>"
    for data in (page, page.encode()):
        result = outcome(data)
        assert isinstance(result, ParseError) and result.code == "too-large"


def test_a_huge_single_line_is_refused() -> None:
    # 0.1: parsed (4.5 s)
    result = outcome("甲" * 7_000_000)
    assert isinstance(result, ParseError) and result.code == "too-large"
    result = outcome(S003 + "甲" * 1_500_000)
    assert isinstance(result, ParseError) and result.code == "too-large"


def test_locate_gives_up_when_its_budget_is_spent_and_says_so() -> None:
    report = parse_report(S003)
    broken = with_value(report, "requests.outcomes.disclosed.natural_person", 30)
    broken = with_value(broken, "requests.carried_forward.total", 9)
    full = locate(broken)
    assert full and not any(loc.exhausted for loc in full)
    cut = locate(broken, budget=3)
    assert cut and all(loc.exhausted for loc in cut if loc.table == "三")
    assert "gave up" in next(loc for loc in cut if loc.table == "三").message
    assert not any(loc.unique for loc in cut)


# ---------------------------------------------------------------- part 4: refusal codes


@pytest.mark.parametrize("back", [1, 2])
def test_a_cut_in_a_utf8_character_is_truncated(back: int) -> None:
    # 0.1: refused as not-text
    data = S003.encode("utf-8")
    cut = data.index("四、政府信息公开行政复议".encode()) + 3 * 2 + back  # inside 「政」
    result = outcome(data[:cut])
    assert isinstance(result, ParseError)
    assert result.code == "truncated"
    assert result.line == S003[: len(data[:cut].decode("utf-8", "ignore"))].count("\n") + 1


@pytest.mark.parametrize("order", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(order: str) -> None:
    # 0.1: refused as not-text
    report = parse_report(S003.encode(order))
    read, expected = flatten(report), flatten(parse_report(S003))
    assert read.pop("source_sha256") != expected.pop("source_sha256")  # other bytes
    assert read == expected
    assert any(d.code == "encoding" and order.upper() in d.message for d in report.diagnostics)


def test_utf16_cut_in_a_code_unit_is_truncated() -> None:
    result = outcome(S003.encode("utf-16-le")[:-1])
    assert isinstance(result, ParseError) and result.code == "truncated"


# ---------------------------------------------------------------- the property


@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    name=st.sampled_from(SEED_NAMES),
    mutations=st.lists(mutation(hostile=True), min_size=1, max_size=4),
    encoding=ENCODINGS,
)
def test_hostile_damage_gives_a_report_that_every_consumer_takes_or_a_parse_error(
    name: str, mutations: list, encoding: str
) -> None:
    result = outcome(damage(seed_text(name), mutations, encoding))
    if isinstance(result, Report):
        uses_everything(result)


def test_the_hostile_mutations_are_all_drawn() -> None:
    assert {"surrogate", "span", "nest", "digits", "cut-char", "utf16-nobom"} <= set(HOSTILE)


def test_thousands_of_template_phrases_are_not_one_report() -> None:
    """11,000 headings: refused before the template grammar reads them (its time is
    measured by benchmarks/adversarial.py)."""
    with pytest.raises(ParseError) as info:
        parse_report("二、主动公开政府信息情况\n" * 11_000)
    assert info.value.code == "too-large"
    assert "3,000" in str(info.value)

"""The normalizer: decoding, script, half-width, HTML remnants, mojibake repair, line map."""

from __future__ import annotations

import pytest
from support import seed_text

from govdisclosure import Script, parse_report
from govdisclosure.read.normalize import decode, label_key, match_text, normalize


def test_match_text_is_simplified_half_width_and_keeps_length() -> None:
    s = "（一）主動公開：１２３"
    m = match_text(s)
    assert m == "(一)主动公开:123"
    assert len(m) == len(s)


def test_label_key_drops_spaces_and_punctuation() -> None:
    assert label_key("（二） 部分公開（區分處理的）") == label_key("(二)部分公开(区分处理的)")
    assert label_key("商业 企业") == "商业企业"


@pytest.mark.parametrize("encoding", ["gb18030", "big5"])
def test_decode_names_a_non_utf8_encoding(encoding: str) -> None:
    text = seed_text("000_cba402df4409a5e2")
    data = text.encode(encoding, errors="replace")
    decoded, diags = decode(data)
    assert "總體情況" in decoded or "总体情况" in decoded
    assert diags and diags[0].code == "encoding"
    assert encoding.upper().replace("-", "") in diags[0].message.upper().replace("-", "").replace(
        "_", ""
    )


def test_utf8_bom_and_zero_width() -> None:
    text = "\ufeff一、总体\u200b情况\n"
    norm = normalize(text)
    assert norm.display[0] == "一、总体情况"


def test_html_remnants_break_prose_lines_but_stay_inside_cells() -> None:
    norm = normalize("（二）下一步工作计划<br/> 一是严格执行\n商业<br/>企业 | 科研 机构\n")
    assert norm.display[:2] == ("（二）下一步工作计划", "一是严格执行")
    assert norm.source_line[:3] == (1, 1, 2)
    assert norm.display[2] == "商业 企业 | 科研 机构"


def test_script_detection() -> None:
    assert normalize(seed_text("000_cba402df4409a5e2")).script is Script.TRADITIONAL
    assert normalize(seed_text("003_d01d2cbab1ffe994")).script is Script.SIMPLIFIED


def test_seed_002_mojibake_repaired_line_by_line() -> None:
    text = seed_text("002_7e0d3285304a6f62")
    report = parse_report(text)
    damaged = [i for i, line in enumerate(text.split("\n"), 1) if "?。" in line]
    repaired = sorted(d.line for d in report.diagnostics if d.code == "mojibake-repaired")
    assert repaired == damaged and len(damaged) == 15
    titles = [s.title for s in report.overview.subsections]
    assert titles[0] == "主動公開政府信息情況"
    assert all("ㄒ" not in t and "┲" not in t for t in titles)
    assert "(無)" not in report.other_matters.text  # source characters kept: 申請, 處理費
    assert report.other_matters.text == "2022年未向申請人收取信息處理費。"


def test_clean_text_is_not_touched_by_the_repair() -> None:
    for name in ("000_cba402df4409a5e2", "001_0494dfef68de25df", "003_d01d2cbab1ffe994"):
        assert not [
            d for d in parse_report(seed_text(name)).diagnostics if d.code.startswith("mojibake")
        ]


def test_page_numbers_are_dropped_with_a_diagnostic() -> None:
    norm = normalize("一、总体情况\n- 4 -\n正文\n第 3 页 共 9 页\n")
    assert norm.display == ("一、总体情况", "正文")
    assert [d.line for d in norm.diagnostics if d.code == "page-footer"] == [2, 4]

"""The organ's name is clean and says where it was read (issue 16).

A page's or a crawler's labels (标题：, 发布机构：, 来源：) are never part of the organ; the organ
comes from the title line, else from the title the page gives, else from 「本报告由…编制」,
else from the page's 发布机构, and ``organ_source`` records which."""

from __future__ import annotations

import pytest
from support import seed_text

from govdisclosure import parse_report
from govdisclosure.model import OrganSource
from govdisclosure.write.render import render
from govdisclosure.write.serialize import from_json, to_json

BODY = render(parse_report(seed_text("004_993b10d7eafd07e2")))
TITLE = "示范区党政办 2023 年政府信息公开工作年度报告\n"
NO_TITLE = BODY.replace(TITLE, "", 1)
ORGAN = "沭阳县发展和改革局"
REPORT_TITLE = f"{ORGAN}2023年度政府信息公开工作年度报告"


@pytest.mark.parametrize(
    ("front", "organ", "source"),
    [
        (f"标题：{REPORT_TITLE}\n", ORGAN, OrganSource.TITLE),
        (f"标题: {REPORT_TITLE}\n", ORGAN, OrganSource.TITLE),
        (f"来源：沭阳县人民政府\n标题：{REPORT_TITLE}\n", ORGAN, OrganSource.TITLE),
        (f"{REPORT_TITLE}\n发布机构：沭阳县人民政府\n", ORGAN, OrganSource.TITLE),
        (f"发布机构：{ORGAN}\n", ORGAN, OrganSource.PUBLISHER),
        (f"来源：{ORGAN}\n", ORGAN, OrganSource.PUBLISHER),
        (f"本报告由{ORGAN}根据《条例》编制。\n", ORGAN, OrganSource.PREAMBLE),
        (f"url: http://example.invalid/a.html\ntitle: {REPORT_TITLE}\n==== 正文 ====\n",
         ORGAN, OrganSource.METADATA_TITLE),
        ("", None, None),
    ],
)  # fmt: skip
def test_the_organ_has_no_label_and_names_its_source(
    front: str, organ: str | None, source: OrganSource | None
) -> None:
    report = parse_report(front + NO_TITLE)
    assert (report.organ, report.organ_source) == (organ, source)
    assert not (report.title or "").startswith(("标题", "来源"))
    assert "发布机构：" not in report.preamble and "来源：" not in report.preamble
    again = from_json(to_json(report))
    assert again == report and again.organ_source is source


def test_labelled_lines_above_the_report_are_metadata() -> None:
    report = parse_report(f"发布机构：{ORGAN}\n公开日期：2024-01-20\n" + BODY)
    assert ("发布机构", ORGAN) in report.metadata
    assert report.organ == "示范区党政办" and report.organ_source is OrganSource.TITLE
    assert report.published_on is not None and report.published_on.isoformat() == "2024-01-20"


@pytest.mark.parametrize(
    ("seed", "organ", "source"),
    [
        ("001_0494dfef68de25df", "安宁市人民政府", OrganSource.TITLE),
        ("003_d01d2cbab1ffe994", "淮安经济技术开发区党政办公室", OrganSource.PREAMBLE),
        ("000_cba402df4409a5e2", None, None),
    ],
)
def test_the_seeds(seed: str, organ: str | None, source: OrganSource | None) -> None:
    report = parse_report(seed_text(seed))
    assert (report.organ, report.organ_source) == (organ, source)

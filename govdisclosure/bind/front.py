"""The front matter (title, organ, year, preamble, metadata table) and the signature.

The lines before section 一 give the title, the organ, the year and the metadata table a
crawler or a web page put above the report; the last lines of section 六 give the organ and the
date that sign it.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Iterable

from attrs import frozen

from govdisclosure.bind.context import Context
from govdisclosure.bind.sections import Part
from govdisclosure.model import OrganSource
from govdisclosure.parse.transform import Prose, Row
from govdisclosure.read.fold import label_key, match_text
from govdisclosure.template import lexicon as L

__all__ = ["Front", "front_matter", "organ_of_title", "signature", "without_label"]

_YEAR = L.YEAR
_PERIOD = L.PERIOD
_DATE_LINE = re.compile(r"^(20\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_ORGAN_BY = re.compile(r"本(?:次)?报告由(.{2,40}?)(?:\(|（|根据|依据|按照|编制)")
_TITLE_WORDS = ("年度报告", "年报")
_METADATA_KEYS = frozenset(
    ("索引号", "发布机构", "公开日期", "发文日期", "成文日期", "发布日期", "文号", "主题", "体裁",
     "时效说明", "主题分类", "公开方式", "公开范围", "信息来源", "生成日期", "有效性", "发文机关")
)  # fmt: skip


# ---------------------------------------------------------------------- front matter


# a label that a page or a crawler writes before a value: never part of a title or an organ
_LABELS = ("标题", "文章标题", "题目", "名称", "发布机构", "发布机关", "发文机关", "发布单位",
           "来源", "信息来源", "title", "source")  # fmt: skip
_LABEL = re.compile(r"^\s*(?:" + "|".join(_LABELS) + r")\s*[:：]\s*", re.IGNORECASE)


_LABELLED = re.compile(
    r"^\s*("
    + "|".join(sorted({*_LABELS, *_METADATA_KEYS} - {"title", "source"}))
    + r")\s*[:：]\s*(?=\S)"
)


def without_label(display: str, match: str) -> tuple[str, str]:
    """A line without the 「标题：」「发布机构：」「来源：」 labels before its value."""
    while (m := _LABEL.match(match)) is not None and m.end() < len(match):
        display, match = display[m.end() :], match[m.end() :]
    return display, match


def organ_of_title(display: str, match: str | None = None) -> str | None:
    """The organ a title names before its year: 「XX 2023年政府信息公开工作年度报告」 → XX."""
    display, match = without_label(display, match if match is not None else match_text(display))
    m = _YEAR.search(match)
    if m is None or m.start() == 0:
        return None
    organ = display[: m.start()].strip(" 　:：")
    for suffix in ("关于", "關於"):
        organ = organ.removesuffix(suffix)
    return without_label(organ, match_text(organ))[0].strip() or None


@frozen
class Front:
    title: str | None
    title_match: str | None
    organ: str | None
    organ_source: OrganSource | None
    year: int | None
    preamble: str
    metadata: tuple[tuple[str, str], ...]


def front_matter(front: Part, overview: Part | None, ctx: Context) -> Front:
    """Title, organ, year, preamble and metadata table from the lines before section 一."""
    prose = [
        it for it in front.everything() if isinstance(it, Prose) and id(it) not in ctx.consumed
    ]
    rows = [it for it in front.everything() if isinstance(it, Row) and id(it) not in ctx.consumed]
    for sub in front.subsections:  # sub-headings before 一 are preamble text
        prose.append(Prose(sub.heading.line, sub.heading.text, sub.heading.display))
    prose.sort(key=lambda p: p.line)
    title = next(
        (p for p in prose if any(w in p.text for w in _TITLE_WORDS) and len(p.text) <= 80), None
    )
    preamble = []
    labelled: list[tuple[str, str]] = []  # 「发布机构：XX」 lines: the page's metadata
    for p in prose:
        if p is title:
            continue
        m = _LABELLED.match(p.text)
        if m is not None:
            labelled.append((label_key(m.group(1)), p.display[m.end() :].strip()))
            continue
        if title is not None and label_key(p.text) and label_key(p.text) in label_key(title.text):
            continue  # the title again, split over lines
        preamble.append(p.display)
    preamble_text = "\n".join(preamble)
    body = [p.text for p in prose]
    if overview is not None:
        body += [it.text for it in overview.everything() if isinstance(it, Prose)]
        body += [s.heading.text for s in overview.subsections]
    year = _year(title.text if title else None, body)
    title_display, title_match = without_label(title.display, title.text) if title else (None, None)
    organ, source = _organ(title_display, title_match, preamble_text)
    return Front(
        title=title_display,
        title_match=title_match,
        organ=organ,
        organ_source=source,
        year=year,
        preamble=preamble_text,
        metadata=_metadata(rows) + tuple(labelled),
    )


def _metadata(rows: Iterable[Row]) -> tuple[tuple[str, str], ...]:
    pairs: list[tuple[str, str]] = []
    for row in rows:
        cells = list(row.cells)
        i = 0
        while i < len(cells):
            c = cells[i]
            if c is not None and label_key(c.text) in _METADATA_KEYS:
                nxt = cells[i + 1] if i + 1 < len(cells) else None
                if nxt is not None and label_key(nxt.text) in _METADATA_KEYS:
                    pairs.append((label_key(c.text), ""))
                    i += 1
                    continue
                pairs.append((label_key(c.text), nxt.display if nxt is not None else ""))
                i += 2
                continue
            i += 1
    return tuple(pairs)


def _year(title: str | None, texts: Iterable[str]) -> int | None:
    if title:
        m = _YEAR.search(title)
        if m:
            return int(m.group(1))
    body = list(texts)
    for t in body:
        m = _PERIOD.search(t.replace(" ", ""))
        if m:
            return int(m.group(1))
    counts = Counter(int(m.group(1)) for t in body for m in _YEAR.finditer(t))
    return counts.most_common(1)[0][0] if counts else None


def _organ(
    title_display: str | None, title_match: str | None, preamble: str
) -> tuple[str | None, OrganSource | None]:
    if title_display and title_match:
        m = _YEAR.search(title_match)
        if m and m.start() > 0:
            organ = organ_of_title(title_display, title_match)
            return organ, OrganSource.TITLE if organ else None
    m = _ORGAN_BY.search(match_text(preamble))
    if m is None:
        return None, None
    return preamble[m.start(1) : m.end(1)].strip() or None, OrganSource.PREAMBLE


def signature(part: Part | None) -> tuple[str | None, datetime.date | None]:
    """The organ and date that close the report, removed from section 六's items."""
    if part is None:
        return None, None
    items = part.subsections[-1].items if part.subsections else part.items
    if not items or not isinstance(items[-1], Prose):
        return None, None
    m = _DATE_LINE.match(items[-1].text.replace(" ", ""))
    if m is None:
        return None, None
    try:
        date = datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None, None
    signer: str | None = None
    drop = 1
    if len(items) >= 2 and isinstance(items[-2], Prose):
        prev = items[-2].display.strip()
        if len(prev) <= 40 and not re.search(r"[。，,；;：:]", prev):
            signer, drop = prev, 2
    del items[len(items) - drop :]
    return signer, date

"""The template's anchors: the phrases that mark where a part of the report starts.

Reading does not depend on line breaks: the parse stage finds these phrases wherever they
stand in the normalised text and starts a new canonical line at each one (a line break and a
cell separator are only hints).  An anchor needs only to *locate* a row, so row anchors are
the label's numbering and its first words; the binder matches the whole label afterwards.
Every phrase comes from the template data of this package (nothing is restated here).
"""

from __future__ import annotations

import functools
from typing import Literal

from attrs import frozen

from govdisclosure import template as T
from govdisclosure.model import Template
from govdisclosure.template import lexicon as L

__all__ = ["Anchor", "AnchorKind", "anchors"]

AnchorKind = Literal[
    "heading",  # a section heading 一、… 六、 (also in the form （六）…)
    "t2_block",  # 第二十条第（N）项: a block of table 二 starts
    "t2_header",  # 信息内容: the header row of a block
    "t2_row",  # a row label of table 二
    "t3_start",  # the 勾稽 note or 申请人情况: table 三's header starts
    "t3_group",  # a merged group cell of table 三 (三、本年度办理结果, （三）不予公开 …)
    "t3_row",  # a data row label of table 三
    "t4_header",  # 行政复议: table 四's header starts
    "column",  # a column header of any table (only joins a wrapped header, starts no line)
]

# How many characters of a row label's body (after its numbering) locate the row.
ROW_PREFIX = 6


@frozen
class Anchor:
    kind: AnchorKind
    numbering: str  # "一、", "（一）", "1." or "" (the label's own numbering)
    text: str  # the words after the numbering (a prefix for rows)
    forms: tuple[str, ...] = ()  # other words that may follow the numbering (headings)
    key: str = ""  # the heading's Report attribute or the row's dotted key


def _split_numbering(label: str) -> tuple[str, str]:
    """'（一）予以公开' → ('（一）', '予以公开'); '1.属于国家秘密' → ('1.', '属于国家秘密')."""
    if label.startswith("（") and "）" in label[:5]:
        end = label.index("）") + 1
        return label[:end], label[end:]
    if (
        len(label) > 2
        and label[1] in L.DISPLAY_NUMBERING_MARKS
        and (label[0].isdigit() or label[0] in L.SECTION_NUMERALS)
    ):
        return label[:2], label[2:]
    return "", label


def _words(body: str) -> str:
    """The first words of a label: up to ROW_PREFIX characters, before any punctuation."""
    out = ""
    for char in body[:ROW_PREFIX]:
        if not ("\u4e00" <= char <= "\u9fff"):
            break
        out += char
    return out


@functools.cache
def anchors() -> tuple[Anchor, ...]:
    """Every anchor of both template versions, in template order."""
    out: list[Anchor] = []
    for h in T.HEADINGS:
        out.append(Anchor("heading", f"{h.numeral}、", h.label, h.keywords, h.key))
    seen: set[tuple[str, str]] = set()

    def add(anchor: Anchor) -> None:
        if (anchor.kind, anchor.numbering + anchor.text) not in seen:
            seen.add((anchor.kind, anchor.numbering + anchor.text))
            out.append(anchor)

    for version in Template:
        for block in T.spec(version).proactive:
            add(Anchor("t2_block", "", block.title))
    add(Anchor("t2_header", "", T.PROACTIVE_HEADER))
    for version in Template:
        for block in T.spec(version).proactive:
            for row in block.rows:
                for label in (row.label, *row.aliases):
                    add(Anchor("t2_row", "", label, key=row.key))
    add(Anchor("t3_start", "", T.REQUEST_NOTE[:8]))
    add(Anchor("t3_start", "", T.REQUEST_APPLICANTS))
    for group in T.REQUEST_GROUPS:
        numbering, body = _split_numbering(group)
        add(Anchor("t3_group", numbering, body))
    for version in Template:
        for request_row in T.spec(version).request_rows:
            numbering, body = _split_numbering(request_row.label)
            add(Anchor("t3_row", numbering, _words(body), key=request_row.key))
    add(Anchor("t4_header", "", T.APPEAL_GROUPS[0].label))
    columns: list[T.Column] = [*T.REQUEST_COLUMNS, *T.APPEAL_GROUPS, *T.APPEAL_COLUMNS]
    for version in Template:
        for block in T.spec(version).proactive:
            columns.extend(block.columns)
    for column in columns:
        for label in (column.label, *column.aliases):
            add(Anchor("column", "", label))
    for label in (T.REQUEST_NOTE, T.REQUEST_LEGAL_PERSONS, T.APPEAL_LITIGATION):
        add(Anchor("column", "", label))
    return tuple(out)

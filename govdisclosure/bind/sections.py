"""Sections: which heading is which part of the template, and the prose of each part.

The document is read as one stream of events (heading, sub-heading, prose line, table row)
so that a heading can be recognised wherever it stands: 「一、…」 headings, a section
heading written as a sub-heading (「(六)其他需要报告的事项」), a heading with no marker at
all (「总体情况」 alone on its line), a heading with OCR errors in its words.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator

from attrs import define, field, frozen

from govdisclosure import template as T
from govdisclosure.bind.align import similarity
from govdisclosure.bind.context import Context
from govdisclosure.model import Section, SourceSpan
from govdisclosure.parse.transform import Document, Heading, Prose, RawSection, Row
from govdisclosure.read.fold import label_key, match_text
from govdisclosure.template import lexicon as L

__all__ = ["Part", "Sub", "front_matter", "parts", "section"]

_HEADING_NUMERAL = re.compile("^" + L.section_numbering())
_SUB_NUMERAL = re.compile("^" + L.sub_numbering())
_DISPLAY_NUMBERING = re.compile(r"^\s*" + L.section_numbering(L.DISPLAY_NUMBERING_MARKS) + r"\s*")
_DISPLAY_SUB = re.compile(r"^\s*" + L.sub_numbering("[(（]", "[)）]") + r"\s*")
_YEAR = L.YEAR
_PERIOD = L.PERIOD
_DATE_LINE = re.compile(r"^(20\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_ORGAN_BY = re.compile(r"本(?:次)?报告由(.{2,40}?)(?:\(|（|根据|依据|按照|编制)")
_TITLE_WORDS = ("年度报告", "年报")
_METADATA_KEYS = frozenset(
    ("索引号", "发布机构", "公开日期", "发文日期", "成文日期", "发布日期", "文号", "主题", "体裁",
     "时效说明", "主题分类", "公开方式", "公开范围", "信息来源", "生成日期", "有效性", "发文机关")
)  # fmt: skip
_ORDER = {h.key: i for i, h in enumerate(T.HEADINGS)}
# sections made of tables: a 「(一)…」 line in them is a table line, not a sub-heading
_TABLE_SECTIONS = frozenset(("proactive", "requests", "appeals"))


@define
class Sub:
    heading: Heading
    items: list[Prose | Row] = field(factory=list)


@define
class Part:
    """A section of the report as found: its heading, items and sub-sections."""

    key: str  # a Heading.key, or "front"
    heading: Heading | None
    items: list[Prose | Row] = field(factory=list)
    subsections: list[Sub] = field(factory=list)

    def add(self, item: Prose | Row) -> None:
        (self.subsections[-1].items if self.subsections else self.items).append(item)

    def everything(self) -> Iterator[Prose | Row]:
        yield from self.items
        for s in self.subsections:
            yield from s.items


@frozen
class _Event:
    kind: str  # heading | sub | item
    heading: Heading | None = None
    item: Prose | Row | None = None


def _events(doc: Document) -> Iterator[_Event]:
    def raw(sec: RawSection, kind: str) -> Iterator[_Event]:
        if sec.heading is not None:
            yield _Event(kind, sec.heading)
        for it in sec.items:
            yield _Event("item", item=it)
        for sub in sec.subsections:
            yield from raw(sub, "sub")

    yield from raw(doc.front, "sub")
    for sec in doc.sections:
        yield from raw(sec, "heading")


def _by_words(key: str) -> T.Heading | None:
    for h in T.HEADINGS:
        if any(label_key(kw) in key for kw in h.keywords):
            return h
    return None


def _by_numeral(numeral: str) -> T.Heading | None:
    return next((h for h in T.HEADINGS if h.numeral == numeral), None)


def parts(doc: Document, ctx: Context) -> list[Part]:
    """The document's parts in order; the first is the front matter (key "front")."""
    out = [Part("front", None)]
    seen: dict[str, Part] = {}
    current = out[0]
    for ev in _events(doc):
        if ev.kind == "item":
            item = ev.item
            assert item is not None
            h = _unmarked(item, seen, current) if isinstance(item, Prose) else None
            if h is None or not isinstance(item, Prose):
                current.add(item)
                continue
            heading = Heading(item.line, item.text, item.display)
            ctx.diag(
                "heading-unmarked",
                f"line {item.display!r} has no numbering but is the heading {h.numeral}、{h.label}",
                item.line,
            )
        else:
            assert ev.heading is not None
            h = (
                _identify(ev.heading, seen, ctx)
                if ev.kind == "heading"
                else _promote(ev.heading, seen, current, ctx)
            )
            if h is None:
                if ev.kind == "sub" and current.key not in _TABLE_SECTIONS:
                    current.subsections.append(Sub(ev.heading))
                else:  # a numbered line that names no section: prose
                    current.add(Prose(ev.heading.line, ev.heading.text, ev.heading.display))
                continue
            heading = ev.heading
            if h.key in seen:
                ctx.diag(
                    "heading-repeated",
                    f"heading {h.numeral}、{h.label} appears again; "
                    "its content is kept with the first",
                    heading.line,
                )
                current = seen[h.key]
                continue
        current = Part(h.key, heading)
        seen[h.key] = current
        out.append(current)
    order = [p.key for p in out[1:]]
    if order != sorted(order, key=_ORDER.__getitem__):
        first = next(p for p, q in itertools.pairwise(out[1:]) if _ORDER[p.key] > _ORDER[q.key])
        ctx.diag(
            "heading-order",
            "section headings are out of the template's order: " + ", ".join(order),
            first.heading.line if first.heading else None,
        )
    return out


def _identify(heading: Heading, seen: dict[str, Part], ctx: Context) -> T.Heading | None:
    """The section a 「一、…」 heading names, by its words and its numeral."""
    m = _HEADING_NUMERAL.match(heading.text)
    key = label_key(heading.text[m.end() :] if m else heading.text)
    by_number = _by_numeral(m.group(1)) if m else None
    words = _by_words(key)
    if by_number is not None and words is by_number:
        return by_number
    if words is not None and words.key not in seen:
        ctx.diag(
            "heading-misnumbered",
            f"heading {heading.display!r} is numbered {m.group(1) if m else '—'} "
            f"but names section {words.numeral}、{words.label}",
            heading.line,
        )
        return words
    if by_number is not None and by_number.key not in seen and key:
        score = similarity(key, label_key(by_number.label))
        if score >= 0.5:
            ctx.diag(
                "heading-inexact",
                f"heading {heading.display!r} taken as {by_number.numeral}、{by_number.label} "
                f"(its words differ; similarity {score:.2f})",
                heading.line,
            )
            return by_number
    return None


def _next_expected(current: Part) -> int:
    return _ORDER.get(current.key, -1) + 1


def _promote(
    heading: Heading, seen: dict[str, Part], current: Part, ctx: Context
) -> T.Heading | None:
    """A sub-heading 「(六)其他需要报告的事项」 that stands for the next section heading."""
    m = _SUB_NUMERAL.match(heading.text)
    if m is None:
        return None
    h = _by_numeral(m.group(1))
    if h is None or h.key in seen or _ORDER[h.key] != _next_expected(current):
        return None
    if _by_words(label_key(heading.text[m.end() :])) is not h:
        return None
    ctx.diag(
        "heading-form",
        f"section heading written as a sub-heading: {heading.display!r} "
        f"taken as {h.numeral}、{h.label}",
        heading.line,
    )
    return h


def _unmarked(item: Prose, seen: dict[str, Part], current: Part) -> T.Heading | None:
    """A prose line that is exactly a section title, with no numbering (「总体情况」)."""
    key = label_key(item.text)
    if not key or len(key) > 24:
        return None
    for h in T.HEADINGS:
        if h.key in seen or _ORDER[h.key] < _next_expected(current):
            continue
        canon = label_key(h.label)
        if key == canon or (len(key) >= 4 and similarity(key, canon) >= 0.85):
            return h
    return None


# ---------------------------------------------------------------------- prose


def section(part: Part | None, fallback_title: str, ctx: Context) -> Section:
    """A model Section from a part: title without numbering, text, sub-sections."""
    if part is None:
        return Section(fallback_title, "")
    title = fallback_title
    if part.heading is not None:
        title = _DISPLAY_SUB.sub("", _DISPLAY_NUMBERING.sub("", part.heading.display)).strip()
        line = ctx.src(part.heading.line)
        if line is not None:  # where the section's prose stands: its heading
            ctx.locations.setdefault(part.key, SourceSpan(line))
    subs = tuple(_subsection(s, ctx) for s in part.subsections)
    return Section(title, _text(part.items, ctx), subs)


def _subsection(sub: Sub, ctx: Context) -> Section:
    head = _DISPLAY_SUB.sub("", sub.heading.display).strip()
    title, first = _split_title(head)
    text = _text(sub.items, ctx)
    if first:
        text = first + ("\n" + text if text else "")
    return Section(title, text)


def _text(items: Iterable[Prose | Row], ctx: Context) -> str:
    lines = []
    for it in items:
        if id(it) in ctx.consumed:
            continue
        lines.append(it.display if isinstance(it, Prose) else it.display())
    return "\n".join(lines)


def _split_title(head: str) -> tuple[str, str]:
    """「主动公开情况。以贯彻…」 → (「主动公开情况」, 「以贯彻…」)."""
    m = re.search(r"[。:：]", head)
    if m is None or m.end() == len(head):
        return head.rstrip("。:："), ""
    return head[: m.start()].strip(), head[m.end() :].strip()


# ---------------------------------------------------------------------- front matter


@frozen
class Front:
    title: str | None
    title_match: str | None
    organ: str | None
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
    for p in prose:
        if p is title:
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
    return Front(
        title=title.display if title else None,
        title_match=title.text if title else None,
        organ=_organ(
            title.display if title else None, title.text if title else None, preamble_text
        ),
        year=year,
        preamble=preamble_text,
        metadata=_metadata(rows),
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


def _organ(title_display: str | None, title_match: str | None, preamble: str) -> str | None:
    if title_display and title_match:
        m = _YEAR.search(title_match)
        if m and m.start() > 0:
            organ = title_display[: m.start()].strip(" 　:：")
            for suffix in ("关于", "關於"):
                organ = organ.removesuffix(suffix)
            return organ or None
    m = _ORGAN_BY.search(match_text(preamble))
    return preamble[m.start(1) : m.end(1)].strip() if m else None


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

"""Sections: which heading is which part of the template, and the prose of each part.

The document is read as one stream of events (heading, sub-heading, prose line, table row)
so that a heading can be recognised wherever it stands: 「一、…」 headings, a section
heading written as a sub-heading (「(六)其他需要报告的事项」), a heading with no marker at
all (「总体情况」 alone on its line), a heading with OCR errors in its words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from attrs import define, field, frozen

from govdisclosure import template as T
from govdisclosure.bind.align import similarity
from govdisclosure.bind.context import Context
from govdisclosure.model import Section, SourceSpan
from govdisclosure.parse.transform import Document, Heading, Prose, RawSection, Row
from govdisclosure.read.fold import label_key, match_text
from govdisclosure.template import lexicon as L

__all__ = ["Part", "Sub", "by_position", "parts", "section"]

_HEADING_NUMERAL = re.compile("^" + L.section_numbering())
_SUB_NUMERAL = re.compile("^" + L.sub_numbering())
_DISPLAY_NUMBERING = re.compile(r"^\s*" + L.section_numbering(L.DISPLAY_NUMBERING_MARKS) + r"\s*")
_DISPLAY_SUB = re.compile(r"^\s*" + L.sub_numbering("[(（]", "[)）]") + r"\s*")
_ORDER = {h.key: i for i, h in enumerate(T.HEADINGS)}
# 「表三：…」「表 3 …」: the title of a table, never a section heading
_TABLE_TITLE = re.compile(r"^\s*表\s*[" + L.SUB_NUMERALS + r"\d]{1,2}\s*[:：、.．\s]")
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
    also: tuple[str, ...] = ()  # later sections its heading names too (五 and 六 as one)

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


def _strict(heading: Heading) -> T.Heading | None:
    """The section a 「一、…」 line names by its numbering and its words together."""
    m = _HEADING_NUMERAL.match(heading.text)
    h = _by_numeral(m.group(1)) if m else None
    if m is None or h is None or _by_words(label_key(heading.text[m.end() :])) is not h:
        return None
    return h


def _in_order(keys: list[str]) -> set[int]:
    """The indexes of a longest run of ``keys`` in the template's order (the earliest such)."""
    best: list[list[int]] = []  # per index: a longest run ending there
    for i, key in enumerate(keys):
        longest: list[int] = []
        for run in best:
            if _ORDER[keys[run[-1]]] < _ORDER[key] and len(run) > len(longest):
                longest = run
        best.append([*longest, i])
    chain: list[int] = []
    for run in best:
        chain = run if len(run) > len(chain) else chain
    return set(chain)


def _section_lines(events: list[_Event]) -> tuple[dict[int, T.Heading | None], frozenset[str]]:
    """Which 「一、…」 lines that name a section by numbering and words are its heading.

    A section named twice keeps the line that stands in the template's order with the
    others (the other is a line of prose or a sub-heading: 「二、主动公开…的审核再加强。」
    under 五); a line out of order that is its section's only one stays (D-SECTIONS names it).
    Returns event index → section (None: not a heading), and the sections so named.
    """
    named = [(i, h) for i, ev in enumerate(events) if ev.kind == "heading" and ev.heading
             for h in (_strict(ev.heading),) if h is not None]  # fmt: skip
    chain = _in_order([h.key for _i, h in named])
    kept = {h.key for j, (_i, h) in enumerate(named) if j in chain}
    decided: dict[int, T.Heading | None] = {}
    for j, (i, h) in enumerate(named):
        keep = j in chain or (
            h.key not in kept and h.key not in {d.key for d in decided.values() if d}
        )
        decided[i] = h if keep else None
    return decided, frozenset(h.key for _i, h in named)


def parts(doc: Document, ctx: Context) -> list[Part]:
    """The document's parts in order; the first is the front matter (key "front")."""
    out = [Part("front", None)]
    seen: dict[str, Part] = {}
    current = out[0]
    events = list(_events(doc))
    decided, named = _section_lines(events)
    own = 0  # the numeral of the report's last 「N、…」 section heading, in its own numbering
    for i, ev in enumerate(events):
        if ev.kind == "item":
            item = ev.item
            assert item is not None
            h = _unmarked(item, seen, current, named) if isinstance(item, Prose) else None
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
            if i in decided:
                h = decided[i]
            elif ev.kind == "heading":
                h = _identify(ev.heading, seen, current, named, ctx)
            else:
                h = _promote(ev.heading, seen, current, named, ctx)
            numeral = _own_numeral(ev.heading) if ev.kind == "heading" else 0
            if h is None:
                extra = numeral == own + 1 and _heading_like(ev.heading)
                if extra:
                    own = numeral
                    _extra(ev.heading, current, ctx)
                if (ev.kind == "sub" or extra) and current.key not in _TABLE_SECTIONS:
                    current.subsections.append(Sub(ev.heading))
                else:  # a numbered line that names no section: prose
                    current.add(Prose(ev.heading.line, ev.heading.text, ev.heading.display))
                continue
            own = numeral or own
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
        current = Part(h.key, heading, also=_also_named(heading, h, seen, named, ctx))
        seen[h.key] = current
        for key in current.also:
            seen[key] = current
        out.append(current)
    _order_diagnostics(out[1:], ctx)
    return out


def _also_named(
    heading: Heading, h: T.Heading, seen: dict[str, Part], named: frozenset[str], ctx: Context
) -> tuple[str, ...]:
    """The later prose sections a heading names besides its own (「五、存在的主要问题、改进
    情况及其他需要报告的事项」: 五 and 六), when no heading of their own names them."""
    key = label_key(heading.text)
    also = tuple(
        o.key
        for o in T.HEADINGS
        if _ORDER[o.key] > _ORDER[h.key]
        and o.key not in _TABLE_SECTIONS
        and o.key not in seen
        and o.key not in named
        and any(label_key(kw) in key for kw in o.keywords)
    )
    if also:
        ctx.diag(
            "section-merged",
            f"heading {heading.display!r} names section {h.numeral}、{h.label} and "
            + "、".join(f"{T.heading(k).numeral}、{T.heading(k).label}" for k in also)
            + f" together: their text is kept in {h.numeral}, the other is left empty",
            heading.line,
        )
    return also


def by_position(key: str, items: list[Prose | Row], ctx: Context) -> Part:
    """A section whose heading is missing, known by where its prose stands (the prose after
    table 四 is section 五 when no heading names it)."""
    h = T.heading(key)
    ctx.diag(
        "heading-missing",
        f"no heading {h.numeral}、{h.label}; the section is inferred from its position "
        f"(the prose after table {T.heading(T.HEADINGS[_ORDER[key] - 1].key).numeral})",
        items[0].line,
    )
    return Part(key, None, list(items))


def _own_numeral(heading: Heading) -> int:
    """The numeral of a 「N、…」 line as a number (1 for 一), 0 when it has none."""
    m = _HEADING_NUMERAL.match(heading.text)
    return L.SECTION_NUMERALS.index(m.group(1)) + 1 if m else 0


def _heading_like(heading: Heading) -> bool:
    """A short title, not a numbered sentence (「二、主动公开…的审核再加强。」)."""
    return len(heading.text) <= _TITLE_MAX and not re.search("[。；;，,]", heading.text)


_TITLE_MAX = 30


def _extra(heading: Heading, current: Part, ctx: Context) -> None:
    """A section of the report's own (「二、工作机制保障」): kept where it stands, and named."""
    if current.key == "front":
        kept = "kept as text of the front matter"
    else:
        h = T.heading(current.key)
        how = "as text of" if current.key in _TABLE_SECTIONS else "as a sub-section of"
        kept = f"kept {how} {h.numeral}、{h.label}"
    ctx.diag(
        "section-extra",
        f"heading {heading.display!r} continues the report's own numbering but names no "
        f"section of the template; its text is {kept}",
        heading.line,
    )


def _order_diagnostics(found: list[Part], ctx: Context) -> None:
    """One ``heading-order`` per heading out of the template's order, naming its line."""
    chain = _in_order([p.key for p in found])
    for j, p in enumerate(found):
        if j in chain:
            continue
        h = T.heading(p.key)
        line = p.heading.line if p.heading else None
        at = ctx.src(line) if line else None
        ctx.diag(
            "heading-order",
            f"section heading {h.numeral}、{h.label}" + (f" on line {at}" if at else "")
            + " is out of the template's order (the headings stand in the order "
            + "、".join(T.heading(q.key).numeral for q in found) + ")",
            line,
        )  # fmt: skip


def _identify(
    heading: Heading, seen: dict[str, Part], current: Part, named: frozenset[str], ctx: Context
) -> T.Heading | None:
    """The section a 「一、…」 line names when its numbering and its words disagree: its words
    (misnumbered), or its numbering when its words are close (inexact); never a section that
    another line names by numbering and words (``named``), nor one the report has passed."""
    m = _HEADING_NUMERAL.match(heading.text)
    key = label_key(heading.text[m.end() :] if m else heading.text)
    by_number = _by_numeral(m.group(1)) if m else None
    words = _by_words(key)
    if by_number is not None and words is by_number:
        return by_number
    expected = _next_expected(current)
    if words is not None and (words.key in named or _ORDER[words.key] < expected):
        words = None
    if by_number is not None and (by_number.key in named or _ORDER[by_number.key] < expected):
        by_number = None
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
        # words first: 「四、政府信息公开申请情况」 reads closer to 三 than to 四, so it is not
        # 四 by its numeral (it is a section of the organ's own, named as extra)
        if score >= 0.5 and _closest(key) is by_number:
            ctx.diag(
                "heading-inexact",
                f"heading {heading.display!r} taken as {by_number.numeral}、{by_number.label} "
                f"(its words differ; similarity {score:.2f})",
                heading.line,
            )
            return by_number
    return None


def _closest(key: str) -> T.Heading:
    """The template heading whose words are closest to a heading's words."""
    return max(T.HEADINGS, key=lambda h: similarity(key, label_key(h.label)))


def _next_expected(current: Part) -> int:
    return _ORDER.get(current.key, -1) + 1


def _promote(
    heading: Heading, seen: dict[str, Part], current: Part, named: frozenset[str], ctx: Context
) -> T.Heading | None:
    """A sub-heading 「(六)其他需要报告的事项」 that stands for the next section heading
    (when no 「六、…」 line names that section)."""
    m = _SUB_NUMERAL.match(heading.text)
    if m is None:
        return None
    h = _by_numeral(m.group(1))
    if h is None or h.key in seen or h.key in named or _ORDER[h.key] != _next_expected(current):
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


def _unmarked(
    item: Prose, seen: dict[str, Part], current: Part, named: frozenset[str]
) -> T.Heading | None:
    """A prose line that is a section title, with no numbering (「总体情况」): the whole
    title (OCR errors aside), not a word of it (「行政复议」) nor a table's title (「表三：…」),
    and only for a section that no 「一、…」 line names."""
    key = label_key(item.text)
    if not key or len(key) > 24 or _TABLE_TITLE.match(match_text(item.text)):
        return None
    for h in T.HEADINGS:
        if h.key in seen or h.key in named or _ORDER[h.key] < _next_expected(current):
            continue
        canon = label_key(h.label)
        if key == canon or (
            len(key) >= max(4, 0.8 * len(canon)) and similarity(key, canon) >= 0.85
        ):
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
    head = _DISPLAY_SUB.sub("", _DISPLAY_NUMBERING.sub("", sub.heading.display)).strip()
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

"""Binding the document's parts to the template (DESIGN.md §2 "bind").

Headings are identified by the template's keywords, table rows by their labels first and
their place and shape second.  Every inference and every repair is recorded as a
:class:`~govdisclosure.model.Diagnostic`; every number cell of tables 二/三/四 ends in the
model or in a diagnostic that names its line.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from attrs import define, field

from . import template as T
from ._align import LABEL_MATCH, Pair, align, alignment_score, similarity
from ._cells import Layout, place_values, value_region
from ._paths import build
from .errors import ParseError
from .model import (
    AppealStats,
    Diagnostic,
    ExtraRow,
    Proactive2019,
    Proactive2021,
    Report,
    RequestStats,
    Section,
    SourceSpan,
    Template,
)
from .normalize import NormalizedText, label_key
from .transform import Cell, CellKind, Document, Heading, Prose, RawSection, Row

__all__ = ["bind"]

_NUMERALS = "一二三四五六七八九十"
_HEADING_NUMERAL = re.compile(r"^([一二三四五六])[、.,]")
_SUB_NUMERAL = re.compile(r"^\(([一二三四五六七八九十]{1,2})\)")
_DISPLAY_NUMBERING = re.compile(r"^\s*[一二三四五六][、.,．，]\s*")
_DISPLAY_SUB = re.compile(r"^\s*[(（][一二三四五六七八九十]{1,2}[)）]\s*")
_BLOCK = re.compile(r"第二十条第\(([一二三四五六七八九十]+)\)项")
_YEAR = re.compile(r"(20\d\d)\s*年")
_PERIOD = re.compile(r"统计(?:期限|时限|时间|周期)?(?:为|是|:)?\s*(20\d\d)\s*年\s*1\s*月\s*1\s*日")
_DATE_LINE = re.compile(r"^(20\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_ORGAN_BY = re.compile(r"本(?:次)?报告由(.{2,40}?)(?:\(|（|根据|依据|按照|编制)")
_TITLE_WORDS = ("年度报告", "年报")
_METADATA_KEYS = (
    "索引号", "发布机构", "公开日期", "发文日期", "成文日期", "发布日期", "文号", "主题", "体裁",
    "时效说明", "主题分类", "公开方式", "公开范围", "信息来源", "生成日期", "有效性", "发文机关",
)  # fmt: skip

_T3_HEADER_WORDS = ("勾稽关系", "申请人情况", "自然人", "法人或其他组织")
_T4_HEADER_WORDS = (
    "行政复议",
    "行政诉讼",
    "结果维持",
    "尚未审结",
    "未经复议直接起诉",
    "复议后起诉",
)


def _heading_for(key: str) -> T.Heading | None:
    for h in T.HEADINGS:
        if any(label_key(kw) in key for kw in h.keywords):
            return h
    return None


def _heading_by_numeral(numeral: str) -> T.Heading | None:
    for h in T.HEADINGS:
        if h.numeral == numeral:
            return h
    return None


@define
class _Part:
    """A section of the report as found: heading, items, sub-sections."""

    key: str
    heading: Heading | None
    items: list[Prose | Row] = field(factory=list)
    subsections: list[RawSection] = field(factory=list)


@define
class _Binder:
    norm: NormalizedText
    partial: bool
    diagnostics: list[Diagnostic] = field(factory=list)
    locations: dict[str, SourceSpan] = field(factory=dict)
    values: dict[str, Any] = field(factory=dict)
    missing: list[str] = field(factory=list)
    consumed: set[int] = field(factory=set)  # id() of rows bound to a table

    # ------------------------------------------------------------------ helpers

    def src(self, line: int | None) -> int | None:
        if line is None or not 1 <= line <= len(self.norm.source_line):
            return None
        return self.norm.source_line[line - 1]

    def diag(
        self, code: str, message: str, line: int | None = None, key: str | None = None
    ) -> None:
        self.diagnostics.append(Diagnostic(code, message, self.src(line), key))

    def fail(self, message: str, line: int | None, expected: str, code: str) -> ParseError:
        src = self.src(line) or 0
        return ParseError(
            message,
            line=src,
            column=1 if src else 0,
            source_line=self.norm.quote(src) if src else "",
            expected=expected,
            code=code,
        )

    def need(self, part: str, message: str, line: int | None, expected: str, code: str) -> None:
        """A required part is missing: an error, or with ``partial`` a listed gap."""
        if not self.partial:
            raise self.fail(message, line, expected, code)
        self.missing.append(part)
        self.diag("part-missing", message, line)

    def put(self, key: str, value: Any, cell: Cell | None) -> None:
        self.values[key] = value
        if cell is not None:
            line = self.src(cell.line)
            if line is not None:
                self.locations[key] = SourceSpan(line, cell.column)

    # ------------------------------------------------------------------ sections

    def parts(self, doc: Document) -> list[_Part]:
        parts: list[_Part] = []
        seen: set[str] = set()
        for raw in doc.sections:
            assert raw.heading is not None
            h = self._identify(raw.heading, seen)
            if h is None:  # not a section heading: a numbered prose line
                target = parts[-1] if parts else None
                demoted = Prose(raw.heading.line, raw.heading.text, raw.heading.display)
                if target is None:
                    parts.append(_Part("front", None, [demoted, *raw.items], list(raw.subsections)))
                else:
                    target.items.append(demoted)
                    target.items.extend(raw.items)
                    target.subsections.extend(raw.subsections)
                continue
            if h.key in seen:
                self.diag(
                    "heading-repeated",
                    f"heading {h.numeral}、{h.label} appears again; "
                    "its content is kept with the first",
                    raw.heading.line,
                )
                first = next(p for p in parts if p.key == h.key)
                first.items.extend(raw.items)
                first.subsections.extend(raw.subsections)
                continue
            seen.add(h.key)
            part = _Part(h.key, raw.heading, list(raw.items))
            parts.append(part)
            for sub in raw.subsections:
                promoted = self._promote(sub, seen)
                if promoted is not None:
                    seen.add(promoted.key)
                    part = _Part(promoted.key, sub.heading, list(sub.items))
                    parts.append(part)
                else:
                    part.subsections.append(sub)
        order = [p.key for p in parts if p.key != "front"]
        expected = [h.key for h in T.HEADINGS if h.key in order]
        if order != expected:
            first = next(p for p, e in zip(parts, expected, strict=False) if p.key != e)
            self.diag(
                "heading-order",
                "section headings are out of the template's order: " + ", ".join(order),
                first.heading.line if first.heading else None,
            )
        return parts

    def _identify(self, heading: Heading, seen: set[str]) -> T.Heading | None:
        key = label_key(heading.text)
        m = _HEADING_NUMERAL.match(heading.text)
        by_number = _heading_by_numeral(m.group(1)) if m else None
        by_words = _heading_for(key[1:] if m else key)
        if by_number is not None and by_words is by_number:
            return by_number
        if by_words is not None and by_words.key not in seen:
            self.diag(
                "heading-misnumbered",
                f"heading {heading.display!r} is numbered {m.group(1) if m else '—'} "
                f"but names section {by_words.numeral}、{by_words.label}",
                heading.line,
            )
            return by_words
        return None

    def _promote(self, sub: RawSection, seen: set[str]) -> T.Heading | None:
        """A sub-heading 「(六)其他需要报告的事项」 that stands for a section heading."""
        assert sub.heading is not None
        m = _SUB_NUMERAL.match(sub.heading.text)
        if m is None:
            return None
        h = _heading_by_numeral(m.group(1))
        if h is None or h.key in seen or h.key in ("overview",):
            return None
        words = _heading_for(label_key(sub.heading.text[m.end() :]))
        if words is not h:
            return None
        self.diag(
            "heading-form",
            f"section heading written as a sub-heading: {sub.heading.display!r} "
            f"taken as {h.numeral}、{h.label}",
            sub.heading.line,
        )
        return h

    # ------------------------------------------------------------------ tables

    def split_tables(self, parts: list[_Part]) -> dict[str, list[Row]]:
        tables: dict[str, list[Row]] = {"t2": [], "t3": [], "t4": []}
        first_line: dict[str, int] = {}
        section_mode = {"proactive": "t2", "requests": "t3", "appeals": "t4"}
        for part in parts:
            mode = section_mode.get(part.key)
            for row in _rows(part):
                kind = _row_kind(row)
                if kind is not None:
                    mode = kind
                elif mode in (None, "t2") and _starts_table3(row):
                    mode = "t3"
                elif mode == "t3" and _looks_like_table4_values(row):
                    mode = "t4"
                if mode is None:
                    continue
                tables[mode].append(row)
                self.consumed.add(id(row))
                first_line.setdefault(mode, row.line)
        present = {p.key for p in parts}
        for mode, key in (("t2", "proactive"), ("t3", "requests"), ("t4", "appeals")):
            if key not in present and mode in first_line:
                h = next(h for h in T.HEADINGS if h.key == key)
                self.diag(
                    "heading-missing",
                    f"no heading {h.numeral}、{h.label}; the section is inferred from its table",
                    first_line[mode],
                )
        return tables

    # table 二 ------------------------------------------------------------

    def proactive(self, rows: list[Row], version: Template) -> Proactive2019 | Proactive2021:
        spec = T.spec(version)
        blocks = {b.item: b for b in spec.proactive}
        block: T.ProactiveBlock | None = None
        header: list[str] = []
        extra: list[ExtraRow] = []
        for row in rows:
            labels = row.labels()
            title = next((m for c in labels if (m := _BLOCK.search(c.text))), None)
            if title is not None:
                block = blocks.get(title.group(1))
                header = []
                if block is None:
                    self.diag(
                        "block-unknown",
                        f"block {title.group(0)} is not in the {version.value} template; "
                        "its rows are kept as extra rows",
                        row.line,
                    )
                continue
            _start, region = value_region(row)
            if not labels:
                if any(c is not None for c in region):
                    self._unplaced(row, "table 二 row without a label")
                continue
            first = label_key(labels[0].text)
            if first == "信息内容" or not any(c is not None for c in region):
                header = [c.text for c in labels[1:]] if first == "信息内容" else header
                continue
            found = _find_proactive_row(spec, block, labels[0].text)
            if found is None:
                extra.append(ExtraRow(labels[0].display, _cell_texts(region), self.src(row.line)))
                self.diag(
                    "row-extra",
                    f"table 二 row {labels[0].display!r} is not in the {version.value} template; "
                    f"kept in extra_rows with its cells {_cell_texts(region)}",
                    row.line,
                )
                continue
            fblock, frow = found
            placement = place_values(region, len(fblock.columns))
            if placement.cells is None:
                self._unplaced(row, placement.reason)
                continue
            for i, (col, cell) in enumerate(zip(fblock.columns, placement.cells, strict=True)):
                key = (
                    f"proactive.{frow.key}" if fblock.scalar else f"proactive.{frow.key}.{col.key}"
                )
                unit_label = header[i] if i < len(header) else col.label
                self.put(key, self.convert(cell, col.kind, key, row, unit_label, version), cell)
        cls: type[Proactive2019 | Proactive2021] = (
            Proactive2019 if version is Template.V2019 else Proactive2021
        )
        self.values["proactive.extra_rows"] = tuple(extra)
        return build(cls, self.values, "proactive.")

    # table 三 ------------------------------------------------------------

    def requests(self, rows: list[Row], version: Template) -> tuple[RequestStats, Template]:
        observed = [r for r in rows if _is_request_data_row(r)]
        spec = T.spec(version)
        pairs = _align_requests(observed, spec.request_rows)
        other = T.spec(Template.V2021 if version is Template.V2019 else Template.V2019)
        other_pairs = _align_requests(observed, other.request_rows)
        if alignment_score(other_pairs) > alignment_score(pairs) + 1.0:
            self.diag(
                "template-mixed",
                f"table 三 has the rows of the {other.version.value} template while table 二 "
                f"follows {version.value}; table 三 is read as {other.version.value}",
                observed[0].line if observed else None,
            )
            spec, pairs = other, other_pairs
        layout = Layout()
        for p in pairs:
            if p.observed is not None and p.template is not None:
                layout.learn(value_region(observed[p.observed])[1], len(T.REQUEST_COLUMNS))
        last_bound = max(
            (i for i, p in enumerate(pairs) if p.observed is not None and p.template is not None),
            default=-1,
        )
        for idx, p in enumerate(pairs):
            if p.template is None:
                assert p.observed is not None
                row = observed[p.observed]
                self.diag(
                    "row-extra",
                    f"table 三 row {row.display()!r} matches no template row; "
                    "its cells are not used",
                    row.line,
                )
                continue
            trow = spec.request_rows[p.template]
            if p.observed is None:
                keys = [f"requests.{trow.key}.{c.key}" for c in T.REQUEST_COLUMNS]
                if idx > last_bound:
                    continue  # trailing gap, reported below
                self.diag(
                    "row-missing",
                    f"table 三 has no row {trow.label!r}; its {len(keys)} cells are None",
                    None,
                    f"requests.{trow.key}",
                )
                continue
            row = observed[p.observed]
            if p.score < LABEL_MATCH:
                label = row.labels()[-1].display if row.labels() else "(no label)"
                self.diag(
                    "row-by-position",
                    f"table 三 row {label!r} taken as {trow.label!r} by its place in the table",
                    row.line,
                    f"requests.{trow.key}",
                )
            self._counts_row(
                row, [f"requests.{trow.key}.{c.key}" for c in T.REQUEST_COLUMNS], layout
            )
        trailing = [
            spec.request_rows[p.template] for p in pairs[last_bound + 1 :] if p.template is not None
        ]
        if trailing:
            last_line = observed[-1].line if observed else None
            self.need(
                "requests",
                f"table 三 stops after {len(spec.request_rows) - len(trailing)} of its "
                f"{len(spec.request_rows)} rows: the report is cut off or the table is incomplete",
                last_line,
                f"the row {trailing[0].label!r}",
                "truncated",
            )
        return build(RequestStats, self.values, "requests."), spec.version

    def _counts_row(self, row: Row, keys: Sequence[str], layout: Layout | None) -> None:
        _start, region = value_region(row)
        placement = place_values(region, len(keys), layout)
        if placement.cells is None:
            self._unplaced(row, placement.reason, keys)
            return
        for key, cell in zip(keys, placement.cells, strict=True):
            self.put(key, self.convert(cell, "count", key, row), cell)

    # table 四 ------------------------------------------------------------

    def appeals(self, rows: list[Row]) -> AppealStats:
        keys = [k for k, _g, _c in T.appeal_fields()]
        value_rows = [
            r
            for r in rows
            if any(c is not None and c.kind is not CellKind.LABEL for c in value_region(r)[1])
        ]
        if not value_rows:
            line = rows[-1].line if rows else None
            self.need(
                "appeals",
                "table 四 (行政复议、行政诉讼) has no row of numbers",
                line,
                "a row of 15 numbers: 行政复议 ×5, 未经复议直接起诉 ×5, 复议后起诉 ×5",
                "missing-table",
            )
            return AppealStats()
        grouped = self._appeals_by_group(value_rows)
        if grouped:
            return build(AppealStats, self.values, "appeals.")
        if len(value_rows) == 1:
            self._counts_row(value_rows[0], keys, None)
        else:
            cells: list[Cell | None] = []
            for r in value_rows:
                _s, region = value_region(r)
                placement = place_values(region, len(region))
                cells.extend(placement.cells or ())
            filled = [c for c in cells if c is not None]
            if len(filled) == len(keys):
                self.diag(
                    "table-split",
                    f"table 四's 15 numbers stand on {len(value_rows)} rows; read in order",
                    value_rows[0].line,
                )
                for key, cell in zip(keys, filled, strict=True):
                    self.put(key, self.convert(cell, "count", key, value_rows[0]), cell)
            else:
                for r in value_rows:
                    self._unplaced(
                        r,
                        f"table 四 has {len(filled)} numbers on {len(value_rows)} rows, "
                        "expected 15",
                    )
        return build(AppealStats, self.values, "appeals.")

    def _appeals_by_group(self, rows: list[Row]) -> bool:
        """Rows labelled 行政复议 / 未经复议直接起诉 / 复议后起诉 with five numbers each."""
        found = 0
        for r in rows:
            labels = r.labels()
            if not labels:
                return False
            key = label_key(labels[-1].text)
            group = next((g for g in reversed(T.APPEAL_GROUPS) if label_key(g.label) in key), None)
            if group is None:
                return False
            keys = [f"appeals.{group.key}.{c.key}" for c in T.APPEAL_COLUMNS]
            self._counts_row(r, keys, None)
            found += 1
        return found > 0

    # ------------------------------------------------------------------ cells

    def convert(
        self,
        cell: Cell | None,
        kind: T.ValueKind,
        key: str,
        row: Row,
        unit_label: str = "",
        version: Template | None = None,
    ) -> int | Decimal | None:
        if cell is None:
            self.diag("cell-blank", f"{key} is blank; taken as None (not 0)", row.line, key)
            return None
        if cell.kind is CellKind.PLACEHOLDER:
            self.diag(
                "cell-placeholder",
                f"{key} holds {cell.display!r}; taken as None (not 0)",
                cell.line,
                key,
            )
            return None
        if cell.kind is CellKind.LABEL or cell.value is None:
            self.diag(
                "cell-not-number",
                f"{key} holds {cell.display!r}, not a number; taken as None",
                cell.line,
                key,
            )
            return None
        value = cell.value
        if kind == "money":
            unit = cell.unit or _unit_in(unit_label)
            if unit is None:
                self.diag(
                    "unit-unknown",
                    f"{key} = {cell.display!r} has no unit in the cell or the header; "
                    "not converted to 万元, taken as None",
                    cell.line,
                    key,
                )
                return None
            if unit == "元":
                converted = value / Decimal(10000)
                self.diag(
                    "unit-converted",
                    f"{key} = {cell.display!r} in 元, converted to {converted} 万元",
                    cell.line,
                    key,
                )
                return converted
            return value
        if cell.kind is CellKind.AMOUNT:
            self.diag(
                "cell-not-number",
                f"{key} holds an amount of money {cell.display!r}, not a count",
                cell.line,
                key,
            )
            return None
        if value != value.to_integral_value():
            self.diag(
                "cell-fraction",
                f"{key} holds {cell.display!r}, not a whole number; taken as None",
                cell.line,
                key,
            )
            return None
        if cell.kind is CellKind.SIGNED and kind == "count":
            self.diag(
                "cell-signed",
                f"{key} holds a signed value {cell.display!r} in a count column",
                cell.line,
                key,
            )
        return int(value)

    def _unplaced(self, row: Row, reason: str, keys: Sequence[str] = ()) -> None:
        cells = [c.display for c in value_region(row)[1] if c is not None]
        target = f" for {keys[0].rsplit('.', 1)[0]}" if keys else ""
        self.diag(
            "row-unplaced",
            f"row {row.display()!r}{target}: {reason}; values {cells} are not placed (fields None)",
            row.line,
            keys[0].rsplit(".", 1)[0] if keys else None,
        )

    # ------------------------------------------------------------------ prose

    def section(self, part: _Part | None, fallback_title: str) -> Section:
        if part is None:
            return Section(fallback_title, "")
        title = _DISPLAY_NUMBERING.sub("", part.heading.display) if part.heading else fallback_title
        title = (
            _DISPLAY_SUB.sub("", title)
            if part.heading and _SUB_NUMERAL.match(part.heading.text)
            else title
        )
        text = self._text(part.items)
        subs = tuple(self._subsection(s) for s in part.subsections)
        return Section(title.strip(), text, subs)

    def _subsection(self, raw: RawSection) -> Section:
        assert raw.heading is not None
        head = _DISPLAY_SUB.sub("", raw.heading.display).strip()
        title, first = _split_title(head)
        text = self._text(raw.items)
        if first:
            text = first + ("\n" + text if text else "")
        return Section(title, text, tuple(self._subsection(s) for s in raw.subsections))

    def _text(self, items: Iterable[Prose | Row]) -> str:
        lines = []
        for it in items:
            if isinstance(it, Prose):
                lines.append(it.display)
            elif id(it) not in self.consumed:
                lines.append(it.display())
        return "\n".join(lines)


# ---------------------------------------------------------------------- row helpers


def _rows(part: _Part) -> Iterable[Row]:
    for it in part.items:
        if isinstance(it, Row):
            yield it
    for sub in part.subsections:
        yield from _raw_rows(sub)


def _raw_rows(raw: RawSection) -> Iterable[Row]:
    for it in raw.items:
        if isinstance(it, Row):
            yield it
    for sub in raw.subsections:
        yield from _raw_rows(sub)


def _has_values(row: Row) -> bool:
    return any(c is not None and c.kind is not CellKind.LABEL for c in row.cells)


def _row_kind(row: Row) -> str | None:
    labels = [label_key(c.text) for c in row.labels()]
    if any(_BLOCK.search(c.text) for c in row.labels()):
        return "t2"
    if _has_values(row) or not labels:
        return None
    if any(w in k for k in labels for w in _T3_HEADER_WORDS):
        return "t3"
    if any(w in k for k in labels for w in _T4_HEADER_WORDS):
        return "t4"
    return None


def _starts_table3(row: Row) -> bool:
    labels = row.labels()
    return (
        bool(labels)
        and similarity(label_key(labels[0].text), label_key(T.REQUEST_ROWS_2021[0].label)) >= 0.9
    )


def _looks_like_table4_values(row: Row) -> bool:
    return not row.labels() and sum(1 for c in row.cells if c is not None) >= 15


_ROW_NUMBERING = re.compile(r"^(?:[一二三四]、|\([一二三四五六七]\)|\d+\.)")


def _is_request_data_row(row: Row) -> bool:
    """A row of table 三 that carries (or should carry) numbers, not a header row."""
    if _has_values(row):
        return True
    labels = row.labels()
    if not labels or not _ROW_NUMBERING.match(labels[-1].text):
        return False
    key = label_key(labels[-1].text)
    return any(
        similarity(key, label_key(r.label)) >= 0.9
        for r in T.REQUEST_ROWS_2021 + T.REQUEST_ROWS_2019
    )


def _request_scores(observed: Sequence[Row], rows: Sequence[T.RequestRow]) -> list[list[float]]:
    keys = tuple(tuple([label_key(r.label), *(label_key(a) for a in r.aliases)]) for r in rows)
    out = []
    for o in observed:
        labels = o.labels()
        okey = label_key(labels[-1].text) if labels else ""
        out.append(list(_label_scores(okey, keys)))
    return out


@functools.lru_cache(maxsize=4096)
def _label_scores(okey: str, keys: tuple[tuple[str, ...], ...]) -> tuple[float, ...]:
    """An observed label's best similarity to each template row (its label or an alias)."""
    return tuple(max(similarity(okey, k) for k in ks) for ks in keys)


def _align_requests(observed: Sequence[Row], rows: Sequence[T.RequestRow]) -> list[Pair]:
    return align(_request_scores(observed, rows), len(rows))


def _find_proactive_row(
    spec: T.TemplateSpec, block: T.ProactiveBlock | None, label: str
) -> tuple[T.ProactiveBlock, T.ProactiveRow] | None:
    key = label_key(label)
    best: tuple[float, T.ProactiveBlock, T.ProactiveRow] | None = None
    for b in spec.proactive:
        for r in b.rows:
            s = max(similarity(key, label_key(x)) for x in (r.label, *r.aliases))
            if b is block:
                s += 0.01  # the block the row stands in wins a tie
            if s >= 0.8 and (best is None or s > best[0]):
                best = (s, b, r)
    return (best[1], best[2]) if best else None


def _cell_texts(cells: Iterable[Cell | None]) -> tuple[str, ...]:
    return tuple(c.display if c is not None else "" for c in cells)


def _unit_in(label: str) -> str | None:
    if "万元" in label:
        return "万元"
    if "元" in label:
        return "元"
    return None


def _split_title(head: str) -> tuple[str, str]:
    """「主动公开情况。以贯彻…」 → (「主动公开情况」, 「以贯彻…」)."""
    m = re.search(r"[。:：]", head)
    if m is None or m.end() == len(head):
        return head.rstrip("。:："), ""
    return head[: m.start()].strip(), head[m.end() :].strip()


# ---------------------------------------------------------------------- front matter


def _metadata(rows: Iterable[Row]) -> tuple[tuple[str, str], ...]:
    pairs: list[tuple[str, str]] = []
    for row in rows:
        cells = [c for c in row.cells]
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
    if counts:
        return counts.most_common(1)[0][0]
    return None


def _organ(title_display: str | None, title_match: str | None, preamble: str) -> str | None:
    if title_display and title_match:
        m = _YEAR.search(title_match)
        if m and m.start() > 0:
            organ = title_display[: m.start()].strip(" 　:：")
            for suffix in ("关于", "關於"):
                organ = organ.removesuffix(suffix)
            return organ or None
    from .normalize import match_text

    m = _ORGAN_BY.search(match_text(preamble))
    if m:
        return preamble[m.start(1) : m.end(1)].strip()
    return None


def _signature(part: _Part | None, binder: _Binder) -> tuple[str | None, datetime.date | None]:
    """The organ and date that close the report, removed from section 六's text."""
    if part is None:
        return None, None
    items = part.items if not part.subsections else None
    if items is None:
        last = part.subsections[-1]
        items_list = list(last.items)
    else:
        items_list = items
    if not items_list or not isinstance(items_list[-1], Prose):
        return None, None
    m = _DATE_LINE.match(items_list[-1].text.replace(" ", ""))
    if m is None:
        return None, None
    try:
        date = datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None, None
    signer: str | None = None
    drop = 1
    if len(items_list) >= 2 and isinstance(items_list[-2], Prose):
        prev = items_list[-2].display.strip()
        if len(prev) <= 40 and not re.search(r"[。，,；;：:]", prev):
            signer = prev
            drop = 2
    del_from = len(items_list) - drop
    if items is not None:
        del part.items[del_from:]
    else:
        last = part.subsections[-1]
        part.subsections[-1] = RawSection(
            last.heading, tuple(items_list[:del_from]), last.subsections
        )
    return signer, date


# ---------------------------------------------------------------------- entry


def _version_evidence(t2_rows: Sequence[Row]) -> Template | None:
    v19 = {label_key(c.label) for b in T.PROACTIVE_2019 for c in b.columns} - {
        label_key(c.label) for b in T.PROACTIVE_2021 for c in b.columns
    }
    v21 = {label_key(c.label) for b in T.PROACTIVE_2021 for c in b.columns} - v19
    score19 = score21 = 0
    for row in t2_rows:
        for c in row.labels():
            k = label_key(c.text)
            score19 += any(x in k for x in v19)
            score21 += any(x in k for x in v21)
            if _BLOCK.search(c.text) and _BLOCK.search(c.text).group(1) == "九":  # type: ignore[union-attr]
                score19 += 1
    if score19 > score21:
        return Template.V2019
    if score21 > score19:
        return Template.V2021
    return None


def bind(doc: Document, norm: NormalizedText, *, partial: bool = False) -> Report:
    """Map a transformed document onto the template and build the report."""
    b = _Binder(norm, partial)
    parts = b.parts(doc)
    by_key = {p.key: p for p in parts}
    tables = b.split_tables(parts)
    if not tables["t3"] and not tables["t4"] and not tables["t2"] and len(by_key) < 3:
        line = 1 if norm.match else None
        raise b.fail(
            "this text is not a government information-disclosure annual report: "
            "it has none of the template's section headings and none of its tables",
            line,
            "the headings 一、总体情况 … 六、其他需要报告的事项 and tables 二, 三 and 四",
            "not-a-report",
        )
    front = doc.front
    front_prose = [it for it in front.items if isinstance(it, Prose)]
    front_rows = [it for it in front.items if isinstance(it, Row) and id(it) not in b.consumed]
    if "front" in by_key:
        front_prose.extend(it for it in by_key["front"].items if isinstance(it, Prose))
    title_item = next(
        (p for p in front_prose if any(w in p.text for w in _TITLE_WORDS) and len(p.text) <= 80),
        None,
    )
    preamble_items = []
    for p in front_prose:
        if p is title_item:
            continue
        if (
            title_item is not None
            and label_key(p.text)
            and label_key(p.text) in label_key(title_item.text)
        ):
            continue  # the title again, split over lines
        preamble_items.append(p.display)
    preamble = "\n".join(preamble_items)
    title = title_item.display if title_item else None

    # template version: table 二's columns, else the year
    year = _year(
        title_item.text if title_item else None,
        [p.text for p in front_prose]
        + [
            it.text
            for part in parts
            if part.key == "overview"
            for it in part.items
            if isinstance(it, Prose)
        ]
        + [
            it.text
            for part in parts
            if part.key == "overview"
            for s in part.subsections
            for it in s.items
            if isinstance(it, Prose)
        ],
    )
    version = _version_evidence(tables["t2"])
    if version is None:
        version = Template.V2019 if year is not None and year <= 2020 else Template.V2021
        if tables["t2"]:
            b.diag(
                "template-inferred",
                f"table 二's columns do not tell the template; {version.value} taken from the year",
                tables["t2"][0].line,
            )

    if not tables["t2"]:
        b.need(
            "proactive",
            "table 二 (主动公开政府信息情况) was not found",
            by_key["proactive"].heading.line
            if "proactive" in by_key and by_key["proactive"].heading
            else None,
            "blocks headed 第二十条第（一）项 … with their rows of numbers",
            "missing-table",
        )
    proactive = b.proactive(tables["t2"], version)
    if not tables["t3"]:
        b.need(
            "requests",
            "table 三 (收到和处理政府信息公开申请情况) was not found",
            by_key["requests"].heading.line
            if "requests" in by_key and by_key["requests"].heading
            else None,
            "the table of applications with rows 一、本年新收… to 四、结转下年度继续办理",
            "missing-table",
        )
        requests = RequestStats()
    else:
        requests, t3_version = b.requests(tables["t3"], version)
        if not tables["t2"]:
            version = t3_version
    appeals = b.appeals(tables["t4"]) if tables["t4"] or not b.partial else AppealStats()
    if not tables["t4"] and b.partial:
        b.missing.append("appeals")

    for key in ("overview", "problems", "other_matters"):
        if key not in by_key:
            h = next(h for h in T.HEADINGS if h.key == key)
            b.need(
                key,
                f"section {h.numeral}、{h.label} was not found",
                None,
                f"a heading {h.numeral}、{h.label}",
                "missing-section",
            )
    signed_by, signed_on = _signature(by_key.get("other_matters"), b)
    organ = _organ(title, title_item.text if title_item else None, preamble)
    report = Report(
        template=version,
        script=norm.script,
        overview=b.section(by_key.get("overview"), "总体情况"),
        proactive=proactive,
        requests=requests,
        appeals=appeals,
        problems=b.section(by_key.get("problems"), "存在的主要问题及改进情况"),
        other_matters=b.section(by_key.get("other_matters"), "其他需要报告的事项"),
        title=title,
        organ=organ,
        year=year,
        preamble=preamble,
        signed_by=signed_by,
        signed_on=signed_on,
        metadata=_metadata(front_rows),
        missing=tuple(b.missing),
        diagnostics=tuple(norm.diagnostics) + tuple(b.diagnostics),
        locations=b.locations,
    )
    return report

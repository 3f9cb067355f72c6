"""Tables 二, 三 and 四: finding their rows, binding them to the template, reading the cells.

Rows are found in document order: a 第二十条第（N）项 title starts table 二, the 勾稽 note or
the 申请人情况 header (or the row 一、本年新收…) starts table 三, the 行政复议/行政诉讼
header starts table 四, and a section heading sets the table of its section.  Inside a table,
a line without separators is read by :mod:`._glued`; a label wrapped onto its own line is
joined to the row that follows it; values written one per line are joined to their row.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from decimal import Decimal

from attrs import define, field

from . import template as T
from ._align import LABEL_MATCH, Pair, align, alignment_score, similarity
from ._cells import Layout, place_values, value_region
from ._context import Context
from ._glued import read_line
from ._paths import build
from ._sections import Part
from ._split import Group, split_run, total_rule
from .model import (
    AppealStats,
    ExtraRow,
    Proactive2019,
    Proactive2021,
    RequestStats,
    Template,
)
from .normalize import label_key
from .transform import Cell, CellKind, Prose, Row

__all__ = ["Tables", "appeals", "collect", "proactive", "requests", "version_evidence"]

BLOCK = re.compile(r"第二十条第\(([一二三四五六七八九十]+)\)项")
# header cells that start a table (a header row has no numbers); 勾稽关系 is the core of the note
_T3_HEADER_WORDS = tuple(
    label_key(w)
    for w in ("勾稽关系", T.REQUEST_APPLICANTS, T.REQUEST_COLUMNS[0].label, T.REQUEST_LEGAL_PERSONS)
)
_T4_HEADER_WORDS = tuple(
    label_key(w)
    for w in (
        T.APPEAL_LITIGATION,
        *(g.label for g in T.APPEAL_GROUPS),
        *(c.label for c in T.APPEAL_COLUMNS[:-1]),
    )
)
_ROW_NUMBERING = re.compile(r"^(?:[一二三四]、|\([一二三四五六七]\)|\d+\.)")
_SECTION_TABLE = {"proactive": "t2", "requests": "t3", "appeals": "t4"}
_WIDTH = {  # the most cells a row can hold
    "t2": max(len(b.columns) for s in T.SPECS.values() for b in s.proactive),
    "t3": len(T.REQUEST_COLUMNS),
    "t4": len(T.APPEAL_COLUMNS) * len(T.APPEAL_GROUPS),
}
_FRAGMENT_MAX = 40  # a wrapped label is short and is not a sentence


@define
class Tables:
    rows: dict[str, list[Row]] = field(factory=lambda: {"t2": [], "t3": [], "t4": []})
    prefix: dict[int, str] = field(factory=dict)  # id(row) → wrapped label lines before it
    first_line: dict[str, int] = field(factory=dict)


# ---------------------------------------------------------------------- finding the rows


def _labels_of(mode: str) -> list[str]:
    if mode == "t2":
        return [x for s in T.SPECS.values() for b in s.proactive for r in b.rows
                for x in (r.label, *r.aliases)]  # fmt: skip
    if mode == "t3":
        return [r.label for s in T.SPECS.values() for r in s.request_rows]
    return [g.label for g in T.APPEAL_GROUPS]


@functools.cache
def _label_ok(mode: str) -> Callable[[str], bool]:
    """Whether a label names a row of the table ``mode`` (built once per table)."""
    keys = [label_key(x) for x in _labels_of(mode)]

    def ok(text: str) -> bool:
        k = label_key(text)
        return bool(k) and max(similarity(k, x) for x in keys) >= LABEL_MATCH

    return ok


@functools.lru_cache(maxsize=4096)
def _numbering(text: str) -> str | None:
    """The numbering the template writes before a table 三 item label (「5」)."""
    k = label_key(text)
    best, score = None, 0.0
    for number, key in _NUMBERED:
        sc = similarity(k[: len(key) + 2], key)
        if sc > score:
            best, score = number, sc
    return best if score >= LABEL_MATCH else None


# (numbering, label key) of every numbered table 三 row of both templates, in template order
_NUMBERED: tuple[tuple[str, str], ...] = tuple(
    (m.group(1), label_key(m.group(2)))
    for s in T.SPECS.values()
    for r in s.request_rows
    if (m := re.match(r"^(\d+)\.(.*)$", r.label)) is not None
)


def collect(parts: Sequence[Part], ctx: Context) -> Tables:
    """The rows of tables 二, 三 and 四, in document order."""
    tables = Tables()
    for part in parts:
        mode = _SECTION_TABLE.get(part.key)
        pending: list[Prose] = []
        for item in part.everything():
            if isinstance(item, Prose):
                read = _prose_in_table(item, mode, ctx)
                if read is None:
                    if mode is not None and _fragment(item):
                        pending.append(item)
                    else:
                        pending = []
                    continue
                mode, rows = read
            else:
                rows = [item]
            for row in rows:
                kind = _row_kind(row)
                if kind is not None:
                    mode = kind
                elif mode in (None, "t2") and _starts_table3(row):
                    mode = "t3"
                elif mode == "t3" and _looks_like_table4_values(row):
                    mode = "t4"
                if mode is None:
                    _outside(row, part.key, ctx)
                    continue
                table = tables.rows[mode]
                if pending and _has_values(row):
                    row = _with_prefix(row, pending, tables)
                    for p in pending:
                        ctx.consumed.add(id(p))
                    pending = []
                if not _join_values(table, row, mode, ctx):
                    table.append(row)
                ctx.consumed.add(id(row))
                if isinstance(item, Prose):
                    ctx.consumed.add(id(item))
                tables.first_line.setdefault(mode, row.line)
    return tables


def _outside(row: Row, part: str, ctx: Context) -> None:
    """A row of numbers outside tables 二/三/四 is kept as text of its section, and named."""
    numbers = [c.display for c in row.cells if c is not None and c.kind is not CellKind.LABEL]
    if len(numbers) >= 2:
        ctx.diag(
            "row-outside-tables",
            f"row {row.display()!r} in {part} is not part of tables 二/三/四; its numbers "
            f"{numbers} stay in the section's text",
            row.line,
        )


def _with_prefix(row: Row, pending: list[Prose], tables: Tables) -> Row:
    """A label wrapped onto lines of its own, joined to the row of numbers that follows."""
    text = "".join(p.text for p in pending)
    if row.labels():
        tables.prefix[id(row)] = text
        return row
    display = "".join(p.display for p in pending)
    label = Cell(CellKind.LABEL, text, display, pending[0].line, 1)
    return Row(row.line, (label, *row.cells))


def _prose_in_table(item: Prose, mode: str | None, ctx: Context) -> tuple[str, list[Row]] | None:
    """A prose line read as table rows (cells parted by spaces or glued), with its table."""
    if not any(ch.isdigit() for ch in item.text):
        return None
    for m in ([mode] if mode is not None else []) + ["t3"]:
        rows = read_line(item, _label_ok(m), _numbering)
        if rows is None:
            continue
        if mode is None and not (rows[0].labels() and _starts_table3(rows[0])):
            return None
        if any(c is not None and c.kind is CellKind.RUN for r in rows for c in r.cells):
            ctx.diag(
                "cells-glued",
                f"line {item.display!r} has no cell separators; read as {len(rows)} row(s)",
                item.line,
            )
        return m, rows
    return None


def _fragment(item: Prose) -> bool:
    text = item.text
    return len(text) <= _FRAGMENT_MAX and not re.search(r"[。;；]", text)


def _join_values(table: list[Row], row: Row, mode: str, ctx: Context) -> bool:
    """Values on lines of their own (「70」, 「2」, …) belong to the row above, until it is full."""
    if row.labels() or not table or not _has_values(row):
        return False
    prev = table[-1]
    width = _WIDTH.get(mode, 3)
    have = sum(1 for c in value_region(prev)[1] if c is not None)
    add = sum(1 for c in row.cells if c is not None)
    if not prev.labels() and mode != "t4":
        return False
    if have == 0 or have >= width or have + add > width:
        return False
    table[-1] = Row(prev.line, prev.cells + tuple(c for c in row.cells if c is not None))
    ctx.diag(
        "row-joined",
        f"values on line of their own joined to the row above ({have + add} of {width})",
        row.line,
    )
    return True


def _has_values(row: Row) -> bool:
    return any(c is not None and c.kind is not CellKind.LABEL for c in row.cells)


def _row_kind(row: Row) -> str | None:
    labels = row.labels()
    if any(BLOCK.search(c.text) for c in labels):
        return "t2"
    if _has_values(row) or not labels:
        return None
    keys = [label_key(c.text) for c in labels]
    if any(w in k for k in keys for w in _T3_HEADER_WORDS):
        return "t3"
    if any(w in k for k in keys for w in _T4_HEADER_WORDS):
        return "t4"
    return None


def _starts_table3(row: Row) -> bool:
    labels = row.labels()
    first = label_key(T.REQUEST_ROWS_2021[0].label)
    return bool(labels) and similarity(label_key(labels[0].text), first) >= 0.9


def _looks_like_table4_values(row: Row) -> bool:
    return not row.labels() and sum(1 for c in row.cells if c is not None) >= 15


# ---------------------------------------------------------------------- cells


@define
class _Ambiguous:
    row: Row
    keys: list[str]
    candidates: tuple[tuple[int, ...], ...]
    count: int
    complete: bool = True


_INTEGER = re.compile(r"\d+")


def _runs(region: Sequence[Cell | None], n: int) -> tuple[str, frozenset[int], Cell] | None:
    """Digits of a region made of glued runs, with the cut positions separators gave.

    Runs read from separator-less lines are always candidates; plain whole numbers are when
    there are fewer of them than columns, enough digits for every column and no blank cell
    among them (「200020000000000」 on a line of its own is table 四's fifteen cells).
    """
    values = [c for c in region if c is not None]
    if not values:
        return None
    if any(c.kind is not CellKind.RUN for c in values):
        plain = all(c.kind is CellKind.NUMBER and not c.unit and _INTEGER.fullmatch(c.text)
                    for c in values)  # fmt: skip
        if not plain or len(values) >= n or sum(len(c.text) for c in values) < n:
            return None
        filled = [i for i, c in enumerate(region) if c is not None]
        if filled[-1] - filled[0] + 1 != len(filled):
            return None  # a blank cell between numbers: the row keeps its columns
    digits, bounds = "", set()
    for c in values:
        if digits:
            bounds.add(len(digits))
        digits += c.text
    return digits, frozenset(bounds), values[0]


def _number_cell(at: Cell, value: int) -> Cell:
    return Cell(CellKind.NUMBER, str(value), str(value), at.line, at.column, Decimal(value))


def _place(
    row: Row, keys: Sequence[str], groups: Sequence[Group], layout: Layout | None, ctx: Context
) -> tuple[Cell | None, ...] | _Ambiguous | None:
    """The row's cells in template columns; an _Ambiguous when a glued run splits many ways."""
    _start, region = value_region(row)
    n = len(keys)
    runs = _runs(region, n)
    if runs is not None:
        digits, bounds, at = runs
        if len(bounds) + 1 == n:  # one number per run: nothing to split
            parts = [c for c in region if c is not None]
            if all(p.text == "0" or not p.text.startswith("0") for p in parts):
                return tuple(_number_cell(p, int(p.text)) for p in parts)
        result = split_run(digits, groups, bounds, budget=min(20_000, ctx.split_budget))
        ctx.split_budget -= result.steps
        unique = result.unique
        if unique is not None:
            if len(bounds) + 1 != n:
                ctx.diag(
                    "cells-split",
                    f"digits {digits!r} split into {n} cells {list(unique)}: the only split "
                    "that satisfies the row's arithmetic",
                    row.line,
                    keys[0].rsplit(".", 1)[0],
                )
            return tuple(_number_cell(at, v) for v in unique)
        return _Ambiguous(row, list(keys), result.candidates, result.count, result.complete)
    placement = place_values(region, n, layout)
    if placement.cells is None:
        _unplaced(row, placement.reason, keys, ctx)
        return None
    return placement.cells


def _put_row(
    row: Row,
    keys: Sequence[str],
    cells: Sequence[Cell | None],
    kinds: Sequence[T.ValueKind],
    ctx: Context,
    units: Sequence[str] = (),
) -> None:
    for i, (key, cell, kind) in enumerate(zip(keys, cells, kinds, strict=True)):
        unit = units[i] if i < len(units) else ""
        ctx.put(key, convert(cell, kind, key, row, ctx, unit), cell)


def _ambiguous(amb: _Ambiguous, ctx: Context) -> None:
    shown = ", ".join(str(list(c)) for c in amb.candidates[:6])
    more = f" and {amb.count - 6} more" if amb.count > 6 else ""
    what = "no split satisfies" if not amb.candidates else f"{amb.count} splits satisfy"
    if not amb.complete:
        what = f"too many ways to cut them (search stopped; {amb.count} found so far) satisfy"
    ctx.diag(
        "cells-ambiguous",
        f"digits {''.join(c.text for c in value_region(amb.row)[1] if c is not None)!r}: "
        f"{what} the arithmetic ({shown}{more}); the cells are left None",
        amb.row.line,
        amb.keys[0].rsplit(".", 1)[0],
    )


def _unplaced(row: Row, reason: str, keys: Sequence[str], ctx: Context) -> None:
    cells = [c.display for c in value_region(row)[1] if c is not None]
    target = keys[0].rsplit(".", 1)[0] if keys else None
    ctx.diag(
        "row-unplaced",
        f"row {row.display()!r}{f' for {target}' if target else ''}: {reason}; "
        f"values {cells} are not placed (fields None)",
        row.line,
        target,
    )


def convert(
    cell: Cell | None, kind: T.ValueKind, key: str, row: Row, ctx: Context, unit_label: str = ""
) -> int | Decimal | None:
    """A cell's value for a column kind; None (with a diagnostic) when it holds no number."""
    if cell is None:
        ctx.diag("cell-blank", f"{key} is blank; taken as None (not 0)", row.line, key)
        return None
    if cell.kind is CellKind.PLACEHOLDER:
        ctx.diag(
            "cell-placeholder",
            f"{key} holds {cell.display!r}; taken as None (not 0)",
            cell.line,
            key,
        )
        return None
    if cell.kind in (CellKind.LABEL, CellKind.RUN) or cell.value is None:
        ctx.diag(
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
            ctx.diag(
                "unit-unknown",
                f"{key} = {cell.display!r} has no unit in the cell or the header; "
                "not converted to 万元, taken as None",
                cell.line,
                key,
            )
            return None
        if unit == "元":
            converted = value / Decimal(10000)
            ctx.diag(
                "unit-converted",
                f"{key} = {cell.display!r} in 元, converted to {converted} 万元",
                cell.line,
                key,
            )
            return converted
        return value
    if cell.kind is CellKind.AMOUNT:
        ctx.diag(
            "cell-not-number",
            f"{key} holds an amount of money {cell.display!r}, not a count",
            cell.line,
            key,
        )
        return None
    if value != value.to_integral_value():
        ctx.diag(
            "cell-fraction",
            f"{key} holds {cell.display!r}, not a whole number; taken as None",
            cell.line,
            key,
        )
        return None
    if cell.kind is CellKind.SIGNED and kind == "count":
        ctx.diag(
            "cell-signed",
            f"{key} holds a signed value {cell.display!r} in a count column",
            cell.line,
            key,
        )
    return int(value)


def _unit_in(label: str) -> str | None:
    if "万元" in label:
        return "万元"
    if "元" in label:
        return "元"
    return None


# ---------------------------------------------------------------------- table 二


def version_evidence(rows: Sequence[Row]) -> Template | None:
    """The template table 二's column headers (and a （九） block) point to, if any."""
    cols = {
        v: {label_key(c.label) for b in T.spec(v).proactive for c in b.columns} for v in Template
    }
    only19 = cols[Template.V2019] - cols[Template.V2021]
    only21 = cols[Template.V2021] - cols[Template.V2019]
    score19 = score21 = 0
    for row in rows:
        for c in row.labels():
            k = label_key(c.text)
            score19 += any(x in k for x in only19)
            score21 += any(x in k for x in only21)
            m = BLOCK.search(c.text)
            if m and m.group(1) == "九":
                score19 += 1
    if score19 != score21:
        return Template.V2019 if score19 > score21 else Template.V2021
    return None


def proactive(
    rows: Sequence[Row], version: Template, ctx: Context
) -> Proactive2019 | Proactive2021:
    spec = T.spec(version)
    blocks = {b.item: b for b in spec.proactive}
    block: T.ProactiveBlock | None = None
    header: list[str] = []
    extra: list[ExtraRow] = []
    for row in rows:
        labels = row.labels()
        title = next((m for c in labels if (m := BLOCK.search(c.text))), None)
        if title is not None:
            block = blocks.get(title.group(1))
            header = []
            if block is None:
                ctx.diag(
                    "block-unknown",
                    f"block {title.group(0)} is not in the {version.value} template; "
                    "its rows are kept as extra rows",
                    row.line,
                )
            continue
        _start, region = value_region(row)
        if not labels:
            if any(c is not None for c in region):
                _unplaced(row, "table 二 row without a label", (), ctx)
            continue
        first = label_key(labels[0].text)
        if first == label_key(T.PROACTIVE_HEADER):
            header = [c.text for c in labels[1:]]
            continue
        found = _find_proactive_row(spec, block, labels[0].text)
        if not any(c is not None for c in region) and (found is None or len(labels) > 1):
            continue  # a header row (「规章 | 行政规范性文件」 is not a row of data)
        if found is None:
            texts = tuple(c.display if c is not None else "" for c in region)
            extra.append(ExtraRow(labels[0].display, texts, ctx.src(row.line)))
            ctx.diag(
                "row-extra",
                f"table 二 row {labels[0].display!r} is not in the {version.value} template; "
                f"kept in extra_rows with its cells {texts}",
                row.line,
            )
            continue
        fblock, frow = found
        keys = [
            f"proactive.{frow.key}" if fblock.scalar else f"proactive.{frow.key}.{col.key}"
            for col in fblock.columns
        ]
        placed = _place(row, keys, [(len(keys), None)], None, ctx)
        if isinstance(placed, _Ambiguous):
            _ambiguous(placed, ctx)
            continue
        if placed is None:
            continue
        units = [
            header[i] if i < len(header) else col.label for i, col in enumerate(fblock.columns)
        ]
        _put_row(row, keys, placed, [c.kind for c in fblock.columns], ctx, units)
    cls: type[Proactive2019 | Proactive2021] = (
        Proactive2019 if version is Template.V2019 else Proactive2021
    )
    ctx.values["proactive.extra_rows"] = tuple(extra)
    return build(cls, ctx.values, "proactive.")


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


# ---------------------------------------------------------------------- table 三


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


def _label_keys(row: Row, prefix: str | None) -> list[str]:
    labels = row.labels()
    keys = [label_key(labels[-1].text)] if labels else []
    if prefix:
        keys.append(label_key(prefix + (labels[-1].text if labels else "")))
        keys.append(label_key(prefix))
    return [k for k in keys if k] or [""]


def _align_requests(
    observed: Sequence[Row], rows: Sequence[T.RequestRow], prefix: dict[int, str]
) -> list[Pair]:
    canon = tuple(tuple([label_key(r.label), *(label_key(a) for a in r.aliases)]) for r in rows)
    okeys = tuple(tuple(_label_keys(o, prefix.get(id(o)))) for o in observed)
    return list(_aligned(okeys, canon))


@functools.lru_cache(maxsize=1024)
def _aligned(
    okeys: tuple[tuple[str, ...], ...], canon: tuple[tuple[str, ...], ...]
) -> tuple[Pair, ...]:
    """The alignment of observed label keys to template rows (most tables repeat the labels)."""
    return tuple(align([list(_label_scores(k, canon)) for k in okeys], len(canon)))


@functools.lru_cache(maxsize=4096)
def _label_scores(okeys: tuple[str, ...], canon: tuple[tuple[str, ...], ...]) -> tuple[float, ...]:
    """An observed row's best similarity to each template row (its label or an alias)."""
    return tuple(max(similarity(ok, k) for ok in okeys for k in ks) for ks in canon)


def requests(tables: Tables, version: Template, ctx: Context) -> tuple[RequestStats, Template]:
    observed = [r for r in tables.rows["t3"] if _is_request_data_row(r)]
    spec = T.spec(version)
    pairs = _align_requests(observed, spec.request_rows, tables.prefix)
    other = T.spec(Template.V2021 if version is Template.V2019 else Template.V2019)
    other_pairs = _align_requests(observed, other.request_rows, tables.prefix)
    if alignment_score(other_pairs) > alignment_score(pairs) + 1.0:
        ctx.diag(
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
    bound = [i for i, p in enumerate(pairs) if p.observed is not None and p.template is not None]
    last_bound = bound[-1] if bound else -1
    ambiguous: list[_Ambiguous] = []
    groups: list[Group] = [(len(T.REQUEST_COLUMNS), total_rule)]
    kinds: list[T.ValueKind] = ["count"] * len(T.REQUEST_COLUMNS)
    for idx, p in enumerate(pairs):
        if p.template is None:
            assert p.observed is not None
            row = observed[p.observed]
            ctx.diag(
                "row-extra",
                f"table 三 row {row.display()!r} matches no template row; its cells are not used",
                row.line,
            )
            continue
        trow = spec.request_rows[p.template]
        keys = [f"requests.{trow.key}.{c.key}" for c in T.REQUEST_COLUMNS]
        if p.observed is None:
            if idx < last_bound:
                ctx.diag(
                    "row-missing",
                    f"table 三 has no row {trow.label!r}; its {len(keys)} cells are None",
                    None,
                    f"requests.{trow.key}",
                )
            continue
        row = observed[p.observed]
        if p.score < LABEL_MATCH:
            label = row.labels()[-1].display if row.labels() else "(no label)"
            ctx.diag(
                "row-by-position",
                f"table 三 row {label!r} taken as {trow.label!r} by its place in the table",
                row.line,
                f"requests.{trow.key}",
            )
        placed = _place(row, keys, groups, layout, ctx)
        if isinstance(placed, _Ambiguous):
            ambiguous.append(placed)
        elif placed is not None:
            _put_row(row, keys, placed, kinds, ctx)
    for amb in _resolve_by_columns(ambiguous, spec, ctx):
        _ambiguous(amb, ctx)
    trailing = [
        spec.request_rows[p.template] for p in pairs[last_bound + 1 :] if p.template is not None
    ]
    if trailing:
        ctx.need(
            "requests",
            f"table 三 stops after {len(spec.request_rows) - len(trailing)} of its "
            f"{len(spec.request_rows)} rows: the report is cut off or the table is incomplete",
            observed[-1].line if observed else None,
            f"the row {trailing[0].label!r}",
            "truncated",
        )
    return build(RequestStats, ctx.values, "requests."), spec.version


def _resolve_by_columns(
    ambiguous: list[_Ambiguous], spec: T.TemplateSpec, ctx: Context
) -> list[_Ambiguous]:
    """Choose among a glued row's splits with the column rules of table 三, where they decide.

    Per column: 一 + 二 = （七）总计 + 四, and （七）总计 = the sum of the outcome rows.  A
    candidate survives when every rule whose other cells are all known holds.  Only a lone
    ambiguous row can be decided this way (with two, each one's cells are unknown).
    """
    if len(ambiguous) != 1:
        return ambiguous
    amb = ambiguous[0]
    outcome_rows = [
        r.key for r in spec.request_rows if r.path[0] == "outcomes" and r.path[1] != "total"
    ]
    identity = ["new_received", "carried_over", "outcomes.total", "carried_forward"]
    row_key = amb.keys[0][len("requests.") :].rsplit(".", 1)[0]
    survivors = []
    for cand in amb.candidates:
        trial = dict(zip(amb.keys, cand, strict=True))
        verdicts = []
        for col in T.REQUEST_COLUMNS:
            cells: dict[str, int] = {}
            for row in [*identity, *outcome_rows]:
                key = f"requests.{row}.{col.key}"
                value = trial.get(key, ctx.values.get(key))
                if isinstance(value, int):
                    cells[row] = value
            if row_key in identity and all(r in cells for r in identity):
                a, b, c, d = (cells[r] for r in identity)
                verdicts.append(a + b == c + d)
            outcome_side = [*outcome_rows, "outcomes.total"]
            if row_key in outcome_side and all(r in cells for r in outcome_side):
                total = sum(cells[r] for r in outcome_rows)
                verdicts.append(total == cells["outcomes.total"])
        if verdicts and all(verdicts):
            survivors.append(cand)
    if len(survivors) != 1 or amb.count != len(amb.candidates):
        return ambiguous
    ctx.diag(
        "cells-split",
        f"glued digits split as {list(survivors[0])}: of {amb.count} splits that satisfy "
        "the row total, the only one that satisfies the column rules",
        amb.row.line,
        amb.keys[0].rsplit(".", 1)[0],
    )
    at = next(c for c in value_region(amb.row)[1] if c is not None)
    cells_ = [_number_cell(at, v) for v in survivors[0]]
    _put_row(amb.row, amb.keys, cells_, ["count"] * len(cells_), ctx)
    return []


# ---------------------------------------------------------------------- table 四


def _group_named(row: Row) -> T.Column | None:
    """The one table 四 group a row's labels name (复议后起诉 before 行政复议: it contains 复议)."""
    names = set()
    for c in row.labels():
        k = label_key(c.text)
        for g in T.APPEAL_GROUPS:
            if label_key(g.label) in k and not (g.key == "reconsideration" and "复议后起诉" in k):
                names.add(g.key)
    if len(names) == 1:
        key = names.pop()
        return next(g for g in T.APPEAL_GROUPS if g.key == key)
    return None


def appeals(rows: Sequence[Row], ctx: Context) -> AppealStats:
    width = len(T.APPEAL_COLUMNS)
    five: list[Group] = [(width, total_rule)]
    kinds: list[T.ValueKind] = ["count"] * width
    value_rows: list[tuple[Row, T.Column | None]] = []
    current: T.Column | None = None
    for r in rows:
        named = _group_named(r)
        if not _has_values(r):
            current = named if named is not None else current
            continue
        value_rows.append((r, named or current))
        current = None
    if not value_rows:
        ctx.need(
            "appeals",
            "table 四 (行政复议、行政诉讼) has no row of numbers",
            rows[-1].line if rows else None,
            "a row of 15 numbers: 行政复议 ×5, 未经复议直接起诉 ×5, 复议后起诉 ×5",
            "missing-table",
        )
        return AppealStats()
    groups = [g for _r, g in value_rows]
    if (
        len(value_rows) > 1
        and None not in groups
        and len({g.key for g in groups if g}) == len(groups)
    ):
        for r, g in value_rows:
            assert g is not None
            keys = [f"appeals.{g.key}.{c.key}" for c in T.APPEAL_COLUMNS]
            placed = _place(r, keys, five, None, ctx)
            if isinstance(placed, _Ambiguous):
                _ambiguous(placed, ctx)
            elif placed is not None:
                _put_row(r, keys, placed, kinds, ctx)
        return build(AppealStats, ctx.values, "appeals.")
    keys = [k for k, _g, _c in T.appeal_fields()]
    if len(value_rows) == 1:
        row = value_rows[0][0]
        placed = _place(row, keys, five * len(T.APPEAL_GROUPS), None, ctx)
        if isinstance(placed, _Ambiguous):
            _ambiguous(placed, ctx)
        elif placed is not None:
            _put_row(row, keys, placed, kinds * len(T.APPEAL_GROUPS), ctx)
        return build(AppealStats, ctx.values, "appeals.")
    cells: list[Cell] = [c for r, _g in value_rows for c in value_region(r)[1] if c is not None]
    if len(cells) == len(keys) and not any(
        c.kind is CellKind.RUN and len(c.text) > 1 for c in cells
    ):
        ctx.diag(
            "table-split",
            f"table 四's 15 numbers stand on {len(value_rows)} rows; read in order",
            value_rows[0][0].line,
        )
        fixed = [_number_cell(c, int(c.text)) if c.kind is CellKind.RUN else c for c in cells]
        _put_row(value_rows[0][0], keys, fixed, kinds * len(T.APPEAL_GROUPS), ctx)
    else:
        for r, _g in value_rows:
            _unplaced(
                r,
                f"table 四 has {len(cells)} numbers on {len(value_rows)} rows, expected 15",
                (),
                ctx,
            )
    return build(AppealStats, ctx.values, "appeals.")

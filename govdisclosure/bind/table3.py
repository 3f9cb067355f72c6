"""Table 三 (收到和处理政府信息公开申请情况): rows matched to the template and bound."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from govdisclosure import template as T
from govdisclosure.bind.align import LABEL_MATCH, Pair, align, alignment_score, similarity
from govdisclosure.bind.cells import Layout, label_cells, value_region

# ---------------------------------------------------------------------- table 三
from govdisclosure.bind.collect import ROW_NUMBERING, Tables, has_values
from govdisclosure.bind.context import Context
from govdisclosure.bind.placement import (
    Ambiguous,
    number_cell,
    place_cells,
    put_row,
    report_ambiguous,
    report_header_shape,
)
from govdisclosure.bind.split import Group, total_rule
from govdisclosure.fieldpaths import build
from govdisclosure.model import (
    RequestStats,
    Template,
)
from govdisclosure.parse.transform import Row
from govdisclosure.read.fold import label_key

__all__ = ["is_request_data_row", "requests"]

_COLUMN_KEYS = tuple(label_key(c.label) for c in T.REQUEST_COLUMNS)


def is_request_data_row(row: Row) -> bool:
    """A row of table 三 that carries (or should carry) numbers, not a header row."""
    if has_values(row):
        return True
    labels = label_cells(row)
    if not labels or not ROW_NUMBERING.match(labels[-1].text):
        return False
    key = label_key(labels[-1].text)
    return any(
        similarity(key, label_key(r.label)) >= 0.9
        for r in T.REQUEST_ROWS_2021 + T.REQUEST_ROWS_2019
    )


def _label_keys(row: Row, prefix: str | None) -> list[str]:
    labels = label_cells(row)
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
    observed = [r for r in tables.rows["t3"] if is_request_data_row(r)]
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
    if observed:
        header = [r for r in tables.rows["t3"] if r.line < observed[0].line and not has_values(r)]
        report_header_shape(header, _COLUMN_KEYS, len(_COLUMN_KEYS), "三", ctx)
    layout = Layout()
    for p in pairs:
        if p.observed is not None and p.template is not None:
            layout.learn(observed[p.observed], len(T.REQUEST_COLUMNS))
    bound = [i for i, p in enumerate(pairs) if p.observed is not None and p.template is not None]
    last_bound = bound[-1] if bound else -1
    ambiguous: list[Ambiguous] = []
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
            labels = label_cells(row)
            label = labels[-1].display if labels else "(no label)"
            ctx.diag(
                "row-by-position",
                f"table 三 row {label!r} taken as {trow.label!r} by its place in the table",
                row.line,
                f"requests.{trow.key}",
            )
        placed = place_cells(row, keys, groups, layout, ctx)
        if isinstance(placed, Ambiguous):
            ambiguous.append(placed)
        elif placed is not None:
            put_row(row, keys, placed, kinds, ctx)
    for amb in _resolve_by_columns(ambiguous, spec, ctx):
        report_ambiguous(amb, ctx)
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
    ambiguous: list[Ambiguous], spec: T.TemplateSpec, ctx: Context
) -> list[Ambiguous]:
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
    cells_ = [number_cell(at, v) for v in survivors[0]]
    put_row(amb.row, amb.keys, cells_, ["count"] * len(cells_), ctx)
    return []

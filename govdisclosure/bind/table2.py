"""Table 二 (主动公开政府信息情况): the template version it shows, and its blocks bound."""

from __future__ import annotations

from collections.abc import Sequence

from govdisclosure import template as T
from govdisclosure.bind.align import similarity
from govdisclosure.bind.cells import Layout, label_cells, value_region

# ---------------------------------------------------------------------- table 二
from govdisclosure.bind.collect import BLOCK
from govdisclosure.bind.context import Context
from govdisclosure.bind.placement import (
    Ambiguous,
    place_cells,
    put_row,
    report_ambiguous,
    report_unplaced,
)
from govdisclosure.fieldpaths import build
from govdisclosure.model import (
    ExtraRow,
    Proactive2019,
    Proactive2021,
    Template,
)
from govdisclosure.parse.transform import Row
from govdisclosure.read.fold import label_key

__all__ = ["proactive", "version_evidence"]


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
    layout = _layout(rows, spec)
    for row in rows:
        labels = label_cells(row)
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
                report_unplaced(row, "table 二 row without a label", (), ctx)
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
        keys = [f"proactive.{frow.key}.{col.key}" for col in fblock.columns]
        placed = place_cells(row, keys, [(len(keys), None)], layout, ctx, fblock.item)
        if isinstance(placed, Ambiguous):
            report_ambiguous(placed, ctx)
            continue
        if placed is None:
            continue
        units = [
            header[i] if i < len(header) else col.label for i, col in enumerate(fblock.columns)
        ]
        put_row(row, keys, placed, [c.kind for c in fblock.columns], ctx, units)
    cls: type[Proactive2019 | Proactive2021] = (
        Proactive2019 if version is Template.V2019 else Proactive2021
    )
    ctx.values["proactive.extra_rows"] = tuple(extra)
    return build(cls, ctx.values, "proactive.")


def _layout(rows: Sequence[Row], spec: T.TemplateSpec) -> Layout:
    """The shapes of table 二's complete rows, per number of columns."""
    layout = Layout()
    for row in rows:
        labels = label_cells(row)
        found = _find_proactive_row(spec, None, labels[0].text) if labels else None
        if found is not None:
            layout.learn(row, len(found[0].columns), found[0].item)
    return layout


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

"""A report the way a person reads it, for ``govdisclosure parse`` (rich renderables).

Title, organ, year, template and script; tables 二, 三 and 四 laid out like the template with
their Chinese labels; then how many diagnostics and violations there are, the worst few listed.
"""

from __future__ import annotations

import collections
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any

from govdisclosure.check.registry import Severity
from govdisclosure.check.violation import Violation
from govdisclosure.model import Report
from govdisclosure.template.layout import Block, blocks
from govdisclosure.write.serialize import flatten

__all__ = ["BLANK", "cell_text", "depths", "report_view", "severity_rank"]

BLANK = "·"  # a cell the source left blank (None): never shown as 0
_SHOWN = 5  # violations and diagnostics listed under the tables
_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def severity_rank(v: Violation) -> int:
    """0 for errors, 1 warnings, 2 info; not-assessable ones after all the others."""
    return _RANK.get(v.severity, 0) + (0 if v.assessable else 3)


def cell_text(value: Any, kind: str = "count") -> str:
    if value is None:
        return BLANK
    if isinstance(value, Decimal):
        return format(value, "f")
    if kind == "signed" and isinstance(value, int) and value > 0:
        return f"+{value}"
    return str(value)


def depths(block: Block) -> dict[str | None, int]:
    """Indent of each group's rows: a group of rows one level below the table's own rows
    (三、本年度办理结果's （一）（二）（七）, 四's 行政诉讼) is one level in; a group of
    numbered rows inside it (（三）不予公开's 1.–8.) is two levels in."""
    least = min(r.key.count(".") for r in block.rows)
    top = {r.group for r in block.rows if r.group is not None and r.key.count(".") <= least + 1}
    return {g: (1 if g in top else 2) for g in {r.group for r in block.rows} if g} | {None: 0}


def _block_table(block: Block, flat: dict[str, Any], marked: set[str]) -> Any:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("", overflow="fold", max_width=48)
    for _key, label in block.columns:
        table.add_column(label, justify="right", overflow="fold", max_width=26)
    indent = depths(block)
    seen: set[str] = set()
    for row in block.rows:
        depth = indent.get(row.group, 0)
        if row.group is not None and row.group not in seen:
            seen.add(row.group)
            table.add_row(Text("  " * (depth - 1) + row.group), *[""] * len(block.columns))
        cells = [
            Text(cell_text(flat.get(key), kind), style="reverse yellow" if key in marked else "")
            for key, kind in zip(row.cells, block.kinds, strict=True)
        ]
        table.add_row("  " * depth + row.label, *cells)
    return table


def _tables(report: Report, flat: dict[str, Any], marked: set[str]) -> Iterator[Any]:
    from rich.text import Text

    title = None
    for block in blocks(report.template):
        head, _, item = block.title.partition(" · ")
        if head != title:
            title = head
            yield Text(head, style="bold")
        if item:
            yield Text(item, style="dim")
        yield _block_table(block, flat, marked)


def _front(report: Report) -> Iterator[str]:
    if report.title:
        yield f"[bold]{_esc(report.title)}[/bold]"
    facts = [
        ("organ", report.organ),
        ("year", report.year),
        ("template", report.template.value),
        ("script", report.script.value),
    ]
    yield "  ·  ".join(f"[dim]{k}[/dim] {_esc(str(v))}" for k, v in facts if v is not None)
    more = [
        ("credit code", report.credit_code),
        ("published", report.published_on),
        ("sha256", report.source_sha256[:12] + "…" if report.source_sha256 else None),
    ]
    shown = [f"[dim]{k}[/dim] {_esc(str(v))}" for k, v in more if v is not None]
    if shown:
        yield "  ·  ".join(shown)


def _esc(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _counts(counter: collections.Counter[str]) -> str:
    return ", ".join(f"{n} {k}" for k, n in counter.most_common())


def _findings(report: Report, violations: Sequence[Violation]) -> Iterator[Any]:
    from rich.table import Table
    from rich.text import Text

    judged = [v for v in violations if v.assessable]
    unjudged = len(violations) - len(judged)
    by_severity = collections.Counter(str(v.severity) for v in judged)
    head = Text(f"violations  {len(judged)}", style="bold")
    if judged:
        head.append(f" ({_counts(by_severity)})", style="")
    if unjudged:
        head.append(f"; {unjudged} rule checks not assessable (a blank cell)", style="dim")
    yield head
    listed = Table.grid(padding=(0, 1))
    for _ in range(3):
        listed.add_column(no_wrap=True)
    listed.add_column(overflow="fold")
    for v in sorted(judged, key=severity_rank)[:_SHOWN]:
        where = f"line {v.lines[0]}" if v.lines else ""
        severity = Text(str(v.severity), style=_STYLE.get(v.severity, ""))
        listed.add_row(" ", severity, v.rule, Text(f"{where}{': ' if where else ''}{v.message}"))
    if judged:
        yield listed
    if len(judged) > _SHOWN:
        yield Text(f"  … {len(judged) - _SHOWN} more: govdisclosure check", style="dim")
    codes = collections.Counter(d.code for d in report.diagnostics)
    head = Text(f"diagnostics {len(report.diagnostics)}", style="bold")
    if codes:
        head.append(f" ({_counts(codes)})")
    yield head
    listed = Table.grid(padding=(0, 1))
    for _ in range(2):
        listed.add_column(no_wrap=True)
    listed.add_column(overflow="fold")
    for d in report.diagnostics[:_SHOWN]:
        where = f"line {d.line}: " if d.line else ""
        listed.add_row(" ", Text(d.code, style="cyan"), where + d.message)
    if report.diagnostics:
        yield listed
    if len(report.diagnostics) > _SHOWN:
        yield Text(f"  … {len(report.diagnostics) - _SHOWN} more: --format json", style="dim")
    if report.missing:
        yield Text("missing     " + ", ".join(report.missing), style="bold red")


def report_view(report: Report, violations: Sequence[Violation]) -> list[Any]:
    """The rich renderables of one report, top to bottom."""
    flat: dict[str, Any] = dict(flatten(report))
    marked = {f for v in violations if v.assessable for f in v.fields}
    out: list[Any] = list(_front(report))
    out.extend(_tables(report, flat, marked))
    out.extend(_findings(report, violations))
    return out

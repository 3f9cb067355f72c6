"""A report in a notebook: the HTML behind ``Report._repr_html_``.

The HTML lays tables 二, 三 and 四 out like the template (Chinese labels, groups indented),
marks every cell that takes part in a violation (class ``violated``, a background colour by
severity, and a tooltip naming the rules and their statements), and folds the diagnostics and
violations into ``<details>`` elements below the tables.
"""

from __future__ import annotations

import collections
import html
from typing import Any

from govdisclosure.check.violation import Violation
from govdisclosure.model import HTML_VIEWS, Report
from govdisclosure.template.layout import Block, blocks
from govdisclosure.write.serialize import flatten
from govdisclosure.write.view import cell_text, depths

__all__ = ["report_html"]

_STYLE = """<style>
.govdisclosure-report table{border-collapse:collapse;margin:.3em 0 1em 0;font-size:90%}
.govdisclosure-report th,.govdisclosure-report td{border:1px solid #ccc;padding:2px 6px}
.govdisclosure-report td.n{text-align:right;font-variant-numeric:tabular-nums}
.govdisclosure-report td.blank{color:#999}
.govdisclosure-report td.violated{background:#ffe8a8;font-weight:bold;cursor:help}
.govdisclosure-report td.violated.error{background:#ffc4c4}
.govdisclosure-report td.group{font-weight:bold}
.govdisclosure-report caption{text-align:left;font-weight:bold}
</style>"""
_RANK = {"error": 0, "warning": 1, "info": 2}


def _marks(violations: tuple[Violation, ...]) -> dict[str, list[Violation]]:
    marks: dict[str, list[Violation]] = collections.defaultdict(list)
    for v in violations:
        if v.assessable:
            for f in v.fields:
                marks[f].append(v)
    return marks


def _cell(key: str, value: Any, kind: str, marks: dict[str, list[Violation]]) -> str:
    text = html.escape(cell_text(value, kind))
    classes = ["n"] + (["blank"] if value is None else [])
    title = ""
    found = marks.get(key)
    if found:
        worst = min(found, key=lambda v: _RANK.get(str(v.severity), 0))
        classes += ["violated", str(worst.severity)]
        tip = "\n".join(f"{v.rule} ({v.severity}): {v.message_zh}\n{v.message}" for v in found)
        title = f' title="{html.escape(tip)}" data-rules="{" ".join(v.rule for v in found)}"'
    return f'<td class="{" ".join(classes)}" data-key="{key}"{title}>{text}</td>'


def _block(block: Block, flat: dict[str, Any], marks: dict[str, list[Violation]]) -> str:
    head = "".join(f"<th>{html.escape(label)}</th>" for _k, label in block.columns)
    rows = [f"<tr><th></th>{head}</tr>"]
    indent = depths(block)
    seen: set[str] = set()
    pad = "&#12288;"  # an ideographic space per level
    for row in block.rows:
        depth = indent.get(row.group, 0)
        if row.group is not None and row.group not in seen:
            seen.add(row.group)
            span = len(block.columns) + 1
            label = pad * (depth - 1) + html.escape(row.group)
            rows.append(f'<tr><td class="group" colspan="{span}">{label}</td></tr>')
        cells = "".join(
            _cell(key, flat.get(key), kind, marks)
            for key, kind in zip(row.cells, block.kinds, strict=True)
        )
        rows.append(f"<tr><td>{pad * depth}{html.escape(row.label)}</td>{cells}</tr>")
    _head, _, item = block.title.partition(" · ")  # table 二's blocks: 第二十条第（N）项
    caption = f"<caption>{html.escape(item)}</caption>" if item else ""
    return f"<table>{caption}{''.join(rows)}</table>"


def report_html(report: Report, violations: tuple[Violation, ...] | None = None) -> str:
    """The report as an HTML fragment (``violations``: ``check(report)`` unless given)."""
    from govdisclosure.check.invariants import check

    found = check(report) if violations is None else violations
    flat: dict[str, Any] = dict(flatten(report))
    marks = _marks(tuple(found))
    facts = [
        ("organ", report.organ),
        ("year", report.year),
        ("template", report.template.value),
        ("script", report.script.value),
        ("credit code", report.credit_code),
        ("published", report.published_on),
    ]
    out = ['<div class="govdisclosure-report">', _STYLE]
    if report.title:
        out.append(f"<h4>{html.escape(report.title)}</h4>")
    out.append(
        "<p>"
        + " · ".join(f"<b>{k}</b> {html.escape(str(v))}" for k, v in facts if v is not None)
        + "</p>"
    )
    heading = None
    for block in blocks(report.template):
        head = block.title.partition(" · ")[0]
        if head != heading:
            heading = head
            out.append(f"<h5>{html.escape(head)}</h5>")
        out.append(_block(block, flat, marks))
    judged = [v for v in found if v.assessable]
    out.append(
        f"<details><summary>violations: {len(judged)} "
        f"({len(found) - len(judged)} not assessable)</summary>"
    )
    from govdisclosure.check.violations import Violations

    out.append(Violations(found)._repr_html_())
    out.append("</details>")
    out.append(f"<details><summary>diagnostics: {len(report.diagnostics)}</summary><ul>")
    for d in report.diagnostics:
        where = f"line {d.line}: " if d.line else ""
        out.append(
            f"<li><code>{html.escape(d.code)}</code> {where}{html.escape(d.message)}"
            f" — {html.escape(d.message_zh)}</li>"
        )
    out.append("</ul></details></div>")
    return "".join(out)


HTML_VIEWS["report"] = report_html

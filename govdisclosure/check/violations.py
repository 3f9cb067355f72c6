"""What :func:`govdisclosure.check` returns: a tuple of violations that shows itself.

:class:`Violations` *is* a tuple (equal to one, indexable, sliceable, empty when the report is
consistent), with :meth:`Violations.to_frame` for a DataFrame and ``_repr_html_`` for a table
in Jupyter.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Literal

from govdisclosure.check.violation import Evidence, Violation

__all__ = ["FRAME_TYPES", "Violations", "evidence_json", "violation_json"]

# to_frame()'s columns and their kinds (as govdisclosure.write.tables names kinds)
FRAME_TYPES: dict[str, str] = {
    "report_id": "text",
    "rule": "text",
    "severity": "text",
    "line": "int",
    "message": "text",
    "message_zh": "text",
    "fields": "text",
    "assessable": "bool",
}
_COLOURS = {"error": "#fdd", "warning": "#ffefc2", "info": "#e4f1fb"}


def evidence_json(e: Evidence) -> dict[str, Any]:
    """One compared quantity as JSON-ready data (a Decimal value as its string)."""
    value = str(e.value) if isinstance(e.value, Decimal) else e.value
    return {"name": e.name, "value": value, "fields": list(e.fields), "lines": list(e.lines)}


def violation_json(v: Violation) -> dict[str, Any]:
    """A violation as JSON-ready data (English and Chinese message, and its evidence)."""
    return {
        "rule": v.rule,
        "severity": str(v.severity),
        "message": v.message,
        "message_zh": v.message_zh,
        "fields": list(v.fields),
        "lines": list(v.lines),
        "assessable": v.assessable,
        "evidence": [evidence_json(e) for e in v.evidence],
    }


class Violations(tuple[Violation, ...]):
    """The violations of one report (or of a series): a tuple, plus views for notebooks."""

    __slots__ = ()

    def __new__(cls, items: Iterable[Violation] = ()) -> Violations:
        return super().__new__(cls, items)

    def __repr__(self) -> str:
        return f"Violations({tuple.__repr__(self)})"

    @property
    def assessable(self) -> Violations:
        """Only the violations that were judged (not the "not assessable" ones)."""
        return Violations(v for v in self if v.assessable)

    def to_frame(self, engine: Literal["pandas", "polars"] = "pandas", report_id: str = "") -> Any:
        """One row per violation: rule, severity, message, message_zh, fields, lines,
        assessable (``fields`` and ``lines`` joined by ", "; lines first as ``line``)."""
        records: list[dict[str, Any]] = [
            {
                "report_id": report_id,
                "rule": v.rule,
                "severity": str(v.severity),
                "line": v.lines[0] if v.lines else None,
                "message": v.message,
                "message_zh": v.message_zh,
                "fields": ", ".join(v.fields),
                "assessable": v.assessable,
            }
            for v in self
        ]
        names = list(FRAME_TYPES)
        if engine == "polars":
            import polars as pl

            kinds = {"int": pl.Int64, "bool": pl.Boolean, "text": pl.String}
            schema = {n: kinds[k] for n, k in FRAME_TYPES.items()}
            return pl.DataFrame(records, schema=schema, orient="row")
        if engine != "pandas":
            raise ValueError(f"engine must be 'pandas' or 'polars', not {engine!r}")
        import pandas as pd

        dtypes = {"int": "Int64", "bool": "boolean", "text": "string"}
        frame = pd.DataFrame(records, columns=names)
        return frame.astype({n: dtypes[k] for n, k in FRAME_TYPES.items()})

    def _repr_html_(self) -> str:
        if not self:
            return "<p>no violations: the report is consistent</p>"
        head = "".join(
            f"<th>{h}</th>" for h in ("severity", "rule", "line", "message", "说明", "fields")
        )
        body = []
        for v in self:
            colour = _COLOURS.get(str(v.severity), "")
            cells = (
                str(v.severity),
                v.rule,
                str(v.lines[0]) if v.lines else "",
                v.message,
                v.message_zh,
                ", ".join(v.fields),
            )
            tds = "".join(f"<td>{html.escape(c)}</td>" for c in cells)
            body.append(
                f'<tr class="violation {v.severity}" data-rule="{html.escape(v.rule)}" '
                f'style="background:{colour}">{tds}</tr>'
            )
        return (
            f'<table class="govdisclosure-violations"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>"
        )

"""Flat export of a report (DESIGN.md §5)."""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

from ._paths import flatten_object
from .model import ExtraRow, Report, Section

__all__ = ["flatten"]

FlatValue = int | Decimal | str | None


def flatten(report: Report) -> dict[str, FlatValue]:
    """One dict per report: dotted attribute path → value.

    Keys follow the model (``requests.outcomes.withheld.state_secret.total``,
    ``appeals.reconsideration.upheld``, ``proactive.normative_documents.in_force``,
    ``year``, ``template`` …).  Numbers stay ``int`` / ``Decimal`` / ``None``; enums become
    their value; prose sections give their text; diagnostics, locations and extra rows are
    not part of the flat record (they have their own tables).
    """
    out: dict[str, FlatValue] = {}
    for key, value in flatten_object(report):
        if key in ("diagnostics", "locations", "metadata", "missing") or key.endswith(".extra_rows"):
            continue
        out[key] = _flat(value)
    return out


def _flat(value: Any) -> FlatValue:
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, Section):
        return value.text
    if value is None or isinstance(value, int | Decimal | str):
        return value
    if isinstance(value, ExtraRow):  # pragma: no cover - filtered above
        return value.label
    return str(value)

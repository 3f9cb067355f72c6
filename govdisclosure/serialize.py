"""Flat export of a report (DESIGN.md §5)."""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any, cast

from ._paths import flatten_object
from .model import ExtraRow, Report, Section

__all__ = ["flatten", "from_json", "make_converter", "to_json"]

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
        if key in ("diagnostics", "locations", "metadata", "missing") or key.endswith(
            ".extra_rows"
        ):
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


# --------------------------------------------------------------------------- JSON


def make_converter() -> Any:
    """A dedicated cattrs converter for reports (not the global one).

    Decimal ↔ string, date ↔ ISO string, enums ↔ their value, ``locations`` ↔ an object of
    ``{"line": …, "column": …}``; ``proactive`` is structured by the report's template.
    """
    import datetime

    import attrs
    from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
    from cattrs.preconf.json import make_converter as json_converter

    from .model import Proactive2019, Proactive2021, SourceSpan

    conv = json_converter(forbid_extra_keys=True)
    conv.register_unstructure_hook(Decimal, str)
    conv.register_structure_hook(Decimal, lambda v, _t: Decimal(str(v)))
    conv.register_unstructure_hook(datetime.date, lambda d: d.isoformat())
    conv.register_structure_hook(datetime.date, lambda v, _t: datetime.date.fromisoformat(v))
    conv.register_unstructure_hook(
        Proactive2019 | Proactive2021, lambda p: conv.unstructure(p, unstructure_as=type(p))
    )

    def structure_proactive(v: Any, _t: Any) -> Proactive2019 | Proactive2021:
        # the V2019 table has rows the V2021 one lacks
        cls = Proactive2019 if "other_services" in v else Proactive2021
        return cast(Proactive2019 | Proactive2021, conv.structure(v, cls))

    conv.register_structure_hook(Proactive2019 | Proactive2021, structure_proactive)

    skip = {"locations": override(omit=True)}
    unstructure_rest = make_dict_unstructure_fn(Report, conv, **skip)  # type: ignore[arg-type]
    structure_rest = make_dict_structure_fn(Report, conv, **skip)  # type: ignore[arg-type]

    def unstructure_report(r: Report) -> dict[str, Any]:
        out = unstructure_rest(r)
        out["locations"] = {k: {"line": v.line, "column": v.column} for k, v in r.locations.items()}
        return out

    def structure_report(v: Any, _t: Any) -> Report:
        data = dict(v)
        locations = {
            k: SourceSpan(int(x["line"]), int(x["column"]))
            for k, x in data.pop("locations", {}).items()
        }
        report = structure_rest(data, Report)
        return attrs.evolve(report, locations=locations)

    conv.register_unstructure_hook(Report, unstructure_report)
    conv.register_structure_hook(Report, structure_report)
    return conv


def to_json(report: Report, *, indent: int | None = 2) -> str:
    """The report as JSON (see :func:`make_converter` for the encoding of each type)."""
    import json

    return json.dumps(_converter().unstructure(report), ensure_ascii=False, indent=indent)


def from_json(text: str) -> Report:
    """A report back from :func:`to_json`."""
    import json

    result: Report = _converter().structure(json.loads(text), Report)
    return result


_CONVERTER: Any = None


def _converter() -> Any:
    global _CONVERTER
    if _CONVERTER is None:
        _CONVERTER = make_converter()
    return _CONVERTER

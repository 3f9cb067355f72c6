"""JSON and the flat export of a report (DESIGN.md §5).

- :func:`flatten`: one dict per report, dotted keys → ``int`` / ``Decimal`` / ``str`` / ``None``.
- :func:`to_json` / :func:`from_json`: a lossless round trip through a dedicated cattrs
  converter (:func:`make_converter`); ``from_json(to_json(r)) == r`` for every report, the
  source locations (outside the report's equality) included.
- :func:`json_schema`: the JSON Schema of :func:`to_json`'s output, generated from the model
  and versioned by :data:`SCHEMA_VERSION` (``docs/report.schema.json``).
"""

from __future__ import annotations

import datetime
import enum
import functools
import hashlib
import json
import re
import types
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, cast, get_args, get_origin

import attrs
from cattrs import ClassValidationError, IterableValidationError, transform_error
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.preconf.json import JsonConverter
from cattrs.preconf.json import make_converter as _json_converter

from govdisclosure.fieldpaths import flatten_object
from govdisclosure.model import (
    ExtraRow,
    Proactive2019,
    Proactive2021,
    Report,
    Section,
    section_text,
)
from govdisclosure.template.catalog import SUBTOTAL_GROUPS
from govdisclosure.write.jsonv1 import register_v1_hooks

__all__ = [
    "SCHEMA_ID",
    "SCHEMA_VERSION",
    "JsonStructureError",
    "flatten",
    "from_json",
    "json_schema",
    "make_converter",
    "section_text",
    "to_json",
]

FlatValue = int | Decimal | str | None

# --------------------------------------------------------------------------- flat export


def flatten(report: Report) -> dict[str, FlatValue]:
    """One dict per report: dotted attribute path → value.

    Keys follow the model (``requests.outcomes.withheld.state_secret.total``,
    ``appeals.reconsideration.upheld``, ``proactive.normative_documents.in_force``,
    ``year``, ``template`` …).  Numbers stay ``int`` / ``Decimal`` / ``None``; enums become
    their value; a date its ISO form; a prose section (``overview``, ``problems``,
    ``other_matters``) its whole text, sub-sections with their titles (:func:`section_text`).
    The subtotal of each group of numbered rows of table 三 is there too
    (``requests.outcomes.withheld.subtotal.total`` …; ``None`` when a cell it adds is blank).
    Diagnostics, locations, metadata and extra rows are not part of the flat record (they have
    their own tables).
    """
    out: dict[str, FlatValue] = {}
    for key, value in _leaves(report):
        if key in ("diagnostics", "locations", "metadata", "missing") or key.endswith(
            ".extra_rows"
        ):
            continue
        out[key] = _flat(value)
    return out


def _leaves(report: Report) -> typing.Iterator[tuple[str, Any]]:
    for f in attrs.fields(Report):
        value = getattr(report, f.name)
        if isinstance(value, Section):
            yield f.name, value
        elif attrs.has(type(value)):
            yield from flatten_object(value, f.name + ".")
        else:
            yield f.name, value
        if f.name == "requests":
            yield from _subtotals(report)


def _subtotals(report: Report) -> typing.Iterator[tuple[str, Any]]:
    """``requests.outcomes.<group>.subtotal.<column>`` of the groups of numbered rows."""
    for group in SUBTOTAL_GROUPS:
        part = getattr(report.requests.outcomes, group)
        yield from flatten_object(part.subtotal, f"requests.outcomes.{group}.subtotal.")


def _flat(value: Any) -> FlatValue:
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, Section):
        return section_text(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if value is None or isinstance(value, int | Decimal | str):
        return value
    if isinstance(value, ExtraRow):  # pragma: no cover - filtered above
        return value.label
    return str(value)


# --------------------------------------------------------------------------- JSON

DECIMAL_PATTERN = r"^-?[0-9]+(\.[0-9]+)?$"
_DECIMAL = re.compile(DECIMAL_PATTERN)


class JsonStructureError(ValueError):
    """JSON that does not describe a report; every problem names its path.

    ``problems`` lists one line per problem, each ending in its path, such as
    ``expected an integer (int), not 'seven' @ $.requests.outcomes.total.natural_person``;
    ``paths`` lists the paths alone.
    """

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        self.paths = [p.rpartition(" @ ")[2] for p in problems]
        shown = "\n  ".join(problems[:20])
        more = f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"the JSON is not a report:\n  {shown}{more}")


def _decimal_to_json(value: Decimal) -> str:
    if not value.is_finite():
        raise ValueError(f"money must be a finite number, not {value}")
    return format(value, "f")


def _decimal_from_json(value: Any, _type: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise TypeError(f"expected a decimal number as a string, not {value!r}")
    text = str(value)
    if not _DECIMAL.match(text):
        raise ValueError(f"expected a decimal number such as '12.5', not {value!r}")
    try:
        return Decimal(text)
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only numbers
        raise ValueError(f"not a decimal number: {value!r}") from exc


def _int_from_json(value: Any, _type: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an integer, not {value!r}")
    return value


def _str_from_json(value: Any, _type: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, not {value!r}")
    return value


def _date_from_json(value: Any, _type: Any) -> datetime.date:
    if not isinstance(value, str):
        raise TypeError(f"expected a date as 'YYYY-MM-DD', not {value!r}")
    return datetime.date.fromisoformat(value)


def _is_tuple(tp: Any) -> bool:
    return get_origin(tp) is tuple


def _is_mapping(tp: Any) -> bool:
    origin: Any = get_origin(tp)
    return origin is Mapping


def _tuple_hook_factory(tp: Any, conv: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
    """Tuples come from JSON arrays only (a string is not a sequence of characters here)."""
    args = get_args(tp)
    if len(args) == 2 and args[1] is Ellipsis:
        inner = homogenous_tuple_structure_factory(tp, conv)

        def structure_array(value: Any, t: Any) -> tuple[Any, ...]:
            if not isinstance(value, list | tuple):
                raise TypeError(f"expected an array, not {value!r}")
            return cast(tuple[Any, ...], inner(value, t))

        return structure_array

    def structure_fixed(value: Any, _t: Any) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple) or len(value) != len(args):
            raise TypeError(f"expected an array of {len(args)} items, not {value!r}")
        return tuple(conv.structure(v, a) for v, a in zip(value, args, strict=True))

    return structure_fixed


_PROACTIVE_FIELDS = {
    cls: frozenset(a.name for a in attrs.fields(cls)) for cls in (Proactive2019, Proactive2021)
}


def _proactive_class(value: Any) -> type[Proactive2019 | Proactive2021]:
    """Table 二's class from the keys present: V2019 has rows V2021 lacks and vice versa."""
    if not isinstance(value, Mapping):
        raise TypeError(f"expected an object (table 二), not {value!r}")
    keys = set(value)
    if keys <= _PROACTIVE_FIELDS[Proactive2021]:
        # the two templates differ in the leaves: a V2019 rules row has newly_made …
        rules = value.get("rules")
        if isinstance(rules, Mapping) and {
            "newly_made",
            "newly_published",
            "total_published",
        } & set(rules):
            return Proactive2019
        return Proactive2021
    return Proactive2019


def make_converter() -> JsonConverter:
    """A dedicated cattrs converter for reports (not the global one).

    - ``Decimal`` ↔ a string in fixed-point notation (``"1732.633648"``), never a float;
    - ``datetime.date`` ↔ ``"YYYY-MM-DD"``; enums ↔ their value;
    - ``Report.locations`` (source spans, outside the report's equality) ↔ an object of
      ``{"line": …, "column": …}`` keyed by the flat keys;
    - ``proactive`` ↔ the object of table 二, structured as ``Proactive2019`` or
      ``Proactive2021`` by its keys; a V2021 one-number row (``licensing``, ``fees`` …) is an
      object (``{"decisions": 3}``), and the bare number of format version 1 is read too;
    - structuring is strict: an integer must be a JSON integer, text a JSON string, an array an
      array; unknown keys are refused; errors are collected with their paths (use
      :func:`from_json` to get them as :class:`JsonStructureError`).
    """
    conv = _json_converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_unstructure_hook(Decimal, _decimal_to_json)
    conv.register_structure_hook(Decimal, _decimal_from_json)
    conv.register_structure_hook(int, _int_from_json)
    conv.register_structure_hook(str, _str_from_json)
    conv.register_unstructure_hook(datetime.date, lambda d: d.isoformat())
    conv.register_structure_hook(datetime.date, _date_from_json)
    conv.register_structure_hook_factory(_is_tuple, _tuple_hook_factory)
    conv.register_unstructure_hook(
        Proactive2019 | Proactive2021, lambda p: conv.unstructure(p, unstructure_as=type(p))
    )
    conv.register_structure_hook(
        Proactive2019 | Proactive2021, lambda v, _t: conv.structure(v, _proactive_class(v))
    )

    def structure_mapping(value: Any, tp: Any) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise TypeError(f"expected an object, not {value!r}")
        as_dict: Any = dict.__class_getitem__(get_args(tp))
        return cast(Mapping[str, Any], conv.structure(value, as_dict))

    conv.register_structure_hook_func(_is_mapping, structure_mapping)
    register_v1_hooks(conv)
    return conv


@functools.cache
def _converter() -> JsonConverter:
    return make_converter()


def to_json(report: Report, *, indent: int | None = 2) -> str:
    """The report as JSON (see :func:`make_converter` for the encoding of each type)."""
    return json.dumps(_converter().unstructure(report), ensure_ascii=False, indent=indent)


def from_json(text: str | bytes) -> Report:
    """A report back from :func:`to_json`'s output.

    Raises :class:`JsonStructureError` (a ``ValueError``) naming the path of every value that
    does not fit the model, e.g. ``… @ $.requests.outcomes.total.natural_person``; malformed
    JSON raises ``json.JSONDecodeError`` (also a ``ValueError``).
    """
    return structure(json.loads(text))


def structure(data: Any) -> Report:
    """A report from already-decoded JSON data (``json.loads`` output)."""
    if not isinstance(data, dict):
        raise JsonStructureError([f"expected an object (a report), not {type(data).__name__} @ $"])
    try:
        result: Report = _converter().structure(data, Report)
    except (ClassValidationError, IterableValidationError) as exc:
        raise JsonStructureError(transform_error(exc, "$", _describe)) from None
    except (TypeError, ValueError) as exc:  # a hook failing on the top-level value
        raise JsonStructureError([f"{exc} @ $"]) from None
    return result


def _describe(exc: BaseException, tp: type | None) -> str:
    name = getattr(tp, "__name__", None) or str(tp)
    if isinstance(exc, KeyError):
        return "required field missing"
    if type(exc).__name__ == "ForbiddenExtraKeysError":
        return f"unknown field(s) {sorted(getattr(exc, 'extra_fields', ()))}"
    message = str(exc)
    if message.startswith("expected") or tp is None:
        return message
    return f"{message} (expected {name})"


# --------------------------------------------------------------------------- JSON Schema

SCHEMA_VERSION = 3
"""The version of the JSON format.  Bump it when :func:`schema_fingerprint` changes (a field
added, removed, renamed or retyped in the model), record the new fingerprint below, say so in
CHANGELOG.md and regenerate the docs (``python -m govdisclosure._docs``)."""
SCHEMA_ID = f"urn:govdisclosure:report-json:v{SCHEMA_VERSION}"

# schema_fingerprint() of each version (tests/test_serialize.py checks the current one).
SCHEMA_FINGERPRINTS: dict[int, str] = {
    1: "34685aca1b25c495bf7bdc7ca9e8fb1695231e6047677c831daae502c5bffeec",
    # v2: organ_key, credit_code, published_on, source_sha256 (absent from v1 JSON: None);
    # V2021 licensing, punishment, coercion {"decisions": n} and fees {"amount": "x"} (v1: bare)
    2: "b99de255df9379be85cab676346b48d2c0fcb0f6d5302bcad932c9e339bb3013",
    # v3: organ_source (where organ was read; absent from v1 and v2 JSON: None)
    3: "97e60b36d1aef1c2876858bcb73245e1283e5281860fecda1d11c67acdec662f",
}


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :func:`to_json`'s output, made from the model."""
    defs: dict[str, Any] = {}
    root = _schema_for(Report, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"govdisclosure report, JSON format version {SCHEMA_VERSION}",
        "description": (
            "One 政府信息公开工作年度报告 as written by govdisclosure.to_json. Counts are "
            "integers, money is a decimal string in 万元, null means the source left the cell "
            "blank or wrote a placeholder."
        ),
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def schema_fingerprint(schema: Mapping[str, Any] | None = None) -> str:
    """sha256 of the schema's structure: its canonical JSON text without descriptions.

    A change of this fingerprint is a change of the JSON format: bump :data:`SCHEMA_VERSION`.
    """

    def bare(node: Any) -> Any:
        if isinstance(node, Mapping):
            return {
                k: bare(v)
                for k, v in node.items()
                if not (k in ("description", "title") and isinstance(v, str))
            }
        if isinstance(node, list):
            return [bare(v) for v in node]
        return node

    text = json.dumps(bare(schema or json_schema()), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _schema_for(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    if tp is type(None):
        return {"type": "null"}
    if tp is int:
        return {"type": "integer"}
    if tp is str:
        return {"type": "string"}
    if tp is Decimal:
        return {"type": "string", "pattern": DECIMAL_PATTERN}
    if tp is datetime.date:
        return {"type": "string", "format": "date"}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"type": "string", "enum": [m.value for m in tp]}
    if isinstance(tp, type) and attrs.has(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder against recursion (Section)
            hints = typing.get_type_hints(tp)
            props = {a.name: _schema_for(hints[a.name], defs) for a in attrs.fields(tp)}
            doc = (tp.__doc__ or "").strip().split("\n")[0]
            defs[name] = {
                "type": "object",
                **({"description": doc} if doc else {}),
                "properties": props,
                "required": list(props),
                "additionalProperties": False,
            }
        return {"$ref": f"#/$defs/{name}"}
    origin = get_origin(tp)
    args = get_args(tp)
    if origin in (types.UnionType, typing.Union):
        return {"anyOf": [_schema_for(a, defs) for a in args]}
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": _schema_for(args[0], defs)}
        return {
            "type": "array",
            "prefixItems": [_schema_for(a, defs) for a in args],
            "minItems": len(args),
            "maxItems": len(args),
        }
    if origin is Mapping:
        return {"type": "object", "additionalProperties": _schema_for(args[1], defs)}
    raise TypeError(f"no JSON Schema for {tp!r}")  # pragma: no cover - a new model type

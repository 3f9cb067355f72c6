"""Records as Arrow tables and pandas / polars DataFrames, typed by their columns' kinds."""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from govdisclosure.write.columns import (
    FIELDS_BY_KEY,
    ID,
    MONEY_PRECISION,
    MONEY_SCALE,
    Record,
    Spec,
    report_spec,
    spec_of,
)

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow

def require_extra(module: str, extra: str) -> Any:
    """The optional module, or an ImportError that names the extra to install."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(
            f"{module} is needed for this; install it with: pip install 'govdisclosure[{extra}]'"
        ) from exc


def _places(value: Decimal) -> int:
    """Decimal places of a finite value, trailing zeros not counted."""
    _sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):
        raise ValueError(f"money must be a finite number, not {value}")
    significant = "".join(map(str, digits)).rstrip("0")
    if not significant:
        return 0
    return max(0, -(exponent + len(digits) - len(significant)))


def _column(records: Sequence[Record], key: str, kind: str) -> list[Any]:
    values = [r.get(key) for r in records]
    if kind != "money":
        return values
    money: list[Decimal | None] = []
    for record, value in zip(records, values, strict=True):
        if value is not None and not isinstance(value, Decimal):
            value = Decimal(str(value))
        if value is not None and _places(value) > MONEY_SCALE:
            raise ValueError(
                f"report {record.get(ID)}: {key} = {value} has more than {MONEY_SCALE} decimal "
                "places (finer than a fen in 万元); money columns are "
                f"decimal({MONEY_PRECISION}, {MONEY_SCALE})"
            )
        money.append(value)
    return money


def _arrow_type(pa: Any, kind: str) -> Any:
    if kind in ("count", "signed", "int"):
        return pa.int64()
    if kind == "money":
        return pa.decimal128(MONEY_PRECISION, MONEY_SCALE)
    if kind == "date":
        return pa.date32()
    if kind == "bool":
        return pa.bool_()
    return pa.string()


_PANDAS_TYPES = {  # pandas metadata: how pandas rebuilds each column from Arrow
    "count": ("int64", "Int64"),
    "signed": ("int64", "Int64"),
    "int": ("int64", "Int64"),
    "money": ("decimal", "object"),
    "date": ("date", "object"),
    "text": ("unicode", "object"),
    "enum": ("unicode", "object"),
    "bool": ("bool", "boolean"),
}


def _pandas_metadata(spec: Spec) -> bytes:
    """Arrow's ``pandas`` schema metadata, so that pandas reads counts as nullable ``Int64``."""
    from govdisclosure.version import __version__

    def column(name: str, kind: str) -> dict[str, Any]:
        pandas_type, numpy_type = _PANDAS_TYPES[kind]
        metadata = {"precision": MONEY_PRECISION, "scale": MONEY_SCALE} if kind == "money" else None
        return {
            "name": name,
            "field_name": name,
            "pandas_type": pandas_type,
            "numpy_type": numpy_type,
            "metadata": metadata,
        }

    meta = {
        "index_columns": [],
        "column_indexes": [],
        "columns": [column(name, kind) for name, kind in spec],
        "creator": {"library": "govdisclosure", "version": __version__},
        "pandas_version": "2.2.0",
    }
    return json.dumps(meta).encode("utf-8")


def _field_metadata(name: str) -> dict[bytes, bytes] | None:
    """A report column's Chinese label, kind and template versions, for Arrow and Parquet."""
    info = FIELDS_BY_KEY.get(name)
    if info is None:
        return None
    return {
        b"label": info.label.encode("utf-8"),
        b"kind": info.kind.encode("utf-8"),
        b"versions": ",".join(v.value for v in info.versions).encode("utf-8"),
        **({b"description": info.english.encode("utf-8")} if info.english else {}),
    }


def records_to_arrow(records: Sequence[Record], spec: Spec | None = None) -> pyarrow.Table:
    """An Arrow table of records (the reports table unless ``spec`` says otherwise)."""
    pa = require_extra("pyarrow", "arrow")
    spec = spec or report_spec()
    arrays = [pa.array(_column(records, name, kind), _arrow_type(pa, kind)) for name, kind in spec]
    return pa.Table.from_arrays(arrays, schema=arrow_schema(spec))


def arrow_schema(spec: Spec | None = None) -> pyarrow.Schema:
    """The Arrow schema of a table (the reports table by default): types, Chinese labels and
    template versions in the field metadata, pandas metadata for nullable ``Int64`` counts."""
    pa = require_extra("pyarrow", "arrow")
    spec = spec or report_spec()
    fields = [
        pa.field(name, _arrow_type(pa, kind), nullable=name != ID, metadata=_field_metadata(name))
        for name, kind in spec
    ]
    return pa.schema(fields, metadata={b"pandas": _pandas_metadata(spec)})


def _polars_type(pl: Any, kind: str) -> Any:
    if kind in ("count", "signed", "int"):
        return pl.Int64
    if kind == "money":
        return pl.Decimal(MONEY_PRECISION, MONEY_SCALE)
    if kind == "date":
        return pl.Date
    if kind == "bool":
        return pl.Boolean
    return pl.String


def records_to_frame(
    records: Sequence[Record], engine: str = "pandas", spec: Spec | None = None
) -> Any:
    """A DataFrame of records.  Without ``spec``, the table is recognised by the records'
    columns (:func:`spec_of`): reports, violations, diagnostics or long."""
    if spec is None:
        spec = spec_of(records[0]) if records else report_spec()
    if engine == "pandas":
        require_extra("pandas", "pandas")
        return records_to_arrow(records, spec).to_pandas()
    if engine == "polars":
        pl = require_extra("polars", "polars")
        schema = {name: _polars_type(pl, kind) for name, kind in spec}
        data = {name: _column(records, name, kind) for name, kind in spec}
        return pl.DataFrame(data, schema=schema)
    raise ValueError(f"engine must be 'pandas' or 'polars', not {engine!r}")

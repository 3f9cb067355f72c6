"""Reports as tables: records, pandas / polars DataFrames, Arrow tables, CSV, JSON Lines, Parquet.

Two tables:

- **reports**, one row per report: ``report_id`` and then every dotted key of
  :func:`govdisclosure.flatten`, in the stable order of the template data (document fields,
  table 二, table 三, table 四, prose) — :func:`to_records`, :func:`to_frame`, :func:`to_arrow`;
- **violations**, long: one row per field of each violation :func:`govdisclosure.check` finds
  (``report_id, violation, rule, severity, field, line, message, assessable``) —
  :func:`violation_records`, :func:`violations_frame`, :func:`violations_arrow`.

Column types follow the kind of each field (:data:`KIND_TYPES`) and never use floats: counts
are nullable integers, money is decimal.

pandas, polars and pyarrow are optional (``pip install 'govdisclosure[pandas]'``,
``[polars]``, ``[arrow]``); :func:`to_records`, CSV and JSON Lines need none of them.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from govdisclosure.check.corpus import SERIES_COLUMNS
from govdisclosure.check.invariants import Severity, Violation, check
from govdisclosure.check.violations import Violations
from govdisclosure.model import Report
from govdisclosure.template.catalog import report_fields
from govdisclosure.write.serialize import flatten

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow

__all__ = [
    "DIAGNOSTIC_COLUMNS",
    "KIND_TYPES",
    "LONG_COLUMNS",
    "MONEY_PRECISION",
    "MONEY_SCALE",
    "SERIES_VIOLATION_COLUMNS",
    "VIOLATION_COLUMNS",
    "Reports",
    "arrow_schema",
    "columns",
    "diagnostic_records",
    "diagnostics_frame",
    "read_frame",
    "read_records",
    "spec_of",
    "to_arrow",
    "to_frame",
    "to_long",
    "to_records",
    "violation_records",
    "violations_arrow",
    "violations_frame",
    "violations_from_records",
    "write_records",
]

Cell = int | Decimal | str | datetime.date | None
Record = dict[str, Cell]
Reports = Iterable[Report] | Mapping[str, Report]
Spec = Sequence[tuple[str, str]]  # (column, kind) in order

ID = "report_id"
MONEY_PRECISION = 38
MONEY_SCALE = 6  # 万元 to the fen: 0.000001 万元 = 0.01 元

# kind → (Python, pandas dtype, Arrow type, polars dtype), as documented in docs/model.md;
# tests/test_tables.py checks that the tables really have these types.
KIND_TYPES: dict[str, tuple[str, str, str, str]] = {
    "count": ("int | None", "Int64", "int64", "Int64"),
    "signed": ("int | None", "Int64", "int64", "Int64"),
    "int": ("int | None", "Int64", "int64", "Int64"),
    "money": ("Decimal | None", "object (Decimal)", "decimal128(38, 6)", "Decimal(38, 6)"),
    "date": ("datetime.date | None", "object (date)", "date32[day]", "Date"),
    "text": ("str | None", "str", "string", "String"),
    "enum": ("str", "str", "string", "String"),
    "bool": ("bool", "boolean", "bool", "Boolean"),
}
FORMATS = (".parquet", ".csv", ".jsonl")


VIOLATION_COLUMNS: tuple[tuple[str, str], ...] = (
    (ID, "text"),
    ("violation", "int"),  # its number within the report, from 0: rows of one violation share it
    ("rule", "text"),
    ("severity", "text"),
    ("field", "text"),  # a flat key (None when the violation names no field)
    ("line", "int"),  # the field's line in the source, else a line of the violation
    ("message", "text"),
    ("message_zh", "text"),  # the same in Chinese: the rule's statement and the verdict
    ("assessable", "bool"),  # False: the rule could not be judged (a value was blank)
)
SERIES_VIOLATION_COLUMNS = SERIES_COLUMNS  # check_corpus: two reports of one organ per row
DIAGNOSTIC_COLUMNS: tuple[tuple[str, str], ...] = (
    (ID, "text"),
    ("diagnostic", "int"),  # its number within the report, from 0
    ("code", "text"),  # docs/diagnostics.md
    ("kind", "text"),  # repair, inference or gap
    ("field", "text"),  # the flat key concerned, if any
    ("line", "int"),  # the source line
    ("message", "text"),
    ("meaning_zh", "text"),  # what the code means, in Chinese
)
LONG_COLUMNS: tuple[tuple[str, str], ...] = (
    (ID, "text"),
    ("table", "text"),  # 二, 三 or 四
    ("block", "text"),  # table 二's 第二十条第（N）项, else the table's title
    ("row", "text"),  # the row's key (a flat-key prefix)
    ("row_label", "text"),  # 中文, as the template writes it
    ("group_label", "text"),  # the merged group cell the row sits in, if any
    ("column", "text"),
    ("column_label", "text"),
    ("key", "text"),  # the flat key of the cell
    ("value", "int"),  # a count (None: the source left it blank)
    ("amount", "money"),  # money cells (万元) instead of value
)


_FIELDS = {f.key: f for f in report_fields()}


def report_spec() -> tuple[tuple[str, str], ...]:
    """(column, kind) of the reports table, in order."""
    return ((ID, "text"), *((f.key, f.kind) for f in report_fields()))


def columns() -> tuple[str, ...]:
    """The columns of :func:`to_records`, in order: ``report_id``, then the flat keys."""
    return tuple(name for name, _kind in report_spec())


def _identified(reports: Reports) -> Iterator[tuple[str, Report]]:
    if isinstance(reports, Mapping):
        for key, report in reports.items():
            yield str(key), report
    else:
        for i, report in enumerate(reports):
            yield str(i), report


def _record(report_id: str, report: Report) -> Record:
    flat = flatten(report)
    record: Record = {ID: report_id}
    for f in report_fields():
        value: Cell = flat.get(f.key)
        if f.kind == "date" and isinstance(value, str):
            value = datetime.date.fromisoformat(value)
        record[f.key] = value
    return record


def to_records(reports: Reports) -> list[Record]:
    """One dict per report: ``report_id`` and every column of :func:`columns`, in order.

    ``reports`` is an iterable of reports (their ids are ``"0"``, ``"1"`` …) or a mapping
    from an id (a file name, say) to a report.  Values are ``int``, ``Decimal``, ``str``,
    ``datetime.date`` or ``None`` (never a float, never 0 for a blank cell).
    """
    return [_record(rid, report) for rid, report in _identified(reports)]


# --------------------------------------------------------------------------- violations


def violation_rows(
    report_id: str, report: Report, violations: Sequence[Violation] | None = None
) -> list[Record]:
    """The long rows of one report's violations (``check(report)`` unless given)."""
    found = check(report) if violations is None else violations
    rows: list[Record] = []
    for number, v in enumerate(found):
        located = {f: report.locations[f].line for f in v.fields if f in report.locations}
        # a line of the violation that no located field accounts for (a heading, a sentence)
        other = next((n for n in v.lines if n not in located.values()), None)
        for name in v.fields or (None,):
            line = located.get(name, other) if name else other
            rows.append(
                {
                    ID: report_id,
                    "violation": number,
                    "rule": v.rule,
                    "severity": str(v.severity),
                    "field": name,
                    "line": line,
                    "message": v.message,
                    "message_zh": v.message_zh,
                    "assessable": v.assessable,
                }
            )
    return rows


def violation_records(reports: Reports) -> list[Record]:
    """The violations of every report as a long table, one row per (violation, field).

    Columns :data:`VIOLATION_COLUMNS`: ``report_id`` (as in :func:`to_records`), ``violation``
    (its number within the report), ``rule``, ``severity``, ``field`` (a flat key), ``line``
    (that field's line in the source), ``message``, ``assessable``.
    """
    return [row for rid, report in _identified(reports) for row in violation_rows(rid, report)]


def violations_frame(reports: Reports, engine: Literal["pandas", "polars"] = "pandas") -> Any:
    """:func:`violation_records` as a pandas or polars DataFrame (``line`` is ``Int64``)."""
    return records_to_frame(violation_records(reports), engine, VIOLATION_COLUMNS)


def violations_arrow(reports: Reports) -> pyarrow.Table:
    """:func:`violation_records` as a ``pyarrow.Table``."""
    return records_to_arrow(violation_records(reports), VIOLATION_COLUMNS)


# --------------------------------------------------------------------------- diagnostics


def diagnostic_rows(report_id: str, report: Report) -> list[Record]:
    """One report's diagnostics as rows of :data:`DIAGNOSTIC_COLUMNS`."""
    from govdisclosure.diagnostics import DIAGNOSTIC_CODES

    rows: list[Record] = []
    for number, d in enumerate(report.diagnostics):
        info = DIAGNOSTIC_CODES.get(d.code)
        rows.append(
            {
                ID: report_id,
                "diagnostic": number,
                "code": d.code,
                "kind": info.kind if info else None,
                "field": d.field,
                "line": d.line,
                "message": d.message,
                "meaning_zh": info.zh if info else None,
            }
        )
    return rows


def diagnostic_records(reports: Reports) -> list[Record]:
    """Every report's diagnostics (what was repaired, inferred or left blank) as a long table:
    :data:`DIAGNOSTIC_COLUMNS`, one row per diagnostic."""
    return [row for rid, report in _identified(reports) for row in diagnostic_rows(rid, report)]


def diagnostics_frame(reports: Reports, engine: Literal["pandas", "polars"] = "pandas") -> Any:
    """:func:`diagnostic_records` as a pandas or polars DataFrame."""
    return records_to_frame(diagnostic_records(reports), engine, DIAGNOSTIC_COLUMNS)


# --------------------------------------------------------------------------- long


def long_rows(report_id: str, report: Report) -> list[Record]:
    """One report's cells of tables 二, 三 and 四 as rows of :data:`LONG_COLUMNS`."""
    from govdisclosure.template.layout import blocks

    flat = flatten(report)
    rows: list[Record] = []
    for block in blocks(report.template):
        name = block.title.rpartition(" · ")[2]
        for row in block.rows:
            for (col, col_label), kind, key in zip(
                block.columns, block.kinds, row.cells, strict=True
            ):
                value = flat.get(key)
                money = kind == "money"
                rows.append(
                    {
                        ID: report_id,
                        "table": block.table,
                        "block": name,
                        "row": row.key,
                        "row_label": row.label,
                        "group_label": row.group,
                        "column": col,
                        "column_label": col_label,
                        "key": key,
                        "value": None if money else value,
                        "amount": value if money else None,
                    }
                )
    return rows


def to_long(reports: Reports, engine: Literal["records", "pandas", "polars"] = "pandas") -> Any:
    """A long, tidy table of every number cell of tables 二, 三 and 四: one row per (report,
    cell), with the row's and the column's key and Chinese label (:data:`LONG_COLUMNS`).

    Counts are in ``value`` (nullable ``Int64``), money (万元) in ``amount`` (decimal), so that
    no column mixes them.  ``engine="records"`` gives a list of dicts (nothing to install).
    Pivot it back: ``long.pivot_table(index="row_label", columns="column_label",
    values="value", aggfunc="sum")``.
    """
    records = [row for rid, report in _identified(reports) for row in long_rows(rid, report)]
    if engine == "records":
        return records
    return records_to_frame(records, engine, LONG_COLUMNS)


# --------------------------------------------------------------------------- Arrow


def _require(module: str, extra: str) -> Any:
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
    info = _FIELDS.get(name)
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
    pa = _require("pyarrow", "arrow")
    spec = spec or report_spec()
    arrays = [pa.array(_column(records, name, kind), _arrow_type(pa, kind)) for name, kind in spec]
    return pa.Table.from_arrays(arrays, schema=arrow_schema(spec))


def arrow_schema(spec: Spec | None = None) -> pyarrow.Schema:
    """The Arrow schema of a table (the reports table by default): types, Chinese labels and
    template versions in the field metadata, pandas metadata for nullable ``Int64`` counts."""
    pa = _require("pyarrow", "arrow")
    spec = spec or report_spec()
    fields = [
        pa.field(name, _arrow_type(pa, kind), nullable=name != ID, metadata=_field_metadata(name))
        for name, kind in spec
    ]
    return pa.schema(fields, metadata={b"pandas": _pandas_metadata(spec)})


def to_arrow(reports: Reports) -> pyarrow.Table:
    """A ``pyarrow.Table``: one row per report, typed columns (needs ``[arrow]``).

    Counts are ``int64`` (null where the source left the cell blank), money
    ``decimal128(38, 6)`` in 万元, dates ``date32``, text ``string``.  The schema carries
    pandas metadata, so ``table.to_pandas()`` and ``pandas.read_parquet`` give nullable
    ``Int64`` counts rather than floats.
    """
    return records_to_arrow(to_records(reports))


# --------------------------------------------------------------------------- DataFrames


def to_frame(reports: Reports, engine: Literal["pandas", "polars"] = "pandas") -> Any:
    """A DataFrame, one row per report (``engine="pandas"`` needs ``[pandas]``, ``"polars"``
    needs ``[polars]``).

    pandas: counts ``Int64``, money ``object`` holding ``Decimal``, dates ``object`` holding
    ``datetime.date`` — the same dtypes ``pandas.read_parquet`` gives for a file written by
    ``govdisclosure export``.  polars: ``Int64``, ``Decimal(38, 6)``, ``Date``, ``String``.
    """
    return records_to_frame(to_records(reports), engine)


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


TABLE_SPECS: dict[str, Spec] = {
    "violations": VIOLATION_COLUMNS,
    "diagnostics": DIAGNOSTIC_COLUMNS,
    "long": LONG_COLUMNS,
}


def spec_of(names: Iterable[str]) -> Spec:
    """The (column, kind) list of the table whose columns are ``names``: the reports table,
    the violations, the diagnostics or the long table.  ``ValueError`` when the columns are
    none of these (nothing is dropped silently)."""
    given = list(names)
    for spec in (report_spec(), *TABLE_SPECS.values()):
        if given == [name for name, _kind in spec]:
            return spec
    reports = [name for name, _kind in report_spec()]
    if given and set(given) <= set(reports) and given[0] == ID:
        return tuple((name, kind) for name, kind in report_spec() if name in given)
    known = set(reports).union(*({n for n, _k in s} for s in TABLE_SPECS.values()))
    unknown = [n for n in given if n not in known]
    raise ValueError(
        "these columns are not those of a govdisclosure table"
        + (f" (unknown: {', '.join(unknown[:5])})" if unknown else "")
        + "; pass spec= to say which"
    )


def records_to_frame(
    records: Sequence[Record], engine: str = "pandas", spec: Spec | None = None
) -> Any:
    """A DataFrame of records.  Without ``spec``, the table is recognised by the records'
    columns (:func:`spec_of`): reports, violations, diagnostics or long."""
    if spec is None:
        spec = spec_of(records[0]) if records else report_spec()
    if engine == "pandas":
        _require("pandas", "pandas")
        return records_to_arrow(records, spec).to_pandas()
    if engine == "polars":
        pl = _require("polars", "polars")
        schema = {name: _polars_type(pl, kind) for name, kind in spec}
        data = {name: _column(records, name, kind) for name, kind in spec}
        return pl.DataFrame(data, schema=schema)
    raise ValueError(f"engine must be 'pandas' or 'polars', not {engine!r}")


# --------------------------------------------------------------------------- files


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _json_value(value: Cell) -> int | str | None:
    if value is None or isinstance(value, int):  # bool is an int: JSON true/false
        return value
    return _text(value)


def write_records(records: Sequence[Record], path: str | Path, spec: Spec | None = None) -> Path:
    """Write a table to ``.parquet`` (needs ``[arrow]``), ``.csv`` or ``.jsonl``.

    CSV is UTF-8 with a byte-order mark (so that spreadsheet programs show the Chinese text),
    blank for ``None``, money in fixed-point; JSON Lines has one object per row, money and
    dates as strings.  ``spec`` is the (column, kind) list; the reports table by default
    (:data:`VIOLATION_COLUMNS` for the violations).
    """
    path = Path(path)
    spec = spec or report_spec()
    names = [name for name, _kind in spec]
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        pq = _require("pyarrow.parquet", "arrow")
        pq.write_table(records_to_arrow(records, spec), path)
    elif suffix == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as out:
            write_csv(records, out, names)
    elif suffix == ".jsonl":
        with path.open("w", encoding="utf-8") as out:
            for record in records:
                row = {k: _json_value(record.get(k)) for k in names}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        raise ValueError(f"unknown table format {path.suffix!r}: use one of {', '.join(FORMATS)}")
    return path


def write_csv(
    records: Sequence[Record], out: io.TextIOBase | Any, names: Sequence[str] = ()
) -> None:
    """CSV of records to an open text stream (header first)."""
    header = list(names or columns())
    writer = csv.writer(out)
    writer.writerow(header)
    for record in records:
        writer.writerow([_text(record.get(k)) for k in header])


def read_frame(path: str | Path, engine: Literal["pandas", "polars"] = "pandas") -> Any:
    """Read a table written by :func:`write_records` or ``govdisclosure export`` into a
    DataFrame with its types: the reports, violations, diagnostics or long table, recognised
    by its columns (:func:`spec_of`).

    CSV is read by pyarrow's CSV reader with the column types given (counts ``Int64`` in
    pandas, never float; money decimal; dates; a blank cell is null); Parquet by pyarrow;
    JSON Lines through :func:`read_records`.
    """
    pa = _require("pyarrow", "arrow")
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        pq = _require("pyarrow.parquet", "arrow")
        table = pq.read_table(path)
    elif suffix == ".csv":
        pa_csv = _require("pyarrow.csv", "arrow")
        with path.open(encoding="utf-8-sig", newline="") as stream:
            header = next(csv.reader(stream), [])
        schema = arrow_schema(spec_of(header))
        types = {f.name: f.type for f in schema}
        table = pa_csv.read_csv(
            path,
            convert_options=pa_csv.ConvertOptions(
                column_types=types,
                strings_can_be_null=True,
                quoted_strings_can_be_null=True,
                true_values=["True"],
                false_values=["False"],
            ),
        )
        table = pa.Table.from_arrays(table.columns, schema=schema)
    elif suffix == ".jsonl":
        return records_to_frame(read_records(path), engine)
    else:
        raise ValueError(f"read_frame reads .csv, .jsonl and .parquet, not {path.suffix!r}")
    if engine == "polars":
        pl = _require("polars", "polars")
        return pl.from_arrow(table)
    _require("pandas", "pandas")
    return table.to_pandas()


def read_records(path: str | Path) -> list[Record]:
    """Read back a ``.csv`` or ``.jsonl`` table written by :func:`write_records`, typed.

    Each column of the reports or the violations table gets its type back (``int``,
    ``Decimal``, ``date``, ``bool``, ``str``; a blank CSV cell → ``None``: CSV cannot tell an
    empty text from a missing one).
    """
    path = Path(path)
    kinds = dict(report_spec()) | {k: v for spec in TABLE_SPECS.values() for k, v in spec}
    rows: Iterable[Mapping[str, Any]]
    blank: str | None = ""  # CSV: a blank cell is None
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as stream:
            rows = list(csv.DictReader(stream))
    elif path.suffix.lower() == ".jsonl":
        blank = None  # JSON has null
        with path.open(encoding="utf-8") as stream:
            rows = [json.loads(line) for line in stream if line.strip()]
    else:
        raise ValueError(f"read_records reads .csv and .jsonl, not {path.suffix!r}")
    return [{k: _typed(kinds.get(k, "text"), v, blank) for k, v in row.items()} for row in rows]


def _typed(kind: str, value: Any, blank: str | None) -> Cell:
    if value is None or value == blank:
        return None
    if kind in ("count", "signed", "int"):
        return int(value)
    if kind == "money":
        return Decimal(str(value))
    if kind == "date":
        return datetime.date.fromisoformat(str(value))
    if kind == "bool":
        return value if isinstance(value, bool) else str(value) == "True"
    return str(value)


def violations_from_records(records: Iterable[Mapping[str, Any]]) -> dict[str, Violations]:
    """The long violations table (:data:`VIOLATION_COLUMNS`, e.g. from :func:`read_records`
    of ``reports.violations.csv``) back as each report's :class:`Violations`, by report id.

    The rows of one violation (one per field) become one :class:`Violation` again, its fields
    in row order; ``lines`` are the lines the rows name, sorted.
    """
    grouped: dict[str, dict[int, list[Mapping[str, Any]]]] = {}
    for row in records:
        missing = {"report_id", "violation", "rule", "severity", "message"} - set(row)
        if missing:
            raise ValueError(f"not a violations table: no column {', '.join(sorted(missing))}")
        number = int(row["violation"])
        grouped.setdefault(str(row[ID]), {}).setdefault(number, []).append(row)
    out: dict[str, Violations] = {}
    for report_id, by_number in grouped.items():
        found = []
        for _number, rows in sorted(by_number.items()):
            first = rows[0]
            found.append(
                Violation(
                    str(first["rule"]),
                    Severity(str(first["severity"])),
                    str(first["message"]),
                    tuple(str(r["field"]) for r in rows if r.get("field")),
                    tuple(sorted({int(r["line"]) for r in rows if r.get("line") is not None})),
                    first.get("assessable") is not False,
                )
            )
        out[report_id] = Violations(found)
    return out

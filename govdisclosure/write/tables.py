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

import datetime
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

from govdisclosure.check.invariants import Violation, check
from govdisclosure.model import Report
from govdisclosure.template.catalog import report_fields
from govdisclosure.write.arrow import arrow_schema, records_to_arrow, records_to_frame
from govdisclosure.write.columns import (
    DIAGNOSTIC_COLUMNS,
    ID,
    KIND_TYPES,
    LONG_COLUMNS,
    MONEY_PRECISION,
    MONEY_SCALE,
    SERIES_VIOLATION_COLUMNS,
    VIOLATION_COLUMNS,
    Cell,
    Record,
    Reports,
    Spec,
    columns,
    report_spec,
    spec_of,
)
from govdisclosure.write.files import (
    read_frame,
    read_records,
    violations_from_records,
    write_csv,
    write_records,
)
from govdisclosure.write.serialize import flatten

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow


__all__ = [
    "DIAGNOSTIC_COLUMNS",
    "ID",
    "KIND_TYPES",
    "LONG_COLUMNS",
    "MONEY_PRECISION",
    "MONEY_SCALE",
    "SERIES_VIOLATION_COLUMNS",
    "VIOLATION_COLUMNS",
    "Cell",
    "Record",
    "Reports",
    "Spec",
    "arrow_schema",
    "columns",
    "diagnostic_records",
    "diagnostics_frame",
    "read_frame",
    "read_records",
    "records_to_arrow",
    "records_to_frame",
    "report_spec",
    "spec_of",
    "to_arrow",
    "to_frame",
    "to_long",
    "to_records",
    "violation_records",
    "violations_arrow",
    "violations_frame",
    "violations_from_records",
    "write_csv",
    "write_records",
]


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

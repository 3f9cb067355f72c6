"""Records to and from files: CSV, JSON Lines, Parquet; violations read back."""

from __future__ import annotations

import contextlib
import csv
import datetime
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from govdisclosure.check.invariants import Severity, Violation
from govdisclosure.check.violations import Violations
from govdisclosure.write.arrow import (
    arrow_schema,
    records_to_arrow,
    records_to_frame,
    require_extra,
)
from govdisclosure.write.columns import (
    FORMATS,
    ID,
    TABLE_SPECS,
    Cell,
    Record,
    Spec,
    columns,
    report_spec,
    spec_of,
)

if TYPE_CHECKING:  # pragma: no cover
    pass

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


@contextlib.contextmanager
def replacing(path: str | Path) -> Iterator[Path]:
    """Write a file whole or not at all: yields a temporary path in the same folder (with the
    same suffix, so that the format is known from it), renamed to ``path`` when the block ends
    without an exception, removed when it raises.  A crash leaves ``path`` as it was (or
    absent), never half written."""
    path = Path(path)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=f".partial{path.suffix}",
                                dir=path.parent)  # fmt: skip
    os.close(fd)
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


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
    if suffix not in FORMATS:
        raise ValueError(f"unknown table format {path.suffix!r}: use one of {', '.join(FORMATS)}")
    with replacing(path) as temporary:  # written whole, then renamed: never half a file
        if suffix == ".parquet":
            pq = require_extra("pyarrow.parquet", "arrow")
            pq.write_table(records_to_arrow(records, spec), temporary)
        elif suffix == ".csv":
            with temporary.open("w", encoding="utf-8-sig", newline="") as out:
                write_csv(records, out, names)
        else:  # .jsonl
            with temporary.open("w", encoding="utf-8") as out:
                for record in records:
                    row = {k: _json_value(record.get(k)) for k in names}
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
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
    pa = require_extra("pyarrow", "arrow")
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        pq = require_extra("pyarrow.parquet", "arrow")
        table = pq.read_table(path)
    elif suffix == ".csv":
        pa_csv = require_extra("pyarrow.csv", "arrow")
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
        pl = require_extra("polars", "polars")
        return pl.from_arrow(table)
    require_extra("pandas", "pandas")
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

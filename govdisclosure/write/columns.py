"""The columns of the tables govdisclosure writes, with the kind of each (see docs/model.md)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from govdisclosure.check.corpus import SERIES_COLUMNS
from govdisclosure.model import Report
from govdisclosure.template.catalog import report_fields

if TYPE_CHECKING:  # pragma: no cover
    pass

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


FIELDS_BY_KEY = {f.key: f for f in report_fields()}


def report_spec() -> tuple[tuple[str, str], ...]:
    """(column, kind) of the reports table, in order."""
    return ((ID, "text"), *((f.key, f.kind) for f in report_fields()))


def columns() -> tuple[str, ...]:
    """The columns of :func:`to_records`, in order: ``report_id``, then the flat keys."""
    return tuple(name for name, _kind in report_spec())


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

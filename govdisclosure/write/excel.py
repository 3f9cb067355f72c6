"""Reports as an Excel workbook (``pip install 'govdisclosure[excel]'``: openpyxl).

:func:`write_excel` writes one sheet per table — 报告 (the document fields and the prose),
表二, 表三, 表四 — with the Chinese label of each column on the first row and its flat key on
the second, then one row per report; a 违规 sheet (the violations, long) and a 诊断 sheet (the
diagnostics).  Counts are Excel numbers, money is a number in 万元 (Excel stores it as a
double: 15 significant digits, enough for 万元 to the fen), dates are dates, a blank cell is
an empty cell (never 0).  ``govdisclosure export --out reports.xlsx`` writes the same.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from govdisclosure.template.catalog import report_fields
from govdisclosure.write.files import replacing
from govdisclosure.write.tables import (
    DIAGNOSTIC_COLUMNS,
    ID,
    SERIES_VIOLATION_COLUMNS,
    VIOLATION_COLUMNS,
    Record,
    Spec,
)

__all__ = ["SHEETS", "write_excel"]

# sheet name → which flat keys go on it (by their first part)
SHEETS: dict[str, tuple[str, ...]] = {
    "报告": ("",),  # the fields that are not cells of tables 二, 三, 四
    "表二": ("proactive",),
    "表三": ("requests",),
    "表四": ("appeals",),
}
VIOLATIONS_SHEET, DIAGNOSTICS_SHEET, SERIES_SHEET = "违规", "诊断", "跨年度"
_CELL_LIMIT = 32_767  # characters Excel holds in a cell
_COLUMN_ZH = {
    ID: "报告标识",
    "violation": "违规序号",
    "diagnostic": "诊断序号",
    "rule": "规则",
    "severity": "严重程度",
    "field": "字段",
    "line": "行号",
    "message": "说明（英文）",
    "message_zh": "说明",
    "assessable": "可判断",
    "code": "代码",
    "kind": "类别",
    "meaning_zh": "含义",
    "organ": "机关",
    "fields": "字段",
    "previous_id": "上年报告",
    "previous_year": "上年年度",
    "previous_line": "上年行号",
    "current_id": "本年报告",
    "current_year": "本年年度",
    "current_line": "本年行号",
}


def _sheet_of(key: str) -> str:
    head = key.split(".", 1)[0]
    for name, heads in SHEETS.items():
        if head in heads:
            return name
    return "报告"


def _value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return value  # openpyxl writes a Decimal as a number
    if isinstance(value, str) and len(value) > _CELL_LIMIT:
        raise ValueError(
            f"a text of {len(value)} characters does not fit an Excel cell ({_CELL_LIMIT}); "
            "export to .parquet or .jsonl instead"
        )
    return value


def _write(sheet: Any, columns: Sequence[tuple[str, str]], records: Sequence[Record]) -> None:
    from openpyxl.styles import Font

    sheet.append([label for _key, label in columns])
    sheet.append([key for key, _label in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for cell in sheet[2]:
        cell.font = Font(italic=True, color="808080")
    for record in records:
        sheet.append([_value(record.get(key)) for key, _label in columns])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, datetime.date):
                cell.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "B3"


def write_excel(
    path: str | Path,
    records: Sequence[Record],
    violations: Sequence[Record] = (),
    diagnostics: Sequence[Record] = (),
    series: Sequence[Record] | None = None,
) -> Path:
    """Write the reports table, its violations and diagnostics as an ``.xlsx`` workbook
    (and ``series``, the series violations of ``check_corpus``, when given)."""
    try:
        from openpyxl import Workbook
    except ImportError as exc:
        raise ImportError(
            "Excel export needs openpyxl: pip install 'govdisclosure[excel]'"
        ) from exc
    book = Workbook()
    for default in list(book.worksheets):
        book.remove(default)
    per_sheet: dict[str, list[tuple[str, str]]] = {name: [(ID, "报告标识")] for name in SHEETS}
    for f in report_fields():
        per_sheet[_sheet_of(f.key)].append((f.key, f.label))
    for name, columns in per_sheet.items():
        _write(book.create_sheet(name), columns, records)
    for name, spec, rows in (
        (VIOLATIONS_SHEET, VIOLATION_COLUMNS, violations),
        (DIAGNOSTICS_SHEET, DIAGNOSTIC_COLUMNS, diagnostics),
    ):
        _write(book.create_sheet(name), _labelled(spec), rows)
    if series is not None:
        _write(book.create_sheet(SERIES_SHEET), _labelled(SERIES_VIOLATION_COLUMNS), series)
    path = Path(path)
    with replacing(path) as temporary:  # written whole, then renamed
        book.save(temporary)
    return path


def _labelled(spec: Spec) -> list[tuple[str, str]]:
    return [(key, _COLUMN_ZH.get(key, key)) for key, _kind in spec]

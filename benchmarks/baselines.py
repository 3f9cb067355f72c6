"""The two baselines our parser is measured against, and how their numbers are scored.

(a) ``regex_scan``: one regular expression pulls every number out of the text, in order — the
    floor any parser pays to read the digits.  To score it, the numbers from the first
    「第二十条」 on are dealt to the template's number cells in order (table 二, 三, 四).
(b) ``read_html_fill``: the "obvious" approach — ``pandas.read_html`` on the HTML rendering,
    then every cell that holds a number, table by table and row by row, dealt to the template's
    number cells in order.

Neither knows a blank cell from a missing one, a row number (「1.属于国家秘密」) from a count,
or 「减4」 from 4: that is what their error rates show.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from govdisclosure import Template
from govdisclosure import template as T

Values = dict[str, int | Decimal | None]

_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
_TABLE_START = re.compile(r"第二十[条條]")


def regex_scan(text: str) -> list[str]:
    """Every number in the text, in order, with where table 二 starts (as a marker)."""
    start = _TABLE_START.search(text)
    return _NUMBER.findall(text, start.start() if start else 0)


def fields(version: Template) -> list[str]:
    return [key for key, _kind in T.number_fields(version)]


def deal(numbers: Iterable[Any], keys: Sequence[str]) -> Values:
    """Numbers dealt to the template's cells in order; cells left over stay None."""
    out: Values = dict.fromkeys(keys)
    for key, raw in zip(keys, numbers, strict=False):
        out[key] = _value(raw)
    return out


def _value(raw: Any) -> int | Decimal | None:
    if isinstance(raw, float):
        if math.isnan(raw):
            return None
        raw = repr(raw)
        if raw.endswith(".0"):
            raw = raw[:-2]
    try:
        d = Decimal(str(raw))
    except InvalidOperation:
        return None
    return int(d) if d == d.to_integral_value() and "." not in str(raw) else d


def read_html_fill(html: str, keys: Sequence[str]) -> Values:
    """``pandas.read_html`` and positional filling of every numeric cell."""
    import pandas as pd

    try:
        tables = pd.read_html(io.StringIO(html))
    except ValueError:  # no table found
        return dict.fromkeys(keys)
    numbers: list[Any] = []
    for df in tables:
        for row in df.itertuples(index=False):
            for cell in row:
                if _is_number(cell):
                    numbers.append(cell)
    return deal(numbers, keys)


def _is_number(cell: Any) -> bool:
    if isinstance(cell, bool):
        return False
    if isinstance(cell, int):
        return True
    if isinstance(cell, float):
        return not math.isnan(cell)
    if isinstance(cell, str):
        return _NUMBER.fullmatch(cell.strip().replace(",", "")) is not None
    return False


def wrong_cells(got: Values, truth: Values) -> int:
    """Cells of the truth whose value was not read exactly (type aside: 3 == Decimal(3))."""
    return sum(1 for key, want in truth.items() if not _same(got.get(key), want))


def _same(got: int | Decimal | None, want: int | Decimal | None) -> bool:
    if want is None or got is None:
        return got is None and want is None
    return Decimal(got) == Decimal(want)

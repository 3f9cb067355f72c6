"""Roll-ups by region: tables 二–四 summed per administrative division and year.

The region of a report is read from its unified social credit code (``Report.credit_code``):
characters 3–8 are the administrative division code (行政区划代码, GB/T 2260), whose first two
digits name the province, the first four the city and all six the county.  Reports without a
credit code cannot be placed; :attr:`Rollup.unplaced` names them.

A blank cell is never read as 0: the sum over a blank is ``None`` unless ``skipna=True``, and
every sum says how many reports and how many blanks went into it.  Where a region's own
consolidated report (全市汇总, from its government: :func:`is_consolidated`) is in the corpus it
is left out of the sums and compared with them (``R-ROLLUP``, info).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any, Literal

from attrs import frozen

from govdisclosure import template as T
from govdisclosure.check.violation import Violation, fail
from govdisclosure.fieldpaths import flatten_object
from govdisclosure.model import Report, Template

__all__ = [
    "LEVELS",
    "Level",
    "RegionSum",
    "Rollup",
    "division",
    "is_consolidated",
    "numbers",
    "r_rollup",
    "region_of",
    "rollup",
]

Level = Literal["county", "city", "province"]
LEVELS: dict[str, int] = {"province": 2, "city": 4, "county": 6}
"""How many digits of the division code each level keeps (the rest are zeros)."""
Number = int | Decimal
_CONSOLIDATED = "汇总"  # 全市汇总, 全县汇总 …: the word a consolidated report's title carries


def division(credit_code: str | None) -> str | None:
    """The administrative division code (characters 3–8) of a credit code, if all digits."""
    if not credit_code or len(credit_code) != 18:
        return None
    code = credit_code[2:8]
    return code if code.isdigit() else None


def region_of(credit_code: str | None, level: Level) -> str | None:
    """The region at ``level`` as a 6-digit division code (``320800`` for a city)."""
    code = division(credit_code)
    if code is None:
        return None
    keep = LEVELS[level]
    return code[:keep] + "0" * (6 - keep)


def is_consolidated(report: Report) -> bool:
    """Whether the report is a region's consolidated report (its title says 汇总)."""
    return _CONSOLIDATED in (report.title or "")


def numbers(report: Report) -> dict[str, Number | None]:
    """Every number cell of tables 二–四 of the report's template, by flat key."""
    values: dict[str, Any] = {}
    for part in ("proactive", "requests", "appeals"):
        values.update(flatten_object(getattr(report, part), f"{part}."))
    return {key: values.get(key) for key in _cells(report.template)}


@functools.cache
def _cells(version: Template) -> tuple[str, ...]:
    return tuple(key for key, _kind in T.number_fields(version))


@frozen
class RegionSum:
    """One sum: a cell of tables 二–四 over the reports of one region and year.

    ``value`` is None when a report had the cell blank (unless the roll-up skipped blanks);
    ``reports`` counts the reports that have the cell, ``blanks`` those that left it blank.
    """

    region: str
    year: int | None
    key: str
    value: Number | None
    reports: int
    blanks: int


@frozen
class Rollup:
    """What :func:`rollup` returns: the sums, the violations of R-ROLLUP and the reports it
    could not place (no credit code) by their ids."""

    level: str
    sums: tuple[RegionSum, ...]
    violations: tuple[tuple[str, Violation], ...]  # (the consolidated report's id, violation)
    unplaced: tuple[str, ...]

    def value(self, region: str, year: int | None, key: str) -> Number | None:
        return next(s.value for s in self.sums if (s.region, s.year, s.key) == (region, year, key))

    def to_frame(self) -> Any:
        """The sums as a pandas DataFrame (region, year, key, value, reports, blanks)."""
        import pandas as pd

        rows = [(s.region, s.year, s.key, s.value, s.reports, s.blanks) for s in self.sums]
        return pd.DataFrame(rows, columns=["region", "year", "key", "value", "reports", "blanks"])


class _Acc:
    """The running sums of one region and year."""

    __slots__ = ("blanks", "reports", "sums")

    def __init__(self) -> None:
        self.sums: dict[str, Number] = {}
        self.reports: dict[str, int] = {}
        self.blanks: dict[str, int] = {}

    def add(self, values: Mapping[str, Number | None]) -> None:
        reports, blanks, sums = self.reports, self.blanks, self.sums
        for key, value in values.items():
            reports[key] = reports.get(key, 0) + 1
            if value is None:
                blanks[key] = blanks.get(key, 0) + 1
            else:
                sums[key] = sums.get(key, 0) + value

    def cells(self, skipna: bool) -> dict[str, Number | None]:
        return {
            key: (None if self.blanks.get(key) and not skipna else self.sums.get(key, 0))
            for key in self.reports
        }


Entry = tuple[str, Report]


def rollup(
    reports: Iterable[Report | Entry] | Mapping[str, Report],
    level: Level = "county",
    *,
    skipna: bool = False,
    consolidated: Callable[[Report], bool] = is_consolidated,
) -> Rollup:
    """Sum tables 二–四 per region (``level``: county, city or province) and year.

    ``reports``: reports, ``(report_id, report)`` pairs or a mapping of ids to reports.  A
    sum over a blank cell is None unless ``skipna``.  Reports ``consolidated`` says are a
    region's own 汇总 report are not summed; R-ROLLUP compares each with its region's sum.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    items = reports.items() if isinstance(reports, Mapping) else reports
    acc: dict[tuple[str, int | None], _Acc] = {}
    whole: list[tuple[str, str, Report]] = []
    unplaced: list[str] = []
    for n, item in enumerate(items):
        rid, report = item if isinstance(item, tuple) else (f"#{n}", item)
        region = region_of(report.credit_code, level)
        if region is None:
            unplaced.append(rid)
        elif consolidated(report):
            whole.append((rid, region, report))
        else:
            acc.setdefault((region, report.year), _Acc()).add(numbers(report))
    sums = []
    for (region, year), a in sorted(acc.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0)):
        for key, value in a.cells(skipna).items():
            sums.append(RegionSum(region, year, key, value, a.reports[key], a.blanks.get(key, 0)))
    violations: list[tuple[str, Violation]] = []
    for rid, region, report in whole:
        found = acc.get((region, report.year))
        summed = found.cells(skipna) if found is not None else {}
        violations.extend((rid, v) for v in r_rollup(report, summed, region))
    return Rollup(level, tuple(sums), tuple(violations), tuple(unplaced))


def r_rollup(
    report: Report, summed: Mapping[str, Number | None], region: str = "?"
) -> tuple[Violation, ...]:
    """R-ROLLUP: the consolidated ``report``'s cells equal ``summed`` (its organs' sums).

    Cells blank on either side are not judged; with no organ report summed, nothing is.
    """
    if not summed:
        return ()
    own = numbers(report)
    differ = [
        (k, own[k], summed[k])
        for k in own
        if own[k] is not None and summed.get(k) is not None and own[k] != summed[k]
    ]
    if not differ:
        return ()
    shown = "; ".join(f"{k}: {a} ≠ Σ {b}" for k, a, b in differ[:3])
    cells = f"{len(differ)} cell{'' if len(differ) == 1 else 's'}"
    more = f" and {len(differ) - 3} more" if len(differ) > 3 else ""
    return (
        fail(
            "R-ROLLUP",
            f"region {region} {report.year}: {cells} of the consolidated report "
            f"differ from the sum of its organs' reports ({shown}{more})",
            tuple(k for k, _a, _b in differ),
        ),
    )

"""The corpus check: every organ's reports in year order, judged pair by pair.

:func:`check_corpus` takes any number of reports (with their ids), groups them by organ
(``organ_key``, else ``credit_code``), orders each organ's reports by year and runs, on every
two consecutive reports, the registry's cross-year rules (scope *series*: T3-CARRY, T2-STOCK,
T2-ITEMS) and the copy rules C-PROSE-COPY and C-NUMBERS-COPY.  Nothing raises: a report
without a year, without an organ, or a second report of one organ for one year becomes a
:class:`CorpusDiagnostic` naming the reports.  Each :class:`PairViolation` names both
reports (their ids and years) and the source lines of its fields in each.

Reports are kept only as much as the rules need (tables, prose, the locations of the series
cells), so a large corpus can be streamed in (e.g. from :func:`govdisclosure.parse_many`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs
from attrs import frozen

from govdisclosure.check.invariants import RULES
from govdisclosure.check.registry import Severity, statement_zh
from govdisclosure.check.similarity import MIN_NUMBERS, PROSE_COPY, c_numbers_copy, c_prose_copy
from govdisclosure.check.violation import Evidence, Violation, unassessable
from govdisclosure.diagnostics import MEANING_ZH
from govdisclosure.model import Report, Section, section_text

__all__ = [
    "SERIES_COLUMNS",
    "CorpusCheck",
    "CorpusDiagnostic",
    "PairViolation",
    "check_corpus",
    "entries",
    "organ_of",
    "slim",
]

_SERIES = tuple(r for r in RULES if r.part == "series")
_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
_KEPT_LOCATIONS = ("requests.carried_over.", "requests.carried_forward.", "proactive.")

SERIES_COLUMNS: tuple[tuple[str, str], ...] = (
    ("organ", "text"),
    ("rule", "text"),
    ("severity", "text"),
    ("previous_id", "text"),
    ("previous_year", "int"),
    ("previous_line", "int"),
    ("current_id", "text"),
    ("current_year", "int"),
    ("current_line", "int"),
    ("fields", "text"),
    ("message", "text"),
    ("message_zh", "text"),
    ("assessable", "bool"),
)
"""The ``series_violations`` table: its columns and their kinds."""


@frozen
class PairViolation:
    """A violation between two reports of one organ: ``previous`` and ``current``.

    ``fields`` are flat keys prefixed with their report's year (``2023:requests.…``);
    ``previous_lines`` / ``current_lines`` are the source lines of those fields in each
    report, as far as the reports' locations know them.
    """

    rule: str
    severity: Severity
    message: str
    organ: str
    previous_id: str
    current_id: str
    previous_year: int | None
    current_year: int | None
    fields: tuple[str, ...] = ()
    previous_lines: tuple[int, ...] = ()
    current_lines: tuple[int, ...] = ()
    assessable: bool = True
    evidence: tuple[Evidence, ...] = ()  # the quantities compared, as in a Violation

    @property
    def message_zh(self) -> str:
        statement = statement_zh(self.rule)
        return f"不符合：{statement}" if self.assessable else f"无法判断（{statement}）"

    def row(self) -> dict[str, Any]:
        """The violation as a row of the ``series_violations`` table."""
        return {
            "organ": self.organ,
            "rule": self.rule,
            "severity": str(self.severity),
            "previous_id": self.previous_id,
            "previous_year": self.previous_year,
            "previous_line": self.previous_lines[0] if self.previous_lines else None,
            "current_id": self.current_id,
            "current_year": self.current_year,
            "current_line": self.current_lines[0] if self.current_lines else None,
            "fields": ", ".join(self.fields),
            "message": self.message,
            "message_zh": self.message_zh,
            "assessable": self.assessable,
        }


@frozen
class CorpusDiagnostic:
    """A report (or two) the corpus check had to set aside, and why (``code``)."""

    code: str
    message: str
    report_ids: tuple[str, ...]

    @property
    def message_zh(self) -> str:
        return MEANING_ZH.get(self.code, "")


@frozen
class CorpusCheck:
    """What :func:`check_corpus` returns."""

    violations: tuple[PairViolation, ...]
    diagnostics: tuple[CorpusDiagnostic, ...]
    reports: int  # reports given
    organs: int  # organs found

    def rows(self) -> list[dict[str, Any]]:
        """The ``series_violations`` table (columns :data:`SERIES_COLUMNS`)."""
        return [v.row() for v in self.violations]

    def to_frame(self) -> Any:
        """The ``series_violations`` table as a pandas DataFrame."""
        import pandas as pd

        dtypes = {"int": "Int64", "bool": "boolean", "text": "string"}
        frame = pd.DataFrame(self.rows(), columns=[n for n, _k in SERIES_COLUMNS])
        return frame.astype({n: dtypes[k] for n, k in SERIES_COLUMNS})


Item = Report | tuple[str, Report]


def entries(reports: Iterable[Any] | Mapping[str, Report]) -> Iterator[tuple[str, Report]]:
    """``(report_id, report)`` for each of: reports (ids ``#0``, ``#1`` …), ``(id, report)``
    pairs, a mapping of ids to reports, or :func:`govdisclosure.parse_many`'s results
    (``source`` is the id; inputs that were refused are skipped)."""
    items = reports.items() if isinstance(reports, Mapping) else reports
    for n, item in enumerate(items):
        if isinstance(item, Report):
            yield f"#{n}", item
        elif isinstance(item, tuple):
            yield str(item[0]), item[1]
        elif getattr(item, "report", None) is not None:
            yield str(item.source), item.report


def organ_of(report: Report) -> str | None:
    """The key a report is grouped by: ``organ_key``, else ``credit_code``."""
    return report.organ_key or report.credit_code


def slim(report: Report) -> Report:
    """The report with only what the series and copy rules read (memory stays small)."""
    flat = {
        key: Section(getattr(report, key).title, section_text(getattr(report, key)))
        for key in ("overview", "problems", "other_matters")
    }
    kept = {k: s for k, s in report.locations.items() if k.startswith(_KEPT_LOCATIONS)}
    return attrs.evolve(
        report,
        overview=flat["overview"],
        problems=flat["problems"],
        other_matters=flat["other_matters"],
        metadata=(),
        diagnostics=(),
        locations=kept,
    )


def _lines(v: Violation, report: Report) -> tuple[int, ...]:
    tag = f"{report.year if report.year is not None else '?'}:"
    found = {
        report.locations[f[len(tag) :]].line
        for f in v.fields
        if f.startswith(tag) and f[len(tag) :] in report.locations
    }
    return tuple(sorted(found))


def _pair(organ: str, a: tuple[str, Report], b: tuple[str, Report], v: Violation) -> PairViolation:
    (aid, prev), (bid, cur) = a, b
    return PairViolation(
        v.rule, v.severity, v.message, organ, aid, bid, prev.year, cur.year,
        v.fields, _lines(v, prev), _lines(v, cur), v.assessable, v.evidence,
    )  # fmt: skip


def _judge(
    organ: str,
    series: list[tuple[str, Report]],
    prose_copy: float | None,
    min_numbers: int | None,
) -> Iterator[PairViolation]:
    for a, b in itertools.pairwise(series):
        prev, cur = a[1], b[1]
        found: list[Violation] = []
        if cur.year != (prev.year or 0) + 1:
            gap = f"no report between {prev.year} and {cur.year}"
            found.extend(unassessable(r.id, gap, ()) for r in _SERIES)
        else:
            for r in _SERIES:
                found.extend(r.function(prev, cur))
        if prose_copy is not None:
            found.extend(c_prose_copy(prev, cur, prose_copy))
        if min_numbers is not None:
            found.extend(c_numbers_copy(prev, cur, min_numbers))
        yield from (_pair(organ, a, b, v) for v in found)


def check_corpus(
    reports: Iterable[Any] | Mapping[str, Report],
    *,
    prose_copy: float | None = PROSE_COPY,
    min_numbers: int | None = MIN_NUMBERS,
) -> CorpusCheck:
    """The cross-year and copy rules over a corpus, organ by organ, year by year.

    ``reports``: see :func:`entries` (reports, ``(id, report)`` pairs, a mapping, or
    ``parse_many``'s results).  ``prose_copy``: the C-PROSE-COPY threshold (None: not run);
    ``min_numbers``: C-NUMBERS-COPY's least count of non-zero numbers (None: not run).
    Violations are ordered by organ, years, severity and rule; never an exception for a
    duplicate or a missing year (they are :attr:`CorpusCheck.diagnostics`).
    """
    organs: dict[str, dict[int, tuple[str, Report]]] = {}
    diagnostics: list[CorpusDiagnostic] = []
    count = 0
    for rid, report in entries(reports):
        count += 1
        organ = organ_of(report)
        if organ is None:
            diagnostics.append(
                CorpusDiagnostic(
                    "corpus-organ-missing", f"{rid}: no organ_key and no credit_code", (rid,)
                )
            )
            continue
        if report.year is None:
            diagnostics.append(
                CorpusDiagnostic("corpus-year-missing", f"{rid} ({organ}): no year", (rid,))
            )
            continue
        years = organs.setdefault(organ, {})
        if report.year in years:
            first = years[report.year][0]
            diagnostics.append(
                CorpusDiagnostic(
                    "corpus-year-duplicate",
                    f"{organ} {report.year}: {first} and {rid}; {rid} left out of the series",
                    (first, rid),
                )
            )
            continue
        years[report.year] = (rid, slim(report))
    found: list[PairViolation] = []
    for organ in sorted(organs):
        series = [organs[organ][y] for y in sorted(organs[organ])]
        found.extend(
            sorted(
                _judge(organ, series, prose_copy, min_numbers),
                key=lambda v: (v.current_year or 0, _RANK[v.severity], v.rule, v.fields),
            )
        )
    return CorpusCheck(tuple(found), tuple(diagnostics), count, len(organs))

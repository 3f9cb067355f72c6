"""The consistency rules of the template: pure functions, their registry, and the entry points.

Every rule is a pure function ``(part of the model) -> tuple[Violation, ...]`` (in
``_rules_tables``, ``_rules_document``, ``_rules_series``; re-exported here).  :data:`RULES`
pairs each with its registry entry (``_rulebook``: stable id, severity, one-line statement
in Chinese and English, the flat keys it reads); ``docs/rules.md`` is generated from it
(``govdisclosure.check.rules_doc``, by ``python -m govdisclosure._docs``).  :func:`check` runs every
single-report rule, :func:`check_series` the cross-year ones.  Nothing here reads text:
the sentences of the prose are read by ``_prose``.

**Not assessable.**  When a value a rule needs is ``None`` (a blank cell, no year), the rule
is neither passed nor failed: it yields a :class:`Violation` of severity ``info`` with
``assessable=False`` whose ``fields`` name the missing values.  A rule whose subject is
absent from the report altogether (no sentence about the quantity, no date under section
六) does not apply and yields nothing.  The ``*-NONNEG`` rules judge only cells that hold a
number.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Mapping

from attrs import evolve, field, frozen

from govdisclosure.check.registry import CROSS_REPORT, RULEBOOK, RuleInfo, Severity
from govdisclosure.check.rollup import r_rollup
from govdisclosure.check.rules_document import (
    d_deadline,
    d_fee_text,
    d_sections,
    d_text,
    d_version,
    d_year,
)
from govdisclosure.check.rules_series import t2_items, t2_stock, t3_carry
from govdisclosure.check.rules_tables import (
    t2_delta,
    t2_in_force,
    t2_nonneg,
    t3_fee_link,
    t3_ident,
    t3_nonneg,
    t3_outtotal,
    t3_rowtotal,
    t3_split,
    t4_nonneg,
    t4_sum,
)
from govdisclosure.check.similarity import c_cross_organ, c_numbers_copy, c_prose_copy
from govdisclosure.check.violation import Evidence, Violation, unassessable
from govdisclosure.check.violations import Violations
from govdisclosure.model import Report, SourceSpan

__all__ = [
    "RULES",
    "Evidence",
    "Rule",
    "Severity",
    "Violation",
    "check",
    "check_series",
    "d_deadline",
    "d_fee_text",
    "d_sections",
    "d_text",
    "d_version",
    "d_year",
    "rule",
    "t2_delta",
    "t2_in_force",
    "t2_items",
    "t2_nonneg",
    "t2_stock",
    "t3_carry",
    "t3_fee_link",
    "t3_ident",
    "t3_nonneg",
    "t3_outtotal",
    "t3_rowtotal",
    "t3_split",
    "t4_nonneg",
    "t4_sum",
]

RuleFunction = Callable[..., tuple[Violation, ...]]


@frozen
class Rule(RuleInfo):
    """A registry entry (see ``_rulebook.RuleInfo``) with its function."""

    function: RuleFunction = field(eq=False, repr=False)

    def run(self, report: Report) -> tuple[Violation, ...]:
        """The rule on one report (``series`` rules take two: call ``function``)."""
        if self.part == "requests":
            return self.function(report.requests, report.template)
        if self.part == "report":
            return self.function(report)
        return self.function(getattr(report, self.part))


_FUNCTIONS: dict[str, RuleFunction] = {
    "T3-IDENT": t3_ident,
    "T3-OUTTOTAL": t3_outtotal,
    "T3-ROWTOTAL": t3_rowtotal,
    "T3-NONNEG": t3_nonneg,
    "T3-V2021-SPLIT": t3_split,
    "T3-FEE-LINK": t3_fee_link,
    "T4-SUM": t4_sum,
    "T4-NONNEG": t4_nonneg,
    "T2-NONNEG": t2_nonneg,
    "T2-INFORCE": t2_in_force,
    "T2-V2019-DELTA": t2_delta,
    "D-SECTIONS": d_sections,
    "D-VERSION": d_version,
    "D-YEAR": d_year,
    "D-DEADLINE": d_deadline,
    "D-TEXT": d_text,
    "D-FEE-TEXT": d_fee_text,
    "T3-CARRY": t3_carry,
    "T2-STOCK": t2_stock,
    "T2-ITEMS": t2_items,
    "C-PROSE-COPY": c_prose_copy,
    "C-NUMBERS-COPY": c_numbers_copy,
    "C-CROSS-ORGAN": c_cross_organ,
    "R-ROLLUP": r_rollup,
}

RULES: tuple[Rule, ...] = tuple(
    Rule(i.id, i.severity, i.zh, i.en, i.reads, i.part, _FUNCTIONS[i.id]) for i in RULEBOOK
)
_BY_ID = {r.id: r for r in RULES}
_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def rule(rule_id: str) -> Rule:
    """The registry entry of a rule id."""
    return _BY_ID[rule_id]


def _sort_key(v: Violation) -> tuple[int, str, tuple[str, ...], str]:
    return (_RANK[v.severity], v.rule, v.fields, v.message)


def _lines(
    given: Iterable[int], fields: Iterable[str], at: Mapping[str, SourceSpan]
) -> tuple[int, ...]:
    lines = set(given)
    lines.update(at[f].line for f in fields if f in at)
    return tuple(sorted(lines))


def _with_lines(v: Violation, locations: Mapping[str, SourceSpan]) -> Violation:
    evidence = tuple(evolve(e, lines=_lines(e.lines, e.fields, locations)) for e in v.evidence)
    return evolve(v, lines=_lines(v.lines, v.fields, locations), evidence=evidence)


def check(report: Report) -> Violations:
    """Every single-report rule, sorted by severity, rule id and fields; ``()`` if consistent.

    The result is a :class:`~govdisclosure.violations.Violations`: a tuple (``== ()`` when
    the report is consistent) with ``to_frame()`` and an HTML view for notebooks.
    """
    found = (
        _with_lines(v, report.locations)
        for r in RULES
        if r.part not in CROSS_REPORT
        for v in r.run(report)
    )
    return Violations(sorted(found, key=_sort_key))


def check_series(reports: Iterable[Report]) -> Violations:
    """The cross-year rules over one organ's reports, given in any order.

    Consecutive years are compared; a year missing between two reports makes every
    cross-year rule not assessable for that gap.  Each report needs its year, and no year
    may come twice (``ValueError``).  The single-report rules are not run: call
    :func:`check` on each report.
    """
    given = list(reports)
    if any(r.year is None for r in given):
        raise ValueError("check_series needs the year of every report (Report.year is None)")
    ordered = sorted(given, key=lambda r: r.year or 0)
    years = [r.year for r in ordered]
    if len(set(years)) != len(years):
        raise ValueError(f"check_series got two reports for one year: {years}")
    series = [r for r in RULES if r.part == "series"]
    out: list[Violation] = []
    for prev, cur in itertools.pairwise(ordered):
        if cur.year != (prev.year or 0) + 1:
            gap = f"no report between {prev.year} and {cur.year}"
            out.extend(unassessable(r.id, gap, ()) for r in series)
            continue
        for r in series:
            out.extend(r.function(prev, cur))
    return Violations(sorted(out, key=_sort_key))

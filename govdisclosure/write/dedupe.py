"""One row per report: drop the same source read twice, and a second parse of one organ's year.

Two reports are the same when their sources are byte-identical (``source_sha256``), or when
they have the same ``organ_key`` and ``year`` (the report saved as HTML and as text, or in
Traditional script) and no two different credit codes (``credit_code``) tell them apart.
Of each group the most complete parse is kept: the most number cells
filled, then the fewest diagnostics, then the fewest violations, then the first in input order.
"""

from __future__ import annotations

import collections
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from attrs import frozen

from govdisclosure.check.violation import Violation
from govdisclosure.model import Report

__all__ = ["Candidate", "Dropped", "candidate", "choose"]

SAME_SOURCE = "same source"
SAME_ORGAN_YEAR = "same organ and year"


@frozen
class Candidate:
    """What dedupe compares of one parsed report."""

    report_id: str
    order: int
    sha256: str | None
    organ_key: str | None
    year: int | None
    credit_code: str | None
    numbers: int  # number cells holding a value
    diagnostics: int
    violations: int


@frozen
class Dropped:
    """A report left out, the reason, and the report kept in its place."""

    report_id: str
    reason: str
    kept: str


def candidate(
    report_id: str,
    order: int,
    report: Report,
    record: Mapping[str, Any],
    violations: Sequence[Violation],
) -> Candidate:
    """The comparison data of a report: ``order`` its place in the input, ``record`` its row
    of the flat export, ``violations`` what :func:`govdisclosure.check` found."""
    numbers = sum(
        1
        for k, v in record.items()
        if k.startswith(("proactive.", "requests.", "appeals."))
        and ".subtotal." not in k
        and isinstance(v, int | Decimal)
    )
    judged = sum(1 for v in violations if v.assessable)
    return Candidate(
        report_id,
        order,
        report.source_sha256,
        report.organ_key,
        report.year,
        report.credit_code,
        numbers,
        len(report.diagnostics),
        judged,
    )


def _better(c: Candidate) -> tuple[int, int, int, int]:
    return (-c.numbers, c.diagnostics, c.violations, c.order)


def _pick(
    items: Sequence[Candidate], key: Any, reason: str
) -> tuple[list[Candidate], list[Dropped]]:
    groups: dict[Any, list[Candidate]] = {}
    for c in items:
        k = key(c)
        groups.setdefault(k if k is not None else ("unique", c.order), []).append(c)
    kept: list[Candidate] = []
    dropped: list[Dropped] = []
    for group in groups.values():
        best = min(group, key=_better)
        kept.append(best)
        dropped.extend(Dropped(c.report_id, reason, best.report_id) for c in group if c is not best)
    return sorted(kept, key=lambda c: c.order), dropped


def _codes_by_group(items: Sequence[Candidate], key: Any) -> dict[Any, str | None]:
    """Per (organ_key, year): the credit code most of its reports carry.  Two organs may fold
    to one name (党政办公室 in two counties): reports with different credit codes are not
    duplicates; a report without a code joins the group's usual code."""
    seen: dict[Any, collections.Counter[str]] = {}
    for c in items:
        k = key(c)
        if k is not None and c.credit_code:
            seen.setdefault(k, collections.Counter())[c.credit_code] += 1
    return {k: counter.most_common(1)[0][0] for k, counter in seen.items()}


def choose(items: Sequence[Candidate]) -> tuple[list[str], list[Dropped]]:
    """The report ids to keep, in input order, and the ones dropped with their reason."""
    kept, same_source = _pick(items, lambda c: c.sha256, SAME_SOURCE)

    def organ_year(c: Candidate) -> tuple[str, int] | None:
        return (c.organ_key, c.year) if c.organ_key and c.year is not None else None

    codes = _codes_by_group(kept, organ_year)

    def organ_year_code(c: Candidate) -> tuple[str, int, str | None] | None:
        key = organ_year(c)
        return None if key is None else (*key, c.credit_code or codes.get(key))

    kept, same_organ = _pick(kept, organ_year_code, SAME_ORGAN_YEAR)
    dropped = same_source + same_organ
    return [c.report_id for c in kept], dropped

"""What ``govdisclosure export`` does with each parsed report, and the summary it prints.

Each report becomes an :class:`ExportRow` (its row of the reports table, its violations and
diagnostics, and what dedupe compares); files that could not be read are :class:`Refused`.
"""

from __future__ import annotations

import collections
from collections.abc import Sequence
from pathlib import Path

import click
from attrs import frozen

from govdisclosure.check.invariants import check
from govdisclosure.errors import ParseError
from govdisclosure.inputs import Input, read_bytes
from govdisclosure.model import Report
from govdisclosure.reportfiles import REPORT_SUFFIXES, UNREADABLE
from govdisclosure.write.dedupe import Candidate, Dropped, candidate, choose
from govdisclosure.write.tables import Record, columns, diagnostic_rows, to_records, violation_rows

__all__ = [
    "Dropped",
    "ExportRow",
    "Refused",
    "counts",
    "deduped",
    "export_row",
    "refusal_of",
    "sources",
    "summary",
]


@frozen
class Refused:
    """A file that gave no report: the reason code (``ParseError.code``) and the message."""

    report_id: str
    code: str
    message: str


def sources(items: list[Input]) -> list[str | bytes]:
    """What parse_many gets: local paths (read by the workers), else the bytes."""
    out: list[str | bytes] = []
    for item in items:
        if item.path is not None:
            out.append(item.path)
        else:
            try:
                out.append(read_bytes(item))
            except OSError:
                out.append(item.url or item.report_id)  # parse_many reports the OSError
    return out


@frozen
class ExportRow:
    """One parsed report's rows, and what dedupe needs to compare it with others."""

    record: Record
    violations: tuple[Record, ...]
    diagnostics: tuple[Record, ...]
    candidate: Candidate


def export_row(report_id: str, order: int, report: Report) -> ExportRow:
    """The rows of one parsed report (``order``: its place in the input, for dedupe)."""
    record = to_records({report_id: report})[0]
    found = check(report)
    return ExportRow(
        record,
        tuple(violation_rows(report_id, report, found)),
        tuple(diagnostic_rows(report_id, report)),
        candidate(report_id, order, report, record, found),
    )


def deduped(rows: list[ExportRow]) -> tuple[list[ExportRow], list[Dropped]]:
    keep, dropped = choose([r.candidate for r in rows])
    kept_ids = set(keep)
    return [r for r in rows if r.candidate.report_id in kept_ids], dropped


def refusal_of(report_id: str, error: BaseException | None) -> Refused:
    if isinstance(error, ParseError):
        return Refused(report_id, error.code or "", str(error))
    return Refused(report_id, UNREADABLE, str(error))


def summary(
    found: int,
    records: list[Record],
    refused: list[Refused],
    dropped: list[Dropped],
    violations: list[Record],
    diagnostics: list[Record],
    written: tuple[Path, Path, Path],
    elapsed: float,
    skipped: Sequence[str] = (),
) -> None:
    echo = click.echo
    if not found:
        echo(f"no report files ({' '.join(REPORT_SUFFIXES)}) found")
    if skipped:
        echo(
            f"files       {found + len(skipped)} seen: {len(records) + len(dropped)} parsed, "
            f"{len(refused)} refused, {len(skipped)} skipped as unsupported"
        )
    shape = f"{len(records)} rows × {len(columns())} columns"
    echo(f"parsed      {len(records) + len(dropped)} of {found} files → {written[0]} ({shape})")
    reasons = collections.Counter(r.code for r in refused)
    echo(f"refused     {len(refused)}" + counts(reasons))
    for r in refused[:20]:
        first = r.message.splitlines()[0] if r.message else ""
        echo(f"              {r.report_id}: [{r.code}] {first}")
    if len(refused) > 20:
        echo(f"              … and {len(refused) - 20} more")
    if skipped:
        echo(f"skipped     {len(skipped)} unsupported (not a report file type)")
        for name in skipped[:20]:
            echo(f"              {name}")
        if len(skipped) > 20:
            echo(f"              … and {len(skipped) - 20} more")
    if dropped:
        why = collections.Counter(d.reason for d in dropped)
        echo(f"duplicates  {len(dropped)} dropped" + counts(why))
        for d in dropped[:20]:
            echo(f"              {d.report_id}: {d.reason} as {d.kept}")
        if len(dropped) > 20:
            echo(f"              … and {len(dropped) - 20} more")
    # one count per violation (the long table has one row per field of it)
    seen = {(v["report_id"], v["violation"]): v for v in violations}
    judged = [v for v in seen.values() if v["assessable"]]
    by_rule = collections.Counter((str(v["rule"]), str(v["severity"])) for v in judged)
    in_reports = len({v["report_id"] for v in judged})
    echo(f"violations  {len(judged)} in {in_reports} reports → {written[1]}")
    width = max((len(rule) for rule, _severity in by_rule), default=0)
    for (rule, severity), n in sorted(by_rule.items(), key=lambda item: (-item[1], item[0])):
        echo(f"              {rule:<{width}}  {severity:<7}  {n}")
    unassessable = len(seen) - len(judged)
    if unassessable:
        echo(f"not judged  {unassessable} rule checks lacked a value (blank cells; severity info)")
    in_reports = len({d["report_id"] for d in diagnostics})
    echo(f"diagnostics {len(diagnostics)} in {in_reports} reports → {written[2]}")
    rate = found / elapsed if elapsed > 0 else 0.0
    echo(f"time        {elapsed:.1f} s ({rate:.1f} files/s)")


def counts(counter: collections.Counter[str]) -> str:
    return (": " + ", ".join(f"{k} {n}" for k, n in counter.most_common())) if counter else ""

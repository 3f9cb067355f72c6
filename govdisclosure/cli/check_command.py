"""``govdisclosure check``: each report's violations with the source lines quoted, and totals."""

from __future__ import annotations

import collections
import io
import json
import re
import sys
from collections.abc import Sequence
from typing import Any

import click

from govdisclosure.check.invariants import Severity, Violation, check
from govdisclosure.check.violations import Violations, violation_json
from govdisclosure.cli.common import (
    ENCODING,
    EXIT_FOUND,
    EXIT_OK,
    INPUTS,
    JOBS,
    QUIET,
    SAMPLE_OPTION,
    STRICT,
    console_for,
    echo_refusal,
    format_option,
    inputs_and_skipped,
    outcomes_of,
    printed,
    with_data,
)
from govdisclosure.reportfiles import Outcome, source_places
from govdisclosure.write.tables import VIOLATION_COLUMNS, Record, violation_rows, write_csv

_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}
_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_QUOTED = 3  # source lines quoted per violation
_QUOTE_WIDTH = 110


def _at_or_above(v: Violation, threshold: Severity) -> bool:
    return _RANK.get(v.severity, 2) >= _RANK[threshold]


def _phrases(message: str) -> list[str]:
    return [p for p in re.findall(r"「(.+?)」", message) if len(p) >= 2]


def _quoted_lines(v: Violation, lines: Sequence[str]) -> list[int]:
    """The violation's lines, and the lines that hold the words its message quotes 「…」
    (a sentence of the prose has no location in the model, its words do stand in the file)."""
    found = set(v.lines)
    for phrase in _phrases(v.message):
        found.update(n for n, text in enumerate(lines, 1) if phrase in text)
    return sorted(n for n in found if 1 <= n <= len(lines))


def _quote(line: str, message: str) -> str:
    """The source line, cut to a window around the words the message quotes 「…」."""
    line = line.replace("\t", "  ").strip()
    if len(line) <= _QUOTE_WIDTH:
        return line
    start = 0
    for phrase in _phrases(message):
        at = line.find(phrase)
        if at >= 0:
            start = max(0, at - (_QUOTE_WIDTH - len(phrase)) // 2)
            break
    end = min(len(line), start + _QUOTE_WIDTH)
    start = max(0, end - _QUOTE_WIDTH)
    return ("…" if start else "") + line[start:end] + ("…" if end < len(line) else "")


def _violations_table(
    violations: Sequence[Violation],
    lines: Sequence[str],
    places: Sequence[tuple[int, int]] = (),
) -> Any:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, show_lines=False, pad_edge=False, expand=False)
    table.add_column("severity", no_wrap=True)
    table.add_column("rule", no_wrap=True)
    table.add_column("line", justify="right", no_wrap=True)
    table.add_column("message and source", overflow="fold")
    for v in violations:
        body = Text(v.message)
        if v.fields:
            body.append("\nfields: " + ", ".join(v.fields), style="dim")
        quoted = _quoted_lines(v, lines)

        def at(n: int) -> str:  # a PDF's line: its page and its line on the page
            return f"p.{places[n - 1][0]} l.{places[n - 1][1]}" if 0 < n <= len(places) else str(n)

        for n in quoted[:_QUOTED]:
            body.append(f"\n{at(n):>5} │ ", style="dim")
            body.append(_quote(lines[n - 1], v.message), style="italic")
        if len(quoted) > _QUOTED:
            body.append(f"\n      … {len(quoted) - _QUOTED} more lines", style="dim")
        where = at(quoted[0]) if quoted else (at(v.lines[0]) if v.lines else "")
        table.add_row(Text(str(v.severity), style=_STYLE.get(v.severity, "")), v.rule, where, body)
    return table


def _headline(outcome: Outcome, violations: Sequence[Violation]) -> str:
    report = outcome.report
    assert report is not None
    who = " ".join(str(x) for x in (report.organ, report.year) if x) or "report"
    counts = collections.Counter(str(v.severity) for v in violations)
    found = ", ".join(f"{counts[s.value]} {s.value}" for s in Severity if counts[s.value])
    return f"{outcome.name} · {who} ({report.template.value}) · {found or 'consistent'}"


@click.command(name="check")
@INPUTS
@SAMPLE_OPTION
@click.option(
    "--fail-on",
    type=click.Choice([s.value for s in Severity]),
    default="error",
    show_default=True,
    help="Exit with 1 when a violation of this severity or a higher one is found.",
)
@format_option(
    ("table", "json", "csv"),
    "table: for people, with the source lines quoted and the totals at the end; json: one "
    "object (reports with their violations, refused files, totals); csv: the long violations "
    "table (report_id, violation, rule, severity, field, line, message, assessable).",
)
@STRICT
@ENCODING
@JOBS
@QUIET
def check_command(
    inputs: tuple[str, ...],
    sample: bool,
    fail_on: str,
    fmt: str,
    strict: bool,
    encoding: str | None,
    jobs: int,
    quiet: bool,
) -> None:
    """Check reports against the template's consistency rules.

    Takes files, folders (every report below them), globs, URLs and `-` (standard input).
    Prints each report's violations — severity, rule, line, message, and the source line
    quoted — then the totals, and exits with 1 when one at or above --fail-on is found or a
    file cannot be read as a report (0 otherwise), so that it can gate a publishing pipeline.
    The rules: docs/rules.md.
    """
    threshold = Severity(fail_on)
    console = console_for()
    failed = False
    rows: list[Record] = []
    checked: list[tuple[Outcome, Violations]] = []
    refused: list[Outcome] = []
    items, skipped = inputs_and_skipped(inputs, sample)
    for item, outcome in outcomes_of(items, encoding, strict, jobs):
        if outcome.report is None:
            if not quiet and fmt != "json":
                echo_refusal(outcome)
            refused.append(outcome)
            failed = True
            continue
        violations = check(outcome.report)
        checked.append((outcome, violations))
        failed = failed or any(_at_or_above(v, threshold) for v in violations)
        if quiet or fmt == "json":
            continue
        if fmt == "csv":
            rows.extend(violation_rows(outcome.name, outcome.report, violations))
            continue
        shown = [_headline(outcome, violations)]
        if violations:
            lines, places = source_places(with_data(item, outcome))
            shown.append(_violations_table(violations, lines, places))
        click.echo(printed(console, *shown))
    if quiet:
        pass
    elif fmt == "csv":
        buffer = io.StringIO()
        write_csv(rows, buffer, [name for name, _kind in VIOLATION_COLUMNS])
        click.echo(buffer.getvalue(), nl=False)
    elif fmt == "json":
        click.echo(json.dumps(_check_json(checked, refused, skipped), ensure_ascii=False, indent=2))
    else:
        click.echo(_check_totals(checked, refused, skipped))
    sys.exit(EXIT_FOUND if failed else EXIT_OK)


def _totals(
    checked: list[tuple[Outcome, Violations]], refused: list[Outcome], skipped: Sequence[str]
) -> dict[str, Any]:
    judged = [v for _o, vs in checked for v in vs if v.assessable]
    by_severity = collections.Counter(str(v.severity) for v in judged)
    return {
        "files": len(checked) + len(refused) + len(skipped),
        "reports": len(checked),
        "refused": len(refused),
        "skipped": len(skipped),
        "violations": len(judged),
        "reports_with_violations": sum(1 for _o, vs in checked if any(v.assessable for v in vs)),
        "by_severity": {s.value: by_severity[s.value] for s in Severity},
        "by_rule": dict(collections.Counter(v.rule for v in judged).most_common()),
        "not_assessable": sum(1 for _o, vs in checked for v in vs if not v.assessable),
    }


def _check_totals(
    checked: list[tuple[Outcome, Violations]], refused: list[Outcome], skipped: Sequence[str]
) -> str:
    t = _totals(checked, refused, skipped)
    severities = ", ".join(f"{n} {s}" for s, n in t["by_severity"].items())
    lines = [
        f"checked     {_n(t['files'], 'file')}: {_n(t['reports'], 'report')}, "
        f"{t['refused']} refused"
        + (f", {t['skipped']} skipped as unsupported" if t["skipped"] else ""),
        *(f"              skipped: {name}" for name in skipped),
        f"violations  {t['violations']} in {_n(t['reports_with_violations'], 'report')} "
        f"({severities})",
    ]
    width = max((len(rule) for rule in t["by_rule"]), default=0)
    lines.extend(f"              {rule:<{width}}  {n}" for rule, n in t["by_rule"].items())
    if t["not_assessable"]:
        lines.append(f"not judged  {t['not_assessable']} rule checks lacked a value (blank cells)")
    return "\n".join(lines)


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _check_json(
    checked: list[tuple[Outcome, Violations]], refused: list[Outcome], skipped: Sequence[str]
) -> dict[str, Any]:
    reports = []
    for outcome, violations in checked:
        report = outcome.report
        assert report is not None
        reports.append(
            {
                "report_id": outcome.name,
                "organ": report.organ,
                "organ_key": report.organ_key,
                "year": report.year,
                "template": report.template.value,
                "violations": [violation_json(v) for v in violations],
            }
        )
    return {
        "reports": reports,
        "refused": [{"report_id": o.name, "code": o.code, "message": o.message} for o in refused],
        "skipped": list(skipped),
        "totals": _totals(checked, refused, skipped),
    }

"""The command line: ``govdisclosure parse | check | export``.

``docs/cli.md`` is generated from these commands' help texts (``python -m govdisclosure._docs``).
"""

from __future__ import annotations

import collections
import importlib.util
import io
import json
import re
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import click

from govdisclosure import exporting
from govdisclosure.batch import parse_many
from govdisclosure.check.invariants import Severity, Violation, check
from govdisclosure.check.violations import Violations, violation_json
from govdisclosure.inputs import Input, InputError, expand, read_bytes
from govdisclosure.reportfiles import (
    INTERNAL,
    Outcome,
    check_encoding,
    source_lines,
)
from govdisclosure.version import __version__
from govdisclosure.write.serialize import to_json
from govdisclosure.write.tables import (
    DIAGNOSTIC_COLUMNS,
    VIOLATION_COLUMNS,
    Record,
    violation_rows,
    write_csv,
    write_records,
)

SAMPLE = "huaian-2024.txt"
SAMPLE_NAME = f"<sample {SAMPLE}>"

EXIT_OK, EXIT_FOUND, EXIT_USAGE = 0, 1, 2


def sample_bytes() -> bytes:
    """The sample report bundled with the package (淮安经济技术开发区, 2024)."""
    return resources.files("govdisclosure").joinpath("samples").joinpath(SAMPLE).read_bytes()


def _encoding(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    try:
        return check_encoding(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


INPUTS = click.argument("inputs", nargs=-1, metavar="[FILE|FOLDER|GLOB|URL|-]...")
JOBS = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Parse in this many processes (0: one per CPU; a few files are parsed in this one).",
)
QUIET = click.option(
    "--quiet", "-q", is_flag=True, help="Print nothing but errors; the exit code tells."
)
SAMPLE_OPTION = click.option(
    "--sample", is_flag=True, help="Also read the sample report bundled with the package."
)
STRICT = click.option(
    "--strict",
    is_flag=True,
    help="Refuse a report that needed any repair or inference (every diagnostic is an error).",
)
ENCODING = click.option(
    "--encoding",
    metavar="NAME",
    callback=_encoding,
    help="Decode input files with this encoding (e.g. gb18030, big5) instead of detecting it.",
)


def _format_option(
    choices: Sequence[str], help_text: str
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """``--format`` with its choices, the first being the default."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=choices[0],
        show_default=True,
        help=help_text,
    )


def _inputs(args: Sequence[str], sample: bool) -> list[Input]:
    """The reports the arguments name (see :mod:`govdisclosure._inputs`), and the sample."""
    try:
        items = expand(args)
    except InputError as exc:
        raise click.BadParameter(str(exc), param_hint="INPUTS") from None
    if sample:
        items.append(Input(SAMPLE_NAME, data=sample_bytes()))
    if not items:
        raise click.UsageError("give one or more files, folders, globs or URLs, or --sample")
    return items


def _outcomes(
    items: list[Input], encoding: str | None, strict: bool, jobs: int
) -> Iterator[tuple[Input, Outcome]]:
    """Each input's outcome, in order, parsed by :func:`parse_many` (a pool on every CPU for
    more than a few files; a parser bug refuses the file instead of stopping the run)."""
    given = exporting.sources(items)
    results = parse_many(
        given, workers=jobs or None, strict=strict, encoding=encoding, collect_bugs=True
    )
    for parsed in results:
        item = items[parsed.index]
        data = given[parsed.index]
        kept = data if isinstance(data, bytes) else b""  # a file is read again to quote it
        if parsed.report is None:
            why = exporting.refusal_of(item.report_id, parsed.error)
            outcome = Outcome(item.report_id, kept, None, why.code, why.message, encoding)
        else:
            outcome = Outcome(item.report_id, kept, parsed.report, encoding=encoding)
        yield item, outcome


def _with_data(item: Input, outcome: Outcome) -> Outcome:
    """The outcome with the file's bytes (to quote its lines)."""
    if outcome.data or item.path is None:
        return outcome
    try:
        return attrs.evolve(outcome, data=read_bytes(item))
    except OSError:
        return outcome


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(width=None if sys.stdout.isatty() else 120, highlight=False, stderr=stderr)


def _printed(console: Any, *renderables: Any) -> str:
    """What rich prints, as plain text for click.echo (trailing spaces cut)."""
    with console.capture() as captured:
        for r in renderables:
            console.print(r)
    text = "\n".join(line.rstrip() for line in captured.get().splitlines())
    return text.replace("\n\n\n", "\n\n")


def _refusal(outcome: Outcome) -> None:
    click.echo(f"{outcome.name}: [{outcome.code}] {outcome.message}", err=True)


@click.group()
@click.version_option(__version__, prog_name="govdisclosure")
def main() -> None:
    """Read 政府信息公开工作年度报告 into typed, checked data.

    Annual reports on government information disclosure (V2019 and V2021 templates), as text,
    Markdown or HTML, in any of the encodings they come in.
    """


# --------------------------------------------------------------------------- parse


@main.command()
@INPUTS
@SAMPLE_OPTION
@_format_option(
    ("text", "json", "csv"),
    "text: for people — the report's tables laid out like the template, with the counts of "
    "diagnostics and violations; json: the whole report (one object, or an array for several "
    "inputs); csv: one row per report, the columns of the flat export.",
)
@STRICT
@ENCODING
@JOBS
@QUIET
def parse(
    inputs: tuple[str, ...],
    sample: bool,
    fmt: str,
    strict: bool,
    encoding: str | None,
    jobs: int,
    quiet: bool,
) -> None:
    """Parse reports (.txt .md .html) and show them, or print them as JSON or CSV.

    Takes files, folders (every report below them), globs, URLs and `-` (standard input).  A
    file that is not a report is named on stderr with the reason and the line; the others are
    still printed, and the exit code is 1.
    """
    outcomes = [o for _item, o in _outcomes(_inputs(inputs, sample), encoding, strict, jobs)]
    for outcome in outcomes:
        if not outcome.ok and not quiet:
            _refusal(outcome)
    good = [(o.name, o.report) for o in outcomes if o.report is not None]
    if quiet:
        pass
    elif fmt == "text":
        from rich.rule import Rule

        from govdisclosure.write.view import report_view

        console = _console()
        for n, (name, report) in enumerate(good):
            head = [] if len(outcomes) == 1 else [Rule(name, style="dim")]
            text = _printed(console, *head, *report_view(report, check(report)))
            click.echo(("\n" if n else "") + text)
    elif fmt == "json":
        texts = [to_json(report) for _name, report in good]
        if len(outcomes) == 1:
            if texts:
                click.echo(texts[0])
        else:
            click.echo("[\n" + ",\n".join(texts) + "\n]" if texts else "[]")
    else:
        from govdisclosure.write.tables import to_records

        buffer = io.StringIO()
        write_csv(to_records(dict(good)), buffer)
        click.echo(buffer.getvalue(), nl=False)
    sys.exit(EXIT_FOUND if len(good) < len(outcomes) else EXIT_OK)


# --------------------------------------------------------------------------- check

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


def _violations_table(violations: Sequence[Violation], lines: Sequence[str]) -> Any:
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
        for n in quoted[:_QUOTED]:
            body.append(f"\n{n:>5} │ ", style="dim")
            body.append(_quote(lines[n - 1], v.message), style="italic")
        if len(quoted) > _QUOTED:
            body.append(f"\n      … {len(quoted) - _QUOTED} more lines", style="dim")
        where = str(quoted[0]) if quoted else (str(v.lines[0]) if v.lines else "")
        table.add_row(Text(str(v.severity), style=_STYLE.get(v.severity, "")), v.rule, where, body)
    return table


def _headline(outcome: Outcome, violations: Sequence[Violation]) -> str:
    report = outcome.report
    assert report is not None
    who = " ".join(str(x) for x in (report.organ, report.year) if x) or "report"
    counts = collections.Counter(str(v.severity) for v in violations)
    found = ", ".join(f"{counts[s.value]} {s.value}" for s in Severity if counts[s.value])
    return f"{outcome.name} · {who} ({report.template.value}) · {found or 'consistent'}"


@main.command(name="check")
@INPUTS
@SAMPLE_OPTION
@click.option(
    "--fail-on",
    type=click.Choice([s.value for s in Severity]),
    default="error",
    show_default=True,
    help="Exit with 1 when a violation of this severity or a higher one is found.",
)
@_format_option(
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
    console = _console()
    failed = False
    rows: list[Record] = []
    checked: list[tuple[Outcome, Violations]] = []
    refused: list[Outcome] = []
    for item, outcome in _outcomes(_inputs(inputs, sample), encoding, strict, jobs):
        if outcome.report is None:
            if not quiet and fmt != "json":
                _refusal(outcome)
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
            lines = source_lines(_with_data(item, outcome))
            shown.append(_violations_table(violations, lines))
        click.echo(_printed(console, *shown))
    if quiet:
        pass
    elif fmt == "csv":
        buffer = io.StringIO()
        write_csv(rows, buffer, [name for name, _kind in VIOLATION_COLUMNS])
        click.echo(buffer.getvalue(), nl=False)
    elif fmt == "json":
        click.echo(json.dumps(_check_json(checked, refused), ensure_ascii=False, indent=2))
    else:
        click.echo(_check_totals(checked, refused))
    sys.exit(EXIT_FOUND if failed else EXIT_OK)


def _totals(checked: list[tuple[Outcome, Violations]], refused: list[Outcome]) -> dict[str, Any]:
    judged = [v for _o, vs in checked for v in vs if v.assessable]
    by_severity = collections.Counter(str(v.severity) for v in judged)
    return {
        "files": len(checked) + len(refused),
        "reports": len(checked),
        "refused": len(refused),
        "violations": len(judged),
        "reports_with_violations": sum(1 for _o, vs in checked if any(v.assessable for v in vs)),
        "by_severity": {s.value: by_severity[s.value] for s in Severity},
        "by_rule": dict(collections.Counter(v.rule for v in judged).most_common()),
        "not_assessable": sum(1 for _o, vs in checked for v in vs if not v.assessable),
    }


def _check_totals(checked: list[tuple[Outcome, Violations]], refused: list[Outcome]) -> str:
    t = _totals(checked, refused)
    severities = ", ".join(f"{n} {s}" for s, n in t["by_severity"].items())
    lines = [
        f"checked     {_n(t['files'], 'file')}: {_n(t['reports'], 'report')}, "
        f"{t['refused']} refused",
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
    checked: list[tuple[Outcome, Violations]], refused: list[Outcome]
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
        "totals": _totals(checked, refused),
    }


# --------------------------------------------------------------------------- export


def _progress_bar(quiet: bool) -> Any:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=_console(stderr=True),
        disable=quiet,
    )


EXPORT_FORMATS = (".parquet", ".csv", ".jsonl", ".xlsx")


@main.command()
@INPUTS
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The table to write: .parquet, .csv or .jsonl (one row per report), or .xlsx (an "
    "Excel workbook: a sheet per table with Chinese headers, violations and diagnostics).",
)
@click.option(
    "--violations",
    "violations_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the violations (a long table: report_id, violation, rule, severity, "
    "field, line, message, message_zh, assessable).  [default: OUT's name + .violations, "
    "same format]",
)
@click.option(
    "--dedupe",
    is_flag=True,
    help="One row per identical source and per (organ_key, year) — unless their credit codes "
    "differ: keep the most complete parse (most numbers, then fewest diagnostics); the "
    "summary names what was dropped and why.",
)
@STRICT
@ENCODING
@JOBS
@QUIET
def export(
    inputs: tuple[str, ...],
    out: Path,
    violations_out: Path | None,
    dedupe: bool,
    strict: bool,
    encoding: str | None,
    jobs: int,
    quiet: bool,
) -> None:
    """Parse reports (files, folders, globs, URLs) into one table.

    One row per report, report_id being the file's path relative to the folder (or glob)
    given; the violations that `govdisclosure check` would print go to a second, long table,
    the diagnostics (what was repaired, inferred or left blank) to a third.  A file that cannot
    be read as a report is refused and counted by reason; it never stops the batch.  Ends with
    a summary: parsed, refused by reason, duplicates dropped, violations by rule.  Exit code 1
    when no file could be parsed.
    """
    if not inputs:
        raise click.UsageError("give one or more files, folders, globs or URLs")
    violations_out = violations_out or _sibling(out, "violations")
    diagnostics_out = _sibling(out, "diagnostics")
    excel = out.suffix.lower() == ".xlsx"
    for suffix, module, extra in ((".xlsx", "openpyxl", "excel"), (".parquet", "pyarrow", "arrow")):
        wanted = {p.suffix.lower() for p in (out, violations_out)}
        if suffix in wanted and importlib.util.find_spec(module) is None:  # fail before the work
            raise click.UsageError(
                f"writing {suffix} needs {module}: pip install 'govdisclosure[{extra}]'"
            )
    for path, option in ((out, "--out"), (violations_out, "--violations")):
        if path.suffix.lower() not in EXPORT_FORMATS or (
            option == "--violations" and path.suffix.lower() == ".xlsx" and not excel
        ):
            raise click.BadParameter(
                "use a .parquet, .csv, .jsonl or .xlsx file name", param_hint=option
            )
        try:  # fail before the work, not after it
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("ab"):
                pass
        except OSError as exc:
            raise click.FileError(str(path), hint=exc.strerror or str(exc)) from None
    items = _inputs(inputs, False)
    started = time.perf_counter()
    kept: list[exporting.ExportRow] = []
    refused: list[exporting.Refused] = []
    with _progress_bar(quiet) as progress:
        bar = progress.add_task("parsing", total=len(items))
        results = parse_many(
            exporting.sources(items),
            workers=jobs or None,
            strict=strict,
            encoding=encoding,
            collect_bugs=True,
            progress=lambda done, _total: progress.update(bar, completed=done),
        )
        for parsed in results:
            report_id = items[parsed.index].report_id
            if parsed.report is None:
                refused.append(exporting.refusal_of(report_id, parsed.error))
                continue
            try:
                kept.append(exporting.export_row(report_id, parsed.index, parsed.report))
            except Exception as exc:  # a checker bug must not stop a batch either
                refused.append(exporting.Refused(report_id, INTERNAL, f"check: {exc!r}"))
    dropped: list[exporting.Dropped] = []
    if dedupe:
        kept, dropped = exporting.deduped(kept)
    elapsed = time.perf_counter() - started
    records = [r.record for r in kept]
    violations = [v for r in kept for v in r.violations]
    diagnostics = [d for r in kept for d in r.diagnostics]
    if excel:
        from govdisclosure.write.excel import write_excel

        write_excel(out, records, violations, diagnostics)
        written = (out, out, out)
    else:
        write_records(records, out)
        write_records(violations, violations_out, VIOLATION_COLUMNS)
        write_records(diagnostics, diagnostics_out, DIAGNOSTIC_COLUMNS)
        written = (out, violations_out, diagnostics_out)
    if not quiet:
        exporting.summary(
            len(items), records, refused, dropped, violations, diagnostics, written, elapsed
        )
    elif refused:
        click.echo(f"{len(refused)} of {len(items)} files refused", err=True)
    sys.exit(EXIT_OK if records or not items else EXIT_FOUND)


def _sibling(out: Path, part: str) -> Path:
    return out.with_name(f"{out.stem}.{part}{out.suffix}")


if __name__ == "__main__":  # pragma: no cover
    main()

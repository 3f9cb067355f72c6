"""``govdisclosure export``: many reports into one table, with violations and diagnostics."""

from __future__ import annotations

import importlib.util
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import click

from govdisclosure import exporting
from govdisclosure.batch import parse_many
from govdisclosure.cli.common import (
    ENCODING,
    EXIT_FOUND,
    EXIT_OK,
    INPUTS,
    JOBS,
    QUIET,
    STRICT,
    console_for,
    inputs_and_skipped,
)
from govdisclosure.reportfiles import INTERNAL
from govdisclosure.write.tables import (
    DIAGNOSTIC_COLUMNS,
    SERIES_VIOLATION_COLUMNS,
    VIOLATION_COLUMNS,
    write_records,
)


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
        console=console_for(stderr=True),
        disable=quiet,
    )


EXPORT_FORMATS = (".parquet", ".csv", ".jsonl", ".xlsx")


@click.command()
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
    be read as a report is refused and counted by reason; it never stops the batch.  The
    cross-year and copy rules, organ by organ (`check --series`), go to a fourth table,
    OUT's name + .series_violations.  Ends with
    a summary: parsed, refused by reason, duplicates dropped, violations by rule.  Exit code 1
    when no file could be parsed.  Each file is written whole (a temporary file, renamed when
    complete); Ctrl-C writes the reports parsed so far, says so, and exits with 130.
    """
    if not inputs:
        raise click.UsageError("give one or more files, folders, globs or URLs")
    violations_out = violations_out or _sibling(out, "violations")
    diagnostics_out = _sibling(out, "diagnostics")
    series_out = _sibling(out, "series_violations")
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
        try:  # fail before the work, not after it (a probe: the file itself is written whole)
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryFile(dir=path.parent):
                pass
        except OSError as exc:
            raise click.FileError(str(path), hint=exc.strerror or str(exc)) from None
    items, skipped = inputs_and_skipped(inputs, False)
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
        interrupted = False
        try:
            for parsed in results:
                report_id = items[parsed.index].report_id
                if parsed.report is None:
                    refused.append(exporting.refusal_of(report_id, parsed.error))
                    continue
                try:
                    kept.append(exporting.export_row(report_id, parsed.index, parsed.report))
                except Exception as exc:  # a checker bug must not stop a batch either
                    refused.append(exporting.Refused(report_id, INTERNAL, f"check: {exc!r}"))
        except KeyboardInterrupt:  # Ctrl-C: keep what was parsed, write it, say so
            interrupted = True
    finished = len(kept) + len(refused)
    dropped: list[exporting.Dropped] = []
    if dedupe:
        kept, dropped = exporting.deduped(kept)
    elapsed = time.perf_counter() - started
    records = [r.record for r in kept]
    violations = [v for r in kept for v in r.violations]
    diagnostics = [d for r in kept for d in r.diagnostics]
    series = exporting.series_rows(r.series for r in kept)
    if excel:
        from govdisclosure.write.excel import write_excel

        write_excel(out, records, violations, diagnostics, series)
        written, series_out = (out, out, out), out
    else:
        write_records(records, out)
        write_records(violations, violations_out, VIOLATION_COLUMNS)
        write_records(diagnostics, diagnostics_out, DIAGNOSTIC_COLUMNS)
        write_records(series, series_out, SERIES_VIOLATION_COLUMNS)
        written = (out, violations_out, diagnostics_out)
    if not quiet:
        exporting.summary(
            len(items),
            records,
            refused,
            dropped,
            violations,
            diagnostics,
            written,
            elapsed,
            skipped=skipped,
            series=(series, series_out),
        )
    elif refused or skipped:
        click.echo(
            f"{len(refused)} of {len(items)} files refused"
            + (f", {len(skipped)} skipped as unsupported" if skipped else ""),
            err=True,
        )
    if interrupted:
        click.echo(
            f"interrupted: wrote the {len(records)} reports parsed so far "
            f"({finished} of {len(items)} files done) to {written[0]}",
            err=True,
        )
        sys.exit(EXIT_INTERRUPTED)
    sys.exit(EXIT_OK if records else EXIT_FOUND)


EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a program stopped by Ctrl-C


def _sibling(out: Path, part: str) -> Path:
    return out.with_name(f"{out.stem}.{part}{out.suffix}")

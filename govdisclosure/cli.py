"""The command line: ``govdisclosure parse | check | export``.

``docs/cli.md`` is generated from these commands' help texts (``python -m govdisclosure._docs``).
"""

from __future__ import annotations

import collections
import io
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from importlib import resources
from pathlib import Path
from typing import Any

import click
from attrs import frozen

from govdisclosure.check.invariants import Severity, Violation, check
from govdisclosure.reportfiles import (
    INTERNAL,
    REPORT_SUFFIXES,
    UNREADABLE,
    Outcome,
    check_encoding,
    find_reports,
    read_one,
    source_lines,
)
from govdisclosure.version import __version__
from govdisclosure.write.serialize import to_json
from govdisclosure.write.tables import (
    VIOLATION_COLUMNS,
    Record,
    columns,
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


FILES = click.argument(
    "files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path)
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


def _inputs(files: Sequence[Path], sample: bool) -> list[tuple[str, bytes]]:
    inputs = [(str(f), f.read_bytes()) for f in files]
    if sample:
        inputs.append((SAMPLE_NAME, sample_bytes()))
    if not inputs:
        raise click.UsageError("give one or more FILES, or --sample")
    return inputs


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
@FILES
@SAMPLE_OPTION
@_format_option(
    ("json", "csv"),
    "json: the whole report (one object, or an array for several files); "
    "csv: one row per report, the columns of the flat export.",
)
@STRICT
@ENCODING
def parse(
    files: tuple[Path, ...], sample: bool, fmt: str, strict: bool, encoding: str | None
) -> None:
    """Parse report FILES (.txt .md .html) and print them as JSON or CSV.

    A file that is not a report is named on stderr with the reason and the line; the others are
    still printed, and the exit code is 1.
    """
    outcomes = [read_one(n, d, encoding=encoding, strict=strict) for n, d in _inputs(files, sample)]
    for outcome in outcomes:
        if not outcome.ok:
            _refusal(outcome)
    good = [o for o in outcomes if o.report is not None]
    if fmt == "json":
        texts = [to_json(o.report) for o in good if o.report is not None]
        if len(outcomes) == 1:
            if texts:
                click.echo(texts[0])
        else:
            click.echo("[\n" + ",\n".join(texts) + "\n]" if texts else "[]")
    else:
        from govdisclosure.write.tables import to_records

        buffer = io.StringIO()
        write_csv(to_records({o.name: o.report for o in good if o.report is not None}), buffer)
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
@FILES
@SAMPLE_OPTION
@click.option(
    "--fail-on",
    type=click.Choice([s.value for s in Severity]),
    default="error",
    show_default=True,
    help="Exit with 1 when a violation of this severity or a higher one is found.",
)
@_format_option(
    ("table", "csv"),
    "table: for people, with the source lines quoted; csv: the long violations table "
    "(report_id, violation, rule, severity, field, line, message, assessable).",
)
@STRICT
@ENCODING
def check_command(
    files: tuple[Path, ...],
    sample: bool,
    fail_on: str,
    fmt: str,
    strict: bool,
    encoding: str | None,
) -> None:
    """Check report FILES against the template's consistency rules.

    Prints each file's violations — severity, rule, line, message, and the source line quoted
    — and exits with 1 when one at or above --fail-on is found or a file cannot be read as a
    report (0 otherwise), so that it can gate a publishing pipeline.  The rules:
    docs/rules.md.
    """
    from rich.console import Console

    threshold = Severity(fail_on)
    console = Console(width=None if sys.stdout.isatty() else 120, highlight=False)
    failed = False
    rows: list[Record] = []
    for name, data in _inputs(files, sample):
        outcome = read_one(name, data, encoding=encoding, strict=strict)
        if outcome.report is None:
            _refusal(outcome)
            failed = True
            continue
        violations = check(outcome.report)
        failed = failed or any(_at_or_above(v, threshold) for v in violations)
        if fmt == "csv":
            rows.extend(violation_rows(name, outcome.report, violations))
            continue
        with console.capture() as captured:
            console.print(_headline(outcome, violations), style="bold", markup=False)
            if violations:
                console.print(_violations_table(violations, source_lines(outcome)))
        text = "\n".join(line.rstrip() for line in captured.get().splitlines())
        click.echo(text.replace("\n\n\n", "\n\n"))
    if fmt == "csv":
        buffer = io.StringIO()
        write_csv(rows, buffer, [name for name, _kind in VIOLATION_COLUMNS])
        click.echo(buffer.getvalue(), nl=False)
    sys.exit(EXIT_FOUND if failed else EXIT_OK)


# --------------------------------------------------------------------------- export


@frozen
class _Exported:
    """One file's contribution to an export (picklable: it crosses process boundaries)."""

    report_id: str
    record: Record | None
    violations: tuple[Record, ...] = ()
    code: str | None = None
    message: str | None = None


def _export_one(task: tuple[str, str, str | None, bool]) -> _Exported:
    path, report_id, encoding, strict = task
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return _Exported(report_id, None, code=UNREADABLE, message=str(exc))
    outcome = read_one(report_id, data, encoding=encoding, strict=strict)
    if outcome.report is None:
        return _Exported(report_id, None, code=outcome.code, message=outcome.message)
    from govdisclosure.write.tables import to_records

    try:
        rows = tuple(violation_rows(report_id, outcome.report))
    except Exception as exc:  # a checker bug must not stop a batch either
        return _Exported(report_id, None, code=INTERNAL, message=f"check: {exc!r}")
    return _Exported(report_id, to_records({report_id: outcome.report})[0], rows)


def _run_export(
    tasks: list[tuple[str, str, str | None, bool]], jobs: int, quiet: bool
) -> Iterable[_Exported]:
    """Each file's result in order, with a progress bar on stderr."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    progress = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.fields[current]}", style="dim", markup=False),
        console=Console(stderr=True),
        disable=quiet,
    )
    with progress:
        bar = progress.add_task("parsing", total=len(tasks), current="")
        if jobs <= 1:
            results: Iterable[_Exported] = map(_export_one, tasks)
            yield from _advancing(results, progress, bar)
            return
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            yield from _advancing(pool.map(_export_one, tasks, chunksize=4), progress, bar)


def _advancing(results: Iterable[_Exported], progress: Any, bar: Any) -> Iterable[_Exported]:
    for result in results:
        progress.update(bar, advance=1, current=result.report_id)
        yield result


def _sibling(out: Path, part: str) -> Path:
    return out.with_name(f"{out.stem}.{part}{out.suffix}")


@main.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The table to write: .parquet, .csv or .jsonl (one row per report).",
)
@click.option(
    "--violations",
    "violations_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the violations (a long table: report_id, violation, rule, severity, "
    "field, line, message, assessable).  [default: OUT's name + .violations, same format]",
)
@STRICT
@ENCODING
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Parse in this many processes (0: one per CPU).",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def export(
    folder: Path,
    out: Path,
    violations_out: Path | None,
    strict: bool,
    encoding: str | None,
    jobs: int,
    quiet: bool,
) -> None:
    """Parse every report below FOLDER (.txt .md .markdown .html .htm) into one table.

    One row per report, report_id being the file's path below FOLDER; the violations that
    `govdisclosure check` would print go to a second, long table.  A file that cannot be read
    as a report is refused and counted by reason; it never stops the batch.  Ends with a
    summary: parsed, refused by reason, violations by rule.  Exit code 1 when no file could be
    parsed.
    """
    violations_out = violations_out or out.with_name(f"{out.stem}.violations{out.suffix}")
    for path, option in ((out, "--out"), (violations_out, "--violations")):
        if path.suffix.lower() not in (".parquet", ".csv", ".jsonl"):
            raise click.BadParameter("use a .parquet, .csv or .jsonl file name", param_hint=option)
        try:  # fail before the work, not after it
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("ab"):
                pass
        except OSError as exc:
            raise click.FileError(str(path), hint=exc.strerror or str(exc)) from None
    paths = list(find_reports(folder))
    tasks = [(str(p), p.relative_to(folder).as_posix(), encoding, strict) for p in paths]
    started = time.perf_counter()
    records: list[Record] = []
    violations: list[Record] = []
    refused: list[_Exported] = []
    for result in _run_export(tasks, jobs or os.cpu_count() or 1, quiet):
        if result.record is not None:
            records.append(result.record)
            violations.extend(result.violations)
        else:
            refused.append(result)
    elapsed = time.perf_counter() - started
    write_records(records, out)
    write_records(violations, violations_out, VIOLATION_COLUMNS)
    _summary(len(paths), records, refused, violations, (out, violations_out), elapsed)
    sys.exit(EXIT_OK if records or not paths else EXIT_FOUND)


def _summary(
    found: int,
    records: list[Record],
    refused: list[_Exported],
    violations: list[Record],
    written: tuple[Path, Path],
    elapsed: float,
) -> None:
    echo = click.echo
    if not found:
        echo(f"no report files ({' '.join(REPORT_SUFFIXES)}) found")
    shape = f"{len(records)} rows × {len(columns())} columns"
    echo(f"parsed      {len(records)} of {found} files → {written[0]} ({shape})")
    reasons = collections.Counter(r.code or "" for r in refused)
    echo(f"refused     {len(refused)}" + _counts(reasons))
    for r in refused[:20]:
        first = (r.message or "").splitlines()[0] if r.message else ""
        echo(f"              {r.report_id}: [{r.code}] {first}")
    if len(refused) > 20:
        echo(f"              … and {len(refused) - 20} more")
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
    rate = found / elapsed if elapsed > 0 else 0.0
    echo(f"time        {elapsed:.1f} s ({rate:.1f} files/s)")


def _counts(counter: collections.Counter[str]) -> str:
    return (": " + ", ".join(f"{k} {n}" for k, n in counter.most_common())) if counter else ""


if __name__ == "__main__":  # pragma: no cover
    main()

"""The command line: ``govdisclosure parse | check | export``.

``docs/cli.md`` is generated from these commands' help texts (``python -m govdisclosure._docs``).
"""

from __future__ import annotations

import collections
import io
import os
import sys
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from importlib import resources
from pathlib import Path
from typing import Any

import click
from attrs import frozen

from . import __version__
from ._batch import (
    REPORT_SUFFIXES,
    Outcome,
    check_encoding,
    find_reports,
    read_one,
)
from .serialize import to_json
from .tables import Record, columns, write_csv, write_records

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
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "csv"]),
    default="json",
    show_default=True,
    help="json: the whole report (one object, or an array for several files); "
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
        from .tables import to_records

        buffer = io.StringIO()
        write_csv(to_records({o.name: o.report for o in good if o.report is not None}), buffer)
        click.echo(buffer.getvalue(), nl=False)
    sys.exit(EXIT_FOUND if len(good) < len(outcomes) else EXIT_OK)


# --------------------------------------------------------------------------- export


@frozen
class _Exported:
    """One file's contribution to an export (picklable: it crosses process boundaries)."""

    report_id: str
    record: Record | None
    code: str | None = None
    message: str | None = None


def _export_one(task: tuple[str, str, str | None, bool]) -> _Exported:
    path, report_id, encoding, strict = task
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return _Exported(report_id, None, "unreadable", str(exc))
    outcome = read_one(report_id, data, encoding=encoding, strict=strict)
    if outcome.report is None:
        return _Exported(report_id, None, outcome.code, outcome.message)
    from .tables import to_records

    return _Exported(report_id, to_records({report_id: outcome.report})[0])


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
    folder: Path, out: Path, strict: bool, encoding: str | None, jobs: int, quiet: bool
) -> None:
    """Parse every report below FOLDER (.txt .md .markdown .html .htm) into one table.

    One row per report, report_id being the file's path below FOLDER.  A file that cannot be
    read as a report is refused and counted by reason; it never stops the batch.  Ends with a
    summary: parsed, refused by reason, violations by rule.  Exit code 1 when no file could be
    parsed.
    """
    if out.suffix.lower() not in (".parquet", ".csv", ".jsonl"):
        raise click.BadParameter("use a .parquet, .csv or .jsonl file name", param_hint="--out")
    try:  # fail before the work, not after it
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("ab"):
            pass
    except OSError as exc:
        raise click.FileError(str(out), hint=exc.strerror or str(exc)) from None
    paths = list(find_reports(folder))
    tasks = [(str(p), p.relative_to(folder).as_posix(), encoding, strict) for p in paths]
    started = time.perf_counter()
    records: list[Record] = []
    refused: list[_Exported] = []
    for result in _run_export(tasks, jobs or os.cpu_count() or 1, quiet):
        if result.record is not None:
            records.append(result.record)
        else:
            refused.append(result)
    elapsed = time.perf_counter() - started
    write_records(records, out)
    _summary(len(paths), records, refused, out, elapsed)
    sys.exit(EXIT_OK if records or not paths else EXIT_FOUND)


def _summary(
    found: int, records: list[Record], refused: list[_Exported], out: Path, elapsed: float
) -> None:
    echo = click.echo
    if not found:
        echo(f"no report files ({' '.join(REPORT_SUFFIXES)}) found")
    shape = f"{len(records)} rows × {len(columns())} columns"
    echo(f"parsed    {len(records)} of {found} files → {out} ({shape})")
    reasons = collections.Counter(r.code or "" for r in refused)
    if refused:
        echo(
            f"refused   {len(refused)}: " + ", ".join(f"{c} {n}" for c, n in reasons.most_common())
        )
        for r in refused[:20]:
            first = (r.message or "").splitlines()[0] if r.message else ""
            echo(f"          {r.report_id}: [{r.code}] {first}")
        if len(refused) > 20:
            echo(f"          … and {len(refused) - 20} more")
    else:
        echo("refused   0")
    rate = found / elapsed if elapsed > 0 else 0.0
    echo(f"time      {elapsed:.1f} s ({rate:.1f} files/s)")


if __name__ == "__main__":  # pragma: no cover
    main()

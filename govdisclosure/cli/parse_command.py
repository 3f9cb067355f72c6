"""``govdisclosure parse``: reports shown for people, or as JSON or CSV."""

from __future__ import annotations

import io
import sys

import click

from govdisclosure.check.invariants import check
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
    inputs_of,
    outcomes_of,
    printed,
)
from govdisclosure.write.serialize import to_json
from govdisclosure.write.tables import write_csv


@click.command()
@INPUTS
@SAMPLE_OPTION
@format_option(
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
    outcomes = [o for _item, o in outcomes_of(inputs_of(inputs, sample), encoding, strict, jobs)]
    for outcome in outcomes:
        if not outcome.ok and not quiet:
            echo_refusal(outcome)
    good = [(o.name, o.report) for o in outcomes if o.report is not None]
    if quiet:
        pass
    elif fmt == "text":
        from rich.rule import Rule

        from govdisclosure.write.view import report_view

        console = console_for()
        for n, (name, report) in enumerate(good):
            head = [] if len(outcomes) == 1 else [Rule(name, style="dim")]
            text = printed(console, *head, *report_view(report, check(report)))
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

"""What the commands share: options, the inputs named, their outcomes, the console."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from importlib import resources
from typing import Any

import attrs
import click

from govdisclosure import exporting
from govdisclosure.batch import parse_many
from govdisclosure.inputs import Input, InputError, expand_all, read_bytes
from govdisclosure.reportfiles import (
    Outcome,
    check_encoding,
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


def format_option(
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


def inputs_of(args: Sequence[str], sample: bool) -> list[Input]:
    """The reports the arguments name (see :mod:`govdisclosure.inputs`), and the sample."""
    return inputs_and_skipped(args, sample)[0]


def inputs_and_skipped(args: Sequence[str], sample: bool) -> tuple[list[Input], list[str]]:
    """The reports the arguments name, the sample, and the folders' unsupported files."""
    try:
        items, skipped = expand_all(args)
    except InputError as exc:
        raise click.BadParameter(str(exc), param_hint="INPUTS") from None
    if sample:
        items.append(Input(SAMPLE_NAME, data=sample_bytes()))
    if not items and not skipped:
        raise click.UsageError("give one or more files, folders, globs or URLs, or --sample")
    return items, skipped


def echo_skipped(skipped: Sequence[str], limit: int = 20) -> None:
    """The files skipped as unsupported, counted and listed (to standard error)."""
    if not skipped:
        return
    click.echo(f"skipped     {len(skipped)} unsupported (not a report file type)", err=True)
    for name in skipped[:limit]:
        click.echo(f"              {name}", err=True)
    if len(skipped) > limit:
        click.echo(f"              … and {len(skipped) - limit} more", err=True)


def outcomes_of(
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


def with_data(item: Input, outcome: Outcome) -> Outcome:
    """The outcome with the file's bytes (to quote its lines)."""
    if outcome.data or item.path is None:
        return outcome
    try:
        return attrs.evolve(outcome, data=read_bytes(item))
    except OSError:
        return outcome


def console_for(stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(width=None if sys.stdout.isatty() else 120, highlight=False, stderr=stderr)


def printed(console: Any, *renderables: Any) -> str:
    """What rich prints, as plain text for click.echo (trailing spaces cut)."""
    with console.capture() as captured:
        for r in renderables:
            console.print(r)
    text = "\n".join(line.rstrip() for line in captured.get().splitlines())
    return text.replace("\n\n\n", "\n\n")


def echo_refusal(outcome: Outcome) -> None:
    click.echo(f"{outcome.name}: [{outcome.code}] {outcome.message}", err=True)

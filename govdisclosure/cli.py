"""The command line: ``govdisclosure parse FILE…`` (more commands in later releases)."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

import click

from . import __version__
from ._parser import parse_report
from .errors import ParseError
from .serialize import to_json

SAMPLE = "huaian-2024.txt"


def sample_bytes() -> bytes:
    """The sample report bundled with the package (淮安经济技术开发区, 2024)."""
    return resources.files("govdisclosure").joinpath("samples").joinpath(SAMPLE).read_bytes()


@click.group()
@click.version_option(__version__, prog_name="govdisclosure")
def main() -> None:
    """Read 政府信息公开工作年度报告 into typed, checked data."""


@main.command()
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--sample", is_flag=True, help="Parse the sample report bundled with the package.")
@click.option("--strict", is_flag=True, help="Fail on any repair or inference.")
def parse(files: tuple[Path, ...], sample: bool, strict: bool) -> None:
    """Parse reports and print each as JSON."""
    inputs: list[tuple[str, bytes]] = [(str(f), f.read_bytes()) for f in files]
    if sample:
        inputs.append((f"<sample {SAMPLE}>", sample_bytes()))
    if not inputs:
        raise click.UsageError("give one or more FILES, or --sample")
    failed = 0
    for name, data in inputs:
        try:
            report = parse_report(data, strict=strict)
        except ParseError as exc:
            click.echo(f"{name}: {exc}", err=True)
            failed += 1
            continue
        click.echo(to_json(report))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":  # pragma: no cover
    main()

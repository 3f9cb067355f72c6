"""The command line: ``govdisclosure parse | check | export | similar``.

One module per command; ``docs/cli.md`` is generated from their help texts
(``python -m govdisclosure._docs``).
"""

from __future__ import annotations

import click

from govdisclosure.cli.check_command import check_command
from govdisclosure.cli.common import sample_bytes
from govdisclosure.cli.export_command import export
from govdisclosure.cli.parse_command import parse
from govdisclosure.cli.similar_command import similar
from govdisclosure.version import __version__

__all__ = ["main", "sample_bytes"]


@click.group()
@click.version_option(__version__, prog_name="govdisclosure")
def main() -> None:
    """Read 政府信息公开工作年度报告 into typed, checked data.

    Annual reports on government information disclosure (V2019 and V2021 templates), as text,
    Markdown or HTML, in any of the encodings they come in.
    """


main.add_command(parse)
main.add_command(check_command)
main.add_command(export)
main.add_command(similar)

"""``govdisclosure similar``: the reports that copy each other's prose, ranked."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Any

import click

from govdisclosure.check.neardup import LSH_THRESHOLD, SimilarPair, near_duplicates
from govdisclosure.check.similarity import COMPARED, CROSS_ORGAN, PROSE_COPY, compare
from govdisclosure.check.violations import violation_json
from govdisclosure.cli.common import (
    ENCODING,
    EXIT_FOUND,
    EXIT_OK,
    INPUTS,
    JOBS,
    STRICT,
    console_for,
    echo_refusal,
    format_option,
    inputs_of,
    outcomes_of,
    printed,
)
from govdisclosure.cli.series_command import Quoter
from govdisclosure.inputs import Input
from govdisclosure.model import Report

__all__ = ["similar"]

_EXCERPT = 46  # characters of each side of the excerpt


@click.command()
@INPUTS
@click.option(
    "--threshold",
    type=click.FloatRange(0, 1),
    default=PROSE_COPY,
    show_default=True,
    help="C-PROSE-COPY: the share of section 一 or 五 of a report found in the organ's "
    "previous-year report.",
)
@click.option(
    "--cross-threshold",
    type=click.FloatRange(0, 1),
    default=CROSS_ORGAN,
    show_default=True,
    help="C-CROSS-ORGAN: the share found in another organ's report of the same year.",
)
@click.option("--no-cross", is_flag=True, help="Only pairs of one organ, year over year.")
@click.option(
    "--top", type=click.IntRange(min=1), default=20, show_default=True, help="Pairs shown."
)
@format_option(
    ("table", "json"),
    "table: each pair with its share and a side-by-side excerpt of the longest shared "
    "passage; json: every pair with its sections' shares, passages and lines.",
)
@STRICT
@ENCODING
@JOBS
def similar(
    inputs: tuple[str, ...],
    threshold: float,
    cross_threshold: float,
    no_cross: bool,
    top: int,
    fmt: str,
    strict: bool,
    encoding: str | None,
    jobs: int,
) -> None:
    """Find the reports that reuse another report's prose (内容雷同).

    Pairs of one organ's consecutive years (C-PROSE-COPY) and of two organs in one year
    (C-CROSS-ORGAN), found with MinHash LSH over the shingles of sections 一 and 五 and then
    compared exactly; ranked by the share reused.  Exits with 1 when a pair is found.  Needs
    the extra `similar` (datasketch).
    """
    items = inputs_of(inputs, False)
    by_name: dict[str, Input] = {}

    def reports() -> Iterator[tuple[str, Report]]:
        for item, outcome in outcomes_of(items, encoding, strict, jobs):
            if outcome.report is None:
                if fmt != "json":
                    echo_refusal(outcome)
                continue
            by_name[outcome.name] = item
            yield outcome.name, outcome.report

    try:
        pairs = near_duplicates(
            reports(),
            prose_copy=threshold,
            cross_organ=None if no_cross else cross_threshold,
            lsh_threshold=min(LSH_THRESHOLD, threshold, cross_threshold),
        )
    except ImportError as exc:
        raise click.UsageError(str(exc)) from None
    quoter = Quoter(by_name, encoding)
    shown = [_pair_json(n, p, quoter) for n, p in enumerate(pairs[:top], 1)]
    if fmt == "json":
        click.echo(json.dumps({"pairs": shown, "found": len(pairs)}, ensure_ascii=False, indent=2))
    else:
        console = console_for()
        for entry in shown:
            click.echo(printed(console, *_pair_table(entry)))
        more = f" (the first {top} shown)" if len(pairs) > top else ""
        click.echo(f"similar     {len(pairs)} pair{'' if len(pairs) == 1 else 's'}{more}")
    sys.exit(EXIT_FOUND if pairs else EXIT_OK)


def _pair_json(rank: int, p: SimilarPair, quoter: Quoter) -> dict[str, Any]:
    first_text = "\n".join(quoter.lines(p.first_id))
    second_text = "\n".join(quoter.lines(p.second_id))
    c = compare(p.first, p.second, passages=1, previous_text=first_text, current_text=second_text)
    passages = []
    for s in c.sections:
        if s.section in COMPARED and s.passages:
            best = s.passages[0]
            excerpts = [
                quoter.line(name, line, best.text, _EXCERPT) if line else ""
                for name, line in ((p.first_id, best.previous_line),
                                   (p.second_id, best.current_line))
            ]  # fmt: skip
            passages.append(
                {
                    "section": s.section,
                    "length": len(best.text),
                    "first_line": best.previous_line,
                    "second_line": best.current_line,
                    "first_excerpt": excerpts[0],
                    "second_excerpt": excerpts[1],
                }
            )
    return {
        "rank": rank,
        "kind": p.kind,
        "share": round(p.share, 4),
        "first": {"report_id": p.first_id, "organ": p.first.organ, "year": p.first.year},
        "second": {"report_id": p.second_id, "organ": p.second.organ, "year": p.second.year},
        "sections": {s.section: s.share for s in c.sections if s.section in COMPARED},
        "passages": passages,
        "violations": [violation_json(v) for v in p.violations],
    }


def _pair_table(entry: dict[str, Any]) -> list[Any]:
    from rich import box
    from rich.table import Table

    first, second = entry["first"], entry["second"]
    head = (
        f"{entry['rank']}. {entry['share']:.0%} {entry['kind']}: "
        f"{first['organ']} {first['year']} · {second['organ']} {second['year']}"
    )
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=False)
    table.add_column("line", justify="right", no_wrap=True)
    table.add_column(first["report_id"], overflow="fold")
    table.add_column("line", justify="right", no_wrap=True)
    table.add_column(second["report_id"], overflow="fold")
    for p in entry["passages"]:
        table.add_row(
            str(p["first_line"] or ""), p["first_excerpt"],
            str(p["second_line"] or ""), p["second_excerpt"],
        )  # fmt: skip
    return [head, table]

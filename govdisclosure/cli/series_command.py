"""``govdisclosure check --series``: the corpus check over the reports given.

Every organ's reports in year order (``check_corpus``): the cross-year rules and the copy
rules, each violation with both reports and the source line of each quoted.
"""

from __future__ import annotations

import collections
import io
import itertools
import json
import re
from collections.abc import Iterator
from typing import Any

import click

from govdisclosure.check.corpus import CorpusCheck, PairViolation, check_corpus
from govdisclosure.check.registry import Severity
from govdisclosure.cli.common import echo_refusal, outcomes_of, with_data
from govdisclosure.inputs import Input
from govdisclosure.model import Report
from govdisclosure.reportfiles import Outcome, source_lines
from govdisclosure.write.tables import SERIES_VIOLATION_COLUMNS, write_csv

__all__ = ["Quoter", "run_series"]

_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}
_WIDTH = 100
_DIGITS = re.compile(r"^.*\d")  # a quote is searched for after its last digit


def run_series(
    items: list[Input],
    encoding: str | None,
    strict: bool,
    jobs: int,
    fmt: str,
    threshold: Severity,
    quiet: bool,
) -> bool:
    """Print the corpus check; True when a violation at or above ``threshold`` was found or
    a file was refused."""
    refused: list[Outcome] = []
    by_name: dict[str, Input] = {}

    def reports() -> Iterator[tuple[str, Report]]:
        for item, outcome in outcomes_of(items, encoding, strict, jobs):
            if outcome.report is None:
                refused.append(outcome)
                continue
            by_name[outcome.name] = item
            yield outcome.name, outcome.report

    result = check_corpus(reports())
    judged = [v for v in result.violations if v.assessable]
    failed = bool(refused) or any(_RANK[v.severity] >= _RANK[threshold] for v in judged)
    if quiet:
        return failed
    if fmt == "json":
        click.echo(json.dumps(_json(result, refused), ensure_ascii=False, indent=2))
        return failed
    for outcome in refused:
        echo_refusal(outcome)
    if fmt == "csv":
        buffer = io.StringIO()
        write_csv(result.rows(), buffer, [name for name, _kind in SERIES_VIOLATION_COLUMNS])
        click.echo(buffer.getvalue(), nl=False)
        return failed
    quoter = Quoter(by_name, encoding)
    for v in judged:
        click.echo(_shown(v, quoter))
    for d in result.diagnostics:
        click.echo(f"[{d.code}] {d.message}")
    click.echo(_totals(result, len(refused)))
    return failed


class Quoter:
    """A report's source lines, read again when a violation quotes them (a few at a time)."""

    def __init__(self, items: dict[str, Input], encoding: str | None) -> None:
        self.items = items
        self.encoding = encoding
        self.cache: dict[str, list[str]] = {}

    def lines(self, name: str) -> list[str]:
        if name not in self.cache:
            if len(self.cache) > 8:
                self.cache.clear()
            outcome = with_data(self.items[name], Outcome(name, b"", encoding=self.encoding))
            self.cache[name] = source_lines(outcome)
        return self.cache[name]

    def find(self, name: str, phrase: str) -> tuple[int, ...]:
        """The first line holding ``phrase`` (its digits as written in either report)."""
        head = _DIGITS.sub("", phrase)[:8]
        found = (n for n, text in enumerate(self.lines(name), 1) if head and head in text)
        return tuple(itertools.islice(found, 1))

    def line(self, name: str, number: int, start: str = "", width: int = _WIDTH) -> str:
        """Line ``number``, from ``start``'s first place in it when given, cut to ``width``."""
        lines = self.lines(name)
        text = lines[number - 1].strip() if 0 < number <= len(lines) else ""
        head = _DIGITS.sub("", start)[:8]
        at = text.find(head) if head else -1
        if at > 0:
            text = "…" + text[at:]
        return text if len(text) <= width else text[:width] + "…"


def _shown(v: PairViolation, quoter: Quoter) -> str:
    out = [
        f"{v.severity} {v.rule} · {v.organ} {v.previous_year} → {v.current_year}",
        f"  {v.message}",
    ]
    quoted = re.findall(r"「(.+?)」", v.message)
    for name, lines in ((v.previous_id, v.previous_lines), (v.current_id, v.current_lines)):
        if not lines and quoted:  # prose has no locations: the line that holds the quote
            lines = quoter.find(name, quoted[0])
        where = f"line {lines[0]}" if lines else "no line"
        out.append(f"  {name} ({where})")
        if lines:
            out.append(f"  {lines[0]:>5} │ {quoter.line(name, lines[0])}")
    return "\n".join(out)


def _totals(result: CorpusCheck, refused: int) -> str:
    judged = [v for v in result.violations if v.assessable]
    rules = collections.Counter(v.rule for v in judged)
    lines = [
        f"series      {result.reports} reports of {result.organs} organs, {refused} refused",
        f"violations  {len(judged)} across years"
        + (": " + ", ".join(f"{r} {n}" for r, n in sorted(rules.items())) if rules else ""),
    ]
    unjudged = len(result.violations) - len(judged)
    if unjudged:
        lines.append(f"not judged  {unjudged} (a year missing between two reports, or blanks)")
    if result.diagnostics:
        codes = collections.Counter(d.code for d in result.diagnostics)
        lines.append("set aside   " + ", ".join(f"{c} {n}" for c, n in sorted(codes.items())))
    return "\n".join(lines)


def _json(result: CorpusCheck, refused: list[Outcome]) -> dict[str, Any]:
    return {
        "series_violations": result.rows(),
        "diagnostics": [
            {"code": d.code, "message": d.message, "report_ids": list(d.report_ids)}
            for d in result.diagnostics
        ],
        "refused": [{"report_id": o.name, "code": o.code, "message": o.message} for o in refused],
        "totals": {"reports": result.reports, "organs": result.organs,
                   "violations": sum(1 for v in result.violations if v.assessable)},
    }  # fmt: skip

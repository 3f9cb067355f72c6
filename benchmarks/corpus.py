"""The benchmark corpus: the five seed reports, and reports made from them with new numbers.

A generated report keeps a seed's prose, title and organ and gets a fresh, consistent set of
numbers for tables 二, 三 and 四 (row totals, the outcome total and the 勾稽关系 of table 三, the
appeal totals all hold, so ``check`` has nothing to report); the renderer then writes it in one
of its layouts.  Everything is derived from the case number, so the corpus is the same on every
run and never has to be held in memory: ``case(i)`` makes report ``i`` when it is needed.
"""

from __future__ import annotations

import functools
import json
import random
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from govdisclosure import Report, Template, parse_report
from govdisclosure import template as T
from govdisclosure.fieldpaths import build
from govdisclosure.model import AppealStats, Proactive2019, Proactive2021, RequestStats

ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = ROOT / "tests" / "data" / "seeds"
GOLDEN_DIR = ROOT / "tests" / "data" / "golden"

Values = dict[str, int | Decimal | None]


@attrs.frozen
class Case:
    """One input of the benchmark: the report, and the numbers it must parse to."""

    number: int
    seed: str  # the seed it was made from
    layout: str  # renderer layout, or "seed" for a seed's own text
    report: Report
    truth: Values  # every number cell of tables 二/三/四: dotted key → value


def seed_paths() -> list[Path]:
    return sorted(SEED_DIR.glob("*.txt"))


@functools.cache
def seed_reports() -> tuple[tuple[str, Report], ...]:
    return tuple((p.stem, parse_report(p.read_bytes())) for p in seed_paths())


def seed_truth(name: str) -> Values:
    """The hand-read golden values of a seed, keyed like ``flatten``."""
    g: dict[str, Any] = json.loads((GOLDEN_DIR / f"{name}.json").read_text(encoding="utf-8"))
    s = T.spec(Template(g["template"]))
    out: Values = {}
    for block in s.proactive:
        for row in block.rows:
            written = g["proactive"][row.key]
            cells = written if isinstance(written, list) else [written]
            for col, value in zip(block.columns, cells, strict=True):
                key = f"proactive.{row.key}.{col.key}"
                out[key] = Decimal(value) if col.kind == "money" and value is not None else value
    for row, values in zip(s.request_rows, g["requests"], strict=True):
        for col, value in zip(T.REQUEST_COLUMNS, values, strict=True):
            out[f"requests.{row.key}.{col.key}"] = value
    keys = [key for key, _g, _c in T.appeal_fields()]
    out.update(zip(keys, g["appeals"], strict=True))
    return out


def _count(rng: random.Random, scale: int) -> int:
    """Mostly zero, sometimes a few, now and then many: the shape of real tables."""
    r = rng.random()
    if r < 0.55:
        return 0
    if r < 0.9:
        return rng.randint(1, 9)
    return rng.randint(10, scale)


def _money(rng: random.Random) -> Decimal:
    if rng.random() < 0.6:
        return Decimal(0)
    places = rng.choice((0, 1, 2, 4, 6))
    return Decimal(rng.randint(1, 10**7)).scaleb(-places)


def numbers(version: Template, rng: random.Random) -> Values:
    """A consistent set of numbers for every cell of tables 二, 三 and 四 of a version."""
    out: Values = {}
    for key, _block, _row, col in T.spec(version).proactive_fields():
        if col.kind == "money":
            out[key] = _money(rng)
        elif col.kind == "signed":
            out[key] = rng.randint(-12, 12) if rng.random() < 0.5 else 0
        else:
            out[key] = _count(rng, 5000)
    rows = T.spec(version).request_rows
    leaves = [r.key for r in rows if r.key.startswith("outcomes.") and r.key != "outcomes.total"]
    columns = [c.key for c in T.REQUEST_COLUMNS if c.key != "total"]
    for col in columns:
        scale = 400 if col == "natural_person" else 40
        cells = {leaf: _count(rng, scale) for leaf in leaves}
        done = sum(cells.values())
        forward = _count(rng, scale // 4)
        over = rng.randint(0, done + forward) if rng.random() < 0.3 else 0
        cells["outcomes.total"] = done
        cells["carried_forward"] = forward
        cells["carried_over"] = over
        cells["new_received"] = done + forward - over
        for row, value in cells.items():
            out[f"requests.{row}.{col}"] = value
    for r in rows:
        out[f"requests.{r.key}.total"] = sum(
            int(out[f"requests.{r.key}.{c}"] or 0) for c in columns
        )
    for group in T.APPEAL_GROUPS:
        parts = {c.key: _count(rng, 30) for c in T.APPEAL_COLUMNS if c.key != "total"}
        for k, v in parts.items():
            out[f"appeals.{group.key}.{k}"] = v
        out[f"appeals.{group.key}.total"] = sum(parts.values())
    return out


def with_numbers(report: Report, values: Values) -> Report:
    """A seed report with new numbers (and nothing the parser found: no diagnostics)."""
    cls = Proactive2019 if report.template is Template.V2019 else Proactive2021
    return attrs.evolve(
        report,
        proactive=build(cls, values, "proactive."),
        requests=build(RequestStats, values, "requests."),
        appeals=build(AppealStats, values, "appeals."),
        diagnostics=(),
        missing=(),
        locations={},
    )


def case(number: int, layouts: tuple[str, ...]) -> Case:
    """Case ``number``: the seeds and layouts taken in turn, numbers drawn from ``number``."""
    seeds = seed_reports()
    name, seed = seeds[number % len(seeds)]
    layout = layouts[(number // len(seeds)) % len(layouts)]
    values = numbers(seed.template, random.Random(number))
    return Case(number, name, layout, with_numbers(seed, values), values)


def cases(n: int, layouts: tuple[str, ...], start: int = 0) -> Iterator[Case]:
    for number in range(start, start + n):
        yield case(number, layouts)

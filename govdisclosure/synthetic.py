"""Generated corpora: many organs' reports over several years, with known faults planted.

For the corpus checks' tests, benchmarks and docs (``docs/corpus.md``).  Every organ has a
valid unified social credit code in a county of a few cities, a name, and one report a year
whose tables are consistent within the report and across years (T3-CARRY, T2-STOCK and
T2-ITEMS hold) and whose prose is made of random two-character words, so that two reports
share no passage unless one was planted:

- ``copies``: an organ's report whose sections 一 and 五 are last year's (one word of
  section 一 rewritten, the year changed): at least 90 % of each section is reused;
- ``partial``: a report that reuses about half of last year's section 一 and 五 (the decoys a
  lower threshold catches);
- ``cross``: a report whose sections 一 and 五 are another organ's of the same year;
- ``broken``: a report whose 二、上年结转 (natural persons) is one more than last year's 四;
- ``consolidated``: each city's own 全市汇总 report, the exact sum of its organs' tables.

Everything follows from ``seed``: the same arguments give the same corpus.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
from attrs import frozen

from govdisclosure import template as T
from govdisclosure.bind.identity import organ_key, valid_credit_code
from govdisclosure.check.rollup import numbers
from govdisclosure.fieldpaths import build
from govdisclosure.model import (
    AppealStats,
    Proactive2019,
    Proactive2021,
    Report,
    RequestStats,
    Script,
    Section,
    Template,
)
from govdisclosure.write.render import render

__all__ = ["Synthetic", "credit_code_for", "synthetic_corpus", "write_corpus"]

# Common characters, none a numeral, a digit or punctuation: random words from them form no
# heading, numbering or number the parser would read.
_CHARS = (
    "的是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发动同工也能下过"
    "子说产种面而方后多定行学法所民得经之进着等部度家电力里如水化高自理起小物现实加量都两体制"
    "机当使点从业本去把性好应开它合还因由其些然前外天政日那社义事平形相全表间样与关重新线内正"
    "心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提"
)
_CITIES = (("320800", "淮安市"), ("530100", "昆明市"), ("230400", "鹤岗市"))
_COUNTIES = ("城关区", "河西区", "东山县", "南湖县")
_DEPARTMENTS = ("人民政府", "教育局", "财政局", "自然资源局", "卫生健康委员会", "市场监督管理局")
_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def credit_code_for(division: str, rng: random.Random) -> str:
    """A valid unified social credit code of a 机关 (``11``) in ``division`` (6 digits)."""
    body = "11" + division + "".join(rng.choice("0123456789") for _ in range(9))
    return next(body + c for c in _ALPHABET if valid_credit_code(body + c))


@frozen
class Synthetic:
    """A generated corpus and what was planted in it (pairs of report ids)."""

    reports: tuple[tuple[str, Report], ...]
    copies: frozenset[tuple[str, str]]  # (previous year's id, the copy's id)
    partial: frozenset[tuple[str, str]]
    cross: frozenset[tuple[str, str]]  # (the original's id, the copy's id), same year
    broken: frozenset[tuple[str, str]]  # (previous id, current id) with T3-CARRY broken


# --------------------------------------------------------------------------- prose


def _sentence(rng: random.Random) -> str:
    words = ["".join(rng.choices(_CHARS, k=2)) for _ in range(rng.randint(8, 14))]
    return "".join(words) + "。"


def _prose(rng: random.Random, sentences: int) -> list[str]:
    return [_sentence(rng) for _ in range(sentences)]


# --------------------------------------------------------------------------- tables


def _count(rng: random.Random, scale: int) -> int:
    r = rng.random()
    return 0 if r < 0.4 else rng.randint(1, 9) if r < 0.9 else rng.randint(10, max(10, scale))


def _tables(version: Template, rng: random.Random, before: dict[str, Any] | None) -> dict[str, Any]:
    """Tables 二–四 consistent in themselves and with ``before`` (last year's tables)."""
    out: dict[str, Any] = {}
    last = before if before is not None and before["_version"] is version else None
    for key, _block, row, col in T.spec(version).proactive_fields():
        base = f"proactive.{row.key}."
        if col.kind == "money":
            out[key] = Decimal(rng.randint(0, 10**5)).scaleb(-2)
        elif col.key == "previous_items":
            out[key] = last[base + "previous_items"] + last[base + "change"] if last else \
                _count(rng, 500)  # fmt: skip
        elif col.key == "change":
            out[key] = rng.randint(-out[base + "previous_items"], 9)
        elif col.key == "repealed":
            out[key] = rng.randint(0, last[base + "in_force"]) if last else _count(rng, 9)
        elif col.key == "in_force":
            stock = last[key] if last else out[base + "repealed"] + _count(rng, 50)
            out[key] = stock + out[base + "issued"] - out[base + "repealed"]
        elif col.key == "total_published":
            out[key] = (last[key] if last else _count(rng, 500)) + out[base + "newly_published"]
        else:
            out[key] = _count(rng, 300)
    applicants = [c.key for c in T.REQUEST_COLUMNS if c.key != "total"]
    rows = T.spec(version).request_rows
    leaves = [r.key for r in rows if r.path[0] == "outcomes" and r.key != "outcomes.total"]
    for who in applicants:
        cells = {leaf: _count(rng, 40) for leaf in leaves}
        over = before[f"requests.carried_forward.{who}"] if before else _count(rng, 5)
        done = sum(cells.values())
        forward = max(_count(rng, 5), over - done)
        cells.update({"outcomes.total": done, "carried_forward": forward, "carried_over": over,
                      "new_received": done + forward - over})  # fmt: skip
        out.update({f"requests.{row}.{who}": v for row, v in cells.items()})
    for r in rows:
        out[f"requests.{r.key}.total"] = sum(out[f"requests.{r.key}.{c}"] for c in applicants)
    for group in T.APPEAL_GROUPS:
        parts = {c.key: _count(rng, 5) for c in T.APPEAL_COLUMNS if c.key != "total"}
        out.update({f"appeals.{group.key}.{k}": v for k, v in parts.items()})
        out[f"appeals.{group.key}.total"] = sum(parts.values())
    return out


def _report(organ: str, code: str, year: int, values: dict[str, Any],
            overview: Sequence[str], problems: Sequence[str], day: int) -> Report:  # fmt: skip
    version = Template.V2019 if year <= 2020 else Template.V2021
    cls: type[Proactive2019 | Proactive2021] = (
        Proactive2019 if version is Template.V2019 else Proactive2021
    )
    published = datetime.date(year + 1, 1, day)
    return Report(
        template=version,
        script=Script.SIMPLIFIED,
        overview=Section(T.heading("overview").label, f"{year}年，" + "".join(overview)),
        proactive=build(cls, values, "proactive."),
        requests=build(RequestStats, values, "requests."),
        appeals=build(AppealStats, values, "appeals."),
        problems=Section(T.heading("problems").label, "".join(problems)),
        other_matters=Section(T.heading("other_matters").label, "本年度未收取信息处理费。"),
        title=f"{organ}{year}年政府信息公开工作年度报告",
        organ=organ,
        year=year,
        preamble=f"本报告所列数据的统计期限为{year}年1月1日至{year}年12月31日。",
        signed_by=organ,
        signed_on=published,
        metadata=(
            ("索引号", f"{code}/{year + 1}-{day:05d}"),
            ("发布机构", organ),
            ("公开日期", published.isoformat()),
        ),
        organ_key=organ_key(organ),
        credit_code=code,
        published_on=published,
    )


# --------------------------------------------------------------------------- corpus


def _organs(count: int, rng: random.Random, first: int = 0) -> list[tuple[str, str, str]]:
    """(name, credit code, city code) of ``count`` organs, round the cities and counties
    (``first``: the number of the first, so that corpora made in parts name distinct organs)."""
    out = []
    for i in range(first, first + count):
        city_code, city = _CITIES[i % len(_CITIES)]
        n = i // len(_CITIES)
        county = _COUNTIES[n % len(_COUNTIES)]
        dept = _DEPARTMENTS[(n // len(_COUNTIES)) % len(_DEPARTMENTS)]
        serial = n // (len(_COUNTIES) * len(_DEPARTMENTS))
        name = f"{city}{county}{dept}" + (f"第{serial}分局" if serial else "")
        division = city_code[:4] + f"{n % len(_COUNTIES) + 1:02d}"
        out.append((name, credit_code_for(division, rng), city_code))
    return out


def _plant(rng: random.Random, slots: list[tuple[int, int]], *counts: int) -> list[set[Any]]:
    """Disjoint random picks of ``counts[i]`` slots each."""
    chosen = rng.sample(slots, min(sum(counts), len(slots)))
    out, at = [], 0
    for n in counts:
        out.append(set(chosen[at : at + n]))
        at += n
    return out


def _cross(
    rng: random.Random, organs: int, years: int, count: int, taken: set[tuple[int, int]]
) -> set[tuple[int, int]]:
    """Slots (organ, year) that copy the previous organ's prose.  Both organs are otherwise
    untouched (no same-organ copy, no other cross copy), or the planted copies would make
    further pairs copies of each other (a chain, or two organs copying in step)."""
    busy = {o for o, _y in taken}
    slots = [(o, y) for o in range(1, organs) for y in range(years)]
    rng.shuffle(slots)
    chosen: set[tuple[int, int]] = set()
    for o, y in slots:
        if len(chosen) == count:
            break
        if o not in busy and o - 1 not in busy:
            chosen.add((o, y))
            busy.update((o, o - 1))
    return chosen


def synthetic_corpus(
    organs: int = 12,
    years: Sequence[int] = (2021, 2022, 2023),
    *,
    copies: int = 0,
    partial: int = 0,
    cross: int = 0,
    broken: int = 0,
    consolidated: bool = False,
    seed: int = 0,
    first_organ: int = 0,
) -> Synthetic:
    """A corpus of ``organs`` × ``years`` reports with the faults asked for planted.

    Report ids are ``{year}/{credit code}.txt``.  ``copies``, ``partial`` and ``broken`` pick
    reports after an organ's first year; ``cross`` picks pairs of organs in one year.
    ``first_organ``: where the organs' numbering starts (to make a large corpus in parts).
    """
    rng = random.Random(seed)
    who = _organs(organs, rng, first_organ)
    later = [(o, y) for o in range(organs) for y in range(1, len(years))]
    copy_at, partial_at, broken_at = _plant(rng, later, copies, partial, broken)
    cross_at = _cross(rng, organs, len(years), cross, copy_at | partial_at)
    plant: dict[str, set[tuple[str, str]]] = {"copies": set(), "partial": set(),
                                              "cross": set(), "broken": set()}  # fmt: skip
    made: dict[tuple[int, int], tuple[str, Report]] = {}
    prose: dict[tuple[int, int], tuple[list[str], list[str]]] = {}
    for o, (name, code, _city) in enumerate(who):
        last: dict[str, Any] | None = None
        for y, year in enumerate(years):
            overview, problems = _prose(rng, 10), _prose(rng, 4)
            if (o, y) in copy_at:
                overview, problems = list(prose[o, y - 1][0]), list(prose[o, y - 1][1])
                at = rng.randrange(len(overview))
                overview[at] = "".join(rng.choices(_CHARS, k=2)) + overview[at][2:]
            elif (o, y) in partial_at:
                overview = prose[o, y - 1][0][:5] + overview[5:]
                problems = prose[o, y - 1][1][:2] + problems[2:]
            elif (o, y) in cross_at:
                overview, problems = prose[o - 1, y]
            prose[o, y] = (overview, problems)
            version = Template.V2019 if year <= 2020 else Template.V2021
            values = _tables(version, rng, last)
            if (o, y) in broken_at:
                for row in ("carried_over", "carried_forward"):
                    for col in ("natural_person", "total"):
                        values[f"requests.{row}.{col}"] += 1
            rid = f"{year}/{code}.txt"
            made[o, y] = (rid, _report(name, code, year, values, overview, problems,
                                       rng.randint(5, 28)))  # fmt: skip
            last = {**values, "_version": version}
            if y:
                pair = (made[o, y - 1][0], rid)
                for kind, planted in (("copies", copy_at), ("partial", partial_at),
                                 ("broken", broken_at)):  # fmt: skip
                    if (o, y) in planted:
                        plant[kind].add(pair)
            if (o, y) in cross_at:
                plant["cross"].add((made[o - 1, y][0], rid))
    reports = [made[k] for k in sorted(made, key=lambda k: (k[1], k[0]))]
    if consolidated:
        reports.extend(_consolidated(who, years, made, rng))
    return Synthetic(tuple(reports), *(frozenset(plant[k]) for k in
                                       ("copies", "partial", "cross", "broken")))  # fmt: skip


def _consolidated(
    who: list[tuple[str, str, str]],
    years: Sequence[int],
    made: dict[tuple[int, int], tuple[str, Report]],
    rng: random.Random,
) -> Iterator[tuple[str, Report]]:
    """Each city's 全市汇总 report: the sums of its organs' tables, year by year."""
    for city_code, city in _CITIES:
        members = [o for o, (_n, _c, c) in enumerate(who) if c == city_code]
        if not members:
            continue
        code = credit_code_for(city_code, rng)
        name = f"{city}人民政府"
        for y, year in enumerate(years):
            total: dict[str, Any] = {}
            for o in members:
                for key, value in numbers(made[o, y][1]).items():
                    total[key] = total.get(key, 0) + (value or 0)
            report = _report(name, code, year, total, _prose(rng, 6), _prose(rng, 3), 20)
            title = f"{city}{year}年政府信息公开工作年度报告（全市汇总）"
            yield f"{year}/{code}-汇总.txt", attrs.evolve(report, title=title)


def write_corpus(corpus: Synthetic, folder: str | Path, layout: str = "pipe") -> list[Path]:
    """Render every report of the corpus into ``folder`` (one file per id); the paths."""
    root = Path(folder)
    paths = []
    for rid, report in corpus.reports:
        path = root / rid
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(report, layout) + "\n", encoding="utf-8")
        paths.append(path)
    return paths

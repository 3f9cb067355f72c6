"""How many fixture reports exercise each rule's true and false cases (for issue 16's note).

Run ``python tests/rule_coverage.py``.  The fixtures: the seeds, every report file under
``tests/data/fixtures`` that parses, the texts the issue-16 tests build (headings, organ
names, D-TEXT in every phrasing with each number changed in the prose or the tables), and the
seeds with one cell swapped or duplicated (``cell_edits``, as issue 11's audit makes them).  Per
rule: *fires* (an assessable violation), *silent* (checked and held: the rule had what it
needs and found nothing; D-TEXT only counts reports whose section 一 states a number), *n/a*
(not assessable, or nothing to judge).  Series rules are not single-report rules: not counted.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

import cell_edits as E  # noqa: E402
import test_dtext as D  # noqa: E402
import test_headings as H  # noqa: E402
import test_organ as O  # noqa: E402
import test_rule_fixtures as R  # noqa: E402
from phrased import Stated, statements  # noqa: E402
from support import seed_text  # noqa: E402

from govdisclosure import ParseError, Report, check, parse_report, read_report  # noqa: E402
from govdisclosure.check.invariants import RULES  # noqa: E402
from govdisclosure.check.prose import claims  # noqa: E402


def _files() -> Iterator[tuple[str, Report]]:
    for path in sorted((HERE / "data").rglob("*")):
        if path.suffix not in (".txt", ".md", ".html", ".htm", ".json") or "golden" in path.parts:
            continue
        try:
            yield path.name, read_report(path)
        except (ParseError, ValueError, UnicodeError):
            continue


def _cell_edits() -> Iterator[tuple[str, Report]]:
    """Each seed with one number cell duplicated into its neighbour or swapped with it."""
    for name in ("000_cba402df4409a5e2", "001_0494dfef68de25df", "002_7e0d3285304a6f62",
                 "003_d01d2cbab1ffe994", "004_993b10d7eafd07e2"):  # fmt: skip
        text = seed_text(name)
        for edit in E.edits(text, parse_report(text), ("swap", "duplicate")):
            try:
                yield f"{name[:3]} {edit.kind} line {edit.line}", parse_report(edit.text)
            except ParseError:
                continue


def _texts() -> Iterator[tuple[str, Report]]:
    for name, text in H.CASES.items():
        yield f"heading: {name}", parse_report(text)
    in_place = H.edited(H.H3, "表三：" + H.H3.split("、", 1)[1])
    yield "heading: 表三 in place", parse_report(in_place)
    for front in (f"标题：{O.REPORT_TITLE}\n", f"发布机构：{O.ORGAN}\n"):
        yield f"organ: {front.strip()}", parse_report(front + O.NO_TITLE)
    for name in R.FIXTURES:
        base, changed = R.changed(name)
        yield f"rule fixture {name}: seed", base
        yield f"rule fixture {name}", changed
    for which, seed_name in D.SEEDS.items():
        seed = parse_report(seed_text(seed_name))
        stated = list(statements(seed))
        yield f"d-text {which}: all phrasings", D.with_prose(seed, stated)
        for i, s in enumerate(stated):
            changed = stated.copy()
            n = s.numbers[0]
            changed[i] = Stated(s.text.replace(str(n), str(n + D.FAR), 1), s.numbers,
                                s.phrasing, s.reading)  # fmt: skip
            yield f"d-text {which}: prose {i}", D.with_prose(seed, changed)
        for j, s in enumerate(statements(seed, breakdowns=False)):
            for k, shift in enumerate(D._SHIFTS):
                table = D.shifted(D.with_prose(seed, [s]), shift, D.FAR)
                if table is not None:
                    yield f"d-text {which}: table {j}.{k}", table


def main() -> None:
    fires: Counter[str] = Counter()
    silent: Counter[str] = Counter()
    na: Counter[str] = Counter()
    total = 0
    for _name, report in [*_files(), *_texts(), *_cell_edits()]:
        total += 1
        found = check(report)
        for rule in RULES:
            if rule.part == "series":
                continue
            mine = [v for v in found if v.rule == rule.id]
            if any(v.assessable for v in mine):
                fires[rule.id] += 1
            elif mine or (rule.id == "D-TEXT" and not claims(report)):
                na[rule.id] += 1
            else:
                silent[rule.id] += 1
    print(f"{total} fixture reports")
    print("| rule | severity | fires (true case) | silent (false case) | n/a |")
    print("|---|---|---|---|---|")
    for rule in RULES:
        if rule.part != "series":
            print(f"| {rule.id} | {rule.severity.value} | {fires[rule.id]} | "
                  f"{silent[rule.id]} | {na[rule.id]} |")  # fmt: skip


if __name__ == "__main__":
    main()

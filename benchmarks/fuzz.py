"""Fuzz the parser: damaged seeds and fixtures must give a Report or a ParseError, nothing else.

    python benchmarks/fuzz.py --examples 10000

Counts every example run, how many parsed and how many were refused (by ParseError code), and
fails (exit 1) on the first other exception, printing the input that caused it.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from mutations import ENCODINGS, damage, mutation  # noqa: E402

from govdisclosure import ParseError, parse_report  # noqa: E402


def corpus() -> dict[str, str]:
    texts = {
        p.name: p.read_text(encoding="utf-8") for p in (ROOT / "tests/data/seeds").glob("*.txt")
    }
    for p in sorted((ROOT / "tests/data/fixtures").rglob("*")):
        if p.suffix in (".txt", ".md", ".html"):
            try:
                texts[str(p.relative_to(ROOT))] = p.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue
    return texts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--examples", type=int, default=10_000)
    args = ap.parse_args()
    texts = corpus()
    names = sorted(texts)
    counts: collections.Counter[str] = collections.Counter()

    @settings(
        max_examples=args.examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(
        name=st.sampled_from(names),
        mutations=st.lists(mutation(), min_size=1, max_size=8),
        encoding=ENCODINGS,
    )
    def run(name: str, mutations: list, encoding: str) -> None:
        data = damage(texts[name], mutations, encoding)
        counts["examples"] += 1
        try:
            parse_report(data)
            counts["parsed"] += 1
        except ParseError as exc:
            counts[f"refused:{exc.code}"] += 1

    start = time.perf_counter()
    run()
    elapsed = time.perf_counter() - start
    print(f"corpus: {len(texts)} texts; examples run: {counts['examples']} in {elapsed:.1f} s")
    for key, n in sorted(counts.items()):
        if key != "examples":
            print(f"  {key:28} {n}")
    print("no exception other than ParseError")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Issue 10's line-break property at scale: generated reports in every text layout, each in the
four variants of tests/linebreaks.py; counts of exact, reported losses, and wrong numbers.

    python benchmarks/linebreaks.py --examples 2000
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from linebreaks import VARIANTS, compare, loss_is_reported, numbers
from strategies import consistent_reports

from govdisclosure import ParseError, Report, parse_report
from govdisclosure.write.render import LAYOUTS, render

TEXT_LAYOUTS = [name for name in LAYOUTS if name != "html"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0, help="hypothesis seed (runs in parallel)")
    args = parser.parse_args()
    outcome: Counter[tuple[str, str]] = Counter()
    failures: list[str] = []

    @seed(args.seed)
    @settings(
        max_examples=args.examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(consistent_reports(), st.sampled_from(TEXT_LAYOUTS), st.integers(0, 2**32))
    def run(report: Report, layout: str, rng_seed: int) -> None:
        text = render(report, layout)
        original = numbers(parse_report(text))
        for name, variant in VARIANTS.items():
            try:
                again = parse_report(variant(text, random.Random(rng_seed)))
            except ParseError as exc:
                outcome[name, f"refused ({exc.code})"] += 1
                continue
            wrong, lost = compare(original, again)
            if wrong:
                outcome[name, "WRONG"] += 1
                failures.append(f"{name} {layout}: {sorted(wrong)[:3]}")
            elif lost and loss_is_reported(again):
                outcome[name, "lost, reported"] += 1
            elif lost:
                outcome[name, "LOST SILENTLY"] += 1
                failures.append(f"{name} {layout}: lost {sorted(lost)[:3]}")
            else:
                outcome[name, "exact"] += 1
        done = sum(outcome.values()) // len(VARIANTS)
        if done % 100 == 0:  # a run cut short still tells what it saw
            print(f"  … {done} examples: {dict(outcome)}", file=sys.stderr, flush=True)

    start = time.perf_counter()
    run()
    print(
        f"{args.examples} generated reports × {len(VARIANTS)} variants "
        f"in {time.perf_counter() - start:.0f} s"
    )
    for name in VARIANTS:
        row = {k[1]: v for k, v in outcome.items() if k[0] == name}
        print(f"  ({name}) " + ", ".join(f"{k}: {v}" for k, v in sorted(row.items())))
    for line in failures[:20]:
        print("  !", line)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

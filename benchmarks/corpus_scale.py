"""Issue 15 at scale: check_corpus, near_duplicates and rollup over generated reports.

    python benchmarks/corpus_scale.py --reports 20000          # the corpus stages
    python benchmarks/corpus_scale.py --files 1000             # end to end from files
    python benchmarks/corpus_scale.py --thresholds 5000        # planted copies: P/R

Wall time depends on what else runs on the machine: ``cpu_seconds`` (user + system time of
the stage's process, or of the command and its worker processes) is the figure to scale.
The corpus stages take reports generated in memory (``govdisclosure.synthetic``, made in
parts of 200 organs × 5 years and streamed, never held whole by the benchmark), each stage in
a fresh process so that its peak memory (``ru_maxrss``) is its own.  ``--files`` renders the
reports to files and times ``govdisclosure check --series`` and ``similar`` through
``parse_many`` (parsing dominates).  ``--thresholds`` plants copies (≥ 90 % reused) and
decoys (about half reused) and measures precision and recall of C-PROSE-COPY at three
thresholds.  Figures go to standard output; nothing here is a test.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from typing import Any

from govdisclosure.synthetic import synthetic_corpus, write_corpus

YEARS = (2019, 2020, 2021, 2022, 2023)
PART = 200  # organs per generated part


def stream(reports: int, seed: int = 0) -> Iterator[tuple[str, Any]]:
    """``reports`` generated reports (5 years per organ), 1 % copies, 1 % half-reused, 0.5 %
    broken carry-overs and 0.5 % cross-organ copies planted, made and given part by part."""
    organs = max(1, reports // len(YEARS))
    for first in range(0, organs, PART):
        n = min(PART, organs - first)
        part = synthetic_corpus(
            n, YEARS, copies=n * 5 // 100, partial=n * 5 // 100, broken=n * 5 // 200,
            cross=n * 5 // 200, seed=seed + first, first_organ=first,
        )  # fmt: skip
        yield from part.reports


def _stage(name: str, reports: int, out: Any) -> None:
    from govdisclosure import check_corpus, rollup
    from govdisclosure.check.neardup import near_duplicates

    started = time.perf_counter()
    if name == "check_corpus":
        result = check_corpus(stream(reports))
        found: Any = len(result.violations)
    elif name == "near_duplicates":
        found = len(near_duplicates(stream(reports)))
    elif name == "rollup":
        found = len(rollup(stream(reports), "city").sums)
    else:  # generation alone: what the other stages pay before their own work
        found = sum(1 for _ in stream(reports))
    elapsed = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    out.put({"stage": name, "reports": reports, "seconds": round(elapsed, 1),
             "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 1),
             "peak_mib": round(usage.ru_maxrss / 1024), "found": found})  # fmt: skip


def stages(reports: int) -> None:
    ctx = multiprocessing.get_context("spawn")
    for name in ("generate", "check_corpus", "near_duplicates", "rollup"):
        queue = ctx.Queue()
        proc = ctx.Process(target=_stage, args=(name, reports, queue))
        proc.start()
        print(json.dumps(queue.get()), flush=True)
        proc.join()


def files(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        made = 0
        for first in range(0, max(1, count // len(YEARS)), PART):
            n = min(PART, count // len(YEARS) - first)
            part = synthetic_corpus(n, YEARS, copies=n // 20, broken=n // 40, seed=first,
                                    first_organ=first)  # fmt: skip
            made += len(write_corpus(part, tmp))
        for args in (["check", "--series", tmp, "-q"], ["similar", tmp, "--format", "json"]):
            started = time.perf_counter()
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            done = subprocess.run(
                [sys.executable, "-m", "govdisclosure.cli", *args, "-j", "2"],
                capture_output=True, text=True, check=False,
            )  # fmt: skip
            elapsed = time.perf_counter() - started
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            print(
                json.dumps(
                    {
                        "command": " ".join(args[:2]),
                        "files": made,
                        "seconds": round(elapsed, 1),
                        "cpu_seconds": round(cpu, 1),
                        "peak_mib_largest_child": round(after.ru_maxrss / 1024),
                        "exit": done.returncode,
                    }
                ),
                flush=True,
            )


def thresholds(reports: int) -> None:
    from govdisclosure.check.neardup import near_duplicates

    organs = reports // len(YEARS)
    corpus = synthetic_corpus(organs, YEARS, copies=organs // 10, partial=organs // 10, seed=7)
    truth = set(corpus.copies)
    for threshold in (0.4, 0.8, 0.97):
        pairs = near_duplicates(corpus.reports, prose_copy=threshold, cross_organ=None,
                                lsh_threshold=min(0.5, threshold))  # fmt: skip
        found = {(p.first_id, p.second_id) for p in pairs}
        hits = len(found & truth)
        print(json.dumps({
            "threshold": threshold, "reports": len(corpus.reports), "planted": len(truth),
            "decoys": len(corpus.partial), "flagged": len(found), "true": hits,
            "precision": round(hits / len(found), 3) if found else None,
            "recall": round(hits / len(truth), 3) if truth else None,
        }), flush=True)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, help="corpus stages over this many reports")
    parser.add_argument("--files", type=int, help="check --series and similar over files")
    parser.add_argument("--thresholds", type=int, help="precision/recall over this many")
    args = parser.parse_args()
    if args.reports:
        stages(args.reports)
    if args.files:
        files(args.files)
    if args.thresholds:
        thresholds(args.thresholds)


if __name__ == "__main__":
    main()

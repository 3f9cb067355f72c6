"""Speed, memory and correctness of govdisclosure against two baselines, in one run.

    python benchmarks/run.py --n 10000

See benchmarks/README.md for what is measured and how to read the table.
"""

from __future__ import annotations

import argparse
import gc
import json
import multiprocessing
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import baselines
import corpus

import govdisclosure
from govdisclosure import check, flatten, parse_many, parse_report
from govdisclosure.write.render import LAYOUTS, render

TEXT_LAYOUTS = tuple(name for name in LAYOUTS if name != "html")
HTML_LAYOUT = "html"
WARM_UP = 20
PARTS = ("seeds", "cold", "forms", "table", "many")
SAMPLES = 20  # RSS samples over a batch


# --------------------------------------------------------------------------- inputs


def text_inputs(n: int) -> Iterator[tuple[str, corpus.Values, str]]:
    """(text, truth, label): the seeds as written first, then rendered reports in every layout."""
    seeds = corpus.seed_paths()
    for path in seeds[:n]:
        yield path.read_text(encoding="utf-8"), corpus.seed_truth(path.stem), "seed"
    for c in corpus.cases(max(0, n - len(seeds)), TEXT_LAYOUTS):
        yield render(c.report, layout=c.layout), c.truth, c.layout


def html_inputs(n: int) -> Iterator[tuple[str, corpus.Values, str]]:
    """(html, truth, label): the same reports rendered as HTML tables."""
    seeds = corpus.seed_reports()
    for path, (_name, report) in zip(corpus.seed_paths()[:n], seeds, strict=False):
        yield render(report, layout=HTML_LAYOUT), corpus.seed_truth(path.stem), "seed"
    for c in corpus.cases(max(0, n - len(seeds)), TEXT_LAYOUTS):
        yield render(c.report, layout=HTML_LAYOUT), c.truth, HTML_LAYOUT


# --------------------------------------------------------------------------- approaches


def ours(text: str, _keys: list[str]) -> govdisclosure.Report:
    report = parse_report(text)
    check(report)
    return report


def values(got: Any) -> corpus.Values:
    """The numbers an approach read (outside the clock: ours are read from the report)."""
    if isinstance(got, govdisclosure.Report):
        flat = flatten(got)
        return {k: flat.get(k) for k in baselines.fields(got.template)}  # type: ignore[misc]
    return dict(got)


def regex(text: str, keys: list[str]) -> corpus.Values:
    return baselines.deal(baselines.regex_scan(text), keys)


def read_html(html: str, keys: list[str]) -> corpus.Values:
    return baselines.read_html_fill(html, keys)


APPROACHES: dict[str, tuple[str, str]] = {
    # name: (inputs, description)
    "ours-text": ("text", "ours: parse_report + check, text layouts"),
    "regex": ("text", "(a) regex scan of all numbers, same texts"),
    "ours-html": ("html", "ours: parse_report + check, HTML"),
    "read_html": ("html", "(b) pandas.read_html + positional fill, same HTML"),
}


def _rss_kb() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)


def _call(name: str) -> Callable[[str, list[str]], Any]:
    if name.startswith("ours"):
        return ours
    if name == "regex":
        return regex
    return read_html


def measure(name: str, n: int) -> dict[str, Any]:
    """Run one approach over n inputs in this (fresh) process; time only the approach's call."""
    kind, _ = APPROACHES[name]
    inputs = text_inputs if kind == "text" else html_inputs
    fn = _call(name)
    if name == "read_html":
        import pandas  # noqa: F401  (imported before the clock starts)
    for text, truth, _label in inputs(min(WARM_UP, n)):
        fn(text, list(truth))
    gc.collect()
    times: list[float] = []
    rss: list[tuple[int, int]] = []
    every = max(1, n // SAMPLES)
    wrong_reports = wrong_cells = cells = 0
    base_rss = _rss_kb()
    for i, (text, truth, _label) in enumerate(inputs(n)):
        keys = list(truth)
        t0 = time.perf_counter()
        try:
            got = fn(text, keys)
        except govdisclosure.ParseError:
            got = {}
        times.append(time.perf_counter() - t0)
        bad = baselines.wrong_cells(values(got), truth)
        wrong_cells += bad
        wrong_reports += bad > 0
        cells += len(truth)
        if (i + 1) % every == 0:
            rss.append((i + 1, _rss_kb()))
    times.sort()
    return {
        "name": name,
        "n": n,
        "median_ms": statistics.median(times) * 1e3,
        "p95_ms": times[min(len(times) - 1, int(0.95 * len(times)))] * 1e3,
        "per_s": len(times) / sum(times),
        "base_rss_mb": base_rss / 1024,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss": rss,
        "growth_kb_per_1000": _growth(rss),
        "wrong_reports": wrong_reports,
        "wrong_cells": wrong_cells,
        "cells": cells,
    }


def _growth(rss: list[tuple[int, int]]) -> float:
    """RSS growth per 1000 reports over the second half of the batch (least squares)."""
    half = rss[len(rss) // 2 :]
    if len(half) < 2:
        return 0.0
    xs = [x for x, _ in half]
    ys = [y for _, y in half]
    slope = statistics.linear_regression(xs, ys).slope
    return slope * 1000


def _run(args: tuple[str, int]) -> dict[str, Any]:
    return measure(*args)


# --------------------------------------------------------------------------- the rest


def per_seed(repeat: int) -> list[tuple[str, int, float, float]]:
    """(seed, bytes, median parse ms, median parse+check ms) for each seed (issue 3 item 6)."""
    out = []
    for path in corpus.seed_paths():
        text = path.read_text(encoding="utf-8")
        parse_report(text)
        parse, both = [], []
        for _ in range(repeat):
            t0 = time.perf_counter()
            report = parse_report(text)
            t1 = time.perf_counter()
            check(report)
            t2 = time.perf_counter()
            parse.append(t1 - t0)
            both.append(t2 - t0)
        size = len(path.read_bytes())
        out.append((path.stem, size, statistics.median(parse) * 1e3, statistics.median(both) * 1e3))
    return out


COLD = """
import time
t0 = time.perf_counter()
from govdisclosure import parse_report, check
t1 = time.perf_counter()
check(parse_report(open({path!r}, encoding="utf-8").read()))
t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""


def cold_start(runs: int = 3) -> tuple[float, float]:
    """Median (import s, first parse + check s) in a new interpreter."""
    path = str(corpus.seed_paths()[3])
    imports, firsts = [], []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", COLD.format(path=path)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        imports.append(float(out[0]))
        firsts.append(float(out[1]))
    return statistics.median(imports), statistics.median(firsts)


def many_speedup(m: int) -> dict[str, float]:
    """parse_many over m report files: workers=1 against workers=2 (wall time)."""
    with tempfile.TemporaryDirectory(prefix="govdisclosure-bench-") as tmp:
        paths = []
        for i, (text, _truth, _label) in enumerate(text_inputs(m)):
            p = Path(tmp) / f"{i:06d}.txt"
            p.write_text(text, encoding="utf-8")
            paths.append(p)
        out: dict[str, float] = {}
        for workers in (1, 2):
            t0, c0 = time.perf_counter(), os.times()
            ok = sum(r.ok for r in parse_many(paths, workers=workers))
            wall, c1 = time.perf_counter() - t0, os.times()
            assert ok == m, f"{m - ok} reports failed"
            cpu = sum(c1[k] - c0[k] for k in range(4))  # this process and the pool's workers
            out[f"workers={workers}"] = wall
            out[f"cores used (workers={workers})"] = cpu / wall
        out["speedup"] = out["workers=1"] / out["workers=2"]
        return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000, help="reports per approach (≤ 100 000)")
    ap.add_argument("--many", type=int, default=2000, help="reports for the parse_many speed-up")
    ap.add_argument("--repeat", type=int, default=50, help="parses per seed for its median")
    ap.add_argument("--jobs", type=int, default=2, help="approaches measured at once (processes)")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    ap.add_argument(
        "--only",
        action="append",
        choices=PARTS,
        help="run only this part (repeatable; default: all of " + ", ".join(PARTS) + ")",
    )
    args = ap.parse_args()
    if not 1 <= args.n <= 100_000:
        ap.error("--n must be between 1 and 100 000")
    parts = set(args.only or PARTS)
    started = time.perf_counter()
    print(
        f"govdisclosure {govdisclosure.__version__} · Python {platform.python_version()} · "
        f"{os.cpu_count()} CPUs · N = {args.n} · load average {os.getloadavg()[0]:.2f}",
        flush=True,
    )
    corpus.seed_reports()  # parsed once, before the workers fork
    figures: dict[str, Any] = {}
    if "seeds" in parts:
        figures["seeds"] = _print_seeds(args.repeat)
    if "cold" in parts:
        figures["cold_start"] = _print_cold()
    if "forms" in parts:
        figures["forms"] = _print_forms(max(1, args.repeat // 10))
    if "table" in parts:
        figures["approaches"] = _print_table(args.n, args.jobs)
    if "many" in parts:
        figures["parse_many"] = _print_many(min(args.many, args.n))
    print(f"\nTotal {time.perf_counter() - started:.0f} s")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")


def office_forms(repeat: int) -> dict[str, dict[str, float]]:
    """Median ms per report and peak traced memory, per form: the committed fixtures (PDF and
    DOCX, tests/data/fixtures/office) beside the seeds as text and as HTML pages."""
    import tracemalloc

    root = Path(__file__).resolve().parent.parent / "tests/data"
    office = sorted((root / "fixtures/office").glob("*"))
    forms: dict[str, list[bytes]] = {
        "text": [p.read_bytes() for p in sorted((root / "seeds").glob("*.txt"))],
        "html": [
            p.read_bytes()
            for p in sorted((root / "fixtures/html").glob("00*.html"))
            if "fragment" not in p.name
        ],
        "pdf": [p.read_bytes() for p in office if p.suffix == ".pdf" and "scan" not in p.name],
        "docx": [p.read_bytes() for p in office if p.suffix == ".docx"],
    }
    out: dict[str, dict[str, float]] = {}
    for form, files in forms.items():
        times: list[float] = []
        peaks: list[float] = []
        for data in files:
            parse_report(data)  # warm
            for _ in range(repeat):
                start = time.perf_counter()
                parse_report(data)
                times.append(time.perf_counter() - start)
            tracemalloc.start()
            parse_report(data)
            peaks.append(tracemalloc.get_traced_memory()[1] / 2**20)
            tracemalloc.stop()
        out[form] = {
            "files": len(files),
            "median_ms": statistics.median(times) * 1e3,
            "peak_mb": max(peaks),
            "bytes": statistics.median(len(d) for d in files),
        }
    return out


def _print_forms(repeat: int) -> dict[str, dict[str, float]]:
    forms = office_forms(repeat)
    print(f"\nPer input form (median of {repeat} parses per file, one core; peak = tracemalloc):")
    print(f"  {'form':<8}{'files':>6}{'median bytes':>14}{'median ms':>11}{'peak MB':>9}")
    for form, f in forms.items():
        print(
            f"  {form:<8}{f['files']:>6.0f}{f['bytes']:>14.0f}{f['median_ms']:>11.1f}"
            f"{f['peak_mb']:>9.1f}",
            flush=True,
        )
    return forms


def _print_seeds(repeat: int) -> list[tuple[str, int, float, float]]:
    seeds = per_seed(repeat)
    print(f"\nPer seed (median of {repeat} parses, one core):")
    print(f"  {'seed':<24}{'bytes':>8}{'parse ms':>11}{'+ check ms':>12}")
    for name, size, p, b in seeds:
        print(f"  {name:<24}{size:>8}{p:>11.2f}{b:>12.2f}", flush=True)
    return seeds


def _print_cold() -> tuple[float, float]:
    imp, first = cold_start()
    print(
        f"\nCold start (new interpreter): import {imp * 1e3:.0f} ms, "
        f"first parse + check {first * 1e3:.0f} ms (builds the parser)",
        flush=True,
    )
    return imp, first


def _print_table(n: int, jobs: int) -> dict[str, dict[str, Any]]:
    order = ["read_html", "ours-html", "ours-text", "regex"]  # longest first
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(jobs, maxtasksperchild=1) as pool:
        results = {r["name"]: r for r in pool.imap_unordered(_run, [(a, n) for a in order])}

    print(f"\nN = {n} reports per approach (one core each; {jobs} measured at a time)")
    head = (
        f"  {'approach':<52}{'median ms':>10}{'p95 ms':>9}{'reports/s':>11}"
        f"{'peak RSS MB':>13}{'RSS +KB/1000':>14}{'reports wrong':>15}{'cells wrong':>13}"
    )
    print(head)
    for name in ("ours-text", "regex", "ours-html", "read_html"):
        r = results[name]
        print(
            f"  {APPROACHES[name][1]:<52}{r['median_ms']:>10.3f}{r['p95_ms']:>9.3f}"
            f"{r['per_s']:>11.0f}{r['peak_rss_mb']:>13.0f}{r['growth_kb_per_1000']:>14.0f}"
            f"{100 * r['wrong_reports'] / r['n']:>14.1f}%"
            f"{100 * r['wrong_cells'] / max(1, r['cells']):>12.2f}%"
        )
    t, x, h, b = (results[k] for k in ("ours-text", "regex", "ours-html", "read_html"))
    print("\nRatios (median time, ours ÷ baseline; < 1 means ours is faster):")
    print(
        f"  ours (text) ÷ regex scan        {t['median_ms'] / x['median_ms']:8.1f}×  (target ≤ 50×)"
    )
    print(
        f"  ours (HTML) ÷ read_html + fill  {h['median_ms'] / b['median_ms']:8.2f}×  (target < 1×)"
    )

    return results


def _print_many(m: int) -> dict[str, float]:
    load = os.getloadavg()[0]
    many = many_speedup(m)
    print(
        f"\nparse_many over {m} files: workers=1 {many['workers=1']:.1f} s, "
        f"workers=2 {many['workers=2']:.1f} s → speed-up {many['speedup']:.2f}× "
        f"({os.cpu_count()} CPUs; the pool had {many['cores used (workers=2)']:.2f} cores of CPU "
        f"time; load average {load:.2f} before: other work on the machine takes cores from it)",
        flush=True,
    )
    return many


if __name__ == "__main__":
    main()

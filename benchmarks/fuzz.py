"""Fuzz the parser: damaged seeds and fixtures must give a Report or a ParseError, nothing else.

    python benchmarks/fuzz.py --examples 100000 [--seed N]

The corpus is every input form: the seeds (text), the fixtures (text, Markdown, HTML, JSON,
crawler dumps, PDF and OCR text).  Mutations are tests/mutations.py's, the audit's hostile
ones included (lone surrogates, huge spans, deep nesting, long digit runs, a cut inside a
multi-byte character, UTF-16 without a byte order mark).  A parsed report must then pass
through ``check``, ``locate``, ``render`` and ``to_json`` without an exception.

Counts every example run by form (file suffix) and encoding, how many parsed and how many were
refused (by ParseError code), the slowest example (parse and consumers, in CPU seconds: on a
shared machine the wall clock counts other programs too).  Fails on the first other exception,
printing the input that caused it; an example over ``--limit`` CPU seconds is timed once more
(CPU time grows too when programs share a core; ``over-limit-once`` counts the first timings
over), and when it is over twice it is counted and saved
(``fuzz-slow-SEED-N.bin`` in the temporary folder, to be timed again alone) and the run goes
on, ending with exit 1.
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from mutations import ENCODINGS, damage, mutation  # noqa: E402

# every byte form the readers take: the damage encodings plus GBK itself (gb18030 is its superset)
FORMS = st.sampled_from([*ENCODINGS.elements, "gbk"])

from govdisclosure import ParseError, check, locate, parse_report, render  # noqa: E402
from govdisclosure.write.serialize import to_json  # noqa: E402


def corpus() -> dict[str, str]:
    texts = {
        p.name: p.read_text(encoding="utf-8") for p in (ROOT / "tests/data/seeds").glob("*.txt")
    }
    for p in sorted((ROOT / "tests/data/fixtures").rglob("*")):
        if p.suffix in (".txt", ".md", ".html", ".json") and p.parent.name != "fixtures":
            try:
                texts[str(p.relative_to(ROOT))] = p.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue
    return texts


OFFICE = ROOT / "tests/data/fixtures/office"


def office_mutant(data: bytes, how: str, at: float, size: int, junk: bytes) -> bytes:
    """A PDF or DOCX file damaged: cut, a garbage run written over a stream, or (DOCX) one zip
    entry replaced with garbage or dropped."""
    pos = int(at * len(data))
    if how == "truncate":
        return data[:pos]
    if how == "garbage":
        return data[:pos] + junk * (size // max(len(junk), 1) + 1) + data[pos + size :]
    if data.startswith(b"PK"):
        import io
        import zipfile

        src = zipfile.ZipFile(io.BytesIO(data))
        names = src.namelist()
        victim = names[int(at * len(names)) % len(names)]
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as dst:
            for name in names:
                if name != victim:
                    dst.writestr(name, src.read(name))
                elif how == "entry":
                    dst.writestr(name, junk * 10)
        return out.getvalue()
    return data[:pos] + bytes(b ^ 0xFF for b in data[pos : pos + size]) + data[pos + size :]


def run_office(examples: int, seed_value: int, counts: collections.Counter[str]) -> None:
    """Damaged DOCX and PDF fixtures: only a Report or a ParseError comes out."""
    files = {
        p.name: p.read_bytes() for p in sorted(OFFICE.glob("*")) if p.suffix in (".pdf", ".docx")
    }

    @seed(seed_value)
    @settings(
        max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(
        name=st.sampled_from(sorted(files)),
        how=st.sampled_from(["truncate", "garbage", "entry", "drop"]),
        at=st.floats(0, 1),
        size=st.integers(1, 4096),
        junk=st.binary(min_size=1, max_size=16),
    )
    def run(name: str, how: str, at: float, size: int, junk: bytes) -> None:
        data = office_mutant(files[name], how, at, size, junk)
        counts["office examples"] += 1
        try:
            report = parse_report(data)
            check(report)
            counts["office parsed"] += 1
        except ParseError as exc:
            counts[f"office refused:{exc.code}"] += 1

    run()  # fmt: skip


def consume(data: str | bytes) -> str:
    """Parse, then check, locate, render and serialise: what came out ("parsed" or
    "refused:CODE"); any other exception propagates and ends the run."""
    try:
        report = parse_report(data)
        check(report)
        locate(report)
        render(report)
        to_json(report)
    except ParseError as exc:
        return f"refused:{exc.code}"
    return "parsed"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--examples", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=0, help="hypothesis seed (runs in parallel)")
    ap.add_argument("--limit", type=float, default=1.0, help="seconds one example may take")
    ap.add_argument("--office", type=int, default=200, help="damaged DOCX/PDF examples")
    args = ap.parse_args()
    texts = corpus()
    names = sorted(texts)
    counts: collections.Counter[str] = collections.Counter()
    slowest: list[tuple[float, str]] = [(0.0, "")]
    slowest_wall = [0.0]

    @seed(args.seed)
    @settings(
        max_examples=args.examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(
        name=st.sampled_from(names),
        mutations=st.lists(mutation(hostile=True), min_size=1, max_size=8),
        encoding=FORMS,
    )
    def run(name: str, mutations: list, encoding: str) -> None:
        data = damage(texts[name], mutations, encoding)
        counts["examples"] += 1
        counts[f"form:{Path(name).suffix}"] += 1
        counts[f"encoding:{encoding}"] += 1
        start, cpu = time.perf_counter(), time.process_time()
        outcome = consume(data)
        counts[outcome] += 1
        if outcome == "parsed":
            counts[f"parsed{Path(name).suffix}"] += 1
        # the limit is on CPU time: on a shared machine the wall clock counts other programs
        wall, elapsed = time.perf_counter() - start, time.process_time() - cpu
        if elapsed > args.limit:
            # CPU time too grows when two programs share a core: a slow input is slow twice
            counts["over-limit-once"] += 1
            again = time.process_time()
            consume(data)
            elapsed = min(elapsed, time.process_time() - again)
        slowest_wall[0] = max(slowest_wall[0], wall)
        if elapsed > slowest[0][0]:
            slowest[0] = (elapsed, f"{name} ({encoding}, {len(data)} chars/bytes)")
        if elapsed > args.limit:
            # kept, not raised: a long run goes on; the input is saved to be timed again alone
            counts["over-limit"] += 1
            out = Path(tempfile.gettempdir()) / f"fuzz-slow-{args.seed}-{counts['over-limit']}.bin"
            raw = data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")
            out.write_bytes(raw)
            print(f"OVER LIMIT {elapsed:.2f} s on {name} ({encoding}) -> {out.name}", flush=True)
        if counts["examples"] % 500 == 0:  # progress, for long runs
            print(
                f"... {counts['examples']} examples, slowest {slowest[0][0]:.3f} s CPU "
                f"({slowest[0][1]}); {dict(sorted(counts.items()))}",
                flush=True,
            )

    start = time.perf_counter()
    run()
    if args.office:
        run_office(args.office, args.seed, counts)
    elapsed = time.perf_counter() - start
    print(f"corpus: {len(texts)} texts; examples run: {counts['examples']} in {elapsed:.1f} s")
    for key, n in sorted(counts.items()):
        if key != "examples":
            print(f"  {key:28} {n}")
    print(f"slowest example: {slowest[0][0]:.3f} s CPU ({slowest[0][1]})")
    print(f"slowest wall-clock time: {slowest_wall[0]:.3f} s (includes waiting for the CPU)")
    print("no exception other than ParseError")
    return 1 if counts["over-limit"] else 0


if __name__ == "__main__":
    sys.exit(main())

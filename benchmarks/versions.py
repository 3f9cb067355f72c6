"""Two versions of govdisclosure on the same texts: CPU time per report, before vs after.

    python benchmarks/versions.py BEFORE_CHECKOUT [AFTER_CHECKOUT] [--rounds 7] [--n 195]

Each checkout is a source tree (``git worktree add /tmp/before 20f5c01``).  The texts are made
once, by this checkout (the five seeds and ``--n`` generated reports in the text layouts), and
saved; each version then parses and checks all of them in a process of its own, the two
alternating ``--rounds`` times.  CPU time (``time.process_time``), not wall time, so that other
programs on a shared machine count less; the figure per round is the median over the texts,
and the result the median over the rounds, with the ratio after/before.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

RUN = r"""
import json, sys, time
root, texts_path = sys.argv[1], sys.argv[2]
import govdisclosure
assert govdisclosure.__file__.startswith(root), govdisclosure.__file__
from govdisclosure import check, parse_report
texts = json.load(open(texts_path, encoding="utf-8"))
for t in texts[:20]:
    check(parse_report(t))
both, parse = [], []
for t in texts:
    s = time.process_time(); r = parse_report(t); m = time.process_time(); check(r)
    e = time.process_time()
    both.append(e - s); parse.append(m - s)
print(json.dumps([statistics.median(both) * 1000, statistics.median(parse) * 1000]))
""".replace("import json, sys, time", "import json, statistics, sys, time")


def texts(n: int) -> list[str]:
    import corpus

    from govdisclosure.write.render import LAYOUTS, render

    layouts = tuple(name for name in LAYOUTS if name != "html")
    out = [p.read_text(encoding="utf-8") for p in corpus.seed_paths()]
    out += [render(c.report, layout=c.layout) for c in corpus.cases(n, layouts)]
    return out


def run(root: Path, texts_path: Path) -> tuple[float, float]:
    done = subprocess.run(
        [sys.executable, "-c", RUN, str(root), str(texts_path)],
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        cwd=root,
        check=False,
    )
    if done.returncode:
        raise SystemExit(f"{root}: {done.stderr[-2000:]}")
    both, parse = json.loads(done.stdout)
    return float(both), float(parse)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path, nargs="?", default=HERE.parent)
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--n", type=int, default=195)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "texts.json"
        path.write_text(json.dumps(texts(args.n), ensure_ascii=False), encoding="utf-8")
        got: dict[str, list[tuple[float, float]]] = {"before": [], "after": []}
        for _ in range(args.rounds):
            for name in ("before", "after"):
                got[name].append(run(getattr(args, name).resolve(), path))
                both, parse = got[name][-1]
                print(f"{name:6}  parse+check {both:6.2f} ms  parse {parse:6.2f} ms", flush=True)
    for i, what in enumerate(("parse+check", "parse")):
        b = statistics.median(x[i] for x in got["before"])
        a = statistics.median(x[i] for x in got["after"])
        print(f"{what:12} before {b:6.2f} ms  after {a:6.2f} ms  after/before {a / b:.3f}")


if __name__ == "__main__":
    main()

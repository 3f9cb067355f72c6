"""The audit of issue 11: every number cell of every seed edited one way at a time.

    python benchmarks/audit_cells.py [--kinds blank,slash,text,dash,delete]

Edits (tests/cell_edits.py): blank, 「/」, 「暂无」, 「–」, 「*」, 「〇」, deleted, duplicated,
swapped with its neighbour.  Counts the variants, and among them those that give a wrong
number, lose a row's value with no diagnostic on its line, or are accepted by ``strict=True``
with their numbers changed.  Exit 1 when any promise is broken; ``-v`` lists them.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from cell_edits import KINDS, edits, judge  # noqa: E402

from govdisclosure import parse_report  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    kinds = tuple(args.kinds.split(","))
    variants = 0
    broken: collections.Counter[str] = collections.Counter()
    by_kind: collections.Counter[tuple[str, str]] = collections.Counter()
    for path in sorted((ROOT / "tests/data/seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        original = parse_report(text)
        for edit in edits(text, original, kinds):
            variants += 1
            found = judge(edit, original)
            for what in {w for w, _m in found}:
                broken[what] += 1
                by_kind[(what, edit.kind)] += 1
            if found and args.verbose:
                print(f"{path.name[:3]} line {edit.line} cell {edit.cell} {edit.kind}:")
                for what, message in found:
                    print(f"    {what:7} {message}")
    print(f"variants: {variants} (kinds: {', '.join(kinds)})")
    for what in ("wrong", "silent", "strict"):
        detail = ", ".join(f"{k} {n}" for (w, k), n in sorted(by_kind.items()) if w == what)
        print(f"  {what:7} {broken[what]:5}  {detail}")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())

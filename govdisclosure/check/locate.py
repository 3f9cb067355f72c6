"""Which cell is wrong: Fellegi–Holt minimal-change localisation over tables 三 and 四.

Table 三 is redundant: every cell sits in its row's total (T3-ROWTOTAL) and in at least one
column identity (T3-IDENT, T3-OUTTOTAL).  When identities fail, :func:`locate` looks for the
smallest set of cells whose change makes every identity hold again (with non-negative
whole numbers), and proposes the repairs, each with its likely kind: a single wrong cell
(the value the others imply), transposed digits, a dropped or an extra digit, two adjacent
cells merged (「2 | 0」 read as 「20」) or one cell split.  When several minimal fixes exist
it lists them all and says so: it never picks one.

What it cannot identify:

- table 四: each group has one identity (总计 = the four results), so a single wrong cell
  fits as well as its total (and as any other cell of the group with room to absorb the
  difference); only non-negativity can rule candidates out.  ``locate`` lists them.
- cells whose identities are not assessable (a blank cell takes its row's and its columns'
  identities out of the system), so a change next to a blank may have several fixes or
  none.
- changes that keep every identity (the same amount moved between two cells of a row and
  back in another row: a "rectangle"), which no checker can see.
- more than ``max_cells`` (3) wrong cells in one table, and sets of cells whose changes are
  linearly dependent (the fix is not unique even in amount): reported as not localised.

The search has a budget (``budget`` steps per table part, a step being one candidate set
tried or one branch of the search): when it runs out, the localisation says so
(``exhausted``) and lists what it found so far, which may not be all the minimal fixes.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping, Sequence

from attrs import frozen

from govdisclosure import template as T
from govdisclosure.fieldpaths import flatten_object
from govdisclosure.model import Report
from govdisclosure.template.identities import Equation, appeal_equations, request_equations, rows_of

__all__ = ["Fix", "Localisation", "Repair", "RepairKind", "locate"]

MAX_FIXES = 50  # minimal fixes listed per table (all are counted)
BUDGET = 20_000  # search steps per table part: well under a second


class RepairKind(enum.StrEnum):
    WRONG_CELL = "wrong-cell"  # the value the other cells imply
    TRANSPOSED = "transposed-digits"  # 「132」 for 「123」
    DROPPED_DIGIT = "dropped-digit"  # 「12」 for 「102」
    EXTRA_DIGIT = "extra-digit"  # 「1023」 for 「123」
    MERGED = "merged-cells"  # 「2 | 0」 read as 「20」: one cell holds both values
    SPLIT = "split-cell"  # 「20」 read as 「2 | 0」: one value spread over two cells


@frozen
class Repair:
    """Set ``field`` (a flat key) from ``observed`` to ``proposed``."""

    field: str
    observed: int
    proposed: int
    kind: RepairKind
    line: int | None = None


@frozen
class Fix:
    """One minimal set of repairs after which every identity of the table holds."""

    repairs: tuple[Repair, ...]


@frozen
class Localisation:
    """The minimal fixes of one table (or one independent part of it).

    ``size`` is the number of cells each minimal fix changes (None: none found with at most
    ``max_cells``); ``count`` how many minimal fixes exist (``fixes`` lists the first
    :data:`MAX_FIXES`); ``unique`` whether exactly one does.
    """

    table: str
    failing: tuple[str, ...]  # the broken identities, 「T3-IDENT column 自然人」
    size: int | None
    count: int
    fixes: tuple[Fix, ...]
    exhausted: bool = False  # the search budget ran out: more (or smaller) fixes may exist

    @property
    def unique(self) -> bool:
        return self.count == 1 and not self.exhausted

    @property
    def message(self) -> str:
        if self.exhausted:
            found = (
                f"; {self.count} fix(es) of {self.size} cell(s) found so far"
                if self.size is not None
                else ""
            )
            return f"table {self.table}: the search for a fix gave up (budget spent){found}"
        if self.size is None:
            return f"table {self.table}: no fix changing at most a few cells; not localised"
        if self.unique:
            parts = ", ".join(_describe(r) for r in self.fixes[0].repairs)
            return f"table {self.table}: {parts}"
        return (
            f"table {self.table}: {self.count} equally small fixes of {self.size} cell(s); "
            "the wrong cell cannot be told: "
            + "; or ".join(", ".join(_describe(r) for r in f.repairs) for f in self.fixes[:5])
        )


def _describe(r: Repair) -> str:
    at = f" (line {r.line})" if r.line else ""
    return f"{r.field}{at} {r.observed} → {r.proposed} [{r.kind.value}]"


# --------------------------------------------------------------------------- system


@frozen
class _System:
    """Assessable identities of one table part: coefficients, residuals, values."""

    equations: tuple[Equation, ...]
    coef: tuple[Mapping[str, int], ...]  # per equation: cell → ±1
    residual: tuple[int, ...]  # Σ left − Σ right as observed
    values: Mapping[str, int]
    order: Mapping[str, int]  # cell → reading order (template order)

    def touching(self, eqs: Iterable[int]) -> set[str]:
        return {k for e in eqs for k in self.coef[e]}

    def support(self, cell: str) -> set[int]:
        return {e for e, c in enumerate(self.coef) if cell in c}


def _system(equations: Sequence[Equation], values: Mapping[str, object]) -> _System | None:
    usable = [eq for eq in equations if all(isinstance(values.get(k), int) for k in eq.keys)]
    if not usable:
        return None
    coef: list[dict[str, int]] = []
    residual: list[int] = []
    ints: dict[str, int] = {}
    for eq in usable:
        c = {k: 1 for k in eq.left} | {k: -1 for k in eq.right}
        coef.append(c)
        for k in eq.keys:
            v = values[k]
            assert isinstance(v, int)
            ints[k] = v
        residual.append(sum(ints[k] for k in eq.left) - sum(ints[k] for k in eq.right))
    order: dict[str, int] = {}
    for eq in equations:
        for k in eq.keys:
            order.setdefault(k, len(order))
    return _System(tuple(usable), tuple(coef), tuple(residual), ints, order)


def _solve(system: _System, cells: Sequence[str]) -> list[int] | None:
    """The unique integer changes of ``cells`` that zero every residual, or None.

    Gauss–Jordan elimination in integers (coefficients are ±1, so no fractions are needed
    until the last division): fast enough to try thousands of candidate sets.
    """
    eqs = sorted({e for e, r in enumerate(system.residual) if r} | set().union(
        *(system.support(c) for c in cells)
    ))  # fmt: skip
    n = len(cells)
    rows = [[system.coef[e].get(c, 0) for c in cells] + [-system.residual[e]] for e in eqs]
    r = 0
    for col in range(n):
        pivot = next((i for i in range(r, len(rows)) if rows[i][col] != 0), None)
        if pivot is None:
            return None  # dependent cells: the amounts are not determined
        rows[r], rows[pivot] = rows[pivot], rows[r]
        lead = rows[r]
        for i in range(len(rows)):
            f = rows[i][col]
            if i != r and f != 0:
                rows[i] = [lead[col] * a - f * b for a, b in zip(rows[i], lead, strict=True)]
        r += 1
    if any(row[n] != 0 for row in rows[r:]):
        return None  # inconsistent: these cells cannot fix it
    out: list[int] = []
    for i in range(n):
        q, rem = divmod(rows[i][n], rows[i][i])
        if rem or q == 0:
            return None  # not a whole number, or no change
        out.append(q)
    if any(system.values[c] + d < 0 for c, d in zip(cells, out, strict=True)):
        return None
    return out


class _Budget:
    def __init__(self, steps: int) -> None:
        self.left = steps

    def spend(self) -> bool:
        """One step; False when none is left."""
        self.left -= 1
        return self.left >= 0


def _candidate_sets(system: _System, size: int, budget: _Budget) -> Iterator[tuple[str, ...]]:
    """Sets of ``size`` cells that touch every broken identity (branching on the first
    uncovered one), completed by cells next to them that may cancel a side effect; the
    search stops when ``budget`` is spent."""
    broken = [e for e, r in enumerate(system.residual) if r]
    reach = max(len(system.support(c)) for c in system.values)  # identities one cell is in
    seen: set[frozenset[str]] = set()

    def grow(chosen: list[str], covered: set[int]) -> Iterator[tuple[str, ...]]:
        if not budget.spend():
            return
        uncovered = [e for e in broken if e not in covered]
        slots = size - len(chosen)
        if uncovered:
            if slots == 0 or len(uncovered) > reach * slots:
                return
            pool: Iterable[str] = sorted(system.coef[uncovered[0]], key=system.order.__getitem__)
        elif slots == 0:
            key = frozenset(chosen)
            if key not in seen:
                seen.add(key)
                yield tuple(sorted(chosen, key=system.order.__getitem__))
            return
        else:
            near = set().union(*(system.support(c) for c in chosen))
            pool = sorted(system.touching(near), key=system.order.__getitem__)
        for cell in pool:
            if cell not in chosen:
                yield from grow([*chosen, cell], covered | system.support(cell))

    yield from grow([], set())


# --------------------------------------------------------------------------- kinds


def _single_kind(observed: int, proposed: int) -> RepairKind:
    o, p = str(observed), str(proposed)
    if len(o) == len(p) >= 2:
        diff = [i for i in range(len(o)) if o[i] != p[i]]
        if (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and o[diff[0]] == p[diff[1]]
            and o[diff[1]] == p[diff[0]]
        ):
            return RepairKind.TRANSPOSED
    if len(o) + 1 == len(p) and any(p[:i] + p[i + 1 :] == o for i in range(len(p))):
        return RepairKind.DROPPED_DIGIT
    if len(p) + 1 == len(o) and any(o[:i] + o[i + 1 :] == p for i in range(len(o))):
        return RepairKind.EXTRA_DIGIT
    return RepairKind.WRONG_CELL


def _pair_kind(a: tuple[int, int], b: tuple[int, int]) -> RepairKind | None:
    """Two adjacent cells, (observed, proposed) each: merged or split?"""
    (oa, pa), (ob, pb) = a, b
    both = f"{pa}{pb}"
    if str(oa) == both or str(ob) == both:
        return RepairKind.MERGED
    if f"{oa}{ob}" in (str(pa), str(pb)):
        return RepairKind.SPLIT
    return None


def _adjacent(a: str, b: str) -> bool:
    """Neighbouring cells of one table row (same row path, next column)."""
    row_a, col_a = a.rsplit(".", 1)
    row_b, col_b = b.rsplit(".", 1)
    if row_a != row_b:
        if a.startswith("appeals.") and b.startswith("appeals."):
            keys = [f"appeals.{g.key}.{c.key}" for g in T.APPEAL_GROUPS for c in T.APPEAL_COLUMNS]
            return abs(keys.index(a) - keys.index(b)) == 1
        return False
    columns = [c.key for c in (T.APPEAL_COLUMNS if a.startswith("appeals.") else T.REQUEST_COLUMNS)]
    return abs(columns.index(col_a) - columns.index(col_b)) == 1


def _repairs(
    system: _System, cells: Sequence[str], deltas: Sequence[int], lines: Mapping[str, int]
) -> Fix:
    pairs = [(system.values[c], system.values[c] + d) for c, d in zip(cells, deltas, strict=True)]
    kinds = [_single_kind(o, p) for o, p in pairs]
    if len(cells) == 2 and _adjacent(cells[0], cells[1]):
        joint = _pair_kind(pairs[0], pairs[1])
        if joint is not None:
            kinds = [joint, joint]
    return Fix(
        tuple(
            Repair(c, o, p, k, lines.get(c))
            for c, (o, p), k in zip(cells, pairs, kinds, strict=True)
        )
    )


# --------------------------------------------------------------------------- entry


def _localise(
    table: str, system: _System, lines: Mapping[str, int], max_cells: int, steps: int
) -> Localisation | None:
    broken = [e for e, r in enumerate(system.residual) if r]
    if not broken:
        return None
    failing = tuple(f"{system.equations[e].rule} {system.equations[e].where}" for e in broken)
    budget = _Budget(steps)
    for size in range(1, max_cells + 1):
        fixes: list[Fix] = []
        count = 0
        for cells in _candidate_sets(system, size, budget):
            if not budget.spend():
                break
            deltas = _solve(system, cells)
            if deltas is None:
                continue
            count += 1
            if len(fixes) < MAX_FIXES:
                fixes.append(_repairs(system, cells, deltas, lines))
        exhausted = budget.left < 0
        if count or exhausted:
            return Localisation(
                table, failing, size if count else None, count, tuple(fixes), exhausted
            )
    return Localisation(table, failing, None, 0, ())


def locate(
    report: Report, *, max_cells: int = 3, budget: int = BUDGET
) -> tuple[Localisation, ...]:
    """The minimal fixes for tables 三 and 四 (one entry per table part with a broken
    identity); ``()`` when every assessable identity holds.  ``budget``: search steps per
    table part, after which the part's localisation is marked ``exhausted``."""
    rows = rows_of(report.requests, report.template)
    values = dict(flatten_object(report.requests, "requests.")) | dict(
        flatten_object(report.appeals, "appeals.")
    )
    lines = {k: span.line for k, span in report.locations.items()}
    parts: list[tuple[str, list[Equation]]] = [("三", list(request_equations(rows)))]
    parts.extend((f"四 {eq.where}", [eq]) for eq in appeal_equations())
    out = []
    for table, equations in parts:
        system = _system(equations, values)
        if system is None:
            continue
        found = _localise(table, system, lines, max_cells, budget)
        if found is not None:
            out.append(found)
    return tuple(out)

"""Splitting a run of digits that stands for several glued table cells.

Crawler dumps lose the cell separators: 「一、本年新收政府信息公开申请数量12300000123」 is the
seven cells 123 | 0 | 0 | 0 | 0 | 0 | 123.  A run can be cut in many ways; the template's
arithmetic (a row's 总计 is the sum of the six applicant columns; a table 四 group's 总计 is the
sum of its four results) rules most of them out.  A split is accepted only when it is the one
that satisfies the rules; otherwise the candidates are reported and nothing is guessed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from attrs import frozen

__all__ = ["Split", "split_run"]

Group = tuple[int, Callable[[Sequence[int]], bool] | None]  # (cells, rule on those cells)

MAX_DIGITS = 8  # the largest count in a report has far fewer digits
_BUDGET = 20_000  # search steps for one run before giving up as "too many ways"
_KEEP = 12  # candidates kept for the report


@frozen
class Split:
    candidates: tuple[tuple[int, ...], ...]  # up to _KEEP of them
    complete: bool  # False when the search ran out of budget: more may exist
    count: int  # candidates found (all of them when complete)
    steps: int = 0  # search steps spent

    @property
    def unique(self) -> tuple[int, ...] | None:
        if self.complete and len(self.candidates) == 1:
            return self.candidates[0]
        return None


def total_rule(cells: Sequence[int]) -> bool:
    """The last cell is the sum of the others (总计)."""
    return sum(cells[:-1]) == cells[-1]


def split_run(
    digits: str,
    groups: Sequence[Group],
    boundaries: frozenset[int] = frozenset(),
    budget: int = _BUDGET,
) -> Split:
    """Every way to cut ``digits`` into the groups' cells, each group obeying its rule.

    Numbers are written without leading zeros (「0」 itself is a number) and have at most
    ``MAX_DIGITS`` digits; ``boundaries`` are positions where a cut is certain (a space stood
    there), so no number spans them.  Deterministic: candidates come in lexicographic order
    of cut positions.
    """
    found: list[tuple[int, ...]] = []
    steps = 0
    exhausted = False

    def cuts(pos: int, left: int) -> list[tuple[int, int]]:
        """Possible next numbers from ``pos``: (value, end position)."""
        out: list[tuple[int, int]] = []
        if pos >= len(digits):
            return out
        if digits[pos] == "0":
            return [(0, pos + 1)]
        # leave at least one digit for each cell still to come
        limit = min(MAX_DIGITS, len(digits) - pos - (left - 1))
        for n in range(1, limit + 1):
            out.append((int(digits[pos : pos + n]), pos + n))
            if pos + n in boundaries:
                break
        return out

    total_cells = sum(g[0] for g in groups)

    def walk(pos: int, gi: int, current: list[int], done: list[int]) -> None:
        nonlocal steps, exhausted
        if exhausted or len(found) > _KEEP * 4:
            return
        steps += 1
        if steps > budget:
            exhausted = True
            return
        size, rule = groups[gi]
        if len(current) == size:
            if rule is not None and not rule(current):
                return
            nxt = done + current
            if gi + 1 == len(groups):
                if pos == len(digits):
                    found.append(tuple(nxt))
                return
            walk(pos, gi + 1, [], nxt)
            return
        left = total_cells - len(done) - len(current)
        remaining = len(digits) - pos
        if remaining < left or remaining > left * MAX_DIGITS:
            return
        for value, end in cuts(pos, left):
            walk(end, gi, [*current, value], done)

    if groups:
        walk(0, 0, [], [])
    complete = not exhausted and len(found) <= _KEEP * 4
    return Split(tuple(found[:_KEEP]), complete=complete, count=len(found), steps=steps)

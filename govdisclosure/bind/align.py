"""Matching observed row labels to template rows: similarity and order-preserving alignment."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from attrs import frozen

__all__ = ["Pair", "align", "similarity"]

# below this, a label is not taken as naming the row: the row is placed by position
LABEL_MATCH = 0.55
_POSITION_SCORE = 0.05  # a row bound only by its place among its neighbours
_SKIP_OBSERVED = -0.35  # an observed row left unbound (extra)
_SKIP_TEMPLATE = -0.6  # a template row with no observed row (missing)

_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+|\d+)")


@functools.lru_cache(maxsize=4096)
def _bigrams(key: str) -> frozenset[str]:
    if len(key) < 2:
        return frozenset({key}) if key else frozenset()
    return frozenset(key[i : i + 2] for i in range(len(key) - 1))


@functools.lru_cache(maxsize=8192)
def similarity(observed: str, canonical: str) -> float:
    """How well an observed label key names a canonical label key (0 … 1).

    Both are :func:`~govdisclosure.read.normalize.label_key` forms.  Equal keys score 1; a key
    containing the other (a truncated or a decorated label) 0.9; otherwise the Dice
    coefficient of character bigrams, with the leading numbering compared on its own.
    """
    if not observed or not canonical:
        return 0.0
    if observed == canonical:
        return 1.0
    o_num = _NUMBERING.match(observed)
    c_num = _NUMBERING.match(canonical)
    o_body = observed[o_num.end() :] if o_num else observed
    c_body = canonical[c_num.end() :] if c_num else canonical
    # 「2.重复申请」 is not 「3.要求提供公开出版物」
    penalty = 0.25 if o_num and c_num and o_num.group() != c_num.group() else 0.0
    if o_body and c_body and o_body == c_body:
        return 0.95 - penalty
    if min(len(o_body), len(c_body)) >= 2 and (o_body in c_body or c_body in o_body):
        return 0.9 - penalty
    a, b = _bigrams(o_body), _bigrams(c_body)
    if not a or not b:
        return 0.0
    return max(0.0, 2 * len(a & b) / (len(a) + len(b)) - penalty)


@frozen
class Pair:
    observed: int | None  # index into the observed rows, None: template row missing
    template: int | None  # index into the template rows, None: observed row extra
    score: float


def align(scores: Sequence[Sequence[float]], n_template: int) -> list[Pair]:
    """Order-preserving alignment of observed rows (``scores[i][j]``) to template rows.

    Needleman–Wunsch: a pair scores its label similarity, or a small positive amount when
    the labels disagree (a garbled or missing label is then bound by position); leaving an
    observed row unbound and leaving a template row empty both cost.  Deterministic: ties
    prefer binding, then leaving template rows empty last.
    """
    n = len(scores)
    m = n_template
    neg = float("-inf")
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    move = [[0] * (m + 1) for _ in range(n + 1)]  # 1 pair, 2 skip observed, 3 skip template
    best[0][0] = 0.0
    for j in range(1, m + 1):
        best[0][j] = best[0][j - 1] + _SKIP_TEMPLATE
        move[0][j] = 3
    for i in range(1, n + 1):
        row, prev, srow, mrow = best[i], best[i - 1], scores[i - 1], move[i]
        row[0] = prev[0] + _SKIP_OBSERVED
        mrow[0] = 2
        for j in range(1, m + 1):
            # the best of pair (1), skip observed (2), skip template (3); a tie takes the
            # lowest step
            s = srow[j - 1]
            value = prev[j - 1] + (s if s >= LABEL_MATCH else _POSITION_SCORE)
            step = 1
            other = prev[j] + _SKIP_OBSERVED
            if other > value:
                value, step = other, 2
            other = row[j - 1] + _SKIP_TEMPLATE
            if other > value:
                value, step = other, 3
            row[j] = value
            mrow[j] = step
    pairs: list[Pair] = []
    i, j = n, m
    while i or j:
        step = move[i][j]
        if step == 1:
            pairs.append(Pair(i - 1, j - 1, scores[i - 1][j - 1]))
            i, j = i - 1, j - 1
        elif step == 2:
            pairs.append(Pair(i - 1, None, 0.0))
            i -= 1
        else:
            pairs.append(Pair(None, j - 1, 0.0))
            j -= 1
    pairs.reverse()
    return pairs


def alignment_score(pairs: Sequence[Pair]) -> float:
    total = 0.0
    for p in pairs:
        if p.observed is not None and p.template is not None:
            total += p.score if p.score >= LABEL_MATCH else _POSITION_SCORE
        elif p.observed is not None:
            total += _SKIP_OBSERVED
        else:
            total += _SKIP_TEMPLATE
    return total

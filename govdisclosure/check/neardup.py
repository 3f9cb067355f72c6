"""Near-duplicate reports over a corpus, without comparing every pair.

Each report's sections 一 and 五 are turned into MinHash signatures of their shingles
(:func:`govdisclosure.check.similarity.shingles`) and put in a MinHash LSH index
(`datasketch <https://pypi.org/project/datasketch/>`_, the optional extra ``similar``).  The
index proposes candidate pairs whose estimated Jaccard similarity is about
``lsh_threshold`` or more; each candidate that is a pair worth judging — one organ's report
and its next year's, or two organs' reports of one year — is then compared exactly
(:func:`~govdisclosure.check.similarity.c_prose_copy`, ``c_cross_organ``), and kept when the
rule's threshold is met.

A section reused at share *s* of the other report (containment) has a Jaccard similarity of
at least *s* / (2 − *s*) with it when both are of one size: 0.67 for the default 0.8, so the
default ``lsh_threshold`` of 0.5 leaves room for sections of unequal length.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from attrs import frozen

from govdisclosure.check.corpus import entries, organ_of, slim
from govdisclosure.check.similarity import (
    COMPARED,
    CROSS_ORGAN,
    PROSE_COPY,
    c_cross_organ,
    c_prose_copy,
    section_reuse,
    shingles,
)
from govdisclosure.check.violation import Violation
from govdisclosure.model import Report, Section, section_text

__all__ = ["LSH_THRESHOLD", "NUM_PERM", "SimilarPair", "near_duplicates", "signatures"]

LSH_THRESHOLD = 0.5
"""The Jaccard similarity the LSH index is tuned for (candidates, not verdicts)."""
NUM_PERM = 64
"""MinHash permutations per section: 64 keeps the estimate within about ±0.06."""


@frozen
class SimilarPair:
    """Two reports of which one reuses the other's prose.

    ``kind`` is ``"same-organ"`` (``first`` is the organ's previous year, ``second`` the
    next) or ``"cross-organ"`` (two organs, one year); ``share`` is the largest reuse of a
    section of ``second`` in ``first``; ``violations`` are the rule's findings.
    """

    kind: str
    first_id: str
    second_id: str
    first: Report
    second: Report
    share: float
    violations: tuple[Violation, ...]


def _require() -> tuple[Any, Any]:
    try:
        from datasketch import MinHash, MinHashLSH
    except ImportError:  # pragma: no cover - the extra is installed in CI
        raise ImportError(
            "near_duplicates needs datasketch: pip install 'govdisclosure[similar]'"
        ) from None
    return MinHash, MinHashLSH


def _identity(value: int) -> int:
    return value


def signatures(report: Report, num_perm: int = NUM_PERM) -> dict[str, Any]:
    """The MinHash of each of sections 一 and 五 that is long enough to have shingles."""
    minhash, _lsh = _require()
    out = {}
    for key in COMPARED:
        section = getattr(report, key)
        found = shingles(section_text(section)) if isinstance(section, Section) else frozenset()
        if found:
            permutations, scheme = _permutations(num_perm)
            m = minhash(num_perm=num_perm, hashfunc=_identity, permutations=permutations,
                        scheme=scheme)  # fmt: skip
            m.update_batch(list(found))
            out[key] = m
    return out


_PERMUTATIONS: dict[int, Any] = {}


def _permutations(num_perm: int) -> Any:
    if num_perm not in _PERMUTATIONS:
        minhash, _lsh = _require()
        base = minhash(num_perm=num_perm)  # the default seed's permutations, made once
        _PERMUTATIONS[num_perm] = (base.permutations, base.scheme)
    return _PERMUTATIONS[num_perm]


def near_duplicates(
    reports: Iterable[Any] | Mapping[str, Report],
    *,
    prose_copy: float = PROSE_COPY,
    cross_organ: float | None = CROSS_ORGAN,
    lsh_threshold: float = LSH_THRESHOLD,
    num_perm: int = NUM_PERM,
) -> list[SimilarPair]:
    """The pairs of reports that reuse each other's prose, most reused first.

    ``reports`` as for :func:`~govdisclosure.check.corpus.check_corpus`.  ``prose_copy``:
    the C-PROSE-COPY threshold (same organ, consecutive years); ``cross_organ``: the
    C-CROSS-ORGAN threshold (None: only same-organ pairs).  The reports in the pairs keep
    their tables and prose, not their metadata, diagnostics or locations.
    """
    _minhash, lsh_class = _require()
    lsh = lsh_class(threshold=lsh_threshold, num_perm=num_perm)
    kept: list[tuple[str, Report]] = []
    signed: list[tuple[int, str, Any]] = []
    for rid, report in entries(reports):
        n = len(kept)
        kept.append((rid, slim(report)))
        for key, m in signatures(report, num_perm).items():
            lsh.insert(f"{n}:{key}", m, check_duplication=False)
            signed.append((n, key, m))
    pairs: set[tuple[int, int]] = set()
    for n, key, m in signed:
        for other in lsh.query(m):
            i, other_key = other.split(":")
            if other_key == key and int(i) != n:
                pairs.add((min(n, int(i)), max(n, int(i))))
    found = [p for i, j in sorted(pairs) for p in _judge(kept[i], kept[j], prose_copy, cross_organ)]
    return sorted(found, key=lambda p: (-p.share, p.first_id, p.second_id))


def _judge(
    a: tuple[str, Report], b: tuple[str, Report], prose_copy: float, cross_organ: float | None
) -> Iterator[SimilarPair]:
    (aid, first), (bid, second) = a, b
    if (first.year or 0) > (second.year or 0):
        (aid, first), (bid, second) = (bid, second), (aid, first)
    same = organ_of(first) is not None and organ_of(first) == organ_of(second)
    if same and first.year is not None and second.year == first.year + 1:
        found = c_prose_copy(first, second, prose_copy)
        kind, share = "same-organ", max(section_reuse(first, second).values(), default=0.0)
    elif not same and cross_organ is not None and first.year == second.year:
        found = c_cross_organ(first, second, cross_organ)
        share = max(section_reuse(first, second).values(), default=0.0)
        back = max(section_reuse(second, first).values(), default=0.0)
        if back > share:  # the second's prose is the one found in the first
            (aid, first), (bid, second) = (bid, second), (aid, first)
            found, share = c_cross_organ(first, second, cross_organ), back
        kind = "cross-organ"
    else:
        return
    if found:
        yield SimilarPair(kind, aid, bid, first, second, share, found)

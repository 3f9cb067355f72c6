"""Copied reports (内容雷同): two reports compared, and the copy rules.

The prose is compared as *shingles*: every run of :data:`SHINGLE` characters of a section's
text with whitespace removed and every digit read as ``0`` (so that "2023年" and "2024年", or
a number that changed, do not hide a copied sentence).  The *reuse* of a section is the share
of its shingles found anywhere in the other report's prose (sections 一, 五 and 六); a shared
*passage* is a maximal run of shared shingles.

- :func:`compare` ``(previous, current)``: the number changes table by table, and per
  section the reuse, the sentences found in the other report and the longest shared passages.
- :func:`c_prose_copy`, :func:`c_numbers_copy`, :func:`c_cross_organ`: the rules
  ``C-PROSE-COPY``, ``C-NUMBERS-COPY`` and ``C-CROSS-ORGAN`` (thresholds are parameters with
  the defaults :data:`PROSE_COPY`, :data:`CROSS_ORGAN`, :data:`MIN_NUMBERS`).

Near-duplicate pairs over a corpus: :mod:`govdisclosure.check.neardup`.
"""

from __future__ import annotations

import functools
import re
import zlib
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from attrs import frozen

from govdisclosure.check import prose as _prose
from govdisclosure.check.violation import Violation, fail
from govdisclosure.fieldpaths import flatten_object
from govdisclosure.model import Report, Section, section_text

__all__ = [
    "COMPARED",
    "CROSS_ORGAN",
    "MIN_NUMBERS",
    "PROSE_COPY",
    "SHINGLE",
    "Comparison",
    "NumberChange",
    "Passage",
    "SectionReuse",
    "TableChanges",
    "c_cross_organ",
    "c_numbers_copy",
    "c_prose_copy",
    "compare",
    "masked",
    "reuse",
    "section_reuse",
    "shingles",
]

SHINGLE = 8
"""Characters per shingle: long enough that two unrelated reports share almost none, short
enough that a sentence with one changed word still shares most of its shingles."""
PROSE_COPY = 0.8
"""Default threshold of C-PROSE-COPY: the share of section 一 or 五 found in last year's."""
CROSS_ORGAN = 0.8
"""Default threshold of C-CROSS-ORGAN: the share of section 一 or 五 found in another organ's
report of the same year."""
MIN_NUMBERS = 3
"""C-NUMBERS-COPY needs at least this many non-zero numbers: two tables of nothing but zeros
(an organ that received no request) are equal without being copied."""
COMPARED = ("overview", "problems")
"""The sections the copy rules judge: 一 (overview) and 五 (problems)."""
PROSE = ("overview", "problems", "other_matters")
TABLES = (("proactive", "二"), ("requests", "三"), ("appeals", "四"))

_SPACE = re.compile(r"\s+")
_DIGIT = re.compile(r"\d")
_SENTENCE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]?")
_MIN_SENTENCE = 6  # shorter pieces ("一是", "（一）") are not counted as sentences


def masked(text: str) -> str:
    """The text as shingles see it: no whitespace, every digit ``0``."""
    return _DIGIT.sub("0", _SPACE.sub("", text))


@functools.lru_cache(maxsize=1024)
def shingles(text: str) -> frozenset[int]:
    """The CRC-32 of every :data:`SHINGLE`-character run of :func:`masked` text (stable across
    processes, unlike ``hash``).  The last texts' sets are kept: a report of a series is
    compared with the year before it and then with the year after."""
    m = masked(text)
    return frozenset(
        zlib.crc32(m[i : i + SHINGLE].encode("utf-8")) for i in range(len(m) - SHINGLE + 1)
    )


def reuse(part: frozenset[int], other: frozenset[int]) -> float | None:
    """The share of ``part``'s shingles found in ``other`` (None for a text too short)."""
    if not part:
        return None
    return len(part & other) / len(part)


def prose_of(report: Report) -> dict[str, str]:
    """The text of each prose section (sub-sections included)."""
    out: dict[str, str] = {}
    for key in PROSE:
        section = getattr(report, key, None)
        out[key] = section_text(section) if isinstance(section, Section) else ""
    return out


# --------------------------------------------------------------------------- compare


@frozen
class Passage:
    """A passage of the current report found in the previous one (as the current one has
    it).  ``*_line`` count from 1 within the section's text, or within the source text when
    :func:`compare` was given it; None when it cannot be found there."""

    text: str
    current_line: int | None
    previous_section: str | None
    previous_line: int | None


@frozen
class SectionReuse:
    """How much of one section of the current report is found in the previous report."""

    section: str
    share: float | None  # of the section's shingles; None: too short to judge
    sentences: int
    sentences_reused: int
    passages: tuple[Passage, ...]  # the longest first


@frozen
class NumberChange:
    key: str
    previous: int | Decimal | None
    current: int | Decimal | None
    previous_line: int | None
    current_line: int | None


@frozen
class TableChanges:
    """One table: how many cells are equal, and each cell that changed."""

    table: str  # 二, 三 or 四
    equal: int
    changes: tuple[NumberChange, ...]


@frozen
class Comparison:
    """What :func:`compare` finds: tables 二–四 cell by cell, the prose section by section."""

    previous_year: int | None
    current_year: int | None
    tables: tuple[TableChanges, ...]
    sections: tuple[SectionReuse, ...]

    def section(self, key: str) -> SectionReuse:
        return next(s for s in self.sections if s.section == key)


def _numbers(report: Report, part: str) -> dict[str, Any]:
    return dict(flatten_object(getattr(report, part), f"{part}."))


def _line(report: Report, key: str) -> int | None:
    span = report.locations.get(key)
    return span.line if span is not None else None


def _table_changes(previous: Report, current: Report) -> tuple[TableChanges, ...]:
    out = []
    for part, numeral in TABLES:
        before, after = _numbers(previous, part), _numbers(current, part)
        changes = tuple(
            NumberChange(k, before.get(k), after.get(k), _line(previous, k), _line(current, k))
            for k in dict.fromkeys([*before, *after])
            if before.get(k) != after.get(k)
        )
        equal = sum(1 for k in after if k in before and before[k] == after[k])
        out.append(TableChanges(numeral, equal, changes))
    return tuple(out)


def _shared_runs(text: str, other: frozenset[int]) -> list[tuple[int, int]]:
    """(start, end) in ``masked(text)`` of every maximal run of shingles found in ``other``."""
    m = masked(text)
    runs: list[tuple[int, int]] = []
    start = None
    for i in range(len(m) - SHINGLE + 1):
        hit = zlib.crc32(m[i : i + SHINGLE].encode("utf-8")) in other
        if hit and start is None:
            start = i
        elif not hit and start is not None:
            runs.append((start, i - 1 + SHINGLE))
            start = None
    if start is not None:
        runs.append((start, len(m)))
    return runs


def _line_of(needle: str, lines: Sequence[str]) -> int | None:
    """The first line (1-based) whose masked text holds ``needle``'s first shingles."""
    head = needle[: SHINGLE * 2]
    return next((n for n, line in enumerate(lines, 1) if head in masked(line)), None)


def compare(
    previous: Report,
    current: Report,
    *,
    passages: int = 3,
    previous_text: str | None = None,
    current_text: str | None = None,
) -> Comparison:
    """Compare two reports (an organ's previous and current year, or two organs' reports).

    ``passages``: how many of the longest shared passages to keep per section.  Given the
    reports' source texts (``previous_text``, ``current_text``), a passage's lines are lines
    of those texts; otherwise lines within the section's text.
    """
    before, after = prose_of(previous), prose_of(current)
    other = frozenset().union(*(shingles(t) for t in before.values()))
    sections = []
    for key, text in after.items():
        runs = sorted(_shared_runs(text, other), key=lambda r: r[0] - r[1])[:passages]
        found = [_passage(masked(text)[a:b], key, after, before, current_text, previous_text)
                 for a, b in runs]  # fmt: skip
        pieces = [masked(s) for s in _SENTENCE.findall(text)]
        pieces = [p for p in pieces if len(p) >= _MIN_SENTENCE]
        joined = "\n".join(masked(t) for t in before.values())
        reused = sum(1 for p in pieces if p in joined)
        share = reuse(shingles(text), other)
        sections.append(SectionReuse(key, share, len(pieces), reused, tuple(found)))
    return Comparison(
        previous.year, current.year, _table_changes(previous, current), tuple(sections)
    )


def _passage(
    chunk: str,
    key: str,
    after: Mapping[str, str],
    before: Mapping[str, str],
    current_text: str | None,
    previous_text: str | None,
) -> Passage:
    where = next((k for k, t in before.items() if chunk[:SHINGLE] in masked(t)), None)
    cur_lines = (current_text or after[key]).splitlines()
    prev_lines = (previous_text or before.get(where or "", "")).splitlines()
    return Passage(chunk, _line_of(chunk, cur_lines), where, _line_of(chunk, prev_lines))


# --------------------------------------------------------------------------- rules


def _tag(report: Report, key: str) -> str:
    """A field of a two-report violation: the key prefixed with its report's year."""
    return f"{report.year if report.year is not None else '?'}:{key}"


def section_reuse(a: Report, b: Report) -> dict[str, float]:
    """The share of each of ``b``'s sections 一 and 五 found in ``a``'s prose (sections too
    short to have a shingle are left out)."""
    other = frozenset().union(*(shingles(t) for t in prose_of(a).values()))
    mine = prose_of(b)
    out = {}
    for key in COMPARED:
        share = reuse(shingles(mine[key]), other)
        if share is not None:
            out[key] = share
    return out


def _reused_sentence(text: str, other: Mapping[str, str]) -> str | None:
    """The start of the first sentence of ``text`` found whole in ``other`` (to quote)."""
    joined = "\n".join(masked(t) for t in other.values())
    for sentence in _SENTENCE.findall(text):
        piece = sentence.strip()
        if len(masked(piece)) >= _MIN_SENTENCE and masked(piece) in joined:
            return str(piece[:_QUOTED])
    return None


_QUOTED = 16


def _copied(
    rule_id: str, a: Report, b: Report, threshold: float, what: str
) -> tuple[Violation, ...]:
    out = []
    for key, share in section_reuse(a, b).items():
        if share >= threshold:
            quote = _reused_sentence(prose_of(b)[key], prose_of(a))
            message = (
                f"{share:.0%} of section {key} of {b.organ or '?'} {b.year} is found in {what} "
                f"{a.organ or '?'} {a.year} (threshold {threshold:.0%})"
                + (f", as 「{quote}」" if quote else "")
            )
            out.append(fail(rule_id, message, (_tag(a, key), _tag(b, key))))
    return tuple(out)


def c_prose_copy(
    previous: Report, current: Report, threshold: float = PROSE_COPY
) -> tuple[Violation, ...]:
    """C-PROSE-COPY: section 一 or 五 of ``current`` is ≥ ``threshold`` found in the organ's
    ``previous`` report (shingles with digits masked; default :data:`PROSE_COPY`)."""
    return _copied("C-PROSE-COPY", previous, current, threshold, "the previous report")


def c_cross_organ(
    first: Report, second: Report, threshold: float = CROSS_ORGAN
) -> tuple[Violation, ...]:
    """C-CROSS-ORGAN: section 一 or 五 of ``second`` is ≥ ``threshold`` found in ``first``, a
    report of another organ of the same year (default :data:`CROSS_ORGAN`)."""
    return _copied("C-CROSS-ORGAN", first, second, threshold, "the report of")


def c_numbers_copy(
    previous: Report, current: Report, min_numbers: int = MIN_NUMBERS
) -> tuple[Violation, ...]:
    """C-NUMBERS-COPY: every number of tables 二–四 equals last year's (same template, at
    least ``min_numbers`` of them not zero) while the prose names another year."""
    if previous.template is not current.template or previous.year == current.year:
        return ()
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for part, _numeral in TABLES:
        before.update(_numbers(previous, part))
        after.update(_numbers(current, part))
    if before != after or sum(1 for v in after.values() if v) < min_numbers:
        return ()
    ev = _prose.year_evidence(current)
    named = next((y for y in (ev.title, ev.period, ev.body) if y is not None), current.year)
    if named is None or named == previous.year:
        return ()
    first = next(iter(after))
    return (
        fail(
            "C-NUMBERS-COPY",
            f"all {len(after)} numbers of tables 二–四 of the {named} report equal the "
            f"{previous.year} report's",
            (_tag(previous, first), _tag(current, first), _tag(current, "year")),
        ),
    )

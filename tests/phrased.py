"""Prose that states a report's table numbers in the phrasings of the template data.

:func:`sentence` writes one sentence in a phrasing, meaning one of its readings (the number is
computed from the tables with the reading's terms), optionally broken down by column with the
words of the phrasing's breakdown; :func:`statements` writes one sentence per (phrasing,
reading) a template allows.  The D-TEXT fixtures and properties build section 一 from these.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from attrs import frozen
from support import value_at

from govdisclosure import Report
from govdisclosure.template import phrasings as P

__all__ = ["Stated", "breakdown_words", "readings_for", "sentence", "statements", "value_of"]


@frozen
class Stated:
    """One sentence and the numbers it states, in order."""

    text: str
    numbers: tuple[int, ...]
    phrasing: str
    reading: str


def value_of(report: Report, reading: str, columns: Sequence[str] = ("total",)) -> int:
    total = 0
    for term in P.quantity(reading).terms:
        for col in columns:
            key = term.lstrip("-").format(col=col)
            v = value_at(report, key)
            total += -v if term.startswith("-") else v
    return total


def readings_for(report: Report, ph: P.Phrasing) -> list[str]:
    return [k for k in ph.readings if report.template in P.quantity(k).versions]


def breakdown_words(ph: P.Phrasing) -> list[tuple[str, tuple[str, ...]]]:
    """The breakdown's words, one per column set (the longest word of each)."""
    if not ph.breakdown:
        return []
    labels = next(b.labels for b in P.BREAKDOWNS if b.key == ph.breakdown)
    by_cols: dict[tuple[str, ...], str] = {}
    for word, cols in labels:
        if len(word) > len(by_cols.get(cols, "")):
            by_cols[cols] = word
    return [(w, c) for c, w in by_cols.items()]


def sentence(
    report: Report, ph: P.Phrasing, reading: str, parts: Sequence[tuple[str, tuple[str, ...]]] = ()
) -> Stated:
    n = value_of(report, reading)
    text = ph.example.format(n=n)
    numbers = [n]
    if parts:
        said = []
        for word, cols in parts:
            v = value_of(report, reading, cols)
            said.append(f"{word}{v}件")
            numbers.append(v)
        text += "，其中" + "、".join(said)
    return Stated(text + "。", tuple(numbers), ph.key, reading)


def statements(report: Report, breakdowns: bool = True) -> Iterator[Stated]:
    """One sentence per phrasing and reading the report's template has (with a breakdown
    by every column where the phrasing has one)."""
    for ph in P.PHRASINGS:
        for reading in readings_for(report, ph):
            yield sentence(report, ph, reading, breakdown_words(ph) if breakdowns else ())

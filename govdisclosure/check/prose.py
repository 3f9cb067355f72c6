"""What the prose of a report states about its own tables, its year and its fees.

The document rules of :mod:`govdisclosure.check.invariants` compare these statements with the
tables; the reading of sentences is kept here so that the checker itself reads no text.
Sentences are matched in the simplified, half-width form (Traditional reports are read the
same way); a quantity is only taken from a clause that names it unambiguously.
"""

from __future__ import annotations

import datetime
import enum
import re
from collections import Counter
from collections.abc import Iterator

from attrs import frozen

from govdisclosure.bind.identity import published_on
from govdisclosure.model import Report, Section, section_text
from govdisclosure.read.fold import match_text
from govdisclosure.template import lexicon as L
from govdisclosure.template import phrasings as P

__all__ = [
    "Claim",
    "FeeStatement",
    "YearEvidence",
    "claims",
    "fee_statement",
    "is_government",
    "publication_date",
    "year_evidence",
]


@frozen
class Claim:
    """A number the prose states for a table quantity."""

    quantity: str  # one of QUANTITIES
    value: int
    field: str  # flat key of the prose it stands in: "overview", "problems", "other_matters"
    quote: str  # the clause as written


QUANTITIES = (
    "new_received",
    "carried_over",
    "carried_forward",
    "reconsideration",
    "litigation",
    "normative_issued",
)

_CLAUSE = re.compile(r"[^，,。；;：:！!？?\n]+")
_POSITIVE = P.POSITIVE
_NEGATIVE = P.NEGATIVE


# Every pattern above needs a digit (_POSITIVE) or 未 / 没有 / 无 (_NEGATIVE): a clause with
# none of them states nothing.
_MAY_CLAIM = re.compile(r"[\d未没沒无無]")


# A run of more digits than any count has is no claim; masked, it cannot make the patterns
# below (「\D{0,20}?(\d+)件」) backtrack over it from every position (quadratic time).
_LONG_DIGITS = re.compile(r"\d{13,}")


def _clause_claims(clause: str) -> Iterator[tuple[str, int]]:
    text = _LONG_DIGITS.sub("#", match_text(clause).replace(" ", ""))
    found: dict[str, int] = {}
    for quantity, pattern in _POSITIVE:
        m = pattern.search(text)
        if m and quantity not in found and (quantity != "new_received" or "申请" in text):
            found[quantity] = int(m.group(1))
    for quantity, pattern in _NEGATIVE:
        if quantity not in found and pattern.search(text):
            found[quantity] = 0
    yield from found.items()


def claims(report: Report) -> tuple[Claim, ...]:
    """Every table quantity stated in section 一 (总体情况), in reading order."""
    out: list[Claim] = []
    text = section_text(report.overview)
    whole = match_text(text)  # one conversion, to pass over the clauses that state nothing
    if len(whole) != len(text):  # pragma: no cover - match_text keeps the length
        whole = text
    for m in _CLAUSE.finditer(text):
        if not _MAY_CLAIM.search(m.group()) and not _MAY_CLAIM.search(whole, *m.span()):
            continue
        for quantity, value in _clause_claims(m.group()):
            out.append(Claim(quantity, value, "overview", m.group().strip()))
    return tuple(out)


# --------------------------------------------------------------------------- years

_YEAR = L.YEAR
_PERIOD = L.PERIOD


@frozen
class YearEvidence:
    """The report year as each part of the text states it (None: the part says nothing)."""

    title: int | None
    period: int | None  # 「统计期限为YYYY年1月1日至…」
    body: int | None  # the year section 一 mentions most often (None on a tie)


def _first_year(text: str | None, pattern: re.Pattern[str]) -> int | None:
    if not text:
        return None
    m = pattern.search(match_text(text))
    return int(m.group(1)) if m else None


def year_evidence(report: Report) -> YearEvidence:
    overview = section_text(report.overview)
    period = _first_year(report.preamble, _PERIOD) or _first_year(overview, _PERIOD)
    counts = Counter(int(y) for y in _YEAR.findall(match_text(overview)))
    ranked = counts.most_common(2)
    body = None
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        body = ranked[0][0]
    return YearEvidence(_first_year(report.title, _YEAR), period, body)


# --------------------------------------------------------------------------- fees


class FeeStatement(enum.Enum):
    """What section 六 says about 信息处理费 (information-processing fees)."""

    SILENT = "silent"  # nothing about fees
    MENTIONED = "mentioned"  # speaks of the fee or of fee notices
    NO_NOTICE = "no-notice"  # says that no fee notice was issued


_FEE_WORDS = ("信息处理费", "处理费", "收费通知", "缴纳费用", "缴费")
_NO_NOTICE = re.compile(r"(?:未|没有)(?:发出|下发|发送|送达|寄送)?\D{0,6}收费通知")


def fee_statement(section: Section) -> FeeStatement:
    text = match_text(section_text(section))
    if _NO_NOTICE.search(text):
        return FeeStatement.NO_NOTICE
    if any(w in text for w in _FEE_WORDS):
        return FeeStatement.MENTIONED
    return FeeStatement.SILENT


# --------------------------------------------------------------------------- dates

def publication_date(report: Report) -> datetime.date | None:
    """The date under section 六, else the date of the metadata table above the report."""
    if report.signed_on is not None:
        return report.signed_on
    return published_on(report.metadata)


def is_government(organ: str | None) -> bool | None:
    """Whether the organ is a people's government (本级人民政府) rather than a department."""
    if not organ:
        return None
    return match_text(organ).strip().endswith("人民政府")

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
    """A number the prose states, in one of the phrasings of ``template.phrasings``.

    ``readings`` are the quantities it may mean (keys of ``QUANTITIES``), ``columns`` the
    table columns it counts (``("total",)`` unless a breakdown names one: 「涉及自然人72件」),
    ``parent`` the stated total a breakdown splits.
    """

    phrasing: str  # Phrasing.key, or the column's words for a breakdown
    value: int
    field: str  # flat key of the prose it stands in: "overview"
    quote: str  # the clause as written
    readings: tuple[str, ...]
    columns: tuple[str, ...] = ("total",)
    parent: Claim | None = None


_SENTENCE = re.compile(r"[^。；;！!？?\n]+")
_CLAUSE = re.compile(r"[^，,：:]+")
_GAP = r"\D{0,20}?"
_NEAR = r"\D{0,4}?"
_NUMBER = rf"(\d+){P.UNIT}"


def _pattern(ph: P.Phrasing) -> re.Pattern[str]:
    if ph.before and ph.after:
        return re.compile(f"{ph.before}{_NEAR}{_NUMBER}{_NEAR}{ph.after}")
    if ph.after:
        return re.compile(f"{_NUMBER}{_NEAR}{ph.after}")
    return re.compile(f"{ph.before}{_GAP}{_NUMBER}")


_PATTERNS = tuple((ph, _pattern(ph)) for ph in P.PHRASINGS)
_NEGATIVES = tuple(
    (P.phrasing(key), re.compile(f"(?:{P.NEGATION}){_GAP}{what}|无{what}"))
    for key, what in P.NEGATIVES
)
_BREAKDOWNS = {
    b.key: (
        dict(b.labels),
        re.compile(
            "("
            + "|".join(sorted((re.escape(w) for w, _c in b.labels), key=len, reverse=True))
            + rf"){_NEAR}{_NUMBER}"
        ),
    )
    for b in P.BREAKDOWNS
}

# Every pattern above needs a digit, or 未 / 没有 / 无: a clause with none of them states nothing.
_MAY_CLAIM = re.compile(r"[\d未没沒无無]")

# A run of more digits than any count has is no claim; masked, it cannot make the patterns
# above (「\D{0,20}?(\d+)件」) backtrack over it from every position (quadratic time).
_LONG_DIGITS = re.compile(r"\d{13,}")


def _applies(ph: P.Phrasing, text: str, said: str) -> bool:
    if any(w in text for w in ph.excludes):
        return False
    return not ph.subject or ph.subject in text or (ph.carries and ph.subject in said)


def _clause_claims(clause: str, quote: str, said: str, parent: Claim | None) -> list[Claim]:
    """The numbers a clause states, in order; ``said``: the sentence before it, ``parent``:
    the sentence's last stated total that a breakdown may split."""
    text = _LONG_DIGITS.sub("#", clause)
    found: dict[int, Claim] = {}
    for ph, pattern in _PATTERNS:
        if not _applies(ph, text, said):
            continue
        for m in pattern.finditer(text):
            if m.start(1) not in found:
                found[m.start(1)] = Claim(ph.key, int(m.group(1)), "overview", quote, ph.readings)
    stated = {c.phrasing for c in found.values()}
    for ph, pattern in _NEGATIVES:
        no = pattern.search(text)
        if no and ph.key not in stated and _applies(ph, text, said):
            found[no.end()] = Claim(ph.key, 0, "overview", quote, ph.readings)
    totals = sorted(found.items())
    for key, (labels, pattern) in _BREAKDOWNS.items():
        for m in pattern.finditer(text):
            if m.start(2) in found:
                continue
            before = [c for pos, c in totals if pos < m.start(2)]
            total = before[-1] if before else parent
            if total is None or P.phrasing(total.phrasing).breakdown != key:
                continue
            found[m.start(2)] = Claim(m.group(1), int(m.group(2)), "overview", quote,
                                      total.readings, labels[m.group(1)], total)  # fmt: skip
    return [c for _pos, c in sorted(found.items())]


def claims(report: Report) -> tuple[Claim, ...]:
    """Every table quantity stated in section 一 (总体情况), in reading order."""
    out: list[Claim] = []
    text = section_text(report.overview)
    for sentence in _SENTENCE.finditer(text):
        if not _MAY_CLAIM.search(sentence.group()):
            continue
        said = ""
        parent: Claim | None = None
        for clause in _CLAUSE.finditer(sentence.group()):
            raw = clause.group()
            folded = match_text(raw).replace(" ", "")
            for claim in _clause_claims(folded, raw.strip(), said, parent):
                if claim.parent is None and P.phrasing(claim.phrasing).breakdown:
                    parent = claim
                out.append(claim)
            said += folded
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

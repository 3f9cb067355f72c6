"""How report prose states a table quantity, and which quantities each phrasing may mean.

The D-TEXT rule reads section 一 with these two tables (``docs/rules.md`` lists them):

- :data:`QUANTITIES`: the numbers of the tables that prose states, each the sum of flat
  keys (``{col}`` is the applicant column, or the appeal result column, that a breakdown
  names; ``total`` otherwise).
- :data:`PHRASINGS`: how a clause states a number (the words before it, the words after it)
  and the quantities it may mean.  「收到申请75件」 may count the new requests alone or the
  new requests with the ones carried over from last year; both readings are listed, and a
  number that equals either is no violation.

A phrasing's words are regular-expression fragments, matched in the folded (Simplified,
half-width, no spaces) text; the checker builds its patterns from them in one place
(:mod:`govdisclosure.check.prose`).  ``example`` is how a report writes it, ``{n}`` the
number: the documentation shows it and the tests render prose with it.
"""

from __future__ import annotations

from attrs import frozen

from govdisclosure.model import Template
from govdisclosure.template.common import APPEAL_COLUMNS, REQUEST_COLUMNS, REQUEST_LEGAL_PERSONS

__all__ = [
    "BREAKDOWNS",
    "NEGATION",
    "NEGATIVES",
    "PHRASINGS",
    "QUANTITIES",
    "UNIT",
    "Breakdown",
    "Phrasing",
    "Quantity",
    "phrasing",
    "quantity",
]

_BOTH = (Template.V2019, Template.V2021)


@frozen
class Quantity:
    """A number of the tables: the sum of ``terms`` (flat keys, ``{col}`` the column; a
    term written ``-key`` is subtracted)."""

    key: str
    zh: str  # as a message names it: 「新收」「新收+上年结转」
    terms: tuple[str, ...]
    versions: tuple[Template, ...] = _BOTH


QUANTITIES: tuple[Quantity, ...] = (
    Quantity("new", "新收", ("requests.new_received.{col}",)),
    Quantity(
        "new+carried_over",
        "新收+上年结转",
        ("requests.new_received.{col}", "requests.carried_over.{col}"),
    ),
    Quantity("carried_over", "上年结转", ("requests.carried_over.{col}",)),
    Quantity("handled", "（七）总计", ("requests.outcomes.total.{col}",)),
    Quantity(  # 「收到72件，其中已答复70件、2件结转下年」: this year's requests answered
        "new-carried_forward",
        "新收−结转下年",
        ("requests.new_received.{col}", "-requests.carried_forward.{col}"),
    ),
    Quantity("carried_forward", "结转下年", ("requests.carried_forward.{col}",)),
    Quantity("reconsideration", "行政复议", ("appeals.reconsideration.{col}",)),
    Quantity(
        "litigation",
        "行政诉讼（直接起诉+复议后起诉）",
        ("appeals.litigation_direct.{col}", "appeals.litigation_after_reconsideration.{col}"),
    ),
    Quantity("litigation_direct", "未经复议直接起诉", ("appeals.litigation_direct.{col}",)),
    Quantity(
        "litigation_after",
        "复议后起诉",
        ("appeals.litigation_after_reconsideration.{col}",),
    ),
    Quantity(
        "normative_issued",
        "规范性文件本年制发",
        ("proactive.normative_documents.issued",),
        (Template.V2021,),
    ),
    Quantity(
        "normative_made",
        "规范性文件本年新制作",
        ("proactive.normative_documents.newly_made",),
        (Template.V2019,),
    ),
    Quantity(
        "normative_published",
        "规范性文件本年新公开",
        ("proactive.normative_documents.newly_published",),
        (Template.V2019,),
    ),
    Quantity(
        "normative_in_force",
        "规范性文件现行有效",
        ("proactive.normative_documents.in_force",),
        (Template.V2021,),
    ),
    Quantity(
        "normative_repealed",
        "规范性文件本年废止",
        ("proactive.normative_documents.repealed",),
        (Template.V2021,),
    ),
)


@frozen
class Breakdown:
    """The columns a clause after a stated total may break it into: 「涉及自然人72件」.

    ``labels`` maps the words of the prose to the column keys they sum (a header spanning
    several columns, 「法人或其他组织」, sums them all)."""

    key: str
    labels: tuple[tuple[str, tuple[str, ...]], ...]


_APPLICANTS = tuple(c for c in REQUEST_COLUMNS if c.key != "total")
_LEGAL_PERSONS = tuple(c.key for c in _APPLICANTS if c.key != "natural_person")
_RESULT_WORDS = {  # how prose names table 四's result columns, besides their labels
    "upheld": ("维持",),
    "corrected": ("纠正",),
    "other": (),
    "pending": ("未审结", "正在审理", "审理中"),
}

BREAKDOWNS: tuple[Breakdown, ...] = (
    Breakdown(
        "applicants",
        (
            (REQUEST_LEGAL_PERSONS, _LEGAL_PERSONS),  # first: it holds 「其他组织」
            *((c.label, (c.key,)) for c in _APPLICANTS if c.key != "other"),
            *((alias, ("other",)) for c in _APPLICANTS if c.key == "other" for alias in c.aliases),
        ),
    ),
    Breakdown(
        "results",
        tuple(
            (word, (c.key,)) for c in APPEAL_COLUMNS if c.key != "total"
            for word in dict.fromkeys((c.label, *_RESULT_WORDS[c.key]))
        ),
    ),
)  # fmt: skip


@frozen
class Phrasing:
    """How a clause states a quantity: ``before`` the number, then ``after`` it.

    ``readings`` are the keys of the :data:`QUANTITIES` the number may be.  ``subject``:
    words the clause must hold (or, for ``carries``, an earlier clause of its sentence: 「收到
    申请75件，办结70件」); ``excludes``: words that make the clause speak of something else.
    ``breakdown``: the :data:`BREAKDOWNS` that the next clauses may split the number into.
    """

    key: str
    before: str
    after: str
    readings: tuple[str, ...]
    example: str
    subject: str = ""
    carries: bool = False
    excludes: tuple[str, ...] = ()
    breakdown: str = ""


UNIT = r"[件项个宗起次份]"
# 「未收到…申请」「没有发生…行政复议」, or 「无」 right before the subject: 0
NEGATION = r"(?:未|没有)(?:发生|产生|出现|收到|接到|受理|引起|引发|涉及|有|制发|印发|出台|制定)"
_NEXT_YEAR = r"结转(?:至|到)?(?:下一?年度?|20\d\d年度?)"
_APPEALS = ("行政复议", "行政诉讼", "复议", "起诉")
_NORMATIVE = r"(?:行政)?规范性文件"
_ISSUE = r"(?:制发|印发|出台|制定|发)"

# In order: a number is taken by the first phrasing that finds it.
PHRASINGS: tuple[Phrasing, ...] = (
    Phrasing("上年结转", r"上一?年度?结转", "", ("carried_over",),
             "上年结转政府信息公开申请{n}件", breakdown="applicants"),
    Phrasing("结转下年", _NEXT_YEAR, "", ("carried_forward",),
             "结转下年度继续办理{n}件", breakdown="applicants"),
    Phrasing("…件结转下年", "", _NEXT_YEAR, ("carried_forward",),
             "其中{n}件结转下一年度办理", breakdown="applicants"),
    Phrasing("新收", r"(?:新收|本年度?(?:新)?收到)", "", ("new",),
             "本年新收政府信息公开申请{n}件", subject="申请", excludes=_APPEALS,
             breakdown="applicants"),
    Phrasing("收到", r"(?:收到|接收|接到)", "", ("new", "new+carried_over"),
             "全年共收到政府信息公开申请{n}件", subject="申请", excludes=_APPEALS,
             breakdown="applicants"),
    Phrasing("受理", r"受理", "", ("new", "new+carried_over"),
             "全年共受理政府信息公开申请{n}件", subject="申请", excludes=_APPEALS,
             breakdown="applicants"),
    Phrasing("办结/答复", r"(?:办结|答复)", "", ("handled", "new-carried_forward"),
             "共办结政府信息公开申请{n}件", subject="申请", carries=True, excludes=_APPEALS,
             breakdown="applicants"),
    Phrasing("办理/处理", r"(?:办理|处理)", "", ("handled", "new", "new+carried_over"),
             "共办理政府信息公开申请{n}件", subject="申请", carries=True, excludes=_APPEALS,
             breakdown="applicants"),
    Phrasing("复议后起诉", r"复议后(?:提起)?(?:行政)?(?:起诉|诉讼)", "", ("litigation_after",),
             "行政复议后起诉{n}件", breakdown="results"),
    Phrasing("直接起诉", r"(?:未经复议)?直接(?:提起)?(?:行政)?(?:起诉|诉讼)", "",
             ("litigation_direct",), "未经复议直接起诉{n}件", breakdown="results"),
    Phrasing("行政复议", r"行政复议", "", ("reconsideration",),
             "因政府信息公开引起行政复议{n}件", breakdown="results"),
    Phrasing("行政诉讼", r"行政诉讼", "", ("litigation",),
             "行政诉讼{n}件", breakdown="results"),
    Phrasing("制发规范性文件", _ISSUE + _NORMATIVE, "",
             ("normative_issued", "normative_made", "normative_published"),
             "本机关制发规范性文件{n}件"),
    Phrasing("制发…件规范性文件", _ISSUE, _NORMATIVE,
             ("normative_issued", "normative_made", "normative_published"),
             "本年共印发{n}件规范性文件"),
    Phrasing("现行有效规范性文件", r"现行有效(?:的)?" + _NORMATIVE, "", ("normative_in_force",),
             "现行有效规范性文件{n}件"),
    Phrasing("废止规范性文件", r"废止" + _NORMATIVE, "", ("normative_repealed",),
             "废止规范性文件{n}件"),
)  # fmt: skip

# A clause that says the thing did not happen states 0: (phrasing, what follows the negation).
NEGATIVES: tuple[tuple[str, str], ...] = (
    ("收到", r"申请"),
    ("行政复议", r"行政复议"),
    ("行政诉讼", r"行政诉讼"),
    ("制发规范性文件", _NORMATIVE),
)

_QUANTITY = {q.key: q for q in QUANTITIES}
_PHRASING = {p.key: p for p in PHRASINGS}


def quantity(key: str) -> Quantity:
    return _QUANTITY[key]


def phrasing(key: str) -> Phrasing:
    return _PHRASING[key]

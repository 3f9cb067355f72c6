"""D-TEXT reads what the prose counts (issue 16).

Fixtures: the tables of two real reports (seed 003, V2021, with 7 requests carried over; seed
001, V2019) and a section 一 written in every phrasing of ``template/phrasings.py``, each in
every reading its template allows, with the breakdown by column where the phrasing has one.
Consistent prose gives no D-TEXT violation; one number changed, in the prose or in the tables,
gives exactly one violation, which names that number.  The property at the end does the same
over generated reports and randomly chosen phrasings.
"""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st
from phrased import Stated, breakdown_words, readings_for, sentence, statements, value_of
from strategies import consistent_reports
from support import seed_text, value_at, with_value

from govdisclosure import Report, check, parse_report
from govdisclosure.check.prose import claims
from govdisclosure.model import Section, Template
from govdisclosure.template import phrasings as P

SEEDS = {"003": "003_d01d2cbab1ffe994", "001": "001_0494dfef68de25df"}
FAR = 1000  # a number no quantity of these small tables has


@pytest.fixture(scope="module", params=sorted(SEEDS))
def seed(request: pytest.FixtureRequest) -> Report:
    return parse_report(seed_text(SEEDS[request.param]))


def with_prose(report: Report, stated: list[Stated]) -> Report:
    return with_value(report, "overview", Section("总体情况", "".join(s.text for s in stated)))


def found(report: Report) -> Counter[tuple[str, str]]:
    return Counter((v.rule, v.message) for v in check(report))


def new_findings(base: Report, changed: Report) -> list[tuple[str, str]]:
    return list((found(changed) - found(base)).elements())


def test_the_seed_003_fixture_has_readings_that_differ() -> None:
    report = parse_report(seed_text(SEEDS["003"]))
    values = {k: value_of(report, k) for k in ("new", "new+carried_over", "handled")}
    assert values == {"new": 72, "new+carried_over": 79, "handled": 77}  # read by hand


def test_every_phrasing_in_every_reading_is_read_and_agrees(seed: Report) -> None:
    stated = list(statements(seed))
    report = with_prose(seed, stated)
    read = claims(report)
    assert [c.value for c in read] == [n for s in stated for n in s.numbers]
    # each sentence's total is read in the phrasing it was written in
    totals = [c.phrasing for c in read if c.parent is None]
    assert totals == [s.phrasing for s in stated]
    assert [v for v in check(report) if v.rule == "D-TEXT"] == []
    assert len(stated) >= 20


def _changed_sentences(seed: Report) -> list[tuple[int, int]]:
    stated = list(statements(seed))
    return [(i, j) for i, s in enumerate(stated) for j in range(len(s.numbers))]


@pytest.mark.parametrize("which", ["003", "001"])
def test_one_changed_number_of_the_prose_is_one_violation_naming_it(which: str) -> None:
    seed = parse_report(seed_text(SEEDS[which]))
    stated = list(statements(seed))
    base = with_prose(seed, stated)
    for i, j in _changed_sentences(seed):
        s = stated[i]
        wrong = s.numbers[j] + FAR
        words = s.text.split(str(s.numbers[0]), 1) if j == 0 else None
        if words is not None:
            text = f"{words[0]}{wrong}{words[1]}"
        else:
            head, tail = s.text.split("，其中", 1)
            parts = tail.split("、")
            word = parts[j - 1].rstrip("。件").rstrip("0123456789")
            parts[j - 1] = f"{word}{wrong}件" + ("。" if j == len(parts) else "")
            text = f"{head}，其中{'、'.join(parts)}"
        changed = stated.copy()
        changed[i] = Stated(text, s.numbers, s.phrasing, s.reading)
        (finding,) = new_findings(base, with_prose(seed, changed))
        assert finding[0] == "D-TEXT" and f" {wrong} " in finding[1], (text, finding)


# one consistent change of the tables per kind of quantity (every identity still holds)
_SHIFTS: tuple[dict[str, int], ...] = (
    {"requests.new_received.natural_person": 1, "requests.new_received.total": 1,
     "requests.outcomes.disclosed.natural_person": 1, "requests.outcomes.disclosed.total": 1,
     "requests.outcomes.total.natural_person": 1, "requests.outcomes.total.total": 1},
    {"requests.carried_over.natural_person": 1, "requests.carried_over.total": 1,
     "requests.carried_forward.natural_person": 1, "requests.carried_forward.total": 1},
    *({f"appeals.{g}.pending": 1, f"appeals.{g}.total": 1}
      for g in ("reconsideration", "litigation_direct", "litigation_after_reconsideration")),
    {"proactive.normative_documents.issued": 1, "proactive.normative_documents.in_force": 1},
    {"proactive.normative_documents.repealed": 1},
    {"proactive.normative_documents.newly_made": 1},
    {"proactive.normative_documents.newly_published": 1},
)  # fmt: skip


def shifted(report: Report, shift: dict[str, int], k: int) -> Report | None:
    for key, d in shift.items():
        try:
            report = with_value(report, key, value_at(report, key) + d * k)
        except AttributeError:  # a column of the other template's table 二
            return None
    return report


@pytest.mark.parametrize("which", ["003", "001"])
def test_one_changed_number_of_the_tables_is_one_violation_naming_it(which: str) -> None:
    seed = parse_report(seed_text(SEEDS[which]))
    tried = 0
    for s in statements(seed, breakdowns=False):
        base = with_prose(seed, [s])
        ph = P.phrasing(s.phrasing)
        for shift in _SHIFTS:
            changed = shifted(base, shift, FAR)
            if changed is None or value_of(changed, s.reading) == s.numbers[0]:
                continue
            if any(value_of(changed, r) == s.numbers[0] for r in readings_for(seed, ph)):
                # another reading still explains the number (V2019: 新制作 = 新公开)
                assert new_findings(base, changed) == []
                continue
            (finding,) = new_findings(base, changed)
            new = value_of(changed, s.reading)
            assert finding[0] == "D-TEXT" and f"{P.quantity(s.reading).zh} {new}" in finding[1]
            tried += 1
    assert tried >= 15


def test_the_issue_examples() -> None:
    """「收到75件，涉及自然人72件、商业企业3件」 with 新收 74 (71, 3) + 上年结转 1 (1, 0);
    「受理749件」 with 新收 713 + 上年结转 36."""
    seed = parse_report(seed_text(SEEDS["003"]))
    cells = {
        "requests.new_received": (71, 3, 74), "requests.carried_over": (1, 0, 1),
        "requests.outcomes.total": (70, 3, 73),
        "requests.carried_forward": (2, 0, 2),
    }  # fmt: skip
    report = seed
    for row, (person, firm, total) in cells.items():
        for col, v in (("natural_person", person), ("commercial", firm), ("total", total)):
            report = with_value(report, f"{row}.{col}", v)
    text = "全区收到政府信息公开申请75件，涉及自然人72件、商业企业3件。"
    said = with_value(report, "overview", Section("总体情况", text))
    assert [v for v in check(said) if v.rule == "D-TEXT"] == []
    wrong = with_value(report, "overview", Section("总体情况", text.replace("75", "80")))
    (v,) = [v for v in check(wrong) if v.rule == "D-TEXT"]
    assert "says 收到 80" in v.message and "新收 74, 新收+上年结转 75" in v.message
    assert [(e.name, e.value) for e in v.evidence[1:]] == [("新收", 74), ("新收+上年结转", 75)]


# --------------------------------------------------------------------------- property


@st.composite
def phrased_reports(draw: st.DrawFn) -> tuple[Report, list[Stated]]:
    report = draw(consistent_reports())
    stated = []
    for ph in draw(st.lists(st.sampled_from(P.PHRASINGS), min_size=1, max_size=6)):
        readings = readings_for(report, ph)
        if not readings:
            continue
        words = breakdown_words(ph)
        parts = draw(st.lists(st.sampled_from(words), max_size=3, unique=True)) if words else []
        said = sentence(report, ph, draw(st.sampled_from(readings)), parts)
        if min(said.numbers) >= 0:  # 新收−结转下年 can be negative: no report writes it
            stated.append(said)
    return with_prose(report, stated), stated


@given(phrased_reports())
def test_prose_in_random_phrasings_of_consistent_tables_raises_nothing(
    case: tuple[Report, list[Stated]],
) -> None:
    report, _stated = case
    assert [v for v in check(report) if v.severity in ("error", "warning")] == []


_CELLS = st.sampled_from(
    [f"requests.{r}.{c}" for r in ("new_received", "carried_over", "outcomes.disclosed",
                                   "outcomes.total", "carried_forward")
     for c in ("natural_person", "commercial", "total")]
    + [f"appeals.{g}.{c}" for g in ("reconsideration", "litigation_direct")
       for c in ("upheld", "pending", "total")]
)  # fmt: skip


@given(phrased_reports(), _CELLS, st.integers(1, 50))
def test_one_changed_cell_is_reported(case: tuple[Report, list[Stated]], key: str, k: int) -> None:
    report, _stated = case
    changed = with_value(report, key, value_at(report, key) + k)
    reported = [v for v in check(changed) if v.severity in ("error", "warning")]
    assert reported and any(key in v.fields for v in reported)


def test_phrasings_cover_the_quantities_the_issue_names() -> None:
    meant = {k for ph in P.PHRASINGS for k in ph.readings}
    assert {"new", "new+carried_over", "handled", "carried_forward", "carried_over",
            "reconsideration", "litigation", "normative_issued"} <= meant  # fmt: skip
    assert {b.key for b in P.BREAKDOWNS} == {ph.breakdown for ph in P.PHRASINGS if ph.breakdown}
    assert Template.V2019 in P.quantity("normative_made").versions

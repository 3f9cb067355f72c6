"""Issue 15: the corpus check, copied reports and roll-ups by region, as properties."""

from __future__ import annotations

import datetime
import random
from typing import Any

from hypothesis import assume, given
from hypothesis import strategies as st
from strategies import consistent_reports, consistent_series
from support import with_value

from govdisclosure import Report, check, check_corpus, compare, flatten, rollup
from govdisclosure import template as T
from govdisclosure.check.neardup import near_duplicates
from govdisclosure.check.rollup import r_rollup
from govdisclosure.check.similarity import PROSE_COPY, c_numbers_copy
from govdisclosure.synthetic import credit_code_for, synthetic_corpus

SERIES_RULES = {"T3-CARRY", "T2-STOCK", "T2-ITEMS"}

# --------------------------------------------------------------------------- series


@given(consistent_series(length=4), st.integers(1, 3), st.randoms(use_true_random=False))
def test_T3_CARRY_one_broken_carry_over_is_flagged_at_exactly_that_pair(
    series: list[Report], broken: int, rnd: random.Random
) -> None:
    key = "requests.carried_over.natural_person"
    series = [with_value(r, "organ_key", "organ") for r in series]
    cur = series[broken]
    series[broken] = with_value(cur, key, (cur.requests.carried_over.natural_person or 0) + 1)
    ids = [f"r{n}.txt" for n in range(len(series))]
    given_order = list(zip(ids, series, strict=True))
    rnd.shuffle(given_order)  # any order: the corpus check sorts by year
    result = check_corpus(given_order)
    found = [v for v in result.violations if v.rule in SERIES_RULES]
    assert found, "the broken carry-over was not flagged"
    assert {(v.rule, v.previous_id, v.current_id) for v in found} == {
        ("T3-CARRY", ids[broken - 1], ids[broken])
    }
    assert all(f"{series[broken].year}:{key}" in v.fields for v in found if "自然人" in v.message)
    for v in found:  # the evidence: both years' values, which differ
        assert len(v.evidence) == 2
        assert v.evidence[0].value != v.evidence[1].value
    assert result.diagnostics == ()


@given(consistent_series(length=3))
def test_duplicates_and_missing_years_are_diagnostics_not_exceptions(
    series: list[Report],
) -> None:
    no_year = with_value(series[1], "year", None)
    nobody = with_value(with_value(series[0], "organ_key", None), "credit_code", None)
    keyed = [with_value(r, "organ_key", "org") for r in series]
    given_reports = [("a", keyed[0]), ("b", keyed[1]), ("c", keyed[1]), ("d", with_value(
        no_year, "organ_key", "org")), ("e", nobody)]  # fmt: skip
    result = check_corpus(given_reports)
    codes = {(d.code, d.report_ids) for d in result.diagnostics}
    assert codes == {
        ("corpus-year-duplicate", ("b", "c")),
        ("corpus-year-missing", ("d",)),
        ("corpus-organ-missing", ("e",)),
    }
    assert all(d.message_zh for d in result.diagnostics)
    assert {(v.previous_id, v.current_id) for v in result.violations} <= {("a", "b")}


def test_a_series_violation_names_both_reports_and_both_source_lines(tmp_path: Any) -> None:
    from govdisclosure import parse_report
    from govdisclosure.synthetic import write_corpus

    corpus = synthetic_corpus(4, (2021, 2022), broken=1, seed=3)
    paths = write_corpus(corpus, tmp_path)
    parsed = {str(p.relative_to(tmp_path)): parse_report(p.read_bytes()) for p in paths}
    result = check_corpus(parsed)
    ((prev_id, cur_id),) = corpus.broken
    found = [v for v in result.violations if v.rule == "T3-CARRY"]
    assert {(v.previous_id, v.current_id) for v in found} == {(prev_id, cur_id)}
    for v in found:
        assert v.previous_lines and v.current_lines
        prev_line = (
            (tmp_path / prev_id).read_text(encoding="utf-8").splitlines()[v.previous_lines[0] - 1]
        )
        cur_line = (
            (tmp_path / cur_id).read_text(encoding="utf-8").splitlines()[v.current_lines[0] - 1]
        )
        assert prev_line.startswith("四、") and cur_line.startswith("二、")
    row = found[0].row()
    assert (row["previous_id"], row["current_id"]) == (prev_id, cur_id)
    assert row["previous_line"] and row["current_line"]


# --------------------------------------------------------------------------- copies

corpora = st.builds(
    lambda seed, organs, k, partial, cross: (seed, organs, k, partial, cross),
    st.integers(0, 10**6),
    st.integers(4, 14),
    st.integers(0, 4),
    st.integers(0, 3),
    st.integers(0, 2),
)


@given(corpora)
def test_C_PROSE_COPY_k_planted_copies_give_exactly_those_k_pairs(args: Any) -> None:
    seed, organs, k, partial, cross = args
    corpus = synthetic_corpus(
        organs, (2020, 2021, 2022), copies=k, partial=partial, cross=cross, seed=seed
    )
    assert len(corpus.copies) == min(k, organs * 2)
    assert len(corpus.cross) <= cross
    pairs = near_duplicates(corpus.reports, prose_copy=PROSE_COPY)
    same = {(p.first_id, p.second_id) for p in pairs if p.kind == "same-organ"}
    assert same == corpus.copies  # none of the partial (≈50 %) reuses, none unplanted
    across = {(p.first_id, p.second_id) for p in pairs if p.kind == "cross-organ"}
    assert across == corpus.cross
    flagged = check_corpus(corpus.reports).violations
    copied = {(v.previous_id, v.current_id) for v in flagged if v.rule == "C-PROSE-COPY"}
    assert copied == corpus.copies
    assert all(p.share >= 0.9 for p in pairs)


@given(corpora)
def test_C_CROSS_ORGAN_planted_cross_copies_are_found_and_nothing_else(args: Any) -> None:
    seed, organs, _k, _partial, cross = args
    corpus = synthetic_corpus(organs, (2022, 2023), cross=cross, seed=seed)
    pairs = near_duplicates(corpus.reports)
    assert {(p.first_id, p.second_id) for p in pairs} == corpus.cross
    for p in pairs:
        assert {v.rule for v in p.violations} == {"C-CROSS-ORGAN"}
        assert all(str(v.severity) == "info" for v in p.violations)
    none = near_duplicates(corpus.reports, cross_organ=None)
    assert none == []


def test_a_lower_threshold_catches_the_partial_reuses_too() -> None:
    corpus = synthetic_corpus(10, (2021, 2022), copies=2, partial=3, seed=11)
    loose = {(p.first_id, p.second_id) for p in near_duplicates(
        corpus.reports, prose_copy=0.4, lsh_threshold=0.2)}  # fmt: skip
    assert loose == corpus.copies | corpus.partial


@given(consistent_series(length=2))
def test_C_NUMBERS_COPY_last_years_tables_under_a_new_year(series: list[Report]) -> None:
    prev, cur = series
    assume(prev.template is cur.template)
    nonzero = [v for k, v in flatten(prev).items() if k.startswith(("proactive.", "requests.",
               "appeals.")) and v]  # fmt: skip
    assume(len(nonzero) >= 3)
    copied = cur
    for part in ("proactive", "requests", "appeals"):
        copied = with_value(copied, part, getattr(prev, part))
    (v,) = c_numbers_copy(prev, copied)
    assert v.rule == "C-NUMBERS-COPY" and str(cur.year) in v.message
    assert c_numbers_copy(prev, prev) == ()  # the same year: a duplicate, not a copy
    if flatten(cur) != flatten(copied):
        assert c_numbers_copy(prev, cur) == ()


def test_compare_gives_number_changes_and_prose_reuse_with_passages() -> None:
    corpus = synthetic_corpus(6, (2021, 2022), copies=1, seed=5)
    ((a, b),) = corpus.copies
    reports = dict(corpus.reports)
    c = compare(reports[a], reports[b])
    assert c.section("overview").share is not None and c.section("overview").share >= 0.9
    assert c.section("problems").share == 1.0
    assert c.section("overview").passages[0].current_line == 1
    assert c.section("problems").sentences_reused == c.section("problems").sentences > 0
    changed = {t.table: len(t.changes) for t in c.tables}
    assert set(changed) == {"二", "三", "四"} and sum(changed.values()) > 0
    same = compare(reports[a], reports[a])
    assert all(not t.changes for t in same.tables)
    assert all(s.share in (None, 1.0) for s in same.sections)


# --------------------------------------------------------------------------- roll-ups

DIVISIONS = ("320812", "320813", "320903", "530102")


@st.composite
def placed_reports(draw: Any) -> list[tuple[str, Report]]:
    out = []
    for n in range(draw(st.integers(1, 6))):
        report = draw(consistent_reports())
        division = draw(st.sampled_from(DIVISIONS))
        code = credit_code_for(division, random.Random(n))
        out.append((f"r{n}", with_value(report, "credit_code", code)))
    return out


def _expected(reports: list[tuple[str, Report]], digits: int, skipna: bool) -> dict[Any, Any]:
    sums: dict[Any, Any] = {}
    for _rid, report in reports:
        region = report.credit_code[2 : 2 + digits].ljust(6, "0")  # type: ignore[index]
        flat = flatten(report)
        for key, _kind in T.number_fields(report.template):  # the template's cells
            value = flat[key]
            at = (region, report.year, key)
            if value is None:
                sums[at] = sums.get(at, 0) if skipna else None
            elif at not in sums or sums[at] is not None:
                sums[at] = sums.get(at, 0) + value
    return sums


@given(placed_reports(), st.sampled_from([("county", 6), ("city", 4), ("province", 2)]))
def test_R_ROLLUP_sums_equal_the_column_sums_computed_independently(
    reports: list[tuple[str, Report]], level: tuple[str, int]
) -> None:
    name, digits = level
    result = rollup(reports, name)  # type: ignore[arg-type]
    got = {(s.region, s.year, s.key): s.value for s in result.sums}
    assert got == _expected(reports, digits, skipna=False)
    counts = {(s.region, s.year): s.reports for s in result.sums}
    for (region, year), n in counts.items():
        assert n == sum(
            1 for _i, r in reports
            if r.year == year and r.credit_code[2 : 2 + digits].ljust(6, "0") == region  # type: ignore[index]
        )  # fmt: skip
    assert result.violations == () and result.unplaced == ()


@given(placed_reports(), st.data())
def test_a_blank_in_any_input_makes_the_sum_None(
    reports: list[tuple[str, Report]], data: st.DataObject
) -> None:
    at = data.draw(st.integers(0, len(reports) - 1))
    rid, report = reports[at]
    flat = flatten(report)
    keys = [k for k, _kind in T.number_fields(report.template) if flat[k] is not None]
    key = data.draw(st.sampled_from(keys))
    reports[at] = (rid, with_value(report, key, None))
    region = report.credit_code[2:8]  # type: ignore[index]
    (cell,) = [s for s in rollup(reports).sums if (s.region, s.year, s.key) ==
               (region, report.year, key)]  # fmt: skip
    assert cell.value is None and cell.blanks == 1
    (kept,) = [s for s in rollup(reports, skipna=True).sums if (s.region, s.year, s.key) ==
               (region, report.year, key)]  # fmt: skip
    assert kept.value == _expected(reports, 6, skipna=True)[region, report.year, key]
    assert kept.blanks == 1


def test_R_ROLLUP_compares_a_city_report_with_its_organs() -> None:
    corpus = synthetic_corpus(9, (2022,), consolidated=True, seed=2)
    assert rollup(corpus.reports, "city").violations == ()
    whole = [(i, r) for i, r in corpus.reports if "汇总" in i]
    rid, report = whole[0]
    key = "requests.new_received.total"
    changed = with_value(report, key, (report.requests.new_received.total or 0) + 7)
    reports = [(i, changed if i == rid else r) for i, r in corpus.reports]
    ((where, v),) = rollup(reports, "city").violations
    assert where == rid and v.rule == "R-ROLLUP" and key in v.fields
    assert r_rollup(changed, {}) == ()  # no organ report: nothing to compare


# --------------------------------------------------------------------------- D-DEADLINE


@given(consistent_reports(), st.integers(1, 28))
def test_D_DEADLINE_uses_the_publication_date_first(report: Report, day: int) -> None:
    assert report.year
    late = datetime.date(report.year + 1, 4, day)
    on_time = datetime.date(report.year + 1, 1, day)
    published_late = with_value(with_value(report, "published_on", late), "signed_on", on_time)
    (v,) = check(published_late)
    assert v.rule == "D-DEADLINE" and v.fields == ("published_on",)
    assert v.message.startswith(f"published {late.isoformat()}")
    signed_late = with_value(with_value(report, "published_on", on_time), "signed_on", late)
    assert check(signed_late) == ()  # the page's date is the publication date

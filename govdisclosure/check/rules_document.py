"""The document rules (sections, template version, year, deadline, prose vs tables, fees)."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from attrs import evolve, frozen

from govdisclosure import template as T
from govdisclosure.check import prose as _prose
from govdisclosure.check.violation import Evidence, Violation, fail, unassessable, values_of
from govdisclosure.model import Report, Section, Template
from govdisclosure.template import phrasings as P

__all__ = ["d_deadline", "d_fee_text", "d_sections", "d_text", "d_version", "d_year"]


_SECTION_DIAGNOSTICS = ("heading-missing", "heading-order")


def d_sections(report: Report) -> tuple[Violation, ...]:
    """D-SECTIONS: the six sections are present, in order, and not empty."""
    out: list[Violation] = []
    for d in report.diagnostics:
        if d.code in _SECTION_DIAGNOSTICS:
            lines = (d.line,) if d.line else ()
            v = fail("D-SECTIONS", f"section headings: {d.message}", (),
                     (Evidence(f"diagnostic {d.code}", d.message, (), lines),))  # fmt: skip
            out.append(evolve(v, lines=lines))
    for h in T.HEADINGS:
        name = f"section {h.numeral}、{h.label}"
        if h.key in report.missing:
            out.append(fail("D-SECTIONS", f"{name} was not found", (),
                            (Evidence("parts not found", ", ".join(report.missing)),)))  # fmt: skip
            continue
        section = getattr(report, h.key)
        if isinstance(section, Section) and not section.text.strip() and not section.subsections:
            out.append(fail("D-SECTIONS", f"{name} is empty", (h.key,),
                            (Evidence(name, "", (h.key,)),)))  # fmt: skip
    return tuple(out)


def d_version(report: Report) -> tuple[Violation, ...]:
    """D-VERSION: V2019 for the 2019 and 2020 reports, V2021 from 2021 on."""
    if report.year is None:
        return (unassessable("D-VERSION", "report year", ("year",)),)
    if report.template is Template.V2019 and report.year >= 2021:
        why = f"a {report.year} report on the old V2019 template (旧模板; V2021 applies from 2021)"
    elif report.template is Template.V2021 and report.year <= 2020:
        why = f"a {report.year} report on the V2021 template (issued 2021-09; re-issued report?)"
    else:
        return ()
    evidence = (
        Evidence("report year", report.year, ("year",)),
        Evidence("template of the tables", report.template.value, ("template",)),
    )
    return (fail("D-VERSION", why, ("template", "year"), evidence),)


def d_year(report: Report) -> tuple[Violation, ...]:
    """D-YEAR: title, statistics period, section 一 and the signature agree on the year."""
    if report.year is None:
        return ()
    ev = _prose.year_evidence(report)
    stated: dict[str, tuple[int, str]] = {"year": (report.year, "report year")}
    if ev.title is not None:
        stated["title"] = (ev.title, f"title {ev.title}")
    if ev.period is not None:
        stated["preamble"] = (ev.period, f"statistics period {ev.period}")
    if ev.body is not None:
        stated["overview"] = (ev.body, f"section 一 mostly {ev.body}")
    if report.signed_on is not None:
        stated["signed_on"] = (
            report.signed_on.year - 1,
            f"signed {report.signed_on.isoformat()} (→ a {report.signed_on.year - 1} report)",
        )
    if len({y for y, _ in stated.values()}) <= 1:
        return ()
    said = "; ".join(s for k, (_y, s) in stated.items() if k != "year")
    return (
        fail(
            "D-YEAR",
            f"the report year is {report.year}, but: {said}",
            tuple(stated),
            tuple(Evidence(s, y, (k,)) for k, (y, s) in stated.items()),
        ),
    )


def d_deadline(report: Report) -> tuple[Violation, ...]:
    """D-DEADLINE: published by 1月31日 (departments) or 3月31日 (governments) of year+1.

    The date used is the page's publication date (``published_on``: 公开日期, 发布时间 of the
    metadata) when known, else the date under section 六; the violation says which.  With
    neither date (or no year) no verdict is given.
    """
    date = report.published_on or _prose.publication_date(report)
    fields: tuple[str, ...]
    if report.published_on is not None:
        used, fields = "published", ("published_on",)
    elif report.signed_on is not None:
        used, fields = "signed", ("signed_on",)
    else:
        used, fields = "dated (metadata)", ()
    if date is None or report.year is None:
        return ()  # no date at all: the rule does not apply (as for any absent subject)
    government = _prose.is_government(report.organ)
    month = 1 if government is False else 3
    deadline = datetime.date(report.year + 1, month, 31)
    if date <= deadline:
        return ()
    who = "a department" if government is False else "a government (or an unnamed organ)"
    evidence = (
        Evidence(f"date {used}", date.isoformat(), fields),
        Evidence(f"deadline for {who}", deadline.isoformat(), ("year",)),
    )
    return (
        fail(
            "D-DEADLINE",
            f"{used} {date.isoformat()}, after the {deadline.isoformat()} deadline for {who}",
            fields,
            evidence,
        ),
    )


@frozen
class _Reading:
    """One quantity a claim may mean, valued from the tables (None: a blank cell)."""

    key: str
    name: str
    keys: tuple[str, ...]
    value: int | None
    blank: tuple[str, ...]


def _readings(claim: _prose.Claim, template: Template, values: Mapping[str, Any]) -> list[_Reading]:
    out = []
    for key in claim.readings:
        q = P.quantity(key)
        if template not in q.versions:
            continue
        signed = [(t.startswith("-"), t.lstrip("-").format(col=c)) for t in q.terms
                  for c in claim.columns]  # fmt: skip
        keys = tuple(k for _minus, k in signed)
        name = q.zh if claim.parent is None else f"{q.zh}（{claim.phrasing}）"
        blank = tuple(k for k in keys if values.get(k) is None)
        value = None if blank else sum(-values[k] if minus else values[k] for minus, k in signed)
        out.append(_Reading(key, name, keys, value, blank))
    return out


def d_text(report: Report) -> tuple[Violation, ...]:
    """D-TEXT: a number section 一 states equals one of the quantities its phrasing may mean.

    The phrasings and their readings are :data:`govdisclosure.template.phrasings.PHRASINGS`;
    a breakdown by column (「涉及自然人72件」) is read as its total was (the readings that
    explain the total, else all of them).
    """
    out: list[Violation] = []
    values: Mapping[str, Any] | None = None
    explained: dict[_prose.Claim, tuple[str, ...]] = {}
    for claim in _prose.claims(report):
        if values is None:
            values = {
                **values_of(report.requests, "requests."),
                **values_of(report.appeals, "appeals."),
                **values_of(report.proactive, "proactive."),
            }
        readings = _readings(claim, report.template, values)
        if claim.parent is not None and explained.get(claim.parent):
            readings = [r for r in readings if r.key in explained[claim.parent]]
        explained[claim] = tuple(r.key for r in readings if r.value == claim.value)
        if explained[claim] or not readings:
            continue
        said = Evidence(f"section 一 「{claim.quote}」", claim.value, (claim.field,))
        blank = list(dict.fromkeys(k for r in readings for k in r.blank))
        if blank:  # a blank cell might hold the number: no reading can be ruled out
            v = unassessable("D-TEXT", f"「{claim.quote}」", blank)
            out.append(evolve(v, evidence=(said,)))
            continue
        table = ", ".join(f"{r.name} {r.value}" for r in readings)
        keys = tuple(dict.fromkeys(k for r in readings for k in r.keys))
        out.append(
            fail(
                "D-TEXT",
                f"section 一 says {claim.phrasing} {claim.value} (「{claim.quote}」); "
                f"the table has {table}",
                (claim.field, *keys),
                (said, *(Evidence(r.name, r.value, r.keys) for r in readings)),
            )
        )
    return tuple(out)


def d_fee_text(report: Report) -> tuple[Violation, ...]:
    """D-FEE-TEXT: in V2021, section 六 states the 信息处理费 position."""
    if report.template is not Template.V2021:
        return ()
    if _prose.fee_statement(report.other_matters) is not _prose.FeeStatement.SILENT:
        return ()
    return (
        fail(
            "D-FEE-TEXT",
            "section 六 does not state whether 信息处理费 was charged",
            ("other_matters",),
            (Evidence("section 六 on fees", _prose.FeeStatement.SILENT.value, ("other_matters",)),),
        ),
    )

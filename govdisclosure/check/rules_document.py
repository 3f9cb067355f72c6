"""The document rules (sections, template version, year, deadline, prose vs tables, fees)."""

from __future__ import annotations

import datetime
from typing import Any

from attrs import evolve

from govdisclosure import template as T
from govdisclosure.check import prose as _prose
from govdisclosure.check.violation import Violation, fail, unassessable, values_of
from govdisclosure.model import Report, Section, Template

__all__ = ["d_deadline", "d_fee_text", "d_sections", "d_text", "d_version", "d_year"]


_SECTION_DIAGNOSTICS = ("heading-missing", "heading-order")


def d_sections(report: Report) -> tuple[Violation, ...]:
    """D-SECTIONS: the six sections are present, in order, and not empty."""
    out: list[Violation] = []
    for d in report.diagnostics:
        if d.code in _SECTION_DIAGNOSTICS:
            v = fail("D-SECTIONS", f"section headings: {d.message}", ())
            out.append(evolve(v, lines=(d.line,) if d.line else ()))
    for h in T.HEADINGS:
        name = f"section {h.numeral}、{h.label}"
        if h.key in report.missing:
            out.append(fail("D-SECTIONS", f"{name} was not found"))
            continue
        section = getattr(report, h.key)
        if isinstance(section, Section) and not section.text.strip() and not section.subsections:
            out.append(fail("D-SECTIONS", f"{name} is empty", (h.key,)))
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
    return (fail("D-VERSION", why, ("template", "year")),)


def d_year(report: Report) -> tuple[Violation, ...]:
    """D-YEAR: title, statistics period, section 一 and the signature agree on the year."""
    if report.year is None:
        return ()
    ev = _prose.year_evidence(report)
    stated: dict[str, tuple[int, str]] = {}
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
    years = {y for y, _ in stated.values()} | {report.year}
    if len(years) <= 1:
        return ()
    return (
        fail(
            "D-YEAR",
            f"the report year is {report.year}, but: " + "; ".join(s for _y, s in stated.values()),
            ("year", *stated),
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
    return (
        fail(
            "D-DEADLINE",
            f"{used} {date.isoformat()}, after the {deadline.isoformat()} deadline for {who}",
            fields,
        ),
    )


_CLAIM_FIELDS: dict[str, tuple[str, ...]] = {
    "new_received": ("requests.new_received.total",),
    "carried_over": ("requests.carried_over.total",),
    "carried_forward": ("requests.carried_forward.total",),
    "reconsideration": ("appeals.reconsideration.total",),
    "litigation": (
        "appeals.litigation_direct.total",
        "appeals.litigation_after_reconsideration.total",
    ),
}


def _claim_fields(quantity: str, template: Template) -> tuple[str, ...]:
    if quantity == "normative_issued":
        column = "newly_made" if template is Template.V2019 else "issued"
        return (f"proactive.normative_documents.{column}",)
    return _CLAIM_FIELDS[quantity]


def d_text(report: Report) -> tuple[Violation, ...]:
    """D-TEXT: a number the prose of section 一 states for a table quantity equals the table."""
    out: list[Violation] = []
    values: dict[str, Any] | None = None
    for claim in _prose.claims(report):
        if values is None:
            values = {
                **values_of(report.requests, "requests."),
                **values_of(report.appeals, "appeals."),
                **values_of(report.proactive, "proactive."),
            }
        keys = _claim_fields(claim.quantity, report.template)
        blank = [k for k in keys if values.get(k) is None]
        if blank:
            out.append(unassessable("D-TEXT", f"「{claim.quote}」", blank))
            continue
        table = sum(values[k] for k in keys)
        if table != claim.value:
            out.append(
                fail(
                    "D-TEXT",
                    f"section 一 says 「{claim.quote}」 ({claim.value}) but the table has {table} "
                    f"({' + '.join(keys)})",
                    (claim.field, *keys),
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
        ),
    )

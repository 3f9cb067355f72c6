"""Binding the document's parts to the template (DESIGN.md §2 "bind"): the orchestrator.

Headings are identified by the template's keywords (:mod:`.sections`); table rows are found
(:mod:`.collect`) and bound by their labels first and their place and shape second
(:mod:`.table2`, :mod:`.table3`, :mod:`.table4`).  Every inference and every repair is
recorded as a :class:`~govdisclosure.model.Diagnostic`; every number cell of tables 二/三/四
ends in the model or in a diagnostic that names its line.
"""

from __future__ import annotations

from govdisclosure import template as T
from govdisclosure.bind import sections
from govdisclosure.bind.collect import collect
from govdisclosure.bind.context import Context
from govdisclosure.bind.front import front_matter, signature
from govdisclosure.bind.spacers import drop_spacers
from govdisclosure.bind.table2 import proactive as bind_proactive
from govdisclosure.bind.table2 import version_evidence
from govdisclosure.bind.table3 import is_request_data_row
from govdisclosure.bind.table3 import requests as bind_requests
from govdisclosure.bind.table4 import appeals as bind_appeals
from govdisclosure.model import AppealStats, Report, RequestStats, Template
from govdisclosure.parse.transform import Document
from govdisclosure.read.normalize import NormalizedText
from govdisclosure.template import lexicon as L

__all__ = ["bind"]


def _heading(key: str) -> str:
    h = T.heading(key)
    return f"{h.numeral}、{h.label}"


_rows = T.spec(Template.V2021).request_rows
_TABLE_KEYS = (("t2", "proactive"), ("t3", "requests"), ("t4", "appeals"))

_OLD_LAYOUT = L.PRE_2019
_OLD_YEAR = L.PRE_2019_TITLE


def _pre_2019(doc_lines: tuple[str, ...]) -> int | None:
    """The line (1-based, canonical) that shows the pre-2019 layout, if the text has one."""
    for i, line in enumerate(doc_lines, 1):
        if _OLD_LAYOUT.search(line):
            return i
        m = _OLD_YEAR.search(line.replace(" ", ""))
        if m and int(m.group(1)) <= 2018:
            return i
    return None


def bind(doc: Document, norm: NormalizedText, *, partial: bool = False) -> Report:
    """Map a transformed document onto the template and build the report."""
    ctx = Context(norm, partial)
    parts = sections.parts(doc, ctx)
    by_key = {p.key: p for p in parts}
    merged = {k: p for p in parts for k in p.also}  # 六 under 五's heading
    tables = collect(parts, ctx)
    drop_spacers(tables, ctx)
    if tables.tail:
        by_key["problems"] = sections.by_position("problems", tables.tail, ctx)
    has_t3 = any(is_request_data_row(r) for r in tables.rows["t3"])
    if not has_t3:
        old = _pre_2019(norm.match)
        if old is not None:
            raise ctx.fail(
                "this is a report written before 2019, in the old layout (政府信息公开情况统计表, "
                "收费及减免…); the 2019/2021 national template does not apply to it",
                old,
                "a report for 2019 or later, on the template of 国办公开办函〔2019〕60号 or "
                "〔2021〕30号",
                "pre-2019",
            )
    known = [k for k in by_key if k != "front"]
    if not any(tables.rows.values()) and len(known) < 3:
        raise ctx.fail(
            "this text is not a government information-disclosure annual report: "
            "it has none of the template's section headings and none of its tables",
            1 if norm.match else None,
            f"the headings {_heading('overview')} … {_heading('other_matters')} "
            "and tables 二, 三 and 四",
            "not-a-report",
        )
    front = front_matter(by_key["front"], by_key.get("overview"), ctx)

    version = version_evidence(tables.rows["t2"])
    if version is None:
        year = front.year
        version = Template.V2019 if year is not None and year <= 2020 else Template.V2021
        if tables.rows["t2"]:
            ctx.diag(
                "template-inferred",
                f"table 二's columns do not tell the template; {version.value} taken from the year",
                tables.rows["t2"][0].line,
            )

    def heading_line(key: str) -> int | None:
        part = by_key.get(key)
        return part.heading.line if part is not None and part.heading is not None else None

    if not tables.rows["t2"]:
        ctx.need(
            "proactive",
            f"table 二 ({T.heading('proactive').label}) was not found",
            heading_line("proactive"),
            f"blocks headed {T.spec(version).proactive[0].title} … with their rows of numbers",
            "missing-table",
        )
    proactive = bind_proactive(tables.rows["t2"], version, ctx)
    requests = RequestStats()
    if has_t3:
        requests, t3_version = bind_requests(tables, version, ctx)
        if not tables.rows["t2"]:
            version = t3_version
    else:
        ctx.need(
            "requests",
            f"table 三 ({T.heading('requests').label}) was not found",
            heading_line("requests"),
            f"the table of applications with rows {_rows[0].label[:6]}… to {_rows[-1].label}",
            "missing-table",
        )
    appeals = bind_appeals(tables.rows["t4"], ctx)
    for key in ("overview", "problems", "other_matters"):
        if key not in by_key and key not in merged:
            h = next(h for h in T.HEADINGS if h.key == key)
            ctx.need(
                key,
                f"section {h.numeral}、{h.label} was not found",
                None,
                f"a heading {h.numeral}、{h.label}",
                "missing-section",
            )
    for mode, key in _TABLE_KEYS:
        if key not in by_key and mode in tables.first_line:
            h = next(h for h in T.HEADINGS if h.key == key)
            ctx.diag(
                "heading-missing",
                f"no heading {h.numeral}、{h.label}; the section is inferred from its table",
                tables.first_line[mode],
            )
    found = set(by_key) | {key for mode, key in _TABLE_KEYS if tables.rows[mode]}
    ctx.settle(frozenset(found))
    signed_by, signed_on = signature(by_key.get("other_matters") or merged.get("other_matters"))
    return Report(
        template=version,
        script=norm.script,
        overview=sections.section(by_key.get("overview"), T.heading("overview").label, ctx),
        proactive=proactive,
        requests=requests,
        appeals=appeals if tables.rows["t4"] else AppealStats(),
        problems=sections.section(by_key.get("problems"), T.heading("problems").label, ctx),
        other_matters=sections.section(
            by_key.get("other_matters"), T.heading("other_matters").label, ctx
        ),
        title=front.title,
        organ=front.organ,
        organ_source=front.organ_source,
        year=front.year,
        preamble=front.preamble,
        signed_by=signed_by,
        signed_on=signed_on,
        metadata=front.metadata,
        missing=tuple(ctx.missing),
        diagnostics=tuple(norm.diagnostics) + tuple(ctx.diagnostics),
        locations=ctx.locations,
    )

"""The national template as data, written once (template-spec.md §10).

The parser, the renderer, the flat export, the documentation and the test strategies all
read these tables; nothing else in the package spells a row label or a column order.
Labels are the canonical simplified forms, with full-width punctuation as in the official
tables; they are matched after :func:`govdisclosure.read.fold.label_key`.

One module per version (:mod:`.v2019`, :mod:`.v2021`), what they share in :mod:`.common`,
the shapes in :mod:`.types`, and the registry :data:`SPECS` keyed by version.  A new
version is a new module and one entry here.
"""

from __future__ import annotations

from collections.abc import Iterator

from govdisclosure.model import Template
from govdisclosure.template import v2019, v2021
from govdisclosure.template.common import (
    APPEAL_COLUMNS,
    APPEAL_GROUPS,
    APPEAL_LITIGATION,
    HEADINGS,
    PROACTIVE_HEADER,
    REQUEST_APPLICANTS,
    REQUEST_COLUMNS,
    REQUEST_GROUPS,
    REQUEST_LEGAL_PERSONS,
    REQUEST_NOTE,
    appeal_fields,
)
from govdisclosure.template.lexicon import PLACEHOLDERS
from govdisclosure.template.types import (
    Column,
    Heading,
    ProactiveBlock,
    ProactiveRow,
    RequestRow,
    TemplateSpec,
    ValueKind,
)
from govdisclosure.template.v2019 import PROACTIVE_2019, REQUEST_ROWS_2019
from govdisclosure.template.v2021 import PROACTIVE_2021, REQUEST_ROWS_2021

__all__ = [
    "APPEAL_COLUMNS",
    "APPEAL_GROUPS",
    "APPEAL_LITIGATION",
    "HEADINGS",
    "PLACEHOLDERS",
    "PROACTIVE_2019",
    "PROACTIVE_2021",
    "PROACTIVE_HEADER",
    "REQUEST_APPLICANTS",
    "REQUEST_COLUMNS",
    "REQUEST_GROUPS",
    "REQUEST_LEGAL_PERSONS",
    "REQUEST_NOTE",
    "REQUEST_ROWS_2019",
    "REQUEST_ROWS_2021",
    "SPECS",
    "Column",
    "Heading",
    "ProactiveBlock",
    "ProactiveRow",
    "RequestRow",
    "TemplateSpec",
    "ValueKind",
    "appeal_fields",
    "column_label",
    "heading",
    "number_fields",
    "spec",
]

# The registry: every template version's data, keyed by version.
SPECS: dict[Template, TemplateSpec] = {Template.V2019: v2019.SPEC, Template.V2021: v2021.SPEC}


def heading(key: str) -> Heading:
    """The section heading whose Report attribute is ``key`` ("overview" … "other_matters")."""
    return next(h for h in HEADINGS if h.key == key)


def column_label(version: Template, key: str) -> str:
    """The header of table 二's column ``key`` in a version (「本年制发件数」 for "issued")."""
    return next(c.label for b in SPECS[version].proactive for c in b.columns if c.key == key)


def spec(version: Template) -> TemplateSpec:
    """The template data of one version."""
    return SPECS[version]


def number_fields(version: Template) -> Iterator[tuple[str, str]]:
    """Every number cell of tables 二/三/四 for a version: (dotted key, kind)."""
    s = SPECS[version]
    for key, _block, _row, col in s.proactive_fields():
        yield key, col.kind
    for key, _request_row, _column in s.request_fields():
        yield key, "count"
    for key, _group, _col in appeal_fields():
        yield key, "count"

"""Hypothesis strategies that build reports over the model (st.builds, field by field).

Every field gets a strategy from its declared type: counts ``int | None``, money
``Decimal | None`` (finite), text, dates, enums, nested attrs classes, tuples; table 二 follows
the report's template.  ``locations`` (outside the equality) is generated too, so that the
JSON round trip can be checked for it as well.
"""

from __future__ import annotations

import datetime
import enum
import types
import typing
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, get_args, get_origin

import attrs
from hypothesis import strategies as st

from govdisclosure.model import (
    Proactive2019,
    Proactive2021,
    Report,
    Section,
    SourceSpan,
    Template,
)

counts = st.none() | st.integers(min_value=0, max_value=10**7)
texts = st.text(max_size=30)
# money in 万元: to the fen (6 places), or any finite decimal (the JSON round trip takes both)
money_to_the_fen = st.none() | st.decimals(allow_nan=False, allow_infinity=False, places=6)
money_any = money_to_the_fen | st.decimals(allow_nan=False, allow_infinity=False)
sections: st.SearchStrategy[Section] = st.deferred(
    lambda: st.builds(
        Section, title=texts, text=texts, subsections=st.lists(sections, max_size=2).map(tuple)
    )
)
spans = st.builds(SourceSpan, line=st.integers(1, 10**5), column=st.integers(1, 500))
locations = st.dictionaries(st.text(min_size=1, max_size=40), spans, max_size=5)


def for_type(tp: Any, money: st.SearchStrategy[Any] = money_any) -> st.SearchStrategy[Any]:
    """A strategy for a value of a model type hint."""
    if tp is int:
        return st.integers(-(10**7), 10**7)
    if tp is str:
        return texts
    if tp is Decimal:
        return money.filter(lambda v: v is not None)
    if tp is datetime.date:
        return st.dates()
    if tp is Section:
        return sections
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return st.sampled_from(tp)
    if isinstance(tp, type) and attrs.has(tp):
        return builds(tp, money)
    origin, args = get_origin(tp), get_args(tp)
    if origin in (types.UnionType, typing.Union):
        if set(args) == {int, type(None)}:
            return counts
        if set(args) == {Decimal, type(None)}:
            return money
        return st.one_of([for_type(a, money) for a in args])
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return st.lists(for_type(args[0], money), max_size=3).map(tuple)
        return st.tuples(*(for_type(a, money) for a in args))
    if origin is Mapping:
        return locations
    if tp is type(None):
        return st.none()
    raise TypeError(f"no strategy for {tp!r}")


def builds(
    cls: type, money: st.SearchStrategy[Any] = money_any, **overrides: st.SearchStrategy[Any]
) -> st.SearchStrategy[Any]:
    """``st.builds`` over every field of an attrs class of the model."""
    hints = typing.get_type_hints(cls)
    kwargs = {
        f.name: overrides[f.name] if f.name in overrides else for_type(hints[f.name], money)
        for f in attrs.fields(cls)
        if f.init
    }
    return st.builds(cls, **kwargs)


@st.composite
def reports(draw: st.DrawFn, money: st.SearchStrategy[Any] = money_any) -> Report:
    """A report whose table 二 follows its template."""
    template = draw(st.sampled_from(Template))
    proactive_cls = Proactive2019 if template is Template.V2019 else Proactive2021
    report: Report = draw(
        builds(
            Report,
            money,
            template=st.just(template),
            proactive=builds(proactive_cls, money),
            year=st.none() | st.integers(2008, 2030),
        )
    )
    return report

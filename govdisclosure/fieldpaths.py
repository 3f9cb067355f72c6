"""Dotted attribute paths over the model: flattening and building from flat values."""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator, Mapping
from typing import Any, TypeVar, cast, get_args, get_origin

import attrs

__all__ = ["build", "flatten_object", "leaf_types"]

T = TypeVar("T")


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls)
    return hints


def _attrs_class(tp: Any) -> tuple[type | None, bool]:
    """(the attrs class inside ``tp``, whether ``tp`` admits None)."""
    if isinstance(tp, type) and attrs.has(tp):
        return tp, False
    if get_origin(tp) in (types.UnionType, typing.Union):
        args = get_args(tp)
        optional = type(None) in args
        classes = [a for a in args if isinstance(a, type) and attrs.has(a)]
        if len(classes) == 1:
            return classes[0], optional
    return None, False


_PLANS: dict[type, tuple[tuple[str, type | None, bool], ...]] = {}


def _plan(cls: type) -> tuple[tuple[str, type | None, bool], ...]:
    """(field name, nested attrs class, optional) for every field of ``cls``; kept per class."""
    plan = _PLANS.get(cls)
    if plan is None:
        plan = _PLANS[cls] = tuple(
            (f.name, *_attrs_class(_hints(cls)[f.name])) for f in attrs.fields(cast(Any, cls))
        )
    return plan


def build(cls: type[T], values: Mapping[str, Any], prefix: str = "") -> T:
    """An instance of ``cls`` whose leaves are read from ``values`` by dotted path.

    A nested attrs field is built recursively; an optional one (``X | None``) only when
    some value below it is given.  Leaves missing from ``values`` keep their default.
    """
    kwargs: dict[str, Any] = {}
    for name, sub, optional in _plan(cls):
        path = f"{prefix}{name}"
        if sub is not None:
            below = path + "."
            if optional and not any(k.startswith(below) for k in values):
                continue
            kwargs[name] = build(sub, values, below)
        elif path in values:
            kwargs[name] = values[path]
    return cls(**kwargs)


def flatten_object(obj: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """(dotted path, leaf value) for every leaf of an attrs instance, in field order.

    An optional nested object that is None yields its leaves as None, so that every
    report of a template version has the same keys.
    """
    out: list[tuple[str, Any]] = []
    _flatten_into(obj, prefix, out)
    return iter(out)


_IS_ATTRS: dict[type, bool] = {}


def _flatten_into(obj: Any, prefix: str, out: list[tuple[str, Any]]) -> None:
    for name, sub, _optional in _plan(type(obj)):
        value = getattr(obj, name)
        path = f"{prefix}{name}"
        kind = type(value)
        is_attrs = _IS_ATTRS.get(kind)
        if is_attrs is None:
            is_attrs = _IS_ATTRS[kind] = attrs.has(kind)
        if is_attrs:
            _flatten_into(value, path + ".", out)
        elif value is None and sub is not None:
            out.extend((f"{path}.{leaf}", None) for leaf in _leaf_names(sub))
        else:
            out.append((path, value))


_LEAVES: dict[type, tuple[str, ...]] = {}


def _leaf_names(cls: type) -> tuple[str, ...]:
    """The dotted paths of every leaf below an attrs class; kept per class."""
    names = _LEAVES.get(cls)
    if names is None:
        names = _LEAVES[cls] = tuple(path for path, _tp in leaf_types(cls))
    return names


def leaf_types(cls: type, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """(dotted path, declared type) of every leaf below an attrs class."""
    for f in attrs.fields(cls):
        path = f"{prefix}{f.name}"
        tp = _hints(cls)[f.name]
        sub, _optional = _attrs_class(tp)
        if sub is not None:
            yield from leaf_types(sub, path + ".")
        else:
            yield path, tp

"""Violations and the helpers every rule function shares."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from attrs import frozen

from govdisclosure.check.registry import Severity, severity_of, statement_zh
from govdisclosure.fieldpaths import flatten_object
from govdisclosure.template.identities import Equation

__all__ = ["Evidence", "Violation", "fail", "judge", "negative", "unassessable", "values_of"]


@frozen
class Evidence:
    """One quantity a violation compares: what it is, its value, and where it stands.

    ``name`` says what the value is (「新收」, 「一 + 二」, or the clause of the prose that
    states it); ``fields`` are the flat keys it sums, ``lines`` their source lines (for a
    clause of the prose: the line of its section's heading, as far as the model knows it).
    """

    name: str
    value: int | Decimal | str | None
    fields: tuple[str, ...] = ()
    lines: tuple[int, ...] = ()


@frozen
class Violation:
    """One broken rule instance, or one that could not be assessed.

    ``fields`` are keys of :func:`govdisclosure.flatten` (for
    :func:`~govdisclosure.check_series` prefixed with the report's year,
    ``"2023:requests.carried_over.total"``); ``lines`` are the source lines of those fields,
    sorted, as far as :attr:`Report.locations <govdisclosure.Report.locations>` knows them.
    ``assessable`` is False for the ``info`` violations that say a rule could not be judged
    because a value it needs is missing.  ``evidence`` lists the quantities compared, each
    with its value, fields and source lines.
    """

    rule: str
    severity: Severity
    message: str
    fields: tuple[str, ...] = ()
    lines: tuple[int, ...] = ()
    assessable: bool = True
    evidence: tuple[Evidence, ...] = ()

    @property
    def message_zh(self) -> str:
        """The message in Chinese: the rule's statement from the registry, and the verdict."""
        statement = statement_zh(self.rule)
        if not self.assessable:
            lacking = "、".join(self.fields) if self.fields else "所需数值"
            return f"无法判断（{statement}）：缺少 {lacking}"
        return f"不符合：{statement}"


def values_of(part: object, prefix: str) -> Mapping[str, Any]:
    """A model part's leaves by flat key (``prefix`` is the part's own path plus a dot).

    The rules of one ``check`` ask for the same part again and again: the last few answers
    are kept, keyed by the part's identity (the part is held, so its id cannot be reused).
    """
    for held, held_prefix, values in _RECENT:
        if held is part and held_prefix == prefix:
            return values
    values = MappingProxyType(dict(flatten_object(part, prefix)))
    _RECENT.insert(0, (part, prefix, values))
    del _RECENT[_KEEP:]
    return values


_KEEP = 4
_RECENT: list[tuple[object, str, Mapping[str, Any]]] = []


def fail(
    rule_id: str, message: str, fields: Iterable[str] = (), evidence: Iterable[Evidence] = ()
) -> Violation:
    """A broken rule, with the severity the registry gives it."""
    return Violation(
        rule_id, severity_of(rule_id), message, tuple(fields), evidence=tuple(evidence)
    )


def unassessable(rule_id: str, where: str, blank: Iterable[str]) -> Violation:
    """The rule cannot be judged at ``where``: ``blank`` are the values it lacks."""
    keys = tuple(blank)
    lacking = ", ".join(keys) if keys else "the values it compares"
    return Violation(
        rule_id,
        Severity.INFO,
        f"not assessable ({where}): no value for {lacking}",
        keys,
        assessable=False,
        evidence=tuple(Evidence(k, None, (k,)) for k in keys),
    )


def judge(equations: Iterable[Equation], values: Mapping[str, Any]) -> tuple[Violation, ...]:
    """Each identity: broken, not assessable (a None operand), or silent when it holds."""
    out: list[Violation] = []
    for eq in equations:
        blank = [k for k in eq.keys if values.get(k) is None]
        if blank:
            out.append(unassessable(eq.rule, eq.where, blank))
            continue
        left = sum(values[k] for k in eq.left)
        right = sum(values[k] for k in eq.right)
        if left != right:
            named = eq.says.split(" = ", 1)
            evidence = (
                Evidence(f"{eq.where}: {named[0]}", left, eq.left),
                Evidence(f"{eq.where}: {named[-1]}", right, eq.right),
            )
            message = f"{eq.where}: {eq.says} fails, {left} ≠ {right}"
            out.append(fail(eq.rule, message, eq.keys, evidence))
    return tuple(out)


def negative(rule_id: str, items: Iterable[tuple[str, Any]]) -> tuple[Violation, ...]:
    """A violation for every number below zero (cells without a number are not judged)."""
    return tuple(
        fail(rule_id, f"{key} = {value} is negative", (key,), (Evidence(key, value, (key,)),))
        for key, value in items
        if isinstance(value, int | Decimal) and value < 0
    )

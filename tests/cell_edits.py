"""One-cell edits of a report's table rows, and what a parse of the edited text may do.

The audit of issue 11: every number cell of a report edited one way (blank, placeholder,
text, deleted, duplicated, swapped with its neighbour).  :func:`judge` compares the parse of
the edited text with the parse of the original and lists every broken promise:

* ``wrong``: a field other than the edited cells changed to a different non-None value (or an
  edited cell that should be None holds a number);
* ``silent``: a row lost a value with no diagnostic on its line;
* ``strict``: ``strict=True`` accepted a text whose numbers are not what its cells print.

Used by ``tests/test_cell_edits.py`` and ``benchmarks/audit_cells.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from attrs import frozen

from govdisclosure import ParseError, Report, flatten, parse_report

# a cell separator of the source (pipes with their spaces, or one tab)
_SEP = re.compile(r"([ ]*\|[ ]*|\t)")
# a number cell: a count, a signed change, an amount with its unit
NUMBER_CELL = re.compile(r"^(?:[增减+-]?\d[\d,]*(?:\.\d+)?(?:万元|元)?)$")

KINDS = ("blank", "slash", "text", "dash", "star", "zero-char", "delete", "duplicate", "swap")
FILL = {"blank": "", "slash": "/", "text": "暂无", "dash": "–", "star": "*", "zero-char": "〇"}


@frozen
class Edit:
    line: int  # 1-based source line
    cell: int  # index of the number cell among the line's number cells
    kind: str
    text: str  # the whole edited text
    keys: tuple[str, ...]  # the fields of the edited cells (from the original's locations)


def _split(line: str) -> list[str]:
    return _SEP.split(line)  # cells at even indices, separators at odd ones


def number_cells(line: str) -> list[int]:
    """Indices (in :func:`_split`'s list) of the cells that hold a number."""
    parts = _split(line)
    return [i for i in range(0, len(parts), 2) if NUMBER_CELL.match(parts[i].strip())]


def keys_by_line(report: Report) -> dict[int, list[str]]:
    """The numeric fields located on each source line, in column order."""
    out: dict[int, list[tuple[int, str]]] = {}
    values = flatten(report)
    for key, span in report.locations.items():
        if key.startswith(("requests.", "appeals.", "proactive.")) and key in values:
            out.setdefault(span.line, []).append((span.column, key))
    return {line: [k for _c, k in sorted(v)] for line, v in out.items()}


def edit_line(line: str, which: int, kind: str) -> str | None:
    """``line`` with its ``which``-th number cell edited ``kind``; None when not possible."""
    parts = _split(line)
    idx = number_cells(line)
    if which >= len(idx):
        return None
    i = idx[which]
    if kind in FILL:
        pad = " " if parts[i].startswith(" ") else ""
        parts[i] = pad + FILL[kind]
    elif kind == "delete":
        if i + 1 < len(parts):
            del parts[i : i + 2]
        else:
            del parts[i - 1 : i + 1]
    elif kind == "duplicate":
        sep = parts[i + 1] if i + 1 < len(parts) else parts[i - 1]
        parts[i:i] = [parts[i], sep]
    elif kind == "swap":
        if which + 1 >= len(idx):
            return None
        j = idx[which + 1]
        if parts[i].strip() == parts[j].strip():
            return None
        parts[i], parts[j] = parts[j], parts[i]
    else:
        raise ValueError(kind)
    return "".join(parts)


def edits(text: str, report: Report, kinds: tuple[str, ...] = KINDS) -> Iterator[Edit]:
    """Every one-cell edit of the report's located number cells."""
    lines = text.split("\n")
    located = keys_by_line(report)
    for n, line in enumerate(lines, 1):
        keys = located.get(n)
        cells = number_cells(line)
        if not keys or len(keys) != len(cells):
            continue  # a line whose cells do not map one to one onto fields
        for which in range(len(cells)):
            for kind in kinds:
                new = edit_line(line, which, kind)
                if new is None:
                    continue
                edited = keys[which : which + 2] if kind == "swap" else keys[which : which + 1]
                out = [*lines[: n - 1], new, *lines[n:]]
                yield Edit(n, which, kind, "\n".join(out), tuple(edited))


def expected(edit: Edit, original: dict[str, Any]) -> dict[str, Any]:
    """What the edited cells say: None for a blank or text cell, the swapped values."""
    if edit.kind == "swap":
        a, b = edit.keys
        return {a: original[b], b: original[a]}
    if edit.kind in FILL:
        return {edit.keys[0]: None}
    return {}  # deleted or duplicated: the row's cells cannot be placed; None is fine


def judge(edit: Edit, original: Report) -> list[tuple[str, str]]:
    """The promises the parse of ``edit.text`` breaks: (kind, explanation)."""
    before = flatten(original)
    try:
        report = parse_report(edit.text)
    except ParseError:
        return []  # refusing is always allowed
    after = flatten(report)
    want = expected(edit, before)
    broken: list[tuple[str, str]] = []
    lines_with_diag = {d.line for d in report.diagnostics if d.line is not None}
    lost_rows: set[int] = set()
    numeric = {
        k
        for k in before
        if k.startswith(("requests.", "appeals.", "proactive.")) and ".subtotal." not in k
    }  # a group's subtotal is derived from its cells: it follows an edit
    for key in sorted(numeric):
        old, new = before[key], after.get(key)
        if isinstance(old, tuple) or isinstance(new, tuple):
            continue  # extra_rows
        if key in want:
            if new is not None and new != want[key]:
                broken.append(("wrong", f"{key}: {old!r} → {new!r} (the cell says {want[key]!r})"))
            if want[key] is None or new is None:
                loc = original.locations.get(key)
                if loc is not None and new is None and old is not None:
                    lost_rows.add(loc.line)
            continue
        if new is not None and new != old:
            broken.append(("wrong", f"{key}: {old!r} → {new!r}"))
        if new is None and old is not None:
            loc = original.locations.get(key)
            if loc is not None:
                lost_rows.add(loc.line)
    for line in sorted(lost_rows):
        if line not in lines_with_diag:
            broken.append(("silent", f"line {line} lost a value with no diagnostic on it"))
    changed = any(after.get(k) != want.get(k, before[k]) for k in numeric
                  if not isinstance(before[k], tuple))  # fmt: skip
    if changed or edit.kind in FILL or edit.kind in ("delete", "duplicate"):
        try:
            parse_report(edit.text, strict=True)
        except ParseError:
            pass
        else:
            broken.append(("strict", f"strict=True accepted the {edit.kind} edit"))
    return broken

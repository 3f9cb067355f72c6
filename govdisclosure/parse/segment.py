"""Canonical lines from the template's anchors, whatever the input's line breaks were.

Crawler text can hold a whole report on one line; PDF text wraps labels and can put every
cell on its own line.  Before the grammar reads the text, this pass

* joins two lines where a template anchor runs across the break (a wrapped label), and
* starts a new line at every anchor that stands inside a line: a section heading anywhere,
  and, inside the table it belongs to, a 第二十条 block title, a header, a row label, and the
  start of table 四's values.

The anchors are the template's own phrases (:mod:`govdisclosure.template.anchors`), folded
as the match text is.  A text whose anchors already start their lines is returned as it is.
Every line made or joined here is counted in one ``line-breaks-inferred`` diagnostic.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterator

from attrs import evolve, frozen

from govdisclosure.model import Diagnostic
from govdisclosure.read.fold import match_text
from govdisclosure.read.normalize import NormalizedText
from govdisclosure.template.anchors import Anchor, anchors

__all__ = ["segment"]

# Row bodies shorter than this are anchors only with their numbering (「3.其他」, 「（七）总计」).
_SHORT = 4
# How far back and forward of a line break a wrapped anchor is looked for.
_REACH = 24
_SEP = "|\t"


def _numbering(numbering: str) -> str:
    """A regex for a label's numbering in the match text, with its common variants."""
    if not numbering:
        return ""
    folded = match_text(numbering)
    if folded.startswith("("):
        return r"\(\s*" + re.escape(folded[1:-1]) + r"\s*\)\s*"
    return re.escape(folded[:-1]) + r"\s*[、.,．]\s*"


def _pattern(anchor: Anchor) -> str:
    words = "|".join(
        re.escape(match_text(w)) for w in sorted({anchor.text, *anchor.forms}, key=len)[::-1]
    )
    numbering = _numbering(anchor.numbering)
    if anchor.kind == "heading":
        numeral = re.escape(anchor.numbering[0])
        return rf"(?:{numeral}\s*[、.,]|\(\s*{numeral}\s*\))\s*(?:{words})(?:情况)?"
    if not numbering:
        return f"(?:{words})"
    if len(anchor.text) < _SHORT:
        return f"{numbering}(?:{words})"
    return f"(?:{numbering})?(?:{words})"


@functools.cache
def _scanner() -> re.Pattern[str]:
    groups: dict[str, list[str]] = {}
    for anchor in anchors():
        groups.setdefault(anchor.kind, []).append(_pattern(anchor))
    return re.compile("|".join(f"(?P<{kind}>{'|'.join(p)})" for kind, p in groups.items()))


@frozen
class _Found:
    kind: str
    start: int
    end: int
    text: str


def _found(text: str) -> Iterator[_Found]:
    for m in _scanner().finditer(text):
        kind = m.lastgroup
        assert kind is not None
        yield _Found(kind, m.start(), m.end(), m.group())


_HEADING_KEY = {a.numbering[0]: a.key for a in anchors() if a.kind == "heading"}


def _heading_key(found: _Found) -> str:
    for char in found.text:
        if char in _HEADING_KEY:
            return _HEADING_KEY[char]
    return ""  # pragma: no cover - a heading anchor starts with its numeral


def _cuts(text: str) -> tuple[list[int], int]:
    """Where new lines start in ``text`` (the whole document joined by newlines), and where
    table 四's header starts (-1 when it has none)."""
    cuts: list[int] = []
    table = ""  # the table whose anchors are live: "", "t2", "t3", "t4"; "done" after 四
    previous: _Found | None = None
    t4_start = -1
    for found in _found(text):
        kind = found.kind
        cut = False
        if kind == "heading":
            table = _TABLE_OF.get(_heading_key(found), "done")
            cuts.append(found.end)
            cut = True
            if table == "t4" and t4_start < 0:
                t4_start = found.end
        elif kind == "t2_block" and table in ("", "t2"):
            table = "t2"
            cut = not _same_row(text, previous, found)
        elif kind == "t2_header":
            cut = table == "t2"
        elif kind == "t2_row":
            cut = table == "t2" and not _same_row(text, previous, found)
        elif kind == "t3_start" and table in ("", "t2", "t3"):
            cut = previous is None or previous.kind != "t3_start"
            table = "t3"
        elif kind in ("t3_group", "t3_row") and (
            # table 三 starts at its header, or at its first row when the header is lost
            table == "t3" or (table == "t2" and "一" in found.text)
        ):
            table = "t3"
            cut = not _same_row(text, previous, found)
        elif kind == "t4_header" and table == "t3":  # table 四 without its heading
            cut = True
            table = "t4"
            t4_start = found.end
        if cut:
            cuts.append(found.start)
        if kind != "column":  # a column header inside a label does not end the label
            previous = found
    return cuts, t4_start


_A_VALUE = re.compile(r"[\d/\\—－]|-|无|不适用")


def _same_row(text: str, previous: _Found | None, found: _Found) -> bool:
    """Whether ``found`` continues the row ``previous`` began: a group cell and its first row
    label, or a label repeated across the cells it spans, with no value and no line between."""
    if previous is None or (previous.kind not in _LABELS and previous.text != found.text):
        return False
    between = text[previous.end : found.start]
    return "\n" not in between and _A_VALUE.search(between) is None


def _t4_values(text: str, cuts: list[int], t4_start: int) -> None:
    """Start a line where table 四's values start: the first number after its header."""
    limit = min((c for c in cuts if c > t4_start + 1), default=len(text))
    for found in _found(text[t4_start:limit]):
        if found.kind == "t4_header":
            digit = _DIGIT.search(text, t4_start + found.end, limit)
            if digit is not None:
                cuts.append(digit.start())
            return


# Anchors whose label may go on past the anchor and be wrapped onto the next line.
_LABELS = frozenset({"t2_row", "t3_row", "t3_group"})
_VALUE = re.compile(r"[\d+\-/\\—－]|无$|不适用")


_SEPS = r"[|\t]"
_LABEL_MAX = 40  # the longest template label has 37 characters


def _label_goes_on(last: str, first: str) -> bool:
    """Whether a line's last cell is a row label wrapped onto the next line's first cell."""
    last, first = last.strip(), first.strip()
    if not first or _VALUE.match(first) is not None or len(last) > _LABEL_MAX:
        return False
    found = next(_found(last), None)
    return (
        found is not None
        and found.start == 0
        and found.kind in _LABELS
        and not any(ch.isdigit() for ch in last[found.end :])  # a label with its values
    )


_TABLE_OF = {"proactive": "t2", "requests": "t3", "appeals": "t4"}
_DIGIT = re.compile(r"\d")


def segment(norm: NormalizedText) -> NormalizedText:
    """The same text with a line started at every anchor inside a line (see the module)."""
    lines = list(norm.match)
    display = list(norm.display)
    source = list(norm.source_line)
    joined = _join_wrapped(lines, display, source)
    opened = _open_table_three(lines, display)
    text = "\n".join(lines)
    cuts, t4_start = _cuts(text)
    if t4_start >= 0:
        _t4_values(text, cuts, t4_start)
    starts: list[int] = []
    offset = 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    by_line: dict[int, list[int]] = {}
    for cut in sorted(set(cuts)):
        index = bisect.bisect_right(starts, cut) - 1
        col = cut - starts[index]
        if 0 < col < len(lines[index]) and lines[index][:col].strip(" #" + _SEP):
            by_line.setdefault(index, []).append(col)
    inner = sum(len(cols) for cols in by_line.values())
    if not inner and not joined and not opened:
        return norm
    new_match: list[str] = []
    new_display: list[str] = []
    new_source: list[int] = []
    for index, (line, disp, number) in enumerate(zip(lines, display, source, strict=True)):
        bounds = [0, *by_line.get(index, ()), len(line)]
        for a, b in itertools.pairwise(bounds):
            _emit(new_match, new_display, new_source, line[a:b], disp[a:b], number)
    diagnostics = norm.diagnostics
    made = len(new_match) - len(lines)
    diagnostics += (
        Diagnostic(
            "line-breaks-inferred",
            f"line breaks read from the template's anchors: {inner} line(s) started at "
            f"a heading, title, header or row label inside a line, {joined} wrapped label(s) "
            f"joined ({made:+d} lines)",
            new_source[0] if new_source else None,
        ),
    )
    return evolve(
        norm,
        match=tuple(new_match),
        display=tuple(new_display),
        source_line=tuple(new_source),
        diagnostics=diagnostics,
    )


def _open_table_three(lines: list[str], display: list[str]) -> int:
    """Give table 三's header a cell edge where it stands alone on a line (cells one per
    line), so that it reads as the table's first row; how many lines were given one."""
    opened = 0
    for i, line in enumerate(lines):
        if "|" in line or "\t" in line:
            continue
        found = next(_found(line), None)
        whole = line.rstrip(" ").endswith((")", "）", "情况"))  # not a wrapped piece
        if found is not None and found.kind == "t3_start" and found.start == 0 and whole:
            lines[i] = line + " |"
            display[i] = display[i] + " |"
            opened += 1
    return opened


def _emit(
    match: list[str], display: list[str], source: list[int], m: str, d: str, number: int
) -> None:
    """Add one piece as a line: its trailing Markdown heading marks and spaces dropped."""
    stripped = m.rstrip(" ")
    if stripped.endswith("#"):
        stripped = stripped.rstrip("#").rstrip(" ")
    if not stripped and match:
        return
    match.append(stripped)
    display.append(d[: len(stripped)])
    source.append(number)


def _join_wrapped(lines: list[str], display: list[str], source: list[int]) -> int:
    """Join, in place, each line break that falls inside a template anchor; how many."""
    joined = 0
    i = 0
    while i < len(lines) - 1:
        left, right = lines[i], lines[i + 1]
        if not left or not right or left[-1] in _SEP or right[0] in _SEP:
            i += 1
            continue
        last = re.split(_SEPS, left)[-1]
        first = re.split(_SEPS, right)[0]
        tail, head = last[-_REACH:], first[:_REACH]
        found = list(_found(tail + head))
        if not any(f.start == len(tail) for f in found) and (
            any(f.start < len(tail) < f.end for f in found) or _label_goes_on(last, first)
        ):
            lines[i : i + 2] = [left + right]
            display[i : i + 2] = [display[i] + display[i + 1]]
            del source[i + 1]
            joined += 1
            continue
        i += 1
    return joined

"""Canonical lines from the template's anchors, whatever the input's line breaks were.

Crawler text can hold a whole report on one line; PDF text wraps labels and can put every
cell on its own line.  Before the grammar reads the text, this pass

* joins two lines where a template anchor runs across the break (a wrapped label), and
* starts a new line at every anchor that stands inside a line: a section heading anywhere,
  and, inside the table it belongs to, a 第二十条 block title, a header, a row label, and the
  start of table 四's values.

The anchors are the template's own phrases (:mod:`govdisclosure.template.anchors`), folded
as the match text is; which of them start a part, and which are the same words in prose, is
read by the template grammar (``grammars/template.lark``, :mod:`.template_order`).
A text whose anchors already start their lines is returned as it is.
Every line made or joined here is counted in one ``line-breaks-inferred`` diagnostic.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterator

from attrs import evolve, frozen
from lark import Token

from govdisclosure.errors import ParseError
from govdisclosure.model import Diagnostic
from govdisclosure.parse.template_order import part_starts
from govdisclosure.read.fold import match_text
from govdisclosure.read.normalize import NormalizedText
from govdisclosure.template import lexicon as L
from govdisclosure.template.anchors import Anchor, anchors

__all__ = ["segment"]

# A report holds some 50 to 500 of the template's phrases (its own and those its prose
# repeats); far beyond that the text is not one report.
MAX_ANCHORS = 3_000
# Row bodies shorter than this are anchors only with their numbering (「3.其他」, 「（七）总计」).
_SHORT = 4
# How far back and forward of a line break a wrapped anchor is looked for.
_REACH = 24
_SEP = "|\t"


def _trie(words: list[str]) -> str:
    """One regex for a set of words, their common prefixes factored out (fast to search)."""
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        branches = [re.escape(ch) + build(child) for ch, child in node.items() if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return build(tree)


@functools.cache
def _lexicon(
    columns: bool,
) -> tuple[re.Pattern[str], dict[str, tuple[Anchor, ...]]]:
    """The search pattern over the anchors' words, and the anchors each word may begin;
    ``columns``: with the column headers (which only join wrapped headers)."""
    by_word: dict[str, list[Anchor]] = {}
    for anchor in anchors():
        if anchor.kind == "column" and not columns:
            continue
        for word in {anchor.text, *anchor.forms}:
            by_word.setdefault(match_text(word), []).append(anchor)
    return re.compile(_trie(sorted(by_word))), {w: tuple(a) for w, a in by_word.items()}


# A label's numbering just before its words: 「一、」「(三)」「2.」 (one digit: 「00000002.」 in
# glued text is a run of values and the numbering 2).
_NUMBERING = re.compile(
    rf"(?:\(\s*(?P<paren>[{L.SUB_NUMERALS}]{{1,2}})\s*\)"
    rf"|(?P<han>[{L.SECTION_NUMERALS}])\s*[{re.escape(L.NUMBERING_MARKS)}]"
    r"|(?P<digit>\d)\s*[.、．,])\s*$"
)


@frozen
class _Found:
    kind: str
    start: int
    end: int
    text: str


def _style(numbering: str) -> str:
    if numbering.startswith(("(", "（")):
        return "paren"
    return "digit" if numbering[:1].isdigit() else "han"


def _resolve(
    text: str, start: int, end: int, candidates: tuple[Anchor, ...]
) -> _Found | None:
    """Which anchor a found word is, given the numbering before it (None: not an anchor)."""
    before = _NUMBERING.search(text, max(0, start - 6), start)
    if before is not None:
        style = before.lastgroup or ""
        for anchor in candidates:
            if anchor.kind == "heading":
                if style == "digit" or before.group(style) != anchor.numbering[0]:
                    continue
            elif not anchor.numbering or _style(anchor.numbering) != style:
                continue
            if anchor.kind == "heading" and text.startswith("情况", end):
                end += 2
            return _Found(anchor.kind, before.start(), end, text[before.start() : end])
    for anchor in candidates:
        if anchor.kind == "heading" or (anchor.numbering and len(anchor.text) < _SHORT):
            continue  # these need their numbering
        return _Found(anchor.kind, start, end, text[start:end])
    return None


def _found(text: str, columns: bool = False) -> Iterator[_Found]:
    """The anchors in ``text``, in order (``columns``: the column headers too)."""
    pattern, words = _lexicon(columns)
    for m in pattern.finditer(text):
        found = _resolve(text, m.start(), m.end(), words[m.group()])
        if found is not None:
            yield found


_HEADING_KEY = {a.numbering[0]: a.key for a in anchors() if a.kind == "heading"}


def _heading_key(found: _Found) -> str:
    for char in found.text:
        if char in _HEADING_KEY:
            return _HEADING_KEY[char]
    return ""  # pragma: no cover - a heading anchor starts with its numeral


def _terminal(found: _Found) -> str:
    """The token type of ``grammars/template.lark`` that an anchor is."""
    if found.kind == "heading":
        return "HEADING_" + _heading_key(found).upper()
    if found.kind in ("t3_group", "t3_row") and L.SECTION_NUMERALS[0] in found.text:
        return "T3_FIRST"
    return found.kind.upper()


def _tokens(text: str) -> Iterator[Token]:
    """The anchors of ``text`` as the template grammar's tokens; a label that goes on with
    the row the anchor before it began (its span's repeat, a group cell's first row) is
    none."""
    previous: _Found | None = None
    for found in _found(text):
        goes_on = (
            previous is not None and previous.kind == found.kind == "t3_start"
        ) or (found.kind != "heading" and _same_row(text, previous, found))
        if not goes_on:
            end = _title_end(text, found.end) if found.kind == "heading" else found.end
            yield Token(_terminal(found), found.text, found.start, end_pos=end)
        previous = found


# what may follow a heading's words on its line and still be its title: 「、改进情况及其他
# 需要报告的事项」 (sections 五 and 六 under one heading), not a sentence, not numbers
_TITLE_GOES_ON = re.compile(r"[^\n。；;：:,，\d|\t]{1,24}(?=\n|$)")


def _title_end(text: str, end: int) -> int:
    """Where a heading's line ends when the rest of the line is still its title: short, no
    sentence, and naming another section (「…及其他需要报告的事项」; 「 无」 is the section's
    text)."""
    m = _TITLE_GOES_ON.match(text, end)
    if m is None:
        return end
    pattern, words = _lexicon(False)
    names = (a for w in pattern.findall(m.group()) for a in words[w])
    return m.end() if any(a.kind == "heading" for a in names) else end


def _cuts(text: str) -> tuple[list[int], int]:
    """Where new lines start in ``text`` (the whole document joined by newlines), and where
    table 四's header ends (-1 when it has none): the template grammar's reading."""
    tokens = list(itertools.islice(_tokens(text), MAX_ANCHORS + 1))
    if len(tokens) > MAX_ANCHORS:
        raise ParseError(
            f"the text holds more than {MAX_ANCHORS:,} of the template's headings, titles and "
            "row labels: it is not one annual report",
            expected="one annual report (a few hundred template phrases at most)",
            code="too-large",
        )
    parts = part_starts(tokens)
    return list(parts.cuts), parts.header_end


# A value between two labels: a digit or a placeholder of the lexicon.
_A_VALUE = re.compile("|".join([r"\d", *(re.escape(p) for p in L.PLACEHOLDERS)]))


def _is_value(cell: str) -> bool:
    """A cell that is a value: a number (it starts with a digit or a sign) or a placeholder."""
    return cell[0].isdigit() or cell[0] in "+-" or cell in L.PLACEHOLDERS


def _same_row(text: str, previous: _Found | None, found: _Found) -> bool:
    """Whether ``found`` continues the row ``previous`` began: a group cell and its first row
    label, or a label repeated across the cells it spans, with no value and no line between."""
    if previous is None or (previous.kind not in _LABELS and previous.text != found.text):
        return False
    between = text[previous.end : found.start]
    return "\n" not in between and _A_VALUE.search(between) is None


def _t4_values(text: str, cuts: list[int], header_end: int) -> None:
    """Start a line where table 四's values start: the first number after its header."""
    limit = min((c for c in cuts if c > header_end), default=len(text))
    digit = _DIGIT.search(text, header_end, limit)
    if digit is not None:
        cuts.append(digit.start())


# Anchors whose label may go on past the anchor and be wrapped onto the next line.
_LABELS = frozenset({"t2_row", "t3_row", "t3_group"})


_SEPS = r"[|\t]"
_LABEL_MAX = 40  # the longest template label has 37 characters
_JUNCTION = 64  # a line whose last cell is longer than this is prose


def _label_goes_on(last: str, first: str) -> bool:
    """Whether a line's last cell is a row label wrapped onto the next line's first cell."""
    last, first = last.strip(), first.strip()
    if not first or _is_value(first) or len(last) > _LABEL_MAX:
        return False
    found = next(_found(last), None)
    return (
        found is not None
        and found.start == 0
        and found.kind in _LABELS
        and _DIGIT.search(last, found.end) is None  # a label with its values
    )


_DIGIT = re.compile(r"\d")


def segment(norm: NormalizedText) -> NormalizedText:
    """The same text with a line started at every anchor inside a line (see the module)."""
    lines = list(norm.match)
    display = list(norm.display)
    source = list(norm.source_line)
    joined = _join_wrapped(lines, display, source)
    opened = _open_table_three(lines, display)
    text = "\n".join(lines)
    cuts, t4_header_end = _cuts(text)
    if t4_header_end >= 0:
        _t4_values(text, cuts, t4_header_end)
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


_TABLE_THREE_STARTS = tuple(
    match_text(a.text) for a in anchors() if a.kind == "t3_start"
)


def _open_table_three(lines: list[str], display: list[str]) -> int:
    """Give table 三's header a cell edge where it stands alone on a line (cells one per
    line), so that it reads as the table's first row; how many lines were given one."""
    opened = 0
    for i, line in enumerate(lines):
        if not line.startswith(_TABLE_THREE_STARTS) or "|" in line or "\t" in line:
            continue
        if line.rstrip(" ").endswith((")", "）", "情况")):  # whole, not a wrapped piece
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
        last = re.split(_SEPS, left[-_JUNCTION:])[-1]
        if len(last) >= _JUNCTION:  # a paragraph of prose, not a wrapped label or header
            i += 1
            continue
        first = re.split(_SEPS, right[:_JUNCTION])[0]
        tail, head = last[-_REACH:], first[:_REACH]
        found = list(_found(tail + head, columns=True))
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

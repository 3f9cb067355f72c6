"""Text-level encoding damage: UTF-8 read as GBK.

These repairs work on decoded text, line by line, so that every line keeps its place in the
input.  (Decoding bytes is :func:`govdisclosure.read.normalize.decode`, with charset-normalizer;
the GBK byte-phase damage of seed 002 is :mod:`govdisclosure.read.mojibake`.)

**UTF-8 read as GBK** («涓€銆佹€讳綋鎯呭喌» for «一、总体情况»): a UTF-8 file was decoded as GBK
(code page 936) and saved again.  Encoding such a line back to GBK gives the original UTF-8
bytes.  The decision is made for the document as a whole: every line with non-ASCII
characters is encoded back, and the document is repaired when three in five of them come out
as valid UTF-8 (real Chinese text read this way practically never does) *and*
charset-normalizer's mess detector finds the repaired text less messy than the damaged one.
The repair is repeated while it applies (text damaged twice), and the round count with the
least mess wins.

A GBK decoder loses a byte where a character's last byte met an ASCII byte («鎯呭喌?» at the
end of a run); that character becomes U+FFFD.  The first bytes of it are still known, which
narrows it to 64 code points; it is restored only where the same words stand intact elsewhere
in the document, or in the template's own phrases, and leave exactly one candidate (never an
ASCII character or a digit).  The rest stays U+FFFD, and every line with such a loss is named
in a diagnostic.

Literal byte escapes and invisible characters: :mod:`govdisclosure.read.escapes`.
"""

from __future__ import annotations

import functools
import re

from attrs import frozen
from charset_normalizer.md import mess_ratio

from govdisclosure.model import Diagnostic
from govdisclosure.read.fold import half_width
from govdisclosure.read.lines import Lines
from govdisclosure.read.utf8 import incomplete_tail, stray_head

__all__ = ["repair_utf8_as_gbk"]

# ---------------------------------------------------------------------- UTF-8 read as GBK


def _gbk_bytes(ch: str) -> bytes | None:
    """The GBK (code page 936) bytes a decoder turned into ``ch``; None if none can."""
    if ch < "\x80":
        return ch.encode("ascii")
    if ch == "€":
        return b"\x80"  # code page 936 has the euro sign as the single byte 0x80
    try:
        return ch.encode("gbk")
    except UnicodeEncodeError:
        pass
    try:
        data = ch.encode("gb18030")  # user-defined areas: private-use characters
    except UnicodeEncodeError:
        return None
    return data if len(data) == 2 else None


@frozen
class _Unmojibaked:
    text: str
    prefixes: tuple[bytes, ...]  # per U+FFFD made here: the known first bytes of the character


_SLOW = re.compile("[?\ufffd€]")
_PRIVATE = re.compile("[\ue000-\uf8ff]")


def _unmojibake(line: str, again: bool = False) -> _Unmojibaked | None:
    """The line encoded back to GBK and decoded as UTF-8; None: not UTF-8 read as GBK.

    A byte the GBK decoder lost shows as '?' (or U+FFFD) right after an unfinished UTF-8
    sequence; the character it belonged to becomes U+FFFD.  Everything else must decode
    strictly.  ``again``: the line was repaired once already, so a '?' right after a lost
    character is that character's own lost-byte mark from the first damage.
    """
    if not _SLOW.search(line):
        try:  # the common case, at C speed: no lost bytes, no euro sign, no private use
            text = line.encode("gbk").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            if not _PRIVATE.search(line):
                return None
        else:
            return _Unmojibaked(text, ()) if text != line else None
    pieces: list[bytes | None] = []  # None: a gap, one character lost
    buf = bytearray()
    for ch in line:
        if again and ch == "?" and not buf and pieces and pieces[-1] is None:
            continue
        if ch == "\ufffd" or (ch == "?" and incomplete_tail(buf) < len(buf)):
            pieces += [bytes(buf), None]
            buf = bytearray()
            continue
        data = _gbk_bytes(ch)
        if data is None:
            return None
        buf += data
    pieces.append(bytes(buf))
    out: list[str] = []
    prefixes: list[bytes] = []
    for i, piece in enumerate(pieces):
        if piece is None:
            out.append("\ufffd")
            continue
        start = stray_head(piece) if i > 0 else 0
        end = incomplete_tail(piece) if i < len(pieces) - 1 else len(piece)
        end = max(start, end)
        try:
            out.append(piece[start:end].decode("utf-8"))
        except UnicodeDecodeError:
            return None
        if i < len(pieces) - 1:
            prefixes.append(piece[end:])
    text = "".join(out)
    if text == line:
        return None
    return _Unmojibaked(text, tuple(prefixes))


def _non_ascii(line: str) -> int:
    return len(line) - len(line.encode("ascii", "ignore"))


MAX_ROUNDS = 3
MAX_FILLS = 2000


def _rounds(text: list[str]) -> list[tuple[list[str], dict[int, _Unmojibaked]]]:
    """The text after one, two … rounds of repair, while most lines keep repairing."""
    out: list[tuple[list[str], dict[int, _Unmojibaked]]] = []
    current = text
    for round_ in range(MAX_ROUNDS):
        repairs = {
            i: r
            for i, t in enumerate(current)
            if _non_ascii(t) and (r := _unmojibake(t, round_ > 0)) is not None
        }
        # a GBK reading of real Chinese text practically never re-encodes to valid UTF-8
        candidates = sum(1 for t in current if _non_ascii(t) >= 2)
        if not repairs or sum(1 for i in repairs if _non_ascii(current[i]) >= 2) * 5 < (
            candidates * 3
        ):
            break
        current = list(current)
        for i, r in repairs.items():
            current[i] = r.text
        out.append((current, repairs))
    return out


MAX_SAMPLE = 20_000  # characters the mess detector reads (it is pure Python)


def _sample(text: list[str], index: list[int]) -> str:
    return "\n".join(text[i][:MAX_SAMPLE] for i in index[:400])[:MAX_SAMPLE]


def _mess(text: list[str], index: list[int]) -> float:
    """The mess detector's ratio for those lines, U+FFFD left out: a character the GBK reading
    lost is lost in the damaged text and in the repair alike, and is not what decides."""
    return float(mess_ratio(_sample(text, index).replace("\ufffd", ""), 1.0))


MAX_TEXT = 300_000  # characters: several times a long report; beyond, no repair is tried


def repair_utf8_as_gbk(lines: Lines) -> list[Diagnostic]:
    """Repair, in place, a document whose UTF-8 text was decoded as GBK (maybe twice)."""
    if sum(len(t) for t in lines.text) > MAX_TEXT:
        return []
    rounds = _rounds(lines.text)
    if not rounds:
        return []
    touched = sorted(set().union(*(r for _t, r in rounds)))
    best = min(range(len(rounds)), key=lambda k: _mess(rounds[k][0], touched))
    repaired, last = rounds[best]
    if _mess(repaired, touched) >= _mess(lines.text, touched):
        return []
    repaired = list(repaired)
    filled = _fill(repaired, last)
    diags: list[Diagnostic] = []
    lost_total = 0
    for i in touched:
        lost = repaired[i].count("\ufffd") - lines.text[i].count("\ufffd")
        if lost > 0:
            lost_total += lost
            diags.append(
                Diagnostic(
                    "mojibake-utf8",
                    f"UTF-8 read as GBK: {lost} character(s) on this line lost for good "
                    f"(U+FFFD): {lines.text[i][:24]!r} → {repaired[i][:24]!r}",
                    lines.origin[i],
                )
            )
    first = touched[0]
    again = f" ({best + 1} times)" if best else ""
    summary = Diagnostic(
        "mojibake-utf8",
        f"UTF-8 text had been decoded as GBK and saved again{again}; {len(touched)} line(s) "
        f"repaired whole (e.g. {lines.text[first][:12]!r} → {repaired[first][:12]!r})"
        + (f"; {filled} lost character(s) restored from the same words elsewhere" if filled else "")
        + (f"; {lost_total} character(s) lost for good" if lost_total else ""),
        lines.origin[first],
    )
    lines.text[:] = repaired
    return [summary, *diags]


@functools.cache
def _vocabulary() -> tuple[str, str]:
    """Template phrases (headings, labels): simplified, then their Traditional spellings."""
    from govdisclosure import template as T
    from govdisclosure.read.fold import to_traditional_variants

    phrases: list[str] = [f"{h.numeral}、{h.label}" for h in T.HEADINGS]
    for s in T.SPECS.values():
        phrases += [r.label for r in s.request_rows]
        phrases += [r.group for r in s.request_rows if r.group]
        for b in s.proactive:
            phrases += [b.title, *(c.label for c in b.columns), *(r.label for r in b.rows)]
    phrases += [c.label for c in T.REQUEST_COLUMNS + T.APPEAL_COLUMNS + T.APPEAL_GROUPS]
    phrases.append(T.REQUEST_NOTE)
    phrases.append(" ".join(f"{w}{d} " for w in "增减" for d in range(10)))  # 本年增/减 cells
    traditional = [t for p in phrases for t in to_traditional_variants(p)]
    return "\n".join(phrases), "\n".join(traditional)


_PUNCT = "、，,.．:：;；()（）[]【】<>《》\"“”'‘’ 　"


MAX_EVIDENCE = 100_000  # characters of the document searched for the same words


def _candidate(ch: str) -> bool:
    """A lost character was a multi-byte one: never ASCII, U+FFFD or a full-width digit."""
    return ord(ch) > 0x7F and ch != "\ufffd" and not "\uff10" <= ch <= "\uff19"


def _fill(text: list[str], repairs: dict[int, _Unmojibaked]) -> int:
    """Restore a lost character where the same words elsewhere leave one candidate.

    The known first byte(s) of the lost character (when known) narrow it to one Unicode block
    of 64; a candidate must also stand, intact, beside the same two neighbours (both sides,
    then the left, then the right; then skipping one punctuation mark) elsewhere in the
    document or in the template's phrases, or make a whole cell one template phrase.  Only a
    unique candidate is used: anything else stays U+FFFD.  One pass over the evidence
    collects what every gap asks for, so the work is linear.
    """
    gaps: list[tuple[int, int, bytes, list[tuple[str, ...]]]] = []
    for i, r in repairs.items():
        line = text[i]
        if "\ufffd" not in line or not r.prefixes:
            continue
        chars = list(half_width(line))
        positions = [k for k, ch in enumerate(chars) if ch == "\ufffd"]
        if len(positions) != len(r.prefixes):
            continue
        for k, prefix in zip(positions, r.prefixes, strict=True):
            if len(gaps) < MAX_FILLS:
                gaps.append((i, k, prefix, _keys(chars, k, bool(prefix))))
    if not gaps:
        return 0
    wanted = {key for _i, _k, _p, keys in gaps for key in keys}
    sources = [half_width("\n".join(text))[:MAX_EVIDENCE], *map(half_width, _vocabulary())]
    seen = [_collect(source, wanted, cells=n > 0) for n, source in enumerate(sources)]
    filled = 0
    lines = {i: list(text[i]) for i in {g[0] for g in gaps}}
    for i, k, prefix, keys in gaps:
        for key in keys:
            found: set[str] = set()
            for index in seen if key[0] != "cell" else seen[1:]:
                found = {c for c in index.get(key, ()) if c.encode("utf-8").startswith(prefix)}
                if found:
                    break
            if found:
                if len(found) == 1:
                    lines[i][k] = found.pop()
                    filled += 1
                break
    for i, chars in lines.items():
        text[i] = "".join(chars)
    return filled


def _keys(chars: list[str], k: int, known: bool) -> list[tuple[str, ...]]:
    """What the gap at ``k`` asks of the evidence, strongest first."""
    left, left_far = _context(chars, k, -1)
    right, right_far = _context(chars, k, 1)

    def ok(s: str) -> bool:
        return len(s) == 2 and "\ufffd" not in s

    keys: list[tuple[str, ...]] = []
    cell = _cell_around(chars, k)
    if cell is not None:  # a whole cell that is one template phrase: 「规�」 → 「规章」
        keys.append(("cell", *cell))
    if ok(left) and ok(right):
        keys.append(("both", left, right))
    if ok(left):
        keys.append(("after", left))
    if ok(right):
        keys.append(("before", right))
    if ok(left_far):
        keys.append(("after-far", left_far))
    if ok(right_far):
        keys.append(("before-far", right_far))
    if known and right[:1].isdigit():
        keys.append(("digit", right[0]))  # 「增3」「减4」: a sign before a number
    return keys


def _collect(
    source: str, wanted: set[tuple[str, ...]], cells: bool
) -> dict[tuple[str, ...], set[str]]:
    """For every wanted key, the characters that stand in its place in ``source``."""
    out: dict[tuple[str, ...], set[str]] = {}

    def add(key: tuple[str, ...], ch: str) -> None:
        if key in wanted:
            out.setdefault(key, set()).add(ch)

    n = len(source)
    for i, ch in enumerate(source):
        if not _candidate(ch):
            continue
        left, right = source[max(0, i - 2) : i], source[i + 1 : i + 3]
        add(("both", left, right), ch)
        add(("after", left), ch)
        add(("before", right), ch)
        add(("after-far", left), ch)
        add(("before-far", right), ch)
        if i >= 3 and source[i - 1] in _PUNCT:
            add(("after-far", source[i - 3 : i - 1]), ch)
        if i + 3 < n and source[i + 1] in _PUNCT:
            add(("before-far", source[i + 2 : i + 4]), ch)
        if i + 1 < n and source[i + 1].isdigit():
            add(("digit", source[i + 1]), ch)
    if cells:  # the phrases, one a line: every way to leave one character out
        for phrase in source.split("\n"):
            for k, ch in enumerate(phrase):
                if _candidate(ch):
                    add(("cell", phrase[:k], phrase[k + 1 :]), ch)
    return out


def _context(chars: list[str], k: int, step: int) -> tuple[str, str]:
    """(two neighbours of position k on one side, the same after one punctuation mark)."""

    def take(start: int) -> str:
        out: list[str] = []
        j = start
        while 0 <= j < len(chars) and len(out) < 2:
            out.append(chars[j])
            j += step
        return "".join(out if step > 0 else reversed(out))

    near = take(k + step)
    first = k + step
    far = take(first + step) if 0 <= first < len(chars) and chars[first] in _PUNCT else ""
    return near, far


_CELL_EDGE = "|\t<>"


def _cell_around(chars: list[str], k: int) -> tuple[str, str] | None:
    """The text before and after gap ``k`` within its cell (between separators or tags)."""
    start = k
    while start > 0 and chars[start - 1] not in _CELL_EDGE and k - start <= 40:
        start -= 1
    end = k + 1
    while end < len(chars) and chars[end] not in _CELL_EDGE and end - k <= 40:
        end += 1
    before = "".join(chars[start:k]).strip()
    after = "".join(chars[k + 1 : end]).strip()
    if not before + after or "\ufffd" in before + after or len(before + after) > 40:
        return None
    return before, after

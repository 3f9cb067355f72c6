"""Repair of GBK byte-phase mojibake (seed 002).

A GBK page was decoded one byte out of step: every character was built from the second
byte of one source character and the first byte of the next, and pairs that are not valid
GBK were dropped.  The decoder fell back into step at the next ASCII byte.  The result
looks like 「?。ㄒ唬┲鲃庸_政府信息情況」 for 「　（一）主動公開政府信息情況」.

The repair re-encodes the damaged run as GBK, drops the stray first byte and decodes again
(``_shift``).  Where pairs were dropped, one wrong character stands for two or more source
characters (it carries the first byte of the first and the last byte of the last); where the
decoder swallowed an ASCII byte a character is lost.  Those are put back only where a known
template phrase explains them byte for byte (``_fill``); anything else is reported, not
guessed.
"""

from __future__ import annotations

import functools
import re

from attrs import frozen

__all__ = ["Repair", "repair_line"]

LOST = "\ufffd"

# GBK rows that hold symbols, not hanzi: a garbled run is full of them.
_ODD_LEADS = frozenset({0xA2, 0xA4, 0xA5, 0xA6, 0xA7, 0xA8, 0xA9})
_RUN_START = re.compile(r"\?(?=[\u3002\uff01\u3000])")  # 「?。」: half of 「　」 + half of 「（」
_TAG_TAIL = re.compile(r"/?[a-zA-Z]+/?>")


@frozen
class Repair:
    text: str  # the repaired line
    before: str  # the damaged run as it stood
    after: str  # what it became
    lost: int  # characters that could not be recovered (left as U+FFFD)


@functools.lru_cache(maxsize=8192)
def _gbk(ch: str) -> bytes | None:
    try:
        return ch.encode("gbk")
    except UnicodeEncodeError:
        return None


def _valid_pair(a: int, b: int) -> bool:
    try:
        bytes((a, b)).decode("gbk")
    except UnicodeDecodeError:
        return False
    return True


def _oddness(text: str) -> int:
    score = 0
    for ch in text:
        enc = _gbk(ch)
        if enc is not None and len(enc) == 2 and enc[0] in _ODD_LEADS:
            score += 1
    return score


_JUNK_BASE = 0xF0000  # an undecodable pair (a, b) is kept as chr(_JUNK_BASE + a * 256 + b)


def _junk(a: int, b: int) -> str:
    return chr(_JUNK_BASE + a * 256 + b)


def _bytes_of(ch: str) -> bytes | None:
    """GBK bytes of a character, including the undecodable pairs kept by ``_junk``."""
    cp = ord(ch)
    if _JUNK_BASE <= cp < _JUNK_BASE + 0x10000:
        return bytes(divmod(cp - _JUNK_BASE, 256))
    return _gbk(ch)


def _decode_in_step(data: bytes) -> str:
    """Decode GBK pairwise without resynchronising; an invalid pair is kept by ``_junk``."""
    out: list[str] = []
    i = 0
    while i < len(data):
        b = data[i]
        if b < 0x80:
            out.append(chr(b))
            i += 1
        elif i + 1 < len(data):
            try:
                out.append(data[i : i + 2].decode("gbk"))
            except UnicodeDecodeError:
                out.append(_junk(b, data[i + 1]))
            i += 2
        else:
            out.append(LOST)
            i += 1
    return "".join(out)


def _shift(run: str) -> str | None:
    """Undo the byte phase of one damaged run (``run`` starts after the leading '?')."""
    tail_lost = run.endswith("?")
    body = run[:-1] if tail_lost else run
    data = body.encode("gbk", errors="strict")
    data = data[1:]  # second byte of the character lost at the start
    if tail_lost and data and data[-1] >= 0x80:
        data = data[:-1]  # first byte of a character whose second byte was swallowed
        return _decode_in_step(data) + LOST
    return _decode_in_step(data)


@functools.cache
def _vocabulary() -> tuple[tuple[str, str], ...]:
    """(phrase in a source script, its simplified key) for every template phrase."""
    from govdisclosure import template
    from govdisclosure.read.fold import match_text, to_traditional_variants
    from govdisclosure.template import lexicon as L

    phrases: set[str] = set(L.SUBHEADING_PHRASES)
    for h in template.HEADINGS:
        phrases.add(h.label)
    phrases.add(template.REQUEST_NOTE)
    phrases.update(template.REQUEST_GROUPS)
    for s in template.SPECS.values():
        for r in s.request_rows:
            phrases.add(r.label)
            phrases.add(re.sub(r"^\d+\.", "", r.label))
        for b in s.proactive:
            phrases.add(b.title)
            phrases.update(c.label for c in b.columns)
            phrases.update(r.label for r in b.rows)
    phrases.update(c.label for c in template.REQUEST_COLUMNS)
    phrases.update(f"（{n}）" for n in "一二三四五六七八九十")
    out: set[tuple[str, str]] = set()
    for p in phrases:
        for v in (p, *to_traditional_variants(p)):
            out.add((v, match_text(v)))
    return tuple(sorted(out))


@frozen
class _Match:
    length: int  # characters of the text explained
    text: str  # what they become
    exact: int  # characters that matched as themselves, in the same script


def _match_phrase(text: str, key: str, start: int, phrase: str, pkey: str) -> _Match | None:
    """How ``phrase`` explains ``text[start:]``, or None.

    A text character matches a phrase character when their simplified forms agree; a wrong
    character matches a run of two or more phrase characters when it carries the first byte
    of the first and the last byte of the last, and every pair in between is invalid GBK (the
    pairs the damaged decoder dropped); a LOST matches one phrase character.  At least one
    character must match as itself, and at least one must be mended.
    """
    i, j, literal, exact, mended = start, 0, 0, 0, 0
    out: list[str] = []
    while j < len(phrase):
        if i >= len(text):
            return None
        if key[i] == pkey[j]:
            out.append(text[i])
            literal += 1
            exact += text[i] == phrase[j]
            i, j = i + 1, j + 1
            continue
        if text[i] == LOST:
            out.append(phrase[j])
            i, j, mended = i + 1, j + 1, mended + 1
            continue
        enc = _bytes_of(text[i])
        first = _gbk(phrase[j])
        if enc is None or len(enc) != 2 or first is None or len(first) != 2 or first[0] != enc[0]:
            return None
        k, prev = j, first
        while True:
            if k + 1 >= len(phrase):
                return None
            nxt = _gbk(phrase[k + 1])
            if nxt is None or len(nxt) != 2 or _valid_pair(prev[1], nxt[0]):
                return None
            k, prev = k + 1, nxt
            if nxt[1] == enc[1]:
                break
        out.append(phrase[j : k + 1])
        i, j, mended = i + 1, k + 1, mended + 1
    if not literal or not mended:
        return None
    return _Match(i - start, "".join(out), exact)


@functools.cache
def _index() -> tuple[dict[str, list[tuple[str, str]]], dict[int, list[tuple[str, str]]], int]:
    """Phrases by the key of their first character and by its first GBK byte; longest phrase."""
    by_key: dict[str, list[tuple[str, str]]] = {}
    by_lead: dict[int, list[tuple[str, str]]] = {}
    longest = 0
    for phrase, pkey in _vocabulary():
        by_key.setdefault(pkey[0], []).append((phrase, pkey))
        enc = _gbk(phrase[0])
        if enc is not None and len(enc) == 2:
            by_lead.setdefault(enc[0], []).append((phrase, pkey))
        longest = max(longest, len(phrase))
    return by_key, by_lead, longest


def _fill(text: str, damaged: list[tuple[int, int]]) -> str:
    """Mend wrong and lost characters wherever a template phrase explains them.

    Only phrases that overlap a damaged span ``(start, end)`` are tried: a match must mend at
    least one character, and mended characters only stand in damaged spans.
    """
    from govdisclosure.read.fold import match_text

    key = match_text(text)
    if len(key) != len(text):
        return _unjunk(text)
    by_key, by_lead, longest = _index()
    near = bytearray(len(text) + 1)
    for a, b in damaged:
        for i in range(max(0, a - longest), min(len(text), b)):
            near[i] = 1
    out: list[str] = []
    i = 0
    while i < len(text):
        best: _Match | None = None
        if near[i]:
            candidates = list(by_key.get(key[i], ()))
            if text[i] == LOST:
                candidates = [pv for group in by_key.values() for pv in group]
            else:
                enc = _bytes_of(text[i])
                if enc is not None and len(enc) == 2:
                    candidates.extend(by_lead.get(enc[0], ()))
            for phrase, pkey in candidates:
                m = _match_phrase(text, key, i, phrase, pkey)
                if m is not None and (
                    best is None or (m.length, m.exact) > (best.length, best.exact)
                ):
                    best = m
        if best is not None:
            out.append(best.text)
            i += best.length
        else:
            out.append(text[i])
            i += 1
    return _unjunk("".join(out))


def _unjunk(text: str) -> str:
    """Undecodable pairs that no phrase explained are lost characters."""
    return "".join(LOST if _JUNK_BASE <= ord(c) < _JUNK_BASE + 0x10000 else c for c in text)


_MAX_RUNS = 32  # a damaged line has a few runs (one per cell at most); more is not this damage
_MAX_RUN = 80  # characters from the '?' to the ASCII byte that ends the run


def repair_line(line: str) -> Repair | None:
    """Find and repair byte-phase runs in one line; None when the line shows none."""
    pieces: list[str] = []
    damaged: list[tuple[int, int]] = []
    pos = 0
    length = 0
    for m in _RUN_START.finditer(line):
        if m.start() < pos:
            continue
        if len(damaged) >= _MAX_RUNS:
            return None
        end = m.end()
        while end < len(line) and ord(line[end]) >= 0x80 and end - m.start() < _MAX_RUN:
            end += 1
        if end < len(line):
            end += 1  # the ASCII byte that was the second half of the last character
        run = line[m.end() : end]
        if _oddness(run) < 1:
            continue
        try:
            shifted = _shift(run)
        except UnicodeEncodeError:
            continue
        if shifted is None or _oddness(shifted) >= _oddness(run):
            continue
        if run.endswith("?") and _TAG_TAIL.match(line, end):
            shifted += "<"  # the swallowed byte was the '<' of an HTML remnant
        pieces.append(line[pos : m.start()])
        length += m.start() - pos
        damaged.append((length, length + len(shifted)))
        pieces.append(shifted)
        length += len(shifted)
        pos = end
    if not damaged:
        return None
    pieces.append(line[pos:])
    text = _fill("".join(pieces), damaged)
    return Repair(text=text, before=line, after=text, lost=text.count(LOST))

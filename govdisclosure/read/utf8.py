"""Byte-level forms of Unicode text: UTF-8 cut inside a character, UTF-16 without a BOM."""

from __future__ import annotations

__all__ = ["incomplete_tail", "stray_head", "utf8_cut", "utf16_order"]


def incomplete_tail(buf: bytes | bytearray) -> int:
    """Where an incomplete UTF-8 sequence at the end of ``buf`` starts (``len(buf)``: none)."""
    i = len(buf) - 1
    count = 0
    while i >= 0 and 0x80 <= buf[i] <= 0xBF and count < 3:
        i -= 1
        count += 1
    if i < 0:
        return len(buf)
    lead = buf[i]
    need = 2 if 0xC0 <= lead <= 0xDF else 3 if 0xE0 <= lead <= 0xEF else 4 if lead >= 0xF0 else 0
    return i if need > 0 and count + 1 < need else len(buf)


def stray_head(data: bytes) -> int:
    """How many stray continuation bytes start ``data`` (the rest of a lost character)."""
    n = 0
    while n < min(3, len(data)) and 0x80 <= data[n] <= 0xBF:
        n += 1
    return n


def utf8_cut(data: bytes) -> int | None:
    """Where a UTF-8 text cut in the middle of its last character stops being whole.

    None when ``data`` is not UTF-8 cut that way (whole UTF-8, or another encoding).
    """
    end = incomplete_tail(data)
    if end == len(data):
        return None
    try:
        data[:end].decode("utf-8")
    except UnicodeDecodeError:
        return None
    return end


_UTF16_SAMPLE = 65_536


def utf16_order(data: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` for UTF-16 text without a byte order mark.

    A report is full of ASCII (digits, separators, spaces, line breaks): in UTF-16 each is a
    zero byte beside its code, always on the same side.  Text in any 8-bit encoding has
    (almost) no zero bytes.  The guess stands only when the whole input then decodes.
    """
    sample = data[:_UTF16_SAMPLE]
    pairs = len(sample) // 2
    if pairs < 8:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    order = None
    if odd >= pairs // 20 and even * 10 <= odd:
        order = "utf-16-le"
    elif even >= pairs // 20 and odd * 10 <= even:
        order = "utf-16-be"
    if order is None:
        return None
    try:
        data[: len(data) - len(data) % 2].decode(order)
    except UnicodeDecodeError:
        return None
    return order

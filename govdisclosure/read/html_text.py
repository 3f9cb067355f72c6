"""Text inside HTML: white space collapsed as a browser shows it."""

from __future__ import annotations

import re

__all__ = ["collapse"]

_WS = re.compile(r"[ \t\r\n\f\v\u00a0]+")


def _wide(ch: str) -> bool:
    """East Asian wide or full-width (a segment break between two of these is dropped)."""
    o = ord(ch)
    return (
        0x2E80 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0xFE30 <= o <= 0xFE4F
        or 0xFF00 <= o <= 0xFF60
        or 0xFFE0 <= o <= 0xFFE6
        or 0x20000 <= o <= 0x3FFFF
    )


def collapse(text: str) -> str:
    """HTML white-space collapsing; a line break between two CJK characters vanishes.

    Word and CMS exports wrap their source at some 76 columns, often inside a Chinese word
    (「信息公\\n开」); browsers show no gap there (CSS Text 3, segment break transformation).
    """

    def repl(m: re.Match[str]) -> str:
        run = m.group()
        if "\n" in run or "\r" in run:
            before = text[m.start() - 1] if m.start() > 0 else ""
            after = text[m.end()] if m.end() < len(text) else ""
            if before and after and _wide(before) and _wide(after):
                return ""
        return " "

    return _WS.sub(repl, text)

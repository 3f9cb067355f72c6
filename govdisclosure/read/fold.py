"""Folding text for matching: Traditional → Simplified script, full-width → half-width.

Labels and prose are compared in this folded form (``match_text``, ``label_key``); the model's
free text keeps the source's own characters.
"""

from __future__ import annotations

import functools
import re

__all__ = [
    "drop_zero_width",
    "half_width",
    "label_key",
    "match_text",
    "t2s",
    "to_simplified",
    "to_traditional_variants",
]


_HALF = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_HALF[0x3000] = 0x20
_HALF[0x00A0] = 0x20
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


@functools.cache
def _converter(config: str) -> object:
    import opencc

    return opencc.OpenCC(config)


def _convert(config: str, text: str) -> str:
    result: str = _converter(config).convert(text)  # type: ignore[attr-defined]
    return result


def to_simplified(text: str) -> str:
    """Traditional → Simplified (OpenCC ``t2s``), one character for one where possible."""
    out = _convert("t2s", text)
    if len(out) == len(text):
        return out
    # a phrase rule changed the length: fall back to character by character
    return "".join(c if len(s := _convert("t2s", c)) != 1 else s for c in text)


def to_traditional_variants(text: str) -> tuple[str, ...]:
    """The distinct Traditional spellings of a simplified phrase (Mainland, Taiwan, HK)."""
    seen: list[str] = []
    for cfg in ("s2t", "s2tw", "s2hk"):
        t = _convert(cfg, text)
        if t != text and t not in seen and len(t) == len(text):
            seen.append(t)
    return tuple(seen)


# str.translate looks every character up in the table (~80 ns each, ~0.5 ms for a report):
# translate only the runs that need it.
_FULL_WIDTH = re.compile("[\uff01-\uff5e\u3000\u00a0]+")
_ZERO_WIDTH_CHARS = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]+")


def _half_run(m: re.Match[str]) -> str:
    return m.group().translate(_HALF)


def half_width(text: str) -> str:
    """Full-width ASCII (digits, letters, punctuation) and ideographic space → half-width."""
    if _FULL_WIDTH.search(text) is None:
        return text
    return _FULL_WIDTH.sub(_half_run, text)


def match_text(text: str) -> str:
    """The form used for matching: simplified script, half-width; same length as ``text``."""
    return half_width(to_simplified(text))


_KEY_DROP = re.compile(r"[\s\"'“”‘’「」『』《》<>·・:;,.。，：；、()\[\]{}（）【】_*#\-—]+")


@functools.lru_cache(maxsize=16384)
def label_key(text: str) -> str:
    """A label reduced for comparison: simplified, no spaces, no punctuation."""
    return _KEY_DROP.sub("", match_text(text))


def t2s(text: str) -> str:
    """OpenCC ``t2s`` as it is (phrase rules may change the length)."""
    return _convert("t2s", text)


def drop_zero_width(text: str) -> str:
    """The text without zero-width characters and soft hyphens."""
    if _ZERO_WIDTH_CHARS.search(text):
        return text.translate(_ZERO_WIDTH)
    return text

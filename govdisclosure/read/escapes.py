"""Text-level damage that is not an encoding: literal byte escapes, invisible characters.

**Byte escapes**: a crawler that wrote ``str(bytes)`` leaves «\\xe4\\xb8\\x80» in the text;
runs of ``\\xNN`` that form UTF-8 (or GB18030) characters are decoded, and so are ``\\uNNNN``
runs.  A whole file that is one Python bytes literal (``b'...\\n...'``) is unescaped first.

**Invisible characters** (zero-width spaces and joiners, soft hyphens, direction marks, a
byte-order mark inside the text) are removed with a diagnostic.
"""

from __future__ import annotations

import codecs
import re

from govdisclosure.model import Diagnostic
from govdisclosure.read.lines import Lines

__all__ = ["remove_invisible", "repair_escapes"]

# ---------------------------------------------------------------------- escapes

_HEX_RUN = re.compile(r"(?:\\x[0-9a-fA-F]{2})+")
_U_RUN = re.compile(r"(?:\\u[0-9a-fA-F]{4})+")
_BYTES_LITERAL = re.compile(r"^\s*b(['\"])(.*)\1\s*$", re.DOTALL)


def _decode_hex_run(m: re.Match[str]) -> str:
    data = bytes.fromhex(m.group().replace("\\x", ""))
    if data.isascii():
        return m.group()
    for codec in ("utf-8", "gb18030"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return m.group()


def _decode_u_run(m: re.Match[str]) -> str:
    try:
        text: str = codecs.decode(m.group(), "unicode_escape")
    except UnicodeDecodeError:
        return m.group()
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return m.group()
    return text


def _bytes_literal(text: str) -> str | None:
    """The text of a file that holds one Python bytes literal, ``b'...'``; else None."""
    m = _BYTES_LITERAL.match(text)
    if m is None or "\n" in m.group(2).strip() or m.group(2).count("\\x") < 4:
        return None
    try:
        raw, _n = codecs.escape_decode(m.group(2).encode("latin-1", "backslashreplace"))
    except (ValueError, UnicodeEncodeError):
        return None
    assert isinstance(raw, bytes)
    for codec in ("utf-8", "gb18030"):
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    return None


def repair_escapes(lines: Lines) -> tuple[Lines, list[Diagnostic]]:
    """Decode literal ``\\xNN`` / ``\\uNNNN`` escapes (and a whole ``b'...'`` literal)."""
    if len(lines) == 1 or (len(lines) <= 3 and sum(len(t) for t in lines.text) > 200):
        joined = lines.joined()
        whole = _bytes_literal(joined)
        if whole is not None:
            out = Lines()
            for part in whole.replace("\r\n", "\n").split("\n"):
                out.add(part, lines.origin[0])
            return out, [
                Diagnostic(
                    "escapes-decoded",
                    "the input is a Python bytes literal (b'...'): its escapes were decoded "
                    f"into {len(out)} lines",
                    lines.origin[0],
                )
            ]
    diags: list[Diagnostic] = []
    count = 0
    first: int | None = None
    for i, text in enumerate(lines.text):
        if "\\x" not in text and "\\u" not in text:
            continue
        new = _HEX_RUN.sub(_decode_hex_run, text)
        new = _U_RUN.sub(_decode_u_run, new)
        if new != text:
            count += 1
            first = lines.origin[i] if first is None else first
            lines.text[i] = new
    if count:
        diags.append(
            Diagnostic(
                "escapes-decoded",
                f"literal byte escapes (\\xNN, \\uNNNN) decoded on {count} line(s)",
                first,
            )
        )
    return lines, diags


# ---------------------------------------------------------------------- invisible

_INVISIBLE = re.compile(
    "[\u200b\u200c\u200d\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\u180e]"
)


def remove_invisible(lines: Lines) -> list[Diagnostic]:
    """Remove zero-width and other invisible characters, in place."""
    removed = 0
    first: int | None = None
    for i, text in enumerate(lines.text):
        new, n = _INVISIBLE.subn("", text)
        if n:
            removed += n
            first = lines.origin[i] if first is None else first
            lines.text[i] = new
    if not removed:
        return []
    return [
        Diagnostic(
            "invisible-removed",
            f"{removed} invisible character(s) (zero-width space, joiner, soft hyphen, "
            "direction mark) removed",
            first,
        )
    ]

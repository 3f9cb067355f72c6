"""HTML before it is parsed: telling it from text, and decoding its bytes by the charset it
declares (``<meta charset>``), checked against the bytes."""

from __future__ import annotations

import codecs
import re

from govdisclosure.model import Diagnostic

__all__ = ["declared_charsets", "decode_html", "looks_like_html"]

# ---------------------------------------------------------------------- sniffing

_START = re.compile(
    r"^(?:\s|\ufeff)*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:!doctype\s+html|html|head|body|meta|title|table|div|p|h[1-6]|span|font)\b",
    re.IGNORECASE | re.DOTALL,
)
_STRUCTURE = re.compile(r"<(?:html|body|table|tr|td)\b[^>]*>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """An HTML document or fragment (a plain text with stray ``</p>`` remnants is not)."""
    if _START.match(text[:4096]):
        return True
    return len(_STRUCTURE.findall(text[:65536])) >= 3


# ---------------------------------------------------------------------- bytes

_DECLARED = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
# a declared name → the codecs to try, the first being the declared one or its superset
_SUPERSETS = {
    "gb2312": ("gb18030",),
    "gbk": ("gb18030",),
    "x-gbk": ("gb18030",),
    "cp936": ("gb18030",),
    "gb18030": ("gb18030",),
    "big5": ("big5", "cp950", "big5hkscs"),
    "big5-hkscs": ("big5hkscs",),
    "x-x-big5": ("big5", "cp950"),
}


def declared_charsets(data: bytes) -> list[str]:
    """The charsets named by ``<meta charset>`` / ``http-equiv`` tags, in document order."""
    seen: list[str] = []
    for m in _DECLARED.finditer(data):
        name = m.group(1).decode("ascii", "replace").lower()
        if name not in seen:
            seen.append(name)
    return seen


def _codecs_for(name: str) -> tuple[str, ...]:
    if name in _SUPERSETS:
        return _SUPERSETS[name]
    try:
        return (codecs.lookup(name).name,)
    except LookupError:
        return ()


def _is_utf8(name: str) -> bool:
    try:
        return codecs.lookup(name).name == "utf-8"
    except LookupError:
        return False


def decode_html(data: bytes) -> tuple[str, list[Diagnostic]] | None:
    """Decode an HTML page by what it declares; None when no declaration fits the bytes.

    Bytes that are valid UTF-8 are read as UTF-8 whatever a ``<meta>`` says (a GBK page is
    practically never valid UTF-8, while Word exports often keep a stale declaration).
    Otherwise the declarations are tried in document order — the page's own in ``<head>``,
    then a second one inside the body, as pasted Word content carries — and the first that
    decodes the whole page without error is used.
    """
    declared = declared_charsets(data)
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", "replace"), []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        others = [d for d in declared if _codecs_for(d) and not _is_utf8(d)]
        diags = []
        if others and not text.isascii():
            diags.append(
                Diagnostic(
                    "encoding",
                    f"the page declares charset {others[0]!r} but its bytes are UTF-8; "
                    "read as UTF-8",
                )
            )
        return text, diags
    for name in declared:
        for codec in _codecs_for(name):
            if _is_utf8(codec):
                continue
            try:
                text = data.decode(codec)
            except (UnicodeDecodeError, LookupError):
                continue
            first = declared[0]
            how = f"declared {name!r}" + (
                f"; the first declaration {first!r} does not fit the bytes" if name != first else ""
            )
            return text, [
                Diagnostic("encoding", f"input is not UTF-8; decoded as {codec.upper()} ({how})")
            ]
    return None

"""Hypothesis strategies that damage real report texts (for the fuzz tests and benchmark)."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import strategies as st

Mutation = Callable[[list[str]], list[str]]

JUNK = st.text(
    alphabet=st.sampled_from(
        list(
            "|\t 0123456789一二三四五六、()（）第二十条项总计合计行政复议-—/ab"
            "?。ㄒ唬┲鲃\x00\ufeff\u200b#<>"
        )
    ),
    max_size=40,
)


ORDINARY = ("delete", "duplicate", "swap", "cut", "glue", "junk", "shuffle_cells", "char")
# The audit's hostile inputs (issue 11): a lone surrogate, a huge HTML span, deep nesting, a
# long digit run in a cell; and, at the byte level (ENCODINGS), a cut inside a multi-byte
# character and UTF-16 without a byte order mark.
HOSTILE = ("surrogate", "span", "nest", "digits", "cut-char", "utf16-nobom")
_LINE_HOSTILE = ("surrogate", "span", "nest", "digits")
_DIGITS = __import__("re").compile(r"\d+")


@st.composite
def mutation(draw: st.DrawFn, hostile: bool = False) -> Mutation:
    kind = draw(st.sampled_from(ORDINARY + (_LINE_HOSTILE if hostile else ())))
    a = draw(st.integers(min_value=0, max_value=10_000))
    b = draw(st.integers(min_value=0, max_value=10_000))
    junk = draw(JUNK)
    size = draw(st.sampled_from([13, 23, 400, 4_301, 20_000]))

    def apply(lines: list[str]) -> list[str]:
        if not lines:
            return [junk]
        i, j = a % len(lines), b % len(lines)
        out = list(lines)
        if kind == "surrogate":
            line = out[i]
            k = b % (len(line) + 1)
            out[i] = line[:k] + chr(0xD800 + b % 0x800) + line[k:]
        elif kind == "span":
            out.insert(i, f'<table><tr><td colspan="{"9" * size}" rowspan="{"8" * size}">'
                          "1</td></tr></table>")  # fmt: skip
        elif kind == "nest":
            out.insert(i, ("[" if b % 2 else "<div>") * size)
        elif kind == "digits":
            out[i] = _DIGITS.sub("7" * size, out[i], count=1)
        elif kind == "delete":
            del out[i]
        elif kind == "duplicate":
            out.insert(i, out[j])
        elif kind == "swap":
            out[i], out[j] = out[j], out[i]
        elif kind == "cut":
            text = "\n".join(out)
            return text[: a % (len(text) + 1)].split("\n")
        elif kind == "glue":
            out[i] = out[i].replace(" | ", "").replace("\t", "").replace("|", "")
        elif kind == "junk":
            out.insert(i, junk)
        elif kind == "shuffle_cells":
            cells = out[i].split("|")
            cells.reverse()
            out[i] = "|".join(cells)
        else:
            line = out[i]
            k = b % (len(line) + 1)
            out[i] = line[:k] + junk[:3] + line[k + 1 :]
        return out

    return apply


ENCODINGS = st.sampled_from(
    [
        "str",
        "utf-8",
        "gb18030",
        "big5",
        "utf-16",
        "latin-1-mojibake",
        "utf-16-le",  # no byte order mark
        "utf-16-be",
        "utf-8-cut",  # cut inside the last multi-byte character
    ]
)


def damage(text: str, mutations: list[Mutation], encoding: str) -> str | bytes:
    lines = text.split("\n")
    for m in mutations:
        lines = m(lines)
    out = "\n".join(lines)
    if encoding == "str":
        return out
    if encoding == "latin-1-mojibake":
        return out.encode("utf-8", errors="replace").decode("latin-1")
    if encoding == "utf-8-cut":
        data = out.encode("utf-8", errors="replace")
        lead = max((k for k in range(len(data)) if data[k] >= 0xC0), default=None)
        return data if lead is None else data[: lead + 1]
    return out.encode(encoding, errors="replace")

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


@st.composite
def mutation(draw: st.DrawFn) -> Mutation:
    kind = draw(
        st.sampled_from(
            ["delete", "duplicate", "swap", "cut", "glue", "junk", "shuffle_cells", "char"]
        )
    )
    a = draw(st.integers(min_value=0, max_value=10_000))
    b = draw(st.integers(min_value=0, max_value=10_000))
    junk = draw(JUNK)

    def apply(lines: list[str]) -> list[str]:
        if not lines:
            return [junk]
        i, j = a % len(lines), b % len(lines)
        out = list(lines)
        if kind == "delete":
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


ENCODINGS = st.sampled_from(["str", "utf-8", "gb18030", "big5", "utf-16", "latin-1-mojibake"])


def damage(text: str, mutations: list[Mutation], encoding: str) -> str | bytes:
    lines = text.split("\n")
    for m in mutations:
        lines = m(lines)
    out = "\n".join(lines)
    if encoding == "str":
        return out
    if encoding == "latin-1-mojibake":
        return out.encode("utf-8").decode("latin-1")
    return out.encode(encoding, errors="replace")

"""The four line-break variants of issue 10, and the comparison they are judged by.

(a) every line break replaced by one space; (b) every line break removed and the cell
separators of table rows removed (digits glued); (c) every cell on its own line; (d) labels
wrapped at a random point inside the label, as PDF text does.  Used by
``tests/test_linebreaks.py`` and ``benchmarks/linebreaks.py``.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable, Mapping
from decimal import Decimal

from govdisclosure import Report, flatten

_SEP = re.compile(r"[ \t]*[|\t][ \t]*")
# a value cell (number, sign word, unit, placeholder) in either script: never wrapped
_VALUE = re.compile(r"[\d.,+\-增减減万萬元件项項个個条條/\\—－]+|无|無|不适用|不適用")
# codes that name a value the parser could not place (a loss that is reported, not silent)
LOSS_CODES = frozenset(
    {"cells-ambiguous", "row-unplaced", "row-extra", "cell-blank", "unit-unknown", "row-missing"}
)


def _is_row(line: str) -> bool:
    return "|" in line or "\t" in line


def one_space(text: str) -> str:
    """(a) every line break replaced by one space."""
    return re.sub(r"\r\n|\r|\n", " ", text)


def glued(text: str) -> str:
    """(b) no line breaks at all, and no cell separators inside table rows."""
    return "".join(_SEP.sub("", line) if _is_row(line) else line for line in text.splitlines())


def cell_per_line(text: str) -> str:
    """(c) every cell of every table row on its own line (a blank cell is an empty line)."""
    out: list[str] = []
    for line in text.splitlines():
        out.extend(c.strip() for c in _SEP.split(line)) if _is_row(line) else out.append(line)
    return "\n".join(out)


def wrapped(text: str, rng: random.Random) -> str:
    """(d) every label cell of a table row broken by a line break at a random point."""
    out: list[str] = []
    for line in text.splitlines():
        if not _is_row(line):
            out.append(line)
            continue
        cells = []
        for cell in _SEP.split(line):
            core = cell.strip()
            if len(core) > 2 and not _VALUE.fullmatch(unicodedata.normalize("NFKC", core)):
                k = rng.randrange(1, len(core))
                cell = core[:k] + "\n" + core[k:]
            cells.append(cell)
        out.append(" | ".join(cells))
    return "\n".join(out)


VARIANTS: dict[str, Callable[[str, random.Random], str]] = {
    "a": lambda t, _r: one_space(t),
    "b": lambda t, _r: glued(t),
    "c": lambda t, _r: cell_per_line(t),
    "d": wrapped,
}


def numbers(report: Report) -> dict[str, int | Decimal]:
    """The numbers of tables 二, 三 and 四 that are not None."""
    return {
        k: v
        for k, v in flatten(report).items()
        if k.startswith(("proactive.", "requests.", "appeals."))
        and isinstance(v, int | Decimal)
        and not isinstance(v, bool)
    }


def compare(original: Mapping[str, object], again: Report) -> tuple[set[str], set[str]]:
    """(fields with a different number, fields lost) of a variant against the original."""
    got = numbers(again)
    wrong = {k for k, v in got.items() if k in original and original[k] != v}
    wrong |= {k for k in got if k not in original}
    lost = set(original) - set(got)
    return wrong, lost


def loss_is_reported(again: Report) -> bool:
    return any(d.code in LOSS_CODES for d in again.diagnostics)

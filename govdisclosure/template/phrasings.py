"""How report prose states a table quantity (the D-TEXT rule reads section 一 with these).

Each entry is (quantity, pattern): a pattern that finds a number the prose gives for that
quantity (``POSITIVE``), or a clause that says it did not happen, i.e. 0 (``NEGATIVE``).
"""

from __future__ import annotations

import re

__all__ = ["NEGATIVE", "POSITIVE"]

_UNIT = r"[件项个宗起次份]"
_NEG = r"(?:未|没有)(?:发生|产生|出现|收到|接到|受理|引起|引发|涉及|有)"

POSITIVE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("new_received", re.compile(rf"(?<![未没有])(?:收到|受理|接收)\D{{0,20}}?(\d+){_UNIT}")),
    ("carried_over", re.compile(rf"上一?年度?结转\D{{0,10}}?(\d+){_UNIT}")),
    (
        "carried_forward",
        re.compile(rf"(\d+){_UNIT}\D{{0,4}}?结转(?:至|到)?(?:下一?年|20\d\d年)"),
    ),
    (
        "carried_forward",
        re.compile(rf"结转(?:至|到)?(?:下一?年度?|20\d\d年度?)\D{{0,10}}?(\d+){_UNIT}"),
    ),
    ("reconsideration", re.compile(rf"行政复议[^\d]{{0,10}}?(\d+){_UNIT}")),
    ("litigation", re.compile(rf"行政诉讼[^\d]{{0,10}}?(\d+){_UNIT}")),
    (
        "normative_issued",
        re.compile(rf"(?:制发|印发|出台|制定|发)(?:行政)?规范性文件\D{{0,4}}?(\d+){_UNIT}"),
    ),
    (
        "normative_issued",
        re.compile(rf"(?:制发|印发|出台|制定|发)(\d+){_UNIT}(?:行政)?规范性文件"),
    ),
)
# A clause that says the thing did not happen states 0.
NEGATIVE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("new_received", re.compile(rf"{_NEG}\D{{0,20}}?申请")),
    ("reconsideration", re.compile(rf"{_NEG}\D{{0,20}}?行政复议|无行政复议")),
    ("litigation", re.compile(rf"{_NEG}\D{{0,20}}?行政诉讼|无行政诉讼")),
    (
        "normative_issued",
        re.compile(r"(?:未|没有)(?:制发|印发|出台|制定)(?:行政)?规范性文件"),
    ),
)

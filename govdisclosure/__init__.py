"""govdisclosure: read 政府信息公开工作年度报告 into a typed, checked model.

>>> from govdisclosure import parse_report, flatten
>>> report = parse_report(text)            # str or bytes
>>> flatten(report)["requests.new_received.total"]
>>> check(report)                          # the rules the numbers break, () when none
>>> locate(report)                         # which cell is most likely wrong
>>> render(report, "tab")                  # the report as text again
"""

from __future__ import annotations

from ._parser import parse_report, read_report
from .batch import Parsed, parse_many
from .errors import ParseError
from .invariants import Violation, check, check_series
from .locate import locate
from .model import Diagnostic, Report, Script, Template
from .render import render
from .serialize import flatten

__all__ = [
    "Diagnostic",
    "ParseError",
    "Parsed",
    "Report",
    "Script",
    "Template",
    "Violation",
    "check",
    "check_series",
    "flatten",
    "locate",
    "parse_many",
    "parse_report",
    "read_report",
    "render",
]

__version__ = "0.1.0"

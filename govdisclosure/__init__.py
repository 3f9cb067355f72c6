"""govdisclosure: read 政府信息公开工作年度报告 into a typed, checked model.

>>> from govdisclosure import parse_report, flatten
>>> report = parse_report(text)            # str or bytes
>>> flatten(report)["requests.new_received.total"]
"""

from __future__ import annotations

from ._parser import parse_report, read_report
from .errors import ParseError
from .invariants import Violation, check, check_series
from .model import Diagnostic, Report, Script, Template
from .serialize import flatten

__all__ = [
    "Diagnostic",
    "ParseError",
    "Report",
    "Script",
    "Template",
    "Violation",
    "check",
    "check_series",
    "flatten",
    "parse_report",
    "read_report",
]

__version__ = "0.1.0"

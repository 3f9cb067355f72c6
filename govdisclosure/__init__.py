"""govdisclosure: read 政府信息公开工作年度报告 into a typed, checked model.

>>> from govdisclosure import parse_report, flatten
>>> report = parse_report(text)            # str or bytes
>>> flatten(report)["requests.new_received.total"]
>>> check(report)                          # the rules the numbers break, () when none
>>> locate(report)                         # which cell is most likely wrong
>>> render(report, "tab")                  # the report as text again
"""

from __future__ import annotations

from govdisclosure import deprecated as _deprecated
from govdisclosure.api import parse_report, read_report
from govdisclosure.batch import Parsed, parse_many
from govdisclosure.check.corpus import check_corpus
from govdisclosure.check.invariants import Violation, check, check_series
from govdisclosure.check.locate import locate
from govdisclosure.check.rollup import rollup
from govdisclosure.check.similarity import compare
from govdisclosure.check.violations import Violations
from govdisclosure.errors import ParseError
from govdisclosure.model import Diagnostic, Report, Script, Template
from govdisclosure.version import __version__ as __version__
from govdisclosure.write import notebook as _notebook  # registers Report._repr_html_
from govdisclosure.write.render import render
from govdisclosure.write.serialize import flatten

_deprecated.install()
del _notebook

__all__ = [
    "Diagnostic",
    "ParseError",
    "Parsed",
    "Report",
    "Script",
    "Template",
    "Violation",
    "Violations",
    "check",
    "check_corpus",
    "check_series",
    "compare",
    "flatten",
    "locate",
    "parse_many",
    "parse_report",
    "read_report",
    "render",
    "rollup",
]

"""Who published a report, when, and from which bytes: the fields that group and dedupe reports.

- ``organ_key``: the organ's name in the form used for matching (Simplified script, half-width,
  no whitespace or punctuation), so 安寧市人民政府 and 安宁市人民政府 are one key.  From
  ``organ``, else the organ signing under section 六, else the 发布机构 of the metadata table.
- ``credit_code``: the organ's unified social credit code (统一社会信用代码, GB 32100-2015),
  18 characters, from a metadata value (索引号 starts with it), accepted only when its check
  digit is right.
- ``published_on``: the 公开日期 / 发布日期 / 发布时间 of the metadata table.
- ``source_sha256``: sha256 of the input (its bytes; a ``str`` as UTF-8).
"""

from __future__ import annotations

import datetime
import hashlib
import re

import attrs

from govdisclosure.bind.front import organ_of_title, without_label
from govdisclosure.model import OrganSource, Report
from govdisclosure.read.fold import label_key, match_text

__all__ = [
    "credit_code",
    "organ_key",
    "organ_of_metadata",
    "published_on",
    "source_sha256",
    "with_identity",
]

# GB 32100-2015: 18 characters from this alphabet (no I, O, S, V, Z), the last a check digit
_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_CODE = re.compile(r"(?<![0-9A-Z])([0-9A-HJ-NP-RTUWXY]{18})(?![0-9A-Z])")
_CODE_KEYS = ("统一社会信用代码", "信用代码", "索引号", "机构代码")
_ORGAN_KEYS = ("发布机构", "发布机关", "发文机关", "来源", "source")
_TITLE_KEYS = ("标题", "title", "文章标题", "题目")
_DATE_KEYS = ("公开日期", "发布日期", "发布时间", "公开时间", "成文日期", "发文日期", "生成日期")
_DATE = re.compile(r"(20\d\d|19\d\d)\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})")


def organ_key(name: str | None) -> str | None:
    """An organ's name folded for grouping: Simplified, half-width, no spaces or punctuation."""
    if not name:
        return None
    return label_key(name) or None


def valid_credit_code(code: str) -> bool:
    """Whether ``code`` is 18 characters of the code's alphabet with the right check digit."""
    if len(code) != 18 or any(c not in _ALPHABET for c in code):
        return False
    total = sum(_ALPHABET.index(c) * w for c, w in zip(code[:17], _WEIGHTS, strict=True))
    return _ALPHABET[(31 - total % 31) % 31] == code[17]


def _by_key(metadata: tuple[tuple[str, str], ...], keys: tuple[str, ...]) -> list[str]:
    """Metadata values whose key (folded) is one of ``keys``, in the order of ``keys``."""
    folded = [(label_key(k), v) for k, v in metadata]
    return [v for key in keys for k, v in folded if k == key]


def credit_code(metadata: tuple[tuple[str, str], ...]) -> str | None:
    """The first valid unified social credit code among the metadata values (索引号 first)."""
    values = _by_key(metadata, _CODE_KEYS) + [v for _k, v in metadata]
    for value in values:
        for m in _CODE.finditer(match_text(value).upper()):
            if valid_credit_code(m.group(1)):
                return m.group(1)
    return None


def published_on(metadata: tuple[tuple[str, str], ...]) -> datetime.date | None:
    """The publication date of the metadata table (公开日期, 发布日期, 发布时间 …)."""
    for value in _by_key(metadata, _DATE_KEYS):
        m = _DATE.search(match_text(value))
        if m:
            try:
                return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
    return None


def source_sha256(source: str | bytes) -> str:
    """sha256 (hex) of the input: its bytes, or a text's UTF-8 encoding."""
    data = source.encode("utf-8", "surrogatepass") if isinstance(source, str) else bytes(source)
    return hashlib.sha256(data).hexdigest()


def organ_of_metadata(
    metadata: tuple[tuple[str, str], ...],
) -> tuple[str | None, OrganSource | None]:
    """The organ the page or the crawler names: in its title (标题, title), else its 发布机构
    (发布机关, 来源, source); without the labels a crawler writes before values."""
    for title in _by_key(metadata, _TITLE_KEYS):
        organ = organ_of_title(title)
        if organ:
            return organ, OrganSource.METADATA_TITLE
    for value in _by_key(metadata, _ORGAN_KEYS):
        organ = without_label(value, match_text(value))[0].strip()
        if organ:
            return organ, OrganSource.PUBLISHER
    return None, None


def with_identity(report: Report, source: str | bytes) -> Report:
    """The report with ``organ_key``, ``credit_code``, ``published_on`` and ``source_sha256``;
    with the organ of the page's metadata when the text names none (``organ_source`` says
    which)."""
    publisher = next(iter(_by_key(report.metadata, _ORGAN_KEYS)), None)
    if report.organ is None:
        organ, found = organ_of_metadata(report.metadata)
        report = attrs.evolve(report, organ=organ, organ_source=found)
    return attrs.evolve(
        report,
        organ_key=organ_key(report.organ) or organ_key(report.signed_by) or organ_key(publisher),
        credit_code=credit_code(report.metadata),
        published_on=published_on(report.metadata),
        source_sha256=source_sha256(source),
    )

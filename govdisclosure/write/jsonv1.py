"""Reading JSON format version 1: what changed in version 2 and how a v1 value is read.

Version 2 added ``organ_key``, ``credit_code``, ``published_on`` and ``source_sha256`` (absent
from v1 JSON: their defaults, ``None``), and made V2021's one-number rows of table 二 objects:
``"licensing": {"decisions": 3}``, ``"fees": {"amount": "0.5"}`` where v1 wrote the bare
number (``"licensing": 3``, ``"fees": "0.5"``).  Both forms are read.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from cattrs.gen import make_dict_structure_fn
from cattrs.preconf.json import JsonConverter

from govdisclosure.model import Decisions, Fees

__all__ = ["register_v1_hooks"]


def _bare_or_object(conv: JsonConverter, cls: type, name: str, tp: Any) -> Any:
    from_object: Any = make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True)

    def structure(value: Any, t: Any) -> Any:
        if isinstance(value, Mapping):
            return from_object(value, t)
        return cls(**{name: conv.structure(value, tp)})  # format version 1: the bare number

    return structure


def register_v1_hooks(conv: JsonConverter) -> None:
    """Let ``conv`` read V2021's one-number rows from an object (v2) or a bare number (v1)."""
    for cls, name, tp in ((Decisions, "decisions", int | None), (Fees, "amount", Decimal | None)):
        conv.register_structure_hook(cls, _bare_or_object(conv, cls, name, tp))

"""Input forms → the canonical text the grammar reads (plain text and Markdown pass through)."""

from __future__ import annotations

from .model import Diagnostic

__all__ = ["to_canonical_text"]


def to_canonical_text(text: str) -> tuple[str, list[Diagnostic]]:
    """Turn any supported input form into canonical lines; plain text is returned as is."""
    return text, []

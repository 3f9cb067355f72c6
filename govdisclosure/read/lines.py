"""Lines of text, each with the line of the input it comes from (1-based)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from attrs import define, field

__all__ = ["LINE_BREAK", "Lines"]

LINE_BREAK = re.compile(r"\r\n|\r|\n")


@define
class Lines:
    """Canonical lines under construction and, per line, its line in the input."""

    text: list[str] = field(factory=list)
    origin: list[int] = field(factory=list)

    @classmethod
    def of(cls, text: str) -> Lines:
        parts = LINE_BREAK.split(text)
        return cls(parts, list(range(1, len(parts) + 1)))

    def add(self, text: str, origin: int) -> None:
        self.text.append(text)
        self.origin.append(origin)

    def __iter__(self) -> Iterator[tuple[str, int]]:
        return iter(zip(self.text, self.origin, strict=True))

    def __len__(self) -> int:
        return len(self.text)

    def joined(self) -> str:
        return "\n".join(self.text)

    def through(self, inner: Lines) -> Lines:
        """``inner`` was read from ``self.joined()``: map its origins to this one's."""
        last = len(self.origin)
        return Lines(
            list(inner.text),
            [self.origin[min(max(o, 1), last) - 1] if last else o for o in inner.origin],
        )

"""The article as received: one block (title, paragraph or heading) per line, blank lines between."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

SOURCE_NAME = "source.txt"

# In a received text a heading is a line without closing punctuation; every other block
# after the title is a paragraph (numbered p1, p2, ... on the page).
CLOSING = (".", "!", "?", ":", "\u201d", '"', ")", "\u2019", "'")


def is_heading(block: str) -> bool:
    return not block.rstrip().endswith(CLOSING)


@dataclass(frozen=True)
class SourceBlock:
    line: int  # 1-based line in the source file
    text: str  # exactly as received


def read_source(path: Path) -> list[SourceBlock]:
    """The non-blank lines of the received text, with their line numbers."""
    text = path.read_text(encoding="utf-8")
    return [SourceBlock(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]

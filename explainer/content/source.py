"""The article as received: one block (title, paragraph or heading) per line, blank lines between."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core.problems import Problem, display_path, read_utf8

SOURCE_NAME = "source.txt"

# In a received text a heading is a line without closing punctuation; every other block
# after the title is a paragraph (numbered p1, p2, ... on the page).
CLOSING = (".", "!", "?", ":", "\u2026", "\u201d", '"', ")", "\u2019", "'")  # \u2026: an ellipsis


def is_heading(block: str) -> bool:
    return not block.rstrip().endswith(CLOSING)


@dataclass(frozen=True)
class SourceBlock:
    line: int  # 1-based line in the source file
    text: str  # exactly as received


def read_source(path: Path) -> tuple[list[SourceBlock] | None, list[Problem]]:
    """The non-blank lines of the received text, with their line numbers; or None and why
    it cannot be read (not UTF-8, too large)."""
    text, problems = read_utf8(path, display_path(path))
    if text is None:
        return None, problems
    return [SourceBlock(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()], []

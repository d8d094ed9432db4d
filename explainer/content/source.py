"""The article as received: one block (title, paragraph or heading) per line, blank lines between."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..core.problems import Problem, display_path, read_utf8

SOURCE_NAME = "source.txt"

# In a received text a heading is a line without closing punctuation; every other block
# after the title is a paragraph (numbered p1, p2, ... on the page).
CLOSING = (".", "!", "?", ":", "\u2026", "\u201d", '"', ")", "\u2019", "'")  # \u2026: an ellipsis


def is_heading(block: str) -> bool:
    return not block.rstrip().endswith(CLOSING) and byline_author(block) is None


# A byline ends without punctuation, yet is no sub-heading: a paragraph of the text as
# received, which a note may cite. "By Harriet Okonjo, environment correspondent", "By Tom
# Reid and Ana Gil in Lisbon", "By Ruth Abernethy"; not "By The Numbers", "By Land And Sea".
_NAME_WORD = r"(?:[A-Z][a-z\u00e0-\u024f][\w.'\u2019-]*|[A-Z]\.)"
_NAME = rf"{_NAME_WORD}(?:\s+(?:(?:de|da|van|von|der|den|le|la|del|di|bin|al)\s+)*{_NAME_WORD}){{1,3}}"
_BYLINE = re.compile(rf"^By\s+(?P<name>{_NAME})(?:(?:,\s+|\s+and\s+){_NAME})*"
                     r"(?:,\s+[A-Za-z][A-Za-z -]{2,60}|\s+in\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)?$")
_NOT_NAMES = {"The", "A", "An", "And", "Of", "Our", "Its", "Their", "This", "That", "These", "Those", "All", "Any",
              "Every", "Some", "No", "Your", "My", "His", "Her", "For", "To", "In", "On", "At"}


def byline_author(block: str) -> str | None:
    """The first name a byline gives ("Harriet Okonjo"), or None for a block that is none."""
    match = _BYLINE.match(block.strip())
    if match is None or set(re.findall(r"[A-Z][\w.'\u2019-]*", match.group().removeprefix("By"))) & _NOT_NAMES:
        return None
    return match.group("name")


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

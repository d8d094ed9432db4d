"""What the reading rules take for one document, typed, in one key of markdown-it's env."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

READ = "explainer_read"  # where the reading rules find their ReadEnv in markdown-it's env


@dataclass
class ReadEnv:
    """What the reading rules take for one document, and what they found wrong in it."""

    numbered: bool = False  # number its paragraphs (an article's: the notes cite them)
    problems: list[tuple[int, str]] = field(default_factory=list)  # (line, message)


def read_env(env: dict[str, Any]) -> ReadEnv:
    """The document's ReadEnv in markdown-it's env (a default one if it has none)."""
    found = env.get(READ)
    return found if isinstance(found, ReadEnv) else env.setdefault(READ, ReadEnv())

"""Tokens our rules add to a document that are not part of its text (permalinks, note markers).

They carry `meta[ADDED]`, so code reading the text a reader sees (the fidelity check,
sentence extraction) can leave them out.
"""

from __future__ import annotations

from markdown_it.token import Token

ADDED = "explainer_added"


def added(type_: str, tag: str, nesting: int, content: str = "", **attrs: str) -> Token:
    token = Token(type_, tag, nesting, attrs=attrs, content=content)
    token.meta[ADDED] = True
    return token


def join_soft_breaks(children: list[Token]) -> list[Token]:
    """Merge text split only by soft line breaks into one text token ("\\n" kept), so a
    name or quote wrapped across lines in the Markdown is still one piece of text.
    The HTML is the same: a soft break renders as a newline."""
    joined: list[Token] = []
    for child in children:
        previous = joined[-1] if joined else None
        if previous is not None and previous.type == "text" and child.type in ("text", "softbreak"):
            previous.content += child.content if child.type == "text" else "\n"
        else:
            joined.append(child)
    return joined

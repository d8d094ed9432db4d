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

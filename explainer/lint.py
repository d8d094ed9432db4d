"""Text that would not show as the author meant: HTML tags and unsafe links in notes and pages.

The build never lets them through (autoescape, markdown-it's js-default preset and the
link allow-list make them inert text), so this is not what keeps the site safe: it tells
the author, at the line, that a `<b>` or a `javascript:` link will not do what they expect.
`python -m explainer check` (and so `make html`) runs it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .errors import Problem, display_path
from .notes import Note, Site

_HTML = re.compile(r"<\s*/?\s*[A-Za-z][\w-]*(\s[^<>]*)?/?\s*>|<!--")
# A link in Markdown ("](scheme:" or "<scheme:"), or javascript: anywhere (never prose).
_UNSAFE_LINK = re.compile(r"(?:\]\(\s*<?\s*|<\s*)(javascript|vbscript|data|file)\s*:|\b(javascript|vbscript)\s*:",
                          re.IGNORECASE)


def text_problem(text: str) -> str | None:
    html = _HTML.search(text)
    if html:
        return (f"HTML is not allowed ({html.group()[:30]}): it would show as text; "
                "write plain text, with Markdown for emphasis and links")
    link = _UNSAFE_LINK.search(text)
    if link:
        scheme = (link.group(1) or link.group(2)).lower()
        return f"{scheme}: links are not allowed; links may be http(s), mailto or relative"
    return None


def lint_notes(site: Site) -> Iterator[Problem]:
    notes: list[Note] = [*site.entities.values(), *site.terms.values(), *site.events, *site.figures,
                         *site.editors_notes, *site.takeaways]
    for note in notes:
        for loc, text in _strings(note, ()):
            message = text_problem(text)
            if message:
                path, line = note.where(*loc)
                yield Problem(path, line, message)


def _strings(value: Any, loc: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _strings(getattr(value, name), (*loc, name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, (*loc, i))


def lint_page(path: Path, tokens: list[Any]) -> Iterator[Problem]:
    """An authored Markdown page (its tokens as read): front matter values and body text."""
    shown = display_path(path)
    for token in tokens:
        line = token.map[0] + 1 if token.map else 1
        if token.type == "front_matter":
            for n, raw in enumerate(token.content.splitlines(), 2):
                message = text_problem(raw)
                if message:
                    yield Problem(shown, n, message)
        for child in token.children or []:
            message = text_problem(child.content) if child.type == "text" else None
            if message:
                yield Problem(shown, line, message)
                break

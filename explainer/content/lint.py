"""Text that would not show as the author meant: HTML tags and unsafe links in notes and pages,
and images that do not say what they show (no alt text) or load from another host.

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

from ..core.problems import Problem, display_path
from .markdown import parser
from .markdown.links import is_local
from .notes.model import Note, Site

# A tag as HTML (and markdown-it) reads one: "<" straight before its name, so "a < b > c" is text.
_HTML = re.compile(r"</?[A-Za-z][\w-]*(\s[^<>]*)?/?\s*>|<!--")
# A link in Markdown ("](scheme:" or "<scheme:"), or javascript: anywhere (never prose).
_UNSAFE_LINK = re.compile(r"(?:\]\(\s*<?\s*|<\s*)(javascript|vbscript|data|file)\s*:|\b(javascript|vbscript)\s*:",
                          re.IGNORECASE)


NO_ALT = ("an image without alt text: say what it shows, ![what it shows](path), so that a reader who "
          "cannot see it is told")


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
    for note in _notes(site):
        for loc, text in _strings(note, ()):
            message = text_problem(text)
            if message:
                path, line = note.where(*loc)
                yield Problem(path, line, message)


def foreign_images(site: Site) -> Iterator[Problem]:
    """Images from another host in a note's text: the page showing it would load it from
    there (the render refuses it too, but this says which note, at its line). Each text
    that could hold an image is read as the page will read it, by markdown-it."""
    for note in _notes(site):
        for loc, text in _strings(note, ()):
            if "![" not in text and "]:" not in text:
                continue
            images = [child for token in parser().parse(text) for child in token.children or [] if child.type == "image"]
            for image in images:
                path, line = note.where(*loc)
                if not is_local(str(image.attrGet("src"))):
                    yield Problem(path, line, f"image {image.attrGet('src')!r} is on another host: keep images in the "
                                              "site (content/ or theme/static/) so pages load nothing from elsewhere")
                if not image.content.strip():
                    yield Problem(path, line, NO_ALT)


def _notes(site: Site) -> list[Note]:
    return [*site.entities.values(), *site.terms.values(), *site.events, *site.figures, *site.editors_notes,
            *site.takeaways]


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
            if child.type == "image" and not child.content.strip():
                yield Problem(shown, line, NO_ALT)
        for child in token.children or []:
            message = text_problem(child.content) if child.type == "text" else None
            if message:
                yield Problem(shown, line, message)
                break

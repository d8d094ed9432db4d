"""The articles under content/articles/: their ids, titles and numbered paragraphs.

An article is read with the rest of its page (content/document.py, one parse per file):
paragraph ids come from the same markdown-it rule that numbers them on the page, so a
note's `p4` and the page's `id="p4"` cannot disagree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.problems import Problem
from ..core.routes import link, page_url
from ..core.text import fold
from .fidelity import plain_text
from .fields import SLUG_PATTERN
from .revisions import Revision

# An article lives in its own folder beside the text as received:
#   content/articles/<article-id>/article.md  +  source.txt
ARTICLES_DIR = "articles"
ARTICLE_PATH = re.compile(rf"^{ARTICLES_DIR}/(?P<id>{SLUG_PATTERN.strip('^$')})/article\.md$")  # the folder: an id


@dataclass
class Paragraph:
    id: str
    text: str  # as the reader sees it (the received words)
    folded: str = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.folded = fold(self.text)


@dataclass
class Article:
    id: str
    path: Path  # article.md
    title: str
    paragraphs: dict[str, Paragraph]
    # How its blocks differ from source.txt (worked out once, reported by the page's check).
    # When they differ (say, a front matter left open shifts every paragraph), notes are not
    # checked against it: the article's own problem is the one to report.
    differences: list[Problem]
    # What a reader sees of it on its page, in order: the byline's author and publisher, then
    # each heading ("", its text) and paragraph (its id, its text). Where a citation's words
    # are first on the page (render/citations.py).
    shown: list[tuple[str, str]] = field(default_factory=list)
    revisions: list[Revision] = field(default_factory=list)  # the publisher's revisions, oldest first
    author: str = ""  # as its front matter names the author (a byline's name needs no note)

    @property
    def faithful(self) -> bool:
        return not self.differences

    @property
    def url(self) -> str:
        """The article page, from the site's root (its slug is its id)."""
        return page_url(self.id)

    @property
    def source_link(self) -> str:
        """The link to the article page, as the build writes it (routes.SITE_ROOT)."""
        return link(self.url)


def numbered_paragraphs(tokens: Sequence[Any]) -> dict[str, Paragraph]:
    """The paragraphs the paragraph_ids rule numbered, by id, as a reader sees their text."""
    return {
        str(token.attrGet("id")): Paragraph(str(token.attrGet("id")), plain_text(tokens[i + 1].children or []))
        for i, token in enumerate(tokens) if token.type == "paragraph_open" and token.attrGet("id")
    }


def shown_blocks(tokens: Sequence[Any]) -> list[tuple[str, str]]:
    """Each heading ("", its text) and paragraph (its id, its text) as a reader sees them, in order."""
    return [(str(token.attrGet("id") or "") if token.type == "paragraph_open" else "", plain_text(tokens[i + 1].children or []))
            for i, token in enumerate(tokens) if token.type in ("heading_open", "paragraph_open") and not token.hidden]

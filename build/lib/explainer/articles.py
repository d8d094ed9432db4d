"""The articles under content/articles/: their ids, titles and numbered paragraphs.

Paragraph ids come from the same markdown-it rule that numbers them on the page, so a
note's `p4` and the page's `id="p4"` cannot disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .fidelity import plain_text
from .markdown import markdown
from .source import fold
from .yamldata import load_yaml


# An article lives in its own folder beside the text as received:
#   content/articles/<article-id>/article.md  +  source.txt
ARTICLE_PATH = re.compile(r"^articles/(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)/article\.md$")


@dataclass
class Paragraph:
    id: str
    line: int  # in article.md
    text: str  # as the reader sees it (the received words)
    heading: str | None  # the sub-heading it sits under, if any
    folded: str = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.folded = fold(self.text)


@dataclass
class Article:
    id: str
    path: Path  # article.md
    title: str
    paragraphs: dict[str, Paragraph]

    @property
    def source_link(self) -> str:
        """Pelican's link to the article page (resolved per page, relative or absolute)."""
        return f"{{filename}}/articles/{self.id}/article.md"


def load_articles(content: Path) -> dict[str, Article]:
    articles = {}
    for path in sorted(content.glob("articles/*/article.md")):
        relative = path.relative_to(content).as_posix()
        match = ARTICLE_PATH.match(relative)
        if not match:
            continue
        articles[match["id"]] = _read(match["id"], path)
    return articles


def _read(article_id: str, path: Path) -> Article:
    env = {"paragraph_ids": True}
    text = path.read_text(encoding="utf-8")
    tokens = markdown().parse(text, env)
    title = ""
    if tokens and tokens[0].type == "front_matter":
        data, _ = load_yaml(tokens[0].content, str(path))  # problems are the document check's to report
        if isinstance(data, dict):
            title = str(data.get("title", ""))
    paragraphs: dict[str, Paragraph] = {}
    heading = None
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            heading = plain_text(tokens[i + 1].children or [])
        elif token.type == "paragraph_open" and token.attrGet("id"):
            pid = str(token.attrGet("id"))
            line = token.map[0] + 1 if token.map else 0
            paragraphs[pid] = Paragraph(pid, line, plain_text(tokens[i + 1].children or []), heading)
    return Article(article_id, path, title, paragraphs)

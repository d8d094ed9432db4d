"""The articles under content/articles/: their ids, titles and numbered paragraphs.

Paragraph ids come from the same markdown-it rule that numbers them on the page, so a
note's `p4` and the page's `id="p4"` cannot disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import Problem, display_path, read_utf8
from .fidelity import check_body, plain_text
from .markdown import markdown
from .source import SOURCE_NAME, fold, read_source
from .yamldata import load_yaml

if TYPE_CHECKING:
    from .incremental import BuildCache


# Links the build writes start here; each page's renderer turns it into the way up to the
# site's root from that page ("./" or "../"). Cheaper than a Pelican {filename} link, which
# Pelican resolves one by one: about 166,000 of them for 1000 articles.
SITE_ROOT = "@/"


def to_page(html: str, save_as: str) -> str:
    """`html` for the page saved as `save_as`, with its site-root links made relative."""
    base = "../" * save_as.count("/") or "./"
    return html.replace(f'="{SITE_ROOT}', f'="{base}')


# An article lives in its own folder beside the text as received:
#   content/articles/<article-id>/article.md  +  source.txt
ARTICLE_PATH = re.compile(r"^articles/(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)/article\.md$")


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
    # Its tokens and env as parsed here, for its page to take once (see take_parsed).
    parsed: tuple[list[Any], dict[str, Any]] | None = field(default=None, repr=False)
    stamp: str = field(default="", repr=False)  # what it was read from (explainer/incremental.py)

    def take_parsed(self) -> tuple[list[Any], dict[str, Any]] | None:
        """The parse done when the article was loaded, handed over once: its page adds the
        notes' marks and links to these very tokens, so a second page would parse again."""
        parsed, self.parsed = self.parsed, None
        return parsed

    @property
    def faithful(self) -> bool:
        return not self.differences

    @property
    def url(self) -> str:
        """The article page, from the site's root (PAGE_SAVE_AS = "{slug}.html", slug = id)."""
        return f"{self.id}.html"

    @property
    def source_link(self) -> str:
        """The link to the article page (see SITE_ROOT)."""
        return f"{SITE_ROOT}{self.url}"


def load_articles(content: Path, cache: BuildCache | None = None) -> dict[str, Article]:
    """Every article; with a build cache, those whose files did not change as last loaded."""
    articles = {}
    for path in sorted(content.glob("articles/*/article.md")):
        match = ARTICLE_PATH.match(path.relative_to(content).as_posix())
        if match:
            stamp, article = cache.article(path) if cache is not None else (None, None)
            if article is None:
                article = _read(match["id"], path)
                article.stamp = stamp if stamp and article.faithful else ""
            articles[match["id"]] = article
    return articles


def _read(article_id: str, path: Path) -> Article:
    text, _ = read_utf8(path, str(path))  # problems with the file are the document check's to report
    if text is None:
        return Article(article_id, path, "", {}, [Problem(display_path(path), 1, "not readable")])
    env: dict[str, Any] = {"paragraph_ids": True}
    tokens = markdown().parse(text, env)
    # Line 2, as the page's own check reads it: parsed once (load_yaml remembers).
    front, _ = load_yaml(tokens[0].content, display_path(path), first_line=2) if tokens and tokens[0].type == "front_matter" else (None, [])
    title = str(front.get("title", "")) if isinstance(front, dict) else ""
    paragraphs = {
        str(token.attrGet("id")): Paragraph(str(token.attrGet("id")), plain_text(tokens[i + 1].children or []))
        for i, token in enumerate(tokens) if token.type == "paragraph_open" and token.attrGet("id")
    }
    source = path.parent / SOURCE_NAME
    if not (tokens and tokens[0].type == "front_matter" and source.is_file()):
        differences = [Problem(display_path(path), 1, "front matter or source.txt missing")]
    else:
        differences = check_body(tokens, read_source(source), display_path(path), source)
    return Article(article_id, path, title, paragraphs, differences, parsed=(tokens, env))

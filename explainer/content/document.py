"""An authored Markdown page, read and checked once: `load_document`.

Loading parses the file without the notes: its front matter is checked against its page
type's schema, an article against the text as received (source.txt beside it), and its
paragraphs are numbered for the notes to cite. What the notes add to those very tokens is
the render layer's (explainer/render/authored.py). The same loader serves `make check`,
the build and Pelican's reader, so the check an author runs and the build agree.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from markdown_it.token import Token

from ..core.problems import Problem, display_path, read_utf8
from ..core.routes import page_url
from ..core.text import slug
from .articles import ARTICLE_PATH, Article, numbered_paragraphs, shown_blocks
from .fidelity import check_body, check_title
from .frontmatter import ArticleMeta, PageMeta
from .lint import lint_page
from .markdown import parse, read_env
from .markdown.links import page_links
from .revisions import Revision, read_revisions
from .source import SOURCE_NAME, SourceBlock, read_source
from .yamldata import line_of, load_yaml, validate

MARKDOWN_EXTENSIONS = ("md", "markdown")  # the files our reader reads (build/pelican_plugin.py)


def content_documents(content_root: Path) -> list[Path]:
    """Every Markdown page under the content folder, in a stable order (a link to a file that
    is not there too: it is reported, where Pelican would stop at it)."""
    return sorted(p for extension in MARKDOWN_EXTENSIONS for p in content_root.rglob(f"*.{extension}")
                  if p.is_file() or p.is_symlink() and not p.exists())


def article_id(path: Path, content_root: Path) -> str | None:
    """The article a page is (its folder under content/articles/), or None for any other page."""
    match = ARTICLE_PATH.match(Path(os.path.relpath(path, content_root)).as_posix())
    return match["id"] if match else None


@dataclass
class Document:
    """One authored page as read and checked: nothing of the notes is in it yet."""

    path: Path
    problems: list[Problem] = field(default_factory=list)  # what keeps it from being built
    lint: list[Problem] = field(default_factory=list)  # text that would not show as meant (lint.py)
    metadata: dict[str, Any] | None = None  # checked front matter and slug (None: cannot be built)
    output: str = ""  # the file it becomes inside the output folder
    output_line: int = 0
    article: Article | None = None  # an article's paragraphs and title, for the notes
    page_links: list[tuple[int, str]] = field(default_factory=list)  # (line, path) of its {filename} links
    # The parse, for the render to add the notes to. None when the document came from the
    # build cache (build/incremental.py): it is read again if it must be rendered.
    parsed: tuple[list[Token], dict[str, Any]] | None = field(default=None, repr=False)

    @property
    def template(self) -> str:
        return str((self.metadata or {}).get("template", ""))

    def without_parse(self) -> Document:
        """What a cache keeps: the checked page, without its tokens."""
        return replace(self, parsed=None)


def load_document(path: Path, content_root: Path) -> Document:
    """Read and check one page (a pure function of the file, and of source.txt and
    revisions.yaml beside an article): parse it, check an article against the text as received, look for text that
    would not show as meant and for its links to other pages, then check its front matter
    and give it its file."""
    shown = display_path(path)
    doc = Document(path)
    article = article_id(path, content_root)
    text, doc.problems = read_utf8(path, shown)
    if text is None:
        if article:
            doc.article = Article(article, path, "", {}, [Problem(shown, 1, "not readable")])
        return doc
    tokens, env = parse(text, numbered=bool(article))
    doc.parsed = (tokens, env)
    front, data, front_problems = _front_matter(tokens, shown)
    source, unreadable = _received(path) if article else (None, [])
    if article:
        revisions, revision_problems = read_revisions(path.parent)
        doc.article = _article(article, path, tokens, data, source, front is not None, revisions)
        doc.problems += revision_problems  # the record's own: the text may still be as received
    doc.lint = list(lint_page(path, tokens))
    doc.page_links = page_links(tokens)
    if front is None:
        hint = ("front matter is not closed: add a line with --- after it" if text.startswith("---")
                else "no front matter: start the file with a --- line, the fields (title: ...), and ---")
        doc.problems.append(Problem(shown, 1, hint))
        return doc
    meta = None
    if not front_problems:
        meta, front_problems = validate(ArticleMeta if article else PageMeta, data, shown, first_line=2)
    doc.problems += front_problems
    if doc.article is not None:  # checked even when the front matter has problems: one run reports everything
        title = meta.title if meta else data.get("title") if isinstance(data, dict) else None
        doc.problems += unreadable or _as_received(doc.article, title, source, shown, path)
    if meta is not None:
        _route(doc, meta.model_dump(exclude_none=True), data, article, shown)
        doc.problems += [Problem(shown, line, message) for line, message in read_env(env).problems]
    return doc


def _front_matter(tokens: list[Token], shown: str) -> tuple[Token | None, Any, list[Problem]]:
    """The front matter's token (None if the page has none), its YAML, and what is wrong with it."""
    if not tokens or tokens[0].type != "front_matter":
        return None, None, []
    data, problems = load_yaml(tokens[0].content, shown, first_line=2)
    return tokens[0], data, problems


def _received(path: Path) -> tuple[list[SourceBlock] | None, list[Problem]]:
    """The text as received beside an article (None if it has none, or it cannot be read:
    then why); read once."""
    source = path.parent / SOURCE_NAME
    return read_source(source) if source.is_file() or source.is_symlink() else (None, [])  # a dangling link: said


def _article(article: str, path: Path, tokens: list[Token], data: Any, source: list[SourceBlock] | None,
             has_front: bool, revisions: list[Revision]) -> Article:
    """The article's paragraphs and title, and how its blocks differ from the received text."""
    shown = display_path(path)
    title = str(data.get("title", "")) if isinstance(data, dict) else ""
    if not has_front or source is None:
        differences = [Problem(shown, 1, "front matter or source.txt missing")]
    else:
        differences = check_body(tokens, source, shown, path.parent / SOURCE_NAME)
    byline = [str(data.get(key) or "") for key in ("author", "publisher")] if isinstance(data, dict) else []
    return Article(article, path, title, numbered_paragraphs(tokens), differences,
                   shown=[("", text) for text in byline if text] + shown_blocks(tokens), revisions=revisions,
                   author=byline[0] if byline else "")


def _as_received(article: Article, title: Any, source: list[SourceBlock] | None, shown: str, path: Path) -> list[Problem]:
    """An article's title and blocks against the text as received."""
    if source is None:
        return [Problem(shown, 1, f"no {SOURCE_NAME} beside the article: keep the text as received there")]
    return check_title(title, source, shown, path.parent / SOURCE_NAME) + article.differences


def _route(doc: Document, metadata: dict[str, Any], data: Any, article: str | None, shown: str) -> None:
    """The page's slug and the file it becomes: an article's is its id; another page's is
    its slug, or one made from its title."""
    if article:
        metadata["slug"] = article
    elif "slug" not in metadata:
        # Pelican would name the file after the title; a title of only punctuation gives ".html".
        metadata["slug"] = slug(metadata["title"])
        if not metadata["slug"]:
            doc.problems.append(Problem(shown, line_of(data, ("title",), 2),
                                        f"the title {metadata['title']!r} has no letters or digits to name the "
                                        "page's file after: add a slug (slug: about-this-site)"))
            return
    doc.metadata = metadata
    doc.output = page_url(metadata["slug"])
    doc.output_line = line_of(data, ("slug",) if "slug" in data else ("title",), 2)

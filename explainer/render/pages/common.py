"""What every page module shares: the page record and small Markdown-writing helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from markupsafe import escape as markup_escape

from ...content.articles import Paragraph
from ...content.notes import Cited, Site, Source
from ...core.text import long_date
from ...core.text_fragments import collapse
from ...core.routes import NoteKey
from ..drafts import draft_markdown, drafted_markdown
from ..index import Mention, SiteIndex
from ..markdown.autolink import SOURCE_WORDS
from ..markdown.citations import paragraph_label

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!~])")


@dataclass
class GeneratedPage:
    source: str  # virtual source path inside content/, e.g. "_generated/glossary.md"
    save_as: str  # output file, e.g. "glossary.html"
    title: str
    summary: str
    template: str
    markdown: str
    self_key: NoteKey | None = None  # the note this page is about: never linked to itself
    metadata: dict[str, Any] = field(default_factory=dict)
    # HTML built (and escaped) here for long lists of the article's own sentences, placed
    # with `::: visual NAME`: rendering thousands of quoted sentences as Markdown was most
    # of a large site's build time.
    blocks: dict[str, str] = field(default_factory=dict)


def escape(text: str) -> str:
    """Literal text (the article's words) inside generated Markdown."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def cite(index: SiteIndex, source: Source) -> str:
    """`[¶ 4](...#p4:~:text=... "Paragraph 4 of ...")`: a link to the paragraph a statement
    rests on that lands on the quoted words (render/citations.py), its title what a screen
    reader says of it (which article's, where there are several; a tooltip says so too)."""
    return _pilcrow(*index.citations.of(source), index.citations.spoken_for(source))


def cite_html(index: SiteIndex, mention: Mention, words: str, tooltip: bool) -> str:
    """A mention's citation link as HTML, for a page's long lists (GeneratedPage.blocks), as
    a citation written in Markdown comes out (render/markdown/citations.py): a link to the
    paragraph landing on `words`, its spoken name which article's paragraph it is, and, with
    `tooltip`, a title saying so to a pointer too."""
    n = mention.paragraph.id.removeprefix("p")
    href = index.citations.link(mention.article, mention.paragraph, words)
    spoken = index.citations.spoken(mention.article, mention.paragraph)
    title = f' title="{markup_escape(spoken)}"' if tooltip and spoken else ""
    return (f'<a href="{markup_escape(href)}"{title} class="cite" '
            f'aria-label="{markup_escape(spoken or paragraph_label(n))}">\u00b6 {n}</a>')


def _pilcrow(paragraph: Paragraph, href: str, spoken: str | None) -> str:
    """With several articles, the link's title names the article (render/markdown/citations.py
    makes it the spoken name; a pointer shows it); with one, no title."""
    n = paragraph.id.removeprefix("p")
    if spoken is None:
        return f"[\u00b6 {n}]({href})"
    title = spoken.replace("\\", "\\\\").replace('"', '\\"')
    return f'[\u00b6 {n}]({href} "{title}")'



def from_article(site: Site, source: Source) -> str:
    """With several articles, which one an item comes from (nothing when there is one)."""
    if not site.several_articles:
        return ""
    article, _ = site.resolve(source.paragraph)
    return f"From [{escape(article.title)}]({article.source_link})"


def inline(text: str | None, drafted: bool = False) -> str:
    """A note's text on one line: it stays inline Markdown (emphasis, links) and cannot
    start a block of its own (a heading, a `:::` block, an attribute line). A text not
    written yet (a `TODO` placeholder) is never shown as the note's words: a "Draft" badge
    and what it asks for instead (render/drafts.py; make publish refuses it). A text the
    draft wrote that no author has reviewed (`drafted`) is shown after a "Drafted, not
    reviewed" badge."""
    placeholder = draft_markdown(text or "", escape)
    if placeholder is not None:
        return placeholder
    words = " ".join((text or "").split())
    return drafted_markdown(words) if drafted and words else words


def quoted(text: str) -> str:
    return f"\u201c{escape(text)}\u201d"


def background_from(site: Site, cited: Cited | None) -> str:
    """Where a background statement comes from: "from [Title](url) (Publisher), retrieved
    4 December 2026, which says “...”" when it cites a stored source (content/stored.py): the
    quote shows what the source supports, and the rest of the statement is visibly the site's;
    else "in this site’s own words" (make todo lists those)."""
    stored = site.stored.get(cited.source) if cited else None
    if stored is None or cited is None:
        return "in this site\u2019s own words"
    by = f" ({escape(stored.publisher)})" if stored.publisher and stored.publisher not in stored.title else ""
    return (f"from [{escape(stored.title)}]({stored.url}){by}, retrieved {long_date(stored.retrieved)}, "
            f"which says [{quoted(collapse(cited.quote))}]{{.{SOURCE_WORDS}}}")

"""Each cited quote's link: its article page, its paragraph's id, and a text fragment that
makes the browser scroll to and highlight the quoted words themselves (core/text_fragments.py).

The directive is chosen against the article page's text as a reader's browser sees it: the
site's name in its header, the title, the byline, the headings, and the paragraphs, each
ending with its ¶ link's words ("¶Paragraph 4"). Worked out once per quote."""

from __future__ import annotations

from collections.abc import Sequence

from ..content.articles import Article, Paragraph
from ..content.markdown.paragraph_ids import PILCROW, permalink_label
from ..content.notes import Site, Source
from ..core.routes import link
from ..core.text_fragments import Terms, collapse, directive, find_quote, text_directive
from .markdown.citations import paragraph_label


class Citations:
    def __init__(self, site: Site, header: Sequence[str] = ()):
        self._site = site
        self._header = [text for text in header if text]  # what every page shows first
        self._pages: dict[str, tuple[list[str], list[str], dict[str, int]]] = {}
        self._chosen: dict[tuple[str, str, str], Terms | None] = {}  # each quote's directive
        self._made: dict[tuple[str, str, str, bool], str] = {}  # and each link's fragment, encoded

    def fragment(self, article: Article, paragraph: Paragraph, quote: str, for_script: bool = False) -> str:
        """`p4:~:text=...`: the paragraph's id and the directive to the quote in it (the id
        alone if the quote cannot be found or told apart there). `for_script`: encoded for
        an attribute a script makes a link of (core/text_fragments.encode)."""
        made = (article.id, paragraph.id, quote, for_script)
        if made not in self._made:
            terms = self._terms(article, paragraph, quote)
            self._made[made] = f"{paragraph.id}:~:{directive(terms, for_script)}" if terms else paragraph.id
        return self._made[made]

    def link(self, article: Article, paragraph: Paragraph, words: str) -> str:
        """The article page's link to `words` in the paragraph (routes.link: from the site's root)."""
        return link(article.url, self.fragment(article, paragraph, words))

    def of(self, source: Source) -> tuple[Paragraph, str]:
        """A source's paragraph and the link to its quote."""
        article, paragraph = self._site.resolve(source.paragraph)
        return paragraph, self.link(article, paragraph, source.quote)

    def spoken(self, article: Article, paragraph: Paragraph) -> str | None:
        """Where the site has several articles, what a screen reader says of a "¶ 4" link to
        `paragraph`, naming its article; None with one (the citation rule's own words then)."""
        if not self._site.several_articles:
            return None
        return paragraph_label(paragraph.id.removeprefix("p"), article.title)

    def spoken_for(self, source: Source) -> str | None:
        return self.spoken(*self._site.resolve(source.paragraph))

    def _terms(self, article: Article, paragraph: Paragraph, quote: str) -> Terms | None:
        chosen = (article.id, paragraph.id, quote)
        if chosen not in self._chosen:
            blocks, folded, numbers = self._page(article)
            block = numbers[paragraph.id]
            found = find_quote(quote, blocks[block])
            self._chosen[chosen] = found and text_directive(blocks, block, *found, folded=folded)
        return self._chosen[chosen]

    def _page(self, article: Article) -> tuple[list[str], list[str], dict[str, int]]:
        """The page's text as blocks, lower-cased too, and each paragraph's block: what its
        header shows (the site's name), the title, the byline, the headings and paragraphs."""
        if article.id not in self._pages:
            shown = article.shown or [(p.id, p.text) for p in article.paragraphs.values()]
            blocks = [*map(collapse, self._header), collapse(article.title)]
            numbers = {}
            for pid, text in shown:
                if pid:
                    numbers[pid] = len(blocks)
                    text += PILCROW + permalink_label(pid.removeprefix("p"))  # its ¶ link (no space before it)
                blocks.append(collapse(text))
            self._pages[article.id] = (blocks, [b.lower() for b in blocks], numbers)
        return self._pages[article.id]

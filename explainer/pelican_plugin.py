"""Pelican plugin: markdown-it-py reads every Markdown page, and the notes become pages.

Receivers are connected at module level (Pelican's signals hold weak references).
Content problems are raised as one ContentError listing every `path:line: message`;
`python -m explainer build` runs the same checks before Pelican starts, so authors
see them as plain lines.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.utils import SafeDatetime
from pelican.contents import Page
from pelican.readers import BaseReader

from .cards import cards_html
from .document import MARKDOWN_EXTENSIONS, content_documents
from . import session
from .errors import ContentError
from .linking import SiteLinks
from .notes import Site
from .publishing import draw_share_image, site_updated, write_notes_json
from . import search
from .structured_data import script_tags


def notes_for(content: str) -> tuple[Site, SiteLinks]:
    """The checked notes and their links, worked out once per build (see session.py)."""
    site, problems, links = session.notes(Path(content))
    if problems or links is None:
        raise ContentError(problems)
    return site, links


class MarkdownItReader(BaseReader):
    enabled = True
    file_extensions = list(MARKDOWN_EXTENSIONS)

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        content = Path(self.settings["PATH"])
        site, links = notes_for(str(content))
        doc = session.document(Path(source_path), content)
        if doc.problems:
            raise ContentError(doc.problems)
        metadata = {key: self.process_metadata(key, value) for key, value in doc.metadata.items()}
        metadata["modified"] = _updated(self.settings)
        return doc.html + cards_html(site, links, doc.notes_shown), metadata


def add_reader(readers: Any) -> None:
    for extension in MarkdownItReader.file_extensions:
        readers.reader_classes[extension] = MarkdownItReader


def keep_reader_cache_true(generator: Any) -> None:
    """Pelican's reader cache (on in pelicanconf.py) keeps a page's HTML for as long as its
    file is unchanged, but an article's HTML also shows the notes. Before anything is read,
    forget every cached page that differs from what our reader gives now (from the build's
    own cache, explainer/incremental.py, when nothing it shows changed)."""
    readers = generator.readers
    for path in content_documents(Path(generator.settings["PATH"])):
        key = os.path.abspath(path)
        cached = readers.get_cached_data(key, (None, None))
        if cached[0] is not None:
            try:
                stale = cached != readers.readers["md"].read(key)
            except ContentError:
                stale = True  # read it again: Pelican reports the problems
            if stale:
                readers.cache_data(key, (None, None))


def add_note_pages(generator: Any) -> None:
    """Render the pages made from the notes and hand them to Pelican like any other page."""
    content = Path(generator.settings["PATH"])
    site, _ = notes_for(str(content))
    for page, html, problems in session.generated(content):
        if problems:
            raise ContentError(problems)
        metadata = {
            "title": page.title, "summary": page.summary, "template": page.template,
            "save_as": page.save_as, "url": page.save_as, "slug": Path(page.save_as).stem,
            "modified": _updated(generator.settings), **page.metadata,
        }
        pelican_page = Page(html, metadata=metadata, settings=generator.settings,
                            source_path=str(content / page.source), context=generator.context)
        generator.pages.append(pelican_page)
        generator.add_source_path(pelican_page)
    generator.context["MENU"] = _menu(generator.pages)


def _menu(pages: list[Any]) -> list[tuple[str, Any]]:
    """The site menu, worked out once rather than by every page's template: the article (or,
    with several, the page listing them), then the pages the notes make, in their order."""
    articles = [p for p in pages if p.template == "article"]
    menu = [("The article", articles[0])] if len(articles) == 1 else []
    return menu + [(p.menu_label, p) for p in sorted((p for p in pages if hasattr(p, "menu")), key=lambda p: p.menu)]


def _updated(settings: dict[str, Any]) -> SafeDatetime:
    """When the site last changed: the sitemap's lastmod (never the article's date)."""
    return SafeDatetime.fromisoformat(settings["EXPLAINER_UPDATED"])


def start(pelican: Any) -> None:
    """Before anything is read: the date the site last changed, and the search index (the
    build started it already, as soon as the notes were checked; plain `pelican` starts it
    here), which is built while Pelican works."""
    pelican.settings["EXPLAINER_UPDATED"] = site_updated(pelican.settings["PATH"]).isoformat()
    content = Path(pelican.settings["PATH"])
    search.start_index(content, pelican.output_path)


def add_filters(generator: Any) -> None:
    """`{{ page|structured_data(SITEURL) }}`: the page's schema.org JSON-LD."""
    site, links = notes_for(str(Path(generator.settings["PATH"])))
    generator.env.filters["structured_data"] = lambda page, siteurl: script_tags(page, site, links, siteurl)


def finish(pelican: Any) -> None:
    """After every page is written: the search index, the open data and the share image."""
    output = Path(pelican.output_path)
    site, _ = notes_for(str(Path(pelican.settings["PATH"])))
    write_notes_json(site, output)
    title = site.summary.text if site.summary else pelican.settings["SITENAME"]
    draw_share_image(pelican.settings["SITENAME"], title, "The article, who's who, glossary, timeline and key figures",
                     output)
    try:
        search.finish_index(pelican.output_path)
    except search.SearchFailed as failure:  # a tool's failure, not Pelican's: no traceback
        print(f"explainer: {failure}", file=sys.stderr)
        raise SystemExit(1) from None


def register() -> None:
    signals.initialized.connect(start)
    signals.readers_init.connect(add_reader)
    signals.page_generator_init.connect(keep_reader_cache_true)
    signals.generator_init.connect(add_filters)
    signals.page_generator_finalized.connect(add_note_pages)
    signals.finalized.connect(finish)

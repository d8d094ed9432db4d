"""Pelican plugin: markdown-it-py reads every Markdown page, and the notes become pages.

Receivers are connected at module level (Pelican's signals hold weak references).
Content problems are raised as one ContentError listing every `path:line: message`;
`python -m explainer build` runs the same checks before Pelican starts, so authors
see them as plain lines.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.utils import SafeDatetime
from pelican.contents import Page
from pelican.readers import BaseReader

from .cards import cards_html
from .document import read_document
from .errors import ContentError
from .linking import SiteLinks, build_links
from .notes import Site, load_site
from .pages import render_all, to_html
from .publishing import draw_share_image, site_updated, write_notes_json
from .search import build_index, records
from .structured_data import script_tags


@cache
def notes_for(content: str) -> tuple[Site, SiteLinks]:
    """The checked notes and the linker, once per build (a build is one process)."""
    site, problems = load_site(Path(content))
    if problems:
        raise ContentError(problems)
    return site, build_links(site)


class MarkdownItReader(BaseReader):
    enabled = True
    file_extensions = ["md", "markdown"]

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        content = Path(self.settings["PATH"])
        site, links = notes_for(str(content))
        doc = read_document(Path(source_path), content, links=links, site=site)
        if doc.problems:
            raise ContentError(doc.problems)
        metadata = {key: self.process_metadata(key, value) for key, value in doc.metadata.items()}
        metadata["modified"] = _updated(self.settings)
        return doc.html + cards_html(site, doc.notes_shown), metadata


def add_reader(readers: Any) -> None:
    for extension in MarkdownItReader.file_extensions:
        readers.reader_classes[extension] = MarkdownItReader


def add_note_pages(generator: Any) -> None:
    """Render the pages made from the notes and hand them to Pelican like any other page."""
    content = Path(generator.settings["PATH"])
    site, links = notes_for(str(content))
    for page in render_all(site, links):
        html, problems = to_html(page, site, links)
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


def _updated(settings: dict[str, Any]) -> SafeDatetime:
    """When the site last changed: the sitemap's lastmod (never the article's date)."""
    return SafeDatetime.fromisoformat(settings["EXPLAINER_UPDATED"])


def set_updated(pelican: Any) -> None:
    pelican.settings["EXPLAINER_UPDATED"] = site_updated(pelican.settings["PATH"]).isoformat()


def add_filters(generator: Any) -> None:
    """`{{ page|structured_data(SITEURL) }}`: the page's schema.org JSON-LD."""
    site, links = notes_for(str(Path(generator.settings["PATH"])))
    generator.env.filters["structured_data"] = lambda page, siteurl: script_tags(page, site, links, siteurl)


def finish(pelican: Any) -> None:
    """After every page is written: the search index, the open data and the share image."""
    output = Path(pelican.output_path)
    site, _ = notes_for(str(Path(pelican.settings["PATH"])))
    article_url = {aid: pelican.settings["PAGE_URL"].format(slug=aid) for aid in site.articles}
    write_notes_json(site, article_url, output)
    title = site.summary.text if site.summary else pelican.settings["SITENAME"]
    draw_share_image(pelican.settings["SITENAME"], title, "The article, who's who, glossary, timeline and key figures",
                     output)
    build_index(output, records(site, article_url))


def register() -> None:
    signals.initialized.connect(set_updated)
    signals.readers_init.connect(add_reader)
    signals.generator_init.connect(add_filters)
    signals.page_generator_finalized.connect(add_note_pages)
    signals.finalized.connect(finish)

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
from pelican.contents import Page
from pelican.readers import BaseReader

from .cards import cards_html
from .document import read_document
from .errors import ContentError
from .linking import SiteLinks, build_links
from .notes import Site, load_site
from .pages import render_all, to_html


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
            **page.metadata,
        }
        pelican_page = Page(html, metadata=metadata, settings=generator.settings,
                            source_path=str(content / page.source), context=generator.context)
        generator.pages.append(pelican_page)
        generator.add_source_path(pelican_page)


def register() -> None:
    signals.readers_init.connect(add_reader)
    signals.page_generator_finalized.connect(add_note_pages)

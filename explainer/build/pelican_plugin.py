"""Pelican plugin: the build's pages reach Pelican through our reader, and the notes' pages
join Pelican's own.

A run of Pelican writes one build, whose state is a BuildContext (context.py). What
Pelican runs during it (the reader, the page generator, the templates' context) gets the
context from a `PelicanRun`: receivers of Pelican's signals, connected for that run only.
Pelican hands its generators and readers nothing but the run's settings, so each receiver
takes a signal only from a sender holding this run's settings (the very dictionary); the
context itself is never put inside them.

- `python -m explainer build` (run.py) prepares the context, connects a run around
  `pelican.run()` and disconnects it after: it is the host there, and runs Pelican without
  this module among its plugins.
- Plain `pelican` (and `pelican -r`, which runs one Pelican object again on every change)
  loads this module as a plugin: `register` connects `start_run` to `get_generators`, sent
  at the start of every run, which prepares a context and connects a run for it. The run
  ends at `finalized`, the emit stage; one that failed on the way is disconnected by the
  first signal of the next run of the same Pelican (its settings name the run that is on).

Receivers are connected at module level or to a PelicanRun (Pelican's signals hold weak
references to module-level functions). Under plain `pelican`, content problems are raised
as one ContentError listing every `path:line: message`; `python -m explainer build`
reports them before Pelican starts.
"""

from __future__ import annotations

import logging
import os
import secrets
import sys
from functools import partial
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.contents import Page
from pelican.readers import BaseReader

from ..content.document import MARKDOWN_EXTENSIONS
from ..core.problems import ContentError, without_traceback
from ..core import version
from ..core.routes import template_routes
from ..core.text import counted
from ..render.revisions import revision_notes
from ..render.structured_data import script_tags
from . import production, stages
from .context import BuildContext

RUN = "EXPLAINER_RUN"  # in a plain `pelican` run's settings: the run that is on (a token, never the context)


class PelicanRun:
    """One run of Pelican writing the build `ctx` prepared (stages.prepare)."""

    def __init__(self, ctx: BuildContext):
        self.ctx = ctx
        self.settings = ctx.settings
        self.token: str | None = None  # under plain `pelican`: this run's, in its settings

    def connect(self, pelican: Any) -> None:
        _restart_sitemap(pelican)
        for signal, receiver in self._receivers():
            signal.connect(receiver, weak=False)

    def disconnect(self) -> None:
        for signal, receiver in self._receivers():
            signal.disconnect(receiver)

    def _receivers(self) -> list[tuple[Any, Any]]:
        return [(signals.readers_init, self.add_reader), (signals.page_generator_init, self.keep_reader_cache_true),
                (signals.generator_init, self.add_context), (signals.page_generator_finalized, self.add_note_pages),
                (signals.finalized, self.end)]

    def _mine(self, sender: Any) -> bool:
        """Whether a signal is of this run; a run seeing its Pelican's next run ends."""
        settings = getattr(sender, "settings", None)
        if settings is not self.settings:
            return False
        if settings.get(RUN) != self.token:  # a run that failed on the way: the next one is on
            self.disconnect()
            self.ctx.close()
            return False
        return True

    def add_reader(self, readers: Any) -> None:
        """Our reader for Markdown, handed this run's context."""
        if not self._mine(readers):
            return
        for extension in MarkdownItReader.file_extensions:
            readers.reader_classes[extension] = partial(MarkdownItReader, ctx=self.ctx)

    def keep_reader_cache_true(self, generator: Any) -> None:
        """Pelican's reader cache (on in pelicanconf.py) keeps a page's HTML for as long as its
        file is unchanged, but an article's HTML also shows the notes. Before anything is read,
        forget every cached page that differs from what our reader gives now."""
        if not self._mine(generator):
            return
        readers = generator.readers
        for key in self.ctx.pages:  # the authored pages, by absolute path
            cached = readers.get_cached_data(key, (None, None))
            if cached[0] is not None and cached != readers.readers["md"].read(key):
                readers.cache_data(key, (None, None))

    def add_context(self, generator: Any) -> None:
        """What the templates use besides Pelican's own: `{{ page|structured_data(SITEURL) }}`
        (the page's schema.org JSON-LD), the date the site last changed, the routes, and
        `{{ asset("css/site.css") }}`, where a theme file is published (production.py)."""
        if not self._mine(generator):
            return
        ctx = self.ctx
        assert ctx.site is not None and ctx.index is not None and ctx.updated is not None
        site, index = ctx.site, ctx.index
        publisher = generator.settings.get("SITE_PUBLISHER", "")
        generator.env.filters["structured_data"] = lambda page, siteurl: script_tags(page, site, index, siteurl,
                                                                                     publisher)
        generator.context["EXPLAINER_UPDATED"] = ctx.updated.isoformat()
        generator.context["EXPLAINER_ARTICLES"] = len(site.articles)
        generator.context["EXPLAINER_FROM"] = _from_articles(len(site.articles))
        # The articles with editor's marks (their switch says so; the others have none to hide).
        generator.context["EXPLAINER_MARKED"] = {site.resolve(n.source.paragraph)[0].id for n in site.editors_notes}
        generator.context["ROUTES"] = template_routes()
        generator.context["EXPLAINER_GENERATOR"] = f"{version.generator()}, {version.pelican()}"
        static, prefix = production.theme_static(generator.settings)
        generator.env.globals["asset"] = production.asset_url(static, prefix, ctx.hashed)

    def add_note_pages(self, generator: Any) -> None:
        """The pages made from the notes, handed to Pelican like any other page."""
        if not self._mine(generator):
            return
        ctx = self.ctx
        assert ctx.cards is not None and ctx.updated is not None
        for page, rendered in ctx.generated:
            metadata = {
                "title": page.title, "summary": page.summary, "template": page.template,
                "save_as": page.save_as, "url": page.save_as, "slug": Path(page.save_as).stem,
                "modified": ctx.updated, **page.metadata,
            }
            pelican_page = Page(rendered.html + ctx.cards.html(rendered.notes_shown, page.save_as), metadata=metadata,
                                settings=generator.settings, source_path=os.path.join(ctx.content, page.source),
                                context=generator.context)
            generator.pages.append(pelican_page)
            generator.add_source_path(pelican_page)
        generator.context["MENU"] = _menu(generator.pages)

    def end(self, pelican: Any) -> None:
        """Every page is written: the emit stage, and the run is over."""
        if not self._mine(pelican):
            return
        try:
            stages.emit(self.ctx)  # SearchFailed: Pelican reports it (and `pelican -r` waits for the next change)
        finally:
            self.disconnect()
            self.ctx.close()


class MarkdownItReader(BaseReader):
    """Our pages, as this run's build rendered them (Pelican makes one reader per run)."""

    enabled = True
    file_extensions = list(MARKDOWN_EXTENSIONS)

    def __init__(self, settings: dict[str, Any], ctx: BuildContext):
        super().__init__(settings)
        self.ctx = ctx

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        doc, html = self.ctx.page(source_path)
        assert doc.metadata is not None and self.ctx.updated is not None
        metadata = {key: self.process_metadata(key, value) for key, value in doc.metadata.items()}
        metadata["modified"] = self.ctx.updated
        if doc.article is not None and doc.article.revisions:
            article, citations = doc.article, self.ctx.index.citations
            metadata["revision_notes"] = revision_notes(  # the template says it was updated
                article, lambda pid: citations.fragment(article, article.paragraphs[pid], article.paragraphs[pid].text))
        return html, metadata


def _from_articles(n: int) -> str:
    """What the site is built from, as the footer says it: "one news article", "3 news articles"."""
    count = "no" if n == 0 else counted(n)
    return f"{count} news article{'' if n == 1 else 's'}"


def _menu(pages: list[Any]) -> list[tuple[str, Any]]:
    """The site menu, worked out once rather than by every page's template: the article (or,
    with several, the page listing them), then the pages the notes make, in their order."""
    articles = [p for p in pages if p.template == "article"]
    menu = [("The article", articles[0])] if len(articles) == 1 else []
    return menu + [(p.menu_label, p) for p in sorted((p for p in pages if hasattr(p, "menu")), key=lambda p: p.menu)]


def _restart_sitemap(pelican: Any) -> None:
    """pelican-sitemap (1.2.2) keeps what a run writes in one object for the process, and
    starts it afresh only when a run reaches `finalized`. After a run that failed earlier (a
    template error, Pagefind failing) it held that run: a later build in the same process
    wrote no sitemap.xml (a new Pelican object), or listed every page twice (`pelican -r`).
    Set here for this run, whichever of its `get_generators` receivers runs first."""
    sitemap = sys.modules.get("pelican.plugins.sitemap.sitemap")
    if sitemap is not None:
        sitemap.generator._main_pelican = pelican
        sitemap.generator.page_queue = []


def start_run(pelican: Any) -> None:
    """Plain `pelican`: a run starts, and with it a build of its own."""
    settings = pelican.settings
    if __name__ not in settings.get("PLUGINS", ()):  # Pelican's signals are global: a run without us
        return
    run = PelicanRun(BuildContext.for_pelican(settings))
    run.token = settings[RUN] = secrets.token_hex(8)  # the run before, if it failed, ends at its next signal
    ctx = run.ctx
    problems = stages.prepare(ctx)
    if problems:
        ctx.close()
        raise ContentError(problems)
    run.connect(pelican)


def register() -> None:
    logging.getLogger("pelican").addFilter(without_traceback)  # the same function: added once
    signals.get_generators.connect(start_run)

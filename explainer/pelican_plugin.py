"""Pelican plugin: the build's pages reach Pelican through our reader, and the notes' pages
join Pelican's own.

Every run of Pelican starts with `get_generators` (sent by `Pelican.run`, so also on every
rebuild of `pelican -r`, which reuses one Pelican object): `start_run` takes over the
context `python -m explainer build` prepared, or makes one and runs the stages up to
rendering (explainer/build.py). It is kept in the run's settings, which Pelican hands to
every generator and reader. `finalized` ends the run: the emit stage.

Receivers are connected at module level (Pelican's signals hold weak references). Under
plain `pelican`, content problems are raised as one ContentError listing every
`path:line: message`; `python -m explainer build` reports them before Pelican starts.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.contents import Page
from pelican.readers import BaseReader

from . import build, context, production
from .document import MARKDOWN_EXTENSIONS
from .errors import ContentError, without_traceback
from .routes import template_routes
from .structured_data import script_tags


def _ours(settings: dict[str, Any]) -> bool:
    """Pelican's signals are global: in a process that also runs Pelican without this
    plugin (a test, a benchmark), its runs are left alone."""
    return __name__ in settings.get("PLUGINS", ())


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
    """A run starts: its build context, ready to be read from."""
    settings = pelican.settings
    if not _ours(settings):
        return
    _restart_sitemap(pelican)
    ctx = settings.pop(context.SETTINGS_KEY, None)
    if ctx is not None and ctx.ready and not ctx.claimed:  # prepared by `python -m explainer build`
        ctx.claimed = True
        settings[context.SETTINGS_KEY] = ctx
        return
    if ctx is not None:
        ctx.close()  # left by a run that failed on the way
    # Plain `pelican`, or the next run of `pelican -r`: a build of its own.
    ctx = context.BuildContext.for_pelican(settings)
    ctx.claimed = True
    problems = build.prepare(ctx)
    if problems:
        ctx.close()
        raise ContentError(problems)
    settings[context.SETTINGS_KEY] = ctx


class MarkdownItReader(BaseReader):
    enabled = True
    file_extensions = list(MARKDOWN_EXTENSIONS)

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        ctx = context.of(self.settings)
        doc, page = ctx.page(source_path)
        assert doc.metadata is not None and ctx.cards is not None and ctx.updated is not None
        metadata = {key: self.process_metadata(key, value) for key, value in doc.metadata.items()}
        metadata["modified"] = ctx.updated
        article = doc.article.id if doc.article is not None else None
        return page.html + ctx.cards.html(page.notes_shown, doc.output, article), metadata


def add_reader(readers: Any) -> None:
    if not _ours(readers.settings):
        return
    for extension in MarkdownItReader.file_extensions:
        readers.reader_classes[extension] = MarkdownItReader


def keep_reader_cache_true(generator: Any) -> None:
    """Pelican's reader cache (on in pelicanconf.py) keeps a page's HTML for as long as its
    file is unchanged, but an article's HTML also shows the notes. Before anything is read,
    forget every cached page that differs from what our reader gives now."""
    if not _ours(generator.settings):
        return
    readers = generator.readers
    for key in context.of(generator.settings).pages:  # the authored pages, by absolute path
        cached = readers.get_cached_data(key, (None, None))
        if cached[0] is not None and cached != readers.readers["md"].read(key):
            readers.cache_data(key, (None, None))


def add_context(generator: Any) -> None:
    """What the templates use besides Pelican's own: `{{ page|structured_data(SITEURL) }}`
    (the page's schema.org JSON-LD), the date the site last changed, the routes, and
    `{{ asset("css/site.css") }}`, where a theme file is published (production.py)."""
    if not _ours(generator.settings):
        return
    ctx = context.of(generator.settings)
    assert ctx.site is not None and ctx.index is not None and ctx.updated is not None
    site, index = ctx.site, ctx.index
    generator.env.filters["structured_data"] = lambda page, siteurl: script_tags(page, site, index, siteurl)
    generator.context["EXPLAINER_UPDATED"] = ctx.updated.isoformat()
    generator.context["EXPLAINER_ARTICLES"] = len(site.articles)
    generator.context["EXPLAINER_FROM"] = _from_articles(len(site.articles))
    generator.context["ROUTES"] = template_routes()
    static, prefix = production.theme_static(generator.settings)
    generator.env.globals["asset"] = production.asset_url(static, prefix, ctx.hashed)


_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _from_articles(n: int) -> str:
    """What the site is built from, as the footer says it: "one news article", "3 news articles"."""
    return f"{_NUMBER_WORDS[n] if n < len(_NUMBER_WORDS) else n} news article{'' if n == 1 else 's'}"


def add_note_pages(generator: Any) -> None:
    """The pages made from the notes, handed to Pelican like any other page."""
    if not _ours(generator.settings):
        return
    ctx = context.of(generator.settings)
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


def _menu(pages: list[Any]) -> list[tuple[str, Any]]:
    """The site menu, worked out once rather than by every page's template: the article (or,
    with several, the page listing them), then the pages the notes make, in their order."""
    articles = [p for p in pages if p.template == "article"]
    menu = [("The article", articles[0])] if len(articles) == 1 else []
    return menu + [(p.menu_label, p) for p in sorted((p for p in pages if hasattr(p, "menu")), key=lambda p: p.menu)]


def end_run(pelican: Any) -> None:
    """Every page is written: the emit stage, and the run's context is done."""
    if not _ours(pelican.settings):
        return
    ctx = context.of(pelican.settings)
    try:
        build.emit(ctx)  # SearchFailed: Pelican reports it (and `pelican -r` waits for the next change)
    finally:
        ctx.close()
        pelican.settings.pop(context.SETTINGS_KEY, None)


def register() -> None:
    logging.getLogger("pelican").addFilter(without_traceback)  # the same function: added once
    signals.get_generators.connect(start_run)
    signals.readers_init.connect(add_reader)
    signals.page_generator_init.connect(keep_reader_cache_true)
    signals.generator_init.connect(add_context)
    signals.page_generator_finalized.connect(add_note_pages)
    signals.finalized.connect(end_run)

"""The build's stages, in order, each in one place.

    load    every page and the notes -> documents, a Site        content/ (incremental.py caches)
    check   every problem at once, path:line; what is unfinished content/, core/routes.py
            (refused by make publish, marked on make html)       content/unfinished.py
    render  the index, visuals, the notes' pages as Markdown,    render/
            and the pages search indexes whole as HTML; the
            other core makes half the entities' mentions, then   forked.py
            the article pages (render_aside)
    index   search records from the notes and what was rendered search.py (Pagefind, on the other core)
    render  every other page (the articles: the other core's),   render/authored.py (incremental.py caches)
            while Pagefind runs
    write   Pelican, through our reader and plugin               pelican_plugin.py
    emit    open data, share image, the search bundle, cache     emit.py, search.py, incremental.py
    swap    output/ replaced only once all of it succeeded       swap.py

`prepare` runs the stages before Pelican writes, `emit` those after; `python -m explainer
build` runs them around Pelican (run.py), and under plain `pelican` the plugin does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from ..content import site as content
from ..content.document import Document, article_id, load_document
from ..content.unfinished import unfinished
from ..core.problems import Problem
from ..content.notes import Site
from ..core.routes import ENTITIES, FIGURES, GLOSSARY, SEARCH_BUNDLE, TIMELINE, check_settings
from ..core.text import listed
from ..render.authored import RenderedPage, render_document
from ..render.cards import Cards
from ..render.index import build_index
from ..render.markdown import RenderEnv
from ..render.pages import GeneratedPage, render_all, to_html
from ..render.pages.entities import mentions_html
from ..render.pages.home import story_markdown
from ..render.visuals import render_visuals
from .context import BuildContext
from .emit import draw_share_image, write_annotations, write_notes_json
from .forked import Forked
from .incremental import visuals_digest
from .search import INDEXED_TEMPLATES, Previous, SearchIndex, page_record, records


def load(ctx: BuildContext) -> None:
    """Every authored page, read and checked on its own (an article through the build cache),
    then the notes, read against the articles."""
    ctx.documents = content.load_pages(ctx.content, _loader(ctx))
    ctx.site, ctx.notes_problems = content.load_notes(ctx.content, ctx.documents)


def _loader(ctx: BuildContext) -> content.Loader:
    if ctx.cache is None:
        return load_document
    cache = ctx.cache

    def load_cached(path: Path, root: Path) -> Document:
        if article_id(path, root) is None:
            return load_document(path, root)
        return cache.article(path, lambda: load_document(path, root))

    return load_cached


def check(ctx: BuildContext) -> list[Problem]:
    """Every problem the content has, before anything is rendered."""
    assert ctx.site is not None
    ctx.notes_problems, problems = content.check(ctx.content, ctx.documents, ctx.site, ctx.notes_problems,
                                                 lint=ctx.lint)
    if ctx.settings:  # a build (a check alone reads no settings)
        where = ctx.settings_file or "the Pelican settings"
        problems += [Problem(where, 0, message) for message in check_settings(ctx.settings)]
    ctx.unfinished = unfinished(ctx.content, ctx.documents)
    if publishing(ctx):  # nothing unfinished reaches a reader; make html shows it, marked
        problems += ctx.unfinished
        address = str(ctx.settings.get("SITEURL") or "")
        if address and not site_address(address):
            problems.append(Problem(ctx.settings_file or "the Pelican settings", 0, (
                f"SITEURL {address!r} is not the address of a site: give it as https://host or https://host/path, "
                "without ?, # or spaces (set PUBLISH_URL in pelicanconf.py, or make publish SITEURL=https://...)")))
        if not ctx.settings.get("SITEURL"):
            problems.append(Problem(ctx.settings_file or "the Pelican settings", 0, (
                "SITEURL is empty: a published site needs its address (its canonical links, sitemap and share "
                "image): set PUBLISH_URL in pelicanconf.py, or make publish SITEURL=https://...")))
    return sorted(problems)


def site_address(address: str) -> bool:
    """An address a site can be published at (its links, sitemap and share image are made
    from it): http(s), a host (a name, IDN or IPv6), perhaps a port and a path; no query,
    fragment, space or quote."""
    parts = urlsplit(address)
    try:
        parts.port  # noqa: B018 - raises on a port out of range
    except ValueError:
        return False
    host = parts.hostname or ""
    return (parts.scheme.lower() in ("http", "https") and (":" in host or any(c.isalnum() for c in host))
            and re.fullmatch(r"[\w.:-]+", host) is not None and not parts.query and not parts.fragment
            and "?" not in address and "#" not in address and not any(c.isspace() or c in "\"'<>\\" for c in address))


def publishing(ctx: BuildContext) -> bool:
    """A production build (make publish: publishconf.py's PRODUCTION = True)."""
    return bool((ctx.settings or {}).get("PRODUCTION"))


def render_index(ctx: BuildContext) -> None:
    """The index of who is named where, the visuals and the preview cards: what every page
    is rendered with."""
    assert ctx.site is not None
    ctx.index = build_index(ctx.site, [str((ctx.settings or {}).get("SITENAME") or "")])
    ctx.visuals = render_visuals(ctx.site)
    ctx.cards = Cards(ctx.site, ctx.index.citations)


MENTIONS, ARTICLES = 0, 1  # what render_aside has the other core make, in this order


def render_aside(ctx: BuildContext) -> None:
    """Start what the other core makes (forked.py), each needing only the index: the
    mentions of the second half of the entities, then the article pages, each with its
    preview cards. Meanwhile this process makes the first half's mentions, the pages made
    from the notes and the search index. Which article pages the last build left as they
    would come out is decided here, where the build cache is kept."""
    assert ctx.site is not None and ctx.index is not None
    site, index = ctx.site, ctx.index
    entities = list(site.entities)
    articles = [key for key, doc in ctx.documents.items() if doc.article is not None and doc.metadata is not None
                and doc.template not in INDEXED_TEMPLATES]
    kept = {key: ctx.cache.kept_page(ctx.documents[key], index) for key in articles} if ctx.cache else {}

    def article(key: str) -> tuple[tuple[RenderedPage, str | None] | None, str]:
        doc = ctx.documents[key]
        page = kept.get(key)
        rendered = None if page is not None else _render_article(ctx, doc)
        return rendered, _cards(ctx, doc, page or rendered[0])

    ctx.aside = Forked((partial(mentions_html, site, index), entities[len(entities) // 2:]), (article, articles))


def render_notes(ctx: BuildContext) -> None:
    """The pages made from the notes, and the home page's story, as Markdown."""
    assert ctx.site is not None and ctx.index is not None and ctx.aside is not None
    site, index = ctx.site, ctx.index
    theirs = set(ctx.aside.keys(MENTIONS))
    mine = [entity for entity in site.entities if entity not in theirs]
    mentions = {entity: mentions_html(site, index, entity) for entity in mine} | ctx.aside.results(MENTIONS)
    ctx.notes_pages = render_all(site, index, mentions)
    ctx.story = story_markdown(site, index)


def notes_env(ctx: BuildContext, article: Document | None = None) -> RenderEnv:
    """What the note rules read on one page: the linker and the visuals; on an article's
    page (whose text is as received), its editor's marks and its paragraphs' own figures
    and dates, and the text read as one."""
    assert ctx.index is not None
    notes = RenderEnv(linker=ctx.index.linker, visuals=ctx.visuals)
    if article is not None and article.article is not None and article.article.faithful:
        notes.article = True
        notes.marks = ctx.index.marks.get(article.article.id, {})
        notes.paragraph_linkers = ctx.index.paragraph_linkers(article.article.id)
    return notes


def render_pages(ctx: BuildContext, templates: Callable[[str], bool]) -> list[Problem]:
    """The HTML of every page whose template `templates` takes: pages made from the notes,
    and authored pages (an article's with its editor's marks and links added to the tokens
    it was read as, or as the last build rendered it if nothing it shows changed)."""
    assert ctx.site is not None and ctx.index is not None
    problems: list[Problem] = []
    visuals = visuals_digest(ctx.visuals) if ctx.cache else ""  # what every page made from the notes may show
    for page in ctx.notes_pages:
        if templates(page.template):
            ctx.notes_rendered[page.source] = _note_page(ctx, page, visuals)
            problems += ctx.notes_rendered[page.source].problems
    aside = ctx.aside.results(ARTICLES) if ctx.aside is not None and any(
        templates(ctx.documents[key].template) for key in ctx.aside.keys(ARTICLES)) else {}
    for key, doc in ctx.documents.items():
        if doc.metadata is None or not templates(doc.template):
            continue
        if key in aside:
            rendered, ctx.page_cards[key] = aside[key]
            ctx.pages[key] = _article_page(ctx, doc, rendered)
            doc.parsed = None  # rendered there: its tokens are not needed here any more
        else:
            ctx.pages[key] = render_document(doc, notes_env(ctx), ctx.story) if doc.article is None \
                else _article_page(ctx, doc)
            ctx.page_cards[key] = _cards(ctx, doc, ctx.pages[key])
        problems += ctx.pages[key].problems
    return problems


def _cards(ctx: BuildContext, doc: Document, page: RenderedPage) -> str:
    """The preview cards an authored page ends with."""
    assert ctx.cards is not None
    return ctx.cards.html(page.notes_shown, doc.output, doc.article.id if doc.article is not None else None)


def _note_page(ctx: BuildContext, page: GeneratedPage, visuals: str) -> RenderedPage:
    assert ctx.index is not None

    def render() -> RenderedPage:
        return to_html(page, notes_env(ctx))

    return ctx.cache.note_page(page, visuals, ctx.index, render) if ctx.cache else render()


def _article_page(ctx: BuildContext, doc: Document,
                  rendered: tuple[RenderedPage, str | None] | None = None) -> RenderedPage:
    """An article's page: as the last build left it, if it would come out the same; else
    `rendered` (made on the other core), or rendered now."""
    assert ctx.index is not None and doc.article is not None

    def render() -> tuple[RenderedPage, str | None]:
        return rendered if rendered is not None else _render_article(ctx, doc)

    return ctx.cache.article_page(doc, ctx.index, render) if ctx.cache else render()[0]


def _render_article(ctx: BuildContext, doc: Document) -> tuple[RenderedPage, str | None]:
    """An article's page, and what the build cache keeps it under (None: not kept)."""
    assert ctx.index is not None
    if doc.parsed is not None:
        page = render_document(doc, notes_env(ctx, doc))
    else:
        # Loaded from the cache, unchanged then: read again for its tokens. Should the file
        # have changed since, what it says now is checked here, not taken on trust.
        again = load_document(doc.path, ctx.content)
        problems = again.problems + (again.lint if ctx.lint else [])
        if again.metadata is None or problems:
            return RenderedPage("", set(), problems), None
        page = render_document(again, notes_env(ctx, doc))
    return page, ctx.cache.fingerprint(doc, ctx.index, page) if ctx.cache else None


def index(ctx: BuildContext) -> None:
    """Start the search index: a record for every paragraph, term, event, figure and note,
    and the pages indexed whole as rendered. Pagefind runs in its own process."""
    assert ctx.site is not None and ctx.output is not None and ctx.cards is not None
    found = records(ctx.site)
    for page, rendered in ctx.generated:
        found += filter(None, [page_record(page.save_as, page.title, page.template, page.metadata,
                                           rendered.html + ctx.cards.html(rendered.notes_shown, page.save_as))])
    for key, doc in ctx.documents.items():
        if key in ctx.pages and doc.metadata is not None:
            found += filter(None, [page_record(doc.output, doc.metadata["title"], doc.template, {},
                                               ctx.pages[key].html)])
    last = ctx.cache.search_bundle(ctx.published) if ctx.cache and ctx.published else None
    previous = Previous(last[0], ctx.published / SEARCH_BUNDLE, last[1]) if last and ctx.published else None
    ctx.search = SearchIndex(found, ctx.output, previous, production=publishing(ctx))


def prepare(ctx: BuildContext) -> list[Problem]:
    """Everything before Pelican writes: load, check and, with sound notes, render (every
    problem at once: what the notes cause in the pages too). The search index starts as
    soon as the pages it indexes whole (the entity pages, the home page) are rendered, so
    that Pagefind, the longest step of a large build, runs on the other core while the
    other pages render and Pelican writes."""
    load(ctx)
    problems = check(ctx)
    if not ctx.sound:
        return problems
    render_index(ctx)
    render_aside(ctx)
    assert ctx.aside is not None
    try:
        render_notes(ctx)
        problems += render_pages(ctx, lambda template: template in INDEXED_TEMPLATES)
        if not problems and ctx.output is not None:
            index(ctx)
        problems += render_pages(ctx, lambda template: template not in INDEXED_TEMPLATES)
    finally:
        ctx.aside.stop()  # done with it, or failed on the way: nothing of it outlives the render
    return sorted(problems)


def emit(ctx: BuildContext) -> None:
    """Pelican wrote every page: the open data, the share image, the search bundle (waited
    for here), and the cache for the next build."""
    assert ctx.site is not None and ctx.output is not None
    write_notes_json(ctx.site, ctx.output)
    write_annotations(ctx.site, ctx.output, str(ctx.settings.get("SITEURL") or ""))
    name = ctx.settings["SITENAME"]
    # Kept where the build cache is, and read only when it is (Pelican's two cache settings).
    reused = ctx.cache is not None and ctx.settings.get("CACHE_CONTENT") and ctx.settings.get("LOAD_CONTENT_CACHE")
    draw_share_image(name, ctx.site.summary.text if ctx.site.summary else name, _share_line(ctx.site), ctx.output,
                     Path(ctx.settings["CACHE_PATH"]) if reused else None, ctx.cache.code if ctx.cache else "")
    if ctx.search is not None:
        ctx.bundle, ctx.search = ctx.search.wait(), None
    if ctx.cache is not None and ctx.published is not None:
        ctx.cache.save(ctx.published, (ctx.bundle.records, ctx.bundle.entry) if ctx.bundle else None)


def _share_line(site: Site) -> str:
    """What the share image says the site holds: "The article, who's who, glossary, timeline
    and key figures", as far as the notes have them (one line of the image)."""
    made = content.fixed_pages(site)
    parts = ["The articles" if site.several_articles else "The article"]
    parts += [name for route, name in ((ENTITIES, "who's who"), (GLOSSARY, "glossary"), (TIMELINE, "timeline"),
                                       (FIGURES, "key figures")) if route in made]
    return listed(parts)


def check_only(content_folder: Path) -> list[Problem]:
    """`make check`: every problem, as a build would find it before writing (the render
    included), without writing anything."""
    return prepare(BuildContext(content_folder))

"""The build's stages, in order, each in one place, and the build an author runs.

    load    every page and the notes -> documents, a Site        document.py, notes.py (incremental.py caches)
    check   every problem at once, path:line                     notes.py, lint.py, routes.py, here (files)
    render  the index, visuals, the notes' pages as Markdown,    index.py, visuals.py, pages/, document.py
            and the pages search indexes whole as HTML
    index   search records from the notes and what was rendered search.py (Pagefind, on the other core)
    render  every other page (the articles), while Pagefind runs document.py (incremental.py caches)
    write   Pelican, through our reader and plugin               pelican_plugin.py
    emit    open data, share image, the search bundle, cache     publishing.py, search.py, incremental.py
    swap    output/ replaced only once all of it succeeded       here

`python -m explainer build` runs them all (`build`), reporting problems before Pelican
starts; under plain `pelican` the plugin runs the same `prepare` and `emit`. A failed build
(bad content, a Pelican warning or error, a crash) leaves the previous output folder
exactly as it was; a successful one replaces it whole, so a page that was removed from the
content leaves no stale file behind.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from . import production
from .articles import ARTICLE_PATH
from .cards import Cards
from .context import SETTINGS_KEY, BuildContext
from .document import Document, RenderedPage, content_documents, load_document, render_document
from .errors import BuildError, Problem, did_you_mean, display_path
from .frontmatter import field_line
from .index import build_index
from .lint import foreign_images, lint_notes
from .notes import check_site, load_site
from .pages import render_all, to_html
from .pages.home import story_markdown
from .publishing import draw_share_image, write_notes_json
from .routes import ARTICLES, FIXED_PAGES, SEARCH_BUNDLE, check_settings, entity_page
from .search import INDEXED_TEMPLATES, Previous, SearchFailed, SearchIndex, page_record, records
from .visuals import render_visuals


# --- The stages -------------------------------------------------------------------------------

def load(ctx: BuildContext) -> None:
    """Every authored page, read and checked on its own (an article through the build cache),
    then the notes, read against the articles."""
    for path in content_documents(ctx.content):
        is_article = ARTICLE_PATH.match(Path(os.path.relpath(path, ctx.content)).as_posix())
        if ctx.cache is not None and is_article:
            doc = ctx.cache.article(path, lambda: load_document(path, ctx.content))
        else:
            doc = load_document(path, ctx.content)
        ctx.documents[os.path.abspath(path)] = doc
    articles = {doc.article.id: doc.article for doc in ctx.documents.values() if doc.article is not None}
    ctx.site, ctx.notes_problems = load_site(ctx.content, articles)


def check(ctx: BuildContext) -> list[Problem]:
    """Every problem the content has, before anything is rendered."""
    assert ctx.site is not None
    ctx.notes_problems += check_site(ctx.site)
    ctx.notes_problems += foreign_images(ctx.site)  # the notes' pages would load them from elsewhere
    problems = list(ctx.notes_problems)
    if ctx.settings:  # a build (a check alone reads no settings)
        where = ctx.settings_file or "the Pelican settings"
        problems += [Problem(where, 0, message) for message in check_settings(ctx.settings)]
    if ctx.sound and ctx.lint:
        problems += lint_notes(ctx.site)
    # Two pages may not become the same file (Pelican would write one over the other).
    outputs = {route.save_as: f"the generated page {route.source}" for route in FIXED_PAGES}
    pages = _page_sources(ctx)
    for doc in ctx.documents.values():
        problems += doc.problems + (doc.lint if ctx.lint else [])
        problems += _broken_links(ctx, doc, pages)
        if not doc.output:
            continue
        shown = display_path(doc.path)
        if doc.article is not None and (ctx.settings or {}).get("SITEURL") and not (doc.metadata or {}).get("source_url"):
            problems.append(Problem(shown, field_line(doc.path, "source_url"), "source_url is empty: give "
                                    "the address where the article was published before publishing it "
                                    "(make html previews it without)"))
        if doc.output in outputs:
            problems.append(Problem(shown, doc.output_line, f"becomes {doc.output}, which {outputs[doc.output]} "
                                                            "already becomes: give it another slug"))
        else:
            outputs[doc.output] = f"{shown}:{doc.output_line}"
    return sorted(problems)


def _page_sources(ctx: BuildContext) -> set[str]:
    """What a `{filename}` link may name, from the content folder: the pages of the site
    (a file Pelican copies as it is is linked with `{static}`)."""
    assert ctx.site is not None
    made = [route.source for route in FIXED_PAGES if route is not ARTICLES or ctx.site.several_articles]
    made += [entity_page(e).source for e in ctx.site.entities]
    # Pelican also reads HTML files in the content as pages (its own reader): not ours to check.
    html = [p.relative_to(ctx.content).as_posix() for p in ctx.content.rglob("*.htm*") if p.suffix in (".html", ".htm")]
    authored = [Path(os.path.relpath(key, os.path.abspath(ctx.content))).as_posix() for key in ctx.documents]
    return set(authored) | set(made) | set(html)


def _broken_links(ctx: BuildContext, doc: Document, pages: set[str]) -> list[Problem]:
    """`{filename}` links to no page: Pelican would only warn, naming neither page nor line."""
    problems = []
    here = Path(os.path.relpath(doc.path.parent, ctx.content))
    for line, written in doc.page_links:
        path = unquote(written.split("#", 1)[0].split("?", 1)[0])
        target = path[1:] if path.startswith("/") else os.path.normpath(here / path)
        target = Path(target).as_posix()
        if target not in pages:
            problems.append(Problem(display_path(doc.path), line, f"the link {{filename}}{written} leads to no page: "
                                    f"{target} is not a page of the site" + did_you_mean(target, pages)))
    return problems


def _notes_env(ctx: BuildContext) -> dict[str, Any]:
    """What the markdown-it rules take from the notes, on every page."""
    assert ctx.index is not None
    return {"linker": ctx.index.linker, "visuals": ctx.visuals}


def render_notes(ctx: BuildContext) -> None:
    """The index of who is named where, the visuals, the preview cards, and the pages made
    from the notes, as Markdown."""
    assert ctx.site is not None
    ctx.index = build_index(ctx.site)
    ctx.visuals = render_visuals(ctx.site)
    ctx.cards = Cards(ctx.site)
    ctx.notes_pages = render_all(ctx.site, ctx.index)
    ctx.story = story_markdown(ctx.site)


def render_pages(ctx: BuildContext, templates: Callable[[str], bool]) -> list[Problem]:
    """The HTML of every page whose template `templates` takes: pages made from the notes,
    and authored pages (an article's with its editor's marks and links added to the tokens
    it was read as, or as the last build rendered it if nothing it shows changed)."""
    assert ctx.site is not None and ctx.index is not None
    problems: list[Problem] = []
    notes = _notes_env(ctx)
    for page in ctx.notes_pages:
        if templates(page.template):
            ctx.notes_rendered[page.source] = to_html(page, notes)
            problems += ctx.notes_rendered[page.source].problems
    for key, doc in ctx.documents.items():
        if doc.metadata is None or not templates(doc.template):
            continue
        if doc.article is None:
            ctx.pages[key] = render_document(doc, notes, ctx.story)
        else:
            ctx.pages[key] = _article_page(ctx, doc)
        problems += ctx.pages[key].problems
    return problems


def _article_page(ctx: BuildContext, doc: Document) -> RenderedPage:
    assert ctx.index is not None and doc.article is not None
    notes = _notes_env(ctx)
    if doc.article.faithful:  # else its own problems come first
        notes["marks"] = ctx.index.marks.get(doc.article.id, {})
        notes["paragraph_linkers"] = ctx.index.paragraph_linkers(doc.article.id)

    def render() -> RenderedPage:
        if doc.parsed is not None:
            return render_document(doc, notes)
        # Loaded from the cache, unchanged then: read again for its tokens. Should the file
        # have changed since, what it says now is checked here, not taken on trust.
        again = load_document(doc.path, ctx.content)
        problems = again.problems + (again.lint if ctx.lint else [])
        if again.metadata is None or problems:
            return RenderedPage("", set(), problems)
        return render_document(again, notes)

    return ctx.cache.article_page(doc, ctx.index, render) if ctx.cache else render()


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
    ctx.search = SearchIndex(found, ctx.output, previous)


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
    render_notes(ctx)
    problems += render_pages(ctx, lambda template: template in INDEXED_TEMPLATES)
    if not problems and ctx.output is not None:
        index(ctx)
    problems += render_pages(ctx, lambda template: template not in INDEXED_TEMPLATES)
    ctx.ready = not problems
    return sorted(problems)


def emit(ctx: BuildContext) -> None:
    """Pelican wrote every page: the open data, the share image, the search bundle (waited
    for here), and the cache for the next build."""
    assert ctx.site is not None and ctx.output is not None
    write_notes_json(ctx.site, ctx.output)
    name = ctx.settings["SITENAME"]
    draw_share_image(name, ctx.site.summary.text if ctx.site.summary else name,
                     "The article, who's who, glossary, timeline and key figures", ctx.output)
    if ctx.search is not None:
        ctx.bundle, ctx.search = ctx.search.wait(), None
    if ctx.cache is not None and ctx.published is not None:
        ctx.cache.save(ctx.published, (ctx.bundle.records, ctx.bundle.entry) if ctx.bundle else None)


# --- The commands -------------------------------------------------------------------------------

def check_content(content: Path) -> list[Problem]:
    """`python -m explainer check`: every problem, without writing anything."""
    return prepare(BuildContext(content))


def report(problems: list[Problem], what: str) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)
    n = len(problems)
    print(f"{n} problem{'s' if n != 1 else ''} found; {what}", file=sys.stderr)


def build(settings: Path, content: Path, output: Path, pelican_opts: list[str],
          reporter: Callable[[list[Problem], str], None] = report) -> int:
    """`make html`: the stages, with Pelican writing into a scratch folder swapped in at the end.
    The content's problems go to `reporter` (the dev server also shows them in the open pages)."""
    output.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{output.name}-build-", dir=output.parent))
    scratch.chmod(0o755)  # mkdtemp makes it private; the site is served as ordinary files
    argv = [str(content), "--settings", str(settings), "--output", str(scratch), "--fatal", "warnings", *pelican_opts]
    ctx = pelican = None
    try:
        pelican = _pelican(argv)
        if pelican is None:
            print(f"Pelican could not start; {output} was left as it was.", file=sys.stderr)
            return 1
        ctx = BuildContext.for_pelican(pelican.settings, display_path(settings), lint=True, published=output)
        if pelican.settings.get("PRODUCTION"):
            ctx.hashed = production.fingerprints(*production.theme_static(pelican.settings))
        problems = prepare(ctx)
        if problems:
            reporter(problems, f"the build stopped and {output} was left as it was.")
            return 1
        pelican.settings[SETTINGS_KEY] = ctx  # the run takes it over (pelican_plugin.start_run)
        if _run(pelican) != 0:
            print(f"Pelican failed; {output} was left as it was.", file=sys.stderr)
            return 1
        if ctx.hashed is not None:
            production.finish(scratch, ctx.hashed, production.theme_static(pelican.settings)[1])
        _replace(output, scratch)
        if ctx.cache is not None:
            done = ctx.cache
            print(f"explainer: {done.rendered} article page{'s' if done.rendered != 1 else ''} rendered, "
                  f"{done.reused} unchanged since the last build (from the cache)"
                  + ("; the search index is unchanged, kept" if ctx.bundle and ctx.bundle.kept else ""))
        return 0
    finally:
        if ctx is not None:
            ctx.close()  # a failed build's search index is never written
        if pelican is not None:
            pelican.settings.pop(SETTINGS_KEY, None)  # nothing of it is kept by what Pelican keeps
        shutil.rmtree(scratch, ignore_errors=True)


_log = logging.getLogger("pelican")


def _pelican(argv: list[str]) -> Any:
    """A Pelican object for this command line, set up as Pelican's own `main` sets it up
    (its logging, --fatal warnings), in this process: the build hands it its context."""
    from pelican import LOG_HANDLERS, get_instance, parse_arguments
    from pelican.log import LimitFilter
    from pelican.log import init as init_logging

    args = parse_arguments(argv)
    init_logging(level=args.verbosity, fatal=args.fatal, name="pelican", handler=LOG_HANDLERS[args.log_handler],
                 logs_dedup_min_level=getattr(logging, args.logs_dedup_min_level))
    # Pelican drops a warning it has logged before in this process (LimitFilter), and with
    # it, under --fatal, the failure: a dev server's second build would pass a broken link
    # the first one refused. Each build starts with none seen.
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
    try:
        pelican, _ = get_instance(args)
    except Exception as error:  # a settings file that does not run: Pelican's own message
        _log.critical("%s: %s", error.__class__.__name__, error)
        return None
    return pelican


def _run(pelican: Any) -> int:
    """Run Pelican as its `main` does (a failure logged, not raised)."""
    try:
        pelican.run()
    except SearchFailed as failure:  # a tool of the build failed: its words, plainly
        print(f"explainer: {failure}", file=sys.stderr)
        return 1
    except Exception as error:
        # A warning that --fatal made fatal has been logged already, with what it is about,
        # unless it was logged while handling another error (Pelican's "Could not process"
        # names no cause): that one is said. Anything else is a crash of Pelican or the
        # theme, worth its traceback; our own errors are their message (errors.BuildError).
        cause = error.__context__ if type(error) is RuntimeError and str(error) == _FATAL else error
        if cause is not None:
            trace = None if isinstance(cause, BuildError) else (type(cause), cause, cause.__traceback__)
            _log.critical("%s: %s", type(cause).__name__, cause, exc_info=trace)
        return 1
    return 0


_FATAL = "Warning or error encountered"  # what Pelican raises for a warning under --fatal (pelican/log.py)


def _replace(output: Path, new: Path) -> None:
    """Put `new` where `output` is: two renames on one file system, then drop the old copy."""
    if not output.exists():
        new.rename(output)
        return
    old = output.with_name(f".{output.name}-old-{os.getpid()}")
    output.rename(old)
    new.rename(output)
    shutil.rmtree(old)

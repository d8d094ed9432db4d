"""What one build works out once and every stage reuses: the checked notes and their links,
each Markdown page as read and rendered, and the pages made from the notes.

`make html` checks the content, then runs Pelican in the same process: Pelican's reader
and our plugin take the pages from here instead of parsing everything again. `clear()`
starts a new build (the dev server builds many times in one process), optionally with
what the last build left in the cache (explainer/incremental.py).
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from .articles import ARTICLE_PATH, Article
from .document import Document, read_document
from .incremental import BuildCache, article_stamp, page_fingerprint
from .errors import Problem
from .linking import SiteLinks, build_links
from .notes import Site, load_site
from .pages import GeneratedPage, render_all, to_html

_notes: dict[str, tuple[Site, list[Problem], SiteLinks | None]] = {}
_documents: dict[str, Document] = {}
_generated: dict[str, list[tuple[GeneratedPage, str, list[Problem]]]] = {}
_cache: BuildCache | None = None


def clear(cache: BuildCache | None = None) -> None:
    global _cache
    _notes.clear()
    _documents.clear()
    _generated.clear()
    _cache = cache


def notes(content: Path) -> tuple[Site, list[Problem], SiteLinks | None]:
    """The site's notes, their problems, and (when there are none) the links and visuals."""
    key = os.path.abspath(content)
    if key not in _notes:
        site, problems = load_site(content, _cache)
        _notes[key] = (site, problems, build_links(site) if not problems else None)
    return _notes[key]


def document(path: Path, content: Path) -> Document:
    key = os.path.abspath(path)
    if key not in _documents:
        site, _, links = notes(content)
        article = _article_at(path, content, site) if links is not None else None
        if _cache is None or article is None or links is None:
            _documents[key] = read_document(path, content, links=links, site=site if links else None)
            return _documents[key]
        # An article's page: from the cache if it would come out the same.
        doc = _cache.page(path) if article.stamp else None
        if doc is not None and doc.fingerprint == page_fingerprint(article, links, doc.runs):
            _cache.reused += 1
        else:
            doc = read_document(path, content, links=links, site=site)
            _cache.rendered += 1
            # Kept if clean, and if the file is still what the article was loaded from.
            if not doc.problems and article.stamp and article_stamp(path) == article.stamp:
                doc.fingerprint = page_fingerprint(article, links, doc.runs)
        _documents[key] = doc
    return _documents[key]


def _article_at(path: Path, content: Path, site: Site) -> Article | None:
    match = ARTICLE_PATH.match(Path(os.path.relpath(path, content)).as_posix())
    article = site.articles.get(match["id"]) if match else None
    return article if article is not None and os.path.abspath(article.path) == os.path.abspath(path) else None


def save_cache(content: Path, output: Path, search: tuple[str, str] | None) -> None:
    """The build succeeded: keep its articles, article pages and search bundle for the next."""
    if _cache is not None:
        site, _, _ = notes(content)
        _cache.save([replace(a, parsed=None) for a in site.articles.values() if a.stamp],
                    [replace(d, tokens=[]) for d in _documents.values() if d.fingerprint and not d.problems],
                    output, search)


def generated(content: Path) -> list[tuple[GeneratedPage, str, list[Problem]]]:
    """Each page made from the notes, its HTML, and the problems a note's text caused in it."""
    key = os.path.abspath(content)
    if key not in _generated:
        site, _, links = notes(content)
        _generated[key] = [(page, *to_html(page, site, links)) for page in render_all(site, links)] if links else []
    return _generated[key]

"""Incremental builds: a layer of caches around the pure loaders and renderers. An article
is read again only when its files changed, and its page is rendered again only when
something the page shows changed.

Pelican's content cache (CACHE_CONTENT and LOAD_CONTENT_CACHE, on in pelicanconf.py) keys
a file's result by the file alone, but an article's page also shows the notes: the names
it links, their preview cards, the figures and dates its paragraphs state, its editor's
marks. So the build keeps caches of its own, with Pelican's cache class, in Pelican's
CACHE_PATH and switched by the same two settings:
- "explainer-articles": each article as loaded and checked (content/document.py),
  kept as (stamp, document): valid while article.md, source.txt and the code are byte
  for byte the same;
- "explainer-pages": each article's rendered page, kept as (fingerprint, page): valid
  while those are the same and so is everything of the notes the page can show;
- "explainer-notes": each page made from the notes, rendered, kept as (fingerprint, page);
- "explainer-search": what the search bundle in the output was made from.
A changed note re-renders the articles that name it and no other. Only a successful build
saves, and only clean results are kept. Pelican's own reader cache is checked against ours
when Pelican starts (PelicanRun.keep_reader_cache_true, pelican_plugin.py).
"""

from __future__ import annotations

import gzip
import hashlib
import os
import pickle
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import markdown_it
import mdit_py_plugins
import pydantic
import ruamel.yaml
from pelican.cache import FileDataCacher

from ..content.revisions import REVISIONS_NAME
from ..content.source import SOURCE_NAME

if TYPE_CHECKING:
    from ..content.articles import Article
    from ..content.document import Document
    from ..render.authored import RenderedPage
    from ..render.pages import GeneratedPage
    from ..render.index import SiteIndex

# The layers of the package that shape what a build writes, by their folders; what is
# beside them (authoring, ops, the command line) does not: editing it keeps the cache.
PACKAGE = Path(__file__).parents[1]
LAYERS = ("core", "content", "render", "build")


def code_version(package: Path = PACKAGE) -> str:
    """The code that shapes a page (the layers' modules) and the versions of what parses
    and checks one. Worked out per build: about a millisecond."""
    digest = hashlib.sha256()
    for path in sorted(p for layer in LAYERS for p in (package / layer).rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    for module in (markdown_it, mdit_py_plugins, pydantic, ruamel.yaml):
        digest.update(module.__version__.encode())
    return digest.hexdigest()


def article_stamp(code: str, path: Path) -> str | None:
    """What an article is loaded from: article.md, source.txt and revisions.yaml (if any)
    beside it, and the code."""
    try:
        text, source = path.read_bytes(), (path.parent / SOURCE_NAME).read_bytes()
        record = path.parent / REVISIONS_NAME
        revisions = [record.read_bytes()] if record.exists() else []
    except OSError:
        return None
    return _digest(code, text, source, *revisions)


def page_fingerprint(stamp: str, article: Article, index: SiteIndex, runs: list[str]) -> str:
    """Everything of the notes an article's page shows: the notes whose names are anywhere
    in the runs of text its links were looked for in (even where a longer name won), with
    all their names and whether an article links them; its paragraphs' own figures and
    dates; its editor's marks (and their printed footnotes). A note's key gives its link.
    (Preview cards are added whenever the page is read, never kept.)"""
    own = [(pid, name, target.key, target.href)
           for pid, found in sorted(index.own_names.get(article.id, {}).items()) for name, target in found]
    marks = [(pid, flag.quote, flag.note_id, flag.href, flag.error, flag.label, flag.likely)
             for pid, flags in sorted(index.marks.get(article.id, {}).items()) for flag in flags]
    return _digest(stamp, repr((_named(index, runs), own, marks)).encode())


def note_page_fingerprint(code: str, page: GeneratedPage, visuals: str, index: SiteIndex, runs: list[str]) -> str:
    """Everything a page made from the notes shows: its Markdown and where it is written (its
    links are relative to it), the note it is about, its blocks and the site's visuals (by
    `visuals`, their digest), and the notes whose names are in the runs of text its links
    were looked for in, as for an article's page."""
    return _digest(code, page.markdown, page.save_as, repr(page.self_key), repr(sorted(page.blocks.items())), visuals,
                   repr(_named(index, runs)))


def _named(index: SiteIndex, runs: list[str]) -> list[tuple]:
    """The notes whose names are anywhere in `runs` (even where a longer name won), each with
    all its names and whether an article links it: what links found in them depend on."""
    keys = index.linker.names_in(" ".join(runs))  # the space keeps each run's own words apart
    return [(key, index.names.get(key), key in index.not_in_articles) for key in sorted(keys)]


def visuals_digest(visuals: Mapping[str, str]) -> str:
    return _digest(*(part for name, html in sorted(visuals.items()) for part in (name, html)))


def _digest(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


class BuildCache:
    """What the last successful build left (read once, when the build starts), the cached
    loader and renderer this build goes through, and what it keeps for the next."""

    def __init__(self, settings: dict[str, Any]):
        self.settings = settings
        self.code = code_version()
        self.rendered = 0  # article pages rendered by this build
        self.reused = 0  # and taken from the cache
        self.notes_rendered = 0  # pages made from the notes, rendered by this build
        self.notes_reused = 0  # and taken from the cache
        load = settings["CACHE_CONTENT"] and settings["LOAD_CONTENT_CACHE"]
        if load:  # else Pelican does not read them either
            _drop_unreadable(Path(settings["CACHE_PATH"]), settings["GZIP_CACHE"])
        self._articles = self._load("articles", load)
        self._pages = self._load("pages", load)
        self._search = self._load("search", load)
        self._notes = self._load("notes", load)
        self._keep_articles: dict[Path, tuple[str, Document]] = {}
        self._keep_pages: dict[Path, tuple[str, RenderedPage]] = {}
        self._keep_notes: dict[str, tuple[str, RenderedPage]] = {}
        self._verdicts: dict[Path, tuple[str, RenderedPage] | None] = {}  # article -> its page kept, if it still is

    def _load(self, kind: str, load: bool) -> FileDataCacher:
        """One of our cache files; one that cannot be read is dropped (Pelican's loader lets
        some errors through, and warns about others, which --fatal makes fatal)."""
        try:
            return FileDataCacher(self.settings, self._name(kind), False, load)
        except Exception:
            (Path(self.settings["CACHE_PATH"]) / self._name(kind)).unlink(missing_ok=True)
            return FileDataCacher(self.settings, self._name(kind), False, False)

    def _name(self, kind: str) -> str:
        """One file per version of the code: what older code pickled may not even unpickle."""
        return _name(kind, self.code)

    def article(self, path: Path, load: Callable[[], Document]) -> Document:
        """The article as loaded: from the cache if its files did not change, else `load()`,
        kept if it is clean. Its stamp is taken before it is read, so an edit made meanwhile
        only means reading it again next time."""
        stamp = article_stamp(self.code, path)
        stamped, doc = self._articles.get_cached_data(str(path), (None, None))
        if stamp is None or stamped != stamp:
            doc = load()
            if doc.problems or doc.lint or doc.article is None or not doc.article.faithful:
                return doc
        if stamp is not None:
            self._keep_articles[path] = (stamp, doc.without_parse())
        return doc

    def kept_page(self, doc: Document, index: SiteIndex) -> RenderedPage | None:
        """An article's page as last rendered, if it would come out the same (else None)."""
        if doc.path not in self._verdicts:
            kept = self._keep_articles.get(doc.path)
            stamp = kept[0] if kept else None
            cached = self._pages.get_cached_data(str(doc.path), None)
            fresh = stamp and doc.article and cached and cached[0] == page_fingerprint(stamp, doc.article, index,
                                                                                      cached[1].runs)
            self._verdicts[doc.path] = cached if fresh else None
        return self._verdicts[doc.path][1] if self._verdicts[doc.path] else None

    def article_page(self, doc: Document, index: SiteIndex,
                     render: Callable[[], tuple[RenderedPage, str | None]]) -> RenderedPage:
        """An article's page: as last rendered if it would come out the same, else `render()`
        (the page, and what it is kept under: `fingerprint`)."""
        if self.kept_page(doc, index) is not None:
            self.reused += 1
            self._keep_pages[doc.path] = self._verdicts[doc.path]
            return self._verdicts[doc.path][1]
        page, fingerprint = render()
        self.rendered += 1
        if fingerprint is not None:
            self._keep_pages[doc.path] = (fingerprint, page)
        return page

    def fingerprint(self, doc: Document, index: SiteIndex, page: RenderedPage) -> str | None:
        """What an article's page just rendered is kept under, or None if it is not kept: it
        has problems, or its files are no longer what the article was loaded from."""
        kept = self._keep_articles.get(doc.path)
        stamp = kept[0] if kept else None
        if stamp and doc.article and not page.problems and article_stamp(self.code, doc.path) == stamp:
            return page_fingerprint(stamp, doc.article, index, page.runs)
        return None

    def note_page(self, page: GeneratedPage, digest: str, index: SiteIndex,
                  render: Callable[[], RenderedPage]) -> RenderedPage:
        """A page made from the notes (glossary, an entity's page...): as last rendered if it
        would come out the same, else `render()`; `digest` is the site's visuals'
        (visuals_digest). The live preview's one-note edit changes few of them."""
        cached = self._notes.get_cached_data(page.source, None)
        if cached and cached[0] == note_page_fingerprint(self.code, page, digest, index, cached[1].runs):
            self.notes_reused += 1
            self._keep_notes[page.source] = cached
            return cached[1]
        rendered = render()
        self.notes_rendered += 1
        if not rendered.problems:
            self._keep_notes[page.source] = (note_page_fingerprint(self.code, page, digest, index, rendered.runs),
                                             rendered)
        return rendered

    def search_bundle(self, output: Path) -> tuple[str, str] | None:
        """What the search bundle the last build put in `output` was made from, and the digest
        of its entry file (search.py uses it again if nothing would change)."""
        return self._search.get_cached_data(os.path.abspath(output), None)

    def save(self, output: Path, search: tuple[str, str] | None) -> None:
        """The build succeeded: keep exactly what it read or made (so files since removed
        drop out of the cache), whole or not at all."""
        if not self.settings["CACHE_CONTENT"]:
            return
        bundles = [(os.path.abspath(output), search)] if search else []
        names = [self._name(kind) for kind in ("articles", "pages", "notes", "search")]
        for name, entries in zip(names, (self._keep_articles.items(), self._keep_pages.items(),
                                         self._keep_notes.items(), bundles)):
            store = FileDataCacher(self.settings, f"{name}.saving", True, False)
            for path, value in entries:
                store.cache_data(str(path), value)
            store.save_cache()
            # Whole or not at all: a build stopped while saving leaves the last cache readable.
            cache_path = Path(self.settings["CACHE_PATH"])
            os.replace(cache_path / f"{name}.saving", cache_path / name)
        for old in Path(self.settings["CACHE_PATH"]).glob("explainer-*"):
            if old.name not in names:
                old.unlink(missing_ok=True)  # left by other code


def _name(kind: str, code: str) -> str:
    return f"explainer-{kind}-{code[:16]}"


# Pelican's cache files in CACHE_PATH (by generator, and by generator's reader).
_PELICAN_CACHE = re.compile(r"^\w+Generator(-Readers)?$")


def _drop_unreadable(folder: Path, gzipped: bool) -> None:
    """A cache file Pelican cannot read (written with the other GZIP_CACHE setting, or cut
    short) stops the build: Pelican reports it with a warning, fatal here, or not at all (an
    empty file raises). It is only a cache: drop it, and build that part again. (Reading it
    once more costs 0.2 s for 1000 articles.)"""
    for path in folder.iterdir() if folder.is_dir() else []:
        if path.is_file() and _PELICAN_CACHE.match(path.name) and not _readable(path, gzipped):
            path.unlink()


def _readable(path: Path, gzipped: bool) -> bool:
    try:
        with (gzip.open(path, "rb") if gzipped else path.open("rb")) as file:
            pickle.load(file)
        return True
    except Exception:
        return False

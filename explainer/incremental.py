"""Incremental builds: an article is parsed again only when its files changed, and its page
is rendered again only when something the page shows changed.

Pelican's content cache (CACHE_CONTENT and LOAD_CONTENT_CACHE, on in pelicanconf.py) keys
a file's result by the file alone, but an article's page also shows the notes: the names
it links, their preview cards, the figures and dates its paragraphs state, its editor's
marks. So the build keeps two caches of its own, with Pelican's cache class, in Pelican's
CACHE_PATH and switched by the same two settings:
- "explainer-articles": each article as loaded (title, numbered paragraphs), valid while
  article.md, source.txt and the code are byte for byte the same;
- "explainer-pages": each article's rendered page, valid while those are the same and so
  is everything of the notes the page can show (`page_fingerprint`).
A changed note re-renders the articles that name it and no other. Only a successful build
saves, and only clean results are kept. Pelican's own reader cache is checked against ours
when Pelican starts (pelican_plugin.keep_reader_cache_true).
"""

from __future__ import annotations

import gzip
import hashlib
import os
import pickle
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import markdown_it
import mdit_py_plugins
import pydantic
import ruamel.yaml
from pelican.cache import FileDataCacher

from .source import SOURCE_NAME

if TYPE_CHECKING:
    from .articles import Article
    from .document import Document
    from .linking import SiteLinks


@cache
def code_version() -> str:
    """This package's code and the versions of what parses and checks a page."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    for module in (markdown_it, mdit_py_plugins, pydantic, ruamel.yaml):
        digest.update(module.__version__.encode())
    return digest.hexdigest()


def article_stamp(path: Path) -> str | None:
    """What an article is loaded from: article.md, source.txt beside it, and the code."""
    try:
        text, source = path.read_bytes(), (path.parent / SOURCE_NAME).read_bytes()
    except OSError:
        return None
    return _digest(code_version(), text, source)


def page_fingerprint(article: Article, links: SiteLinks, runs: list[str]) -> str:
    """Everything of the notes an article's page shows: the notes whose names are anywhere
    in the runs of text its links were looked for in (even where a longer name won), with
    all their names; its paragraphs' own figures and dates; its editor's marks. A note's key
    gives its link. (Preview cards are added whenever the page is read, never kept.)"""
    keys = links.linker.names_in(" ".join(runs))  # the space keeps each run's own words apart
    own = [(pid, name, target.key, target.href)
           for pid, found in sorted(links.own_names.get(article.id, {}).items()) for name, target in found]
    marks = [(pid, flag.quote, flag.note_id, flag.href, flag.error)
             for pid, flags in sorted(links.marks.get(article.id, {}).items()) for flag in flags]
    notes = [(key, links.names.get(key)) for key in sorted(keys)]
    return _digest(article.stamp, repr((notes, own, marks)).encode())


def _digest(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


@dataclass
class BuildCache:
    """What the last successful build left (read once), and what this one keeps."""

    settings: dict[str, Any]
    _articles: FileDataCacher = field(init=False)
    _pages: FileDataCacher = field(init=False)
    _search: FileDataCacher = field(init=False)
    rendered: int = 0  # article pages rendered by this build
    reused: int = 0  # and taken from the cache

    def __post_init__(self) -> None:
        load = self.settings["CACHE_CONTENT"] and self.settings["LOAD_CONTENT_CACHE"]
        if load:  # else Pelican does not read them either
            _drop_unreadable(Path(self.settings["CACHE_PATH"]), self.settings["GZIP_CACHE"])
        self._articles = self._load("articles", load)
        self._pages = self._load("pages", load)
        self._search = self._load("search", load)

    def _load(self, kind: str, load: bool) -> FileDataCacher:
        """One of our cache files; one that cannot be read is dropped (Pelican's loader lets
        some errors through, and warns about others, which --fatal makes fatal)."""
        try:
            return FileDataCacher(self.settings, _name(kind), False, load)
        except Exception:
            (Path(self.settings["CACHE_PATH"]) / _name(kind)).unlink(missing_ok=True)
            return FileDataCacher(self.settings, _name(kind), False, False)

    def article(self, path: Path) -> tuple[str | None, Article | None]:
        """The article's stamp (taken before it is read, so an edit made meanwhile only
        means reading it again next time) and, if it did not change, the article as loaded."""
        stamp = article_stamp(path)
        stamped, article = self._articles.get_cached_data(str(path), (None, None))
        return stamp, article if stamp is not None and stamped == stamp else None

    def page(self, path: Path) -> Document | None:
        """The page as last rendered, with its fingerprint then (the caller compares)."""
        return self._pages.get_cached_data(str(path), None)

    def search_bundle(self, output: Path) -> tuple[str, str] | None:
        """What the search bundle the last build put in `output` was made from, and the digest
        of its entry file (explainer/search.py uses it again if nothing would change)."""
        return self._search.get_cached_data(os.path.abspath(output), None)

    def save(self, articles: list[Article], pages: list[Document], output: Path,
             search: tuple[str, str] | None) -> None:
        """Keep exactly these (so files since removed drop out of the cache)."""
        if not self.settings["CACHE_CONTENT"]:
            return
        bundles = [(os.path.abspath(output), search)] if search else []
        for name, entries in ((_name("articles"), [(a.path, (a.stamp, a)) for a in articles]),
                              (_name("pages"), [(d.path, d) for d in pages]),
                              (_name("search"), bundles)):
            store = FileDataCacher(self.settings, f"{name}.saving", True, False)
            for path, value in entries:
                store.cache_data(str(path), value)
            store.save_cache()
            # Whole or not at all: a build stopped while saving leaves the last cache readable.
            cache_path = Path(self.settings["CACHE_PATH"])
            os.replace(cache_path / f"{name}.saving", cache_path / name)
        for old in Path(self.settings["CACHE_PATH"]).glob("explainer-*"):
            if old.name not in (_name("articles"), _name("pages"), _name("search")):
                old.unlink(missing_ok=True)  # left by other code


def _name(kind: str) -> str:
    """One file per version of the code: what older code pickled may not even unpickle."""
    return f"explainer-{kind}-{code_version()[:16]}"


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

"""The content folder as a whole: every authored page and the notes, loaded, then checked
together (what no single file shows: links between pages, two pages becoming one file).

The build runs these as its load and check stages (explainer/build/stages.py); `read`
runs them at once for what reads the content without building it (make todo, the notes
draft, the tests), and `read_sound` stops there when the notes are not sound.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from ..core.problems import ContentError, Problem, did_you_mean, display_path
from ..core.routes import ARTICLES, EDITORS_NOTES, ENTITIES, FIGURES, FIXED_PAGES, GLOSSARY, TIMELINE, Route, entity_page
from ..core.text import slug
from .articles import ARTICLES_DIR, Article
from .fields import is_slug
from .source import SOURCE_NAME
from .document import Document, content_documents, load_document
from .lint import foreign_images, lint_notes
from .notes import Site, check_site, load_site
from .stored import load_stored

Loader = Callable[[Path, Path], Document]  # (page, content folder) -> the page as read


def load_pages(content: Path, load: Loader = load_document) -> dict[str, Document]:
    """Every authored page, read and checked on its own, by absolute path."""
    return {os.path.abspath(path): load(path, content) for path in content_documents(content)}


def articles(documents: dict[str, Document]) -> dict[str, Article]:
    return {doc.article.id: doc.article for doc in documents.values() if doc.article is not None}


def load_notes(content: Path, documents: dict[str, Document]) -> tuple[Site, list[Problem]]:
    """The notes, read against the articles and the stored sources: the Site, and the problems
    of reading them."""
    stored, unloaded, problems = load_stored(content)
    site, more = load_site(content, articles(documents), stored)
    site.unloaded_sources = unloaded
    return site, sorted(problems + more)


def _check_notes(site: Site) -> list[Problem]:
    """What the notes say (notes/checks.py), and images from other hosts in their text (the
    pages showing them would load them from there)."""
    return sorted([*check_site(site), *foreign_images(site)])


def check(content: Path, documents: dict[str, Document], site: Site, loaded: list[Problem], lint: bool = True,
          ) -> tuple[list[Problem], list[Problem]]:
    """The check, whole: (the notes' problems, those of loading them included; every
    problem). Text that would not show as meant (`lint`) is looked for in notes that are
    sound only: a note that did not load is reported once, as it is."""
    notes_problems = sorted([*loaded, *_check_notes(site)])
    problems = list(notes_problems)
    if lint and not notes_problems:
        problems += lint_notes(site)
    problems += check_pages(content, documents, site, lint=lint)
    return notes_problems, sorted(problems)


def article_folders(content: Path) -> list[Problem]:
    """Each folder under content/articles/ is an article: named by an id, with its article.md
    beside its source.txt (else the page would be built as a plain page, or left out, without
    a word)."""
    problems = []
    folders = sorted(p for p in (content / ARTICLES_DIR).iterdir() if p.is_dir()) \
        if (content / ARTICLES_DIR).is_dir() else []
    for folder in folders:
        shown = display_path(folder)
        if not any(folder.glob("*.md")) and not (folder / SOURCE_NAME).exists():
            continue  # pictures or other files an author keeps there: no page
        if not is_slug(folder.name):
            suggested = slug(folder.name)
            problems.append(Problem(shown, 0, f'"{folder.name}" is no article id (lower-case letters, digits and single '
                                              "hyphens), so its page would not be checked as an article: rename the "
                                              "folder" + (f" {suggested}" if suggested else "")))
        elif (folder / SOURCE_NAME).exists() and not (folder / "article.md").exists():
            problems.append(Problem(display_path(folder / SOURCE_NAME), 0, "a text as received with no article.md "
                                    "beside it, so no page: make new-article makes both (move the text out, then "
                                    "make new-article SOURCE=...)"))
    return problems


def check_pages(content: Path, documents: dict[str, Document], site: Site, lint: bool = True) -> list[Problem]:
    """Every page's own problems (with `lint`, text that would not show as meant), its links
    to pages that are not there, two pages becoming one file. (An article without the address
    it was published at is unfinished: content/unfinished.py, which make publish refuses.)"""
    problems: list[Problem] = article_folders(content)
    outputs = {route.save_as: f"the generated page {route.source}" for route in FIXED_PAGES}
    pages = _page_sources(content, documents, site)
    for doc in documents.values():
        problems += doc.problems + (doc.lint if lint else [])
        problems += _broken_links(content, doc, pages)
        if not doc.output:
            continue
        shown = display_path(doc.path)
        if doc.output in outputs:
            problems.append(Problem(shown, doc.output_line, f"becomes {doc.output}, which {outputs[doc.output]} "
                                                            "already becomes: give it another slug"))
        else:
            outputs[doc.output] = f"{shown}:{doc.output_line}"
    return problems


def fixed_pages(site: Site) -> list[Route]:
    """The pages with fixed names this site has, in FIXED_PAGES' order: the list of articles
    only with several, and a page of notes only when there are notes of its kind (a story
    without editor's notes has no page, menu item or link saying it has none)."""
    has = {ARTICLES: site.several_articles, ENTITIES: bool(site.entities), GLOSSARY: bool(site.terms),
           TIMELINE: bool(site.events), FIGURES: bool(site.figures), EDITORS_NOTES: bool(site.editors_notes)}
    return [route for route in FIXED_PAGES if has.get(route, True)]


def _page_sources(content: Path, documents: dict[str, Document], site: Site) -> set[str]:
    """What a `{filename}` link may name, from the content folder: the pages of the site
    (a file Pelican copies as it is is linked with `{static}`)."""
    made = [route.source for route in fixed_pages(site)]
    made += [entity_page(e).source for e in site.entities]
    # Pelican also reads HTML files in the content as pages (its own reader): not ours to check.
    html = [p.relative_to(content).as_posix() for p in content.rglob("*.htm*") if p.suffix in (".html", ".htm")]
    authored = [Path(os.path.relpath(key, os.path.abspath(content))).as_posix() for key in documents]
    return set(authored) | set(made) | set(html)


def _broken_links(content: Path, doc: Document, pages: set[str]) -> list[Problem]:
    """`{filename}` links to no page: Pelican would only warn, naming neither page nor line."""
    problems = []
    here = Path(os.path.relpath(doc.path.parent, content))
    for line, written in doc.page_links:
        path = unquote(written.split("#", 1)[0].split("?", 1)[0])
        target = path[1:] if path.startswith("/") else os.path.normpath(here / path)
        target = Path(target).as_posix()
        if target not in pages:
            problems.append(Problem(display_path(doc.path), line, f"the link {{filename}}{written} leads to no page: "
                                    f"{target} is not a page of the site" + did_you_mean(target, pages)))
    return problems


@dataclass
class Content:
    """What the content folder holds, loaded and checked as a build would, without building."""

    folder: Path
    documents: dict[str, Document]
    site: Site
    notes_problems: list[Problem]  # the notes cannot be used while they have any
    problems: list[Problem]  # all of them, the notes' first-hand ones included, sorted

    @property
    def sound(self) -> bool:
        """The notes loaded and agree with the articles (what make todo and a draft read)."""
        return not self.notes_problems


def renderable(site: Site, notes_problems: list[Problem]) -> bool:
    """The pages can be rendered from the notes: they are sound, and each article is its
    text as received (else the notes were not checked against it)."""
    return not notes_problems and all(article.faithful for article in site.articles.values())


def read(content: Path) -> Content:
    """Every page and the notes, loaded and checked (no settings: what a build adds to it is
    about the settings and the render)."""
    documents = load_pages(content)
    site, loaded = load_notes(content, documents)
    notes_problems, problems = check(content, documents, site, loaded)
    return Content(content, documents, site, notes_problems, problems)


def read_sound(content: Path) -> Content:
    """`read`, stopping with a ContentError (the notes' problems) if the notes are not sound:
    nothing can be worked out from them then."""
    found = read(content)
    if not found.sound:
        raise ContentError(found.notes_problems)
    return found

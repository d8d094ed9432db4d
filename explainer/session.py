"""What one build works out once and every stage reuses: the checked notes and their links,
each Markdown page as read and rendered, and the pages made from the notes.

`make html` checks the content, then runs Pelican in the same process: Pelican's reader
and our plugin take the pages from here instead of parsing everything again. `clear()`
starts a new build (the dev server builds many times in one process).
"""

from __future__ import annotations

from pathlib import Path

from .document import Document, read_document
from .errors import Problem
from .linking import SiteLinks, build_links
from .notes import Site, load_site
from .pages import GeneratedPage, render_all, to_html

_notes: dict[str, tuple[Site, list[Problem], SiteLinks | None]] = {}
_documents: dict[str, Document] = {}
_generated: dict[str, list[tuple[GeneratedPage, str, list[Problem]]]] = {}


def clear() -> None:
    _notes.clear()
    _documents.clear()
    _generated.clear()


def notes(content: Path) -> tuple[Site, list[Problem], SiteLinks | None]:
    """The site's notes, their problems, and (when there are none) the links and visuals."""
    key = str(content.resolve())
    if key not in _notes:
        site, problems = load_site(content)
        _notes[key] = (site, problems, build_links(site) if not problems else None)
    return _notes[key]


def document(path: Path, content: Path) -> Document:
    key = str(path.resolve())
    if key not in _documents:
        site, _, links = notes(content)
        _documents[key] = read_document(path, content, links=links, site=site if links else None)
    return _documents[key]


def generated(content: Path) -> list[tuple[GeneratedPage, str, list[Problem]]]:
    """Each page made from the notes, its HTML, and the problems a note's text caused in it."""
    key = str(content.resolve())
    if key not in _generated:
        site, _, links = notes(content)
        _generated[key] = [(page, *to_html(page, site, links)) for page in render_all(site, links)] if links else []
    return _generated[key]

"""Notes -> Markdown pages, one module per page type, each `render(site, links) -> pages`.

Generated pages are never written to content/: they exist only inside the build, under
virtual source paths in `_generated/` (linking.href maps them to their files).
"""

from __future__ import annotations

from . import articles, editors_notes, entities, figures, glossary, search, timeline
from ..articles import to_page
from ..cards import cards_html
from ..errors import Problem
from ..linking import SiteLinks
from ..markdown import markdown
from ..notes import Site
from .common import GeneratedPage


def render_all(site: Site, links: SiteLinks) -> list[GeneratedPage]:
    pages: list[GeneratedPage] = []
    for module in (articles, entities, glossary, timeline, figures, editors_notes, search):
        pages += module.render(site, links)
    return pages


def to_html(page: GeneratedPage, site: Site, links: SiteLinks) -> tuple[str, list[Problem]]:
    """A generated page's HTML (names linked, visuals and preview cards in place), and any
    problem a note's text caused in it."""
    env = {"linker": links.linker, "self": page.self_key, "visuals": {**links.visuals, **page.blocks}}
    html = to_page(markdown().render(page.markdown, env), page.save_as)
    problems = [Problem(page.source, line, message) for line, message in env.get("problems", [])]
    return html + cards_html(site, links, env.get("notes_shown", set())), problems


__all__ = ["GeneratedPage", "render_all", "to_html"]

"""Notes -> Markdown pages, one module per page type, each `render(site, index) -> pages`.

Generated pages are never written to content/: they exist only inside the build, under
virtual source paths in `_generated/` (explainer/routes.py gives each its file).
"""

from __future__ import annotations

from . import articles, editors_notes, entities, figures, glossary, search, timeline
from typing import Any

from ..document import RenderedPage
from ..errors import Problem
from ..index import SiteIndex
from ..markdown import markdown
from ..notes import Site
from ..routes import to_page
from .common import GeneratedPage


def render_all(site: Site, index: SiteIndex) -> list[GeneratedPage]:
    pages: list[GeneratedPage] = []
    for module in (articles, entities, glossary, timeline, figures, editors_notes, search):
        pages += module.render(site, index)
    return pages


def to_html(page: GeneratedPage, notes: dict[str, Any]) -> RenderedPage:
    """A generated page's HTML (names linked, visuals in place), the notes it links to,
    and any problem a note's text caused in it. `notes` holds the linker and the visuals."""
    env = {**notes, "self": page.self_key, "visuals": {**notes["visuals"], **page.blocks}}
    html = to_page(markdown().render(page.markdown, env), page.save_as)
    problems = [Problem(page.source, line, message) for line, message in env.get("problems", [])]
    return RenderedPage(html, env.get("notes_shown", set()), problems)


__all__ = ["GeneratedPage", "render_all", "to_html"]

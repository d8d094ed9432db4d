"""Notes -> Markdown pages, one module per page type, each `render(site, index) -> pages`.

Generated pages are never written to content/: they exist only inside the build, under
virtual source paths in `_generated/` (core/routes.py gives each its file).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from ...content.notes import Site
from ...core.problems import Problem
from ...core.routes import to_page
from ..authored import RenderedPage
from ..index import SiteIndex
from ..markdown import RenderEnv, render_markdown
from . import articles, editors_notes, entities, figures, glossary, search, timeline
from .common import GeneratedPage


def render_all(site: Site, index: SiteIndex, mentions: Mapping[str, str] | None = None) -> list[GeneratedPage]:
    """Every page made from the notes, in the menu's order. `mentions`: the entity pages'
    lists of mentions, where the build made them already (entities.mentions_html)."""
    pages = articles.render(site, index) + entities.render(site, index, mentions)
    for module in (glossary, timeline, figures, editors_notes, search):
        pages += module.render(site, index)
    return pages


def to_html(page: GeneratedPage, notes: RenderEnv) -> RenderedPage:
    """A generated page's HTML (names linked, visuals in place), the notes it links to,
    and any problem a note's text caused in it. `notes` holds the linker and the visuals
    every page shares; the page adds its own note and blocks. The runs of text its links
    were looked for in go with it (what they depend on: build/incremental.py)."""
    mine = replace(notes, self_key=page.self_key, visuals={**notes.visuals, **page.blocks}, notes_shown=set(),
                   problems=[], runs=[])
    html, problems = render_markdown(page.markdown, mine)
    return RenderedPage(to_page(html, page.save_as), mine.notes_shown,
                        [Problem(page.source, line, message) for line, message in problems], mine.runs or [])


__all__ = ["GeneratedPage", "render_all", "to_html"]

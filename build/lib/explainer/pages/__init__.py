"""Notes -> Markdown pages, one module per page type, each `render(site, links) -> pages`.

Generated pages are never written to content/: they exist only inside the build, under
virtual source paths in `_generated/`, which is what Pelican's `{filename}` links name.
"""

from __future__ import annotations

from .common import GeneratedPage
from . import editors_notes, entities, figures, glossary, timeline
from ..linking import SiteLinks
from ..notes import Site


def render_all(site: Site, links: SiteLinks) -> list[GeneratedPage]:
    pages: list[GeneratedPage] = []
    for module in (entities, glossary, timeline, figures, editors_notes):
        pages += module.render(site, links)
    return pages


__all__ = ["GeneratedPage", "render_all"]

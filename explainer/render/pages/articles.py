"""With several articles, a page listing them (the menu links here rather than to each)."""

from __future__ import annotations

from ..index import SiteIndex
from ...content.notes import Site
from ...core.routes import ARTICLES
from .common import GeneratedPage, escape


def render(site: Site, index: SiteIndex) -> list[GeneratedPage]:
    if not site.several_articles:
        return []
    lines = ["Each article word for word as received, every paragraph numbered and linked.", ""]
    lines += [f"- [{escape(a.title)}]({a.source_link})" for a in sorted(site.articles.values(), key=lambda a: a.title)]
    return [GeneratedPage(source=ARTICLES.source, save_as=ARTICLES.save_as, title="The articles",
                          summary=f"The {len(site.articles)} articles this site explains.", template="page",
                          markdown="\n".join(lines) + "\n", metadata={"menu": 1, "menu_label": "Articles"})]

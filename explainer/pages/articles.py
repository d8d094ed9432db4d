"""With several articles, a page listing them (the menu links here rather than to each)."""

from __future__ import annotations

from ..linking import PAGES, SiteLinks
from ..notes import Site
from .common import GeneratedPage, escape


def render(site: Site, links: SiteLinks) -> list[GeneratedPage]:
    if not site.several_articles:
        return []
    lines = ["Each article word for word as received, every paragraph numbered and linked.", ""]
    lines += [f"- [{escape(a.title)}]({a.source_link})" for a in sorted(site.articles.values(), key=lambda a: a.title)]
    source, save_as = PAGES["articles"]
    return [GeneratedPage(source=source, save_as=save_as, title="The articles",
                          summary=f"The {len(site.articles)} articles this site explains.", template="page",
                          markdown="\n".join(lines) + "\n", metadata={"menu": 1, "menu_label": "Articles"})]

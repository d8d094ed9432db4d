"""Key figures: every number in the article, what it measures, and where it comes from."""

from __future__ import annotations

from ..index import SiteIndex
from ...content.notes import Figure, Site
from ...content.site import fixed_pages
from ...core.routes import FIGURES, entity_page
from ..drafts import is_drafted
from .common import GeneratedPage, cite, escape, from_article, inline


def render(site: Site, index: SiteIndex) -> list[GeneratedPage]:
    if FIGURES not in fixed_pages(site):
        return []
    the_article = "the articles" if site.several_articles else "the article"
    lines = [f"Every number in {the_article} and what it measures.", "", "::: visual shareholding", ":::", ""]
    for figure in site.figures:
        lines += [f"{{#{figure.id} .figure}}", f"## {escape(figure.value)}", "", f"{inline(figure.measures, is_drafted(figure, 'measures'))} {cite(index, figure.source)}", ""]
        details = _details(site, figure)
        if details:
            lines += [*details, ""]
    return [GeneratedPage(
        source=FIGURES.source, save_as=FIGURES.save_as, title="Key figures",
        summary=f"Every number in {the_article}, with what it measures.",
        template="page", markdown="\n".join(lines), metadata={"menu": 5, "menu_label": "Key figures"},
    )]


def _details(site: Site, figure: Figure) -> list[str]:
    details = []
    if figure.unit:
        details.append(f"- Unit: {inline(figure.unit)}")
    if figure.before and figure.after:
        details.append(f"- Change: from {escape(figure.before)} to {escape(figure.after)}")
    elif figure.before:
        details.append(f"- Before: {escape(figure.before)}")
    elif figure.after:
        details.append(f"- After: {escape(figure.after)}")
    if figure.entities:
        who = ", ".join(f"[{escape(site.entities[e].name)}]({entity_page(e).link()})" for e in figure.entities)
        details.append(f"- Involved: {who}")
    if site.several_articles:
        details.append(f"- {from_article(site, figure.source)}")
    return details

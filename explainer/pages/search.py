"""The search page. Search runs in the reader's browser (Pagefind, loaded only here); this
page's own text is what a reader without JavaScript gets instead: every entity and every
glossary term, each linked."""

from __future__ import annotations

from ..linking import PAGES, SiteLinks, entity_source, href, note_href
from ..notes import Site
from .common import GeneratedPage, escape

SEARCH_PAGE = ("_generated/search.md", "search.html")


def render(site: Site, links: SiteLinks) -> list[GeneratedPage]:
    lines = [
        "{.needs-js}",
        "Search needs JavaScript, which is off or unavailable in this browser. Everything on the "
        f"site is also one click away from [the glossary]({href(PAGES['glossary'][0])}) and "
        f"[who’s who]({href(PAGES['entities'][0])}), listed here.",
        "",
        "## People, companies and places",
        "",
        *[f"- [{escape(e.name)}]({href(entity_source(e.id))})"
          for e in sorted(site.entities.values(), key=lambda e: e.name.casefold())],
        "",
        "## Glossary terms",
        "",
        *[f"- [{escape(t.term)}]({note_href(t)})" for t in sorted(site.terms.values(), key=lambda t: t.term.casefold())],
        "",
    ]
    source, save_as = SEARCH_PAGE
    return [GeneratedPage(source=source, save_as=save_as, title="Search",
                          summary="Search the article, its people and companies, glossary, timeline and figures.",
                          template="search", markdown="\n".join(lines), metadata={"robots": "noindex"})]

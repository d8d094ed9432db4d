"""The search page. Search runs in the reader's browser (Pagefind, loaded only here); this
page's own text is what a reader without JavaScript gets instead: every entity and every
glossary term, each linked."""

from __future__ import annotations

from ..index import SiteIndex, note_key
from ...content.notes import Site
from ...core.routes import ENTITIES, GLOSSARY, SEARCH, entity_page
from .common import GeneratedPage, escape


def render(site: Site, index: SiteIndex) -> list[GeneratedPage]:
    lines = [
        "{.needs-js}",
        "Search needs JavaScript, which is off or unavailable in this browser. Everything on the "
        f"site is also one click away from [the glossary]({GLOSSARY.link()}) and "
        f"[who’s who]({ENTITIES.link()}), listed here.",
        "",
        "## People, companies and places",
        "",
        *[f"- [{escape(e.name)}]({entity_page(e.id).link()})"
          for e in sorted(site.entities.values(), key=lambda e: e.name.casefold())],
        "",
        "## Glossary terms",
        "",
        *[f"- [{escape(t.term)}]({note_key(t).link})" for t in sorted(site.terms.values(), key=lambda t: t.term.casefold())],
        "",
    ]
    return [GeneratedPage(source=SEARCH.source, save_as=SEARCH.save_as, title="Search",
                          summary="Search the article, its people and companies, glossary, timeline and figures.",
                          template="search", markdown="\n".join(lines), metadata={"robots": "noindex"})]

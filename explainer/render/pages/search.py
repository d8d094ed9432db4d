"""The search page. Search runs in the reader's browser (Pagefind, loaded only here); this
page's own text is what a reader without JavaScript gets instead: every entity and every
glossary term, each linked."""

from __future__ import annotations

from ..index import SiteIndex, note_key
from ...content.notes import Site
from ...content.site import fixed_pages
from ...core.routes import EDITORS_NOTES, ENTITIES, FIGURES, GLOSSARY, SEARCH, TIMELINE, entity_page
from ...core.text import in_order, listed
from .common import GeneratedPage, escape


def render(site: Site, index: SiteIndex) -> list[GeneratedPage]:
    made = fixed_pages(site)
    lists = [(ENTITIES, "who’s who", "Who’s who",
              [f"- [{escape(e.name)}]({entity_page(e.id).link()})"
               for e in sorted(site.entities.values(), key=lambda e: in_order(e.name))]),
             (GLOSSARY, "the glossary", "Glossary terms",
              [f"- [{escape(t.term)}]({note_key(t).link})"
               for t in sorted(site.terms.values(), key=lambda t: in_order(t.term))])]
    lists = [entry for entry in lists if entry[0] in made]
    lines = ["{.needs-js}", "Search needs JavaScript, which is off or unavailable in this browser."]
    shown = {route for route, *_ in lists}
    others = [f"[{name}]({route.link()})" for route, name in _PAGES if route in made and route not in shown]
    if lists:
        pages = " and ".join(f"[{name}]({route.link()})" for route, name, _, _ in lists)
        lines[-1] += f" Who and what the site explains is one click away from {pages}, listed here"
        lines[-1] += f"; the rest from {listed(others)}." if others else "."
    lines.append("")
    for _, _, heading, items in lists:
        lines += [f"## {heading}", "", *items, ""]
    return [GeneratedPage(source=SEARCH.source, save_as=SEARCH.save_as, title="Search",
                          summary=f"Search {searched(site)}.", template="search",
                          markdown="\n".join(lines), metadata={"robots": "noindex", "searched": searched(site)})]


# The pages made from the notes, as the search page names them.
_PAGES = ((ENTITIES, "who’s who"), (GLOSSARY, "the glossary"), (TIMELINE, "the timeline"),
          (FIGURES, "the key figures"), (EDITORS_NOTES, "the editor’s notes"))


def searched(site: Site) -> str:
    """What the search covers, as the search box's label says it: "the article, who’s who,
    the glossary, the timeline and the key figures" (what the notes have)."""
    made = fixed_pages(site)
    parts = ["the articles" if site.several_articles else "the article"]
    return listed(parts + [name for route, name in _PAGES if route in made])

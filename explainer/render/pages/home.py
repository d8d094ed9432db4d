"""The story in under a minute: the summary, the key takeaways (each citing its paragraphs),
the shareholding chart, and a way into every part of the site.

Unlike the other page modules this returns Markdown, not a page: the home page authors
write (content/index.md) gives the title and the introduction, and places the story with
a `::: story` block (render/authored.py).
"""

from __future__ import annotations

from ...content.notes import KIND_LABELS, Site, Takeaway
from ...content.site import fixed_pages
from ...core.routes import ARTICLES, EDITORS_NOTES, ENTITIES, FIGURES, GLOSSARY, TIMELINE
from ...core.text import listed
from ..index import SiteIndex
from ..visuals import has_shareholding
from .common import cite, inline

# Each kind of entity as the home page counts them: (one, many).
_KIND_NOUNS = {"company": ("company", "companies"), "person": ("person", "people"),
               "organisation": ("organisation", "organisations"), "body": ("body", "bodies"),
               "product": ("product", "products"), "place": ("place", "places"), "market": ("market", "markets"),
               "publication": ("publication", "publications"), "party": ("party", "parties"),
               "law": ("law", "laws"), "programme": ("programme", "programmes")}


def story_markdown(site: Site, index: SiteIndex) -> str:
    lines: list[str] = []
    if site.summary:
        lines += ["{.lede}", f"{inline(site.summary.text)} {_cites(index, site.summary)}", ""]
    if site.key_takeaways:
        lines += ["## Key takeaways", ""]
        lines += [f"{i}. {inline(t.text)} {_cites(index, t)}" for i, t in enumerate(site.key_takeaways, 1)]
        lines.append("")
    if has_shareholding(site):
        lines += ["## Who owns whom", "", "::: visual shareholding", ":::", ""]
    lines += ["## Explore the story", "", "{.explore}"]
    if site.several_articles:
        lines.append(f"- [The articles]({ARTICLES.link()}) {len(site.articles)} articles, "
                     "each word for word as received")
    else:
        for article in site.articles.values():
            lines.append(f"- [The article]({article.source_link}) every word as received, each paragraph numbered and linked")
    entries = [
        (ENTITIES, "Who’s who", _entities(site)),
        (GLOSSARY, "Glossary", _count(len(site.terms), "term", "terms") + " in plain language"),
        (TIMELINE, "Timeline", _count(len(site.events), "event", "events")
         + (", with the articles’ own dates" if site.several_articles else ", with the article’s own dates")),
        (FIGURES, "Key figures", _count(len(site.figures), "number and what it measures",
                                        "numbers and what they measure")),
        (EDITORS_NOTES, "Editor’s notes", _count(len(site.editors_notes), "apparent error or ambiguity",
                                                 "apparent errors and ambiguities") + " in the text"),
    ]
    made = fixed_pages(site)  # a kind of note the story has none of has no page, and no entry here
    lines += [f"- [{label}]({route.link()}) {what}" for route, label, what in entries if route in made]
    return "\n".join(lines) + "\n"


def _entities(site: Site) -> str:
    """"23 companies, people, organisations and more": the kinds the notes have, in their order."""
    kinds = [kind for kind in KIND_LABELS if any(e.kind == kind for e in site.entities.values())]
    if not kinds:
        return ""
    n = len(site.entities)
    nouns = [_KIND_NOUNS[kind][0 if n == 1 else 1] for kind in kinds]
    if len(nouns) > 4:
        nouns = [*nouns[:3], "more"]
    return f"{n} {listed(nouns)}"


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _cites(index: SiteIndex, takeaway: Takeaway) -> str:
    seen, cites = set(), []
    for source in takeaway.sources:
        if source.paragraph not in seen:
            seen.add(source.paragraph)
            cites.append(cite(index, source))
    return " ".join(cites)

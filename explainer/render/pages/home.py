"""The story in under a minute: the summary, the key takeaways (each citing its paragraphs),
the shareholding chart, and a way into every part of the site.

Unlike the other page modules this returns Markdown, not a page: the home page authors
write (content/index.md) gives the title and the introduction, and places the story with
a `::: story` block (render/authored.py).
"""

from __future__ import annotations

from ...content.notes import Site, Takeaway
from ...core.routes import ARTICLES, EDITORS_NOTES, ENTITIES, FIGURES, GLOSSARY, TIMELINE
from .common import cite, inline


def story_markdown(site: Site) -> str:
    lines: list[str] = []
    if site.summary:
        lines += ["{.lede}", f"{inline(site.summary.text)} {_cites(site, site.summary)}", ""]
    if site.key_takeaways:
        lines += ["## Key takeaways", ""]
        lines += [f"{i}. {inline(t.text)} {_cites(site, t)}" for i, t in enumerate(site.key_takeaways, 1)]
        lines.append("")
    lines += ["## Who owns whom", "", "::: visual shareholding", ":::", ""]
    lines += ["## Explore the story", "", "{.explore}"]
    if site.several_articles:
        lines.append(f"- [The articles]({ARTICLES.link()}) {len(site.articles)} articles, "
                     "each word for word as received")
    else:
        for article in site.articles.values():
            lines.append(f"- [The article]({article.source_link}) every word as received, each paragraph numbered and linked")
    entries = [
        (ENTITIES, "Who’s who", _count(len(site.entities), "company, person, place or publication",
                                       "companies, people, places and publications")),
        (GLOSSARY, "Glossary", _count(len(site.terms), "term", "terms") + " in plain language"),
        (TIMELINE, "Timeline", _count(len(site.events), "event", "events") + ", with the article’s own dates"),
        (FIGURES, "Key figures", _count(len(site.figures), "number and what it measures",
                                        "numbers and what they measure")),
        (EDITORS_NOTES, "Editor’s notes", _count(len(site.editors_notes), "apparent error or ambiguity",
                                                 "apparent errors and ambiguities") + " in the text"),
    ]
    lines += [f"- [{label}]({route.link()}) {what}" for route, label, what in entries]
    return "\n".join(lines) + "\n"


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _cites(site: Site, takeaway: Takeaway) -> str:
    seen, cites = set(), []
    for source in takeaway.sources:
        if source.paragraph not in seen:
            seen.add(source.paragraph)
            cites.append(cite(site, source))
    return " ".join(cites)

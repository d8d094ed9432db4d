"""schema.org JSON-LD for each page type, from the notes.

No date is given for the article: the received text states none. Timeline events carry a
`startDate` only where the article itself names the year ("2018"); relative dates
("by mid this year") have none. The editor's notes are the article's corrections.
"""

from __future__ import annotations

import json
import re
from typing import Any

from markupsafe import Markup

from .index import SiteIndex, note_key
from ..content.notes import EDITORS_NOTE_LABELS, Cited, Entity, Site, background
from ..core.routes import EDITORS_NOTES, GLOSSARY, SEARCH, SHARE_IMAGE, TIMELINE, NoteKey, entity_page
from .drafts import is_drafted, plain

SCHEMA_TYPES = {  # entity kind -> schema.org type
    "company": "Organization", "organisation": "Organization", "body": "Organization",
    "publication": "Organization", "product": "Organization",
    "person": "Person", "place": "Place", "market": "Place",
    "party": "PoliticalParty", "law": "Legislation", "programme": "Project",
}
_YEAR_ONLY = r"^(?:in |towards the end of )?(\d{4})$"


def script_tags(page: Any, site: Site, index: SiteIndex, siteurl: str, publisher: str = "") -> Markup:
    """<script type="application/ld+json"> blocks, with `<`, `>` and `&` escaped so no text
    from the notes can close the script element. `publisher`: who publishes the explainer
    (the site's SITE_PUBLISHER setting), if the site names one."""
    blocks = []
    for data in structured_data(page, site, index, siteurl, publisher):
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        blocks.append(f'<script type="application/ld+json">{text}</script>')
    return Markup("\n".join(blocks))


def structured_data(page: Any, site: Site, index: SiteIndex, siteurl: str,
                    publisher: str = "") -> list[dict[str, Any]]:
    """The JSON-LD objects for one Pelican page (by its template and slug)."""
    base = siteurl.rstrip("/") + "/" if siteurl else ""

    def url(path: str) -> str:
        return base + path

    template = page.template
    if template == "article":
        return [_article(page, site, index, url)]
    if template == "entity":
        entity = site.entities[page.slug]
        # The stored sources its background rests on are works about it (an organisation or a
        # place has no `citation`; the glossary's DefinedTermSet, a work, has).
        cited = _citations(site, [c for _, _, c in background(entity)])
        return [{**_entity(entity, url, site), **({"subjectOf": cited} if cited else {})}]
    if template == "home":
        return [{"@context": "https://schema.org", "@type": "WebSite", "name": page.title, "url": url(""),
                 "description": page.summary, "inLanguage": "en",
                 **({"publisher": {"@type": "Organization", "name": publisher}} if publisher else {}),
                 "potentialAction": {"@type": "SearchAction", "target": url(f"{SEARCH.save_as}?q={{query}}"),
                                     "query-input": "required name=query"}}]
    save_as = page.save_as
    if save_as == GLOSSARY.save_as:
        return [{"@context": "https://schema.org", "@type": "DefinedTermSet", "name": page.title, "url": url(save_as),
                 "hasDefinedTerm": [
                     {"@type": "DefinedTerm", "@id": url(NoteKey("term", t.id).url), "name": t.term,
                      "description": plain(t.definition, is_drafted(t, "definition")), "url": url(NoteKey("term", t.id).url),
                      **({"termCode": t.abbreviation} if t.abbreviation else {})}
                     for t in site.terms.values()],
                 **({"citation": cited} if (cited := _citations(site, [t.definition_cited for t in site.terms.values()]))
                    else {})}]
    if save_as == TIMELINE.save_as:
        return [_event(e, site, url) for e in site.events]
    if save_as == EDITORS_NOTES.save_as:
        return [{"@context": "https://schema.org", "@type": "ItemList", "name": page.title,
                 "itemListElement": [_correction(n, url) for n in site.editors_notes]}]
    return [{"@context": "https://schema.org", "@type": "WebPage", "name": page.title, "url": url(page.url),
             "description": page.summary}]


def _article(page: Any, site: Site, index: SiteIndex, url) -> dict[str, Any]:
    named = index.named_in.get(page.slug, set())  # worked out once, not per page per entity
    mentioned = [e for e in site.entities.values() if note_key(e) in named]
    # What the article is about: the entities named in its title, else the most mentioned.
    about = [e for e in mentioned if e.name in page.title] or mentioned[:1]
    # A new article may not name its author, publisher or address yet: left out, not made up.
    author, publisher, source_url = (getattr(page, key, None) for key in ("author", "publisher", "source_url"))
    return {
        "@context": "https://schema.org", "@type": "NewsArticle",
        "headline": page.title, "url": url(page.url), "inLanguage": "en",
        **({"author": {"@type": "Person", "name": str(author),
                       **({"url": url(entity_page(known.id).save_as)}
                          if (known := next((e for e in site.entities.values() if e.kind == "person" and e.name == str(author)),
                                            None)) else {})}} if author else {}),
        "image": url(SHARE_IMAGE),  # the share image, drawn at build time
        **({"publisher": {"@type": "Organization", "name": publisher or _origin(source_url),
                          **({"url": _origin(source_url)} if source_url else {})}} if publisher or source_url else {}),
        **({"isBasedOn": source_url} if source_url else {}),
        # The day the publisher's revised text was taken in (make update-article): the one date known.
        **({"dateModified": revisions[-1].revised.isoformat()}
           if (revisions := site.articles[page.slug].revisions if page.slug in site.articles else []) else {}),
        "about": [_ref(e, url) for e in about],
        "mentions": [_ref(e, url) for e in mentioned],
        "correction": [_correction(n, url) for n in site.editors_notes
                       if site.resolve(n.source.paragraph)[0].id == page.slug],
    }


def _entity(entity: Entity, url, site: Site) -> dict[str, Any]:
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": SCHEMA_TYPES[entity.kind],
                            "@id": url(entity_page(entity.id).save_as), "name": entity.name,
                            "description": plain(entity.summary, is_drafted(entity, "summary")), "url": url(entity_page(entity.id).save_as)}
    if entity.aliases:
        data["alternateName"] = entity.aliases
    return data


def _citations(site: Site, cited: list[Cited | None]) -> list[dict[str, Any]]:
    """The stored outside sources these background statements cite, as schema.org works."""
    ids = dict.fromkeys(c.source for c in cited if c is not None and c.source in site.stored)
    return [{"@type": "CreativeWork", "name": stored.title, "url": stored.url,
             **({"publisher": {"@type": "Organization", "name": stored.publisher}} if stored.publisher else {})}
            for stored in (site.stored[i] for i in ids)]


def _ref(entity: Entity, url) -> dict[str, Any]:
    return {"@type": SCHEMA_TYPES[entity.kind], "@id": url(entity_page(entity.id).save_as), "name": entity.name}


def _event(event, site: Site, url) -> dict[str, Any]:
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "Event", "name": plain(event.what, is_drafted(event, "what")),
                            "url": url(NoteKey("event", event.id).url), "description": f"{event.when}: {plain(event.what, is_drafted(event, 'what'))}",
                            "about": [_ref(site.entities[e], url) for e in event.entities]}
    year = re.match(_YEAR_ONLY, event.when.strip(), re.IGNORECASE)
    if year and year.group(1) in event.source.quote:
        data["startDate"] = year.group(1)
    return data


def _correction(note, url) -> dict[str, Any]:
    # Short: the note's page (the url) says what the words most likely mean, and why.
    return {"@type": "CorrectionComment", "url": url(NoteKey("note", note.id).url),
            "text": f"{EDITORS_NOTE_LABELS[note.kind]}: “{note.source.quote}”"}


def _origin(source_url: str) -> str:
    scheme, _, rest = source_url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}"

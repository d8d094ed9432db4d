"""The notes as W3C Web Annotations (data/annotations.jsonld): every statement that cites the
article, as an annotation on the article page, for tools that read the standard
(https://www.w3.org/TR/annotation-model/) rather than this site's notes.json.

Each annotation's target is the quote on its article's page, chosen two ways a reader's tool
can use: a TextQuoteSelector (the quote exactly as the page has it, with up to 32 characters
of its paragraph before and after) and the paragraph's element (a FragmentSelector, `p4`)
refined by a TextPositionSelector (where the quote starts and ends in that paragraph's text,
in characters). The body is the statement in the site's words, and a link to its note's page.
A text not written yet (a `TODO`) is left out: it states nothing."""

from __future__ import annotations

from collections.abc import Iterator

from ..content.articles import Paragraph
from ..content.notes import EDITORS_NOTE_LABELS, RELATION_LABELS, Site, Source
from ..content.unfinished import is_placeholder
from ..core.routes import ANNOTATIONS_JSONLD, EDITORS_NOTES, FIGURES, GLOSSARY, TIMELINE, entity_page
from ..core.text_fragments import collapse, find_quote

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
AROUND = 32  # characters of the paragraph kept before and after a quote
HTML = "http://www.w3.org/TR/html/"  # what a FragmentSelector's `p4` conforms to: an element id


def annotations(site: Site, site_url: str = "") -> dict:
    """The collection, its IRIs absolute under `site_url` (a published site's address) or,
    without one, relative to the file itself (data/annotations.jsonld)."""
    base = f"{site_url.rstrip('/')}/" if site_url else "../"
    statements = [s for s in _statements(site) if not is_placeholder(s[0])]
    items = [_annotation(site, base, n, *statement) for n, statement in enumerate(statements, 1)]
    return {
        "@context": CONTEXT,
        "id": f"{base}{ANNOTATIONS_JSONLD}",
        "type": "AnnotationCollection",
        "label": "What this explainer says about the article, each with the words it rests on",
        "total": len(items),
        "first": {"type": "AnnotationPage", "id": f"{base}{ANNOTATIONS_JSONLD}#page-1", "startIndex": 0, "items": items},
    }


def _statements(site: Site) -> Iterator[tuple[str, str, Source, str]]:
    """(the statement, the page it is on, its source, the W3C motivation) of every note that
    cites the article, in the notes' order."""
    for entity in site.entities.values():
        page = entity_page(entity.id).save_as
        for fact in entity.facts:
            yield fact.text, page, fact.source, "describing"
        for relation in entity.relations:
            other = site.entities.get(relation.target)
            if relation.source is not None and other is not None:
                said = f"{entity.name} {RELATION_LABELS[relation.type][0]} {other.name}"
                yield said + (f": {relation.figure}" if relation.figure else ""), page, relation.source, "describing"
    for term in site.terms.values():
        yield term.in_article, GLOSSARY.save_as + f"#{term.id}", term.source, "describing"
    for event in site.events:
        yield f"{event.when}: {event.what}", TIMELINE.save_as + f"#{event.id}", event.source, "describing"
    for figure in site.figures:
        yield f"{figure.value}: {figure.measures}", FIGURES.save_as + f"#{figure.id}", figure.source, "describing"
    for note in site.editors_notes:
        said = f"{EDITORS_NOTE_LABELS[note.kind]}. {note.why} Most likely: {note.likely}"
        yield said, EDITORS_NOTES.save_as + f"#{note.id}", note.source, "commenting"
    for takeaway in site.takeaways:
        for source in takeaway.sources:
            yield takeaway.text, "", source, "describing"  # the home page, at the site's root


def _annotation(site: Site, base: str, n: int, text: str, page: str, source: Source, motivation: str) -> dict:
    article, paragraph = site.resolve(source.paragraph)
    annotation = {
        "id": f"{base}{ANNOTATIONS_JSONLD}#a{n}",
        "type": "Annotation",
        "motivation": motivation,
        "body": [
            {"type": "TextualBody", "value": collapse(text), "format": "text/plain", "language": "en",
             "purpose": motivation},
            {"type": "SpecificResource", "source": f"{base}{page}", "purpose": "linking"},
        ],
        "target": {"source": f"{base}{article.url}", "selector": _selectors(paragraph, source.quote)},
    }
    return annotation


def _selectors(paragraph: Paragraph, quote: str) -> list[dict]:
    found = find_quote(quote, paragraph.text)
    if found is None:  # the build has checked every quote: this is a build that failed its check
        return []
    start, end = found
    text = paragraph.text
    return [
        {"type": "TextQuoteSelector", "exact": text[start:end],
         "prefix": text[max(0, start - AROUND):start], "suffix": text[end:end + AROUND]},
        {"type": "FragmentSelector", "conformsTo": HTML, "value": paragraph.id,
         "refinedBy": {"type": "TextPositionSelector", "start": start, "end": end}},
    ]

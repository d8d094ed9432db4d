"""Preview cards: for every note a page links to, a small card rendered into the page.

The cards sit in a `hidden` container at the end of the page, as compact data (kind and
name in attributes, the text as content); theme/static/js/cards.js lays the matching one
out beside a link on hover, focus or first tap, with a link to where the hovered link goes.
Without JavaScript they are never seen and the links simply go to their pages. Texts are
escaped here.

An entity's or a term's card leads with what the article says, then the background, kept
apart as the notes keep them (content/notes/model.py):

    <span id="card-entity-renault" data-kind="Company" data-name="Renault" data-cite="#p4"
      >Will cut its stake in Nissan to 15%.<small>French carmaker, founded in 1898…</small></span>

The content's text is the article's statement, `data-cite` the link to the paragraph it
rests on (`#p4` on that article's own page, else the article page's URL), `data-of` the
article's title when the site has several and the page is not that article's, and
`<small>` the background. An entity without facts has only the `<small>`. Events, figures
and editor's notes are one text, as they all are the article's (no `<small>`, no cite).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import escape

from ..content.notes import EDITORS_NOTE_LABELS, KIND_LABELS, Entity, Fact, Site, Source
from ..content.unfinished import is_drafted, is_placeholder
from ..core.routes import NoteKey, link, to_page
from .citations import Citations
from .drafts import BADGE, DRAFTED_BADGE, plain

# Characters of each text on a card: a preview, not the page (every page carries the cards
# of the notes it links to, so they count against its weight).
MAX_TEXT = 130  # an event's, a figure's or an editor's note's one text
MAX_STATEMENT = 140  # what the article says (an entity's fact, a term's use in it): shown whole, mostly
MAX_BACKGROUND = 90  # an entity's summary, a term's definition, after the statement


class Cards:
    """The cards of one build's notes, each made once per article page (every other page
    shows the same card; most pages show the same few)."""

    def __init__(self, site: Site, citations: Citations):
        self._site = site
        self._citations = citations
        self._made: dict[tuple[NoteKey, str | None], str] = {}

    def html(self, keys: Iterable[NoteKey], save_as: str, article: str | None = None) -> str:
        """The container of the cards for these notes, to end the page saved as `save_as`
        with ("" if none); `article` is the id of the article the page shows, if it is one."""
        cards = [html for key in sorted(keys) if (html := self.card(key, article))]
        if not cards:
            return ""
        return to_page(f'<div class="note-cards" id="note-cards" hidden data-pagefind-ignore="all">'
                       f'{"".join(cards)}</div>\n', save_as)

    def card(self, key: NoteKey, article: str | None = None) -> str:
        # Only an entity's or a term's card depends on the page's article (its fact, its link).
        made = (key, article if key.kind in ("entity", "term") else None)
        if made not in self._made:
            self._made[made] = card(self._site, self._citations, key, article)
        return self._made[made]


def card(site: Site, citations: Citations, key: NoteKey, article: str | None = None) -> str:
    """The preview card of one note, on a page of `article` (its id) or of no article, or ""
    if the notes have none by that key. Its links start at the site's root (routes.to_page),
    and a statement's link lands on its quote (a text fragment)."""
    kind, ident = key
    if kind == "entity" and ident in site.entities:
        entity = site.entities[ident]
        fact = lead_fact(site, entity, article)
        return _render(key, KIND_LABELS[entity.kind][0], entity.name, fact.text if fact else "",
                       background=entity.summary, cite=_cite(site, fact.source, article, citations) if fact else {},
                       drafted=(bool(fact) and is_drafted(fact, "text"), is_drafted(entity, "summary")))
    if kind == "term" and ident in site.terms:
        term = site.terms[ident]
        return _render(key, "Glossary", term.display_name,
                       term.in_article, background=term.definition, cite=_cite(site, term.source, article, citations),
                       drafted=(is_drafted(term, "in_article"), is_drafted(term, "definition")))
    found = site.by_id.get(kind, {}).get(ident)
    if kind == "figure" and found:
        return _render(key, "Key figure", found.value, found.measures, drafted=(is_drafted(found, "measures"), False))
    if kind == "event" and found:
        return _render(key, "Timeline", found.when, found.what, drafted=(is_drafted(found, "what"), False))
    if kind == "note" and found:
        return _render(key, f"Editor’s note · {EDITORS_NOTE_LABELS[found.kind]}", f"“{found.source.quote}”",
                       f"Most likely: {found.likely}")
    return ""


def lead_fact(site: Site, entity: Entity, article: str | None = None) -> Fact | None:
    """The fact an entity's card leads with: on an article's page, the one from the earliest
    paragraph of that article (if it states any); else the first the notes give."""
    if article is not None:
        own = [(paragraph, i) for i, fact in enumerate(entity.facts)
               if (paragraph := _position(site, fact.source, article)) is not None]
        if own:
            return entity.facts[min(own)[1]]
    return entity.facts[0] if entity.facts else None


def _position(site: Site, source: Source, article: str) -> int | None:
    """The number of the source's paragraph in `article` (None if it is in another article)."""
    cited, paragraph = site.resolve(source.paragraph)
    return int(paragraph.id.removeprefix("p")) if cited.id == article else None  # ids are p1, p2, ...


def _cite(site: Site, source: Source, article: str | None, citations: Citations) -> dict[str, str]:
    """The attributes that link a card's statement to its paragraph, from a page of `article`."""
    cited, paragraph = site.resolve(source.paragraph)
    fragment = citations.fragment(cited, paragraph, source.quote, for_script=True)
    if cited.id == article:
        return {"data-cite": f"#{fragment}"}
    attributes = {"data-cite": link(cited.url, fragment)}
    if site.several_articles:
        attributes["data-of"] = cited.title
    return attributes


def _render(key: NoteKey, kind: str, name: str, text: str, background: str | None = None,
            cite: dict[str, str] | None = None, drafted: tuple[bool, bool] = (False, False)) -> str:
    """One card as data; the script lays it out and links it to the hovered link's target.
    A card whose text is not written yet (make html) says "Draft" beside its kind, in
    words, and what is left to write instead of the placeholder (render/drafts.py). One
    whose text the draft wrote and no author has reviewed (`drafted`: the text's, the
    background's) says "Drafted, not reviewed" beside its kind and before that text."""
    if any(is_placeholder(t) for t in (text, background)):
        kind, cite = f"{kind} \u00b7 {BADGE}", {**(cite or {}), "data-draft": BADGE.lower()}
        text, background = plain(text), None if background is None else plain(background)
    elif any(drafted):
        kind, cite = f"{kind} \u00b7 {DRAFTED_BADGE}", {**(cite or {}), "data-draft": "drafted"}
        text = plain(text, drafted[0])
        background = None if background is None else plain(background, drafted[1])
    attributes = "".join(f' {attribute}="{escape(value)}"' for attribute, value in (cite or {}).items())
    if background is None:
        content = escape(_clip(text, MAX_TEXT))
    else:
        content = f"{escape(_clip(text, MAX_STATEMENT))}<small>{escape(_clip(background, MAX_BACKGROUND))}</small>"
    return (f'<span id="{key.card_id}" data-kind="{escape(kind)}" data-name="{escape(name)}"{attributes}>'
            f"{content}</span>")


def _clip(text: str, limit: int) -> str:
    """At most `limit` characters: the whole sentences that fit where they say enough (two
    fifths of it at least), else the words that fit and an ellipsis (not "... call it the…")."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    sentences = max((m.end() for m in re.finditer(r"[.!?](?=\s)", text[:limit])), default=0)
    if sentences >= 0.4 * limit:
        return text[:sentences]
    cut = text.rfind(" ", 0, limit - 1)
    return text[: cut if cut > 0 else limit - 1].rstrip(",;:") + "\u2026"

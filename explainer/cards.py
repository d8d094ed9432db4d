"""Preview cards: for every note a page links to, a small card rendered into the page.

The cards sit in a `hidden` container at the end of the page, as compact data (kind and
name in attributes, the text as content); theme/static/js/cards.js lays the matching one
out beside a link on hover, focus or first tap, with a link to where the hovered link goes.
Without JavaScript they are never seen and the links simply go to their pages. Texts are
escaped here.
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import escape

from .notes import EDITORS_NOTE_LABELS, KIND_LABELS, Site
from .routes import NoteKey

MAX_TEXT = 130  # characters of summary or definition on a card: a preview, not the page


class Cards:
    """The cards of one build's notes, each made once (most pages show the same few)."""

    def __init__(self, site: Site):
        self._site = site
        self._made: dict[NoteKey, str] = {}

    def html(self, keys: Iterable[NoteKey]) -> str:
        """The container of the cards for these notes, to end a page with ("" if none)."""
        cards = [html for key in sorted(keys) if (html := self.card(key))]
        if not cards:
            return ""
        return f'<div class="note-cards" id="note-cards" hidden data-pagefind-ignore="all">{"".join(cards)}</div>\n'

    def card(self, key: NoteKey) -> str:
        if key not in self._made:
            self._made[key] = card(self._site, key)
        return self._made[key]


def card(site: Site, key: NoteKey) -> str:
    """The preview card of one note, or "" if the notes have none by that key."""
    kind, ident = key
    if kind == "entity" and ident in site.entities:
        entity = site.entities[ident]
        return _render(key, KIND_LABELS[entity.kind][0], entity.name, entity.summary)
    if kind == "term" and ident in site.terms:
        term = site.terms[ident]
        return _render(key, "Glossary", term.term + (f" ({term.abbreviation})" if term.abbreviation else ""),
                       term.definition)
    found = site.by_id.get(kind, {}).get(ident)
    if kind == "figure" and found:
        return _render(key, "Key figure", found.value, found.measures)
    if kind == "event" and found:
        return _render(key, "Timeline", found.when, found.what)
    if kind == "note" and found:
        return _render(key, f"Editor’s note · {EDITORS_NOTE_LABELS[found.kind]}", f"“{found.source.quote}”",
                       f"Most likely: {found.likely}")
    return ""


def _render(key: NoteKey, kind: str, name: str, text: str) -> str:
    """One card as data; the script lays it out and links it to the hovered link's target."""
    return (f'<span id="{key.card_id}" data-kind="{escape(kind)}" data-name="{escape(name)}">'
            f"{escape(_clip(text))}</span>")


def _clip(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= MAX_TEXT:
        return text
    cut = text.rfind(" ", 0, MAX_TEXT - 1)
    return text[: cut if cut > 0 else MAX_TEXT - 1].rstrip(",;:") + "\u2026"

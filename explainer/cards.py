"""Preview cards: for every note a page links to, a small card rendered into the page.

The cards sit in a `hidden` container at the end of the page; theme/static/js/cards.js
shows the matching one beside a link on hover, focus or first tap. Without JavaScript they
are never seen and the links simply go to their pages. Texts are escaped here; links are
Pelican `{filename}` links, resolved per page.
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import escape

from .linking import PAGES, href, note_href
from .notes import EDITORS_NOTE_LABELS, KIND_LABELS, Site

MAX_TEXT = 220  # characters of summary or definition on a card: a preview, not the page


def cards_html(site: Site, keys: Iterable[str]) -> str:
    cards = [card for key in sorted(keys) if (card := _card(site, key))]
    if not cards:
        return ""
    return f'<div class="note-cards" id="note-cards" hidden data-pagefind-ignore="all">{"".join(cards)}</div>\n'


def _card(site: Site, key: str) -> str:
    kind, _, ident = key.partition(":")
    if kind == "entity" and ident in site.entities:
        entity = site.entities[ident]
        return _render(key, KIND_LABELS[entity.kind][0], entity.name, entity.summary, note_href(entity),
                       f"More about {entity.name}")
    if kind == "term" and ident in site.terms:
        term = site.terms[ident]
        name = term.term + (f" ({term.abbreviation})" if term.abbreviation else "")
        return _render(key, "Glossary", name, term.definition, note_href(term), "In the glossary")
    note = next((n for n in site.editors_notes if n.id == ident), None)
    if kind == "note" and note:
        return _render(key, f"Editor’s note · {EDITORS_NOTE_LABELS[note.kind]}", f"“{note.source.quote}”",
                       f"Most likely: {note.likely}", href(PAGES["editors_notes"][0], note.id), "Why we think so")
    return ""


def _render(key: str, kind: str, name: str, text: str, link: str, more: str) -> str:
    kind_id = key.replace(":", "-")
    return (f'<div class="card" id="card-{kind_id}"><p class="card-kind">{escape(kind)}</p>'
            f'<p class="card-name">{escape(name)}</p><p class="card-text">{escape(_clip(text))}</p>'
            f'<a class="card-more" href="{link}" tabindex="-1">{escape(more)}</a></div>')


def _clip(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= MAX_TEXT:
        return text
    cut = text.rfind(" ", 0, MAX_TEXT - 1)
    return text[: cut if cut > 0 else MAX_TEXT - 1].rstrip(",;:") + "\u2026"

"""How a text not written yet shows on `make html` (make publish refuses it: content/unfinished.py
holds the rule): never as if it were a fact, but as a "Draft" badge, in words (not colour
only), and what the placeholder asks for.

    'TODO: what it measures'  ->  [Draft]{.draft-badge} [Not written yet: what it measures]{.draft-text}

A text the notes draft wrote that no author has reviewed (named in its note's `drafted:`)
is shown, since it is written, but with a "Drafted, not reviewed" badge before it:

    measures: Renault will cut its stake, drafted: [measures]
        ->  [Drafted, not reviewed]{.draft-badge} Renault will cut its stake
"""

from __future__ import annotations

from collections.abc import Callable

from ..content.notes import Entity, Note, Term
from ..content.unfinished import DRAFTED, is_drafted, is_placeholder, placeholder_hint

BADGE = "Draft"
NOT_WRITTEN = "Not written yet"
DRAFTED_BADGE = "Drafted, not reviewed"


def draft_markdown(text: str, escape: Callable[[str], str]) -> str | None:
    """A placeholder as inline Markdown (`escape` makes the hint literal text), or None for
    a text that is written."""
    if not is_placeholder(text):
        return None
    hint = placeholder_hint(text)
    said = f"{NOT_WRITTEN}: {escape(hint)}" if hint else f"{NOT_WRITTEN}."
    return f"[{BADGE}]{{.draft-badge}} [{said}]{{.draft-text}}"


def drafted_markdown(text: str) -> str:
    """The badge that goes before a drafted text, not reviewed yet, as inline Markdown."""
    return f"[{DRAFTED_BADGE}]{{.draft-badge .drafted-badge}} {text}"


def plain(text: str, drafted: bool = False, apart: str = "") -> str:
    """A text as plain words where no badge can go (a card, a page's description, a search
    result): a placeholder says it is a draft, a drafted text that it is not reviewed. With
    `apart`, the badge's words and the text are set apart by it, as a page shows them
    ("Drafted, not reviewed · Renault will cut its stake")."""
    if not is_placeholder(text):
        return (f"{DRAFTED_BADGE}{apart or ': '}{text}") if drafted and text else text
    hint = placeholder_hint(text)
    said = (f"{NOT_WRITTEN}: {hint}" if hint else f"{NOT_WRITTEN}.") if apart else \
        NOT_WRITTEN.lower() + (f": {hint}" if hint else ".")
    return f"{BADGE}{apart or ', '}{said}"


def drafted(note: Note) -> bool:
    """Whether a note (or one of an entity's facts or relations) holds text not reviewed yet."""
    parts = [*note.facts, *note.relations] if isinstance(note, Entity) else []
    return any(getattr(item, DRAFTED, None) for item in (note, *parts))


def texts(note: Note) -> list[str]:
    """The texts a note shows in its own words (what a placeholder may be left in)."""
    if isinstance(note, Entity):
        return [note.summary, *(fact.text for fact in note.facts), *(r.figure or "" for r in note.relations)]
    if isinstance(note, Term):
        return [note.definition, note.in_article]
    return [str(value) for name in ("what", "when", "value", "measures", "likely", "why", "text")
            if isinstance(value := getattr(note, name, None), str)]


def is_draft(note: Note) -> bool:
    """Whether a note still holds a placeholder in any of its texts, or a drafted text not
    reviewed yet."""
    return any(is_placeholder(text) for text in texts(note)) or drafted(note)


__all__ = ["BADGE", "DRAFTED_BADGE", "NOT_WRITTEN", "draft_markdown", "drafted", "drafted_markdown", "is_draft",
           "is_drafted", "plain", "texts"]

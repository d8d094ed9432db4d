"""Editor's notes: apparent errors and ambiguities in the text, which itself stays unchanged."""

from __future__ import annotations

from ..index import SiteIndex
from ...content.notes import EDITORS_NOTE_LABELS, Site
from ...content.site import fixed_pages
from ...core.routes import EDITORS_NOTES, mark_id
from .common import GeneratedPage, cite, inline, quoted


def render(site: Site, index: SiteIndex) -> list[GeneratedPage]:
    if EDITORS_NOTES not in fixed_pages(site):
        return []
    several = site.several_articles
    lines = [
        ("Each article is" if several else "The article is") + " reproduced exactly as received, errors "
        "included. Where its words look wrong or can be read more than one way, the note below says "
        "what they most likely mean and why; in the article the words are highlighted and marked *ed.*",
        "",
    ]
    for note in site.editors_notes:
        article, paragraph = site.resolve(note.source.paragraph)
        lines += [
            f"{{#{note.id} .editors-note}}",
            f"## {quoted(note.source.quote)}",
            "",
            "{.note-kind}",
            f"{EDITORS_NOTE_LABELS[note.kind]} {cite(index, note.source)}",
            "",
            f"**Most likely:** {inline(note.likely)}",
            "",
            f"**Why:** {inline(note.why)}",
            "",
            f"[See these words in the article]({article.source_link}#{mark_id(note.id)})",
            "",
        ]
    return [GeneratedPage(
        source=EDITORS_NOTES.source, save_as=EDITORS_NOTES.save_as, title="Editor’s notes",
        summary=f"Apparent errors and ambiguities in {'the articles' if several else 'the article'}, "
                "and what the words most likely mean.",
        template="page", markdown="\n".join(lines), metadata={"menu": 6, "menu_label": "Editor’s notes"},
    )]

"""What an article page says about the publisher's revisions of its text (content/revisions.py):
one line each, newest first: "Updated 4 December 2026: ¶ 6 added; words changed in ¶ 5;
one paragraph removed; ¶ 4 is now ¶ 5." Each ¶ of the new text links to its paragraph."""

from __future__ import annotations

from markupsafe import Markup, escape

from ..content.articles import Article
from ..core.text import NUMBER_WORDS


def revision_notes(article: Article) -> list[Markup]:
    return [_note(revision) for revision in reversed(article.revisions)]


def _note(revision) -> Markup:
    parts = []
    if revision.added:
        parts.append(Markup("{} added").format(_paragraphs(revision.added)))
    if revision.changed:
        parts.append(Markup("words changed in {}").format(_paragraphs(revision.changed)))
    if revision.removed:
        n = revision.removed
        parts.append(f"{NUMBER_WORDS[n] if n < len(NUMBER_WORDS) else n} paragraph{'' if n == 1 else 's'} removed")
    if revision.moved:  # for a reader who came by an old link to a paragraph's number
        parts.append(Markup(", ").join(Markup("¶ {} is now {}").format(old.removeprefix("p"), _paragraphs([new]))
                                       for old, new in revision.moved.items()))
    said = Markup("; ").join(parts) if parts else Markup("no paragraph changed")
    return Markup("Updated {}: {}.").format(escape(revision.day), said)


def _paragraphs(ids: list[str]) -> Markup:
    links = [Markup('<a href="#{}">¶ {}</a>').format(pid, pid.removeprefix("p")) for pid in ids]
    return Markup(", ").join(links)

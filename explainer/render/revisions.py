"""What an article page says about the publisher's revisions of its text (content/revisions.py):
one line each, newest first: "Updated 4 December 2026: ¶ 6 added; words changed in ¶ 5;
one paragraph removed; ¶ 4 is now ¶ 5." Each ¶ of the new text links to its paragraph, with
a text fragment of its words as every link to a paragraph has (render/citations.py): the
browser marks the paragraph it lands on."""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from ..content.articles import Article
from ..core.text import counted


Fragment = Callable[[str], str]  # a paragraph's id -> its link's fragment ("p4:~:text=...")


def revision_notes(article: Article, fragment: Fragment) -> list[Markup]:
    return [_note(revision, fragment) for revision in reversed(article.revisions)]


def _note(revision, fragment: Fragment) -> Markup:
    parts = []
    if revision.added:
        parts.append(Markup("{} added").format(_paragraphs(revision.added, fragment)))
    if revision.changed:
        parts.append(Markup("words changed in {}").format(_paragraphs(revision.changed, fragment)))
    if revision.removed:
        n = revision.removed
        parts.append(f"{counted(n)} paragraph{'' if n == 1 else 's'} removed")
    if revision.moved:  # for a reader who came by an old link to a paragraph's number
        parts.append(Markup(", ").join(_renumbered(run, fragment) for run in _runs(revision.moved)))
    said = Markup("; ").join(parts) if parts else Markup("no paragraph changed")
    return Markup("Updated {}: {}.").format(revision.day, said)  # format escapes what is not Markup


def _paragraphs(ids: list[str], fragment: Fragment) -> Markup:
    return Markup(", ").join(_link(pid, f"¶ {pid.removeprefix('p')}", fragment) for pid in ids)


def _link(pid: str, words: str, fragment: Fragment) -> Markup:
    return Markup('<a href="#{}">{}</a>').format(fragment(pid), words)


def _runs(moved: dict[str, str]) -> list[list[tuple[int, int]]]:
    """The moves as runs of consecutive paragraphs shifted alike: p4->p5, p5->p6 is one run."""
    runs: list[list[tuple[int, int]]] = []
    for old, new in sorted((int(o.removeprefix("p")), int(n.removeprefix("p"))) for o, n in moved.items()):
        if runs and old == runs[-1][-1][0] + 1 and new - old == runs[-1][-1][1] - runs[-1][-1][0]:
            runs[-1].append((old, new))
        else:
            runs.append([(old, new)])
    return runs


def _renumbered(run: list[tuple[int, int]], fragment: Fragment) -> Markup:
    """"¶ 4 is now ¶ 5", or "¶ 4–8 are now ¶ 5–9" (the first and last new ones linked)."""
    (old, new), (last_old, last_new) = run[0], run[-1]
    if len(run) == 1:
        return Markup("¶ {} is now {}").format(old, _paragraphs([f"p{new}"], fragment))
    return Markup("¶ {}–{} are now {}–{}").format(old, last_old, _link(f"p{new}", f"¶ {new}", fragment),
                                                  _link(f"p{last_new}", str(last_new), fragment))

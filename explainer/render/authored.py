"""An authored page rendered once the notes are sound: `render_document` adds what the
notes give to the tokens the page was read as (explainer/content/document.py): the story
on the home page, editor's marks and links to the notes, then writes its HTML."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markdown_it.token import Token

from ..content.document import Document
from ..content.markdown import parse, read_env
from ..core.problems import Problem, display_path
from ..core.routes import NoteKey, to_page
from .markdown import RenderEnv, render_tokens


@dataclass
class RenderedPage:
    """A page's HTML, the notes it links to (their preview cards go with it), and any problem
    the notes caused in it."""

    html: str
    notes_shown: set[NoteKey]
    problems: list[Problem]
    # The runs of text an article's page looked for names in: what its links depend on
    # (build/incremental.py).
    runs: list[str] = field(default_factory=list, repr=False)


def render_document(doc: Document, notes: RenderEnv, story: str | None = None) -> RenderedPage:
    """Add the notes to the page's tokens and write its HTML. `notes` is what the note rules
    read for this page (render/markdown/env.py); `story` the Markdown of the story the home
    page tells (pages/home.py). The tokens are the document's own: it is rendered once."""
    assert doc.parsed is not None and doc.metadata is not None, "render only what loaded cleanly"
    tokens, env = doc.parsed
    doc.parsed = None
    shown = display_path(doc.path)
    if doc.article is not None:
        notes.runs = []
    problems: list[Problem] = []
    if story is not None:
        problems += _place_story(tokens, story, home=doc.template == "home", path=shown,
                                 references=env.get("references", {}))
    html = to_page(render_tokens(tokens, env, notes), doc.output)
    problems += [Problem(shown, line, message) for line, message in notes.problems] + notes.note_problems
    return RenderedPage(html, notes.notes_shown, problems, notes.runs or [])


def _place_story(tokens: list[Token], story: str, home: bool, path: str, references: dict[str, Any]) -> list[Problem]:
    """Put the story where the page has a `::: story` block, or at the end of the home page.
    Its links are added with the rest of the page's, so a name linked before it is not
    linked again in it, and the page's link references serve it too. Problems in its text
    are the page's, at the block (or the end)."""
    start = next((i for i, t in enumerate(tokens) if t.type == "container_story_open"), None)
    if start is None and not home:
        return []
    parsed, env = parse(story, references=references)
    problems = []
    if start is None:  # at the end, before the footnotes (footnote_tail moved them there)
        line = max((t.map[1] for t in tokens if t.map), default=0)
        at = next((i for i, t in enumerate(tokens) if t.type == "footnote_block_open"), len(tokens))
        tokens[at:at] = parsed
    else:
        depth, end = 0, start
        for end in range(start, len(tokens)):
            depth += tokens[end].nesting if tokens[end].type.startswith("container_story") else 0
            if depth == 0:
                break
        line = tokens[start].map[0] + 1 if tokens[start].map else 0
        if end > start + 1:
            problems.append(Problem(path, line, "the ::: story block is filled from the notes: leave it empty "
                                                "(what is inside would not show)"))
        tokens[start:end + 1] = parsed
    problems += [Problem(path, line, f"in the story from the notes: {message}") for _, message in read_env(env).problems]
    if any(t.type == "container_story_open" for t in tokens):
        problems.append(Problem(path, line, "the story can be placed once: keep one ::: story block"))
    return problems

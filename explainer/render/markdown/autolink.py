"""Link mentions of entities and glossary terms: first mention per article, or per section.

A core rule shaped like markdown-it's `linkify`: it walks each inline token's children,
leaves link text, code, headings and an outside source's quoted words alone, and splits `text` tokens around the names the
page's Linker finds (explainer/core/names.py).
"""

from __future__ import annotations

from collections.abc import Iterator

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from ...content.markdown.tokens import join_soft_breaks
from ...core.names import Linker
from ...core.routes import NoteKey
from .env import render_env


# The class of an outside source's quoted words (`[“...”]{.source-words}`): no name in them is
# linked, since they are not the article's ("an Asian republic" is not its Asian market).
SOURCE_WORDS = "source-words"


def link_names(state: StateCore) -> None:
    """With the page's `linker`, link the first mention of each note: of the whole text in an
    article (`article`), else of each section; never the page's own note (`self_key`) nor,
    in a section, the term the section is about. The notes linked are added to
    `notes_shown`; given a list in `runs`, the runs of text looked in are added to it."""
    notes = render_env(state.env)
    if notes.linker is None:
        return
    # An article is read as one text: what matters is linked once, at its first mention, and
    # only the terms a reader may need (Target.in_article). A page made from the notes is
    # consulted by section, so each section links its first mentions again.
    never = {notes.self_key}
    linked: set[NoteKey] = set()
    own_linked: set[NoteKey] = set()
    section_self = None
    for i, token in enumerate(state.tokens):
        if token.type == "heading_open":
            if not notes.article:
                linked = set()  # a new section: link first mentions again
            section_self = token.attrGet("id")
            continue
        if token.type != "inline" or (i and state.tokens[i - 1].type == "heading_open"):
            continue
        skip = never | ({NoteKey("term", str(section_self))} if section_self else set())
        children = join_soft_breaks(token.children or [])  # "Carlos\nGhosn" is one name
        if notes.runs is not None:
            notes.runs += [child.content for child in children if child.type == "text"]
        # In an article, a paragraph's own figures and dates link to the figures and timeline
        # pages first (once each, in the paragraph that states it).
        pid = state.tokens[i - 1].attrGet("id") if i and state.tokens[i - 1].type == "paragraph_open" else None
        own = notes.paragraph_linkers.get(str(pid)) if pid else None
        if own is not None:
            children = list(_link_children(children, own, own_linked, never, notes.notes_shown))
        token.children = list(_link_children(children, notes.linker, linked, skip, notes.notes_shown, notes.article))


def _link_children(children: list[Token], linker: Linker, linked: set[NoteKey], skip: set,
                   shown: set[NoteKey], article: bool = False) -> Iterator[Token]:
    in_link = 0  # inside a link, or inside an outside source's quoted words
    spans: list[bool] = []  # each open span: whether it holds a source's words
    for child in children:
        if child.type == "span_open":
            spans.append(SOURCE_WORDS in str(child.attrGet("class")).split())
            in_link += spans[-1]
        elif child.type == "span_close" and spans:
            in_link -= spans.pop()
        if child.type == "link_open":
            in_link += 1
        elif child.type == "link_close":
            in_link -= 1
        if child.type != "text" or in_link:
            yield child
            continue
        text, position = child.content, 0
        for start, end, target in linker.find(text):
            if target.key in linked or target.key in skip or (article and not target.in_article):
                continue
            linked.add(target.key)
            if start > position:
                yield _text(text[position:start], child)
            # data-card names the preview card, and is what the theme styles: no class needed.
            link = Token("link_open", "a", 1, attrs={"href": target.href, "data-card": target.key.slug})
            shown.add(target.key)
            yield link
            yield _text(text[start:end], child)
            yield Token("link_close", "a", -1)
            position = end
        if position == 0:
            yield child
        elif position < len(text):
            yield _text(text[position:], child)


def _text(content: str, like: Token) -> Token:
    token = Token("text", "", 0, content=content)
    token.level = like.level
    return token

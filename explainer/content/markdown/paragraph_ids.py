"""Stable paragraph ids (`p1`...`pN`, in source order) with a permalink on each paragraph.

A core rule over the block tokens, for a document read with `ReadEnv(numbered=True)` (the
article pages; other pages do not cite their paragraphs). Paragraphs inside footnotes are
not part of the text as received and get no number. The notes cite these ids.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from .env import read_env
from .tokens import added

# Footnote bodies, before (reference) and after (footnote_tail) they are moved to the end.
_FOOTNOTE_OPEN = {"footnote_reference_open", "footnote_block_open", "footnote_open"}
_FOOTNOTE_CLOSE = {"footnote_reference_close", "footnote_block_close", "footnote_close"}


def paragraph_ids_plugin(md: MarkdownIt) -> None:
    # After text_join, so escaped characters are plain text again and each run of text is
    # one token for the rules that follow.
    md.core.ruler.after("text_join", "paragraph_ids", _number_paragraphs)


def paragraph_id(n: int) -> str:
    return f"p{n}"


def _number_paragraphs(state: StateCore) -> None:
    if not read_env(state.env).numbered:
        return
    numbered = 0
    in_footnote = 0
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if token.type in _FOOTNOTE_OPEN:
            in_footnote += 1
        elif token.type in _FOOTNOTE_CLOSE:
            in_footnote -= 1
        elif token.type == "paragraph_open" and not token.hidden and not in_footnote:
            numbered += 1
            pid = paragraph_id(numbered)
            token.attrSet("id", pid)
            inline = tokens[i + 1]
            inline.children = [*(inline.children or []), *_permalink(pid, numbered)]


PILCROW = "\u00b6"


def permalink_label(n: int | str) -> str:
    """What the ¶ link of paragraph n says to a screen reader (and to find-in-page)."""
    return f"Paragraph {n}"


def _permalink(pid: str, n: int) -> list[Token]:
    """<a class="pilcrow" href="#p3"><span aria-hidden="true">¶</span><span class="visually-hidden">Paragraph 3</span></a>"""
    tok = added
    return [
        tok("link_open", "a", 1, **{"class": "pilcrow", "href": f"#{pid}"}),
        tok("span_open", "span", 1, **{"aria-hidden": "true"}),
        tok("text", "", 0, PILCROW),
        tok("span_close", "span", -1),
        tok("span_open", "span", 1, **{"class": "visually-hidden"}),
        tok("text", "", 0, permalink_label(n)),
        tok("span_close", "span", -1),
        tok("link_close", "a", -1),
    ]

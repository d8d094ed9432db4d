"""What the notes add to a page, and how its tokens become HTML.

A page is read once into tokens (explainer/content/markdown/); then the note rules run on
those tokens, in the order NOTE_RULES states, each doing nothing unless the page's
RenderEnv (env.py) gives it what it needs:

    mark_flags        editor's marks beside the words they are about   editor_marks.py
    link_names        links to the notes, at their first mentions      autolink.py
    list_footnotes    the editor's notes as numbered footnotes, for paper  editor_marks.py
    label_citations   "¶ 4" links get a spoken name and a class         citations.py

and markdown-it's renderer writes the HTML, with the named blocks' own tags (blocks.py).
"""

from __future__ import annotations

import inspect
from functools import cache
from typing import Any

from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from ...content.markdown import parse, parser, read_env
from .autolink import link_names
from .blocks import add_block_rules
from .citations import label_citations
from .editor_marks import list_footnotes, mark_flags
from .env import RENDER, Flag, RenderEnv, render_env

NOTE_RULES = (mark_flags, link_names, list_footnotes, label_citations)


def apply_note_rules(tokens: list[Token], env: dict[str, Any], notes: RenderEnv) -> None:
    """Run the note rules, in order, on a page's tokens as the parser left them (and `env`,
    the markdown-it env it was read with)."""
    env[RENDER] = notes
    state = StateCore("", parser(), env)
    state.tokens = tokens
    for rule in NOTE_RULES:
        rule(state)


@cache
def renderer() -> RendererHTML:
    """markdown-it's HTML renderer with the rules the parser's plugins gave it (footnotes,
    front matter), bound to this renderer, and the named blocks' own (blocks.py)."""
    html = RendererHTML()
    for name, rule in parser().renderer.rules.items():
        html.rules[name] = rule.__func__.__get__(html) if inspect.ismethod(rule) else rule
    add_block_rules(html)
    return html


def render_tokens(tokens: list[Token], env: dict[str, Any], notes: RenderEnv) -> str:
    """A page's HTML: its tokens with what the notes add to them."""
    apply_note_rules(tokens, env, notes)
    return renderer().render(tokens, parser().options, env)


def render_markdown(text: str, notes: RenderEnv, numbered: bool = False) -> tuple[str, list[tuple[int, str]]]:
    """Markdown read and rendered at once (a page made from the notes), and the problems
    found in it as (line, message): reading it (an image from another host), or what the
    notes caused."""
    tokens, env = parse(text, numbered)
    html = render_tokens(tokens, env, notes)
    return html, [*read_env(env).problems, *notes.problems]


__all__ = ["NOTE_RULES", "Flag", "RenderEnv", "apply_note_rules", "render_env", "render_markdown", "render_tokens",
           "renderer"]

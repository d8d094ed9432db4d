"""What the named `::: blocks` become in HTML (the parser reads them: content/markdown/).

    ::: disclaimer          -> <div class="disclaimer" role="note">
    ::: author-box          -> <footer class="author-box">  (inside the page's <article>)
    ::: background          -> <div class="background">    (knowledge from outside the article)
    ::: visual NAME         -> a build-time SVG, the RenderEnv's `visuals[NAME]` (render/visuals.py)
    ::: story               -> where the home page tells the story from the notes (render/authored.py
    :::                        replaces the block with it; the home page without one ends with it)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from markdown_it.renderer import RendererHTML
from markdown_it.token import Token

from .env import render_env

TAGS: dict[str, tuple[str, dict[str, str]]] = {
    "disclaimer": ("div", {"class": "disclaimer", "role": "note"}),
    "author-box": ("footer", {"class": "author-box"}),
    "background": ("div", {"class": "background"}),
}


def add_block_rules(renderer: RendererHTML) -> None:
    """The renderer's rules for each named block's opening and closing tokens."""
    rules: dict[str, Callable[..., str]] = {"visual": _render_visual, "story": lambda *args: ""}
    rules |= {name: _render(tag, attrs) for name, (tag, attrs) in TAGS.items()}
    for name, rule in rules.items():
        for end in ("open", "close"):
            renderer.rules[f"container_{name}_{end}"] = rule.__get__(renderer)


def _render_visual(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    """The visual's HTML, built and escaped by our own code; "" where the page has none."""
    token = tokens[idx]
    if token.nesting != 1:
        return ""
    name = token.info.split(maxsplit=1)[1].strip() if len(token.info.split()) > 1 else ""
    return str(render_env(env).visuals.get(name, ""))


def _render(tag: str, attrs: dict[str, str]) -> Callable[..., str]:
    def render(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        token.tag = tag
        if token.nesting == 1:
            for key, value in attrs.items():
                token.attrSet(key, value)
        return self.renderToken(tokens, idx, options, env)

    return render

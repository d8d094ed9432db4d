"""Named blocks an article needs beyond plain Markdown, as `::: name` containers.

    ::: disclaimer          -> <div class="disclaimer" role="note">
    ::: author-box          -> <footer class="author-box">  (inside the page's <article>)
    ::: background          -> <div class="background">    (knowledge from outside the article)
    ::: visual NAME         -> a build-time SVG from `env["visuals"][NAME]` (see explainer/visuals.py)
    ::: story               -> where the home page tells the story from the notes (document.py
    :::                        replaces the block with it; the home page without one ends with it)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin

BLOCKS: dict[str, tuple[str, dict[str, str]]] = {
    "disclaimer": ("div", {"class": "disclaimer", "role": "note"}),
    "author-box": ("footer", {"class": "author-box"}),
    "background": ("div", {"class": "background"}),
}


def blocks_plugin(md: MarkdownIt) -> None:
    for name, (tag, attrs) in BLOCKS.items():
        md.use(container_plugin, name, render=_render(tag, attrs))
    md.use(container_plugin, "visual", render=_render_visual)
    md.use(container_plugin, "story", render=lambda *args: "")  # a placeholder, filled before render


def _render_visual(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    """The visual's HTML, built and escaped by our own code; "" where the page has none."""
    token = tokens[idx]
    if token.nesting != 1:
        return ""
    name = token.info.split(maxsplit=1)[1].strip() if len(token.info.split()) > 1 else ""
    return str((env.get("visuals") or {}).get(name, ""))


def _render(tag: str, attrs: dict[str, str]) -> Callable[..., str]:
    def render(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        token.tag = tag
        if token.nesting == 1:
            for key, value in attrs.items():
                token.attrSet(key, value)
        return self.renderToken(tokens, idx, options, env)

    return render

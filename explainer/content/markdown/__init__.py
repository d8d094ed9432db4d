"""How an authored page is read: the one markdown-it-py parser of the site, and its rules.

Every page, authored or made from the notes, is read by `parse` into tokens; what the notes
add to a page (editor's marks, links, citations' labels) and how tokens become HTML are the
render layer's (explainer/render/markdown/). The parser: markdown-it's js-default preset
(no raw HTML, tables and strikethrough on), front matter, footnotes, `{#id .class}`
attributes, heading anchors, the named `::: blocks`, the link allow-list
(content/markdown/links.py) and, for an article, its paragraphs numbered p1, p2, ...
(content/markdown/paragraph_ids.py), which the notes cite.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from .env import READ, ReadEnv, read_env
from .links import links_plugin
from .paragraph_ids import paragraph_ids_plugin

# The named blocks a page may hold beyond plain Markdown, as `::: name` containers; what
# each becomes in HTML is the render layer's (render/markdown/blocks.py).
BLOCKS = ("disclaimer", "author-box", "background", "visual", "story")

@cache
def parser() -> MarkdownIt:
    """The parser, configured once (it holds no state of a document: that is in the env)."""
    md = MarkdownIt("js-default")
    md.use(front_matter_plugin)
    md.use(footnote_plugin)
    # `{#id .class}` lines before blocks (generated pages give headings their note ids) and
    # `[words]{.class}` spans; nothing else gets through, and ids only on whole blocks, so
    # text inside a line (a note's field) cannot claim an id the page uses.
    md.use(attrs_block_plugin, allowed=["id", "class"])
    md.use(attrs_plugin, spans=True, allowed=["class"])
    md.use(anchors_plugin, min_level=2, max_level=4)
    for name in BLOCKS:
        md.use(container_plugin, name)
    md.use(links_plugin)
    md.use(paragraph_ids_plugin)
    return md


def parse(text: str, numbered: bool = False, references: dict[str, Any] | None = None
          ) -> tuple[list[Token], dict[str, Any]]:
    """A page's tokens, and the env it was read with (its ReadEnv, markdown-it's link
    references and footnotes, which its render needs again)."""
    env: dict[str, Any] = {READ: ReadEnv(numbered)}
    if references is not None:
        env["references"] = dict(references)
    return parser().parse(text, env), env


__all__ = ["BLOCKS", "READ", "ReadEnv", "parse", "parser", "read_env"]

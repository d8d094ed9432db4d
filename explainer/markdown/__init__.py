"""The one markdown-it-py configuration used for every page of the site."""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from .blocks import blocks_plugin
from .links import links_plugin
from .paragraph_ids import paragraph_ids_plugin


@cache
def markdown() -> MarkdownIt:
    """markdown-it with the js-default preset: no raw HTML, tables and strikethrough on."""
    md = MarkdownIt("js-default")
    md.use(front_matter_plugin)
    md.use(footnote_plugin)
    md.use(anchors_plugin, min_level=2, max_level=4)
    md.use(blocks_plugin)
    md.use(links_plugin)
    md.use(paragraph_ids_plugin)
    return md

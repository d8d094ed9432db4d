"""The one markdown-it-py configuration used for every page of the site."""

from __future__ import annotations

from functools import cache

from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin

from .autolink import autolink_plugin, link_names
from .blocks import blocks_plugin
from .citations import citations_plugin
from .editor_marks import editor_footnotes_plugin, editor_marks_plugin, list_footnotes, mark_flags
from .links import links_plugin
from .paragraph_ids import paragraph_ids_plugin


@cache
def markdown() -> MarkdownIt:
    """markdown-it with the js-default preset: no raw HTML, tables and strikethrough on.

    Our core rules run in this order after "inline": paragraph_ids, editor_marks, autolink,
    editor_footnotes; each does nothing unless the document's env asks for it.
    """
    md = MarkdownIt("js-default")
    md.use(front_matter_plugin)
    md.use(footnote_plugin)
    # `{#id .class}` lines before blocks (generated pages give headings their note ids) and
    # `[words]{.class}` spans; nothing else gets through, and ids only on whole blocks, so
    # text inside a line (a note's field) cannot claim an id the page uses.
    md.use(attrs_block_plugin, allowed=["id", "class"])
    md.use(attrs_plugin, spans=True, allowed=["class"])
    md.use(anchors_plugin, min_level=2, max_level=4)
    md.use(blocks_plugin)
    md.use(links_plugin)
    md.use(paragraph_ids_plugin)
    md.use(editor_marks_plugin)
    md.use(autolink_plugin)
    md.use(editor_footnotes_plugin)
    md.use(citations_plugin)
    return md


def apply_note_rules(tokens: list[Token], env: dict[str, Any]) -> None:
    """Run the rules that need the notes (editor's marks, links, the marks' footnotes) on
    tokens parsed without them: every page is parsed once, before the notes are checked (an
    article, to number the paragraphs they cite), and gets its marks and links afterwards,
    as a parse with them would give (the rules after these, anchors, local images and
    citations, do not depend on them)."""
    state = StateCore("", markdown(), env)
    state.tokens = tokens
    mark_flags(state)
    link_names(state)
    list_footnotes(state)

"""The article page must reproduce the received text: same blocks, same words, same order.

Compares the text of the Markdown's headings and paragraphs (as a reader sees it, Markdown
syntax removed) with the blocks of source.txt after `fold` (whitespace, typographic quotes).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence
from pathlib import Path

from markdown_it.token import Token

from ..core.problems import Problem, display_path
from ..core.text import fold
from .markdown.tokens import ADDED
from .source import SourceBlock


# The Markdown an article may use: its text is paragraphs and headings, and the disclaimer
# and author box are containers of those. Anything else would add to the received text.
_ARTICLE_BLOCKS = {"front_matter", "inline", "paragraph_open", "paragraph_close", "heading_open", "heading_close",
                   "container_disclaimer_open", "container_disclaimer_close",
                   "container_author-box_open", "container_author-box_close"}
_NAMES = {"bullet_list_open": "list", "ordered_list_open": "list", "table_open": "table", "fence": "code block",
          "code_block": "code block", "hr": "horizontal rule", "blockquote_open": "block quote"}


def extra_blocks(tokens: Sequence[Token], path: str) -> Iterator[Problem]:
    """Blocks that are not paragraphs or headings: the article page holds the received text only."""
    inside = 0  # nesting depth within a block already reported
    for token in tokens:
        if inside:
            inside += token.nesting
            continue
        if token.type in _ARTICLE_BLOCKS:
            continue
        name = _NAMES.get(token.type, token.type.removesuffix("_open").replace("_", " "))
        line = token.map[0] + 1 if token.map else 0
        yield Problem(path, line, f"a {name} is not part of the received text: "
                                  "the article holds its paragraphs and headings only")
        inside = max(token.nesting, 0)


def rendered_blocks(tokens: Sequence[Token]) -> Iterator[tuple[int, str]]:
    """(1-based line, reader-visible text) of every heading and paragraph, in order."""
    for i, token in enumerate(tokens):
        if token.type in ("heading_open", "paragraph_open") and not token.hidden and token.map:
            yield token.map[0] + 1, plain_text(tokens[i + 1].children or [])


def plain_text(children: Sequence[Token]) -> str:
    parts = []
    for child in children:
        if child.meta.get(ADDED):
            continue
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(plain_text(child.children or []))
    return "".join(parts)


def check_title(title: str | None, source: list[SourceBlock], path: str, source_path: Path) -> list[Problem]:
    if title is None or not source or fold(str(title)) == fold(source[0].text):
        return []
    src, head = display_path(source_path), source[0]
    return [Problem(path, 2, f"title differs from {src}:{head.line}: {_difference(head.text, title)}")]


def check_body(tokens: Sequence[Token], source: list[SourceBlock], path: str, source_path: Path) -> list[Problem]:
    """The headings and paragraphs against the received text, block by block."""
    src = display_path(source_path)
    if not source:
        return [Problem(src, 0, "the received text is empty")]
    problems: list[Problem] = []
    head, *body = source
    problems += list(extra_blocks(tokens, path))
    ours = list(rendered_blocks(tokens))
    theirs = [fold(b.text) for b in body]
    matcher = difflib.SequenceMatcher(a=theirs, b=[fold(t) for _, t in ours], autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if op == "replace" and a2 - a1 == b2 - b1:
            for block, (line, text) in zip(body[a1:a2], ours[b1:b2]):
                problems.append(Problem(path, line, f"differs from {src}:{block.line}: {_difference(block.text, text)}"))
            continue
        at = ours[b1][0] if b1 < len(ours) else (ours[-1][0] if ours else 1)
        for block in body[a1:a2]:
            problems.append(Problem(path, at, f"missing the block at {src}:{block.line}: {_clip(block.text)!r}"))
        for line, text in ours[b1:b2]:
            problems.append(Problem(
                path, line,
                f"not in {src}: {_clip(text)!r} (the article reproduces the received text only; "
                "put commentary in an editor's note)",
            ))
    return problems


def _difference(expected: str, got: str) -> str:
    """The two texts around their first difference, on word boundaries."""
    a, b = fold(expected), fold(got)
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"source has {_around(a, i)!r}, page has {_around(b, i)!r}"


def _around(text: str, i: int, before: int = 25, after: int = 30) -> str:
    start = text.rfind(" ", 0, max(0, i - before)) + 1
    end = text.find(" ", i + after)
    end = len(text) if end < 0 else end
    return ("\u2026" if start > 0 else "") + text[start:end] + ("\u2026" if end < len(text) else "")


def _clip(text: str, width: int = 60) -> str:
    text = fold(text)
    return text if len(text) <= width else text[: width - 1] + "\u2026"

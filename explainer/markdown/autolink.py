"""Link mentions of entities and glossary terms: first mention per article, or per section.

A core rule shaped like markdown-it's `linkify`: it walks each inline token's children,
leaves link text, code and headings alone, and splits `text` tokens around matches.

Matching is one pass over the words of the text through a trie of every name and alias,
split into words: at each word the trie is walked as far as the text allows and the
longest complete name wins ("Renault–Nissan alliance" before "Renault"). The cost per
word depends on the length of the longest name, not on how many notes there are, which a
regex alternation of all names would not give (Python's `re` tries alternatives in turn).
Entity names match case-sensitively ("Ampere" the unit, not "ampere"); glossary terms
match in any case ("Stake" at the start of a sentence).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from ..routes import NoteKey
from .tokens import join_soft_breaks

# Words, or single punctuation marks; whitespace between them is not significant.
_TOKEN = re.compile(r"\w+|[^\w\s]")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})


@dataclass(frozen=True)
class Target:
    key: NoteKey
    href: str
    case_sensitive: bool
    in_article: bool = True  # linked in an article's text too, not only on the notes' own pages


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    ends: list[tuple[tuple[str, ...], Target]] = field(default_factory=list)  # (name's words as written, target)


class Linker:
    """Finds names of notes in text. Build once per site; reuse for every page."""

    def __init__(self, names: Sequence[tuple[str, Target]]):
        self._root = _Node()
        for name, target in names:
            words, keys = _words_and_keys(_TOKEN.findall(name))
            node = self._root
            for key in keys:
                node = node.children.setdefault(key, _Node())
            node.ends.append((tuple(words), target))

    def find(self, text: str) -> Iterator[tuple[int, int, Target]]:
        """(start, end, target) of each longest, non-overlapping mention, left to right."""
        spans = list(_TOKEN.finditer(text))
        words, keys = _words_and_keys([span.group() for span in spans])
        roots, i = self._root.children, 0
        while i < len(words):
            best = None
            if keys[i] in roots:  # most words start no name: skip the walk
                for j, targets in self._walk(words, keys, i):
                    best = (j, targets[0])  # the longest name wins; of the same words, the first given
            if best:
                yield spans[i].start(), spans[best[0]].end(), best[1]
                i = best[0] + 1
            else:
                i += 1

    def names_in(self, text: str) -> set[str]:
        """The keys of every name in `text`, wherever it starts, overlapping or not: all that
        linking any part of the text could link to (see explainer/incremental.py)."""
        words, keys = _words_and_keys(_TOKEN.findall(text))
        roots = self._root.children
        return {target.key for i, key in enumerate(keys) if key in roots
                for _, targets in self._walk(words, keys, i) for target in targets}

    def _walk(self, words: list[str], keys: list[str], i: int) -> Iterator[tuple[int, list[Target]]]:
        """(last word, targets in the order given) of the names the words from i on spell,
        shortest first."""
        node, j = self._root.children.get(keys[i]), i
        while node is not None:
            # The trie's path matched the words in any case: right for a glossary term; an
            # entity's name must match as written.
            targets = [t for name, t in node.ends if not t.case_sensitive or tuple(words[i:j + 1]) == name]
            if targets:
                yield j, targets
            j += 1
            node = node.children.get(keys[j]) if j < len(words) else None


def name_words(name: str) -> tuple[str, ...]:
    """A name as the linker matches it, in any case: two names with the same words are one."""
    return tuple(_words_and_keys(_TOKEN.findall(name))[1])


def _words_and_keys(found: list[str]) -> tuple[list[str], list[str]]:
    """Words with one kind of apostrophe, and the same as the trie holds them (any case)."""
    if not found:
        return [], []
    # One call over the words joined by a space (no token holds whitespace), not one per word.
    words = " ".join(found).translate(_APOSTROPHES).split(" ")
    return words, " ".join(words).casefold().split(" ")


def autolink_plugin(md: MarkdownIt) -> None:
    """Enabled per document by `env["linker"]`; `env["self"]` is the key of the page's own note;
    `env["paragraph_linkers"]` maps paragraph ids to a Linker of that paragraph's own
    figures and dates. The keys of the notes linked are collected in `env["notes_shown"]`;
    given a list in `env["runs"]`, the runs of text it looked for names in are added to it
    (what an article page's links depend on: explainer/incremental.py)."""
    md.core.ruler.after("editor_marks", "autolink_notes", link_names)


def link_names(state: StateCore) -> None:
    linker: Linker | None = state.env.get("linker")
    if linker is None:
        return
    # An article is read as one text: what matters is linked once, at its first mention, and
    # only the terms a reader may need (Target.in_article). A page made from the notes is
    # consulted by section, so each section links its first mentions again.
    article = "paragraph_linkers" in state.env
    never = {state.env.get("self")}
    shown: set[str] = state.env.setdefault("notes_shown", set())  # for the preview cards
    linked: set[str] = set()
    own_linked: set[str] = set()
    runs: list[str] | None = state.env.get("runs")
    section_self = None
    for i, token in enumerate(state.tokens):
        if token.type == "heading_open":
            if not article:
                linked = set()  # a new section: link first mentions again
            section_self = token.attrGet("id")
            continue
        if token.type != "inline" or (i and state.tokens[i - 1].type == "heading_open"):
            continue
        skip = never | ({NoteKey("term", section_self)} if section_self else set())
        children = join_soft_breaks(token.children or [])  # "Carlos\nGhosn" is one name
        if runs is not None:
            runs += [child.content for child in children if child.type == "text"]
        # In an article, a paragraph's own figures and dates link to the figures and timeline
        # pages first (once each, in the paragraph that states it).
        pid = state.tokens[i - 1].attrGet("id") if i and state.tokens[i - 1].type == "paragraph_open" else None
        own = (state.env.get("paragraph_linkers") or {}).get(pid)
        if own is not None:
            children = list(_link_children(children, own, own_linked, never, shown))
        token.children = list(_link_children(children, linker, linked, skip, shown, article))


def _link_children(children: list[Token], linker: Linker, linked: set[str], skip: set,
                   shown: set[str], article: bool = False) -> Iterator[Token]:
    in_link = 0
    for child in children:
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

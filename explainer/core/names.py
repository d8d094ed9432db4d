"""The name matcher: finds the names of notes in running text.

One pass over the words of the text through a trie of every name and alias, split into
words: at each word the trie is walked as far as the text allows and the longest complete
name wins ("Renault–Nissan alliance" before "Renault"). The cost per word depends on the
length of the longest name, not on how many notes there are, which a regex alternation of
all names would not give (Python's `re` tries alternatives in turn). A name matches whole
words only; entity names match as written ("Ampere" the company, not "ampere"), glossary
terms in any case ("Stake" at the start of a sentence).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from .routes import NoteKey

# Words, or single punctuation marks; whitespace between them is not significant. A number
# with a thousands separator or a decimal point is one word: "240" is not a name in "240,000".
_TOKEN = re.compile(r"\d+(?:[.,]\d+)+|\w+|[^\w\s]")
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
        linking any part of the text could link to (see build/incremental.py)."""
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

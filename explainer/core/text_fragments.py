"""Links that land on the quoted words, not only on their paragraph: a text fragment
(`page.html#p4:~:text=...`, WICG "URL Fragment Text Directives"; Chromium 80+, Safari 16.1+,
Firefox 131+). A browser that finds no such words goes to the element the id before `:~:`
names, as the spec says: the paragraph.

A browser highlights the *first* match in the whole page, so a directive is chosen here that
the spec's algorithm ("find a range from a text directive") matches at the quote and nowhere
before it: the quote itself when short (`text=43%25`), its first and last words when long
(`text=inch%20closer,their%20alliance`), with words before it (`prefix-,`) or after it
(`,-suffix`) where that is still ambiguous. `match` runs that algorithm over the page's
text, so the choice is checked, not hoped for; the browser tests check it in Chromium.

The page's text is its blocks (its header, the title, each heading and paragraph) as a reader
sees them: the page's own marks add no words inside a paragraph (render/markdown/editor_marks.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from urllib.parse import quote as percent_encode
from urllib.parse import unquote

from .text import straight_quotes

_WORD_CHAR = re.compile(r"\w")
_WORD = re.compile(r"\S+")
SHORT = 6  # words: a quote this short is given whole; a longer one by its first and last words
_ENDS = (2, 3, 1, 4, 5)  # words at each end of a long quote, most natural first
_CONTEXT = 4  # at most this many words of prefix or suffix


def find_quote(quote: str, text: str) -> tuple[int, int] | None:
    """Where a note's quote is in a text (its first occurrence), as (start, end): its words
    in any quote style (core.text.straight_quotes), with any run of whitespace between them.
    (No regular expression: a build looks up tens of thousands of distinct quotes, and
    compiling one each cost more than the rest of the search.)"""
    words = straight_quotes(quote).split()
    if not words:
        return None
    plain = straight_quotes(text)
    at = plain.find(words[0])
    while at >= 0:
        end = _followed_by(plain, at + len(words[0]), words[1:])
        if end is not None:
            return at, end
        at = plain.find(words[0], at + 1)
    return None


def _followed_by(text: str, at: int, words: Sequence[str]) -> int | None:
    """Where `words` end if they follow `at` in `text`, each after some whitespace; else None."""
    for word in words:
        start = at
        while at < len(text) and text[at].isspace():
            at += 1
        if at == start or not text.startswith(word, at):
            return None
        at += len(word)
    return at


def collapse(text: str) -> str:
    """A block's text as a browser matches it: whitespace runs as one space."""
    return " ".join(text.split())


def encode(term: str, for_script: bool = False) -> str:
    """One term of a directive, percent-encoded as the spec requires ("-", "," and "&"
    included, which would otherwise be read as the directive's syntax). `for_script`: only
    those and "%" (for an attribute a script makes a link of: the URL parser encodes the
    rest, and the words stay the page's own, which compresses with them)."""
    if for_script:
        return re.sub(r"[%,&#-]", lambda m: f"%{ord(m.group()):02X}", term)
    return percent_encode(term, safe="").replace("-", "%2D")


Terms = tuple[str, str, str, str]  # (prefix, start, end, suffix), "" for a part not given


def directive(terms: Terms, for_script: bool = False) -> str:
    """`text=[prefix-,]start[,end][,-suffix]`, encoded."""
    prefix, start, end, suffix = (encode(t, for_script) for t in terms)
    return "text=" + ",".join([*([f"{prefix}-"] if prefix else []), start, *([end] if end else []),
                                *([f"-{suffix}"] if suffix else [])])


def parse(text_directive: str) -> Terms:
    """(prefix, start, end, suffix) of `text=...`, decoded ("" for a part not given)."""
    parts = text_directive.removeprefix("text=").split(",")  # the syntax read before decoding
    prefix = parts.pop(0)[:-1] if parts[0].endswith("-") else ""
    suffix = parts.pop()[1:] if parts and parts[-1].startswith("-") else ""
    start, end = parts[0], parts[1] if len(parts) > 1 else ""
    return unquote(prefix), unquote(start), unquote(end), unquote(suffix)


def text_directive(blocks: Sequence[str], block: int, start: int, end: int,
                   folded: Sequence[str] | None = None) -> Terms | None:
    """The terms of the shortest natural directive that lands on `blocks[block][start:end]`
    (blocks as `collapse` gives them), or None if no directive can (the paragraph link alone
    then: the quote does not begin and end on words' edges, or the page has it in an earlier
    place no context tells apart). `folded`: the blocks lower-cased, if the caller keeps them
    (one page, many quotes)."""
    text = blocks[block]
    words = [m.span() for m in _WORD.finditer(text, start, end)]
    if not words:
        return None
    folded = folded or [b.lower() for b in blocks]  # once for every candidate tried
    # Most quotes need no context: the words before and after are looked for only if one does.
    before: list[tuple[int, int]] = []
    after: list[tuple[int, int]] = []
    for context in range(0, 2 * _CONTEXT + 1):  # fewest words of context first
        if context == 1:
            before, after = _around(text, start, end)
        for p in range(0, min(context, len(before)) + 1):
            s = context - p
            if s > len(after):
                continue
            prefix = text[before[p - 1][0]: before[0][1]] if p else ""
            suffix = text[after[0][0]: after[s - 1][1]] if s else ""
            for term_start, term_end in _shapes(text, start, end, words):
                candidate = (prefix, term_start, term_end, suffix)
                if _match(candidate, folded) == (block, start, end):
                    return candidate
    return None


def _shapes(text: str, start: int, end: int, words: Sequence[tuple[int, int]]) -> Iterator[tuple[str, str]]:
    """A quote's (start, end) terms, most natural first: a short one whole, then its first
    and last words (two and three first), a long one whole last."""
    if len(words) <= SHORT:
        yield text[start:end], ""
    for n in _ENDS:
        for m in _ENDS:
            if n + m <= len(words):
                yield text[start: words[n - 1][1]], text[words[-m][0]: end]
    if len(words) > SHORT:
        yield text[start:end], ""


def _around(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The spans of the nearest words before and after text[start:end], nearest first."""
    window = 64 * _CONTEXT  # widened while it holds too few
    while True:
        low = max(0, start - window)
        before = [m.span() for m in _WORD.finditer(text, low, start)]
        if len(before) > _CONTEXT or low == 0:
            break
        window *= 4
    before = [span for span in before if span[0] > low or low == 0][-_CONTEXT:][::-1]  # not a word cut short
    after = [m.span() for _, m in zip(range(_CONTEXT), _WORD.finditer(text, end))]
    return before, after


def match(terms: Terms, blocks: Sequence[str]) -> tuple[int, int, int] | None:
    """Where a browser highlights (prefix, start, end, suffix) in a page of `blocks`: (block,
    start, end) of the first match, following the spec's algorithm (case-insensitive, whole
    words, a prefix or suffix separated from its term by whitespace only; a match that runs
    across blocks is none of a quote's, which is within one paragraph)."""
    return _match(terms, [b.lower() for b in blocks])  # lower(), not casefold(): offsets stay


def _match(terms: Terms, folded: Sequence[str]) -> tuple[int, int, int] | None:
    prefix, start, end, suffix = (t.lower() for t in terms)
    for b, text in enumerate(folded):
        position = 0
        while True:
            if prefix:
                found = _find(prefix, text, position)
                if found is None:
                    break
                position = found[0] + 1
                at = _skip_space(text, found[1])
                if not text.startswith(start, at) or not _bounded(text, at + len(start)) and (end or not suffix):
                    continue
                first = (at, at + len(start))
            else:
                found = _find(start, text, position)
                if found is None:
                    break
                position = found[0] + 1
                first = found
            last = _end_of(first, end, suffix, folded, b)
            if last is not None:
                return (b, first[0], last[1]) if last[0] == b else None
    return None


def _end_of(first: tuple[int, int], end: str, suffix: str, folded: Sequence[str], b: int):
    """(block, end offset) of the match that starts at `first` in block b, or None."""
    if not end:
        return (b, first[1]) if not suffix or _suffix_follows(folded[b], first[1], suffix) else None
    for e in range(b, len(folded)):
        found = _find(end, folded[e], first[1] if e == b else 0)
        while found is not None:
            if not suffix or _suffix_follows(folded[e], found[1], suffix):
                return e, found[1]
            found = _find(end, folded[e], found[0] + 1)
    return None


def _find(term: str, text: str, position: int) -> tuple[int, int] | None:
    """The first whole-word occurrence of `term` in `text` from `position`."""
    at = text.find(term, position)
    while at >= 0:
        if _bounded(text, at) and _bounded(text, at + len(term)):
            return at, at + len(term)
        at = text.find(term, at + 1)
    return None


def _bounded(text: str, at: int) -> bool:
    """Whether a word boundary is at `at` (not between two letters or digits; an apostrophe
    between letters is inside a word, as in "Nissan's")."""
    def word(i: int) -> bool:
        if not 0 <= i < len(text):
            return False
        if text[i] in "'\u2019":
            return word(i - 1) and i + 1 < len(text) and bool(_WORD_CHAR.match(text[i + 1]))
        return bool(_WORD_CHAR.match(text[i]))
    return not (word(at - 1) and word(at))


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at] == " ":
        at += 1
    return at


def _suffix_follows(text: str, at: int, suffix: str) -> bool:
    at = _skip_space(text, at)
    return text.startswith(suffix, at) and _bounded(text, at + len(suffix))

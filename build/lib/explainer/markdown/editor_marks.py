"""Show each editor's note next to the words it is about, without changing them.

`env["marks"]` maps a paragraph id to the Flags in it. The quoted words are wrapped in
<mark id="flag-NOTE"> and followed by a small link to the note; the words themselves stay
exactly as received. Apparent errors are highlighted; ambiguities only underlined, so a
paragraph with several notes stays readable. Runs after paragraph_ids (which gives paragraphs
their ids) and before autolink (so a quote is still one text token).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from .tokens import added

_FLEXIBLE = {"'": "['\u2018\u2019]", "\u2019": "['\u2018\u2019]", "\u2018": "['\u2018\u2019]",
             '"': '["\u201c\u201d]', "\u201c": '["\u201c\u201d]', "\u201d": '["\u201c\u201d]'}


@dataclass(frozen=True)
class Flag:
    quote: str  # the affected words, as in the article
    note_id: str
    href: str  # the note on the editor's-notes page
    error: bool  # an apparent error (highlighted) rather than an ambiguity


def quote_pattern(quote: str) -> re.Pattern[str]:
    """The quote as it may appear in text: any quote style, any run of whitespace."""
    parts = []
    for word in quote.split():
        parts.append("".join(_FLEXIBLE.get(c, re.escape(c)) for c in word))
    return re.compile(r"\s+".join(parts))


def editor_marks_plugin(md: MarkdownIt) -> None:
    md.core.ruler.after("paragraph_ids", "editor_marks", _mark)


def _mark(state: StateCore) -> None:
    marks: dict[str, Sequence[Flag]] = state.env.get("marks") or {}
    if not marks:
        return
    tokens = state.tokens
    for i, token in enumerate(tokens):
        pid = token.attrGet("id") if token.type == "paragraph_open" else None
        if pid in marks:
            inline = tokens[i + 1]
            for flag in marks[str(pid)]:
                inline.children = _wrap(inline.children or [], flag)
                state.env.setdefault("notes_shown", set()).add(f"note:{flag.note_id}")


def _wrap(children: list[Token], flag: Flag) -> list[Token]:
    pattern = quote_pattern(flag.quote)
    for index, child in enumerate(children):
        match = pattern.search(child.content) if child.type == "text" else None
        if match:
            before, words, after = child.content[: match.start()], match.group(), child.content[match.end():]
            kind = "flag flag-error" if flag.error else "flag"
            tokens = [
                Token("text", "", 0, content=before),
                Token("mark_open", "mark", 1, attrs={"id": f"flag-{flag.note_id}", "class": kind}),
                Token("text", "", 0, content=words),
                Token("mark_close", "mark", -1),
                added("sup_open", "sup", 1, **{"class": "flag-ref"}),
                added("link_open", "a", 1, href=flag.href, **{"data-card": f"note-{flag.note_id}"}),
                added("span_open", "span", 1, **{"aria-hidden": "true"}),
                added("text", "", 0, "ed."),
                added("span_close", "span", -1),
                added("span_open", "span", 1, **{"class": "visually-hidden"}),
                added("text", "", 0, "Editor\u2019s note"),
                added("span_close", "span", -1),
                added("link_close", "a", -1),
                added("sup_close", "sup", -1),
                Token("text", "", 0, content=after),
            ]
            return [*children[:index], *(t for t in tokens if t.type != "text" or t.content), *children[index + 1:]]
    return children  # not found as one piece of text: the notes check reports missing quotes

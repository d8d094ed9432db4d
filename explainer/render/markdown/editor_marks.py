"""Show each editor's note next to the words it is about, without changing them.

`mark_flags`: the page's RenderEnv `marks` maps a paragraph id to the Flags in it. The
quoted words are wrapped in <mark id="flag-NOTE"> and followed by a small link to the note
(an "ed." the stylesheet draws: the paragraph's text stays the words as received). Apparent errors are highlighted;
ambiguities only underlined, so a paragraph with several notes stays readable. It runs on
the paragraphs the parser numbered, before the names are linked (so a quote is still
plain text).

Longer quotes are marked first, so a note on words inside another note's words nests
inside it. A quote that cannot be marked (it overlaps another note's words, or crosses
formatting) is reported in the RenderEnv's `problems` rather than silently left out.

For paper, `list_footnotes` (after the names are linked, so the notes' own words are not linked)
numbers the markers in reading order and lists the notes after the text, in that order:
the number and the list are `hidden` (no one hears them twice on screen); the print
stylesheet shows them in place of the "ed." markers.
"""

from __future__ import annotations

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from ...content.markdown.tokens import added, join_soft_breaks
from ...core.problems import Problem
from ...core.routes import NoteKey, mark_id
from ...core.text_fragments import find_quote
from .env import Flag, render_env

FOOTNOTES_HEADING = "Editor\u2019s notes"
MARKER_LABEL = "Editor\u2019s note"  # the start of the marker's name; on screen it reads "ed." (site.css)


def mark_flags(state: StateCore) -> None:
    notes = render_env(state.env)
    marks = notes.marks
    if not marks:
        return
    tokens = state.tokens
    for i, token in enumerate(tokens):
        pid = token.attrGet("id") if token.type == "paragraph_open" else None
        if pid not in marks:
            continue
        inline = tokens[i + 1]
        inline.children = join_soft_breaks(inline.children or [])
        for flag in sorted(marks[str(pid)], key=lambda f: -len(f.quote)):
            wrapped = _wrap(inline.children, flag)
            if wrapped is None:
                message = (f'editor\'s note "{flag.note_id}": its words {flag.quote!r} cannot be marked in {pid} '
                           "(they overlap another note's words or cross formatting); quote fewer words")
                if flag.where:  # the note's quote is what to mend
                    notes.note_problems.append(Problem(*flag.where, message))
                else:
                    notes.problems.append((token.map[0] + 1 if token.map else 0, message))
                continue
            inline.children = wrapped
            notes.notes_shown.add(NoteKey("note", flag.note_id))


def _wrap(children: list[Token], flag: Flag) -> list[Token] | None:
    for index, child in enumerate(children):
        found = find_quote(flag.quote, child.content) if child.type == "text" else None
        if not found:
            continue
        start, end = found
        before, words, after = child.content[:start], child.content[start:end], child.content[end:]
        tokens = [
            Token("text", "", 0, content=before),
            Token("mark_open", "mark", 1, attrs={"id": mark_id(flag.note_id),
                                                 "class": "flag flag-error" if flag.error else "flag"}),
            Token("text", "", 0, content=words),
            Token("mark_close", "mark", -1),
            _with_flag(added("sup_open", "sup", 1, **{"class": "flag-ref"}), flag),
            # No words of its own in the paragraph: "ed." is drawn by the stylesheet and the
            # link named by its label, so that find-in-page, a citation's text fragment and
            # copying read the words as received ("botling line", not "botlinged. line").
            added("link_open", "a", 1, href=flag.href, **{"data-card": NoteKey("note", flag.note_id).slug,
                                                          "aria-label": marker_label(words)}),
            added("link_close", "a", -1),
            added("sup_close", "sup", -1),
            Token("text", "", 0, content=after),
        ]
        return [*children[:index], *(t for t in tokens if t.type != "text" or t.content), *children[index + 1:]]
    return None


def marker_label(words: str) -> str:
    """What a screen reader says of a marker: the words it is about, so that two side by side
    ("ed. ed.") are told apart ("Editor’s note on “plug-in EVs”"); six words at most."""
    said = words.split()
    return f"{MARKER_LABEL} on \u201c{' '.join(said[:6])}{'…' if len(said) > 6 else ''}\u201d"


def _with_flag(token: Token, flag: Flag) -> Token:
    token.meta["flag"] = flag
    return token


def list_footnotes(state: StateCore) -> None:
    """Number every marker whose note has a footnote, in reading order (a note nested in
    another's words comes before it, as its marker does), and list the footnotes after the
    text (before Markdown footnotes, if any) in the same order."""
    flags: list[Flag] = []
    for token in state.tokens:
        if token.type != "inline" or not token.children:
            continue
        children = token.children
        for i, child in enumerate(children):
            flag = child.meta.get("flag") if child.type == "sup_open" else None
            if flag is None or not flag.likely:
                continue
            flags.append(flag)
            close = next(j for j in range(i, len(children)) if children[j].type == "link_close")
            children[close:close] = [added("span_open", "span", 1, **{"class": "flag-n", "hidden": ""}),
                                     added("text", "", 0, str(len(flags))),
                                     added("span_close", "span", -1)]
    if not flags:
        return
    tokens = [_block("section_open", "section", 1, **{"class": "print-notes", "hidden": "",
                                                      "data-pagefind-ignore": "all"}),
              _block("heading_open", "h2", 1), _inline([added("text", "", 0, FOOTNOTES_HEADING)]),
              _block("heading_close", "h2", -1),
              _block("ordered_list_open", "ol", 1)]
    for flag in flags:
        likely = state.md.parseInline(" ".join(flag.likely.split()), {})[0].children or []
        tokens += [_block("list_item_open", "li", 1),
                   _inline([added("text", "", 0, f"\u201c{flag.quote}\u201d \u2014 {flag.label}. Most likely: "),
                                   *likely]),
                   _block("list_item_close", "li", -1)]
    tokens += [_block("ordered_list_close", "ol", -1), _block("section_close", "section", -1)]
    at = next((i for i, t in enumerate(state.tokens) if t.type == "footnote_block_open"), len(state.tokens))
    state.tokens[at:at] = tokens


def _block(type_: str, tag: str, nesting: int, **attrs: str) -> Token:
    token = added(type_, tag, nesting, **attrs)
    token.block = True
    return token


def _inline(children: list[Token]) -> Token:
    token = added("inline", "", 0)
    token.children = children
    return token

"""What the note rules read for one page, typed, in one key of markdown-it's env: the build
makes it from its index (explainer/build/stages.py), the rules report back in it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ...core.names import Linker
from ...core.problems import Problem
from ...core.routes import NoteKey

RENDER = "explainer_render"  # its key in markdown-it's env


@dataclass(frozen=True)
class Flag:
    """An editor's note, as the marks rule shows it beside the words it is about."""

    quote: str  # the affected words, as in the article
    note_id: str
    href: str  # the note on the editor's-notes page
    error: bool  # an apparent error (highlighted) rather than an ambiguity
    # For the printed footnote: the kind of note ("Grammar") and what the words most likely
    # mean (inline Markdown). Without them the marker has no footnote.
    label: str = ""
    likely: str = ""
    where: tuple[str, int] | None = None  # the note's quote in the notes (file, line), to report it there


@dataclass
class RenderEnv:
    """What the note rules read for one page, and what they found."""

    linker: Linker | None = None  # the names of the notes (None: nothing is linked)
    visuals: Mapping[str, str] = field(default_factory=dict)  # `::: visual NAME` -> its HTML
    self_key: NoteKey | None = None  # the note the page is about: never linked to itself
    # An article's text, read as one: each note linked once, at its first mention, and only
    # the glossary terms a reader may need (a page made from the notes links each section's
    # first mentions); its paragraphs' own figures and dates; its editor's marks.
    article: bool = False
    paragraph_linkers: Mapping[str, Linker] = field(default_factory=dict)  # paragraph id -> its figures and dates
    marks: Mapping[str, Sequence[Flag]] = field(default_factory=dict)  # paragraph id -> editor's notes on it
    # Reported by the rules: the notes the page links to (their preview cards go with it),
    # what the notes caused in it, as (line, message), and, given a list, the runs of text it
    # looked for names in (what an article page's links depend on: build/incremental.py).
    notes_shown: set[NoteKey] = field(default_factory=set)
    problems: list[tuple[int, str]] = field(default_factory=list)
    note_problems: list[Problem] = field(default_factory=list)  # what a note must mend, at its own line
    runs: list[str] | None = None


def render_env(env: Mapping[str, Any]) -> RenderEnv:
    """The page's RenderEnv in markdown-it's env (an empty one if the page has none)."""
    found = env.get(RENDER)
    return found if isinstance(found, RenderEnv) else RenderEnv()

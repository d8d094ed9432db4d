"""What is unfinished in the content, the one rule: what `make todo` lists besides the
coverage (content/coverage.py), what `make publish` refuses (the build's check stage,
build/stages.py, with PRODUCTION = True), and what `make html` marks "Draft" on its page
(render/drafts.py). Each as `path:line: ...` with what to do about it.

Unfinished, and a reader would see it (`unfinished`):
- a `TODO` placeholder left in a note, or in an authored page (an article's front matter:
  its text is the article as received, not ours to mark);
- a notes draft (content/notes-drafts/) not yet curated and moved into content/notes/;
- an article's front matter left to fill (publisher, source_url: the page says "Not given yet").

Missing, and a reader would miss it (`missing`): the story's summary and key takeaways
(the home page tells the story from them). `make todo` lists it; a site may be published
without (the home page then leads with the article).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..core.problems import Problem, display_path
from .document import Document
from .frontmatter import TO_FILL, field_line
from .notes import DRAFTS_DIR, NOTES_DIR, Site

PLACEHOLDER = re.compile(r"\bTODO\b")
STORY = "story.yaml"  # where the story's summary and takeaways go, by convention


def is_placeholder(text: str | None) -> bool:
    """Whether a text holds a `TODO` placeholder: not written yet."""
    return bool(text) and PLACEHOLDER.search(text) is not None  # type: ignore[arg-type]


def placeholder_hint(text: str) -> str:
    """What a placeholder asks for: "TODO: what it measures" -> "what it measures"."""
    match = PLACEHOLDER.search(text)
    if match is None:
        return text
    rest = (text[: match.start()] + text[match.end():]).strip(" :;-\u2014")
    return " ".join(rest.split())


def _lines(path: Path) -> list[str]:
    """A file's lines; none when it cannot be read as text (the check says why: read_utf8)."""
    try:
        return path.read_bytes().decode("utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return []


def _left(line: str) -> bool:
    """A line of YAML or Markdown holding a placeholder, not in a comment."""
    return is_placeholder(line) and not line.lstrip().startswith("#")


def unfinished(content: Path, documents: dict[str, Document]) -> list[Problem]:
    """Everything unfinished that a reader would see, at its line, sorted."""
    return sorted([*_placeholders(content, documents), *_drafts(content), *_front_matter(documents)])


def _placeholders(content: Path, documents: dict[str, Document]) -> list[Problem]:
    problems = []
    for path in sorted((content / NOTES_DIR).rglob("*.yaml")):
        for n, line in enumerate(_lines(path), 1):
            if _left(line):
                problems.append(Problem(display_path(path), n, f"TODO left: {line.strip()}: write what it asks "
                                                               "for, or delete the note"))
    for doc in documents.values():
        lines = _lines(doc.path)
        if doc.article is not None:
            lines = _front_matter_lines(lines)
        for n, line in enumerate(lines, 1):
            if _left(line):
                problems.append(Problem(display_path(doc.path), n, f"TODO left: {line.strip()}: write what it "
                                                                   "asks for"))
    return problems


def _front_matter_lines(lines: list[str]) -> list[str]:
    """The front matter's lines of a page (those up to its closing `---`)."""
    if not lines or lines[0].strip() != "---":
        return []
    end = next((n for n in range(1, len(lines)) if lines[n].strip() == "---"), len(lines))
    return lines[:end]


def _drafts(content: Path) -> list[Problem]:
    problems = []
    for path in sorted((content / DRAFTS_DIR).glob("*.yaml")):
        left = sum(1 for line in _lines(path) if _left(line))
        problems.append(Problem(display_path(path), 1, f"a draft not yet moved into {content.name}/{NOTES_DIR}/ "
                                                       f"({left} TODO{'' if left == 1 else 's'} left): curate it, "
                                                       f"then move it there (or delete it)"))
    return problems


def _front_matter(documents: dict[str, Document]) -> list[Problem]:
    """The fields an article may leave empty until it is published, as the check read them."""
    return [Problem(display_path(doc.path), field_line(doc.path, key), f"{key} is empty: fill it in before publishing")
            for doc in documents.values() if doc.article is not None and doc.metadata is not None
            for key in TO_FILL if not doc.metadata.get(key)]


def missing(site: Site) -> list[Problem]:
    """What the story lacks that a reader would miss: its summary and key takeaways (when
    some are given, the check says what is wrong with them: notes/checks.story_shape)."""
    if site.takeaways:
        return []
    shown = display_path(site.content / NOTES_DIR / STORY)
    return [Problem(shown, 1, "the story has no summary: add `takeaways:` with one `role: summary` in a sentence "
                              "or two, citing its paragraphs (the home page leads with it)"),
            Problem(shown, 1, "the story has no key takeaways: add 3 to 5 more takeaways, each citing the "
                              "paragraphs it rests on")]

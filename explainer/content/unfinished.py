"""What is unfinished in the content, the one rule: what `make todo` lists besides the
coverage (content/coverage.py), what `make publish` refuses (the build's check stage,
build/stages.py, with PRODUCTION = True), and what `make html` marks "Draft" on its page
(render/drafts.py). Each as `path:line: ...` with what to do about it.

Unfinished, and a reader would see it (`unfinished`):
- a `TODO` placeholder left in a note, or in an authored page (an article's front matter:
  its text is the article as received, not ours to mark);
- a text the notes draft wrote that no author has reviewed: each field a note's (or a
  fact's) `drafted:` list still names (notes/model.py), at the line of its name;
- a notes draft (content/notes-drafts/) not yet curated and moved into content/notes/;
- an article's front matter left to fill (publisher, source_url: the page says "Not given yet").

Missing, and a reader would miss it (`missing`): the story's summary and key takeaways
(the home page tells the story from them). `make todo` lists it; a site may be published
without (the home page then leads with the article).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..core.problems import Problem, display_path
from .document import Document
from .frontmatter import TO_FILL, field_line
from .notes import DRAFTS_DIR, NOTES_DIR, Site
from .yamldata import LineList, LineMap, load_yaml

PLACEHOLDER = re.compile(r"\bTODO\b")
STORY = "story.yaml"  # where the story's summary and takeaways go, by convention
DRAFTED = "drafted"  # the key of a note's (or a fact's) list of texts not reviewed yet


def is_placeholder(text: str | None) -> bool:
    """Whether a text holds a `TODO` placeholder: not written yet."""
    return bool(text) and PLACEHOLDER.search(text) is not None  # type: ignore[arg-type]


def is_drafted(item: Any, name: str) -> bool:
    """Whether the text `name` of a note (or of a fact) was written by the draft and is not
    reviewed yet: its `drafted:` list names it."""
    return name in (getattr(item, DRAFTED, None) or ())


def placeholder_hint(text: str) -> str:
    """What a placeholder asks for: "TODO: what it measures" -> "what it measures"."""
    match = PLACEHOLDER.search(text)
    if match is None:
        return text
    rest = (text[: match.start()] + text[match.end():]).strip(" :;-\u2014")
    return " ".join(rest.split())


def _lines(path: Path) -> list[str]:
    """A file's lines; none when it cannot be read as text (the check says why: read_utf8)."""
    if not path.is_file():  # a folder, a dangling link, a pipe (which would be waited on)
        return []
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
        problems += _drafted(path)
    for doc in documents.values():
        lines = _lines(doc.path)
        if doc.article is not None:
            lines = _front_matter_lines(lines)
        for n, line in enumerate(lines, 1):
            if _left(line):
                problems.append(Problem(display_path(doc.path), n, f"TODO left: {line.strip()}: write what it "
                                                                   "asks for"))
    return problems


def _drafted(path: Path) -> list[Problem]:
    """Each name in a `drafted:` list of a notes file, at its line, with the text it marks.
    Read from the file as the TODOs are (a file that does not load is the check's to report)."""
    lines = _lines(path)
    if not any(DRAFTED in line for line in lines):
        return []
    shown = display_path(path)
    data, problems = load_yaml("\n".join(lines), shown)
    if problems:
        return []
    found: list[Problem] = []

    def walk(node: Any, owner: str) -> None:  # owner: "nissan", "nissan, fact 2"
        if isinstance(node, LineMap):
            owner = str(node["id"]) if isinstance(node.get("id"), str) else owner
            names = node.get(DRAFTED)
            if isinstance(names, LineList):
                for name, line in zip(names, names.item_lines):
                    text = node.get(name) if isinstance(name, str) else None
                    said = f' "{_clip(text)}"' if isinstance(text, str) else ""
                    found.append(Problem(shown, line + 1, (
                        f"drafted, not reviewed: {owner + ': ' if owner else ''}{name}{said}: check it against the "
                        f'article (and its source), correct it, then delete "{name}" from {DRAFTED}')))
            for key, value in node.items():
                if isinstance(value, list):
                    item = str(key)[:-1] if str(key).endswith("s") else str(key)
                    for n, each in enumerate(value, 1):
                        walk(each, f"{owner + ', ' if owner else ''}{item} {n}")
                elif key != DRAFTED:
                    walk(value, owner)

    walk(data, "")
    return found


def _clip(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "\u2026"


def _front_matter_lines(lines: list[str]) -> list[str]:
    """The front matter's lines of a page (those up to its closing `---`)."""
    if not lines or lines[0].strip() != "---":
        return []
    end = next((n for n in range(1, len(lines)) if lines[n].strip() == "---"), len(lines))
    return lines[:end]


def _drafts(content: Path) -> list[Problem]:
    problems = []
    for path in sorted((content / DRAFTS_DIR).rglob("*.yaml")):  # as load_site reads them
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
    story = site.content / NOTES_DIR / STORY
    shown, line = display_path(story), 1 if story.is_file() else 0  # no line in a file still to write
    new = "" if story.is_file() else " (a new file)"
    return [Problem(shown, line, f"the story has no summary: add{new} `takeaways:` with one `role: summary` in a "
                                 "sentence or two, citing its paragraphs (the home page leads with it), e.g. "
                                 '`- {id: summary, role: summary, text: "...", sources: [{paragraph: p2, quote: "..."}]}`'),
            Problem(shown, line, "the story has no key takeaways: add 3 to 5 more takeaways, each citing the "
                                 "paragraphs it rests on")]

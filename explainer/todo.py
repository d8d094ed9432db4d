"""`make todo`: what the site still lacks for a complete explainer, as `path:line: ...`.

- the names and numbers of each article with no note, by the rule the tests enforce
  (tests/test_note_pages.py): every capitalised word of the text is a word of a note's
  name or alias, or on content/coverage-ignore.txt with why; every number a paragraph gives
  is in the quote of a figure or an event citing that paragraph;
- `TODO` placeholders left in the notes;
- drafts in content/notes-drafts/ not yet moved into content/notes/;
- an article's front matter left to fill (publisher, source_url; the author where the
  received text names one is filled by `make new-article`).
Each line points at the place to fix. A problem that stops the build comes first: the rest
can only be worked out from notes that load.
"""

from __future__ import annotations

import re
from pathlib import Path

from .build import check, load
from .context import BuildContext
from .errors import display_path
from .frontmatter import TO_FILL, field_line
from .notes import Site, surface_forms
from .source import SOURCE_NAME, fold, read_source

IGNORE = "coverage-ignore.txt"
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})  # for the 's of a name
_CAPITALISED = re.compile(r"[A-Z][A-Za-z0-9]*(?:[.'-][A-Za-z0-9]+)*")
_NUMERAL = re.compile(r"(?<![\w.])\d+(?:\.\d+)?%?(?![\w])")
_NUMBER_WORDS = re.compile(r"\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                           r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b", re.IGNORECASE)


def capitalised(text: str) -> list[str]:
    return [re.sub(r"'s$", "", w) for w in _CAPITALISED.findall(text.translate(_QUOTES))]


def ignored(content: Path) -> set[str]:
    path = content / IGNORE
    if not path.is_file():
        return set()
    return {line.partition("#")[0].strip() for line in path.read_text(encoding="utf-8").splitlines()} - {""}


def todo(content: Path) -> list[str]:
    ctx = BuildContext(content)
    load(ctx)
    problems = check(ctx)
    if not ctx.sound or ctx.site is None:
        return [str(p) for p in (ctx.notes_problems or problems)]
    items = [str(p) for p in problems]
    items += _coverage(ctx.site, ignored(content))
    items += _placeholders(content)
    items += _front_matter(ctx)
    return items


def _coverage(site: Site, skip: set[str]) -> list[str]:
    words_in_names = {w for note in (*site.entities.values(), *site.terms.values()) for form in surface_forms(note)
                      for w in capitalised(form)}
    quoted: dict[tuple[str, str], str] = {}
    for note in (*site.figures, *site.events):
        article, paragraph = site.resolve(note.source.paragraph)
        quoted[article.id, paragraph.id] = quoted.get((article.id, paragraph.id), "") + " " + fold(note.source.quote)
    items = []
    for article in site.articles.values():
        source = article.path.parent / SOURCE_NAME
        shown = display_path(source)
        by_text = {p.folded: p.id for p in article.paragraphs.values()}
        said: set[str] = set()
        for n, line in ((block.line, block.text) for block in read_source(source)):
            for word in capitalised(line):
                if word not in words_in_names and word not in skip and word not in said:
                    said.add(word)
                    items.append(f"{shown}:{n}: \"{word}\" has no note: add it to an entity's or a term's name "
                                 f"or aliases, or to content/{IGNORE} with why")
            pid = by_text.get(fold(line))
            for number in [*_NUMERAL.findall(line), *_NUMBER_WORDS.findall(line)]:
                if number in skip:
                    continue
                if not re.search(rf"(?<![\w.]){re.escape(number)}(?![\w])", quoted.get((article.id, pid or ""), ""),
                                 re.IGNORECASE):
                    where = f" ({pid})" if pid else ""
                    items.append(f"{shown}:{n}: \"{number}\"{where} has no figure or event quoting it")
    return items


def _placeholders(content: Path) -> list[str]:
    items = []
    for path in sorted((content / "notes").rglob("*.yaml")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"\bTODO\b", line) and not line.lstrip().startswith("#"):
                items.append(f"{display_path(path)}:{n}: TODO left: {line.strip()}")
    for path in sorted((content / "notes-drafts").glob("*.yaml")):
        left = sum(1 for line in path.read_text(encoding="utf-8").splitlines() if re.search(r"\bTODO\b", line)
                   and not line.lstrip().startswith("#"))
        items.append(f"{display_path(path)}:1: a draft not yet moved into content/notes/ ({left} TODO"
                     f"{'' if left == 1 else 's'} left): curate it, then move it there")
    return items


def _front_matter(ctx: BuildContext) -> list[str]:
    """The fields an article may leave empty until it is published, as the build read them."""
    return [f"{display_path(doc.path)}:{field_line(doc.path, key)}: {key} is empty: fill it in before publishing"
            for doc in ctx.documents.values() if doc.article is not None
            for key in TO_FILL if not (doc.metadata or {}).get(key)]


def main(content: Path) -> int:
    items = todo(content)
    for item in items:
        print(item)
    print(f"{len(items)} thing{'' if len(items) == 1 else 's'} left to do." if items else
          "Nothing left to do: every name and number has its note.")
    return 0

"""The coverage rule: every name and number an article gives has a note, or is on the
ignore list with why. `make todo` lists what breaks it, and the site's tests hold it.

- Every capitalised word of the text as received is a word of a note's name or alias
  (entities and glossary terms), or on `content/coverage-ignore.txt`.
- Every number a paragraph gives, in figures or in words, is in the quote of a figure or
  an event citing that paragraph; a number in the headline or a sub-heading, in the quote
  of a figure or an event of that article (a headline repeats the story's numbers).
- The ignore list holds one word a line, each with its reason after a `#`: a word left
  there without one is a problem (the list is reviewed like the notes; a bare word hides
  why it needs no note).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..core.problems import Problem, display_path
from ..core.text import fold, number_words, numerals, states
from .notes import Site, surface_forms
from .source import SOURCE_NAME, read_source

IGNORE = "coverage-ignore.txt"
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})  # for the 's of a name
_CAPITALISED = re.compile(r"[A-Z][A-Za-z0-9]*(?:[.'-][A-Za-z0-9]+)*")


def capitalised(text: str) -> list[str]:
    """The capitalised words of `text`, a possessive 's left out ("Nissan's" -> "Nissan")."""
    return [re.sub(r"'s$", "", w) for w in _CAPITALISED.findall(text.translate(_QUOTES))]


def ignore_list(content: Path) -> tuple[set[str], list[Problem]]:
    """The words on the ignore list, and its lines that give no reason."""
    path = content / IGNORE
    if not path.is_file():
        return set(), []
    words, problems = set(), []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        word, _, why = line.partition("#")
        if not word.strip():
            continue
        words.add(word.strip())
        if not why.strip():
            problems.append(Problem(display_path(path), n, f'"{word.strip()}" is on the ignore list without a reason: '
                                                           "say why after a #, e.g. \"The  # sentence-initial article\""))
    return words, problems


def uncovered(site: Site, ignored: set[str]) -> list[Problem]:
    """Each name and number of each article with no note, at its line in source.txt (a
    word once per article, at its first line)."""
    words_in_names = {w for note in (*site.entities.values(), *site.terms.values()) for form in surface_forms(note)
                      for w in capitalised(form)}
    quoted: dict[tuple[str, str], str] = {}  # (article, paragraph) -> the quotes of its figures and events
    for note in (*site.figures, *site.events):
        article, paragraph = site.resolve(note.source.paragraph)
        for key in ((article.id, paragraph.id), (article.id, "")):  # "": anywhere in the article
            quoted[key] = quoted.get(key, "") + " " + fold(note.source.quote)
    gaps = []
    for article in site.articles.values():
        source = article.path.parent / SOURCE_NAME
        shown = display_path(source)
        by_text = {p.folded: p.id for p in article.paragraphs.values()}
        said: set[str] = set()
        for block in read_source(source):
            for word in capitalised(block.text):
                if word not in words_in_names and word not in ignored and word not in said:
                    said.add(word)
                    gaps.append(Problem(shown, block.line, f"\"{word}\" has no note: add it to an entity's or a term's "
                                                           f"name or aliases, or to content/{IGNORE} with why"))
            pid = by_text.get(fold(block.text), "")  # "" for the headline and the sub-headings
            for number in [*numerals(block.text), *number_words(block.text)]:
                if number not in ignored and not states(quoted.get((article.id, pid), ""), number):
                    where = f" ({pid})" if pid else ""
                    gaps.append(Problem(shown, block.line, f"\"{number}\"{where} has no figure or event quoting it"))
    return gaps

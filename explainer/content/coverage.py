"""The coverage rule: every name and number an article gives has a note, or is on the
ignore list with why. `make todo` lists what breaks it, and the site's tests hold it.

- Every capitalised word of the text as received is a word of a note's name or alias
  (entities and glossary terms; "Oslo-based" is Oslo's), or on `content/coverage-ignore.txt`;
  and a run of such words that no note names where it stands ("Environment Act", beside the
  Environment Agency and the Water Industry Act) is reported as the new name it is.
  Not counted: a common word capitalised only because it starts a sentence ("The",
  "Officials"), and a month or a day an event of that article quotes (the timeline has it).
- Every number a paragraph gives, in figures or in words, is in the quote of a figure or
  an event citing that paragraph (one inside a note's name is the name's: "League One"); a
  number in the headline or a sub-heading, in the quote of a figure or an event of that
  article (a headline repeats the story's numbers).
- `make todo` counts the notes a draft not yet moved already holds (content/notes-drafts/):
  what they name is listed once, as the draft to curate and move.
- The ignore list holds one word a line, each with its reason after a `#`: a word left
  there without one is a problem (the list is reviewed like the notes; a bare word hides
  why it needs no note).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ..core.lexicon import zipf
from ..core.problems import Problem, display_path
from ..core.text import MONTHS, WEEKDAYS, fold, number_words, numerals, sentences, states, straight_quotes
from .notes import Site, surface_forms
from .source import SOURCE_NAME, read_source

IGNORE = "coverage-ignore.txt"
_CAPITALISED = re.compile(r"[A-Z][A-Za-z0-9]*(?:[.'-][A-Za-z0-9]+)*")


def capitalised(text: str) -> list[str]:
    """The capitalised words of `text`, a possessive 's left out ("Nissan's" -> "Nissan")."""
    return [re.sub(r"'s$", "", w) for w in _CAPITALISED.findall(straight_quotes(text))]


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


def uncovered(site: Site, ignored: set[str], drafts: Site | None = None) -> list[Problem]:
    """Each name and number of each article with no note, at its line in source.txt (a
    word once per article, at its first line); with `drafts`, what their notes would cover
    is not listed (the draft is, once)."""
    notes = [site, *([drafts] if drafts else [])]
    forms = {form for s in notes for note in (*s.entities.values(), *s.terms.values()) for form in surface_forms(note)}
    words_in_names = {w for form in forms for w in capitalised(form)}
    # A number inside a note's name is the name's ("League One", "Formula 1"), not a figure.
    numbered = sorted((f for f in forms if numerals(f) or number_words(f)), key=len, reverse=True)
    in_a_name = re.compile("|".join(rf"(?<!\w){re.escape(f)}(?!\w)" for f in numbered)) if numbered else None
    name_forms = _forms_pattern(forms)
    quoted: dict[tuple[str, str], str] = {}  # (article, paragraph) -> the quotes of its figures and events
    dated: dict[str, set[str]] = {}  # article -> the words of its events' quotes and dates
    for s in notes:
        # A draft's notes are not checked: one that cites no paragraph of the site covers nothing.
        for note in (n for n in (*s.figures, *s.events) if site.cites(n.source.paragraph)):
            article, paragraph = site.resolve(note.source.paragraph)
            for key in ((article.id, paragraph.id), (article.id, "")):  # "": anywhere in the article
                quoted[key] = quoted.get(key, "") + " " + fold(note.source.quote)
        for event in (e for e in s.events if site.cites(e.source.paragraph)):
            article, _ = site.resolve(event.source.paragraph)
            dated.setdefault(article.id, set()).update(capitalised(f"{event.when} {event.source.quote}"))
    gaps = []
    for article in site.articles.values():
        source = article.path.parent / SOURCE_NAME
        blocks, _ = read_source(source) if article.faithful else (None, [])
        if blocks is None:
            continue  # not as received, missing or unreadable: the article's own problem says so
        shown = display_path(source)
        by_text = {p.folded: p.id for p in article.paragraphs.values()}
        # and the author's name, which the page's byline gives ("By Harriet Okonjo, ...")
        ordinary = _capitalised_by_place(block.text for block in blocks) | set(capitalised(article.author))
        said: set[str] = set()
        for block in blocks:
            for run in _runs_of_other_names(block.text, name_forms, words_in_names, ordinary | ignored):
                if run not in said and run not in ignored:
                    said.add(run)
                    gaps.append(Problem(shown, block.line, f"\"{run}\" has no note: its words are in other notes' "
                                                           f"names, not this one; add it to an entity's or a term's "
                                                           f"name or aliases, or to content/{IGNORE} with why"))
            for word in capitalised(block.text):
                named, _, rest = word.partition("-")  # "Seattle-based": the name's, as its link is
                if (word in words_in_names or word in ignored or word in said or word in ordinary
                        or rest.islower() and named in words_in_names
                        or word in _DATES and word in dated.get(article.id, ())):
                    continue
                said.add(word)
                gaps.append(Problem(shown, block.line, f"\"{word}\" has no note: add it to an entity's or a term's "
                                                       f"name or aliases, or to content/{IGNORE} with why"))
            pid = by_text.get(fold(block.text), "")  # "" for the headline and the sub-headings
            counted = in_a_name.sub(" ", block.text) if in_a_name else block.text
            for number in [*numerals(counted), *number_words(counted)]:
                if number not in ignored and not states(quoted.get((article.id, pid), ""), number):
                    where = f" ({pid})" if pid else ""
                    gaps.append(Problem(shown, block.line, f"\"{number}\"{where} has no figure or event quoting it"))
    return gaps


_DATES = {*MONTHS, *WEEKDAYS}
_RUN = re.compile(r"[A-Z][A-Za-z0-9]*(?:[.'-][A-Za-z0-9]+)*(?:\s+[A-Z][A-Za-z0-9]*(?:[.'-][A-Za-z0-9]+)*)+")


def _forms_pattern(forms: set[str]) -> re.Pattern[str] | None:
    """Every note's name and alias, as whole words, longest first (where the text names one)."""
    ordered = sorted((f for f in forms if f.strip()), key=len, reverse=True)
    return re.compile("|".join(rf"(?<!\w){re.escape(straight_quotes(f))}(?!\w)" for f in ordered)) if ordered else None


def _runs_of_other_names(text: str, named: re.Pattern[str] | None, words_in_names: set[str],
                         passed: set[str]) -> list[str]:
    """The runs of capitalised words ("Environment Act") whose words each belong to some note's
    name ("Environment Agency", "Water Industry Act") but that no note names here: a new name
    the word-by-word rule would miss. Words that pass anyway (a sentence's first common word,
    the ignore list's) are left out of a run."""
    text = straight_quotes(text)
    covered = [m.span() for m in named.finditer(text)] if named else []
    runs = []
    for match in _RUN.finditer(text):
        words = [(m.group(), match.start() + m.start()) for m in re.finditer(r"\S+", match.group())]
        words = [(re.sub(r"'s$", "", w), at) for w, at in words if re.sub(r"'s$", "", w) not in passed]
        loose = [(w, at) for w, at in words if not any(a <= at < b for a, b in covered)]
        if len(words) >= 2 and len(loose) >= 1 and all(w in words_in_names for w, _ in words) \
                and not any(a <= words[0][1] and words[-1][1] + len(words[-1][0]) <= b for a, b in covered):
            runs.append(" ".join(w for w, _ in words))
    return runs


def _capitalised_by_place(blocks: Iterable[str]) -> set[str]:
    """The words of an article capitalised only because they start a sentence: a very
    common English word ("The Department", "Most Britons"), or a common one said alone
    ("Officials said") that the article never capitalises inside a sentence; not the first
    word of a name ("Tom Okafor", "Natural England"), nor a name said alone that the article
    names inside a sentence too ("Nissan said")."""
    initial: dict[str, bool] = {}  # word -> whether a name follows it somewhere
    inside: set[str] = set()  # words capitalised inside a sentence
    lower: set[str] = set()
    for block in blocks:
        for sentence in sentences(straight_quotes(block)):
            lower.update(re.findall(r"\b[a-z][a-z'-]*\b", sentence))
            for match in _CAPITALISED.finditer(sentence):
                word = re.sub(r"'s$", "", match.group())
                before = sentence[:match.start()].rstrip(" \"'([\u2014\u2013-")
                if before and not before.endswith(":"):  # "Disclaimer: This story": a sentence's start
                    inside.add(word)
                else:
                    initial[word] = initial.get(word, False) or bool(_CAPITALISED.match(sentence[match.end():].lstrip()))
    ordinary = set()
    for word, before_a_name in initial.items():
        if word.isupper() and len(word) > 1:
            continue  # an abbreviation
        common = zipf(word.lower())
        if common >= _VERY_COMMON:  # "The", "This", "Most", whatever follows
            ordinary.add(word)
        elif not before_a_name and word not in inside and (word.lower() in lower or common >= _COMMON
                                                           or word.endswith("s") and common >= _COMMON_PLURAL):
            ordinary.add(word)  # "Officials said", "Construction is due", "Campaigners said"; not "Nissan said"
            # (a name inside too)
    return ordinary


_VERY_COMMON, _COMMON = 5.5, 3.0  # wordfreq's Zipf scale: "the" 7.7, "residents" 4.6, "councillors" 3.5
# People by what they do, in the plural, are rarer words: "campaigners" 2.95, "lifeguards" 2.7
# (a surname said alone, "Okafor" 2.55, "Ludlow" 2.98, ends otherwise, or is named in full first).
_COMMON_PLURAL = 2.5

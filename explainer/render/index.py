"""Who is named where: the site's index, worked out once per build from the checked notes.

Pure data, read by the renderers (pages, cards, visuals, structured data): the linker of
every name and alias, each note's names, the sentences that mention it, which notes each
article names, each paragraph's own figures and dates, and the editor's marks.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..content.articles import Article, Paragraph
from ..content.notes import EDITORS_NOTE_LABELS, Entity, Figure, Site, Term, surface_forms
from ..core.lexicon import zipf
from ..core.names import Linker, Target
from ..core.routes import NoteKey
from ..core.text import MONTHS, number_value, quantities, sentences
from .citations import Citations
from .markdown import Flag

# Rarer than this on wordfreq's Zipf scale (about 2 in a million words: "rebalance", "fintech"),
# a single-word term is one most readers meet a few times a year at most: an article links it
# (a term of several words is linked whatever its words: see in_article). The notes draft
# proposes more (authoring/draft/terms.py): a glossary entry explains; a link interrupts.
UNUSUAL = 3.3
# A calendar date: a number ("2018", "1 March") or a month's name ("by June").
_DATE = re.compile(rf"\d|\b(?:{'|'.join(MONTHS)})\b")


def note_key(note: Entity | Term) -> NoteKey:
    return NoteKey("entity", note.id) if isinstance(note, Entity) else NoteKey("term", note.id)


@dataclass(frozen=True)
class Mention:
    article: Article
    paragraph: Paragraph
    sentence: str
    spans: tuple[tuple[int, int], ...]  # where the note is named in the sentence


@dataclass
class SiteIndex:
    linker: Linker
    citations: Citations  # each cited quote's link (its text fragment)
    names: dict[NoteKey, list[str]] = field(default_factory=dict)  # note -> its names and aliases
    not_in_articles: set[NoteKey] = field(default_factory=set)  # the terms an article does not link
    mentions: dict[NoteKey, list[Mention]] = field(default_factory=dict)
    named_in: dict[str, set[NoteKey]] = field(default_factory=dict)  # article id -> the notes it names
    # article id -> paragraph id -> (its figures' numbers and events' dates, their targets)
    own_names: dict[str, dict[str, list[tuple[str, Target]]]] = field(default_factory=dict)
    marks: dict[str, dict[str, list[Flag]]] = field(default_factory=dict)  # article id -> paragraph id -> marks

    def paragraph_linkers(self, article_id: str) -> dict[str, Linker]:
        """For each paragraph of an article, a Linker of the figures and dates it states:
        a figure's numbers and an event's date, where the paragraph has them word for word."""
        return {pid: Linker(found) for pid, found in self.own_names.get(article_id, {}).items()}


def linker(site: Site) -> Linker:
    """Every name and alias of the entities and terms (entities' names as written, terms in any case)."""
    return Linker(_names(site))


def build_index(site: Site, header: Sequence[str] = ()) -> SiteIndex:
    """`header`: what every page shows before its content (the site's name), where a
    citation's words may also be."""
    names = _names(site)
    index = SiteIndex(Linker(names), Citations(site, header))
    for form, target in names:
        index.names.setdefault(target.key, []).append(form)
    linked = {target.key for _, target in names if target.in_article}
    index.not_in_articles = {target.key for _, target in names} - linked
    for article in site.articles.values():
        for paragraph in article.paragraphs.values():
            for sentence in sentences(paragraph.text):
                found: dict[NoteKey, list[tuple[int, int]]] = defaultdict(list)
                for start, end, target in index.linker.find(sentence):
                    found[target.key].append((start, end))
                for key, spans in found.items():
                    index.mentions.setdefault(key, []).append(Mention(article, paragraph, sentence, tuple(spans)))
                    index.named_in.setdefault(article.id, set()).add(key)
    # Every article's at once: one pass over the figures, events and editor's notes.
    index.own_names = _own_names(site)
    index.marks = _marks(site)
    return index


def _names(site: Site) -> list[tuple[str, Target]]:
    notes: list[Entity | Term] = [*site.entities.values(), *site.terms.values()]
    return [(form, Target(key, key.link, case_sensitive=key.kind == "entity", in_article=in_article(note, form)))
            for note in notes for key in (note_key(note),) for form in surface_forms(note)]


def in_article(note: Entity | Term, form: str | None = None) -> bool:
    """Whether an article's text links the note's first mention in this form (its name by
    default): every entity; a glossary term if its note says so (`link: always` or `never`),
    else if a general reader may need the words explained there. A single word is measured:
    rarer in general English than UNUSUAL. Words of several ("salt marsh", "blank cheque",
    "fixed crossing") are not: a word list knows each word, which may be everyday, not the
    phrase, so it would never be rare enough; an author who put the phrase in the glossary
    made it a term, and it is linked where the article first uses it. A one-word alias of such
    a term ("connected" for "connected vehicle") is measured as the single word it is; a
    one-word term's forms ("cryptocurrencies") as the term, since a plural is rarer in a word
    list than the word it is a form of."""
    if isinstance(note, Entity) or note.link == "always":
        return True
    if note.link == "never":
        return False
    if len((form or note.term).split()) > 1:
        return True
    return zipf(note.term if len(note.term.split()) == 1 else form) < UNUSUAL


def _marks(site: Site) -> dict[str, dict[str, list[Flag]]]:
    """article id -> paragraph id -> the editor's notes on it, for the editor_marks rule
    (with what its printed footnote says: the kind of note and what the words most likely mean)."""
    marks: dict[str, dict[str, list[Flag]]] = defaultdict(lambda: defaultdict(list))
    for note in site.editors_notes:
        article, paragraph = site.resolve(note.source.paragraph)
        marks[article.id][paragraph.id].append(Flag(note.source.quote, note.id, NoteKey("note", note.id).link,
                                                    error=note.kind != "ambiguity",
                                                    label=EDITORS_NOTE_LABELS[note.kind], likely=note.likely,
                                                    where=note.where("source", "quote")))
    return {aid: dict(by_paragraph) for aid, by_paragraph in marks.items()}


def figure_names(figure: Figure) -> list[str]:
    """The words that state a figure in its paragraph, whole, as its quote gives them: its
    value, before or after where the quote has them word for word ("31 votes to 17",
    "third-largest"), and every figure of the quote that gives one of their numbers, whatever
    its form ("£310 million", "240,000", "a third", "six weeks", "zero percent" for "0%")."""
    quote, stated = figure.source.quote, [v for v in (figure.value, figure.before, figure.after) if v]
    whole = [v for v in stated if re.search(rf"(?<![\w.,£$€¥]){re.escape(v)}(?![\w%£$€¥]|[.,]\d)", quote, re.I)]
    numbers = {number_value(q) for v in stated for q in quantities(v)} - {None}
    return list(dict.fromkeys([*whole, *(q for q in quantities(quote) if number_value(q) in numbers)]))


def _own_names(site: Site) -> dict[str, dict[str, list[tuple[str, Target]]]]:
    """article id -> paragraph id -> the figures' numbers and events' dates it states."""
    names: dict[str, dict[str, list[tuple[str, Target]]]] = defaultdict(lambda: defaultdict(list))
    for figure in site.figures:
        article, paragraph = site.resolve(figure.source.paragraph)
        key = NoteKey("figure", figure.id)
        target = Target(key, key.link, case_sensitive=False)
        for figure_words in figure_names(figure):
            names[article.id][paragraph.id].append((figure_words, target))
    for event in site.events:
        article, paragraph = site.resolve(event.source.paragraph)
        when = re.sub(r"\s*\(.*?\)", "", event.when).strip()
        # A date links to the timeline; everyday time words ("recently", "this year") in
        # running text do not: the timeline lists them.
        if when and _DATE.search(when) and when.casefold() in paragraph.folded.casefold():
            key = NoteKey("event", event.id)
            target = Target(key, key.link, case_sensitive=False)
            names[article.id][paragraph.id].append((when, target))
    return {aid: dict(by_paragraph) for aid, by_paragraph in names.items()}

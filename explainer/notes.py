"""The one schema for the structured notes, and the loader that checks them against the articles.

Notes are YAML files under content/notes/ (any number; each holds any of the lists
`entities`, `terms`, `events`, `figures`, `editors_notes`, and may name, as `article:`, the
article its plain citations `p4` are from, so that a second article never breaks them). YAML rather than Markdown front
matter: the notes are lists of small records with nested sources and relations, which
front matter would hold anyway, and ruamel.yaml keeps a line number on every node so each
problem is reported at the line to fix.

Two kinds of statement are kept apart. What "the article says" (facts, relations with a
source, events, figures, editor's notes, how a term is used) always carries a `source`: a
paragraph id and a quote that the loader finds in that paragraph. Background from outside
the article (an entity's summary, a term's definition, a relation without a source) is
shown as background, never as the article's claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator

from .articles import Article, Paragraph
from .errors import Problem, did_you_mean, display_path, read_utf8
from .fields import ParagraphRef, Percent, Slug, Text
from .markdown.autolink import name_words
from .routes import CARD_ID_PREFIX, MARK_ID_PREFIX
from .source import fold
from .yamldata import line_of, load_yaml, validate

NOTES_DIR = "notes"

EntityKind = Literal["company", "person", "organisation", "body", "place", "market", "product", "publication"]
KIND_LABELS: dict[str, tuple[str, str]] = {  # kind -> (singular, plural heading)
    "company": ("Company", "Companies"),
    "person": ("Person", "People"),
    "organisation": ("Organisation", "Organisations and alliances"),
    "body": ("Body", "Boards and bodies"),
    "product": ("Business unit or product", "Business units and products"),
    "place": ("Place", "Places"),
    "market": ("Market", "Markets"),
    "publication": ("Publication", "Publications"),
}

RelationType = Literal[
    "holds-stake-in", "led", "invests-in", "partner-of", "member-of", "unit-of", "based-in", "wrote-for",
]
RELATION_LABELS: dict[str, tuple[str, str]] = {  # type -> (from the subject, from the target)
    "holds-stake-in": ("holds a stake in", "in which a stake is held by"),
    "led": ("led", "was led by"),
    "invests-in": ("invests in", "receives investment from"),
    "partner-of": ("is a partner of", "is a partner of"),
    "member-of": ("is a member of", "has as a member"),
    "unit-of": ("is a unit of", "has as a unit"),
    "based-in": ("is based in", "is home to"),
    "wrote-for": ("wrote for", "published work by"),
}

EditorsNoteKind = Literal["misspelling", "wrong-name", "wrong-word", "grammar", "ambiguity"]
EDITORS_NOTE_LABELS: dict[str, str] = {
    "misspelling": "Misspelling", "wrong-name": "Wrong name", "wrong-word": "Wrong word",
    "grammar": "Grammar", "ambiguity": "Ambiguity",
}


class Note(BaseModel):
    model_config = ConfigDict(extra="forbid")
    _path: str = PrivateAttr(default="")
    _node: Any = PrivateAttr(default=None)

    def where(self, *loc: str | int) -> tuple[str, int]:
        """(file, line) of this note or of one of its fields."""
        return self._path, line_of(self._node, loc, 1)


class Source(BaseModel):
    """Where the article says it: a paragraph (`p4`, or `article-id#p4`) and a verbatim quote."""

    model_config = ConfigDict(extra="forbid")
    paragraph: ParagraphRef
    quote: Text


class Fact(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: Text
    source: Source


class Relation(BaseModel):
    """A typed link to another entity. Without a `source` it is background knowledge.
    A stake may give `before` and `after` percentages (e.g. "43%", "15%") for the
    shareholding chart."""

    model_config = ConfigDict(extra="forbid")
    type: RelationType
    target: Slug
    figure: Text | None = None
    before: Percent | None = None
    after: Percent | None = None
    source: Source | None = None


class Entity(Note):
    id: Slug
    name: Text
    kind: EntityKind
    aliases: list[Text] = []
    summary: Text  # background, in the site's words
    facts: list[Fact] = []
    relations: list[Relation] = []


class Term(Note):
    id: Slug
    term: Text
    abbreviation: Text | None = None
    aliases: list[Text] = []
    definition: Text  # background, for a general reader
    in_article: Text  # how this article uses it
    source: Source
    # Whether an article's text links its first mention: "auto" if it is rarer than everyday
    # English (what a general reader may need explained), or always, or never.
    link: Literal["auto", "always", "never"] = "auto"


class Event(Note):
    id: Slug
    when: Text  # as the article states it; relative dates stay relative
    what: Text
    entities: list[Slug] = []
    source: Source


class Figure(Note):
    id: Slug
    value: Text
    measures: Text
    unit: Text | None = None
    before: Text | None = None
    after: Text | None = None
    entities: list[Slug] = []
    source: Source


class EditorsNote(Note):
    id: Slug
    kind: EditorsNoteKind
    likely: Text  # what the words most likely mean
    why: Text
    source: Source  # the quote is the affected words, exactly as in the article

    @field_validator("source")
    @classmethod
    def _short_quote(cls, source: Source) -> Source:
        if len(source.quote) > 120:
            raise ValueError("quote only the affected words (at most 120 characters)")
        return source


class Takeaway(Note):
    """The story in brief, for the home page: one `summary`, then the key takeaways.
    Each rests on the paragraphs it cites, every quote checked."""

    id: Slug
    role: Literal["summary", "takeaway"] = "takeaway"
    text: Text
    sources: Annotated[list[Source], Field(min_length=1)]


KINDS: dict[str, type[Note]] = {
    "entities": Entity, "terms": Term, "events": Event, "figures": Figure, "editors_notes": EditorsNote,
    "takeaways": Takeaway,
}


@dataclass
class Site:
    """Everything the pages are made from: the articles and the checked notes."""

    content: Path
    articles: dict[str, Article]
    entities: dict[str, Entity] = field(default_factory=dict)
    terms: dict[str, Term] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    editors_notes: list[EditorsNote] = field(default_factory=list)
    takeaways: list[Takeaway] = field(default_factory=list)
    # Ids of entities whose notes did not load (their own problems are reported): a
    # reference to one is not reported again as unknown.
    unloaded_entities: set[str] = field(default_factory=set, repr=False)
    # The article each notes file names for its plain citations: file -> (article id, line).
    default_articles: dict[str, tuple[str, int]] = field(default_factory=dict, repr=False)

    @property
    def summary(self) -> Takeaway | None:
        return next((t for t in self.takeaways if t.role == "summary"), None)

    @property
    def key_takeaways(self) -> list[Takeaway]:
        return [t for t in self.takeaways if t.role == "takeaway"]

    @cached_property
    def by_id(self) -> dict[str, dict[str, Note]]:
        """Events, figures and editor's notes by id (entities and terms are keyed already)."""
        return {"event": {e.id: e for e in self.events}, "figure": {f.id: f for f in self.figures},
                "note": {n.id: n for n in self.editors_notes}}

    @property
    def several_articles(self) -> bool:
        """With more than one article, everything from an article says which one."""
        return len(self.articles) > 1

    def resolve(self, ref: str) -> tuple[Article, Paragraph]:
        """The article and paragraph a checked reference names."""
        article_id, _, pid = ref.rpartition("#")
        article = self.articles[article_id] if article_id else next(iter(self.articles.values()))
        return article, article.paragraphs[pid]


def load_site(content: Path, articles: dict[str, Article]) -> tuple[Site, list[Problem]]:
    """The articles and every notes file under content/notes/, each note checked against
    the schema (a pure function of the files); the problems of reading them."""
    site = Site(content, articles)
    problems: list[Problem] = []
    for path in sorted((content / NOTES_DIR).rglob("*.yaml")):
        problems += _load_file(path, site)
    return site, sorted(problems)


def check_site(site: Site) -> list[Problem]:
    """What the notes say against the articles and each other: every reference, every
    quote in its paragraph, every number in its quote (of the notes that loaded; a
    reference to an entity that did not is left to that entity's own problem)."""
    return sorted(_cross_check(site))


def _load_file(path: Path, site: Site) -> list[Problem]:
    shown = display_path(path)
    text, problems = read_utf8(path, shown)
    if text is None:
        return problems
    data, problems = load_yaml(text, shown)
    if problems:
        return problems
    if data is None:
        return [Problem(shown, 1, "the file is empty: give at least one of " + ", ".join(KINDS))]
    if not isinstance(data, dict):
        return [Problem(shown, 1, "expected a mapping with the lists " + ", ".join(KINDS))]
    default, problems = _default_article(data, shown)
    if default:
        site.default_articles[shown] = (default, line_of(data, (DEFAULT_ARTICLE,), 1))
    for key, items in data.items():
        line = line_of(data, (key,), 1)
        if key == DEFAULT_ARTICLE:
            continue
        if key not in KINDS:
            problems.append(Problem(shown, line, f'unknown list "{key}"' + did_you_mean(str(key), [*KINDS, DEFAULT_ARTICLE])))
            continue
        if not isinstance(items, list):
            problems.append(Problem(shown, line, f'"{key}" must be a list of notes (each item starting with "- ")'))
            continue
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                problems.append(Problem(shown, line_of(data, (key, index), 1), "each note is a mapping of fields (id: ..., ...)"))
                continue
            # The item's node carries file lines, so errors come out on the right line.
            note, item_problems = validate(KINDS[key], item, shown, first_line=1)
            problems += item_problems
            if note is None:
                if key == "entities" and isinstance(item.get("id"), str):
                    site.unloaded_entities.add(item["id"])
                continue
            note._path, note._node = shown, item
            if default:
                for source in sources(note):
                    if "#" not in source.paragraph:
                        source.paragraph = f"{default}#{source.paragraph}"
            notes = getattr(site, key)
            if not isinstance(notes, dict):
                notes.append(note)
            elif note.id in notes:
                problems.append(_duplicate(note, notes[note.id]))
            else:
                notes[note.id] = note
    return problems


DEFAULT_ARTICLE = "article"  # a notes file's key: the article its plain citations (`p4`) are from
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _default_article(data: dict[str, Any], shown: str) -> tuple[str | None, list[Problem]]:
    if DEFAULT_ARTICLE not in data:
        return None, []
    value = data[DEFAULT_ARTICLE]
    if isinstance(value, str) and _SLUG.match(value):
        return value, []
    line = line_of(data, (DEFAULT_ARTICLE,), 1)
    return None, [Problem(shown, line, f'"{DEFAULT_ARTICLE}" names the article these notes cite by plain '
                                       'paragraph (p4): give its id, the folder name under content/articles/')]


def sources(note: Note) -> Iterator[Source]:
    """Every citation a note makes."""
    if isinstance(note, Entity):
        yield from (fact.source for fact in note.facts)
        yield from (relation.source for relation in note.relations if relation.source)
    elif isinstance(note, Takeaway):
        yield from note.sources
    else:
        yield note.source  # type: ignore[attr-defined]


def _duplicate(note: Note, first: Note) -> Problem:
    path, line = note.where("id")
    first_path, first_line = first.where("id")
    return Problem(path, line, f'duplicate id "{note.id}": already used at {first_path}:{first_line}')  # type: ignore[attr-defined]


def _cross_check(site: Site) -> Iterator[Problem]:
    for path, (article_id, line) in site.default_articles.items():
        if article_id not in site.articles:
            yield Problem(path, line, f'unknown article "{article_id}"' + did_you_mean(article_id, site.articles))
    yield from _unique_ids(site)
    yield from _unique_surface_forms(site)
    for entity in site.entities.values():
        for i, fact in enumerate(entity.facts):
            yield from _check_source(site, entity, fact.source, ("facts", i, "source"))
        for i, relation in enumerate(entity.relations):
            if relation.target in site.unloaded_entities:
                pass
            elif relation.target not in site.entities:
                yield _unknown(entity, ("relations", i, "target"), "entity", relation.target, site.entities)
            elif relation.target == entity.id:
                path, line = entity.where("relations", i, "target")
                yield Problem(path, line, f'"{entity.id}" cannot be related to itself')
            if relation.source:
                yield from _check_source(site, entity, relation.source, ("relations", i, "source"))
    for note in [*site.terms.values(), *site.events, *site.figures, *site.editors_notes]:
        yield from _check_source(site, note, note.source, ("source",))
    for takeaway in site.takeaways:
        for i, source in enumerate(takeaway.sources):
            yield from _check_source(site, takeaway, source, ("sources", i))
    yield from _story_shape(site)
    for note in [*site.events, *site.figures]:
        for i, ref in enumerate(note.entities):
            if ref not in site.entities and ref not in site.unloaded_entities:
                yield _unknown(note, ("entities", i), "entity", ref, site.entities)
    for event in site.events:
        yield from _relative_dates_stay_relative(event)
    yield from _numbers_come_from_quotes(site)
    yield from _reserved_ids(site)
    yield from _no_circular_relations(site)
    yield from _aliases_are_words(site)


def _unique_ids(site: Site) -> Iterator[Problem]:
    # Entities and terms are checked as they load (they are keyed by id); slugs are lower
    # case by schema, so two ids cannot differ only in case.
    for notes in (site.events, site.figures, site.editors_notes, site.takeaways):
        seen: dict[str, Note] = {}
        for note in notes:
            if note.id in seen:  # type: ignore[attr-defined]
                yield _duplicate(note, seen[note.id])  # type: ignore[attr-defined]
            else:
                seen[note.id] = note  # type: ignore[attr-defined]


def surface_forms(note: Entity | Term) -> list[str]:
    """The words that name a note in running text: name or term, abbreviation, aliases."""
    if isinstance(note, Entity):
        return [note.name, *note.aliases]
    return [note.term, *([note.abbreviation] if note.abbreviation else []), *note.aliases]


def _unique_surface_forms(site: Site) -> Iterator[Problem]:
    owners: dict[tuple[str, ...], tuple[Note, str]] = {}
    for note in [*site.entities.values(), *site.terms.values()]:
        fields = ["name" if isinstance(note, Entity) else "term"]
        if isinstance(note, Term) and note.abbreviation:
            fields.append("abbreviation")
        fields += [("aliases", i) for i in range(len(note.aliases))]  # type: ignore[misc]
        for form, where in zip(surface_forms(note), fields):
            key = name_words(fold(form))  # as the linker reads it: "Acme-Corp" is "Acme - Corp"
            if key in owners and owners[key][0] is not note:
                other, _ = owners[key]
                path, line = note.where(*(where if isinstance(where, tuple) else (where,)))
                other_path, other_line = other.where("id")
                yield Problem(path, line, f'"{form}" already names "{other.id}" ({other_path}:{other_line}); '  # type: ignore[attr-defined]
                                          "a name or alias must point to one note")
            owners.setdefault(key, (note, form))


def _unknown(note: Note, loc: tuple[str | int, ...], what: str, ref: str, known: dict[str, Any]) -> Problem:
    path, line = note.where(*loc)
    return Problem(path, line, f'unknown {what} "{ref}"' + did_you_mean(ref, known))


def _check_source(site: Site, note: Note, source: Source, loc: tuple[str | int, ...]) -> Iterator[Problem]:
    article_id, _, pid = source.paragraph.rpartition("#")
    if not site.articles:
        path, line = note.where(*loc, "paragraph")
        yield Problem(path, line, "there is no article to cite (content/articles/<id>/article.md)")
        return
    if not article_id and len(site.articles) > 1:
        path, line = note.where(*loc, "paragraph")
        yield Problem(path, line, f'say which article: "<article-id>#{pid}" ({", ".join(site.articles)}), '
                                  f'or name it for the whole file with a line "{DEFAULT_ARTICLE}: <article-id>"')
        return
    if article_id and article_id not in site.articles:
        if site.default_articles.get(note._path, ("",))[0] != article_id:  # else said once, at `article:`
            yield _unknown(note, (*loc, "paragraph"), "article", article_id, site.articles)
        return
    article = site.articles[article_id] if article_id else next(iter(site.articles.values()))
    if not article.faithful:
        return  # the article's own problems come first (see Article.faithful)
    paragraph = article.paragraphs.get(pid)
    if paragraph is None:
        path, line = note.where(*loc, "paragraph")
        last = len(article.paragraphs)
        yield Problem(path, line, f'unknown paragraph "{pid}": {article.id} has p1 to p{last}')
        return
    quote = fold(source.quote)
    found_in = [p.id for p in article.paragraphs.values() if quote in p.folded]
    path, line = note.where(*loc, "quote")
    if quote not in paragraph.folded:
        hint = f" (it is in {', '.join(found_in)})" if found_in else ""
        yield Problem(path, line, f"quote not found in {pid}: {source.quote!r}{hint}")
    elif len(found_in) > 1:
        yield Problem(path, line, f"quote {source.quote!r} is in {', '.join(found_in)}: quote enough words "
                                  "to point at one paragraph")


def _story_shape(site: Site) -> Iterator[Problem]:
    """The home page tells the story in under a minute: one summary and 3 to 5 takeaways."""
    if not site.takeaways:
        return
    summaries = [t for t in site.takeaways if t.role == "summary"]
    first_path, first_line = site.takeaways[0].where("id")
    if len(summaries) != 1:
        yield Problem(first_path, first_line, f"give exactly one takeaway with role: summary (found {len(summaries)})")
    count = len(site.takeaways) - len(summaries)
    if not 3 <= count <= 5:
        yield Problem(first_path, first_line, f"give 3 to 5 key takeaways besides the summary (found {count})")


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
_NUMBER_WORD = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)


def _numbers_come_from_quotes(site: Site) -> Iterator[Problem]:
    """A number the site states from the article must be in the words it cites."""

    def check(note: Note, loc: tuple[str | int, ...], text: str | None, quotes: list[Source]) -> Iterator[Problem]:
        cited = _NUMBER_WORD.sub(lambda m: str(_NUMBER_WORDS.index(m.group().lower())), " ".join(q.quote for q in quotes))
        for number in _NUMBER.findall(text or ""):
            if not re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d]|[.,]\d)", cited):
                path, line = note.where(*loc)
                yield Problem(path, line, f"{number} is not in the quote it cites; quote the words that give it, "
                                          "or say it in a background field")
                return

    for entity in site.entities.values():
        for i, fact in enumerate(entity.facts):
            yield from check(entity, ("facts", i, "text"), fact.text, [fact.source])
        for i, relation in enumerate(entity.relations):
            if relation.source:
                for field_name in ("figure", "before", "after"):
                    yield from check(entity, ("relations", i, field_name), getattr(relation, field_name), [relation.source])
    for term in site.terms.values():
        yield from check(term, ("in_article",), term.in_article, [term.source])
    for event in site.events:
        yield from check(event, ("what",), event.what, [event.source])
    for figure in site.figures:
        for field_name in ("value", "before", "after"):
            yield from check(figure, (field_name,), getattr(figure, field_name), [figure.source])
    for takeaway in site.takeaways:
        yield from check(takeaway, ("text",), takeaway.text, takeaway.sources)


# Ids the pages already use for their own parts; a note anchor must not take one.
_RESERVED_ID = re.compile(rf"^(main|note-cards|card-pop|infobox-title|p\d+|fn\d+|fnref\d+|letter-.*|{MARK_ID_PREFIX}.*"
                          rf"|{CARD_ID_PREFIX}.*|shareholding.*|relationship-map.*|timeline-strip.*)$")


def _reserved_ids(site: Site) -> Iterator[Problem]:
    for note in [*site.terms.values(), *site.events, *site.figures, *site.editors_notes]:
        if _RESERVED_ID.match(note.id):
            path, line = note.where("id")
            yield Problem(path, line, f'id "{note.id}" is taken by the pages themselves; choose another')


# Relations that nest (a unit of a unit, a member of a member): they cannot go round in a
# circle. Stakes and partnerships may be mutual (the two companies hold stakes in each other).
_NESTING = ("unit-of", "member-of", "based-in")


def _no_circular_relations(site: Site) -> Iterator[Problem]:
    for kind in _NESTING:
        graph = {e.id: [r.target for r in e.relations if r.type == kind and r.target in site.entities]
                 for e in site.entities.values()}
        reported: set[frozenset[str]] = set()
        for start in graph:
            path = [start]
            while graph.get(path[-1]):
                nxt = graph[path[-1]][0]
                if nxt in path:
                    loop = path[path.index(nxt):]
                    if frozenset(loop) not in reported:
                        reported.add(frozenset(loop))
                        entity = site.entities[loop[-1]]
                        index = next(i for i, r in enumerate(entity.relations) if r.type == kind and r.target == nxt)
                        file, line = entity.where("relations", index, "target")
                        chain = f" {kind} ".join([*loop, nxt])
                        yield Problem(file, line, f"circular relation: {chain}")
                    break
                path.append(nxt)


def _aliases_are_words(site: Site) -> Iterator[Problem]:
    """Aliases match whole words only: an alias the articles have only as part of a longer
    word ("Ren" in "Renault") would never link, and is almost always a mistake. (A note's
    name may be absent from the text: it is how the note is titled.)"""
    texts = [p.text for a in site.articles.values() for p in a.paragraphs.values()]
    for note in [*site.entities.values(), *site.terms.values()]:
        flags = 0 if isinstance(note, Entity) else re.IGNORECASE
        for i, alias in enumerate(note.aliases):
            whole = re.compile(rf"(?<!\w){re.escape(alias)}(?!\w)", flags)
            if any(whole.search(t) for t in texts):
                continue
            part = re.compile(rf"\b{re.escape(alias)}\w+|\w+{re.escape(alias)}\b", flags)
            words = sorted({m.group() for t in texts for m in part.finditer(t)})
            if words:
                file, line = note.where("aliases", i)
                yield Problem(file, line, f'alias "{alias}" appears only as part of longer words '
                                          f'({", ".join(words[:3])}); aliases match whole words: give the whole word')


_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")


def _relative_dates_stay_relative(event: Event) -> Iterator[Problem]:
    """A year the quote does not state is an invented date (the article's own year is unknown)."""
    for year in _YEAR.findall(event.when):
        if year not in event.source.quote:
            path, line = event.where("when")
            yield Problem(path, line, f'"{event.when}" gives the year {year}, which the quote does not state; '
                                      'keep the article\'s words (e.g. "by mid this year")')

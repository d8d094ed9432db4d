"""The one schema for the structured notes: what each kind of note holds, and the Site the
pages are made from (loading: load.py; what the notes say checked against the articles and
each other: checks.py).

Notes are YAML files under content/notes/ (any number; each holds any of the lists
`entities`, `terms`, `events`, `figures`, `editors_notes`, `takeaways`, and may name, as
`article:`, the article its plain citations `p4` are from, so that a second article never
breaks them). YAML rather than Markdown front matter: the notes are lists of small records
with nested sources and relations, which front matter would hold anyway, and ruamel.yaml
keeps a line number on every node so each problem is reported at the line to fix.

Two kinds of statement are kept apart. What "the article says" (facts, relations with a
source, events, figures, editor's notes, how a term is used) always carries a `source`: a
paragraph id and a quote that the check finds in that paragraph. Background from outside
the article (an entity's summary, a term's definition, a relation without a source) is
shown as background, never as the article's claim.

Text the notes draft wrote (make new-article: an entity's fact from the clause that names
it, a place's background from the gazetteer, ...) is kept but marked: `drafted:` lists the
fields of that item no author has reviewed yet (`drafted: [summary]` on an entity,
`drafted: [text]` on a fact, `drafted: [type]` on a relation the draft read from a sentence:
its type and target are the draft's reading, not yet the author's). An author deletes a
name once the text is right; until then `make html` shows it as "Drafted, not reviewed"
and `make publish` refuses it (content/unfinished.py). It can name only the item's own
texts: anything else is an error at its line.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator

from ...core.problems import Problem
from ..articles import Article, Paragraph
from ..stored import StoredText
from ..fields import ParagraphRef, Percent, Slug, Text
from ..yamldata import line_of

NOTES_DIR = "notes"
# Notes drafts (make new-article) wait here, read by `make todo` only, until curated and moved
# into NOTES_DIR: a build shows none of them, and `make publish` refuses while one is left.
DRAFTS_DIR = "notes-drafts"

EntityKind = Literal["company", "person", "organisation", "body", "party", "law", "programme", "place", "market", "product",
                     "publication"]
KIND_LABELS: dict[str, tuple[str, str]] = {  # kind -> (singular, plural heading)
    "company": ("Company", "Companies"),
    "person": ("Person", "People"),
    "organisation": ("Organisation", "Organisations"),
    "body": ("Body", "Boards and bodies"),
    "party": ("Political party", "Political parties"),
    "law": ("Law or regulation", "Laws and regulations"),  # an act, regulation, directive, treaty, bill
    "programme": ("Programme or event", "Programmes and events"),  # a named scheme, plan, festival, award
    "product": ("Business unit or product", "Business units and products"),
    "place": ("Place", "Places"),
    "market": ("Market", "Markets"),
    "publication": ("Publication", "Publications"),
}

RelationType = Literal[
    "holds-stake-in", "led", "invests-in", "partner-of", "member-of", "unit-of", "based-in", "wrote-for",
]
RELATION_LABELS: dict[str, tuple[str, str]] = {  # type -> (from the subject, from the target)
    "holds-stake-in": ("holds a stake in", "partly owned by"),
    "led": ("led", "was led by"),
    "invests-in": ("invests in", "receives investment from"),
    "partner-of": ("is a partner of", "is a partner of"),
    "member-of": ("is a member of", "has among its members"),
    "unit-of": ("is a unit of", "is the parent of"),
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


class Cited(BaseModel):
    """Where a background statement comes from: a stored outside source (content/sources/<id>,
    content/stored.py) and a verbatim quote that the check finds in its text."""

    model_config = ConfigDict(extra="forbid")
    source: Slug
    quote: Text


# The texts of each kind of item that `drafted:` may name (those the draft can write).
FactDrafted = Literal["text"]
EntityDrafted = Literal["summary"]
TermDrafted = Literal["definition", "in_article"]
EventDrafted = Literal["what"]
FigureDrafted = Literal["measures"]
RelationDrafted = Literal["type"]  # the relation itself: what the draft read the sentence to say


class Fact(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: Text
    drafted: list[FactDrafted] = []  # written by the draft, not reviewed yet
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
    cited: Cited | None = None  # for a background relation (no `source`): the stored text it rests on
    drafted: list[RelationDrafted] = []  # read from its sentence by the draft, not reviewed yet


class Entity(Note):
    id: Slug
    name: Text
    kind: EntityKind
    aliases: list[Text] = []
    summary: Text  # background, in the site's words
    summary_cited: Cited | None = None  # the stored text the summary rests on, if any
    drafted: list[EntityDrafted] = []
    facts: list[Fact] = []
    relations: list[Relation] = []


class Term(Note):
    id: Slug
    term: Text
    abbreviation: Text | None = None
    aliases: list[Text] = []
    definition: Text  # background, for a general reader
    definition_cited: Cited | None = None  # the stored text the definition rests on, if any
    in_article: Text  # how this article uses it
    drafted: list[TermDrafted] = []
    source: Source
    # Whether an article's text links its first mention: "auto" if it is rarer than everyday
    # English (what a general reader may need explained), or always, or never.
    link: Literal["auto", "always", "never"] = "auto"

    @property
    def display_name(self) -> str:
        """The term as a heading, a card or a search result names it: "electric vehicle (EV)"."""
        return self.term + (f" ({self.abbreviation})" if self.abbreviation else "")


class Event(Note):
    id: Slug
    when: Text  # as the article states it; relative dates stay relative
    what: Text
    drafted: list[EventDrafted] = []
    entities: list[Slug] = []
    source: Source


class Figure(Note):
    id: Slug
    value: Text
    measures: Text
    unit: Text | None = None
    before: Text | None = None
    after: Text | None = None
    drafted: list[FigureDrafted] = []
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
    stored: dict[str, StoredText] = field(default_factory=dict)  # outside sources, by id (content/sources/)
    # Ids of entities whose notes did not load (their own problems are reported): a
    # reference to one is not reported again as unknown.
    unloaded_entities: set[str] = field(default_factory=set, repr=False)
    # Ids of stored sources whose record or text did not load (likewise reported once).
    unloaded_sources: set[str] = field(default_factory=set, repr=False)
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

    def cites(self, ref: str) -> bool:
        """Whether a reference names a paragraph of this site (a draft's are not checked)."""
        article_id, _, pid = ref.rpartition("#")
        article = self.articles.get(article_id) if article_id else next(iter(self.articles.values()), None)
        return article is not None and pid in article.paragraphs


DEFAULT_ARTICLE = "article"  # a notes file's key: the article its plain citations (`p4`) are from


def sources(note: Note) -> Iterator[Source]:
    """Every citation a note makes."""
    if isinstance(note, Entity):
        yield from (fact.source for fact in note.facts)
        yield from (relation.source for relation in note.relations if relation.source)
    elif isinstance(note, Takeaway):
        yield from note.sources
    else:
        yield note.source  # type: ignore[attr-defined]



Loc = tuple[str | int, ...]  # a place in a note, as Note.where takes it


def background(note: Note) -> Iterator[tuple[Loc, Loc, Cited | None]]:
    """Every background statement of a note: (its place in the note, the place of its
    citation field, the stored source it cites or None: then it is the site's own words)."""
    if isinstance(note, Entity):
        yield ("summary",), ("summary_cited",), note.summary_cited
        for i, relation in enumerate(note.relations):
            if relation.source is None:
                yield ("relations", i), ("relations", i, "cited"), relation.cited
    elif isinstance(note, Term):
        yield ("definition",), ("definition_cited",), note.definition_cited


def surface_forms(note: Entity | Term) -> list[str]:
    """The words that name a note in running text: name or term, abbreviation, aliases."""
    if isinstance(note, Entity):
        return [note.name, *note.aliases]
    return [note.term, *([note.abbreviation] if note.abbreviation else []), *note.aliases]


def duplicate_id(note: Note, first: Note) -> Problem:
    path, line = note.where("id")
    first_path, first_line = first.where("id")
    return Problem(path, line, f'duplicate id "{note.id}": already used at {first_path}:{first_line}')  # type: ignore[attr-defined]

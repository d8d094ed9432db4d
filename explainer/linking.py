"""Where each note lives on the site, and the one Linker built from every name and alias."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from .articles import SITE_ROOT, Article, Paragraph
from .cards import card
from .markdown.autolink import Linker, Target
from .markdown.editor_marks import Flag
from .notes import Entity, Site, Term, surface_forms

GENERATED = "_generated"

# Virtual source paths of generated pages and the files they become.
PAGES = {
    "articles": (f"{GENERATED}/articles.md", "articles.html"),  # only with several articles
    "entities": (f"{GENERATED}/entities.md", "entities.html"),
    "glossary": (f"{GENERATED}/glossary.md", "glossary.html"),
    "timeline": (f"{GENERATED}/timeline.md", "timeline.html"),
    "figures": (f"{GENERATED}/figures.md", "figures.html"),
    "editors_notes": (f"{GENERATED}/editors-notes.md", "editors-notes.html"),
}

_FIGURE_NUMBER = re.compile(r"\d+(?:\.\d+)?%?")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u201c\"'])")


def sentences(text: str) -> list[str]:
    """A paragraph's sentences, as an entity page quotes them."""
    return _SENTENCE_END.split(text)


def entity_source(entity_id: str) -> str:
    return f"{GENERATED}/entities/{entity_id}.md"


def href(source: str, fragment: str = "") -> str:
    """A link to a generated page by its virtual source path (see articles.SITE_ROOT)."""
    return f"{SITE_ROOT}{_OUTPUT[source]}" + (f"#{fragment}" if fragment else "")


class _Outputs(dict):
    """virtual source path -> output file: the fixed pages, and entities/<id>.html."""

    def __missing__(self, source: str) -> str:
        entity = source.removeprefix(f"{GENERATED}/entities/")
        if entity != source and entity.endswith(".md"):
            return f"entities/{entity.removesuffix('.md')}.html"
        raise KeyError(source)


_OUTPUT = _Outputs({source: save_as for source, save_as in PAGES.values()})


def note_key(note: Entity | Term) -> str:
    return f"entity:{note.id}" if isinstance(note, Entity) else f"term:{note.id}"


def note_href(note: Entity | Term) -> str:
    if isinstance(note, Entity):
        return href(entity_source(note.id))
    return href(PAGES["glossary"][0], note.id)


@dataclass(frozen=True)
class Mention:
    article: Article
    paragraph: Paragraph
    sentence: str
    spans: tuple[tuple[int, int], ...]  # where the note is named in the sentence


@dataclass
class SiteLinks:
    """What every page needs to render: the linker, who is mentioned where, the visuals."""

    linker: Linker
    names: dict[str, list[str]] = field(default_factory=dict)  # note key -> its names and aliases
    mentions: dict[str, list[Mention]] = field(default_factory=dict)  # note key -> mentions
    named_in: dict[str, set[str]] = field(default_factory=dict)  # article id -> keys of the notes it names
    # article id -> paragraph id -> (its figures' numbers and events' dates, their targets)
    own_names: dict[str, dict[str, list[tuple[str, Target]]]] = field(default_factory=dict)
    marks: dict[str, dict[str, list[Flag]]] = field(default_factory=dict)  # article id -> paragraph id -> editor's marks
    visuals: dict[str, Any] = field(default_factory=dict)  # name -> HTML (explainer.visuals)
    _cards: dict[str, str] = field(default_factory=dict, repr=False)

    def card(self, site: Site, key: str) -> str:
        """A note's preview card (explainer.cards), made once per build."""
        if key not in self._cards:
            self._cards[key] = card(site, key)
        return self._cards[key]

    def paragraph_linkers(self, article_id: str) -> dict[str, Linker]:
        """For each paragraph of an article, a Linker of the figures and dates it states:
        a figure's numbers and an event's date, where the paragraph has them word for word."""
        return {pid: Linker(found) for pid, found in self.own_names.get(article_id, {}).items()}


def _marks(site: Site) -> dict[str, dict[str, list[Flag]]]:
    """article id -> paragraph id -> the editor's notes on it, for the editor_marks rule."""
    marks: dict[str, dict[str, list[Flag]]] = defaultdict(lambda: defaultdict(list))
    for note in site.editors_notes:
        article, paragraph = site.resolve(note.source.paragraph)
        marks[article.id][paragraph.id].append(Flag(note.source.quote, note.id, href(PAGES["editors_notes"][0], note.id),
                                                    error=note.kind != "ambiguity"))
    return {aid: dict(by_paragraph) for aid, by_paragraph in marks.items()}


def _own_names(site: Site) -> dict[str, dict[str, list[tuple[str, Target]]]]:
    """article id -> paragraph id -> the figures' numbers and events' dates it states."""
    names: dict[str, dict[str, list[tuple[str, Target]]]] = defaultdict(lambda: defaultdict(list))
    for figure in site.figures:
        article, paragraph = site.resolve(figure.source.paragraph)
        target = Target(f"figure:{figure.id}", href(PAGES["figures"][0], figure.id), case_sensitive=False)
        for number in dict.fromkeys(_FIGURE_NUMBER.findall(" ".join(filter(None, (figure.value, figure.before, figure.after))))):
            if re.search(rf"(?<![\w.]){re.escape(number)}(?!\w)", paragraph.text):
                names[article.id][paragraph.id].append((number, target))
    for event in site.events:
        article, paragraph = site.resolve(event.source.paragraph)
        when = re.sub(r"\s*\(.*?\)", "", event.when).strip()
        if when and when.casefold() in paragraph.folded.casefold():
            target = Target(f"event:{event.id}", href(PAGES["timeline"][0], event.id), case_sensitive=False)
            names[article.id][paragraph.id].append((when, target))
    return {aid: dict(by_paragraph) for aid, by_paragraph in names.items()}


def build_links(site: Site) -> SiteLinks:
    """The linker, who is mentioned where, and the visuals: built once per build."""
    from .visuals import render_visuals  # visuals link to pages, so they import this module

    links = _links(site)
    # Every article's at once: one pass over the figures, events and editor's notes.
    links.own_names = _own_names(site)
    links.marks = _marks(site)
    links.visuals = render_visuals(site)
    return links


def _links(site: Site) -> SiteLinks:
    names = [
        (form, Target(note_key(note), note_href(note), case_sensitive=isinstance(note, Entity)))
        for note in [*site.entities.values(), *site.terms.values()]
        for form in surface_forms(note)
    ]
    links = SiteLinks(Linker(names))
    for form, target in names:
        links.names.setdefault(target.key, []).append(form)
    for article in site.articles.values():
        for paragraph in article.paragraphs.values():
            for sentence in sentences(paragraph.text):
                found: dict[str, list[tuple[int, int]]] = defaultdict(list)
                for start, end, target in links.linker.find(sentence):
                    found[target.key].append((start, end))
                for key, spans in found.items():
                    links.mentions.setdefault(key, []).append(Mention(article, paragraph, sentence, tuple(spans)))
                    links.named_in.setdefault(article.id, set()).add(key)
    return links

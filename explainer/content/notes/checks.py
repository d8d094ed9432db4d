"""What the notes say, checked against the articles and each other: one function per
check, each `check(site) -> problems`, all of them listed once in CHECKS. Run on the notes
that loaded (load.py); a reference to an entity that did not load is left to that entity's
own problem."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ...core.names import name_words
from ...core.problems import Problem, did_you_mean
from ...core.routes import CARD_ID_PREFIX, MARK_ID_PREFIX
from ...core.text import fold, in_figures, numerals, states
from .model import DEFAULT_ARTICLE, Entity, Note, Site, Source, Term, background, duplicate_id, surface_forms


def check_site(site: Site) -> list[Problem]:
    """Every problem of what the notes say: every reference, every quote in its paragraph,
    every number in its quote."""
    return sorted(problem for check in CHECKS for problem in check(site))


def articles_named_exist(site: Site) -> Iterator[Problem]:
    """A notes file's `article:` names an article of the site."""
    for path, (article_id, line) in site.default_articles.items():
        if article_id not in site.articles:
            yield Problem(path, line, f'unknown article "{article_id}"' + did_you_mean(article_id, site.articles))


def quotes_are_in_their_paragraphs(site: Site) -> Iterator[Problem]:
    """Every citation names a paragraph of an article, and its quote is in that paragraph, and
    in no other."""
    for entity in site.entities.values():
        for i, fact in enumerate(entity.facts):
            yield from _check_source(site, entity, fact.source, ("facts", i, "source"))
        for i, relation in enumerate(entity.relations):
            if relation.source:
                yield from _check_source(site, entity, relation.source, ("relations", i, "source"))
    for note in [*site.terms.values(), *site.events, *site.figures]:
        yield from _check_source(site, note, note.source, ("source",))
    for note in site.editors_notes:  # marked on its words: they must be in one place
        yield from _check_source(site, note, note.source, ("source",), one_place=True)
    for takeaway in site.takeaways:
        for i, source in enumerate(takeaway.sources):
            yield from _check_source(site, takeaway, source, ("sources", i))


def background_quotes_are_in_their_sources(site: Site) -> Iterator[Problem]:
    """Every background statement that cites a stored source names one, and its quote is in
    that source's text (content/stored.py); a relation from the article cites the article."""
    for note in [*site.entities.values(), *site.terms.values()]:
        for _, field, cited in background(note):
            if cited is None:
                continue
            stored = site.stored.get(cited.source)
            if stored is None and cited.source in site.unloaded_sources:
                continue  # its record's own problem says why: the same fault is not reported at every citation
            if stored is None:
                path, line = note.where(*field, "source")
                yield Problem(path, line, f'unknown stored source "{cited.source}"'
                                          + (did_you_mean(cited.source, site.stored) or
                                             " (store its text with make add-source FILE=... URL=...)"))
                continue
            if fold(cited.quote) not in stored.folded:
                path, line = note.where(*field, "quote")
                yield Problem(path, line, f"quote not found in {stored.path}: {cited.quote!r}{_closest(cited.quote, stored.text)}")
        if isinstance(note, Entity):
            for i, relation in enumerate(note.relations):
                if relation.source is not None and relation.cited is not None:
                    path, line = note.where("relations", i, "cited")
                    yield Problem(path, line, "a relation the article states cites the article (source:) only; "
                                              "cited: is for background relations")


def _closest(quote: str, text: str) -> str:
    """A did-you-mean for a quote: the passage of the text most like it, about as many words
    long (a word more or fewer: "repay the loan" for "repay the bank loan")."""
    words, quoted = text.split(), quote.split()
    # without the punctuation that ends a clause ("March 2023," is offered as "March 2023")
    windows = {" ".join(words[i:i + size]).rstrip(",;:.") for size in range(max(1, len(quoted) - 1), len(quoted) + 2)
               for i in range(max(1, len(words) - size + 1))}
    return did_you_mean(" ".join(quoted), windows) if words and quoted else ""


def relations_are_to_other_entities(site: Site) -> Iterator[Problem]:
    """A relation's target is another entity of the notes."""
    for entity in site.entities.values():
        for i, relation in enumerate(entity.relations):
            if relation.target in site.unloaded_entities:
                continue
            if relation.target not in site.entities:
                yield _unknown(entity, ("relations", i, "target"), "entity", relation.target, site.entities)
            elif relation.target == entity.id:
                path, line = entity.where("relations", i, "target")
                yield Problem(path, line, f'"{entity.id}" cannot be related to itself')


def entities_named_exist(site: Site) -> Iterator[Problem]:
    """The entities an event or a figure involves are entities of the notes."""
    for note in [*site.events, *site.figures]:
        for i, ref in enumerate(note.entities):
            if ref not in site.entities and ref not in site.unloaded_entities:
                yield _unknown(note, ("entities", i), "entity", ref, site.entities)


def unique_ids(site: Site) -> Iterator[Problem]:
    # Entities and terms are checked as they load (they are keyed by id); slugs are lower
    # case by schema, so two ids cannot differ only in case.
    for notes in (site.events, site.figures, site.editors_notes, site.takeaways):
        seen: dict[str, Note] = {}
        for note in notes:
            if note.id in seen:  # type: ignore[attr-defined]
                yield duplicate_id(note, seen[note.id])  # type: ignore[attr-defined]
            else:
                seen[note.id] = note  # type: ignore[attr-defined]


def one_note_per_name(site: Site) -> Iterator[Problem]:
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
                # and at the other note, which may be the one just added (files are read by name)
                if (other_path, other_line) != (path, line):
                    yield Problem(other_path, other_line, f'"{form}" is also the name of "{note.id}" ({path}:{line}): '  # type: ignore[attr-defined]
                                                          "keep one note, and give it the other's facts")
            owners.setdefault(key, (note, form))


def _unknown(note: Note, loc: tuple[str | int, ...], what: str, ref: str, known: dict[str, Any]) -> Problem:
    path, line = note.where(*loc)
    return Problem(path, line, f'unknown {what} "{ref}"' + did_you_mean(ref, known))


def _check_source(site: Site, note: Note, source: Source, loc: tuple[str | int, ...],
                  one_place: bool = False) -> Iterator[Problem]:
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
        # in another article of the site: the citation names the wrong article, or none
        elsewhere = [f"{other.id}#{p.id}" for other in site.articles.values() if other is not article
                     for p in other.paragraphs.values() if quote in p.folded]
        hint = f" (it is in {', '.join(found_in)})" if found_in else \
            f" (it is in {', '.join(elsewhere)}: cite it as paragraph: {elsewhere[0]})" if elsewhere else \
            _closest(source.quote, paragraph.text)
        yield Problem(path, line, f"quote not found in {pid}: {source.quote!r}{hint}")
    elif len(found_in) > 1:
        others = ", ".join(p for p in found_in if p != pid)
        yield Problem(path, line, f"quote {source.quote!r} is in {pid}, as cited, but also in {others}: a link to "
                                  f"it would land on the first; quote enough words of {pid} to point at it alone")
    elif one_place and (times := paragraph.folded.count(quote)) > 1:
        yield Problem(path, line, f"quote {source.quote!r} is in {pid} {times} times, and "
                                  "the editor's mark would go on the first: quote enough words to point at one place")


def story_shape(site: Site) -> Iterator[Problem]:
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


_NEGATIVE = re.compile(r"(?<![\w.,])([-\u2212])\s?(\d[\d,.]*%?)")  # a minus sign, not a range's hyphen ("3-5%")


def numbers_come_from_quotes(site: Site) -> Iterator[Problem]:
    """A number the site states from the article must be in the words it cites."""

    def check(note: Note, loc: tuple[str | int, ...], text: str | None, quotes: list[Source]) -> Iterator[Problem]:
        quoted = " ".join(q.quote for q in quotes)
        cited = in_figures(quoted)  # "two" gives 2
        for number in numerals(text or ""):
            if not states(cited, number):
                path, line = note.where(*loc)
                yield Problem(path, line, f"{number.removesuffix('%')} is not in the quote it cites; quote the words "
                                          "that give it, or say it in a background field")
                return
        for sign, number in _NEGATIVE.findall(text or ""):  # "-3.5%" where the article says "rose 3.5%"
            if not re.search(rf"[-\u2212]\s?{re.escape(number)}", quoted):
                path, line = note.where(*loc)
                yield Problem(path, line, f"{sign}{number}: the quote gives no minus sign; write the number as it "
                                          "gives it, and say a fall in words (the figure's measures)")
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
# (tests/unit/test_reserved_ids.py finds every id the theme's templates write among them)
_RESERVED_ID = re.compile(rf"^(main|note-cards|card-pop|infobox-title|p\d+|fn\d+|fnref\d+|letter-.*|{MARK_ID_PREFIX}.*"
                          rf"|{CARD_ID_PREFIX}.*|shareholding.*|relationship-map.*|timeline-strip.*"
                          rf"|explanations|explanations-what|site-search-q|search|search-(?:q|kinds|more|results|status|suggest))$")


def ids_the_pages_do_not_use(site: Site) -> Iterator[Problem]:
    for note in [*site.terms.values(), *site.events, *site.figures, *site.editors_notes]:
        if _RESERVED_ID.match(note.id):
            path, line = note.where("id")
            yield Problem(path, line, f'id "{note.id}" is taken by the pages themselves; choose another')


# Relations that nest (a unit of a unit, a member of a member): they cannot go round in a
# circle. Stakes and partnerships may be mutual (the two companies hold stakes in each other).
_NESTING = ("unit-of", "member-of", "based-in")


def no_circular_relations(site: Site) -> Iterator[Problem]:
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


def aliases_are_whole_words(site: Site) -> Iterator[Problem]:
    """Aliases match whole words only: an alias the articles have only as the start of a
    longer word ("Ren" in "Renault") would never link, and is almost always a mistake. (A
    note's name may be absent from the text: it is how the note is titled.)"""
    texts = [p.text for a in site.articles.values() for p in a.paragraphs.values()]
    for note in [*site.entities.values(), *site.terms.values()]:
        flags = 0 if isinstance(note, Entity) else re.IGNORECASE
        for i, alias in enumerate(note.aliases):
            whole = re.compile(rf"(?<!\w){re.escape(alias)}(?!\w)", flags)
            if any(whole.search(t) for t in texts):
                continue
            # a word the alias begins ("Brightwat" in "Brightwater"); one that merely ends in it is
            # another word ("stakes" in "mistakes"), which a new article may hold by chance
            part = re.compile(rf"\b{re.escape(alias)}\w+", flags)
            words = sorted({m.group() for t in texts for m in part.finditer(t)})
            if words:
                file, line = note.where("aliases", i)
                yield Problem(file, line, f'alias "{alias}" appears only as part of longer words '
                                          f'({", ".join(words[:3])}); aliases match whole words: give the whole word')


_YEAR = re.compile(r"\b(\d{4})\b")  # any year: "1776" and "9999" are as invented as "2027"


def relative_dates_stay_relative(site: Site) -> Iterator[Problem]:
    """A year the quote does not state is an invented date (the article's own year is unknown)."""
    for event in site.events:
        for year in _YEAR.findall(event.when):
            if year not in event.source.quote:
                path, line = event.where("when")
                yield Problem(path, line, f'"{event.when}" gives the year {year}, which the quote does not state; '
                                          'keep the article\'s words (e.g. "by mid this year")')


CHECKS = (
    articles_named_exist,
    unique_ids,
    one_note_per_name,
    quotes_are_in_their_paragraphs,
    background_quotes_are_in_their_sources,
    relations_are_to_other_entities,
    story_shape,
    entities_named_exist,
    relative_dates_stay_relative,
    numbers_come_from_quotes,
    ids_the_pages_do_not_use,
    no_circular_relations,
    aliases_are_whole_words,
)

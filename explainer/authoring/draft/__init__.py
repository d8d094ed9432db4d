"""The notes draft for a new article (`make new-article`, `make draft-notes ARTICLE=path`).

From the text as received it proposes, each with its paragraph and the article's own words
as its quote, for the author to curate:
- entities, with a kind and aliases from the evidence, and the relations the text states
  (names.py); names a note already has are not listed again but reported
  ("already a note: nissan, 4 mentions");
- figures with their value and unit, and a `measures` stub with the words around them, and
  date-like phrases as events, never resolved to a date the text does not give
  (figures.py);
- glossary candidates by their rarity in general English (terms.py).
Where it honestly can, it writes the text too, marked `drafted: [field]` for an author to
review (written.py): a fact, what a figure measures, what happens at a date and how a term
is used as the article's clause that holds it; a place's background from the gazetteer; a
term's definition from the dictionary. Everything else is a `TODO`.
The draft goes to content/notes-drafts/ (not read by the build) and is never written over.
It names its article (`article: <id>`), so its citations are plain paragraphs (`p4`).
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedSeq

from ...content import site as content_site
from ...content.source import SOURCE_NAME, byline_author, is_heading
from ...core.names import Linker
from ...core.problems import ContentError, Problem, display_path
from ...core.text import sentences, slug
from ...render.index import linker as notes_linker
from ..received import checked_id, default_id, read_received, with_paragraphs
from .figures import Found, dates, figures, qualified, scored_in
from .gazetteer import gazetteer
from .names import Candidate, candidates
from .terms import Term, term_codes, terms
from .written import article_definition, clause_text, fact_text, place_background, standalone, term_definition, term_use

DRAFTS = "notes-drafts"


@dataclass
class Draft:
    article_id: str
    paragraphs: list[str]
    entities: list[Candidate] = field(default_factory=list)
    known: Counter[str] = field(default_factory=Counter)  # note id -> mentions in this article
    figures: list[tuple[Found, int, str]] = field(default_factory=list)  # (figure, paragraph, sentence)
    events: list[tuple[Found, int, str]] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    ids: dict[str, str] = field(default_factory=dict, repr=False)  # known name -> its note's id
    taken: set[str] = field(default_factory=set, repr=False)  # the ids notes already have
    also: dict[str, list[str]] = field(default_factory=dict)  # note id -> other forms this article uses
    # note id -> (paragraph, sentence, start, end) of each sentence of this article naming it
    said_of_known: dict[str, list[tuple[int, str, int, int]]] = field(default_factory=dict)
    explained_known: dict[str, tuple[int, str]] = field(default_factory=dict)  # term id -> (paragraph, explanation)


def paragraphs(text: str) -> list[str]:
    """The paragraphs as the article page numbers them: every block but the title and the
    headings (a heading is a line without closing punctuation)."""
    blocks = [line.strip() for line in text.splitlines() if line.strip()]
    return [b for b in blocks[1:] if not is_heading(b)]


def _known_notes(content: Path):
    """The notes that exist, checked: their linker, and the glossary's terms."""
    site = content_site.read_sound(content).site
    known_terms = {form.lower(): term.id for term in site.terms.values() for form in (term.term, *term.aliases)}
    ids = {*site.entities, *site.terms, *(n.id for kind in (site.events, site.figures, site.editors_notes)
                                         for n in kind)}
    return notes_linker(site), known_terms, ids


def draft(text: str, article_id: str, content: Path | None) -> Draft:
    """The draft for an article's text, leaving out what the notes under `content` already
    have (with no `content`, as if there were no notes yet)."""
    if content is None:
        linker, known_terms, ids = Linker([]), {}, set()
    else:
        linker, known_terms, ids = _known_notes(content)
    places = gazetteer()
    result = Draft(article_id, paragraphs(text), taken=ids)
    split = [sentences(p) for p in result.paragraphs]
    currencies = places.currencies_in("\n".join(result.paragraphs))  # "kroner" in a Norwegian story: NOK
    scored = scored_in("\n".join(result.paragraphs))  # a story's scores in points, goals, frames ...
    covered: list[list[list[tuple[int, int]]]] = []
    for n, sentence_list in enumerate(split, 1):
        covered.append([])
        for sentence in sentence_list:
            spans = []
            for start, end, target in linker.find(sentence):
                spans.append((start, end))
                if target.key.kind == "entity":
                    result.known[target.key.id] += 1
                    result.ids[sentence[start:end]] = target.key.id
                    said = result.said_of_known.setdefault(target.key.id, [])
                    if not any(s == sentence for _, s, _, _ in said):
                        said.append((n, sentence, start, end))
            covered[-1].append(spans)
            in_dates = dates(sentence)
            result.events += [(d, n, sentence) for d in in_dates]
            result.figures += [(f, n, sentence) for f in figures(sentence, places, in_dates, currencies, scored)]
    found_names = candidates(split, places, covered)
    # A year in a name is the name's ("the Water Industry Act 1991"), not an event of the story:
    # the names' spans in each sentence, new and already noted.
    in_names: dict[tuple[int, str], list[tuple[int, int]]] = {}
    for mention in (m for c in found_names for m in c.mentions):
        in_names.setdefault((mention.paragraph, mention.sentence), []).append((mention.start, mention.end))
    for n, sentence_list in enumerate(split, 1):
        for sentence, spans in zip(sentence_list, covered[n - 1]):
            in_names.setdefault((n, sentence), []).extend(spans)
    result.events = [(d, n, s) for d, n, s in result.events
                     if not any(a <= d.start and d.end <= b for a, b in in_names.get((n, s), []))]
    result.entities = []
    codes = term_codes(split)  # "PM2.5, particles small enough to ...", "... protocol (SCMP)": a term's
    for candidate in found_names:
        if {candidate.name, *candidate.aliases} & codes:
            continue  # also "Brennock’s EBITDA", a company's term
        if all(byline_author(result.paragraphs[m.paragraph - 1]) for m in candidate.mentions):
            continue  # the byline's writer ("By Daniel Frost, local affairs reporter"): the page's author
        # "Japanese" proposed as Japan, which is a note already: said, not listed again.
        found = [t for s, e, t in linker.find(candidate.name) if s == 0 and e == len(candidate.name)]
        if found and found[0].key.kind == "entity":
            note_id = found[0].key.id
            result.known[note_id] += len(candidate.mentions)
            result.ids[candidate.name] = note_id
            result.also[note_id] = sorted(set(candidate.aliases))
        else:
            result.entities.append(candidate)
    names = {w for c in result.entities for form in (c.name, *c.aliases) for w in form.split()
             if not w.islower()}  # a name's own words, not the "of" of "Friends of Fenton Library"
    named = {form.lower() for c in result.entities for form in (c.name, *c.aliases)}
    # a term spelt as a name the draft proposes ("Microplastics" starting a sentence) would
    # name two notes: the name stays, for the author to judge
    result.terms = [t for t in terms(split, known_terms, names, result.explained_known) if t.term.lower() not in named]
    return result


def _slug(text: str) -> str:
    return slug(text) or "note"


def _clause(sentence: str, start: int, end: int) -> str:
    """The words around a figure or date, as the article has them: its clause (between
    commas or semicolons), or the whole sentence."""
    left = max(sentence.rfind(", ", 0, start), sentence.rfind("; ", 0, start))
    right = min((i for i in (sentence.find(", ", end), sentence.find("; ", end)) if i >= 0), default=len(sentence))
    clause = sentence[left + 2 if left >= 0 else 0: right].rstrip(".")
    return clause if len(clause.split()) >= 4 else sentence.rstrip(".")


# A place where something is or happens: "in the West Midlands", "in England and Wales" (Wales too).
_LOCATIVE = re.compile(r"\b(?i:in|at|near|across|around|outside|throughout|from|to|into|towards?|along|below|above|"
                       r"beyond|within|off|of|for)\s+(?:the\s+)?(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*,?\s+(?:and|or)\s+)?$")


def as_yaml(result: Draft) -> dict:
    ids: dict[str, str] = {}
    taken = set(result.taken)
    for candidate in result.entities:
        ids[candidate.name] = _unique(_slug(candidate.name), taken)
    entities = []
    for candidate in result.entities:
        # A place where something happened ("a water company in the West Midlands") has no
        # fact of its own there: the sentence is about what happened, not about the place.
        told = [m for m in _distinct(candidate)
                if not (candidate.kind == "place" and (_LOCATIVE.search(m.sentence[: m.start])
                                                       or m.sentence[m.end: m.end + 1] == "-"))]  # "Shrewsbury-based"
        facts = [{"text": fact_text(m.sentence, m.start, m.end), "drafted": _drafted("text"),
                  "source": {"paragraph": f"p{m.paragraph}", "quote": m.sentence.rstrip()}}
                 for m in told[:3]]
        entity = {"id": ids[candidate.name], "name": candidate.name, "kind": candidate.kind}
        if candidate.aliases:
            entity["aliases"] = sorted(set(candidate.aliases))
        background = place_background(candidate.name) if candidate.kind == "place" else None
        if background:
            entity |= {"summary": background, "drafted": _drafted("summary")}
        else:
            entity["summary"] = "TODO: who or what this is (background)"
        entity["facts"] = facts
        relations = []
        for kind, other, mention in candidate.relations:
            target = ids.get(other) or result.ids.get(other) or _slug(other)
            if target != entity["id"] and (kind, target) not in {(r["type"], r["target"]) for r in relations}:
                relations.append({"type": kind, "target": target, "drafted": _drafted("type"),
                                  "source": {"paragraph": f"p{mention.paragraph}", "quote": mention.sentence}})
        if relations:
            entity["relations"] = relations
        entities.append(entity)
    figures = []
    for found, n, sentence in result.figures:
        clause = _clause(sentence, found.start, found.end)
        figure = {"id": _unique(f"{_slug(found.text)}-p{n}", taken), "value": qualified(sentence, found)}
        if found.unit:
            figure["unit"] = found.unit
        figure |= {"measures": clause_text(clause, sentence), "drafted": _drafted("measures"),
                   "source": {"paragraph": f"p{n}", "quote": standalone(clause, sentence)}}
        figures.append(figure)
    events = [{"id": _unique(f"{_slug(found.text)}-p{n}", taken), "when": found.text,
               "what": clause_text(clause := _clause(sentence, found.start, found.end), sentence),
               "drafted": _drafted("what"), "source": {"paragraph": f"p{n}", "quote": standalone(clause, sentence)}}
              for found, n, sentence in result.events]
    glossary = []
    for term in result.terms:
        entry = {"id": _unique(_slug(term.term), taken), "term": term.term}
        if term.abbreviation:
            entry["abbreviation"] = term.abbreviation
        # The article's own explanation, else the dictionary's sense that fits the paragraph,
        # the source named in the text either way.
        defined = article_definition(term.gloss) or term_definition(term.term, result.paragraphs[term.paragraph - 1])
        entry["definition"] = defined or "TODO: what it means, for a general reader"
        use = term_use(term.term, term.sentence)
        entry["in_article"] = use or "TODO: how the article uses it"
        marked = [name for name, written in (("definition", defined), ("in_article", use)) if written]
        if marked:
            entry["drafted"] = _drafted(*marked)
        entry["source"] = {"paragraph": f"p{term.paragraph}", "quote": term.sentence.rstrip()}
        glossary.append(entry)
    return {"article": result.article_id, "entities": entities, "terms": glossary, "events": events,
            "figures": figures}


def _drafted(*fields: str) -> CommentedSeq:
    """A `drafted:` list (content/notes/model.py), written on one line: `drafted: [text]`."""
    marked = CommentedSeq(fields)
    marked.fa.set_flow_style()
    return marked


def _distinct(candidate: Candidate):
    seen = set()
    for mention in candidate.mentions:
        if (mention.paragraph, mention.sentence) not in seen:
            seen.add((mention.paragraph, mention.sentence))
            yield mention


def _unique(slug: str, taken: set[str]) -> str:
    out, n = slug, 2
    while out in taken:
        out, n = f"{slug}-{n}", n + 1
    taken.add(out)
    return out


def known_report(result: Draft) -> list[str]:
    """"already a note: nissan, 4 mentions", for each note the article names."""
    return [f"already a note: {note_id}, {n} mention{'' if n == 1 else 's'}"
            + (f" (this article also says {', '.join(map(repr, result.also[note_id]))}: an alias to add?)"
               if result.also.get(note_id) else "")
            for note_id, n in sorted(result.known.items(), key=lambda item: (-item[1], item[0]))]


def draft_text(text: str, article_id: str, content: Path) -> tuple[str, Draft]:
    """The draft file's text, and the draft."""
    result = draft(text, article_id, content)
    yaml = YAML()
    yaml.width = 4096
    out = io.StringIO()
    out.write(f"# Draft notes for {article_id}: candidates to curate (fill in each TODO, delete what is not\n"
              "# worth a note), then move into content/notes/. Every quote is the article's own words.\n"
              "# `drafted: [...]` names the texts the draft wrote (the article's clause, the gazetteer, the\n"
              "# dictionary): check each, then delete its name; make publish refuses them until you do.\n")
    for line in known_report(result):
        out.write(f"# {line} (not listed again)\n")
    if result.said_of_known:
        # What this article says of the notes that exist: facts to add to them, as comments (a
        # note of the same id here would be a duplicate once the draft is moved).
        out.write("#\n# What this article says of notes that exist: to add to their facts, citing this article's\n"
                  "# paragraph as below (see README, \"More than one article\"):\n")
        for note_id in sorted(result.said_of_known):
            for n, sentence, start, end in result.said_of_known[note_id][:3]:
                quote = " ".join(sentence.split()).replace('"', '\\"')
                said = fact_text(sentence, start, end).replace('"', '\\"')
                out.write(f'#   {note_id}: {{text: "{said}", source: {{paragraph: "{article_id}#p{n}", quote: "{quote}"}}}}\n')
    if result.explained_known:
        out.write("#\n# Terms of the glossary this article explains in its own words (the glossary's definition\n"
                  "# may take them, cited as below):\n")
        for term_id, (n, gloss) in sorted(result.explained_known.items()):
            words = " ".join(gloss.split()).replace('"', '\\"')
            out.write(f'#   {term_id}: "{words}" ({article_id}#p{n})\n')
    yaml.dump(as_yaml(result), out)
    return out.getvalue(), result


def draft_target(content: Path, article_id: str) -> Path:
    target = content / DRAFTS / f"{article_id}.yaml"
    if target.exists():
        raise ContentError([Problem(display_path(target), 1, "a draft is already here; it is never written over: "
                                                             "move it or delete it first")])
    return target


def write_draft(article: Path, content: Path, article_id: str | None = None) -> tuple[Path, Draft]:
    """`make draft-notes`: the draft for a received text (or for an article of the site: its
    article.md stands for the source.txt beside it), read and named as make new-article does."""
    if article.name == "article.md" and (article.parent / SOURCE_NAME).is_file():
        article = article.parent / SOURCE_NAME  # the words as received, not the page's Markdown
    data, blocks = read_received(article, given_as="ARTICLE")
    with_paragraphs(blocks, display_path(article), data)
    text = data.decode("utf-8")
    article_id = checked_id(article_id or (article.parent.name if article.name == SOURCE_NAME else default_id(blocks[0])),
                            display_path(article))
    target = draft_target(content, article_id)
    body, result = draft_text(text, article_id, content)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(body, encoding="utf-8")
    return target, result

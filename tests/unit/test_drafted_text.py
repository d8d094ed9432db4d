"""Text the notes draft writes itself (authoring/draft/written.py), marked `drafted:` through
the one schema (content/notes/model.py): a fact is the clause that names the entity, a
place's background comes from the gazetteer only for a place it knows, and a `drafted:`
naming a field the note does not have is an error at its line. The sentences here are
written for these tests, not taken from evals/."""

from __future__ import annotations

import re
from pathlib import Path

from ruamel.yaml import YAML

from explainer.authoring.draft import as_yaml, draft, draft_text
from explainer.authoring.draft.written import fact_text, place_background
from explainer.content.unfinished import _drafted
from explainer.render.pages.common import inline
from support import check_here, copy_project, edit, line_of

SENTENCE = ("Marlow Rail said on Monday that it would close two depots; the union called the plan reckless, "
            "but Harwick Transit agreed to take on forty drivers.")


def _at(name: str, sentence: str = SENTENCE) -> tuple[int, int]:
    start = sentence.index(name)
    return start, start + len(name)


def test_a_fact_is_the_clause_that_names_the_entity():
    assert fact_text(SENTENCE, *_at("Marlow Rail")) == "Marlow Rail said on Monday that it would close two depots."
    assert fact_text(SENTENCE, *_at("Harwick Transit")) == "Harwick Transit agreed to take on forty drivers."
    # One clause (commas part a list and an apposition, not clauses): the whole sentence.
    one = "Tessel, a maker of valves, hired Ana Roos, Piet Claes and Mia Berg."
    assert fact_text(one, *_at("Piet Claes", one)) == one


def test_a_drafted_text_is_a_clause_that_stands_alone():
    """A clause that starts with a relative word, or holds half a quotation, cannot stand
    alone as a note's text: the sentence does, with its quotation opened or closed where
    the sentence splitter cut one; a clause's joining conjunction goes."""
    from explainer.authoring.draft.written import clause_text

    owned = "The Harwood family, who have owned the club since 1987, agreed to sell it on Thursday."
    assert clause_text("who have owned the club since 1987", owned) == owned
    fined = "Brevik Ferries, the Bergen-based operator, was fined \u20ac2.4 million on Tuesday."
    assert clause_text("was fined \u20ac2.4 million on Tuesday", fined) == fined  # its subject is before the comma
    bought = "Cascade owns stakes in three teams, and last year bought a controlling stake in Arenal."
    assert clause_text("and last year bought a controlling stake in Arenal", bought) == \
        "Last year bought a controlling stake in Arenal."
    judge = "Judge Alistair Fenwick, sitting at Worcester Crown Court on Tuesday, said the utility had broken the law."
    assert clause_text("sitting at Worcester Crown Court on Tuesday", judge) == judge  # a participle: no clause
    profit = "It made a profit of \u00a342 million in the 2022 financial year, the regulator said."
    assert clause_text("in the 2022 financial year", profit) == profit  # a phrase with no clause
    assert clause_text("the company made a profit", "In 2022, the company made a profit.") == "The company made a profit."
    inside = "We have begged for investment,\u201d Tolland said."
    assert fact_text(inside, *_at("Tolland", inside)) == "\u201cWe have begged for investment,\u201d Tolland said."
    opened = "Tolland said: \u201cWe have begged for investment."
    assert fact_text(opened, *_at("Tolland", opened)) == opened + "\u201d"


def test_a_place_background_only_for_a_place_the_gazetteer_knows():
    portugal = place_background("Portugal")
    assert portugal is not None and portugal.startswith("Country in Southern Europe; capital Lisbon; population about ")
    assert "(GeoNames" in portugal  # its source, named where the page shows it
    lisbon = place_background("Lisbon")
    assert lisbon is not None and lisbon.startswith("City in Portugal, population about ")
    assert place_background("Kellbridge") is None  # a town no gazetteer knows: nothing invented
    assert place_background("Georgia") is None  # the country and the US state: no guess
    assert place_background("Valencia") is None  # Spain's and Venezuela's: no guess
    for nation in ("Wales", "Scotland"):  # a nation of the UK is not the UK: never its capital and population
        assert "London" not in (place_background(nation) or ""), place_background(nation)
    # A city by its English name as well as GeoNames' own: the name the gazetteer finds it by.
    for english, own, country in (("Cologne", "Köln", "Germany"), ("Ghent", "Gent", "Belgium")):
        background = place_background(english)
        assert background is not None and background.startswith(f"City in {country}, "), background
        assert background == place_background(own)
    for own in ("Bergen", "Porto", "Nottingham"):  # another city's alternate name never takes a city's own
        assert (place_background(own) or "").startswith("City in "), place_background(own)


STORY = """Harbour town approves tidal barrier

The council of Kellbridge voted on Tuesday to build a tidal barrier, ending a dispute that had lasted six years.

Engineers from Portugal designed the first plans, and a consortium led by Dunmore Civil will build it.
"""


def test_the_draft_writes_and_marks_what_it_can_and_leaves_the_rest_todo():
    notes = as_yaml(draft(STORY, "tidal-barrier", None))
    entities = {e["name"]: e for e in notes["entities"]}
    portugal = entities["Portugal"]
    assert portugal["kind"] == "place" and portugal["drafted"] == ["summary"]
    assert portugal["summary"] == place_background("Portugal")
    dunmore = entities["Dunmore Civil"]
    assert dunmore["summary"].startswith("TODO") and "drafted" not in dunmore  # nothing honest to say: left to write
    fact = dunmore["facts"][0]
    assert fact["text"] == "A consortium led by Dunmore Civil will build it." and fact["drafted"] == ["text"]
    assert fact["source"]["quote"] == STORY.splitlines()[4]  # the quote stays the sentence, verbatim
    # Written as YAML on one line each, and loadable by the one schema once moved.
    text, _ = draft_text(STORY, "tidal-barrier", None)
    assert "    drafted: [text]\n" in text and "  drafted: [summary]\n" in text


def test_drafted_text_is_shown_with_its_badge_and_a_placeholder_still_as_draft():
    assert inline("Marlow Rail will close two depots.", True) == \
        "[Drafted, not reviewed]{.draft-badge .drafted-badge} Marlow Rail will close two depots."
    assert inline("Marlow Rail will close two depots.") == "Marlow Rail will close two depots."
    assert inline("TODO: what the article says", True).startswith("[Draft]{.draft-badge}")


NOTES = """entities:
  - id: marlow-rail
    name: Marlow Rail
    kind: company
    summary: A rail operator.
    drafted: [summary]
    facts:
      - text: Marlow Rail will close two depots.
        drafted: [text]
        source: {paragraph: p1, quote: "close two depots"}
    relations:
      - type: holds-stake-in
        target: harwick-transit
        drafted: [type]
        source: {paragraph: p1, quote: "close two depots"}
"""

STAKES = """Harbour town approves tidal barrier

The council of Kellbridge voted on Tuesday to build a tidal barrier, ending a dispute that had lasted six years.

Harwick Holdings holds a 15% stake in Dunmore Civil, and Oslo-based Tessel Marine will supply the gates.
"""


def test_a_relation_the_draft_reads_from_a_sentence_is_marked_drafted():
    """A relation is a statement the page shows as the article's, and the draft's reading of
    the sentence may be wrong ("X bought a stake" read as "Y holds it"): marked, as a fact's
    text is, until an author has checked it."""
    notes = as_yaml(draft(STAKES, "tidal-barrier", None))
    relations = [(e["name"], r) for e in notes["entities"] for r in e.get("relations", [])]
    assert {(name, r["type"], r["target"]) for name, r in relations} >= {
        ("Harwick Holdings", "holds-stake-in", "dunmore-civil"), ("Tessel Marine", "based-in", "oslo")}, relations
    assert all(r["drafted"] == ["type"] for _, r in relations), relations
    text, _ = draft_text(STAKES, "tidal-barrier", None)
    assert "\n    drafted: [type]\n" in text  # a relation's, on one line


def test_each_drafted_name_is_unfinished_at_its_line(tmp_path: Path):
    path = tmp_path / "notes.yaml"
    path.write_text(NOTES, encoding="utf-8")
    found = [(p.line, p.message) for p in _drafted(path)]
    assert [line for line, _ in found] == [6, 9, 14]
    assert re.match(r'drafted, not reviewed: marlow-rail: summary "A rail operator\."', found[0][1])
    assert 'marlow-rail, fact 1: text "Marlow Rail will close two depots."' in found[1][1]
    assert 'then delete "text" from drafted' in found[1][1]
    assert 'marlow-rail, relation 1: type "holds-stake-in"' in found[2][1]
    path.write_text(NOTES.replace("    drafted: [summary]\n", "").replace("        drafted: [text]\n", "")
                    .replace("        drafted: [type]\n", ""), encoding="utf-8")
    assert _drafted(path) == []  # reviewed: nothing left


def test_a_drafted_field_the_note_does_not_have_is_an_error_at_its_line(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    entities = project / "content/notes/entities.yaml"
    edit(entities, "    summary: An Irish dairy", "    drafted: [summary, text]\n    summary: An Irish dairy")
    result = check_here(project)
    assert result.returncode != 0
    line = line_of(entities, "drafted: [summary, text]")
    assert re.search(rf'^content/notes/entities\.yaml:{line}: drafted\.1: "text" is not a field of this note that can '
                     r"be drafted \(summary\)", result.stderr, re.M), result.stderr


def test_a_draft_with_drafted_text_loads_in_the_one_schema():
    from explainer.content.notes.model import Entity, Term
    from explainer.content.yamldata import validate

    text, _ = draft_text(STORY, "tidal-barrier", None)
    data = YAML(typ="safe").load(text)
    for entity in data["entities"]:
        note, problems = validate(Entity, entity, "draft.yaml")
        assert problems == [] and note is not None
    for term in data["terms"]:
        assert validate(Term, term, "draft.yaml")[1] == []


EXPLAINED = """Club sells its ground to pay for repairs

The club needs repairs after subsidence, the sinking of the ground beneath its pavilion, cracked a wall.

It will put the rest into an endowment, a fund whose interest pays for upkeep while the capital is never spent.

The council counted the proxies, a pile of about 11,000 forms and a stack of letters, on Friday.

Members backed the debenture, the rule the trustees wrote, Jane Orr said.
"""


def test_a_term_the_article_explains_is_defined_in_its_words_said_to_be_the_articles():
    terms = {t["term"]: t for t in as_yaml(draft(EXPLAINED, "ground-sale", None))["terms"]}
    subsidence, endowment = terms["subsidence"], terms["endowment"]
    assert subsidence["definition"] == "The sinking of the ground beneath its pavilion (as the article explains it)."
    assert endowment["definition"].startswith("A fund whose interest pays for upkeep while the capital is never spent")
    assert "definition" in subsidence["drafted"] and "definition" in endowment["drafted"]  # for an author to review
    # The next item of a list and a clause naming someone are no explanation of what comes before them.
    for term in ("proxies", "debenture"):
        assert "as the article explains it" not in terms[term]["definition"], terms[term]

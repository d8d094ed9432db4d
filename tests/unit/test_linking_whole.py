"""An article links each figure whole, whatever its form ("240,000", "£310 million", "a third",
"six weeks"), and each glossary term where it is used, a term of several words too ("salt
marsh", "blank cheque"); each note once. Small sites written to tmp_path, loaded and checked
as a build loads them, their article rendered with the index's linkers (render/index.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from explainer.content.site import read_sound
from explainer.core.names import Linker, Target
from explainer.core.routes import NoteKey
from explainer.core.text import number_value, quantities
from explainer.render.index import build_index
from explainer.render.markdown import RenderEnv, render_markdown

TITLE = "Council backs estuary crossing"
STORY = [
    "The council has voted to build a fixed crossing over the estuary.",
    "Councillors approved the £310 million plan by 31 votes to 17. The government has promised a grant of "
    "£150 million, about half the cost.",
    "Opponents said the council had written itself a blank cheque and that a third of the route crossed salt "
    "marsh.",
    "Natural England has six weeks to comment, and the inquiry could take three months.",
    "The bridge would cut the journey for the 240,000 people who use the ferry from forty minutes to five.",
]


def rendered(tmp_path: Path, notes: str, paragraphs: list[str] = STORY) -> BeautifulSoup:
    """The article's text as its page renders it, with these notes."""
    folder = tmp_path / "content" / "articles" / "story"
    folder.mkdir(parents=True)
    (folder / "source.txt").write_text("\n\n".join([TITLE, *paragraphs]) + "\n", encoding="utf-8")
    (folder / "article.md").write_text(
        f"---\ntitle: {TITLE}\npublisher: example.org\nsource_url: https://example.org/story\n---\n\n"
        + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    (tmp_path / "content" / "notes").mkdir()
    (tmp_path / "content" / "notes" / "notes.yaml").write_text(notes, encoding="utf-8")
    site = read_sound(tmp_path / "content").site
    index = build_index(site)
    env = RenderEnv(linker=index.linker, article=True, paragraph_linkers=index.paragraph_linkers("story"))
    html, problems = render_markdown("\n\n".join(paragraphs), env, numbered=True)
    assert not problems
    return BeautifulSoup(html, "html.parser")


def article_links(tmp_path: Path, notes: str, paragraphs: list[str] = STORY) -> list[tuple[str, str]]:
    """(linked text, the note's data-card) of every note link in the article, in order."""
    return [(a.get_text(), a["data-card"]) for a in rendered(tmp_path, notes, paragraphs).select("a[data-card]")]


def figure(fid: str, value: str, paragraph: int, quote: str, extra: str = "") -> str:
    return (f"  - id: {fid}\n    value: \"{value}\"\n    measures: What it measures.\n{extra}"
            f"    source: {{paragraph: p{paragraph}, quote: \"{quote}\"}}\n")


def term(tid: str, words: str, paragraph: int, quote: str, link: str = "") -> str:
    return (f"  - id: {tid}\n    term: {words}\n    definition: What it means.\n    in_article: How it is used.\n"
            f"    source: {{paragraph: p{paragraph}, quote: \"{quote}\"}}\n" + (f"    link: {link}\n" if link else ""))


def figures_linked(tmp_path: Path, *figures: str, paragraphs: list[str] = STORY) -> list[tuple[str, str]]:
    return [link for link in article_links(tmp_path, "figures:\n" + "".join(figures), paragraphs)
            if link[1].startswith("figure-")]


# --- Figures, whole ----------------------------------------------------------------------------

@pytest.mark.parametrize("value, paragraph, quote, linked", [
    ("240,000", 5, "the 240,000 people who use the ferry", "240,000"),
    ("£310 million", 2, "approved the £310 million plan", "£310 million"),
    ("£150 million", 2, "a grant of £150 million", "£150 million"),
    ("A third", 3, "a third of the route crossed salt marsh", "a third"),
    ("Six weeks", 4, "has six weeks to comment", "six weeks"),
    ("3 months", 4, "the inquiry could take three months", "three months"),
    ("31 votes to 17", 2, "by 31 votes to 17", "31 votes to 17"),
])
def test_a_figure_is_linked_whole_as_the_article_writes_it(tmp_path, value, paragraph, quote, linked):
    assert figures_linked(tmp_path, figure("f", value, paragraph, quote)) == [(linked, "figure-f")]


def test_a_change_links_its_first_figure_once(tmp_path):
    journey = figure("journey", "Forty minutes → five", 5, "from forty minutes to five",
                     extra="    before: forty minutes\n    after: five minutes\n")
    assert figures_linked(tmp_path, journey) == [("forty minutes", "figure-journey")]


def test_each_figure_of_a_paragraph_is_linked_whole(tmp_path):
    found = figures_linked(tmp_path, figure("cost", "£310 million", 2, "the £310 million plan"),
                           figure("grant", "£150 million", 2, "a grant of £150 million, about half the cost"))
    assert found == [("£310 million", "figure-cost"), ("£150 million", "figure-grant")]  # "half" is no figure's


def test_a_figure_in_words_is_not_linked_when_no_figure_note_quotes_it(tmp_path):
    # Only the 240,000 has a note: "a third", "six weeks", "forty minutes" stay text.
    found = article_links(tmp_path, "figures:\n" + figure("users", "240,000", 5, "the 240,000 people"))
    assert found == [("240,000", "figure-users")]


def test_a_number_inside_a_longer_number_is_not_linked(tmp_path):
    story = ["The ferry carries 240,000 people a year in 240 crossings."]
    soup = rendered(tmp_path, "figures:\n" + figure("crossings", "240", 1, "in 240 crossings"), story)
    [link] = soup.select("a[data-card]")
    assert link.get_text() == "240" and link.next_sibling.startswith(" crossings")
    assert link.previous_sibling.endswith("240,000 people a year in ")


FIGURE = Target(NoteKey("figure", "f"), "{filename}/figures.md#f", case_sensitive=False)


def test_the_linker_never_finds_a_number_inside_a_longer_one():
    linker = Linker([("240", FIGURE), ("4", FIGURE)])
    text = "240,000 and 4.5 and 240 and 4"
    assert [(s, text[s:e]) for s, e, _ in linker.find(text)] == [(20, "240"), (28, "4")]


def test_a_date_in_a_figures_quote_stays_the_timelines(tmp_path):
    story = ["Construction is due to start in 2028 and to take three years."]
    found = figures_linked(tmp_path, figure("build", "Three years", 1, story[0]), paragraphs=story)
    assert found == [("three years", "figure-build")]


@pytest.mark.parametrize("text, expected", [
    ("the £310 million plan by 31 votes to 17", [("£310 million", "310"), ("31", "31"), ("17", "17")]),
    ("the 240,000 people, $2.5bn, £310m, 15 per cent, 43%", [("240,000", "240000"), ("$2.5bn", "2.5"),
                                                             ("£310m", "310"), ("15 per cent", "15"), ("43%", "43")]),
    ("a third, two-thirds, half the cost", [("a third", "1/3"), ("two-thirds", "2/3"), ("half", "1/2")]),
    ("six weeks, three months, forty minutes, twenty-five years", [("six weeks", "6"), ("three months", "3"),
                                                                   ("forty minutes", "40"), ("twenty-five years", "25")]),
    ("zero percent, often, someone, G7", [("zero percent", "0")]),
])
def test_quantities_are_figures_whole_with_the_number_they_give(text, expected):
    assert [(q, number_value(q)) for q in quantities(text)] == expected


# --- Glossary terms ----------------------------------------------------------------------------

TERMS = "terms:\n" + "".join([
    term("fixed-crossing", "fixed crossing", 1, "build a fixed crossing"),
    term("blank-cheque", "blank cheque", 3, "written itself a blank cheque"),
    term("salt-marsh", "salt marsh", 3, "crossed salt marsh"),
    term("grant", "grant", 2, "a grant of £150 million"),
])


def test_a_glossary_term_of_several_everyday_words_is_linked_where_the_article_uses_it(tmp_path):
    found = [link for link in article_links(tmp_path, TERMS) if link[1].startswith("term-")]
    # "grant", one everyday word, stays text unless its note says `link: always`.
    assert found == [("fixed crossing", "term-fixed-crossing"), ("blank cheque", "term-blank-cheque"),
                     ("salt marsh", "term-salt-marsh")]


def test_a_term_is_linked_once_and_never_when_its_note_says_so(tmp_path):
    story = ["A salt marsh floods. Salt marsh birds nest there.", "Another salt marsh, a blank cheque and a grant."]
    notes = "terms:\n" + term("salt-marsh", "salt marsh", 1, "A salt marsh floods") \
        + term("grant", "grant", 2, "a grant", link="always") \
        + term("blank-cheque", "blank cheque", 2, "Another salt marsh", link="never")
    assert article_links(tmp_path, notes, story) == [("salt marsh", "term-salt-marsh"), ("grant", "term-grant")]


def test_a_terms_words_split_across_a_sentence_or_apart_are_not_the_term(tmp_path):
    story = ["They added salt. Marsh birds nest there, behind a blank wall and a cheque."]
    notes = "terms:\n" + term("salt-marsh", "salt marsh", 1, "They added salt") \
        + term("blank-cheque", "blank cheque", 1, "a blank wall")
    assert article_links(tmp_path, notes, story) == []


def test_a_one_word_alias_is_measured_as_one_word_and_a_plural_as_its_term(tmp_path):
    """A phrase is linked whatever its words, but its one-word alias only if that word is rare
    ("connected" is everyday); a rare word's plural is measured as the word ("marshes" would be
    rarer in a word list than "marsh" is)."""
    story = ["Cars are more connected than ever.", "Two ferries cross where their saltings flood."]
    notes = "terms:\n" + term("connected-vehicle", "connected vehicle", 1, "more connected") \
        .replace("    definition:", "    aliases: [connected]\n    definition:") \
        + term("ferry", "ferry", 2, "Two ferries").replace("    definition:", "    aliases: [ferries]\n    definition:") \
        + term("salting", "salting", 2, "their saltings").replace("    definition:", "    aliases: [saltings]\n    definition:")
    found = article_links(tmp_path, notes, story)
    assert ("connected", "term-connected-vehicle") not in found
    assert ("ferries", "term-ferry") not in found  # "ferry" is everyday, though "ferries" is rarer
    assert ("saltings", "term-salting") in found  # "salting" is rare

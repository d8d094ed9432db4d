"""The coverage rule (explainer/content/coverage.py), which `make todo` lists and the site
suite holds: every name and number an article gives has a note, or is on the ignore list
with why. On scratch copies of the fixture site, each gap at its line in source.txt."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer.content.coverage import ignore_list
from support import coverage_gaps, edit, fixture_content, line_of

ARTICLE = "articles/halvorsen-brightwater"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return fixture_content(tmp_path)


def gaps(content: Path) -> list[str]:
    return [f"{p.line}: {p.message}" for p in coverage_gaps(content)]


def no_note(word: str) -> str:
    """The message for a name with no note, as `make todo` says it."""
    return (f'"{word}" has no note: add it to an entity\'s or a term\'s name or aliases, or to '
            "content/coverage-ignore.txt with why")


# Where the tests put a sentence of their own into the fixture's text.
OSLO = "the Norwegian grocery group based in Oslo,"


def edit_text(content: Path, old: str, new: str) -> None:
    """The same edit to the received text and to the article page, which must agree."""
    for name in ("source.txt", "article.md"):
        edit(content / ARTICLE / name, old, new)


def test_the_fixture_site_is_covered(content: Path):
    assert gaps(content) == []
    assert ignore_list(content)[1] == []


def test_a_name_with_no_note_is_reported_once_at_its_first_line(content: Path):
    edit(content / "notes/entities.yaml", "name: Maeve Donnelly", "name: Maeve D.")
    source = content / ARTICLE / "source.txt"
    assert gaps(content) == [f'{line_of(source, "Maeve Donnelly")}: {no_note("Donnelly")}']


def test_the_authors_name_needs_no_note(content: Path):
    """The byline's or the author box's name is the page's author (its front matter says it):
    the writer is no subject of the story. Without the note for Jonas Berg, no gap."""
    edit(content / "notes/entities.yaml", "name: Jonas Berg", "name: Jonas B.")
    assert gaps(content) == []


def test_a_number_with_no_figure_is_reported_with_its_paragraph(content: Path):
    notes = content / "notes/figures.yaml"
    text = notes.read_text(encoding="utf-8")
    notes.write_text(text[:text.index("  - id: shares-rose")] + text[text.index("  - id: bottling-line"):],
                     encoding="utf-8")
    assert gaps(content) == [f'{line_of(content / ARTICLE / "source.txt", "3.5%")}: "3.5%" (p5) has no figure '
                             "or event quoting it"]


def test_a_number_in_words_counts_too(content: Path):
    notes = content / "notes/figures.yaml"
    text = notes.read_text(encoding="utf-8")
    notes.write_text(text[:text.index("  - id: other-buyers")], encoding="utf-8")
    edit(content / "notes/story.yaml", ', {paragraph: p8, quote: "two other buyers"}', "")
    # The headline's "the two" as well: no figure of the article quotes a two any more.
    assert gaps(content) == ['1: "two" has no figure or event quoting it',
                             f'{line_of(content / ARTICLE / "source.txt", "two other buyers")}: "two" (p8) has no '
                             "figure or event quoting it"]


def test_a_headline_number_is_covered_by_a_figure_of_its_article(content: Path):
    """A headline repeats the story's numbers: one quoted by a figure anywhere in the article
    needs nothing more; one no figure quotes is reported (without a paragraph)."""
    old = "Halvorsen Foods cuts its stake in Brightwater Dairy as the two end their partnership"
    edit_text(content, old, old.replace("cuts its stake", "cuts its 40% stake"))
    assert gaps(content) == []
    edit_text(content, "cuts its 40% stake", "cuts its 41% stake")
    assert gaps(content) == ['1: "41%" has no figure or event quoting it']


def test_a_number_in_a_notes_name_is_the_names(content: Path):
    """"League One", "Formula 1": a number inside a name a note has is part of the name, not a
    figure to quote; the same number elsewhere in the paragraph still is."""
    edit_text(content, "member of the European Dairy Association.", "member of the Dairy Forum 100.")
    edit(content / "notes/entities.yaml", "quote: \"The company is a member of the European Dairy Association\"",
         "quote: \"The company is a member of the Dairy Forum 100\"")
    edit(content / "notes/entities.yaml", "name: European Dairy Association", "name: Dairy Forum 100")
    assert gaps(content) == []
    edit_text(content, "member of the Dairy Forum 100.", "member of the Dairy Forum 100, one of 100.")
    line = line_of(content / ARTICLE / "source.txt", "Dairy Forum 100")
    assert gaps(content) == [f'{line}: "100" (p7) has no figure or event quoting it',
                             f'{line}: "one" (p7) has no figure or event quoting it']


def test_a_name_joined_to_a_lower_case_word_is_the_names(content: Path):
    """"Halvorsen-owned", "Oslo-based": the name's word with a hyphen and a lower-case word is
    covered by the name's note (the page links the name inside it); "Halvorsen-Berg" is not."""
    edit_text(content, OSLO, "the Norwegian grocery group based in Oslo, a Halvorsen-owned firm,")
    assert gaps(content) == []
    edit_text(content, "a Halvorsen-owned firm", "a Halvorsen-Berg firm")
    assert [g.split(": ", 1)[1] for g in gaps(content)] == [no_note("Halvorsen-Berg")]


def test_people_by_what_they_do_starting_a_sentence_are_no_name(content: Path):
    """"Campaigners said ...": a plural of people by what they do, capitalised only because it
    starts a sentence (a rarer word than "Officials"); a rare word there still needs a note."""
    edit_text(content, OSLO, "the Norwegian grocery group based in Oslo. Campaigners objected. It is")
    assert gaps(content) == []
    edit_text(content, "Campaigners objected.", "Kvalheims objected.")
    assert [g.split(": ", 1)[1] for g in gaps(content)] == [no_note("Kvalheims")]


def test_a_new_name_made_of_other_names_words_is_reported(content: Path):
    """"Halvorsen Dairy": each word is in a note's name (Halvorsen Foods, Brightwater Dairy),
    yet no note names it; the word-by-word rule let it through. The notes' own names, where
    the text gives them ("Brightwater Dairy"), are not reported."""
    edit_text(content, OSLO, "the Norwegian grocery group based in Oslo. Halvorsen Dairy was sold. It is")
    assert [g.split(": ", 1)[1] for g in gaps(content)] == [
        '"Halvorsen Dairy" has no note: its words are in other notes\' names, not this one; add it to an entity\'s '
        "or a term's name or aliases, or to content/coverage-ignore.txt with why"]


def test_a_word_on_the_ignore_list_needs_its_reason(content: Path):
    ignore = content / "coverage-ignore.txt"
    edit(ignore, "Analysts  # sentence-initial ordinary noun", "Analysts")
    words, problems = ignore_list(content)
    assert "Analysts" in words  # still ignored: the list's problem is said apart
    assert [(p.line, p.message) for p in problems] == [
        (line_of(ignore, "Analysts"), '"Analysts" is on the ignore list without a reason: say why after a #, '
                                      'e.g. "The  # sentence-initial article"')]

"""`make todo` lists what a reader would miss, and only that (content/coverage.py,
content/unfinished.py, authoring/todo.py): no word capitalised only because it starts a
sentence, no month or day the timeline already quotes, nothing a notes draft already holds
(the draft is listed once), and the story's summary and takeaways when there are none. On
scratch copies of the fixture site."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from explainer.authoring.todo import todo
from explainer.content import site as content_site
from explainer.content.unfinished import missing, unfinished
from support import FULL_SITE, ROOT, coverage_gaps, edit, fixture_content

ARTICLE = "articles/halvorsen-brightwater"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return fixture_content(tmp_path)


def _gaps(content: Path) -> list[str]:
    return [p.message.split('"')[1] for p in coverage_gaps(content)]


def test_sentence_initial_common_words_and_quoted_dates_need_no_ignore_list(content: Path):
    """The fixture's ignore list names them all with why; without it, none is listed."""
    ignore = content / "coverage-ignore.txt"
    kept = [line for line in ignore.read_text(encoding="utf-8").splitlines()
            if line.split("#")[0].strip() in {"Disclaimer", "Norwegian", "About", "STAFF", "WRITER"}]
    ignore.write_text("\n".join(kept) + "\n", encoding="utf-8")
    # "The", "This", "Its", "A", "Analysts", "According", "Why", "What" start sentences and
    # headings; "Tuesday" and "March" the timeline's events quote.
    assert _gaps(content) == []


def test_a_name_that_starts_a_sentence_is_still_listed(content: Path):
    edit(content / "notes/entities.yaml", "name: Maeve Donnelly", "name: Maeve D.")
    for name in ("source.txt", "article.md"):  # "Donnelly" alone at a sentence's start, named inside one too
        edit(content / ARTICLE / name, "Jonas Berg covers", "Donnelly covers")
    assert "Donnelly" in _gaps(content)


def test_a_month_no_event_quotes_is_listed(content: Path):
    edit(content / "coverage-ignore.txt", "March  #", "Marchx  #")
    assert "March" not in _gaps(content)  # the recall event quotes "in March", its `when` says March
    events = content / "notes/events.yaml"
    edit(events, "when: March", "when: Earlier this year")
    edit(events, 'quote: "a recall of its oat drinks in March"', 'quote: "a recall of its oat drinks"')
    assert "March" in _gaps(content)


def test_what_a_notes_draft_holds_is_listed_once_as_the_draft(content: Path):
    """A draft not yet moved: its names and numbers are not listed one by one (the headline's
    number a draft figure quotes included); the draft is, with its TODOs."""
    drafts = content / "notes-drafts"
    drafts.mkdir()
    shutil.move(content / "notes/figures.yaml", drafts / "halvorsen-brightwater.yaml")
    edit(drafts / "halvorsen-brightwater.yaml", "figures:", "article: halvorsen-brightwater\nfigures:")
    found = content_site.read(content)
    assert found.sound, found.notes_problems
    items = todo(content)
    assert not [i for i in items if "has no figure" in i], items
    assert [i for i in items if "notes-drafts/halvorsen-brightwater.yaml:1: a draft not yet moved" in i]


def test_a_draft_citing_no_paragraph_of_the_site_covers_nothing_and_is_still_listed(content: Path):
    """A draft is not checked (make todo reads it as it is): a figure citing a paragraph the
    article lacks covers nothing, and todo lists the draft rather than stopping."""
    drafts = content / "notes-drafts"
    drafts.mkdir()
    (drafts / "stray.yaml").write_text(
        "article: halvorsen-brightwater\nfigures:\n  - id: stray\n    value: \"3\"\n    measures: What it counts.\n"
        "    source: {paragraph: p999, quote: \"three\"}\n", encoding="utf-8")
    items = todo(content)
    assert [i for i in items if "notes-drafts/stray.yaml:1: a draft not yet moved" in i], items


def test_a_story_without_summary_or_takeaways_is_asked_for(content: Path):
    assert missing(content_site.read(content).site) == []
    (content / "notes/story.yaml").unlink()
    items = todo(content)  # the file to write: named, at no line, as a new file
    assert any("story.yaml: the story has no summary: add (a new file) `takeaways:`" in i for i in items), items
    assert any("story.yaml: the story has no key takeaways" in i for i in items), items
    example = next(i for i in items if "has no summary" in i).split("e.g. `- ", 1)[1].rstrip("`")
    from ruamel.yaml import YAML
    from explainer.content.notes.model import Takeaway
    assert Takeaway.model_validate(YAML(typ="safe").load(example))  # the example the message gives is a takeaway


@pytest.mark.parametrize("folder", [FULL_SITE / "content", ROOT / "content"], ids=["fixture", "demo"])
def test_the_finished_sites_have_nothing_unfinished(folder: Path):
    found = content_site.read(folder)
    assert unfinished(folder, found.documents) == [] and missing(found.site) == []

"""Editor's notes shown next to the words they are about (the `editor_marks` core rule)."""

from __future__ import annotations

import pytest
from markdown_it.utils import read_fixture_file

from explainer.render.markdown import RenderEnv, render_markdown
from explainer.render.markdown import Flag
from explainer.core.routes import NoteKey
from support import FIXTURES as SUPPORT_FIXTURES

FIXTURES = SUPPORT_FIXTURES / "markdown"
FLAGS = {
    1: [Flag("the state", "state", "{filename}/n.md#state", error=True)],
    # listed inner first: the rule still marks the longer quote first
    8: [Flag("plug-in EVs", "inner", "{filename}/n.md#inner", error=False),
         Flag("an all-battery and plug-in EVs", "outer", "{filename}/n.md#outer", error=False)],
    15: [Flag("executives from the company's board", "wrapped", "{filename}/n.md#wrapped", error=False)],
}


@pytest.mark.parametrize("line,title,text,expected", read_fixture_file(FIXTURES / "editor_marks.md"))
def test_editor_marks(line, title, text, expected):
    notes = RenderEnv(marks={"p1": FLAGS[line]})
    assert render_markdown(text, notes, numbered=True) == (expected, [])
    assert notes.notes_shown == {NoteKey("note", flag.note_id) for flag in FLAGS[line]}


def test_words_that_cannot_be_marked_are_a_problem():
    """Overlapping notes (neither inside the other) cannot both be marked: say so."""
    notes = RenderEnv(marks={"p1": [Flag("the state that", "a", "#a", False), Flag("that Nissan has", "b", "#b", False)]})
    _, problems = render_markdown("The drop will match the state that Nissan has.", notes, numbered=True)
    assert len(problems) == 1
    line, message = problems[0]
    assert line == 1 and "cannot be marked in p1" in message
    assert ('editor\'s note "a"' in message) != ('editor\'s note "b"' in message)


def test_citation_links_get_a_spoken_name():
    html, _ = render_markdown("Said so [¶ 4](a.html#p4), not [4](a.html#p4).", RenderEnv())
    assert html == ('<p>Said so <a href="a.html#p4" class="cite" aria-label="Paragraph 4 of the article">¶ 4</a>, '
                    'not <a href="a.html#p4">4</a>.</p>\n')


def test_a_markers_spoken_name_says_which_words_it_is_about():
    """Two markers side by side ("ed. ed.") are told apart by the words each is about."""
    from explainer.render.markdown.editor_marks import marker_label

    assert marker_label("plug-in\nEVs") == "Editor’s note on “plug-in EVs”"
    assert marker_label("one two three four five six seven") == "Editor’s note on “one two three four five six…”"

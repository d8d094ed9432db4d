"""Auto-linking of entity and term names (the `autolink` core rule and its Linker)."""

from __future__ import annotations

import pytest
from markdown_it.utils import read_fixture_file

from explainer.render.markdown import RenderEnv, render_markdown
from explainer.core.names import Linker, Target
from explainer.core.routes import NoteKey
from support import FIXTURES as SUPPORT_FIXTURES

FIXTURES = SUPPORT_FIXTURES / "markdown"

NAMES = [
    ("Renault", Target(NoteKey("entity", "renault"), "{filename}/e/renault.md", True)),
    ("Renault–Nissan alliance", Target(NoteKey("entity", "alliance"), "{filename}/e/alliance.md", True)),
    ("Nissan", Target(NoteKey("entity", "nissan"), "{filename}/e/nissan.md", True)),
    ("Capital.com", Target(NoteKey("entity", "capital-com"), "{filename}/e/capital-com.md", True)),
    ("stake", Target(NoteKey("term", "stake"), "{filename}/g.md#stake", False)),
    ("stakes", Target(NoteKey("term", "stake"), "{filename}/g.md#stake", False)),
]


@pytest.mark.parametrize("line,title,text,expected", read_fixture_file(FIXTURES / "autolink.md"))
def test_autolink(line, title, text, expected):
    assert render_markdown(text, RenderEnv(linker=Linker(NAMES))) == (expected, [])


def test_a_page_never_links_to_itself():
    html, _ = render_markdown("Nissan and Renault.", RenderEnv(linker=Linker(NAMES), self_key=NoteKey("entity", "nissan")))
    assert html == '<p>Nissan and <a href="{filename}/e/renault.md" data-card="entity-renault">Renault</a>.</p>\n'


def test_find_reports_longest_non_overlapping_mentions():
    text = "Renault–Nissan alliance, Renault, Nissan"
    found = [(text[s:e], str(t.key)) for s, e, t in Linker(NAMES).find(text)]
    assert found == [("Renault–Nissan alliance", "entity:alliance"), ("Renault", "entity:renault"),
                     ("Nissan", "entity:nissan")]


def test_many_names_do_not_change_the_result():
    """The trie holds thousands of unrelated names without changing what matches."""
    many = NAMES + [(f"Name{i} Co", Target(NoteKey("entity", f"n{i}"), f"{{filename}}/e/n{i}.md", True)) for i in range(2000)]
    text = "Name17 Co bought a stake in Renault; Name1 is not a name."
    found = [(text[s:e], str(t.key)) for s, e, t in Linker(many).find(text)]
    assert found == [("Name17 Co", "entity:n17"), ("stake", "term:stake"), ("Renault", "entity:renault")]

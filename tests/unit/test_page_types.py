"""Each page type, in this process: a small notes fixture (tests/fixtures/one-article, one
note of every kind about a three-paragraph article) through load, check and render, and
the Markdown or HTML each page type makes, against expected files written by hand
(tests/fixtures/pages/*.md, in markdown-it's fixture format: title, input, expected).
Milliseconds each; the built site's own tests check the same pages end to end."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from markdown_it.utils import read_fixture_file

from support import FIXTURES, edit
from explainer.build.stages import prepare
from explainer.build.context import BuildContext
from explainer.render.pages.home import story_markdown
from explainer.core.routes import NoteKey

PAGES = FIXTURES / "pages"


def cases(name: str):
    return [pytest.param(given, expected, id=f"{name}:{line}:{title.split(':')[0]}")
            for line, title, given, expected in read_fixture_file(PAGES / name)]


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = tmp_path_factory.mktemp("one") / "content"
    shutil.copytree(FIXTURES / "one-article" / "content", content)
    return content


@pytest.fixture(scope="module")
def built(content: Path) -> BuildContext:
    """The fixture through every stage before Pelican (no search index: nothing is written)."""
    ctx = BuildContext(content)
    assert prepare(ctx) == []
    return ctx


def paragraph_links(markdown: str) -> str:
    """The Markdown with each link's text fragment left out (`#p2:~:text=...` -> `#p2`): the
    expected pages give where a link goes; what its fragment says is tested apart (below, and
    tests/unit/test_text_fragments.py)."""
    return re.sub(r"(#p\d+):~:text=[^)\s\"]*", r"\1", markdown)


@pytest.mark.parametrize("source, expected", cases("notes_pages.md"))
def test_the_pages_made_from_the_notes(built: BuildContext, source: str, expected: str):
    pages = {page.source: page for page, _ in built.generated}
    assert paragraph_links(pages[source.strip()].markdown) == expected


@pytest.mark.parametrize("given, expected", cases("story.md"))
def test_the_story_on_the_home_page(built: BuildContext, given: str, expected: str):
    assert paragraph_links(story_markdown(built.site, built.index)) == expected


def test_every_link_to_a_paragraph_lands_on_words_of_it(built: BuildContext):
    """Each citation and each "used in" link carries a text fragment (worked out by hand here
    for a few: the quote whole when short, else its first and last two words)."""
    links = [link for page, _ in built.generated for link in re.findall(r"\(@/story\.html#(p\d+[^)]*)\)", page.markdown)]
    links += [link for page, _ in built.generated for html in page.blocks.values()  # the glossary's "used in"
              for link in re.findall(r'"@/story\.html#(p\d+[^"]*)"', html)]
    links += re.findall(r"\(@/story\.html#(p\d+[^)]*)\)", story_markdown(built.site, built.index))
    assert links and all(":~:text=" in link for link in links), links
    assert "p1:~:text=on%20Monday" in links  # the event "on Monday", quoted as such
    assert "p3:~:text=a%20price%20rise%20in%202027" in links  # the figure 2027's quote, five words
    # The term "stake", first on the page in the title ("Acme buys a stake in Widget"): the word after it.
    assert "p1:~:text=stake,-from" in links


@pytest.mark.parametrize("path, expected", cases("article_page.md"))
def test_the_article_page(built: BuildContext, content: Path, path: str, expected: str):
    page = built.pages[os.path.abspath(content / path.strip())]
    assert page.html == expected
    assert page.notes_shown == {NoteKey("entity", "acme"), NoteKey("entity", "widget"), NoteKey("entity", "jane-roe"),
                                NoteKey("term", "stake"), NoteKey("note", "on-monday"),
                                NoteKey("figure", "acme-stake"), NoteKey("event", "price-rise")}


def test_the_glossary_links_each_paragraph_using_a_term_to_its_words(built: BuildContext):
    """"Used in paragraph ¶ 2.", under each term (HTML made with the page, as an entity page's
    mentions are): a cite to each paragraph using it, landing on the words naming it there."""
    rendered = {page.source: rendered for page, rendered in built.generated}["_generated/glossary.md"]
    soup = BeautifulSoup(rendered.html, "html.parser")
    used = [(p.find_previous("h3").get_text(), p.get_text(), [(a["href"], a["class"], a["aria-label"])
                                                              for a in p.find_all("a")])
            for p in soup.find_all("p") if p.get_text().startswith("Used in")]
    # "investment" is on the page only in p2: the word alone; "stake" is first in the title ("Acme buys a
    # stake in Widget"), so p1's link adds the word after it there ("raising its stake from 5%").
    assert used == [
        ("investment", "Used in paragraph ¶ 2.",
         [("./story.html#p2:~:text=investment", ["cite"], "Paragraph 2 of the article")]),
        ("stake", "Used in paragraph ¶ 1.",
         [("./story.html#p1:~:text=stake,-from", ["cite"], "Paragraph 1 of the article")]),
    ]


def test_an_entity_page_quotes_each_sentence_naming_it(built: BuildContext):
    """The mentions list: each sentence in quotes, the entity's name in bold, a cite to its paragraph."""
    pages = {page.source: (page, rendered) for page, rendered in built.generated}
    page, rendered = pages["_generated/entities/widget.md"]
    soup = BeautifulSoup(rendered.html, "html.parser")
    items = [(li.get_text(), [b.get_text() for b in li.find_all("strong")], li.select_one("a.cite")["href"])
             for li in soup.select("ul.mentions li")]
    assert items == [
        ("“Acme Corp said on Monday it will buy 20% of Widget Ltd from Jane Roe, raising its stake from 5% to 25%.” ¶ 1",
         ["Widget Ltd"], "../story.html#p1:~:text=Acme%20Corp,to%2025%25."),
        ("“Widget Ltd welcomed the investment.” ¶ 2", ["Widget Ltd"],
         "../story.html#p2:~:text=Widget%20Ltd%20welcomed%20the%20investment."),
    ]
    assert NoteKey("entity", "widget") not in rendered.notes_shown  # never a link to itself
    assert page.metadata["infobox"]["paragraphs"] == 2


def test_the_home_page_places_the_story_where_its_block_is(built: BuildContext, content: Path):
    html = built.pages[os.path.abspath(content / "index.md")].html
    intro, lede, takeaways = html.index("One article about a purchase."), html.index('class="lede"'), html.index("Key takeaways")
    assert intro < lede < takeaways
    assert "::: story" not in html and html.count('class="lede"') == 1
    # Names link once per section: the lede is in the introduction's section.
    assert html.count('data-card="entity-acme"') == 1


@pytest.mark.parametrize("page, placed", [
    ("---\ntitle: Home\ntemplate: home\n---\n\nIntro.\n", "at the end"),
    ("---\ntitle: About\n---\n\nBefore.\n\n::: story\n:::\n\nAfter.\n", "at the block"),
    ("---\ntitle: About\n---\n\nNo story here.\n", "nowhere"),
])
def test_the_story_goes_at_its_block_or_at_the_end_of_the_home_page(tmp_path: Path, page: str, placed: str):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "one-article" / "content", content)
    (content / "index.md").write_text(page, encoding="utf-8")
    ctx = BuildContext(content)
    assert prepare(ctx) == []
    html = ctx.pages[os.path.abspath(content / "index.md")].html
    if placed == "nowhere":
        assert "Key takeaways" not in html
    elif placed == "at the end":
        assert html.index("Intro.") < html.index("Key takeaways")
    else:
        assert html.index("Before.") < html.index("Key takeaways") < html.index("After.")


def test_text_inside_the_story_block_is_a_problem(tmp_path: Path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "one-article" / "content", content)
    edit(content / "index.md", "::: story\n:::\n", "::: story\nMy own words.\n:::\n")
    problems = prepare(BuildContext(content))
    assert [(p.line, p.message) for p in problems] == [
        (10, "the ::: story block is filled from the notes: leave it empty (what is inside would not show)")]


def test_a_second_story_block_is_a_problem(tmp_path: Path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "one-article" / "content", content)
    edit(content / "index.md", "::: story\n:::\n", "::: story\n:::\n\n::: story\n:::\n")
    problems = prepare(BuildContext(content))
    assert [(p.line, p.message) for p in problems] == [(10, "the story can be placed once: keep one ::: story block")]


def test_an_entity_the_article_speaks_of_without_its_name_says_where(tmp_path: Path):
    """Widget Ltd renamed in the notes (its name then nowhere in the text), with a fact citing
    ¶ 2: the infobox counts no paragraph naming it, and the one that speaks of it."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "one-article" / "content", content)
    notes = content / "notes" / "notes.yaml"
    edit(notes, "    name: Widget Ltd\n    kind: company\n    summary: A maker of widgets.\n",
         "    name: Widget Holdings\n    kind: company\n    summary: A maker of widgets.\n    facts:\n"
         "      - text: It welcomed the investment.\n"
         "        source: {paragraph: p2, quote: \"welcomed the investment\"}\n")
    ctx = BuildContext(content)
    problems = prepare(ctx)
    page = {page.source: page for page, _ in ctx.generated}["_generated/entities/widget.md"]
    assert page.metadata["infobox"]["paragraphs"] == 0 and page.metadata["infobox"]["about"] == 1, problems
    assert "No sentence of the article uses this name; what it says of it is above." in page.markdown

"""Several articles, one knowledge base (tests/fixtures/two-articles): notes cite
`article-id#pN`, entity pages gather mentions from every article, the timeline and figures
say which article each item comes from, and the home page and menu lead to every article."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from support import FIXTURES, build_here, check_here, copy_project, edit, line_of
from support import references, resolve


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("two") / "project", FIXTURES / "two-articles")
    result = build_here(project, project / "output")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "output"


def soup(output: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((output / page).read_text(encoding="utf-8"), "html.parser")


def test_each_article_has_its_page_and_numbered_paragraphs(two: Path):
    for article, paragraphs in (("first-story", 2), ("second-story", 1)):
        page = soup(two, f"{article}.html")
        assert [p["id"] for p in page.select("main article p[id]")] == [f"p{n}" for n in range(1, paragraphs + 1)]


def test_entity_pages_gather_mentions_from_every_article(two: Path):
    page = soup(two, "entities/acme.html")
    cited = {a["href"].split(":~:")[0] for a in page.select("a.cite")}  # each lands on its words (a text fragment)
    assert {"../first-story.html#p1", "../second-story.html#p1"} <= cited
    groups = [h.get_text(strip=True) for h in page.select("h3")]
    assert groups == ["Acme buys a stake in Widget", "Widget Ltd replies"]


def test_timeline_and_figures_say_which_article(two: Path):
    for page, anchor in (("timeline.html", "deal-done"), ("figures.html", "acme-stake")):
        html = soup(two, page)
        section = html.find(id=anchor)
        following = "".join(str(s) for s in section.find_all_next(limit=12))
        assert 'href="./first-story.html"' in following, page


def test_home_and_menu_lead_to_every_article(two: Path):
    home = soup(two, "index.html")
    assert home.select_one('a[href="./articles.html"]')
    assert not [a for a in home.select("nav a") if a.get_text(strip=True) == "The article"]
    listing = {a["href"] for a in soup(two, "articles.html").select("main a")}
    assert {"./first-story.html", "./second-story.html"} <= listing


def test_every_link_resolves(two: Path):
    broken = []
    for path in two.rglob("*.html"):
        page = path.relative_to(two).as_posix()
        for url, _ in references(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")):
            target, _ = resolve(page, url)
            if target is not None and not (two / target).is_file():
                broken.append(f"{page}: {url}")
    assert not broken


def test_a_bare_paragraph_id_must_name_its_article(tmp_path: Path):
    project = copy_project(tmp_path / "project", FIXTURES / "two-articles")
    notes = project / "content" / "notes" / "notes.yaml"
    edit(notes, '"second-story#p1", quote: "Widget Ltd welcomed', '"p1", quote: "Widget Ltd welcomed')
    result = check_here(project)
    assert result.returncode == 1
    line = line_of(notes, '"p1", quote: "Widget Ltd welcomed')
    assert f'content/notes/notes.yaml:{line}: say which article: "<article-id>#p1" (first-story, second-story)' \
        in result.stderr


def test_a_quote_cited_from_the_wrong_article_says_where_it_is(tmp_path: Path):
    """With two articles, a quote not in the article cited is most often in the other one:
    the message says where, and how to cite it."""
    project = copy_project(tmp_path / "project", FIXTURES / "two-articles")
    notes = project / "content" / "notes" / "notes.yaml"
    edit(notes, '"second-story#p1", quote: "Widget Ltd welcomed', '"first-story#p1", quote: "Widget Ltd welcomed')
    result = check_here(project)
    line = line_of(notes, '"first-story#p1", quote: "Widget Ltd welcomed')
    assert result.returncode == 1 and (f"content/notes/notes.yaml:{line}: quote not found in first-story#p1"
                                       in result.stderr or f"content/notes/notes.yaml:{line}: quote not found in p1"
                                       in result.stderr), result.stderr
    assert "(it is in second-story#p1: cite it as paragraph: second-story#p1)" in result.stderr, result.stderr


def test_a_paragraph_link_says_which_articles_paragraph_it_is(two: Path):
    """"¶ 1" of which article? A screen reader hears it ("Paragraph 1 of “Widget Ltd
    replies”"), and a pointer's tooltip shows it: on the glossary, the entity pages' facts and
    their lists of mentions alike."""
    titles = {"first-story.html": "Acme buys a stake in Widget", "second-story.html": "Widget Ltd replies"}
    seen = 0
    for page in ("glossary.html", "entities/acme.html", "entities/widget.html"):
        for a in soup(two, page).select("a.cite"):
            target = resolve(page, a["href"])[0]
            n = a["href"].split("#p")[1].split(":~:")[0]
            assert a["aria-label"] == f"Paragraph {n} of \u201c{titles[target]}\u201d", (page, a)
            seen += 1
    assert seen >= 4


def test_the_glossary_says_which_article_uses_a_term_so(two: Path):
    """"In this article:" means nothing with two: each term's use names its article."""
    page = soup(two, "glossary.html")
    said = [em.get_text().rstrip(":") for em in page.select("main em") if em.get_text().startswith("In")]
    assert said and "In this article" not in said, said
    assert set(said) <= {"In \u201cAcme buys a stake in Widget\u201d", "In \u201cWidget Ltd replies\u201d", "In"}, said

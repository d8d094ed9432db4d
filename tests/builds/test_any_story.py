"""Nothing of one story in the generator: built for stories with different notes (the full
site: every kind of note; tests/fixtures/estuary-site: a council's vote on a crossing, with no
stakes and no editor's notes; two-articles: two articles, no takeaways), every page, section,
menu item and card adapts to the notes the story has, and every text that names the story or
counts its articles fits it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, NavigableString, Tag

from support import FIXTURES, FULL_SITE, ROOT, build_here, copy_project

ESTUARY = FIXTURES / "estuary-site"
SITES = {"full-site": FULL_SITE, "estuary-site": ESTUARY, "two-articles": FIXTURES / "two-articles"}

# The page each kind of note (as data/notes.json lists them) is shown on.
NOTE_PAGES = {"entities": "entities.html", "terms": "glossary.html", "events": "timeline.html",
              "figures": "figures.html", "editors_notes": "editors-notes.html"}
MENU_LABELS = {"entities": "Who’s who", "terms": "Glossary", "events": "Timeline", "figures": "Key figures",
               "editors_notes": "Editor’s notes"}

# Words of the demo (Nissan and Renault) and of the full-site fixture, which no text the
# generator writes for another story may hold.
DEMO_WORDS = ("nissan", "renault", "rebalance", "car-industry", "carmaker", "automaker", "alliance",
              "halvorsen", "brightwater")

NOT_FOUND = """---
title: Page not found
slug: "404"
status: hidden
summary: There is no page at this address.
---

There is no page at this address. Try the search box above, or one of the pages of this site:
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    """Each site built once, on demand: its output folder."""
    outputs: dict[str, Path] = {}

    def build(name: str) -> Path:
        if name not in outputs:
            project = copy_project(tmp_path_factory.mktemp(name) / "project", SITES[name])
            if not (project / "content" / "404.md").exists():  # two-articles has none: every site may
                (project / "content" / "404.md").write_text(NOT_FOUND, encoding="utf-8")
            result = build_here(project, project / "output")
            assert result.returncode == 0, result.stdout + result.stderr
            outputs[name] = project / "output"
        return outputs[name]

    return build


def pages(output: Path) -> dict[str, BeautifulSoup]:
    return {p.relative_to(output).as_posix(): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
            for p in sorted(output.rglob("*.html")) if "pagefind" not in p.parts}


def notes(output: Path) -> dict:
    return json.loads((output / "data" / "notes.json").read_text(encoding="utf-8"))


def visible(html: BeautifulSoup) -> BeautifulSoup:
    """The page as a reader sees it: without the hidden preview cards."""
    for hidden in html.select("[hidden], script, style"):
        hidden.decompose()
    return html


def _says_something(heading: Tag) -> bool:
    """Whether anything (text, a picture, a table) follows the heading before the next heading
    of its level or above."""
    stops = {f"h{n}" for n in range(1, int(heading.name[1]) + 1)}
    inside = {id(element) for element in heading.descendants}
    for element in heading.next_elements:
        if id(element) in inside:
            continue
        if isinstance(element, Tag) and element.name in stops:
            return False
        if isinstance(element, Tag) and element.name in ("svg", "img", "table"):
            return True
        if isinstance(element, NavigableString) and element.strip():
            return True
    return False


@pytest.mark.parametrize("site", SITES)
def test_no_section_heading_is_empty(built, site: str):
    empty = [f"{name}: {h.get_text(' ', strip=True)!r}" for name, html in pages(built(site)).items()
             for h in visible(html).select("main h2, main h3") if not _says_something(h)]
    assert empty == []


@pytest.mark.parametrize("site", SITES)
def test_a_kind_of_note_the_story_lacks_has_no_page_menu_item_card_or_link(built, site: str):
    output = built(site)
    counts = {kind: len(notes(output)[kind]) for kind in NOTE_PAGES}
    for name, html in pages(output).items():
        menu = [a.get_text(strip=True) for a in html.select("header nav a")]
        links = {a["href"].split("#")[0].rsplit("/", 1)[-1] for a in html.select("a[href]")}
        for kind, page in NOTE_PAGES.items():
            if counts[kind]:
                assert MENU_LABELS[kind] in menu, (name, kind)
            else:
                assert MENU_LABELS[kind] not in menu, (name, kind)
                assert page not in links, (name, kind)
        if not counts["editors_notes"]:
            assert not html.select('[id^="card-note-"], mark.flag'), name
            switch = html.select_one("#explanations-what")
            assert switch is None or "editor" not in switch.get_text(), name
    for kind, page in NOTE_PAGES.items():
        assert (output / page).exists() == bool(counts[kind]), (kind, page)


def test_the_estuary_story_has_no_stakes_and_no_editors_notes(built):
    """What the fixture is for: a story without the demo's features."""
    data = notes(built("estuary-site"))
    assert data["editors_notes"] == []
    assert not [r for e in data["entities"] for r in e.get("relations", []) if r["type"] == "holds-stake-in"]
    home = visible(pages(built("estuary-site"))["index.html"])
    headings = [h.get_text(strip=True) for h in home.select("main h2")]
    assert "Who owns whom" not in headings and not home.select("figure#shareholding")


_ZERO = re.compile(r"(?<![\d.,])\b0\s+[^\W\d]", re.UNICODE)


@pytest.mark.parametrize("site", SITES)
def test_no_page_counts_zero_of_anything(built, site: str):
    zeros = [f"{name}: {m.group(0)!r}" for name, html in pages(built(site)).items()
             for m in _ZERO.finditer(visible(html).get_text(" "))]
    assert zeros == []


def test_nothing_of_the_demo_or_of_another_fixture_in_the_estuary_site(built):
    output = built("estuary-site")
    found = []
    for path in sorted(output.rglob("*")):
        if not path.is_file() or "pagefind" in path.parts or path.suffix in (".png", ".gz", ".br"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace").casefold()
        found += [f"{path.relative_to(output)}: {word}" for word in DEMO_WORDS if word in text]
    assert found == []


@pytest.mark.parametrize("site", SITES)
def test_the_shareholding_chart_says_before_and_after_in_no_story_s_words(built, site: str):
    """Its labels are neutral (the full site has stakes; its notes use "rebalance" too)."""
    for name, html in pages(built(site)).items():
        chart = html.select_one("figure#shareholding")
        if chart is not None:
            assert "rebalance" not in chart.get_text(" ").casefold(), name


def test_texts_that_count_the_articles_count_them(built):
    """Two articles: the pages that speak of "the article" speak of both."""
    html = {name: visible(page) for name, page in pages(built("two-articles")).items()}
    for name in ("entities.html", "glossary.html", "timeline.html", "figures.html"):
        intro = html[name].select_one("main article > p").get_text(" ", strip=True)
        assert "the articles" in intro, (name, intro)
    entity = html["entities/acme.html"]
    assert [dt.get_text(strip=True) for dt in entity.select(".infobox dt")][1] == "In the articles"
    assert "What the articles say" in [h.get_text(strip=True) for h in entity.select("main h2")]
    assert "the articles" in html["search.html"].select_one("label[for=search-q]").get_text()


@pytest.mark.parametrize("site", SITES)
def test_the_404_page_lists_the_home_page_and_the_articles(built, site: str):
    output = built(site)
    listed = {a["href"] for a in pages(output)["404.html"].select("main a[href]")}
    articles = [a["url"] for a in notes(output)["articles"]]
    assert "./" in listed  # the home page, at its canonical address (the site's root)
    assert {f"./{url}" for url in articles} <= listed


@pytest.mark.parametrize("content", [ROOT / "content", FULL_SITE / "content", ESTUARY / "content"],
                         ids=["demo", "full-site", "estuary-site"])
def test_no_404_page_links_an_article_by_its_path(content: Path):
    assert "{filename}" not in (content / "404.md").read_text(encoding="utf-8")

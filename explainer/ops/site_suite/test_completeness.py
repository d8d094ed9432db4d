"""The article page holds the text as received: every block, verbatim, in order.

The oracle here is the received text itself, read independently of the build's own code;
the only folding allowed is whitespace and typographic quotes.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from explainer.content.revisions import read_revisions
from explainer.ops.site_suite.support import fold


def blocks(source: Path) -> list[str]:
    return [line for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]


def is_heading(block: str) -> bool:
    """In the received text a heading is a line without closing punctuation."""
    return not block.rstrip().endswith((".", "!", "?", ":", "\u2026", "\u201d", '"', ")", "\u2019", "'"))


def article_page(html_pages, article_id: str) -> BeautifulSoup:
    soup = copy.copy(html_pages[f"{article_id}.html"])  # the parsed pages are shared: don't mutate them
    article = soup.select_one("main article")
    assert article is not None
    # Our annotations, not the article's words: paragraph permalinks, editor's-note markers and their
    # printed list, preview cards.
    for annotation in article.select(".pilcrow, .flag-ref, .print-notes, .note-cards"):
        annotation.decompose()
    return article


def text_of(element) -> str:
    return fold(element.get_text())


@pytest.fixture(scope="module")
def articles(article_sources) -> list[tuple[str, Path]]:
    """Every article of the site: (its id, its text as received)."""
    assert article_sources, "the site has no article"
    return sorted(article_sources.items())


def test_every_block_appears_verbatim_and_in_order(html_pages, articles):
    for article_id, source in articles:
        article = article_page(html_pages, article_id)
        rendered = [text_of(el) for el in article.find_all(["h1", "h2", "h3", "h4", "p"])]
        position = 0
        for block in blocks(source):
            want = fold(block)
            assert want in rendered[position:], f"{article_id}: missing or out of order: {want[:70]!r}"
            position = rendered.index(want, position) + 1


def test_title_is_the_only_h1(html_pages, articles):
    for article_id, source in articles:
        soup = html_pages[f"{article_id}.html"]
        h1s = soup.find_all("h1")
        assert [text_of(h) for h in h1s] == [fold(blocks(source)[0])]
        assert fold(soup.title.get_text()).startswith(fold(blocks(source)[0]))


def test_sub_headings_are_headings(html_pages, articles):
    """The received text's sub-headings, and nothing else, are the article's headings (the
    author box's own heading apart), in their order."""
    for article_id, source in articles:
        article = article_page(html_pages, article_id)
        box = article.select_one(".author-box")
        title, *body = blocks(source)
        boxed = {text_of(h) for h in box.find_all(["h2", "h3"])} if box else set()
        sub_headings = [fold(b) for b in body if is_heading(b) and fold(b) not in boxed]
        headings = [text_of(h) for h in article.find_all(["h2", "h3"]) if text_of(h) not in boxed]
        assert headings == sub_headings, article_id


def test_paragraphs_have_stable_ids_in_source_order(html_pages, articles):
    for article_id, source in articles:
        article = article_page(html_pages, article_id)
        paragraphs = [fold(b) for b in blocks(source)[1:] if not is_heading(b)]
        numbered = article.select("p[id]")
        assert [p["id"] for p in numbered] == [f"p{n}" for n in range(1, len(paragraphs) + 1)]
        assert [text_of(p) for p in numbered] == paragraphs


def test_each_paragraph_has_a_permalink_to_itself(html_pages, articles):
    for article_id, _ in articles:
        soup = html_pages[f"{article_id}.html"]
        for paragraph in soup.select("main article p[id]"):
            links = paragraph.select("a.pilcrow")
            assert [a["href"] for a in links] == [f"#{paragraph['id']}"]
            assert links[0].get_text(strip=True), "the permalink needs an accessible name"


def test_a_disclaimer_is_visible_at_the_top(html_pages, articles):
    """An article whose received text opens with a disclaimer shows it first, unhidden, word
    for word (the blocks the page's disclaimer holds are those after the title)."""
    found = 0
    for article_id, source in articles:
        article = article_page(html_pages, article_id)
        disclaimer = article.select_one(".disclaimer")
        if disclaimer is None:
            continue
        found += 1
        held = [text_of(p) for p in disclaimer.find_all("p")]
        assert held and held == [fold(b) for b in blocks(source)[1:1 + len(held)]], article_id
        hidden = [el for el in [disclaimer, *disclaimer.parents]
                  if el.has_attr("hidden") or "visually-hidden" in el.get("class", [])
                  or el.get("aria-hidden") == "true"]
        assert not hidden
        first_paragraph = article.select_one("p[id]")
        assert first_paragraph in disclaimer.find_all("p")
    if not found:
        pytest.skip("no article of this site has a disclaimer")


def test_author_box(html_pages, articles):
    found = 0
    for article_id, source in articles:
        article = article_page(html_pages, article_id)
        box = article.select_one(".author-box")
        if box is None:
            continue
        found += 1
        *_, author_heading, author_bio = blocks(source)
        assert text_of(box.find(["h2", "h3"])) == fold(author_heading)
        assert text_of(box.find("p")) == fold(author_bio)
    if not found:
        pytest.skip("no article of this site has an author box")


def test_no_publication_date_is_invented(html_pages, articles):
    for article_id, source in articles:
        soup = html_pages[f"{article_id}.html"]
        assert not soup.select("time, [datetime], meta[property='article:published_time']")
        years_in_source = set(re.findall(r"\b(?:19|20)\d\d\b", source.read_text(encoding="utf-8")))
        revisions, _ = read_revisions(source.parent)  # "Updated 5 December 2026": the publisher's revision
        header = text_of(soup.select_one(".article-header"))
        said = set(re.findall(r"\b(?:19|20)\d\d\b", header))
        assert said <= years_in_source | {str(r.revised.year) for r in revisions}, said
        assert "not stated" in header.lower()

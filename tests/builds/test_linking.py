"""The article reads calmly, on the fixture site where each side of the linking policy is
there to see: a glossary term an article links because a general reader may need it (rarer
than UNUSUAL in general English: "rebalance"), one its note says to link always (the
everyday "stake", in the sense the reader needs), and an everyday word it leaves as text
("portfolio"). The site suite checks the same policy on any site, term by term."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from wordfreq import zipf_frequency

from explainer.render.index import UNUSUAL

ARTICLE = "halvorsen-brightwater.html"


@pytest.fixture(scope="module")
def html_pages(good_project) -> dict[str, BeautifulSoup]:
    """The fixture site's pages, as the session's good build wrote them."""
    project, _ = good_project
    return {name: BeautifulSoup((project / "output" / name).read_text(encoding="utf-8"), "html.parser")
            for name in (ARTICLE, "glossary.html")}


def links_to(html_pages, term_id: str) -> int:
    return len(html_pages[ARTICLE].select(f'main article a[href="./glossary.html#{term_id}"]'))


def test_the_fixture_has_both_sides_of_the_policy(content):
    terms = content.site.terms
    assert terms["rebalance"].link == "auto" and zipf_frequency("rebalance", "en") < UNUSUAL
    assert terms["stake"].link == "always" and zipf_frequency("stake", "en") >= UNUSUAL
    assert terms["portfolio"].link == "auto" and zipf_frequency("portfolio", "en") >= UNUSUAL


def test_a_rare_term_and_an_always_term_are_linked_once_an_everyday_word_not(html_pages):
    assert links_to(html_pages, "rebalance") == 1
    assert links_to(html_pages, "stake") == 1
    assert links_to(html_pages, "portfolio") == 0
    # ... while the glossary lists all three.
    glossary = html_pages["glossary.html"]
    assert all(glossary.select_one(f"#{term}") for term in ("rebalance", "stake", "portfolio"))

"""Preview cards in Chromium (theme/static/js/cards.js), on the fixture site's article: an
entity's card as a reader sees it, the statement with its ¶ link before the background,
marked as such; a card with only a background; an open card passing axe. The card's data
the build writes is checked in tests/unit/test_cards.py."""

from __future__ import annotations

import re

import pytest

from playwright.sync_api import expect

from support import axe_violations, earliest_fact_in, fold, gives_quote


# Brightwater Dairy: first linked in p2, its earliest fact in p4 (the card's ¶ goes there).
WITH_FACTS = "brightwater"
# Oslo: linked in p2, no fact (a background only).
WITHOUT_FACTS = "oslo"


def entity_link(page, entity_id: str):
    return page.locator(f'main article p[id] a[data-card="entity-{entity_id}"]').first


def open_card(page, entity_id: str):
    link = entity_link(page, entity_id)
    link.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -200)")  # room above, so the card opens below the link
    link.hover()
    pop = page.locator("#card-pop")
    pop.wait_for(state="visible")
    return link, pop


def test_the_visible_card_shows_the_statement_before_the_background(open_page, article_path, content, article):
    page = open_page(article_path)
    entity = content.site.entities[WITH_FACTS]
    fact = earliest_fact_in(content.site, entity, article.article.id)
    assert fact is not None
    _, paragraph = content.site.resolve(fact.source.paragraph)
    number = paragraph.id.removeprefix("p")
    link, pop = open_card(page, WITH_FACTS)
    assert link.evaluate("a => a.closest('p').id") != paragraph.id  # the ¶ goes elsewhere than the link

    said, cite, label, background = (pop.locator(s) for s in (".card-text", ".card-cite", ".card-label", ".card-bg"))
    assert fold(fact.text)[:50] in fold(said.inner_text())
    assert fold(entity.summary)[:50] in fold(background.inner_text())
    assert label.inner_text().casefold() == "background" and background.locator(".card-label").count() == 1
    # Read and seen in this order: kind, name, statement with its ¶, background, the note's link.
    order = pop.evaluate("p => [...p.children].map(c => c.className)")
    assert order == ["card-kind", "card-name", "card-text", "card-bg", "card-more"]
    assert said.bounding_box()["y"] + said.bounding_box()["height"] <= background.bounding_box()["y"]
    assert fold(pop.inner_text()).index(fold(fact.text)[:30]) < fold(pop.inner_text()).index(fold(entity.summary)[:30])
    # The ¶ link: "¶ 4", heard as "Paragraph 4", to that paragraph of this page; out of the tab order.
    assert cite.inner_text() == f"\u00b6\u00a0{number}"
    assert cite.get_attribute("aria-label") == f"Paragraph {number}"
    assert cite.get_attribute("href").startswith(f"#{paragraph.id}:~:text=")  # landing on the quoted words
    assert gives_quote(cite.get_attribute("href"), fact.source.quote)
    assert cite.get_attribute("tabindex") == "-1"
    assert link.get_attribute("aria-describedby") == "card-pop"
    cite.click()
    page.wait_for_url(re.compile(f"#{paragraph.id}(:~:.*)?$"))
    expect(page.locator(f"p#{paragraph.id}:target")).to_have_count(1)
    assert pop.is_hidden()


def test_an_entity_without_facts_shows_its_background_marked(open_page, article_path, content):
    # The fixture's article links entities without facts: the card the build wrote for one
    # (tests/unit/test_cards.py checks it has no statement), laid out by the script.
    entity = content.site.entities[WITHOUT_FACTS]
    assert not entity.facts
    page = open_page(article_path)
    _, pop = open_card(page, WITHOUT_FACTS)
    assert pop.locator(".card-text, .card-cite").count() == 0
    assert pop.locator(".card-label").inner_text().casefold() == "background"
    assert fold(entity.summary)[:40] in fold(pop.locator(".card-bg").inner_text())
    assert pop.evaluate("p => [...p.children].map(c => c.className)") == ["card-kind", "card-name", "card-bg", "card-more"]


@pytest.mark.parametrize("width, scheme", [(1280, "light"), (390, "light"), (390, "dark")])
def test_an_open_card_passes_axe_and_is_screenshotted(open_page, article_path, screenshot, width, scheme):
    page = open_page(article_path, viewport={"width": width, "height": 800}, color_scheme=scheme)
    _, pop = open_card(page, WITH_FACTS)
    box = pop.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width  # fits the screen
    screenshot(page, f"card-{width}-{scheme}", full_page=False, shows="#card-pop")
    assert axe_violations(page) == []
    assert pop.is_visible()  # axe ran with the card open

"""The site in a real browser: Playwright driving Debian's Chromium against the fixture site
(tests/fixtures/full-site), served on 127.0.0.1 by a server these tests start and stop:
Python's http.server over `make html`'s output, and, for the tests parametrised with SERVERS
(cards, search), also nginx as production serves `make publish`'s output (deploy/nginx.conf:
absolute URLs, hashed asset names, precompressed files, security headers).

Every page type loading cleanly and axe-core over every page type, light and dark, are
checks any site must pass: they are in the site suite (explainer/ops/site_suite/test_axe.py).

Without Chromium the tests are skipped with the reason; with EXPLAINER_REQUIRE_BROWSER=1
(set by .ci/run) a missing browser is a failure instead, so CI always runs them. The same for
the nginx runs without nginx, and EXPLAINER_REQUIRE_NGINX=1.
Screenshots go to test-artifacts/screenshots/ and are kept after the run.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from playwright.sync_api import expect

from explainer.content.notes import EDITORS_NOTE_LABELS
from support import PAGE_TYPES, SERVERS, fold, page_types

CLOSE_DELAY = 250  # ms: how long cards.js keeps a card after the pointer leaves it (hideSoon)


def first_entity_link(page):
    return page.locator('main article p[id] a[data-card^="entity-"]').first


def pause_the_clock(page) -> None:
    """Playwright's clock in place of the page's timers, stopped: a timeout the page sets
    fires only when the test runs the clock on (page.clock.run_for)."""
    page.clock.install()
    page.clock.pause_at(page.evaluate("Date.now()") + 1000)


@pytest.mark.parametrize("base_url", SERVERS, indirect=True)
def test_card_on_hover_shows_the_summary_and_closes_on_escape(open_page, html_pages, content):
    page = open_page(page_types(html_pages)["article"])
    pause_the_clock(page)
    link = first_entity_link(page)
    entity = content.site.entities[link.get_attribute("data-card").removeprefix("entity-")]
    card = page.locator("#card-pop")

    link.hover()
    card.wait_for(state="visible")
    assert fold(entity.summary)[:60] in fold(card.inner_text())
    assert entity.name in card.inner_text()
    assert link.get_attribute("aria-describedby") == "card-pop"

    card.hover()  # hoverable: moving onto the card keeps it, past the close delay
    page.clock.run_for(4 * CLOSE_DELAY)
    assert card.is_visible()

    page.keyboard.press("Escape")
    assert card.is_hidden()

    # Persistent, then gone: off the link, the card stays for the close delay, then closes
    # (this is also what shows the clock above stood in for the card's timer).
    link.hover()
    card.wait_for(state="visible")
    page.locator("main article h1").hover()
    page.clock.run_for(CLOSE_DELAY - 1)
    assert card.is_visible()
    page.clock.run_for(2)
    assert card.is_hidden()


def test_card_on_keyboard_focus_never_traps_focus(open_page, html_pages):
    page = open_page(page_types(html_pages)["article"])
    link = first_entity_link(page)
    card = page.locator("#card-pop")
    link.focus()
    card.wait_for(state="visible")
    page.keyboard.press("Escape")
    assert card.is_hidden()
    assert page.evaluate("document.activeElement.dataset.card") == link.get_attribute("data-card")
    link.focus()
    page.keyboard.press("Tab")  # moves on through the text, not into the card
    assert not page.evaluate("document.getElementById('card-pop').contains(document.activeElement)")


def test_touch_first_tap_shows_card_second_tap_follows(open_page, html_pages):
    page = open_page(page_types(html_pages)["article"], has_touch=True, is_mobile=True,
                     viewport={"width": 375, "height": 800})
    link = first_entity_link(page)
    target = link.get_attribute("href")
    start = page.url
    link.tap()
    page.locator("#card-pop").wait_for(state="visible")
    assert page.url == start
    link.tap()
    page.wait_for_url(re.compile(re.escape(target.removeprefix("./")) + "$"))


def test_without_javascript_links_simply_navigate(open_page, html_pages):
    page = open_page(page_types(html_pages)["article"], java_script_enabled=False)
    link = first_entity_link(page)
    target = link.get_attribute("href").removeprefix("./")
    link.click()
    page.wait_for_url(re.compile(re.escape(target) + "$"))
    assert page.locator("#card-pop").count() == 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("kind", ["home", "article", "entity", "glossary"])
def test_screenshots(open_page, html_pages, screenshot, kind, width, scheme):
    path = page_types(html_pages)[kind]
    page = open_page(path, viewport={"width": width, "height": 900}, color_scheme=scheme)
    # The page as built, drawn: its headline shown and in the picture (the fixture `screenshot`
    # checks the PNG is as wide as the screen, as tall as the page, and has ink where the h1 is).
    assert fold(page.locator("h1").inner_text()) == fold(html_pages[path].h1.get_text())
    screenshot(page, f"{kind}-{width}-{scheme}")
    assert page.errors == [] and page.outside == []
    # Nothing wider than the viewport (a horizontal scrollbar on a phone is a layout bug).
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_fits_a_320px_screen(open_page, html_pages, kind):
    """Responsive down to 320 px: nothing makes the page itself scroll sideways (wide visuals
    scroll inside their own keyboard-reachable box)."""
    page = open_page(page_types(html_pages)[kind], viewport={"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def search_results(page):
    """(title, address) of each result shown; the address without the text fragment that marks
    the words searched for (test_a_result_opens_its_page_on_the_words_searched_for)."""
    page.locator(".search-result").first.wait_for(state="visible", timeout=10_000)
    return [(a.inner_text(), a.get_attribute("href").split(":~:")[0]) for a in page.locator(".search-title").all()]


@pytest.fixture(scope="module")
def person(content):
    """A person the fixture names (Maeve Donnelly), and what to search for: the surname."""
    entity = next(e for e in content.site.entities.values() if e.kind == "person")
    return entity, entity.name.split()[-1]


@pytest.mark.parametrize("base_url", SERVERS, indirect=True)
def test_search_for_a_person_from_the_header_box(open_page, person):
    entity, query = person
    page = open_page("index.html")
    page.fill("#site-search-q", query)
    page.press("#site-search-q", "Enter")
    page.wait_for_url(re.compile(rf"search\.html\?q={query}$"))
    results = search_results(page)
    assert (entity.name, f"/entities/{entity.id}.html") in results
    kinds = page.locator(".search-kind").all_text_contents()
    assert "Entity" in kinds and len(kinds) == len(results)
    assert page.errors == [] and page.outside == []


def test_a_common_query_loads_only_the_results_it_shows_and_narrows_by_kind(open_page):
    """Counting the results by kind needs no result's own file (kinds.json has them all)."""
    page = open_page("search.html")
    fragments = []
    page.on("request", lambda request: fragments.append(request.url) if ".pf_fragment" in request.url else None)
    page.fill("#search-q", "Halvorsen")  # the article's subject: on most pages (26 records)
    results = search_results(page)
    status = page.locator("#search-status").inner_text()
    total = int(re.match(r"(\d+) results?", status)[1])
    assert total > len(results) == 10 and "the first 10 shown" in status, status
    assert len(set(fragments)) == len(results), "a fragment loaded for a result not shown"
    page.evaluate("document.querySelector('.search-result').dataset.before = 'more'")  # the ones listed stay
    page.get_by_role("button", name="More results").press("Enter")  # ten more, each loading its own file
    page.locator("#search-status", has_text="the first 20 shown").wait_for()
    # The keyboard goes on at the first result added, not at the button now below them.
    assert page.evaluate("document.activeElement === document.querySelectorAll('.search-result a')[10]")
    assert page.locator(".search-result").count() == 20 and len(set(fragments)) == 20
    assert len(fragments) == 20, "a result's file loaded twice"
    assert page.locator(".search-result").first.get_attribute("data-before") == "more", "the first ten listed again"
    buttons = {b.inner_text(): b for b in page.locator(".search-kind-button").all()}
    counts = {label.rsplit(" (", 1)[0]: int(label.rsplit("(", 1)[1].rstrip(")")) for label in buttons if "(" in label}
    assert sum(counts.values()) == total and len(counts) > 1, counts
    smallest = min(counts, key=counts.get)
    next(b for label, b in buttons.items() if label.startswith(smallest + " (")).press("Enter")  # by keyboard
    page.wait_for_function("(n) => document.querySelectorAll('.search-result').length === n",
                           arg=min(counts[smallest], 10))
    assert set(page.locator(".search-kind").all_text_contents()) == {smallest}
    # The buttons are drawn again with the results: the keyboard stays on the one chosen.
    assert page.evaluate("document.activeElement.getAttribute('aria-pressed')") == "true"
    assert page.evaluate("document.activeElement.textContent").startswith(smallest + " (")
    assert page.locator("#search-status").inner_text().startswith(f"{counts[smallest]} result")
    assert page.errors == [] and page.outside == []


def test_search_for_a_term_finds_its_glossary_entry(open_page, content):
    term = content.site.terms["rebalance"]  # found in a paragraph, a note, entities' facts and its entry
    page = open_page("search.html")
    page.fill("#search-q", term.term)
    results = search_results(page)
    assert (term.term, f"/glossary.html#{term.id}") in results
    page.get_by_role("button", name=re.compile(r"^Term")).click()
    page.locator("#search-status", has_text="(Term)").wait_for()
    assert set(page.locator(".search-kind").all_text_contents()) == {"Term"}


def test_search_page_without_javascript_lists_the_indexes(open_page, content, person):
    page = open_page(f"search.html?q={person[1]}", java_script_enabled=False)
    assert page.locator(".needs-js").is_visible()
    assert "needs JavaScript" in page.locator(".needs-js").inner_text()
    for entity in list(content.site.entities.values())[:3]:
        assert page.get_by_role("link", name=entity.name, exact=True).count() >= 1
    assert page.locator('a[href$="glossary.html"]').count() >= 1
    # Said before a form that cannot search without it, with the site's other pages
    notice, form = page.locator(".needs-js").bounding_box(), page.locator("form.search-form").bounding_box()
    assert notice["y"] < form["y"], (notice, form)
    assert page.locator('.needs-js a[href$="timeline.html"]').count() == 1


@pytest.mark.parametrize("typed, meant, word", [("Halvorsn", "Halvorsen Foods", "Halvorsen"),
                                                ("Donelly", "Maeve Donnelly", "Donnelly"),
                                                ("Brigthwater", "Brightwater Dairy", "Brightwater")])
def test_a_misspelt_name_leads_first_to_the_name(open_page, content, typed, meant, word):
    """Pagefind has no typo tolerance: the closest name of the notes is offered first (a
    deletion, a letter doubled wrong, two letters swapped), and with nothing found for the
    misspelling, the results are those of the word it was meant to be (all of them: a search
    for every word of the name finds fewer)."""
    entity = next(e for e in content.site.entities.values() if e.name == meant)
    page = open_page("search.html")
    page.fill("#search-q", typed)
    suggestion = page.locator("#search-suggest a")
    suggestion.wait_for()
    assert suggestion.inner_text() == meant and suggestion.get_attribute("href").endswith(f"/entities/{entity.id}.html")
    assert search_results(page) and f"for “{word}” (nothing for “{typed}”)" in page.locator("#search-status").inner_text()
    page.fill("#search-q", meant)  # the name as written: nothing to correct
    expect(page.locator("#search-suggest a")).to_have_count(0)
    expect(page.locator("#search-status")).not_to_contain_text("nothing for")


def test_a_result_opens_its_page_on_the_words_searched_for(open_page, base_url):
    """The result's link carries a text fragment made from its excerpt: the page it opens
    scrolls to and marks the words. Opened with an id the page lacks, only the words can make
    their paragraph the target."""
    page = open_page("search.html")
    page.fill("#search-q", "exports")
    search_results(page)
    link = page.locator(".search-result", has=page.locator(".search-kind", has_text="Article paragraph")).locator("a").first
    href = link.get_attribute("href")
    assert ":~:text=" in href and "exports" in href.lower(), href
    pid = href.split("#")[1].split(":~:")[0]
    page.goto("about:blank")
    page.goto(base_url + href.lstrip("/").replace(f"#{pid}:~:", "#no-such-id:~:"))
    expect(page.locator(f"p#{pid}:target")).to_have_count(1)


# The entry an element belongs to: the last heading or paragraph with an id at or before it
# (the notes' pages are flat: a heading with the entry's id, then its paragraphs).
OWNER = """() => { const t = document.querySelector(':target'); if (!t) return null; let owner = null;
  for (const h of document.querySelectorAll('h2[id], h3[id], p[id]'))
    if (h === t || h.contains(t) || h.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING) owner = h.id;
  return owner; }"""


def test_a_note_found_by_search_opens_on_its_own_entry(open_page, base_url, content):
    """A term, event, figure or editor's note found by a word in its text opens on that entry:
    the words that mark it come from the part of the record the page shows as one block (a
    term's definition, not its name and definition run together, which no page shows), and a
    result whose words are the entry's heading opens at the heading. Each is opened with an
    id the page lacks, so only the words can make the entry the target."""
    story = next(iter(content.site.entities.values()))  # the notes name the story's subject first
    subject = min([story.name, *story.aliases], key=len)
    # And a word that is a part of its own in several records, with nothing around it there:
    # the kind most of the editor's notes are.
    label = EDITORS_NOTE_LABELS[Counter(n.kind for n in content.site.editors_notes).most_common(1)[0][0]]
    page = open_page("search.html")
    opened = []
    for query in (subject, label):
        page.goto(base_url + f"search.html?q={query}")
        search_results(page)
        kinds = [b.inner_text().rsplit(" (", 1)[0] for b in page.locator(".search-kind-button").all()]
        for kind in set(kinds) & {"Term", "Event", "Figure", "Editor’s note"}:
            page.goto(base_url + f"search.html?q={query}")
            search_results(page)
            page.locator(".search-kind-button", has_text=kind).click()
            page.wait_for_function("(kind) => [...document.querySelectorAll('.search-kind')].every(k => k.textContent === kind)", arg=kind)
            opened += [(kind, a.get_attribute("href")) for a in page.locator(".search-title").all()]
    assert len({kind for kind, _ in opened}) >= 3, opened
    for kind, href in opened:
        path, anchor = href.split(":~:")[0].split("#")
        page.goto("about:blank")
        if ":~:" in href:
            page.goto(base_url + path.lstrip("/") + "#no-such-id:~:" + href.split(":~:")[1])
        else:  # the words are the heading: the address lands there
            page.goto(base_url + href.lstrip("/"))
        assert page.evaluate(OWNER) == anchor, (kind, href)


def test_an_entity_page_is_not_found_again_for_each_sentence_it_quotes(open_page, html_pages):
    """An entity's page lists every sentence naming it: those are found as their paragraphs,
    which a result opens on; the page itself is a result for what it says of the entity, not
    once more for a word of a sentence it quotes."""
    for path, soup in sorted(html_pages.items()):
        quoted = " ".join(ul.get_text(" ") for ul in soup.select("ul.mentions")).lower()
        for shown_apart in soup.select("ul.mentions, #note-cards"):
            shown_apart.decompose()
        own = soup.get_text(" ").lower()  # the page's words besides them (and its header, menu, footer)
        words = [w for w in re.findall(r"[a-z]{7,}", quoted) if w[:5] not in own]  # nor any form of it
        if path.startswith("entities/") and words:
            break
    else:
        pytest.fail("no entity page quotes a word it does not also say itself")
    page = open_page("search.html")
    page.fill("#search-q", words[0])
    results = search_results(page)
    kinds = page.locator(".search-kind").all_text_contents()
    assert "Article paragraph" in kinds, (words[0], results)
    assert f"/{path}" not in [href.split("#")[0] for _, href in results], (words[0], results)


def test_an_entity_page_found_by_a_word_opens_on_that_word(open_page, base_url, content):
    """An entity's page is indexed whole; its result opens where the word searched for is
    (a word of its summary here), not at the top, and the page marks it."""
    everything = " ".join([*(e.summary for e in content.site.entities.values()),
                           *(p.text for a in content.site.articles.values() for p in a.paragraphs.values())]).lower()
    entity, word = min(((e, w) for e in content.site.entities.values() for w in re.findall(r"[a-z]{7,}", e.summary)
                        if w not in e.name.lower()), key=lambda found: everything.count(found[1]))  # its page's own word
    page = open_page("search.html")
    page.fill("#search-q", word)
    search_results(page)
    href = page.locator(".search-result", has=page.locator(".search-kind", has_text="Entity")).locator(
        f'a[href^="/entities/{entity.id}.html"]').first.get_attribute("href")
    assert ":~:text=" in href, href
    page.goto("about:blank")
    page.goto(base_url + href.lstrip("/"))
    target = page.locator(":target")
    expect(target).to_have_count(1)
    assert word in target.inner_text().lower()

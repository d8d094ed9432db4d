"""The site in a real browser: Playwright driving Debian's Chromium against the built site,
served on 127.0.0.1 by a server these tests start and stop: Python's http.server over `make
html`'s output, and, for the tests parametrised with SERVERS (a page loads cleanly, search,
cards, axe), also nginx as production serves `make publish`'s output (deploy/nginx.conf:
absolute URLs, hashed asset names, precompressed files, security headers).

Without Chromium the tests are skipped with the reason; with EXPLAINER_REQUIRE_BROWSER=1
(set by .ci/run) a missing browser is a failure instead, so CI always runs them. The same for
the nginx runs without nginx, and EXPLAINER_REQUIRE_NGINX=1.
Screenshots go to test-artifacts/screenshots/ and are kept after the run.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from support import ROOT, fold, published_behind_nginx

SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def page_types(html_pages) -> dict[str, str]:
    """One page of each type the site has."""
    article = next(p for p, soup in html_pages.items() if soup.select_one("body.article"))
    entity = next(p for p, soup in sorted(html_pages.items()) if soup.select_one("body.entity"))
    return {"home": "index.html", "article": article, "entity": entity, "entities": "entities.html",
            "glossary": "glossary.html", "timeline": "timeline.html", "figures": "figures.html",
            "editors-notes": "editors-notes.html", "search": "search.html?q=Renault", "not-found": "404.html"}


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass


# base_url's servers, for a test parametrised with `@pytest.mark.parametrize("base_url", SERVERS,
# indirect=True)`; any other test gets http.server.
SERVERS = ["http.server", "nginx"]


@pytest.fixture(scope="module")
def base_url(request, site: Path) -> Iterator[str]:
    if getattr(request, "param", "http.server") == "nginx":
        yield request.getfixturevalue("nginx_url")
        return
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def nginx_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`make publish` with SITEURL at a free port, served there by nginx (explainer/nginx.py)."""
    with published_behind_nginx(tmp_path_factory.mktemp("published")) as (_, url):
        yield url


@pytest.fixture
def open_page(browser, base_url):
    """Open a site page; record console errors and every request that leaves 127.0.0.1."""
    contexts = []

    def open_(path: str, **context_options):
        context = browser.new_context(**context_options)
        contexts.append(context)
        page = context.new_page()
        page.errors, page.outside = [], []
        page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
        page.on("pageerror", lambda e: page.errors.append(str(e)))

        def guard(route):
            if route.request.url.startswith(base_url):
                route.continue_()
            else:
                page.outside.append(route.request.url)
                route.abort()

        page.route("**/*", guard)
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        return page

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def entities() -> dict[str, dict]:
    data = YAML(typ="safe").load((ROOT / "content/notes/entities.yaml").read_text(encoding="utf-8"))
    return {e["id"]: e for e in data["entities"]}


PAGE_TYPES = ["home", "article", "entity", "entities", "glossary", "timeline", "figures", "editors-notes",
              "search", "not-found"]


@pytest.mark.parametrize("base_url", SERVERS, indirect=True)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_loads_cleanly(open_page, html_pages, kind):
    page = open_page(page_types(html_pages)[kind])
    assert page.errors == []
    assert page.outside == []
    assert page.locator("h1").count() == 1


def first_entity_link(page):
    return page.locator('main article p[id] a[data-card^="entity-"]').first


@pytest.mark.parametrize("base_url", SERVERS, indirect=True)
def test_card_on_hover_shows_the_summary_and_closes_on_escape(open_page, html_pages, entities):
    page = open_page(page_types(html_pages)["article"])
    link = first_entity_link(page)
    entity_id = link.get_attribute("data-card").removeprefix("entity-")
    card = page.locator("#card-pop")

    link.hover()
    card.wait_for(state="visible")
    assert fold(entities[entity_id]["summary"])[:60] in fold(card.inner_text())
    assert entities[entity_id]["name"] in card.inner_text()
    assert link.get_attribute("aria-describedby") == "card-pop"

    card.hover()  # hoverable: moving onto the card keeps it
    page.wait_for_timeout(400)
    assert card.is_visible()

    page.keyboard.press("Escape")
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


# Both schemes over http.server; over nginx (the same pages, published) the light one.
@pytest.mark.parametrize(("base_url", "scheme"), [("http.server", "light"), ("http.server", "dark"), ("nginx", "light")],
                         indirect=["base_url"])
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_axe_finds_no_wcag_violations(open_page, html_pages, kind, scheme):
    from axe_playwright_python.sync_playwright import Axe

    page = open_page(page_types(html_pages)[kind], color_scheme=scheme)
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    violations = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
                  for v in results.response["violations"]]
    assert violations == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("kind", ["home", "article", "entity", "glossary"])
def test_screenshots(open_page, html_pages, kind, width, scheme):
    page = open_page(page_types(html_pages)[kind], viewport={"width": width, "height": 900}, color_scheme=scheme)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{kind}-{width}-{scheme}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    # Nothing wider than the viewport (a horizontal scrollbar on a phone is a layout bug).
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_fits_a_320px_screen(open_page, html_pages, kind):
    """Responsive down to 320 px: nothing makes the page itself scroll sideways (wide visuals
    scroll inside their own keyboard-reachable box)."""
    page = open_page(page_types(html_pages)[kind], viewport={"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def search_results(page):
    page.locator(".search-result").first.wait_for(state="visible", timeout=10_000)
    return [(a.inner_text(), a.get_attribute("href")) for a in page.locator(".search-title").all()]


@pytest.mark.parametrize("base_url", SERVERS, indirect=True)
def test_search_for_a_person_from_the_header_box(open_page, entities):
    page = open_page("index.html")
    page.fill("#site-search-q", "Ghosn")
    page.press("#site-search-q", "Enter")
    page.wait_for_url(re.compile(r"search\.html\?q=Ghosn$"))
    results = search_results(page)
    ghosn = next(e for e in entities.values() if "Ghosn" in e["name"])
    assert (ghosn["name"], f"/entities/{ghosn['id']}.html") in results
    kinds = page.locator(".search-kind").all_text_contents()
    assert "Entity" in kinds and len(kinds) == len(results)
    assert page.errors == [] and page.outside == []


def test_a_common_query_loads_only_the_results_it_shows_and_narrows_by_kind(open_page):
    """Counting the results by kind needs no result's own file (kinds.json has them all)."""
    page = open_page("search.html")
    fragments = []
    page.on("request", lambda request: fragments.append(request.url) if ".pf_fragment" in request.url else None)
    page.fill("#search-q", "Nissan")  # the article's subject: on most pages
    results = search_results(page)
    status = page.locator("#search-status").inner_text()
    total = int(re.match(r"(\d+) results?", status)[1])
    assert total > len(results) == 20 and "the first 20 shown" in status, status
    assert len(set(fragments)) == len(results), "a fragment loaded for a result not shown"
    buttons = {b.inner_text(): b for b in page.locator(".search-kind-button").all()}
    counts = {label.rsplit(" (", 1)[0]: int(label.rsplit("(", 1)[1].rstrip(")")) for label in buttons if "(" in label}
    assert sum(counts.values()) == total and len(counts) > 1, counts
    smallest = min(counts, key=counts.get)
    next(b for label, b in buttons.items() if label.startswith(smallest + " (")).click()
    page.wait_for_function("(n) => document.querySelectorAll('.search-result').length === n",
                           arg=min(counts[smallest], 20))
    assert set(page.locator(".search-kind").all_text_contents()) == {smallest}
    assert page.locator("#search-status").inner_text().startswith(f"{counts[smallest]} result")
    assert page.errors == [] and page.outside == []


def test_search_for_a_term_finds_its_glossary_entry(open_page):
    terms = YAML(typ="safe").load((ROOT / "content/notes/terms.yaml").read_text(encoding="utf-8"))["terms"]
    term = next(t for t in terms if t["id"] == "procurement")
    page = open_page("search.html")
    page.fill("#search-q", term["term"])
    results = search_results(page)
    assert (term["term"], f"/glossary.html#{term['id']}") in results
    page.get_by_role("button", name=re.compile(r"^Term")).click()
    page.locator("#search-status", has_text="(Term)").wait_for()
    assert set(page.locator(".search-kind").all_text_contents()) == {"Term"}


def test_search_page_without_javascript_lists_the_indexes(open_page, html_pages, entities):
    page = open_page("search.html?q=Ghosn", java_script_enabled=False)
    assert page.locator(".needs-js").is_visible()
    assert "needs JavaScript" in page.locator(".needs-js").inner_text()
    for entity in list(entities.values())[:3]:
        assert page.get_by_role("link", name=entity["name"], exact=True).count() >= 1
    assert page.locator('a[href$="glossary.html"]').count() >= 1

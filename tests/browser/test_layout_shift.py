"""No layout shift: once drawn, nothing a reader sees moves (CLS 0.00), on every page type, on
a phone and a desktop, with and without JavaScript, the search page with results included.
Chromium reports each shift through its DevTools protocol (PerformanceTimeline), which
works with the page's JavaScript off too. What used to move: the article's Explanations switch,
shown by its script after the text was drawn (now drawn from the first paint, site.css), and
the search page's lists, pushed down by the results (now in <noscript>)."""

from __future__ import annotations

import pytest

from support import page_types

WIDTHS = (390, 1280)


def shifts(browser, base_url: str, path: str, width: int, script: bool, done: str | None = None) -> list[float]:
    """The layout shifts Chromium records while the page loads and settles (and, given `done`,
    until that selector is on the page)."""
    context = browser.new_context(viewport={"width": width, "height": 800}, java_script_enabled=script)
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        found: list[float] = []
        cdp.on("PerformanceTimeline.timelineEventAdded",
               lambda event: found.append(event["event"]["layoutShiftDetails"]["value"])
               if event["event"].get("type") == "layout-shift" and not event["event"]["layoutShiftDetails"]["hadRecentInput"]
               else None)
        cdp.send("PerformanceTimeline.enable", {"eventTypes": ["layout-shift"]})
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        if done:
            page.locator(done).first.wait_for()
        page.wait_for_timeout(500)  # what a late script or style would still move
        return found
    finally:
        context.close()


@pytest.mark.parametrize("script", [True, False], ids=["with JavaScript", "without"])
@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_type_moves_once_drawn(browser, base_url, html_pages, content, width, script):
    pages = sorted(set(page_types(html_pages).values()))
    moved = {path: sum(found) for path in pages if (found := shifts(browser, base_url, path, width, script))}
    assert moved == {}, moved


@pytest.mark.parametrize("width", WIDTHS)
def test_the_search_page_does_not_move_as_results_come_in(browser, base_url, content, width):
    name = next(iter(content.site.entities.values())).name
    found = shifts(browser, base_url, f"search.html?q={name}", width, True, done=".search-result")
    assert sum(found) == 0, found


def test_where_search_cannot_load_the_lists_are_put_in_place(open_page, content):
    """Pagefind refused (opened from a file, or blocked): the page says so, and shows the lists
    a browser without JavaScript shows, without their line saying JavaScript is off."""
    page = open_page("search.html")
    assert page.locator("main .search-fallback a").count() == 0  # searching: the lists take no room
    page.route("**/pagefind/pagefind.js", lambda route: route.abort())
    page.reload()
    page.get_by_role("status").filter(has_text="could not be loaded").wait_for()
    lists = page.locator("main div.search-fallback")
    assert lists.locator("a").count() >= min(3, len(content.site.entities))
    assert lists.locator(".needs-js").count() == 0

"""`make devserver`: serves on 127.0.0.1, rebuilds on change, and keeps serving the last good
build when a change breaks the content; the pages it serves follow the builds (live preview:
they reload after a build that succeeded, and show the problems of one that failed), which
Playwright checks in Debian's Chromium (skipped without it, as in the browser tests).

Every dev server here serves a copy of the fixture site (tests/fixtures/full-site). Nothing
is timed: a test waits for what the server prints, or for what the page shows."""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Error as PlaywrightError

from explainer.ops import devserver as devserver_module
from explainer.ops.devserver import LIVE_TAGS, DevserverProcess
from support import axe_violations, copy_project, edit, line_of

pytestmark = pytest.mark.server

PREVIEW = Path(devserver_module.__file__).parent / "preview"  # the live preview's files, as shipped


class Devserver(DevserverProcess):
    """The dev server, as the tests wait for it: the lines printed up to the one awaited."""

    def wait_for(self, text: str, timeout: float = 60) -> list[str]:  # type: ignore[override]
        return super().wait_for(text, timeout)[1]


@pytest.fixture
def start_devserver():
    """Start a dev server on a project (stopped after the test)."""
    started: list[Devserver] = []

    def start(project: Path, port: int | None = None) -> Devserver:
        started.append(Devserver(project, port))
        return started[-1]

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def devserver(tmp_path: Path, start_devserver):
    project = copy_project(tmp_path / "project")
    return project, start_devserver(project)


def test_rebuilds_on_change_and_keeps_the_last_good_build(devserver):
    project, server = devserver
    server.wait_for("Watching")
    assert "This site explains one news story" in server.get("index.html")

    index = project / "content" / "index.md"
    good = index.read_text(encoding="utf-8")
    index.write_text(good.replace("title: Halvorsen", "title: [Halvorsen"), encoding="utf-8")
    output = server.wait_for("still serving the last good build")
    title = line_of(index, "title: [Halvorsen")
    assert any(line.startswith(f"content/index.md:{title}: invalid YAML") for line in output), output
    assert "This site explains one news story" in server.get("index.html")

    index.write_text(good.replace("This site explains one news story", "This site now explains one news story"),
                     encoding="utf-8")
    server.wait_for("Rebuilt.")
    assert "This site now explains one news story" in server.get("index.html")


# --- Live preview -------------------------------------------------------------------------------

WAIT = 60_000  # ms: generous, for a build on a busy machine; nothing is timed
PROBLEM = re.compile(r"^content/\S+:\d+: ")  # a problem line as the terminal prints it
FIGURES = "content/notes/figures.yaml"
STAKE = 'source: {paragraph: p2, quote: "reduce its stake in Brightwater Dairy from 40% to 12%"}'
BAD_STAKE = STAKE.replace("p2", "p3")  # the quote is in p2: the build stops
MEASURES = "before and after the sale"  # a figure's words on figures.html, in one text node
NOT_BUILT = "The site has not been built yet"  # the dev server's page while no build succeeded


def fetch(server: Devserver, path: str) -> tuple[int, dict[str, str], str]:
    try:
        response = urllib.request.urlopen(f"http://127.0.0.1:{server.port}/{path}", timeout=10)
    except urllib.error.HTTPError as error:
        response = error
    with response:
        return response.status, dict(response.headers), response.read().decode("utf-8")


def test_served_pages_carry_the_live_preview_and_the_output_does_not(devserver):
    project, server = devserver
    server.wait_for("Watching")
    status, headers, served = fetch(server, "figures.html")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    on_disk = (project / "output" / "figures.html").read_text(encoding="utf-8")
    assert "__live" not in on_disk
    assert not [p for p in (project / "output").rglob("*") if p.is_file() and b"__live" in p.read_bytes()]
    head = BeautifulSoup(served, "html.parser").head
    assert head.select('link[rel="stylesheet"][href="/__live/preview.css"]')
    assert [s.attrs for s in head.select('script[src^="/__live/"]')] == [{"src": "/__live/preview.js", "defer": ""}]
    assert served.replace(LIVE_TAGS.decode(), "") == on_disk  # nothing else differs
    csp = 'meta[http-equiv="Content-Security-Policy"]'
    assert (BeautifulSoup(served, "html.parser").select_one(csp)["content"]
            == BeautifulSoup(on_disk, "html.parser").select_one(csp)["content"])
    assert "script-src 'self';" in head.select_one(csp)["content"]
    assert not BeautifulSoup(served, "html.parser").select("script:not([src]):not([type='application/ld+json']), style")

    for name, kind in (("preview.js", "text/javascript"), ("preview.css", "text/css")):
        status, headers, text = fetch(server, f"__live/{name}")
        assert status == 200 and headers["Content-Type"].startswith(kind)
        assert text == (PREVIEW / name).read_text(encoding="utf-8")
    script = (PREVIEW / "preview.js").read_text(encoding="utf-8")
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|\.style\b|setAttribute\(\"style", script)
    status, _, missing = fetch(server, "no-such-page.html")  # the site's 404 page, with the preview
    assert status == 404 and LIVE_TAGS.decode() in missing


@pytest.fixture
def open_live(browser):
    """Open a page of a dev server, with every console error (CSP refusals are console errors)
    and uncaught exception it has, across reloads, in `page.errors`, and the address of every
    document its tab asked for, in `page.documents` (one, then one more per reload). Its
    context is closed after the test (the session shares one Chromium)."""
    contexts = []

    def open_(server: Devserver, path: str, **options):
        contexts.append(browser.new_context(**options))
        page = contexts[-1].new_page()
        page.set_default_timeout(WAIT)
        page.errors, page.documents = [], []
        page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        # A reload asks for a new document before anything of it shows: counted from its
        # request, never by asking the page (which throws while it reloads).
        page.on("request", lambda r: r.is_navigation_request() and r.frame == page.main_frame
                and page.documents.append(r.url))
        page.goto(f"http://127.0.0.1:{server.port}/{path}")
        page.wait_for_load_state("load")
        return page

    yield open_
    for context in contexts:
        context.close()


def documents(page) -> int:
    """How many documents the tab has loaded so far (1: never reloaded), asked once the last
    one is loaded."""
    page.wait_for_load_state("load")
    return len(page.documents)


def wait_for_documents(page, count: int) -> None:
    """Until the tab has asked for `count` documents and the last one is loaded."""
    end = time.monotonic() + WAIT / 1000
    while len(page.documents) < count:
        assert time.monotonic() < end, f"{len(page.documents)} documents, not {count}: {page.documents}"
        page.wait_for_timeout(50)  # lets Playwright deliver the tab's events
    page.wait_for_load_state("load")


def problems_printed(output: list[str]) -> list[str]:
    return [line for line in output if PROBLEM.match(line)]


def test_open_page_shows_the_problems_then_reloads_when_fixed_and_after_each_edit(devserver, open_live):
    project, server = devserver
    server.wait_for("Watching")
    page = open_live(server, "figures.html")
    overlay = page.locator(".explainer-live")
    assert overlay.count() == 0
    figures = project / FIGURES
    good = figures.read_text(encoding="utf-8")

    edit(figures, STAKE, BAD_STAKE)
    printed = problems_printed(server.wait_for("still serving the last good build"))
    assert printed and printed[0].startswith(f"{FIGURES}:"), printed
    overlay.wait_for(state="visible")
    assert overlay.get_attribute("role") == "alert"
    assert overlay.get_by_role("heading").inner_text() == "The site did not build"
    assert overlay.locator("li").all_inner_texts() == printed  # as the terminal printed them
    assert "come" in overlay.locator("p").inner_text() and "fixed" in overlay.locator("p").inner_text()
    assert documents(page) == 1  # still the last good build under it (the counts below catch a late reload)
    assert page.evaluate("document.activeElement === document.body")  # no focus taken
    overlay.focus()
    page.keyboard.press("Tab")  # and none kept
    assert not page.evaluate("document.querySelector('.explainer-live').contains(document.activeElement)")

    figures.write_text(good.replace(MEASURES, f"{MEASURES} (fixed)", 1), encoding="utf-8")
    server.wait_for("Rebuilt.")
    page.get_by_text(f"{MEASURES} (fixed)").first.wait_for(state="visible")
    assert documents(page) == 2  # reloaded once: for the good build, not for the broken one
    assert overlay.count() == 0

    edit(figures, "(fixed)", "(edited)")
    server.wait_for("Rebuilt.")
    page.get_by_text(f"{MEASURES} (edited)").first.wait_for(state="visible")
    assert documents(page) == 3 and overlay.count() == 0
    assert page.errors == []


# Where a reader is: the first element of the text whose bottom is below the window's top,
# and where that top is (the window's scroll may differ after a reload and still show the
# same words: the browser keeps what is in view in place when something above it changes).
READING_AT = """() => {
  const shown = [...document.querySelectorAll("main p, main h2, main h3")].find((e) => e.getBoundingClientRect().bottom > 0);
  return shown ? [shown.id || shown.textContent.slice(0, 40), Math.round(shown.getBoundingClientRect().top)] : null;
}"""


@pytest.mark.parametrize("address", ["halvorsen-brightwater.html", "halvorsen-brightwater.html#p2",
                                     "halvorsen-brightwater.html#p2:~:text=reduce%20its%20stake"])
def test_a_reload_keeps_where_the_reader_was(devserver, open_live, address):
    """The page reloaded after a rebuild shows what it showed where it was scrolled to, not
    its top, nor the paragraph or the words its address names (a reader who came from a
    citation and read on)."""
    project, server = devserver
    server.wait_for("Watching")
    page = open_live(server, address, viewport={"width": 390, "height": 500})
    bottom = page.evaluate("document.documentElement.scrollHeight - innerHeight")
    assert bottom > 600, bottom  # a page long enough to be read part of the way down
    page.evaluate(f"scrollTo(0, {bottom // 2 + 37})")
    page.wait_for_timeout(100)  # the position is saved with the history entry as it scrolls
    reading = page.evaluate(READING_AT)
    assert page.evaluate("scrollY") > 300, reading

    edit(project / FIGURES, MEASURES, f"{MEASURES} (edited)")
    server.wait_for("Rebuilt.")
    wait_for_documents(page, 2)
    end = time.monotonic() + WAIT / 1000
    while _reading(page) != reading and time.monotonic() < end:
        page.wait_for_timeout(50)  # restored once the page is laid out
    page.wait_for_load_state("load")
    assert page.evaluate(READING_AT) == reading
    assert page.errors == []


def _reading(page) -> list | None:
    """What the reader sees at the top, or None while the tab is between two documents (a
    save the watcher saw as two builds reloads the tab twice: the place must hold after both)."""
    try:
        return page.evaluate(READING_AT)
    except PlaywrightError as error:
        if "context was destroyed" not in str(error):
            raise
        return None


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_page_opened_while_broken_shows_the_problems_at_once_readable(devserver, open_live, scheme):
    project, server = devserver
    server.wait_for("Watching")
    edit(project / FIGURES, STAKE, BAD_STAKE)
    printed = problems_printed(server.wait_for("still serving the last good build"))
    page = open_live(server, "figures.html", color_scheme=scheme)
    overlay = page.locator(".explainer-live")
    overlay.wait_for(state="visible")
    assert overlay.locator("li").all_inner_texts() == printed
    assert page.locator("h1").inner_text() == "Key figures"  # the last good build
    assert axe_violations(page) == []
    page.keyboard.press("Escape")  # out of the way until the next build
    assert overlay.count() == 0
    assert page.errors == []


def test_page_reconnects_when_the_server_restarts(tmp_path, start_devserver, open_live):
    project = copy_project(tmp_path / "project")
    first = start_devserver(project)
    first.wait_for("Watching")
    page = open_live(first, "figures.html")
    assert documents(page) == 1
    first.stop()
    second = start_devserver(project, port=first.port)
    second.wait_for("Watching")
    wait_for_documents(page, 2)  # reloaded from the new server's first build
    page.locator("main h1").wait_for(state="visible")
    edit(project / FIGURES, MEASURES, f"{MEASURES} (again)")
    second.wait_for("Rebuilt.")
    page.get_by_text(f"{MEASURES} (again)").first.wait_for(state="visible")
    assert documents(page) == 3  # once for the restart, once for the edit


def test_a_first_build_that_fails_shows_not_built_yet_with_the_problems_then_the_site(
        tmp_path, start_devserver, open_live):
    """Broken notes from the start: there is no last good build to serve. Any address says the
    site is not built yet, an open page shows the problems over that, and once they are fixed
    the page loads the site by itself."""
    project = copy_project(tmp_path / "project")
    figures = project / FIGURES
    good = figures.read_text(encoding="utf-8")
    edit(figures, STAKE, BAD_STAKE)
    server = start_devserver(project)
    printed = problems_printed(server.wait_for("Watching"))
    assert printed == [f"{FIGURES}:{line_of(figures, BAD_STAKE)}: quote not found in p3: "
                       f"'reduce its stake in Brightwater Dairy from 40% to 12%' (it is in p2)"], printed
    assert not (project / "output").exists()  # nothing half-built

    for path in ("", "index.html", "figures.html", "entities/halvorsen.html", "no-such-page.html"):
        status, headers, body = fetch(server, path)
        soup = BeautifulSoup(body, "html.parser")
        assert status == 404 and headers["Content-Type"] == "text/html; charset=utf-8", path
        assert soup.select_one("h1").get_text() == NOT_BUILT, path
        assert LIVE_TAGS.decode() in body, path  # it follows the builds too
        assert headers["Server-Timing"].startswith('live;desc="'), path

    page = open_live(server, "figures.html")
    overlay = page.locator(".explainer-live")
    overlay.wait_for(state="visible")
    assert page.locator("h1").inner_text() == NOT_BUILT
    assert overlay.get_by_role("heading").inner_text() == "The site did not build"
    assert overlay.locator("li").all_inner_texts() == printed  # as the terminal printed them
    note = overlay.locator("p").inner_text()
    assert "last good build" not in note and "no build" in note.lower() and "fixed" in note, note

    figures.write_text(good, encoding="utf-8")
    server.wait_for("Rebuilt.")
    page.locator("h1", has_text="Key figures").wait_for(state="visible")  # the site, at the same address
    assert documents(page) == 2 and page.url.endswith("/figures.html")
    assert overlay.count() == 0
    # Chromium logs the not-built page's 404 status; nothing else went wrong.
    assert [e for e in page.errors if "status of 404" not in e] == [], page.errors

"""`make devserver`: serves on 127.0.0.1, rebuilds on change, and keeps serving the last good
build when a change breaks the content; the pages it serves follow the builds (live preview:
they reload after a build that succeeded, and show the problems of one that failed), which
Playwright checks in Debian's Chromium (skipped without it, as in test_browser.py)."""

from __future__ import annotations

import json
import queue
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from support import ROOT, copy_project, edit
from explainer.ops.devserver import LIVE_TAGS, Builds, build_once, with_live_preview
from explainer.core.problems import Problem


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Devserver:
    def __init__(self, project: Path, port: int | None = None):
        self.port = port or free_port()
        self.lines: queue.Queue[str] = queue.Queue()
        self.process = subprocess.Popen(
            [sys.executable, "-u", "-m", "explainer", "build", "--input", "content",
             "--output", "output", "--settings", "pelicanconf.py", "--watch", "--serve", "--port", str(self.port)],
            cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, text: str, timeout: float = 60) -> list[str]:
        seen, end = [], time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                line = self.lines.get(timeout=end - time.monotonic())
            except queue.Empty:
                break
            seen.append(line)
            if text in line:
                return seen
        raise AssertionError(f"no {text!r} in devserver output: {seen}")

    def get(self, path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=10) as response:
            return response.read().decode("utf-8")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def devserver(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    server = Devserver(project)
    yield project, server
    server.stop()


def test_rebuilds_on_change_and_keeps_the_last_good_build(devserver):
    project, server = devserver
    server.wait_for("Watching")
    assert "This site explains the news" in server.get("index.html")

    index = project / "content" / "index.md"
    good = index.read_text(encoding="utf-8")
    index.write_text(good.replace("title: Nissan", "title: [Nissan"), encoding="utf-8")
    output = server.wait_for("still serving the last good build")
    assert any(line.startswith("content/index.md:2: invalid YAML") for line in output), output
    assert "This site explains the news" in server.get("index.html")

    index.write_text(good.replace("This site explains the news", "This site now explains the news"),
                     encoding="utf-8")
    server.wait_for("Rebuilt.")
    assert "This site now explains the news" in server.get("index.html")


# --- Live preview -------------------------------------------------------------------------------

WAIT = 60_000  # ms: generous, for a build on a busy machine; nothing is timed
PROBLEM = re.compile(r"^content/\S+:\d+: ")  # a problem line as the terminal prints it
FIGURES = "content/notes/figures.yaml"
STAKE = 'source: {paragraph: p4, quote: "reduce its stake in Nissan from 43% to 15%"}'
BAD_STAKE = STAKE.replace("p4", "p9")  # the quote is in p4: the build stops
MEASURES = "Renault's stake in Nissan, now and after"


def test_builds_are_numbered_and_told_as_events():
    builds = Builds()
    assert builds.last.generation == 0 and builds.after(0, timeout=0.01) is None
    builds.finished(["content/notes/figures.yaml:16: quote not found"])
    broken = builds.after(0, timeout=0.01)
    assert broken is not None and broken.generation == 1
    event = builds.event(broken).decode()
    assert event.startswith("event: build\ndata: ") and event.endswith("\n\n")
    assert json.loads(event.split("data: ", 1)[1]) == {
        "server": builds.server, "generation": 1, "ok": False,
        "problems": ["content/notes/figures.yaml:16: quote not found"]}
    builds.finished([])
    assert builds.after(1, timeout=0.01).problems == ()
    assert Builds().server != builds.server  # a restarted server is told from this one


def test_a_failed_build_is_recorded_as_the_terminal_prints_it(capsys):
    builds = Builds()
    problems = [Problem("content/notes/figures.yaml", 16, "quote not found in p9"), Problem("content/x.md", 0, "bad")]
    assert build_once(lambda reporter: reporter(problems, "the build stopped.") or 1, builds) == 1
    printed = capsys.readouterr().err.splitlines()
    assert list(builds.last.problems) == printed[:2] == ["content/notes/figures.yaml:16: quote not found in p9",
                                                         "content/x.md: bad"]

    def crash(reporter):
        raise ValueError("a bug in the build")

    assert build_once(crash, builds) == 1  # the server goes on
    assert builds.last.problems == ("ValueError: a bug in the build",) and builds.last.generation == 2
    assert build_once(lambda reporter: 0, builds) == 0
    assert builds.last.problems == () and builds.last.generation == 3


def test_tags_go_before_the_head_end_only():
    assert with_live_preview(b"<html><head><title>t</title>\n</head><body></body>") == (
        b"<html><head><title>t</title>\n" + LIVE_TAGS + b"</head><body></body>")
    assert with_live_preview(b"<p>no head</p>") == b"<p>no head</p>"


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
        assert text == (ROOT / "explainer" / "ops" / "preview" / name).read_text(encoding="utf-8")
    script = (ROOT / "explainer" / "ops" / "preview" / "preview.js").read_text(encoding="utf-8")
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|\.style\b|setAttribute\(\"style", script)
    status, _, missing = fetch(server, "no-such-page.html")  # the site's 404 page, with the preview
    assert status == 404 and LIVE_TAGS.decode() in missing


def open_live(browser, server: Devserver, path: str, **options):
    """A page of the dev server, with every console error (CSP refusals are console errors)
    and uncaught exception it has, across reloads, in `page.errors`."""
    page = browser.new_context(**options).new_page()
    page.set_default_timeout(WAIT)
    page.errors = []
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.goto(f"http://127.0.0.1:{server.port}/{path}")
    page.wait_for_load_state("load")
    return page


def mark(page) -> None:
    """A mark a reload removes (set from outside the page: the page's CSP does not apply)."""
    page.evaluate("window.__notReloaded = true")


def reloaded(page) -> bool:
    from playwright.sync_api import Error

    try:
        return page.evaluate("window.__notReloaded") is None
    except Error:  # asked while it was reloading
        return False


def problems_printed(output: list[str]) -> list[str]:
    return [line for line in output if PROBLEM.match(line)]


def test_open_page_shows_the_problems_then_reloads_when_fixed_and_after_each_edit(devserver, browser):
    project, server = devserver
    server.wait_for("Watching")
    page = open_live(browser, server, "figures.html")
    overlay = page.locator(".explainer-live")
    assert overlay.count() == 0
    figures = project / FIGURES
    good = figures.read_text(encoding="utf-8")

    mark(page)
    edit(figures, STAKE, BAD_STAKE)
    printed = problems_printed(server.wait_for("still serving the last good build"))
    assert printed and printed[0].startswith(f"{FIGURES}:"), printed
    overlay.wait_for(state="visible")
    assert overlay.get_attribute("role") == "alert"
    assert overlay.get_by_role("heading").inner_text() == "The site did not build"
    assert overlay.locator("li").all_inner_texts() == printed  # as the terminal printed them
    assert "come" in overlay.locator("p").inner_text() and "fixed" in overlay.locator("p").inner_text()
    assert not reloaded(page)  # still the last good build under it
    assert page.evaluate("document.activeElement === document.body")  # no focus taken
    overlay.focus()
    page.keyboard.press("Tab")  # and none kept
    assert not page.evaluate("document.querySelector('.explainer-live').contains(document.activeElement)")

    figures.write_text(good.replace(MEASURES, MEASURES.replace("stake", "stake (fixed)"), 1), encoding="utf-8")
    server.wait_for("Rebuilt.")
    page.get_by_text("stake (fixed) in Nissan").first.wait_for(state="visible")
    assert reloaded(page)
    assert overlay.count() == 0

    mark(page)
    edit(figures, "stake (fixed)", "stake (edited)")
    server.wait_for("Rebuilt.")
    page.get_by_text("stake (edited) in Nissan").first.wait_for(state="visible")
    assert reloaded(page) and overlay.count() == 0
    assert page.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_page_opened_while_broken_shows_the_problems_at_once_readable(devserver, browser, scheme):
    from axe_playwright_python.sync_playwright import Axe

    project, server = devserver
    server.wait_for("Watching")
    edit(project / FIGURES, STAKE, BAD_STAKE)
    printed = problems_printed(server.wait_for("still serving the last good build"))
    page = open_live(browser, server, "figures.html", color_scheme=scheme)
    overlay = page.locator(".explainer-live")
    overlay.wait_for(state="visible")
    assert overlay.locator("li").all_inner_texts() == printed
    assert page.locator("h1").inner_text() == "Key figures"  # the last good build
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa",
                                                                             "wcag22aa"]},
                                       "resultTypes": ["violations"]})
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in results.response["violations"]] == []
    page.keyboard.press("Escape")  # out of the way until the next build
    assert overlay.count() == 0
    assert page.errors == []


def test_page_reconnects_when_the_server_restarts(tmp_path, browser):
    project = copy_project(tmp_path / "project")
    first = Devserver(project)
    try:
        first.wait_for("Watching")
        page = open_live(browser, first, "figures.html")
        mark(page)
    finally:
        first.stop()
    second = Devserver(project, port=first.port)
    try:
        second.wait_for("Watching")
        page.locator("main h1").wait_for(state="visible")  # reloaded from the new server's first build
        end = time.monotonic() + WAIT / 1000
        while not reloaded(page) and time.monotonic() < end:
            page.wait_for_timeout(200)
        assert reloaded(page)
        mark(page)
        edit(project / FIGURES, MEASURES, MEASURES.replace("stake", "stake (again)"))
        second.wait_for("Rebuilt.")
        page.get_by_text("stake (again) in Nissan").first.wait_for(state="visible")
        assert reloaded(page)
    finally:
        second.stop()

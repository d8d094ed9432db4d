"""The tests' fixtures and hooks (their helpers are in support.py).

The tests are in folders by what they need (README, "Tests"): unit/ and builds/ run in this
process, browser/ drives Chromium, server/ starts nginx or the dev server, site/ is the site
suite (run on any site: `--site PATH`). Markers let a fast subset run alone (`make
test-fast`): `browser` (set here on every test that uses the `browser` fixture), `server`
and `slow`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from support import ROOT, build_here, copy_project, http_server, published_behind_nginx, site_fixtures, snapshot


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--site", default=os.environ.get("EXPLAINER_SITE", str(ROOT)),
                     help="the site the site suite (tests/site/) checks: a folder with content/, theme/ and "
                          "pelicanconf.py (default: this repository's demo; or EXPLAINER_SITE)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


# --- The fixture site, built once per session (read, never changed) ---------------------------

@pytest.fixture(scope="session")
def site_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project the site fixtures are built from: here a copy of the full-site fixture
    (tests/site/ points it at the site under test)."""
    return copy_project(tmp_path_factory.mktemp("full-site") / "project")


@pytest.fixture(scope="session")
def good_project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """A copy of the full-site fixture with a good build, and the bytes of that build: tests
    that break something copy it (never change it) and check the output stays those bytes."""
    project = copy_project(tmp_path_factory.mktemp("good") / "project")
    result = build_here(project, project / "output")
    assert result.returncode == 0, result.stderr
    return project, snapshot(project / "output")


# site, published, html_pages, article_sources, content: built from this folder's
# site_project (tests/site/conftest.py defines its own, so the two never share a cached build).
globals().update(site_fixtures())


@pytest.fixture(scope="session")
def site(good_project: tuple[Path, dict[str, bytes]]) -> Path:
    """`make html` of the fixture site: good_project's output (the same fixture, built once)."""
    project, _ = good_project
    return project / "output"


# --- Browser and servers -------------------------------------------------------------------

@pytest.fixture(scope="session")
def browser():
    """One Chromium for the session (Debian's; never `playwright install`)."""
    from explainer.ops.browser import CHROMIUM, MISSING, chromium

    if not CHROMIUM.exists():
        if os.environ.get("EXPLAINER_REQUIRE_BROWSER") == "1":
            pytest.fail(MISSING)
        pytest.skip(MISSING)
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="module")
def base_url(request, site: Path) -> Iterator[str]:
    """The built site served: by http.server over `make html`'s output, or (param "nginx") by
    nginx as production serves `make publish`'s output."""
    if getattr(request, "param", "http.server") == "nginx":
        yield request.getfixturevalue("nginx_url")
        return
    with http_server(site) as url:
        yield url


@pytest.fixture(scope="module")
def nginx_url(site_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with published_behind_nginx(tmp_path_factory.mktemp("published"), site_project) as (_, url):
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



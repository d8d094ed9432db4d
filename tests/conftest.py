"""The tests' fixtures and hooks (their helpers are in support.py).

The tests are in folders by what they need (README, "Tests"): unit/ and builds/ run in this
process, browser/ drives Chromium, server/ starts nginx or the dev server, demo/ holds what is
true of the demo only; the site suite is in the package (explainer/ops/site_suite/). Markers let a fast subset run alone (`make
test-fast`): `browser` (set here on every test that uses the `browser` fixture), `server`
and `slow`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support import browser_fixtures, build_here, copy_project, mark_browser_tests, site_fixtures, snapshot


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    mark_browser_tests(items)


# --- The fixture site, built once per session (read, never changed) ---------------------------

@pytest.fixture(scope="session")
def site_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project the site fixtures are built from: here a copy of the full-site fixture
    (the site suite points it at the site under test)."""
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
# site_project (the site suite's conftest defines its own, so the two never share a cached build).
globals().update(site_fixtures())


@pytest.fixture(scope="session")
def site(good_project: tuple[Path, dict[str, bytes]]) -> Path:
    """`make html` of the fixture site: good_project's output (the same fixture, built once)."""
    project, _ = good_project
    return project / "output"


# --- Browser and servers -------------------------------------------------------------------

# browser, base_url, nginx_url, open_page: the site suite's (explainer/ops/site_suite/support.py).
globals().update(browser_fixtures())



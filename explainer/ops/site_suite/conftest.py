"""The site suite: the checks any explainer site must pass (links, anchors, completeness and
fidelity to the received text, coverage of its names and numbers, accessibility structure,
valid HTML, structured data, axe in Chromium), run on the site given with `--site PATH`
(or EXPLAINER_SITE; by default the folder pytest runs in). A site's `make test` runs it
(`python -m explainer test-site`); the generator's repository runs it on its demo."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from explainer.ops.site_suite.support import browser_fixtures, mark_browser_tests, site_fixtures


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--site", default=os.environ.get("EXPLAINER_SITE", "."),
                     help="the site the site suite checks: a folder with content/, pelicanconf.py and "
                          "publishconf.py (default: the current folder; or EXPLAINER_SITE)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    mark_browser_tests(items)


@pytest.fixture(scope="session")
def site_project(request: pytest.FixtureRequest) -> Path:
    """The site under test (its content/, theme/ and settings): built, never changed."""
    project = Path(request.config.getoption("--site")).resolve()
    missing = [name for name in ("content", "pelicanconf.py", "publishconf.py") if not (project / name).exists()]
    if missing:
        pytest.fail(f"--site {project}: not a site (no {', '.join(missing)})")
    return project


# site, published, html_pages, article_sources, content, and the browser's fixtures: of the site under test.
globals().update(site_fixtures())
globals().update(browser_fixtures())

"""The site suite: the checks any explainer site must pass (links, anchors, completeness and
fidelity to the received text, coverage of its names and numbers, accessibility structure,
valid HTML, structured data, axe in Chromium), run on the site given with `--site PATH`
(or EXPLAINER_SITE): by default this repository's demo. `make test-site SITE=path` runs it
alone on another site."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import site_fixtures


@pytest.fixture(scope="session")
def site_project(request: pytest.FixtureRequest) -> Path:
    """The site under test (its content/, theme/ and settings): built, never changed."""
    project = Path(request.config.getoption("--site")).resolve()
    missing = [name for name in ("content", "pelicanconf.py", "publishconf.py") if not (project / name).exists()]
    if missing:
        pytest.fail(f"--site {project}: not a site (no {', '.join(missing)})")
    return project


# site, published, html_pages, article_sources, content: of the site under test.
globals().update(site_fixtures())

"""The demo site (this repository's content/: the Nissan explainer), as the site suite builds
it: for what holds of the demo only (its received text, the link density it was tuned to). The
site suite itself (explainer/ops/site_suite/) runs on the demo too, through `make test`."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import ROOT, site_fixtures


@pytest.fixture(scope="session")
def site_project() -> Path:
    return ROOT


# site, published, html_pages, article_sources, content: of the demo.
globals().update(site_fixtures())

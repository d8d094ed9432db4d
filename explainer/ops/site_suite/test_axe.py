"""The site in Chromium, as any explainer site must pass it: every page type loads cleanly
(no console error, nothing requested from another host, one h1) and axe-core finds no WCAG
2.2 A/AA violation, in light and dark. Over Python's http.server (`make html`) and over
nginx as production serves `make publish` (deploy/nginx.conf: absolute URLs, hashed
assets, precompressed files, security headers such as the Content-Security-Policy).

Skipped without Chromium (or nginx) unless EXPLAINER_REQUIRE_BROWSER=1 (EXPLAINER_REQUIRE_NGINX=1)."""

from __future__ import annotations

import pytest

from explainer.ops.site_suite.support import PAGE_TYPES, SERVERS, axe_violations, page_of


@pytest.mark.parametrize("base_url", SERVERS, indirect=True)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_loads_cleanly(open_page, html_pages, kind):
    page = open_page(page_of(html_pages, kind))
    assert page.errors == []
    assert page.outside == []
    assert page.locator("h1").count() == 1


# Both schemes over http.server; over nginx (the same pages, published) the light one.
@pytest.mark.parametrize(("base_url", "scheme"), [("http.server", "light"), ("http.server", "dark"), ("nginx", "light")],
                         indirect=["base_url"])
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_axe_finds_no_wcag_violations(open_page, html_pages, kind, scheme):
    page = open_page(page_of(html_pages, kind), color_scheme=scheme)
    assert axe_violations(page) == []

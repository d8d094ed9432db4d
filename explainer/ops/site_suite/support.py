"""What the site suite shares: a site built as `make html` and `make publish` build it (in a
new process, as an author's make would), its pages parsed, the links in them, the servers and
the browser the browser checks use, and the fixtures a conftest defines from them. The
generator's own tests (tests/ in its repository) use these helpers too."""

from __future__ import annotations

import contextlib
import functools
import os
import re
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from ...content import site as content_site

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def fold(text: str) -> str:
    """The tests' own folding (not the build's): typographic quotes straightened, whitespace collapsed."""
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip()


def loaded_content(content: Path) -> content_site.Content:
    """The pages and notes of `content`, loaded and checked as a build loads them: what a page
    should say, read with the project's own loaders rather than from a build's output."""
    return content_site.read_sound(content)


def build(project: Path, output: Path, settings: str = "pelicanconf.py", pelican_opts: tuple[str, ...] = (),
          env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`make html` (or, with publishconf.py, `make publish`) for `project`, into `output`;
    `pelican_opts` as PELICANOPTS passes them, `env` added to the environment."""
    return subprocess.run(
        [sys.executable, "-m", "explainer", "build",
         "--input", str(project / "content"), "--output", str(output),
         "--settings", str(project / settings), *(["--", *pelican_opts] if pelican_opts else [])],
        cwd=project, capture_output=True, text=True, env={**os.environ, **(env or {})},
    )


PUBLISHED_SITEURL = "http://127.0.0.1:8765"  # make publish for the published fixtures


def parse_pages(output: Path) -> dict[str, BeautifulSoup]:
    return {path.relative_to(output).as_posix(): BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            for path in sorted(output.rglob("*.html"))}


def require_nginx() -> None:
    """nginx and its Brotli module, or a skip (a failure where EXPLAINER_REQUIRE_NGINX=1: CI)."""
    from .. import nginx

    try:
        nginx.find_nginx()
    except nginx.NginxMissing as missing:
        if os.environ.get("EXPLAINER_REQUIRE_NGINX") == "1":
            pytest.fail(str(missing))
        pytest.skip(str(missing))


@contextlib.contextmanager
def published_behind_nginx(folder: Path, project: Path, prepare: Callable[[Path], None] = lambda output: None):
    """`make publish` of `project` with SITEURL at a free port, into `folder`/output, then nginx
    serving it there (explainer/ops/nginx.py): (output, url). `prepare` may add to the output first."""
    from .. import nginx
    from ..browser import free_port

    require_nginx()
    port = free_port()
    output = folder / "output"
    result = build(project, output, settings="publishconf.py", pelican_opts=("-e", f'SITEURL="http://127.0.0.1:{port}"'))
    assert result.returncode == 0, result.stdout + result.stderr
    prepare(output)
    with nginx.serving(output, port) as url:
        yield output, url


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass


@contextlib.contextmanager
def http_server(folder: Path) -> Iterator[str]:
    """`folder` served by Python's http.server on a free port: its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# base_url's servers, for a test parametrised with `@pytest.mark.parametrize("base_url", SERVERS,
# indirect=True)`; any other test gets http.server.
SERVERS = ["http.server", "nginx"]


def page_types(html_pages: dict[str, BeautifulSoup], content: content_site.Content | None = None) -> dict[str, str]:
    """One page of each type the site has (the search page with a query for a name the site
    has); a story without notes of a kind has no page for it (no editor's notes, say)."""
    article = next(p for p, soup in html_pages.items() if soup.select_one("body.article"))
    entity = next(p for p, soup in sorted(html_pages.items()) if soup.select_one("body.entity"))
    name = html_pages[entity].select_one("h1").get_text(strip=True).split()[0]
    every = {"home": "index.html", "article": article, "entity": entity, "entities": "entities.html",
             "glossary": "glossary.html", "timeline": "timeline.html", "figures": "figures.html",
             "editors-notes": "editors-notes.html", "search": f"search.html?q={name}", "not-found": "404.html"}
    return {kind: path for kind, path in every.items() if path.split("?")[0] in html_pages}


def page_of(html_pages: dict[str, BeautifulSoup], kind: str) -> str:
    """The page of `kind` (PAGE_TYPES), or a skip where the site has none of that type."""
    path = page_types(html_pages).get(kind)
    if path is None:
        pytest.skip(f"this site has no {kind} page (no notes of that kind)")
    return path


PAGE_TYPES = ["home", "article", "entity", "entities", "glossary", "timeline", "figures", "editors-notes",
              "search", "not-found"]


# --- A built site, as fixtures -----------------------------------------------------------------

def site_fixtures() -> dict[str, Callable]:
    """The fixtures of a built site, each session-scoped, for a conftest to define from its
    folder's `site_project` fixture: `globals().update(site_fixtures())`. Each conftest gets
    fixtures of its own, so the site suite's site and the fixture site the others build are
    never mixed up in one session's cache."""

    @pytest.fixture(scope="session")
    def site(site_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
        """`make html` of the site project."""
        output = tmp_path_factory.mktemp("site") / "output"
        result = build(site_project, output)
        assert result.returncode == 0, result.stdout + result.stderr
        return output

    @pytest.fixture(scope="session")
    def published(site_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
        """`make publish SITEURL=...` of the site project."""
        output = tmp_path_factory.mktemp("published") / "output"
        result = build(site_project, output, settings="publishconf.py",
                       pelican_opts=("-e", f'SITEURL="{PUBLISHED_SITEURL}"'))
        assert result.returncode == 0, result.stdout + result.stderr
        return output

    @pytest.fixture(scope="session")
    def html_pages(site: Path) -> dict[str, BeautifulSoup]:
        """Every built HTML page, parsed, by its path inside the output."""
        return parse_pages(site)

    @pytest.fixture(scope="session")
    def article_sources(site_project: Path) -> dict[str, Path]:
        """Each article's folder name -> its text as received."""
        return {p.parent.name: p for p in sorted((site_project / "content" / "articles").glob("*/source.txt"))}

    @pytest.fixture(scope="session")
    def content(site_project: Path) -> content_site.Content:
        """The site project's pages and notes, as the build loads them."""
        return loaded_content(site_project / "content")

    return {"site": site, "published": published, "html_pages": html_pages, "article_sources": article_sources,
            "content": content}


_BROWSER = pytest.StashKey[object]()


def browser_fixtures() -> dict[str, Callable]:
    """The browser fixtures, for a conftest that has `site` and `site_project`: one Chromium for
    the session (Debian's; never `playwright install`), `base_url` (the site served by
    http.server, or with the param "nginx" its `make publish` behind nginx) and `open_page`."""

    @pytest.fixture(scope="session")
    def browser(request: pytest.FixtureRequest):
        from ..browser import CHROMIUM, MISSING, chromium

        if not CHROMIUM.exists():
            if os.environ.get("EXPLAINER_REQUIRE_BROWSER") == "1":
                pytest.fail(MISSING)
            pytest.skip(MISSING)
        # One Chromium for the whole run, whichever conftest asked first: Playwright's sync API
        # cannot start a second one in the same thread (the generator's tests and the site suite
        # run in one session in its repository).
        shared = request.config.stash.get(_BROWSER, None)
        if shared is not None:
            yield shared
            return
        with chromium() as browser:
            request.config.stash[_BROWSER] = browser
            try:
                yield browser
            finally:
                del request.config.stash[_BROWSER]

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

    return {"browser": browser, "base_url": base_url, "nginx_url": nginx_url, "open_page": open_page}


def mark_browser_tests(items: list[pytest.Item]) -> None:
    """The `browser` marker on every test that uses the browser (make test-fast leaves them out)."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


# --- Links in built pages -------------------------------------------------------------------

# (selector, attribute, is it loaded by the browser rather than followed by the reader?)
REFERENCES = [
    ("a[href]", "href", False),
    ("link[href]", "href", True),
    ("img[src]", "src", True),
    ("script[src]", "src", True),
    ("source[src]", "src", True),
    ("img[srcset]", "srcset", True),
    ("source[srcset]", "srcset", True),
    ("form[action]", "action", False),
    ('meta[property="og:image"]', "content", False),
    ('meta[name="twitter:image"]', "content", False),
]
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
BASE = "http://site.invalid/"  # a stand-in origin to resolve relative URLs against


def references(soup: BeautifulSoup):
    for selector, attribute, loaded in REFERENCES:
        for element in soup.select(selector):
            value = element[attribute]
            urls = [part.split()[0] for part in value.split(",") if part.strip()] if attribute == "srcset" else [value]
            for url in urls:
                # <link rel="canonical"/"alternate"> name a page; they load nothing.
                rel = set(element.get("rel", [])) if element.name == "link" else set()
                yield url, loaded and not rel & {"canonical", "alternate"}


def resolve(page: str, url: str) -> tuple[str | None, str]:
    """(path inside the site or None if external, fragment: the element id, without a text
    directive `:~:text=...`, which is the id a browser falls back to)."""
    absolute = urlsplit(urljoin(BASE + page, url))
    if f"{absolute.scheme}://{absolute.netloc}/" != BASE:
        return None, ""
    path = unquote(absolute.path[1:]) or "index.html"
    if path.endswith("/"):
        path += "index.html"
    return path, unquote(absolute.fragment.split(":~:")[0])


_PUNCTUATION = ".,;:!?\"')”’"


def gives_quote(url: str, quote: str) -> bool:
    """Whether a link's text fragment (`#p4:~:text=...`) gives `quote`: its start term (a
    short quote's only one) begins it and its end term ends it, up to quotation marks and the
    punctuation at either end a highlight may leave out. The tests' own reading of the
    directive's syntax (WICG: `text=[prefix-,]start[,end][,-suffix]`), not the build's."""
    _, _, directive = url.partition(":~:text=")
    if not directive:
        return False
    parts = directive.split(",")
    if parts[0].endswith("-"):
        parts.pop(0)
    if len(parts) > 1 and parts[-1].startswith("-"):
        parts.pop()
    start, end = fold(unquote(parts[0])), fold(unquote(parts[-1]))
    whole = fold(quote).strip(_PUNCTUATION)
    return bool(start) and whole.startswith(start.strip(_PUNCTUATION)) and whole.endswith(end.strip(_PUNCTUATION))


# --- In the browser ----------------------------------------------------------------------------

def axe_violations(page) -> list[str]:
    """axe-core's WCAG 2.2 A/AA violations on the page as it is now, one line each (rule,
    impact, the first elements)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in results.response["violations"]]


WORD = re.compile(r"\w+(?:[’'-]\w+)*")  # a word of the received text, as a reader counts them
# The links a reader sees in an article's paragraphs: anchors rendered and not transparent
# (pilcrows are, until hovered), other than the editor's markers ("ed.", counted apart).
VISIBLE_LINKS = """() => {
  const seen = a => a.checkVisibility({opacityProperty: true, visibilityProperty: true});
  const anchors = [...document.querySelectorAll("main article p[id] a[href]")].filter(seen);
  const links = anchors.filter(a => !a.closest(".flag-ref"));
  return {links: links.length, notes: links.map(a => a.dataset.card).filter(Boolean),
          markers: anchors.filter(a => a.closest(".flag-ref")).length,
          headings: [...document.querySelectorAll("main article h2")].map(h => h.textContent)};
}"""

"""What the tests share besides fixtures (conftest.py): the project's paths, the fixture
site the generator's tests build (tests/fixtures/full-site: never the demo's content/,
which only tests/site/ reads), builds run as `make html` runs them, and the servers the
browser tests use. Imported as `from support import ...`."""

from __future__ import annotations

import contextlib
import functools
import io
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from explainer.build.settings import THEME
from explainer.content import site as content_site

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
FULL_SITE = FIXTURES / "full-site"  # a complete small explainer: every note kind, page type and feature
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def fold(text: str) -> str:
    """The tests' own folding (not the build's): typographic quotes straightened, whitespace collapsed."""
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip()


def loaded_content(content: Path) -> content_site.Content:
    """The pages and notes of `content`, loaded and checked as a build loads them: what a page
    should say, read with the project's own loaders rather than from a build's output."""
    return content_site.read_sound(content)


# The Makefile's PELICAN: the pelican script of the environment the tests run in.
PELICAN = str(Path(sys.executable).parent / "pelican")


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


@dataclass
class Result:
    """What a command run in this process did, as a subprocess's would read."""

    returncode: int
    stdout: str
    stderr: str


def run_here(project: Path, *argv: str) -> Result:
    """`python -m explainer ARGV` in this process, from the project's folder (so problems name
    files as an author sees them). Pelican's own log goes to pytest's log capture (caplog)."""
    from explainer.__main__ import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(project), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return Result(code, out.getvalue(), err.getvalue())


def build_here(project: Path, output: Path, settings: str = "pelicanconf.py", pelican_opts: tuple[str, ...] = (),
               ) -> Result:
    """`make html` for `project` in this process: the same command line."""
    return run_here(project, "build", "--input", "content", "--output", str(output), "--settings", settings,
                    *(["--", *pelican_opts] if pelican_opts else []))


def check_here(project: Path) -> Result:
    """`make check` for `project` in this process."""
    return run_here(project, "check", "--input", "content")


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in the file, which must hold it (else the fixture drifted)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture drift: {old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """The 1-based line of the file where `needle` first occurs."""
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def copy_project(dest: Path, content_from: Path = FULL_SITE) -> Path:
    """A scratch project: a fixture's content (the full site, or another under tests/fixtures),
    with the generator's theme and settings; a fixture's own settings.py is added to them."""
    shutil.copytree(content_from / "content", dest / "content")
    shutil.copytree(THEME, dest / "theme")  # its own copy, which a test may break
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy2(ROOT / name, dest / name)
    extra = content_from / "settings.py"
    with (dest / "pelicanconf.py").open("a", encoding="utf-8") as settings:
        settings.write('\nTHEME = "theme"\n')
        if extra.is_file():
            settings.write("\n" + extra.read_text(encoding="utf-8"))
    return dest


def copy_built(project: Path, dest: Path) -> Path:
    """A scratch copy of a built project, for a test that breaks something in it: the files
    of its output hard-linked (a build never writes into output/: it writes the new site
    beside it and swaps it in), everything else copied."""
    def copy(source: str, target: str) -> None:
        if Path(source).relative_to(project).parts[0] == "output":
            os.link(source, target)
        else:
            shutil.copy2(source, target)

    shutil.copytree(project, dest, copy_function=copy)
    return dest


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


PUBLISHED_SITEURL = "http://127.0.0.1:8765"  # make publish for the published fixtures


def parse_pages(output: Path) -> dict[str, BeautifulSoup]:
    return {path.relative_to(output).as_posix(): BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            for path in sorted(output.rglob("*.html"))}


def require_nginx() -> None:
    """nginx and its Brotli module, or a skip (a failure where EXPLAINER_REQUIRE_NGINX=1: CI)."""
    from explainer.ops import nginx

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
    from explainer.ops import nginx
    from explainer.ops.browser import free_port

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
    """One page of each type the site has (the search page with a query for a name the site has)."""
    article = next(p for p, soup in html_pages.items() if soup.select_one("body.article"))
    entity = next(p for p, soup in sorted(html_pages.items()) if soup.select_one("body.entity"))
    name = html_pages[entity].select_one("h1").get_text(strip=True).split()[0]
    return {"home": "index.html", "article": article, "entity": entity, "entities": "entities.html",
            "glossary": "glossary.html", "timeline": "timeline.html", "figures": "figures.html",
            "editors-notes": "editors-notes.html", "search": f"search.html?q={name}", "not-found": "404.html"}


PAGE_TYPES = ["home", "article", "entity", "entities", "glossary", "timeline", "figures", "editors-notes",
              "search", "not-found"]


# --- A built site, as fixtures -----------------------------------------------------------------

def site_fixtures() -> dict[str, Callable]:
    """The fixtures of a built site, each session-scoped, for a conftest to define from its
    folder's `site_project` fixture: `globals().update(site_fixtures())`. Each conftest gets
    fixtures of its own, so tests/site/'s site and the fixture site the others build are
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
    """(path inside the site or None if external, fragment)."""
    absolute = urlsplit(urljoin(BASE + page, url))
    if f"{absolute.scheme}://{absolute.netloc}/" != BASE:
        return None, ""
    path = unquote(absolute.path[1:]) or "index.html"
    if path.endswith("/"):
        path += "index.html"
    return path, unquote(absolute.fragment)


# --- In the browser ----------------------------------------------------------------------------

def axe_violations(page) -> list[str]:
    """axe-core's WCAG 2.2 A/AA violations on the page as it is now, one line each (rule,
    impact, the first elements)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in results.response["violations"]]


def earliest_fact_in(site, entity, article: str):
    """The card's rule, said again here (an oracle, not the build's code): an entity's fact
    from the article's earliest paragraph that has one, or None."""
    own = [f for f in entity.facts if site.resolve(f.source.paragraph)[0].id == article]
    return min(own, key=lambda f: int(site.resolve(f.source.paragraph)[1].id[1:]), default=None)


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

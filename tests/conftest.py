"""Shared fixtures: the real site, built once per session by the same command `make html`
runs, and builds run in this process, as the dev server runs its builds."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from explainer.content.document import Document, content_documents, load_document
from explainer.content.notes import Site, load_site

ROOT = Path(__file__).resolve().parents[1]
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def fold(text: str) -> str:
    """The tests' own folding (not the build's): typographic quotes straightened, whitespace collapsed."""
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip()


def loaded_content(content: Path = ROOT / "content") -> tuple[Site, list[Document]]:
    """The notes and the articles' documents, as the build loads them: what a page should
    say, read with the project's own loaders rather than from a build's output."""
    docs = [load_document(path, content) for path in content_documents(content)]
    articles = [doc for doc in docs if doc.article is not None]
    site, problems = load_site(content, {doc.article.id: doc.article for doc in articles if doc.article})
    assert not problems
    return site, articles

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
    """What a build run in this process did, as a subprocess's would read."""

    returncode: int
    stdout: str
    stderr: str


def build_here(project: Path, output: Path, settings: str = "pelicanconf.py", pelican_opts: tuple[str, ...] = (),
               ) -> Result:
    """`make html` for `project` in this process: the same command line, from the project's
    folder (so problems name files as an author sees them). Pelican's own log goes to
    pytest's log capture (caplog), not to `stderr`."""
    from explainer.__main__ import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(project), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["build", "--input", "content", "--output", str(output), "--settings", settings,
                     *(["--", *pelican_opts] if pelican_opts else [])])
    return Result(code, out.getvalue(), err.getvalue())


def check_here(project: Path) -> Result:
    """`make check` for `project` in this process."""
    from explainer.__main__ import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(project), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", "--input", "content"])
    return Result(code, out.getvalue(), err.getvalue())


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in the file, which must hold it (else the fixture drifted)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture drift: {old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """The 1-based line of the file where `needle` first occurs."""
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


FIXTURES = Path(__file__).parent / "fixtures"

# The browser tests drive Debian's Chromium (never `playwright install`).
CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium) to run browser tests"
        if os.environ.get("EXPLAINER_REQUIRE_BROWSER") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield browser
        browser.close()


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
def published_behind_nginx(folder: Path, prepare: Callable[[Path], None] = lambda output: None):
    """`make publish` with SITEURL at a free port, into `folder`/output, then nginx serving it
    there (explainer/nginx.py): (output, url). `prepare` may add to the output first."""
    from explainer.ops import nginx

    require_nginx()
    port = nginx.free_port()
    output = folder / "output"
    result = build(ROOT, output, settings="publishconf.py", pelican_opts=("-e", f'SITEURL="http://127.0.0.1:{port}"'))
    assert result.returncode == 0, result.stdout + result.stderr
    prepare(output)
    with nginx.serving(output, port) as url:
        yield output, url


def copy_project(dest: Path, content_from: Path = ROOT) -> Path:
    """A scratch copy of what a build reads: content (the real site's, or a fixture's, such
    as FIXTURES / "two-articles"), theme and settings."""
    shutil.copytree(content_from / "content", dest / "content")
    shutil.copytree(ROOT / "theme", dest / "theme")
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy2(ROOT / name, dest / name)
    return dest


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def good_project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """A project copy with a good build, and the bytes of that build: tests that break
    something copy it (never change it) and check the output stays those bytes."""
    project = copy_project(tmp_path_factory.mktemp("good") / "project")
    result = build_here(project, project / "output")
    assert result.returncode == 0, result.stderr
    return project, snapshot(project / "output")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("site") / "output"
    result = build(ROOT, output)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


PUBLISHED_SITEURL = "http://127.0.0.1:8765"


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`make publish SITEURL=...` of the real site, once per session (read, never changed)."""
    output = tmp_path_factory.mktemp("published") / "output"
    result = build(ROOT, output, settings="publishconf.py", pelican_opts=("-e", f'SITEURL="{PUBLISHED_SITEURL}"'))
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture(scope="session")
def html_pages(site: Path) -> dict[str, BeautifulSoup]:
    """Every built HTML page, parsed, by its path inside the output."""
    return {
        path.relative_to(site).as_posix(): BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for path in sorted(site.rglob("*.html"))
    }


@pytest.fixture(scope="session")
def article_sources() -> dict[str, Path]:
    """Each article's folder name -> its text as received."""
    return {p.parent.name: p for p in sorted((ROOT / "content" / "articles").glob("*/source.txt"))}

"""What the tests share besides fixtures (conftest.py): the project's paths, the fixture
site the generator's tests build (tests/fixtures/full-site: never the demo's content/, which
only the site suite, explainer/ops/site_suite/, and tests/demo/ read), builds run as `make
html` runs them, and the servers the browser tests use (the site suite's helpers, shared).
Imported as `from support import ...`."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from explainer.build.settings import THEME
from explainer.ops.site_suite.support import (  # noqa: F401  (the site suite's helpers, shared)
    BASE, CSS_URL, PAGE_TYPES, PUBLISHED_SITEURL, REFERENCES, SERVERS, VISIBLE_LINKS, WCAG_TAGS, WORD,
    axe_violations, browser_fixtures, build, fold, gives_quote, http_server, loaded_content, mark_browser_tests, page_types,
    parse_pages, published_behind_nginx, references, require_nginx, resolve, site_fixtures,
)

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
FULL_SITE = FIXTURES / "full-site"  # a complete small explainer: every note kind, page type and feature
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"


# The Makefile's PELICAN: the pelican script of the environment the tests run in.
PELICAN = str(Path(sys.executable).parent / "pelican")


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


def require_wordnet() -> None:
    """WordNet 3.0 (Debian's wordnet-base), or a skip (a failure where EXPLAINER_REQUIRE_WORDNET=1: CI)."""
    from explainer.authoring.draft.wordnet import reader

    if reader() is None:
        reason = "WordNet is not installed (apt-get install wordnet-base; .ci/run installs it)"
        if os.environ.get("EXPLAINER_REQUIRE_WORDNET") == "1":
            pytest.fail(reason)
        pytest.skip(reason)


def fixture_content(dest: Path, content_from: Path = FULL_SITE) -> Path:
    """A scratch copy of a fixture's content/ (the full site's by default), to edit."""
    shutil.copytree(content_from / "content", dest / "content")
    return dest / "content"


def coverage_gaps(content: Path) -> list:
    """The coverage rule's problems for `content` (content/coverage.py, as make todo lists them)."""
    from explainer.content import site as content_site
    from explainer.content.coverage import ignore_list, uncovered

    ignored, _ = ignore_list(content)
    return uncovered(content_site.read_sound(content).site, ignored)


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


def earliest_fact_in(site, entity, article: str):
    """The card's rule, said again here (an oracle, not the build's code): an entity's fact
    from the article's earliest paragraph that has one, or None."""
    own = [f for f in entity.facts if site.resolve(f.source.paragraph)[0].id == article]
    return min(own, key=lambda f: int(site.resolve(f.source.paragraph)[1].id[1:]), default=None)



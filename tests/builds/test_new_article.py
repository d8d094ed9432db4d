"""`make new-article SOURCE=... [ID=...]`: a received text becomes an article of the site at
once (verbatim, linked to the notes that exist), a second article never breaks the first,
and nothing is ever written over. On the fixture site (tests/fixtures/full-site), with a
follow-up story received about its companies (tests/fixtures/received/halvorsen-follow-up.txt)."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from ruamel.yaml import YAML

from support import FIXTURES, ROOT, Result, build_here, copy_project, fold

RECEIVED = FIXTURES / "received" / "halvorsen-follow-up.txt"
EVALS = sorted((ROOT / "evals" / "draft").glob("*/*.txt"))  # dev/ and test/


def new_article(project: Path, source: Path, *extra: str) -> Result:
    """`make new-article`'s command, in this process, from the project's folder."""
    from explainer.__main__ import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(project), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["new-article", str(source), "--input", "content", *extra])
    return Result(code, out.getvalue(), err.getvalue())


def blocks(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def assert_verbatim(output: Path, article_id: str, source: Path) -> BeautifulSoup:
    """Every block of the received text is a block of the page, word for word and in order."""
    soup = BeautifulSoup((output / f"{article_id}.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("main article")
    for annotation in article.select(".pilcrow, .flag-ref, .note-cards"):
        annotation.decompose()
    rendered = [fold(el.get_text()) for el in article.find_all(["h1", "h2", "h3", "p"])]
    position = 0
    for block in blocks(source):
        assert fold(block) in rendered[position:], f"missing or out of order: {block[:70]!r}"
        position = rendered.index(fold(block), position) + 1
    return soup


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.mark.slow  # a notes draft and a build of two articles
def test_the_new_article_builds_at_once_verbatim_and_linked_to_existing_notes(project: Path):
    result = new_article(project, RECEIVED)
    assert result.returncode == 0, result.stderr
    article_id = "brightwater-dairy-opens-a-bottling-line"  # the headline's first words (received.default_id)
    folder = project / "content" / "articles" / article_id
    assert (folder / "source.txt").read_bytes() == RECEIVED.read_bytes()
    assert (project / "content" / "notes-drafts" / f"{article_id}.yaml").is_file()
    meta = YAML(typ="safe").load((folder / "article.md").read_text(encoding="utf-8").split("---")[1])
    assert meta["title"] == blocks(RECEIVED)[0] and meta["author"] == "Nora Quinn"
    assert meta["source_url"] is None  # left for the author to fill

    built = build_here(project, project / "output")
    assert built.returncode == 0, built.stderr
    soup = assert_verbatim(project / "output", article_id, RECEIVED)
    assert soup.select_one(".disclaimer") and soup.select_one(".author-box")
    assert [fold(h.get_text()) for h in soup.select("main h2")][:1] == ["What comes next"]
    linked = {a["href"].rpartition("/")[2] for a in soup.select("main a[href*='entities']")}
    assert {"halvorsen.html", "brightwater.html"} <= {h.partition("#")[0] for h in linked}, linked
    footer = fold((project / "output" / "index.html").read_text(encoding="utf-8"))
    assert "built from two news articles" in footer and "one news article" not in footer


@pytest.mark.slow  # a notes draft and a build of two articles
def test_the_existing_notes_are_named_for_their_article_in_a_round_trip_edit(project: Path):
    notes = project / "content" / "notes"
    before = {p.name: p.read_text(encoding="utf-8") for p in notes.glob("*.yaml")}
    (existing,) = [p.name for p in (project / "content" / "articles").iterdir() if p.is_dir()]
    result = new_article(project, RECEIVED, "--id", "follow-up")
    assert result.returncode == 0, result.stderr
    changed = 0
    for name, old in before.items():
        new = (notes / name).read_text(encoding="utf-8")
        if not re.search(r"paragraph:\s*[\"']?p\d", old):
            assert new == old, name
            continue
        changed += 1
        added = f"article: {existing}"
        lines = new.splitlines()
        (n,) = [i for i, line in enumerate(lines) if line.startswith(added)]
        # Only that line was added: every comment, key order and quote is as it was.
        assert lines[:n] + lines[n + 1:] == old.splitlines(), name
        assert f"content/notes/{name}:{n + 1}: added" in result.stdout
    assert changed >= 3
    assert build_here(project, project / "output").returncode == 0


@pytest.mark.slow  # a notes draft (the first in a process loads its reference data: a second) and a build
def test_a_second_article_with_plain_citations_says_how_to_name_the_article(project: Path):
    result = new_article(project, RECEIVED, "--id", "follow-up")
    assert result.returncode == 0
    terms = project / "content" / "notes" / "terms.yaml"
    text = terms.read_text(encoding="utf-8")
    terms.write_text(re.sub(r"(?m)^article: .*\n", "", text), encoding="utf-8")
    built = build_here(project, project / "output")
    assert built.returncode == 1
    assert "content/notes/terms.yaml:" in built.stderr and "article: <article-id>" in built.stderr


@pytest.mark.parametrize("bad, message", [
    (b"", "the file is empty"),
    (b"  \n\n", "the file is empty"),
    (b"Title\n\nCaf\xe9 society.\n", "received.txt:3: not UTF-8 (byte 0xe9)"),
    (b"\x89PNG\r\n\x1a\n\0\0\0", "not a text file"),
    (b"\xef\xbb\xbfTitle\n\nText.\n", "byte-order mark"),
    (b"\n\nThe company said on Monday.\n", "received.txt:3: no paragraph after the headline"),  # the one line: the headline
    (b"Headline\n\nA sub-heading\n", "no paragraph after the headline"),
])
def test_a_text_that_cannot_be_an_article_is_refused_and_nothing_is_written(project: Path, bad: bytes,
                                                                             message: str):
    source = project / "received.txt"
    source.write_bytes(bad)
    before = sorted(p for p in (project / "content").rglob("*"))
    result = new_article(project, source)
    assert result.returncode == 1 and message in result.stderr, result.stderr
    assert "received.txt:" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p for p in (project / "content").rglob("*")) == before


def test_an_id_that_exists_is_refused_and_nothing_is_written_over(project: Path):
    (existing,) = [p.name for p in (project / "content" / "articles").iterdir()]
    before = {p: p.read_bytes() for p in (project / "content").rglob("*") if p.is_file()}
    result = new_article(project, RECEIVED, "--id", existing)
    assert result.returncode == 1 and "already exists" in result.stderr
    assert {p: p.read_bytes() for p in (project / "content").rglob("*") if p.is_file()} == before
    assert new_article(project, RECEIVED, "--id", "Not A Slug").returncode == 1
    assert new_article(project, RECEIVED, "--id", "search").returncode == 1


@pytest.mark.slow  # a notes draft and a build
def test_a_publish_without_the_source_url_is_refused_at_its_line(project: Path):
    assert new_article(project, RECEIVED, "--id", "follow-up").returncode == 0
    article = project / "content" / "articles" / "follow-up" / "article.md"
    line = next(n for n, l in enumerate(article.read_text(encoding="utf-8").splitlines(), 1)
                if l.startswith("source_url:"))
    built = build_here(project, project / "output", settings="publishconf.py")
    assert built.returncode == 1
    assert f"content/articles/follow-up/article.md:{line}: source_url is empty" in built.stderr


def test_the_evaluation_articles_are_found():
    assert len(EVALS) >= 12, EVALS  # what the next test makes pages of, never silently none


@pytest.mark.slow  # two builds each
@pytest.mark.parametrize("source", EVALS, ids=[p.stem for p in EVALS])
def test_each_evaluation_article_becomes_a_page_that_holds_its_text_verbatim(project: Path, source: Path):
    existing = {p.parent.name for p in (project / "content" / "articles").glob("*/source.txt")}
    result = new_article(project, source)
    assert result.returncode == 0, result.stderr
    (article_id,) = {p.parent.name for p in (project / "content" / "articles").glob("*/source.txt")} - existing
    built = build_here(project, project / "output")
    assert built.returncode == 0, built.stderr
    assert_verbatim(project / "output", article_id, source)
    # Its draft, moved into the notes as it is, builds too.
    (project / "content" / "notes-drafts" / f"{article_id}.yaml").rename(project / "content" / "notes" / "new.yaml")
    built = build_here(project, project / "output")
    assert built.returncode == 0, built.stderr


@pytest.mark.slow  # a notes draft and a build of two articles
def test_the_draft_moved_into_the_notes_builds(project: Path):
    """The draft is notes as the schema wants them: every quote verbatim, every id free."""
    assert new_article(project, RECEIVED, "--id", "follow-up").returncode == 0
    draft = project / "content" / "notes-drafts" / "follow-up.yaml"
    draft.rename(project / "content" / "notes" / "follow-up.yaml")
    built = build_here(project, project / "output")
    assert built.returncode == 0, built.stderr


@pytest.mark.slow  # a notes draft and a build of two articles
def test_a_byline_names_the_author_and_is_a_paragraph_of_the_text_not_a_heading(project: Path, tmp_path: Path):
    """"By Harriet Okonjo, environment correspondent" under the headline ends without
    punctuation, yet is no sub-heading: it is the author's name (the page's byline says
    it) and the text's first paragraph, which a note may cite; "By The Numbers" stays a heading."""
    headline, *rest = RECEIVED.read_text(encoding="utf-8").split("\n\n")
    received = tmp_path / "bylined.txt"
    received.write_text("\n\n".join([headline, "By Harriet Okonjo, environment correspondent", *rest[:2],
                                     "By The Numbers", *rest[2:]]), encoding="utf-8")
    result = new_article(project, received, "--id", "bylined")
    assert result.returncode == 0, result.stderr
    article = project / "content" / "articles" / "bylined" / "article.md"
    meta = YAML(typ="safe").load(article.read_text(encoding="utf-8").split("---")[1])
    assert meta["author"] == "Nora Quinn"  # an author box names the author first
    text = received.read_text(encoding="utf-8")
    received.write_text(text[: text.index("About Nora Quinn")].rstrip() + "\n", encoding="utf-8")
    result = new_article(project, received, "--id", "bylined-2")
    assert result.returncode == 0, result.stderr
    article = project / "content" / "articles" / "bylined-2" / "article.md"
    meta = YAML(typ="safe").load(article.read_text(encoding="utf-8").split("---")[1])
    assert meta["author"] == "Harriet Okonjo"
    built = build_here(project, project / "output")
    assert built.returncode == 0, built.stderr
    soup = assert_verbatim(project / "output", "bylined-2", received)
    assert fold(soup.select_one("#p1").get_text()).startswith("By Harriet Okonjo, environment correspondent")
    assert "By The Numbers" in [fold(h.get_text()) for h in soup.select("main h2")]
    assert fold(soup.select_one(".byline dd").get_text()) == "Harriet Okonjo"

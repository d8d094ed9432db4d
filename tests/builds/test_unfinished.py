"""Nothing unfinished reaches a reader (content/unfinished.py, the one rule): `make publish`
refuses every TODO placeholder, every notes draft not yet moved and every front-matter field
left to fill, all at once as `path:line: ...`, and leaves output/ exactly as it was; `make
html` builds the same site, each unfinished note marked "Draft" on its page and its card,
its placeholder never shown as a fact. On a scratch copy of the fixture site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from support import build_here, copy_project, edit, line_of, snapshot

DRAFT = """article: halvorsen-brightwater
terms:
  - id: oat-drink
    term: oat drink
    definition: 'TODO: what it means, for a general reader'
    in_article: 'TODO: how the article uses it'
    source: {paragraph: p4, quote: "a recall of its oat drinks"}
"""


def _unfinish(project: Path) -> dict[str, int]:
    """A TODO in an entity's summary and in a term's use, a draft not yet moved, an empty
    publisher: where each is, as make publish must name it."""
    content = project / "content"
    entities, terms = content / "notes/entities.yaml", content / "notes/terms.yaml"
    article = content / "articles/halvorsen-brightwater/article.md"
    text = entities.read_text(encoding="utf-8")
    summary = re.search(r"^(\s+summary: ).*$", text[text.index("id: brightwater"):], re.M)
    assert summary is not None
    edit(entities, summary.group(0), f"{summary.group(1)}'TODO: who or what this is (background)'")
    edit(terms, "in_article: Why analysts think", "in_article: TODO say more. Why analysts think")
    (content / "notes-drafts").mkdir()
    (content / "notes-drafts/halvorsen-brightwater.yaml").write_text(DRAFT, encoding="utf-8")
    publisher = next(line for line in article.read_text(encoding="utf-8").splitlines() if line.startswith("publisher:"))
    edit(article, publisher, "publisher:")
    return {"content/notes/entities.yaml": line_of(entities, "TODO: who"),
            "content/notes/terms.yaml": line_of(terms, "TODO say"),
            "content/notes-drafts/halvorsen-brightwater.yaml": 1,
            "content/articles/halvorsen-brightwater/article.md": line_of(article, "publisher:")}


@pytest.mark.slow  # two builds of the fixture site
def test_publish_refuses_what_html_builds_and_marks(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    where = _unfinish(project)
    output = project / "output"

    built = build_here(project, output)  # make html: the site as it is, each unfinished item marked
    assert built.returncode == 0, built.stderr
    assert "4 things unfinished, each marked Draft on its page" in built.stderr

    entity = BeautifulSoup((output / "entities/brightwater.html").read_text(encoding="utf-8"), "html.parser")
    flag = entity.select_one("header .draft-flag .draft-badge")
    assert flag is not None and flag.get_text() == "Draft"  # a word, not a colour only
    background = entity.select_one(".background")
    assert background.select_one(".draft-badge").get_text() == "Draft"
    assert "Not written yet: who or what this is (background)" in background.get_text()
    glossary = BeautifulSoup((output / "glossary.html").read_text(encoding="utf-8"), "html.parser")
    entry = glossary.select_one(".draft-badge").find_parent("p")
    assert "Not written yet: say more. Why analysts think" in " ".join(entry.get_text().split())
    # The entity's preview card, on the article's page: "Draft" beside its kind, no TODO.
    article = BeautifulSoup((output / "halvorsen-brightwater.html").read_text(encoding="utf-8"), "html.parser")
    card = article.select_one("#card-entity-brightwater")
    assert card["data-kind"].endswith("· Draft") and card["data-draft"] == "draft"
    assert "Draft, not written yet: who or what this is (background)" in card.get_text()
    for page in output.rglob("*.html"):  # no placeholder is shown as the notes' words, nor described as one
        assert "TODO" not in page.read_text(encoding="utf-8"), page
    # The draft not yet moved is not part of the site: its term has no entry.
    assert glossary.select_one("#oat-drink") is None

    before = snapshot(output)
    refused = build_here(project, output, settings="publishconf.py")  # make publish: the same site
    assert refused.returncode == 1
    for path, line in where.items():
        assert re.search(rf"^{re.escape(path)}:{line}: ", refused.stderr, re.M), (path, line, refused.stderr)
    assert re.search(r"^content/notes/entities\.yaml:\d+: TODO left: .*: write what it asks for", refused.stderr, re.M)
    assert "4 problems found" in refused.stderr  # the four things unfinished, and nothing else
    assert "make publish: all of them unfinished; make html still builds the site, each of them marked Draft" in refused.stderr
    assert snapshot(output) == before  # byte for byte
    assert not list(project.glob(".output-build-*"))


def test_a_refused_publish_of_a_first_build_writes_nothing(tmp_path: Path):
    """Refused in the check, before Pelican writes: no output folder appears."""
    project = copy_project(tmp_path / "project")
    where = _unfinish(project)
    refused = build_here(project, project / "output", settings="publishconf.py")
    assert refused.returncode == 1
    assert all(f"{path}:{line}: " in refused.stderr for path, line in where.items()), refused.stderr
    assert not (project / "output").exists()


def test_make_check_and_todo_agree_on_what_is_unfinished(tmp_path: Path):
    """make check (no settings: not a publish) passes the unfinished site; make todo lists
    each of what make publish refuses."""
    from support import check_here, run_here

    project = copy_project(tmp_path / "project")
    where = _unfinish(project)
    assert check_here(project).returncode == 0
    listed = run_here(project, "todo", "--input", "content").stdout
    assert all(f"{path}:{line}: " in listed for path, line in where.items()), listed


STORY = Path(__file__).parents[1] / "fixtures" / "stories" / "estuary-crossing.txt"


@pytest.mark.slow  # a notes draft (its reference data load), then make todo
@pytest.mark.skipif(not STORY.is_file(), reason="no estuary story among the fixtures")
def test_todo_on_a_new_story_lists_what_a_reader_would_miss(tmp_path: Path):
    """A new article with its draft: no sentence-initial common word, no date or number the
    draft's events and figures already quote (the headline's "310" a figure quotes from p2),
    the draft once, the front matter, and the story's summary and takeaways."""
    from support import run_here

    project = tmp_path / "project"
    (project / "content").mkdir(parents=True)
    assert run_here(project, "new-article", str(STORY), "--input", "content", "--id", "estuary").returncode == 0
    listed = run_here(project, "todo", "--input", "content").stdout.splitlines()
    words = {line.split('"')[1] for line in listed if "has no note" in line or "has no figure" in line}
    assert not words & {"The", "This", "Council", "Councillors", "Opponents", "Construction", "Tuesday", "March",
                        "310", "2028"}, listed
    assert any(line.startswith("content/notes-drafts/estuary.yaml:1: a draft not yet moved") for line in listed)
    assert any("the story has no summary" in line for line in listed)
    assert any("the story has no key takeaways" in line for line in listed)
    assert not any("TODO left" in line for line in listed)  # the draft's TODOs are the draft's one line

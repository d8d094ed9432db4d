"""`make todo`: what the site still lacks, each as `path:line: ...` at the place to fix. On
the fixture site (tests/fixtures/full-site), and a follow-up story received about its
companies (tests/fixtures/received/halvorsen-follow-up.txt)."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from support import FIXTURES, Result, copy_project, edit, line_of, loaded_content

RECEIVED = FIXTURES / "received" / "halvorsen-follow-up.txt"


def run(project: Path, *command: str) -> Result:
    from explainer.__main__ import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(project), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([*command, "--input", "content"])
    return Result(code, out.getvalue(), err.getvalue())


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def test_the_finished_site_has_nothing_left_to_do(project: Path):
    result = run(project, "todo")
    done, _, own = result.stdout.partition("\n\n")
    assert result.returncode == 0 and done == "Nothing left to do: every name and number has its note."
    # Apart, not left to do: the background in the site's own words (the fixture's dairy cites its stored page).
    assert own.startswith("Background in the site's own words") and "brightwater: summary" not in own
    assert "entities.yaml" in own and "halvorsen: summary in the site's own words" in own


def test_a_name_whose_note_is_gone_is_listed_at_its_line_in_the_text(project: Path):
    entities = project / "content" / "notes" / "entities.yaml"
    edit(entities, "name: Maeve Donnelly", "name: Maeve D.")  # no alias to drop: the name was her only one
    (source,) = (project / "content" / "articles").glob("*/source.txt")
    result = run(project, "todo")
    shown = source.relative_to(project).as_posix()
    assert f'{shown}:{line_of(source, "Donnelly")}: "Donnelly" has no note' in result.stdout, result.stdout


@pytest.mark.slow  # a notes draft (the first in a process loads its reference data: a second)
def test_a_new_article_lists_its_names_numbers_draft_and_front_matter(project: Path):
    assert run(project, "new-article", str(RECEIVED), "--id", "follow-up").returncode == 0
    result = run(project, "todo").stdout
    source = project / "content" / "articles" / "follow-up" / "source.txt"
    article = project / "content" / "articles" / "follow-up" / "article.md"
    assert re.search(r"^content/notes-drafts/follow-up\.yaml:1: a draft not yet moved into content/notes/ "
                     r"\(\d+ TODOs left\)", result, re.M)
    assert f"content/articles/follow-up/article.md:{line_of(article, 'source_url:')}: source_url is empty" in result
    # What the draft holds is the draft's to give (listed once, above), not listed one by one.
    assert '"Mallow"' not in result and '"1.5"' not in result, result
    (project / "content" / "notes-drafts" / "follow-up.yaml").unlink()
    result = run(project, "todo").stdout
    assert f'content/articles/follow-up/source.txt:{line_of(source, "Mallow")}: "Mallow" has no note' in result
    (paragraph,) = [pid for pid, p in loaded_content(project / "content").site.articles["follow-up"].paragraphs.items()
                    if "1.5 million" in p.text]
    assert (f'content/articles/follow-up/source.txt:{line_of(source, "1.5 million")}: "1.5" ({paragraph}) has no figure'
            in result)
    # Names the notes already have are not listed: Halvorsen, Brightwater.
    assert '"Halvorsen"' not in result and '"Brightwater"' not in result


def test_todo_placeholders_in_the_notes_are_listed_at_their_line(project: Path):
    terms = project / "content" / "notes" / "terms.yaml"
    edit(terms, "in_article: Why analysts think", "in_article: TODO say more. Why analysts think")
    result = run(project, "todo").stdout
    assert f"content/notes/terms.yaml:{line_of(terms, 'TODO say')}: TODO left" in result, result


@pytest.mark.parametrize("damage", ["gone", "a folder", "not UTF-8"])
def test_an_article_whose_text_as_received_cannot_be_read_is_listed_not_a_crash(project: Path, damage: str):
    """make todo lists what the check says of the article (in this process, an exception
    would fail the test), and goes on with the rest."""
    source = project / "content/articles/halvorsen-brightwater/source.txt"
    source.unlink()
    if damage == "a folder":
        source.mkdir()
    elif damage == "not UTF-8":
        source.write_bytes("Caf\xe9\n".encode("latin-1"))
    result = run(project, "todo")
    first = result.stdout.splitlines()[0]
    said = "not valid UTF-8 (byte 0xe9)" if damage == "not UTF-8" else "no source.txt beside the article"
    assert first.startswith("content/articles/halvorsen-brightwater/") and said in first, result.stdout
    assert "Background in the site's own words" in result.stdout

"""`make draft-notes`: candidates from a new article's text, quotes filled in, never written over."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import ROOT, Result, fold

SOURCE = next((ROOT / "content" / "articles").glob("*/source.txt"))
REAL = YAML(typ="safe").load((ROOT / "content" / "notes" / "entities.yaml").read_text(encoding="utf-8"))["entities"]


def paragraphs() -> list[str]:
    blocks = [line for line in SOURCE.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [b for b in blocks[1:] if b.rstrip().endswith((".", ":", "?", "!"))]


def run(content: Path) -> Result:
    """`make draft-notes`'s command, in this process."""
    from explainer.__main__ import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["draft-notes", str(SOURCE), "--input", str(content)])
    return Result(code, out.getvalue(), err.getvalue())


@pytest.fixture
def content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content" / "articles", content / "articles")
    (content / "notes").mkdir()
    return content


def load(content: Path) -> dict:
    (draft,) = (content / "notes-drafts").glob("*.yaml")
    return YAML(typ="safe").load(draft.read_text(encoding="utf-8"))


def test_with_no_notes_every_capitalised_name_is_a_candidate(content: Path):
    assert run(content).returncode == 0
    names = {e["name"] for e in load(content)["entities"]}
    text = " ".join(paragraphs())
    named = [e["name"] for e in REAL if e["name"][0].isupper() and re.search(rf"(?<!\w){re.escape(e['name'])}(?!\w)", text)]
    assert named and set(named) <= names


def test_names_already_in_the_notes_are_left_out(content: Path):
    shutil.rmtree(content / "notes")
    shutil.copytree(ROOT / "content" / "notes", content / "notes")
    assert run(content).returncode == 0
    known = {n for e in REAL for n in [e["name"], *e.get("aliases", [])]}
    assert not {e["name"] for e in load(content)["entities"]} & known


def test_quotes_are_verbatim_and_numbers_and_dates_are_found(content: Path):
    assert run(content).returncode == 0
    draft = load(content)
    texts = paragraphs()
    for kind in ("entities", "figures", "events"):
        for note in draft[kind]:
            sources = [f["source"] for f in note["facts"]] if kind == "entities" else [note["source"]]
            for source in sources:
                n = int(source["paragraph"].rpartition("#p")[2])
                assert fold(source["quote"]) in fold(texts[n - 1]), source
    numbers = set(re.findall(r"(?<![\w.])\d+%", " ".join(texts)))
    assert numbers <= {f["value"] for f in draft["figures"]}
    years = set(re.findall(r"\b(?:19|20)\d\d\b", " ".join(texts)))
    assert all(any(y in e["when"] for e in draft["events"]) for y in years)


def test_an_existing_draft_is_never_written_over(content: Path):
    assert run(content).returncode == 0
    (draft,) = (content / "notes-drafts").glob("*.yaml")
    draft.write_text("# my curated work\n", encoding="utf-8")
    result = run(content)
    assert result.returncode == 1 and "never written over" in result.stderr
    assert draft.read_text(encoding="utf-8") == "# my curated work\n"

"""Text the draft wrote and no author has reviewed (`drafted:` in the notes) is unfinished by
the one rule (content/unfinished.py): `make html` shows it after a "Drafted, not reviewed"
badge, `make todo` lists each, `make publish` refuses each as path:line and leaves output/
as it was; once the `drafted` entries are deleted, it publishes. On a scratch copy of the
fixture site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from support import build_here, copy_project, edit, line_of, run_here, snapshot

SUMMARY = "    summary: An Irish dairy that makes milk and oat drinks."
FACT = "      - text: Has struggled with the cost of feed and a recall of its oat drinks."
RELATION = "        target: cork"


@pytest.mark.slow  # three builds of the fixture site
def test_drafted_text_is_marked_listed_refused_then_cleared(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    entities = project / "content/notes/entities.yaml"
    edit(entities, SUMMARY, "    drafted: [summary]\n" + SUMMARY)
    edit(entities, FACT, FACT + "\n        drafted: [text]")
    edit(entities, RELATION, RELATION + "\n        drafted: [type]")  # a relation the draft read: a statement too
    where = [line_of(entities, "drafted: [summary]"), line_of(entities, "drafted: [text]"),
             line_of(entities, "drafted: [type]")]
    output = project / "output"

    built = build_here(project, output)  # make html: built, each drafted text marked in words
    assert built.returncode == 0, built.stderr
    page = BeautifulSoup((output / "entities/brightwater.html").read_text(encoding="utf-8"), "html.parser")
    background = page.select_one(".background")
    assert background.select_one(".draft-badge").get_text() == "Drafted, not reviewed"
    assert "An Irish dairy that makes milk and oat drinks." in background.get_text()
    fact = next(li for li in page.select("li") if "cost of feed" in li.get_text())
    assert fact.select_one(".draft-badge").get_text() == "Drafted, not reviewed"
    relation = next(li for li in page.select("main li") if "Cork" in li.get_text() and "¶" in li.get_text())
    assert relation.select_one(".draft-badge").get_text() == "Drafted, not reviewed"
    infobox = next(dd for dd in page.select("dd") if "Cork" in dd.get_text())
    assert infobox.select_one(".draft-badge").get_text() == "Drafted, not reviewed"
    assert page.select_one("header .draft-flag") is not None
    article = BeautifulSoup((output / "halvorsen-brightwater.html").read_text(encoding="utf-8"), "html.parser")
    card = article.select_one("#card-entity-brightwater")
    assert card["data-kind"].endswith("· Drafted, not reviewed") and card["data-draft"] == "drafted"

    listed = run_here(project, "todo", "--input", "content").stdout
    for line in where:
        assert re.search(rf"^content/notes/entities\.yaml:{line}: drafted, not reviewed: brightwater", listed, re.M), listed

    before = snapshot(output)
    refused = build_here(project, output, settings="publishconf.py")  # make publish
    assert refused.returncode == 1
    for line in where:
        assert re.search(rf"^content/notes/entities\.yaml:{line}: drafted, not reviewed: ", refused.stderr, re.M), \
            refused.stderr
    assert snapshot(output) == before  # byte for byte

    # Reviewed: the author deletes the entries; nothing is left to list, and it publishes.
    edit(entities, "    drafted: [summary]\n", "")
    edit(entities, "\n        drafted: [text]", "")
    edit(entities, "\n        drafted: [type]", "")
    assert "drafted, not reviewed" not in run_here(project, "todo", "--input", "content").stdout
    published = build_here(project, output, settings="publishconf.py")
    assert published.returncode == 0, published.stderr
    page = (output / "entities/brightwater.html").read_text(encoding="utf-8")
    assert "Drafted, not reviewed" not in page

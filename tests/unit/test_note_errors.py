"""Bad notes: every class of mistake is reported as `path:line: message`, with a non-zero exit.

Each case starts from a small valid notes file and changes one thing; the check runs as
authors run it (`python -m explainer check`), in this process (one run as a command).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT, check_here

VALID = """\
entities:
  - id: nissan
    name: Nissan
    kind: company
    summary: A Japanese carmaker.
    facts:
      - text: Japan's third-largest carmaker by sales.
        source: {paragraph: p2, quote: "Japan’s third-largest automaker by sales"}
    relations:
      - type: holds-stake-in
        target: renault
        source: {paragraph: p4, quote: "the state that Nissan has in Renault"}
  - id: renault
    name: Renault
    kind: company
    summary: A French carmaker.
terms:
  - id: stake
    term: stake
    definition: A share of ownership in a company.
    in_article: Renault's share of Nissan.
    source: {paragraph: p4, quote: "reduce its stake in Nissan"}
events:
  - id: arrest
    when: "2018"
    what: Carlos Ghosn is arrested in Tokyo.
    entities: [nissan]
    source: {paragraph: p10, quote: "Ghosn was arrested in Tokyo in 2018"}
"""

# name: (old text, new text, line of the error, words the message must contain)
CASES = {
    "yaml syntax error": ("kind: company\n    summary: A Japanese", "kind: [company\n    summary: A Japanese", 4,
                          "invalid YAML in a flow sequence"),
    "duplicate key names both lines": ("    summary: A French carmaker.\n",
                                       "    summary: A French carmaker.\n    name: Renault SA\n", 17,
                                       'duplicate key "name": already given on line 14'),
    "unknown field": ("    summary: A Japanese carmaker.\n", "    summary: A Japanese carmaker.\n    sumary: x\n", 6,
                      'unknown field "sumary" (did you mean "summary"?)'),
    "missing required field": ("    definition: A share of ownership in a company.\n", "", 18,
                               'missing required field "definition"'),
    "unknown entity in a relation": ("target: renault", "target: renaul", 11,
                                     'unknown entity "renaul" (did you mean "renault"?)'),
    "unknown entity in an event": ("entities: [nissan]", "entities: [nisan]", 27,
                                   'unknown entity "nisan" (did you mean "nissan"?)'),
    "duplicate id": ("  - id: renault\n", "  - id: nissan\n", 13, 'duplicate id "nissan": already used at'),
    "duplicate alias across notes, case-folded": ("    summary: A French carmaker.\n",
                                                  "    summary: A French carmaker.\n    aliases: [NISSAN]\n", 17,
                                                  '"NISSAN" already names "nissan"'),
    "unknown paragraph id": ("paragraph: p10", "paragraph: p99", 28, 'unknown paragraph "p99": '),
    "quote not in the cited paragraph": ("quote: \"reduce its stake in Nissan\"", "quote: \"reduce its stake in Renault\"", 22,
                                         "quote not found in p4: 'reduce its stake in Renault'"),
    "quote in another paragraph": ("{paragraph: p4, quote: \"reduce", "{paragraph: p5, quote: \"reduce", 22,
                                   "quote not found in p5: 'reduce its stake in Nissan' (it is in p4)"),
    "slug with capitals or spaces": ("  - id: renault\n", "  - id: Renault SA\n", 13,
                                     'id: "Renault SA" must be lower-case letters, digits and single hyphens (did you mean "renault-sa"?)'),
    "empty summary": ("summary: A French carmaker.", "summary: \"  \"", 16, "summary is empty"),
    "empty definition": ("definition: A share of ownership in a company.", "definition: ''", 20, "definition is empty"),
    "unknown kind": ("kind: company\n    summary: A French", "kind: compnay\n    summary: A French", 15,
                     '"compnay" is not one of company, person'),
    "unknown list": ("events:\n", "event:\n", 23, 'unknown list "event" (did you mean "events"?)'),
    "relative date given a calendar year": ('when: "2018"', 'when: "mid 2024"', 25, "gives the year 2024, which the quote does not state"),
    "a number its quote does not give": ("text: Japan's third-largest carmaker by sales.",
                                         "text: Japan's third-largest carmaker, with 9% of sales.", 7,
                                         "9 is not in the quote it cites"),
    "an id the pages use themselves": ("  - id: stake\n", "  - id: main\n", 18, 'id "main" is taken by the pages themselves'),
}


@pytest.fixture
def content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content" / "articles", content / "articles")
    shutil.copy2(ROOT / "content" / "index.md", content / "index.md")
    (content / "notes").mkdir()
    return content


def check(content: Path):
    return check_here(content.parent)


def test_the_valid_notes_pass_as_a_command(content: Path):
    (content / "notes" / "notes.yaml").write_text(VALID, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "explainer", "check", "--input", "content"],
                            cwd=content.parent, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "content: no problems found.\n"


def test_one_broken_note_as_a_command(content: Path):
    (content / "notes" / "notes.yaml").write_text(VALID.replace("target: renault", "target: renaul"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "explainer", "check", "--input", "content"],
                            cwd=content.parent, capture_output=True, text=True)
    assert result.returncode == 1
    assert 'content/notes/notes.yaml:11: unknown entity "renaul" (did you mean "renault"?)' in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("case", CASES)
def test_each_mistake_is_reported_on_its_line(content: Path, case: str):
    old, new, line, words = CASES[case]
    assert old in VALID
    (content / "notes" / "notes.yaml").write_text(VALID.replace(old, new, 1), encoding="utf-8")

    result = check(content)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [l for l in result.stderr.splitlines() if l.startswith("content/notes/notes.yaml:")]
    assert any(l.startswith(f"content/notes/notes.yaml:{line}: ") and words in l for l in errors), result.stderr


def test_all_problems_are_reported_together(content: Path):
    text = VALID
    for case in ("unknown field", "unknown entity in an event", "quote not in the cited paragraph"):
        old, new, _, _ = CASES[case]
        text = text.replace(old, new, 1)
    (content / "notes" / "notes.yaml").write_text(text, encoding="utf-8")
    result = check(content)
    assert result.returncode == 1
    assert "3 problems found" in result.stderr


def test_a_note_that_does_not_load_is_not_also_unknown_where_it_is_named(content: Path):
    """An entity with a mistake is reported once, at the mistake: not again as an unknown
    entity in every relation and event naming it."""
    (content / "notes" / "notes.yaml").write_text(VALID.replace("    kind: company\n    summary: A Japanese",
                                                                "    kind: company\n    colour: red\n    summary: A Japanese"),
                                                  encoding="utf-8")
    result = check(content)
    assert result.returncode == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("content/")] == [
        'content/notes/notes.yaml:5: unknown field "colour"']


def test_an_article_left_broken_reports_its_own_problem_not_every_note(content: Path):
    """An unclosed front matter shifts every paragraph: report that, not a false alarm per quote."""
    (content / "notes" / "notes.yaml").write_text(VALID, encoding="utf-8")
    article = next((content / "articles").glob("*/article.md"))
    text = article.read_text(encoding="utf-8")
    closing = text.index("\n---\n", 4)
    article.write_text(text[:closing] + text[closing + 4:], encoding="utf-8")
    result = check(content)
    assert result.returncode == 1
    assert "1 problem found" in result.stderr
    assert "front matter is not closed" in result.stderr

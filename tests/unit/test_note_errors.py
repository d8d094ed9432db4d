"""Bad notes: every class of mistake is reported as `path:line: message`, with a non-zero exit.

Each case starts from a small valid notes file and changes one thing; the check runs as
authors run it (`python -m explainer check`), in this process (one run as a command).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from support import FULL_SITE, check_here

VALID = """\
entities:
  - id: halvorsen
    name: Halvorsen Foods
    kind: company
    summary: A Norwegian grocery group.
    facts:
      - text: Will cut its stake in Brightwater Dairy to 12%.
        source: {paragraph: p2, quote: "reduce its stake in Brightwater Dairy from 40% to 12%"}
    relations:
      - type: holds-stake-in
        target: brightwater
        source: {paragraph: p2, quote: "its stake in Brightwater Dairy"}
  - id: brightwater
    name: Brightwater Dairy
    kind: company
    summary: An Irish dairy.
terms:
  - id: stake
    term: stake
    definition: A share of ownership in a company.
    in_article: The part of Brightwater Dairy that Halvorsen owns.
    source: {paragraph: p2, quote: "it will reduce its stake"}
events:
  - id: partnership-began
    when: "2016"
    what: The partnership begins.
    entities: [halvorsen]
    source: {paragraph: p7, quote: "a new botling line"}
"""
# The event's quote is fixed below, at its own line, so that each case changes one thing only.
VALID = VALID.replace('source: {paragraph: p7, quote: "a new botling line"}',
                      'source: {paragraph: p2, quote: "a partnership that began in 2016"}')


@dataclass
class Case:
    old: str  # in VALID
    new: str  # what it becomes
    at: str  # text on the line the problem is reported at, in the changed file
    words: str  # what the message must say; "{line:TEXT}" stands for the line of TEXT in the changed file


CASES = {
    "yaml syntax error": Case("kind: company\n    summary: A Norwegian", "kind: [company\n    summary: A Norwegian",
                              "kind: [company", "invalid YAML in a flow sequence"),
    "a key indented less than its neighbours, at its line": Case(
        "    kind: company\n    summary: A Norwegian", "  kind: company\n    summary: A Norwegian", "  kind: company",
        "invalid YAML: this line is indented differently from the lines of its block: a key must line up"),
    "a key indented deeper than the one above, at its line": Case(
        "    kind: company\n    summary: A Norwegian", "    kind: company\n      summary: A Norwegian",
        "      summary: A Norwegian", "mapping values are not allowed here (a line indented deeper than the key above it"),
    "a paragraph written as on the page": Case('source: {paragraph: p2, quote: "its stake in Brightwater Dairy"}',
                                               'source: {paragraph: P2, quote: "its stake in Brightwater Dairy"}',
                                               "paragraph: P2", '"P2" is no paragraph id (did you mean "p2"?): a '
                                               "paragraph is written p1, p2"),
    "a paragraph written as a number": Case('source: {paragraph: p2, quote: "it will reduce its stake"}',
                                            'source: {paragraph: 2, quote: "it will reduce its stake"}',
                                            "paragraph: 2,", '2 is no paragraph id (did you mean "p2"?)'),
    "duplicate key names both lines": Case("    summary: An Irish dairy.\n",
                                           "    summary: An Irish dairy.\n    name: Brightwater Dairy Ltd\n",
                                           "name: Brightwater Dairy Ltd",
                                           'duplicate key "name": already given on line {line:name: Brightwater Dairy}'),
    "unknown field": Case("    summary: A Norwegian grocery group.\n",
                          "    summary: A Norwegian grocery group.\n    sumary: x\n", "sumary: x",
                          'unknown field "sumary" (did you mean "summary"?)'),
    "missing required field": Case("    definition: A share of ownership in a company.\n", "", "- id: stake",
                                   'missing required field "definition"'),
    "unknown entity in a relation": Case("target: brightwater", "target: brightwatr", "target: brightwatr",
                                         'unknown entity "brightwatr" (did you mean "brightwater"?)'),
    "unknown entity in an event": Case("entities: [halvorsen]", "entities: [halvorson]", "entities: [halvorson]",
                                       'unknown entity "halvorson" (did you mean "halvorsen"?)'),
    "duplicate id": Case("  - id: brightwater\n", "  - id: halvorsen\n", "id: halvorsen\n    name: Brightwater",
                         'duplicate id "halvorsen": already used at'),
    "duplicate alias across notes, case-folded": Case("    summary: An Irish dairy.\n",
                                                      "    summary: An Irish dairy.\n    aliases: [HALVORSEN FOODS]\n",
                                                      "aliases: [HALVORSEN FOODS]",
                                                      '"HALVORSEN FOODS" already names "halvorsen"'),
    "unknown paragraph id": Case("paragraph: p2, quote: \"a partnership", "paragraph: p99, quote: \"a partnership",
                                 "paragraph: p99", 'unknown paragraph "p99": '),
    "quote not in the cited paragraph": Case('quote: "it will reduce its stake"', 'quote: "it will sell its stake"',
                                             "it will sell its stake",
                                             "quote not found in p2: 'it will sell its stake' (did you mean "
                                             '"it will reduce its stake"?)'),
    "a quote a word short": Case('quote: "it will reduce its stake"', 'quote: "it will reduce stake"',
                                 "it will reduce stake",
                                 "quote not found in p2: 'it will reduce stake' (did you mean \"it will reduce its"),
    "a near miss before a comma, offered without it": Case('quote: "it will reduce its stake"', 'quote: "group based in Olso"',
                                                           "group based in Olso",
                                                           "quote not found in p2: 'group based in Olso' (did you mean "
                                                           '"group based in Oslo"?)'),
    "quote in another paragraph": Case('{paragraph: p2, quote: "it will reduce', '{paragraph: p3, quote: "it will reduce',
                                       "it will reduce", "quote not found in p3: 'it will reduce its stake' (it is in p2)"),
    "slug with capitals or spaces": Case("  - id: brightwater\n", "  - id: Brightwater Dairy\n", "id: Brightwater Dairy",
                                         'id: "Brightwater Dairy" must be lower-case letters, digits and single hyphens '
                                         '(did you mean "brightwater-dairy"?)'),
    "empty summary": Case("summary: An Irish dairy.", 'summary: "  "', 'summary: "  "', "summary is empty"),
    "empty definition": Case("definition: A share of ownership in a company.", "definition: ''", "definition: ''",
                             "definition is empty"),
    "unknown kind": Case("kind: company\n    summary: An Irish", "kind: compnay\n    summary: An Irish", "kind: compnay",
                         '"compnay" is not one of company, person'),
    "unknown list": Case("events:\n", "event:\n", "event:", 'unknown list "event" (did you mean "events"?)'),
    "relative date given a calendar year": Case('when: "2016"', 'when: "mid 2024"', 'when: "mid 2024"',
                                                "gives the year 2024, which the quote does not state"),
    "a number its quote does not give": Case("text: Will cut its stake in Brightwater Dairy to 12%.",
                                             "text: Will cut its stake in Brightwater Dairy to 9%.", "to 9%.",
                                             "9 is not in the quote it cites"),
    "an id the pages use themselves": Case("  - id: stake\n", "  - id: main\n", "- id: main",
                                           'id "main" is taken by the pages themselves'),
    "an image without alt text in a note": Case("summary: An Irish dairy.", "summary: An Irish dairy. ![](logo.png)",
                                                "![](logo.png)", "an image without alt text"),
}


def line_in(text: str, needle: str) -> int:
    return text[:text.index(needle)].count("\n") + 1


def expected(case: Case) -> tuple[int, str]:
    """(line, words) of the problem a case must be reported as, worked out from the changed text."""
    text = VALID.replace(case.old, case.new, 1)
    words = re.sub(r"\{line:(.*?)\}", lambda m: str(line_in(text, m.group(1))), case.words)
    return line_in(text, case.at), words


@pytest.fixture
def content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(FULL_SITE / "content" / "articles", content / "articles")
    shutil.copy2(FULL_SITE / "content" / "index.md", content / "index.md")
    (content / "notes").mkdir()
    return content


def check(content: Path):
    return check_here(content.parent)


@pytest.mark.slow  # a new process: the same check runs in this one below
def test_the_valid_notes_pass_as_a_command(content: Path):
    (content / "notes" / "notes.yaml").write_text(VALID, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "explainer", "check", "--input", "content"],
                            cwd=content.parent, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "content: no problems found.\n"


@pytest.mark.slow  # a new process
def test_one_broken_note_as_a_command(content: Path):
    case = CASES["unknown entity in a relation"]
    (content / "notes" / "notes.yaml").write_text(VALID.replace(case.old, case.new), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "explainer", "check", "--input", "content"],
                            cwd=content.parent, capture_output=True, text=True)
    assert result.returncode == 1
    line, words = expected(case)
    assert f'content/notes/notes.yaml:{line}: {words}' in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("case", CASES)
def test_each_mistake_is_reported_on_its_line(content: Path, case: str):
    assert CASES[case].old in VALID
    line, words = expected(CASES[case])
    (content / "notes" / "notes.yaml").write_text(VALID.replace(CASES[case].old, CASES[case].new, 1), encoding="utf-8")

    result = check(content)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [l for l in result.stderr.splitlines() if l.startswith("content/notes/notes.yaml:")]
    assert any(l.startswith(f"content/notes/notes.yaml:{line}: ") and words in l for l in errors), result.stderr


def test_all_problems_are_reported_together(content: Path):
    text = VALID
    for case in ("unknown field", "unknown entity in an event", "quote not in the cited paragraph"):
        text = text.replace(CASES[case].old, CASES[case].new, 1)
    (content / "notes" / "notes.yaml").write_text(text, encoding="utf-8")
    result = check(content)
    assert result.returncode == 1
    assert "3 problems found" in result.stderr


def test_a_note_that_does_not_load_is_not_also_unknown_where_it_is_named(content: Path):
    """An entity with a mistake is reported once, at the mistake: not again as an unknown
    entity in every relation and event naming it."""
    text = VALID.replace("    kind: company\n    summary: A Norwegian", "    kind: company\n    colour: red\n    summary: A Norwegian")
    (content / "notes" / "notes.yaml").write_text(text, encoding="utf-8")
    result = check(content)
    assert result.returncode == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("content/")] == [
        f'content/notes/notes.yaml:{line_in(text, "colour: red")}: unknown field "colour"']


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

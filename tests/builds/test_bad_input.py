"""Bad input, class by class: each is a small change to a copy of the fixture site
(tests/fixtures/full-site), built as `make html` builds it (its command line, run in this
process). Every one must fail with `path:line: message` (never a traceback: in this process,
an exception fails the test), exit non-zero, and leave the previous output/ exactly as it was.

Where a case cites the article, the paragraph and the line are found in the fixture's text
(`holding`, `line_of`), never read off it by hand."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from support import FULL_SITE, build_here, copy_built, line_of, snapshot

ARTICLE = "content/articles/halvorsen-brightwater/article.md"
ARTICLE_FOLDER = "content/articles/halvorsen-brightwater"
SOURCE = "content/articles/halvorsen-brightwater/source.txt"
BAD = "content/notes/zz-bad.yaml"  # each case's own notes file
PAGE = "content/extra-page.md"


def paragraphs(article: Path = FULL_SITE / ARTICLE) -> list[str]:
    """The article's paragraphs in order (p1, p2, ...), read as the tests read them: the blocks
    of its body but headings, with the lines of `:::` blocks left out."""
    body = article.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    blocks = ["\n".join(line for line in block.splitlines() if not line.startswith(":::")).strip()
              for block in re.split(r"\n\s*\n", body)]
    return [block for block in blocks if block and not block.startswith("#")]


def holding(quote: str) -> list[str]:
    """The ids of the fixture article's paragraphs that hold `quote`."""
    return [f"p{n}" for n, text in enumerate(paragraphs(), 1) if quote in text]


def cited(quote: str) -> str:
    """The one paragraph that holds `quote`, to cite it."""
    (pid,) = holding(quote)
    return pid


def elsewhere(quote: str) -> str:
    """A paragraph that does not hold `quote`, to cite it wrongly."""
    return next(f"p{n}" for n in range(1, len(paragraphs()) + 1) if f"p{n}" not in holding(quote))


@dataclass
class Case:
    change: Callable[[Path], None]
    path: str  # the file the message must name
    line: int | Callable[[Path], int]  # or found in the changed project
    words: str  # what the message must say


def write(relative: str, text: str | bytes) -> Callable[[Path], None]:
    def change(project: Path) -> None:
        target = project / relative
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text, encoding="utf-8")
    return change


def replace(relative: str, old: str, new: str) -> Callable[[Path], None]:
    def change(project: Path) -> None:
        target = project / relative
        text = target.read_text(encoding="utf-8")
        assert old in text, f"fixture drift: {old!r}"
        target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return change


def entity(extra: str = "", id_: str = "new-body", name: str = "Board of Example", summary: str = "A board.") -> str:
    return f"entities:\n  - id: {id_}\n    name: {name}\n    kind: body\n    summary: {summary}\n{extra}"


def page(front: str, body: str = "Some text.") -> str:
    return f"---\n{front}\n---\n\n{body}\n"


def _latin1(relative: str, words: str) -> bytes:
    """The fixture's file with an "à" in `words` saved as Latin-1 (one byte that is not UTF-8)."""
    return (FULL_SITE / relative).read_bytes().replace(words.encode(), words.replace(" a ", " \xe0 ").encode("latin-1"), 1)


# A word twice in one paragraph of the fixture, and nowhere else: (paragraph, word).
_TWICE = next((f"p{n}", word) for n, text in enumerate(paragraphs(), 1) for word in text.split()
              if len(word) > 3 and text.count(word) == 2 and holding(word) == [f"p{n}"])

_FRONT_MATTER = (FULL_SITE / ARTICLE).read_text(encoding="utf-8").split("\n---\n", 1)[0] + "\n---\n"

CASES: dict[str, Case] = {
    "YAML syntax error": Case(write(BAD, "entities:\n  - id: [new-body\n    name: X\n"), BAD, 2, "invalid YAML"),
    "duplicate key, naming both lines": Case(write(BAD, entity("    name: Again\n")), BAD, 6,
                                            'duplicate key "name": already given on line 3'),
    "a date that is no date": Case(write(BAD, "events:\n  - id: x\n    when: 2024-02-30\n"), BAD, 3,
                                   "not a valid date (day is out of range for month)"),
    "a list as a key": Case(write(BAD, "entities:\n  - ? [a, [b]]\n    : x\n"), BAD, 2, "a list or a mapping cannot be a key"),
    "an invisible line separator": Case(write(BAD, entity(summary="A board.\u2028Pasted.")), BAD, 5,
                                        "invisible line separator (U+2028)"),
    "a name spelling another's words": Case(write(BAD, entity(name="Halvorsen\u00a0Foods")), BAD, 3,
                                            "already names"),
    "unknown field": Case(write(BAD, entity("    colour: red\n")), BAD, 6, 'unknown field "colour"'),
    "a notes file named .yml, which nothing reads": Case(write("content/notes/extra.yml", entity()),
                                                         "content/notes/extra.yml", 0,
                                                         "notes are read from .yaml files: rename it extra.yaml"),
    "missing required field": Case(write(BAD, "entities:\n  - id: new-body\n    name: X\n    kind: body\n"), BAD, 2,
                                   'missing required field "summary"'),
    "unknown entity in a relation, with a suggestion": Case(
        write(BAD, entity("    relations:\n      - {type: unit-of, target: halvorson}\n")), BAD, 7,
        'unknown entity "halvorson" (did you mean "halvorsen"?)'),
    "duplicate id across files": Case(write(BAD, entity(id_="halvorsen", name="Halvorsen Two")), BAD, 2,
                                      'duplicate id "halvorsen": already used at content/notes/entities.yaml:'),
    "a name given twice, said at the note added too, wherever its file sorts": Case(
        write("content/notes/aa-new.yaml", entity(id_="halvorsen-again", name="Halvorsen Foods")),
        "content/notes/aa-new.yaml", 2, '"Halvorsen Foods" is also the name of "halvorsen" (content/notes/entities.yaml:'),
    "duplicate alias, case-folded": Case(write(BAD, entity("    aliases: [HALVORSEN]\n")), BAD, 6,
                                         '"HALVORSEN" already names "halvorsen"'),
    "unknown paragraph": Case(write(BAD, entity("    facts:\n      - text: Met.\n"
                                                "        source: {paragraph: p99, quote: x}\n")), BAD, 8,
                              'unknown paragraph "p99"'),
    "an editor's note overlapping another's words, at the note's quote": Case(
        write(BAD, "editors_notes:\n  - id: wish-to\n    kind: ambiguity\n    likely: Its plan.\n"
                   "    why: Vague.\n"
                   f"    source: {{paragraph: {cited('wish to rebalance its')}, quote: \"wish to rebalance its\"}}\n"),
        BAD, 6, "cannot be marked in"),
    "an editor's note whose words are twice in their paragraph": Case(
        write(BAD, "editors_notes:\n  - id: twice\n    kind: ambiguity\n    likely: Its plan.\n    why: Vague.\n"
                   f"    source: {{paragraph: {_TWICE[0]}, quote: \"{_TWICE[1]}\"}}\n"),
        BAD, 6, f"is in {_TWICE[0]} 2 times"),
    "quote not in the cited paragraph": Case(
        write(BAD, entity("    facts:\n      - text: Met.\n"
                          f"        source: {{paragraph: {elsewhere('Maeve Donnelly')}, quote: \"Maeve Donnelly\"}}\n")),
        BAD, 8, f"quote not found in {elsewhere('Maeve Donnelly')}: 'Maeve Donnelly' (it is in {cited('Maeve Donnelly')})"),
    "quote that matches two paragraphs": Case(
        write(BAD, entity("    facts:\n      - text: Soon.\n"
                          f"        source: {{paragraph: {holding('this year')[0]}, quote: \"this year\"}}\n")),
        BAD, 8, f"'this year' is in {holding('this year')[0]}, as cited, but also in "
                f"{', '.join(holding('this year')[1:])}: a link to it would land on the first"),
    "a kind said in other words, with the kind it means": Case(
        write(BAD, entity().replace("kind: body", "kind: charity")), BAD, 4,
        '(did you mean "organisation"? that is how "charity" is said here)'),
    "a relation said in other words, with the type it means": Case(
        write(BAD, entity("    relations:\n      - {type: owns, target: halvorsen}\n")), BAD, 7,
        '(did you mean "holds-stake-in"? that is how "owns" is said here)'),
    "works-for, said as a relation the schema has": Case(
        write(BAD, entity("    relations:\n      - {type: works-for, target: halvorsen}\n")), BAD, 7,
        '(did you mean "member-of"? that is how "works-for" is said here)'),
    "a value read as a number": Case(
        write(BAD, "figures:\n  - id: new-figure\n    value: 38\n    measures: Offences.\n"
                   f"    source: {{paragraph: {cited('from 40% to 12%')}, quote: \"from 40% to 12%\"}}\n"), BAD, 3,
        'value: 38 was read as a number; this field is text, as the article writes it: put it in quotes (value: "38")'),
    "a tab in the indentation": Case(write(BAD, entity().replace("    kind: body", "\tkind: body")), BAD, 4,
                                     "a tab: YAML is indented with spaces only"),
    "slug that is not [a-z0-9-]": Case(write(BAD, entity(id_="New_Body")), BAD, 2,
                                      'id: "New_Body" must be lower-case letters, digits and single hyphens'),
    "two ids differing only in case": Case(write(BAD, entity(id_="Halvorsen", name="Halvorsen Two")), BAD, 2,
                                           'id: "Halvorsen" must be lower-case letters'),
    "empty summary": Case(write(BAD, entity(summary="''")), BAD, 5, "summary is empty"),
    "relative date given a calendar year": Case(
        write(BAD, "events:\n  - id: new-event\n    when: mid 2024\n    what: The deal.\n"
                   f"    source: {{paragraph: {cited('completed by the end of this year')}, "
                   "quote: \"completed by the end of this year\"}\n"), BAD, 3,
        "gives the year 2024, which the quote does not state"),
    "a number its quote does not give": Case(
        write(BAD, entity("    facts:\n      - text: Owns 60% of it.\n"
                          f"        source: {{paragraph: {cited('reduce its stake in Brightwater Dairy')}, "
                          "quote: \"reduce its stake in Brightwater Dairy\"}\n")), BAD, 7,
        "60 is not in the quote it cites"),
    "a minus sign its quote does not give": Case(
        write(BAD, "figures:\n  - id: new-figure\n    value: \"-40%\"\n    measures: Its stake.\n"
                   f"    source: {{paragraph: {cited('from 40% to 12%')}, quote: \"from 40% to 12%\"}}\n"), BAD, 3,
        "-40%: the quote gives no minus sign"),
    "a year before 1800 the quote does not state": Case(
        write(BAD, "events:\n  - id: new-event\n    when: 1 January 1776\n    what: The deal.\n"
                   f"    source: {{paragraph: {cited('completed by the end of this year')}, "
                   "quote: \"completed by the end of this year\"}\n"), BAD, 3,
        "gives the year 1776, which the quote does not state"),
    "circular relations": Case(
        write(BAD, entity("    relations:\n      - {type: unit-of, target: other-body}\n")
              + "  - id: other-body\n    name: Other Example\n    kind: body\n    summary: B.\n"
                "    relations:\n      - {type: unit-of, target: new-body}\n"), BAD, 13,
        "circular relation: new-body unit-of other-body unit-of new-body"),
    "alias that matches only inside another word": Case(write(BAD, entity("    aliases: [Brightwat]\n")), BAD, 6,
                                                        'alias "Brightwat" appears only as part of longer words '
                                                        '(Brightwater)'),
    "not UTF-8": Case(write(BAD, "entities:\n  - id: caf\xe9\n".encode("latin-1")), BAD, 2, "not valid UTF-8"),
    "empty file": Case(write(BAD, ""), BAD, 1, "the file is empty"),
    "a folder named as a notes file": Case(lambda project: (project / BAD).mkdir(), BAD, 0, "a folder where a file is read"),
    "a link to a notes file that is not there": Case(lambda project: (project / BAD).symlink_to("/no/such/notes.yaml"),
                                                     BAD, 0, "a link to /no/such/notes.yaml, which is not there"),
    "a pipe named as a notes file (never waited on)": Case(lambda project: os.mkfifo(project / BAD), BAD, 0,
                                                           "not a regular file"),
    "a page that links to nothing": Case(lambda project: (project / PAGE).symlink_to("/no/such/page.md"), PAGE, 0,
                                         "a link to /no/such/page.md, which is not there"),
    "an article's folder not named by an id": Case(
        lambda project: shutil.copytree(project / ARTICLE_FOLDER, project / "content/articles/Later Story"),
        "content/articles/Later Story", 0, '"Later Story" is no article id'),
    "a text as received without its article page": Case(
        lambda project: shutil.copytree(project / ARTICLE_FOLDER, project / "content/articles/later-story",
                                        ignore=shutil.ignore_patterns("article.md")),
        "content/articles/later-story/source.txt", 0, "no article.md beside it"),
    "a 10 MB notes file": Case(write(BAD, "# padding\n" * 1_100_000), BAD, 1, "the file is 11.0 MB"),
    "HTML and a script in a note field": Case(write(BAD, entity(summary='"<script>alert(1)</script> board"')), BAD, 5,
                                             "HTML is not allowed (<script>)"),
    "a javascript: link in a note field": Case(
        write(BAD, entity(summary='"[click](javascript:alert(1))"')), BAD, 5, "javascript: links are not allowed"),
    "slug escaping the output folder (../)": Case(write(PAGE, page("title: Extra\nslug: ../x")), PAGE, 3,
                                                  'slug: "../x" must be lower-case letters'),
    "slug that is an absolute path": Case(write(PAGE, page("title: Extra\nslug: /etc/x")), PAGE, 3,
                                          'slug: "/etc/x" must be lower-case letters'),
    "slug with backslashes": Case(write(PAGE, page("title: Extra\nslug: '..\\\\x'")), PAGE, 3,
                                  "must be lower-case letters"),
    "a title of only punctuation": Case(write(PAGE, page("title: '?!'")), PAGE, 2,
                                        "has no letters or digits to name the page's file after: add a slug"),
    "two pages with the same output file": Case(write(PAGE, page("title: Glossary")), PAGE, 2,
                                                 "becomes glossary.html, which the generated page"),
    "HTML in a page": Case(write(PAGE, page("title: Extra", "Hello <b onmouseover=\"x()\">there</b>.")), PAGE, 5,
                           "HTML is not allowed"),
    "a javascript: link in a page": Case(write(PAGE, page("title: Extra", "[x](javascript:alert(1))")), PAGE, 5,
                                         "javascript: links are not allowed"),
    "a data: link in a page": Case(write(PAGE, page("title: Extra", "[x](data:text/html;base64,PHNjcmlwdD4=)")), PAGE, 5,
                                   "data: links are not allowed"),
    "an image from another host in a note": Case(
        write(BAD, entity(summary='"A board. ![logo](https://tracker.example/p.gif)"')), BAD, 5,
        "image 'https://tracker.example/p.gif' is on another host"),
    "an image from another host in a note, its text in brackets": Case(
        write(BAD, entity(summary='"A board. ![a [b] c](https://tracker.example/p.gif)"')), BAD, 5, "is on another host"),
    "a link to a page that is not there": Case(write(PAGE, page("title: Extra", "See [it]({filename}/missing.md#p2).")),
                                               PAGE, 5, "the link {filename}/missing.md#p2 leads to no page"),
    "an image from another host": Case(write(PAGE, page("title: Extra", "![x](https://tracker.example/p.gif)")), PAGE, 5,
                                       "is on another host"),
    "front matter left open": Case(replace(ARTICLE, "\n---\n\n", "\n\n"), ARTICLE, 1, "front matter is not closed"),
    "the article's words changed": Case(replace(ARTICLE, "ending a partnership", "ending the partnership"), ARTICLE,
                                        lambda project: line_of(project / ARTICLE, "ending the partnership"),
                                        f"differs from {SOURCE}:{line_of(FULL_SITE / SOURCE, 'ending a partnership')}"),
    # The notes cite the article's paragraphs: with the article unreadable or not as received,
    # that is the problem said, and nothing is rendered from the notes.
    "the article's body gone, its notes still citing it": Case(
        write(ARTICLE, _FRONT_MATTER), ARTICLE, 1,
        f"missing the block at {SOURCE}:{line_of(FULL_SITE / SOURCE, 'ending a partnership')}"),
    "an empty article page": Case(write(ARTICLE, ""), ARTICLE, 1, "no front matter"),
    "a byte of the article that is not UTF-8": Case(
        write(ARTICLE, _latin1(ARTICLE, "ending a partnership")), ARTICLE,
        line_of(FULL_SITE / ARTICLE, "ending a partnership"), "not valid UTF-8 (byte 0xe0)"),
    "a byte of the text as received that is not UTF-8": Case(
        write(SOURCE, _latin1(SOURCE, "ending a partnership")), SOURCE,
        line_of(FULL_SITE / SOURCE, "ending a partnership"), "not valid UTF-8 (byte 0xe0)"),
}


def test_there_are_at_least_twenty_classes():
    assert len(CASES) >= 20


@pytest.mark.parametrize("name", CASES)
def test_bad_input(good_project, tmp_path: Path, name: str):
    good, before = good_project
    project = tmp_path / "project"
    copy_built(good, project)
    case = CASES[name]
    case.change(project)
    where = case.line(project) if callable(case.line) else case.line

    result = build_here(project, project / "output")

    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    at = f"{case.path}:{where}: " if where else f"{case.path}: "  # line 0: the file as a whole
    located = [line for line in result.stderr.splitlines() if line.startswith(at)]
    assert any(case.words in line for line in located), result.stderr
    assert snapshot(project / "output") == before
    assert not list(project.glob(".output-*")), "scratch folders left behind"


@pytest.mark.parametrize("setting, value", [("PAGE_SAVE_AS", "{slug}/index.html"), ("PAGE_URL", "pages/{slug}.html")])
def test_settings_that_contradict_the_routes_are_refused(good_project, tmp_path: Path, setting: str, value: str):
    """Links between pages are written from explainer/core/routes.py: settings naming the
    pages' files or addresses otherwise would break every one of them, so the build says so
    and stops."""
    good, before = good_project
    project = tmp_path / "project"
    copy_built(good, project)
    with (project / "pelicanconf.py").open("a", encoding="utf-8") as settings:
        settings.write(f'\n{setting} = "{value}"\n')

    result = build_here(project, project / "output")

    assert result.returncode != 0
    assert (f"pelicanconf.py: {setting} is '{value}', but the explainer's links assume "
            "'{slug}.html' (explainer/core/routes.py): set it so in the settings") in result.stderr, result.stderr
    assert snapshot(project / "output") == before
    assert not list(project.glob(".output-*")), "scratch folders left behind"


def test_a_settings_file_that_raises_is_said_in_a_line_and_keeps_output(good_project, tmp_path: Path, caplog):
    """Settings that do not run stop the build before anything is written, with what went
    wrong (Pelican's log, in this process caplog) and no traceback."""
    good, before = good_project
    project = tmp_path / "project"
    copy_built(good, project)
    with (project / "pelicanconf.py").open("a", encoding="utf-8") as settings:
        settings.write('\nraise RuntimeError("broken settings")\n')

    result = build_here(project, project / "output")

    said = result.stdout + result.stderr + caplog.text
    assert result.returncode == 1
    line = len((project / "pelicanconf.py").read_text(encoding="utf-8").splitlines())
    assert f"pelicanconf.py:{line}: RuntimeError: broken settings" in caplog.text, said
    caplog.clear()  # make publish: publishconf.py imports it, and the line is pelicanconf.py's still
    assert build_here(project, project / "output", settings="publishconf.py").returncode == 1
    assert f"pelicanconf.py:{line}: RuntimeError: broken settings" in caplog.text, caplog.text
    assert "output was left as it was" in result.stderr, said
    assert "Traceback" not in said and 'File "' not in said, said
    assert snapshot(project / "output") == before
    assert not list(project.glob(".output-*")), "scratch folders left behind"


@pytest.mark.parametrize("text, where", [
    ("See it here:\nin [the missing page]({filename}/missing.md).", 6),
    ("![a picture]({filename}/pictures/missing.png)", 5),
    ("[the articles]({filename}/_generated/articles.md), with one article", 5),
])
def test_a_link_to_no_page_is_reported_at_its_line(good_project, tmp_path: Path, text: str, where: int):
    good, before = good_project
    project = tmp_path / "project"
    copy_built(good, project)
    (project / PAGE).write_text(page("title: Extra", text), encoding="utf-8")
    result = build_here(project, project / "output")
    assert result.returncode != 0
    assert any(line.startswith(f"{PAGE}:{where}: the link {{filename}}") for line in result.stderr.splitlines()), \
        result.stderr
    assert snapshot(project / "output") == before


def test_links_pelican_resolves_are_not_refused(good_project, tmp_path: Path):
    good, _ = good_project
    project = tmp_path / "project"
    copy_built(good, project)
    nested = project / "content" / "about" / "more.md"
    nested.parent.mkdir()
    nested.write_text(page("title: More", "Back [home]({filename}../index.md), [the glossary]"
                           "({filename}/_generated/glossary.md), [paragraph 4]"
                           "({filename}/articles/halvorsen-brightwater/article.md#p4)."), encoding="utf-8")
    result = build_here(project, project / "output")
    assert result.returncode == 0, result.stderr
    assert 'href="./glossary.html"' in (project / "output" / "more.html").read_text(encoding="utf-8")


def test_a_folder_of_pictures_among_the_articles_is_no_article(good_project, tmp_path: Path):
    """Only a folder holding a page or a text as received must be named as an article."""
    good, _ = good_project
    project = tmp_path / "project"
    copy_built(good, project)
    (project / "content/articles/Pictures").mkdir()
    (project / "content/articles/Pictures/map.png").write_bytes(b"\x89PNG")
    result = build_here(project, project / "output")
    assert result.returncode == 0 and "Pictures" not in result.stderr, result.stderr

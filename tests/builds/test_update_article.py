"""`make update-article` (explainer/authoring/update_article.py): the publisher revised the
one-article fixture's story. The revision, worked out by hand:

    p1  "on Monday" -> "on Tuesday"               words changed (the editor's note's words gone)
    p2  "The purchase needs the approval ..."     added
    p3  the old p2, word for word                 moved: its citations follow it
    p4  the old p3, "2027" -> "2028"              words changed (the event's quote gone)
"""

from __future__ import annotations

import datetime
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from support import FIXTURES, ROOT, build_here, copy_project, edit

from explainer.authoring.update_article import update_article
from explainer.core.problems import ContentError
from explainer.core.text_fragments import collapse, match, parse

OLD = (FIXTURES / "one-article" / "content" / "articles" / "story" / "source.txt").read_text(encoding="utf-8")
NEW = (OLD.replace("said on Monday it", "said on Tuesday it")
       .replace("The details\n", "The purchase needs the approval of the competition regulator.\n\nThe details\n")
       .replace("a price rise in 2027", "a price rise in 2028"))
DAY = datetime.date(2026, 12, 4)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "one-article" / "content", content)
    (tmp_path / "revised.txt").write_text(NEW, encoding="utf-8")
    return content


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_the_fixture_revision_is_as_described():
    assert NEW.count("Tuesday") == 1 and NEW.count("2028") == 1 and NEW.count("competition regulator") == 1
    assert "Monday" not in NEW and "2027" not in NEW


def test_two_paragraphs_that_changed_places_are_said_as_moved_and_their_quotes_follow(content: Path):
    blocks = OLD.split("\n\n")
    first, second = [i for i, block in enumerate(blocks) if block.rstrip().endswith(".")][:2]  # p1 and p2
    blocks[first], blocks[second] = blocks[second], blocks[first]
    (content.parent / "swapped.txt").write_text("\n\n".join(blocks), encoding="utf-8")
    notes = content / "notes" / "notes.yaml"
    cites = lambda pid: len(re.findall(rf"paragraph: (?:story#)?{pid}\b", notes.read_text(encoding="utf-8")))  # noqa: E731
    before = (cites("p1"), cites("p2"))
    updated = update_article("story", content.parent / "swapped.txt", content, DAY)
    revision = updated.revision
    assert (revision.added, revision.changed, revision.removed, revision.moved) == ([], [], 0, {"p1": "p2", "p2": "p1"})
    assert not updated.gone and (cites("p2"), cites("p1")) == before and min(before) > 0


def test_a_quote_gone_is_said_at_its_quote_line_as_the_build_says_it(content: Path):
    notes = content / "notes" / "notes.yaml"
    edit(notes, '    source: {paragraph: p3, quote: "a price rise in 2027"}',
         '    source:\n      paragraph: p3\n      quote: "a price rise in 2027"')  # as a draft writes it
    updated = update_article("story", content.parent / "revised.txt", content, DAY)
    assert line_of(notes, 'quote: "a price rise in 2027"') in [p.line for p in updated.gone]


def test_a_revision_keeps_the_old_text_moves_quotes_and_reports_those_gone(content: Path):
    notes = content / "notes" / "notes.yaml"
    before = notes.read_text(encoding="utf-8")
    gone_lines = (line_of(notes, 'quote: "a price rise in 2027"'), line_of(notes, 'quote: "on Monday"'))
    moved_lines = [n for n, line in enumerate(before.splitlines(), 1) if "paragraph: p2" in line]
    updated = update_article("story", content.parent / "revised.txt", content, DAY)

    revision = updated.revision
    assert (revision.added, revision.changed, revision.removed, revision.moved) == (["p2"], ["p1", "p4"], 0, {"p2": "p3"})
    folder = content / "articles" / "story"
    assert (folder / "revisions" / "1.txt").read_text(encoding="utf-8") == OLD  # the previous text, kept
    assert (folder / "source.txt").read_text(encoding="utf-8") == NEW
    assert "revised: '2026-12-04'" in (folder / "revisions.yaml").read_text(encoding="utf-8")

    # The citations of the old p2 now cite p3, each said; nothing else in the file changed.
    after = notes.read_text(encoding="utf-8")
    # (the event's gone quote cites the old p3, now p4: it follows its paragraph, for the build's message)
    assert after == before.replace("paragraph: p2", "paragraph: p3").replace(
        '{paragraph: p3, quote: "a price rise in 2027"}', '{paragraph: p4, quote: "a price rise in 2027"}')
    assert [line.split(": ", 1)[0].rsplit(":", 1)[1] for line in updated.moved] == [str(n) for n in moved_lines]
    assert all(" p2 -> p3: " in line for line in updated.moved) and len(moved_lines) == 4
    # The quotes whose words the revision changed, at their lines; the editor's note also as corrected.
    assert [p.line for p in updated.gone] == list(gone_lines)
    assert [p.message for p in updated.gone] == [
        "the quote 'a price rise in 2027' (p3) is not in the revised text (p3 is now p4): quote the new words, or remove the note",
        "the quote 'on Monday' (p1) is not in the revised text: quote the new words, or remove the note"]
    assert len(updated.corrected) == 1 and 'editor\'s note "on-monday"' in updated.corrected[0]


def test_the_build_refuses_until_the_gone_quotes_are_resolved_then_says_what_changed(tmp_path: Path):
    project = copy_project(tmp_path / "project", FIXTURES / "one-article")
    content = project / "content"
    (tmp_path / "revised.txt").write_text(NEW, encoding="utf-8")
    shown = subprocess.run([sys.executable, "-m", "explainer", "update-article", "story", str(tmp_path / "revised.txt"),
                            "--input", str(content)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert shown.returncode == 1 and "make html refuses until these quotes are resolved" in shown.stderr
    refused = build_here(project, project / "output")
    assert refused.returncode != 0 and "quote not found in p4: 'a price rise in 2027'" in refused.stderr + refused.stdout

    notes = content / "notes" / "notes.yaml"
    edit(notes, 'when: "2027"', 'when: "2028"')  # the author resolves the event: its new words
    edit(notes, 'quote: "a price rise in 2027"', 'quote: "a price rise in 2028"')
    text = notes.read_text(encoding="utf-8")
    start = text.index("editors_notes:")
    notes.write_text(text[:start] + text[text.index("takeaways:"):], encoding="utf-8")  # the corrected words' note goes
    built = build_here(project, project / "output")
    assert built.returncode == 0, built.stderr + built.stdout
    page = BeautifulSoup((project / "output" / "story.html").read_text(encoding="utf-8"), "html.parser")
    note = page.select_one("ul.revisions li")
    today = datetime.date.today()
    assert note.get_text() == (f"Updated {today.day} {today.strftime('%B')} {today.year}: ¶ 2 added; words changed "
                               "in ¶ 1, ¶ 4; ¶ 2 is now ¶ 3.")
    hrefs = [a["href"] for a in note.select("a")]
    assert [href.partition(":~:")[0] for href in hrefs] == ["#p2", "#p1", "#p4", "#p3"], hrefs
    blocks = page.select("main h1, main h2, main p")
    for href in hrefs:  # each lands on its paragraph's words, as every link to a paragraph does
        landed = match(parse(href.partition(":~:")[2]), [collapse(b.get_text()) for b in blocks])
        assert landed and blocks[landed[0]].get("id") == href[1:].partition(":~:")[0], (href, landed)


def test_an_old_citation_link_still_lands_on_its_words(content: Path):
    """A link made before the revision (`#p2:~:text=...`: "completed by the end of this year")
    finds the words in the new p3: text fragments follow the words, not the number."""
    old_page = [collapse(b) for b in OLD.splitlines() if b.strip()]
    new_page = [collapse(b) for b in NEW.splitlines() if b.strip()]
    terms = parse("text=completed%20by,this%20year")
    assert match(terms, old_page)[0] == old_page.index(next(b for b in old_page if "completed by" in b))
    landed = match(terms, new_page)
    assert new_page[landed[0]].startswith("The deal will be completed") and landed[0] == 4  # title, p1, p2, heading, p3


def test_a_refusal_writes_nothing(content: Path, tmp_path: Path):
    before = {p: p.read_bytes() for p in content.rglob("*") if p.is_file()}
    for article, text, said in [("stroy", NEW, 'no article "stroy" to update (did you mean "story"?)'),
                                ("story", OLD, "the same text"),
                                ("story", "caf\xe9", None)]:
        path = tmp_path / "in.txt"
        path.write_bytes(text.encode("latin-1") if said is None else text.encode("utf-8"))
        with pytest.raises(ContentError) as refused:
            update_article(article, path, content, DAY)
        assert (said or "not UTF-8") in refused.value.problems[0].message
    assert {p: p.read_bytes() for p in content.rglob("*") if p.is_file()} == before


def test_renumbered_paragraphs_are_said_as_runs():
    """The demo's revision (a paragraph added before the old ¶ 4, a misspelling corrected in the
    old ¶ 9): eight paragraphs renumbered, said as two runs."""
    from types import SimpleNamespace

    from explainer.content.revisions import Revision
    from explainer.render.revisions import revision_notes

    moved = {f"p{n}": f"p{n + 1}" for n in (4, 5, 6, 7, 8, 10, 11, 12)}
    (note,) = revision_notes(SimpleNamespace(revisions=[Revision(DAY, "revisions/1.txt", ["p4"], ["p10"], 0, moved)]),
                             lambda pid: f"{pid}:~:text=its%20words")
    text = BeautifulSoup(str(note), "html.parser")
    assert text.get_text() == ("Updated 4 December 2026: ¶ 4 added; words changed in ¶ 10; "
                               "¶ 4–8 are now ¶ 5–9, ¶ 10–12 are now ¶ 11–13.")
    assert [a["href"] for a in text.select("a")] == [f"#p{n}:~:text=its%20words" for n in (4, 10, 5, 9, 11, 13)]


def test_the_front_matter_an_author_wrote_is_kept_however_it_is_laid_out(content: Path):
    """A summary wrapped over two lines (YAML that does not write back byte for byte) kept
    with every other field; only the title is the new text's."""
    article = content / "articles" / "story" / "article.md"
    head, _, body = article.read_text(encoding="utf-8").removeprefix("---\n").partition("\n---\n")
    head = head.replace("publisher: example.org", "publisher:  The Wire")  # two spaces: as typed
    article.write_text(f"---\n{head}\nsummary: The deal, told in\n  two lines.\n---\n{body}", encoding="utf-8")
    update_article("story", content.parent / "revised.txt", content, DAY)
    from ruamel.yaml import YAML
    front = YAML(typ="safe").load(article.read_text(encoding="utf-8").removeprefix("---\n").partition("\n---\n")[0])
    kept = YAML(typ="safe").load(head)
    assert front["summary"] == "The deal, told in two lines." and front["publisher"] == "The Wire"
    assert {k: v for k, v in front.items() if k not in ("summary", "publisher", "title")} == \
        {k: v for k, v in kept.items() if k not in ("summary", "publisher", "title")}
    assert front["title"] == NEW.splitlines()[0].strip()

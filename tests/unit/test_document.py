"""Content files are checked with `path:line: message` errors (no Pelican involved): each
page is loaded on its own (explainer.document.load_document), and rendered without notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer.content.document import load_document
from explainer.render.authored import render_document
from explainer.render.markdown import RenderEnv

SOURCE = "Title here\n\nFirst paragraph, as received.\n\nA heading\n\nSecond paragraph\u2019s text.\n"
GOOD = """---
title: Title here
author: A. Writer
publisher: example.org
source_url: https://example.org/story
---

First paragraph, as received.

## A heading

Second paragraph's text.
"""


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content" / "articles" / "story"
    folder.mkdir(parents=True)
    (folder / "source.txt").write_text(SOURCE, encoding="utf-8")
    return tmp_path / "content"


def read(content: Path, text: str, name: str = "articles/story/article.md"):
    path = content / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    doc = load_document(path, content)
    return doc, [(p.line, p.message) for p in doc.problems]


def html(doc) -> str:
    return render_document(doc, RenderEnv()).html


def test_good_article_has_no_problems_and_numbered_paragraphs(content):
    doc, problems = read(content, GOOD)
    assert problems == []
    assert doc.metadata["slug"] == "story"
    assert doc.metadata["template"] == "article"
    page = html(doc)
    assert '<p id="p2">' in page and '<p id="p3">' not in page


def test_typographic_quotes_fold_but_words_do_not(content):
    _, problems = read(content, GOOD.replace("Second paragraph's", "Second paragraphs"))
    assert len(problems) == 1
    line, message = problems[0]
    assert line == 12 and "differs from" in message and "source.txt:7" in message


def test_missing_block(content):
    _, problems = read(content, GOOD.replace("## A heading\n\n", ""))
    assert len(problems) == 1
    line, message = problems[0]
    assert line == 10 and message.startswith("missing the block at ") and "source.txt:5: 'A heading'" in message


def test_added_block(content):
    _, problems = read(content, GOOD + "\nAn opinion of ours.\n")
    assert len(problems) == 1
    assert problems[0][0] == 14 and problems[0][1].startswith("not in ") and "editor's note" in problems[0][1]


def test_title_must_match_the_first_line(content):
    _, problems = read(content, GOOD.replace("title: Title here", "title: Another title"))
    assert problems == [(2, problems[0][1])] and "title differs" in problems[0][1]


def test_unknown_field_suggests_the_right_one(content):
    _, problems = read(content, GOOD.replace("publisher:", "publsher:"))
    assert (4, 'unknown field "publsher" (did you mean "publisher"?)') in problems


def test_missing_required_field(content):
    _, problems = read(content, GOOD.replace("title: Title here\n", ""))
    assert (2, 'missing required field "title"') in problems


def test_author_publisher_and_source_url_may_wait(content):
    """A received text may name no author; publisher and source_url are filled in later
    (a publish refuses an empty source_url: tests/test_new_article.py)."""
    text = GOOD.replace("author: A. Writer\n", "").replace("example.org\n", "\n").replace(
        "https://example.org/story", "")
    _, problems = read(content, text)
    assert problems == []


def test_bad_url(content):
    _, problems = read(content, GOOD.replace("https://example.org/story", "javascript:alert(1)"))
    assert [line for line, _ in problems] == [5] and "source_url" in problems[0][1]


def test_duplicate_key_names_both_lines(content):
    _, problems = read(content, GOOD.replace("publisher: example.org", "publisher: example.org\nauthor: B"))
    assert problems == [(5, 'duplicate key "author": already given on line 3')]


def test_unclosed_and_missing_front_matter(content):
    _, problems = read(content, GOOD.replace("---\n\nFirst", "\nFirst", 1))
    assert problems == [(1, "front matter is not closed: add a line with --- after it")]
    _, problems = read(content, "Just text.\n", "page.md")
    assert len(problems) == 1 and problems[0][0] == 1 and "no front matter" in problems[0][1]


def test_not_utf8(content):
    path = content / "latin1.md"
    path.write_bytes("---\ntitle: Caf\u00e9\n---\n".encode("latin-1"))
    problems = load_document(path, content).problems
    assert [(p.line, "UTF-8" in p.message) for p in problems] == [(2, True)]


def test_article_needs_its_source(content):
    (content / "articles" / "story" / "source.txt").unlink()
    _, problems = read(content, GOOD)
    assert problems == [(1, "no source.txt beside the article: keep the text as received there")]


def test_pages_are_not_articles(content):
    doc, problems = read(content, "---\ntitle: About\n---\n\nOne.\n", "about.md")
    assert problems == [] and doc.metadata == {"title": "About", "template": "page", "status": "published", "slug": "about"}
    assert 'id="p1"' not in html(doc)


def test_error_text_is_path_colon_line(content):
    doc, _ = read(content, GOOD.replace("publisher:", "publsher:"))
    assert any(str(p).endswith('article.md:4: unknown field "publsher" (did you mean "publisher"?)')
               for p in doc.problems)


def test_the_article_holds_only_paragraphs_and_headings(content):
    extra = GOOD + "\n- Buy shares now.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```\n"
    _, problems = read(content, extra)
    kinds = [(line, message.split(" is not part")[0]) for line, message in problems]
    assert kinds == [(14, "a list"), (16, "a table"), (20, "a code block")]


def test_images_from_another_host_are_refused(content):
    _, problems = read(content, "---\ntitle: About\n---\n\nA ![pixel](https://tracker.example/p.gif) and ![ok](img/ok.png).\n",
                       "about.md")
    assert len(problems) == 1
    assert problems[0][0] == 5 and "https://tracker.example/p.gif" in problems[0][1] and "another host" in problems[0][1]


def test_a_byte_order_mark_is_not_content(content):
    path = content / "articles" / "story" / "article.md"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    assert load_document(path, content).problems == []


def test_an_image_must_say_what_it_shows(content):
    """An image without alt text is reported at its line (the build's check refuses it: a
    reader who cannot see it would be told nothing); one with alt text is fine."""
    doc, problems = read(content, "---\ntitle: About\n---\n\nOne.\n\nA ![](img/chart.png) and ![A chart](img/ok.png).\n",
                         "about.md")
    assert problems == []
    assert [(p.line, p.message.split(":")[0]) for p in doc.lint] == [(7, "an image without alt text")]
    assert '<img src="img/ok.png" alt="A chart">' in html(doc)


def test_a_received_line_ending_in_an_ellipsis_is_a_paragraph_not_a_heading():
    """A heading is a line without closing punctuation; an ellipsis closes a sentence (a
    quoted trail-off: "...would bring 200 jobs..."), so the line is a numbered paragraph."""
    from explainer.content.source import is_heading

    assert not is_heading("The mayor said the plan would bring 200 jobs\u2026")
    assert is_heading("What the buyers want")

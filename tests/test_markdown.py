"""The markdown-it configuration, rule by rule, against input/expected fixture files."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it.utils import read_fixture_file

from explainer.markdown import markdown

FIXTURES = Path(__file__).parent / "fixtures" / "markdown"


def cases(name: str):
    return [pytest.param(text, expected, id=f"{name}:{line}:{title}")
            for line, title, text, expected in read_fixture_file(FIXTURES / name)]


@pytest.mark.parametrize("text,expected", cases("paragraph_ids.md"))
def test_paragraph_ids(text, expected):
    assert markdown().render(text, {"paragraph_ids": True}) == expected


@pytest.mark.parametrize("text,expected", cases("links.md") + cases("blocks.md"))
def test_links_and_blocks(text, expected):
    assert markdown().render(text, {}) == expected


def test_paragraph_ids_only_when_asked():
    assert markdown().render("One.\n\nTwo.\n", {}) == "<p>One.</p>\n<p>Two.</p>\n"

"""The markdown-it configuration, rule by rule, against input/expected fixture files."""

from __future__ import annotations

import pytest
from markdown_it.utils import read_fixture_file

from explainer.render.markdown import RenderEnv, render_markdown
from support import FIXTURES as SUPPORT_FIXTURES

FIXTURES = SUPPORT_FIXTURES / "markdown"


def cases(name: str):
    return [pytest.param(text, expected, id=f"{name}:{line}:{title}")
            for line, title, text, expected in read_fixture_file(FIXTURES / name)]


@pytest.mark.parametrize("text,expected", cases("paragraph_ids.md"))
def test_paragraph_ids(text, expected):
    assert render_markdown(text, RenderEnv(), numbered=True) == (expected, [])


@pytest.mark.parametrize("text,expected", cases("links.md") + cases("blocks.md"))
def test_links_and_blocks(text, expected):
    assert render_markdown(text, RenderEnv()) == (expected, [])


def test_paragraph_ids_only_when_asked():
    assert render_markdown("One.\n\nTwo.\n", RenderEnv()) == ("<p>One.</p>\n<p>Two.</p>\n", [])

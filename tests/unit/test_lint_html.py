"""HTML in an author's text is refused (it would show as text); a comparison is no HTML."""

import pytest

from explainer.content.lint import text_problem


@pytest.mark.parametrize("text", ["a < b > c", "prices 5 < 6 and 7 > 3", "<- arrows ->", "x <= y"])
def test_angle_brackets_in_prose_are_text(text: str):
    assert text_problem(text) is None


@pytest.mark.parametrize("text", ["x <b>bold</b>", "<script>alert(1)</script>", "</div>", "<!-- note -->", "<br/>",
                                  '<a href="x">y</a>'])
def test_a_tag_is_refused(text: str):
    assert text_problem(text).startswith("HTML is not allowed")

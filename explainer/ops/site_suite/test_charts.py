"""The site's drawings in Chromium, as any explainer site must pass them: no word of a chart
(a label, a legend, a figure) runs off the edge of its drawing, where it would be cut off
("Renault–Nissan–Mitsubishi" past the relationship map's right edge), and a point of a
drawing wider than its box comes wholly into view when the keyboard reaches it. Measured as
drawn, on every page that has one.

Skipped without Chromium unless EXPLAINER_REQUIRE_BROWSER=1."""

from __future__ import annotations

import pytest

# Each text of each chart whose drawn box leaves its drawing's (half a pixel of slack): the
# boxes as drawn, so a group's transform counts (a legend's).
OFF_THE_EDGE = """() => [...document.querySelectorAll("svg.chart")].flatMap(svg => {
  const box = svg.getBoundingClientRect();
  return [...svg.querySelectorAll("text")].filter(text => {
    const b = text.getBoundingClientRect();
    return b.left < box.left - 0.5 || b.top < box.top - 0.5 || b.right > box.right + 0.5 || b.bottom > box.bottom + 0.5;
  }).map(text => `${svg.closest("figure")?.id || "chart"}: "${text.textContent}"`);
})"""


def test_no_charts_words_run_off_its_drawing(open_page, html_pages):
    charted = [path for path, soup in html_pages.items() if soup.select_one("svg.chart")]
    if not charted:
        pytest.skip("this site draws no chart")
    off = {path: found for path in charted if (found := open_page(path).evaluate(OFF_THE_EDGE))}
    assert off == {}


# Each link of a drawing that scrolls sideways, focused in turn: those not wholly inside the
# scrolling box once they have the focus (a keyboard user would not see where they are).
FOCUSED_OUT_OF_VIEW = """() => [...document.querySelectorAll(".visual-scroll svg a")].filter(a => {
  a.focus();
  const box = a.closest(".visual-scroll").getBoundingClientRect(), at = a.getBoundingClientRect();
  return at.left < box.left - 1 || at.right > box.right + 1;
}).map(a => a.textContent.trim())"""


@pytest.mark.parametrize("width", [390, 1280])
def test_a_drawings_point_comes_into_view_when_the_keyboard_reaches_it(open_page, html_pages, width):
    scrolled = [path for path, soup in html_pages.items() if soup.select_one(".visual-scroll svg a")]
    if not scrolled:
        pytest.skip("this site draws nothing wider than its box")
    off = {path: found for path in scrolled
           if (found := open_page(path, viewport={"width": width, "height": 800}).evaluate(FOCUSED_OUT_OF_VIEW))}
    assert off == {}

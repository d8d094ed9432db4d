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


# Each tie's line as drawn, its kind and whether it ends in an arrowhead; each kind's stroke
# as the legend draws it.
TIES = """() => [...document.querySelectorAll("svg.chart")].map(svg => ({
  chart: svg.closest("figure")?.id || "chart",
  ties: [...svg.querySelectorAll("line.map-edge")].filter(l => !l.closest("g")).map(l => {
    return {kind: [...l.classList].find(c => c.startsWith("rel-")), head: l.hasAttribute("marker-end"),
            at: [+l.getAttribute("x1"), +l.getAttribute("y1"), +l.getAttribute("x2"), +l.getAttribute("y2")]};
  }),
  legend: [...svg.querySelectorAll("g line.map-edge")].map(l => {
    const s = getComputedStyle(l);
    return [[...l.classList].find(c => c.startsWith("rel-")), `${s.stroke} ${s.strokeWidth}`];
  }),
})).filter(chart => chart.ties.length)"""


def test_each_tie_of_a_map_can_be_seen_and_told_from_the_others(open_page, html_pages):
    """No tie is drawn over another (two ties of one pair side by side: Nissan's stake in
    Renault and their partnership had been one line); a tie that runs both ways (partners) has
    no arrowhead; each kind of tie in a legend is drawn its own way."""
    pages = [name for name, soup in html_pages.items() if soup.select("svg.chart line.map-edge")]
    if not pages:
        pytest.skip("this site has no relationship map")
    wrong = []
    for name in pages:
        for chart in open_page(name, viewport={"width": 1280, "height": 900}).evaluate(TIES):
            seen = {}
            for tie in chart["ties"]:
                x1, y1, x2, y2 = tie["at"]
                for key in ((x1, y1, x2, y2), (x2, y2, x1, y1)):
                    if key in seen:
                        wrong.append(f"{name} {chart['chart']}: {tie['kind']} drawn over {seen[key]}")
                seen[(x1, y1, x2, y2)] = tie["kind"]
                if tie["kind"] == "rel-partner-of" and tie["head"]:
                    wrong.append(f"{name} {chart['chart']}: a partnership drawn with an arrowhead")
            styles = dict(chart["legend"])
            if len(set(styles.values())) < len(styles):
                wrong.append(f"{name} {chart['chart']}: kinds of tie drawn alike: {styles}")
    assert not wrong, "\n".join(wrong)


# Each drawing's box that is narrower than the drawing: whether it shows an edge's shadow,
# the hint that there is more to scroll to (pages.css).
HINTED = """() => [...document.querySelectorAll(".visual-scroll")].filter(box => box.scrollWidth > box.clientWidth + 1)
  .map(box => { const s = getComputedStyle(box);
                return {chart: box.closest("figure")?.id || "chart",
                        hinted: (s.backgroundImage.match(/gradient/g) || []).length >= 2
                                && s.backgroundAttachment.includes("local")}; })"""


def test_a_drawing_wider_than_its_box_shows_there_is_more_to_scroll_to(open_page, html_pages):
    """The timeline's strip at 1200 px runs past its box, and Chromium may show no scrollbar
    (overlay scrollbars): a shadow at the edge with more says so. At 390 and 1200 px."""
    pages = [name for name, soup in html_pages.items() if soup.select(".visual-scroll")]
    boxes = [(name, width, box) for width in (390, 1200) for name in pages
             for box in open_page(name, viewport={"width": width, "height": 900}).evaluate(HINTED)]
    if not boxes:
        pytest.skip("no drawing of this site is wider than its box, at 390 or 1200 px")
    wrong = [f"{name} {box['chart']} at {width} px: wider than its box, with no hint"
             for name, width, box in boxes if not box["hinted"]]
    assert not wrong, "\n".join(wrong)


# Each chart's words drawn smaller than a phone reader can read: their size times the
# drawing's scale on the screen.
TOO_SMALL = """(least) => [...document.querySelectorAll("svg.chart")].flatMap(svg => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return [...svg.querySelectorAll("text")].filter(t => parseFloat(getComputedStyle(t).fontSize) * scale < least)
    .map(t => `${svg.closest("figure")?.id || "chart"}: "${t.textContent}" at ${(parseFloat(getComputedStyle(t).fontSize) * scale).toFixed(1)} px`);
})"""


def test_a_charts_words_are_drawn_large_enough_to_read_on_a_phone(open_page, html_pages):
    """At 390 px, no word of a drawing is scaled below 10 px (the shareholding chart's two
    panels side by side had drawn "Nissan" at about 7 px); a drawing too wide scrolls instead."""
    pages = [name for name, soup in html_pages.items() if soup.select("svg.chart")]
    if not pages:
        pytest.skip("this site has no drawing")
    small = [word for name in pages
             for word in open_page(name, viewport={"width": 390, "height": 844}).evaluate(TOO_SMALL, 10)]
    assert not small, "\n".join(small)

"""Static accessibility checks over every built page (the browser tests add axe-core)."""

from __future__ import annotations

import pytest


def test_every_svg_has_a_title_and_a_description(html_pages):
    for page, soup in html_pages.items():
        # Each build-time visual is a figure holding its picture (render/visuals.py).
        assert all(figure.find("svg") for figure in soup.select("figure.visual")), page
        for svg in soup.find_all("svg"):
            title, desc = svg.find("title", recursive=False), svg.find("desc", recursive=False)
            assert title and title.get_text(strip=True), f"{page}: an svg without a title"
            assert desc and desc.get_text(strip=True), f"{page}: an svg without a description"
            assert svg.get("role") in ("img", "group"), page
            labelled_by = svg.get("aria-labelledby", "").split()
            assert labelled_by == [title.get("id"), desc.get("id")], page


def test_every_visual_has_a_text_equivalent(html_pages):
    for page, soup in html_pages.items():
        for figure in soup.select("figure.visual"):
            caption = figure.find("figcaption")
            assert caption and len(caption.get_text(strip=True)) > 20, page


def test_every_image_has_alt_text(html_pages):
    """Every <img> says what it shows (the check refuses an image without alt text in the
    content; the theme has none of its own)."""
    images = [(page, img) for page, soup in html_pages.items() for img in soup.find_all("img")]
    if not images:
        pytest.skip("this site's pages have no <img> (its pictures are the visuals' SVG, checked above)")
    for page, img in images:
        assert img.get("alt", "").strip(), f"{page}: {img}"


@pytest.mark.parametrize("check", ["lang", "one h1", "one main", "named nav", "skip link", "heading levels"])
def test_page_structure(html_pages, check):
    for page, soup in html_pages.items():
        if check == "lang":
            assert soup.html.get("lang"), page
        elif check == "one h1":
            assert len(soup.find_all("h1")) == 1, page
        elif check == "one main":
            assert len(soup.find_all("main")) == 1, page
        elif check == "named nav":
            assert all(nav.get("aria-label") for nav in soup.find_all("nav")) and soup.find("nav"), page
        elif check == "skip link":
            skip = soup.select_one("a.skip-link")
            assert skip and soup.find(id=skip["href"].lstrip("#")), page
        elif check == "heading levels":
            levels = [int(h.name[1]) for h in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])
                      if not h.find_parent(id="note-cards")]
            skipped = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
            assert not skipped, f"{page}: heading levels jump {skipped}"

"""What the browser tests share besides tests/conftest.py: the article of the fixture site
as the build loads it, and screenshots checked to show the page."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from explainer.content import site as content_site
from explainer.content.document import Document
from support import SCREENSHOTS, page_types


@pytest.fixture(scope="session")
def article(content: content_site.Content, html_pages: dict[str, BeautifulSoup]) -> Document:
    """The article the tests open (page_types' "article"): its page as read and checked,
    with its paragraphs and front matter."""
    path = page_types(html_pages)["article"]
    return next(doc for doc in content.documents.values() if doc.article is not None and doc.output == path)


@pytest.fixture(scope="session")
def article_path(article: Document) -> str:
    """The article's page inside the output."""
    return article.output


@pytest.fixture
def screenshot():
    """`screenshot(page, name, full_page=True, shows="h1")`: a screenshot of the page as
    test-artifacts/screenshots/NAME.png, checked to show it: a PNG as wide as the viewport
    (as tall as the page, full_page; else as the viewport), and the element `shows` drawn
    in it: where it is, the picture has ink on a background (its darkest and lightest pixels
    differ) and changes when that element alone is hidden (what is drawn there is it, not
    what lies under it)."""
    from PIL import Image, ImageChops

    def take(page, name: str, *, full_page: bool = True, shows: str = "h1") -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        path.unlink(missing_ok=True)
        page.screenshot(path=str(path), full_page=full_page)
        width, height = page.viewport_size["width"], page.viewport_size["height"]
        if full_page:
            height = max(height, page.evaluate("document.documentElement.scrollHeight"))
        element = page.locator(shows).first
        assert element.is_visible(), f"{name}: {shows} is not shown"
        box = element.bounding_box()
        assert box is not None
        if full_page:  # the box is from the viewport's top left; the image from the page's
            box["x"] += page.evaluate("scrollX")
            box["y"] += page.evaluate("scrollY")
        area = (int(box["x"]), int(box["y"]), int(box["x"] + box["width"]), int(box["y"] + box["height"]))
        hidden = element.evaluate("""e => { const was = e.style.getPropertyValue("visibility");
            e.style.setProperty("visibility", "hidden", "important"); return was; }""")
        try:
            without = page.screenshot(full_page=full_page)
        finally:
            element.evaluate("(e, was) => was ? e.style.setProperty('visibility', was)"
                             " : e.style.removeProperty('visibility')", hidden)
        with Image.open(path) as image, Image.open(io.BytesIO(without)) as behind:
            assert image.format == "PNG", name
            assert image.size == (width, height), (name, image.size, (width, height))
            drawn, under = image.convert("L").crop(area), behind.convert("L").crop(area)
        darkest, lightest = drawn.getextrema()
        assert lightest - darkest >= 100, f"{name}: nothing drawn where {shows} is ({darkest}..{lightest})"
        change = ImageChops.difference(drawn, under).getextrema()[1]
        assert change >= 100, f"{name}: {shows} is not what is drawn where it is (hiding it changes {change}/255)"
        return path

    return take

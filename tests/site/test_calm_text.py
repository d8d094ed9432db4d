"""A calm text, on the site under test: each article has between 15 and 40 words per link a
reader sees in its paragraphs (the density the demo was tuned to: 17.6), counted in Chromium
with the Explanations switch on (the default). The generator's own tests check, on a fixture
that names every kind of note in a short text, that each note is linked once and nothing
else looks like a link (tests/browser/test_reading.py)."""

from __future__ import annotations

from support import VISIBLE_LINKS, WORD


def test_every_article_has_between_15_and_40_words_per_visible_link(open_page, article_sources):
    for article_id, source in sorted(article_sources.items()):
        page = open_page(f"{article_id}.html", viewport={"width": 1280, "height": 900})
        measured = page.evaluate(VISIBLE_LINKS)
        received = [line for line in source.read_text(encoding="utf-8").splitlines() if line.strip()][1:]
        words = sum(len(WORD.findall(line)) for line in received if line not in measured["headings"])
        assert measured["links"] > 0, article_id
        assert 15 <= words / measured["links"] <= 40, (article_id, words, measured["links"])

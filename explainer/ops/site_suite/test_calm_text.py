"""A calm text, on the site under test: in each article's paragraphs, every link a reader
sees (the Explanations switch on, the default) is a note's, each note's once; counted in
Chromium. (The density a story's links have depends on how many names it gives in how many
words: the generator's repository holds its demo to the band it was tuned to.)"""

from __future__ import annotations

from explainer.ops.site_suite.support import VISIBLE_LINKS


def test_every_visible_link_in_an_article_is_a_notes_once(open_page, article_sources):
    for article_id in sorted(article_sources):
        page = open_page(f"{article_id}.html", viewport={"width": 1280, "height": 900})
        measured = page.evaluate(VISIBLE_LINKS)
        assert measured["links"] > 0, article_id
        assert len(set(measured["notes"])) == len(measured["notes"]) == measured["links"], (article_id, measured)

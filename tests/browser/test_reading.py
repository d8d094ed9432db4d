"""Reading the article in Chromium: a calm text (words per visible link), the Explanations
switch (keyboard, screen reader, remembered, hidden without JavaScript) and clean quotes
(what a reader selects and copies is the article's words as received, nothing added).

The fixture site's article (tests/fixtures/full-site), with its nested editor's notes (p5).
Expectations come from the received text (source.txt, one block per line), not from a run."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from support import VISIBLE_LINKS, WORD, axe_violations, page_types


@pytest.fixture(scope="module")
def source_lines(article_sources, article) -> list[str]:
    """source.txt of the article, one block per line: the headline first."""
    text = article_sources[article.article.id].read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def received(source_lines) -> list[str]:
    """The article's blocks as received: every line of source.txt but the headline."""
    return source_lines[1:]


@pytest.fixture(scope="module")
def headline(source_lines) -> str:
    return source_lines[0]


def test_the_article_has_between_10_and_40_words_per_visible_link(open_page, article_path, received, content,
                                                                  article):
    """A calm text. The fixture names every kind of note in 237 words (13 a link): the band
    a real article keeps (15 to 40) is the site's to keep; what the generator keeps is each
    note linked once, nothing else in the text seen as a link, and the density in a band."""
    page = open_page(article_path, viewport={"width": 1280, "height": 900})
    measured = page.evaluate(VISIBLE_LINKS)
    # The words: the article's paragraphs as received (its headings carry no links).
    words = sum(len(WORD.findall(line)) for line in received if line not in measured["headings"])
    assert measured["links"] > 0 and words > 100
    assert 10 <= words / measured["links"] <= 40, (words, measured["links"])
    # Each note linked once (its first mention); every visible link a note's (no permalink seen).
    assert len(set(measured["notes"])) == len(measured["notes"]) == measured["links"], measured["notes"]
    # The editor's markers are there too, beside the words: one per editor's note on the article.
    site = content.site
    own = [n for n in site.editors_notes if site.resolve(n.source.paragraph)[0].id == article.article.id]
    assert measured["markers"] == len(own) > 0


def switch(page):
    return page.get_by_role("switch", name="Explanations")


def test_the_explanations_switch_turns_links_and_marks_off_by_keyboard_and_stays_off(open_page, article_path,
                                                                                     html_pages):
    page = open_page(article_path)
    button = switch(page)
    assert button.is_visible() and button.get_attribute("aria-checked") == "true"
    note_links = "main article p[id] a[data-card]"
    assert page.locator(note_links).count() > 10
    button.focus()
    page.keyboard.press("Space")
    assert button.get_attribute("aria-checked") == "false"
    # Plain reading: no link in the text but the paragraphs' own permalinks, no marker shown,
    # no mark highlighted; the words themselves all there.
    hrefs = page.eval_on_selector_all("main article p[id] a[href]", "as => as.map(a => a.className)")
    assert set(hrefs) == {"pilcrow"}
    assert page.locator(".flag-ref").first.is_hidden()
    assert page.eval_on_selector("mark.flag-error", "m => getComputedStyle(m).backgroundColor") == "rgba(0, 0, 0, 0)"
    page.keyboard.press("Tab")  # the next stop after the switch skips the text's former links
    assert page.evaluate("document.activeElement.closest('.flag-ref, a[data-card]')") is None
    # Remembered: another page, then the article again.
    page.goto(page.url.rsplit("/", 1)[0] + "/" + page_types(html_pages)["glossary"])
    page.goto(page.url.rsplit("/", 1)[0] + "/" + article_path)
    assert switch(page).get_attribute("aria-checked") == "false"
    assert page.locator(note_links).count() == 0
    switch(page).click()
    assert switch(page).get_attribute("aria-checked") == "true"
    assert page.locator(note_links).count() > 10
    assert page.locator(".flag-ref").first.is_visible()


def test_without_javascript_there_is_no_switch_and_the_explanations_are_on(open_page, article_path):
    page = open_page(article_path, java_script_enabled=False)
    assert page.locator("#explanations").is_hidden()
    assert page.locator("main article p[id] a[data-card]").count() > 10


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_plain_reading_has_no_wcag_violations(open_page, article_path, screenshot, scheme):
    page = open_page(article_path, color_scheme=scheme)
    switch(page).click()
    page.locator("main article p[id] .pilcrow").nth(1).click()  # with the "Copy quote" button
    expect(page.locator(".copy-quote")).to_be_visible()  # placed on the hashchange event, which comes when it comes
    assert axe_violations(page) == []
    screenshot(page, f"article-plain-{scheme}", full_page=False, shows=".copy-quote")


SELECT = """([id, from]) => {
  const p = document.getElementById(id), range = document.createRange();
  range.selectNodeContents(p);
  if (from) range.setStartBefore(p.querySelector(from));
  const selection = getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  return selection.toString();
}"""


def test_every_paragraph_selects_as_received(open_page, article_path, received):
    page = open_page(article_path)
    ids = page.eval_on_selector_all("main article p[id]", "ps => ps.map(p => p.id)")
    selected = [page.evaluate(SELECT, [pid, None]) for pid in ids]
    clean = [text for text in selected if text in received]
    assert len(clean) == len(ids), [t for t in selected if t not in received]
    assert clean == [line for line in received if line in clean]  # in order, each once


def test_a_run_of_sentences_copies_to_the_clipboard_as_received(open_page, article_path, received):
    """From inside a paragraph (an editor's mark, with markers after it) to its end, copied
    with the keyboard (Control+C): the clipboard holds the article's words from there on."""
    page = open_page(article_path)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin="/".join(page.url.split("/")[:3]))
    pid = page.eval_on_selector("main article p[id]:has(mark.flag + sup + *)", "p => p.id")
    # The mark's words (in the fixture, p5, a mark holding another mark and its marker).
    mark = page.eval_on_selector(f"#{pid} mark.flag", """m => {
        const words = m.cloneNode(true);
        words.querySelectorAll(".flag-ref").forEach(ref => ref.remove());
        return words.textContent;
    }""")
    paragraph = next(line for line in received if mark in line)
    page.evaluate(SELECT, [pid, "mark.flag"])
    page.keyboard.press("Control+C")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == paragraph[paragraph.index(mark):]
    assert "ed." not in copied and "¶" not in copied and "Editor" not in copied


def test_the_paragraph_a_reader_went_to_copies_as_a_quote_with_its_link(open_page, article_path, received,
                                                                        headline, base_url):
    """The ¶ of a paragraph with an editor's mark (markers inside it), then "Copy quote" by
    keyboard (following the ¶ lands on the button): the clipboard holds its words as received, the headline and the paragraph's URL."""
    page = open_page(article_path)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    assert page.locator(".copy-quote").count() == 0  # no paragraph is the target yet
    pid = page.eval_on_selector("main article p[id]:has(mark.flag)", "p => p.id")
    page.locator(f"#{pid} .pilcrow").focus()
    page.keyboard.press("Enter")  # the reader is now on the button
    copier = page.get_by_role("button", name=re.compile(r"^Copy quote"))
    expect(copier).to_be_focused()  # after the hashchange event, which comes when it comes
    assert copier.count() == 1
    assert copier.evaluate("b => b.closest('p').id") == pid
    # Selecting the paragraph still gives its words only, the button included in the paragraph.
    paragraph = page.evaluate(SELECT, [pid, None])
    assert paragraph in received
    page.keyboard.press("Enter")
    page.get_by_role("status").filter(has_text="Copied").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == f"\u201c{paragraph}\u201d \u2014 {headline}, {base_url}{article_path}#{pid}"
    # Another paragraph's ¶: the button moves there.
    other = page.eval_on_selector_all("main article p[id]", "ps => ps.map(p => p.id)")[-1]
    page.locator(f"#{other} .pilcrow").click()
    expect(copier).to_be_focused()
    assert copier.evaluate("b => b.closest('p').id") == other and page.locator(".copy-quote").count() == 1

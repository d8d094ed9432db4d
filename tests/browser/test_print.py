"""The article on paper (print media in Chromium): its title, byline and every paragraph
word for word; the editor's notes as numbered footnotes, each "ed." marker printed as its
number and, after the text, the notes listed in the same order; the source URL in full;
none of the site's header, navigation, search box, skip link, permalinks, preview cards
or footer. On screen the numbers and the list stay out of sight (and out of hearing).

The fixture site's article (tests/fixtures/full-site): what the page should say comes from
its content, read with the project's own loaders (explainer/content/: the `content` and
`article` fixtures), not from a build's output. Browser and server as in test_browser.py
(skipped without Chromium unless EXPLAINER_REQUIRE_BROWSER=1).
"""

from __future__ import annotations

import re

import pytest

from support import SCREENSHOTS, fold

from explainer.content.document import Document
from explainer.content.notes import EDITORS_NOTE_LABELS, EditorsNote, Site

# Everything of the site around the article, which paper does without.
NOT_PRINTED = [".skip-link", ".site-header", ".site-search", "nav", ".site-footer", ".pilcrow", "#note-cards",
               ".explanations-switch"]


def notes_of(site: Site, article: Document) -> dict[str, EditorsNote]:
    """The article's editor's notes, by id."""
    assert article.article is not None
    return {note.id: note for note in site.editors_notes
            if site.resolve(note.source.paragraph)[0].id == article.article.id}


@pytest.fixture
def printed(open_page, article_path):
    page = open_page(article_path, viewport={"width": 800, "height": 1100})
    page.emulate_media(media="print")
    return page


def markers(page) -> list[dict]:
    """Each editor's-note marker in reading order: the note it links to, what prints."""
    return page.eval_on_selector_all("main article sup.flag-ref", """refs => refs.map(ref => ({
        note: new URL(ref.querySelector('a').href).hash.slice(1),
        number: ref.querySelector('.flag-n') && ref.querySelector('.flag-n').innerText,
        ed: getComputedStyle(ref.querySelector('a'), '::before').content.includes('ed.'),
    }))""")


def test_the_site_around_the_article_is_not_printed(printed):
    assert printed.locator(".site-header").count() == 1 and printed.locator(".site-footer").count() == 1
    assert printed.locator(".pilcrow").count() > 0
    for selector in NOT_PRINTED:
        shown = [i for i in range(printed.locator(selector).count()) if printed.locator(selector).nth(i).is_visible()]
        assert shown == [], f"{selector} prints"


def test_title_byline_and_every_paragraph_print_word_for_word(printed, article):
    doc = article
    assert doc.article is not None and doc.metadata is not None
    h1 = printed.locator("main article h1")
    assert h1.is_visible() and fold(h1.inner_text()) == fold(doc.metadata["title"])
    byline = printed.locator("main article .byline")
    assert byline.is_visible() and fold(doc.metadata["author"]) in fold(byline.inner_text())
    # The paragraph as it prints, its footnote numbers left out (they are checked below).
    words = printed.eval_on_selector_all("main article p[id]", """ps => ps.map(p => {
        const refs = [...p.querySelectorAll('.flag-ref')].map(ref => [ref, document.createTextNode('')]);
        refs.forEach(([ref, gap]) => ref.replaceWith(gap));
        const text = p.checkVisibility() ? p.innerText : '';
        refs.forEach(([ref, gap]) => gap.replaceWith(ref));
        return [p.id, text];
    })""")
    assert [pid for pid, _ in words] == list(doc.article.paragraphs)
    for pid, text in words:
        assert fold(text) == fold(doc.article.paragraphs[pid].text), f"{pid} does not print as received"


def test_editors_notes_print_as_numbered_footnotes_in_reading_order(printed, content, article):
    notes = notes_of(content.site, article)
    found = markers(printed)
    assert sorted(m["note"] for m in found) == sorted(notes), "every note of the article, marked once"
    assert [m["number"] for m in found] == [str(n) for n in range(1, len(found) + 1)]
    assert not any(m["ed"] for m in found), '"ed." prints instead of the number'
    assert printed.locator("main article sup.flag-ref .flag-n").first.is_visible()

    footnotes = printed.locator("main article .print-notes li")
    assert printed.locator("main article .print-notes").is_visible()
    texts = [fold(t) for t in footnotes.all_inner_texts()]
    assert len(texts) == len(found)
    for n, (marker, text) in enumerate(zip(found, texts), 1):
        note = notes[marker["note"]]
        assert text.startswith(fold(f"\u201c{note.source.quote}\u201d")), f"footnote {n} is not about {note.id}"
        assert EDITORS_NOTE_LABELS[note.kind] in text and fold(note.likely) in text, f"footnote {n}: {text!r}"
        assert footnotes.nth(n - 1).is_visible()
        assert footnotes.nth(n - 1).evaluate("li => getComputedStyle(li).breakInside") == "avoid"


def test_numbers_of_nested_notes_print_apart(printed):
    """A note on words inside another note's words: the two numbers print as "2,3", not "23"."""
    pairs = printed.eval_on_selector_all("main article mark.flag > sup.flag-ref:last-child", """refs => refs
        .map(inner => [inner, inner.parentElement.nextElementSibling])
        .filter(([inner, outer]) => outer && outer.matches("sup.flag-ref"))
        .map(refs => refs.map(ref => {
            const n = ref.querySelector(".flag-n"), before = getComputedStyle(n, "::before").content;
            return (before === "none" ? "" : JSON.parse(before)) + n.innerText;
        }))""")
    assert pairs, "the fixture's article has a note on words inside another note's words (p5)"
    for inner, outer in pairs:
        assert inner.isdigit() and outer == f",{int(inner) + 1}", (inner, outer)


def test_the_source_url_prints_in_full(printed, article):
    assert article.metadata is not None
    url = article.metadata["source_url"]
    assert url.startswith("https://")
    source = printed.locator("main article .print-source")
    assert source.is_visible() and fold(source.inner_text()) == f"Source: {url}"
    # Said once: the link in the byline prints its words, not its address again.
    assert fold(printed.locator("main article").inner_text()).count(url) == 1


def test_links_print_as_plain_text_and_headings_stay_with_what_follows(printed):
    links = printed.eval_on_selector_all("main article p a[data-card]", """links => links.map(a => {
        const style = getComputedStyle(a), around = getComputedStyle(a.closest('p'));
        return [style.color === around.color, style.textDecorationLine];
    })""")
    assert links and all(same and decoration == "none" for same, decoration in links)
    breaks = printed.eval_on_selector_all("main article h1, main article h2",
                                          "hs => hs.map(h => getComputedStyle(h).breakAfter)")
    assert breaks and set(breaks) == {"avoid"}


def test_a_reader_who_reads_plainly_on_screen_still_prints_the_footnotes(open_page, article_path, content,
                                                                           article):
    """Plain reading (the Explanations switch off, remembered) is a screen preference."""
    page = open_page(article_path)
    page.locator("#explanations").click()
    page.reload()
    assert page.locator("html[data-explanations=off]").count() == 1
    assert not page.locator("main article sup.flag-ref").first.is_visible()
    page.emulate_media(media="print")
    numbers = page.locator("main article sup.flag-ref .flag-n")
    assert numbers.count() == len(notes_of(content.site, article)) > 0
    assert all(numbers.nth(i).is_visible() for i in range(numbers.count()))
    assert page.locator("main article .print-notes").is_visible()


def test_on_screen_the_numbers_and_the_list_stay_hidden(open_page, article_path):
    page = open_page(article_path)
    found = markers(page)
    assert found and all(m["ed"] for m in found)
    for selector in [".flag-n", ".print-notes", ".print-source"]:
        assert page.locator(selector).count() > 0
        assert not any(page.locator(selector).nth(i).is_visible() for i in range(page.locator(selector).count()))
    # hidden: out of the accessibility tree on screen, so a screen reader hears each note once.
    assert page.locator("main article .print-notes[hidden][data-pagefind-ignore]").count() == 1


def test_a_pdf_and_a_screenshot_of_the_printed_article(printed, screenshot):
    # The printed page drawn: as wide as the page, as tall as the text, the headline in it.
    screenshot(printed, "article-print", shows="main article h1")
    pdf = printed.pdf(format="A4", print_background=False)
    assert pdf.startswith(b"%PDF-") and b"%%EOF" in pdf[-1024:]
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    assert 1 <= pages <= 10, f"{pages} pages"
    (SCREENSHOTS.parent / "article-print.pdf").write_bytes(pdf)


def test_a_note_page_prints_which_paragraph_a_cite_points_to_not_its_address(open_page):
    """On paper a "¶ 2" link says "(Paragraph 2 of the article)", not its relative, encoded
    address; a drawing paper leaves out takes its caption with it."""
    page = open_page("timeline.html", viewport={"width": 800, "height": 1100})
    page.emulate_media(media="print")
    printed = page.eval_on_selector_all("main a.cite", "as => as.map(a => getComputedStyle(a, '::after').content)")
    assert printed and all(p.startswith('" (Paragraph ') and ":~:" not in p for p in printed), printed[:3]
    captions = page.eval_on_selector_all(".visual:has(> .visual-scroll) > figcaption",
                                         "cs => cs.filter(c => getComputedStyle(c).display !== 'none').length")
    assert captions == 0

"""Citations that land on the words, in Chromium: every link to a paragraph of the article
(a note page's ¶, a card's, a mention's) carries a text fragment (`#p4:~:text=...`) the
browser finds in that paragraph, and a fragment whose words are gone still lands on the
paragraph its id names. That each directive gives its note's
quote is checked for every site: explainer/ops/site_suite/test_note_pages.py."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from playwright.sync_api import expect

from support import BASE

# Where Chromium put the page's target: it makes the element holding the words it found the
# target (a plain `#p4`: the paragraph), in its own time after the load; nothing if it found none.
TARGET = "() => { const t = document.querySelector(':target'); return t && t.closest('p[id]') && t.closest('p[id]').id; }"


def until(page, script: str, seconds: float = 3):
    """The script's value once it is truthy (polled: the page's CSP allows no eval), or its last."""
    for _ in range(int(seconds / 0.05)):
        value = page.evaluate(script)
        if value:
            return value
        page.wait_for_timeout(50)
    return page.evaluate(script)


def citations(html_pages, article_path: str) -> dict[str, str]:
    """Every distinct link to a paragraph of the article on the site's pages and cards,
    as a path from the site's root -> the paragraph id it names."""
    found = {}
    for page, soup in html_pages.items():
        urls = [a["href"] for a in soup.select("a[href]:not(.pilcrow)")] + [s["data-cite"] for s in soup.select("[data-cite]")]
        for url in urls:
            absolute = urlsplit(urljoin(BASE + page, url))
            if absolute.path.lstrip("/") == article_path and re.match(r"p\d+($|:~:)", absolute.fragment):
                found[f"{article_path}#{absolute.fragment}"] = absolute.fragment.split(":~:")[0]
    return found


def test_every_citation_lands_on_words_of_its_paragraph(open_page, base_url, html_pages, article_path):
    links = citations(html_pages, article_path)
    assert len(links) > 20 and all(":~:text=" in link for link in links), sorted(links)[:5]
    page = open_page(article_path)
    missed = []
    for link, paragraph in sorted(links.items()):
        page.goto("about:blank")  # each link opened as a new document, as from another page
        # With an id the page does not have, only the words can make a target: a browser that
        # finds none falls back to the id (the next test), which would hide a miss here.
        page.goto(base_url + link.replace(f"#{paragraph}:~:", "#no-such-id:~:"))
        landed = until(page, TARGET)
        if landed != paragraph:
            missed.append(f"{link}: the browser's target is {landed!r}, not {paragraph}")
    assert not missed, "\n".join(missed)
    assert page.errors == []


def far_paragraph(open_page, article_path: str) -> str:
    """A paragraph far enough down the article that the page must scroll to it."""
    pids = open_page(article_path).eval_on_selector_all("main article p[id]", "ps => ps.map(p => p.id)")
    return pids[len(pids) * 2 // 3]


def in_view(page, pid: str) -> bool:
    return page.eval_on_selector(f"#{pid}", "p => scrollY > 0 && p.getBoundingClientRect().top >= 0 "
                                            "&& p.getBoundingClientRect().top < innerHeight / 2")


def test_words_that_are_gone_still_land_on_their_paragraph(open_page, article_path):
    """A fragment whose words the page no longer has (a revised article, an old link): the
    browser, finding none, goes to the paragraph the id names; "Copy quote" is on it."""
    pid = far_paragraph(open_page, article_path)
    page = open_page(f"{article_path}#{pid}:~:text=no%20such%20words%20here", viewport={"width": 390, "height": 700})
    assert until(page, TARGET) == pid
    assert in_view(page, pid)
    expect(page.locator(f"#{pid} .copy-quote")).to_have_count(1)


LOOK = """(pid) => {
  const p = document.getElementById(pid), target = document.querySelector(':target');
  return {inside: Boolean(target) && target !== p, background: getComputedStyle(p).backgroundColor,
          outlined: [...document.querySelectorAll('mark.flag')].filter(m => getComputedStyle(m).outlineStyle !== 'none')
                                                                  .map(m => m.id)};
}"""


def test_the_cited_paragraph_is_highlighted_even_where_its_words_start_in_a_link_or_a_mark(
        open_page, base_url, html_pages, article_path):
    """The browser targets the element a fragment's words start in: a link or an editor's mark
    inside the paragraph. The paragraph is highlighted all the same, and no editor's mark is
    outlined as if it were cited; a mark the address names (from the editor's notes) is."""
    links = citations(html_pages, article_path)
    page = open_page(article_path)
    inside, wrong = 0, []
    for link, paragraph in sorted(links.items()):
        page.goto("about:blank")
        page.goto(base_url + link)
        until(page, TARGET)  # looked at as soon as the browser has found the words, whenever that is
        seen = page.evaluate(LOOK, paragraph)
        inside += seen["inside"]
        if seen["background"] == "rgba(0, 0, 0, 0)" or seen["outlined"]:
            wrong.append(f"{link}: {seen}")
    assert not wrong, "\n".join(wrong)
    assert inside > 0, "no citation starts in a link or a mark: the case is not tested"
    mark = page.eval_on_selector("mark.flag[id]", "m => m.id")
    page.goto("about:blank")
    page.goto(f"{base_url}{article_path}#{mark}")
    assert page.eval_on_selector(f"#{mark}", "m => getComputedStyle(m).outlineStyle") == "solid"
    assert page.eval_on_selector(f"#{mark}", "m => m.getBoundingClientRect().top") >= 8  # its outline whole


def test_an_address_with_a_stray_percent_sign_breaks_no_script(open_page, article_path):
    """An address that does not decode ("#p4%", pasted or cut short) names nothing; the
    page's script carries on (the Explanations switch is still drawn)."""
    page = open_page(f"{article_path}#p4%")
    page.get_by_role("switch", name="Explanations").wait_for()
    assert page.errors == []


LANDED = """() => {
  const t = document.querySelector(':target');
  return t && {id: t.id, top: t.getBoundingClientRect().top, background: getComputedStyle(t).backgroundColor};
}"""


def test_a_link_to_a_notes_entry_lands_with_the_entry_marked_below_the_top(open_page, base_url, html_pages):
    """A link to a term, an event, a figure or an editor's note (from the article, a card, an
    entity page) lands on its entry marked, as a cited paragraph is, and a little below the
    top of the screen: the reader sees which entry they were sent to, its heading whole."""
    entries: dict[str, str] = {}  # the note page -> one link into it, with an entry's id
    for page, soup in html_pages.items():
        for url in [a["href"] for a in soup.select("a[href]")]:
            absolute = urlsplit(urljoin(BASE + page, url))
            target = absolute.path.lstrip("/")
            if target in ("glossary.html", "timeline.html", "figures.html", "editors-notes.html") \
                    and absolute.fragment and target != page:
                entries.setdefault(target, f"{target}#{absolute.fragment}")
    assert len(entries) >= 3, entries
    page = open_page("index.html", viewport={"width": 390, "height": 700})
    wrong = []
    for link in entries.values():
        page.goto("about:blank")
        page.goto(base_url + link)
        landed = until(page, LANDED)
        if not landed or landed["background"] == "rgba(0, 0, 0, 0)" or landed["top"] < 8:
            wrong.append(f"{link}: {landed}")
    assert not wrong, "\n".join(wrong)

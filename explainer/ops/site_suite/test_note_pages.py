"""The notes as pages: each has its place, every quote is on the cited paragraph of the built
article, the article's names and numbers are covered, and mentions link to their notes.

Expectations come from the notes files and the received text, read here with plain
ruamel.yaml, not from the build's own model.
"""

from __future__ import annotations

import copy
import re
from collections import Counter, deque
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from ruamel.yaml import YAML

from explainer.content.coverage import ignore_list, uncovered
from explainer.core.text_fragments import collapse, match, parse
from explainer.ops.site_suite.support import fold, gives_quote, resolve

DATE = r"\d|January|February|March|April|May|June|July|August|September|October|November|December"
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'"})


@pytest.fixture(scope="module")
def notes(site_project) -> dict[str, list[dict]]:
    """Every notes file's lists, merged (a file's `article:` line is its own, not a list);
    each citation made whole ("article-id#p4") as the file's `article:` says."""
    merged: dict[str, list[dict]] = {}
    for path in sorted((site_project / "content" / "notes").rglob("*.yaml")):
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
        default = data.pop("article", None)
        for kind, items in data.items():
            for item in items:
                for source in _citations(item):
                    if default and "#" not in source["paragraph"]:
                        source["paragraph"] = f"{default}#{source['paragraph']}"
            merged.setdefault(kind, []).extend(items)
    return merged


def _citations(note: dict):
    for key, value in note.items():
        if key == "source" and isinstance(value, dict):
            yield value
        elif key == "sources":
            yield from value
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    yield from _citations(item)


@pytest.fixture(scope="module")
def articles(html_pages, article_sources) -> dict[str, BeautifulSoup]:
    """Each article's page, our annotations (permalinks, markers, cards, printed notes) taken out."""
    found = {}
    for article_id in article_sources:
        soup = copy.copy(html_pages[f"{article_id}.html"])
        for annotation in soup.select(".pilcrow, .flag-ref, .note-cards, .print-notes"):
            annotation.decompose()
        found[article_id] = soup
    assert found, "the site has no article"
    return found


def cited(articles: dict[str, BeautifulSoup], paragraph: str):
    """The paragraph element a citation ("p4", "article-id#p4") names."""
    article_id, _, pid = paragraph.rpartition("#")
    soup = articles[article_id] if article_id else next(iter(articles.values()))
    return soup.find(id=pid)


def sources(notes):
    """Every (where, source) pair in the notes."""
    for entity in notes.get("entities", []):
        for fact in entity.get("facts", []):
            yield f"entity {entity['id']} fact", fact["source"]
        for relation in entity.get("relations", []):
            if "source" in relation:
                yield f"entity {entity['id']} relation", relation["source"]
    for kind in ("terms", "events", "figures", "editors_notes"):
        for note in notes.get(kind, []):
            yield f"{kind} {note['id']}", note["source"]


def test_the_notes_say_who_is_who_and_what_words_mean(notes):
    """Every explainer has its who's who and its glossary; figures and events are held by the
    coverage rule below wherever the text gives numbers, and editor's notes exist only where
    the text has an apparent error."""
    for kind in ("entities", "terms"):
        assert notes.get(kind), f"no {kind}"


def test_every_quote_is_in_the_cited_paragraph_of_the_built_article(notes, articles):
    missing = []
    for where, source in sources(notes):
        paragraph = cited(articles, source["paragraph"])
        if paragraph is None or fold(source["quote"]) not in fold(paragraph.get_text()):
            missing.append(f"{where}: {source['quote']!r} not in {source['paragraph']}")
    assert not missing, "\n".join(missing)


def test_every_link_to_a_paragraph_lands_on_its_words(notes, html_pages, articles):
    """Each citation (a link on a page, a card's data-cite) to a paragraph of an article carries
    a text fragment whose words are that paragraph's, in order; each note's quote is given
    whole by a link to its paragraph (tests/browser/test_citations_browser.py: in Chromium)."""
    links: dict[tuple[str, str], list[str]] = {}  # (article page, paragraph id) -> the links to it
    for page, soup in html_pages.items():
        for url in [a["href"] for a in soup.select("a[href]:not(.pilcrow)")] + [s["data-cite"] for s in soup.select("[data-cite]")]:
            target, fragment = resolve(page, url)
            if target and target.removesuffix(".html") in articles and re.fullmatch(r"p\d+", fragment):
                links.setdefault((target, fragment), []).append(url)
    assert links, "no link to a paragraph"
    wrong = []
    for (target, pid), urls in links.items():
        words = fold(articles[target.removesuffix(".html")].find(id=pid).get_text()).casefold()
        for url in urls:
            raw = [t for t in url.partition(":~:text=")[2].split(",") if t]
            raw = raw[1:] if raw and raw[0].endswith("-") else raw  # the prefix and suffix: context
            raw = raw[:-1] if len(raw) > 1 and raw[-1].startswith("-") else raw
            terms = [fold(unquote(t)).casefold() for t in raw]
            at = 0
            for term in terms:
                at = words.find(term, at)
                if at < 0:
                    wrong.append(f"{url}: {term!r} not in {target}#{pid} (after the terms before it)")
                    break
            if not terms:
                wrong.append(f"{url}: no text fragment")
    for where, source in sources(notes):
        article_id, _, pid = source["paragraph"].rpartition("#")
        urls = links.get((f"{article_id or next(iter(articles))}.html", pid), [])
        if not any(gives_quote(url, source["quote"]) for url in urls):
            wrong.append(f"{where}: no link gives its quote {source['quote']!r}: {urls[:3]}")
    assert not wrong, "\n".join(wrong)


# Elements that start a block of text of their own where a browser matches a text fragment
# (the spec's "nearest block ancestor": anything not displayed inline, buttons included).
_BLOCKS = {"address", "article", "aside", "blockquote", "body", "button", "dd", "details", "div", "dl", "dt",
           "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
           "label", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul"}


def page_blocks(soup: BeautifulSoup) -> tuple[list[str], dict[int, int]]:
    """The built page's text as a browser with scripts matches it, block by block (collapsed),
    and for each element that starts a block, by its id(), the block it is."""
    blocks, owner, of = [], None, {}
    for text in soup.body.find_all(string=True):
        if any(parent.name in ("script", "style", "noscript", "template") or parent.has_attr("hidden")
               for parent in text.parents):
            continue
        block = next(parent for parent in text.parents if parent.name in _BLOCKS)
        if block is not owner:
            owner = block
            blocks.append("")
            of.setdefault(id(block), len(blocks) - 1)
        blocks[-1] += str(text)
    return [collapse(b) for b in blocks], of


def test_every_citation_fragment_lands_first_in_its_paragraph_of_the_built_page(html_pages, articles):
    """The build chooses each text directive against its own model of the article page; here
    it is matched against the page as built, all of it (its header, menu, byline, provenance),
    as the spec says: the first match on the page must be in the cited paragraph."""
    directives: dict[tuple[str, str], str] = {}  # (article page, url) -> the paragraph id
    for page, soup in html_pages.items():
        for url in [a["href"] for a in soup.select("a[href]:not(.pilcrow)")] + [s["data-cite"] for s in soup.select("[data-cite]")]:
            target, fragment = resolve(page, url)
            if target and target.removesuffix(".html") in articles and ":~:text=" in url:
                directives[(target, url.partition(":~:")[2])] = fragment
    assert directives, "no text fragment to a paragraph"
    pages = {target: page_blocks(html_pages[target]) for target, _ in directives}  # whole, ¶ links included
    wrong = []
    for (target, directive), pid in directives.items():
        blocks, of = pages[target]
        paragraph = html_pages[target].find(id=pid)
        landed = match(parse(directive), blocks)
        if paragraph is None or landed is None or landed[0] != of.get(id(paragraph)):
            wrong.append(f"{target}#{pid}:~:{directive}: lands in {blocks[landed[0]][:60]!r}" if landed
                         else f"{target}#{pid}:~:{directive}: no match within one block (none, or one "
                              "starting in an earlier block)")
    assert not wrong, f"{len(wrong)} of {len(directives)}:\n" + "\n".join(wrong[:20])


def test_each_entity_has_exactly_one_page(notes, html_pages):
    pages = {p for p in html_pages if p.startswith("entities/")}
    assert pages == {f"entities/{e['id']}.html" for e in notes["entities"]}
    for entity in notes["entities"]:
        soup = html_pages[f"entities/{entity['id']}.html"]
        assert [h.get_text(strip=True) for h in soup.find_all("h1")] == [entity["name"]]


@pytest.fixture(scope="module")
def heading_ids(html_pages) -> Counter:
    """How many pages give a heading each id (h2 and h3: where a note's anchor is)."""
    return Counter(heading_id for soup in html_pages.values()
                   for heading_id in {h["id"] for h in soup.select("h2[id], h3[id]")})


@pytest.mark.parametrize("kind,page", [("terms", "glossary.html"), ("events", "timeline.html"),
                                       ("figures", "figures.html"), ("editors_notes", "editors-notes.html")])
def test_each_note_has_exactly_one_anchor(notes, html_pages, heading_ids, kind, page):
    if not notes.get(kind):
        assert page not in html_pages, f"{page}: a page for a kind of note the site has none of"
        return
    ids = Counter(element["id"] for element in html_pages[page].select("[id]"))
    for note in notes.get(kind, []):
        assert ids[note["id"]] == 1, f"{note['id']} on {page}"
        assert heading_ids[note["id"]] == 1, note["id"]


def test_every_fact_links_to_its_paragraph(notes, html_pages, articles):
    for entity in notes["entities"]:
        soup = html_pages[f"entities/{entity['id']}.html"]
        links = {(a["href"].partition("#")[0].rpartition("/")[2], a["href"].partition("#")[2].split(":~:")[0])
                 for a in soup.select("a.cite")}
        for fact in entity.get("facts", []):
            article_id, _, pid = fact["source"]["paragraph"].rpartition("#")
            article_id = article_id or next(iter(articles))
            assert (f"{article_id}.html", pid) in links, (entity["id"], fact["source"])


def test_background_is_labelled_as_such(notes, html_pages, site_project):
    """An entity's summary is labelled background, with where it comes from: the stored source
    it cites (its title, linked to its address, and the date it was retrieved), or the site's
    own words."""
    stored = {path.stem: YAML(typ="safe").load(path.read_text(encoding="utf-8"))
              for path in (site_project / "content" / "sources").glob("*.yaml")}
    for entity in notes["entities"]:
        background = html_pages[f"entities/{entity['id']}.html"].select_one(".background")
        assert background is not None and "not from the article" in background.get_text()
        assert fold(entity["summary"][:40]) in fold(background.get_text())
        label = fold(background.get_text())
        cited = entity.get("summary_cited")
        if cited:
            source = stored[cited["source"]]
            assert fold(source["title"]) in label and "retrieved" in label, entity["id"]
            assert background.find("a", href=source["url"]) is not None, entity["id"]
        else:
            assert "own words" in label, entity["id"]


def test_editors_notes_are_shown_next_to_the_words(notes, articles):
    for note in notes.get("editors_notes", []):
        paragraph = cited(articles, note["source"]["paragraph"])
        mark = paragraph.select_one(f"mark#flag-{note['id']}") if paragraph else None
        assert mark is not None, note["id"]
        assert fold(mark.get_text()) == fold(note["source"]["quote"])


def forms(note: dict) -> list[str]:
    names = [note.get("name") or note.get("term"), note.get("abbreviation"), *note.get("aliases", [])]
    return [n for n in names if n]


def _paragraphs(soup) -> list[tuple[str, str]]:
    return [(p["id"], fold(p.get_text())) for p in soup.select("main article p[id]")]


def _named(form: str, text: str, any_case: bool) -> bool:
    return re.search(rf"(?<!\w){re.escape(fold(form))}(?!\w)", text, re.IGNORECASE if any_case else 0) is not None


def test_every_entity_named_in_an_article_is_linked_once_at_its_first_mention(notes, articles):
    for article_id, soup in articles.items():
        paragraphs = _paragraphs(soup)
        for entity in notes["entities"]:
            href = f"./entities/{entity['id']}.html"
            links = soup.select(f'main article a[href="{href}"]')
            first = next((pid for pid, text in paragraphs if any(_named(f, text, False) for f in forms(entity))), None)
            if first is None:
                assert not links, (article_id, entity["id"])
                continue
            assert len(links) == 1, (article_id, entity["id"], len(links))  # once per article, not per section
            assert links[0].find_parent("p")["id"] == first, (article_id, entity["id"])


def needed(term: dict, form: str) -> bool:
    """Whether a reader may need a term explained where the article uses it in `form`: marked
    so, or (unmarked) a form of several words (a phrase a glossary explains; word frequencies
    cannot say a phrase is rare), or a single word unusual in general English: the term's own
    word for its forms (a plural is rarer than its word), a one-word alias of a phrase itself
    (wordfreq read here, the threshold from the project)."""
    from wordfreq import zipf_frequency

    from explainer.render.index import UNUSUAL

    link = term.get("link", "auto")
    if link != "auto":
        return link == "always"
    if len(form.split()) > 1:
        return True
    measured = term["term"] if len(term["term"].split()) == 1 else form
    return zipf_frequency(measured, "en") < UNUSUAL


def test_the_terms_a_reader_needs_are_linked_once_and_everyday_words_are_not(notes, articles):
    seen = 0
    for article_id, soup in articles.items():
        paragraphs = _paragraphs(soup)
        used = {t["id"]: (t, [f for f in forms(t) if any(_named(f, text, True) for _, text in paragraphs)])
                for t in notes["terms"]}
        used = {k: v for k, v in used.items() if v[1]}
        seen += len(used)
        for term, found in used.values():
            links = soup.select(f'main article a[href="./glossary.html#{term["id"]}"]')
            assert len(links) == (1 if any(needed(term, form) for form in found) else 0), (article_id, term["id"])
    assert seen, "no glossary term is used in the articles"


def test_the_articles_link_dates_to_the_timeline_but_not_everyday_time_words(notes, articles):
    for article_id, soup in articles.items():
        links = soup.select('main article a[href^="./timeline.html#"]')
        for link in links:
            assert re.search(DATE, link.get_text()), link
        for everyday in ("recently", "currently", "previously", "ongoing", "this year"):
            if any(everyday in text.casefold() for _, text in _paragraphs(soup)):
                assert not [a for a in soup.select("main article a[data-card]")
                            if a.get_text().casefold() == everyday], (article_id, everyday)


def test_a_note_is_linked_at_most_once_in_an_article(articles):
    for article_id, soup in articles.items():
        hrefs = [a["href"] for a in soup.select("main article a[data-card]")]
        assert hrefs and len(hrefs) == len(set(hrefs)), article_id


def test_no_links_inside_headings(html_pages):
    for page, soup in html_pages.items():
        assert not soup.select("h1 a[data-card], h2 a[data-card], h3 a[data-card], h4 a[data-card]"), page


def test_every_page_is_within_two_clicks_of_home(html_pages):
    depth = {"index.html": 0}
    queue = deque(["index.html"])
    while queue:
        page = queue.popleft()
        for a in html_pages[page].select("a[href], form[action]"):  # the search box is one step too
            url = urlsplit(urljoin("http://s/" + page, a.get("href") or a["action"]))
            target = url.path.lstrip("/") or "index.html"
            if url.netloc == "s" and target in html_pages and target not in depth:
                depth[target] = depth[page] + 1
                queue.append(target)
    too_deep = {p: depth.get(p) for p in html_pages if depth.get(p, 99) > 2 and p != "404.html"}
    assert not too_deep


# --- Coverage: every name and number an article gives has a note, or is ignored on purpose with why
# (the one rule, explainer/content/coverage.py, which `make todo` lists too).

def test_every_line_of_the_ignore_list_says_why(site_project):
    _, unexplained = ignore_list(site_project / "content")
    assert [str(p) for p in unexplained] == []


def test_every_name_and_number_is_covered(site_project, content):
    ignored, _ = ignore_list(site_project / "content")
    assert [str(p) for p in uncovered(content.site, ignored)] == []


def test_figures_and_dates_link_from_the_paragraph_that_states_them(notes, articles):
    """The timeline and key-figures pages are linked from the article where it gives them (a
    date, not an everyday time word: the timeline keeps those)."""
    for event in notes.get("events", []):
        paragraph = cited(articles, event["source"]["paragraph"])
        when = re.sub(r"\s*\(.*?\)", "", event["when"]).strip()
        if when and re.search(DATE, when) and fold(when).casefold() in fold(paragraph.get_text()).casefold():
            assert paragraph.select(f'a[href$="timeline.html#{event["id"]}"]'), event["id"]
    for figure in notes.get("figures", []):
        paragraph = cited(articles, figure["source"]["paragraph"])
        numbers = re.findall(r"\d+(?:[.,]\d+)*%?", " ".join(str(figure.get(k) or "") for k in ("value", "before", "after")))
        if any(re.search(rf"(?<![\w.,]){re.escape(n)}(?!\w|[.,]\d)", paragraph.get_text()) for n in numbers):
            assert paragraph.select('a[href*="figures.html#"]'), figure["id"]

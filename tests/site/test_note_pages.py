"""The notes as pages: each has its place, every quote is on the cited paragraph of the built
article, the article's names and numbers are covered, and mentions link to their notes.

Expectations come from the notes files and the received text, read here with plain
ruamel.yaml, not from the build's own model.
"""

from __future__ import annotations

import copy
import re
from collections import deque
from urllib.parse import urljoin, urlsplit

import pytest
from ruamel.yaml import YAML

from support import ROOT, fold

NOTES = sorted((ROOT / "content" / "notes").rglob("*.yaml"))
DATE = r"\d|January|February|March|April|May|June|July|August|September|October|November|December"
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'"})


@pytest.fixture(scope="module")
def notes() -> dict[str, list[dict]]:
    merged: dict[str, list[dict]] = {}
    for path in NOTES:
        for kind, items in (YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}).items():
            merged.setdefault(kind, []).extend(items)
    return merged


@pytest.fixture(scope="module")
def article(html_pages, article_sources):
    (article_id, _), = article_sources.items()
    soup = copy.copy(html_pages[f"{article_id}.html"])
    for annotation in soup.select(".pilcrow, .flag-ref, .note-cards, .print-notes"):
        annotation.decompose()
    return article_id, soup


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


def test_the_notes_cover_every_kind(notes):
    for kind in ("entities", "terms", "events", "figures", "editors_notes"):
        assert notes.get(kind), f"no {kind}"


def test_every_quote_is_in_the_cited_paragraph_of_the_built_article(notes, article):
    _, soup = article
    missing = []
    for where, source in sources(notes):
        pid = source["paragraph"].rpartition("#")[2]
        paragraph = soup.find(id=pid)
        if paragraph is None or fold(source["quote"]) not in fold(paragraph.get_text()):
            missing.append(f"{where}: {source['quote']!r} not in {pid}")
    assert not missing, "\n".join(missing)


def test_each_entity_has_exactly_one_page(notes, html_pages):
    pages = {p for p in html_pages if p.startswith("entities/")}
    assert pages == {f"entities/{e['id']}.html" for e in notes["entities"]}
    for entity in notes["entities"]:
        soup = html_pages[f"entities/{entity['id']}.html"]
        assert [h.get_text(strip=True) for h in soup.find_all("h1")] == [entity["name"]]


@pytest.mark.parametrize("kind,page", [("terms", "glossary.html"), ("events", "timeline.html"),
                                       ("figures", "figures.html"), ("editors_notes", "editors-notes.html")])
def test_each_note_has_exactly_one_anchor(notes, html_pages, kind, page):
    soup = html_pages[page]
    for note in notes[kind]:
        assert len(soup.select(f"#{note['id']}")) == 1, f"{note['id']} on {page}"
        assert sum(1 for p in html_pages.values() if p.select(f"h2#{note['id']}, h3#{note['id']}")) == 1


def test_every_fact_links_to_its_paragraph(notes, html_pages, article):
    article_id, _ = article
    for entity in notes["entities"]:
        soup = html_pages[f"entities/{entity['id']}.html"]
        cited = {a["href"].rpartition("#")[2] for a in soup.select("a.cite")}
        for fact in entity.get("facts", []):
            assert fact["source"]["paragraph"].rpartition("#")[2] in cited


def test_background_is_labelled_as_such(notes, html_pages):
    for entity in notes["entities"]:
        background = html_pages[f"entities/{entity['id']}.html"].select_one(".background")
        assert background is not None and "not from the article" in background.get_text()
        assert fold(entity["summary"][:40]) in fold(background.get_text())


def test_editors_notes_are_shown_next_to_the_words(notes, article):
    _, soup = article
    for note in notes["editors_notes"]:
        mark = soup.select_one(f"mark#flag-{note['id']}")
        assert mark is not None, note["id"]
        assert fold(mark.get_text()) == fold(note["source"]["quote"])
        assert mark.find_parent("p")["id"] == note["source"]["paragraph"].rpartition("#")[2]


def forms(note: dict) -> list[str]:
    names = [note.get("name") or note.get("term"), note.get("abbreviation"), *note.get("aliases", [])]
    return [n for n in names if n]


def _paragraphs(soup) -> list[tuple[str, str]]:
    return [(p["id"], fold(p.get_text())) for p in soup.select("main article p[id]")]


def _named(form: str, text: str, any_case: bool) -> bool:
    return re.search(rf"(?<!\w){re.escape(fold(form))}(?!\w)", text, re.IGNORECASE if any_case else 0) is not None


def test_every_entity_named_in_the_article_is_linked_once_at_its_first_mention(notes, article):
    _, soup = article
    paragraphs = _paragraphs(soup)
    for entity in notes["entities"]:
        href = f"./entities/{entity['id']}.html"
        links = soup.select(f'main article a[href="{href}"]')
        first = next((pid for pid, text in paragraphs if any(_named(f, text, False) for f in forms(entity))), None)
        if first is None:
            assert not links, entity["id"]
            continue
        assert len(links) == 1, (entity["id"], len(links))  # once per article, not per section
        assert links[0].find_parent("p")["id"] == first, entity["id"]


def needed(term: dict) -> bool:
    """A term a general reader may need: unusual in general English (wordfreq read here, the
    threshold from the project), or marked so."""
    from wordfreq import zipf_frequency

    from explainer.render.index import UNUSUAL

    link = term.get("link", "auto")
    return link == "always" or (link == "auto" and zipf_frequency(term["term"], "en") < UNUSUAL)


def test_the_terms_a_reader_needs_are_linked_once_and_everyday_words_are_not(notes, article):
    _, soup = article
    paragraphs = _paragraphs(soup)
    used = [t for t in notes["terms"] if any(_named(f, text, True) for _, text in paragraphs for f in forms(t))]
    assert any(needed(t) for t in used) and not all(needed(t) for t in used)  # the test sees both sides
    for term in used:
        links = soup.select(f'main article a[href="./glossary.html#{term["id"]}"]')
        assert len(links) == (1 if needed(term) else 0), term["id"]


def test_the_article_links_dates_to_the_timeline_but_not_everyday_time_words(notes, article):
    _, soup = article
    links = soup.select('main article a[href^="./timeline.html#"]')
    assert links
    for link in links:
        assert re.search(DATE, link.get_text()), link
    for everyday in ("recently", "currently", "previously", "ongoing", "this year"):
        if any(everyday in text.casefold() for _, text in _paragraphs(soup)):
            assert not [a for a in soup.select("main article a[data-card]") if a.get_text().casefold() == everyday]


def test_a_note_is_linked_at_most_once_in_the_article(article):
    _, soup = article
    hrefs = [a["href"] for a in soup.select("main article a[data-card]")]
    assert hrefs and len(hrefs) == len(set(hrefs))


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


# --- Coverage: every capitalised name and every number in the article is a note, or ignored on purpose.

CAPITALISED = re.compile(r"[A-Z][A-Za-z0-9]*(?:[.'\u2019-][A-Za-z0-9]+)*")
NUMERAL = re.compile(r"(?<![\w.])\d+(?:\.\d+)?%?(?![\w])")
NUMBER_WORDS = re.compile(r"\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                          r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def ignored() -> set[str]:
    entries = set()
    for line in (ROOT / "content" / "coverage-ignore.txt").read_text(encoding="utf-8").splitlines():
        word, _, why = line.partition("#")
        if word.strip():
            assert why.strip(), f"{word.strip()!r} on the ignore list needs a reason"
            entries.add(word.strip())
    return entries


@pytest.fixture(scope="module")
def paragraphs(article) -> dict[str, str]:
    _, soup = article
    found = {p["id"]: p.get_text() for p in soup.select("main article p[id]")}
    found["title"] = " ".join(h.get_text() for h in soup.select("main article h1, main article h2"))
    return found


def capitalised(text: str) -> list[str]:
    """Capitalised words, possessive 's removed."""
    return [re.sub(r"'s$", "", w) for w in CAPITALISED.findall(text.translate(QUOTES))]


def test_every_capitalised_name_is_covered(notes, ignored, paragraphs):
    words_in_names = {w for kind in ("entities", "terms") for note in notes[kind] for f in forms(note)
                      for w in capitalised(f)}
    uncovered = set()
    for text in paragraphs.values():
        for word in capitalised(text):
            if word not in words_in_names and word not in ignored:
                uncovered.add(word)
    assert not uncovered


def test_every_number_is_covered(notes, ignored, paragraphs):
    quoted: dict[str, str] = {}
    for kind in ("figures", "events"):
        for note in notes[kind]:
            pid = note["source"]["paragraph"].rpartition("#")[2]
            quoted[pid] = quoted.get(pid, "") + " " + fold(note["source"]["quote"])
    uncovered = []
    for pid, text in paragraphs.items():
        for number in [*NUMERAL.findall(text), *NUMBER_WORDS.findall(text)]:
            if number in ignored:
                continue
            if not re.search(rf"(?<![\w.]){re.escape(number)}(?![\w])", quoted.get(pid, ""), re.IGNORECASE):
                uncovered.append(f"{pid}: {number}")
    assert not uncovered


def test_figures_and_dates_link_from_the_paragraph_that_states_them(notes, article):
    """The timeline and key-figures pages are linked from the article where it gives them (a
    date, not an everyday time word: the timeline keeps those)."""
    _, soup = article
    for event in notes["events"]:
        pid = event["source"]["paragraph"].rpartition("#")[2]
        when = re.sub(r"\s*\(.*?\)", "", event["when"]).strip()
        paragraph = soup.find(id=pid)
        if when and re.search(DATE, when) and fold(when).casefold() in fold(paragraph.get_text()).casefold():
            assert paragraph.select(f'a[href$="timeline.html#{event["id"]}"]'), event["id"]
    for figure in notes["figures"]:
        pid = figure["source"]["paragraph"].rpartition("#")[2]
        numbers = re.findall(r"\d+(?:\.\d+)?%?", " ".join(str(figure.get(k) or "") for k in ("value", "before", "after")))
        paragraph = soup.find(id=pid)
        if any(re.search(rf"(?<![\w.]){re.escape(n)}(?!\w)", paragraph.get_text()) for n in numbers):
            assert paragraph.select('a[href*="figures.html#"]'), figure["id"]

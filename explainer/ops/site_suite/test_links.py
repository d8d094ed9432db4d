"""Every link and resource inside the site resolves, every #fragment exists, nothing loads from elsewhere."""

from __future__ import annotations

from collections import Counter, deque
from pathlib import Path

from explainer.ops.site_suite.support import CSS_URL, references, resolve


def test_the_site_has_every_page_its_content_makes_and_no_other(html_pages, content):
    """Each authored page (articles, home, 404...) as its slug names it, the search page, a page
    for each kind of note the site has (none for a kind it has none of), one page per entity,
    and, with several articles, the page listing them."""
    authored = {doc.output for doc in content.documents.values()}
    site = content.site
    by_kind = {"entities.html": site.entities, "glossary.html": site.terms, "timeline.html": site.events,
               "figures.html": site.figures, "editors-notes.html": site.editors_notes}
    notes = {"search.html"} | {page for page, notes_of_kind in by_kind.items() if notes_of_kind}
    entities = {f"entities/{entity_id}.html" for entity_id in content.site.entities}
    listing = {"articles.html"} if len(content.site.articles) > 1 else set()
    assert {"index.html", "404.html"} <= authored
    assert set(html_pages) == authored | notes | entities | listing


def test_internal_links_and_resources_resolve(site: Path, html_pages):
    broken = []
    for page, soup in html_pages.items():
        for url, _ in references(soup):
            if url.startswith(("mailto:",)):
                continue
            target, _ = resolve(page, url)
            if target is not None and not (site / target).is_file():
                broken.append(f"{page}: {url} -> {target} does not exist")
    assert not broken, "\n".join(broken)


def test_fragments_resolve(html_pages):
    ids = {page: {el["id"] for el in soup.select("[id]")} for page, soup in html_pages.items()}
    broken = []
    for page, soup in html_pages.items():
        for url, _ in references(soup):
            target, fragment = resolve(page, url)
            if target is None or not fragment:
                continue
            if target not in ids:
                continue  # not an HTML page; its existence is checked above
            if fragment not in ids[target]:
                broken.append(f"{page}: {url}: no id {fragment!r} in {target}")
    assert not broken, "\n".join(broken)


def test_ids_unique_within_each_page(html_pages):
    duplicates = {
        page: [i for i, n in Counter(el["id"] for el in soup.select("[id]")).items() if n > 1]
        for page, soup in html_pages.items()
    }
    assert not {p: d for p, d in duplicates.items() if d}


def test_nothing_is_loaded_from_another_host(site: Path, html_pages):
    external = [
        f"{page}: {url}"
        for page, soup in html_pages.items()
        for url, loaded in references(soup)
        if loaded and resolve(page, url)[0] is None
    ]
    for css in site.rglob("*.css"):
        for url in CSS_URL.findall(css.read_text(encoding="utf-8")):
            if url.startswith("data:"):
                continue
            target, _ = resolve(css.relative_to(site).as_posix(), url)
            if target is None:
                external.append(f"{css.name}: {url}")
            elif not (site / target).is_file():
                external.append(f"{css.name}: {url} does not exist")
    assert not external, "\n".join(external)


# Reached without a link, by design: the server shows it for any missing address.
NOT_LINKED = {"404.html"}


def test_every_page_is_reachable_from_the_home_page(html_pages):
    """No orphans: pages Pelican would write that nothing links to are switched off."""
    seen, queue = {"index.html"} | NOT_LINKED, deque(["index.html"])
    while queue:
        page = queue.popleft()
        for url, _ in references(html_pages[page]):
            target, _ = resolve(page, url)
            if target in html_pages and target not in seen:
                seen.add(target)
                queue.append(target)
    assert set(html_pages) - seen == set()


def test_the_menu_says_where_the_reader_is(html_pages):
    """A page the menu links is marked current there (aria-current="page"); an entity's page
    marks who's who, the section it is in (aria-current="true"); no page marks two items."""
    for page, soup in html_pages.items():
        current = soup.select('nav[aria-label="Site"] a[aria-current]')
        assert len(current) <= 1, (page, current)
        if page.startswith("entities/"):
            assert [(a["aria-current"], resolve(page, a["href"])[0]) for a in current] == [("true", "entities.html")], page
        for a in soup.select('nav[aria-label="Site"] a'):
            if resolve(page, a["href"])[0] == page:
                assert a.get("aria-current") == "page", page

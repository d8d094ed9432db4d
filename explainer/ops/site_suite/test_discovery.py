"""Find and share: social metadata and canonical links, JSON-LD, sitemap, feed, robots.txt,
the 404 page, the share image and the open data export."""

from __future__ import annotations

import gzip
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from explainer.content.notes import KINDS
from explainer.render.structured_data import SCHEMA_TYPES
from explainer.ops.site_suite.support import PUBLISHED_SITEURL, build, resolve

SOCIAL = ['meta[property="og:title"]', 'meta[property="og:description"]', 'meta[property="og:url"]',
          'meta[property="og:type"]', 'meta[property="og:image"]', 'meta[name="twitter:card"]',
          'meta[name="twitter:title"]', 'meta[name="twitter:description"]', 'meta[name="twitter:image"]',
          'meta[name="twitter:image:alt"]']


def test_every_page_has_social_tags_and_a_canonical_link(html_pages):
    for page, soup in html_pages.items():
        for selector in SOCIAL:
            tag = soup.select_one(selector)
            assert tag is not None and tag.get("content", "").strip(), f"{page}: {selector}"
        canonical = soup.select("link[rel=canonical]")
        assert len(canonical) == 1 and canonical[0]["href"], page
        assert soup.select_one('meta[property="og:url"]')["content"] == canonical[0]["href"], page


def test_the_home_page_is_linked_at_its_canonical_address(html_pages):
    """The site's root, never /index.html: one address for the home page, as its canonical says."""
    home = html_pages["index.html"].select_one("link[rel=canonical]")["href"]
    assert not home.endswith("index.html")
    for page, soup in html_pages.items():
        assert not soup.select('a[href$="index.html"]'), page
        assert soup.select_one("a.site-name")["href"] in ("./", "../", home), page


def test_og_type_is_article_only_for_articles(html_pages):
    for page, soup in html_pages.items():
        kind = soup.select_one('meta[property="og:type"]')["content"]
        assert kind == ("article" if soup.select_one("body.article") else "website"), page


def json_ld(soup) -> list[dict]:
    return [json.loads(script.string) for script in soup.select('script[type="application/ld+json"]')]


REQUIRED = {  # an article's author only where the received text names one (as its front matter says)
    "NewsArticle": {"headline", "publisher", "about", "mentions"},
    "Organization": {"name", "url"}, "Person": {"name", "url"}, "Place": {"name", "url"},
    "DefinedTermSet": {"name", "hasDefinedTerm"}, "Event": {"name", "url"},
    "WebSite": {"name", "url"}, "ItemList": {"itemListElement"}, "WebPage": {"name", "url"},
    "PoliticalParty": {"name", "url"}, "Legislation": {"name", "url"}, "Project": {"name", "url"},
}


# schema.org's type for each kind of entity, said here (not read from the build's table):
# every other kind is an organisation of some sort.
ENTITY_TYPES = {"person": "Person", "place": "Place", "market": "Place", "party": "PoliticalParty",
                "law": "Legislation", "programme": "Project"}


def test_every_json_ld_block_parses_and_has_its_required_properties(html_pages, content):
    seen_types = set()
    for page, soup in html_pages.items():
        blocks = json_ld(soup)
        assert blocks, page
        for block in blocks:
            assert block["@context"] == "https://schema.org"
            missing = REQUIRED[block["@type"]] - set(block)
            assert not missing, f"{page}: {block['@type']} lacks {missing}"
            if block["@type"] == "NewsArticle":
                (named,) = [doc.metadata.get("author") for doc in content.documents.values() if doc.output == page]
                assert ("author" in block) == bool(named), f"{page}: author {named!r} in the front matter"
            seen_types.add(block["@type"])
    site = content.site
    expected = {"NewsArticle", "WebSite", *(SCHEMA_TYPES[e.kind] for e in site.entities.values())}
    expected |= ({"DefinedTermSet"} if site.terms else set()) | ({"Event"} if site.events else set())
    assert expected <= seen_types


def test_json_ld_per_page_type(html_pages, content):
    page, article = next((p, soup) for p, soup in sorted(html_pages.items()) if soup.select_one("body.article"))
    (news,) = json_ld(article)
    assert news["@type"] == "NewsArticle"
    assert news["headline"] == article.h1.get_text(strip=True)
    assert news["publisher"]["@type"] == "Organization"
    assert news.get("author", {"@type": "Person"})["@type"] == "Person"  # where the text names one
    assert "datePublished" not in news and "dateCreated" not in news  # the source gives no date
    assert news["image"] == article.select_one('meta[property="og:image"]')["content"]  # the share image
    if "url" in news.get("author", {}):  # the author's page, where the notes have the author
        assert resolve(page, news["author"]["url"])[0] in html_pages
    corrections = news["correction"]  # the article's editor's notes
    notes = [n for n in content.site.editors_notes
             if content.site.resolve(n.source.paragraph)[0].id == page.removesuffix(".html")]
    assert len(corrections) == len(notes)
    assert all(c["@type"] == "CorrectionComment" and c["text"] for c in corrections)
    assert {m["@id"].split("/")[-1] for m in news["mentions"]} <= {p.split("/")[-1] for p in html_pages}

    if content.site.terms:  # a story with no glossary has no glossary page
        glossary = json_ld(html_pages["glossary.html"])[0]
        assert glossary["@type"] == "DefinedTermSet"
        assert len(glossary["hasDefinedTerm"]) == len(html_pages["glossary.html"].select("h3.term"))
        assert all(t["@type"] == "DefinedTerm" and t["name"] and t["description"] for t in glossary["hasDefinedTerm"])

    if content.site.events:
        events = json_ld(html_pages["timeline.html"])
        assert events and all(e["@type"] == "Event" for e in events)
        for event in events:  # a year only where the article states it; never a relative date resolved
            assert set(event.get("startDate", "2018")) <= set("0123456789") and len(event.get("startDate", "2018")) == 4

    for page, soup in html_pages.items():
        if soup.select_one("body.entity"):
            (entity,) = json_ld(soup)
            kind = content.site.entities[page.removeprefix("entities/").removesuffix(".html")].kind
            assert entity["@type"] == ENTITY_TYPES.get(kind, "Organization"), (page, kind)
            assert entity["name"] == soup.h1.get_text(strip=True)


def test_no_date_is_invented_anywhere(html_pages, site: Path, content):
    """No publication date (the received text gives none); a modification date only on an
    article whose revised text was taken in (make update-article), and it is that day."""
    for page, soup in html_pages.items():
        article = content.site.articles.get(page.removesuffix(".html"))
        revised = article.revisions[-1].revised.isoformat() if article and article.revisions else None
        for block in json_ld(soup):
            text = json.dumps(block)
            assert "datePublished" not in text, page
            expected = revised if block.get("@type") == "NewsArticle" else None
            assert block.get("dateModified") == expected and text.count("dateModified") == (1 if expected else 0), page
        assert not soup.select('meta[property^="article:published"]'), page


def test_sitemap_lists_every_indexable_page_once_and_nothing_else(site: Path, html_pages):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [loc.text for loc in ET.parse(site / "sitemap.xml").getroot().findall("s:url/s:loc", ns)]
    listed = [(loc.split("/", 1)[1] if "/" in loc else loc) or "index.html" for loc in locs]
    listed = [path or "index.html" for path in listed]
    indexable = {page for page, soup in html_pages.items()
                 if not soup.select_one('meta[name="robots"][content*="noindex"]')}
    assert sorted(listed) == sorted(indexable)
    assert len(listed) == len(set(listed))
    for page in ("404.html", "search.html"):
        assert html_pages[page].select_one('meta[name="robots"][content*="noindex"]')


def test_atom_feed_is_well_formed_and_lists_the_articles(site: Path, html_pages):
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.parse(site / "feed.atom").getroot()
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    for required in ("a:title", "a:id", "a:updated"):
        assert feed.find(required, ns) is not None and feed.find(required, ns).text
    entries = feed.findall("a:entry", ns)
    articles = [p for p, soup in html_pages.items() if soup.select_one("body.article")]
    assert len(entries) == len(articles)
    for entry in entries:
        for required in ("a:title", "a:id", "a:updated", "a:summary", "a:author/a:name"):
            assert entry.find(required, ns) is not None and entry.find(required, ns).text, required
        href = entry.find("a:link[@rel='alternate']", ns).get("href")
        assert href.split("/")[-1] in articles


def test_robots_404_favicon_and_share_image(site: Path):
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots
    assert (site / "404.html").is_file()
    assert (site / "theme" / "img" / "favicon.svg").is_file()
    png = (site / "social.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1200, 630)


def test_notes_json_round_trips_through_the_schema(site: Path, content):
    data = json.loads((site / "data" / "notes.json").read_text(encoding="utf-8"))
    assert data["format"] == "explainer-notes/1"
    total = 0
    for kind, model in KINDS.items():
        for item in data[kind]:
            assert model.model_validate(item).model_dump(mode="json", exclude_none=True) == item
            total += 1
    notes = content.site
    assert total == (len(notes.entities) + len(notes.terms) + len(notes.events) + len(notes.figures)
                     + len(notes.editors_notes) + len(notes.takeaways))
    for article in data["articles"]:
        assert (site / article["url"]).is_file() and article["paragraphs"]["p1"]


def test_annotations_select_each_quote_on_the_built_article_page(site: Path, html_pages, content):
    """data/annotations.jsonld (W3C Web Annotations): one annotation per statement citing an
    article, each selector checked against the article page as built: the paragraph its
    FragmentSelector names, its text at the TextPositionSelector's offsets, the
    TextQuoteSelector's words there with its prefix before and suffix after."""
    data = json.loads((site / "data" / "annotations.jsonld").read_text(encoding="utf-8"))
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld" and data["type"] == "AnnotationCollection"
    items = data["first"]["items"]
    notes = content.site
    sourced = sum(len(e.facts) + sum(r.source is not None for r in e.relations) for e in notes.entities.values()) \
        + len(notes.terms) + len(notes.events) + len(notes.figures) + len(notes.editors_notes) \
        + sum(len(t.sources) for t in notes.takeaways)
    assert data["total"] == len(items) <= sourced and items  # a text not written yet is left out
    wrong = []
    for item in items:
        page = item["target"]["source"].removeprefix("../")
        quote, fragment = (next(s for s in item["target"]["selector"] if s["type"] == kind)
                           for kind in ("TextQuoteSelector", "FragmentSelector"))
        paragraph = html_pages[page].find(id=fragment["value"])
        for added in paragraph.select(".pilcrow, .flag-ref"):  # the page's own links, after the words
            added.decompose()
        text = paragraph.get_text()
        start, end = fragment["refinedBy"]["start"], fragment["refinedBy"]["end"]
        if text[start:end] != quote["exact"] or not text[:start].endswith(quote["prefix"]) \
                or not text[end:].startswith(quote["suffix"]):
            wrong.append(f"{item['id']}: {quote} is not {page}#{fragment['value']}[{start}:{end}]")
    assert not wrong, "\n".join(wrong)


def test_search_index_covers_the_site(site: Path, html_pages):
    """One search record per paragraph, term, event, figure and editor's note, plus every
    entity page and the home page, indexed whole."""
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    data = json.loads((site / "data" / "notes.json").read_text(encoding="utf-8"))
    records = sum(len(a["paragraphs"]) for a in data["articles"]) + sum(
        len(data[kind]) for kind in ("terms", "events", "figures", "editors_notes"))
    entity_pages = [name for name in html_pages if name.startswith("entities/")]
    assert len(entity_pages) == len(data["entities"])
    assert entry["languages"]["en"]["page_count"] == records + len(entity_pages) + 1


def test_search_bundle_is_whole(site: Path):
    """Every file of the bundle was written to its end (Pagefind's Python API once let a
    build ship files cut short: an empty entry file, truncated index files), and the entry
    names the index that is there."""
    bundle = site / "pagefind"
    files = [p for p in bundle.rglob("*") if p.is_file()]
    assert [p.name for p in files if p.stat().st_size == 0] == []
    compressed = [p for p in files if p.suffix.startswith(".pf_")]
    assert {p.suffix for p in compressed} >= {".pf_meta", ".pf_index", ".pf_fragment"}
    for path in compressed:
        assert gzip.decompress(path.read_bytes()).startswith(b"pagefind_dcd"), path  # cut short: EOFError
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert (bundle / f"pagefind.{entry['languages']['en']['hash']}.pf_meta").is_file()


@pytest.mark.slow
def test_publish_uses_absolute_urls(site_project: Path, tmp_path: Path):
    from pelican.settings import read_settings

    # The site's own address; a stand-in where it has none yet (make publish then refuses).
    siteurl = read_settings(str(site_project / "publishconf.py"))["SITEURL"] or PUBLISHED_SITEURL
    result = build(site_project, tmp_path / "output", settings="publishconf.py",
                   pelican_opts=("-e", f'SITEURL="{siteurl}"'))
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "output" / "glossary.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{siteurl}/glossary.html">' in html
    assert f'content="{siteurl}/social.png"' in html
    assert f"<loc>{siteurl}/glossary.html</loc>" in (tmp_path / "output" / "sitemap.xml").read_text(encoding="utf-8")
    assert f"Sitemap: {siteurl}/sitemap.xml" in (tmp_path / "output" / "robots.txt").read_text(encoding="utf-8")

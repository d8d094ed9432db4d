"""The notes as W3C Web Annotations (explainer/render/annotations.py), on the one-article
fixture in this process: every statement that cites the article is one annotation on the
article page, its selectors giving the quote as the paragraph has it. Written by hand from the
fixture (tests/fixtures/one-article). Every built site's export is checked against its built
article page by explainer/ops/site_suite/test_discovery.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import FIXTURES

from explainer.build.context import BuildContext
from explainer.build.stages import prepare
from explainer.render.annotations import annotations

P1 = "Acme Corp said on Monday it will buy 20% of Widget Ltd from Jane Roe, raising its stake from 5% to 25%."


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    content = tmp_path_factory.mktemp("one") / "content"
    shutil.copytree(FIXTURES / "one-article" / "content", content)
    ctx = BuildContext(content)
    assert prepare(ctx) == []
    return ctx.site


def by_body(collection: dict) -> dict[str, dict]:
    return {item["body"][0]["value"]: item for item in collection["first"]["items"]}


def test_a_collection_of_one_annotation_per_sourced_statement(site):
    collection = annotations(site)
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["type"] == "AnnotationCollection"
    items = collection["first"]["items"]
    # Each fact, sourced relation (not the background one), term, event, figure, editor's note
    # and source of a takeaway: twelve in the fixture (eight `source:` lines, four takeaways).
    sources = sum(len(e.facts) + sum(r.source is not None for r in e.relations) for e in site.entities.values()) \
        + len(site.terms) + len(site.events) + len(site.figures) + len(site.editors_notes) \
        + sum(len(t.sources) for t in site.takeaways)
    assert collection["total"] == len(items) == sources == 12
    assert len({item["id"] for item in items}) == len(items)
    assert all(item["type"] == "Annotation" and item["target"]["source"] == "../story.html" for item in items)


def test_an_editors_note_selects_its_words_by_quote_and_by_position(site):
    note = site.editors_notes[0]  # "on Monday", in p1
    item = next(i for i in annotations(site)["first"]["items"] if i["body"][1]["source"].endswith(f"#{note.id}"))
    assert item["motivation"] == "commenting"
    quote, fragment = item["target"]["selector"]
    # "Acme Corp said " is 15 characters: "on Monday" is P1[15:24].
    assert quote == {"type": "TextQuoteSelector", "exact": "on Monday", "prefix": "Acme Corp said ",
                     "suffix": " it will buy 20% of Widget Ltd f"}
    assert fragment == {"type": "FragmentSelector", "conformsTo": "http://www.w3.org/TR/html/", "value": "p1",
                        "refinedBy": {"type": "TextPositionSelector", "start": 15, "end": 24}}
    assert P1[15:24] == "on Monday" and P1[24:56] == " it will buy 20% of Widget Ltd f"


def test_every_selector_gives_its_quote_in_its_paragraph(site):
    for item in annotations(site)["first"]["items"]:
        quote, fragment = item["target"]["selector"]
        text = site.articles["story"].paragraphs[fragment["value"]].text
        start, end = fragment["refinedBy"]["start"], fragment["refinedBy"]["end"]
        assert text[start:end] == quote["exact"]
        assert text[:start].endswith(quote["prefix"]) and text[end:].startswith(quote["suffix"])
        assert len(quote["prefix"]) == min(32, start) and len(quote["suffix"]) == min(32, len(text) - end)


def test_a_published_site_gives_absolute_addresses(site):
    collection = annotations(site, "https://example.org/explainer/")
    assert collection["id"] == "https://example.org/explainer/data/annotations.jsonld"
    item = collection["first"]["items"][0]
    assert item["target"]["source"] == "https://example.org/explainer/story.html"
    assert item["body"][1]["source"].startswith("https://example.org/explainer/")


def test_a_text_not_written_yet_is_no_annotation(tmp_path: Path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "one-article" / "content", content)
    notes = next((content / "notes").glob("*.yaml"))
    text = notes.read_text(encoding="utf-8")
    assert "why: The article gives no date." in text
    notes.write_text(text.replace("likely: The Monday before the article was written.", "likely: \"TODO: what it means\""),
                     encoding="utf-8")
    ctx = BuildContext(content)
    prepare(ctx)
    assert ctx.site is not None
    bodies = [item["body"][1]["source"] for item in annotations(ctx.site)["first"]["items"]]
    assert not any(body.endswith("#on-monday") for body in bodies)
    assert len(bodies) == len(annotations(ctx.site)["first"]["items"]) > 0

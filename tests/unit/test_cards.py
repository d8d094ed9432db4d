"""Preview cards (explainer/render/cards.py): an entity's or a term's card leads with what
the article says, one sourced statement with a link to its paragraph, then the background,
marked as such. In this process against the small fixtures (one article, two articles); on
the built fixture site (tests/fixtures/full-site) against its notes as the build loads
them. In Chromium, the card as a reader sees it: tests/browser/test_cards_browser.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from support import FIXTURES, earliest_fact_in, edit, fold, gives_quote, page_types

from explainer.build.stages import prepare
from explainer.render.cards import MAX_BACKGROUND, MAX_STATEMENT, Cards, card
from explainer.build.context import BuildContext
from explainer.core.routes import NoteKey


def span_of(html: str) -> Tag:
    span = BeautifulSoup(html, "html.parser").span
    assert span is not None, html
    return span


def cite(span: Tag) -> str:
    """A card's link to its paragraph without its text fragment (checked apart: gives_quote)."""
    return span["data-cite"].split(":~:")[0]


def parts(span: Tag) -> tuple[str, str | None]:
    """(the statement, the background) of a card's data, checking the statement comes first."""
    small = span.find("small")
    if small is not None:
        assert span.contents[-1] is small, "the background comes after the statement"
    statement = "".join(str(c) for c in span.contents if c is not small)
    return statement, small.get_text() if small is not None else None


def clipped(shown: str, full: str, limit: int) -> bool:
    """`shown` is `full`, or its start clipped (at most `limit` characters): its whole
    sentences, or its words ending "…"."""
    full = " ".join(full.split())
    if shown == full:
        return len(full) <= limit
    if shown.endswith((".", "!", "?")):
        return len(shown) <= limit and full.startswith(shown + " ")
    return len(shown) <= limit and shown.endswith("\u2026") and full.startswith(shown[:-1])


def copy_fixture(tmp_path: Path, name: str) -> Path:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / name / "content", content)
    return content


def built(content: Path) -> BuildContext:
    ctx = BuildContext(content)
    assert prepare(ctx) == []
    return ctx


@pytest.fixture(scope="module")
def one(tmp_path_factory: pytest.TempPathFactory) -> BuildContext:
    return built(copy_fixture(tmp_path_factory.mktemp("one"), "one-article"))


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> BuildContext:
    return built(copy_fixture(tmp_path_factory.mktemp("two"), "two-articles"))


# --- The card's data, per kind of note (tests/fixtures/one-article) -------------------------

def test_an_entity_card_leads_with_a_fact_and_its_paragraph_then_the_background(one: BuildContext):
    span = span_of(card(one.site, one.index.citations, NoteKey("entity", "acme"), "story"))
    assert (span["id"], span["data-kind"], span["data-name"], cite(span)) == \
        ("card-entity-acme", "Company", "Acme Corp", "#p1")
    assert gives_quote(span["data-cite"], one.site.entities["acme"].facts[0].source.quote)
    assert parts(span) == ("Will buy 20% of Widget Ltd.", "A maker of everything. Founded long ago.")


def test_an_entity_without_facts_shows_only_its_background(one: BuildContext):
    span = span_of(card(one.site, one.index.citations, NoteKey("entity", "widget"), "story"))
    assert not span.has_attr("data-cite")
    assert parts(span) == ("", "A maker of widgets.")


def test_a_term_card_leads_with_how_the_article_uses_it(one: BuildContext):
    span = span_of(card(one.site, one.index.citations, NoteKey("term", "stake"), "story"))
    assert (span["data-kind"], span["data-name"], cite(span)) == ("Glossary", "stake", "#p1")
    assert gives_quote(span["data-cite"], one.site.terms["stake"].source.quote)
    assert parts(span) == ("The part of Widget Ltd that Acme Corp owns.", "A share of ownership in a company.")


@pytest.mark.parametrize("key, kind, name, text", [
    (NoteKey("event", "price-rise"), "Timeline", "2027", "Prices are expected to rise."),
    (NoteKey("figure", "acme-stake"), "Key figure", "25%", "Acme Corp's stake in Widget Ltd after the purchase."),
    (NoteKey("note", "on-monday"), "Editor’s note · Ambiguity", "“on Monday”",
     "Most likely: The Monday before the article was written."),
])
def test_other_cards_are_one_text(one: BuildContext, key: NoteKey, kind: str, name: str, text: str):
    span = span_of(card(one.site, one.index.citations, key, "story"))
    assert (span["id"], span["data-kind"], span["data-name"], span.get_text()) == (f"card-{key.slug}", kind, name, text)
    assert not span.find("small") and not span.has_attr("data-cite")


def test_no_card_for_an_unknown_note(one: BuildContext):
    assert card(one.site, one.index.citations, NoteKey("entity", "nobody")) == ""


def test_off_the_article_page_the_paragraph_link_goes_to_the_article(one: BuildContext):
    cards = Cards(one.site, one.index.citations)
    keys = {NoteKey("entity", "acme"), NoteKey("term", "stake")}
    on_article = BeautifulSoup(cards.html(keys, "story.html", "story"), "html.parser")
    on_entity_page = BeautifulSoup(cards.html(keys, "entities/widget.html"), "html.parser")
    on_glossary = BeautifulSoup(cards.html(keys, "glossary.html"), "html.parser")
    assert [cite(s) for s in on_article.select("span[id]")] == ["#p1", "#p1"]
    assert [cite(s) for s in on_entity_page.select("span[id]")] == ["../story.html#p1"] * 2
    assert [cite(s) for s in on_glossary.select("span[id]")] == ["./story.html#p1"] * 2
    assert not on_glossary.select("[data-of]")  # one article: no need to say which


def test_texts_are_clipped_and_escaped(tmp_path: Path):
    content = copy_fixture(tmp_path, "one-article")
    long = " ".join(["Smith & Sons, 'our' words"] * 12)
    edit(content / "notes/notes.yaml", "summary: A maker of everything. Founded long ago.", f'summary: "{long}"')
    edit(content / "notes/notes.yaml", "text: Will buy 20% of Widget Ltd.", f'text: "Will buy 20% of Widget Ltd. {long}"')
    ctx = built(content)
    site = ctx.site
    html = card(site, ctx.index.citations, NoteKey("entity", "acme"), "story")
    assert "Smith &amp; Sons, &#39;our&#39;" in html and "& " not in html
    span = span_of(html)
    statement, background = parts(span)
    assert clipped(statement, site.entities["acme"].facts[0].text, MAX_STATEMENT) and statement.endswith("\u2026")
    assert clipped(background or "", long, MAX_BACKGROUND) and background.endswith("\u2026")
    # Whole sentences where they say enough; never a sentence cut off mid-way after them.
    told = "Acme makes valves for ships and trains in three countries. It was founded long ago by a family."
    edit(content / "notes/notes.yaml", f'summary: "{long}"', f'summary: "{told}"')
    _, background = parts(span_of(card(built(content).site, ctx.index.citations, NoteKey("entity", "acme"), "story")))
    assert background == "Acme makes valves for ships and trains in three countries.", background


# --- Which fact leads (tests/fixtures/two-articles) ----------------------------------------

def test_on_an_article_page_the_fact_comes_from_that_article_its_earliest_paragraph(tmp_path: Path):
    content = copy_fixture(tmp_path, "two-articles")
    # Acme's facts, in this order: first-story p2, second-story p1, then (the notes' first) p1.
    edit(content / "notes/notes.yaml", "    facts:\n      - text: Will buy 20% of Widget Ltd.\n",
         "    facts:\n"
         "      - text: Says the deal closes this year.\n"
         '        source: {paragraph: "first-story#p2", quote: "completed by the end of this year"}\n'
         "      - text: Its investment was welcomed.\n"
         '        source: {paragraph: "second-story#p1", quote: "welcomed the investment from Acme Corp"}\n'
         "      - text: Will buy 20% of Widget Ltd.\n")
    ctx = built(content)
    site = ctx.site
    cards = Cards(site, ctx.index.citations)
    key = {NoteKey("entity", "acme")}
    first = span_of(cards.html(key, "first-story.html", "first-story"))
    second = span_of(cards.html(key, "second-story.html", "second-story"))
    elsewhere = span_of(cards.html(key, "entities/widget.html"))
    assert (cite(first), parts(first)[0]) == ("#p1", "Will buy 20% of Widget Ltd.")
    assert (cite(second), parts(second)[0]) == ("#p1", "Its investment was welcomed.")
    assert (cite(elsewhere), parts(elsewhere)[0]) == ("../first-story.html#p2", "Says the deal closes this year.")


def test_a_fact_from_another_article_says_which(two: BuildContext):
    # Acme's only fact is in the first story; on the second story's page its card says so.
    span = span_of(Cards(two.site, two.index.citations).html({NoteKey("entity", "acme")}, "second-story.html", "second-story"))
    assert (cite(span), span["data-of"]) == ("./first-story.html#p1", two.site.articles["first-story"].title)
    term = span_of(Cards(two.site, two.index.citations).html({NoteKey("term", "investment")}, "second-story.html", "second-story"))
    assert cite(term) == "#p1" and not term.has_attr("data-of")


# --- On the built fixture site, against its notes as the build loads them --------------------

@pytest.fixture(scope="module")
def article(content, html_pages) -> tuple[str, str]:
    """The article's id and its page in the output (the fixture site has one article)."""
    page = page_types(html_pages)["article"]
    return next((doc.article.id, doc.output) for doc in content.documents.values()
                if doc.article is not None and doc.output == page)


def words_of(paragraph: Tag) -> str:
    """A paragraph's own words, without our annotations (editor's-note markers, permalink)."""
    paragraph = BeautifulSoup(str(paragraph), "html.parser")
    for annotation in paragraph.select(".pilcrow, .flag-ref, sup"):
        annotation.decompose()
    return paragraph.get_text()


def cards_on(html_pages, page: str) -> dict[str, Tag]:
    store = html_pages[page].find(id="note-cards")
    assert store is not None, page
    return {span["id"]: span for span in store.find_all("span", id=True)}


def test_entity_cards_on_the_article_lead_with_a_fact_of_that_article(html_pages, content, article):
    article_id, page = article
    cards = cards_on(html_pages, page)
    soup = html_pages[page]
    entities = [(key, content.site.entities[key.removeprefix("card-entity-")])
                for key in cards if key.startswith("card-entity-")]
    assert len(entities) >= 5
    # Both kinds are on the fixture's article: entities with facts and without.
    assert {earliest_fact_in(content.site, entity, article_id) is None for _, entity in entities} == {True, False}
    for key, entity in entities:
        span, fact = cards[key], earliest_fact_in(content.site, entity, article_id)
        statement, background = parts(span)
        if fact is None:
            assert not span.has_attr("data-cite") and statement == "", key
        else:
            _, paragraph = content.site.resolve(fact.source.paragraph)
            assert span["data-cite"].split(":~:")[0] == f"#{paragraph.id}", key
            assert gives_quote(span["data-cite"], fact.source.quote), key  # it lands on the words
            assert clipped(statement, fact.text, MAX_STATEMENT), key
            # The link goes to the paragraph on this page that holds the fact's quote.
            target = soup.find(id=paragraph.id)
            assert target is not None and target.name == "p", key
            assert fold(fact.source.quote) in fold(words_of(target)), key
        assert background is not None and clipped(background, entity.summary, MAX_BACKGROUND), key


def test_term_cards_on_the_article_lead_with_how_it_is_used(html_pages, content, article):
    cards = cards_on(html_pages, article[1])
    terms = [content.site.terms[key.removeprefix("card-term-")] for key in cards if key.startswith("card-term-")]
    assert terms
    for term in terms:
        span = cards[f"card-term-{term.id}"]
        statement, background = parts(span)
        assert span["data-cite"].split(":~:")[0] == f"#{content.site.resolve(term.source.paragraph)[1].id}", term.id
        assert gives_quote(span["data-cite"], term.source.quote), term.id
        assert clipped(statement, term.in_article, MAX_STATEMENT), term.id
        assert background is not None and clipped(background, term.definition, MAX_BACKGROUND), term.id


def test_cards_on_a_note_page_link_to_the_article(html_pages, content, article):
    page = "entities/halvorsen.html"  # the article's subject: its page has cards of its own
    cards = cards_on(html_pages, page)
    entities = [content.site.entities[k.removeprefix("card-entity-")] for k in cards if k.startswith("card-entity-")]
    assert entities
    for entity in entities:
        span = cards[f"card-entity-{entity.id}"]
        if entity.facts:
            first = entity.facts[0]
            _, paragraph = content.site.resolve(first.source.paragraph)
            assert span["data-cite"].split(":~:")[0] == f"../{article[1]}#{paragraph.id}", entity.id
            assert gives_quote(span["data-cite"], first.source.quote), entity.id
            assert clipped(parts(span)[0], first.text, MAX_STATEMENT), entity.id

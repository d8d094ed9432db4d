"""The glossary, A to Z, an anchor per term (its id) and the paragraphs that use it."""

from __future__ import annotations

from itertools import groupby

from ..index import Mention, SiteIndex, note_key
from ...content.notes import Site, Term
from ...content.site import fixed_pages
from ...core.routes import GLOSSARY
from ...core.text import in_order
from ..drafts import is_drafted
from .common import GeneratedPage, background_from, cite, cite_html, escape, inline


def render(site: Site, index: SiteIndex) -> list[GeneratedPage]:
    if GLOSSARY not in fixed_pages(site):
        return []
    the_article = "the articles" if site.several_articles else "the article"
    terms = sorted(site.terms.values(), key=lambda t: in_order(t.term))
    by_letter = [(letter, list(group)) for letter, group in groupby(terms, key=lambda t: _letter(t.term))]
    lines = [
        f"Plain-language definitions of the words in {the_article} a general reader may need explained. "
        "Each definition is background knowledge; "
        + ("*In* and an article's headline say how that article uses the word." if site.several_articles else
           "*In this article* says how the article uses the word."),
        "",
    ]
    if by_letter:
        lines += ["{.az-nav}", " ".join(f"[{escape(letter)}](#{_anchor(letter)})" for letter, _ in by_letter), ""]
    blocks: dict[str, str] = {}
    for letter, group in by_letter:
        lines += [f"{{#{_anchor(letter)}}}", f"## {escape(letter)}", ""]
        for term in group:
            lines += _entry(site, index, term, blocks)
    return [GeneratedPage(
        source=GLOSSARY.source, save_as=GLOSSARY.save_as, title="Glossary",
        summary=f"Plain-language definitions of the words in {the_article}, A to Z.",
        template="page", markdown="\n".join(lines), metadata={"menu": 3, "menu_label": "Glossary"}, blocks=blocks,
    )]


def _entry(site: Site, index: SiteIndex, term: Term, blocks: dict[str, str]) -> list[str]:
    heading = escape(term.display_name)
    lines = [f"{{#{term.id} .term}}", f"### {heading}", "", inline(term.definition, is_drafted(term, "definition")), "",
             "{.definition-from}", f"Definition {background_from(site, term.definition_cited)}.", "",
             f"*{_in_article(site, term)}:* {inline(term.in_article, is_drafted(term, 'in_article'))} "
             f"{cite(index, term.source)}", ""]
    used = _used_in(index, term)
    if used:
        blocks[f"used-{term.id}"] = used
        lines += [f"::: visual used-{term.id}", ":::", ""]
    return lines


def _used_in(index: SiteIndex, term: Term) -> str:
    """"Used in paragraphs ¶ 2, ¶ 4.": each paragraph using the term, linked to the words that
    name it there (its first mention). HTML built here, as an entity page's mentions are: a
    term of a site of 1000 articles is used in hundreds of paragraphs."""
    used: dict[tuple[str, str], Mention] = {}
    for mention in index.mentions.get(note_key(term), []):
        used.setdefault((mention.article.id, mention.paragraph.id), mention)
    if not used:
        return ""
    links = ", ".join(cite_html(index, mention, mention.sentence[slice(*mention.spans[0])], tooltip=True)
                      for _, mention in sorted(used.items(), key=lambda item: (item[0][0], int(item[0][1][1:]))))
    return f"<p>Used in {'paragraph' if len(used) == 1 else 'paragraphs'} {links}.</p>\n"


def _in_article(site: Site, term: Term) -> str:
    """"In this article", or, where the site has several, in which: "In “Residents file ...”"."""
    if not site.several_articles:
        return "In this article"
    article, _ = site.resolve(term.source.paragraph)
    return f"In \u201c{escape(article.title)}\u201d"


def _letter(word: str) -> str:
    first = word.strip()[:1].upper()
    return first if first.isalpha() else "#"


def _anchor(letter: str) -> str:
    return f"letter-{letter.lower()}" if letter.isalpha() else "letter-other"

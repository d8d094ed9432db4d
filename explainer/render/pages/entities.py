"""One page per entity, and the index of all entities grouped by kind."""

from __future__ import annotations

from collections.abc import Mapping

from markupsafe import escape as markup_escape

from ..index import SiteIndex, note_key
from ...content.notes import KIND_LABELS, RELATION_LABELS, Entity, Relation, Site
from ...content.site import fixed_pages
from ...core.routes import ENTITIES, FIGURES, NoteKey, entity_page
from ...core.text import in_order, isolated
from ..drafts import DRAFTED_BADGE, drafted_markdown, is_draft, is_drafted, plain
from .common import GeneratedPage, background_from, cite, cite_html, escape, inline


def render(site: Site, index: SiteIndex, mentions: Mapping[str, str] | None = None) -> list[GeneratedPage]:
    """`mentions`: each entity's list of mentions (`mentions_html`), where already made."""
    pages = [_entity_page(site, index, entity, mentions[entity.id] if mentions is not None
                          else mentions_html(site, index, entity.id)) for entity in site.entities.values()]
    if ENTITIES in fixed_pages(site):
        pages.append(_index(site))
    return pages


def _entity_page(site: Site, index: SiteIndex, entity: Entity, mentions_block: str) -> GeneratedPage:
    kind = KIND_LABELS[entity.kind][0]
    several = site.several_articles
    source = background_from(site, entity.summary_cited)
    lines = ["::: background", f"**Background, not from the {'articles' if several else 'article'}.** "
             f"{inline(entity.summary, is_drafted(entity, 'summary'))} *{source[0].upper()}{source[1:]}.*", ":::", ""]

    if entity.facts:
        lines += ["## What the articles say" if several else "## What the article says", ""]
        lines += [f"- {inline(fact.text, is_drafted(fact, 'text'))} {cite(index, fact.source)}" for fact in entity.facts]
        lines.append("")

    relations = _relations(site, index, entity)
    if relations:
        lines += ["## Relations", "", *relations, ""]

    lines += ["## Mentioned in the articles" if site.several_articles else "## Mentioned in the article", ""]
    if mentions_block:
        lines += ["::: visual mentions", ":::", ""]
    else:  # not by this name ("the alliance"), or only outside its paragraphs (a byline, a headline)
        said = f"; what {'they say' if several else 'it says'} of it is above" if entity.facts else ""
        lines += [f"No sentence of the {'articles' if several else 'article'} uses this name{said}.", ""]
    route = entity_page(entity.id)
    return GeneratedPage(
        source=route.source,
        save_as=route.save_as,
        title=entity.name,
        summary=plain(entity.summary, is_drafted(entity, "summary")),
        template="entity",
        markdown="\n".join(lines),
        self_key=note_key(entity),
        metadata={"kind": entity.kind, "kind_label": kind, "aliases": entity.aliases, "unfinished": is_draft(entity),
                  "infobox": _infobox(site, index, entity)},
        blocks={"mentions": mentions_block},
    )


def _infobox(site: Site, index: SiteIndex, entity: Entity) -> dict:
    """Key facts at a glance, in the manner of Wikipedia's infobox (URLs from the site root)."""
    relations = [
        {"label": RELATION_LABELS[r.type][0], "name": site.entities[r.target].name,
         "url": entity_page(r.target).save_as, "figure": r.figure, "background": r.source is None,
         "drafted": _drafted_label(r)}
        for r in entity.relations
    ] + [
        {"label": RELATION_LABELS[r.type][1], "name": other.name, "url": entity_page(other.id).save_as,
         "figure": r.figure, "background": r.source is None, "drafted": _drafted_label(r)}
        for other in site.entities.values() for r in other.relations if r.target == entity.id
    ]
    return {
        "figures": [{"value": f.value, "measures": plain(f.measures, is_drafted(f, "measures")), "url": f"{FIGURES.save_as}#{f.id}"}
                    for f in site.figures if entity.id in f.entities],
        "relations": relations,
        "paragraphs": len({(m.article.id, m.paragraph.id) for m in index.mentions.get(note_key(entity), [])}),
        # where the article says something of it without its name ("the alliance"): its facts' paragraphs
        "about": len({_where(site, f.source) for f in entity.facts}
                     | {_where(site, r.source) for r in entity.relations if r.source}),
    }


def _where(site: Site, source) -> tuple[str, str]:
    """(article id, paragraph id) of what a source cites."""
    article, paragraph = site.resolve(source.paragraph)
    return article.id, paragraph.id


def _drafted_label(relation: Relation) -> str:
    """The badge's words for a relation the draft read and no author has reviewed, else ""."""
    return DRAFTED_BADGE if is_drafted(relation, "type") else ""


def _relations(site: Site, index: SiteIndex, entity: Entity) -> list[str]:
    """Its own relations, then those other entities have with it (read the other way)."""
    lines = []
    for relation in entity.relations:
        target = site.entities[relation.target]
        lines.append(_relation_line(site, index, RELATION_LABELS[relation.type][0], target, relation))
    for other in site.entities.values():
        for relation in other.relations:
            if relation.target == entity.id:
                lines.append(_relation_line(site, index, RELATION_LABELS[relation.type][1], other, relation))
    return lines


def _relation_line(site: Site, index: SiteIndex, label: str, other: Entity, relation: Relation) -> str:
    line = f"{label.capitalize()} [{escape(other.name)}]({entity_page(other.id).link()})"
    line = "- " + (drafted_markdown(line) if is_drafted(relation, "type") else line)
    if relation.figure:
        line += f": {inline(relation.figure)}"
    line += f" {cite(index, relation.source)}" if relation.source else \
        f" *(background, not from the {'articles' if site.several_articles else 'article'}: {background_from(site, relation.cited)})*"
    return line


def html_escape(text: str) -> str:
    return str(markup_escape(text))


def mentions_html(site: Site, index: SiteIndex, entity: str) -> str:
    """Each sentence naming the entity (its name in bold) and a link to its paragraph,
    grouped by article when there are several: the longest part of a large site's entity
    pages to make (a text fragment for each sentence), so a build may make it apart. Left
    out of the search index: each sentence is found as its paragraph, which a result opens
    on; the page itself is found by what it says of the entity (at 1000 articles, the
    sentences were most of what Pagefind read)."""
    out, current = [], None
    for mention in index.mentions.get(NoteKey("entity", entity), []):
        if site.several_articles and mention.article is not current:
            if current is not None:
                out.append("</ul>")
            current = mention.article
            out.append(f'<h3><a href="{current.source_link}">{html_escape(current.title)}</a></h3>')
            out.append('<ul class="mentions" data-pagefind-ignore>')
        elif not out:
            out.append('<ul class="mentions" data-pagefind-ignore>')
        out.append(f"<li>{_highlight(mention.sentence, mention.spans)} "
                   f"{cite_html(index, mention, mention.sentence, tooltip=False)}</li>")
    return "\n".join([*out, "</ul>"]) + "\n" if out else ""


def _highlight(sentence: str, spans: tuple[tuple[int, int], ...]) -> str:
    """The sentence in quotes, HTML-escaped, the words naming the entity in bold."""
    out, position = [], 0
    for start, end in spans:
        out += [html_escape(sentence[position:start]), f"<strong>{html_escape(sentence[start:end])}</strong>"]
        position = end
    out.append(html_escape(sentence[position:]))
    return f"\u201c{''.join(out)}\u201d"


def _index(site: Site) -> GeneratedPage:
    the_article = "the articles" if site.several_articles else "the article"
    lines = [f"Everyone and everything {the_article} {'name' if site.several_articles else 'names'}, with a page "
             f"each. The line beside each name is background, not from {the_article}.", "",
             "::: visual relationship-map", ":::", ""]
    for kind, (_, heading) in KIND_LABELS.items():
        members = sorted((e for e in site.entities.values() if e.kind == kind), key=lambda e: in_order(e.name))
        if not members:
            continue
        lines += [f"## {heading}", ""]
        lines += [f"- [{escape(isolated(e.name))}]({entity_page(e.id).link()}): "
                  f"{inline(isolated(_first_sentence(e.summary)), is_drafted(e, 'summary'))}" for e in members]
        lines.append("")
    return GeneratedPage(
        source=ENTITIES.source, save_as=ENTITIES.save_as, title="Who’s who",
        summary=f"Everyone and everything named in {the_article}, with a page each.",
        template="page", markdown="\n".join(lines), self_key=None,
        metadata={"menu": 2, "menu_label": "Who’s who"},
    )


def _first_sentence(text: str) -> str:
    head, dot, _ = text.partition(". ")
    return head + (dot.strip() if dot else "")

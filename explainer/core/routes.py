"""Where everything lives on the site: every page's file and URL, and the key of every note.

One place, so that a link and the page it points to cannot disagree. URLs here are from
the site's root ("entities/nissan.html"); links the build writes into pages start with
SITE_ROOT and are made relative per page by `to_page`.

Pelican writes the authored pages (the articles, the home page, any other Markdown page)
by PAGE_SAVE_AS and links them by PAGE_URL; `check_settings` makes sure the settings say
what this module assumes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

# An authored page's file, by its slug (an article's slug is its id).
PAGE_SAVE_AS = PAGE_URL = "{slug}.html"

# Links the build writes start here; each page's renderer turns it into the way up to the
# site's root from that page ("./" or "../"). Cheaper than a Pelican {filename} link, which
# Pelican resolves one by one: about 166,000 of them for 1000 articles.
SITE_ROOT = "@/"

# Pages made from the notes exist only inside the build, under virtual source paths here.
GENERATED = "_generated"

NOTES_JSON = "data/notes.json"
NOTES_FORMAT = "explainer-notes/1"  # its "format": the build's own mark on a site it made (build/swap.py)
ANNOTATIONS_JSONLD = "data/annotations.jsonld"  # the notes as W3C Web Annotations (render/annotations.py)
SHARE_IMAGE = "social.png"
SEARCH_BUNDLE = "pagefind"  # folder inside the output, loaded only by the search page


def to_page(html: str, save_as: str) -> str:
    """`html` for the page saved as `save_as`, with its site-root links made relative."""
    base = "../" * save_as.count("/") or "./"
    return html.replace(f'="{SITE_ROOT}', f'="{base}')


def link(url: str, fragment: str = "") -> str:
    """A link the build writes to `url` (from the site's root), made relative per page."""
    return f"{SITE_ROOT}{url}" + (f"#{fragment}" if fragment else "")


def page_url(slug: str) -> str:
    """An authored page (an article, the home page, an about page) by its slug."""
    return PAGE_SAVE_AS.format(slug=slug)


@dataclass(frozen=True)
class Route:
    """A page made from the notes: its virtual source path and the file it becomes."""

    source: str  # e.g. "_generated/glossary.md"
    save_as: str  # e.g. "glossary.html", also its URL from the site's root

    def link(self, fragment: str = "") -> str:
        return link(self.save_as, fragment)


ARTICLES = Route(f"{GENERATED}/articles.md", "articles.html")  # only with several articles
ENTITIES = Route(f"{GENERATED}/entities.md", "entities.html")
GLOSSARY = Route(f"{GENERATED}/glossary.md", "glossary.html")
TIMELINE = Route(f"{GENERATED}/timeline.md", "timeline.html")
FIGURES = Route(f"{GENERATED}/figures.md", "figures.html")
EDITORS_NOTES = Route(f"{GENERATED}/editors-notes.md", "editors-notes.html")
SEARCH = Route(f"{GENERATED}/search.md", "search.html")


# The pages made from the notes that have fixed names (an authored page may not take one).
FIXED_PAGES = (ARTICLES, ENTITIES, GLOSSARY, TIMELINE, FIGURES, EDITORS_NOTES, SEARCH)


def entity_page(entity_id: str) -> Route:
    return Route(f"{GENERATED}/entities/{entity_id}.md", f"entities/{entity_id}.html")


NoteKind = Literal["entity", "term", "event", "figure", "note"]

# Where each kind of note is shown: its own page (entities), or an anchor on a list page.
_LISTED_ON: dict[str, Route] = {"term": GLOSSARY, "event": TIMELINE, "figure": FIGURES, "note": EDITORS_NOTES}


class NoteKey(NamedTuple):
    """One note, as pages refer to it: an entity, a glossary term, an event, a figure or an
    editor's note ("note"), by id. Keys sort as "kind:id" would."""

    kind: NoteKind
    id: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.id}"

    @property
    def slug(self) -> str:
        """The key in an HTML attribute: a link's `data-card="entity-nissan"`."""
        return f"{self.kind}-{self.id}"

    @property
    def card_id(self) -> str:
        """The id of the note's preview card on a page (theme/static/js/cards.js finds it)."""
        return f"{CARD_ID_PREFIX}{self.slug}"

    @property
    def url(self) -> str:
        """Where the note is shown, from the site's root."""
        if self.kind == "entity":
            return entity_page(self.id).save_as
        return f"{_LISTED_ON[self.kind].save_as}#{self.id}"

    @property
    def link(self) -> str:
        return link(self.url)


def mark_id(note_id: str) -> str:
    """The id of the words an editor's note is about, on the article page."""
    return f"{MARK_ID_PREFIX}{note_id}"


# Ids a page gives its own parts (a note's anchor may not take one: notes.py checks).
CARD_ID_PREFIX, MARK_ID_PREFIX = "card-", "flag-"


def check_settings(settings: dict[str, Any]) -> list[str]:
    """What in the Pelican settings contradicts the routes here (each a message)."""
    wrong = []
    for name, value in (("PAGE_SAVE_AS", PAGE_SAVE_AS), ("PAGE_URL", PAGE_URL)):
        if settings.get(name) != value:
            wrong.append(f"{name} is {settings.get(name)!r}, but the explainer's links assume {value!r} "
                         "(explainer/core/routes.py): set it so in the settings")
    return wrong


def template_routes() -> dict[str, str]:
    """The URLs the theme's templates link to (as ROUTES.entities, ...), from the site's root."""
    # home: the site's root, its canonical address (never index.html, a second address for it)
    return {"home": "", "not_found": page_url("404"), "articles": ARTICLES.save_as,
            "entities": ENTITIES.save_as, "search": SEARCH.save_as,
            "notes_json": NOTES_JSON, "annotations": ANNOTATIONS_JSONLD, "search_bundle": f"{SEARCH_BUNDLE}/", "share_image": SHARE_IMAGE}

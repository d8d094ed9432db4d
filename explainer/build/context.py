"""The state of one build, in one object made for that build and passed to what needs it.

`python -m explainer build` makes one per build (the dev server builds many times in one
process); under plain `pelican` (and `pelican -r`, which runs the same Pelican object
again on every change) the plugin makes one at the start of every run. Pelican's
generators and readers reach it through that run's receivers (pelican_plugin.py), never
through a module or Pelican's settings: a second build, or a second check, in the same
process starts from the files again.

What each stage fills in is in stages.py: load -> check -> render -> index -> (Pelican
writes) -> emit -> swap.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup
from pelican.utils import SafeDatetime

from ..content.document import Document
from ..content.notes import Site
from ..content.site import renderable
from ..core.problems import ContentError, Problem
from ..render.authored import RenderedPage
from ..render.cards import Cards
from ..render.index import SiteIndex
from ..render.pages import GeneratedPage
from .emit import site_updated
from .forked import Forked
from .incremental import BuildCache
from .search import Previous, SearchIndex


@dataclass(eq=False)
class BuildContext:
    content: Path
    settings: dict[str, Any] = field(default_factory=dict, repr=False)  # Pelican's, when it writes the site
    settings_file: str = ""  # where they were read from, for problems with them
    lint: bool = True  # also refuse text that would not show as meant (lint.py); plain `pelican` does not
    output: Path | None = None  # where the site is written (None: a check only)
    published: Path | None = None  # where readers get it: the last build's search bundle is there
    cache: BuildCache | None = None
    updated: SafeDatetime | None = None  # when the content last changed (the feed, the sitemap)

    # load
    documents: dict[str, Document] = field(default_factory=dict, repr=False)  # authored pages, by absolute path
    site: Site | None = field(default=None, repr=False)
    notes_problems: list[Problem] = field(default_factory=list, repr=False)
    # check: what is unfinished (content/unfinished.py): make publish refuses it, make html marks it
    unfinished: list[Problem] = field(default_factory=list, repr=False)
    # render
    index: SiteIndex | None = field(default=None, repr=False)
    visuals: dict[str, Markup] = field(default_factory=dict, repr=False)
    cards: Cards | None = field(default=None, repr=False)
    notes_pages: list[GeneratedPage] = field(default_factory=list, repr=False)  # as Markdown, in menu order
    story: str = field(default="", repr=False)  # the home page's story, as Markdown
    notes_rendered: dict[str, RenderedPage] = field(default_factory=dict, repr=False)  # by virtual source path
    pages: dict[str, RenderedPage] = field(default_factory=dict, repr=False)  # authored pages, by absolute path
    page_cards: dict[str, str] = field(default_factory=dict, repr=False)  # and the preview cards each ends with
    aside: Forked | None = field(default=None, repr=False)  # what the other core makes (stages.render_aside)
    # index, then emit
    search: SearchIndex | None = field(default=None, repr=False)
    bundle: Previous | None = field(default=None, repr=False)
    hashed: dict[str, str] | None = field(default=None, repr=False)  # make publish: theme file -> hashed name

    @classmethod
    def for_pelican(cls, settings: dict[str, Any], settings_file: str = "", lint: bool = False,
                    published: Path | None = None) -> BuildContext:
        """A build writing the site as Pelican's settings say (PATH into OUTPUT_PATH), with
        the cache the last build left when Pelican's content cache is on."""
        output = Path(settings["OUTPUT_PATH"])
        cached = settings["CACHE_CONTENT"] or settings["LOAD_CONTENT_CACHE"]
        return cls(Path(settings["PATH"]), settings, settings_file, lint, output, published or output,
                   BuildCache(settings) if cached else None,
                   SafeDatetime.fromisoformat(site_updated(settings["PATH"]).isoformat()))

    @property
    def generated(self) -> list[tuple[GeneratedPage, RenderedPage]]:
        """The pages made from the notes, with their HTML, as far as they are rendered."""
        return [(page, self.notes_rendered[page.source]) for page in self.notes_pages if page.source in self.notes_rendered]

    @property
    def sound(self) -> bool:
        """The pages can be rendered (content/site.renderable)."""
        return self.site is not None and renderable(self.site, self.notes_problems)

    def page(self, path: str | Path) -> tuple[Document, str]:
        """An authored page as this build rendered it, its preview cards included (for
        Pelican's reader)."""
        key = os.path.abspath(path)
        if key in self.pages:
            return self.documents[key], self.pages[key].html + self.page_cards[key]
        raise ContentError([Problem(str(path), 0, "this page was not part of the build's content when it "
                                                  "started (added meanwhile?): build again")])

    def close(self) -> None:
        """The build is over (or failed): stop what still runs for it."""
        if self.aside is not None:
            self.aside.stop()
        if self.search is not None:
            self.search.abandon()

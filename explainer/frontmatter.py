"""The front matter authors write at the top of a Markdown page, one schema per page type."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from .fields import HttpUrl, Slug, Text


class PageMeta(BaseModel):
    """A hand-written page (the home page, an about page)."""

    model_config = ConfigDict(extra="forbid")

    title: Text
    summary: Text | None = None
    slug: Slug | None = None
    template: Literal["page", "home"] = "page"
    status: Literal["published", "hidden"] = "published"  # hidden: built, but in no menu or sitemap (404)


class ArticleMeta(BaseModel):
    """A news article as received. No date field: the received text gives none, and
    a date must never be invented; the page says the source does not state one."""

    model_config = ConfigDict(extra="forbid")

    title: Text
    # Left empty by `make new-article` where the received text does not give them: the page
    # says so, `make todo` lists them, and `make publish` refuses an empty source_url.
    author: Text | None = None
    publisher: Text | None = None
    source_url: HttpUrl | None = None
    summary: Text | None = None
    template: Literal["article"] = "article"

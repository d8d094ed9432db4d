"""The front matter authors write at the top of a Markdown page, one schema per page type."""

from __future__ import annotations

from pathlib import Path
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


# What an article may leave empty until it is published (make todo lists them; make publish
# refuses an article without its source_url).
TO_FILL = ("publisher", "source_url")


def field_line(path: Path, key: str) -> int:
    """The line of a top-level front-matter field (1 when it is not there)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next((n for n, line in enumerate(lines, 1) if line.startswith(f"{key}:")), 1)

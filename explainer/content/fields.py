"""Field types shared by the front matter and the notes schemas."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import StringConstraints

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"  # an id: lower-case letters and digits, single hyphens between
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
_SLUG = re.compile(SLUG_PATTERN)
HttpUrl = Annotated[str, StringConstraints(pattern=r"^https?://[^\s/$.?#][^\s]*$")]
Percent = Annotated[str, StringConstraints(pattern=r"^\d+(\.\d+)?%$")]
PARAGRAPH_PATTERN = r"^([a-z0-9]+(-[a-z0-9]+)*#)?p[1-9][0-9]*$"  # "p4", or another article's "its-id#p4"
ParagraphRef = Annotated[str, StringConstraints(pattern=PARAGRAPH_PATTERN)]


def is_slug(text: object) -> bool:
    """Whether `text` is an id as the schema's Slug takes it (an article's, a note's, a source's)."""
    return isinstance(text, str) and _SLUG.match(text) is not None

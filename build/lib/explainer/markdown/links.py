"""Link safety and Pelican's intra-site links.

Only http(s), mailto and scheme-less (relative or fragment) destinations become links; anything
else (javascript:, data:, file:, ...) stays plain text. markdown-it's normalizeLink would
percent-encode Pelican's `{filename}` / `|filename|` placeholders, so the placeholder is kept
as written and only the rest of the URL is normalised.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

_ALLOWED_SCHEME = re.compile(r"^(https?|mailto):", re.IGNORECASE)
_ANY_SCHEME = re.compile(r"^[a-z][a-z0-9+.\-]*:", re.IGNORECASE)
_PELICAN_PLACEHOLDER = re.compile(r"^(\{\w+\}|\|\w+\|)")


def is_allowed_link(url: str) -> bool:
    url = url.strip()
    return bool(_ALLOWED_SCHEME.match(url)) or not _ANY_SCHEME.match(url)


def links_plugin(md: MarkdownIt) -> None:
    normalize = md.normalizeLink

    def normalize_keeping_placeholder(url: str) -> str:
        placeholder = _PELICAN_PLACEHOLDER.match(url)
        if placeholder:
            return placeholder.group(0) + normalize(url[placeholder.end():])
        return normalize(url)

    validate = md.validateLink
    md.normalizeLink = normalize_keeping_placeholder  # type: ignore[method-assign]
    md.validateLink = lambda url: validate(url) and is_allowed_link(url)  # type: ignore[method-assign]

"""Link safety and Pelican's intra-site links.

Only http(s), mailto and scheme-less (relative or fragment) destinations become links;
anything else (javascript:, data:, file:, ...) stays plain text. Pelican's `{filename}`,
`{static}` and `{attach}` placeholders (or `|filename|` ...) are kept as written, since
markdown-it's normalizeLink would percent-encode them; what follows a placeholder must be
a path, never a scheme (Pelican keeps the rest of the URL as it is).

Images load with the page, so they must come from the site itself: a relative path or a
placeholder. An image from another host is a content problem (in the document's ReadEnv).
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from .env import read_env

_ALLOWED_SCHEME = re.compile(r"^(https?|mailto):", re.IGNORECASE)
_ANY_SCHEME = re.compile(r"^\s*[a-z][a-z0-9+.\-]*:", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"^(\{(filename|static|attach)\}|\|(filename|static|attach)\|)")
# Any other placeholder, as written or as normalizeLink percent-encoded it.
_OTHER_PLACEHOLDER = re.compile(r"^(\{\w*\}|\|\w*\||%7B\w*%7D|%7C\w*%7C)", re.IGNORECASE)


def is_allowed_link(url: str) -> bool:
    placeholder = _PLACEHOLDER.match(url)
    if placeholder:
        rest = url[placeholder.end():]
        return not _ANY_SCHEME.match(rest) and not rest.startswith("//")
    if _OTHER_PLACEHOLDER.match(url):  # {index}, {tag}, {author}...: pages this site does not have
        return False
    return bool(_ALLOWED_SCHEME.match(url.strip())) or not _ANY_SCHEME.match(url)


def is_local(url: str) -> bool:
    """Served by this site: a placeholder or a relative path, not another host."""
    return bool(_PLACEHOLDER.match(url)) or not (_ANY_SCHEME.match(url) or url.startswith("//"))


def page_links(tokens: list[Token]) -> list[tuple[int, str]]:
    """(line, path) of every `{filename}` link or image (or `|filename|`), the path as written
    after it: Pelican links them to the page made from that file, or warns that it finds none."""
    found = []
    for token in tokens:
        line = token.map[0] + 1 if token.map else 0
        for child in token.children or []:
            if child.type in ("softbreak", "hardbreak"):
                line += 1
            url = str(child.attrGet("href") or "") if child.type == "link_open" else (
                str(child.attrGet("src") or "") if child.type == "image" else "")
            placeholder = _PLACEHOLDER.match(url)
            if placeholder and "filename" in placeholder.group(0):
                found.append((line, url[placeholder.end():]))
    return found


def links_plugin(md: MarkdownIt) -> None:
    normalize = md.normalizeLink

    def normalize_keeping_placeholder(url: str) -> str:
        placeholder = _PLACEHOLDER.match(url)
        if placeholder:
            return placeholder.group(0) + normalize(url[placeholder.end():])
        return normalize(url)

    validate = md.validateLink
    md.normalizeLink = normalize_keeping_placeholder  # type: ignore[method-assign]
    md.validateLink = lambda url: validate(url) and is_allowed_link(url)  # type: ignore[method-assign]
    md.core.ruler.push("local_images", _local_images)


def _local_images(state: StateCore) -> None:
    for token in state.tokens:
        for child in token.children or []:
            if child.type == "image" and not is_local(str(child.attrGet("src") or "")):
                line = token.map[0] + 1 if token.map else 0
                read_env(state.env).problems.append(
                    (line, f"image {child.attrGet('src')!r} is on another host: keep images in the site "
                           "(content/ or theme/static/) so pages load nothing from elsewhere"))

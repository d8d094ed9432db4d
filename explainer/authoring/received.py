"""A received text, read as every authoring command reads it (make new-site, new-article,
draft-notes, update-article, add-source): the bytes and their non-blank lines, or a clear
refusal; and the article id it is given."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from ..content.fields import is_slug
from ..content.source import is_heading
from ..core.problems import ContentError, Problem, display_path
from ..core.text import slug
from ..core.routes import FIXED_PAGES

# Slugs the site's own pages have (an article page is <id>.html beside them).
_TAKEN = {Path(route.save_as).stem for route in FIXED_PAGES} | {"index", "404", "feed", "robots", "sitemap",
                                                                  "theme", "entities", "pagefind"}


def read_received(path: Path, given_as: str = "SOURCE") -> tuple[bytes, list[str]]:
    """The file's bytes and its non-blank lines, or a clear refusal (`given_as`: the make
    variable that named the file)."""
    shown = display_path(path)
    if path.is_dir():
        raise ContentError([Problem(shown, 0, f"a folder, not a file: give the received text's path as {given_as}=path")])
    if not path.is_file():
        raise ContentError([Problem(shown, 0, f"no such file: give the received text's path as {given_as}=path")])
    data = path.read_bytes()
    if not data.strip():
        raise ContentError([Problem(shown, 1, "the file is empty: there is no text in it")])
    if b"\0" in data:
        line = data[:data.index(b"\0")].count(b"\n") + 1
        raise ContentError([Problem(shown, line, "this is not a text file (it holds NUL bytes): "
                                                 "give the text as plain UTF-8, one paragraph a line")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise ContentError([Problem(shown, line, f"not UTF-8 (byte 0x{data[error.start]:02x}): save the text as "
                                                 "UTF-8, e.g. iconv -f windows-1252 -t utf-8")]) from None
    if text.startswith("\ufeff"):
        raise ContentError([Problem(shown, 1, "the text starts with a byte-order mark: save it as UTF-8 without one")])
    for n, line_text in enumerate(text.splitlines(), 1):
        bad = next((c for c in line_text if unicodedata.category(c) == "Cc" and c != "\t"), None)
        if bad is not None:
            raise ContentError([Problem(shown, n, f"control character U+{ord(bad):04X}: this does not look like "
                                                  "text; give the text as plain UTF-8, one paragraph a line")])
    return data, [line.strip() for line in text.splitlines() if line.strip()]


def with_paragraphs(blocks: list[str], shown: str, data: bytes) -> list[str]:
    """A received article's blocks, refused when no paragraph follows the headline (the first
    line with words: the headline; a block without closing punctuation: a sub-heading), said
    at the headline's line of `data`, the file's bytes."""
    if not any(not is_heading(block) for block in blocks[1:]):
        headline = next(n for n, line in enumerate(data.decode("utf-8").splitlines(), 1) if line.strip())
        raise ContentError([Problem(shown, headline, "no paragraph after the headline: the first line is the headline, "
                                              "then each paragraph on a line of its own, ending with . ! ? or a "
                                              "closing quote (a line without one is a sub-heading)")])
    return blocks


# A default id is the headline's first words: short enough to read in a page's address and
# in every message that names a path (the headline's whole slug ran to 78 characters).
DEFAULT_ID_LENGTH = 48
_ENDS = {"a", "an", "the", "of", "in", "into", "on", "to", "for", "and", "or", "as", "at", "by", "with", "from",
         "over", "after", "before", "its", "their", "his", "her"}


def default_id(headline: str) -> str:
    """An article's id from its headline: its slug cut between words at DEFAULT_ID_LENGTH
    characters, without a word that leaves it hanging ("... fined 14.2 million over" ->
    "... fined-14-2-million")."""
    words = slug(headline, limit=DEFAULT_ID_LENGTH).split("-")
    while len(words) > 1 and words[-1] in _ENDS:
        words.pop()
    return "-".join(words)


def checked_id(article_id: str, shown: str) -> str:
    """An article id, or a refusal said at the received text (`shown`)."""
    if not is_slug(article_id):
        raise ContentError([Problem(shown, 1, f'"{article_id}" cannot be an article id: use lower-case letters, '
                                              "digits and single hyphens, e.g. ID=nissan-follow-up")])
    if article_id in _TAKEN:
        raise ContentError([Problem(shown, 1, f'"{article_id}" is the name of one of the site\'s own pages: '
                                              "give another with ID=...")])
    return article_id

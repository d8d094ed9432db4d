"""`make new-article SOURCE=path [ID=slug]`: a received text becomes an article of the site.

It writes, and never writes over:
- content/articles/<id>/source.txt, the text byte for byte;
- content/articles/<id>/article.md, the same blocks as Markdown: the title in the front
  matter, headings as headings, a disclaimer and an author box as `::: disclaimer` and
  `::: author-box` where they can be recognised, every other block a paragraph;
- content/notes-drafts/<id>.yaml, the notes draft (authoring/draft/).
On a one-article site the existing notes cite plain paragraphs (`p4`); before the second
article arrives each such notes file is given the line `article: <its article>`, through a
round-trip YAML edit that keeps its comments and order, and each change is said.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML

from ..content.articles import ARTICLES_DIR
from ..content.notes import DEFAULT_ARTICLE, NOTES_DIR
from ..content.source import SOURCE_NAME, byline_author, is_heading
from ..core.problems import ContentError, Problem, display_path
from .draft import draft_target, draft_text, known_report
from .received import checked_id, default_id, read_received, with_paragraphs

_DISCLAIMER = re.compile(r"\b(disclaimer|investment advice|financial advice|not (?:be )?(?:construed|intended|"
                         r"authori[sz]ed)|for (?:general )?information(?:al)?(?: purposes)? only|"
                         r"information only|does not constitute)\b", re.IGNORECASE)
# "About Ali Raza PRO INVESTOR": the name is the capitalised words, a badge in capitals after it.
_ABOUT = re.compile(r"^About\s+(?P<name>(?:[A-Z][a-z\u00e0-\u024f][\w.'\u2019-]*|[A-Z]\.)"
                    r"(?:\s+(?:(?:de|da|van|von|der|le|la|del|bin|al)\s+)?(?:[A-Z][a-z\u00e0-\u024f][\w.'\u2019-]*|[A-Z]\.))+)")
# What Markdown would read as syntax, escaped so the page shows the words as received.
_INLINE = re.compile(r"([\\`*_{}\[\]<>|!~#$])|&(?=#?\w+;)")
_BLOCK_START = re.compile(r"^(?:[-+=]|\d{1,9}[.)]|:::)(?=\s|$|:)")


@dataclass
class Created:
    article_id: str
    written: list[Path] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # what was changed in existing files, said
    known: list[str] = field(default_factory=list)  # "already a note: nissan, 4 mentions"


def escape_block(text: str) -> str:
    """One received block as Markdown that shows exactly its words."""
    text = _INLINE.sub(lambda m: "\\" + (m.group(1) or "&"), text)
    return _BLOCK_START.sub(lambda m: "\\" + m.group(), text)


def article_markdown(blocks: list[str]) -> tuple[str, str | None]:
    """article.md for the received blocks, and the author an author box or a byline names (if any)."""
    title, body = blocks[0], blocks[1:]
    about = next((i for i in range(max(0, len(body) - 4), len(body))
                  if is_heading(body[i]) and _ABOUT.match(body[i]) and i + 1 < len(body)
                  and not any(is_heading(b) for b in body[i + 1:])), None)
    author = _ABOUT.match(body[about]).group("name") if about is not None else None  # type: ignore[union-attr]
    # else a byline's, near the top: "By Harriet Okonjo, environment correspondent" (a paragraph)
    author = author or next(filter(None, map(byline_author, body[:3])), None)
    disclaimer = 0
    while disclaimer < len(body) and not is_heading(body[disclaimer]) and _DISCLAIMER.search(body[disclaimer]) \
            and disclaimer < 2:
        disclaimer += 1
    meta = {"title": title}
    if author:
        meta["author"] = author
    out = io.StringIO()
    yaml = YAML()
    yaml.width = 4096
    yaml.dump(meta, out)
    lines = ["---", out.getvalue().rstrip("\n"),
             "# Fill these in: the publisher, and the address where the article was published.",
             "publisher:", "source_url:", "---", ""]
    if disclaimer:
        lines += ["::: disclaimer", *[escape_block(b) + "\n" for b in body[:disclaimer]], ":::", ""]
    end = about if about is not None else len(body)
    for block in body[disclaimer:end]:
        lines += [("## " if is_heading(block) else "") + escape_block(block), ""]
    if about is not None:
        lines += ["::: author-box", "## " + escape_block(body[about]), "",
                  *[escape_block(b) + "\n" for b in body[about + 1:]], ":::", ""]
    return "\n".join(lines).replace("\n\n:::", "\n:::"), author


def yaml_writer() -> YAML:
    """The YAML every authoring command writes with."""
    yaml = YAML()  # round trip: comments, order and quoting kept
    yaml.preserve_quotes = True
    yaml.width = 4096
    return yaml


def round_trip(text: str) -> tuple[YAML, object] | None:
    """The file read for an edit, with the indentation that writes it back unchanged."""
    for mapping, sequence, offset in ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0)):
        yaml = yaml_writer()
        yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
        data = yaml.load(text)
        out = io.StringIO()
        yaml.dump(data, out)
        if out.getvalue() == text:
            return yaml, data
    return None


def name_default_articles(content: Path, existing: list[str]) -> list[str]:
    """With one article on the site, every notes file citing plain paragraphs is given
    `article: <that article>` (the only way a plain `p4` is read then), so a second article
    leaves its citations meaning what they meant. What was changed, as `path:line: ...`."""
    if len(existing) != 1:
        return []
    changed = []
    for path in sorted((content / NOTES_DIR).rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        if not re.search(r"\bparagraph:\s*[\"']?p\d", text):
            continue
        read = round_trip(text)
        if read is None:  # not written back as it was: left to the author, who is told
            changed.append(f"{display_path(path)}:1: cites plain paragraphs (p4); add the line "
                           f"\"{DEFAULT_ARTICLE}: {existing[0]}\" at its top (left as it was: "
                           "it would not round-trip unchanged)")
            continue
        yaml, data = read
        if not hasattr(data, "insert") or DEFAULT_ARTICLE in data:  # type: ignore[operator]
            continue
        data.insert(0, DEFAULT_ARTICLE, existing[0], comment="plain citations (p4) are from this article")  # type: ignore[attr-defined]
        out = io.StringIO()
        yaml.dump(data, out)
        path.write_text(out.getvalue(), encoding="utf-8")
        line = 1 + out.getvalue().splitlines().index(next(l for l in out.getvalue().splitlines()
                                                           if l.startswith(f"{DEFAULT_ARTICLE}:")))
        changed.append(f"{display_path(path)}:{line}: added \"{DEFAULT_ARTICLE}: {existing[0]}\": "
                       "its plain citations (p4) are from that article")
    return changed


def new_article(source: Path, content: Path, article_id: str | None = None) -> Created:
    data, blocks = read_received(source)
    shown = display_path(source)
    with_paragraphs(blocks, shown, data)
    article_id = checked_id(article_id or default_id(blocks[0]), shown)
    articles = content / ARTICLES_DIR
    folder = articles / article_id
    draft = content / "notes-drafts" / f"{article_id}.yaml"
    for taken in (folder, draft):
        if taken.exists():
            raise ContentError([Problem(display_path(taken), 0, "already exists; nothing was written (it is "
                                                                "never written over): give another ID=...")])
    existing = sorted(p.parent.name for p in articles.glob("*/article.md")) if articles.is_dir() else []
    markdown, _ = article_markdown(blocks)
    # Everything is worked out before anything is written: the draft reads the notes as
    # they are (a problem in them is reported, and nothing is written).
    body, result = draft_text(data.decode("utf-8"), article_id, content)
    created = Created(article_id, known=known_report(result))
    created.changed = name_default_articles(content, existing)
    folder.mkdir(parents=True)
    (folder / SOURCE_NAME).write_bytes(data)
    (folder / "article.md").write_text(markdown, encoding="utf-8")
    target = draft_target(content, article_id)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(body, encoding="utf-8")
    created.written += [folder / SOURCE_NAME, folder / "article.md", target]
    return created

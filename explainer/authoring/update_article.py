"""`make update-article ID=<article> SOURCE=new.txt`: the publisher revised an article; the
site takes the new text and leaves no stale quote.

- The text is read as `make new-article` reads one; the previous source.txt is kept as
  content/articles/<id>/revisions/<n>.txt, and revisions.yaml records the revision (its
  date, the paragraphs added and changed, how many were removed, those that moved), which
  the article page shows (content/revisions.py).
- article.md is made again from the new text; its front matter keeps every field but the
  title, which is the new text's.
- Every quote of the notes that cites the article is looked for in the new text: one that
  moved to another paragraph has its `paragraph:` changed (a round-trip YAML edit that keeps
  comments and order; each change printed); one that is gone is reported at its line (the
  build refuses it until an author resolves it); an editor's note whose flagged words are
  gone is listed apart: the publisher corrected them.
Everything is worked out before anything is written; a refusal writes nothing.
"""

from __future__ import annotations

import datetime
import difflib
import io
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAMLError

from ..content.articles import ARTICLES_DIR, Article, Paragraph
from ..content.document import load_document
from ..content.notes import DEFAULT_ARTICLE, NOTES_DIR
from ..content.revisions import REVISIONS_DIR, REVISIONS_NAME, Revision, read_revisions
from ..content.source import SOURCE_NAME
from ..core.problems import ContentError, Problem, did_you_mean, display_path
from ..core.text import fold
from .new_article import article_markdown, round_trip, yaml_writer
from .received import read_received, with_paragraphs


@dataclass
class Updated:
    revision: Revision
    moved: list[str] = field(default_factory=list)  # "path:line: p4 -> p5 ..."
    gone: list[Problem] = field(default_factory=list)  # quotes no longer in the text
    corrected: list[str] = field(default_factory=list)  # editor's notes whose words were corrected
    written: list[Path] = field(default_factory=list)


def update_article(article_id: str, source: Path, content: Path, today: datetime.date | None = None) -> Updated:
    data, blocks = read_received(source)
    with_paragraphs(blocks, display_path(source), data)
    articles = content / ARTICLES_DIR
    folder = articles / article_id
    if not (folder / "article.md").is_file():
        known = sorted(p.parent.name for p in articles.glob("*/article.md")) if articles.is_dir() else []
        raise ContentError([Problem(display_path(source), 0, f'no article "{article_id}" to update'
                                    + did_you_mean(article_id, known))])
    old = _article(folder / "article.md", content)
    if (folder / SOURCE_NAME).read_bytes() == data:
        raise ContentError([Problem(display_path(source), 0, f"the same text as {article_id}'s source.txt: nothing to update")])
    markdown = _with_front_matter(folder / "article.md", article_markdown(blocks)[0], blocks[0])
    new = _revised(article_id, data, markdown)
    earlier, _ = read_revisions(folder)  # a record that does not read is the build's to report
    revision, follows = _revision(old, new, today or datetime.date.today(), len(earlier) + 1)
    updated = Updated(revision)
    edits = _reanchor(content, article_id, old, new, follows, len(list(articles.glob("*/article.md"))) == 1, updated)
    # Now written: the previous text kept, the record, the new text, the notes' moved citations.
    (folder / REVISIONS_DIR).mkdir(exist_ok=True)
    shutil.copyfile(folder / SOURCE_NAME, folder / revision.previous)
    out = io.StringIO()
    yaml = yaml_writer()
    yaml.default_flow_style = None  # a revision's lists on one line each: [p4, p5]
    yaml.dump([r.as_record() for r in [*earlier, revision]], out)
    (folder / REVISIONS_NAME).write_text(out.getvalue(), encoding="utf-8")
    (folder / SOURCE_NAME).write_bytes(data)
    (folder / "article.md").write_text(markdown, encoding="utf-8")
    for path, text in edits.items():
        path.write_text(text, encoding="utf-8")
    updated.written += [folder / revision.previous, folder / REVISIONS_NAME, folder / SOURCE_NAME,
                        folder / "article.md", *edits]
    return updated


def _article(path: Path, content: Path) -> Article:
    doc = load_document(path, content)
    assert doc.article is not None
    return doc.article


def _with_front_matter(old_markdown: Path, made: str, title: str) -> str:
    """The new article.md: the body made from the new text, under the old front matter with
    the new title (the publisher, the address and the summary an author wrote stay)."""
    old = old_markdown.read_text(encoding="utf-8")
    head, _, _ = old.removeprefix("---\n").partition("\n---\n")
    _, _, body = made.removeprefix("---\n").partition("\n---\n")
    # Kept as written where it writes back unchanged; else read all the same, never dropped.
    yaml, data = round_trip(head + "\n") or (yaml_writer(), None)
    if data is None:
        try:
            data = yaml.load(head)
        except YAMLError:
            data = None
    if not hasattr(data, "keys"):
        raise ContentError([Problem(display_path(old_markdown), 1, "its front matter does not read as fields "
                                    "(title: ..., author: ...): mend it (make html says where), then update again")])
    data["title"] = title  # type: ignore[index]
    out = io.StringIO()
    yaml.dump(data, out)
    return f"---\n{out.getvalue()}---\n{body}"


def _revised(article_id: str, data: bytes, markdown: str) -> Article:
    """The new text read as the build will read it (its paragraphs numbered as on the page)."""
    with tempfile.TemporaryDirectory() as scratch:
        content = Path(scratch) / "content"
        folder = content / ARTICLES_DIR / article_id
        folder.mkdir(parents=True)
        (folder / SOURCE_NAME).write_bytes(data)
        (folder / "article.md").write_text(markdown, encoding="utf-8")
        return _article(folder / "article.md", content)


def _revision(old: Article, new: Article, today: datetime.date, number: int) -> tuple[Revision, dict[str, str]]:
    """The revision, and each old paragraph that is still there (moved or its words changed):
    old id -> new id."""
    before, after = list(old.paragraphs.values()), list(new.paragraphs.values())
    follows: dict[str, str] = {}
    matcher = difflib.SequenceMatcher(a=[p.folded for p in before], b=[p.folded for p in after], autojunk=False)
    changed, moved = [], {}
    new_ones: list[Paragraph] = []  # in no pair: added, unless the same words left another place
    gone: list[Paragraph] = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            follows.update({before[a].id: after[b].id for a, b in zip(range(a1, a2), range(b1, b2))})
            moved.update({before[a].id: after[b].id for a, b in zip(range(a1, a2), range(b1, b2))
                          if before[a].id != after[b].id})
        else:  # paired in order where most of the words are the same: those changed; the rest added, removed
            paired = _pairs(before[a1:a2], after[b1:b2])
            follows.update({before[a1 + i].id: after[b1 + j].id for i, j in paired})
            changed += [after[b1 + j].id for _, j in paired]
            new_ones += [after[b] for b in range(b1, b2) if b - b1 not in {j for _, j in paired}]
            gone += [before[a] for a in range(a1, a2) if a - a1 not in {i for i, _ in paired}]
    added = []
    for paragraph in new_ones:  # a paragraph that moved past others ("¶ 1 and ¶ 2 swapped"): moved, not added
        was = next((old for old in gone if old.folded == paragraph.folded), None)
        if was is None:
            added.append(paragraph.id)
            continue
        gone.remove(was)
        follows[was.id] = paragraph.id
        if was.id != paragraph.id:
            moved[was.id] = paragraph.id
    return Revision(today, f"{REVISIONS_DIR}/{number}.txt", added, sorted(changed, key=_number), len(gone),
                    dict(sorted(moved.items(), key=lambda pair: _number(pair[0])))), follows


def _number(paragraph_id: str) -> int:
    return int(paragraph_id.removeprefix("p"))


SAME_PARAGRAPH = 0.6  # share of the words two versions of one paragraph have in common, at least


def _pairs(old: list, new: list) -> list[tuple[int, int]]:
    """(i, j): old[i] and new[j] are one paragraph whose words changed, in reading order."""
    pairs, start = [], 0
    for i, paragraph in enumerate(old):
        ratios = [(difflib.SequenceMatcher(a=paragraph.folded.split(), b=other.folded.split()).ratio(), j)
                  for j, other in enumerate(new[start:], start)]
        best = max(ratios, default=(0.0, -1))
        if best[0] >= SAME_PARAGRAPH:
            pairs.append((i, best[1]))
            start = best[1] + 1
    return pairs


def _reanchor(content: Path, article_id: str, old: Article, new: Article, follows: dict[str, str], only: bool,
              updated: Updated) -> dict[Path, str]:
    """Each notes file whose citations of the article changed, as its new text; what moved,
    what is gone and which editor's notes flag corrected words, said in `updated`. A quote
    that is gone keeps citing its paragraph, by that paragraph's new number if it has one
    (so that the build's "quote not found" names the revised paragraph)."""
    edits: dict[Path, str] = {}
    for path in sorted((content / NOTES_DIR).rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        read = round_trip(text)
        if read is None:
            continue  # left as it is; the build's check reports any quote it lost
        yaml, data = read
        if not hasattr(data, "get"):
            continue
        default = data.get(DEFAULT_ARTICLE) or (article_id if only else None)
        changed = False
        for kind, items in data.items():
            for note, source in _citations(items):
                ref = str(source.get("paragraph", ""))
                cited, _, pid = ref.rpartition("#")
                if (cited or default) != article_id or pid not in old.paragraphs:
                    continue
                shown, line = display_path(path), source.lc.line + 1
                quote = fold(str(source.get("quote", "")))
                found = [p.id for p in new.paragraphs.values() if quote in p.folded]
                if pid in found:
                    continue  # still where it was cited
                quote_line = source.lc.key("quote")[0] + 1 if "quote" in source else line  # where the build says it
                if not found:
                    now = follows.get(pid)
                    updated.gone.append(Problem(shown, quote_line, f"the quote {source.get('quote')!r} ({pid}) is not in the "
                                                             "revised text" + (f" ({pid} is now {now})" if now and now != pid
                                                                               else "") +
                                                             ": quote the new words, or remove the note"))
                    if now and now != pid:
                        source["paragraph"] = f"{cited}#{now}" if cited else now
                        changed = True
                    if kind == "editors_notes":
                        updated.corrected.append(f"{shown}:{line}: editor's note \"{note.get('id')}\": the words it "
                                                 "flags are gone from the revised text (the publisher corrected them?): "
                                                 "remove the note, or flag the new words")
                    continue
                moved_to = updated.revision.moved.get(pid)
                target = found[0] if len(found) == 1 else moved_to if moved_to in found else None
                if target is None:
                    updated.gone.append(Problem(shown, quote_line, f"the quote {source.get('quote')!r} ({pid}) is in "
                                                             f"{', '.join(found)} of the revised text: quote enough words "
                                                             "to point at one"))
                    continue
                source["paragraph"] = f"{cited}#{target}" if cited else target
                changed = True
                updated.moved.append(f"{shown}:{line}: {pid} -> {target}: its quote {source.get('quote')!r} moved")
        if changed:
            out = io.StringIO()
            yaml.dump(data, out)
            edits[path] = out.getvalue()
    return edits


def _citations(items: Any):
    """(the note, its source mapping) for every citation in a list of notes."""
    if not isinstance(items, list):
        return
    for note in items:
        if not hasattr(note, "get"):
            continue
        for source in _sources(note):
            yield note, source


def _sources(node: Any):
    if hasattr(node, "get"):
        if "paragraph" in node and "quote" in node:
            yield node
            return
        for value in node.values():
            yield from _sources(value)
    elif isinstance(node, list):
        for value in node:
            yield from _sources(value)

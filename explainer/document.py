"""An authored Markdown page: read and checked once (`load_document`), rendered once the
notes are sound (`render_document`).

Loading parses the file without the notes: its front matter is checked against its page
type's schema, an article against the text as received, and its paragraphs are numbered
for the notes to cite. Rendering adds what the notes give to those very tokens (the story
on the home page, editor's marks, links to the notes) and writes the HTML. The same two
functions serve `python -m explainer check`, the build, and the Pelican reader, so the
check an author runs and the build agree.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from markdown_it.token import Token
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from .articles import ARTICLE_PATH, Article, numbered_paragraphs
from .errors import Problem, display_path, read_utf8
from .fidelity import check_body, check_title
from .frontmatter import ArticleMeta, PageMeta
from .lint import lint_page
from .markdown import apply_note_rules, markdown
from .markdown.links import page_links
from .routes import NoteKey, page_url, to_page
from .source import SOURCE_NAME, read_source
from .yamldata import line_of, load_yaml, validate

MARKDOWN_EXTENSIONS = ("md", "markdown")  # the files our reader reads (pelican_plugin.py)


def content_documents(content_root: Path) -> list[Path]:
    """Every Markdown page under the content folder, in a stable order."""
    return sorted(p for extension in MARKDOWN_EXTENSIONS for p in content_root.rglob(f"*.{extension}") if p.is_file())


@dataclass
class Document:
    """One authored page as read and checked: nothing of the notes is in it yet."""

    path: Path
    problems: list[Problem] = field(default_factory=list)  # what keeps it from being built
    lint: list[Problem] = field(default_factory=list)  # text that would not show as meant (lint.py)
    metadata: dict[str, Any] | None = None  # checked front matter and slug (None: cannot be built)
    output: str = ""  # the file it becomes inside the output folder
    output_line: int = 0
    article: Article | None = None  # an article's paragraphs and title, for the notes
    page_links: list[tuple[int, str]] = field(default_factory=list)  # (line, path) of its {filename} links
    # The parse, for the render to add the notes to. None when the document came from the
    # build cache (explainer/incremental.py): it is read again if it must be rendered.
    parsed: tuple[list[Token], dict[str, Any]] | None = field(default=None, repr=False)

    @property
    def template(self) -> str:
        return str((self.metadata or {}).get("template", ""))

    def without_parse(self) -> Document:
        """What a cache keeps: the checked page, without its tokens."""
        return replace(self, parsed=None)


def load_document(path: Path, content_root: Path) -> Document:
    """Read and check one page (a pure function of the file, and of source.txt beside an article)."""
    shown = display_path(path)
    doc = Document(path)
    match = ARTICLE_PATH.match(Path(os.path.relpath(path, content_root)).as_posix())
    text, doc.problems = read_utf8(path, shown)
    if text is None:
        if match:
            doc.article = Article(match["id"], path, "", {}, [Problem(shown, 1, "not readable")])
        return doc

    env: dict[str, Any] = {"paragraph_ids": bool(match)}
    tokens = markdown().parse(text, env)
    doc.parsed = (tokens, env)
    has_front = bool(tokens) and tokens[0].type == "front_matter"
    data, front_problems = load_yaml(tokens[0].content, shown, first_line=2) if has_front else (None, [])
    source_path = path.parent / SOURCE_NAME
    source = read_source(source_path) if match and source_path.is_file() else None  # read once
    if match:
        title = str(data.get("title", "")) if isinstance(data, dict) else ""
        if not has_front or source is None:
            differences = [Problem(shown, 1, "front matter or source.txt missing")]
        else:
            differences = check_body(tokens, source, shown, source_path)
        doc.article = Article(match["id"], path, title, numbered_paragraphs(tokens), differences)
    doc.lint = list(lint_page(path, tokens))
    doc.page_links = page_links(tokens)

    if not has_front:
        hint = ("front matter is not closed: add a line with --- after it" if text.startswith("---")
                else "no front matter: start the file with a --- line, the fields (title: ...), and ---")
        doc.problems.append(Problem(shown, 1, hint))
        return doc
    meta = None
    if not front_problems:
        meta, front_problems = validate(ArticleMeta if match else PageMeta, data, shown, first_line=2)
    doc.problems += front_problems

    if match:
        # Checked even when the front matter has problems: one run reports everything.
        if source is None:
            doc.problems.append(Problem(shown, 1, f"no {SOURCE_NAME} beside the article: keep the text as received there"))
        else:
            title = meta.title if meta else data.get("title") if isinstance(data, dict) else None
            doc.problems += check_title(title, source, shown, source_path)
            doc.problems += doc.article.differences  # type: ignore[union-attr]
    if meta is None:
        return doc

    metadata = meta.model_dump(exclude_none=True)
    if match:
        metadata["slug"] = match["id"]
    elif "slug" not in metadata:
        # Pelican would name the file after the title; a title of only punctuation gives ".html".
        slug = slugify(meta.title, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])
        if not slug:
            doc.problems.append(Problem(shown, line_of(data, ("title",), 2),
                                        f"the title {meta.title!r} has no letters or digits to name the page's "
                                        "file after: add a slug (slug: about-this-site)"))
            return doc
        metadata["slug"] = slug
    doc.metadata = metadata
    doc.output = page_url(metadata["slug"])
    doc.output_line = line_of(data, ("slug",) if "slug" in data else ("title",), 2)
    doc.problems += [Problem(shown, line, message) for line, message in env.pop("problems", [])]
    return doc


@dataclass
class RenderedPage:
    """A page's HTML, the notes it links to (their preview cards go with it), and any problem
    the notes caused in it."""

    html: str
    notes_shown: set[NoteKey]
    problems: list[Problem]
    # The runs of text an article's page looked for names in: what its links depend on
    # (explainer/incremental.py).
    runs: list[str] = field(default_factory=list, repr=False)


def render_document(doc: Document, notes: dict[str, Any], story: str | None = None) -> RenderedPage:
    """Add the notes to the page's tokens and write its HTML. `notes` is the part of the
    markdown-it env the notes give (the linker, the visuals and, for an article, its marks
    and its paragraphs' own figures and dates); `story` the Markdown of the story the home
    page tells (pages/home.py). The tokens are the document's own: it is rendered once."""
    assert doc.parsed is not None and doc.metadata is not None, "render only what loaded cleanly"
    tokens, parsed_env = doc.parsed
    doc.parsed = None
    shown = display_path(doc.path)
    env = {**parsed_env, **notes}
    if doc.article is not None:
        env["runs"] = []
    problems: list[Problem] = []
    if story is not None:
        problems += _place_story(tokens, story, home=doc.template == "home", path=shown,
                                 references=parsed_env.get("references", {}))
    apply_note_rules(tokens, env)
    md = markdown()
    html = to_page(md.renderer.render(tokens, md.options, env), doc.output)
    problems += [Problem(shown, line, message) for line, message in env.get("problems", [])]
    return RenderedPage(html, env.get("notes_shown", set()), problems, env.get("runs", []))


def _place_story(tokens: list[Token], story: str, home: bool, path: str, references: dict[str, Any]) -> list[Problem]:
    """Put the story where the page has a `::: story` block, or at the end of the home page.
    Its links are added with the rest of the page's, so a name linked before it is not
    linked again in it, and the page's link references serve it too. Problems in its text
    are the page's, at the block (or the end)."""
    start = next((i for i, t in enumerate(tokens) if t.type == "container_story_open"), None)
    if start is None and not home:
        return []
    env: dict[str, Any] = {"references": dict(references)}
    parsed = markdown().parse(story, env)
    problems = []
    if start is None:  # at the end, before the footnotes (footnote_tail moved them there)
        line = max((t.map[1] for t in tokens if t.map), default=0)
        at = next((i for i, t in enumerate(tokens) if t.type == "footnote_block_open"), len(tokens))
        tokens[at:at] = parsed
    else:
        depth, end = 0, start
        for end in range(start, len(tokens)):
            depth += tokens[end].nesting if tokens[end].type.startswith("container_story") else 0
            if depth == 0:
                break
        line = tokens[start].map[0] + 1 if tokens[start].map else 0
        if end > start + 1:
            problems.append(Problem(path, line, "the ::: story block is filled from the notes: leave it empty "
                                                "(what is inside would not show)"))
        tokens[start:end + 1] = parsed
    problems += [Problem(path, line, f"in the story from the notes: {message}") for _, message in env.get("problems", [])]
    if any(t.type == "container_story_open" for t in tokens):
        problems.append(Problem(path, line, "the story can be placed once: keep one ::: story block"))
    return problems

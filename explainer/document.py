"""A Markdown content file: its front matter, its HTML, and every problem with it.

The same function serves the Pelican reader and `python -m explainer check`, so the
check an author runs and the build agree.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from .articles import ARTICLE_PATH, to_page
from .errors import Problem, display_path, read_utf8
from .fidelity import check_body, check_title
from .frontmatter import ArticleMeta, PageMeta
from .markdown import apply_note_rules, markdown
from .pages.home import story_markdown
from .source import SOURCE_NAME, read_source
from .yamldata import line_of, load_yaml, validate

if TYPE_CHECKING:
    from .linking import SiteLinks
    from .notes import Site



@dataclass
class Document:
    path: Path
    html: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    notes_shown: set[str] = field(default_factory=set)  # keys of the notes the page links to
    output: str = ""  # the file it becomes inside the output folder
    output_line: int = 0
    tokens: list[Any] = field(default_factory=list, repr=False)  # as parsed, for the lint
    fingerprint: str = ""  # for an article's page: what it shows (explainer/incremental.py)
    runs: list[str] = field(default_factory=list, repr=False)  # the text it looked for names in


def read_document(path: Path, content_root: Path, links: SiteLinks | None = None, site: Site | None = None) -> Document:
    """Read and check one page. With the site's notes and links, names in the text link to
    their notes and (in an article) the words an editor's note is about are marked."""
    shown = display_path(path)
    doc = Document(path)
    text, doc.problems = read_utf8(path, shown)
    if text is None:
        return doc

    relative = Path(os.path.relpath(path, content_root)).as_posix()
    article = ARTICLE_PATH.match(relative)
    known = site.articles.get(article["id"]) if article and site is not None else None
    parsed = known.take_parsed() if known is not None and os.path.abspath(known.path) == os.path.abspath(path) else None
    tokens, env = parsed or ([], {"paragraph_ids": bool(article)})
    note_env: dict[str, Any] = {}
    if links is not None and site is not None:
        note_env = {"linker": links.linker, "visuals": links.visuals}
        if known is not None and known.faithful:  # else its own problems come first
            note_env["marks"] = links.marks.get(known.id, {})
            note_env["paragraph_linkers"] = links.paragraph_linkers(known.id)
    env.update(note_env)
    if article:
        env["runs"] = doc.runs
    md = markdown()
    if parsed:  # parsed once already, when the notes were read: add their marks and links
        apply_note_rules(tokens, env)
    else:
        tokens = md.parse(text, env)
    doc.tokens = tokens

    if not tokens or tokens[0].type != "front_matter":
        hint = ("front matter is not closed: add a line with --- after it" if text.startswith("---")
                else "no front matter: start the file with a --- line, the fields (title: ...), and ---")
        doc.problems.append(Problem(shown, 1, hint))
        return doc
    data, problems = load_yaml(tokens[0].content, shown, first_line=2)
    meta = None
    if not problems:
        meta, problems = validate(ArticleMeta if article else PageMeta, data, shown, first_line=2)
    doc.problems += problems

    if article:
        # Checked even when the front matter has problems: one run reports everything.
        source_path = path.parent / SOURCE_NAME
        title = meta.title if meta else data.get("title") if isinstance(data, dict) else None
        if not source_path.is_file():
            doc.problems.append(Problem(shown, 1, f"no {SOURCE_NAME} beside the article: keep the text as received there"))
        else:
            source = read_source(source_path)
            doc.problems += check_title(title, source, shown, source_path)
            # The body was compared with the source when the articles were loaded; not twice.
            doc.problems += known.differences if known else check_body(tokens, source, shown, source_path)
    if meta is None:
        return doc

    doc.metadata = meta.model_dump(exclude_none=True)
    if article:
        doc.metadata["slug"] = article["id"]
    elif "slug" not in doc.metadata:
        # Pelican would name the file after the title; a title of only punctuation gives ".html".
        slug = slugify(meta.title, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])
        if not slug:
            doc.problems.append(Problem(shown, line_of(data, ("title",), 2),
                                        f"the title {meta.title!r} has no letters or digits to name the page's "
                                        "file after: add a slug (slug: about-this-site)"))
            return doc
        doc.metadata["slug"] = slug
    doc.output = f"{doc.metadata['slug']}.html"  # PAGE_SAVE_AS in pelicanconf.py
    doc.output_line = line_of(data, ("slug",) if "slug" in data else ("title",), 2)
    if meta.template == "home" and site is not None:
        # The home page: the author's introduction, then the story from the notes.
        tokens = md.parse(text + "\n\n" + story_markdown(site), env)
    doc.problems += [Problem(shown, line, message) for line, message in env.get("problems", [])]
    doc.tokens = tokens
    doc.html = to_page(md.renderer.render(tokens, md.options, env), doc.output)
    doc.notes_shown = env.get("notes_shown", set())
    return doc


MARKDOWN_EXTENSIONS = ("md", "markdown")  # the files our reader reads (pelican_plugin.py)


def content_documents(content_root: Path) -> list[Path]:
    """Every Markdown page under the content folder, in a stable order."""
    return sorted(p for extension in MARKDOWN_EXTENSIONS for p in content_root.rglob(f"*.{extension}") if p.is_file())

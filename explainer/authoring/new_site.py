"""`make new-site DIR=path SOURCE=story.txt [ID=slug]`: a new explainer site in its own folder,
ready to build: the story as its article with a notes draft (as `make new-article` makes
them), a home page and a 404 page, the site's settings in one file, a Makefile whose targets
are the installed generator's, the generator pinned to a commit (requirements.lock), a
.gitignore and a README. Everything is written into a scratch folder beside DIR and renamed
into place at the end: a refusal or a failure leaves nothing behind."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from string import Template

from ..core.problems import ContentError, Problem, display_path
from . import pin as pins
from .new_article import new_article
from .received import read_received, with_paragraphs

SKELETON = Path(__file__).with_name("site")
# skeleton file -> where it goes in the new site, filled in for the story (the Makefile is the
# generator's own, the same in every site: authoring/pin.py writes it, and make upgrade again)
FILES = {"README.md": "README.md", "gitignore": ".gitignore",
         "pelicanconf.py.tmpl": "pelicanconf.py", "publishconf.py.tmpl": "publishconf.py",
         "index.md": "content/index.md", "404.md": "content/404.md"}


@dataclass
class NewSite:
    folder: Path
    article_id: str
    sitename: str
    pin: pins.Pin
    notes: list[str] = field(default_factory=list)  # what the author should know, said after


def site_name(headline: str) -> str:
    """The site's name from the story's headline: "<headline>, explained" ("Explained: <headline>"
    when the headline ends as a question or an exclamation); an author shortens it in pelicanconf.py."""
    headline = headline.strip().rstrip(".")
    return f"Explained: {headline}" if headline.endswith(("?", "!")) else f"{headline}, explained"


def new_site(folder: Path, source: Path, article_id: str | None = None, generator_spec: str | None = None) -> NewSite:
    shown = display_path(folder)
    if folder.exists() and not folder.is_dir():
        raise ContentError([Problem(shown, 0, "is a file, not a folder: give the new site's folder as DIR=... "
                                              "(nothing was written)")])
    if folder.exists() and any(folder.iterdir()):
        raise ContentError([Problem(shown, 0, "already exists and is not empty: a new site needs a new folder "
                                              "(nothing was written); give another DIR=...")])
    data, blocks = read_received(source)  # an empty, non-UTF-8 or non-text source is refused here
    with_paragraphs(blocks, display_path(source), data)  # and one with no paragraph
    headline = blocks[0]
    if generator_spec:
        pin, warning = pins.parse_pin(generator_spec), None
    else:
        pin, warning = pins.this_generator()
    _, pinned = pins.pinned_files(pin.url, pin.commit)

    folder.parent.mkdir(parents=True, exist_ok=True)
    scratch = folder.parent / f".{folder.name}.new-{os.getpid()}"
    shutil.rmtree(scratch, ignore_errors=True)
    try:
        scratch.mkdir()
        created = new_article(source, scratch / "content", article_id)
        sitename = site_name(headline)
        values = {"name": sitename, "headline": headline, "article_id": created.article_id,
                  # quoted once: a Python string in pelicanconf.py, a YAML one in index.md
                  "sitename": json.dumps(sitename, ensure_ascii=False),
                  "summary_yaml": json.dumps(f"What the news \u201c{headline}\u201d says, who is in it, and what its "
                                             "words mean.", ensure_ascii=False),
                  "generator": f"pinned to commit {pin.commit[:12]} of {pin.url}"}
        for name, target in FILES.items():
            text = Template((SKELETON / name).read_text(encoding="utf-8")).substitute(values)
            (scratch / target).parent.mkdir(parents=True, exist_ok=True)
            (scratch / target).write_text(text, encoding="utf-8")
        pins.write_pins(scratch, pin, pinned)
        if folder.exists():
            folder.rmdir()  # empty, checked above
        scratch.rename(folder)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    made = NewSite(folder, created.article_id, sitename, pin)
    made.notes = [*created.known, *([warning] if warning else [])]
    return made

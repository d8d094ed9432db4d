"""`make new-article SOURCE=path [ID=slug]`: a received text becomes an article of the
site, with a notes draft."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import content_folder


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainer new-article", description=__doc__)
    parser.add_argument("source", type=Path, help="the text as received, one block a line")
    parser.add_argument("--input", type=content_folder, default="content")
    parser.add_argument("--id", help="the article's id (default: its headline's first words, up to 48 characters)")
    args = parser.parse_args(argv)

    from ..authoring.new_article import new_article
    from ..core.problems import ContentError, report

    try:
        created = new_article(args.source, args.input, args.id or None)
    except ContentError as error:
        report(error.problems, "nothing was written.")
        return 1
    from ..authoring.draft.wordnet import missing

    lacks = missing()  # the draft without WordNet, said in one line
    if lacks:
        print(lacks)
    for line in [*created.changed, *created.known]:
        print(line)
    for path in created.written:
        print(f"wrote {path}")
    print(f"Next: make html, then open output/{created.article_id}.html; curate the draft, then move it "
          f"into {args.input / 'notes'} (make todo lists what is left).")
    return 0

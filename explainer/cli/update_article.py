"""`make update-article ID=<article> SOURCE=new.txt`: take a revised text of an article,
keep the previous one, and move or report every quote that cites it."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import content_folder


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainer update-article", description=__doc__)
    parser.add_argument("id", help="the article's id (its folder under content/articles/)")
    parser.add_argument("source", type=Path, help="the revised text, as received")
    parser.add_argument("--input", type=content_folder, default="content")
    args = parser.parse_args(argv)

    from ..authoring.update_article import update_article
    from ..core.problems import ContentError, report

    try:
        updated = update_article(args.id, args.source, args.input)
    except ContentError as error:
        report(error.problems, "nothing was written.")
        return 1
    revision = updated.revision
    added = len(revision.added)
    print(f"{args.id}: revised {revision.day}: {added} paragraph{'' if added == 1 else 's'} added, "
          f"{len(revision.changed)} changed, {revision.removed} removed, {len(revision.moved)} moved")
    for line in updated.moved:
        print(line)
    for path in updated.written:
        print(f"wrote {path}")
    for line in updated.corrected:
        print(line)
    if updated.gone:
        report(updated.gone, "the revised text is in place; make html refuses until these quotes are resolved.")
        return 1
    print("Every quote is in the revised text: make html.")
    return 0

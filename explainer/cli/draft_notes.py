"""`make draft-notes ARTICLE=path`: the notes draft for an article's text, to curate."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import content_folder


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainer draft-notes", description=__doc__)
    parser.add_argument("article", type=Path, help="the text as received, one block a line")
    parser.add_argument("--input", type=content_folder, default="content")
    parser.add_argument("--id", help="the article's id (default: its folder, or its title)")
    args = parser.parse_args(argv)

    from ..authoring.draft import known_report, write_draft
    from ..core.problems import ContentError, report

    try:
        target, result = write_draft(args.article, args.input, args.id)
    except ContentError as error:
        report(error.problems, "no draft was written.")
        return 1
    from ..authoring.draft.wordnet import missing

    lacks = missing()  # the draft without WordNet, said in one line
    if lacks:
        print(lacks)
    for line in known_report(result):
        print(line)
    print(f"Draft notes written to {target}: curate them, then move them into {args.input / 'notes'}.")
    return 0

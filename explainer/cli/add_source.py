"""`make add-source FILE=path URL=address [ID=slug] [TITLE=...] [PUBLISHER=...]`: store an
outside source's text as retrieved, for background statements to cite."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import content_folder


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainer add-source", description=__doc__)
    parser.add_argument("file", type=Path, help="the text as retrieved (UTF-8)")
    parser.add_argument("--url", required=True, help="the address it was retrieved from")
    parser.add_argument("--id", help="the source's id (default: a slug of its title)")
    parser.add_argument("--title", help="its title (default: its first line)")
    parser.add_argument("--publisher", help="who publishes it")
    parser.add_argument("--input", type=content_folder, default="content")
    args = parser.parse_args(argv)

    from ..authoring.add_source import add_source
    from ..core.problems import ContentError, report

    try:
        stored = add_source(args.file, args.input, args.url, args.id or None, args.title or None, args.publisher or None)
    except ContentError as error:
        report(error.problems, "nothing was written.")
        return 1
    for path in stored.written:
        print(f"wrote {path}")
    print(f"Cite it from a background statement: summary_cited (an entity), definition_cited (a term) or cited (a "
          f"background relation): {{source: {stored.source_id}, quote: \"words of the text\"}}; make html checks the quote.")
    return 0

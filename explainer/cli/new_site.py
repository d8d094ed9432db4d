"""`make new-site DIR=path SOURCE=story.txt [ID=slug]`: a new explainer site for a story, in
its own folder, ready to build (README, "Start an explainer for a new story")."""

from __future__ import annotations

import argparse
from pathlib import Path


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainer new-site", description=__doc__)
    parser.add_argument("folder", type=Path, help="the new site's folder (must not exist, or be empty)")
    parser.add_argument("source", type=Path, help="the story as received, one block a line")
    parser.add_argument("--id", help="the article's id (default: its headline's first words, up to 48 characters)")
    parser.add_argument("--generator", help="where the site installs the generator from, git+URL@COMMIT "
                                            "(default: this generator's repository at its current commit)")
    args = parser.parse_args(argv)

    from ..authoring.new_site import new_site
    from ..core.problems import ContentError, display_path, report

    try:
        made = new_site(args.folder, args.source, args.id or None, args.generator)
    except ContentError as error:
        report(error.problems, "nothing was written.")
        return 1
    for line in made.notes:
        print(line)
    where = display_path(made.folder)
    print(f"made {where}: \"{made.sitename}\", the article {made.article_id}, the generator {made.pin.requirement}")
    print(f"Next: cd {where} && make html (the first run installs the generator into .venv), then make devserver; "
          "curate content/notes-drafts/ into content/notes/ until make todo has nothing left; make test; make publish.")
    return 0

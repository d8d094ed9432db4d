"""`make upgrade [TO=commit]` in a site: the site's generator pins (requirements.lock, and the
test tools' package.json and package-lock.json) moved to the generator at TO (a commit, tag or
branch of where it comes from; default: its newest commit). The Makefile then reinstalls and
rebuilds."""

from __future__ import annotations

import argparse
from pathlib import Path


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainer upgrade", description=__doc__)
    parser.add_argument("--site", type=Path, default=Path("."))
    parser.add_argument("--to", default="HEAD", help="a commit, tag or branch of the generator (default: HEAD)")
    args = parser.parse_args(argv)

    from ..authoring.pin import upgrade
    from ..core.problems import ContentError, report

    try:
        print(upgrade(args.site, args.to))
    except ContentError as error:
        report(error.problems, "the site was left as it was.")
        return 1
    return 0

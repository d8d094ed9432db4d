"""`make check`: every problem of the content, as a build would find it, without writing."""

from __future__ import annotations

import argparse

from . import content_folder


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainer check", description=__doc__)
    parser.add_argument("--input", type=content_folder, default="content")
    args = parser.parse_args(argv)

    from ..build.stages import check_only
    from ..core.problems import report

    problems = check_only(args.input)
    if problems:
        report(problems, f"fix {'it' if len(problems) == 1 else 'them'} and run the check again.")
        return 1
    print(f"{args.input}: no problems found.")
    return 0

"""`make todo`: what the site still lacks, each as `path:line: ...` at the place to fix."""

from __future__ import annotations

import argparse

from . import content_folder


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainer todo", description=__doc__)
    parser.add_argument("--input", type=content_folder, default="content")
    args = parser.parse_args(argv)

    from ..authoring.todo import main as todo

    return todo(args.input)

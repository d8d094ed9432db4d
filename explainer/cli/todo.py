"""`make todo`: what the site still lacks, each as `path:line: ...` at the place to fix."""

from __future__ import annotations

import argparse
from pathlib import Path


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainer todo", description=__doc__)
    parser.add_argument("--input", type=Path, default=Path("content"))
    args = parser.parse_args(argv)

    from ..authoring.todo import main as todo

    return todo(args.input)

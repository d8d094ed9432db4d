"""`make audit`: Lighthouse over every page type of a fresh publish behind nginx, on a phone and
a desktop: the four scores and the failing audits as a table (a report, not a test)."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import content_folder


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainer audit", description=__doc__)
    parser.add_argument("--input", type=content_folder, default="content")
    parser.add_argument("--settings", type=Path, default=Path("publishconf.py"))
    args = parser.parse_args(argv)

    from ..ops.audit import main as audit

    return audit(args.input, args.settings)

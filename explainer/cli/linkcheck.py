"""`make linkcheck`: the links to other sites in the built output (needs the network)."""

from __future__ import annotations

import argparse
from pathlib import Path


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainer linkcheck", description=__doc__)
    parser.add_argument("--output", type=Path, default=Path("output"))
    args = parser.parse_args(argv)

    from ..ops.linkcheck import linkcheck

    return linkcheck(args.output)

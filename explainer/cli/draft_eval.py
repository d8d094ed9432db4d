"""`make draft-eval`: the notes draft scored against hand-made answer keys; fails when a
score misses its target."""

from __future__ import annotations

import argparse
from pathlib import Path


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainer draft-eval", description=__doc__)
    parser.add_argument("--folder", type=Path, default=Path("evals/draft"))
    parser.add_argument("--split", choices=("dev", "test"), help="only this split's table (while developing "
                                                                  "a rule: dev, never test)")
    args = parser.parse_args(argv)

    from ..authoring.draft_eval import main as draft_eval

    return draft_eval(args.folder, splits=(args.split,) if args.split else None)

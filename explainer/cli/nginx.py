"""`make nginx`: a built site served by nginx as production serves it, in the foreground."""

from __future__ import annotations

import argparse
from pathlib import Path


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainer nginx", description=__doc__)
    parser.add_argument("--output", type=Path, default=Path("output"))
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--scratch", type=Path, default=Path(".nginx"),
                        help="folder for the rendered nginx.conf, its logs and temporary files")
    args = parser.parse_args(argv)

    from ..ops.nginx import main as nginx

    return nginx(args.output, args.port, args.scratch)

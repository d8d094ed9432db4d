"""`make bench`, `make bench-preview`: build time against bare Pelican by number of
articles, or the live preview's save-to-screen latency in Chromium. Benchmarks, not tests."""

from __future__ import annotations

import argparse


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainer bench", description=__doc__)
    parser.add_argument("--sizes", default="10 100 1000", help="numbers of articles")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--preview", action="store_true",
                        help="instead, the dev server's save-to-screen latency in Chromium")
    args = parser.parse_args(argv)

    from ..ops import bench

    if args.preview:
        return bench.preview(max(args.runs, 10))
    return bench.main([int(n) for n in args.sizes.split()], args.runs)

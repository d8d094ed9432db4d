"""`make weight`: each article page and what it loads, in bytes as published, then on the
wire through nginx in Chromium, against their budgets (a measurement, not a test)."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import content_folder


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainer weight", description=__doc__)
    parser.add_argument("--output", type=Path, default=Path("output"),
                        help="with --static-only, the built site to weigh (otherwise a fresh publish is)")
    parser.add_argument("pages", nargs="*", help="pages inside the output (default: each article page)")
    parser.add_argument("--input", default="content", help="published for the transfer weight")
    parser.add_argument("--settings", type=Path, default=Path("publishconf.py"))
    parser.add_argument("--static-only", action="store_true",
                        help="only the table of files of --output, no publish, no bytes on the wire")
    args = parser.parse_args(argv)

    from ..ops.weight import report

    def static(output: Path) -> int:
        pages = args.pages or sorted(p.name for p in output.glob("*.html")
                                     if 'class="article"' in p.read_text(encoding="utf-8"))
        return max((report(output, page) for page in pages), default=0)

    if args.static_only:
        return static(args.output)
    from ..ops.wire_weight import main as wire_weight

    try:
        content = content_folder(args.input)  # only the transfer weight publishes it
    except argparse.ArgumentTypeError as error:
        parser.error(f"argument --input: {error}")
    return wire_weight(content, args.settings, static)

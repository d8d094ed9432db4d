"""`make html`, `make publish`, `make regenerate`, `make devserver`: the build, once or on
every change, and the site served while it is edited."""

from __future__ import annotations

import argparse
import errno
import sys
from pathlib import Path

from . import content_folder


def _port(given: str) -> int:
    port = int(given) if given.isdigit() else -1
    if not 0 < port < 65536:
        raise argparse.ArgumentTypeError(f"{given}: a port is a number from 1 to 65535")
    return port


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainer build", description=__doc__)
    parser.add_argument("--input", type=content_folder, default="content")
    parser.add_argument("--output", type=Path, default=Path("output"))
    parser.add_argument("--settings", type=Path, default=Path("pelicanconf.py"))
    parser.add_argument("--watch", action="store_true", help="rebuild on every change")
    parser.add_argument("--serve", action="store_true", help="also serve the output, with the live preview")
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--port", type=_port, default=8000)
    parser.add_argument("pelican_opts", nargs="*", help="extra Pelican options, after --")
    args = parser.parse_args(argv)
    if args.serve and not args.watch:
        parser.error("--serve serves while it watches: give --watch too (make devserver does)")

    from ..build.run import build

    if not args.watch:
        return build(args.settings, args.input, args.output, args.pelican_opts)

    from ..ops.devserver import Reporter, rebuild_on_change, serve, stop_on_sigterm

    stop_on_sigterm()
    try:
        server = serve(args.output, args.bind, args.port) if args.serve else None
    except OSError as error:  # the port taken (another make devserver?), or an address not of this machine
        hint = ("another make devserver? give another port: make devserver PORT=8001" if error.errno == errno.EADDRINUSE
                else "is it an address of this machine? make devserver BIND=127.0.0.1")
        print(f"explainer: cannot serve at {args.bind}:{args.port}: {error.strerror or error} ({hint})", file=sys.stderr)
        return 1
    from ..build.settings import THEME

    # The site's own templates (theme/) and the generator's theme, which a checkout edits.
    overrides = args.settings.parent / "theme"
    watched = [p for p in (args.input, overrides, Path(THEME), args.settings) if p.exists()]

    def rebuild(reporter: Reporter) -> int:
        return build(args.settings, args.input, args.output, args.pelican_opts, reporter)

    try:
        rebuild_on_change(watched, rebuild, server.builds if server else None)
    except KeyboardInterrupt:
        pass
    return 0

"""`python -m explainer check|build`: what `make check`, `make html` and friends run."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .build import build, check_content, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainer")
    commands = parser.add_subparsers(dest="command", required=True)

    check_cmd = commands.add_parser("check", help="validate the content without building HTML")
    check_cmd.add_argument("--input", type=Path, default=Path("content"))

    build_cmd = commands.add_parser("build", help="check, then build the site atomically")
    build_cmd.add_argument("--input", type=Path, default=Path("content"))
    build_cmd.add_argument("--output", type=Path, default=Path("output"))
    build_cmd.add_argument("--settings", type=Path, default=Path("pelicanconf.py"))
    build_cmd.add_argument("--watch", action="store_true", help="rebuild on every change")
    build_cmd.add_argument("--serve", action="store_true", help="also serve the output")
    build_cmd.add_argument("--bind", default="127.0.0.1")
    build_cmd.add_argument("--port", type=int, default=8000)
    build_cmd.add_argument("pelican_opts", nargs="*", help="extra Pelican options, after --")

    weight_cmd = commands.add_parser("weight", help="a built page and what it loads, in bytes")
    weight_cmd.add_argument("--output", type=Path, default=Path("output"),
                            help="with --static-only, the built site to weigh (otherwise a fresh publish is)")
    weight_cmd.add_argument("pages", nargs="*", help="pages inside the output (default: each article page)")
    weight_cmd.add_argument("--input", type=Path, default=Path("content"), help="published for the transfer weight")
    weight_cmd.add_argument("--settings", type=Path, default=Path("publishconf.py"))
    weight_cmd.add_argument("--static-only", action="store_true",
                            help="only the table of files of --output, no publish, no bytes on the wire")

    linkcheck_cmd = commands.add_parser("linkcheck", help="check links to other sites (needs the network)")
    linkcheck_cmd.add_argument("--output", type=Path, default=Path("output"))

    bench_cmd = commands.add_parser("bench", help="build-time benchmark against bare Pelican")
    bench_cmd.add_argument("--sizes", default="10 100 1000", help="numbers of articles")
    bench_cmd.add_argument("--runs", type=int, default=3)
    bench_cmd.add_argument("--preview", action="store_true",
                           help="instead, the dev server's save-to-screen latency in Chromium")

    draft_cmd = commands.add_parser("draft-notes", help="draft notes for a new article's text")
    draft_cmd.add_argument("article", type=Path, help="the text as received, one block a line")
    draft_cmd.add_argument("--input", type=Path, default=Path("content"))
    draft_cmd.add_argument("--id", help="the article's id (default: its folder, or its title)")

    todo_cmd = commands.add_parser("todo", help="what the site still lacks: names and numbers with no note, TODOs, drafts")
    todo_cmd.add_argument("--input", type=Path, default=Path("content"))

    eval_cmd = commands.add_parser("draft-eval", help="score the notes draft against hand-made answer keys")
    eval_cmd.add_argument("--folder", type=Path, default=Path("evals/draft"))

    new_cmd = commands.add_parser("new-article", help="add a received text to the site as a new article")
    new_cmd.add_argument("source", type=Path, help="the text as received, one block a line")
    new_cmd.add_argument("--input", type=Path, default=Path("content"))
    new_cmd.add_argument("--id", help="the article's id (default: a slug of its title)")

    nginx_cmd = commands.add_parser("nginx", help="serve a built site with nginx, as production does")
    nginx_cmd.add_argument("--output", type=Path, default=Path("output"))
    nginx_cmd.add_argument("--port", type=int, default=8000)
    nginx_cmd.add_argument("--scratch", type=Path, default=Path(".nginx"),
                           help="folder for the rendered nginx.conf, its logs and temporary files")

    args = parser.parse_args(argv)
    if args.command == "nginx":
        from .nginx import main as nginx

        return nginx(args.output, args.port, args.scratch)
    if args.command == "todo":
        from .todo import main as todo

        return todo(args.input)
    if args.command == "draft-eval":
        from .draft_eval import main as draft_eval

        return draft_eval(args.folder)
    if args.command == "new-article":
        from .errors import ContentError
        from .new_article import new_article

        try:
            created = new_article(args.source, args.input, args.id or None)
        except ContentError as error:
            report(error.problems, "nothing was written.")
            return 1
        for change in created.changed:
            print(change)
        for line in created.known:
            print(line)
        for path in created.written:
            print(f"wrote {path}")
        print(f"Next: make html, then open output/{created.article_id}.html; curate the draft, then move it "
              f"into {args.input / 'notes'} (make todo lists what is left).")
        return 0
    if args.command == "draft-notes":
        from .draft_notes import known_report, write_draft
        from .errors import ContentError

        try:
            target, result = write_draft(args.article, args.input, args.id)
        except ContentError as error:
            report(error.problems, "no draft was written.")
            return 1
        for line in known_report(result):
            print(line)
        print(f"Draft notes written to {target}: curate them, then move them into {args.input / 'notes'}.")
        return 0
    if args.command == "bench":
        from .bench import main as bench

        if args.preview:
            from .bench import preview

            return preview(max(args.runs, 10))
        return bench([int(n) for n in args.sizes.split()], args.runs)
    if args.command == "linkcheck":
        from .linkcheck import linkcheck

        return linkcheck(args.output)
    if args.command == "weight":
        from .weight import report as weigh

        def static(output: Path) -> int:
            pages = args.pages or sorted(p.name for p in output.glob("*.html")
                                         if 'class="article"' in p.read_text(encoding="utf-8"))
            return max((weigh(output, page) for page in pages), default=0)

        if args.static_only:
            return static(args.output)
        from .wire_weight import main as wire_weight

        return wire_weight(args.input, args.settings, static)
    if args.command == "check":
        problems = check_content(args.input)
        if problems:
            report(problems, "fix them and run the check again.")
            return 1
        print(f"{args.input}: no problems found.")
        return 0

    def once() -> int:
        return build(args.settings, args.input, args.output, args.pelican_opts)

    if not args.watch:
        return once()
    from .devserver import Reporter, rebuild_on_change, serve, stop_on_sigterm

    stop_on_sigterm()

    server = serve(args.output, args.bind, args.port) if args.serve else None
    theme = args.settings.parent / "theme"
    watched = [p for p in (args.input, theme, args.settings) if p.exists()]

    def rebuild(reporter: Reporter) -> int:
        return build(args.settings, args.input, args.output, args.pelican_opts, reporter)

    try:
        rebuild_on_change(watched, rebuild, server.builds if server else None)
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())

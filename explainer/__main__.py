"""`python -m explainer COMMAND ...`: what the Makefile's targets run.

Each command is a module of explainer/cli/, imported only when it runs: `make html` loads
the build and nothing of the authoring or operations tools.
"""

from __future__ import annotations

import difflib
import importlib
import sys

COMMANDS = {  # command -> what it does (its module: explainer/cli/<command>.py, "-" as "_")
    "check": "validate the content without building HTML",
    "build": "check, then build the site atomically (--watch: again on every change; --serve: and serve it)",
    "new-site": "start a new explainer site for a story, in its own folder",
    "upgrade": "move a site to another version of the generator (run in the site)",
    "new-article": "add a received text to the site as a new article, with a notes draft",
    "update-article": "take a publisher's revised text of an article: keep the old, move or report its quotes",
    "draft-notes": "draft notes for a new article's text",
    "add-source": "store an outside source's text as retrieved, for background statements to cite",
    "todo": "what the site still lacks: names and numbers with no note, TODOs, drafts",
    "draft-eval": "score the notes draft against hand-made answer keys",
    "test-site": "the site suite on a site: links, anchors, completeness, fidelity, valid HTML, axe",
    "makefile": "the path of the Makefile targets every site has (a site's Makefile includes it)",
    "weight": "a built page and what it loads, in bytes, and on the wire through nginx",
    "audit": "Lighthouse over every page type, phone and desktop: scores and failing audits (a report)",
    "nginx": "serve a built site with nginx, as production does",
    "bench": "build-time benchmark against bare Pelican (--preview: the live preview's latency)",
    "linkcheck": "check links to other sites (needs the network)",
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    command = argv[0] if argv else ""
    if command not in COMMANDS:
        width = max(map(len, COMMANDS))
        usage = "usage: python -m explainer COMMAND [options]  (COMMAND --help for its options)\n\n" + "\n".join(
            f"  {name:<{width}}  {what}" for name, what in COMMANDS.items())
        if command in ("", "-h", "--help"):
            print(usage)
            return 0 if command else 2
        close = difflib.get_close_matches(command, COMMANDS, n=1)
        hint = f' (did you mean "{close[0]}"?)' if close else ""
        print(f"python -m explainer: unknown command {command!r}{hint}\n\n{usage}", file=sys.stderr)
        return 2
    module = importlib.import_module(f"{__package__}.cli.{command.replace('-', '_')}")
    return module.main(argv[1:])


if __name__ == "__main__":
    sys.exit(main())

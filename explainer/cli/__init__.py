"""The command line: one small module per command, each `main(argv) -> exit status`, its
options its own (explainer/__main__.py imports the one that runs)."""

import argparse
from pathlib import Path


def content_folder(given: str) -> Path:
    """--input: a site's content folder, which must be there (a command run outside a site,
    or given a mistyped folder, says so instead of finding nothing or making the folder)."""
    path = Path(given)
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"{given}: no such content folder (run the command in a site's folder, "
                                         "or give the folder with --input)")
    return path

"""The build an author runs: check the content, run Pelican into a scratch folder, swap it in.

A failed build (bad content, a Pelican warning or error, a crash) leaves the previous
output folder exactly as it was; a successful one replaces it whole, so a page that was
removed from the content leaves no stale file behind.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .document import content_documents, read_document
from .errors import Problem, display_path
from .lint import lint_notes, lint_page
from .linking import build_links
from .notes import load_site
from .pages import render_all, to_html


def check(content: Path) -> list[Problem]:
    """Every problem in the content, without building HTML."""
    site, problems = load_site(content)
    links = build_links(site) if not problems else None
    outputs: dict[str, str] = {}  # output file -> where it comes from
    if links is not None:
        problems += list(lint_notes(site))
        for page in render_all(site, links):  # first: their names are fixed, an author's can change
            problems += to_html(page, site, links)[1]
            problems += _claim(outputs, page.save_as, Problem(page.source, 0, ""))
    for path in content_documents(content):
        doc = read_document(path, content, links=links, site=site if links else None)
        problems += doc.problems + list(lint_page(path))
        if doc.output:
            problems += _claim(outputs, doc.output, Problem(display_path(path), doc.output_line, ""))
    return sorted(problems)


def _claim(outputs: dict[str, str], output: str, where: Problem) -> list[Problem]:
    """Two pages may not become the same file (Pelican would overwrite one with the other)."""
    source = f"{where.path}:{where.line}" if where.line else f"the generated page {where.path}"
    if output in outputs:
        return [Problem(where.path, where.line, f"becomes {output}, which {outputs[output]} already becomes: "
                                                "give it another slug")]
    outputs[output] = source
    return []


def report(problems: list[Problem], what: str) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)
    n = len(problems)
    print(f"{n} problem{'s' if n != 1 else ''} found; {what}", file=sys.stderr)


def build(pelican: str, settings: Path, content: Path, output: Path, pelican_opts: list[str]) -> int:
    problems = check(content)
    if problems:
        report(problems, f"the build stopped and {output} was left as it was.")
        return 1

    output.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{output.name}-build-", dir=output.parent))
    scratch.chmod(0o755)  # mkdtemp makes it private; the site is served as ordinary files
    try:
        command = [*shlex.split(pelican), str(content), "--settings", str(settings),
                   "--output", str(scratch), "--fatal", "warnings", *pelican_opts]
        if subprocess.run(command).returncode != 0:
            print(f"Pelican failed; {output} was left as it was.", file=sys.stderr)
            return 1
        _replace(output, scratch)
        return 0
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _replace(output: Path, new: Path) -> None:
    """Put `new` where `output` is: two renames on one file system, then drop the old copy."""
    if not output.exists():
        new.rename(output)
        return
    old = output.with_name(f".{output.name}-old-{os.getpid()}")
    output.rename(old)
    new.rename(output)
    shutil.rmtree(old)

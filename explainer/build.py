"""The build an author runs: check the content, run Pelican (with --fatal warnings, in this
process) into a scratch folder, swap it in.

A failed build (bad content, a Pelican warning or error, a crash) leaves the previous
output folder exactly as it was; a successful one replaces it whole, so a page that was
removed from the content leaves no stale file behind.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from . import session
from .document import content_documents
from .errors import Problem, display_path
from .incremental import BuildCache
from .lint import lint_notes, lint_page
from .search import BUNDLE, Previous, abandon_indexes, finished, start_index


def check(content: Path) -> list[Problem]:
    """Every problem in the content, without building HTML."""
    site, problems, links = session.notes(content)
    problems = list(problems)
    outputs: dict[str, str] = {}  # output file -> where it comes from
    if links is not None:
        problems += list(lint_notes(site))
        for page, _, page_problems in session.generated(content):  # first: their names are fixed
            problems += page_problems
            problems += _claim(outputs, page.save_as, Problem(page.source, 0, ""))
    for path in content_documents(content):
        doc = session.document(path, content)
        problems += doc.problems + list(lint_page(path, doc.tokens))
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


def build(settings: Path, content: Path, output: Path, pelican_opts: list[str]) -> int:
    output.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{output.name}-build-", dir=output.parent))
    scratch.chmod(0o755)  # mkdtemp makes it private; the site is served as ordinary files
    argv = [str(content), "--settings", str(settings), "--output", str(scratch), "--fatal", "warnings", *pelican_opts]
    try:
        cache = _build_cache(argv)
        session.clear(cache)  # a new build: read everything afresh, except what is cached
        # With sound notes, Pagefind indexes the site on the other core while this one checks
        # the content and Pelican writes it.
        last = cache.search_bundle(output) if cache else None
        start_index(content, scratch, Previous(last[0], output / BUNDLE, last[1]) if last else None)
        problems = check(content)
        if problems:
            report(problems, f"the build stopped and {output} was left as it was.")
            return 1
        if _pelican(argv) != 0:
            print(f"Pelican failed; {output} was left as it was.", file=sys.stderr)
            return 1
        bundle = finished(scratch)
        session.save_cache(content, output, (bundle.records, bundle.entry) if bundle else None)
        _replace(output, scratch)
        if cache is not None:
            print(f"explainer: {cache.rendered} article page{'s' if cache.rendered != 1 else ''} rendered, "
                  f"{cache.reused} unchanged since the last build (from the cache)"
                  + ("; the search index is unchanged, kept" if bundle and bundle.kept else ""))
        return 0
    finally:
        abandon_indexes()  # a failed build's index is never written (a finished one is gone already)
        shutil.rmtree(scratch, ignore_errors=True)


def _build_cache(argv: list[str]) -> BuildCache | None:
    """The cache the last build left, when Pelican's content cache is on: in the settings
    as Pelican will read them from the same command line (so --ignore-cache and
    --cache-path apply to it too)."""
    from pelican import get_config, parse_arguments
    from pelican.settings import read_settings

    args = parse_arguments(argv)
    values = read_settings(args.settings, override=get_config(args))
    return BuildCache(values) if values["CACHE_CONTENT"] or values["LOAD_CONTENT_CACHE"] else None


def _pelican(argv: list[str]) -> int:
    """Pelican's own command line, run in this process so it reuses what the check read."""
    from pelican import main

    try:
        main(argv)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 1
    return 0


def _replace(output: Path, new: Path) -> None:
    """Put `new` where `output` is: two renames on one file system, then drop the old copy."""
    if not output.exists():
        new.rename(output)
        return
    old = output.with_name(f".{output.name}-old-{os.getpid()}")
    output.rename(old)
    new.rename(output)
    shutil.rmtree(old)

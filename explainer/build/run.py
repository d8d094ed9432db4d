"""`make html` and `make publish`: the stages, with Pelican writing into a scratch folder
that takes the output folder's place only once all of it succeeded (swap.py).

The build runs Pelican in its own process and hands it the context its check prepared
(pelican_plugin.PelicanRun). A failed build (bad content, a Pelican warning or error, a
tool of the build failing, a crash) leaves the previous output folder exactly as it was; a
successful one replaces it whole, so a page removed from the content leaves no stale file.
"""

from __future__ import annotations

import fcntl
import gc
import os
import logging
import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from jinja2 import FileSystemBytecodeCache
from rich.console import Console

from ..core.problems import BuildError, Problem, display_path, report, without_traceback
from . import pelican_plugin, production, swap
from .context import BuildContext
from .search import SearchFailed
from .stages import prepare, publishing

Reporter = Callable[[list[Problem], str], None]


def build(settings: Path, content: Path, output: Path, pelican_opts: list[str], reporter: Reporter = report) -> int:
    """The whole build; the content's problems go to `reporter` (the dev server also shows
    them in the open pages). 0 if the site was replaced, 1 if it was left as it was."""
    with _few_collections():
        return _build(settings, content, output, pelican_opts, reporter)


@contextmanager
def _few_collections() -> Iterator[None]:
    """Python's cycle collector, run rarely while a build runs (as mypy does): a build makes
    millions of objects and almost no cycles, and the full collections its growing heap set
    off walked all of it again and again (0.3 to 0.9 s of a 1000-article build, most of it
    in one collection while the old site was removed). A dev server's process collects as
    usual between builds."""
    before = gc.get_threshold()
    gc.set_threshold(200_000, 30, 30)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _build(settings: Path, content: Path, output: Path, pelican_opts: list[str], reporter: Reporter) -> int:
    refused = swap.refusal(output, content)
    if refused:
        print(f"explainer: {refused}; nothing was built or removed.", file=sys.stderr)
        return 1
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix=f".{output.name}-build-", dir=output.parent))
    except OSError as error:  # the new site is written beside the output folder, then swapped in
        print(f"explainer: cannot write beside {output} ({error.strerror or error}): the build writes the new site "
              f"next to it first; nothing was built or removed.", file=sys.stderr)
        return 1
    scratch.chmod(0o755)  # mkdtemp makes it private; the site is served as ordinary files
    argv = [str(content), "--settings", str(settings), "--output", str(scratch), "--fatal", "warnings", *pelican_opts]
    ctx = run = None
    alone = ExitStack()
    try:
        pelican = _pelican(argv)
        if pelican is None:
            print(f"Pelican could not start; {output} was left as it was.", file=sys.stderr)
            return 1
        alone.enter_context(_one_build_at_a_time(Path(pelican.settings["CACHE_PATH"])))
        ctx = BuildContext.for_pelican(pelican.settings, display_path(settings), lint=True, published=output)
        if pelican.settings.get("PRODUCTION"):
            try:
                ctx.hashed = production.fingerprints(*production.theme_static(pelican.settings))
            except BuildError as error:  # a stylesheet of the theme, said at its line
                print(f"explainer: {error}", file=sys.stderr)
                print(f"The build stopped; {output} was left as it was.", file=sys.stderr)
                return 1
        problems = prepare(ctx)
        if problems:
            reporter(problems, f"the build stopped and {output} was left as it was.")
            refused = len(ctx.unfinished) if publishing(ctx) else 0
            if refused:  # of the problems said: what make html would show, marked Draft
                said = "all of them" if refused == len(problems) else f"{refused} of them"
                print(f"make publish: {said} unfinished; make html still builds the site, each of "
                      "them marked Draft on its page", file=sys.stderr)
            return 1
        _compiled_templates(pelican.settings)
        run = pelican_plugin.PelicanRun(ctx)
        run.connect(pelican)
        if _run(pelican) != 0:
            print(f"Pelican failed; {output} was left as it was.", file=sys.stderr)
            return 1
        try:
            if ctx.hashed is not None:
                production.finish(scratch, ctx.hashed, production.theme_static(pelican.settings)[1])
            swap.replace(output, scratch)
        except OSError as error:  # the published files, or putting them in place: the swap keeps output whole
            print(f"explainer: the new site could not be put in place: {error}", file=sys.stderr)
            print(f"{output} was left as it was.", file=sys.stderr)
            return 1
    finally:
        try:
            if run is not None:
                run.disconnect()
            if ctx is not None:
                ctx.close()  # a failed build's search index is never written
            shutil.rmtree(scratch, ignore_errors=True)  # after the swap: the old site
        finally:
            alone.close()  # whatever happened: a dev server's next build takes the lock again
    if ctx.unfinished:  # only a build that does not publish gets here with any
        print(f"explainer: {_things(len(ctx.unfinished))} unfinished, each marked Draft on its page (make todo "
              "lists them); make publish refuses them", file=sys.stderr)
    if ctx.cache is not None:
        done = ctx.cache
        print(f"explainer: {done.rendered} article page{'s' if done.rendered != 1 else ''} rendered, "
              f"{done.reused} unchanged since the last build (from the cache); pages made from the notes: "
              f"{done.notes_rendered} rendered, {done.notes_reused} unchanged"
              + ("; the search index is unchanged, kept" if ctx.bundle and ctx.bundle.kept else ""))
    return 0


@contextmanager
def _one_build_at_a_time(cache: Path) -> Iterator[None]:
    """Builds of one site take turns (a lock in its build cache): two at once read and wrote
    the same cache files, and one could fail half way (`make html & make html`). The lock
    goes with the process, however it ends."""
    cache.mkdir(parents=True, exist_ok=True)
    with (cache / "build.lock").open("a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("explainer: another build of this site is running; this one waits for it", file=sys.stderr)
            fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _things(n: int) -> str:
    return f"{n} thing{'' if n == 1 else 's'}"


_log = logging.getLogger("pelican")


def _pelican(argv: list[str]) -> Any:
    """A Pelican object for this command line, set up as Pelican's own `main` sets it up
    (its logging, --fatal warnings), in this process. Our plugin is left out of its
    plugins: here the build runs Pelican, and hands it its run (a plugin would start a
    build of its own)."""
    from pelican import LOG_HANDLERS, get_config, parse_arguments, read_settings
    from pelican.log import LimitFilter
    from pelican.log import init as init_logging

    try:
        args = parse_arguments(argv)
    except ValueError as error:  # `-e NAME=value` whose value is no JSON (make publish SITEURL='a"b')
        print(f"explainer: a setting given on the command line does not read ({error}): "
              "check its quotes, e.g. make publish SITEURL=https://example.org", file=sys.stderr)
        return None
    init_logging(level=args.verbosity, fatal=args.fatal, name="pelican", handler=LOG_HANDLERS[args.log_handler],
                 logs_dedup_min_level=getattr(logging, args.logs_dedup_min_level))
    _log.addFilter(without_traceback)  # the same function: added once
    # Pelican drops a warning it has logged before in this process (LimitFilter), and with
    # it, under --fatal, the failure: a dev server's second build would pass a broken link
    # the first one refused. Each build starts with none seen.
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
    try:  # as pelican.get_instance, without our plugin
        settings = read_settings(args.settings, override=get_config(args))
        settings["PLUGINS"] = [p for p in settings["PLUGINS"] if getattr(p, "__name__", p) != pelican_plugin.__name__]
        cls = settings["PELICAN_CLASS"]
        if isinstance(cls, str):
            module, name = cls.rsplit(".", 1)
            cls = getattr(__import__(module, fromlist=[name]), name)
        return cls(settings)
    except Exception as error:  # a settings file that does not run: said at its line where it has one
        _log.critical("%s%s: %s", _where_in(error, args.settings), error.__class__.__name__, error)
        return None


def _where_in(error: Exception, settings: str | None) -> str:
    """"pelicanconf.py:15: " for an error a settings file raised at its line 15 (a syntax
    error, a name it does not define): the innermost in the settings' folder, where
    publishconf.py imports pelicanconf.py; else ""."""
    if settings is None:
        return ""
    folder = os.path.dirname(os.path.abspath(settings))
    ours = [(frame.filename, frame.lineno) for frame in traceback.extract_tb(error.__traceback__)]
    if isinstance(error, SyntaxError) and error.filename:
        ours.append((error.filename, error.lineno))
    ours = [(name, line) for name, line in ours if os.path.dirname(os.path.abspath(name)) == folder]
    return f"{display_path(ours[-1][0])}:{ours[-1][1]}: " if ours else ""


def _compiled_templates(settings: dict[str, Any]) -> None:
    """Jinja keeps the templates it compiled in the build's cache folder (keyed by each
    template's source: an edited one is compiled again): a rebuild, and the live preview's,
    no longer spends ~60 ms compiling the same templates (a new Pelican, a new environment)."""
    if settings.get("CACHE_CONTENT"):
        folder = Path(settings["CACHE_PATH"]) / "jinja"
        folder.mkdir(parents=True, exist_ok=True)
        settings["JINJA_ENVIRONMENT"] = {**settings["JINJA_ENVIRONMENT"],
                                         "bytecode_cache": FileSystemBytecodeCache(str(folder))}


def _run(pelican: Any) -> int:
    """Run Pelican as its `main` does (a failure logged, not raised), without its summary
    ("Done: Processed 0 articles, ... 27 pages", which read as if the article were dropped:
    the articles are Pelican pages here; the build says what it rendered). Its log keeps
    its own console."""
    import pelican as pelican_module
    said = pelican_module.console
    pelican_module.console = Console(quiet=True)
    try:
        pelican.run()
    except SearchFailed as failure:  # a tool of the build failed: its words, plainly
        print(f"explainer: {failure}", file=sys.stderr)
        return 1
    except Exception as error:
        # A warning that --fatal made fatal has been logged already, with what it is about,
        # unless it was logged while handling another error (Pelican's "Could not process"
        # names no cause): that one is said. Anything else is a crash of Pelican or the
        # theme, worth its traceback; our own errors are their message (core/problems.BuildError).
        cause = error.__context__ if type(error) is RuntimeError and str(error) == _FATAL else error
        if cause is not None:
            trace = None if isinstance(cause, BuildError) else (type(cause), cause, cause.__traceback__)
            _log.critical("%s: %s", type(cause).__name__, cause, exc_info=trace)
        return 1
    finally:
        pelican_module.console = said
    return 0


_FATAL = "Warning or error encountered"  # what Pelican raises for a warning under --fatal (pelican/log.py)

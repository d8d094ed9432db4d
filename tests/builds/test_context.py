"""One build, one context: nothing a build reads or makes outlives it, so a second build, a
second check, or the next run of `pelican -r` in the same process sees the files as they
are now. (Regression tests: each of these once served the first build's content.)"""

from __future__ import annotations

import ast
import contextlib
import os
import queue
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from support import FIXTURES, PELICAN, ROOT, build_here, check_here, copy_project, edit

NOTES = "content/notes/notes.yaml"


@pytest.fixture
def two(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project", FIXTURES / "two-articles")


def test_a_second_check_in_the_same_process_reads_the_files_again(two: Path):
    assert check_here(two).returncode == 0
    edit(two / NOTES, "name: Widget Ltd", "name: Widget Ltd\n    colour: red")
    broken = check_here(two)
    assert broken.returncode == 1 and 'unknown field "colour"' in broken.stderr, broken.stderr
    edit(two / NOTES, "name: Widget Ltd\n    colour: red", "name: Widget Ltd")
    assert check_here(two).returncode == 0


def test_a_second_build_in_the_same_process_shows_a_notes_edit(two: Path):
    assert build_here(two, two / "output").returncode == 0
    edit(two / NOTES, "A maker of widgets.", "A maker of sprockets.")
    again = build_here(two, two / "output")
    assert again.returncode == 0, again.stderr
    assert "A maker of sprockets." in (two / "output/entities/widget.html").read_text(encoding="utf-8")


def test_a_second_build_in_the_same_process_refuses_a_warning_the_first_one_refused(two: Path):
    """Pelican logs a warning once per process; under --fatal warnings the second build with
    the same broken link must fail too (a dev server's rebuild once let it through)."""
    page = two / "content/about.md"
    page.write_text("---\ntitle: About\n---\n\nSee [the missing page]({filename}/missing.md).\n", encoding="utf-8")
    for _ in range(2):
        result = build_here(two, two / "output")
        assert result.returncode == 1, result.stdout + result.stderr
        assert not (two / "output").exists()


def indexable(output: Path) -> list[Path]:
    """The pages a sitemap lists: every page without robots noindex (the search, the 404 pages)."""
    return [p for p in output.rglob("*.html") if 'name="robots" content="noindex"' not in p.read_text(encoding="utf-8")]


@pytest.mark.slow  # a failed build and a good one, each
@pytest.mark.parametrize("failure", ["a template error", "Pagefind failing"])
def test_a_build_that_failed_in_pelican_does_not_cost_the_next_one_its_sitemap(two: Path, failure: str, monkeypatch):
    """A build stopped while Pelican wrote (a plugin of Pelican's once kept that run for the
    rest of the process, and the next builds had no sitemap.xml)."""
    template = two / "theme/templates/article.html"
    good = template.read_text(encoding="utf-8")
    if failure == "a template error":
        edit(template, "{{ page.title }}</h1>", "{{ page.no_such_field }}</h1>")
    else:
        monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/false")
    assert build_here(two, two / "output").returncode == 1
    template.write_text(good, encoding="utf-8")
    monkeypatch.delenv("PAGEFIND_BINARY_PATH", raising=False)
    assert build_here(two, two / "output").returncode == 0
    sitemap = (two / "output" / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert len(locs) == len(set(locs)) == len(indexable(two / "output")), sitemap


@pytest.mark.slow  # a failed run and a good one
def test_a_pelican_object_run_again_after_a_failure_lists_each_page_once(two: Path, monkeypatch):
    """The same under `pelican -r`: a run that failed while writing, then one that did not."""
    from pelican import get_instance, parse_arguments

    from explainer.build.search import SearchFailed

    args = parse_arguments(["content", "-s", "pelicanconf.py", "-o", str(two / "output"), "--fatal", "warnings"])
    with contextlib.chdir(two):
        pelican, _ = get_instance(args)
        monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/false")
        with pytest.raises(SearchFailed):
            pelican.run()
        monkeypatch.delenv("PAGEFIND_BINARY_PATH")
        shutil.rmtree(two / "cache", ignore_errors=True)
        pelican.run()
    locs = re.findall(r"<loc>(.*?)</loc>", (two / "output" / "sitemap.xml").read_text(encoding="utf-8"))
    assert len(locs) == len(set(locs)) == len(indexable(two / "output")), locs


@pytest.mark.slow  # two builds, and git
def test_the_date_the_site_changed_follows_each_commit(two: Path):
    """The feed and sitemap give the date of the last commit touching the content: a second
    build in the same process (the dev server's next build) sees the next commit."""
    def git(*args: str, date: str = "2026-01-02T03:04:05+00:00") -> None:
        subprocess.run(["git", *args], cwd=two, check=True, capture_output=True,
                       env={"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "A",
                            "GIT_AUTHOR_EMAIL": "a@example.org", "GIT_COMMITTER_NAME": "A",
                            "GIT_COMMITTER_EMAIL": "a@example.org", "HOME": str(two)})

    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "first")
    assert build_here(two, two / "output").returncode == 0
    assert "<updated>2026-01-02T03:04:05+00:00</updated>" in (two / "output/feed.atom").read_text(encoding="utf-8")

    edit(two / NOTES, "A maker of widgets.", "A maker of sprockets.")
    git("commit", "-q", "-am", "second", date="2026-03-04T05:06:07+00:00")
    assert build_here(two, two / "output").returncode == 0
    feed = (two / "output/feed.atom").read_text(encoding="utf-8")
    assert "<updated>2026-03-04T05:06:07+00:00</updated>" in feed
    assert "2026-01-02" not in feed


@pytest.mark.server
def test_pelican_autoreload_shows_a_notes_edit(two: Path):
    """`pelican -r` runs the same Pelican object again on every change: each run gets its
    own build (it once crashed on the second run and kept the first build's notes)."""
    import signal

    output = two / "output"
    # Ctrl-C as in a terminal: a CI job started in the background of a shell without job control
    # has SIGINT ignored, and its children inherit that (Pelican then never heard the Ctrl-C below).
    process = subprocess.Popen([PELICAN, "-r", "content", "-s", "pelicanconf.py", "-o", str(output),
                                "--fatal", "warnings"], cwd=two, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()
    said: list[str] = []

    def runs() -> int:
        return sum(line.startswith("Done:") for line in said)

    def changes_seen() -> int:
        """How many times Pelican's watcher saw a change (it says so, then runs again)."""
        return sum("-> Modified:" in line for line in said)

    def read_until(condition, timeout: float) -> bool:
        """Read what Pelican says until `condition()` holds, or `timeout` seconds pass."""
        end = time.monotonic() + timeout
        while not condition():
            try:
                said.append(lines.get(timeout=max(0.0, end - time.monotonic())))
            except queue.Empty:
                return False
        return True

    def wait_for_run(n: int, timeout: float = 60) -> bool:
        """Until Pelican says it is done for the n-th time (then it watches for changes)."""
        return read_until(lambda: runs() >= n, timeout)

    def change(old: str, new: str) -> None:
        """Edit the notes, then save them again (the same bytes) until Pelican says it saw a
        change: its watcher starts only once a run has returned, and misses a save made
        before (Pelican says nothing when it starts watching)."""
        n = runs() + 1
        edit(two / NOTES, old, new)
        end = time.monotonic() + 60
        while not read_until(lambda: changes_seen() >= n - 1, timeout=0.2):
            assert time.monotonic() < end, f"no run after the edit: {''.join(said)}"
            (two / NOTES).write_bytes((two / NOTES).read_bytes())
        assert wait_for_run(n), f"no run after the edit: {''.join(said)}"

    try:
        assert wait_for_run(1), "".join(said)
        assert "A maker of widgets." in (output / "entities/widget.html").read_text(encoding="utf-8")
        change("A maker of widgets.", "A maker of sprockets.")
        assert "A maker of sprockets." in (output / "entities/widget.html").read_text(encoding="utf-8")
        change("id: acme-stake", "id: acme-share")  # the article that states it links anew
        assert "figures.html#acme-share" in (output / "first-story.html").read_text(encoding="utf-8")
    finally:
        process.send_signal(signal.SIGINT)  # as Ctrl-C: the build's temporary folders are removed
        process.wait(timeout=10)
    assert "Caught exception" not in "".join(said), "".join(said)


@pytest.mark.slow  # six runs, two of them whole
def test_a_pelican_object_run_again_refuses_what_is_broken_until_it_is_fixed(two: Path):
    """What `pelican -r` does: the same Pelican object runs again, at once after a failure.
    A run that refused the content must not leave its half-made build for the next run to
    publish (once, the next run wrote the refused page)."""
    from pelican import get_instance, parse_arguments

    from explainer.core.problems import ContentError

    args = parse_arguments(["content", "-s", "pelicanconf.py", "-o", str(two / "output"), "--fatal", "warnings"])
    index = two / "content" / "index.md"
    with contextlib.chdir(two):
        pelican, _ = get_instance(args)
        pelican.run()
        good = (two / "output" / "index.html").read_text(encoding="utf-8")
        # A problem the notes have, then one the render finds (the story placed twice).
        for broken in (lambda: edit(two / NOTES, "name: Widget Ltd", "name: Widget Ltd\n    colour: red"),
                       lambda: index.write_text(index.read_text(encoding="utf-8") + "\n::: story\n:::\n\n::: story\n:::\n",
                                                encoding="utf-8")):
            saved = {path: path.read_bytes() for path in (two / NOTES, index)}
            broken()
            for _ in range(2):  # and again, with nothing changed
                with pytest.raises(ContentError):
                    pelican.run()
                assert (two / "output" / "index.html").read_text(encoding="utf-8") == good
            for path, data in saved.items():
                path.write_bytes(data)
        edit(two / NOTES, "A maker of widgets.", "A maker of sprockets.")
        pelican.run()
    assert "A maker of sprockets." in (two / "output/entities/widget.html").read_text(encoding="utf-8")


# --- No state outside a build ------------------------------------------------------------------

_MUTATORS = {"append", "add", "update", "setdefault", "pop", "popitem", "clear", "extend", "insert", "remove",
             "discard", "__setitem__"}
_CONTAINERS = (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)
# Functions remembered for the life of the process: each takes no input that could change.
PURE_CACHED = {"content/markdown/__init__.py": {"parser"},  # the parser, configured: the same every time
               "render/markdown/__init__.py": {"renderer"},  # its renderer, likewise
               "authoring/draft/gazetteer.py": {"gazetteer", "geonames", "countries_of"},  # reference data read from pinned packages, never changed
               "authoring/draft/written.py": {"_places"},  # the gazetteer's places by name, likewise
               "authoring/draft/wordnet.py": {"_reader"},  # WordNet 3.0's reader over the installed database, likewise
               "core/version.py": {"generator", "pelican"}}  # the versions installed: fixed for the process


def _package_modules() -> list[Path]:
    return sorted((ROOT / "explainer").rglob("*.py"))


def test_no_module_of_the_package_keeps_state_between_builds():
    """No `global`, no module-level container that a function fills, no cache on a function
    but those listed (explainer/ only: the tests and Pelican are not the build)."""
    found = []
    for path in _package_modules():
        name = path.relative_to(ROOT / "explainer").as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        containers = set()
        for node in tree.body:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
            value = getattr(node, "value", None)
            calls_container = isinstance(value, ast.Call) and getattr(value.func, "id", "") in (
                "dict", "list", "set", "defaultdict", "OrderedDict", "Counter", "deque")
            if isinstance(value, _CONTAINERS) or calls_container:
                containers |= {t.id for t in targets if isinstance(t, ast.Name)}
        for node in ast.walk(tree):
            if isinstance(node, (ast.Global, ast.Nonlocal)):
                found.append(f"{name}:{node.lineno}: {type(node).__name__.lower()} {', '.join(node.names)}")
            if isinstance(node, (ast.Assign, ast.AugAssign, ast.Delete)):
                for target in getattr(node, "targets", None) or [getattr(node, "target", None)]:
                    if isinstance(target, ast.Subscript) and getattr(target.value, "id", None) in containers:
                        found.append(f"{name}:{node.lineno}: writes into the module's {target.value.id}")
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _MUTATORS
                    and getattr(node.func.value, "id", None) in containers):
                found.append(f"{name}:{node.lineno}: {node.func.attr}() on the module's {node.func.value.id}")
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for decorator in node.decorator_list:
                    called = decorator.func if isinstance(decorator, ast.Call) else decorator
                    label = getattr(called, "id", None) or getattr(called, "attr", None)
                    if label in ("cache", "lru_cache", "cached") and node.name not in PURE_CACHED.get(name, ()):
                        found.append(f"{name}:{node.lineno}: @{label} on {node.name}")
    assert found == []


def test_the_state_check_finds_what_it_looks_for(tmp_path: Path, monkeypatch):
    """The check above can fail: planted in a copy of a module, each kind of state is found."""
    planted = {
        "global": "_seen = None\ndef f():\n    global _seen\n    _seen = 1\n",
        "filled dict": "_by_path = {}\ndef f(p):\n    _by_path[p] = 1\n",
        "filled list": "_found: list = []\ndef f(p):\n    _found.append(p)\n",
        "a cache": "from functools import cache\n@cache\ndef site_updated(content):\n    return content\n",
    }
    package = tmp_path / "explainer"
    for kind, code in planted.items():
        (package / "markdown").mkdir(parents=True, exist_ok=True)
        (package / "planted.py").write_text(code, encoding="utf-8")
        monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)  # this module's, as it is imported
        with pytest.raises(AssertionError):
            test_no_module_of_the_package_keeps_state_between_builds()

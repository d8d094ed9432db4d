"""The build is strict, atomic and deterministic: `make html`'s command line in scratch
copies of the fixture site (tests/fixtures/full-site), run as a command where what it
prints is the contract, else in this process (as the dev server runs its builds)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from support import PELICAN, build, build_here, copy_built, copy_project, edit, line_of, run_here, snapshot

ARTICLE = "content/articles/halvorsen-brightwater/article.md"


@pytest.fixture
def project(good_project, tmp_path: Path) -> Path:
    """A scratch copy of the project with a good build in its output/."""
    good, _ = good_project
    copy_built(good, tmp_path / "project")
    return tmp_path / "project"


BAD_INPUTS = {
    # name: (file, old, new, what the message must contain besides the file name)
    "malformed front matter": (ARTICLE, "author: Jonas Berg", "author: [Jonas Berg", "invalid YAML"),
    "unknown front matter field": (ARTICLE, "author: Jonas Berg", "autor: Jonas Berg", 'did you mean "author"'),
    "a changed word in the article": (ARTICLE, "ending a partnership", "ending the partnership", "differs from"),
    # the paragraph the changed line cites ({paragraph} in the message: found on that line)
    "a quote that is not in its paragraph": ("content/notes/figures.yaml", "€240,000 on a new botling line",
                                             "€240,000 on a new bottling line", "quote not found in {paragraph}"),
}


@pytest.mark.slow  # a process each (test_bad_input.py has every class, in this process)
@pytest.mark.parametrize("name", BAD_INPUTS)
def test_bad_content_fails_with_path_and_line_and_keeps_output(project: Path, name: str):
    relative, old, new, message = BAD_INPUTS[name]
    before = snapshot(project / "output")
    edit(project / relative, old, new)

    result = build(project, project / "output")

    assert result.returncode != 0
    line = line_of(project / relative, new.split(":")[0] if ":" in new else new)
    assert f"{relative}:{line}: " in result.stderr, result.stderr
    if "{paragraph}" in message:
        text = (project / relative).read_text(encoding="utf-8").splitlines()[line - 1]
        message = message.format(paragraph=re.search(r"paragraph: (p\d+)", text)[1])
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(project / "output") == before
    assert not list(project.glob(".output-*")), "scratch folders left behind"


@pytest.mark.parametrize("place", ["content", ".", "content/articles/out", "notes.txt", "mydocs"])
def test_an_output_folder_that_is_no_site_is_refused_and_left_as_it_was(project: Path, place: str):
    """The build replaces its output folder whole: never the content, a folder holding it or
    inside it, a file, or a folder of other files (an earlier site of this generator, yes)."""
    (project / "notes.txt").write_text("mine\n", encoding="utf-8")
    (project / "mydocs").mkdir()
    (project / "mydocs" / "plan.md").write_text("mine\n", encoding="utf-8")
    before = {name: snapshot(project / name) for name in ("content", "mydocs", "output")}

    result = build_here(project, project / place)

    assert result.returncode == 1 and "nothing was built or removed" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert {name: snapshot(project / name) for name in before} == before
    assert (project / "notes.txt").read_text(encoding="utf-8") == "mine\n"
    assert not list(project.glob(".*-build-*")), "scratch folders left behind"


def test_an_earlier_site_and_an_empty_folder_are_output_folders(project: Path, tmp_path: Path):
    assert build_here(project, project / "output").returncode == 0  # the site a build made there
    (tmp_path / "empty").mkdir()
    assert build_here(project, tmp_path / "empty").returncode == 0
    assert (tmp_path / "empty" / "index.html").is_file()
    # Whatever the site's own templates say (the theme's base.html without its generator line),
    # and published as make publish publishes it.
    edit(project / "theme/templates/base.html", '<meta name="generator"', '<meta name="x-not-generator"')
    for _ in range(2):
        assert build_here(project, project / "output").returncode == 0
    for _ in range(2):
        assert build_here(project, tmp_path / "published", settings="publishconf.py").returncode == 0


@pytest.mark.slow  # a process
def test_a_second_build_of_the_site_waits_for_the_first(project: Path):
    """Builds of one site take turns: two at once read and wrote the same cache files (one
    failed half way, now and then). The test holds the site's build lock as a build would."""
    import fcntl
    import sys

    cache = project / "cache"
    cache.mkdir(exist_ok=True)
    with (cache / "build.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        second = subprocess.Popen([sys.executable, "-m", "explainer", "build", "--input", "content", "--output",
                                   "output", "--settings", "pelicanconf.py"], cwd=project, text=True,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            said = [second.stderr.readline()]
            while said[-1] and "another build of this site is running" not in said[-1]:
                said.append(second.stderr.readline())  # whatever Pelican says before it
            assert "this one waits for it" in said[-1], said
            assert second.poll() is None  # waiting, not building
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
        out, err = second.communicate(timeout=120)
    assert second.returncode == 0, err
    assert (project / "output" / "index.html").is_file()


@pytest.mark.slow  # a process
def test_pelican_failure_midway_keeps_output(project: Path):
    """A template error stops Pelican after it has written some pages: none of them reach output/."""
    before = snapshot(project / "output")
    edit(project / "theme/templates/article.html", "{{ page.title }}</h1>", "{{ page.no_such_field }}</h1>")

    result = build(project, project / "output")

    assert result.returncode != 0
    assert "no_such_field" in result.stdout + result.stderr
    assert snapshot(project / "output") == before
    assert not list(project.glob(".output-*"))


@pytest.mark.parametrize("binary, said", [("/bin/false", "Pagefind failed (exit status 1)"),
                                           ("/no/such/pagefind", "Pagefind could not start (/no/such/pagefind)")])
def test_search_index_failure_fails_the_build_and_keeps_output(project: Path, binary: str, said: str, monkeypatch):
    """Pagefind is a tool of the build: if it fails, so does the build, saying so plainly."""
    before = snapshot(project / "output")
    shutil.rmtree(project / "cache")  # else the last build's index is kept, and Pagefind never runs
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", binary)

    result = build_here(project, project / "output")

    assert result.returncode != 0
    assert f"explainer: {said}" in result.stderr, result.stderr
    assert "the search index was not written" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(project / "output") == before
    assert not list(project.glob(".output-*"))


@pytest.mark.slow  # two builds, and the good one before
def test_removed_page_leaves_no_stale_file(project: Path):
    extra = project / "content" / "about.md"
    extra.write_text("---\ntitle: About this site\n---\n\nHow this site is made.\n", encoding="utf-8")
    edit(project / "content/index.md", "This site explains", "See [about this site]({filename}/about.md). This site explains")
    assert build_here(project, project / "output").returncode == 0
    assert (project / "output" / "about-this-site.html").is_file()

    extra.unlink()
    edit(project / "content/index.md", "See [about this site]({filename}/about.md). ", "")
    assert build_here(project, project / "output").returncode == 0
    assert not (project / "output" / "about-this-site.html").exists()


@pytest.mark.slow  # a process, and the session's site build
def test_two_builds_are_byte_identical(site: Path, site_project: Path, tmp_path: Path):
    again = tmp_path / "again"
    result = build(site_project, again)
    assert result.returncode == 0, result.stderr
    first, second = snapshot(site), snapshot(again)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_search_bundle_survives_pelicans_delete_output_directory(project: Path):
    """The search index is written beside the site and moved in at the end: Pelican emptying
    its output folder first (-d, DELETE_OUTPUT_DIRECTORY) cannot remove it."""
    result = build_here(project, project / "output", pelican_opts=("--delete-output-directory",))
    assert result.returncode == 0, result.stdout + result.stderr
    assert (project / "output" / "pagefind" / "pagefind-entry.json").is_file()
    assert not list(project.glob(".output-*"))


def test_a_markdown_extension_page_is_checked_too(project: Path):
    """Pages named .markdown are read by the same reader, so the check reads them too."""
    (project / "content" / "about.markdown").write_text("---\ntitle: About\ncolour: red\n---\n\nText.\n", encoding="utf-8")
    result = build_here(project, project / "output")
    assert result.returncode != 0
    assert 'content/about.markdown:3: unknown field "colour"' in result.stderr, result.stderr


@pytest.mark.slow  # two processes
def test_plain_pelican_writes_over_its_own_output(tmp_path: Path):
    """`pelican` run by hand (no atomic swap) twice into the same folder: the second run
    replaces the first one's search bundle instead of failing on it."""
    project = copy_project(tmp_path / "project")
    for _ in range(2):
        shutil.rmtree(project / "cache", ignore_errors=True)  # so that Pagefind writes a bundle anew
        result = subprocess.run([PELICAN, "content", "-s", "pelicanconf.py", "-o", "output", "--fatal", "warnings"],
                                cwd=project, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
    assert (project / "output" / "pagefind" / "pagefind-entry.json").is_file()
    assert not list(project.glob(".output-*"))


@pytest.mark.slow  # a process, and the session's site build
def test_plain_pelican_gives_the_same_files_as_make_html(site: Path, site_project: Path, tmp_path: Path):
    """`pelican content -s pelicanconf.py -o X --fatal warnings` (no check first, no swap)
    runs the same stages through the plugin: the same site, file for file."""
    result = subprocess.run([PELICAN, "content", "-s", "pelicanconf.py", "-o", str(tmp_path / "plain"),
                             "--fatal", "warnings"], cwd=site_project, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    plain, ours = snapshot(tmp_path / "plain"), snapshot(site)
    assert sorted(plain) == sorted(ours)
    assert [name for name in plain if plain[name] != ours[name]] == []


@pytest.mark.slow  # a process each
@pytest.mark.parametrize("fault, said", [
    ("bad content", ARTICLE + ':{line}: unknown field "autor"'),
    ("Pagefind failing", "SearchFailed: Pagefind failed (exit status 1)"),
])
def test_plain_pelican_reports_a_failure_without_a_traceback(project: Path, fault: str, said: str):
    env = None
    if fault == "bad content":
        edit(project / ARTICLE, "author: Jonas Berg", "autor: Jonas Berg")
        said = said.format(line=line_of(project / ARTICLE, "autor:"))
    else:
        shutil.rmtree(project / "cache")  # else the last build's index is kept, and Pagefind never runs
        env = {**os.environ, "PAGEFIND_BINARY_PATH": "/bin/false"}
    # Pelican's plain log handler: lines as logged (its default one wraps them for a terminal).
    result = subprocess.run([PELICAN, "content", "-s", "pelicanconf.py", "-o", "plain", "--fatal", "warnings",
                             "--log-handler", "plain"], cwd=project, capture_output=True, text=True, env=env)
    out = result.stdout + result.stderr
    assert result.returncode == 1
    assert said in out, out
    assert "Traceback" not in out and 'File "' not in out, out


def test_a_template_edited_between_builds_is_compiled_from_its_new_source(project: Path):
    """Jinja keeps the templates it compiled in the build's cache folder (a rebuild, the live
    preview's, compiles none again); one whose source changed is compiled anew, not served
    from there."""
    assert build_here(project, project / "output").returncode == 0
    assert list((project / "cache" / "jinja").iterdir()), "no compiled template kept"
    edit(project / "theme/templates/article.html", "{{ page.title }}</h1>", "{{ page.title }} (as edited)</h1>")
    assert build_here(project, project / "output").returncode == 0
    page = (project / "output" / "halvorsen-brightwater.html").read_text(encoding="utf-8")
    assert "(as edited)</h1>" in page


def test_the_share_image_is_drawn_again_only_for_other_words(tmp_path: Path, monkeypatch):
    """Drawing it is ~45 ms of every rebuild: the card for the same words comes from the cache."""
    from explainer.build import emit

    drawn = []
    real = emit._draw
    monkeypatch.setattr(emit, "_draw", lambda *args: (drawn.append(args[0]), real(*args))[1])
    cache, outputs = tmp_path / "cache", [tmp_path / f"out{n}" for n in range(3)]
    for output, title in zip(outputs, ["Title", "Title", "Another title"]):
        output.mkdir()
        emit.draw_share_image(title, "Subtitle", "Site", output, cache)
    assert drawn == ["Title", "Another title"]  # the second build copied the first one's card
    assert (outputs[0] / "social.png").read_bytes() == (outputs[1] / "social.png").read_bytes()
    assert (outputs[2] / "social.png").read_bytes() != (outputs[0] / "social.png").read_bytes()
    assert len(list(cache.glob("share-*.png"))) == 1  # only the last words' card is kept
    # Other drawing code (the build cache's code version changed): drawn again, same words or not.
    output = tmp_path / "out-new-code"
    output.mkdir()
    emit.draw_share_image("Another title", "Subtitle", "Site", output, cache, code="other code")
    assert drawn == ["Title", "Another title", "Another title"]


def test_a_port_in_use_or_out_of_range_is_said_not_a_traceback(project: Path):
    import contextlib
    import io
    import signal
    import socket

    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    handler = signal.getsignal(signal.SIGTERM)  # the watch mode sets its own
    try:
        result = run_here(project, "build", "--input", "content", "--output", "output", "--watch", "--serve",
                          "--port", str(port))
    finally:
        taken.close()
        signal.signal(signal.SIGTERM, handler)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"cannot serve at 127.0.0.1:{port}: Address already in use (another make devserver?" in result.stderr
    for wrong, said in ((["--watch", "--serve", "--port", "99999"], "a port is a number from 1 to 65535"),
                        (["--serve"], "--serve serves while it watches")):
        from explainer.__main__ import main

        err = io.StringIO()
        with contextlib.chdir(project), contextlib.redirect_stderr(err), pytest.raises(SystemExit) as stopped:
            main(["build", "--input", "content", "--output", "output", *wrong])
        assert stopped.value.code == 2 and said in err.getvalue()


def test_a_folder_the_build_cannot_write_in_is_said_and_output_kept(project: Path, monkeypatch):
    import tempfile

    def refused(*args, **kwargs):
        raise PermissionError(1, "Operation not permitted")

    before = snapshot(project / "output")
    monkeypatch.setattr(tempfile, "mkdtemp", refused)  # as a read-only (immutable) project folder would
    result = build_here(project, project / "output")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "cannot write beside" in result.stderr and "Operation not permitted" in result.stderr
    assert snapshot(project / "output") == before

"""Incremental builds (explainer/build/incremental.py): with Pelican's content cache on, a rebuild
after a change renders again only the article pages that show what changed, and its output
is byte for byte what a build from nothing gives. Builds run in this process, one after
another, as the dev server runs them.

On the two-article fixture: "first-story" states the figure acme-stake and the words "the
deal"; only "second-story" uses the term "investment"; both name Acme Corp and Widget Ltd.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from support import FIXTURES, ROOT, build_here as build, copy_project, edit, snapshot

NOTES = "content/notes/notes.yaml"


def project_at(dest: Path) -> Path:
    return copy_project(dest, FIXTURES / "two-articles")


def rendered(stdout: str) -> tuple[int, int]:
    """(pages rendered, pages from the cache), as the build reports them (and only it: not
    Pelican's "Done: Processed 0 articles, ...", the articles being Pelican pages here)."""
    found = re.search(r"explainer: (\d+) article pages? rendered, (\d+) unchanged", stdout)
    assert found and "Processed" not in stdout, stdout
    return int(found[1]), int(found[2])


def notes_rendered(stdout: str) -> tuple[int, int]:
    """(pages made from the notes rendered, taken from the cache), as the build reports them."""
    found = re.search(r"pages made from the notes: (\d+) rendered, (\d+) unchanged", stdout)
    assert found, stdout
    return int(found[1]), int(found[2])


def add_term(project: Path) -> None:
    edit(project / NOTES, "terms:\n", "terms:\n  - id: deal\n    term: deal\n    definition: An agreement to buy or sell.\n"
         "    in_article: Acme's purchase.\n    link: always\n"
         '    source: {paragraph: "first-story#p2", quote: "The deal will be completed"}\n')


CHANGES: dict[str, tuple[Callable[[Path], None], int]] = {
    # what changes -> how many of the two article pages are rendered again
    "nothing": (lambda p: None, 0),
    # Only preview cards show these, and cards are added to the pages on every build.
    "a term's definition": (lambda p: edit(p / NOTES, "Money put into a company", "Money paid into a company"), 0),
    "an entity's summary": (lambda p: edit(p / NOTES, "A maker of widgets.", "A widget maker."), 0),
    # Where a note's page is: the articles linking to it.
    "the id of a term only the second article uses": (
        lambda p: edit(p / NOTES, "id: investment", "id: investing"), 1),
    "the id of a figure the first article states": (lambda p: edit(p / NOTES, "id: acme-stake", "id: acme-share"), 1),
    # Names: the articles naming the note, or now naming it.
    "an alias of an entity both articles name": (
        lambda p: edit(p / NOTES, "name: Widget Ltd\n", "name: Widget Ltd\n    aliases: [Widget]\n"), 2),
    "a new term, named in the first article only": (add_term, 1),
    # Whether articles link a term: an everyday word, linked once its note says so.
    "a term the second article uses, now linked": (
        lambda p: edit(p / NOTES, "    term: investment\n", "    term: investment\n    link: always\n"), 1),
    "an editor's note on the second article": (
        lambda p: (p / NOTES).write_text((p / NOTES).read_text(encoding="utf-8") + (
            "editors_notes:\n  - id: welcomed\n    kind: ambiguity\n"
            '    source: {paragraph: "second-story#p1", quote: "welcomed the investment"}\n'
            "    likely: It was pleased.\n    why: The article does not say how.\n"), encoding="utf-8"), 1),
    # What the page says of the article's revisions (revisions.yaml): that article's page.
    "a revision recorded for the first article": (
        lambda p: (p / "content/articles/first-story/revisions.yaml").write_text(
            "- {revised: 2026-12-04, previous: revisions/1.txt, added: [p2]}\n", encoding="utf-8"), 1),
    "the first article's own text": (
        lambda p: [edit(p / f"content/articles/first-story/{name}", "on Monday", "on Tuesday")
                   for name in ("article.md", "source.txt")], 1),
}


INDEX_KEPT = {"nothing", "a term the second article uses, now linked", "a revision recorded for the first article"}
NOTES_KEPT = {"nothing", "a revision recorded for the first article"}  # no page made from the notes shows these


@pytest.mark.slow  # three builds each
@pytest.mark.parametrize("change", CHANGES)
def test_a_rebuild_renders_only_the_pages_that_show_the_change(tmp_path: Path, change: str):
    apply, expected = CHANGES[change]
    project = project_at(tmp_path / "project")
    first = build(project, project / "output")
    assert first.returncode == 0, first.stdout + first.stderr
    assert rendered(first.stdout) == (2, 0)
    assert (project / "cache" / "PagesGenerator-Readers").is_file()  # Pelican's own reader cache is on too

    apply(project)
    again = build(project, project / "output")
    assert again.returncode == 0, again.stdout + again.stderr
    assert rendered(again.stdout) == (expected, 2 - expected)
    # The pages made from the notes: all from the cache when none shows the change, else
    # those showing it, and the rest from the cache.
    made, kept = notes_rendered(again.stdout)
    assert notes_rendered(first.stdout) == (made + kept, 0) or change == "an editor's note on the second article"
    assert made == 0 if change in NOTES_KEPT else 0 < made and 0 < kept, again.stdout
    # Every other change here changes some search record: the index is made again. (A link
    # is not in the text search reads; the fresh build below shows the kept index is right.)
    assert ("search index is unchanged" in again.stdout) == (change in INDEX_KEPT), again.stdout

    shutil.rmtree(project / "cache")
    fresh = build(project, tmp_path / "fresh")
    assert fresh.returncode == 0, fresh.stdout + fresh.stderr
    assert rendered(fresh.stdout) == (2, 0)
    assert snapshot(project / "output") == snapshot(tmp_path / "fresh")


@pytest.mark.slow  # two builds
def test_a_name_only_formatting_makes_a_word_counts(tmp_path: Path):
    """Links are looked for in each run of text between formatting: in "**deal**making" the
    word "deal" is a name, though "dealmaking" is one word of the paragraph."""
    project = project_at(tmp_path / "project")
    story = project / "content/articles/first-story"
    edit(story / "article.md", "The deal will be completed", "The **deal**making will be completed")
    edit(story / "source.txt", "The deal will be completed", "The dealmaking will be completed")
    assert build(project, project / "output").returncode == 0
    edit(project / NOTES, "terms:\n", "terms:\n  - id: deal\n    term: deal\n    definition: An agreement.\n"
         "    in_article: Acme's purchase.\n    link: always\n"
         '    source: {paragraph: "first-story#p2", quote: "The dealmaking will be completed"}\n')
    again = build(project, project / "output")
    assert again.returncode == 0, again.stdout + again.stderr
    assert rendered(again.stdout) == (1, 1)
    assert 'data-card="term-deal"' in (project / "output/first-story.html").read_text(encoding="utf-8")


@pytest.mark.slow  # three builds and a failed one
def test_a_failed_build_leaves_the_cache_as_it_was(tmp_path: Path):
    """A build that stops keeps nothing of what it read: after the fix, the rebuild takes
    the pages from the last good build and still matches a build from nothing."""
    project = project_at(tmp_path / "project")
    assert build(project, project / "output").returncode == 0
    notes = (project / NOTES).read_text(encoding="utf-8")
    edit(project / NOTES, "A maker of widgets.", "A widget maker.")
    edit(project / NOTES, "quote: \"Widget Ltd welcomed", "quote: \"Widget Ltd greeted")  # not in the article
    broken = build(project, project / "output")
    assert broken.returncode == 1 and "explainer:" not in broken.stdout

    (project / NOTES).write_text(notes, encoding="utf-8")
    again = build(project, project / "output")
    assert again.returncode == 0, again.stdout + again.stderr
    assert rendered(again.stdout) == (0, 2)
    shutil.rmtree(project / "cache")
    assert build(project, tmp_path / "fresh").returncode == 0
    assert snapshot(project / "output") == snapshot(tmp_path / "fresh")


@pytest.mark.slow  # three builds each
@pytest.mark.parametrize("damage", ["GZIP_CACHE switched", "files emptied", "files cut short"])
def test_a_cache_that_cannot_be_read_is_dropped(tmp_path: Path, damage: str):
    """Pelican cannot read a cache written with the other GZIP_CACHE setting or cut short (a
    build stopped while saving), and would stop with a warning or a traceback: the build
    drops it and builds everything again."""
    project = project_at(tmp_path / "project")
    if damage == "GZIP_CACHE switched":  # a gzipped cache read as a plain one is what fails
        with (project / "pelicanconf.py").open("a", encoding="utf-8") as settings:
            settings.write("\nGZIP_CACHE = True\n")
    assert build(project, project / "output").returncode == 0
    cache_files = sorted(p for p in (project / "cache").rglob("*") if p.is_file())  # compiled templates too
    names = {p.name.rsplit("-", 1)[0] for p in cache_files}  # without the code version (or "-Readers")
    assert {"PagesGenerator", "explainer-articles", "explainer-pages", "explainer-notes",
            "explainer-search"} <= names, names  # Pelican's reader cache and our four
    assert any(p.parent.name == "jinja" for p in cache_files) and any(p.name.startswith("share-") for p in cache_files)
    if damage == "GZIP_CACHE switched":
        edit(project / "pelicanconf.py", "GZIP_CACHE = True", "GZIP_CACHE = False")  # as the generator's settings
    for path in cache_files if damage != "GZIP_CACHE switched" else []:
        data = path.read_bytes()
        path.write_bytes(b"" if damage == "files emptied" else data[: len(data) // 2])
    again = build(project, project / "output")
    assert again.returncode == 0, again.stdout + again.stderr
    assert rendered(again.stdout) == (2, 0)
    assert rendered(build(project, project / "output").stdout) == (0, 2)
    image = (project / "output" / "social.png").read_bytes()  # the share image drawn again, whole
    assert image.startswith(b"\x89PNG") and image.endswith(b"IEND\xaeB`\x82")


@pytest.mark.slow  # two builds
def test_ignore_cache_reaches_the_build_cache(tmp_path: Path):
    """Pelican's --ignore-cache (after --, as PELICANOPTS passes it) renders every page again."""
    project = project_at(tmp_path / "project")
    assert build(project, project / "output").returncode == 0
    result = build(project, project / "output", pelican_opts=("--ignore-cache",))
    assert result.returncode == 0, result.stdout + result.stderr
    assert rendered(result.stdout) == (2, 0)


@pytest.mark.slow  # three builds each
@pytest.mark.parametrize("bundle", ["as the last build left it", "since replaced"])
def test_the_search_index_is_kept_only_if_nothing_in_it_would_change(tmp_path: Path, bundle: str):
    """A theme edit changes no search record: the last build's index is used again, unless
    the one in output/ is no longer the one that build wrote."""
    project = project_at(tmp_path / "project")
    assert build(project, project / "output").returncode == 0
    edit(project / "theme/static/css/site.css", "}", "}\n/* edited */", )
    if bundle == "since replaced":
        entry = project / "output/pagefind/pagefind-entry.json"
        entry.write_text(entry.read_text(encoding="utf-8").replace("{", "{ ", 1), encoding="utf-8")
    again = build(project, project / "output")
    assert again.returncode == 0, again.stdout + again.stderr
    assert ("search index is unchanged" in again.stdout) == (bundle == "as the last build left it"), again.stdout
    shutil.rmtree(project / "cache")
    assert build(project, tmp_path / "fresh").returncode == 0
    assert snapshot(project / "output") == snapshot(tmp_path / "fresh")


def test_a_kept_search_index_is_taken_when_it_is_checked(tmp_path: Path):
    """The bundle to keep is linked into place when it is checked, before Pelican runs: a
    build that replaces output/ meanwhile cannot slip its own bundle in."""
    from explainer.core.routes import SEARCH_BUNDLE as BUNDLE
    from explainer.build.search import Previous, Record, SearchIndex

    records = [Record("/a.html#p1", "Paragraph 1", "Article paragraph", "Some words about a deal.")]
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    first = SearchIndex(records, tmp_path / "one")
    written = first.wait()
    assert written is not None and not written.kept
    entry = (tmp_path / "one" / BUNDLE / "pagefind-entry.json").read_bytes()

    second = SearchIndex(records, tmp_path / "two", Previous(written.records, tmp_path / "one" / BUNDLE, written.entry))
    shutil.rmtree(tmp_path / "one" / BUNDLE)  # another build's output takes its place
    (tmp_path / "one" / BUNDLE).mkdir()
    (tmp_path / "one" / BUNDLE / "pagefind-entry.json").write_text("{}", encoding="utf-8")
    kept = second.wait()
    assert kept is not None and kept.kept
    assert (tmp_path / "two" / BUNDLE / "pagefind-entry.json").read_bytes() == entry
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one", "two"]  # no search folders left


def test_the_code_fingerprint_covers_the_code_that_shapes_a_page(tmp_path: Path):
    """Editing a tool beside the build (authoring, operations, the command line) keeps the
    cache; editing any module of the layers that load, check, render or write a page does not."""
    from explainer.build.incremental import code_version

    package = tmp_path / "explainer"
    shutil.copytree(ROOT / "explainer", package,
                    ignore=shutil.ignore_patterns("__pycache__"))
    tools = [p for p in package.rglob("*.py") if p.relative_to(package).parts[0] in ("authoring", "ops", "cli")]
    tools += [package / "__main__.py", package / "__init__.py"]
    shaping = [p for p in package.rglob("*.py") if p.relative_to(package).parts[0] in ("core", "content", "render", "build")]
    assert len(tools) > 15 and len(shaping) > 40
    first = code_version(package)
    for tool in tools:
        tool.write_text(tool.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert code_version(package) == first
    for module in shaping:
        before = code_version(package)
        module.write_text(module.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
        assert code_version(package) != before, module

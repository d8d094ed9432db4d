"""`make publish`: hashed asset names (a stylesheet's references to theme files too),
precompressed text, no unused Pagefind UI, the same bytes every time, SITEURL from the
command line (explainer/build/production.py). On the fixture site (tests/fixtures/full-site)."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import subprocess
from pathlib import Path

import brotli
import pytest
from bs4 import BeautifulSoup

from explainer.build import production
from support import PUBLISHED_SITEURL as SITEURL, ROOT, build, build_here, copy_project, edit, line_of, snapshot

TEXT = (".html", ".css", ".js", ".svg", ".xml", ".atom", ".json", ".txt")
PAGEFIND = (".pagefind", ".pf_meta", ".pf_index", ".pf_fragment")  # its index and wasm


def loaded(page: Path) -> list[str]:
    """What a page loads from the theme: stylesheet, icon and script URLs."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    urls = [tag.get("href") for tag in soup.find_all("link", href=True) if {"stylesheet", "icon"} & set(tag["rel"])]
    return [u for u in urls + [tag["src"] for tag in soup.find_all("script", src=True)] if "/theme/" in u]


@pytest.mark.slow
def test_theme_files_are_published_under_the_hash_of_their_bytes(published: Path, site_project: Path):
    pages = sorted(published.rglob("*.html"))
    static = site_project / "theme" / "static"
    seen = set()
    for page in pages:
        for url in loaded(page):
            assert url.startswith(SITEURL + "/theme/"), (page, url)
            path = published / url.removeprefix(SITEURL + "/")
            name = re.fullmatch(r"(.+)\.([0-9a-f]{8,})(\.\w+)", path.name)
            assert name, f"{page.name} loads {url}: not a hashed name"
            source = static / path.parent.relative_to(published / "theme") / (name[1] + name[3])
            published_bytes = path.read_bytes()
            assert hashlib.sha256(published_bytes).hexdigest().startswith(name[2]), url
            if path.suffix in (".css", ".js"):  # minified: smaller, every class and function still there
                assert len(published_bytes) < len(source.read_bytes()), url
                names = rb"\.([a-z][\w-]+)\s*[{,:]" if path.suffix == ".css" else rb"function (\w+)"
                assert set(re.findall(names, source.read_bytes())) <= set(re.findall(names, published_bytes)), url
            else:
                assert published_bytes == source.read_bytes(), url
            seen.add(url)
    assert any(u.endswith(".css") for u in seen) and any("/search." in u for u in seen), seen
    unhashed = [p for p in (published / "theme").rglob("*") if p.is_file() and not re.search(r"\.[0-9a-f]{8,}\.", p.name)]
    assert not unhashed, "the plain names are not published, so a stale reference fails: " + str(unhashed)


@pytest.mark.slow
def test_every_text_file_is_precompressed_beside_itself_and_unpacks_to_its_bytes(published: Path):
    files = [p for p in published.rglob("*") if p.is_file() and p.suffix in TEXT + PAGEFIND]
    assert len(files) > 30
    for path in files:
        data = path.read_bytes()
        br, gz = path.with_name(path.name + ".br"), path.with_name(path.name + ".gz")
        if len(data) > 1500:  # big enough for compression always to win
            assert br.exists() and gz.exists(), path
        if br.exists():
            assert brotli.decompress(br.read_bytes()) == data and br.stat().st_size < len(data), br
        if gz.exists():
            assert gzip.decompress(gz.read_bytes()) == data and gz.stat().st_size < len(data), gz


@pytest.mark.slow
def test_pagefind_files_are_published_unpacked_so_the_server_compresses_them(published: Path):
    """pagefind.js takes a file that starts with its signature as unpacked; Pagefind writes
    them gzipped, which would leave a server nothing to compress (and Brotli does better)."""
    files = [p for p in (published / "pagefind").rglob("*") if p.suffix in PAGEFIND]
    assert {p.suffix for p in files} == set(PAGEFIND), files
    for path in files:
        assert path.read_bytes().startswith(b"pagefind_dcd"), path
        assert path.with_name(path.name + ".br").exists(), path
    pagefind_js = (published / "pagefind" / "pagefind.js").read_text(encoding="utf-8")
    assert '"pagefind_dcd"' in pagefind_js  # the pagefind.js shipped still knows the signature


@pytest.mark.slow
def test_pagefind_ui_files_the_site_does_not_load_are_not_shipped(published: Path):
    shipped = {p.name for p in (published / "pagefind").iterdir()}
    assert "pagefind.js" in shipped and "pagefind-entry.json" in shipped
    assert not {n for n in shipped if "-ui." in n or "highlight" in n}, shipped
    search_js = next((published / "theme" / "js").glob("search.*.js")).read_text(encoding="utf-8")
    assert "pagefind.js" in search_js and "pagefind-ui" not in search_js


@pytest.mark.slow
def test_two_publishes_of_the_same_content_are_byte_identical(published: Path, site_project: Path, tmp_path: Path):
    again = tmp_path / "again"
    result = build(site_project, again, settings="publishconf.py", pelican_opts=("-e", f'SITEURL="{SITEURL}"'))
    assert result.returncode == 0, result.stderr
    first, second = snapshot(published), snapshot(again)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


@pytest.mark.slow
def test_make_html_after_make_publish_is_the_same_as_make_html_from_nothing(tmp_path: Path, good_project):
    """A rebuild reuses the last build's search bundle when the records are the same, but not
    the one make publish left (compressed, without Pagefind's UI) for a make html."""
    project = copy_project(tmp_path / "project")
    assert build_here(project, project / "output", settings="publishconf.py").returncode == 0
    assert build_here(project, project / "output").returncode == 0
    fresh = good_project[1]  # make html of the same fixture, from nothing
    again = snapshot(project / "output")
    assert sorted(again) == sorted(fresh)
    assert [name for name in again if name.startswith("pagefind/") and again[name] != fresh[name]] == []
    assert [name for name in again if again[name] != fresh[name]] == []  # nothing of the publish left anywhere


@pytest.mark.slow
def test_a_changed_stylesheet_is_published_under_a_new_name(tmp_path: Path, published: Path):
    project = copy_project(tmp_path / "project")
    edit(project / "theme" / "static" / "css" / "site.css", "{", "{ outline: 0;")  # a comment would be minified away
    assert build_here(project, project / "output", settings="publishconf.py").returncode == 0
    before = {p.name for p in (published / "theme" / "css").glob("site.*.css")}
    after = {p.name for p in (project / "output" / "theme" / "css").glob("site.*.css")}
    assert before and after and not before & after, (before, after)
    page = project / "output" / "index.html"
    assert any(u.endswith(after.pop()) for u in loaded(page))


def test_make_html_keeps_plain_names_and_writes_no_compressed_copies(good_project):
    site = good_project[0] / "output"  # make html of the fixture site
    assert (site / "theme" / "css" / "site.css").exists()
    assert not list(site.rglob("*.br")) and not list(site.rglob("*.gz"))


@pytest.mark.slow
def test_a_template_asking_for_a_theme_file_that_does_not_exist_is_a_clear_error(tmp_path: Path, caplog):
    project = copy_project(tmp_path / "project")
    edit(project / "theme" / "templates" / "base.html", 'asset("css/site.css")', 'asset("css/sit.css")')
    result = build_here(project, project / "output", settings="publishconf.py")
    assert result.returncode != 0 and not (project / "output").exists()
    assert "Traceback" not in result.stderr + caplog.text
    assert "theme/static/css/sit.css: no such theme file" in caplog.text, caplog.text


@pytest.mark.slow
def test_make_publish_takes_siteurl_from_the_command_line(tmp_path: Path):
    """The Makefile's target, pointed at a copy of the fixture site as an author points it
    at theirs (INPUTDIR, PUBLISHCONF, OUTPUTDIR)."""
    project = copy_project(tmp_path / "project")
    output = tmp_path / "output"
    run = subprocess.run(["make", "--no-print-directory", "publish", f"INPUTDIR={project / 'content'}",
                          f"PUBLISHCONF={project / 'publishconf.py'}", f"OUTPUTDIR={output}",
                          "SITEURL=https://news.example.net/explained"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    soup = BeautifulSoup((output / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.find("link", rel="canonical")["href"].startswith("https://news.example.net/explained/")
    assert all(u.startswith("https://news.example.net/explained/theme/") for u in loaded(output / "index.html"))


@pytest.mark.slow
def test_the_search_bundles_kinds_file_gives_every_results_kind(site: Path, published: Path, content):
    """search.js counts a query's results by kind from kinds.json instead of loading each result."""
    notes = content.site
    # At least one result for each paragraph and each note of every kind.
    least = (sum(len(a.paragraphs) for a in notes.articles.values()) + len(notes.entities) + len(notes.terms)
             + len(notes.events) + len(notes.figures) + len(notes.editors_notes))
    for output in (site, published):
        bundle = output / "pagefind"
        kinds = json.loads((bundle / "kinds.json").read_text(encoding="utf-8"))
        fragments = sorted((bundle / "fragment").glob("*.pf_fragment"))
        assert len(fragments) >= least and set(kinds["of"]) == {f.stem for f in fragments}
        for fragment in fragments:
            data = fragment.read_bytes()
            data = data if data.startswith(b"pagefind_dcd") else gzip.decompress(data)
            meta = json.loads(data[len(b"pagefind_dcd"):])["meta"]
            assert kinds["kinds"][kinds["of"][fragment.stem]] == meta["kind"], fragment


# --- A stylesheet's references to theme files --------------------------------------------------

# What a theme's stylesheet may say: theme files by paths relative to it (url() with or without
# quotes, @import in both forms, a fragment kept), and URLs that are not theme files.
REFERENCES = '''@import "print.css";
@import url('print.css') print;

.brand { background: url(../img/favicon.svg) no-repeat; }
.brand-mark { background-image: url( "../img/favicon.svg#mark" ); }
.inline { background: url(data:image/svg+xml;base64,PHN2Zy8+); }
.far { background: url(https://example.org/x.png), url(//example.org/y.png), url(/z.png), url(#m); }
/* url(../img/only-in-a-comment.svg) */

'''
LEFT_AS_WRITTEN = ["url(data:image/svg+xml;base64,PHN2Zy8+)", "url(https://example.org/x.png)",
                   "url(//example.org/y.png)", "url(/z.png)", "url(#m)"]


def with_references(project: Path) -> Path:
    """The project's theme with a second stylesheet, and the first one referring to it and to the icon."""
    css = project / "theme" / "static" / "css"
    (css / "print.css").write_text("@media print { .brand { color: black; } }\n", encoding="utf-8")
    edit(css / "site.css", ":root {", REFERENCES + ":root {")  # the first rule: @import comes before any
    return project


def published_as(output: Path, url: str) -> Path:
    return output / url.removeprefix(SITEURL + "/")


@pytest.mark.slow
def test_a_stylesheets_references_to_theme_files_are_published_under_their_hashed_names(tmp_path: Path,
                                                                                         published: Path):
    project = with_references(copy_project(tmp_path / "project"))
    result = build_here(project, project / "output", settings="publishconf.py",
                        pelican_opts=("-e", f'SITEURL="{SITEURL}"'))
    assert result.returncode == 0, result.stderr
    output = project / "output"
    (stylesheet,) = [published_as(output, u) for u in loaded(output / "index.html")
                     if u.endswith(".css") and "/site." in u]  # the one with_references wrote in (pages.css aside)
    text = stylesheet.read_text(encoding="utf-8")
    assert hashlib.sha256(stylesheet.read_bytes()).hexdigest().startswith(stylesheet.name.split(".")[1])

    written = re.findall(r"""url\(\s*["']?([^"')]+)["']?\s*\)|@import\s*["']([^"']+)["']""", text)
    theme_files = [url or imported for url, imported in written if not re.match(r"[a-z]+:|/|#", url or imported)]
    assert len(theme_files) == 4, text  # two @imports, two url()s of the icon; the comment is gone
    for reference in theme_files:
        path = reference.partition("#")[0]
        assert re.search(r"\.[0-9a-f]{10}\.(css|svg)$", path), f"{reference}: not a hashed name"
        target = (stylesheet.parent / path).resolve()
        assert target.is_file(), f"{reference}: no such file published"
        plain = target.relative_to(output / "theme").as_posix()
        source = project / "theme" / "static" / re.sub(r"\.[0-9a-f]{10}\.", ".", plain)
        assert production.minified(target.suffix, source.read_bytes()) == target.read_bytes(), reference
    assert "favicon" in text and "#mark" in text and "print." in text
    for url in LEFT_AS_WRITTEN:
        assert url in text, url

    # Everything else is what the fixture's publish gives, but the stylesheet's new name.
    before, after = snapshot(published), snapshot(output)
    (old_name,) = [n for n in before if re.fullmatch(r"theme/css/site\.\w+\.css", n)]
    new_name = stylesheet.relative_to(output).as_posix()
    plain = [n for n in after if not n.endswith((".br", ".gz"))]
    added = {n for n in plain if n not in before}
    assert added == {new_name, next(n for n in plain if n.startswith("theme/css/print."))}, added
    assert {n for n in before if n not in after and not n.endswith((".br", ".gz"))} == {old_name}
    renamed = [n for n in plain if n not in added
               and after[n] != before[n].replace(old_name.encode(), new_name.encode())]
    assert renamed == [], renamed


def test_a_stylesheet_is_named_after_the_files_it_refers_to(tmp_path: Path):
    """A changed image is a new name for the stylesheet that shows it, whose own bytes did not
    change; the others keep theirs. (The names are a function of the bytes: the same twice.)"""
    project = with_references(copy_project(tmp_path / "project"))
    static = project / "theme" / "static"
    first = production.fingerprints(static, "theme")
    assert production.fingerprints(static, "theme") == first
    edit(static / "img" / "favicon.svg", "</svg>", "<!-- changed --></svg>")
    second = production.fingerprints(static, "theme")
    changed = {name for name in first if first[name] != second[name]}
    assert changed == {"img/favicon.svg", "css/site.css"}, changed
    assert f"img/{Path(second['img/favicon.svg']).name}".encode() in production.published_bytes(
        static, "css/site.css", second)


@pytest.mark.slow
@pytest.mark.parametrize("fault", ["a url() to no file", "an @import to no file", "stylesheets importing each other"])
def test_a_stylesheet_referring_to_a_theme_file_that_does_not_exist_is_a_clear_error(tmp_path: Path, caplog,
                                                                                      fault: str):
    project = copy_project(tmp_path / "project")
    css = project / "theme" / "static" / "css"
    if fault == "a url() to no file":
        edit(css / "site.css", ":root {", ".brand { background: url('../img/missing.svg'); }\n\n:root {")
        said = (f"theme/static/css/site.css:{line_of(css / 'site.css', 'missing.svg')}: no such theme file: "
                "../img/missing.svg (theme/static/img/missing.svg)")
    elif fault == "an @import to no file":
        edit(css / "site.css", ":root {", '@import "prints.css";\n\n:root {')
        said = (f"theme/static/css/site.css:{line_of(css / 'site.css', 'prints.css')}: no such theme file: "
                "prints.css (theme/static/css/prints.css)")
    else:
        edit(css / "site.css", ":root {", '@import "print.css";\n\n:root {')
        (css / "print.css").write_text('@import "site.css";\n', encoding="utf-8")
        said = (f"theme/static/css/site.css:{line_of(css / 'site.css', 'print.css')}: print.css: the stylesheets "
                "refer to each other (css/print.css -> css/site.css -> css/print.css)")
    result = build_here(project, project / "output", settings="publishconf.py")
    assert result.returncode != 0 and not (project / "output").exists()
    assert "Traceback" not in result.stderr + caplog.text
    assert f"explainer: {said}" in result.stderr, result.stderr

    # make html publishes the theme as it is: nothing there to refuse.
    assert build_here(project, project / "output").returncode == 0


@pytest.mark.parametrize("address, said", [
    ("notaurl", "SITEURL 'notaurl' is not the address of a site"),
    ("www.example.com", "SITEURL 'www.example.com' is not the address of a site"),
    ("https://example.com?x=1", "is not the address of a site"),
    ('https://ex"ample.com', "a setting given on the command line does not read"),  # no JSON: quoted as make does
])
def test_a_publish_to_an_address_that_is_none_is_refused_and_nothing_is_written(tmp_path: Path, address: str,
                                                                                 said: str):
    project = copy_project(tmp_path / "project")
    result = build_here(project, project / "output", settings="publishconf.py",
                        pelican_opts=("-e", f'SITEURL="{address}"'))
    assert result.returncode == 1 and said in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and not (project / "output").exists()

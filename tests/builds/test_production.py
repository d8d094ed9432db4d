"""`make publish`: hashed asset names, precompressed text, no unused Pagefind UI, the same
bytes every time, SITEURL from the command line (explainer/production.py)."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import subprocess
from pathlib import Path

import brotli
from bs4 import BeautifulSoup

from support import PUBLISHED_SITEURL as SITEURL, ROOT, build, build_here, copy_project, edit, snapshot

TEXT = (".html", ".css", ".js", ".svg", ".xml", ".atom", ".json", ".txt")
PAGEFIND = (".pagefind", ".pf_meta", ".pf_index", ".pf_fragment")  # its index and wasm


def loaded(page: Path) -> list[str]:
    """What a page loads from the theme: stylesheet, icon and script URLs."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    urls = [tag.get("href") for tag in soup.find_all("link", href=True) if {"stylesheet", "icon"} & set(tag["rel"])]
    return [u for u in urls + [tag["src"] for tag in soup.find_all("script", src=True)] if "/theme/" in u]


def test_theme_files_are_published_under_the_hash_of_their_bytes(published: Path):
    pages = sorted(published.rglob("*.html"))
    seen = set()
    for page in pages:
        for url in loaded(page):
            assert url.startswith(SITEURL + "/theme/"), (page, url)
            path = published / url.removeprefix(SITEURL + "/")
            name = re.fullmatch(r"(.+)\.([0-9a-f]{8,})(\.\w+)", path.name)
            assert name, f"{page.name} loads {url}: not a hashed name"
            source = ROOT / "theme" / "static" / path.parent.relative_to(published / "theme") / (name[1] + name[3])
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


def test_pagefind_ui_files_the_site_does_not_load_are_not_shipped(published: Path):
    shipped = {p.name for p in (published / "pagefind").iterdir()}
    assert "pagefind.js" in shipped and "pagefind-entry.json" in shipped
    assert not {n for n in shipped if "-ui." in n or "highlight" in n}, shipped
    search_js = next((published / "theme" / "js").glob("search.*.js")).read_text(encoding="utf-8")
    assert "pagefind.js" in search_js and "pagefind-ui" not in search_js


def test_two_publishes_of_the_same_content_are_byte_identical(published: Path, tmp_path: Path):
    again = tmp_path / "again"
    result = build(ROOT, again, settings="publishconf.py", pelican_opts=("-e", f'SITEURL="{SITEURL}"'))
    assert result.returncode == 0, result.stderr
    first, second = snapshot(published), snapshot(again)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_a_changed_stylesheet_is_published_under_a_new_name(tmp_path: Path, published: Path):
    project = copy_project(tmp_path / "project")
    edit(project / "theme" / "static" / "css" / "site.css", "{", "{ outline: 0;")  # a comment would be minified away
    assert build_here(project, project / "output", settings="publishconf.py").returncode == 0
    before = {p.name for p in (published / "theme" / "css").glob("site.*.css")}
    after = {p.name for p in (project / "output" / "theme" / "css").glob("site.*.css")}
    assert before and after and not before & after, (before, after)
    page = project / "output" / "index.html"
    assert any(u.endswith(after.pop()) for u in loaded(page))


def test_make_html_keeps_plain_names_and_writes_no_compressed_copies(site: Path):
    assert (site / "theme" / "css" / "site.css").exists()
    assert not list(site.rglob("*.br")) and not list(site.rglob("*.gz"))


def test_a_template_asking_for_a_theme_file_that_does_not_exist_is_a_clear_error(tmp_path: Path, caplog):
    project = copy_project(tmp_path / "project")
    edit(project / "theme" / "templates" / "base.html", 'asset("css/site.css")', 'asset("css/sit.css")')
    result = build_here(project, project / "output", settings="publishconf.py")
    assert result.returncode != 0 and not (project / "output").exists()
    assert "Traceback" not in result.stderr + caplog.text
    assert "theme/static/css/sit.css: no such theme file" in caplog.text, caplog.text


def test_make_publish_takes_siteurl_from_the_command_line(tmp_path: Path):
    output = tmp_path / "output"
    run = subprocess.run(["make", "--no-print-directory", "publish", f"OUTPUTDIR={output}",
                          "SITEURL=https://news.example.net/explained"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    soup = BeautifulSoup((output / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.find("link", rel="canonical")["href"].startswith("https://news.example.net/explained/")
    assert all(u.startswith("https://news.example.net/explained/theme/") for u in loaded(output / "index.html"))


def test_the_search_bundles_kinds_file_gives_every_results_kind(site: Path, published: Path):
    """search.js counts a query's results by kind from kinds.json instead of loading each result."""
    for output in (site, published):
        bundle = output / "pagefind"
        kinds = json.loads((bundle / "kinds.json").read_text(encoding="utf-8"))
        fragments = sorted((bundle / "fragment").glob("*.pf_fragment"))
        assert len(fragments) > 50 and set(kinds["of"]) == {f.stem for f in fragments}
        for fragment in fragments:
            data = fragment.read_bytes()
            data = data if data.startswith(b"pagefind_dcd") else gzip.decompress(data)
            meta = json.loads(data[len(b"pagefind_dcd"):])["meta"]
            assert kinds["kinds"][kinds["of"][fragment.stem]] == meta["kind"], fragment

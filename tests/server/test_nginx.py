"""The published site as a reader meets it: `make publish` served by the real nginx with
explainer/ops/nginx.conf (explainer/ops/nginx.py), checked with real HTTP requests: compression
negotiated from the precompressed files, cache lifetimes by kind of file, security headers
on every response, the 404 page, content types, every internal link, and the runner's stop.
The site is the fixture site (tests/fixtures/full-site), published once for the module.

Skipped without Debian's nginx and its Brotli module, unless EXPLAINER_REQUIRE_NGINX=1 (CI),
which makes that a failure. Expected values come from the published files (found by
globbing: hashes are never written here) and from the pages themselves (their <meta> CSP).
"""

from __future__ import annotations

import gzip
import http.client
import re
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import brotli
import pytest
from bs4 import BeautifulSoup

from explainer.core.routes import ANNOTATIONS_JSONLD, NOTES_JSON
from explainer.ops import nginx
from explainer.ops.browser import free_port
from support import published_behind_nginx, require_nginx

pytestmark = pytest.mark.server

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
HASHED = re.compile(r"\.[0-9a-f]{8,}\.(css|js|svg|png|webp|woff2)$")
# Pagefind's index and wasm: its own binary format, which pagefind.js reads.
PAGEFIND_BINARY = ("pagefind/fragment/*.pf_fragment", "pagefind/index/*.pf_index", "pagefind/*.pf_meta",
                   "pagefind/wasm.*.pagefind")
WASM = "tiny.wasm"  # written into the published folder by the fixture, for its type


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    def header(self, name: str) -> str | None:
        values = self.headers.get_all(name) or []
        assert len(values) <= 1, f"{name} sent {len(values)} times: {values}"
        return values[0] if values else None


@dataclass
class Served:
    root: Path  # the published folder
    url: str  # "http://127.0.0.1:PORT/", also the site's SITEURL (plus "/")

    def get(self, path: str, accept_encoding: str | None = None, method: str = "GET") -> Response:
        """`path` as sent (no normalising); no Accept-Encoding header unless given."""
        parts = urlsplit(self.url)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        try:
            connection.putrequest(method, path, skip_accept_encoding=True)
            if accept_encoding is not None:
                connection.putheader("Accept-Encoding", accept_encoding)
            connection.endheaders()
            response = connection.getresponse()
            return Response(response.status, response.headers, response.read())
        finally:
            connection.close()

    def files(self, pattern: str) -> list[str]:
        """Published files matching the glob, as paths from the site's root (never a .br/.gz)."""
        found = sorted(p.relative_to(self.root).as_posix() for p in self.root.glob(pattern)
                       if p.is_file() and p.suffix not in (".br", ".gz"))
        assert found, f"nothing published matches {pattern}"
        return found


@pytest.fixture(scope="module")
def served(site_project: Path, tmp_path_factory: pytest.TempPathFactory):
    """`make publish` of the fixture site with SITEURL on a free port, then nginx serving it on
    that port: once for the module (its tests only read it, or put back what they add)."""
    add_wasm = lambda output: (output / WASM).write_bytes(b"\0asm\x01\0\0\0")  # noqa: E731 (the smallest module)
    with published_behind_nginx(tmp_path_factory.mktemp("published"), site_project, add_wasm) as (output, url):
        yield Served(output, url)


def article_page(served: Served) -> str:
    pages = [p for p in served.files("*.html") if 'class="article"' in (served.root / p).read_text(encoding="utf-8")]
    assert pages, "no article page published"
    return pages[0]


# --- compression ---------------------------------------------------------------------

# Text files big enough that the publish step writes a .br and a .gz beside each.
COMPRESSED = ["index.html", "search.html", "theme/css/*.css", "theme/js/*.js", "*.atom", "sitemap.xml",
              NOTES_JSON, ANNOTATIONS_JSONLD, "pagefind/pagefind.js"]
DECODE = {"br": brotli.decompress, "gzip": gzip.decompress, None: lambda data: data}


def decoded(response: Response) -> bytes:
    """The body as the browser hands it to the page: with its Content-Encoding undone."""
    return DECODE[response.header("Content-Encoding")](response.body)


@pytest.mark.parametrize("pattern", COMPRESSED + list(PAGEFIND_BINARY))
@pytest.mark.parametrize("accept, encoding", [
    ("br", "br"),
    ("gzip", "gzip"),
    ("gzip, deflate, br, zstd", "br"),  # what browsers send: Brotli wins
])
def test_precompressed_files_are_negotiated(served: Served, pattern: str, accept: str, encoding: str) -> None:
    suffix = {"br": ".br", "gzip": ".gz"}[encoding]
    for path in served.files(pattern):
        plain = (served.root / path).read_bytes()
        precompressed = served.root / (path + suffix)
        if pattern in COMPRESSED:
            assert precompressed.is_file(), f"{path}: published without {suffix}"
        response = served.get("/" + path, accept_encoding=accept)
        assert response.status == 200, path
        assert response.header("Vary") == "Accept-Encoding", path
        if precompressed.is_file():  # else a Pagefind file as Pagefind packed it: sent as it is
            assert response.header("Content-Encoding") == encoding, path
            assert response.body == precompressed.read_bytes(), path
        assert decoded(response) == plain, path


@pytest.mark.parametrize("pattern", COMPRESSED + list(PAGEFIND_BINARY))
def test_a_client_asking_for_no_encoding_gets_the_plain_file(served: Served, pattern: str) -> None:
    for path in served.files(pattern):
        response = served.get("/" + path)
        assert response.status == 200, path
        assert response.header("Content-Encoding") is None, path
        assert response.header("Vary") == "Accept-Encoding", path  # a cache keeps both copies apart
        assert response.body == (served.root / path).read_bytes(), path


@pytest.mark.parametrize("pattern", PAGEFIND_BINARY)
def test_pagefind_gets_bytes_it_can_read(served: Served, pattern: str) -> None:
    """Once the HTTP encoding is undone, Pagefind's own format: unpacked (its signature) or
    gzip, which pagefind.js unpacks itself; never compressed twice by the server."""
    for path in served.files(pattern):
        body = decoded(served.get("/" + path, accept_encoding="gzip, deflate, br"))
        assert body.startswith(b"pagefind_dcd") or gzip.decompress(body).startswith(b"pagefind_dcd"), path


# --- cache lifetimes -----------------------------------------------------------------

CACHE = {
    "home page": ("index.html", REVALIDATE),
    "article page": (None, REVALIDATE),
    "entity page": ("entities/*.html", REVALIDATE),
    "search page": ("search.html", REVALIDATE),
    "stylesheet": ("theme/css/*.css", IMMUTABLE),
    "script": ("theme/js/*.js", IMMUTABLE),
    "favicon": ("theme/img/favicon*.svg", IMMUTABLE),
    "pagefind.js": ("pagefind/pagefind.js", REVALIDATE),
    "pagefind entry": ("pagefind/pagefind-entry.json", REVALIDATE),
    "pagefind wasm": ("pagefind/wasm.*.pagefind", REVALIDATE),
    "pagefind fragment": ("pagefind/fragment/*.pf_fragment", IMMUTABLE),
    "pagefind index": ("pagefind/index/*.pf_index", IMMUTABLE),
    "pagefind meta": ("pagefind/*.pf_meta", IMMUTABLE),
    "feed": ("*.atom", REVALIDATE),
    "sitemap": ("sitemap.xml", REVALIDATE),
    "notes data": (NOTES_JSON, REVALIDATE),
    "share image": ("social.png", REVALIDATE),
    "robots.txt": ("robots.txt", REVALIDATE),
}


@pytest.mark.parametrize("kind", CACHE)
def test_cache_control_by_kind_of_file(served: Served, kind: str) -> None:
    pattern, expected = CACHE[kind]
    paths = [article_page(served)] if pattern is None else served.files(pattern)
    for path in paths:
        if path.startswith("theme/"):
            assert HASHED.search(path), f"{path}: a theme file published without a hash of its bytes in its name"
        for accept in (None, "br"):  # the same whichever file is sent
            response = served.get("/" + path, accept_encoding=accept)
            assert response.status == 200, path
            assert response.header("Cache-Control") == expected, path
            assert not response.header("Last-Modified"), path  # the ETag revalidates; 46 bytes saved
            # What is revalidated has its ETag; what is kept a year needs none.
            assert bool(response.header("ETag")) == (expected == REVALIDATE), path


def test_a_revalidated_page_is_not_sent_again(served: Served) -> None:
    etag = served.get("/index.html").header("ETag")
    parts = urlsplit(served.url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.request("GET", "/index.html", headers={"If-None-Match": etag})
    response = connection.getresponse()
    assert response.status == 304
    connection.close()


def test_a_missing_hashed_name_is_not_cached_for_a_year(served: Served) -> None:
    stylesheet = served.files("theme/css/*.css")[0]
    missing = HASHED.sub(lambda m: "." + "0" * 12 + "." + m.group(1), stylesheet)
    assert missing != stylesheet and not (served.root / missing).exists()
    response = served.get("/" + missing)
    assert response.status == 404
    assert response.header("Cache-Control") == REVALIDATE


# --- security headers ----------------------------------------------------------------

def directives(policy: str) -> dict[str, list[str]]:
    parsed: dict[str, list[str]] = {}
    for part in policy.split(";"):
        name, *sources = part.split() or [""]
        if name:
            assert name.lower() not in parsed, f"{name} twice in {policy!r}"
            parsed[name.lower()] = sorted(sources)
    return parsed


def meta_policy(body: bytes) -> dict[str, list[str]]:
    meta = BeautifulSoup(body, "html.parser").find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta is not None, "the page has no CSP <meta>"
    return directives(meta["content"])


def assert_security_headers(response: Response) -> None:
    assert response.header("X-Content-Type-Options") == "nosniff"
    assert response.header("X-Frame-Options") == "DENY"
    assert response.header("Referrer-Policy") in ("strict-origin-when-cross-origin", "same-origin", "no-referrer")
    permissions = {item.strip() for item in (response.header("Permissions-Policy") or "").split(",")}
    assert {"camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"} <= permissions
    assert response.header("Server") == "nginx"  # server_tokens off: no version
    assert response.header("Content-Security-Policy")


@pytest.mark.parametrize("path, status", [
    ("/index.html", 200), ("/", 200), ("/search.html", 200), ("/search.html?q=halvorsen", 200),
    ("/no-such-page.html", 404), ("/theme/", 404),
])
def test_pages_carry_their_csp_as_a_header_with_frame_ancestors(served: Served, path: str, status: int) -> None:
    response = served.get(path)
    assert response.status == status
    assert_security_headers(response)
    header = directives(response.header("Content-Security-Policy"))
    expected = {**meta_policy(response.body), "frame-ancestors": ["'none'"]}
    assert header == expected
    wasm = "'wasm-unsafe-eval'" in header["script-src"]
    assert wasm == path.startswith("/search.html"), "only the search page may compile WebAssembly"


def test_the_search_works_under_these_headers(served: Served, browser) -> None:
    """In Chromium: results for a query, and nothing the headers blocked (CSP, Permissions-Policy)."""
    page = browser.new_page()
    problems: list[str] = []
    page.on("console", lambda message: problems.append(f"{message.type}: {message.text}")
            if message.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    try:
        page.goto(served.url + "search.html?q=Brightwater")
        page.locator(".search-result").first.wait_for(state="visible", timeout=10_000)
        results = page.locator(".search-title").all_inner_texts()
        page.goto(served.url + article_page(served))
        page.wait_for_load_state("load")
    finally:
        page.close()
    assert any("Brightwater" in title for title in results), results
    assert not problems, "\n".join(problems)


def test_an_article_page_carries_its_csp_as_a_header(served: Served) -> None:
    response = served.get("/" + article_page(served))
    assert_security_headers(response)
    assert directives(response.header("Content-Security-Policy")) == {
        **meta_policy(response.body), "frame-ancestors": ["'none'"]}


def test_documents_carry_the_document_policies_and_what_they_load_only_nosniff(served: Served) -> None:
    """CSP, framing, referrer and feature policies govern a document: every HTML response,
    nginx's own error pages included, carries them; a stylesheet, script, index file or data
    file a page loads carries only nosniff (the page's policies govern it)."""
    documents = ["/theme", "/../etc/passwd", "/" + article_page(served)]
    loaded = ["/" + served.files("theme/css/*.css")[0], "/" + served.files("theme/js/*.js")[0],
              "/" + served.files("theme/img/*.svg")[0], "/" + served.files("pagefind/fragment/*.pf_fragment")[0],
              "/pagefind/pagefind.js", "/" + NOTES_JSON]
    statuses = set()
    for path in documents:
        response = served.get(path, accept_encoding="br")
        statuses.add(response.status)
        assert response.header("Content-Type").startswith("text/html"), path
        assert_security_headers(response)
        assert directives(response.header("Content-Security-Policy"))["frame-ancestors"] == ["'none'"]
    assert statuses == {200, 301, 400}
    for path in loaded:
        response = served.get(path, accept_encoding="br")
        assert response.status == 200, path
        assert response.header("X-Content-Type-Options") == "nosniff", path
        for name in ("Content-Security-Policy", "X-Frame-Options", "Referrer-Policy", "Permissions-Policy"):
            assert response.header(name) is None, (path, name)


# --- the 404 page, folders, paths ----------------------------------------------------

@pytest.mark.parametrize("path", ["/no-such-page.html", "/entities/nobody.html", "/theme/", "/pagefind/",
                                  "/entities/", "/data/", "/theme/css/"])
def test_missing_files_and_folders_get_the_sites_404_page(served: Served, path: str) -> None:
    response = served.get(path)
    assert response.status == 404
    assert response.header("Content-Type") == "text/html; charset=utf-8"
    assert response.body == (served.root / "404.html").read_bytes()
    assert b"Index of" not in response.body


def test_the_404_page_is_compressed_too(served: Served) -> None:
    response = served.get("/no-such-page.html", accept_encoding="br")
    assert response.status == 404
    assert response.header("Content-Encoding") == "br"
    assert decoded(response) == (served.root / "404.html").read_bytes()


def test_a_folder_with_an_index_serves_it(served: Served) -> None:
    (served.root / "entities" / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    try:
        response = served.get("/entities/")
        assert response.status == 200
        assert response.body == (served.root / "entities" / "index.html").read_bytes()
    finally:
        (served.root / "entities" / "index.html").unlink()
    assert served.get("/").body == (served.root / "index.html").read_bytes()


def test_a_folder_without_a_slash_is_redirected_relatively(served: Served) -> None:
    response = served.get("/theme")
    assert response.status == 301
    assert response.header("Location") == "/theme/"


@pytest.mark.parametrize("path", ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                                  "/theme/..%2f..%2f..%2f..%2fetc/passwd", "/..%5c..%5cetc/passwd"])
def test_paths_cannot_leave_the_site(served: Served, path: str) -> None:
    response = served.get(path)
    assert response.status in (400, 404)
    assert b"root:" not in response.body


# --- content types -------------------------------------------------------------------

TYPES = {
    "*.html": ("text/html; charset=utf-8",),
    "theme/css/*.css": ("text/css; charset=utf-8",),
    "theme/js/*.js": ("application/javascript; charset=utf-8", "text/javascript; charset=utf-8"),
    "theme/img/*.svg": ("image/svg+xml; charset=utf-8", "image/svg+xml"),
    "*.atom": ("application/atom+xml; charset=utf-8",),
    "sitemap.xml": ("text/xml; charset=utf-8", "application/xml; charset=utf-8"),
    NOTES_JSON: ("application/json; charset=utf-8",),
    ANNOTATIONS_JSONLD: ("application/ld+json; charset=utf-8",),
    "pagefind/pagefind-entry.json": ("application/json; charset=utf-8",),
    "social.png": ("image/png",),
    "robots.txt": ("text/plain; charset=utf-8",),
    **{pattern: ("application/octet-stream",) for pattern in PAGEFIND_BINARY},
    WASM: ("application/wasm",),
}


@pytest.mark.parametrize("pattern", TYPES)
def test_content_types(served: Served, pattern: str) -> None:
    for path in served.files(pattern):
        for accept in (None, "br, gzip"):
            response = served.get("/" + path, accept_encoding=accept)
            assert response.status == 200, path
            assert response.header("Content-Type") in TYPES[pattern], path


# --- every internal link -------------------------------------------------------------

def links(page_url: str, soup: BeautifulSoup) -> list[str]:
    found = []
    for tag in soup.find_all(True):
        for attribute in ("href", "src", "action"):
            if tag.get(attribute) is not None:
                found.append(tag[attribute])
        if tag.get("srcset"):
            found += [candidate.split()[0] for candidate in tag["srcset"].split(",") if candidate.strip()]
        if tag.name == "meta" and (tag.get("property") in ("og:image", "og:url") or tag.get("name") == "twitter:image"):
            found.append(tag["content"])
    return [urljoin(page_url, link) for link in found]


def test_every_internal_link_resolves(served: Served) -> None:
    urls: dict[str, str] = {}  # path (with query) -> a page linking to it
    for page in served.files("**/*.html"):
        page_url = urljoin(served.url, page)
        for url in links(page_url, BeautifulSoup((served.root / page).read_bytes(), "html.parser")):
            parts = urlsplit(url)
            if parts.scheme in ("http", "https") and url.startswith(served.url):
                urls.setdefault(parts.path + (f"?{parts.query}" if parts.query else ""), page)
    assert len(urls) > 20, sorted(urls)
    broken = [f"{page}: {path} -> {status}" for path, page in sorted(urls.items())
              if (status := served.get(path).status) != 200]
    assert not broken, "\n".join(broken)


# --- the configuration and the runner ------------------------------------------------

def test_the_configuration_renders_every_placeholder_and_tests_clean(tmp_path: Path) -> None:
    require_nginx()
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<!doctype html>", encoding="utf-8")
    text = nginx.render(tmp_path / "site", 8123, tmp_path / "scratch")
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    assert not re.search(r"\$\{[A-Z]", body)
    assert "listen 127.0.0.1:8123;" in body and f'root "{tmp_path / "site"}";' in body
    assert "/var/" not in body
    run = nginx.prepare(tmp_path / "site", 8123, tmp_path / "scratch")  # raises on any nginx -t output
    assert run[-2:] == ["-g", "daemon off;"]


def test_a_path_nginx_would_misread_is_refused(tmp_path: Path) -> None:
    with pytest.raises(nginx.NginxError, match=r"\$"):
        nginx.render(tmp_path / "a$uri", 8123, tmp_path)


def test_without_nginx_the_runner_says_how_to_install_it(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(nginx, "BROTLI_MODULE", tmp_path / "no-such-module.so")
    (tmp_path / "index.html").write_text("<!doctype html>", encoding="utf-8")
    assert nginx.main(tmp_path, free_port(), tmp_path / "scratch") == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "apt-get install nginx libnginx-mod-http-brotli-static" in err
    assert "Traceback" not in err


def test_the_runner_stops_cleanly_on_sigterm(served: Served, tmp_path: Path) -> None:
    port = free_port()
    scratch = tmp_path / "scratch"
    process = subprocess.Popen([sys.executable, "-m", "explainer", "nginx", "--output", str(served.root),
                                "--port", str(port), "--scratch", str(scratch)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # The runner says its URL once `nginx -t` is done (which listens on the port too, for
        # a moment: a connection it accepted is reset when it exits), just before it becomes
        # nginx; from then on only refusals are waited out (nginx not listening yet), until
        # nginx answers a request.
        said = process.stdout.readline()
        assert said, process.communicate()
        deadline = time.monotonic() + 15
        while True:
            assert process.poll() is None, process.communicate()
            try:
                page = Served(served.root, f"http://127.0.0.1:{port}/").get("/index.html")
                break
            except ConnectionRefusedError:
                assert time.monotonic() < deadline, "nginx did not start"
                time.sleep(0.05)
        assert page.status == 200 and page.body == (served.root / "index.html").read_bytes()
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, err
    assert f"http://127.0.0.1:{port}/" in said + out
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", port))  # free again
    left = [p for p in Path("/proc").iterdir() if p.name.isdigit() and str(scratch) in _cmdline(p)]
    assert not left, "nginx processes left behind"


def _cmdline(process: Path) -> str:
    try:
        return (process / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""

"""Transfer weight: the bytes a reader's browser downloads from the published site (`make
publish`) served by nginx as in production (explainer/ops/nginx.conf), measured in Chromium.
`make weight` runs it after the static table of explainer/ops/weight.py; CI fails when a page is
over its budget. A measurement, not a test.

Measured, each in a fresh browser context (an empty cache: a first visit), until no request
has been in flight for half a second:
- each article page with everything it loads (stylesheet, scripts, icon): ARTICLE_BUDGET;
- the search page, then a first query (the first name the article links to) until its results
  show: search.js, pagefind.js and its worker, the wasm, the index chunk, the results'
  fragments: SEARCH_BUDGET.

Counted, per response: what Chromium received for it, response headers plus the body as sent
(compressed) -- CDP's Network.loadingFinished.encodedDataLength, read through Playwright's
`request.sizes()` (responseHeadersSize + responseBodySize). Checked against nginx's
`$bytes_sent`: equal to the byte for every request but one, below. Not counted: request
headers (~450 B a request, printed apart: the budgets are about the download; 14 KB is what a
server sends in TCP's first round trip, an initial window of 10 segments), TCP/IP and TLS
framing, and responses from the browser's memory cache (a second fetch of the icon: 0 bytes).

Chromium reports a dedicated worker's own script (pagefind-worker.js) with its headers only:
the body reaches the worker another way and never shows in encodedDataLength. Such a response
(200, no body reported) is fetched once more outside the browser with the Accept-Encoding
Chromium sent, and the length of its still-encoded body is counted (marked * in the table).

Brotli and gzip. Chromium sends `Accept-Encoding: gzip, deflate, br, zstd` only to secure
origins: https, and http://127.0.0.1 or localhost (potentially trustworthy); to a plain-http
LAN address it sends `gzip, deflate`. Over http://127.0.0.1 it therefore asks for br as it
does from the https site: that is the br case, Chromium's own header. The gzip case (a
browser or proxy without Brotli) is a context with `Accept-Encoding: gzip, deflate` as an
extra header (Playwright's extra_http_headers, CDP Network.setExtraHTTPHeaders): Chromium
sends it instead of its own, from the page and the worker alike, and decodes the answers.
What must be within the budgets: ENFORCED.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .browser import CHROMIUM, MISSING, chromium, free_port

ARTICLE_BUDGET = 14 * 1024  # bytes on the wire: an article page with all it loads
SEARCH_BUDGET = 100 * 1024  # the search page, plus a first query and its results
ENCODINGS = {"br": None, "gzip": "gzip, deflate"}  # None: Chromium's own Accept-Encoding
# The budgets `make weight` fails on, by encoding; the others are printed. The article page
# is held to 14 KB as Brotli, which every current browser asks for over HTTPS; gzip (a client
# without Brotli) is about 2.5 KB more and is reported. The search page with a first query is
# held to 100 KB as Brotli: Pagefind 1.5.2's own files are ~81 KB of it before a single result
# (its wasm 63 KB, pagefind.js 12 KB, an index chunk of ~3 KB at the chunk size build/search.py
# sets), the results shown ten at a time (a file each).
ENFORCED = {"article": ("br",), "search": ("br",)}
QUIET = 0.5  # seconds with no request in flight: the page is done loading
TIMEOUT = 15.0  # seconds for a page to load, or a query to show results
REQUIRE = "EXPLAINER_REQUIRE_NGINX"  # =1 (CI): a missing nginx or Chromium is a failure


class MeasureError(Exception):
    """The page did not work while measured (an error, a failed request, no results)."""


@dataclass(frozen=True)
class Transfer:
    path: str  # on the site, without the query (pagefind-entry.json?ts=... changes each time)
    status: int
    encoding: str  # Content-Encoding, "" for none
    headers: int  # response header bytes
    body: int  # body bytes as sent
    sent: int  # request header bytes (not counted)
    refetched: bool = False  # Chromium reported no body: measured by fetching it again

    @property
    def wire(self) -> int:
        return self.headers + self.body


def _transfer(request, base: str) -> Transfer | None:
    sizes, response = request.sizes(), request.response()
    headers, body = sizes["responseHeadersSize"], sizes["responseBodySize"]
    if headers + body <= 0:
        return None  # from the browser's memory cache: nothing on the wire
    refetched = False
    if body <= 0 and response.status == 200 and request.url.startswith(base):
        asked = request.header_value("accept-encoding")
        again = urllib.request.Request(request.url, headers={"Accept-Encoding": asked} if asked else {})
        with urllib.request.urlopen(again, timeout=TIMEOUT) as answer:  # not decoded by urllib
            body, refetched = len(answer.read()), True
    path = urlsplit(request.url).path.removeprefix("/") if request.url.startswith(base) else request.url
    return Transfer(path, response.status, response.header_value("content-encoding") or "", headers, body,
                    sizes["requestHeadersSize"], refetched)


def load(browser, base: str, page_path: str, accept_encoding: str | None, query: str | None = None,
         ) -> list[Transfer]:
    """Everything Chromium fetched for `page_path` (and, with `query`, for a search typed
    into it), in a fresh context. MeasureError if the page did not work."""
    context = browser.new_context(extra_http_headers={"Accept-Encoding": accept_encoding} if accept_encoding else None)
    page = context.new_page()
    in_flight, finished, problems = set(), [], []
    page.on("request", lambda r: in_flight.add(r))
    page.on("requestfinished", lambda r: (in_flight.discard(r), finished.append(r)))
    page.on("requestfailed", lambda r: (in_flight.discard(r), problems.append(f"{r.url}: {r.failure}")))
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("pageerror", lambda e: problems.append(str(e)))

    def quiet() -> None:
        deadline, since = time.monotonic() + TIMEOUT, time.monotonic()
        while time.monotonic() < deadline:
            page.wait_for_timeout(50)
            if in_flight:
                since = time.monotonic()
            elif time.monotonic() - since >= QUIET:
                return
        problems.append(f"still loading after {TIMEOUT:.0f} s: {sorted(r.url for r in in_flight)}")

    try:
        page.goto(base + page_path, timeout=TIMEOUT * 1000)
        quiet()
        if query:
            page.fill("#search-q", query)
            try:
                page.locator(".search-result").first.wait_for(state="visible", timeout=TIMEOUT * 1000)
            except Exception:  # Playwright's TimeoutError
                problems.append(f"no results for {query!r}: {page.locator('#search-status').inner_text()!r}")
            quiet()
        transfers = [t for t in (_transfer(r, base) for r in finished) if t]
    finally:
        context.close()
    problems += [f"left the site: {t.path}" for t in transfers if t.path.startswith(("http:", "https:"))]
    if problems:
        raise MeasureError(f"{page_path} ({accept_encoding or 'Chromium own Accept-Encoding'}): " + "; ".join(problems))
    return transfers


def first_name(browser, base: str, page_path: str) -> str:
    """The text of the first entity link in the article: a name a reader would search for."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(base + page_path, timeout=TIMEOUT * 1000)
        return page.locator('main a[data-card^="entity-"]').first.inner_text().strip()
    finally:
        context.close()


def table(title: str, runs: dict[str, list[Transfer]], budget: int, enforced: tuple[str, ...]) -> tuple[list[str], bool]:
    """Lines of the report of one page in each encoding, and whether it is within budget in
    the encodings `enforced` (the others are reported)."""
    paths = list(dict.fromkeys(t.path for transfers in runs.values() for t in transfers))
    lines = [title, "  " + "".join(f"{name + ' bytes':>10} {'as':<8}" for name in runs) + "file"]
    for path in paths:
        cells = []
        for transfers in runs.values():
            mine = [t for t in transfers if t.path == path]
            wire = sum(t.wire for t in mine)
            mark = ("*" if any(t.refetched for t in mine) else " ") + (f"x{len(mine)}" if len(mine) > 1 else "")
            encoding = "/".join(sorted({t.encoding or "-" for t in mine})) if mine else ""
            cells.append(f"{wire:>10,}{mark:<3}{encoding:<6}" if mine else f"{'':>10}{'':<9}")
        lines.append("  " + "".join(cells) + path)
    totals = {name: sum(t.wire for t in transfers) for name, transfers in runs.items()}
    lines.append("  " + "".join(f"{total:>10,} {'':<8}" for total in totals.values())
                 + f"total, budget {budget:,} B ({len(paths)} files)")
    for name, transfers in runs.items():
        lines.append(f"  {name}: {len(transfers)} responses, {sum(t.headers for t in transfers):,} B of it their "
                     f"headers; request headers sent besides (not counted): {sum(t.sent for t in transfers):,} B")
    within = True
    for name, total in totals.items():
        if total > budget:
            lines.append(f"  over the budget with {name} by {total - budget:,} bytes"
                         + ("" if name in enforced else " (reported, not enforced: see ENFORCED)"))
            within &= name not in enforced
    pagefind = {name: sum(t.wire for t in transfers if t.path.startswith("pagefind/") and "fragment/" not in t.path)
                for name, transfers in runs.items()}
    if any(pagefind.values()):
        lines.append("  Pagefind's own files before any result (pagefind.js, its wasm, index chunk, meta, entry, "
                     "kinds): " + ", ".join(f"{v:,} B {name}" for name, v in pagefind.items()))
    if any(t.refetched for transfers in runs.values() for t in transfers):
        lines.append("  * Chromium reports a worker's own script without its body: fetched again to count it")
    if "br" in runs and not any(t.encoding == "br" for t in runs["br"]):
        lines.append("  note: nothing came Brotli-compressed (no .br files beside the published files?)")
    return lines, within


def measure(browser, base: str, articles: list[str]) -> bool:
    """Print the tables of each article page and of the search page with a first query, in
    both encodings; whether all are within their budgets."""
    print(f"\nBytes on the wire, Chromium over nginx ({base}, make publish): response headers + body as "
          "sent; br = Chromium's own Accept-Encoding, gzip = 'gzip, deflate'")
    within = True
    for article in articles:
        runs = {name: load(browser, base, article, header) for name, header in ENCODINGS.items()}
        lines, ok = table(f"{article} with all it loads", runs, ARTICLE_BUDGET, ENFORCED["article"])
        print("\n".join(lines))
        within &= ok
    if articles:
        query = first_name(browser, base, articles[0])
        runs = {name: load(browser, base, "search.html", header, query) for name, header in ENCODINGS.items()}
        lines, ok = table(f"search.html, then a search for {query!r} until its results show", runs, SEARCH_BUDGET,
                          ENFORCED["search"])
        print("\n".join(lines))
        within &= ok
    return within


def _skip(reason: str) -> int:
    if os.environ.get(REQUIRE) == "1":
        print(f"error: {reason} ({REQUIRE}=1: the transfer budgets must be measured)", file=sys.stderr)
        return 1
    print(f"transfer weight skipped: {reason}")
    return 0


def main(content: Path, settings: Path, static: Callable[[Path], int] = lambda site: 0) -> int:
    """`make weight`: publish into a scratch folder with SITEURL at a free port; `static`
    weighs its files as published (explainer/ops/weight.py's table: what readers are sent, not
    the development build with its comments); then serve it with nginx there, measure in
    Chromium, print, stop. 1 when over a budget."""
    from .nginx import NginxError, NginxMissing, article_pages, find_nginx, publish_for, serving

    port = free_port()
    with tempfile.TemporaryDirectory(prefix="explainer-weight-") as folder:
        site = publish_for(content, settings, port, Path(folder))
        if site is None:
            print("error: the publish build for the page weight failed", file=sys.stderr)
            return 1
        over = static(site)
        try:
            find_nginx()
        except NginxMissing as error:
            return max(over, _skip(str(error)))
        if not CHROMIUM.exists():
            return max(over, _skip(MISSING))
        if importlib.util.find_spec("playwright") is None:  # chromium() drives it
            return max(over, _skip("Playwright is not installed (it comes with the test dependencies: make venv)"))
        articles = article_pages(site)
        try:
            with serving(site, port) as base, chromium() as browser:
                within = measure(browser, base, articles)
        except (NginxMissing, NginxError, MeasureError) as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
    return max(over, 0 if within else 1)

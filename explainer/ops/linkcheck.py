"""`make linkcheck`: are the links to other sites still alive? (The source article's URL, and
anything authors link to.) It needs the network, so it is never part of `make html` or
`make test`; links inside the site are checked by the tests instead."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path

TIMEOUT = 15  # seconds per request
AGENT = "explainer-linkcheck/1 (+https://github.com/)"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href") if tag == "a" else None
        if href and href.startswith(("http://", "https://")):
            self.urls.append(href.split("#", 1)[0])


def external_links(output: Path) -> dict[str, list[str]]:
    """Each outside URL, with the pages that link to it."""
    found: dict[str, list[str]] = defaultdict(list)
    for page in sorted(output.rglob("*.html")):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for url in dict.fromkeys(parser.urls):
            found[url].append(page.relative_to(output).as_posix())
    return dict(found)


def status(url: str) -> str | None:
    """None when the link works, else what is wrong with it."""
    for method in ("HEAD", "GET"):  # some servers refuse HEAD
        request = urllib.request.Request(url, method=method, headers={"User-Agent": AGENT})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT):
                return None
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue
            return f"HTTP {error.code} {error.reason}"
        except (urllib.error.URLError, OSError) as error:
            return f"unreachable ({getattr(error, 'reason', error)})"
    return None


def linkcheck(output: Path) -> int:
    links = external_links(output)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = dict(zip(links, pool.map(status, links)))
    broken = {url: problem for url, problem in results.items() if problem}
    for url, problem in sorted(broken.items()):
        for page in links[url]:
            print(f"{page}: {url}: {problem}")
    print(f"{len(links)} outside link{'s' if len(links) != 1 else ''} checked, {len(broken)} broken.")
    return 1 if broken else 0

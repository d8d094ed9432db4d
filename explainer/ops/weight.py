"""Page weight: a built page and everything it loads (stylesheets, scripts, images, icons),
uncompressed and gzipped. `make weight` runs it on a fresh `make publish` (the minified files
readers are sent, explainer/ops/wire_weight.py); it is a measurement, not a test.

Search files loaded only when a reader searches are not counted (none are referenced).
"""

from __future__ import annotations

import gzip
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

BUDGET = 60 * 1024  # bytes, uncompressed: the article page with all it loads
TARGET_GZIP = 14 * 1024  # one TCP initial window


class _Loads(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "link" and a.get("href") and set((a.get("rel") or "").split()) & {"stylesheet", "icon", "preload"}:
            self.urls.append(a["href"] or "")
        elif tag in ("script", "img", "source", "iframe") and a.get("src"):
            self.urls.append(a["src"] or "")


def page_weight(output: Path, page: str) -> list[tuple[str, int, int]]:
    """(file, bytes, gzipped bytes) of the page and each file it loads."""
    parser = _Loads()
    parser.feed((output / page).read_text(encoding="utf-8"))
    files = [page]
    for url in parser.urls:
        path = urlsplit(urljoin("http://site/" + page, url)).path.lstrip("/")
        if path not in files:
            files.append(path)
    rows = []
    for name in files:
        data = (output / name).read_bytes()
        rows.append((name, len(data), len(gzip.compress(data, compresslevel=9, mtime=0))))
    return rows


def report(output: Path, page: str) -> int:
    rows = page_weight(output, page)
    for name, size, packed in rows:
        print(f"{size:>8,} B {packed:>7,} B gz  {name}")
    total, total_gz = sum(r[1] for r in rows), sum(r[2] for r in rows)
    print(f"{total:>8,} B {total_gz:>7,} B gz  total ({len(rows)} files); budget {BUDGET:,} B, "
          f"gzip target {TARGET_GZIP:,} B")
    if total > BUDGET:
        print(f"over the page-weight budget by {total - BUDGET:,} bytes")
        return 1
    return 0

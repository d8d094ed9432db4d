"""The browser and the ports the operations tools and the tests use: Debian's Chromium,
driven by Playwright (never `playwright install`, which downloads a browser), and a free
port on 127.0.0.1 to serve a site on."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

# Debian's chromium package (apt-get install chromium); /usr/bin/chromium is a shell wrapper
# around it that prints a warning of its own.
CHROMIUM = Path("/usr/lib/chromium/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"]
MISSING = f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium)"


@contextmanager
def chromium() -> Iterator[Any]:
    """Chromium, headless, for as long as the block runs (a Playwright Browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()


def free_port(host: str = "127.0.0.1") -> int:
    """A port on `host` nobody listens on now (the system's pick)."""
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]

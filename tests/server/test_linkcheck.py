"""`make linkcheck` against a server on 127.0.0.1: a dead outside link is reported, a live one is
not. The command runs from a scratch folder on pages written here (never the demo's)."""

from __future__ import annotations

import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

pytestmark = pytest.mark.server


class _Server(BaseHTTPRequestHandler):
    def do_HEAD(self):  # noqa: N802 - http.server's naming
        if self.path == "/no-head":
            self.send_response(405)
        else:
            self.send_response(200 if self.path == "/alive" else 404)
        self.end_headers()

    def do_GET(self):  # noqa: N802
        self.send_response(200 if self.path in ("/alive", "/no-head") else 404)
        self.end_headers()

    def log_message(self, format, *args):  # noqa: A002
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Server)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def run(output: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "explainer", "linkcheck", "--output", str(output)],
                          capture_output=True, text=True, cwd=output, timeout=120)


def site(tmp_path: Path, *urls: str) -> Path:
    (tmp_path / "sub").mkdir(parents=True)
    links = "".join(f'<a href="{url}">x</a>' for url in urls)
    (tmp_path / "index.html").write_text(f"<p>{links}<a href='sub/page.html'>inside</a></p>", encoding="utf-8")
    (tmp_path / "sub" / "page.html").write_text(f'<a href="{urls[0]}#part">again</a>', encoding="utf-8")
    return tmp_path


def test_a_dead_link_is_reported_with_its_pages(tmp_path: Path, server: str):
    result = run(site(tmp_path, f"{server}/alive", f"{server}/gone", f"{server}/no-head"))
    assert result.returncode == 1
    assert f"index.html: {server}/gone: HTTP 404" in result.stdout
    assert "/alive:" not in result.stdout and "/no-head:" not in result.stdout
    assert "3 outside links checked, 1 broken." in result.stdout


def test_live_links_pass(tmp_path: Path, server: str):
    result = run(site(tmp_path, f"{server}/alive"))
    assert result.returncode == 0, result.stdout
    assert "1 outside link checked, 0 broken." in result.stdout

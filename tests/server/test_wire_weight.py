"""The transfer-weight measurement itself (explainer/wire_weight.py): it counts every file a page
loads, a worker's own script included (which Chromium reports without its body), and reports
a page over its budget. A tiny site over Python's http.server (no nginx, no compression), in
Chromium. The site's budgets are checked by `make weight` (CI), never here."""

from __future__ import annotations

import functools
import secrets
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from explainer.ops import wire_weight


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass


@pytest.fixture(scope="module")
def tiny_site(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("tiny")
    (root / "index.html").write_text(
        '<!doctype html><title>t</title><link rel="icon" href="data:,">'
        '<script src="big.js"></script><script>new Worker("worker.js")</script>', encoding="utf-8")
    (root / "big.js").write_text(f'window.big = "{secrets.token_hex(30_000)}";', encoding="utf-8")
    (root / "worker.js").write_text(f'const w = "{secrets.token_hex(5_000)}"; postMessage(w.length);',
                                    encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_every_file_is_counted_with_its_body_and_headers(browser, tiny_site):
    root, base = tiny_site
    transfers = {t.path: t for t in wire_weight.load(browser, base, "index.html", None)}
    assert set(transfers) == {"index.html", "big.js", "worker.js"}
    for path, transfer in transfers.items():
        assert transfer.body == (root / path).stat().st_size, path
        assert 100 < transfer.headers < 1000, path
    assert transfers["worker.js"].refetched and not transfers["big.js"].refetched


def test_a_page_over_its_budget_is_reported_so(browser, tiny_site):
    _, base = tiny_site
    runs = {name: wire_weight.load(browser, base, "index.html", header)
            for name, header in wire_weight.ENCODINGS.items()}
    lines, within = wire_weight.table("index.html", runs, budget=50_000, enforced=("br",))
    assert not within
    assert any(line.startswith("  over the budget with br by ") for line in lines)
    assert wire_weight.table("index.html", runs, budget=200_000, enforced=("br",))[1]
    lines, within = wire_weight.table("index.html", runs, budget=50_000, enforced=())
    assert within and any("reported, not enforced" in line for line in lines)  # a budget only reported

"""The transfer-weight measurement itself (explainer/ops/wire_weight.py): it counts every file a
page loads, a worker's own script included (which Chromium reports without its body), and
reports a page over its budget: a tiny site over Python's http.server (no nginx, no
compression), in Chromium. Then the `make weight` gate as CI runs it (`python -m explainer
weight`: the static table of explainer/ops/weight.py, then the bytes on the wire through nginx
in Chromium) on the fixture site, with budgets set for the test: its exit status fails a page
over a budget and passes one within. The site's own budgets are checked by `make weight`
(CI), never here."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from explainer.ops import wire_weight
from explainer.ops.browser import CHROMIUM, MISSING
from support import copy_project, http_server, require_nginx

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def tiny_site(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("tiny")
    (root / "index.html").write_text(
        '<!doctype html><title>t</title><link rel="icon" href="data:,">'
        '<script src="big.js"></script><script>new Worker("worker.js")</script>', encoding="utf-8")
    (root / "big.js").write_text(f'window.big = "{secrets.token_hex(30_000)}";', encoding="utf-8")
    (root / "worker.js").write_text(f'const w = "{secrets.token_hex(5_000)}"; postMessage(w.length);',
                                    encoding="utf-8")
    with http_server(root) as url:
        yield root, url


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


# --- the `make weight` gate ---------------------------------------------------------------

# `python -m explainer weight ARGS` with the budgets the test sets: the static table's
# (weight.BUDGET) and the article page's on the wire (wire_weight.ARTICLE_BUDGET).
GATE = """
import sys
from explainer.ops import weight, wire_weight
weight.BUDGET, wire_weight.ARTICLE_BUDGET = int(sys.argv[1]), int(sys.argv[2])
from explainer.__main__ import main
sys.exit(main(["weight", *sys.argv[3:]]))
"""
AMPLE = 10_000_000  # bytes: a budget any page is within
TIGHT = 1_000  # bytes: less than any article page with its stylesheet
OVER_STATIC = re.compile(r"^over the page-weight budget by [\d,]+ bytes$", re.MULTILINE)
OVER_WIRE = re.compile(r"^  over the budget with br by [\d,]+ bytes$", re.MULTILINE)  # enforced: no "(reported"


def make_weight(project: Path, static_budget: int, wire_budget: int, *args: str) -> subprocess.CompletedProcess[str]:
    """`make weight` on `project` (a publish of its content with publishconf.py), those budgets
    set; a missing nginx or Chromium is an error, not a skip (as in CI)."""
    return subprocess.run([sys.executable, "-c", GATE, str(static_budget), str(wire_budget), *args],
                          cwd=project, capture_output=True, text=True, timeout=600,
                          env={**os.environ, wire_weight.REQUIRE: "1"})


@pytest.fixture(scope="module")
def gate_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_nginx()
    if not CHROMIUM.exists():
        if os.environ.get("EXPLAINER_REQUIRE_BROWSER") == "1":
            pytest.fail(MISSING)
        pytest.skip(MISSING)
    return copy_project(tmp_path_factory.mktemp("weight") / "project")


@pytest.mark.browser  # Chromium, launched by the command (not the session's)
@pytest.mark.slow  # a publish of the site for each case
@pytest.mark.parametrize("static_budget, wire_budget, status, over", [
    (AMPLE, AMPLE, 0, None),
    (AMPLE, TIGHT, 1, OVER_WIRE),
    (TIGHT, AMPLE, 1, OVER_STATIC),
], ids=["within", "over-on-the-wire", "over-as-published"])
def test_make_weight_fails_a_page_over_a_budget_and_passes_one_within(
        gate_project: Path, static_budget: int, wire_budget: int, status: int, over: re.Pattern | None):
    result = make_weight(gate_project, static_budget, wire_budget)
    assert result.returncode == status, result.stdout + result.stderr
    # Both gates ran, each against the budget set here.
    assert re.search(rf"total \(\d+ files\); budget {static_budget:,} B", result.stdout), result.stdout
    assert re.search(rf"^\S+\.html with all it loads\n(.*\n)*?.*total, budget {wire_budget:,} B ",
                     result.stdout, re.MULTILINE), result.stdout
    for gate in (OVER_STATIC, OVER_WIRE):
        assert bool(gate.search(result.stdout)) == (gate is over), result.stdout


@pytest.mark.parametrize("budget, status", [(AMPLE, 0), (TIGHT, 1)], ids=["within", "over"])
def test_the_static_gate_alone_fails_a_page_over_its_budget(published: Path, budget: int, status: int):
    """`make weight`'s first table alone (--static-only), on a site published already."""
    result = subprocess.run([sys.executable, "-c", GATE, str(budget), str(AMPLE), "--static-only",
                             "--output", str(published)], capture_output=True, text=True, timeout=120)
    assert result.returncode == status, result.stdout + result.stderr
    assert f"budget {budget:,} B" in result.stdout
    assert bool(OVER_STATIC.search(result.stdout)) == bool(status), result.stdout

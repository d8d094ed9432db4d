"""`make audit`: Lighthouse over every page type of a fresh publish served by nginx, on a
phone and on a desktop, printed as a table of the four category scores, then each audit that
failed (a report like `make weight`, not a test).

Lighthouse is pinned in explainer/ops/audit/package-lock.json (12.2.3: newer ones need Node
22) and installed with `npm ci` into the user's cache ($XDG_CACHE_HOME/explainer/lighthouse-
<lock's hash>) the first time, never into the project; it drives Debian's Chromium.
../shared TOOLS.md: about 20 s a page; with Chromium 156 a few diagnostics error on a trace
format mismatch, which leaves the four scores as they are (such an audit is listed as an error,
not as failed)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .browser import CHROMIUM
from .wire_weight import free_port

PACKAGE = Path(__file__).parent / "audit"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
MODES = {"mobile": [], "desktop": ["--preset=desktop"]}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run"


@dataclass
class Result:
    page: str
    mode: str
    scores: dict[str, int | None]
    failed: list[str]
    errors: list[str]


def page_types(site: Path) -> dict[str, str]:
    """One page of each type the site has, by type: the home page, an article, an entity, each
    page made from the notes, the search page with a query, and the 404 page."""
    pages = {"home": ""}
    from .nginx import article_pages

    articles = article_pages(site)
    if articles:
        pages["article"] = articles[0]
    entities = sorted((site / "entities").glob("*.html"))
    if entities:
        pages["entity"] = f"entities/{entities[0].name}"
    for name in ("entities", "glossary", "timeline", "figures", "editors-notes", "articles"):
        if (site / f"{name}.html").is_file():
            pages[name] = f"{name}.html"
    pages["search"] = "search.html?q=a"
    pages["404"] = "404.html"
    return pages


def lighthouse() -> Path:
    """The pinned Lighthouse's command, installed once into the user's cache."""
    lock = (PACKAGE / "package-lock.json").read_bytes()
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "explainer"
    folder = base / f"lighthouse-{hashlib.sha256(lock).hexdigest()[:12]}"
    command = folder / "node_modules" / ".bin" / "lighthouse"
    if not command.exists():
        base.mkdir(parents=True, exist_ok=True)  # the scratch folder beside its place: one rename puts it there
        scratch = Path(tempfile.mkdtemp(prefix="lighthouse-", dir=base))
        for name in ("package.json", "package-lock.json"):
            shutil.copyfile(PACKAGE / name, scratch / name)
        print("make audit: installing Lighthouse 12.2.3 (npm ci, once) ...", file=sys.stderr)
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=scratch, check=True)
        scratch.rename(folder)  # whole or not at all
    return command


def audit(command: Path, url: str, mode: str, report: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    subprocess.run([str(command), url, "--quiet", "--output=json", f"--output-path={report}",
                    f"--chrome-flags={CHROME_FLAGS}", *MODES[mode]], env=env, check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=300)
    return json.loads(report.read_text(encoding="utf-8")) if report.is_file() else {}


def result(page: str, mode: str, data: dict) -> Result:
    categories = data.get("categories", {})
    scores = {c: (round(categories[c]["score"] * 100) if categories.get(c, {}).get("score") is not None else None)
              for c in CATEGORIES}
    failed, errors = [], []
    for audit_id, found in sorted(data.get("audits", {}).items()):
        mode_of = found.get("scoreDisplayMode")
        if mode_of == "error":
            errors.append(audit_id)
        elif mode_of in ("binary", "numeric", "metricSavings") and found.get("score") is not None and found["score"] < 1:
            failed.append(f"{audit_id} ({found.get('displayValue') or round(found['score'] * 100)})")
    return Result(page, mode, scores, failed, errors)


def table(results: list[Result]) -> list[str]:
    head = f"{'page':<14} {'mode':<8} " + " ".join(f"{c[:13]:>13}" for c in CATEGORIES)
    lines = [head, "-" * len(head)]
    for r in results:
        lines.append(f"{r.page:<14} {r.mode:<8} " + " ".join(f"{'n/a' if v is None else v:>13}" for v in r.scores.values()))
    lines.append("")
    for r in results:
        if r.failed:
            lines.append(f"{r.page} ({r.mode}) failed: " + ", ".join(r.failed))
    errored = sorted({e for r in results for e in r.errors})
    if errored:
        lines.append("errored in Lighthouse itself (not scored): " + ", ".join(errored))
    return lines


def main(content: Path, settings: Path) -> int:
    from .nginx import NginxError, NginxMissing, find_nginx, publish_for, serving

    if not CHROMIUM.exists() or shutil.which("npm") is None:
        print("make audit needs Chromium and npm (apt-get install chromium npm)", file=sys.stderr)
        return 1
    try:
        find_nginx()
    except NginxMissing as error:
        print(f"make audit: {error}", file=sys.stderr)
        return 1
    command = lighthouse()
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="explainer-audit-") as folder:
        site = publish_for(content, settings, port, Path(folder))
        if site is None:
            return 1
        results, stopped = [], False
        try:
            with serving(site, port) as base:
                for name, path in page_types(site).items():
                    for mode in MODES:
                        data = audit(command, base + path, mode, Path(folder) / f"{name}-{mode}.json")
                        results.append(result(name, mode, data))
                        print(f"  {name} ({mode}) audited", file=sys.stderr)
        except NginxError as error:  # what was audited before is still reported
            print(f"make audit: {error}", file=sys.stderr)
            stopped = True
    print("\n".join(table(results)))
    return 1 if stopped else 0

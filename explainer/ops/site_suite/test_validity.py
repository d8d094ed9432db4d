"""Every built page is valid HTML: 0 errors from the W3C Nu HTML checker, for `make html` and
`make publish` alike.

The checker is the npm package vnu-jar, pinned exactly in package.json and package-lock.json;
`make test` installs it into node_modules/ (npm ci) and it runs on the machine's Java (17 or
newer). One run checks a whole folder: starting the JVM is most of its few seconds. Without
Java or vnu.jar these tests are skipped with the reason; EXPLAINER_REQUIRE_VNU=1 (CI, .ci/run)
turns that skip into a failure. Warnings are not held to 0 (several are the checker's own
guesses about pages read from disk, such as the CSP of a file: URL).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

pytestmark = pytest.mark.slow  # the Nu checker starts a JVM: a few seconds a run

# The checker's jar as `make test` installs it (npm ci, package-lock.json) in the folder make
# runs in: the site's own, or the generator's repository; EXPLAINER_VNU_JAR names another.
VNU_JAR = Path(os.environ.get("EXPLAINER_VNU_JAR", "node_modules/vnu-jar/build/dist/vnu.jar")).resolve()


def require_vnu() -> list[str]:
    """The checker's command, or a skip (a failure where EXPLAINER_REQUIRE_VNU=1: CI)."""
    java = shutil.which("java")
    if java is None:
        reason = ("java not found: install a Java runtime, 17 or newer (apt-get install default-jre-headless), "
                  "to check that the pages are valid HTML")
    elif not VNU_JAR.is_file():
        reason = f"{VNU_JAR} not found: `make test` installs it (npm ci, from package-lock.json)"
    else:
        return [java, "-jar", str(VNU_JAR)]
    if os.environ.get("EXPLAINER_REQUIRE_VNU") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


@dataclass(frozen=True)
class Checked:
    pages: list[str]   # what the checker read, relative to the folder, sorted
    errors: list[str]  # "path:line: message", in the checker's order


def check_folder(folder: Path) -> Checked:
    """One run of the checker over every HTML file in `folder`, errors only."""
    folder = folder.resolve()
    run = subprocess.run([*require_vnu(), "--errors-only", "--skip-non-html", "--format", "json", "--verbose",
                          str(folder)], capture_output=True, text=True, timeout=600)
    # --verbose names each file on stdout as it is read; the JSON report goes to stderr,
    # possibly after a line from the JVM (such as "Picked up JAVA_TOOL_OPTIONS").
    start = run.stderr.find('{"')
    try:
        report, _ = json.JSONDecoder().raw_decode(run.stderr[start:]) if start >= 0 else (None, 0)
    except json.JSONDecodeError:
        report = None
    if not isinstance(report, dict) or "messages" not in report:
        pytest.fail(f"no report from the checker (exit {run.returncode}):\n{run.stderr}{run.stdout}")

    def relative(path: str) -> str:
        return Path(path).resolve().relative_to(folder).as_posix()

    errors = [  # --errors-only leaves "error" and "non-document-error" (a file it could not read)
        f"{relative(unquote(urlparse(m['url']).path)) if m.get('url') else folder}:{m.get('lastLine', 0)}: "
        f"{m.get('message', m)}"
        for m in report["messages"] if m.get("type") != "info"
    ]
    return Checked(sorted(relative(line) for line in run.stdout.splitlines() if line.strip()), errors)


def assert_valid(folder: Path) -> None:
    pages = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html"))
    assert {"index.html", "404.html", "glossary.html"} <= set(pages), pages  # a built site, not an empty folder
    checked = check_folder(folder)
    assert checked.pages == pages, "the checker did not read every page"
    assert not checked.errors, (f"{len(checked.errors)} HTML errors from the W3C Nu checker in {folder}:\n"
                                + "\n".join(checked.errors))


PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>A figure</title></head>
<body>
<figure>
{body}
</figure>
</body>
</html>
"""
PICTURE = '<svg role="img" aria-label="Two companies" viewBox="0 0 10 10"><title>Two companies</title></svg>'
TABLE = "<table><tr><th>Stake</th><td>15%</td></tr></table>"
CAPTION = "<figcaption>Who owns how much of whom.</figcaption>"


def test_the_checker_reports_an_invalid_page_at_its_line(tmp_path: Path):
    """What the harness reads is what the checker found: the error we had (a figure's picture,
    its figcaption, then a table: a figcaption goes first or last) is reported at its line; the
    same figure with the caption last is valid."""
    (tmp_path / "caption-between.html").write_text(PAGE.format(body=f"{PICTURE}\n{CAPTION}\n{TABLE}"), encoding="utf-8")
    (tmp_path / "caption-last.html").write_text(PAGE.format(body=f"{PICTURE}\n{TABLE}\n{CAPTION}"), encoding="utf-8")
    checked = check_folder(tmp_path)
    assert checked.pages == ["caption-between.html", "caption-last.html"]
    assert len(checked.errors) == 1, checked.errors
    assert checked.errors[0].startswith('caption-between.html:8: Element “table” not allowed as child of element “figure”')


def test_every_page_of_the_site_is_valid_html(site: Path):
    assert_valid(site)


def test_every_page_of_the_published_site_is_valid_html(published: Path):
    """`make publish`: absolute URLs, hashed asset names, the search page's production scripts."""
    assert_valid(published)

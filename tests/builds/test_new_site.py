"""`make new-site`: a new explainer site in its own folder, using the generator without copying
it (the generator pinned to a commit in the site's requirements.lock, its targets included from
the installed package), nothing of the demo in it; refusals write nothing; `make upgrade`
moves the pin. The site is built here with this environment's generator (PY=, SITE_MK=): a
fresh install of a site from its pins is what .ci/run does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from support import FIXTURES, ROOT, run_here, snapshot

STORY = FIXTURES / "stories" / "estuary-crossing.txt"
HERE = {"PY": sys.executable, "SITE_MK": str(ROOT / "explainer" / "ops" / "site" / "site.mk")}


def make(site: Path, *targets: str, env: dict[str, str] | None = None, **variables: str,
         ) -> subprocess.CompletedProcess[str]:
    """make in the site, with this environment's Python and generator (no install)."""
    assignments = [f"{k}={v}" for k, v in {**HERE, **variables}.items()]
    return subprocess.run(["make", "--no-print-directory", "-C", str(site), *targets, *assignments],
                          capture_output=True, text=True,
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})})


def test_a_new_site_has_its_story_its_settings_and_the_generator_pinned_not_copied(tmp_path: Path):
    result = run_here(tmp_path, "new-site", "story-site", str(STORY), "--id", "crossing")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "story-site"
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert files == [".gitignore", "Makefile", "README.md", "content/404.md", "content/articles/crossing/article.md",
                     "content/articles/crossing/source.txt", "content/index.md", "content/notes-drafts/crossing.yaml",
                     "package-lock.json", "package.json", "pelicanconf.py", "publishconf.py", "requirements.lock"]
    assert (site / "content/articles/crossing/source.txt").read_bytes() == STORY.read_bytes()
    assert not any(p.suffix == ".py" and p.name not in ("pelicanconf.py", "publishconf.py") for p in site.rglob("*"))
    lock = (site / "requirements.lock").read_text(encoding="utf-8").splitlines()
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    requirement, *pins = [line for line in lock if not line.startswith("#")]
    assert requirement == f"explainer[test] @ git+file://localhost{ROOT}@{head}"
    generator_lock = subprocess.run(["git", "show", f"{head}:requirements.lock"], cwd=ROOT, capture_output=True,
                                    text=True).stdout
    assert pins == [line for line in generator_lock.splitlines() if line and not line.startswith("#")]
    settings = (site / "pelicanconf.py").read_text(encoding="utf-8")
    headline = STORY.read_text(encoding="utf-8").splitlines()[0]
    assert f'SITENAME = "{headline}, explained"' in settings
    assert "Nissan" not in "".join(p.read_text(encoding="utf-8") for p in site.rglob("*") if p.suffix in (".md", ".py"))


@pytest.mark.slow
def test_the_new_site_builds_with_the_generators_targets_and_says_which_generator_built_it(tmp_path: Path):
    assert run_here(tmp_path, "new-site", "site", str(STORY)).returncode == 0
    site = tmp_path / "site"
    built = make(site, "html")
    assert built.returncode == 0, built.stdout + built.stderr
    output = site / "output"
    pages = {p.name: p.read_text(encoding="utf-8") for p in output.rglob("*.html")}
    assert {"index.html", "404.html", "search.html"} <= set(pages)
    for name, html in pages.items():
        assert "Nissan" not in html and "Renault" not in html, name
        assert '<meta name="generator" content="explainer ' in html, name
    notes = json.loads((output / "data" / "notes.json").read_text(encoding="utf-8"))
    assert notes["generator"].startswith("explainer ")
    todo = make(site, "todo")
    assert "content/notes-drafts/" in todo.stdout + todo.stderr
    refused = make(site, "publish")
    assert refused.returncode != 0 and "set PUBLISH_URL in pelicanconf.py" in refused.stderr
    settings = site / "pelicanconf.py"  # an address written with its trailing slash, as addresses often are
    settings.write_text(settings.read_text(encoding="utf-8").replace('PUBLISH_URL = ""', 'PUBLISH_URL = "https://example.org/news/"'),
                        encoding="utf-8")
    refused = make(site, "publish")  # refused for what is unfinished only: Pelican starts, the address is taken
    assert refused.returncode != 0 and "unfinished; make html still builds the site" in refused.stderr
    assert "Pelican could not start" not in refused.stderr and "SITEURL" not in refused.stderr
    assert make(site, "help").stdout.count("make upgrade") == 1


@pytest.mark.slow
def test_a_sites_own_template_overrides_the_generators_and_its_settings_are_its_own(tmp_path: Path):
    from explainer.build.settings import THEME

    assert run_here(tmp_path, "new-site", "site", str(STORY)).returncode == 0
    site = tmp_path / "site"
    settings = site / "pelicanconf.py"
    settings.write_text(settings.read_text(encoding="utf-8").replace('SITE_PUBLISHER = ""',
                                                                     'SITE_PUBLISHER = "Kestrel Gazette"'))
    (site / "theme" / "templates").mkdir(parents=True)
    home = (Path(THEME) / "templates" / "home.html").read_text(encoding="utf-8")
    assert "{% block content %}" in home
    (site / "theme" / "templates" / "home.html").write_text(
        home.replace("{% block content %}", "{% block content %}<p class=\"ours\">Our own home</p>", 1))
    built = make(site, "html")
    assert built.returncode == 0, built.stdout + built.stderr
    index = (site / "output" / "index.html").read_text(encoding="utf-8")
    assert '<p class="ours">Our own home</p>' in index
    assert '"publisher":{"@type":"Organization","name":"Kestrel Gazette"}' in index
    assert "Our own home" not in (site / "output" / "search.html").read_text(encoding="utf-8")
    assert not (Path(THEME) / "templates" / "home.html").read_text(encoding="utf-8").count("Our own home")


@pytest.mark.parametrize(("name", "data", "said"), [
    ("empty.txt", b"  \n\n", "the file is empty"),
    ("latin1.txt", "Caf\u00e9 owners say\n".encode("latin-1"), "not UTF-8"),
    ("binary.txt", b"PK\x03\x04\x00\x00", "not a text file"),
])
def test_a_bad_source_is_refused_and_nothing_is_written(tmp_path: Path, name: str, data: bytes, said: str):
    (tmp_path / name).write_bytes(data)
    result = run_here(tmp_path, "new-site", "site", name)
    assert result.returncode == 1
    assert f"{name}:" in result.stderr and said in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no site, no scratch folder


def test_a_folder_that_is_not_empty_is_refused_and_left_as_it_was(tmp_path: Path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "notes.txt").write_text("mine\n", encoding="utf-8")
    result = run_here(tmp_path, "new-site", "site", str(STORY))
    assert result.returncode == 1 and "site:" in result.stderr and "not empty" in result.stderr
    assert [p.name for p in (tmp_path / "site").iterdir()] == ["notes.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    (tmp_path / "file.txt").write_text("mine\n", encoding="utf-8")
    said = run_here(tmp_path, "new-site", "file.txt", str(STORY))
    assert said.returncode == 1 and "file.txt:" in said.stderr and "is a file, not a folder" in said.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run_here(tmp_path, "new-site", "empty", str(STORY)).returncode == 0  # an empty folder is fine


def _commit(repo: Path, lock: str, message: str, makefile: bool = True) -> str:
    """A commit of a stand-in generator: its pins and a site Makefile (none: an older generator)."""
    (repo / "requirements.lock").write_text(lock, encoding="utf-8")
    site_makefile = repo / "explainer" / "authoring" / "site" / "Makefile"
    if makefile:
        site_makefile.parent.mkdir(parents=True, exist_ok=True)
        site_makefile.write_text(f"# {message}\n", encoding="utf-8")
    else:
        site_makefile.unlink()
    for name in ("package.json", "package-lock.json"):
        (repo / name).write_text(json.dumps({"message": message}), encoding="utf-8")
    for args in (["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", message]):
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True).stdout.strip()


def test_upgrade_moves_the_pin_and_the_generators_own_pins_to_another_commit(tmp_path: Path):
    generator = tmp_path / "generator"
    generator.mkdir()
    subprocess.run(["git", "init", "-q", str(generator)], check=True)
    first = _commit(generator, "# lock\nJinja2==3.1.5\n", "first")
    second = _commit(generator, "# lock\nJinja2==3.1.6\npelican==4.12.0\n", "second")
    result = run_here(tmp_path, "new-site", "site", str(STORY), "--generator", f"git+file://{generator}@{first}")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert f"explainer[test] @ git+file://{generator}@{first}\nJinja2==3.1.5\n" in (site / "requirements.lock").read_text()

    upgraded = run_here(tmp_path, "upgrade", "--site", "site")
    assert upgraded.returncode == 0, upgraded.stderr
    assert f"{first[:12]} -> {second[:12]}" in upgraded.stdout
    lock = (site / "requirements.lock").read_text(encoding="utf-8")
    assert f"explainer[test] @ git+file://{generator}@{second}\nJinja2==3.1.6\npelican==4.12.0\n" in lock
    assert json.loads((site / "package.json").read_text())["message"] == "second"
    assert (site / "Makefile").read_text() == "# second\n"  # the site's Makefile is the generator's

    back = run_here(tmp_path, "upgrade", "--site", "site", "--to", first)
    assert back.returncode == 0 and f"@{first}\nJinja2==3.1.5\n" in (site / "requirements.lock").read_text()
    assert "nothing to change" in run_here(tmp_path, "upgrade", "--site", "site", "--to", first).stdout


def test_upgrade_to_a_generator_older_than_sites_says_so_and_changes_nothing(tmp_path: Path):
    generator = tmp_path / "generator"
    generator.mkdir()
    subprocess.run(["git", "init", "-q", str(generator)], check=True)
    first = _commit(generator, "Jinja2==3.1.5\n", "first")
    assert run_here(tmp_path, "new-site", "site", str(STORY), "--generator",
                    f"git+file://{generator}@{first}").returncode == 0
    old = _commit(generator, "Jinja2==3.1.4\n", "old", makefile=False)
    before = snapshot(tmp_path / "site")
    said = run_here(tmp_path, "upgrade", "--site", "site", "--to", old)
    assert said.returncode == 1 and "predates sites made by make new-site" in said.stderr
    assert "Traceback" not in said.stderr and snapshot(tmp_path / "site") == before


def test_upgrade_of_a_folder_that_is_not_a_site_says_so(tmp_path: Path):
    result = run_here(tmp_path, "upgrade", "--site", ".")
    assert result.returncode == 1 and "requirements.lock:1:" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.slow
def test_the_site_suite_travels_with_the_site_and_passes_once_nothing_is_left_to_do(tmp_path: Path):
    """The author's path on a story: new site, curate (the fixture's hand-written notes and front
    matter for this story), `make todo` says nothing is left, then the site's own `make test`
    (the site suite; its browser checks run in .ci/run and on the demo) passes."""
    import shutil

    curated = FIXTURES / "estuary-site" / "content"
    assert run_here(tmp_path, "new-site", "site", str(STORY), "--id", "estuary-crossing").returncode == 0
    site = tmp_path / "site"
    shutil.rmtree(site / "content" / "notes-drafts")
    shutil.copytree(curated / "notes", site / "content" / "notes")
    shutil.copy2(curated / "coverage-ignore.txt", site / "content")
    shutil.copy2(curated / "articles" / "estuary-crossing" / "article.md", site / "content/articles/estuary-crossing")
    todo = make(site, "todo")
    assert "Nothing left to do" in todo.stdout, todo.stdout
    # The HTML checker this repository's make test installed, rather than a second npm install.
    jar = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    tested = make(site, "test", PYTESTOPTS='-q -m "not browser" -p no:cacheprovider', NPM="no-npm-here",
                  env={"EXPLAINER_VNU_JAR": str(jar)})
    assert tested.returncode == 0, tested.stdout[-3000:] + tested.stderr[-2000:]
    assert " passed" in tested.stdout and "failed" not in tested.stdout

"""Property tests: whatever notes an author writes, the check and the build either succeed
or report `path:line` problems. Never an unhandled exception, never a partial output. On the
fixture site's article (tests/fixtures/full-site)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from explainer.build.stages import check_only as check
from support import FULL_SITE, build_here, references, resolve, snapshot

pytestmark = pytest.mark.slow  # hundreds of checks, and whole builds

FIELDS = ["id", "name", "kind", "aliases", "summary", "facts", "relations", "term", "abbreviation", "definition",
          "in_article", "when", "what", "entities", "value", "measures", "unit", "before", "after", "likely",
          "why", "source", "paragraph", "quote", "text", "type", "target", "role", "sources", "figure"]
KINDS = ["entities", "terms", "events", "figures", "editors_notes", "takeaways"]

# Words of the fixture's notes and article: its ids, paragraphs, figures, quotes; and worse.
words = st.sampled_from(["halvorsen", "brightwater", "Halvorsen", "p4", "p99", "40%", "2016", "company", "based-in",
                         "this year", "<script>", "[x](javascript:y)", "", " ", "a partnership that began in 2016",
                         "reduce its stake in Brightwater Dairy from 40% to 12%", "oslo", "ipo", "summary"])
scalars = st.one_of(words, st.text(max_size=30), st.integers(-5, 3000), st.booleans(), st.none())
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3),
    st.dictionaries(st.sampled_from(FIELDS), inner, max_size=4)), max_leaves=12)
notes = st.dictionaries(st.sampled_from(FIELDS), values, max_size=8)
documents = st.dictionaries(st.sampled_from([*KINDS, "entity", "misc"]), st.lists(notes, max_size=4), max_size=3)


def dump(data) -> str:
    from io import StringIO

    out = StringIO()
    YAML(typ="safe", pure=True).dump(data, out)
    return out.getvalue()


@pytest.fixture(scope="module")
def articles_only(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site's article and home page, with an empty notes folder for the examples."""
    root = tmp_path_factory.mktemp("fuzz") / "content"
    shutil.copytree(FULL_SITE / "content" / "articles", root / "articles")
    shutil.copy2(FULL_SITE / "content" / "index.md", root / "index.md")
    (root / "notes").mkdir()
    return root


PROBLEM = re.compile(r"^.+:\d+: \S")


def assert_reported_cleanly(problems) -> None:
    for problem in problems:
        assert PROBLEM.match(str(problem)), str(problem)
        assert problem.line >= 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=documents)
def test_structured_notes_never_crash_the_check(articles_only: Path, document):
    (articles_only / "notes" / "fuzz.yaml").write_text(dump(document), encoding="utf-8")
    assert_reported_cleanly(check(articles_only))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.sampled_from(list("entities:- id[]{}\"'#&*!|>%@`\t\n :,?x0\u00e9\ufeff")), max_size=120))
def test_any_text_as_a_notes_file_never_crashes_the_check(articles_only: Path, text: str):
    (articles_only / "notes" / "fuzz.yaml").write_text(text, encoding="utf-8")
    assert_reported_cleanly(check(articles_only))


# Whole builds, fewer examples (each may be a Pelican run, in this process): mutate the fixture's notes.
MUTATIONS = st.sampled_from(["drop", "empty", "garble", "number", "html", "swap-id"])


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutation=MUTATIONS, which=st.integers(0, 200), field=st.sampled_from(["summary", "name", "aliases", "kind", "id"]))
def test_a_mutated_note_builds_cleanly_or_fails_cleanly(good_project, tmp_path_factory, mutation, which, field):
    good, before = good_project
    project = tmp_path_factory.mktemp("mutant") / "project"
    shutil.copytree(good, project)
    path = project / "content" / "notes" / "entities.yaml"
    yaml = YAML(typ="rt")
    data = yaml.load(path.read_text(encoding="utf-8"))
    entity = data["entities"][which % len(data["entities"])]
    if mutation == "drop":
        entity.pop(field, None)
    elif mutation == "empty":
        entity[field] = ""
    elif mutation == "garble":
        entity[field] = {"nested": [1, None]}
    elif mutation == "number":
        entity[field] = 12345
    elif mutation == "html":
        entity[field] = "<b>bold</b>"
    elif mutation == "swap-id":
        entity["id"] = data["entities"][(which + 1) % len(data["entities"])]["id"]
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)

    result = build_here(project, project / "output")

    assert "Traceback" not in result.stderr + result.stdout
    if result.returncode == 0:  # the same link check as the site suite's (support.references, resolve)
        for page in (project / "output").rglob("*.html"):
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            relative = page.relative_to(project / "output").as_posix()
            for url, _ in references(soup):
                target, _ = resolve(relative, url)
                assert target is None or url.startswith("mailto:") or (project / "output" / target).is_file(), url
    else:
        lines = [l for l in result.stderr.splitlines() if l and not l.endswith("was left as it was.")]
        assert lines and all(PROBLEM.match(l) for l in lines), result.stderr
        assert snapshot(project / "output") == before
    assert not list(project.glob(".output-*"))

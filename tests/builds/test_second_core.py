"""A build on two cores (build/forked.py: half the entities' mentions and the article pages
made in a forked process) writes the site byte for byte as a build in one process does."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML

import explainer.build.forked as forked
from support import FIXTURES, FULL_SITE, build_here, copy_project, snapshot


@pytest.mark.parametrize("fixture", [FULL_SITE, FIXTURES / "two-articles"], ids=["full-site", "two-articles"])
def test_two_processes_write_what_one_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fixture: Path):
    """On the full fixture, and on two articles (mentions grouped by article, citations that
    name theirs)."""
    project = copy_project(tmp_path / "site", fixture)
    outputs = {}
    for processes in ("1", "2"):
        monkeypatch.setenv(forked.PROCESSES, processes)
        shutil.rmtree(project / "cache", ignore_errors=True)  # each from nothing
        result = build_here(project, project / f"output-{processes}")
        assert result.returncode == 0, result.stderr
        outputs[processes] = snapshot(project / f"output-{processes}")
    assert len(outputs["1"]) > 20
    assert outputs["2"] == outputs["1"]


def test_the_article_pages_are_rendered_in_the_other_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Asked for two processes, the build forks (the byte-for-byte test above would pass
    without it); the forked process says who it is and what it was given before it works."""
    project = copy_project(tmp_path / "site")
    seen = tmp_path / "forked"
    child = forked._child

    def telling(batches, write, parent):
        seen.write_text(f"{os.getpid()} " + " ".join(str(len(keys)) for _, keys in batches))
        child(batches, write, parent)

    monkeypatch.setattr(forked, "_child", telling)
    monkeypatch.setenv(forked.PROCESSES, "2")
    result = build_here(project, project / "output")
    assert result.returncode == 0, result.stderr
    pid, entities, pages = map(int, seen.read_text().split())
    with pytest.raises(ChildProcessError):  # the forked process ended and was reaped with the build
        os.waitpid(pid, os.WNOHANG)
    assert pid != os.getpid()
    assert pages == len(list((project / "content" / "articles").glob("*/article.md")))
    named = len(YAML(typ="safe").load((project / "content" / "notes" / "entities.yaml").read_text())["entities"])
    assert named > 2 and entities == named - named // 2  # the second half's mentions

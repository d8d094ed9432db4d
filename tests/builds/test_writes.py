"""A build writes its site into the output folder and its cache into the cache folder, and
nothing anywhere else: its scratch folders (beside the output), the search records (in RAM
or the temporary folder) and Pagefind's bundle are all gone once it ends, whether it
succeeded or failed. (Pagefind once also wrote a bundle into the working folder.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from support import copy_project, edit

RAM = Path("/dev/shm")


def entries(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()} if folder.is_dir() else set()


@pytest.mark.slow  # a build in a new process each
@pytest.mark.parametrize("outcome", ["a good build", "a build that fails in Pelican"])
def test_a_build_writes_nothing_outside_its_output_and_cache(tmp_path: Path, outcome: str):
    project = copy_project(tmp_path / "project")
    if outcome != "a good build":
        edit(project / "theme/templates/article.html", "{{ page.title }}</h1>", "{{ page.no_such_field }}</h1>")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    before = {"beside": entries(tmp_path), "project": entries(project), "ram": entries(RAM)}
    result = subprocess.run([sys.executable, "-m", "explainer", "build", "--input", "content", "--output", "output",
                             "--settings", "pelicanconf.py"], cwd=project, capture_output=True, text=True,
                            env={**os.environ, "TMPDIR": str(temporary)})
    assert (result.returncode == 0) == (outcome == "a good build"), result.stdout + result.stderr
    assert entries(tmp_path) == before["beside"]  # no scratch folder left beside the project
    made = entries(project) - before["project"]
    if outcome == "a good build":
        assert made == {"output", "cache"}
    else:  # no output; Pelican may have saved its own reader cache before it failed
        assert made <= {"cache"}
    assert entries(temporary) == set()
    # The search records go to /dev/shm where it is writable (tests run one at a time).
    assert {n for n in entries(RAM) - before["ram"] if n.startswith("explainer-")} == set()
    assert "pagefind" not in entries(project)

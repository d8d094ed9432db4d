"""The dev server's record of its builds and the live preview's tags, in this process (the
dev server itself, in Chromium: tests/server/test_devserver.py)."""

from __future__ import annotations

import json

from explainer.core.problems import Problem
from explainer.ops.devserver import LIVE_TAGS, Builds, build_once, with_live_preview


def test_builds_are_numbered_and_told_as_events():
    builds = Builds()
    assert builds.last.generation == 0 and builds.after(0, timeout=0.01) is None
    builds.finished(["content/notes/figures.yaml:16: quote not found"])
    broken = builds.after(0, timeout=0.01)
    assert broken is not None and broken.generation == 1
    event = builds.event(broken).decode()
    assert event.startswith("event: build\ndata: ") and event.endswith("\n\n")
    assert json.loads(event.split("data: ", 1)[1]) == {
        "server": builds.server, "generation": 1, "ok": False,
        "problems": ["content/notes/figures.yaml:16: quote not found"]}
    builds.finished([])
    assert builds.after(1, timeout=0.01).problems == ()
    assert Builds().server != builds.server  # a restarted server is told from this one


def test_a_failed_build_is_recorded_as_the_terminal_prints_it(capsys):
    builds = Builds()
    problems = [Problem("content/notes/figures.yaml", 16, "quote not found in p9"), Problem("content/x.md", 0, "bad")]
    assert build_once(lambda reporter: reporter(problems, "the build stopped.") or 1, builds) == 1
    printed = capsys.readouterr().err.splitlines()
    assert list(builds.last.problems) == printed[:2] == ["content/notes/figures.yaml:16: quote not found in p9",
                                                         "content/x.md: bad"]

    def crash(reporter):
        raise ValueError("a bug in the build")

    assert build_once(crash, builds) == 1  # the server goes on
    assert builds.last.problems == ("ValueError: a bug in the build",) and builds.last.generation == 2
    assert build_once(lambda reporter: 0, builds) == 0
    assert builds.last.problems == () and builds.last.generation == 3


def test_tags_go_before_the_head_end_only():
    assert with_live_preview(b"<html><head><title>t</title>\n</head><body></body>") == (
        b"<html><head><title>t</title>\n" + LIVE_TAGS + b"</head><body></body>")
    assert with_live_preview(b"<p>no head</p>") == b"<p>no head</p>"


def test_an_editors_temporary_file_is_no_change(monkeypatch, capsys):
    """A file made and removed within one batch of changes (sed -i's "sedCmOyXt", an editor's
    swap file) is no change: a batch of only such files builds nothing and names nothing."""
    from watchfiles import Change

    from explainer.ops import devserver

    batches = [set(),  # watching has started
               {(Change.added, "/s/content/notes/sedCmOyXt"), (Change.deleted, "/s/content/notes/sedCmOyXt"),
                (Change.modified, "/s/content/notes/entities.yaml")},
               {(Change.added, "/s/content/notes/.tmp1"), (Change.deleted, "/s/content/notes/.tmp1")},
               {(Change.deleted, "/s/content/notes/old.yaml")}]  # a file removed for good: a change
    monkeypatch.setattr(devserver, "watch", lambda *paths, **options: iter(batches))
    built = []
    devserver.rebuild_on_change([], lambda report: built.append(1) or 0, Builds())
    said = [line for line in capsys.readouterr().out.splitlines() if line.startswith("Changed:")]
    assert said == ["Changed: entities.yaml; rebuilding", "Changed: old.yaml; rebuilding"] and len(built) == 3


def test_a_file_removed_and_written_again_is_a_change(monkeypatch, capsys, tmp_path):
    """git checkout removes a file and writes it again, within one batch: the file is there
    afterwards, so it changed (the dev server had kept showing a fixed error)."""
    from watchfiles import Change

    from explainer.ops import devserver

    restored = tmp_path / "figures.yaml"
    restored.write_text("figures: []\n", encoding="utf-8")
    batches = [set(), {(Change.deleted, str(restored)), (Change.added, str(restored))}]
    monkeypatch.setattr(devserver, "watch", lambda *paths, **options: iter(batches))
    built = []
    devserver.rebuild_on_change([], lambda report: built.append(1) or 0, Builds())
    said = [line for line in capsys.readouterr().out.splitlines() if line.startswith("Changed:")]
    assert said == ["Changed: figures.yaml; rebuilding"] and len(built) == 2

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

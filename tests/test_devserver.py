"""`make devserver`: serves on 127.0.0.1, rebuilds on change, and keeps serving the last good
build when a change breaks the content."""

from __future__ import annotations

import queue
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import copy_project


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Devserver:
    def __init__(self, project: Path):
        self.port = free_port()
        self.lines: queue.Queue[str] = queue.Queue()
        self.process = subprocess.Popen(
            [sys.executable, "-u", "-m", "explainer", "build", "--input", "content",
             "--output", "output", "--settings", "pelicanconf.py", "--watch", "--serve", "--port", str(self.port)],
            cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, text: str, timeout: float = 60) -> list[str]:
        seen, end = [], time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                line = self.lines.get(timeout=end - time.monotonic())
            except queue.Empty:
                break
            seen.append(line)
            if text in line:
                return seen
        raise AssertionError(f"no {text!r} in devserver output: {seen}")

    def get(self, path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=10) as response:
            return response.read().decode("utf-8")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def devserver(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    server = Devserver(project)
    yield project, server
    server.stop()


def test_rebuilds_on_change_and_keeps_the_last_good_build(devserver):
    project, server = devserver
    server.wait_for("Watching")
    assert "This site explains one news article" in server.get("index.html")

    index = project / "content" / "index.md"
    good = index.read_text(encoding="utf-8")
    index.write_text(good.replace("title: Nissan", "title: [Nissan"), encoding="utf-8")
    output = server.wait_for("still serving the last good build")
    assert any(line.startswith("content/index.md:2: invalid YAML") for line in output), output
    assert "This site explains one news article" in server.get("index.html")

    index.write_text(good.replace("This site explains one news article", "This site now explains one article"),
                     encoding="utf-8")
    server.wait_for("Rebuilt.")
    assert "This site now explains one article" in server.get("index.html")

"""`make regenerate` / `make devserver`: rebuild on every change, serve the last good build.

Under `make devserver` the open pages follow the builds (live preview): every HTML page the
server sends gets two tags before `</head>`, this server's own stylesheet and script
(explainer/ops/preview/), which the page's Content-Security-Policy allows as they are files of
the same origin. The script listens to `/__live/events` (Server-Sent Events): each event is
a finished build, its number and what it found wrong (the lines the terminal printed, as
`path:line: message`). A build that succeeded reloads the page; one that failed shows its
problems over the page, which stays the last good build (the output folder is swapped only
by a build that succeeded). The files in the output folder carry none of it: only the
responses do.
"""

from __future__ import annotations

import functools
import io
import json
import logging
import os
import queue
import secrets
import signal
import subprocess
import sys
import threading
import time
import traceback
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path
from urllib.parse import urlsplit

from watchfiles import Change, watch

from ..core.problems import Problem, report
from .browser import free_port

Reporter = Callable[[list[Problem], str], None]

LIVE = "/__live/"
# What a page served by the dev server gets before `</head>`; nothing inline (the pages'
# Content-Security-Policy allows only files of the site's origin).
LIVE_TAGS = b'\n<link rel="stylesheet" href="/__live/preview.css">\n<script src="/__live/preview.js" defer></script>\n'
ASSETS = {"preview.js": "text/javascript; charset=utf-8", "preview.css": "text/css; charset=utf-8"}
KEEPALIVE = 15.0  # seconds between comments on a quiet event stream (a closed tab is noticed then)
# The page for any address while there is no build yet (the first one failed or is running);
# its <meta name="explainer-live"> tells the preview script there is no last good build under it.
NO_BUILD = b"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; object-src 'none'; base-uri 'self'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="explainer-live" content="not-built">
<title>Not built yet</title>
</head>
<body>
<main>
<h1>The site has not been built yet</h1>
<p>This page loads the site by itself once a build succeeds.</p>
</main>
</body>
</html>
"""


@dataclass(frozen=True)
class Outcome:
    """A finished build: its number (1 for the first) and its problems (none: it succeeded)."""

    generation: int
    problems: tuple[str, ...] = ()


class Builds:
    """What the open pages are told: how many builds finished in this run of the server, and
    what the last one found wrong. The watch loop records, the server's threads read."""

    def __init__(self) -> None:
        self.server = secrets.token_hex(4)  # tells this run of the server from the next
        self._last = Outcome(0)  # none finished yet
        self._changed = threading.Condition()

    @property
    def last(self) -> Outcome:
        with self._changed:
            return self._last

    def finished(self, problems: Sequence[str]) -> Outcome:
        with self._changed:
            self._last = Outcome(self._last.generation + 1, tuple(problems))
            self._changed.notify_all()
            return self._last

    def after(self, generation: int, timeout: float) -> Outcome | None:
        """The last build once there is one later than `generation`; None after `timeout` seconds."""
        with self._changed:
            if self._changed.wait_for(lambda: self._last.generation > generation, timeout):
                return self._last
            return None

    def event(self, outcome: Outcome) -> bytes:
        data = {"server": self.server, "generation": outcome.generation, "ok": not outcome.problems,
                "problems": list(outcome.problems)}
        return f"event: build\ndata: {json.dumps(data)}\n\n".encode()

    def timing(self, outcome: Outcome) -> str:
        """The build a page was served after, in its Server-Timing header, which the script
        reads (it can read no other header of its page): a build that ends between the page
        and the script's connection still reloads it."""
        return f'live;desc="{self.server}:{outcome.generation}"'


def with_live_preview(html: bytes) -> bytes:
    """The page with the live preview's stylesheet and script before its `</head>` (a page
    without one is left as it is)."""
    at = html.lower().find(b"</head>")
    return html if at < 0 else html[:at] + LIVE_TAGS + html[at:]


class LiveServer(ThreadingHTTPServer):
    """Serves the output folder, by name (after a build swaps in a new folder the next request
    already sees it), and the live preview; owns the record of the builds."""

    def __init__(self, output: Path, bind: str, port: int) -> None:
        self.output = output
        self.builds = Builds()
        super().__init__((bind, port), functools.partial(_LiveHandler, directory=str(output)))


def serve(output: Path, bind: str, port: int) -> LiveServer:
    server = LiveServer(output, bind, port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Serving {output} at http://{bind}:{port}/ (Ctrl-C to stop)", flush=True)
    return server


class _LiveHandler(SimpleHTTPRequestHandler):
    server: LiveServer

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    def end_headers(self) -> None:
        # Asked again on every load: a reload after a rebuild shows the new stylesheet too
        # (files keep their names from one build to the next).
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def do_GET(self) -> None:
        if urlsplit(self.path).path.startswith(LIVE):
            self._live(body=True)
        else:
            super().do_GET()

    def do_HEAD(self) -> None:
        if urlsplit(self.path).path.startswith(LIVE):
            self._live(body=False)
        else:
            super().do_HEAD()

    def send_head(self) -> io.BytesIO | None:  # type: ignore[override]
        """An HTML page of the output with the live preview; anything else as the stdlib sends it."""
        path = self.translate_path(self.path)
        if os.path.isdir(path) and urlsplit(self.path).path.endswith("/"):
            path = os.path.join(path, "index.html")
        if not path.endswith((".html", ".htm")) or not os.path.isfile(path):
            return super().send_head()
        served = self.server.builds.last  # before the file: the page is of this build or a later one
        try:
            html = Path(path).read_bytes()
        except OSError:  # swapped away in between
            return super().send_head()
        return self._page(HTTPStatus.OK, html, served)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A page that is not there: the site's 404 page, or while there is no build, a page
        saying so; both with the live preview (a page opened while the build is broken shows
        what is wrong)."""
        if code != HTTPStatus.NOT_FOUND or self.command not in ("GET", "HEAD") or self.path.startswith(LIVE):
            super().send_error(code, message, explain)
            return
        served = self.server.builds.last
        try:
            html = (self.server.output / "404.html").read_bytes()
        except OSError:
            html = NO_BUILD
        page = self._page(HTTPStatus.NOT_FOUND, html, served)
        if self.command == "GET":
            self.wfile.write(page.getvalue())

    def _page(self, status: int, html: bytes, served: Outcome) -> io.BytesIO:
        body = with_live_preview(html)
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Server-Timing", self.server.builds.timing(served))
        self.end_headers()
        return io.BytesIO(body)

    def _live(self, body: bool) -> None:
        name = urlsplit(self.path).path.removeprefix(LIVE)
        if name == "events":
            self._events(body)
        elif name in ASSETS:
            data = files(__package__).joinpath("preview", name).read_bytes()
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", ASSETS[name])
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if body:
                self.wfile.write(data)
        else:
            super().send_error(HTTPStatus.NOT_FOUND)

    def _events(self, body: bool) -> None:
        """The builds as they finish, the last one first (a page opened while the build is
        broken shows its problems at once), until the page goes away."""
        builds = self.server.builds
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.end_headers()
        if not body:
            return
        seen = 0
        try:
            self.wfile.write(b"retry: 1000\n\n")  # reconnect a second after the server went away
            self.wfile.flush()
            while True:
                outcome = builds.after(seen, KEEPALIVE)
                if outcome is None:
                    self.wfile.write(b": no new build\n\n")
                else:
                    self.wfile.write(builds.event(outcome))
                    seen = outcome.generation
                self.wfile.flush()
        except OSError:  # the page was closed or reloaded
            pass
        self.close_connection = True


def stop_on_sigterm() -> None:
    """SIGTERM (a service manager, `kill`) stops as Ctrl-C does: a build under way is
    abandoned and its temporary folders removed, not left behind."""
    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)


def rebuild_on_change(paths: list[Path], rebuild: Callable[[Reporter], int], builds: Builds | None = None) -> None:
    """Build, then build again after every change; each outcome is recorded in `builds` (the
    server's, which tells the open pages)."""
    builds = builds if builds is not None else Builds()
    # Watching starts before the first build (its first answer says it has), so that what is
    # saved while that build runs, or right after "Watching", is built next, not missed.
    # A save is built 20 ms after its last change (watchfiles' `step`; its default, 50 ms, was
    # a sixth of the save -> screen time): an editor's save, truncate and write or write and
    # rename, is over well within it, and a burst of changes (a checkout) is still grouped,
    # for up to 300 ms.
    seen = watch(*paths, debounce=300, step=20, rust_timeout=200, yield_on_timeout=True)
    next(seen)
    build_once(rebuild, builds)
    print("Watching " + ", ".join(str(p) for p in paths) + " for changes (Ctrl-C to stop)", flush=True)
    for changes in seen:
        if not changes:  # no change for 200 ms
            continue
        # An editor's (or sed's) temporary file, made and removed within the batch, is no change;
        # a file removed and written again (git checkout, some editors' saves) is one: it exists.
        transient = {p for c, p in changes if c == Change.added} & {p for c, p in changes if c == Change.deleted}
        transient = {p for p in transient if not os.path.lexists(p)}
        changed = sorted({Path(p).name for _, p in changes if p not in transient})
        if not changed:
            continue
        print(f"Changed: {', '.join(changed)}; rebuilding", flush=True)
        status = build_once(rebuild, builds)
        print("Rebuilt." if status == 0 else "Build failed; still serving the last good build.", flush=True)


def build_once(rebuild: Callable[[Reporter], int], builds: Builds) -> int:
    """One build, its outcome recorded: the problems it reported, as the terminal shows them,
    or what Pelican logged as it failed, or the error the build crashed with (the server goes
    on, serving the last good build)."""
    problems: list[str] = []

    def reporter(found: list[Problem], what: str) -> None:
        report(found, what)
        problems.extend(str(problem) for problem in found)

    logged = _Logged()
    pelican = logging.getLogger("pelican")
    pelican.addHandler(logged)
    try:
        status = rebuild(reporter)
    except Exception as error:  # a crash of the build itself
        traceback.print_exc()
        status, problems = 1, [*problems, f"{type(error).__name__}: {error}"]
    finally:
        pelican.removeHandler(logged)
    if status != 0 and not problems:
        problems = logged.messages or ["the build failed; the terminal says why"]
    builds.finished(problems if status != 0 else ())
    return status


class _Logged(logging.Handler):
    """What Pelican (and the build, on its logger) warned about during one build."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class DevserverProcess:
    """`make devserver` on a project, in a process of its own, each line it prints read as
    it comes with the time it arrived: what the live-preview benchmark and the tests drive."""

    def __init__(self, project: Path, port: int | None = None):
        self.port = port or free_port()
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        self.process = subprocess.Popen(
            [sys.executable, "-u", "-m", "explainer", "build", "--input", "content", "--output", "output",
             "--settings", "pelicanconf.py", "--watch", "--serve", "--port", str(self.port)],
            cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put((time.time() * 1000, line.rstrip("\n")))

    def wait_for(self, text: str, timeout: float = 120) -> tuple[float, list[str]]:
        """When the next line holding `text` was printed (epoch ms), and the lines printed up
        to it (each line is read once: the next wait starts after it). TimeoutError if none."""
        seen, end = [], time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                at, line = self.lines.get(timeout=max(0.01, end - time.monotonic()))
            except queue.Empty:
                break
            seen.append(line)
            if text in line:
                return at, seen
        raise TimeoutError(f"no {text!r} from the dev server within {timeout:.0f} s: {seen[-20:]}")

    def get(self, path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=10) as response:
            return response.read().decode("utf-8")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
        self.process.wait(timeout=10)

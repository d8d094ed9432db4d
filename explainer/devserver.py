"""`make regenerate` / `make devserver`: rebuild on every change, serve the last good build."""

from __future__ import annotations

import functools
import signal
import threading
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from watchfiles import watch


def serve(output: Path, bind: str, port: int) -> ThreadingHTTPServer:
    # The handler resolves paths against the folder *name* on every request, so after a
    # build swaps in a new folder the next request already sees it.
    handler = functools.partial(_QuietHandler, directory=str(output))
    server = ThreadingHTTPServer((bind, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Serving {output} at http://{bind}:{port}/ (Ctrl-C to stop)", flush=True)
    return server


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


def stop_on_sigterm() -> None:
    """SIGTERM (a service manager, `kill`) stops as Ctrl-C does: a build under way is
    abandoned and its temporary folders removed, not left behind."""
    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)


def rebuild_on_change(paths: list[Path], rebuild: Callable[[], int]) -> None:
    rebuild()
    print("Watching " + ", ".join(str(p) for p in paths) + " for changes (Ctrl-C to stop)", flush=True)
    for changes in watch(*paths, debounce=300):
        changed = sorted({Path(p).name for _, p in changes})
        print(f"Changed: {', '.join(changed)}; rebuilding", flush=True)
        status = rebuild()
        print("Rebuilt." if status == 0 else "Build failed; still serving the last good build.", flush=True)

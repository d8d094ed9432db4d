"""Work done on the other core: a forked process that makes some of the build's results
while this one goes on with the rest.

A build from nothing at 1000 articles spends most of its rendering time on two lists: the
entity pages' mentions (every sentence naming the entity, each with a text fragment) and
the article pages with their preview cards; until Pagefind starts, which needs the entity
pages, the second core had nothing to do. A fork made once the site's index exists works
through its share meanwhile: it shares the loaded site and index as they are
(copy-on-write, nothing handed over), sends back only what it made, pickled, a batch at a
time (read here by a thread as it comes, so the process never waits to send), and exits. The same functions make the same results from the same state, so the site
is byte for byte what one process writes (tested).

A fork is made only where it pays: for `FEW` jobs or more (a live preview's edit renders
one page, in less time than a fork of a large build costs), on a machine with a second
core; and only from a process running no other thread: a lock another thread held at the
fork stays held in the forked process, which could then wait for it forever (the dev
server's threads serve pages while it builds, so its builds stay in one process).
`EXPLAINER_PROCESSES=1` makes every build one process, `=2` forks whatever the count (the
tests). If the fork cannot be made, or its process fails in any way, the jobs
are done here, as without it: a problem or an error they raise is then this process's,
said as always.
"""

from __future__ import annotations

import os
import pickle
import signal
import threading
from collections.abc import Callable, Hashable
from typing import Any

FEW = 50  # jobs: below this, not worth a process
PROCESSES = "EXPLAINER_PROCESSES"

Batch = tuple[Callable[[Any], Any], list[Hashable]]  # make(key) for each key


def _wanted(jobs: int) -> bool:
    """Whether `jobs` jobs are worth a process (or the environment says)."""
    chosen = os.environ.get(PROCESSES, "").strip()
    if chosen:
        return chosen != "1"
    return jobs >= FEW and (os.cpu_count() or 1) > 1 and hasattr(os, "fork") and threading.active_count() == 1


class Forked:
    """Each batch's `make(key)` for every key, in a forked process if worth it, batch after
    batch; `results(n)` waits for the n-th batch (in order: the process sends them so).
    `stop()` (or the end of the build that made it) ends the process unheard."""

    def __init__(self, *batches: Batch):
        self._batches = list(batches)
        self._pid: int | None = None
        self._sent: list[bytes | None] = []  # each batch as it came, pickled; None: nothing more comes
        self._arrived = threading.Condition()
        if not _wanted(sum(len(keys) for _, keys in batches)):
            return
        read, write = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read)
            os.close(write)
            return
        if pid == 0:
            os.close(read)
            _child(self._batches, write)
        os.close(write)
        self._pid = pid
        threading.Thread(target=self._receive, args=(read,), daemon=True).start()

    def keys(self, batch: int) -> list[Hashable]:
        return self._batches[batch][1]

    def results(self, batch: int) -> dict[Any, Any]:
        """Every result of a batch, by key: the fork's, or, if it failed, made here."""
        make, keys = self._batches[batch]
        made = self._received(batch)
        if made is None or len(made) != len(keys):
            self.stop()  # what it would send after a failure is not waited for
            made = [make(key) for key in keys]
        return dict(zip(keys, made))

    def _receive(self, read: int) -> None:
        """The reading thread: each batch whole (its length, then its pickle), until the end."""
        with os.fdopen(read, "rb") as pipe:
            while True:
                size = int.from_bytes(pipe.read(8) or b"\0", "big")
                data = pipe.read(size) if size else b""
                with self._arrived:
                    self._sent.append(data if size and len(data) == size else None)
                    self._arrived.notify_all()
                if not size or len(data) != size:
                    return

    def _received(self, batch: int) -> list[Any] | None:
        if self._pid is None:
            return None
        with self._arrived:
            self._arrived.wait_for(lambda: len(self._sent) > batch or None in self._sent)
            data = self._sent[batch] if len(self._sent) > batch else None
        if data is None:
            return None
        if batch == len(self._batches) - 1:  # the last: the process ends
            status = os.waitpid(self._pid, 0)[1]
            self._pid = None
            if os.waitstatus_to_exitcode(status) != 0:
                return None
        try:
            return pickle.loads(data)
        except Exception:  # what cannot be read is made here
            return None

    def stop(self) -> None:
        """The build ends without the results: the process is ended and reaped (its thread
        then reads the end of the pipe, and ends)."""
        if self._pid is not None:
            try:
                os.kill(self._pid, signal.SIGKILL)
                os.waitpid(self._pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            self._pid = None


def _child(batches: list[Batch], write: int) -> None:
    """In the forked process: make each batch's results and send them, then leave at once
    (os._exit: nothing of the parent's, no buffered output, no cleanup, runs twice)."""
    code = 1
    try:
        with os.fdopen(write, "wb") as pipe:
            for make, keys in batches:
                data = pickle.dumps([make(key) for key in keys], protocol=pickle.HIGHEST_PROTOCOL)
                pipe.write(len(data).to_bytes(8, "big") + data)
                pipe.flush()
        code = 0
    except BaseException:  # said by the parent, which makes them again  # noqa: BLE001
        pass
    finally:
        os._exit(code)

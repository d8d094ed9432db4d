"""Work done on the other core: a forked process that makes some of the build's results
while this one goes on with the rest.

A build from nothing at 1000 articles spends most of its rendering time on two lists: the
entity pages' mentions (every sentence naming the entity, each with a text fragment) and
the article pages with their preview cards; until Pagefind starts, which needs the entity
pages, the second core had nothing to do. A fork made once the site's index exists works
through its share meanwhile: it shares the loaded site and index as they are
(copy-on-write, nothing handed over), sends back only what it made, pickled, a batch at a
time (read here by a thread as it comes, so the process never waits to send), and exits.
The same functions make the same results from the same state, so the site is byte for
byte what one process writes (tested).

A fork is made only where it pays: for `FEW` jobs or more (a live preview's edit renders
one page, in less time than a fork of a large build costs), on a machine with a second
core; and never from a process running another thread: a lock that thread held at the
fork stays held in the forked process, which could then wait for it forever (the dev
server's threads serve pages while it builds, so its builds stay in one process).
`EXPLAINER_PROCESSES=1` makes every build one process, `=2` forks whatever the count of
jobs and whatever else runs (the tests, whose servers run in threads); any other value is
the default. If the fork cannot be made, or its process fails in any way, the jobs are
done here, as without it: a problem or an error they raise is then this process's, said
as always.
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
    if not hasattr(os, "fork") or chosen == "1":
        return False
    if chosen == "2":  # whatever else runs: the tests, whose servers run in threads
        return True
    return jobs >= FEW and (os.cpu_count() or 1) > 1 and threading.active_count() == 1


class Forked:
    """Each batch's `make(key)` for every key, in a forked process if worth it, batch after
    batch; `results(n)` waits for the n-th batch (in order: the process sends them so).
    `stop()` ends the process unheard: the build calls it once it has what it needs, or
    when it fails."""

    def __init__(self, *batches: Batch):
        self._batches = list(batches)
        self._pid: int | None = None
        self._reader: threading.Thread | None = None
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
        if pid == 0:  # nothing of the parent's may run here, whatever happens: not even its finally blocks
            try:
                os.close(read)
                _child(self._batches, write, os.getppid())
            finally:
                os._exit(1)
        os.close(write)
        self._pid = pid
        self._reader = threading.Thread(target=self._receive, args=(read,), daemon=True)
        try:
            self._reader.start()
        except BaseException:
            os.close(read)
            self.stop()
            raise

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
        """The reading thread: each batch whole (its length, then its pickle), until the end
        of the pipe, or anything going wrong, which ends what comes."""
        try:
            with os.fdopen(read, "rb") as pipe:
                while True:
                    size = int.from_bytes(pipe.read(8), "big")
                    data = pipe.read(size) if size else b""
                    if not size or len(data) != size:
                        return
                    with self._arrived:
                        self._sent.append(data)
                        self._arrived.notify_all()
        finally:
            with self._arrived:
                self._sent.append(None)
                self._arrived.notify_all()

    def _received(self, batch: int) -> list[Any] | None:
        if self._pid is None:
            return None
        with self._arrived:
            self._arrived.wait_for(lambda: len(self._sent) > batch or None in self._sent)
            data = self._sent[batch] if len(self._sent) > batch else None
            if data is not None:
                self._sent[batch] = b""  # read once: not kept for the rest of the build
        if data is None:
            return None
        if batch == len(self._batches) - 1:  # the last: the process ends
            status = os.waitpid(self._pid, 0)[1]
            self._pid = None
            self._join()
            if os.waitstatus_to_exitcode(status) != 0:
                return None
        try:
            return pickle.loads(data)
        except Exception:  # what cannot be read is made here
            return None

    def stop(self) -> None:
        """The process is ended and reaped, and its reading thread, which then reads the end
        of the pipe, ends too (nothing of it is left for a next build in this process)."""
        if self._pid is not None:
            try:
                os.kill(self._pid, signal.SIGKILL)
                os.waitpid(self._pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            self._pid = None
        self._join()

    def _join(self) -> None:
        if self._reader is not None and self._reader is not threading.current_thread():
            self._reader.join()
            self._reader = None


def _child(batches: list[Batch], write: int, parent: int) -> None:
    """In the forked process: make each batch's results and send them, then leave at once
    (os._exit: nothing of the parent's, no buffered output, no cleanup, runs twice). It
    leaves too as soon as its parent is gone (killed: it would hold the build's lock)."""
    code = 1
    try:
        with os.fdopen(write, "wb") as pipe:
            for make, keys in batches:
                made = []
                for key in keys:
                    if os.getppid() != parent:
                        return
                    made.append(make(key))
                data = pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL)
                pipe.write(len(data).to_bytes(8, "big") + data)
                pipe.flush()
        code = 0
    except BaseException as error:  # noqa: BLE001 - the parent makes them again, and says any error they raise
        try:
            os.write(2, f"explainer: the second process stopped ({type(error).__name__}: {error}); the build "
                        "makes its share in one process\n".encode(errors="replace"))
        except OSError:
            pass
    finally:
        os._exit(code)

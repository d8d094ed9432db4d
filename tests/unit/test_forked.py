"""The other core (explainer/build/forked.py): jobs made in a forked process come back as
this process would make them, batch by batch; a failing process costs nothing but time, and
an abandoned one is ended."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from explainer.build.forked import FEW, PROCESSES, Forked


def whose(key: int) -> tuple[int, int]:
    return key * key, os.getpid()


def test_the_jobs_are_made_in_another_process_batch_by_batch(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(PROCESSES, "2")
    threads = threading.active_count()
    forked = Forked((whose, [3, 1, 2]), (lambda key: (key.upper(), os.getpid()), ["a", "b"]))
    first, second = forked.results(0), forked.results(1)
    assert [(key, made) for key, (made, _) in first.items()] == [(3, 9), (1, 1), (2, 4)]
    assert [(key, made) for key, (made, _) in second.items()] == [("a", "A"), ("b", "B")]
    assert len({pid for _, pid in [*first.values(), *second.values()]}) == 1
    assert {pid for _, pid in first.values()} != {os.getpid()}
    assert threading.active_count() == threads  # its reading thread ended with it: a next build may fork again
    with pytest.raises(ChildProcessError):  # and the process is reaped
        os.waitpid(first[3][1], os.WNOHANG)


def test_one_process_when_asked_or_when_too_few_to_pay(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(PROCESSES, "1")
    assert {pid for _, pid in Forked((whose, list(range(FEW * 2)))).results(0).values()} == {os.getpid()}
    monkeypatch.delenv(PROCESSES)
    assert {pid for _, pid in Forked((whose, list(range(FEW - 1)))).results(0).values()} == {os.getpid()}


def test_not_from_a_process_running_other_threads(monkeypatch: pytest.MonkeyPatch):
    """A lock another thread holds would stay held in the fork (the dev server serves pages
    from threads while it builds)."""
    monkeypatch.delenv(PROCESSES, raising=False)
    jobs = list(range(FEW * 2))
    if threading.active_count() == 1:  # as make html runs
        assert {pid for _, pid in Forked((whose, jobs)).results(0).values()} != {os.getpid()}
    stop = threading.Event()
    serving = threading.Thread(target=stop.wait)
    serving.start()
    try:
        assert {pid for _, pid in Forked((whose, jobs)).results(0).values()} == {os.getpid()}
    finally:
        stop.set()
        serving.join()


class Broken(Exception):
    pass


def test_a_job_that_fails_there_is_made_here_and_its_error_is_this_processs(monkeypatch: pytest.MonkeyPatch):
    """The build then says the error as a one-process build would."""
    monkeypatch.setenv(PROCESSES, "2")
    parent = os.getpid()

    def fails_away(key: int) -> int:
        if os.getpid() != parent:
            raise Broken("in the fork")
        return key

    forked = Forked((whose, [1]), (fails_away, [1, 2]))
    assert forked.results(0)[1][1] != parent  # the first batch came from the fork
    assert forked.results(1) == {1: 1, 2: 2}  # the second, which failed there, was made here

    def fails_everywhere(key: int) -> int:
        raise Broken(f"job {key}")

    with pytest.raises(Broken, match="job 1"):
        Forked((fails_everywhere, [1, 2])).results(0)


def test_a_process_that_dies_costs_only_time(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(PROCESSES, "2")
    parent = os.getpid()

    def dies_away(key: int) -> int:
        if os.getpid() != parent:
            os._exit(3)
        return key

    forked = Forked((dies_away, [5]), (whose, [6]))
    assert forked.results(0) == {5: 5}
    assert forked.results(1)[6] == (36, parent)


def test_an_abandoned_process_is_ended(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(PROCESSES, "2")
    forked = Forked((lambda key: time.sleep(600), [1]))
    pid = forked._pid
    assert pid is not None
    forked.stop()
    with pytest.raises(ChildProcessError):  # ended, and reaped: no such child any more
        os.waitpid(pid, os.WNOHANG)


ORPHANED = """
import os, signal, sys, time
from explainer.build.forked import Forked
forked = Forked((lambda key: time.sleep(0.05), list(range(2000))))
print(forked._pid, flush=True)
time.sleep(0.3)
os.kill(os.getpid(), signal.SIGKILL)  # the build killed (a CI timeout, kill) before it stopped its fork
"""


def test_the_process_leaves_when_its_build_is_killed(tmp_path: Path):
    """Else it would go on for the whole batch, holding the build's lock (its copy of the
    lock file's descriptor): the next make html would wait for it."""
    said = tmp_path / "said"
    with said.open("w") as out:  # a file, not a pipe: the fork holds it too, and a pipe's end would wait for it
        subprocess.run([sys.executable, "-c", ORPHANED], stdout=out, env={**os.environ, PROCESSES: "2"})
    pid = int(said.read_text().split()[0])
    status = Path(f"/proc/{pid}/status")
    for _ in range(100):  # it leaves within a job (0.05 s); the whole batch would take 100 s
        if not status.exists() or "State:\tZ" in status.read_text():
            break
        time.sleep(0.1)
    else:
        os.kill(pid, 9)
        pytest.fail("the forked process outlived its build")

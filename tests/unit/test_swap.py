"""The last stage of a build (explainer/build/swap.py): the new site takes output/'s place
in one step, and a failure at any step leaves output/ a whole site, the old one or the new
one, never none and never a mix. First swap.replace on small folders, then the build
(explainer/build/run.py) around it, each step made to fail in turn."""

from __future__ import annotations

import errno
import os
import re
import shutil
import threading
from pathlib import Path

import pytest

from explainer.build import swap
from support import build_here, edit, snapshot

_real_exchange = swap.exchange
_real_rename = Path.rename


def site(folder: Path, text: str) -> Path:
    """A small site: a few files in folders, each saying `text`."""
    for name in ("index.html", "a/page.html", "a/b/deep.html"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(f"{name}: {text}", encoding="utf-8")
    return folder


@pytest.fixture
def old_and_new(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes], dict[str, bytes]]:
    """output/ holding the old site, a scratch folder beside it holding the new one, and their bytes."""
    output, new = site(tmp_path / "output", "old"), site(tmp_path / ".output-build-1", "new")
    (new / "only-new.html").write_text("added", encoding="utf-8")
    return output, new, snapshot(output), snapshot(new)


def fail_renaming(monkeypatch, source: Path, target: Path) -> None:
    """Path.rename fails (as a full or read-only disk would) for source -> target only."""
    def rename(self: Path, to):
        if Path(self) == source and Path(to) == target:
            raise OSError(errno.EIO, "Input/output error", str(self))
        return _real_rename(self, to)
    monkeypatch.setattr(Path, "rename", rename)


def unsupported(a, b) -> None:
    raise swap.ExchangeUnsupported(errno.EINVAL, "Invalid argument", str(a))


# --- swap.replace ---------------------------------------------------------------------------

def test_the_exchange_puts_the_new_site_in_place_and_the_old_one_in_the_scratch_folder(old_and_new):
    output, new, old_bytes, new_bytes = old_and_new
    swap.replace(output, new)
    assert snapshot(output) == new_bytes
    assert snapshot(new) == old_bytes  # for the build to remove


def test_a_failed_exchange_leaves_output_as_it_was(old_and_new, monkeypatch):
    output, new, old_bytes, new_bytes = old_and_new

    def failing(a, b):
        raise OSError(errno.EIO, "Input/output error", str(a))

    monkeypatch.setattr(swap, "exchange", failing)
    with pytest.raises(OSError):
        swap.replace(output, new)
    assert snapshot(output) == old_bytes and snapshot(new) == new_bytes


def test_the_first_site_is_renamed_into_place(tmp_path: Path):
    new = site(tmp_path / ".output-build-1", "new")
    new_bytes = snapshot(new)
    swap.replace(tmp_path / "output", new)
    assert snapshot(tmp_path / "output") == new_bytes and not new.exists()


def test_a_first_site_whose_rename_fails_leaves_no_output(tmp_path: Path, monkeypatch):
    output, new = tmp_path / "output", site(tmp_path / ".output-build-1", "new")
    fail_renaming(monkeypatch, new, output)
    with pytest.raises(OSError):
        swap.replace(output, new)
    assert not output.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".output-build-1"]


def test_without_an_exchange_two_renames_do_it(old_and_new, monkeypatch):
    output, new, old_bytes, new_bytes = old_and_new
    monkeypatch.setattr(swap, "exchange", unsupported)
    swap.replace(output, new)
    assert snapshot(output) == new_bytes and snapshot(new) == old_bytes
    assert sorted(p.name for p in output.parent.iterdir()) == [".output-build-1", "output"]  # no ".output-old-*"


def test_without_an_exchange_a_failed_second_rename_puts_the_old_site_back(old_and_new, monkeypatch):
    output, new, old_bytes, new_bytes = old_and_new
    monkeypatch.setattr(swap, "exchange", unsupported)
    fail_renaming(monkeypatch, new, output)
    with pytest.raises(OSError):
        swap.replace(output, new)
    assert snapshot(output) == old_bytes and snapshot(new) == new_bytes
    assert sorted(p.name for p in output.parent.iterdir()) == [".output-build-1", "output"]


def test_without_an_exchange_a_failed_first_rename_leaves_output_as_it_was(old_and_new, monkeypatch):
    output, new, old_bytes, new_bytes = old_and_new
    monkeypatch.setattr(swap, "exchange", unsupported)
    fail_renaming(monkeypatch, output, output.with_name(f".output-old-{os.getpid()}"))
    with pytest.raises(OSError):
        swap.replace(output, new)
    assert snapshot(output) == old_bytes and snapshot(new) == new_bytes


def test_an_exchange_the_file_system_refuses_is_told_apart_from_a_failure(tmp_path: Path):
    """EINVAL, ENOSYS, ENOTSUP: the file system cannot (the two renames do it); anything else
    is a failure, raised as it is (a missing folder here)."""
    (tmp_path / "a").mkdir()
    with pytest.raises(OSError) as raised:
        swap.exchange(tmp_path / "a", tmp_path / "missing")
    assert raised.value.errno == errno.ENOENT and not isinstance(raised.value, swap.ExchangeUnsupported)


def test_output_exists_at_every_moment_of_many_swaps(tmp_path: Path):
    """A reader polling output/ while builds replace it never finds it missing (an extra to
    the step-by-step tests above: the exchange is one system call)."""
    output, new = site(tmp_path / "output", "0"), tmp_path / ".output-build"
    missing, stop = [], threading.Event()

    def poll() -> None:
        while not stop.is_set():
            if not os.path.isdir(output):
                missing.append(1)

    poller = threading.Thread(target=poll)
    poller.start()
    try:
        for n in range(1, 101):
            site(new, str(n))
            swap.replace(output, new)
            shutil.rmtree(new)
    finally:
        stop.set()
        poller.join()
    assert (output / "index.html").read_text(encoding="utf-8") == "index.html: 100"
    assert not missing, f"output/ was missing {len(missing)} times"


# --- The build around it (run.py): a real build of the fixture site, each step failing -------

@pytest.fixture
def project(good_project, tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """A copy of the built fixture project, changed so that its next build differs from the
    output it has: (project, that output's bytes)."""
    good, before = good_project
    project = tmp_path / "project"
    shutil.copytree(good, project)
    edit(project / "theme/static/css/site.css", ":root {", ".rebuilt {}\n\n:root {")
    return project, before


def new_site_complete(output: Path, before: dict[str, bytes]) -> bool:
    """The new build's site: every file of the old one, the same but for the changed stylesheet."""
    after = snapshot(output)
    return (sorted(after) == sorted(before) and b".rebuilt {}" in after["theme/css/site.css"]
            and [name for name in after if after[name] != before[name]] == ["theme/css/site.css"])


def leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith(".output"))


def test_a_build_whose_exchange_fails_leaves_output_as_it_was(project, monkeypatch):
    project, before = project

    def failing(a, b):
        raise OSError(errno.EIO, "Input/output error", str(a))

    monkeypatch.setattr(swap, "exchange", failing)
    result = build_here(project, project / "output")
    assert result.returncode == 1
    assert "the new site could not be put in place: [Errno 5] Input/output error" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(project / "output") == before
    assert leftovers(project) == []


@pytest.mark.slow  # a build each; swap.replace's own tests above are fast
@pytest.mark.parametrize("when", ["right after the exchange", "while removing the old site"])
def test_a_build_stopped_after_the_exchange_leaves_the_new_site(project, monkeypatch, when: str):
    """Stopped (Ctrl-C, or the process killed) once the exchange is done: output/ is the new
    site, whole; the old one is at most left in the scratch folder, whole too."""
    project, before = project
    if when == "right after the exchange":
        def exchange_then_stop(a, b):
            _real_exchange(a, b)
            raise KeyboardInterrupt
        monkeypatch.setattr(swap, "exchange", exchange_then_stop)
        stopped = KeyboardInterrupt
    else:
        real_rmtree = shutil.rmtree

        def rmtree(path, *args, **kwargs):
            if Path(path).parent == project and re.fullmatch(r"\.output-build-[a-z0-9_]+", Path(path).name):
                raise SystemExit(1)  # the process dies here (the scratch folder; not the search index's)
            return real_rmtree(path, *args, **kwargs)
        monkeypatch.setattr(shutil, "rmtree", rmtree)
        stopped = SystemExit
    with pytest.raises(stopped):
        build_here(project, project / "output")
    assert new_site_complete(project / "output", before)
    left = leftovers(project)
    if when == "right after the exchange":
        assert left == []  # the build's cleanup still ran
    else:
        (scratch,) = left
        assert snapshot(project / scratch) == before


@pytest.mark.slow  # a build; swap.replace's own test above is fast
def test_a_first_build_whose_rename_fails_leaves_no_output(project, monkeypatch):
    project, _ = project
    shutil.rmtree(project / "output")
    output = project / "output"

    def rename(self: Path, to):
        if Path(to) == output:
            raise OSError(errno.EIO, "Input/output error", str(self))
        return _real_rename(self, to)

    monkeypatch.setattr(Path, "rename", rename)
    result = build_here(project, output)
    assert result.returncode == 1 and "could not be put in place" in result.stderr, result.stderr
    assert not output.exists()
    assert leftovers(project) == []


@pytest.mark.slow  # a build; swap.replace's own test above is fast
def test_a_build_without_an_exchange_puts_the_old_site_back_if_the_new_one_cannot_move_in(project, monkeypatch):
    project, before = project
    output = project / "output"
    monkeypatch.setattr(swap, "exchange", unsupported)

    def rename(self: Path, to):
        if Path(self).name.startswith(".output-build-") and Path(to) == output:
            raise OSError(errno.EIO, "Input/output error", str(self))
        return _real_rename(self, to)

    monkeypatch.setattr(Path, "rename", rename)
    result = build_here(project, output)
    assert result.returncode == 1 and "could not be put in place" in result.stderr, result.stderr
    assert snapshot(output) == before
    assert leftovers(project) == []


@pytest.mark.slow  # a build; swap.replace's own test above is fast
def test_a_build_without_an_exchange_replaces_the_site(project, monkeypatch):
    project, before = project
    monkeypatch.setattr(swap, "exchange", unsupported)
    result = build_here(project, project / "output")
    assert result.returncode == 0, result.stderr
    assert new_site_complete(project / "output", before)
    assert leftovers(project) == []

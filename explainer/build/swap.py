"""The last stage: the new site takes the output folder's place in one step.

The build writes the whole site into a scratch folder beside the output folder (one file
system), and only when all of it succeeded puts it in place: with no output folder yet, by
renaming the scratch folder; otherwise by exchanging the two folders in one system call
(Linux's renameat2 with RENAME_EXCHANGE, macOS's renamex_np with RENAME_SWAP), so that the
output path always names a whole site, the old one until the new one. The old site is
then under the scratch name, for the build to remove.

Where the file system cannot exchange two folders, two renames do it (the old site moved
aside, the new one moved in, the old one put back if that fails): a crash between the two
would leave no output folder, which the exchange never can.
"""

from __future__ import annotations

import ctypes
import errno
import os
from pathlib import Path

from ..core.routes import NOTES_FORMAT, NOTES_JSON

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2  # linux/fs.h
_RENAME_SWAP = 2  # macOS stdio.h


class ExchangeUnsupported(OSError):
    """The system or file system cannot exchange two paths in one step."""


def refusal(output: Path, content: Path) -> str | None:
    """Why the build must not put a site at `output` (None if it may): the swap replaces the
    folder whole, so it must never be the content, a folder holding it, or a folder of
    something other than a site a build made (whose open data, data/notes.json, says so:
    written by the build itself, whatever the site's templates)."""
    where, source = output.resolve(), content.resolve()
    if where == source or where in source.parents or source in where.parents:
        return f"{output} is the content folder, holds it or is inside it: a build replaces its output folder whole"
    if where.exists() and not where.is_dir():
        return f"{output} is a file, not a folder"
    if where.is_dir() and any(where.iterdir()) and not _built_here(where):
        held = sorted(p.name for p in where.iterdir())
        return (f"{output} holds files no build made ({', '.join(held[:3])}{', ...' if len(held) > 3 else ''}): "
                "a build replaces its output folder whole. Give an empty or new folder, or remove it first")
    return None


def _built_here(folder: Path) -> bool:
    """The folder is a site a build of this generator made: its notes' open data says so."""
    try:
        with (folder / NOTES_JSON).open("rb") as notes:
            head = notes.read(256)
    except OSError:
        return False
    return f'"format": "{NOTES_FORMAT.split("/")[0]}/'.encode() in head


def replace(output: Path, new: Path) -> None:
    """Put the site in `new` where `output` is; afterwards `new` holds the old site (if any)."""
    if not output.exists():
        new.rename(output)  # one step; fails if an output folder appeared meanwhile
        return
    try:
        exchange(new, output)
    except ExchangeUnsupported:
        _rename_twice(new, output)


def exchange(a: Path, b: Path) -> None:
    """`a` and `b` swap places, in one system call."""
    libc = ctypes.CDLL(None, use_errno=True)
    if hasattr(libc, "renameat2"):
        done = libc.renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    elif hasattr(libc, "renamex_np"):
        done = libc.renamex_np(os.fsencode(a), os.fsencode(b), _RENAME_SWAP)
    else:
        raise ExchangeUnsupported(errno.ENOSYS, "this system cannot exchange two folders in one step", str(a))
    if done != 0:
        code = ctypes.get_errno()
        kind = ExchangeUnsupported if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP) else OSError
        raise kind(code, os.strerror(code), str(a), None, str(b))


def _rename_twice(new: Path, output: Path) -> None:
    old = output.with_name(f".{output.name}-old-{os.getpid()}")
    output.rename(old)
    try:
        new.rename(output)
    except BaseException:
        old.rename(output)
        raise
    old.rename(new)

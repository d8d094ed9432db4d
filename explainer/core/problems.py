"""Errors about content, reported to authors as `path:line: message`."""

from __future__ import annotations

import difflib
import logging
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one content file, at a 1-based line (0: the file as a whole)."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class BuildError(Exception):
    """A build stopped for a reason its message says in full: bad content, or a tool that
    failed. Reported as that message, never with a traceback."""


def without_traceback(record: logging.LogRecord) -> bool:
    """A logging filter (on Pelican's logger): Pelican logs what stopped a run with its
    traceback, which for a BuildError says nothing the message does not."""
    if record.exc_info and isinstance(record.exc_info[1], BuildError):
        record.exc_info, record.exc_text = None, None
    return True


class ContentError(BuildError):
    """Raised with every problem found, so one run reports them all."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def display_path(path: str | Path) -> str:
    """The path as an author would type it: relative to the working directory when inside it."""
    path = Path(os.path.abspath(path))
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' (did you mean "x"?)' for the closest choice, or ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


MAX_BYTES = 1_000_000  # a notes file or a page; an article is about 4 KB


def read_utf8(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """The file's text, or a problem: a folder, too large, or the line of the first byte that
    is not UTF-8."""
    if path.is_dir():  # "extra.yaml/" among the notes files
        return None, [Problem(shown, 0, "a folder where a file is read: rename it, or move it out of here")]
    if path.is_symlink() and not path.exists():
        return None, [Problem(shown, 0, f"a link to {os.readlink(path)}, which is not there: remove the link, "
                                        "or point it at the file")]
    if not path.is_file():  # a pipe or a device would be waited on for ever
        return None, [Problem(shown, 0, "not a regular file: replace it with the file, or move it out of here")]
    size = path.stat().st_size
    if size > MAX_BYTES:
        return None, [Problem(shown, 1, f"the file is {size / 1e6:.1f} MB; notes and pages are at most "
                                        f"{MAX_BYTES / 1e6:.0f} MB: split it into several files")]
    return decode_utf8(path.read_bytes(), shown)


def decode_utf8(raw: bytes, shown: str) -> tuple[str | None, list[Problem]]:
    """Bytes already read as text, or the problem at the line of the first byte that is not UTF-8."""
    try:
        return raw.decode("utf-8-sig"), []  # a byte-order mark some editors add is not content
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(shown, line, f"not valid UTF-8 (byte {raw[error.start]:#04x}); save the file as UTF-8")]


def report(problems: list[Problem], what: str) -> None:
    """Every problem on its own line, then how many and what became of the build (stderr)."""
    for problem in problems:
        print(problem, file=sys.stderr)
    n = len(problems)
    print(f"{n} problem{'s' if n != 1 else ''} found; {what}", file=sys.stderr)

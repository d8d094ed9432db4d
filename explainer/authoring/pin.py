"""Which generator a site uses: `explainer[test] @ git+<url>@<commit>` at the top of the
site's requirements.lock, followed by the generator's own pins at that commit (its
requirements.lock), so that a site installs exactly what the generator was tested with.
The npm pins of the test tools (package.json, package-lock.json) and the site's Makefile
(the generator's, the same in every site) come from the same commit. `make new-site`
writes them; `make upgrade` moves them to another commit."""

from __future__ import annotations

import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..core.problems import ContentError, Problem, display_path
from ..core.version import installed_from

LOCK = "requirements.lock"
# The files a site takes from the generator at its commit: the generator's path -> the site's.
PINNED_FILES = {LOCK: LOCK, "package.json": "package.json", "package-lock.json": "package-lock.json",
                "explainer/authoring/site/Makefile": "Makefile"}
_LINE = re.compile(r"^explainer\[test\] @ (?P<url>git\+\S+)@(?P<commit>[0-9a-f]{40})\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Pin:
    url: str  # git+file:///path or git+https://host/repo
    commit: str

    @property
    def requirement(self) -> str:
        return f"explainer[test] @ {self.url}@{self.commit}"


def _git(*args: str, cwd: Path | None = None) -> str:
    try:
        run = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)
    except FileNotFoundError:
        raise ContentError([Problem("git", 0, "git is not installed: a site installs its generator from a git "
                                              "commit (apt-get install git)")]) from None
    if run.returncode != 0:
        raise ContentError([Problem("git", 0, f"git {' '.join(args)}: {run.stderr.strip() or 'failed'}")])
    return run.stdout.strip()


def this_generator() -> tuple[Pin, str | None]:
    """The generator running now, as a pin, and a warning when its checkout has changes no
    commit holds (a site pins commits: those changes would not be in it)."""
    vcs = installed_from()
    if vcs:  # itself installed from a commit (a site's generator starting another site)
        return Pin("git+" + vcs[0], vcs[1]), None
    checkout = Path(__file__).resolve().parents[2]
    if not (checkout / ".git").exists():
        raise ContentError([Problem(str(checkout), 0, "this generator is neither a git checkout nor installed from "
                                                      "one: give where sites install it from, --generator "
                                                      "git+https://host/repo@commit")])
    # file://localhost/: the pip that Python 3.11's venv brings (23.2) refuses a URL without a host.
    pin = Pin(f"git+file://localhost{checkout}", _git("rev-parse", "HEAD", cwd=checkout))
    dirty = _git("status", "--porcelain", "--untracked-files=no", cwd=checkout)
    warning = (f"note: the generator's checkout has uncommitted changes; the site pins commit {pin.commit[:12]}, "
               "which does not hold them") if dirty else None
    return pin, warning


def parse_pin(spec: str) -> Pin:
    """--generator git+URL@COMMIT."""
    url, _, commit = spec.rpartition("@")
    if not url.startswith("git+") or not re.fullmatch(r"[0-9a-f]{40}", commit):
        raise ContentError([Problem("--generator", 0, f"{spec!r}: give git+URL@COMMIT, the commit as 40 hex digits")])
    return Pin(url, commit)


def pinned_files(url: str, ref: str) -> tuple[str, dict[str, bytes]]:
    """The commit `ref` names at `url` (a branch, a tag, a commit; "HEAD": the newest), and the
    generator's pin files at it, read from a clone made for the purpose."""
    with tempfile.TemporaryDirectory(prefix="explainer-generator-") as scratch:
        _git("clone", "--quiet", "--no-checkout", url.removeprefix("git+"), scratch)
        commit = _git("rev-parse", "--verify", f"{ref}^{{commit}}", cwd=Path(scratch))
        files = {}
        for name, in_site in PINNED_FILES.items():
            shown = subprocess.run(["git", "show", f"{commit}:{name}"], cwd=scratch, capture_output=True)
            if shown.returncode != 0:
                raise ContentError([Problem(url, 0, f"the generator at {commit[:12]} has no {name}: it predates "
                                                    "sites made by make new-site; give a newer commit")])
            files[in_site] = shown.stdout
    return commit, files


def lock_text(pin: Pin, generator_lock: bytes) -> str:
    pins = [line for line in generator_lock.decode("utf-8").splitlines() if line and not line.startswith("#")]
    return ("# The generator, pinned to a commit, and everything it needs, pinned as the generator pins it:\n"
            "# `make` installs exactly these; `make upgrade [TO=commit]` rewrites this file.\n"
            + "\n".join([pin.requirement, *pins]) + "\n")


def write_pins(site: Path, pin: Pin, files: dict[str, bytes]) -> None:
    (site / LOCK).write_text(lock_text(pin, files[LOCK]), encoding="utf-8")
    for name, data in files.items():
        if name != LOCK:
            (site / name).write_bytes(data)


def site_pin(site: Path) -> Pin:
    lock = site / LOCK
    found = _LINE.search(lock.read_text(encoding="utf-8")) if lock.is_file() else None
    if found is None:
        raise ContentError([Problem(display_path(lock), 1, "no `explainer[test] @ git+URL@COMMIT` line: this is not a "
                                                           "site made by make new-site (or its pin was edited)")])
    return Pin(found["url"], found["commit"])


def upgrade(site: Path, ref: str = "HEAD") -> str:
    """Move the site's pins to the generator at `ref`; what changed, said in a line."""
    old = site_pin(site)
    commit, files = pinned_files(old.url, ref)
    if commit == old.commit:
        return f"already at {commit[:12]} ({ref} of {old.url}): nothing to change"
    write_pins(site, Pin(old.url, commit), files)
    return (f"explainer: {old.commit[:12]} -> {commit[:12]} ({ref} of {old.url}); {', '.join(PINNED_FILES.values())} "
            "rewritten from it")

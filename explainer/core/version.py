"""Which generator built a site, as the site records it (the pages' `generator` meta, notes.json):
the package's version and, when it was installed from a commit (a site's pinned generator),
that commit, read from the installation's PEP 610 record (direct_url.json)."""

from __future__ import annotations

import functools
import json
from importlib import metadata


def installed_from() -> tuple[str, str] | None:
    """(where from, the commit) when the generator was installed from a git commit, else None
    (a checkout's editable install, or run from a folder without installing)."""
    try:
        dist = metadata.distribution("explainer")
    except metadata.PackageNotFoundError:
        return None
    record = json.loads(dist.read_text("direct_url.json") or "{}")
    commit = record.get("vcs_info", {}).get("commit_id")
    return (record["url"], commit) if commit else None


@functools.cache
def generator() -> str:
    """'explainer 0.2.0', or 'explainer 0.2.0 (git 1a2b3c4d5e6f)' for an install from a commit."""
    try:
        version = metadata.version("explainer")
    except metadata.PackageNotFoundError:  # run from a folder without installing: no version to give
        return "explainer"
    vcs = installed_from()
    return f"explainer {version}" + (f" (git {vcs[1][:12]})" if vcs else "")


@functools.cache
def pelican() -> str:
    return f"Pelican {metadata.version('pelican')}"

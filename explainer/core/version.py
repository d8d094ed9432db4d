"""Which generator built a site, as the site records it (the pages' `generator` meta, notes.json):
the package's version and, when it was installed from a commit (a site's pinned generator),
that commit, read from the installation's PEP 610 record (direct_url.json)."""

from __future__ import annotations

import functools
import json
from importlib import metadata


@functools.cache
def generator() -> str:
    """'explainer 0.2.0', or 'explainer 0.2.0 (git 1a2b3c4d5e6f)' for an install from a commit."""
    try:
        dist = metadata.distribution("explainer")
    except metadata.PackageNotFoundError:  # run from a folder without installing: no version to give
        return "explainer"
    commit = json.loads(dist.read_text("direct_url.json") or "{}").get("vcs_info", {}).get("commit_id")
    return f"explainer {dist.version}" + (f" (git {commit[:12]})" if commit else "")


@functools.cache
def pelican() -> str:
    return f"Pelican {metadata.version('pelican')}"

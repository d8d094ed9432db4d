"""`make test` in a site (and `make test-site SITE=path` in the generator's repository): the
site suite (links, anchors, completeness, fidelity, coverage, valid HTML, axe) on a site.
Options after the site's are pytest's (-k, -x, -m "not browser" ...)."""

from __future__ import annotations

import argparse
from pathlib import Path


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainer test-site", description=__doc__)
    parser.add_argument("--site", type=Path, default=Path("."), help="the site's folder (default: here)")
    args, pytest_args = parser.parse_known_args(argv)

    import pytest

    from ..ops import site_suite

    suite = Path(site_suite.__file__).parent
    # Its own ini file, so the suite runs the same inside the generator's repository and from an
    # installed package; no cache written into the package's folder.
    return int(pytest.main([str(suite), "-c", str(suite / "pytest.ini"), "--rootdir", str(suite),
                            "-p", "no:cacheprovider", "--site", str(args.site.resolve()), *pytest_args]))

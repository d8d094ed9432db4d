"""The path of the installed generator's site.mk, the targets every site has: a site's Makefile
includes it (it writes `include <path>` into its environment once the generator is installed)."""

from __future__ import annotations

from pathlib import Path


def main(argv: list[str]) -> int:
    from ..ops import site

    print(Path(site.__file__).with_name("site.mk"))
    return 0

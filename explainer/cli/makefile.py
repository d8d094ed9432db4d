"""The Makefile every site includes: `include <path>` of the installed generator's site.mk,
which a site's Makefile writes into its environment once the generator is installed."""

from __future__ import annotations

from pathlib import Path


def main(argv: list[str]) -> int:
    from ..ops import site

    print(f"include {Path(site.__file__).with_name('site.mk')}")
    return 0

"""`make bench` at its smallest size, to prove it runs and prints what it promises. Its
numbers are not checked here: speed is measured by the benchmark, never in a test."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from support import ROOT


@pytest.mark.slow  # builds a generated site of ten articles, and bare Pelican's, several times
def test_bench_runs_at_the_smallest_size():
    result = subprocess.run([sys.executable, "-m", "explainer", "bench", "--sizes", "10", "--runs", "1"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^bench: N=10 ours=\d+\.\d\ds bare=\d+\.\d\ds ratio=\d+\.\d\d$", result.stdout, re.MULTILINE)
    for k in (10, 100, 1000):
        assert re.search(rf"^bench: linking K={k} \d+\.\d ms", result.stdout, re.MULTILINE)
    # Rebuilds with the cache the last build left: a figure's description shows only in its
    # preview card, its id in the one article stating it, an entity's names in those naming it.
    # Only when nothing changed is the search index (made from the notes) kept as it was.
    for change, pages in (("nothing", "0 article pages rendered; search index kept"),
                          ("one figure's description", "0 article pages rendered"),
                          ("one figure's id", "1 article page rendered"),
                          ("the theme's CSS", "0 article pages rendered; search index kept")):
        assert re.search(rf"^ +rebuild after {change} changed: \d+\.\d\ds \({pages}\)$",
                         result.stdout, re.MULTILINE), result.stdout
    aliases = re.search(r"^ +rebuild after one entity's aliases changed: \d+\.\d\ds \((\d+) article pages? rendered\)$",
                        result.stdout, re.MULTILINE)
    assert aliases and 1 <= int(aliases[1]) <= 10, result.stdout

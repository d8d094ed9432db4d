"""`make bench` at its smallest size, to prove it runs and prints what it promises. Its
numbers are not checked here: speed is measured by the benchmark, never in a test."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import ROOT


def test_bench_runs_at_the_smallest_size():
    result = subprocess.run([sys.executable, "-m", "explainer", "bench", "--sizes", "10", "--runs", "1"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^bench: N=10 ours=\d+\.\d\ds bare=\d+\.\d\ds ratio=\d+\.\d\d$", result.stdout, re.MULTILINE)
    for k in (10, 100, 1000):
        assert re.search(rf"^bench: linking K={k} \d+\.\d ms", result.stdout, re.MULTILINE)
    # Rebuilds with the cache the last build left: a changed figure shows in one article only.
    assert re.search(r"^ +rebuild after nothing changed: \d+\.\d\ds \(0 article pages rendered\)$", result.stdout, re.MULTILINE)
    assert re.search(r"^ +rebuild after one figure changed: \d+\.\d\ds \(1 article page rendered\)$", result.stdout, re.MULTILINE)
    summary = re.search(r"^ +rebuild after one entity's summary changed: \d+\.\d\ds \((\d+) article pages? rendered\)$",
                        result.stdout, re.MULTILINE)
    assert summary and 1 <= int(summary[1]) <= 10, result.stdout

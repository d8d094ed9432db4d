"""`make bench`: how the build's cost grows with the number of articles, against bare Pelican.

For each size N it writes a synthetic corpus (N articles of about 600 words naming M
entities and K glossary terms at a realistic density, with notes citing their paragraphs)
and times, in the same run and interleaved so machine noise hits both:
- ours: `python -m explainer build`, the full `make html` pipeline;
- bare: Pelican with its default theme and Markdown reader on the same Markdown.
Ours builds from nothing each time (its cache removed). Then, with the cache the last
build left (Pelican's content cache is on in pelicanconf.py), it times our rebuilds after
changing nothing, one figure's description (only its preview card shows it), one figure's
id (its link is in the one article stating it), one entity's aliases (every article
naming it) and the theme's CSS (nothing the notes or the search index hold), with the
number of article pages rendered again and whether the search index was kept.
It prints one line per size (median of the runs) and the cost of the term-linking step
alone for K = 10, 100 and 1000 terms on the same text. A benchmark, not a test.

`make bench-preview` times the live preview instead (docs/benchmarks.md):
the dev server on a copy of the project, a page open in Chromium, and from the moment an
edit to the notes is saved until the screen shows it: a valid edit (the page reloads with
the new text), a breaking one (the problems show over the page) and the fix (the page comes
back with it); 10 runs, median and max.
"""

from __future__ import annotations

import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ..build.settings import THEME
from .browser import CHROMIUM, MISSING, chromium
from .devserver import DevserverProcess

ROOT = Path(__file__).resolve().parents[2]  # the repository: the demo's settings and content
WORDS = ("the market company plan said would year growth share sales price deal board new more its after "
         "investors report analysts expected quarter chief executive cost business group customers rise "
         "global years strategy could since also under make record demand supply first while talks").split()


def _names(rng: random.Random, count: int, capital: bool) -> list[str]:
    syllables = ["ka", "lo", "mi", "ren", "vor", "tas", "ne", "quil", "dor", "san", "bri", "tel", "mu", "zar"]
    names: set[str] = set()
    while len(names) < count:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        names.add(word.capitalize() + (" Group" if rng.random() < 0.3 else "") if capital else word + "ization")
    return sorted(names)


# The corpus's home page (its story, from the notes, at the end).
HOME = """---
title: The benchmark, explained
template: home
slug: index
summary: A synthetic corpus of articles for the build benchmark.
---

This site explains the news, word for word: what it says, who the companies in it are, and
what its words mean. Every statement taken from an article links to the paragraph it rests on.
"""


def write_corpus(folder: Path, articles: int, entities: int, terms: int, seed: int = 7) -> None:
    """The same articles twice: as our content (with notes) and as bare Pelican pages."""
    rng = random.Random(seed)
    entity_names, term_names = _names(rng, entities, True), _names(rng, terms, False)
    ours, bare = folder / "ours" / "content", folder / "bare" / "content" / "pages"
    (ours / "notes").mkdir(parents=True)
    bare.mkdir(parents=True)
    facts: dict[str, list[str]] = {name: [] for name in entity_names}
    figures = []
    for a in range(articles):
        aid = f"story-{a:04d}"
        title = f"{rng.choice(entity_names)} and {rng.choice(entity_names)} report {rng.choice(WORDS)} {a}"
        blocks: list[tuple[str, str]] = []
        for p in range(8):
            if p in (3, 6):
                blocks.append(("h", f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} {p}"))
            sentences = []
            for _ in range(5):
                words = [rng.choice(WORDS) for _ in range(13)]
                words.insert(rng.randrange(13), rng.choice(entity_names))
                if rng.random() < 0.6:
                    words.insert(rng.randrange(13), rng.choice(term_names))
                sentence = " ".join(words)
                sentences.append(sentence[0].upper() + sentence[1:] + ".")
            if p == 0:
                sentences.append(f"The stake rose by {rng.randint(2, 60)}% this year.")
            blocks.append(("p", " ".join(sentences)))
        source = "\n\n".join([title, *(text for _, text in blocks)]) + "\n"
        body = "\n\n".join(f"## {text}" if kind == "h" else text for kind, text in blocks) + "\n"
        folder_a = ours / "articles" / aid
        folder_a.mkdir(parents=True)
        (folder_a / "source.txt").write_text(source, encoding="utf-8")
        (folder_a / "article.md").write_text(
            f"---\ntitle: \"{title}\"\nauthor: Bench Writer\npublisher: example.org\n"
            f"source_url: https://example.org/{aid}\n---\n\n{body}", encoding="utf-8")
        (bare / f"{aid}.md").write_text(f"Title: {title}\nAuthor: Bench Writer\n\n{body}", encoding="utf-8")
        first = blocks[0][1]
        named = next(n for n in entity_names if n in first)
        quote = first.split(".")[0]
        facts[named].append(f"      - text: Named in a report.\n"
                            f"        source: {{paragraph: \"{aid}#p1\", quote: \"{quote}\"}}\n")
        stake = first[first.index("The stake rose"):].rstrip(".")
        figures.append(f"  - id: stake-{a:04d}\n    value: \"{stake.split()[4]}\"\n    measures: A stake's rise.\n"
                       f"    source: {{paragraph: \"{aid}#p1\", quote: \"{stake}\"}}\n")
    (ours / "notes" / "entities.yaml").write_text("entities:\n" + "".join(
        f"  - id: e{i:04d}\n    name: {name}\n    kind: company\n    summary: A company in the benchmark.\n"
        + ("    facts:\n" + "".join(facts[name]) if facts[name] else "")
        for i, name in enumerate(entity_names)), encoding="utf-8")
    uses = {name: _first_use(ours, name) for name in term_names}
    (ours / "notes" / "terms.yaml").write_text("terms:\n" + "".join(
        f"  - id: t{i:04d}\n    term: {name}\n    definition: A word in the benchmark.\n    in_article: Used.\n"
        f"    source: {{paragraph: \"{uses[name][0]}\", quote: \"{uses[name][1]}\"}}\n"
        for i, name in enumerate(term_names) if uses[name][0]), encoding="utf-8")
    (ours / "notes" / "figures.yaml").write_text("figures:\n" + "".join(figures), encoding="utf-8")
    (ours / "index.md").write_text(HOME, encoding="utf-8")
    _own_theme(folder / "ours")
    (folder / "bare" / "pelicanconf.py").write_text(
        'SITENAME = "Bare"\nPATH = "content"\nTIMEZONE = "UTC"\nDEFAULT_LANG = "en"\nPLUGINS = []\n'
        "FEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\nTRANSLATION_FEED_ATOM = None\n"
        "AUTHOR_FEED_ATOM = None\nAUTHOR_FEED_RSS = None\nRELATIVE_URLS = True\n", encoding="utf-8")


def _first_use(content: Path, term: str) -> tuple[str, str]:
    """The first paragraph using a term, and the sentence that does ("" and "" if none)."""
    for source in sorted(content.glob("articles/*/source.txt")):
        paragraphs = [b for b in source.read_text(encoding="utf-8").split("\n\n")[1:] if b.endswith(".")]
        for n, text in enumerate(paragraphs, 1):
            sentence = next((s for s in text.split(". ") if f" {term} " in f" {s.rstrip('.')} "), None)
            if sentence:
                return f"{source.parent.name}#p{n}", sentence.rstrip(".")
    return "", ""


def _time(command: list[str], cwd: Path) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"bench: build failed in {cwd}:\n{result.stdout[-2000:]}{result.stderr[-4000:]}")
    return elapsed, result.stdout


def bench_size(n: int, runs: int, work: Path) -> tuple[float, float, list[tuple[str, float, str]]]:
    """Cold builds, ours against bare; then our rebuilds after a change (Pelican's content
    cache on, as in pelicanconf.py): (ours, bare, [(change, seconds, pages rendered)])."""
    folder = work / f"n{n}"
    write_corpus(folder, n, entities=max(20, n // 5), terms=50)
    python = sys.executable
    pelican = str(Path(python).parent / "pelican")
    ours = [python, "-m", "explainer", "build", "--input", "content", "--output",
            str(folder / "out-ours"), "--settings", "pelicanconf.py"]
    bare = [pelican, "content", "-s", "pelicanconf.py", "-o", str(folder / "out-bare"), "-q",
            "--delete-output-directory"]
    times_ours, times_bare = [], []
    for _ in range(runs):  # interleaved, so a noisy moment hits both
        shutil.rmtree(folder / "ours" / "cache", ignore_errors=True)  # a build from nothing
        times_ours.append(_time(ours, folder / "ours")[0])
        times_bare.append(_time(bare, folder / "bare")[0])
    rebuilds = []
    for change, edit in _CHANGES:
        samples, pages = [], ""
        for run in range(runs):
            edit(folder / "ours" / "content" / "notes", run)
            seconds, stdout = _time(ours, folder / "ours")
            samples.append(seconds)
            pages = stdout[stdout.index("explainer: ") + 11:].split(",")[0] if "explainer: " in stdout else "?"
            pages += "; search index kept" if "search index is unchanged" in stdout else ""
        rebuilds.append((change, statistics.median(samples), pages))
    return statistics.median(times_ours), statistics.median(times_bare), rebuilds


def _edit(notes: Path, file: str, old: str, new: str) -> None:
    text = (notes / file).read_text(encoding="utf-8")
    (notes / file).write_text(text.replace(old, new, 1), encoding="utf-8")


def _append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as file:
        file.write(text)


def _add_alias(notes: Path, run: int) -> None:
    """One more alias for the first entity (a new word, so the check accepts it)."""
    if run == 0:
        _edit(notes, "entities.yaml", "  - id: e0000\n", "  - id: e0000\n    aliases: [Zzquil0]\n")
    else:
        _edit(notes, "entities.yaml", "aliases: [Zzquil", f"aliases: [Zzquil{run}, Zzquil")


# What an author changes between two builds (each run a little differently).
_CHANGES = [
    ("nothing", lambda notes, run: None),
    # Shown only in the preview cards, which every build adds to the pages.
    ("one figure's description", lambda notes, run: _edit(notes, "figures.yaml", "measures: A stake's rise",
                                                          f"measures: A stake's rise ({run})")),
    # Its link, in the one article stating it.
    ("one figure's id", lambda notes, run: _edit(notes, "figures.yaml", "  - id: stake-0000", "  - id: stake-0000x")),
    # Its names, in every article naming it.
    ("one entity's aliases", _add_alias),
    # Nothing the notes or the search index hold: the index is kept.
    ("the theme's CSS", lambda notes, run: _append(notes.parents[1] / "theme/static/css/site.css", f"/* {run} */\n")),
]


def bench_linking(runs: int) -> list[tuple[int, float]]:
    """The term-linking step alone, on the same text, with K terms known."""
    from ..core.names import Linker, Target
    from ..core.routes import NoteKey

    rng = random.Random(11)
    text = " ".join(" ".join(rng.choice(WORDS) for _ in range(12)) + " Kalomi Group stakeization." for _ in range(4000))
    results = []
    for k in (10, 100, 1000):
        names = [(name, Target(NoteKey("term", str(i)), "#", False)) for i, name in enumerate(_names(rng, k - 1, False))]
        names.append(("stakeization", Target(NoteKey("term", "x"), "#", False)))
        linker = Linker(names)
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            found = sum(1 for _ in linker.find(text))
            samples.append(time.perf_counter() - start)
        assert found >= 4000
        results.append((k, statistics.median(samples)))
    return results


def main(sizes: list[int], runs: int) -> int:
    with tempfile.TemporaryDirectory(prefix="explainer-bench-") as tmp:
        rows = []
        for n in sizes:
            ours, bare, rebuilds = bench_size(n, runs, Path(tmp))
            rows.append((n, ours, bare))
            print(f"bench: N={n} ours={ours:.2f}s bare={bare:.2f}s ratio={ours / bare:.2f}", flush=True)
            print(f"       per page: ours={1000 * ours / n:.1f} ms bare={1000 * bare / n:.1f} ms", flush=True)
            for change, seconds, pages in rebuilds:
                print(f"       rebuild after {change} changed: {seconds:.2f}s ({pages})", flush=True)
        for k, seconds in bench_linking(runs):
            print(f"bench: linking K={k} {1000 * seconds:.1f} ms for 4000 sentences", flush=True)
        if len(rows) > 1:
            (n1, o1, _), (n2, o2, _) = rows[-2], rows[-1]
            print(f"bench: per-page cost N={n2} / N={n1}: {(o2 / n2) / (o1 / n1):.2f}", flush=True)
    return 0


# --- Live preview: from a save to the screen --------------------------------------------------

PREVIEW_PAGE = "figures.html"
PREVIEW_NOTES = "content/notes/figures.yaml"
PREVIEW_TEXT = "Renault's stake in Nissan, now and after"  # a figure's description, on the page
PREVIEW_SOURCE = 'source: {paragraph: p4, quote: "reduce its stake in Nissan from 43% to 15%"}'
# In the page, each time: when the problems panel was first painted (the frame after it was
# added), and when this document first painted (it carries the new text, or it would not be
# the page waited for). An init script: the page's CSP does not apply to it.
_PAINT_PROBE = """
new MutationObserver(() => {
  if (window.__panelPainted === undefined && document.querySelector(".explainer-live")) {
    window.__panelPainted = null;
    requestAnimationFrame(() => { window.__panelPainted = performance.timeOrigin + performance.now(); });
  }
}).observe(document, {childList: true, subtree: true});
"""
_FIRST_PAINT = """() => {
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  const nav = performance.getEntriesByType("navigation")[0];
  return performance.timeOrigin + (paint ? paint.startTime : nav.loadEventEnd);
}"""


def _own_theme(project: Path) -> None:
    """The demo's settings with a copy of the generator's theme as the project's own, so that
    a benchmark may edit the theme without touching the package."""
    shutil.copytree(THEME, project / "theme")
    settings = (ROOT / "pelicanconf.py").read_text(encoding="utf-8")
    (project / "pelicanconf.py").write_text(settings + '\nTHEME = "theme"\n', encoding="utf-8")


def bench_preview(runs: int, work: Path) -> dict[str, list[float]]:
    """Milliseconds from each save to the screen (and to the server's end of the rebuild)."""
    project = work / "project"
    shutil.copytree(ROOT / "content", project / "content")
    _own_theme(project)
    notes = project / PREVIEW_NOTES
    good = notes.read_text(encoding="utf-8")
    if PREVIEW_TEXT not in good or PREVIEW_SOURCE not in good:
        raise SystemExit(f"bench: {PREVIEW_NOTES} no longer has the text the benchmark edits")
    times: dict[str, list[float]] = {"edit": [], "edit rebuilt": [], "break": [], "break rebuilt": [],
                                     "fix": [], "fix rebuilt": []}
    server = DevserverProcess(project)
    try:
        server.wait_for("Watching")
        with chromium() as browser:
            page = browser.new_context().new_page()
            page.set_default_timeout(120_000)
            page.add_init_script(_PAINT_PROBE)
            page.goto(f"http://127.0.0.1:{server.port}/{PREVIEW_PAGE}")
            page.wait_for_load_state("load")

            def save(text: str) -> float:
                notes.write_text(text, encoding="utf-8")
                return time.time() * 1000

            def reloaded_with(saved: float, words: str, kind: str) -> None:
                rebuilt, _ = server.wait_for("Rebuilt.")
                page.get_by_text(words).first.wait_for(state="visible")
                page.wait_for_load_state("load")  # its paint timing is complete
                times[kind].append(page.evaluate(_FIRST_PAINT) - saved)
                times[kind + " rebuilt"].append(rebuilt - saved)

            for run in range(runs):
                edited = good.replace(PREVIEW_TEXT, PREVIEW_TEXT.replace("stake", f"stake (edit {run})"), 1)
                reloaded_with(save(edited), f"stake (edit {run}) in", "edit")

                saved = save(edited.replace(PREVIEW_SOURCE, PREVIEW_SOURCE.replace("p4", "p9"), 1))
                failed, _ = server.wait_for("still serving the last good build")
                page.locator(".explainer-live").wait_for(state="visible")
                page.wait_for_function("() => window.__panelPainted")  # a function: no eval in the page
                times["break"].append(page.evaluate("window.__panelPainted") - saved)
                times["break rebuilt"].append(failed - saved)

                fixed = good.replace(PREVIEW_TEXT, PREVIEW_TEXT.replace("stake", f"stake (fixed {run})"), 1)
                reloaded_with(save(fixed), f"stake (fixed {run}) in", "fix")
    finally:
        server.stop()
    return times


def preview(runs: int) -> int:
    if not CHROMIUM.exists():
        print(f"bench: {MISSING}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="explainer-bench-preview-") as tmp:
        times = bench_preview(runs, Path(tmp))
    print(f"bench: live preview, {runs} runs ({PREVIEW_PAGE} open, {PREVIEW_NOTES} saved), save -> screen:",
          flush=True)
    for kind, what in (("edit", "an edit, page reloaded with it"), ("break", "a breaking edit, problems shown"),
                       ("fix", "the fix, page back with it")):
        shown, rebuilt = times[kind], times[kind + " rebuilt"]
        print(f"       {what}: median {statistics.median(shown):.0f} ms, max {max(shown):.0f} ms "
              f"(the rebuild: median {statistics.median(rebuilt):.0f} ms, max {max(rebuilt):.0f} ms)", flush=True)
    return 0

"""Full-text search with Pagefind, indexed offline inside the build, alongside Pelican.

What a reader can find, each labelled with its kind (Pagefind metadata; the search page
narrows results by it. Not Pagefind filters: Pagefind writes its filter index in a
different order on every run, which would break byte-identical builds):
- every paragraph of every article ("Article paragraph"), as its own record, so a
  result goes to the paragraph and not just the page;
- every glossary term, event, figure and editor's note, as records pointing at their
  anchors on the glossary, timeline, key-figures and editor's-notes pages;
- every entity page and the home page, whole, from the HTML the build renders for them
  (their preview cards left out), with an entity's kind and other names as its infobox
  gives them.

The build starts the index once the pages it indexes whole are rendered (before Pelican
writes the site): Pagefind indexes the records in its own process, on the other core,
and the build waits for it once, after Pelican, to move the bundle into the site.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.metadata
import json
import os
import shutil
import subprocess
import tempfile
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from pathlib import Path

from markupsafe import escape
from pagefind.service import get_executable

from ..core.problems import BuildError
from ..content.notes import EDITORS_NOTE_LABELS, Site
from ..core.routes import SEARCH_BUNDLE, NoteKey
from ..render.drafts import is_drafted, plain



@dataclass(frozen=True)
class Record:
    url: str  # from the site root
    title: str
    kind: str
    content: str  # plain text
    html: str = ""  # or, for a page indexed whole, its content as HTML


# Between the parts of a record that its page shows apart (a term's name, its definition, how
# the article uses it): search.js takes the words around a match from one part only, so the
# text fragment a result opens with never spans two of the page's blocks, which no browser
# would find. Shown as is in the results' excerpts, where it reads as a separator.
PART = " · "


def records(site: Site) -> list[Record]:
    """Search records for what has no page of its own."""
    found = []
    for article in site.articles.values():
        for paragraph in article.paragraphs.values():
            n = paragraph.id.removeprefix("p")
            of = f"“{article.title}”" if site.several_articles else "the article"
            found.append(Record(f"/{article.url}#{paragraph.id}", f"Paragraph {n} of {of}",
                                "Article paragraph", paragraph.text))
    for term in site.terms.values():
        name = term.display_name
        found.append(Record("/" + NoteKey("term", term.id).url, name, "Term",
                            PART.join([name, *term.aliases, plain(term.definition, is_drafted(term, "definition"), PART),
                                       plain(term.in_article, is_drafted(term, "in_article"), PART)])))
    for event in site.events:
        found.append(Record("/" + NoteKey("event", event.id).url, event.when, "Event", PART.join([event.when, plain(event.what, is_drafted(event, "what"), PART)])))
    for figure in site.figures:
        found.append(Record("/" + NoteKey("figure", figure.id).url, figure.value, "Figure", PART.join([figure.value, plain(figure.measures, is_drafted(figure, "measures"), PART)])))
    for note in site.editors_notes:
        found.append(Record("/" + NoteKey("note", note.id).url, f"“{note.source.quote}”", "Editor’s note",
                            PART.join([note.source.quote, EDITORS_NOTE_LABELS[note.kind], note.likely, note.why])))
    return found


# Pages indexed whole, by template, and the kind a result says they are.
INDEXED_TEMPLATES = {"entity": "Entity", "home": "Home page"}


def page_record(save_as: str, title: str, template: str, metadata: dict[str, Any], html: str) -> Record | None:
    """A rendered page indexed whole (an entity page, the home page), or None for any other:
    an article is indexed by paragraph."""
    if template not in INDEXED_TEMPLATES:
        return None
    facts = [metadata.get("kind_label", ""), *(f"Also written {a}" for a in metadata.get("aliases", []))]
    return Record(f"/{save_as}", title, INDEXED_TEMPLATES[template], ". ".join(filter(None, facts)), html)


class SearchIndex:
    """Builds the bundle with Pagefind's command line, in its own process on the other core,
    into a folder beside the site's (Pelican may empty the site's own folder before it
    writes: DELETE_OUTPUT_DIRECTORY). Started once, by creating it; `wait` moves the bundle
    into the site, `abandon` (or the end of the process, for a build that failed on the
    way) stops Pagefind and removes what it wrote.

    Not Pagefind's Python API: its service answers "written" while the files may still be
    being written, and closing it then cuts them short (under load, 3 builds in 25 here
    shipped an empty pagefind-entry.json or a truncated script: Pagefind issue #1271,
    fixed after 1.5.2). The command line waits for every write before it exits.

    Records are written as small HTML files that Pagefind reads in one pass; a record's
    real address travels in its `target` metadata, which search.js links to. If they are
    the records of `previous`, the bundle it left is used again and Pagefind does not run
    (it has no incremental mode: at 1000 articles, a rebuild waited for it)."""

    def __init__(self, records: list[Record], site: Path, previous: Previous | None = None,
                 production: bool = False):
        # What the bundle is made from: every record, the Pagefind that indexes them, and the
        # kind of build (`make publish` compresses the bundle it leaves and drops Pagefind's UI:
        # a `make html` after it must not take that bundle for its own).
        self._digest = hashlib.sha256(importlib.metadata.version("pagefind_bin").encode())
        self._digest.update(b"production" if production else b"html")
        self._digest.update(KINDS_FORMAT + repr(PAGEFIND_ENV).encode())  # a bundle whose kinds.json lacks what search.js now reads is not reused
        self._site = site
        self._pagefind: subprocess.Popen[bytes] | None = None
        self._failure = ""
        self._reused = False
        # Named like the folder it is beside (".output-build-…-search-…"), so what cleans
        # those up (make clean) finds it too.
        site.parent.mkdir(parents=True, exist_ok=True)
        self._bundle = Path(tempfile.mkdtemp(prefix=f".{site.name.lstrip('.')}-search-", dir=site.parent))
        try:
            self._records = _records_folder()
        except BaseException:
            shutil.rmtree(self._bundle, ignore_errors=True)
            raise
        self._processes: list[subprocess.Popen[bytes]] = []  # for the finalizer, which cannot hold self
        self._clean_up = weakref.finalize(self, _clean_up, self._records, self._bundle, self._processes)
        try:
            _write_records(self._records, records, self._digest)
        except BaseException:
            self._clean_up()
            raise
        if previous is not None and previous.records == self.digest:
            # Linked into place now, and checked once there: the folder it comes from may be
            # replaced (by another build) before this one ends.
            try:
                shutil.copytree(previous.bundle, self._bundle / SEARCH_BUNDLE, copy_function=_link_or_copy)
                self._reused = _entry_digest(self._bundle / SEARCH_BUNDLE) == previous.entry
            except OSError:
                pass
            if self._reused:
                return
            shutil.rmtree(self._bundle / SEARCH_BUNDLE, ignore_errors=True)  # Pagefind writes it
        binary = get_executable()  # pagefind[bin]'s, or PAGEFIND_BINARY_PATH
        try:
            self._pagefind = subprocess.Popen(
                [str(binary), "--site", str(self._records), "--output-path", str(self._bundle / SEARCH_BUNDLE),
                 "--force-language", "en", "--quiet"],
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                env={**os.environ, **PAGEFIND_ENV})
            self._processes.append(self._pagefind)  # stopped if the build ends without waiting
        except (OSError, TypeError) as error:  # TypeError: no binary at all
            self._failure = f"Pagefind could not start ({binary}): {getattr(error, 'strerror', None) or 'not installed'}"

    @property
    def digest(self) -> str:
        return self._digest.hexdigest()

    def wait(self) -> Previous | None:
        """Put the bundle in the site; what a next build needs to know to use it again."""
        try:
            if self._pagefind is not None:
                said, _ = self._pagefind.communicate()
                if self._pagefind.returncode != 0:
                    self._failure = (f"Pagefind failed (exit status {self._pagefind.returncode}): "
                                     + (said.decode(errors="replace").strip() or "it said nothing"))
            if self._failure:
                raise SearchFailed(f"{self._failure}; the search index was not written")
            if not self._reused or not (self._bundle / SEARCH_BUNDLE / KINDS_FILE).exists():
                write_kinds(self._bundle / SEARCH_BUNDLE)
            # Plain `pelican` writes over an existing output folder, and its old bundle.
            shutil.rmtree(self._site / SEARCH_BUNDLE, ignore_errors=True)
            (self._bundle / SEARCH_BUNDLE).rename(self._site / SEARCH_BUNDLE)
        finally:
            self._clean_up()
        entry = _entry_digest(self._site / SEARCH_BUNDLE)
        return Previous(self.digest, self._site / SEARCH_BUNDLE, entry, kept=self._reused) if entry else None

    def abandon(self) -> None:
        """The build failed: stop Pagefind, and remove what it wrote."""
        self._clean_up()


# Smaller index chunks: a first query loads one chunk, and at this size it is about 4 KB instead
# of 20 (the meta file grows by about 1 KB; ../shared TOOLS.md measured it). The variable is
# Pagefind's, undocumented ("unstable"); pinned with pagefind_bin in requirements.lock.
PAGEFIND_ENV = {"PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": "2500"}
KINDS_FILE = "kinds.json"  # in the bundle: each result's kind, by Pagefind's id for it
KINDS_FORMAT = b"kinds.json 2: kinds, of, names"


def write_kinds(bundle: Path) -> None:
    """What kind each result is, for all of them at once: the search page counts a query's
    results by kind from this small file, and loads only the results it shows (Pagefind has
    each result's metadata in its own fragment file: 60 of them for a common name); and the
    names of the entities and terms with their pages, for "did you mean".
    {"kinds": ["Article paragraph", ...], "of": {"en_4b7de9b": 0, ...}, "names": {"Renault":
    "/entities/renault.html", ...}}, sorted: the same bundle gives the same bytes."""
    of: dict[str, str] = {}
    names: dict[str, str] = {}
    for fragment in sorted((bundle / "fragment").glob("*.pf_fragment")):
        data = fragment.read_bytes()
        if not data.startswith(FRAGMENT_SIGNATURE):
            data = gzip.decompress(data)
        meta = json.loads(data[len(FRAGMENT_SIGNATURE):])["meta"]
        of[fragment.stem] = meta.get("kind", "Page")
        if of[fragment.stem] in NAMED and meta.get("title"):
            names[meta["title"]] = meta.get("target", "")
    kinds = sorted(set(of.values()))
    index = {kind: n for n, kind in enumerate(kinds)}
    (bundle / KINDS_FILE).write_text(json.dumps({"kinds": kinds, "of": {k: index[v] for k, v in of.items()},
                                                 "names": dict(sorted(names.items()))},
                                                separators=(",", ":"), ensure_ascii=False), encoding="utf-8")


# The kinds whose titles are names a reader may misspell ("Renalt", "Ghson"): the search page
# offers the closest as "did you mean" (search.js), Pagefind having no typo tolerance.
NAMED = ("Entity", "Term")


FRAGMENT_SIGNATURE = b"pagefind_dcd"  # what Pagefind's files start with, once unpacked


def _clean_up(records: Path, bundle: Path, processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        if process.poll() is None:
            process.kill()
            process.communicate()
    shutil.rmtree(records, ignore_errors=True)
    shutil.rmtree(bundle, ignore_errors=True)


class SearchFailed(BuildError):
    """Pagefind could not make the bundle (what it said is the message)."""


def _records_folder() -> Path:
    """Records are throwaway files Pagefind reads once: in RAM where Linux offers it (writing
    9,000 of them took 1 to 2.7 s on this machine's disk, 0.2 s in /dev/shm), else on disk."""
    ram = Path("/dev/shm")
    if ram.is_dir() and os.access(ram, os.W_OK):
        folder = None
        try:
            folder = Path(tempfile.mkdtemp(prefix="explainer-search-", dir=ram))
            (folder / "probe").write_bytes(bytes(1 << 20))  # a small /dev/shm (64 MB in a container) may be full
            (folder / "probe").unlink()
            return folder
        except OSError:
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix="explainer-search-"))


@dataclass(frozen=True)
class Previous:
    """A bundle a build wrote: the digest of its records, where it is, its entry's digest."""

    records: str
    bundle: Path
    entry: str
    kept: bool = False  # the build used the last build's bundle again


def _link_or_copy(source: str, target: str) -> None:
    """The same files, linked where the disk allows (nothing rewrites them in place)."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _write_records(folder: Path, records: Iterable[Record], digest: Any) -> None:
    for n, record in enumerate(records):
        html = _record_html(record)
        digest.update(f"{n}\0{html}\0".encode())
        (folder / f"{n:05d}.html").write_text(html, encoding="utf-8")


def _entry_digest(bundle: Path) -> str | None:
    """What identifies a written bundle: its entry file names the hash of every index file."""
    try:
        return hashlib.sha256((bundle / "pagefind-entry.json").read_bytes()).hexdigest()
    except OSError:
        return None


def _record_html(record: Record) -> str:
    kind = escape(record.kind)
    # A page indexed whole: its title and what its infobox says come first, each a part of
    # its own (PART), as the page shows them apart from its text.
    text = (f"<h1>{escape(record.title)}</h1><p>{PART.strip()}</p>" if record.html else "") + (
        f"<p>{escape(record.content)}{PART if record.html else ''}</p>" if record.content else "")
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(record.title)}</title></head>'
            f'<body><div data-pagefind-body data-pagefind-meta="kind:{kind}">'
            f'<span data-pagefind-meta="target:{escape(record.url)}"></span>'
            f'<span data-pagefind-meta="title:{escape(record.title)}"></span>'
            f'{text}{record.html}</div></body></html>')
